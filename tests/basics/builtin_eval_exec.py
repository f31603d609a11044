# eval, exec, compile, globals, locals
print(eval("1 + 2"), eval("x * 2", {"x": 21}), eval("[a, b]", {"a": 1}, {"b": 2}))
g = {}
exec("y = 5\ndef f():\n    return y * 2\n", g)
print(g["y"], g["f"]())
z = 10
exec("z = z + 1")
print(z)
c = compile("3 * 4", "<test>", "eval")
print(eval(c))
c = compile("w = 7", "<test>", "exec")
d = {}
exec(c, d)
print(d["w"])
print(eval("len('abc')"), "print" in dir(__import__("builtins")))
print(globals() is globals(), type(globals()) is dict, "z" in globals())
print(locals() is globals())
try:
    eval("1 +")
except SyntaxError:
    print("SyntaxError")
try:
    compile("1", "<x>", "bad")
except ValueError:
    print("ValueError")
