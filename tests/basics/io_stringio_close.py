# io.StringIO: with-statement, close, operations on a closed object
import io

with io.StringIO() as s:
    s.write("abc")
    print(repr(s.getvalue()))

for op in ("read", "write", "getvalue", "seek", "tell", "readline"):
    try:
        if op == "write":
            s.write("x")
        elif op == "seek":
            s.seek(0)
        else:
            getattr(s, op)()
        print(op, "worked")
    except ValueError:
        print(op, "ValueError")

s = io.StringIO("abc")
s.close()
s.close()
print("closed twice")
