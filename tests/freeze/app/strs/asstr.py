S = "frozen as str"
