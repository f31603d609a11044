# Physical and logical lines: comments, continuations, implicit joining,
# blank lines, CR/CRLF newlines, tabs and the end of input.
x = 1 + \
    2
print(x)
y = (1 +
     2 +
  3)  # indentation inside brackets does not matter
print(y)
z = [
    1,

    2,  # comment
    # comment line
    3,
]
print(z)
d = {'a':
       1,
     'b': 2}
print(d)
if x == 3 and \
   y == 6:
    print("continued condition")

# blank lines and comment lines between statements

   # an indented comment line is not an indent
print("after comments")
def f():
	return "tab indented"
print(f())
exec("a = 1\r\nb = 2\rprint(a + b)\r\n")
exec("if 1:\r\n    print('crlf block')\r\n")
exec("print('no newline at end')")
exec("x = 1\n\n\n")
exec("\n\n# only comments\n")
exec("if 1:\n    pass\n    # comment at the end")
print(eval("1 +\\\n 1"), eval("(1 +\n 2)"))
print(eval("1\n"), eval("2\r\n"))
exec("def g():\n    return 42\nprint(g())")
exec("print(1); print(2);")
