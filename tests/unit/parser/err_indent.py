if a:
  x
    y
