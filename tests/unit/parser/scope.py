def f():
    global g
    nonlocal a, b
    del x, y[0]
    assert x, 'msg'
    return
