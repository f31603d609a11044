include("$(NO_SUCH_VAR)/manifest.py")
