# Dict and list operations: counting words.
def run(n):
    words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]
    counts = {}
    for i in range(n):
        w = words[(i * 7 + i // 3) % len(words)] + str(i % 13)
        counts[w] = counts.get(w, 0) + 1
    items = sorted(counts.items())
    return len(items), items[0], items[-1]


print(run(100000))
