metadata(version="0.2")
require("tinylib")
package("deeplib", opt=3)
