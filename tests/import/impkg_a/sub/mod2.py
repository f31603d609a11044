from .. import mod1
from . import sibling
from ..mod1 import f
from .sibling import y as yy

print("impkg_a.sub.mod2 init", __name__, f(), sibling.y, yy, mod1.__name__)
