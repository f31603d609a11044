# an included manifest with options
options.defaults(extra=False)
module("extra.py")
if options.extra:
    module("more.py")
