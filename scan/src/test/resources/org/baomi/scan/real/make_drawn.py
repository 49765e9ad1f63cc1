# Writes documents whose only marking is drawn rather than typed in the text, as flat
# OpenDocument files (make.sh converts them like the other sources):
#   marked-watermark.fodt  a memo with the watermark 机密 (Format > Watermark; Word's own
#                          watermarks are the same kind of shape: WordArt in the header)
#   marked-headerbox.fodt  a memo whose 密级 block is a text frame anchored in the header
#   marked-sheetbox.fods   a sheet whose 密级 block is a text box drawn above the table
#   marked-sheetwordart.fods  a sheet with 机密 as WordArt (Fontwork) drawn on it
#   marked-slidefooter.fodp  slides whose only marking is the footer text (Header and Footer)
#   marked-slidemaster.fodp  slides whose only marking is a text box on the master slide
#   marked-notesheader.fodp  slides whose only marking is the header of their notes pages
# Usage: /usr/bin/python3 make_drawn.py OUTDIR   (soffice listening on port 2002)
import sys, os, uno
from uno_office import prop, connect, context, add_shape
from com.sun.star.awt import Size

desktop = connect()
out = os.path.abspath(sys.argv[1])


def memo():
    doc = desktop.loadComponentFromURL("private:factory/swriter", "_blank", 0, (prop("Hidden", True),))
    text = doc.getText()
    text.insertString(text.getEnd(), "关于做好年终考核工作的通知\n各科室：\n现将年终考核有关事项通知如下，请认真组织实施。\n", False)
    return doc


def save(doc, name):
    doc.storeToURL(uno.systemPathToFileUrl(os.path.join(out, name)), (prop("FilterName", "OpenDocument Text Flat XML"),))
    doc.close(True)


doc = memo()
helper = context().ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", context())
helper.executeDispatch(doc.getCurrentController().getFrame(), ".uno:Watermark", "", 0,
                       (prop("Text", "机密"), prop("Font", "Noto Sans CJK SC"), prop("Angle", 45),
                        prop("Transparency", 50), prop("Color", 0xC0C0C0)))
save(doc, "marked-watermark.fodt")

doc = memo()
style = doc.getStyleFamilies().getByName("PageStyles").getByName("Standard")
style.HeaderIsOn = True
header = style.HeaderText
header.setString("某某局办公室")
frame = doc.createInstance("com.sun.star.text.TextFrame")
frame.setSize(Size(4000, 1000))
header.insertTextContent(header.getEnd(), frame, False)
frame.getText().setString("机密★10年")
save(doc, "marked-headerbox.fodt")


def sheet():
    doc = desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, (prop("Hidden", True),))
    cells = doc.getSheets().getByIndex(0)
    for row, (a, b) in enumerate((("科室", "金额"), ("办公室", "12000"), ("财务科", "8000"))):
        cells.getCellByPosition(0, row + 2).setString(a)
        cells.getCellByPosition(1, row + 2).setString(b)
    return doc, cells.getDrawPage()


def save_sheet(doc, name):
    doc.storeToURL(uno.systemPathToFileUrl(os.path.join(out, name)), (prop("FilterName", "OpenDocument Spreadsheet Flat XML"),))
    doc.close(True)


doc, page = sheet()
add_shape(doc, page, "com.sun.star.drawing.TextShape", 6000, 200, 5000, 1200, "机密★10年")
save_sheet(doc, "marked-sheetbox.fods")

doc, page = sheet()
art = add_shape(doc, page, "com.sun.star.drawing.CustomShape", 6000, 200, 5000, 1200)
art.CustomShapeGeometry = (prop("Type", "fontwork-plain-text"), prop("TextPath", (
    prop("TextPath", True), prop("TextPathMode", uno.Enum("com.sun.star.drawing.EnhancedCustomShapeTextPathMode", "SHAPE")))))
art.setString("机密")
save_sheet(doc, "marked-sheetwordart.fods")


def slides():
    doc = desktop.loadComponentFromURL("private:factory/simpress", "_blank", 0, (prop("Hidden", True),))
    pages = doc.getDrawPages()
    pages.insertNewByIndex(0)
    for i in range(2):
        add_shape(doc, pages.getByIndex(i), "com.sun.star.drawing.TextShape", 2000, 3000, 15000, 2000,
                  "第%d页 工作进展汇报" % (i + 1))
    return doc


def save_slides(doc, name):
    doc.storeToURL(uno.systemPathToFileUrl(os.path.join(out, name)), (prop("FilterName", "OpenDocument Presentation Flat XML"),))
    doc.close(True)


doc = slides()
for i in range(2):
    page = doc.getDrawPages().getByIndex(i)
    page.IsFooterVisible = True
    page.FooterText = "机密★10年"
save_slides(doc, "marked-slidefooter.fodp")

doc = slides()
add_shape(doc, doc.getMasterPages().getByIndex(0), "com.sun.star.drawing.TextShape", 1000, 500, 5000, 1000, "机密★10年")
save_slides(doc, "marked-slidemaster.fodp")

# Notes and handouts (Header and Footer, "Notes and Handouts" tab): the header printed on every
# notes page; nothing on the slides themselves.
doc = slides()
for i in range(2):
    notes = doc.getDrawPages().getByIndex(i).getNotesPage()
    notes.IsHeaderVisible = True
    notes.HeaderText = "机密★10年"
save_slides(doc, "marked-notesheader.fodp")
