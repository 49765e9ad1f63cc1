"""Writes the code points of the report fonts' subset: ASCII, all of GB2312 and common CJK punctuation."""
import sys
cps=set(range(0x20,0x7f))
for hi in range(0xA1,0xF8):
    for lo in range(0xA1,0xFF):
        try:
            c=bytes([hi,lo]).decode('gb2312')
            cps.add(ord(c))
        except Exception: pass
for c in "★☆●○■□▲△◆◇—–…‘’“”《》〈〉【】〔〕（）、。，；：？！·「」『』％×÷±≤≥℃№￥—－　": cps.add(ord(c))
cps |= set(range(0x2160,0x216C)) | set(range(0x2460,0x2474)) | set(range(0x3220,0x322A))|set(range(0xFF01,0xFF5F))
open(sys.argv[1], 'w').write(','.join('U+%04X'%c for c in sorted(cps)))
