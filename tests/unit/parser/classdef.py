class A:
    pass
class B(A, metaclass=M):
    x = 1
    def m(self): return self.x
