# bad input to sets
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e.args if isinstance(e, KeyError) else "")

s = {1, 2}
t(lambda: s.remove(3))
t(lambda: set().pop())
t(lambda: {[1]})
t(lambda: s.add([]))
t(lambda: [] in s)
t(lambda: s | [1])
t(lambda: s & [1])
t(lambda: s - [1])
t(lambda: s ^ [1])
t(lambda: s < [1])
t(lambda: s.union(5))
t(lambda: s.update([[]]))
t(lambda: set(1))
t(lambda: set([1], [2]))
t(lambda: hash(s))
t(lambda: s[0])
t(lambda: s.issubset(3))
first = None
try:
    for x in s:
        first = x
        s.add(x + 10)
except RuntimeError as e:
    print("RuntimeError", e)
print(len(s), sorted(s) == sorted([1, 2, first + 10]))
try:
    set().pop()
except KeyError as e:
    print(e.args)
