-- Per-unit settings of the device ledger. A unit without a row uses the defaults
-- (maintenance may stay open 30 days before compliance reports it).
create table device_setting (
    unit_id                bigint                   not null primary key references unit (id),
    maintenance_limit_days integer                  not null,
    updated_at             timestamp with time zone not null,
    constraint device_setting_limit check (maintenance_limit_days between 1 and 365)
);
