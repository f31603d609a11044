# operators on str: + * in comparisons hash bool len
a = "abc"
print(a + "def", a * 3, 3 * a, a * 0, a * -2, "" * 5, a + "")
print("b" in a, "bc" in a, "" in a, "x" in a, "ac" in a, "abc" in a)
print(a == "abc", a != "abc", a < "abd", a <= "abc", a > "ab", a >= "abcd", "" < "a")
print("a" < "b" < "c", "Z" < "a", "abc" < "abcd", "abd" > "abcd")
print(hash("abc") == hash("ab" + "c"), hash("") == hash("" + ""), bool(""), bool("x"), len(a), len(""))
d = {"key" + str(i): i for i in range(5)}
print(d["key3"], "key" + "4" in d)
x = "ab"
x += "cd"
x *= 2
print(x)
print(a[0], a[-1], a[1:], a[:-1], a[::-1], a[::2], a[5:], a[-10:2])
print(str(), str("s"), str(123), str(1.5), str([1, "a"]), str(None), str(True), str(b"x"))
print(repr("a"), repr(str("b")))
