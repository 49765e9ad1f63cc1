-- The inspectors' aggravated deductions found (kind D, occurrences) and veto items triggered (kind V) for one
-- inspected unit (ADR 0058): scored with the item results by the core Scoring, as a self-assessment's marks are.
create table inspection_mark (
    inspection_id bigint      not null references inspection (id),
    unit_id       bigint      not null references unit (id),
    kind          varchar(1)  not null,
    entry_id      varchar(32) not null,
    occurrences   integer     not null,
    constraint inspection_mark_pk primary key (inspection_id, unit_id, kind, entry_id)
);
