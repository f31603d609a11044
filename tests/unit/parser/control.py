if a:
    pass
elif b:
    pass
else:
    pass
while x:
    break
else:
    continue
for i, j in z:
    pass
