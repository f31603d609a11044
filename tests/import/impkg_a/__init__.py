print("impkg_a init", __name__)
x = 1
