# user-defined exceptions
class MyError(Exception):
    pass


class Detailed(MyError):
    def __init__(self, code):
        super().__init__("code %d" % code)
        self.code = code


class WithStr(Exception):
    def __str__(self):
        return "custom str"


try:
    raise MyError("a", "b")
except MyError as e:
    print(type(e).__name__, e.args, str(e))

try:
    raise Detailed(3)
except MyError as e:
    print(type(e).__name__, e.args, e.code, str(e), isinstance(e, Exception))

print(str(WithStr()), WithStr(1).args)

e = MyError(1)
print(e.args, type(e) is MyError, issubclass(Detailed, Exception))

# attributes on exception instances
e.extra = 5
print(e.extra)

# exception class hierarchy in except clauses
def which(exc):
    try:
        raise exc
    except Detailed:
        return "Detailed"
    except MyError:
        return "MyError"
    except Exception:
        return "Exception"


print(which(Detailed(1)), which(MyError()), which(ValueError()))

# raising something that is not an exception
try:
    raise 1
except TypeError:
    print("TypeError raise int")


class NotExc:
    pass


try:
    raise NotExc()
except TypeError:
    print("TypeError raise non-exception")
