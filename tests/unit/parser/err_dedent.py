if a:
    x
  y
