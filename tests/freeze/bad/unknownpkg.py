require("no_such_package")
