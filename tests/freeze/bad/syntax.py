# a syntax error on line 2
x = = 1
