-- The date the self-inspection report carries (ADR 0059), saved with each version of the draft; null: the day
-- it is downloaded.
alter table assessment_report_version add column report_date date;
