# repr of non-ASCII str: printable characters appear as is
for t in ("é", "€", "😀", "日本", "'é'", "\"é'", "é\n\t\x01"):
    print(repr(t))
print(repr("\u0394" * 3), [("é", 1)], {"ключ": "значение"})
