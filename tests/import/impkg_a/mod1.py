print("impkg_a.mod1 init", __name__)


def f():
    return "mod1.f"
