# partition / rpartition
print("a=b=c".partition("="), "a=b=c".rpartition("="), "abc".partition("="), "abc".rpartition("="))
print("==".partition("="), "abc".partition("abc"), "".partition("x"), "".rpartition("x"))
print(b"k:v".partition(b":"), bytearray(b"k:v").rpartition(b":"))
try:
    "abc".partition("")
except ValueError:
    print("ValueError")
try:
    "abc".partition(None)
except TypeError:
    print("TypeError")
