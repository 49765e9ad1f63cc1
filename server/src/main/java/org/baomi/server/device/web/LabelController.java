package org.baomi.server.device.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.baomi.core.security.Permission;
import org.baomi.server.device.DeviceService;
import org.baomi.server.device.DeviceViews.DeviceDetail;
import org.baomi.server.device.DeviceViews.MediumDetail;
import org.baomi.server.device.MediumService;
import org.baomi.server.security.Requires;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.baomi.server.platform.web.NotFoundPage;

/**
 * Printable labels (70 × 40 mm) for devices and media: number, unit, level, responsible person or
 * holder, and a QR code with the number and serial. One label or a sheet of several.
 */
@Controller
class LabelController implements NotFoundPage {

    static final String VIEW = "device/labels";
    static final int MAX_LABELS = 200;

    /** One label as the template draws it; {@code level} may be null (a non-classified device). */
    record Label(String kind, String number, String typeKey, String level, String unitName, String personName,
            String serialNumber, String qrText, String qrSvg) {
    }

    private final DeviceService devices;
    private final MediumService media;

    LabelController(DeviceService devices, MediumService media) {
        this.devices = devices;
        this.media = media;
    }

    @GetMapping("/devices/{id:\\d+}/label")
    @Requires(Permission.BUSINESS_READ)
    String device(@PathVariable long id, Model model) {
        return render(model, List.of(deviceLabel(devices.get(id))), "/devices/" + id);
    }

    @GetMapping("/devices/labels")
    @Requires(Permission.BUSINESS_READ)
    String devices(@RequestParam(defaultValue = "") String ids, Model model) {
        List<Label> labels = new ArrayList<>();
        for (long id : ids(ids)) {
            labels.add(deviceLabel(devices.get(id)));
        }
        return render(model, labels, "/devices");
    }

    @GetMapping("/media/{id:\\d+}/label")
    @Requires(Permission.BUSINESS_READ)
    String medium(@PathVariable long id, Model model) {
        return render(model, List.of(mediumLabel(media.get(id))), "/media/" + id);
    }

    @GetMapping("/media/labels")
    @Requires(Permission.BUSINESS_READ)
    String media(@RequestParam(defaultValue = "") String ids, Model model) {
        List<Label> labels = new ArrayList<>();
        for (long id : ids(ids)) {
            labels.add(mediumLabel(media.get(id)));
        }
        return render(model, labels, "/media");
    }

    private static String render(Model model, List<Label> labels, String back) {
        model.addAttribute("labels", labels);
        model.addAttribute("back", back);
        return VIEW;
    }

    static Label deviceLabel(DeviceDetail d) {
        String text = QrCode.deviceText(d.details().assetNumber(), d.details().serialNumber());
        return new Label("device", d.details().assetNumber(), "device.type." + d.details().type(),
                d.details().level() == null ? null : d.details().level().name(), d.unitName(),
                d.responsible() == null ? null : d.responsible().name(), d.details().serialNumber(), text,
                QrCode.svg(text));
    }

    static Label mediumLabel(MediumDetail m) {
        String serial = m.details().serialNumber() == null || m.details().serialNumber().isBlank()
                ? m.details().usbSerial() : m.details().serialNumber();
        String text = QrCode.mediumText(m.number(), serial);
        return new Label("medium", m.number(), "medium.type." + m.details().type(), m.details().level().name(),
                m.unitName(), m.holder() == null ? null : m.holder().name(), serial, text, QrCode.svg(text));
    }

    /** The ids of {@code 3,5,8}; anything not a number is ignored, at most {@value #MAX_LABELS}. */
    static List<Long> ids(String ids) {
        return Arrays.stream(ids.split("[,\\s]+")).filter(s -> s.matches("\\d{1,18}")).map(Long::valueOf).distinct()
                .limit(MAX_LABELS).toList();
    }
}
