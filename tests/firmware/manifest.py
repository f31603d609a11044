# The test firmware: app/ frozen as bytecode, app_src/ as source (compiled on import).
freeze("app")
freeze_as_str("app_src")
