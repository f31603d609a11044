if (n := 10) > 5: pass
[y := f(x), y]
f(a := 1)
