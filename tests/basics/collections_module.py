# the collections module: its names, import forms, the u-prefixed alias
import collections

print(collections.__name__)
print([n for n in ("OrderedDict", "deque", "namedtuple") if n in dir(collections)])
from collections import deque, namedtuple, OrderedDict

print(collections.deque is deque, collections.namedtuple is namedtuple)
print(collections.OrderedDict is OrderedDict)
print(type(deque) is type, type(OrderedDict) is type, callable(namedtuple))

try:
    import ucollections
except ImportError:
    # CPython has no u-prefixed alias; MicroPython registers one
    ucollections = collections
print(ucollections.deque is deque, ucollections.OrderedDict is OrderedDict)
import collections as c2

print(c2 is collections)
try:
    collections.no_such_name
except AttributeError as e:
    print("AttributeError", e)
try:
    from collections import no_such_name
except ImportError:
    print("ImportError")

from collections import *

print(deque is collections.deque, namedtuple is collections.namedtuple)
