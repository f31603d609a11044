module("data.txt")
