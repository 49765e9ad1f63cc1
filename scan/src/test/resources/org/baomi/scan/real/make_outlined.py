# Writes PDFs whose words are partly drawn as outlines over typed text, straight to PDF through
# LibreOffice (its PDF export draws a watermark's letters as filled outlines, not as text):
#   outlined-watermark*.pdf  the memo with a watermark (Format > Watermark, as make_drawn.py's
#                            marked-watermark.fodt): 机密 at 45°, and 秘密, 绝密 (a serif font, 30°),
#                            机密★10年 (315°), 内部资料 (level) and CONFIDENTIAL, light grey, half transparent
#   clean-charts.pdf         a sheet with six charts (pie, line, bar, area, XY, donut): shapes
#                            drawn in light colours that are not words
# Usage: /usr/bin/python3 make_outlined.py OUTDIR   (soffice listening on port 2002)
import sys, os, uno
from uno_office import prop, connect, context
from com.sun.star.awt import Rectangle
from com.sun.star.table import CellRangeAddress

desktop = connect()
out = os.path.abspath(sys.argv[1])


def pdf(doc, name, export):
    doc.storeToURL(uno.systemPathToFileUrl(os.path.join(out, name)), (prop("FilterName", export),))
    doc.close(True)


for name, text, font, angle in (("outlined-watermark.pdf", "机密", "Noto Sans CJK SC", 45),
                                ("outlined-watermark-secret.pdf", "秘密", "Noto Sans CJK SC", 45),
                                ("outlined-watermark-topsecret.pdf", "绝密", "Noto Serif CJK SC", 30),
                                ("outlined-watermark-period.pdf", "机密★10年", "Noto Sans CJK SC", 315),
                                ("outlined-watermark-internal.pdf", "内部资料", "Noto Sans CJK SC", 0),
                                ("outlined-watermark-confidential.pdf", "CONFIDENTIAL", "Liberation Sans", 45)):
    doc = desktop.loadComponentFromURL("private:factory/swriter", "_blank", 0, (prop("Hidden", True),))
    body = doc.getText()
    body.insertString(body.getEnd(), "关于做好年终考核工作的通知\n各科室：\n现将年终考核有关事项通知如下，请认真组织实施。\n", False)
    helper = context().ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", context())
    helper.executeDispatch(doc.getCurrentController().getFrame(), ".uno:Watermark", "", 0,
                           (prop("Text", text), prop("Font", font), prop("Angle", angle),
                            prop("Transparency", 50), prop("Color", 0xC0C0C0)))
    pdf(doc, name, "writer_pdf_Export")

doc = desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, (prop("Hidden", True),))
sheet = doc.getSheets().getByIndex(0)
rows = [("月份", "收入", "支出", "结余")] + [("%d月" % m, 100 + m * 7 % 30, 80 + m * 11 % 25, 20 + m * 3 % 9)
                                         for m in range(1, 13)]
for r, row in enumerate(rows):
    for c, v in enumerate(row):
        cell = sheet.getCellByPosition(c, r)
        if isinstance(v, str):
            cell.setString(v)
        else:
            cell.setValue(v)
data = CellRangeAddress()
data.Sheet, data.StartColumn, data.StartRow, data.EndColumn, data.EndRow = 0, 0, 0, 3, 12
charts = sheet.getCharts()
for i, kind in enumerate(("PieDiagram", "LineDiagram", "BarDiagram", "AreaDiagram", "XYDiagram", "DonutDiagram")):
    place = Rectangle()
    place.X, place.Y, place.Width, place.Height = 9000 + (i % 2) * 9000, (i // 2) * 7000, 8500, 6500
    charts.addNewByName("chart%d" % i, place, (data,), True, True)
    chart = charts.getByName("chart%d" % i).getEmbeddedObject()
    chart.setDiagram(chart.createInstance("com.sun.star.chart." + kind))
pdf(doc, "clean-charts.pdf", "calc_pdf_Export")
