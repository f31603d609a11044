print("impkg_a.sub init", __name__)
