print("impkg_ns.inner.mod3 init", __name__)
z = 3
