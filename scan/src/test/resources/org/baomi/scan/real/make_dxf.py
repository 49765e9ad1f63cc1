# Writes the DXF drawings of DxfTest with ezdxf (apt-get install python3-ezdxf; made with 0.18.1),
# a DXF writer other programs use, not the tests' own: run with /usr/bin/python3 make_dxf.py DIR.
#   dxf-r12-escaped.dxf  R12 in code page 1252: the Chinese of a TEXT written as \U+XXXX escapes
#   dxf-r2000-gbk.dxf    R2000 that says ANSI_1252 and holds GBK bytes, an MTEXT whose marking is
#                        split by font codes: {\fSimSun…;秘密}★{\fTxt…;5年}
#   dxf-r2018-block.dxf  R2018 (UTF-8): a title block 图框 with a 密级 attribute set to 绝密 where it
#                        is inserted, and a custom drawing property 密级 = 机密
#   dxf-clean.dxf        R2018: a note that mentions 秘密 in prose only
import sys
import ezdxf

out = sys.argv[1] if len(sys.argv) > 1 else "."

doc = ezdxf.new("R12")
msp = doc.modelspace()
msp.add_text("机密★10年", dxfattribs={"height": 5}).set_pos((0, 20))
msp.add_text("图号 A-01")
doc.saveas(f"{out}/dxf-r12-escaped.dxf", encoding="cp1252")

doc = ezdxf.new("R2000")
msp = doc.modelspace()
msp.add_mtext("{\\fSimSun|b0|i0|c134|p2;秘密}★{\\fTxt|b0;5年}\\P关于某型号的设计图纸")
msp.add_line((0, 0), (100, 0))
doc.saveas(f"{out}/dxf-r2000-gbk.dxf", encoding="gbk")

doc = ezdxf.new("R2018")
blk = doc.blocks.new(name="图框")
blk.add_text("密级").set_pos((0, 0))
blk.add_attdef("MIJI", insert=(10, 0), text="")
msp = doc.modelspace()
msp.add_blockref("图框", (0, 0)).add_attrib("MIJI", "绝密", (10, 0))
doc.header.custom_vars.append("密级", "机密")
doc.saveas(f"{out}/dxf-r2018-block.dxf")

doc = ezdxf.new("R2018")
msp = doc.modelspace()
msp.add_mtext("说明：\\P1. 本图依据秘密载体管理制度存档。\\P2. 尺寸单位为毫米。")
msp.add_circle((0, 0), 10)
doc.saveas(f"{out}/dxf-clean.dxf")
