# The Python modules frozen into the default firmware (MicroPython's manifest
# format; paths are relative to this file's directory).

# asyncio: the package, and `uasyncio`, its old name
package("asyncio", opt=3)
module("uasyncio.py", opt=3)
