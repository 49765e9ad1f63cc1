-- The self-inspection report's draft of an assessment (ADR 0050): every save is a version with
-- who and when, the report's language and its own marking; the texts the officer wrote for the
-- parts of the report are stored per language with the version that wrote them. A part without a
-- row in a language (or whose latest row has no body) follows the text generated from the
-- assessment and the ledgers.
create table assessment_report_version (
    assessment_id bigint       not null references self_assessment (id),
    version       integer      not null,
    action        varchar(16)  not null,
    language      varchar(8)   not null,
    marking       varchar(60),
    by_id         bigint       not null,
    by_name       varchar(100) not null,
    at            timestamp with time zone not null,
    constraint assessment_report_version_pk primary key (assessment_id, version)
);

create table assessment_report_text (
    assessment_id bigint       not null references self_assessment (id),
    language      varchar(8)   not null,
    part          varchar(24)  not null,
    version       integer      not null,
    body          varchar(8000),
    constraint assessment_report_text_pk primary key (assessment_id, language, part, version),
    constraint assessment_report_text_version_fk foreign key (assessment_id, version)
        references assessment_report_version (assessment_id, version)
);
