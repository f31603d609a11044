# `import uasyncio`: the old name of asyncio.  Every attribute is looked up in
# asyncio (imported on first use), so both share one set of globals.


def __getattr__(name):
    import asyncio

    return getattr(asyncio, name)
