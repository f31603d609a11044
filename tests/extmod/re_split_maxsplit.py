# pattern.split with and without maxsplit
import re

p = re.compile(",")
print(p.split("a,b,,c"))
print(p.split(",a,b,"))
print(p.split("abc"))
print(p.split(""))
for n in range(5):
    print(n, p.split("a,b,c,d", n))

p = re.compile(r"\s*[;,]\s*")
print(p.split("a ; b,c  ,  d"))
print(p.split("a ; b,c  ,  d", 2))

p = re.compile("[0-9]+")
print(p.split("ab12cd345ef6"))
print(p.split("12ab"))

# bytes
p = re.compile(b"-+")
print(p.split(b"a--b-c"))
print(p.split(b"a--b-c", 1))

# a long subject
print(len(re.compile("x").split("ax" * 500)))
