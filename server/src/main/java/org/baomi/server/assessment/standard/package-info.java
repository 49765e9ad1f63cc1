/**
 * Self-inspection standards as files: {@link org.baomi.server.assessment.standard.StandardYaml} and
 * {@link org.baomi.server.assessment.standard.StandardXlsx} read and write a core
 * {@link org.baomi.core.assessment.Standard}; {@link org.baomi.server.assessment.standard.DefaultStandards}
 * loads the unit, department and individual standards shipped in {@code standards/*.yaml}. Every
 * problem in a file is reported at once, each naming where (YAML path or sheet and row) and the
 * field; nothing half-read escapes. Format: {@code docs/standard-format.md}, ADR 0040.
 */
package org.baomi.server.assessment.standard;
