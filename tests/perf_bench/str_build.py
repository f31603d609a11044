# String building, formatting, splitting and joining.
def run(n):
    parts = []
    for i in range(n):
        parts.append("item%d:%s" % (i, str(i * 3)))
    s = ",".join(parts)
    words = s.split(",")
    total = 0
    for w in words:
        k, v = w.split(":")
        total += len(k) + int(v)
    t = "{}-{}".format(len(s), total)
    return t + " " + s[:20].upper()


print(run(20000))
