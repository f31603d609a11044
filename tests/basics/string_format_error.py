# errors of str.format
tests = ["{", "}", "{:", "{0", "{!}", "{!x}", "{0!r", "{0:x}}", "{:d}", "{:s}", "{:c}", "{:+s}",
         "{:=}", "{0}{}", "{}{0}", "{1}", "{k}", "{:10.}", "{:xx}"]
for t in tests:
    try:
        print(repr(t.format("a")))
    except (ValueError, IndexError, KeyError, TypeError) as e:
        print(repr(t), type(e).__name__)
for t, v in (("{:d}", 1.5), ("{:s}", 1), ("{:x}", "s"), ("{:+c}", 65), ("{:c}", -1)):
    try:
        print(t.format(v))
    except (ValueError, TypeError, OverflowError) as e:
        print(repr(t), type(e).__name__)
print("done")
