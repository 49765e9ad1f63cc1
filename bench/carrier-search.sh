#!/usr/bin/env bash
# Ledger search on 100,000 carriers on PostgreSQL, as a user gets it: the REST API's filtered
# page (principal refresh, visibility, count, JSON) timed with curl, median and p90 of N runs.
#   bench/carrier-search.sh [RUNS] [CARRIERS]
# Needs a PostgreSQL at $PGHOST:$PGPORT (default 127.0.0.1:5432, user postgres, trust auth), psql
# and curl. Creates (and afterwards drops) the database baomi_bench_search.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
runs="${1:-30}"
target="${2:-100000}"
pghost="${PGHOST:-127.0.0.1}"; pgport="${PGPORT:-5432}"
db="${BENCH_DB:-baomi_bench_search}"
port="${BENCH_PORT:-8199}"
data="$(mktemp -d /tmp/baomi-bench-search.XXXXXX)"
psql_() { psql -X -q -v ON_ERROR_STOP=1 -h "$pghost" -p "$pgport" -U postgres "$@"; }
cleanup() {
  [ -n "${server_pid:-}" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  psql_ -d test -c "drop database if exists $db" >/dev/null 2>&1 || true
  rm -rf "$data"
}
trap cleanup EXIT
psql_ -d test -c "drop database if exists $db" -c "create database $db" >/dev/null

echo "starting the server on PostgreSQL ($db) with the demo organisation..."
"$root/baomi" serve --demo --port "$port" --data "$data" \
  --db-url "jdbc:postgresql://$pghost:$pgport/$db" --db-user postgres --db-password "" \
  >"$data/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 180); do
  curl -fs -o /dev/null "http://localhost:$port/login" && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$data/server.log"; exit 2; }
  sleep 1
done

# The demo runners seed after the web server is up: wait for the demo ledger.
for _ in $(seq 1 120); do
  [ "$(psql_ -d "$db" -At -c "select count(*) from carrier" 2>/dev/null || echo 0)" -gt 0 ] 2>/dev/null && break
  sleep 1
done
[ "$(psql_ -d "$db" -At -c "select count(*) from carrier")" -gt 0 ] || { echo "no demo carriers"; tail -50 "$data/server.log"; exit 2; }
sleep 3

# Clone the demo ledger (every status, real histories) until there are $target carriers in the
# demo unit, with ids from the sequence, serials and titles made unique, dates spread over 6 years.
seed_start=$(date +%s.%N)
psql_ -d "$db" <<SQL
create temporary table src as select * from carrier where copied_from is null;
create temporary table m as
  select s.id as old_id, g, nextval('carrier_id_seq') as new_id
    from src s cross join generate_series(1, ceil(($target - (select count(*) from carrier))::numeric
                                                   / (select count(*) from src))::int) g;
insert into carrier (id, unit_id, serial, type, title, search_text, document_number, issuer, dated, copy_number,
       copy_total, marking_text, level, level_rank, declassified, declassification_date, status, custodian_person_id,
       custodian_name, storage_kind, storage_name, copied_from, due_date, holder_person_id, holder_name, held_since,
       registered_at, registered_by, updated_at, version)
select m.new_id, s.unit_id, s.serial || '-' || lpad(m.g::text, 5, '0'), s.type, s.title || '（' || m.g || '）',
       lower(s.title || '（' || m.g || '）' || chr(10) || s.document_number || '-' || m.g || chr(10) || s.issuer),
       s.document_number || '-' || m.g, s.issuer, s.dated - (m.g % 2190),
       s.copy_number, s.copy_total, s.marking_text, s.level, s.level_rank, s.declassified, s.declassification_date, s.status,
       s.custodian_person_id, s.custodian_name, s.storage_kind, s.storage_name, null, s.due_date,
       s.holder_person_id, s.holder_name, s.held_since, s.registered_at, s.registered_by, s.updated_at, s.version
  from m join src s on s.id = m.old_id;
insert into carrier_event (carrier_id, seq, event_type, at, actor_id, actor_name, payload)
select m.new_id, e.seq, e.event_type, e.at, e.actor_id, e.actor_name, e.payload
  from m join carrier_event e on e.carrier_id = m.old_id;
insert into carrier_scope_person (carrier_id, person_id)
select m.new_id, p.person_id from m join carrier_scope_person p on p.carrier_id = m.old_id;
insert into carrier_scope_department (carrier_id, department_id)
select m.new_id, d.department_id from m join carrier_scope_department d on d.carrier_id = m.old_id;
analyze;
SQL
total=$(psql_ -d "$db" -At -c "select count(*) from carrier")
printf 'seeded: %s carriers (%s events) in %.1f s\n' "$total" \
  "$(psql_ -d "$db" -At -c 'select count(*) from carrier_event')" "$(echo "$(date +%s.%N) - $seed_start" | bc)"

# Sign in as the demo unit's secrecy officer (keeps the ledger: sees every row in full) and as a
# cleared staff member (刘洋, general level: the need-to-know test runs on every row).
login() {
  local cookies="$data/cookies-$1" csrf
  csrf=$(curl -fs -c "$cookies" "http://localhost:$port/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -fs -b "$cookies" -c "$cookies" -o /dev/null -d "username=$1&password=Demo%232026baomi&_csrf=$csrf" \
    "http://localhost:$port/login"
}
login secrecy
login staff
jar="$data/cookies-secrecy"
unit=$(psql_ -d "$db" -At -c "select unit_id from carrier group by unit_id order by count(*) desc limit 1")
custodian=$(psql_ -d "$db" -At -c "select custodian_person_id from carrier group by 1 order by count(*) desc limit 1")
api="http://localhost:$port/api/v1/carriers"

echo "java $(java -version 2>&1 | head -1 | cut -d'"' -f2); PostgreSQL $(psql_ -d "$db" -At -c 'show server_version'); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); $runs runs each after 5 warm-ups"
printf '%-44s %10s %10s %10s\n' "query (page of 50)" "rows" "median ms" "p90 ms"
measure() {
  local name="$1" query="$2" url="$api?size=50&$2" rows
  rows=$(curl -fs -b "$jar" "$url" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
  for _ in 1 2 3 4 5; do curl -fs -b "$jar" -o /dev/null "$url"; done
  for _ in $(seq 1 "$runs"); do curl -fs -b "$jar" -o /dev/null -w '%{time_total}\n' "$url"; done \
    | sort -n | awk -v name="$name" -v rows="$rows" '{ t[NR] = $1 * 1000 } END {
        printf "%-44s %10s %10.1f %10.1f\n", name, rows, t[int((NR + 1) / 2)], t[int(NR * 0.9 + 0.5)] }'
}
measure "first page, newest first"                "unitId=$unit"
measure "level = SECRET, status = IN_CUSTODY"     "unitId=$unit&level=SECRET&status=IN_CUSTODY"
measure "type = PAPER_DOCUMENT, by date"          "unitId=$unit&type=PAPER_DOCUMENT&sort=DATED"
measure "text contains a title word"              "unitId=$unit&text=%E9%80%9A%E7%9F%A5"
measure "text, rare (a title's number)"           "unitId=$unit&text=%EF%BC%88777%EF%BC%89"
measure "serial prefix"                           "unitId=$unit&serial=JZ-FGW"
measure "custodian + open + dated in 2025"        "unitId=$unit&custodianId=$custodian&open=true&datedFrom=2025-01-01&datedTo=2025-12-31"
measure "sort by level, page 100"                 "unitId=$unit&sort=LEVEL&page=100"
measure "no filter, page 1000 (deep offset)"      "unitId=$unit&page=1000"
jar="$data/cookies-staff"
measure "staff: first page (need-to-know per row)"  "unitId=$unit"
measure "staff: level = CONFIDENTIAL"              "unitId=$unit&level=CONFIDENTIAL"
