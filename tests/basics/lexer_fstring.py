# f-strings: the lexer turns f"a{x}b" into "a{}b".format(x).
x = 42
name = "mpy"
items = [1, 2, 3]
print(f"x={x}", f'name={name}', f"""triple {x}""", f'''{name}''')
print(f"{x}{x}", f"{x} and {name}", f"no fields", f"")
print(f"{x!r}", f"{name!r}", f"{name!s}", f"{name}")
print(f"{x:>6}|", f"{x:<6}|", f"{x:^6}|", f"{x:06d}", f"{x:x}", f"{x:#b}")
print(f"{{literal}}", f"{{{x}}}", f"{{", f"}}")
print(f"{x + 1}", f"{x * 2 - 1}", f"{items[1]}", f"{len(items)}", f"{items[-1]}")
print(f"{'quoted'}", f'{"dq"}', f"{name.upper()}", f"{x if x else 0}")
print(f"{x != 1}", f"{x == 42}")
d = {"k": "v"}
print(f"{d['k']}", f"{ {'a': 1}['a'] }")
print(f"a" "b" f"{x}", "plain" f"{name}", f"{x}" "tail")
print(rf"raw\n{x}", fr"raw\t{name}")
print(f"{x=}", f"{name=!r}", f"{x=:>5}", f"{x+1=}")
w = 8
print(f"{x:{w}}|", f"{name:>{w}}|")
print(f"{x}" f"{name}" f"{items}")
print(f'''multi
line {x}
''')
print(f"{items[0:2]}", f"{[i * 2 for i in items]}")
print(f"{x,}", f"{x, name}")
for src in ["f'{}'", "f'{x'", "f'{!r}'", "f'{:>4}'"]:
    try:
        eval(src)
        print("no error", src)
    except SyntaxError:
        print("SyntaxError", src)
print("done")
