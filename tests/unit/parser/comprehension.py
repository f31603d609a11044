a = [x for x in y if x if z for w in x]
b = {k: v for k, v in d}
c = {x for x in y}
