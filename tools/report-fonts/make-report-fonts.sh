#!/usr/bin/env bash
# Regenerates server/src/main/resources/fonts/*.ttf: GB2312 subsets of Noto Serif CJK SC Regular
# (body text) and Noto Sans CJK SC Bold (headings), converted to TrueType outlines (ADR 0044).
# Needs Debian's fonts-noto-cjk and Python fontTools (pyftsubset). Run from the repository root.
set -euo pipefail
src=/usr/share/fonts/opentype/noto
out=server/src/main/resources/fonts
tmp=$(mktemp -d)
here=$(dirname "$0")
python3 "$here/gb2312_unicodes.py" "$tmp/unicodes.txt"
subset() { # ttc  family  style  output
  # face 2 of the Noto CJK collections is the Simplified Chinese one (SC)
  pyftsubset "$src/$1" --font-number=2 --unicodes-file="$tmp/unicodes.txt" --layout-features='' \
    --no-hinting --desubroutinize --name-IDs='*' --output-file="$tmp/$4.otf"
  python3 "$here/otf2ttf.py" "$tmp/$4.otf" "$out/$4" "$2" "$3"
}
subset NotoSerifCJK-Regular.ttc "Baomi Report Serif SC" Regular BaomiReportSerifSC-Regular.ttf
subset NotoSansCJK-Bold.ttc "Baomi Report Sans SC" Bold BaomiReportSansSC-Bold.ttf
rm -rf "$tmp"
