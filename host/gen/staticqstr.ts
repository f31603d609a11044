/**
 * MicroPython's static qstr list, in its order (py/makeqstrdata.py,
 * `static_qstr_list`). `.mpy` files (v6) refer to these qstrs by index, so the
 * order is part of the file format and must never change.
 */
export const STATIC_QSTR_LIST: readonly string[] = [
  "", "__dir__", "\n", " ", "*", "/", "<module>", "_", "__call__", "__class__",
  "__delitem__", "__enter__", "__exit__", "__getattr__", "__getitem__", "__hash__",
  "__init__", "__int__", "__iter__", "__len__", "__main__", "__module__", "__name__",
  "__new__", "__next__", "__qualname__", "__repr__", "__setitem__", "__str__",
  "ArithmeticError", "AssertionError", "AttributeError", "BaseException", "EOFError",
  "Ellipsis", "Exception", "GeneratorExit", "ImportError", "IndentationError",
  "IndexError", "KeyError", "KeyboardInterrupt", "LookupError", "MemoryError",
  "NameError", "NoneType", "NotImplementedError", "OSError", "OverflowError",
  "RuntimeError", "StopIteration", "SyntaxError", "SystemExit", "TypeError",
  "ValueError", "ZeroDivisionError", "abs", "all", "any", "append", "args", "bool",
  "builtins", "bytearray", "bytecode", "bytes", "callable", "chr", "classmethod",
  "clear", "close", "const", "copy", "count", "dict", "dir", "divmod", "end",
  "endswith", "eval", "exec", "extend", "find", "format", "from_bytes", "get",
  "getattr", "globals", "hasattr", "hash", "id", "index", "insert", "int", "isalpha",
  "isdigit", "isinstance", "islower", "isspace", "issubclass", "isupper", "items",
  "iter", "join", "key", "keys", "len", "list", "little", "locals", "lower", "lstrip",
  "main", "map", "micropython", "next", "object", "open", "ord", "pop", "popitem",
  "pow", "print", "range", "read", "readinto", "readline", "remove", "replace",
  "repr", "reverse", "rfind", "rindex", "round", "rsplit", "rstrip", "self", "send",
  "sep", "set", "setattr", "setdefault", "sort", "sorted", "split", "start",
  "startswith", "staticmethod", "step", "stop", "str", "strip", "sum", "super",
  "throw", "to_bytes", "tuple", "type", "update", "upper", "utf-8", "value", "values",
  "write", "zip",
];

/** Names for characters that cannot appear in an identifier (py/makeqstrdata.py's escapes). */
export const QSTR_CHAR_NAMES: Record<string, string> = {
  "<": "lt", ">": "gt", "-": "hyphen", " ": "space", "'": "squot", ",": "comma",
  ".": "dot", ":": "colon", ";": "semicolon", "/": "slash", "%": "percent", "#": "hash",
  "(": "paren_open", ")": "paren_close", "[": "bracket_open", "]": "bracket_close",
  "{": "brace_open", "}": "brace_close", "*": "star", "!": "bang", "\\": "backslash",
  "+": "plus", "$": "dollar", "=": "equals", "?": "question", "@": "at_sign", "^": "caret",
  "|": "pipe", "~": "tilde", "&": "amp", "\n": "0x0a", "\r": "0x0d",
};

/** The identifier MicroPython gives a qstr: MP_QSTR_<escaped>. */
export function qstrEscape(s: string): string {
  let out = "";
  for (const c of s) {
    if (/[A-Za-z0-9_]/.test(c)) out += c;
    else out += "_" + (QSTR_CHAR_NAMES[c] ?? "0x" + c.charCodeAt(0).toString(16).padStart(2, "0")) + "_";
  }
  return out;
}
