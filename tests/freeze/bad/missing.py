# a module that is not there
module("nothere.py")
