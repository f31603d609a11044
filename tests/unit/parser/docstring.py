'''module doc'''
def f():
    'func doc'
    return 1
42
None
...
