-- The classified-carrier ledger (涉密载体台账), ADR 0008/0010/0011.
-- carrier is a projection for searching and reminders; the truth is carrier_event, replayed by
-- core's CarrierHistory. Both are written in the same transaction by CarrierService.

-- Ids are allocated before registration (the core model needs them, copies too).
create sequence carrier_id_seq start with 1 increment by 1;

create table carrier (
    id                   bigint        not null primary key,
    unit_id              bigint        not null references unit (id),
    serial               varchar(64)   not null,
    type                 varchar(32)   not null,
    title                varchar(500)  not null,
    -- lower-cased title, document number and issuer for case-insensitive text search
    search_text          varchar(1200) not null,
    document_number      varchar(100)  not null,
    issuer               varchar(200)  not null,
    dated                date          not null,
    copy_number          integer       not null,
    copy_total           integer       not null,
    marking_text         varchar(100)  not null,
    -- the level it is handled at now (INTERNAL once declassified)
    level                varchar(16)   not null,
    -- level as a number for sorting and filtering: 0 TOP_SECRET, 1 SECRET, 2 CONFIDENTIAL, 3 INTERNAL, 4 PUBLIC
    -- (written with level by CarrierRepository; a CASE in the order by forced a full sort)
    level_rank           smallint      not null,
    declassified         boolean       not null default false,
    -- when the secrecy term ends, counted from dated; null for long-term, conditions, declassified
    declassification_date date,
    status               varchar(16)   not null,
    custodian_person_id  bigint        not null references person (id),
    custodian_name       varchar(100)  not null,
    storage_kind         varchar(32)   not null,
    storage_name         varchar(200)  not null,
    copied_from          bigint references carrier (id),
    -- what is under way: circulation due / loan due / carrying-out return date, and who holds it
    due_date             date,
    holder_person_id     bigint,
    holder_name          varchar(100),
    held_since           timestamp with time zone,
    registered_at        timestamp with time zone not null,
    registered_by        varchar(64)   not null,
    updated_at           timestamp with time zone not null,
    version              integer       not null default 0,
    constraint carrier_serial_uk unique (unit_id, serial),
    constraint carrier_copy_ck check (copy_number between 1 and copy_total)
);
-- Ledger pages: a unit's carriers newest first, optionally by status, type or level.
create index carrier_unit_id_ix on carrier (unit_id, id);
create index carrier_unit_status_ix on carrier (unit_id, status, id);
create index carrier_unit_type_ix on carrier (unit_id, type, id);
create index carrier_unit_level_ix on carrier (unit_id, level_rank, id);
create index carrier_unit_dated_ix on carrier (unit_id, dated, id);
create index carrier_serial_ix on carrier (serial);
create index carrier_custodian_ix on carrier (custodian_person_id);
create index carrier_copied_from_ix on carrier (copied_from);
-- Reminders: what is out and when it is due, terms that end.
create index carrier_due_ix on carrier (status, due_date);
create index carrier_term_ix on carrier (declassification_date);
create index carrier_holder_ix on carrier (holder_person_id);

-- Knowledge scope (知悉范围): named people and whole departments.
create table carrier_scope_person (
    carrier_id bigint not null references carrier (id),
    person_id  bigint not null references person (id),
    constraint carrier_scope_person_pk primary key (carrier_id, person_id)
);
create index carrier_scope_person_ix on carrier_scope_person (person_id, carrier_id);

create table carrier_scope_department (
    carrier_id    bigint not null references carrier (id),
    department_id bigint not null references department (id),
    constraint carrier_scope_department_pk primary key (carrier_id, department_id)
);
create index carrier_scope_department_ix on carrier_scope_department (department_id, carrier_id);

-- The history (timeline): append only, one row per event, numbered per carrier from 0.
create table carrier_event (
    carrier_id  bigint        not null references carrier (id),
    seq         integer       not null,
    event_type  varchar(32)   not null,
    at          timestamp with time zone not null,
    actor_id    bigint        not null,
    actor_name  varchar(100)  not null,
    payload     varchar(8000) not null,
    constraint carrier_event_pk primary key (carrier_id, seq)
);

-- Serial counters, one per SerialNumberPattern.sequenceKey. The registering transaction
-- increments the row (and so locks it): a rolled-back registration rolls the counter back,
-- so there are no gaps, and a committed number is never handed out again (ADR 0010).
create table carrier_serial_counter (
    sequence_key varchar(100) not null primary key,
    last_value   bigint       not null
);

-- Carrier settings per unit; a unit without a row uses the defaults.
create table carrier_setting (
    unit_id              bigint       not null primary key references unit (id),
    serial_pattern       varchar(100) not null,
    circulation_days     integer      not null,
    term_warning_days    integer      not null,
    year_end_window_days integer      not null,
    updated_at           timestamp with time zone not null,
    updated_by           varchar(64)  not null
);

-- What each carrier approval request asks for, and when it was used (ADR 0011): an act that
-- needs approval names an APPROVED request of its type for this carrier that has not been used.
create table carrier_request (
    request_id        bigint        not null primary key references approval_request (id),
    carrier_id        bigint        not null references carrier (id),
    act               varchar(32)   not null,
    copies            integer,
    consent_authority varchar(200),
    consent_reference varchar(200),
    new_marking       varchar(100),
    return_by         date,
    reason            varchar(500)  not null,
    used_at           timestamp with time zone,
    used_by           varchar(64)
);
create index carrier_request_carrier_ix on carrier_request (carrier_id, request_id);

-- Destruction approvals are per batch (E); each carrier destroyed under one is recorded once.
create table carrier_destruction_use (
    request_id bigint not null references approval_request (id),
    carrier_id bigint not null references carrier (id),
    used_at    timestamp with time zone not null,
    constraint carrier_destruction_use_pk primary key (request_id, carrier_id)
);
