package org.baomi.server.assessment.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.baomi.server.report.SelfInspectionReportData.Part;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The versions of an assessment's report draft and the officer's texts of its parts (V41, V59). */
@Repository
class ReportDraftRepository {

    /**
     * One save of the draft: what was done, the language, marking and report date (null: the download day) it
     * left, who and when.
     */
    record VersionRow(long assessmentId, int version, String action, String language, String marking,
            LocalDate reportDate, long byId, String byName, Instant at) {
    }

    private final JdbcClient jdbc;

    ReportDraftRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<VersionRow> latest(long assessmentId) {
        return versions(assessmentId).stream().findFirst();
    }

    /** Newest first. */
    List<VersionRow> versions(long assessmentId) {
        return jdbc.sql("""
                select assessment_id, version, action, language, marking, report_date, by_id, by_name, at
                  from assessment_report_version where assessment_id = :a order by version desc""")
                .param("a", assessmentId)
                .query((rs, i) -> new VersionRow(rs.getLong("assessment_id"), rs.getInt("version"), rs.getString("action"),
                        rs.getString("language"), rs.getString("marking"), rs.getObject("report_date", LocalDate.class),
                        rs.getLong("by_id"), rs.getString("by_name"), rs.getTimestamp("at").toInstant()))
                .list();
    }

    /**
     * The officer's current text of each part in {@code language}: the body of the part's latest row, left out
     * when that body is null (the part follows the generated text again).
     */
    Map<Part, String> texts(long assessmentId, String language) {
        Map<Part, String> texts = new EnumMap<>(Part.class);
        jdbc.sql("""
                select t.part, t.body from assessment_report_text t
                 where t.assessment_id = :a and t.language = :l
                   and t.version = (select max(x.version) from assessment_report_text x
                                     where x.assessment_id = t.assessment_id and x.language = t.language
                                       and x.part = t.part)""")
                .param("a", assessmentId).param("l", language)
                .query((rs, i) -> {
                    String body = rs.getString("body");
                    if (body != null) {
                        texts.put(Part.valueOf(rs.getString("part")), body);
                    }
                    return null;
                }).list();
        return texts;
    }

    /**
     * Stores version {@code row} and the parts it changed (a null text: the part follows the generated text).
     *
     * @throws DuplicateKeyException when another save took the version number first
     */
    void insert(VersionRow row, Map<Part, String> changed) {
        jdbc.sql("""
                insert into assessment_report_version (assessment_id, version, action, language, marking, report_date,
                    by_id, by_name, at)
                values (:a, :v, :action, :l, :m, :date, :by, :name, :at)""")
                .param("a", row.assessmentId()).param("v", row.version()).param("action", row.action())
                .param("l", row.language()).param("m", row.marking()).param("date", row.reportDate())
                .param("by", row.byId()).param("name", row.byName()).param("at", Timestamp.from(row.at())).update();
        changed.forEach((part, body) -> jdbc.sql("""
                insert into assessment_report_text (assessment_id, language, part, version, body)
                values (:a, :l, :p, :v, :b)""")
                .param("a", row.assessmentId()).param("l", row.language()).param("p", part.name())
                .param("v", row.version()).param("b", body).update());
    }
}
