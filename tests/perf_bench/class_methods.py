# Instances, attribute access, method calls, inheritance.
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def dot(self, other):
        return self.x * other.x + self.y * other.y


class Particle(Vec):
    def step(self, v):
        return Particle(self.x + v.x, self.y + v.y)


def run(n):
    p = Particle(0, 0)
    v = Vec(1, 2)
    acc = 0
    for i in range(n):
        p = p.step(v)
        acc += p.dot(v) % 97
    return p.x, p.y, acc


print(run(50000))
