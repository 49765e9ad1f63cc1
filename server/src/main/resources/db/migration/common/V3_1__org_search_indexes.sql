-- People lists filter by department and secret-related level and look people up by employee
-- number; with 100k people these must not scan the table. Departments are listed per unit.
create index person_department_ix on person (department_id);
create index person_level_ix on person (secret_related_level, unit_id);
create index person_employee_number_ix on person (employee_number);
create index person_unit_name_ix on person (unit_id, name);
