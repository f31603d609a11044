# String and bytes literal prefixes, quoting and implicit concatenation.
print('single', "double")
print(r'raw\n', r"RAW\t", r'\'')
print(b'bytes', b"BYTES", br'raw\x00', rb'raw\n', rb"x", br"y")
print(u'unicode', u"UNICODE")
print('''triple
single''')
print("""triple "double" with 'quotes'""")
print('''a'b''c''' + """x""")
print('adj' 'acent' "strings")
print(b'adj' b'acent')
print('multi'
      'line'
      # comment between
      'join')
print(len(''), len(""), len(''''''), len(""""""))
print(r'a' 'b\n' r'c\n')
print(repr('\\'), repr(r'\\'))
print('a\
b')
print('''line1\
line2''')
# prefixes are not names here
r = 1
b = 2
print(r, b, r + b)
