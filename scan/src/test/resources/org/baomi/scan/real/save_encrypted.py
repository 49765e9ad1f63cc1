# Saves documents with a password through LibreOffice's UNO API:
#   /usr/bin/python3 save_encrypted.py OUTDIR SOURCE... (soffice listening on port 2002)
import sys, os, uno
from uno_office import prop, connect

desktop = connect()
out = sys.argv[1]
# (LibreOffice 7.4 ignores the password for its OOXML filters: those would not be encrypted.)
filters = {".fodt": [("doc", "MS Word 97"), ("odt", "writer8")],
           ".fods": [("xls", "MS Excel 97"), ("ods", "calc8")],
           ".fodp": [("odp", "impress8")]}
for src in sys.argv[2:]:
    ext = os.path.splitext(src)[1]
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(src)), "_blank", 0, (prop("Hidden", True),))
    base = os.path.splitext(os.path.basename(src))[0]
    for suffix, filt in filters[ext]:
        target = os.path.join(out, "encrypted-" + base.replace("marked-", "") + "." + suffix)
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(target)), (prop("FilterName", filt), prop("Password", "secret")))
    doc.close(True)
