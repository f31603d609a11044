a = f'{x}'
b = f'a{x!r:>{w}}b{{c}}'
c = f'{x=}'
d = f'{x}' 'y' f'{z}'
