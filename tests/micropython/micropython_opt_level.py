# micropython.opt_level(): get and set; level 1 drops asserts and __debug__
import micropython

print(micropython.opt_level())
micropython.opt_level(1)
print(micropython.opt_level())
exec("print(__debug__)")
exec("assert 0")
micropython.opt_level(0)
exec("print(__debug__)")
try:
    exec("assert 0, 'fails'")
except AssertionError as e:
    print("AssertionError", e)
print(micropython.opt_level())
