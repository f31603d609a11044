# os.getenv, putenv, unsetenv (the unix port's extras): the host process's
# environment, which getenv reads back at once
import os

name = "MPY_TEST_OS_GETENV"
print(os.getenv(name))
print(os.getenv(name, "default"))
os.putenv(name, "value 1")
print(os.getenv(name))
os.putenv(name, "")
print(repr(os.getenv(name)))
os.putenv(name, "x" * 3000)
print(len(os.getenv(name)))
os.putenv(name, "caf\u00e9")
print(os.getenv(name))
os.unsetenv(name)
print(os.getenv(name))
# unsetting an unset variable is fine
os.unsetenv(name)
print(os.getenv(name, 42))
print(type(os.getenv("PATH")))

for args in ((1,), (None,), (name, 2)):
    try:
        os.putenv(*args) if len(args) == 2 else os.getenv(*args)
    except TypeError:
        print("TypeError")
