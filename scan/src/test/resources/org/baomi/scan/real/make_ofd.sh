#!/usr/bin/env bash
# Writes the OFD documents of RealDocumentsTest with ofdrw (the open-source Java implementation of
# GB/T 33190, from Maven Central; only this script uses it, the project does not depend on it):
# see MakeOfd.java. Needs the documents make.sh writes first (marked-body.pdf, marked-footer.docx),
# a JDK and pdftoppm (poppler-utils); run by make.sh. Made with ofdrw 2.3.1.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../../../../../../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat > "$work/pom.xml" <<'POM'
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local</groupId><artifactId>make-ofd</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>org.ofdrw</groupId><artifactId>ofdrw-full</artifactId><version>2.3.1</version></dependency>
  </dependencies>
</project>
POM
"$root/mvnw" -B -q -ntp -f "$work/pom.xml" dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null
rm -f "$here"/*.ofd
# The marked memo's first page as a scan (110 ppi, as make.sh makes scanned-memo.pdf).
pdftoppm -r 110 -png -f 1 -l 1 "$here/marked-body.pdf" "$work/scan"
java -cp "$(cat "$work/cp.txt")" "$here/MakeOfd.java" "$here" "$work/scan-1.png" 2>/dev/null
