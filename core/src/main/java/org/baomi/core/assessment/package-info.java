/**
 * Self-inspection and self-evaluation (自查自评): standards as data, scoring, the assessment's
 * lifecycle, rectification of the problems it finds and inspections by a superior.
 *
 * <p>A {@link org.baomi.core.assessment.Standard} (unit, department or individual checklist) is
 * validated whole when built; {@link org.baomi.core.assessment.Scoring} turns a standard and the
 * {@link org.baomi.core.assessment.Results} recorded against it into an
 * {@link org.baomi.core.assessment.Evaluation} with exact decimal arithmetic;
 * {@link org.baomi.core.assessment.SelfAssessment}, {@link org.baomi.core.assessment.Rectification}
 * and {@link org.baomi.core.assessment.Inspection} are aggregates with guarded transitions. Reading
 * and writing standards as YAML or xlsx, persistence and evidence queries belong to the server.
 * See {@code docs/adr/0040-standard-format-and-scoring.md}.
 */
package org.baomi.core.assessment;
