# isalpha / isdigit / isspace / isupper / islower / isalnum
tests = ["", "abc", "ABC", "aBc", "123", "a1", " \t\n", "a b", "A1B", "1_", "!", "a!"]
for t in tests:
    print(repr(t), t.isalpha(), t.isdigit(), t.isspace(), t.isupper(), t.islower(), t.isalnum())
print(b"ab".isalpha(), b"12".isdigit(), b" ".isspace(), b"AB".isupper(), b"ab".islower())
