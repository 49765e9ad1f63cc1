-- Ledger text search (PostgreSQL only; H2 scans): a trigram index serves CarrierRepository's
-- "search_text like '%x%'" when x has three characters or more. Measured on 100,000 carriers:
-- a selective 4-character search 137 ms -> 0.4 ms (page) and 188 ms -> 0.3 ms (count). A two-character
-- word (most Chinese words) has no trigram, so it still scans, and so does the count of a common
-- word; see ADR 0008 (Search). pg_trgm is a trusted extension (PG 13+): the database owner may create it.
create extension if not exists pg_trgm;
create index carrier_search_text_trgm_ix on carrier using gin (search_text gin_trgm_ops);
