NAME = "pkg from frozen source"
