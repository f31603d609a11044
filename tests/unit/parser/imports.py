import a.b.c as d, e
from . import x
from ..m import (y as z, w,)
from m import *
from ...p.q import r
