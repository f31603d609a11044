# cmdline: -m cmd_module_run
# -m runs a module as __main__, with sys.argv from the module name on, and
# sys.atexit's function runs at the end (the unix port's behaviour)
import sys

print(__name__)
print(sys.argv[0], len(sys.argv))
print(sys.modules["__main__"].__name__)
print(__file__.endswith("cmd_module_run.py"))
if __name__ == "__main__":
    print("main")
sys.atexit(lambda: print("atexit ran"))
print("end")
