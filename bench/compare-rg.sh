#!/usr/bin/env bash
# Side by side on the reference workload: the whole `./baomi scan` process (the launcher, with
# its JVM options and class-data archive, docs/adr/0109) against ripgrep (`rg -F -o -f`),
# sparse and dense dictionaries, median of N runs each.
# baomi runs with a warm compiled-dictionary cache; BAOMI_DICT_CACHE=off for a cold figure.
# BAOMI_SCAN_JAVA_OPTS="..." runs the jar with those options instead of the launcher's.
#   bench/compare-rg.sh [RUNS] [CORPUS_DIR]
# Needs python3, ripgrep (apt-get install ripgrep) and hyperfine (apt-get install hyperfine).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
runs="${1:-7}"
corpus="${2:-$root/bench/target/corpus}"
make_corpus="$root/../shared/bench/make-corpus.py"
[ -f "$make_corpus" ] || make_corpus=/work/shared/bench/make-corpus.py
[ -f "$corpus/corpus.txt" ] || python3 "$make_corpus" --out "$corpus" --mb 100 --seed 42
# Builds the jar and the class-data archive if needed, so that no timed run does.
"$root/baomi" scan --format jsonl -o /dev/null "$corpus/patterns-sparse.txt" >/dev/null || true
command -v rg >/dev/null || { echo "install ripgrep: apt-get install ripgrep" >&2; exit 2; }
command -v hyperfine >/dev/null || { echo "install hyperfine: apt-get install hyperfine" >&2; exit 2; }
cd "$corpus"
echo "$(date -u +%Y-%m-%dT%H:%MZ); rg $(rg --version | head -1); java $(java -version 2>&1 | head -1); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "baomi: $root/baomi scan${BAOMI_SCAN_JAVA_OPTS:+ (BAOMI_SCAN_JAVA_OPTS=$BAOMI_SCAN_JAVA_OPTS)}"
# The warm-up run fills the compiled-dictionary cache (ADR 0104), so baomi's figures are
# with a warm cache unless BAOMI_DICT_CACHE=off is set (then every run builds).
echo "dictionary cache: ${BAOMI_DICT_CACHE:-default location, warm after the warm-up run}"
for dict in sparse dense; do
  hyperfine -N --warmup 1 --runs "$runs" --export-json "/tmp/baomi-compare-$dict.json" \
    -n "baomi scan ($dict)" "$root/baomi scan --keywords patterns-$dict.txt --format jsonl corpus.txt -o /tmp/baomi-$dict.jsonl" \
    -n "rg -F -o ($dict)" "rg -F -o -f patterns-$dict.txt corpus.txt" \
    --ignore-failure --style basic >/dev/null
  python3 - "/tmp/baomi-compare-$dict.json" "$dict" <<'PY'
import json, sys
res = json.load(open(sys.argv[1]))["results"]
med = {r["command"]: r["median"] for r in res}
b, g = res[0]["median"], res[1]["median"]
print(f'{sys.argv[2]:7} baomi scan median {b:.3f} s   rg median {g:.3f} s   ratio rg/baomi = {g/b:.2f}x')
PY
done
