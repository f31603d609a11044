try:
    pass
except E as e:
    raise
except (A, B):
    raise X from Y
except:
    pass
else:
    pass
finally:
    pass
