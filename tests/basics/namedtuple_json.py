# json.dumps of namedtuples (arrays) and OrderedDicts (objects, in order)
try:
    import json
except ImportError:
    print("SKIP")
    raise SystemExit
from collections import namedtuple, OrderedDict

T = namedtuple("T", "a b")
E = namedtuple("E", "")
print(json.dumps(T(1, "x")), json.dumps(E()), json.dumps([T(None, True), E()]))
print(json.dumps(T(T(1, 2), [T(3, 4)])), json.dumps({"k": T(1.5, -2)}))
print(json.dumps(OrderedDict([("z", 1), ("a", T(0, OrderedDict(q=[])))])))
print(json.loads(json.dumps(T(1, [2, 3]))))
