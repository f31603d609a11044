# formatting text with non-ASCII characters: widths count characters
print("{:5}|{:>5}|{:^5}|{:é^7}|".format("é", "€", "ab", "x"))
print("%5s|%-5s|%.2s|" % ("é", "€", "日本語"), "{:.2}".format("日本語"), "%c%c" % ("é", 0x20ac))
print("{}={!r}".format("k€y", "v€l"), "{:*<6}".format("ü"), "{0}{0}".format("ß"))
print(f"{'é':>3}|{3.5:€^9}|")
