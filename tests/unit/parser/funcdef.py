@dec
@dec2(1)
def f(a, b: int = 1, *args, c, d=2, **kw) -> str:
    pass
async def g():
    await x
    async for i in y: pass
    async with z as w: pass
