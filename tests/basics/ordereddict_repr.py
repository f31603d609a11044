# collections.OrderedDict: repr and str, as MicroPython's unix port (and
# CPython 3.12+) print them
from collections import OrderedDict

print(OrderedDict())
print(OrderedDict(a=1))
print(repr(OrderedDict([(2, "two"), (1, "one")])))
print(str(OrderedDict([(None, [1, 2]), ((1,), 1.5)])))
print(OrderedDict(x=OrderedDict(y={})))
print([OrderedDict(k="v")], (OrderedDict(),), {1: OrderedDict(z=0)})
print("%s|%r" % (OrderedDict(a=1), OrderedDict(b=2)))
print("{}|{!r}".format(OrderedDict(a=1), OrderedDict(b=2)))
d = OrderedDict(a=1)
d.update(b=[d.get("a")])
print(d, d.copy())
print(type(OrderedDict()), OrderedDict)
