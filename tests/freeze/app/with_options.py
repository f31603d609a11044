include("options.py", extra=True)
freeze(".", ("more.py", "extra.py"), opt=2)
freeze(".", "strs")
freeze_mpy("mpys")
