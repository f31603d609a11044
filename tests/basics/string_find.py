# str.find / rfind / index / rindex / count with start and end
s = "hello world, hello python"
print(s.find("hello"), s.find("hello", 1), s.find("hello", 1, 10), s.find("xyz"))
print(s.rfind("hello"), s.rfind("hello", 0, 15), s.rfind("o"), s.rfind("q"))
print(s.find(""), s.find("", 5), s.find("", 100), s.rfind(""), s.rfind("", 3, 7))
print(s.find("o", -5), s.find("o", -100, -3), s.find("o", 5, 2))
print(s.index("world"), s.rindex("l"), s.index("h", 1))
print(s.count("l"), s.count("hello"), s.count(""), s.count("l", 3), s.count("l", 3, 10))
print("aaaa".count("aa"), "".count(""), "abc".count("", 1), "abc".count("", 5))
print(s.find("world", None), s.find("world", None, None), s.rfind("o", None, 10))
for f in (s.index, s.rindex):
    try:
        f("zzz")
    except ValueError:
        print("ValueError")
print("abc".find("c", 2), "abc".find("c", 3), "abc".find("abc", 0, 2))
print("x".join([]), "abc".endswith(""), "abc".startswith(""))
