x: int
y: list = []
z: int = const(1)
self.a: int = 2
