-- A finding may name who owns its rectification (a person of the inspected unit, ADR 0058); null: the unit's
-- secrecy officer, else its head, as before. The summary report's next steps and marking are kept on the
-- inspection (null: never saved) so that the next download, on the page or by the API, starts from them.
alter table inspection_finding add column owner_id bigint references account (id);
alter table inspection add column report_marking varchar(40);
alter table inspection add column report_next_steps varchar(4000);
