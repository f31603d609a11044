# Ellipsis and NotImplemented
print(..., Ellipsis, NotImplemented, repr(...), str(NotImplemented))
print(type(...), type(NotImplemented), type(...).__name__, type(NotImplemented).__name__)
print(... is Ellipsis, Ellipsis is Ellipsis, NotImplemented is NotImplemented, ... == ..., ... != NotImplemented)
print([..., NotImplemented], {...: 1}[Ellipsis], hash(NotImplemented) == hash(NotImplemented))
class A:
    def __eq__(self, other):
        return NotImplemented
print(A() == 1, A() != 1)
def f(x):
    ...
print(f(1))
