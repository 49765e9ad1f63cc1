#!/usr/bin/env bash
# Many small text files: the whole `./baomi scan` process over N files of 0.2-3 k characters cut
# from the reference corpus, with the built-in markings only and with the dense dictionary.
#   bench/small-files.sh [RUNS] [N]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
runs="${1:-5}"
n="${2:-5000}"
corpus="$here/target/corpus"
[ -f "$corpus/corpus.txt" ] || python3 "$root/../shared/bench/make-corpus.py" --out "$corpus" --mb 100 --seed 42 \
  || python3 /work/shared/bench/make-corpus.py --out "$corpus" --mb 100 --seed 42
dir="$here/target/small-$n"
if [ ! -d "$dir" ]; then
  mkdir -p "$dir"
  python3 - "$corpus/corpus.txt" "$dir" "$n" <<'PY'
import random, sys
text = open(sys.argv[1], encoding="utf-8").read(400000)
r = random.Random(1)
for i in range(int(sys.argv[3])):
    s = r.randrange(0, len(text) - 3000)
    open(f"{sys.argv[2]}/f{i:05d}.txt", "w", encoding="utf-8").write(text[s:s + r.randrange(200, 3000)])
PY
fi
"$root/baomi" scan --format jsonl -o /dev/null "$corpus/patterns-dense.txt" >/dev/null || true
hyperfine -N --warmup 1 --runs "$runs" --ignore-failure --style basic \
  -n "markings only" "$root/baomi scan --format jsonl -o /tmp/baomi-small-m.jsonl $dir" \
  -n "dense dictionary" "$root/baomi scan --keywords $corpus/patterns-dense.txt --format jsonl -o /tmp/baomi-small-d.jsonl $dir" \
  2>&1 | grep -E "^Benchmark|Time"
