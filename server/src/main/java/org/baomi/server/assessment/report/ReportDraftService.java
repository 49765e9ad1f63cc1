package org.baomi.server.assessment.report;

import org.baomi.core.ChinaTime;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.baomi.core.DomainException;
import org.baomi.core.assessment.AssessmentLevel;
import org.baomi.core.assessment.Evaluation;
import org.baomi.core.classification.Marking;
import org.baomi.core.security.Permission;
import org.baomi.server.assessment.AssessmentService;
import org.baomi.server.assessment.AssessmentViews.AssessmentSummary;
import org.baomi.server.assessment.AssessmentViews.ReportSource;
import org.baomi.server.assessment.report.ReportDraftRepository.VersionRow;
import org.baomi.server.audit.AuditLog;
import org.baomi.server.evidence.EvidenceService;
import org.baomi.server.platform.ValidationException;
import org.baomi.server.report.ReportFormat;
import org.baomi.server.report.DocxRenderer;
import org.baomi.server.report.PdfRenderer;
import org.baomi.server.report.ReportDocument;
import org.baomi.server.report.ReportDocument.Block;
import org.baomi.server.report.ReportGrade;
import org.baomi.server.report.SelfInspectionReportBuilder;
import org.baomi.server.report.SelfInspectionReportData;
import org.baomi.server.report.SelfInspectionReportData.Part;
import org.baomi.server.security.BaomiUser;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The self-inspection report of a unit's assessment (ADR 0050): a draft whose parts are generated from the
 * assessment and the unit's ledgers for the year, edited by the officer part by part (every save a version,
 * audited {@code assess.report.edit}), and exported as .docx or .pdf in Chinese or English with the report's
 * own marking and date (audited {@code assess.report.download}). The date is the officer's, saved with the draft,
 * else the day of the download (ADR 0059). A save made on a version of the draft that is no longer the latest is
 * refused ({@code reportdraft.conflict}), as is one that loses the race for the next version number.
 *
 * <p>Who may: whoever may see the assessment reads the draft and downloads the report; whoever may write the
 * assessment (its unit's secrecy officer, ADR 0046) edits the draft, also once it is approved and locked.
 */
@Service
public class ReportDraftService {

    static final ZoneId ZONE = ChinaTime.ZONE;
    static final int MAX_TEXT = 8000;
    static final List<String> LANGUAGES = List.of("zh", "en");

    private final AssessmentService assessments;
    private final EvidenceService evidence;
    private final ReportDraftRepository repository;
    private final SelfInspectionReportBuilder builder;
    private final DocxRenderer docx;
    private final PdfRenderer pdf;
    private final MessageSource messages;
    private final AuditLog audit;
    private final Clock clock;

    ReportDraftService(AssessmentService assessments, EvidenceService evidence, ReportDraftRepository repository,
            SelfInspectionReportBuilder builder, DocxRenderer docx, PdfRenderer pdf, MessageSource messages,
            AuditLog audit, Clock clock) {
        this.assessments = assessments;
        this.evidence = evidence;
        this.repository = repository;
        this.builder = builder;
        this.docx = docx;
        this.pdf = pdf;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * One part of the draft: the text the report prints for it ({@code edited}: the officer's, else the generated
     * one), the generated text, and what the report prints after the text (figures, tables, lists).
     */
    public record DraftPart(Part part, String heading, String text, String generated, boolean edited,
            List<Block> after) {
    }

    /** A save of the draft. */
    public record Version(int version, String action, String language, String marking, LocalDate reportDate,
            String byName, Instant at) {
    }

    /**
     * The draft as the editor shows it: the assessment, the report's language and marking, the date the officer
     * set ({@code reportDate}, null: the download day) and the date a download now prints ({@code date}), its parts
     * in order, the latest version (0: none) and the versions newest first; {@code scored}: the report can be
     * exported; {@code canEdit}: the reader may edit.
     */
    public record Draft(AssessmentSummary assessment, String language, String marking, LocalDate reportDate,
            LocalDate date, boolean scored, BigDecimal score, ReportGrade grade, String title, List<DraftPart> parts,
            int version, List<Version> versions, boolean canEdit) {
    }

    /** An exported report. */
    public record ReportFile(String fileName, ReportFormat format, byte[] content) {
    }

    /** The draft of assessment {@code id}, in {@code language} (null: the draft's own); the view is audited. */
    @Transactional
    public Draft draft(long id, String language) {
        current(Permission.BUSINESS_READ);
        ReportSource source = unitSource(id);
        Optional<VersionRow> latest = repository.latest(id);
        String lang = language == null || language.isBlank() ? latest.map(VersionRow::language).orElse("zh")
                : language(language);
        Optional<LocalDate> reportDate = latest.map(VersionRow::reportDate);
        Composed c = compose(source, lang, latest.map(VersionRow::marking), reportDate);
        audit.recordView("assessment_report", id);
        List<DraftPart> parts = new ArrayList<>();
        for (Part part : Part.values()) {
            ReportDocument.Section section = c.document().sections().get(part.ordinal());
            String text = c.effective().getOrDefault(part, "");
            int own = part == Part.SCORE && !c.scored() ? section.blocks().size()
                    : Math.min(paragraphs(text), section.blocks().size());
            parts.add(new DraftPart(part, section.heading(), text, c.generated().getOrDefault(part, ""),
                    c.officer().containsKey(part), section.blocks().subList(own, section.blocks().size())));
        }
        List<Version> versions = repository.versions(id).stream().map(v -> new Version(v.version(), v.action(),
                v.language(), v.marking(), v.reportDate(), v.byName(), v.at())).toList();
        Evaluation.Scored scored = source.evaluation() instanceof Evaluation.Scored s ? s : null;
        return new Draft(source.summary(), lang, latest.map(VersionRow::marking).orElse(null), reportDate.orElse(null),
                c.document().date(), scored != null, scored == null ? null : scored.score(),
                scored == null ? null : ReportContent.grade(scored.grade()), c.document().title(), parts,
                latest.map(VersionRow::version).orElse(0), versions, source.canWrite());
    }

    /**
     * Saves the officer's texts of the parts given, in {@code language} (null: the draft's), which becomes the
     * draft's, with the report's marking (blank: none) and date (null: the day of each download). A text left blank
     * or equal to the generated one follows the generated text. Nothing changed, nothing is stored.
     *
     * @param expectedVersion the version of the draft the texts were written on (null: do not check)
     * @throws ValidationException naming the field: language, marking, reportDate, or the part whose text is too long
     * @throws DomainException {@code reportdraft.conflict} when someone saved the draft meanwhile
     */
    @Transactional
    public void save(long id, String language, String marking, LocalDate reportDate, Map<Part, String> texts,
            Integer expectedVersion) {
        BaomiUser user = current(Permission.APPROVAL_REQUEST);
        ReportSource source = writable(id, user);
        Optional<VersionRow> latest = repository.latest(id);
        String lang = language == null ? latest.map(VersionRow::language).orElse("zh") : language(language);
        String mark = marking(marking);
        if (reportDate != null && reportDate.getYear() < source.assessment().year()) {
            throw ValidationException.of("reportDate", "reportdraft.date.beforePeriod",
                    "The report is dated in " + source.assessment().year() + " or later.",
                    source.assessment().year());
        }
        if (expectedVersion != null && expectedVersion != latest.map(VersionRow::version).orElse(0)) {
            throw conflict();
        }
        texts.forEach((part, text) -> {
            if (text != null && text.length() > MAX_TEXT) {
                throw ValidationException.of("parts." + part.name(), "reportdraft.text.tooLong",
                        "The text of a part is at most " + MAX_TEXT + " characters.", MAX_TEXT);
            }
        });
        Map<Part, String> stored = repository.texts(id, lang);
        Composed c = compose(source, lang, Optional.ofNullable(mark), Optional.ofNullable(reportDate));
        Map<Part, String> changed = new EnumMap<>(Part.class);
        texts.forEach((part, text) -> {
            String normalized = normalize(text);
            String value = normalized.isEmpty() || normalized.equals(normalize(c.generated().get(part))) ? null
                    : normalized;
            if (!Objects.equals(value, stored.get(part))) {
                changed.put(part, value);
            }
        });
        boolean same = latest.isPresent() && latest.get().language().equals(lang)
                && Objects.equals(latest.get().marking(), mark) && Objects.equals(latest.get().reportDate(), reportDate);
        if (changed.isEmpty()
                && (same || latest.isEmpty() && lang.equals("zh") && mark == null && reportDate == null)) {
            return;
        }
        store(id, user, "EDIT", lang, mark, reportDate, changed, latest);
    }

    /** Makes {@code language} the draft's: the editor shows and the report prints the texts in it. */
    @Transactional
    public void switchLanguage(long id, String language) {
        BaomiUser user = current(Permission.APPROVAL_REQUEST);
        writable(id, user);
        String lang = language(language);
        Optional<VersionRow> latest = repository.latest(id);
        if (latest.map(VersionRow::language).orElse("zh").equals(lang)) {
            return;
        }
        store(id, user, "LANGUAGE", lang, latest.map(VersionRow::marking).orElse(null),
                latest.map(VersionRow::reportDate).orElse(null), Map.of(), latest);
    }

    /** Resets one part, in the draft's language, to the text generated from the assessment and the ledgers. */
    @Transactional
    public void regenerate(long id, Part part) {
        BaomiUser user = current(Permission.APPROVAL_REQUEST);
        writable(id, user);
        Optional<VersionRow> latest = repository.latest(id);
        String lang = latest.map(VersionRow::language).orElse("zh");
        if (!repository.texts(id, lang).containsKey(part)) {
            return;
        }
        Map<Part, String> reset = new EnumMap<>(Part.class);
        reset.put(part, null);
        store(id, user, "REGENERATE", lang, latest.map(VersionRow::marking).orElse(null),
                latest.map(VersionRow::reportDate).orElse(null), reset, latest);
    }

    /**
     * The report as a file, in {@code language} (null: the draft's), with the draft's texts and marking; the
     * download is audited with its format and marking.
     *
     * @throws DomainException {@code reportdraft.notScored} while items are without a result
     */
    @Transactional
    public ReportFile export(long id, ReportFormat format, String language) {
        current(Permission.BUSINESS_READ);
        ReportSource source = unitSource(id);
        Optional<VersionRow> latest = repository.latest(id);
        String lang = language == null || language.isBlank() ? latest.map(VersionRow::language).orElse("zh")
                : language(language);
        if (!(source.evaluation() instanceof Evaluation.Scored)) {
            throw new DomainException("reportdraft.notScored",
                    "The report is written once every item has a result and something applies.");
        }
        Optional<String> marking = latest.map(VersionRow::marking);
        Composed c = compose(source, lang, marking, latest.map(VersionRow::reportDate));
        byte[] content = format.render(c.document(), docx, pdf);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("format", format.extension());
        after.put("language", lang);
        after.put("marking", marking.orElse(""));
        after.put("date", c.document().date().toString());
        after.put("version", latest.map(VersionRow::version).orElse(0));
        audit.record("assess.report.download", "self_assessment", id, null, after);
        String name = new ReportContent(messages, locale(lang)).get("reportdraft.file", source.summary().unitName(),
                source.summary().year());
        return new ReportFile(name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_") + "." + format.extension(), format,
                content);
    }

    // ------------------------------------------------------------------ composing

    /** The report's document and, per part, the generated, the officer's and the printed (effective) text. */
    private record Composed(ReportDocument document, Map<Part, String> generated, Map<Part, String> officer,
            Map<Part, String> effective, boolean scored) {
    }

    private Composed compose(ReportSource source, String lang, Optional<String> marking,
            Optional<LocalDate> reportDate) {
        Locale locale = locale(lang);
        ReportContent content = new ReportContent(messages, locale);
        var a = source.assessment();
        Evaluation.Scored scored = source.evaluation() instanceof Evaluation.Scored s ? s : null;
        long unit = source.summary().unitId();
        var figures = ReportContent.figures(evidence.figures(unit, false, LocalDate.of(a.year(), 1, 1),
                LocalDate.of(a.year(), 12, 31)));
        var rectifications = ReportContent.rectifications(a, source.rectifications());
        List<String> problems = content.problems(a);
        SelfInspectionReportData base = new SelfInspectionReportData(source.summary().unitName(),
                content.get("reportdraft.period", a.year()),
                reportDate.orElseGet(() -> LocalDate.now(clock.withZone(ZONE))), locale, marking,
                scored == null ? BigDecimal.ZERO : scored.score(),
                scored == null ? ReportGrade.NON_COMPLIANT : ReportContent.grade(scored.grade()),
                scored != null && scored.vetoed(), content.categories(a), figures, problems, rectifications, Map.of());
        Map<Part, String> generated = new EnumMap<>(Part.class);
        for (Part part : Part.values()) {
            generated.put(part, builder.draftText(base, part));
        }
        if (rectifications.isEmpty() && !problems.isEmpty()) {
            // Before the unit head approves, the problems have no rectifications yet: "none found" would be false.
            generated.put(Part.RECTIFICATION, content.get("reportdraft.rectification.pending"));
        }
        Map<Part, String> officer = repository.texts(a.id(), lang);
        Map<Part, String> effective = new EnumMap<>(Part.class);
        for (Part part : Part.values()) {
            String text = officer.getOrDefault(part, generated.get(part));
            if (text != null && !text.isBlank()) {
                effective.put(part, text);
            }
        }
        SelfInspectionReportData data = new SelfInspectionReportData(base.unitName(), base.period(), base.date(),
                locale, marking, base.score(), base.grade(), base.vetoed(), base.categories(), base.figures(),
                base.problems(), base.rectifications(), effective);
        return new Composed(builder.build(data), generated, officer, effective, scored != null);
    }

    private void store(long id, BaomiUser user, String action, String lang, String mark, LocalDate reportDate,
            Map<Part, String> changed, Optional<VersionRow> latest) {
        int version = latest.map(VersionRow::version).orElse(0) + 1;
        try {
            repository.insert(new VersionRow(id, version, action, lang, mark, reportDate, user.accountId(),
                    user.displayName(), clock.instant()), changed);
        } catch (DuplicateKeyException | TransientDataAccessException e) {
            // Another save of the same draft took this version number a moment ago (or still holds it, uncommitted,
            // past the lock timeout).
            throw conflict();
        }
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("version", latest.map(VersionRow::version).orElse(0));
        before.put("language", latest.map(VersionRow::language).orElse(""));
        before.put("marking", latest.map(VersionRow::marking).orElse(""));
        before.put("reportDate", latest.map(VersionRow::reportDate).map(LocalDate::toString).orElse(""));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("version", version);
        after.put("action", action);
        after.put("language", lang);
        after.put("marking", mark == null ? "" : mark);
        after.put("reportDate", reportDate == null ? "" : reportDate.toString());
        Map<String, String> parts = new LinkedHashMap<>();
        changed.forEach((part, text) -> parts.put(part.name(), text == null ? "(generated)" : text));
        after.put("parts", parts);
        audit.record("assess.report.edit", "self_assessment", id, before, after);
    }

    // ------------------------------------------------------------------ checks

    private static DomainException conflict() {
        return new DomainException("reportdraft.conflict",
                "Someone saved this draft meanwhile; reload it to see their changes, then edit again.");
    }

    /** The assessment for a reader who may see it; unit assessments only, as the report is the unit's. */
    private ReportSource unitSource(long id) {
        ReportSource source = assessments.reportSource(id);
        if (!AssessmentLevel.UNIT.name().equals(source.summary().level())) {
            throw new DomainException("reportdraft.unitOnly", "The self-inspection report is written for a unit's "
                    + "assessment; this one is of a " + source.summary().level().toLowerCase(Locale.ROOT) + ".");
        }
        return source;
    }

    private ReportSource writable(long id, BaomiUser user) {
        ReportSource source = unitSource(id);
        if (!source.canWrite()) {
            throw new AccessDeniedException("only who may write the assessment edits its report");
        }
        return source;
    }

    static String language(String language) {
        String l = language == null ? "" : language.strip().toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(l)) {
            throw ValidationException.of("language", "reportdraft.language.invalid", "The language is zh or en.",
                    language);
        }
        return l;
    }

    static Locale locale(String language) {
        return "en".equals(language) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    /** The marking as the report prints it, null for none (blank or 公开). */
    static String marking(String marking) {
        if (marking == null || marking.isBlank()) {
            return null;
        }
        try {
            Marking m = Marking.parse(marking);
            return m.level() == org.baomi.core.classification.ClassificationLevel.PUBLIC ? null : m.format();
        } catch (DomainException e) {
            throw ValidationException.of("marking", e.code(), e.getMessage(), e.args());
        }
    }

    private static String normalize(String text) {
        return text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    private static int paragraphs(String text) {
        return (int) text.lines().filter(l -> !l.isBlank()).count();
    }

    private static BaomiUser current(Permission permission) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof BaomiUser user)) {
            throw new AccessDeniedException("not signed in");
        }
        if (!user.has(permission)) {
            throw new AccessDeniedException("missing " + permission);
        }
        return user;
    }
}
