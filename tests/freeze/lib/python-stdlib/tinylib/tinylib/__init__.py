VALUE = "tinylib value"
