#!/usr/bin/env bash
# Small-docx throughput of the whole `./baomi scan` process (the launcher, with its JVM options
# and class-data archive; BAOMI_SCAN_JAVA_OPTS="..." for others), files per second, median of N runs.
#   bench/office-throughput.sh [RUNS] [N_FILES]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
runs="${1:-5}"
n="${2:-2000}"
dir="$here/target/docx-$n"
[ -d "$dir" ] || python3 "$here/make-docx.py" --out "$dir" --n "$n"
# Builds the jar and the class-data archive if needed, so that no timed run does.
"$root/baomi" scan --format jsonl -o /dev/null "$here/make-docx.py" >/dev/null || true
hyperfine -N --warmup 1 --runs "$runs" --export-json /tmp/baomi-docx.json --ignore-failure --style basic \
  "$root/baomi scan --format jsonl -o /tmp/baomi-docx.jsonl $dir" >/dev/null
python3 - /tmp/baomi-docx.json "$n" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))["results"][0]["median"]
n = int(sys.argv[2])
print(f"{n} small docx: median {m:.3f} s  = {n/m:.0f} files/s (whole process, start-up included)")
PY
