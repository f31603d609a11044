# bad input to float()
for s in ["abc", "", " ", "1.5x", "1e", "1e+", "--1", "1..2", "e5", ".", "in", "nanx", "0x10", "1 2"]:
    try:
        print(float(s))
    except ValueError:
        print("ValueError", repr(s))
for v in [None, [], "1".encode, {}]:
    try:
        print(float(v))
    except TypeError:
        print("TypeError")
print("done")
