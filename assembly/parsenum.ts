// Parsing of number literals and int()/float() strings, as MicroPython's
// py/parsenum.c.
//
// MINIMAL VERSION written by the parser helper so the parser links: small
// ints in every base (with underscores) work; long ints and floats raise
// NotImplementedError. The numbers helper replaces the bodies, keeping the
// signatures.

import { mp_obj_t, MP_OBJ_NULL, MP_OBJ_NEW_SMALL_INT, MP_SMALL_INT_MAX } from "./obj";
import {
  mp_raise_msg_varg,
  mp_raise_ValueError,
  mp_raise_NotImplementedError,
  mp_pending_exception,
  mp_obj_exception_add_traceback,
  mp_type_ValueError,
  mp_type_SyntaxError,
} from "./objexcept";
import { mp_lexer_t } from "./lexer";

@inline function isspace(c: u32): bool {
  return c == 32 || (c >= 9 && c <= 13);
}

/**
 * Finds the radix of `len` bytes at `str` and the length of its prefix
 * (0x, 0o, 0b), as mp_parse_num_base. `base_ptr` holds the requested base (0
 * = from the prefix) and receives the real one; 1 marks a base-0 number
 * starting with 0 (valid only if all zeros).
 */
export function mp_parse_num_base(str: usize, len: usize, base_ptr: usize): usize {
  let b = load<i32>(base_ptr);
  if (len <= 1) {
    if (b == 0) store<i32>(base_ptr, 10);
    return 0;
  }
  if (load<u8>(str) == 48) {
    const c = <u32>load<u8>(str + 1) | 32;
    if (c == 120 && (b == 0 || b == 16)) {
      store<i32>(base_ptr, 16);
      return 2;
    } else if (c == 111 && (b == 0 || b == 8)) {
      store<i32>(base_ptr, 8);
      return 2;
    } else if (c == 98 && (b == 0 || b == 2)) {
      store<i32>(base_ptr, 2);
      return 2;
    }
    if (b == 0) store<i32>(base_ptr, 1);
    return 0;
  }
  if (b == 0) store<i32>(base_ptr, 10);
  return 0;
}

const base_box: usize = memory.data(4, 4);

/** Raises `exc` (pending) as SyntaxError with the token's line when called from the parser. */
function raise_exc_lex(lex: usize): mp_obj_t {
  if (lex != 0) {
    const exc = mp_pending_exception();
    store<usize>(exc, mp_type_SyntaxError);
    const l = changetype<mp_lexer_t>(lex);
    mp_obj_exception_add_traceback(exc, l.source_name, l.tok_line, 0);
  }
  return MP_OBJ_NULL;
}

/**
 * Parses an integer of `len` bytes at `str` in `base` (0: from its prefix),
 * as mp_parse_num_integer. Returns a small int, or MP_OBJ_NULL with
 * ValueError "invalid syntax for integer with base %d" pending (SyntaxError
 * with the token's line when `lex` is a lexer, i.e. called by the parser).
 */
export function mp_parse_num_integer(str: usize, len: usize, base: i32, lex: usize): mp_obj_t {
  const top = str + len;
  if ((base != 0 && base < 2) || base > 36) {
    return mp_raise_ValueError("int() arg 2 must be >= 2 and <= 36");
  }
  while (str < top && isspace(load<u8>(str))) str++;
  let neg = false;
  if (str < top) {
    const c = load<u8>(str);
    if (c == 43) str++;
    else if (c == 45) {
      str++;
      neg = true;
    }
  }
  store<i32>(base_box, base);
  str += mp_parse_num_base(str, top - str, base_box);
  base = load<i32>(base_box);
  let val: i64 = 0;
  const start = str;
  for (; str < top; str++) {
    let dig = <u32>load<u8>(str);
    if (dig >= 48 && dig <= 57) {
      dig -= 48;
    } else if (dig == 95) {
      continue;
    } else {
      dig |= 0x20;
      if (dig >= 97 && dig <= 122) dig -= 87;
      else break;
    }
    if (dig >= <u32>base) break;
    val = val * base + dig;
    if (val > <i64>MP_SMALL_INT_MAX + 1) {
      return mp_raise_NotImplementedError("long int literals not supported yet");
    }
  }
  if (!neg && val > <i64>MP_SMALL_INT_MAX) {
    return mp_raise_NotImplementedError("long int literals not supported yet");
  }
  if (str == start) return value_error(base, lex);
  while (str < top && isspace(load<u8>(str))) str++;
  if (str != top) return value_error(base, lex);
  return MP_OBJ_NEW_SMALL_INT(<i32>(neg ? -val : val));
}

function value_error(base: i32, lex: usize): mp_obj_t {
  mp_raise_msg_varg(mp_type_ValueError, "invalid syntax for integer with base %d", base == 1 ? 0 : base);
  return raise_exc_lex(lex);
}

/**
 * Parses a float/complex literal (mp_parse_num_decimal). Minimal version:
 * not supported yet, raises NotImplementedError.
 */
export function mp_parse_num_float(str: usize, len: usize, allow_imag: bool, force_complex: bool, lex: usize): mp_obj_t {
  return mp_raise_NotImplementedError("float literals not supported yet");
}
