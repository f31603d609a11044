# isinstance and issubclass with built-in types and tuples
print(isinstance(1, int), isinstance(1, str), isinstance("a", str), isinstance([], list))
print(isinstance(True, bool), isinstance(True, int), isinstance(1, bool), issubclass(bool, int))
print(isinstance(1, (str, int)), isinstance(1, (str, (list, int))), isinstance(1, (str, (list,))))
print(isinstance(None, object), isinstance(int, type), isinstance(type, type), isinstance(int, object))
print(issubclass(int, object), issubclass(type, object), issubclass(object, int), issubclass(KeyError, (IndexError, LookupError)))
print(isinstance([], ()), issubclass(int, ()))
