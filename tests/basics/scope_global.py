# global declarations and name resolution at compile time.

g = 1


def read():
    return g


def write():
    global g
    g = 2


print(read())
write()
print(read(), g)


def write_new():
    global new_name
    new_name = "made"


write_new()
print(new_name)


# a name assigned anywhere in a function is local everywhere in it
def unbound():
    try:
        print(g)
    except NameError as e:
        print(isinstance(e, NameError))
    g = 5
    return g


print(unbound())


# global in a nested function does not affect the outer one
def outer():
    g = "outer local"

    def inner():
        global g
        return g

    return g, inner()


print(outer())


# class body: global statement and names
class K:
    global h
    h = "from class"
    z = g


print(h, K.z)

# augmented assignment of a global inside a function
counter = 0


def bump():
    global counter
    counter += 1


bump()
bump()
print(counter)


# del of a global
def delete():
    global g
    del g


delete()
try:
    g
except NameError:
    print("deleted")


# annotated names are locals in functions
def annotated():
    a: int
    a = 3
    b: str = "x"
    return a, b


print(annotated())

# except ... as name deletes the name afterwards
try:
    raise ValueError("v")
except ValueError as err:
    print(type(err).__name__, err.args)
try:
    err
except NameError:
    print("err deleted")
