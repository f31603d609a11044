# Escape sequences in str and bytes literals.
print(repr('\a\b\f\n\r\t\v\\\'\"'))
print(repr('\x41\x62\x7e'), repr(b'\x41\xff\x00'))
print(repr('\101\060\7'), repr(b'\101\377'))
print(repr('\1234'), repr('\0'), repr('\08'))
print(repr('\u0041\u00e9\u20ac'), repr('\U0001F600'), repr('\U00000041'))
print(repr(b'\u0041'), repr(b'\U00000041'))
print(len('\u20ac'), len('\U0001F600'))
print(repr('\q\w\z'), repr(b'\q'))
print(repr('\
'))
print(ord('\xff'), ord('\377'))
for src in [r"'\x0'", r"b'\x0'", r"'\u000'", r"'\U0000000'", r"'\xg0'", r"'\U00110000'"]:
    try:
        eval(src)
        print("no error", src)
    except SyntaxError:
        print("SyntaxError", src)
print("done")
