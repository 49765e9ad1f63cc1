# Writes documents whose only marking sits inside an embedded object, as flat OpenDocument
# files (make.sh converts them like the other sources):
#   marked-objectinmemo.fodt  a memo with a Calc spreadsheet embedded; the marking is in a cell
#   marked-objectinsheet.fods  a sheet with a Writer text embedded; the marking is in the text
#   marked-objectinslide.fodp  a slide with a Calc spreadsheet embedded; the marking is in a cell
# Usage: /usr/bin/python3 make_embedded.py OUTDIR   (soffice listening on port 2002)
import sys, os, uno
from uno_office import prop, connect, add_shape
from com.sun.star.awt import Size, Point

desktop = connect()
out = os.path.abspath(sys.argv[1])
CALC = "47BBB4CB-CE4C-4E80-A591-42D9AE74950F"
WRITER = "8BC6B165-B1B2-4EDD-AA47-DAE2EE689DD6"

def new(kind):
    return desktop.loadComponentFromURL("private:factory/" + kind, "_blank", 0, (prop("Hidden", True),))

def save(doc, name, filt):
    doc.storeToURL(uno.systemPathToFileUrl(os.path.join(out, name)), (prop("FilterName", filt),))
    doc.close(True)

def fill_sheet(model):
    sheet = model.getSheets().getByIndex(0)
    sheet.getCellByPosition(0, 0).setString("科室")
    sheet.getCellByPosition(1, 0).setString("金额")
    sheet.getCellByPosition(0, 1).setString("办公室")
    sheet.getCellByPosition(1, 1).setValue(12000)
    sheet.getCellByPosition(0, 3).setString("机密★10年")
    model.setModified(True)

def ole_shape(doc, page, clsid):
    shape = doc.createInstance("com.sun.star.drawing.OLE2Shape")
    page.add(shape)
    shape.CLSID = clsid
    shape.setPosition(Point(1000, 3000))
    shape.setSize(Size(12000, 4000))
    return shape

# Writer + embedded Calc
doc = new("swriter")
text = doc.getText()
cursor = text.createTextCursor()
text.insertString(cursor, "关于第三季度经费使用情况的说明\n各科室经费明细见下表。\n", False)
obj = doc.createInstance("com.sun.star.text.TextEmbeddedObject")
obj.CLSID = CALC
obj.setSize(Size(12000, 4000))
text.insertTextContent(cursor, obj, False)
fill_sheet(obj.getEmbeddedObject())
text.insertString(text.getEnd(), "\n以上数据供参考。\n", False)
save(doc, "marked-objectinmemo.fodt", "OpenDocument Text Flat XML")

# Calc + embedded Writer
doc = new("scalc")
sheet = doc.getSheets().getByIndex(0)
sheet.getCellByPosition(0, 0).setString("经费汇总")
sheet.getCellByPosition(0, 1).setString("见附注")
shape = ole_shape(doc, sheet.getDrawPage(), WRITER)
model = shape.Model
model.getText().setString("附注：本表数据为机密★10年，不得外传。")
model.setModified(True)
save(doc, "marked-objectinsheet.fods", "OpenDocument Spreadsheet Flat XML")

# Impress + embedded Calc
doc = new("simpress")
slide = doc.getDrawPages().getByIndex(0)
add_shape(doc, slide, "com.sun.star.drawing.TextShape", 1000, 1000, 20000, 1500, "第三季度经费情况汇报")
shape = ole_shape(doc, slide, CALC)
fill_sheet(shape.Model)
save(doc, "marked-objectinslide.fodp", "OpenDocument Presentation Flat XML")
