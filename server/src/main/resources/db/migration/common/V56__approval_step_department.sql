-- An approval step may be bound to a department: only a holder of the step's role who belongs to
-- that department decides it (a department head approves his own department's requests). Null for
-- every step made before, which any holder of the role in the unit decides, as before.
alter table approval_step add column department_id bigint references department (id);
