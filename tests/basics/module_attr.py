# module objects: attributes, __name__, __dict__, storing into modules and builtins
import sys
import builtins

print(type(sys).__name__, sys.__name__, builtins.__name__)
print("__name__" in sys.__dict__, type(sys.__dict__) is dict)
try:
    sys.no_such_attr
except AttributeError:
    print("AttributeError")

# names added to builtins are visible everywhere
builtins.my_builtin = 42
print(my_builtin)


def f():
    return my_builtin + 1


print(f())
del builtins.my_builtin
try:
    my_builtin
except NameError:
    print("NameError")

# builtins can be shadowed by globals
len = lambda x: "mine"
print(len([1, 2]))
del len
print(len([1, 2]))
print(builtins.len([1]), builtins.print is print)
