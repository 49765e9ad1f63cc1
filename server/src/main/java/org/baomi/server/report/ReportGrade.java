package org.baomi.server.report;

/**
 * The grade a self-inspection earned (SPEC section 2): 90 and over compliant, 80 to 89 basically
 * compliant, under 80 or any veto item non-compliant. The assessment feature decides the grade; the
 * reports only name it, with the label {@code report.grade.<name>}.
 */
public enum ReportGrade {
    COMPLIANT,
    BASICALLY_COMPLIANT,
    NON_COMPLIANT
}
