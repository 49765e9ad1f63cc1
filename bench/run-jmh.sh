#!/usr/bin/env bash
# Matching throughput on one core (JMH). Builds the workload if needed.
#   bench/run-jmh.sh [CORPUS_DIR]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
corpus="${1:-$root/bench/target/corpus}"
[ -f "$corpus/corpus.txt" ] || python3 "$root/../shared/bench/make-corpus.py" --out "$corpus" --mb 100 --seed 42 \
  || python3 /work/shared/bench/make-corpus.py --out "$corpus" --mb 100 --seed 42
[ -f "$here/target/benchmarks.jar" ] || (cd "$root" && ./mvnw -q -B -DskipTests -pl scan,bench -am package)
mb=32
java -jar "$here/target/benchmarks.jar" MatcherBenchmark -jvmArgsAppend "-Dbaomi.corpus=$corpus" -p mb=$mb -rf json -rff "$here/target/jmh.json" \
  | tee "$here/target/jmh.txt"
python3 - "$here/target/jmh.json" "$mb" <<'PY'
import json, sys
mb = int(sys.argv[2])
for r in json.load(open(sys.argv[1])):
    s = r["primaryMetric"]
    print(f'{r["benchmark"].split(".")[-1]:16} {r["params"]["dictionary"]:7} {s["score"]*mb:8.1f} MB/s per core (± {s["scoreError"]*mb:.1f})')
PY
