#!/usr/bin/env bash
# Ledger import (platform.sheet): a generated ROWS-row register as xlsx and CSV, imported through
# SheetImports (both passes, every cell parsed and checked; no database), with the time and the
# peak heap of each run. Run from the repository root:  bench/sheet-import.sh [ROWS] [RUNS] [XMX]
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-50000}
RUNS=${2:-5}
XMX=${3:-256m}
./mvnw -q -ntp -pl server -am test-compile -DskipTests
CP=$(./mvnw -q -ntp -pl server dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
exec java -Xmx"$XMX" -cp "server/target/test-classes:server/target/classes:core/target/classes:$CP" \
  org.baomi.server.platform.sheet.SheetImportBench "$ROWS" "$RUNS"
