# __name__, __file__ of the main script and of imported modules, __import__
import impkg_a.mod1
import impkg_a

print(__name__)
if __name__ == "__main__":
    print("running as main")
print(impkg_a.mod1.__name__)
print(impkg_a.mod1.__file__.endswith("impkg_a/mod1.py"))
print(impkg_a.__file__.endswith("impkg_a/__init__.py"))
print(type(impkg_a.__path__) is str or hasattr(impkg_a.__path__, "__iter__"))

m = __import__("impkg_a.mod1")
print(m is impkg_a)
m = __import__("impkg_a.mod1", None, None, ("f",))
print(m is impkg_a.mod1)
m = __import__("impkg_a.sub.sibling", globals(), None, ["y"], 0)
print(m.y)
