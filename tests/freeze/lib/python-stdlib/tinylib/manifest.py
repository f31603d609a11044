metadata(version="1.0")
package("tinylib")
