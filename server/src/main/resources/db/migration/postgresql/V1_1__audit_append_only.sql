-- PostgreSQL only: the audit log is append-only. UPDATE, DELETE and TRUNCATE are refused for
-- every role that does not own the trigger; the hash chain still catches a superuser who
-- disables it (see docs/adr/0003-audit-hash-chain.md).
create function audit_entry_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'the audit log is append-only: % on audit_entry is refused', tg_op;
end;
$$;

create trigger audit_entry_no_update before update or delete on audit_entry
    for each row execute function audit_entry_refuse_change();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_refuse_change();
