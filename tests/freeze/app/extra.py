print("extra", __debug__)
