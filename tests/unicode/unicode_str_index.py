# str indexing, slicing, len and iteration count code points
s = "aé€😀z"
print(len(s), s[0], s[1], s[2], s[3], s[4], s[-1], s[-2], s[-5])
print(s[1:3], s[2:], s[:-1], s[::-1], s[::2], s[-2::-2], s[10:], s[-10:2])
print(list(s), [c for c in "αβγ"], len(""), len("€"))
print(s.find("€"), s.find("z"), s.rfind("😀"), s.index("z"), s.count("é"), s.find("é", 2), s.find("z", -1))
print("€€€".count("€"), "x€y€".split("€"), "€".join("abc"), "é".center(5, "*"), "ab".center(6, "é"))
print("aé€".encode(), "€".encode("utf-8"), b"\xe2\x82\xac".decode(), str(b"\xc3\xa9", "utf-8"))
print(s.startswith("aé"), s.endswith("😀z"), "é" in s, "€😀" in s, s.replace("€", "E"), s.lower())
for i in (5, -6):
    try:
        s[i]
    except IndexError:
        print("IndexError")
print(ord(s[3]), chr(0x20ac) == s[2], s[1:2] == "é")
