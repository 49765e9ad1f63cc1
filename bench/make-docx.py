#!/usr/bin/env python3
"""Writes N small .docx files (body, header, footer, core properties; one in ten marked)
for the Office throughput benchmark.   make-docx.py --out DIR [--n 2000] [--seed 7]"""
import argparse, os, random, zipfile

CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/>'
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
      '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
      '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>')
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def para(t):
    return f'<w:p><w:r><w:t xml:space="preserve">{t}</w:t></w:r></w:p>'


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    rnd = random.Random(a.seed)
    pool = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]
    for i in range(a.n):
        paras = ["".join(rnd.choice(pool) for _ in range(rnd.randint(40, 200))) for _ in range(rnd.randint(5, 30))]
        if i % 10 == 0:
            paras.insert(0, "机密★10年")
        body = f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{"".join(map(para, paras))}</w:body></w:document>'
        with zipfile.ZipFile(os.path.join(a.out, f"doc{i:05d}.docx"), "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("[Content_Types].xml", CT)
            z.writestr("_rels/.rels", RELS)
            z.writestr("word/document.xml", body)
            z.writestr("word/header1.xml", f'<?xml version="1.0"?><w:hdr {W}>{para("某单位文件")}</w:hdr>')
            z.writestr("word/footer1.xml", f'<?xml version="1.0"?><w:ftr {W}>{para("第 1 页")}</w:ftr>')
            z.writestr("docProps/core.xml", '<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>通知</dc:title></cp:coreProperties>')
    print(f"{a.n} docx files in {a.out}")


if __name__ == "__main__":
    main()
