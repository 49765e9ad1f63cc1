"""Convert a CFF-outline OpenType font to TrueType (glyf) outlines and rename its family.

PDFBox embeds subsets of TrueType-outline fonts only, and Noto CJK ships CFF outlines.
Usage: otf2ttf.py SRC.otf DST.ttf "Family Name" "Style"
"""
import sys
from fontTools.ttLib import TTFont, newTable
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen

src, dst, family, style = sys.argv[1:5]
font = TTFont(src)
glyphs = font.getGlyphSet()
order = font.getGlyphOrder()
glyf = newTable('glyf')
glyf.glyphOrder = order
glyf.glyphs = {}
for name in order:
    pen = TTGlyphPen(glyphs)
    glyphs[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
    glyf[name] = pen.glyph()
font['loca'] = newTable('loca')
font['glyf'] = glyf
maxp = newTable('maxp')
maxp.tableVersion = 0x00010000
for attr in ('maxZones', 'maxTwilightPoints', 'maxStorage', 'maxFunctionDefs', 'maxInstructionDefs',
             'maxStackElements', 'maxSizeOfInstructions', 'maxComponentElements'):
    setattr(maxp, attr, 0)
maxp.maxZones = 1
font['maxp'] = maxp
del font['CFF ']
if 'VORG' in font:
    del font['VORG']
font['head'].glyphDataFormat = 0
font['post'].formatType = 2.0
font['post'].extraNames = []
font['post'].mapping = {}
font.sfntVersion = '\x00\x01\x00\x00'
# A Modified Version under the OFL: give it its own name (the licence and copyright notices stay).
name = font['name']
full = family if style == 'Regular' else family + ' ' + style
for rec in list(name.names):
    if rec.nameID in (16, 17, 18, 21, 22):
        name.removeNames(nameID=rec.nameID)
name.setName(family, 1, 3, 1, 0x409)
name.setName(style, 2, 3, 1, 0x409)
name.setName(full, 3, 3, 1, 0x409)
name.setName(full, 4, 3, 1, 0x409)
name.setName(full.replace(' ', ''), 6, 3, 1, 0x409)
for rec in list(name.names):
    if rec.nameID in (1, 2, 3, 4, 6) and not (rec.platformID == 3 and rec.langID == 0x409):
        name.names.remove(rec)
font.save(dst)
