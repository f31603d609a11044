# MicroPython's sys attributes: implementation, platform, version, maxsize
import sys

print(sys.implementation.name)
print(sys.implementation[0] == sys.implementation.name)
v = sys.implementation.version
print(type(v), len(v), v[0] >= 1)
mpy = sys.implementation._mpy
print(mpy & 0xFF, (mpy >> 8) & 3)
print(type(sys.implementation._build))
print(sys.platform)
print(sys.version.startswith("3.4.0; MicroPython"))
print(sys.version_info)
print(sys.byteorder)
print(sys.maxsize == 2**31 - 1, type(sys.maxsize))
print(sys.ps1, sys.ps2)
print(type(sys.executable))
