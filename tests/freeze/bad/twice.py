metadata(version="1")
metadata(version="2")
