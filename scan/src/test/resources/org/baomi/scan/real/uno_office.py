# The running LibreOffice (soffice listening on port 2002, as make.sh starts it) for the UNO
# scripts here: make_embedded.py, make_drawn.py and save_encrypted.py.
import uno
from com.sun.star.beans import PropertyValue

# Kept for the life of the script: a bridge whose context is collected early crashes the
# interpreter at exit.
_bridge = []


def prop(name, value):
    p = PropertyValue(); p.Name = name; p.Value = value; return p


def connect():
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    ctx = resolver.resolve("uno:socket,host=localhost,port=2002;urp;StarOffice.ComponentContext")
    _bridge.extend([local, resolver, ctx])
    return ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)


def context():
    """The office's component context (after connect())."""
    return _bridge[2]


def add_shape(doc, page, kind, x, y, width, height, text=None):
    """A drawing shape of service `kind` added to `page` at (x, y), sized, with `text` if given."""
    from com.sun.star.awt import Size, Point
    shape = doc.createInstance(kind)
    page.add(shape)
    shape.setPosition(Point(x, y))
    shape.setSize(Size(width, height))
    if text is not None:
        shape.setString(text)
    return shape
