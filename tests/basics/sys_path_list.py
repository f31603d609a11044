# sys.path is an ordinary, mutable list; sys.path[0] is the script's directory
import sys

if "__file__" not in globals() or "sys_path_list.py" not in __file__:
    print("SKIP")
    raise SystemExit

print(__file__.endswith("sys_path_list.py"))
with open(sys.path[0] + "/sys_path_list.py") as f:
    print(f.readline(), end="")

n = len(sys.path)
sys.path.append("/nonexistent/dir")
print(len(sys.path) == n + 1, sys.path[-1])
sys.path.pop()
print(len(sys.path) == n)
sys.path.insert(0, "/nonexistent")
try:
    import module_that_does_not_exist_anywhere
except ImportError:
    print("ImportError")
del sys.path[0]
print(len(sys.path) == n)
