# Recursion through constructors and built-ins re-enters the VM; 150 levels
# must work (the VM's re-entry limit is above that).
class Node:
    def __init__(self, n):
        self.c = Node(n - 1) if n else None


def depth(node):
    d = 0
    while node:
        node = node.c
        d += 1
    return d


print(depth(Node(150)))


def f(x):
    return list(map(f, [x - 1])) if x else 0


print(str(f(150)).count("["))
print(sorted([3, 1, 2], key=lambda v: sorted([v], key=lambda w: -w)[0]))
