print("impkg_ext/time.py imported")
fake = True
