#!/usr/bin/env bash
# Regenerates the documents of RealDocumentsTest with LibreOffice (documents written by a real
# office suite, not by the tests' own POI writers): every source/*.fodt as doc, docx, odt, rtf and
# pdf; every source/*.fods as xls, xlsx and ods; every source/*.fodp as ppt, pptx, odp and pdf;
# each also as flat OpenDocument (fodt, fods, fodp) and UOF 1.0 (uot, uos, uop).
# Also password-protected doc, xls, odt, ods and odp (save_encrypted.py). The sources are flat OpenDocument files (marking in the body, header, footer, comment, title;
# clean prose that mentions the same words); the marked-objectin* sources, whose marking is only
# inside an embedded object, are themselves written through UNO (make_embedded.py); the
# marked-property* sources record 密级 only as a custom document property; the marked-watermark and
# marked-headerbox sources (a watermark, a text frame in the header) are written through UNO too
# (make_drawn.py); scanned-pasted.fodt and scanned-slides.fodp hold only a picture of the scanned memo's page.
# The memo with a watermark as LibreOffice draws it into a PDF (outlines across the page behind the
# text), in six words, fonts and angles, and a sheet of charts as PDF, are exported straight to PDF
# through UNO (make_outlined.py).
# Needs: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui libreoffice-impress-nogui
# fonts-noto-cjk python3-uno poppler-utils ghostscript, and a JDK with network access to Maven Central
# for make_ofd.sh. Made with LibreOffice 7.4.7, Ghostscript 10, ofdrw 2.3.1.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export HOME="$(mktemp -d)"
export PYTHONDONTWRITEBYTECODE=1 # no __pycache__ among the fixtures
cd "$here"
# Through LibreOffice's UNO API first (apt-get install python3-uno); --convert-to below must not
# run while this listening instance does.
soffice --headless --invisible --norestore '--accept=socket,host=localhost,port=2002;urp;' >/dev/null 2>&1 &
office=$!
sleep 6
/usr/bin/python3 make_embedded.py source
/usr/bin/python3 make_drawn.py source
/usr/bin/python3 make_outlined.py .
# Password-protected copies ("secret").
/usr/bin/python3 save_encrypted.py . source/marked-body.fodt source/marked-sheet.fods source/marked-slides.fodp
kill "$office" 2>/dev/null || true
wait "$office" 2>/dev/null || true
for f in doc docx odt rtf pdf; do soffice --headless --convert-to "$f" --outdir . source/*.fodt >/dev/null; done
for f in xls xlsx ods; do soffice --headless --convert-to "$f" --outdir . source/*.fods >/dev/null; done
for f in ppt pptx odp pdf; do soffice --headless --convert-to "$f" --outdir . source/*.fodp >/dev/null; done
# A scan pasted into a memo and onto a slide (source/scanned-pasted.fodt, scanned-slides.fodp: the
# scanned memo's page as a picture, nothing else): too large as RTF (4 MB) and ppt (0.5 MB) to keep.
rm -f scanned-pasted.rtf scanned-slides.ppt
# Flat OpenDocument (.fodt, .fods, .fodp: the whole document in one XML file), as LibreOffice saves it.
for f in fodt fods fodp; do soffice --headless --convert-to "$f" --outdir . source/*."$f" >/dev/null; done
# Its flat export of this sheet drops the cell comment (its ods keeps it): nothing left to find.
rm -f marked-cellcomment.fods
# UOF 1.0 (GB/T 20916, the Chinese standard office format WPS and Yozo write): LibreOffice's XSLT filters.
soffice --headless --convert-to 'uot:UOF text' --outdir . source/*.fodt >/dev/null
soffice --headless --convert-to 'uos:UOF spreadsheet' --outdir . source/*.fods >/dev/null
soffice --headless --convert-to 'uop:UOF presentation' --outdir . source/*.fodp >/dev/null
# Its UOF filters drop cell comments, a sheet's page header, custom properties of texts and
# slides, text boxes drawn on a sheet, a presentation's footer texts, and keep only a picture of
# an embedded object (LibreOffice's own SVM format): those files have nothing left to find.
rm -f marked-cellcomment.uos marked-sheetheader.uos marked-sheetbox.uos marked-property.uot \
  marked-propertyslides.uop marked-slidefooter.uop marked-objectinmemo.uot marked-objectinsheet.uos \
  marked-objectinslide.uop
# PDFs that hold nothing to find: LibreOffice exports no comments, notes, hidden text, hidden
# sheets or (here) sheet headers to PDF.
rm -f marked-comment.pdf marked-cellcomment.pdf marked-hidden.pdf marked-hiddensheet.pdf marked-notes.pdf \
  marked-sheetheader.pdf
# Nor custom document properties (marked-property*: 密级 recorded as a property, as marking tools do).
rm -f marked-property.pdf marked-propertyslides.pdf
# A watermark is drawn into the PDF as outlines, not as text: nothing to read without OCR (it is
# outlined-watermark.pdf, made by make_outlined.py).
rm -f marked-watermark.pdf
# The header of the notes pages: LibreOffice's pptx and UOF exports drop it, and its PDF holds the
# slides, not the notes pages (its ppt, odp and fodp keep it).
rm -f marked-notesheader.pptx marked-notesheader.uop marked-notesheader.pdf
# Nor is an embedded object always kept: LibreOffice 7.4's xlsx drops a text object embedded in
# a sheet (its RTF keeps only the object's picture, a WMF whose text the scanner reads).
rm -f marked-objectinsheet.xlsx
# The marked memo's PDF with its text converted to curves (转曲, as documents are for print), by
# Ghostscript (apt-get install ghostscript): no text left to read.
gs -q -o outlined-memo.pdf -dNoOutputFonts -sDEVICE=pdfwrite marked-body.pdf
# OFD, written by ofdrw (needs the PDFs and docx above): make_ofd.sh.
bash "$here/make_ofd.sh"
# A scan of the marked memo: its first page as an image, put back into a PDF (no text layer).
pdftoppm -r 110 -png -f 1 -l 1 marked-body.pdf "$HOME/scanned-memo"
soffice --headless --convert-to pdf --outdir "$HOME" "$HOME/scanned-memo-1.png" >/dev/null
mv "$HOME/scanned-memo-1.pdf" scanned-memo.pdf
# That scan between two typed pages (scanned attachments behind a typed letter): read in part.
pdfunite clean-prose.pdf scanned-memo.pdf clean-prose.pdf scanned-partly.pdf
rm -rf "$HOME"
