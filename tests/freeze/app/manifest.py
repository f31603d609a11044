metadata(description="demo app", version="0.1")
include("$(PORT_DIR)/tests/firmware")
module("extra.py", opt=1)
freeze_as_str("strs")
require("tinylib")
if options.debug:
    module("debug.py")
