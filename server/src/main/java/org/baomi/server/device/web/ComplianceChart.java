package org.baomi.server.device.web;

import java.util.ArrayList;
import java.util.List;
import org.baomi.core.device.compliance.Severity;
import org.baomi.server.device.DeviceViews.RuleCountView;

/**
 * The geometry of the compliance bar chart, drawn by the template as inline SVG: one row per rule
 * (zeros included), the rule's name above its bar, bars scaled to the largest count and coloured
 * by severity. Narrow enough (400 units) to stay legible on a phone.
 */
record ComplianceChart(int width, int height, List<Bar> bars) {

    static final int WIDTH = 400;
    static final int ROW = 40;
    static final int TOP = 4;
    static final int BAR_X = 0;
    static final int BAR_MAX = 340;

    /** One bar: its rule, severity and count, where it sits and how long it is. */
    record Bar(String ruleId, Severity severity, int count, int labelY, int barY, int barWidth, int countX) {
    }

    static ComplianceChart of(List<RuleCountView> rules) {
        int max = rules.stream().mapToInt(RuleCountView::count).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        int y = TOP;
        for (RuleCountView r : rules) {
            // a zero keeps a hairline so every rule shows where its bar would be
            int w = max == 0 || r.count() == 0 ? 2 : Math.max(4, Math.round((float) BAR_MAX * r.count() / max));
            bars.add(new Bar(r.ruleId(), r.severity(), r.count(), y + 14, y + 20, w, BAR_X + w + 6));
            y += ROW;
        }
        return new ComplianceChart(WIDTH, y + TOP, bars);
    }
}
