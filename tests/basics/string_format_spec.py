# the format-spec mini language: fill, align, sign, #, 0, width, grouping, precision, type
for v in (0, 7, -7, 255, 123456789, -123456789):
    print("{:5d}|{:<5d}|{:^5d}|{:+d}|{: d}|{:05d}|{:=+7d}|{:x}|{:#X}|{:o}|{:#o}|{:b}|{:#b}|{:,}|{:_d}|{:_x}".format(
        v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v))
print("{:c}{:c}{:c}".format(65, 0x3b1, 0x1f600), "{:>3c}|".format(66))
print("{:010,d}|{:012_d}|{:08_x}".format(1234567, 1234567, 0xabcdef))
for f in (0.0, 1.0, -1.5, 3.14159265, 1234.5678, 1e-7, 1.5e17, -0.000123):
    print("{:f}|{:.2f}|{:10.3f}|{:e}|{:.3E}|{:g}|{:G}|{:.3g}|{:%}|{:.1%}|{:+.1f}|{:010.2f}|{:}|{:8}|{:.3}".format(
        f, f, f, f, f, f, f, f, f, f, f, f, f, f, f))
print("{:*^9}|{:->6}|{:x<4}|{:0>5}|{:0<5}|{:05}".format("mid", "r", "l", "z", "z", "s"))
print("{:.2}|{:.0}|{:10.3}|{:<10.3}|".format("abcdef", "abc", "abcdef", "abcdef"))
print("{:s}|{:10s}|{:>10s}".format("s", "s", "s"))
print("{:5}|{:<5}|{:>5}".format(True, False, None if False else 1))
print("{:f}".format(2), "{:e}".format(2), "{:g}".format(100000), "{:g}".format(1000000), "{:.0f}".format(2.5))
print("{:n}".format(123), "{:n}".format(1.5), "{:#x}".format(-255), "{:+#x}".format(255))
