# sys.exit raises SystemExit with its argument
import sys

try:
    sys.exit()
except SystemExit as e:
    print("SystemExit", e.args)

for arg in (0, 1, 42, "message"):
    try:
        sys.exit(arg)
    except SystemExit as e:
        print("SystemExit", e.args)

try:
    raise SystemExit(3)
except SystemExit as e:
    print("SystemExit", e.args)

print(issubclass(SystemExit, BaseException), issubclass(SystemExit, Exception))

# not caught by "except Exception"
try:
    try:
        sys.exit(5)
    except Exception:
        print("caught as Exception")
except SystemExit as e:
    print("SystemExit passed through", e.args)
