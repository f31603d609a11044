c_module("somewhere")
