# json.loads of every JSON value, nested, with escapes and whitespace, from
# str, bytes and bytearray (output as CPython's)
import json


def show(s):
    v = json.loads(s)
    if isinstance(v, dict):
        print("dict", sorted(v.items()))
    else:
        print(type(v).__name__, repr(v))


for s in ["null", "true", "false", "0", "-0", "7", "-12", "1073741823", "1073741824",
          "-1073741825", "2147483648", "123456789012345678901234567890",
          "-98765432109876543210"]:
    show(s)

for s in ["0.5", "-0.5", "1.0", "1e3", "1E3", "1e+3", "1e-3", "-2.5e-2", "12.375",
          "1.5E+10", "0e0", "-0.0", "5e-324"]:
    show(s)

# strings and escapes
for s in ['""', '"abc"', '"a b"', '"\\""', '"\\\\"', '"\\/"', '"\\b\\f\\n\\r\\t"',
          '"\\u0041\\u0062"', '"\\u00e9"', '"\\u00E9"', '"\\u20ac"', '"\\u00ff"',
          '"\\u0000"', '"caf\\u00e9 cr\\u00e8me"', '"x\\u005cy"', '"\\u0022"']:
    show(s)

# non-ASCII text as is
show('"\u00e9\u4e2d\U0001f600"')
show(b'"\xc3\xa9"')

# containers
for s in ["[]", "{}", "[[]]", "[{}]", '{"a":{}}', "[1,2,3]", '[1,"a",null,true,false,1.5]',
          '{"a":1,"b":[1,2],"c":{"d":null}}', "[[1,[2,[3,[4]]]]]", '{"a":[{"b":[{"c":1}]}]}',
          '{"x": 1, "x": 2}', '{"":""}']:
    show(s)

# whitespace around and between tokens
for s in ["  1  ", "\n[\n1\n,\n2\n]\n", "\t{\t\"a\"\t:\t1\t}\t", "\r\n[ ]\r\n",
          ' { "a" : [ 1 , { "b" : null } ] } ']:
    show(s)

# bytes and bytearray input
show(b"[1, 2]")
show(bytearray(b'{"k": "v"}'))
show(b"  null ")

# a long list, a long string, deep nesting
v = json.loads("[" + ",".join(str(i) for i in range(500)) + "]")
print(len(v), v[0], v[-1], sum(v))
v = json.loads('"' + "ab" * 2000 + '"')
print(len(v), v[:6])
v = json.loads("[" * 100 + "]" * 100)
depth = 0
while v:
    v = v[0]
    depth += 1
print(depth)
v = json.loads('{"k":' * 50 + "0" + "}" * 50)
depth = 0
while isinstance(v, dict):
    v = v["k"]
    depth += 1
print(depth, v)

# round trip
obj = {"name": "x", "list": [1, 2.5, None, True, False, "s", [], {}], "n": -3, "big": 2**70}
print(json.loads(json.dumps(obj)) == obj)
