// String formatting, as the formatting half of MicroPython's objstr.c:
// str.format with the format-spec mini-language (also what f-strings compile
// to) and printf-style `%` formatting for str and bytes, plus
// mp_print_mp_int (mpprint.c's int printer with padding and precision).
//
// Both formatters print into a vstr on the root stack; argument objects stay
// rooted by the caller (the call's args or the % operator's right operand).

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_OBJ_SENTINEL,
  MP_OBJ_NOT_SUPPORTED,
  MP_OBJ_NEW_SMALL_INT,
  MP_OBJ_SMALL_INT_VALUE,
  mp_obj_is_small_int,
  mp_obj_is_obj,
  mp_obj_is_type,
  mp_const_none,
  mp_const_true,
  mp_const_false,
  mp_type_slot,
  SLOT_subscr,
  call_subscr,
  mp_fun_kw_at,
  mp_obj_print_helper,
  mp_obj_get_int,
  mp_obj_get_type_qstr,
  MP_INT_ERROR,
  PRINT_STR,
  PRINT_REPR,
  PRINT_RAW,
} from "./obj";
import * as Q from "./genhdr";
import {
  mp_raise_msg,
  mp_raise_msg_varg,
  mp_raise_arg1,
  mp_raise_TypeError,
  mp_raise_ValueError,
  mp_raise_NotImplementedError,
  mp_type_TypeError,
  mp_type_ValueError,
  mp_type_IndexError,
  mp_type_KeyError,
  mp_type_OverflowError,
} from "./objexcept";
import { mp_obj_get_type } from "./objtype";
import { mp_root_mark, mp_root_push, mp_root_alloc, mp_root_release } from "./rootstack";
import { mp_map_lookup, MP_MAP_LOOKUP, MP_MAP_ERROR } from "./map";
import { mp_obj_dict_get_map } from "./objdict";
import { gc_free } from "./gc";
import {
  mp_print_strn,
  mp_print_strn_pad,
  PF_FLAG_LEFT_ADJUST,
  PF_FLAG_SHOW_SIGN,
  PF_FLAG_SPACE_SIGN,
  PF_FLAG_SHOW_PREFIX,
  PF_FLAG_PAD_AFTER_SIGN,
  PF_FLAG_CENTER_ADJUST,
  PF_FLAG_ADD_PERCENT,
  PF_FLAG_SHOW_OCTAL_LETTER,
  PF_FLAG_ALWAYS_DECIMAL,
  PF_FLAG_SEP_POS,
  PF_FLAG_SEP_GROUP4,
} from "./mpprint";
import {
  vstr_new_root,
  vstr_len,
  vstr_str,
  vstr_add_byte,
  vstr_add_strn,
  vstr_add_char,
  vstr_had_error,
  vstr_printer_init,
  vstr_null_terminated_str,
} from "./vstr";
import { utf8_encode, unichar_isdigit, utf8_charlen, utf8_get_char, utf8_next_char_bounded, utf8_encoded_len } from "./unicode";
import {
  mp_type_str,
  mp_type_bytes,
  mp_obj_is_str,
  mp_obj_str_get_data_ptr,
  mp_obj_str_get_len,
  mp_obj_str_check,
  mp_obj_new_str_via_qstr,
  mp_obj_new_str_type_from_vstr,
} from "./objstr";
import { mp_type_int, mp_obj_is_int, mp_obj_int_formatted, mp_obj_int_sign, mp_obj_new_int_from_float } from "./objint";
import { mp_obj_is_float, mp_obj_get_float_to, mp_float_scratch } from "./objfloat";
import { mp_print_float, MP_FLOAT_REPR_PREC } from "./formatfloat";
import { mp_load_attr, mp_raise_memory_error, mp_raise_recursion_depth } from "./runtime";
import { qstr_from_strn } from "./qstr";

/** The str.format method object (static; filled by objstrformat_static_init). */
export const mp_obj_str_format_obj: usize = memory.data(16, 16);

/** Set-up of this file's static objects; run once by mp_init. */
export function objstrformat_static_init(): void {
  mp_fun_kw_at(mp_obj_str_format_obj, 1, mp_obj_str_format);
}

// ---- helpers ----

/** True for bool and int values (arg_looks_integer). */
function arg_looks_integer(o: mp_obj_t): bool {
  return o == mp_const_true || o == mp_const_false || mp_obj_is_int(o);
}

/** True for bool, int and float values (arg_looks_numeric). */
function arg_looks_numeric(o: mp_obj_t): bool {
  return arg_looks_integer(o) || mp_obj_is_float(o);
}

// Second result of parse_uint: the new position.
let parsed_pos: usize = 0;

/**
 * Parses decimal digits at [p, top) (str_to_int): returns the value, or
 * `dflt` when there is no digit; the position after the digits goes to
 * parsed_pos.
 */
function parse_uint(p: usize, top: usize, dflt: i32): i32 {
  if (p < top && unichar_isdigit(<u32>load<u8>(p))) {
    let n: i32 = 0;
    do {
      if (n < 100000000) n = n * 10 + (<i32>load<u8>(p) - 48);
      p++;
    } while (p < top && unichar_isdigit(<u32>load<u8>(p)));
    parsed_pos = p;
    return n;
  }
  parsed_pos = p;
  return dflt;
}

const int_fmt_buf: usize = memory.data(64, 4);
const prefix_buf: usize = memory.data(8, 4);

/**
 * Prints int `x` (or a bool) in `base` (2, 8, 10, 16) with sign, prefix,
 * separator, padding and precision, as MicroPython's mp_print_mp_int.
 * `base_char` is 'a' or 'A' for the digits above 9. Returns the number of
 * cells printed, or -1 with an exception pending (non-int, MemoryError).
 */
export function mp_print_mp_int(
  print: usize,
  x: mp_obj_t,
  base: u32,
  base_char: u32,
  flags: u32,
  fill: u32,
  width: i32,
  prec: i32,
): i32 {
  if (!mp_obj_is_int(x)) {
    const v = mp_obj_get_int(x);
    if (v == MP_INT_ERROR) return -1;
    x = MP_OBJ_NEW_SMALL_INT(<i32>v);
  }
  if ((flags & (PF_FLAG_LEFT_ADJUST | PF_FLAG_CENTER_ADJUST)) == 0 && fill == 48) {
    if (prec > width) width = prec;
    prec = 0;
  }
  const mark = mp_root_mark();
  mp_root_push(x);
  // prefix: sign for non-negatives, then 0b/0o/0x
  const pfx = mp_root_alloc(2);
  const w = mp_root_alloc(3);
  if (pfx == 0 || w == 0) {
    mp_root_release(mark);
    mp_raise_recursion_depth();
    return -1;
  }
  let np: usize = 0;
  if (mp_obj_int_sign(x) >= 0) {
    if (flags & PF_FLAG_SHOW_SIGN) store<u8>(pfx + np++, 43);
    else if (flags & PF_FLAG_SPACE_SIGN) store<u8>(pfx + np++, 32);
  }
  if (flags & PF_FLAG_SHOW_PREFIX) {
    if (base == 2) {
      store<u8>(pfx + np++, 48);
      store<u8>(pfx + np++, <u8>(base_char + 1));
    } else if (base == 8) {
      store<u8>(pfx + np++, 48);
      if (flags & PF_FLAG_SHOW_OCTAL_LETTER) store<u8>(pfx + np++, <u8>(base_char + 14));
    } else if (base == 16) {
      store<u8>(pfx + np++, 48);
      store<u8>(pfx + np++, <u8>(base_char + 23));
    }
  }
  store<u8>(pfx + np, 0);
  const prefix_len = np;
  const comma = (flags >> PF_FLAG_SEP_POS) & 0xff;
  if (comma != 0 && base != 10) flags |= PF_FLAG_SEP_GROUP4;
  // the digits go to a buffer of our own (the printer may format ints too)
  const fmt = mp_root_alloc(16);
  store<usize>(w, fmt);
  store<usize>(w + 4, 64);
  if (prec > 1) flags |= PF_FLAG_PAD_AFTER_SIGN;
  let sign: u32 = 0;
  let str: usize;
  let fmt_size: usize;
  if (flags & PF_FLAG_PAD_AFTER_SIGN) {
    // the sign and prefix are printed before the padding
    str = mp_obj_int_formatted(w, w + 4, w + 8, x, <i32>base, 0, base_char, comma);
    if (str == 0) {
      mp_root_release(mark);
      return -1;
    }
    fmt_size = load<usize>(w + 8);
    if (load<u8>(str) == 45) {
      sign = 45;
      str++;
      fmt_size--;
    }
  } else {
    str = mp_obj_int_formatted(w, w + 4, w + 8, x, <i32>base, pfx, base_char, comma);
    if (str == 0) {
      mp_root_release(mark);
      return -1;
    }
    fmt_size = load<usize>(w + 8);
  }
  let spaces_before: i32 = 0;
  let spaces_after: i32 = 0;
  if (prec > 1) {
    let prec_width: i32 = <i32>fmt_size;
    if (prec_width < prec) prec_width = prec;
    if (flags & PF_FLAG_PAD_AFTER_SIGN) {
      if (sign != 0) prec_width++;
      prec_width += <i32>prefix_len;
    }
    if (prec_width < width) {
      if (flags & PF_FLAG_LEFT_ADJUST) spaces_after = width - prec_width;
      else spaces_before = width - prec_width;
    }
    fill = 48;
    flags &= ~PF_FLAG_LEFT_ADJUST;
  }
  let len: i32 = 0;
  if (spaces_before != 0) len += mp_print_strn_pad(print, 0, 0, 0, 32, spaces_before);
  if (flags & PF_FLAG_PAD_AFTER_SIGN) {
    if (sign != 0) {
      store<u8>(pfx + 7, <u8>sign);
      len += mp_print_strn_pad(print, pfx + 7, 1, 0, 0, 1);
      width--;
    }
    if (prefix_len != 0) {
      len += mp_print_strn_pad(print, pfx, prefix_len, 0, 0, 1);
      width -= <i32>prefix_len;
    }
  }
  if (prec > 1) width = prec;
  len += mp_print_strn_pad(print, str, fmt_size, flags, fill, width);
  if (spaces_after != 0) len += mp_print_strn_pad(print, 0, 0, 0, 32, spaces_after);
  const buf = load<usize>(w);
  if (buf != fmt) gc_free(buf);
  mp_root_release(mark);
  return len;
}

/**
 * Prints code point `arg` (an int) padded (the 'c' format of both
 * formatters). OverflowError "char not in range(0x110000)".
 */
function print_char_arg(print: usize, arg: mp_obj_t, flags: u32, fill: u32, width: i32): bool {
  const c = mp_obj_get_int(arg);
  if (c == MP_INT_ERROR) return false;
  if (c < 0 || c >= 0x110000) {
    mp_raise_msg(mp_type_OverflowError, "char not in range(0x110000)");
    return false;
  }
  const mark = mp_root_mark();
  const cell = mp_root_alloc(1);
  const n = utf8_encode(<u32>c, cell);
  mp_print_strn_pad(print, cell, n, flags, fill, width + <i32>n - 1);
  mp_root_release(mark);
  return true;
}


/**
 * Prints `len` bytes of text at `data` padded to `width` characters (a str
 * counts code points, as CPython; bytes count bytes).
 */
function print_text_pad(print: usize, data: usize, len: usize, is_str: bool, flags: u32, fill: u32, width: i32): void {
  if (is_str && width > 0) width += <i32>(len - utf8_charlen(data, len));
  mp_print_strn_pad(print, data, len, flags, fill, width);
}

/**
 * Prints `o` in `kind` into a new vstr on the root stack (released with the
 * caller's mark); returns the vstr or 0 with the exception pending.
 */
function print_to_vstr(o: mp_obj_t, kind: u32): usize {
  const pr = mp_root_alloc(2);
  const v = vstr_new_root(16);
  if (pr == 0 || v == 0) return 0;
  vstr_printer_init(pr, v);
  if (!mp_obj_print_helper(pr, o, kind)) return 0;
  if (vstr_had_error(v)) return 0;
  return v;
}

/** Raises ValueError "unknown format code '%c' for object of type '%s'". */
function unknown_format_code(type: u32, arg: mp_obj_t): bool {
  mp_raise_msg_varg(
    mp_type_ValueError,
    "unknown format code '%c' for object of type '%s'",
    type,
    mp_obj_get_type_qstr(arg),
  );
  return false;
}

/** The item `key` of `o` (o[key]) through the subscr slot; MP_OBJ_NULL on error. */
function subscr_load(o: mp_obj_t, key: mp_obj_t): mp_obj_t {
  const t = mp_obj_get_type(o);
  const f = mp_type_slot(t, SLOT_subscr);
  if (f != 0) {
    const r = call_subscr(f, o, key, MP_OBJ_SENTINEL);
    if (r != MP_OBJ_NOT_SUPPORTED) return r;
  }
  return mp_raise_msg_varg(mp_type_TypeError, "'%s' object isn't subscriptable", mp_obj_get_type_qstr(o));
}

/**
 * Applies the `.name` and `[key]` parts of a replacement field (CPython's
 * field_name grammar; MicroPython raises NotImplementedError here) at
 * [p, top) to `arg`. Returns the selected object or MP_OBJ_NULL.
 */
function format_field_lookup(arg: mp_obj_t, p: usize, top: usize): mp_obj_t {
  const mark = mp_root_mark();
  while (p < top) {
    mp_root_push(arg);
    const c = load<u8>(p);
    if (c == 46) {
      // .attribute
      p++;
      const start = p;
      while (p < top && load<u8>(p) != 46 && load<u8>(p) != 91) p++;
      if (p == start) {
        mp_root_release(mark);
        return mp_raise_ValueError("Empty attribute in format string");
      }
      const q = qstr_from_strn(start, p - start);
      if (q == 0) {
        mp_root_release(mark);
        return mp_raise_memory_error(0);
      }
      arg = mp_load_attr(arg, q);
      if (arg == MP_OBJ_NULL) {
        mp_root_release(mark);
        return MP_OBJ_NULL;
      }
    } else if (c == 91) {
      // [index]: digits give an int, anything else a str key
      p++;
      const start = p;
      while (p < top && load<u8>(p) != 93) p++;
      if (p >= top) {
        mp_root_release(mark);
        return mp_raise_ValueError("Missing ']' in format string");
      }
      if (p == start) {
        mp_root_release(mark);
        return mp_raise_ValueError("Empty attribute in format string");
      }
      const n = parse_uint(start, p, -1);
      let key: mp_obj_t;
      if (n >= 0 && parsed_pos == p) key = MP_OBJ_NEW_SMALL_INT(n);
      else key = mp_obj_new_str_via_qstr(start, p - start);
      if (key == MP_OBJ_NULL) {
        mp_root_release(mark);
        return MP_OBJ_NULL;
      }
      mp_root_push(key);
      arg = subscr_load(arg, key);
      if (arg == MP_OBJ_NULL) {
        mp_root_release(mark);
        return MP_OBJ_NULL;
      }
      p++;
    } else {
      mp_root_release(mark);
      return mp_raise_ValueError("Only '.' or '[' may follow ']' in format field specifier");
    }
  }
  mp_root_release(mark);
  return arg;
}

// ---- str.format ----

/**
 * Expands the format string [str, top) into vstr `v` (mp_obj_str_format_helper).
 * `arg_i` is the address of the automatic-numbering counter (-1 once a field
 * was numbered by hand). args[0] is the format string itself, args[1..n_args)
 * the positional arguments, `kwargs` a map or 0. Returns false with the
 * exception pending.
 */
function format_helper(
  v: usize,
  str: usize,
  top: usize,
  arg_i: usize,
  n_args: usize,
  args: usize,
  kwargs: usize,
  depth: i32,
): bool {
  if (depth > 4) {
    mp_raise_ValueError("Max string recursion exceeded");
    return false;
  }
  const mark = mp_root_mark();
  const pr = mp_root_alloc(2);
  if (pr == 0) {
    mp_raise_recursion_depth();
    return false;
  }
  vstr_printer_init(pr, v);
  const ok = format_helper_body(v, pr, str, top, arg_i, n_args, args, kwargs, depth);
  mp_root_release(mark);
  return ok;
}

function format_helper_body(
  v: usize,
  print: usize,
  str: usize,
  top: usize,
  arg_i: usize,
  n_args: usize,
  args: usize,
  kwargs: usize,
  depth: i32,
): bool {
  for (; str < top; str++) {
    let c = <u32>load<u8>(str);
    if (c == 125) {
      // '}'
      str++;
      if (str < top && load<u8>(str) == 125) {
        vstr_add_byte(v, 125);
        continue;
      }
      mp_raise_ValueError("single '}' encountered in format string");
      return false;
    }
    if (c != 123) {
      // copy a run of plain text
      const start = str;
      while (str + 1 < top && load<u8>(str + 1) != 123 && load<u8>(str + 1) != 125) str++;
      vstr_add_strn(v, start, str + 1 - start);
      continue;
    }
    str++;
    if (str < top && load<u8>(str) == 123) {
      vstr_add_byte(v, 123);
      continue;
    }

    // replacement_field ::= "{" [field_name] ["!" conversion] [":" format_spec] "}"
    let field_name: usize = 0;
    let field_name_top: usize = 0;
    let conversion: u32 = 0;
    let format_spec: usize = 0;
    if (str < top && load<u8>(str) != 125 && load<u8>(str) != 33 && load<u8>(str) != 58) {
      field_name = str;
      // brackets may hold any character but ']'
      while (str < top) {
        const d = load<u8>(str);
        if (d == 125 || d == 33 || d == 58) break;
        if (d == 91) {
          while (str < top && load<u8>(str) != 93) str++;
          if (str >= top) break;
        }
        str++;
      }
      field_name_top = str;
    }
    if (str < top && load<u8>(str) == 33) {
      str++;
      if (str < top && (load<u8>(str) == 114 || load<u8>(str) == 115 || load<u8>(str) == 97)) {
        conversion = <u32>load<u8>(str++);
      } else if (str >= top) {
        mp_raise_ValueError("end of format while looking for conversion specifier");
        return false;
      } else {
        mp_raise_msg_varg(mp_type_ValueError, "unknown conversion specifier %c", utf8_get_char(str));
        return false;
      }
    }
    if (str < top && load<u8>(str) == 58) {
      str++;
      // {:} is the same as {}
      if (str < top && load<u8>(str) != 125) {
        format_spec = str;
        let nest = 1;
        while (str < top) {
          const d = load<u8>(str);
          if (d == 123) nest++;
          else if (d == 125) {
            if (--nest == 0) break;
          }
          str++;
        }
      }
    }
    if (str >= top) {
      mp_raise_ValueError("unmatched '{' in format");
      return false;
    }
    if (load<u8>(str) != 125) {
      mp_raise_ValueError("expected ':' after format specifier");
      return false;
    }

    let arg: mp_obj_t = mp_const_none;
    if (field_name != 0) {
      let lookup = field_name;
      while (lookup < field_name_top && load<u8>(lookup) != 46 && load<u8>(lookup) != 91) lookup++;
      if (unichar_isdigit(<u32>load<u8>(field_name))) {
        if (load<i32>(arg_i) > 0) {
          mp_raise_ValueError("can't switch from automatic field numbering to manual field specification");
          return false;
        }
        const index = parse_uint(field_name, lookup, 0);
        if (parsed_pos != lookup) {
          // CPython: a name starting with a digit is looked up as a keyword
          mp_raise_ValueError("bad format string");
          return false;
        }
        if (<usize>index >= n_args - 1) {
          mp_raise_msg(mp_type_IndexError, "tuple index out of range");
          return false;
        }
        arg = load<usize>(args + ((<usize>index + 1) << 2));
        store<i32>(arg_i, -1);
      } else if (lookup == field_name) {
        // "{[0]}" or "{.x}": an automatically numbered field with a lookup
        if (load<i32>(arg_i) < 0) {
          mp_raise_ValueError("can't switch from manual field specification to automatic field numbering");
          return false;
        }
        const i = load<i32>(arg_i);
        if (<usize>i >= n_args - 1) {
          mp_raise_msg(mp_type_IndexError, "tuple index out of range");
          return false;
        }
        arg = load<usize>(args + ((<usize>i + 1) << 2));
        store<i32>(arg_i, i + 1);
      } else {
        const key = mp_obj_new_str_via_qstr(field_name, lookup - field_name);
        if (key == MP_OBJ_NULL) return false;
        const e: usize = kwargs == 0 ? <usize>0 : mp_map_lookup(kwargs, key, MP_MAP_LOOKUP);
        if (e == MP_MAP_ERROR) return false;
        if (e == 0) {
          mp_raise_arg1(mp_type_KeyError, key);
          return false;
        }
        arg = load<usize>(e + 4);
      }
      if (lookup < field_name_top) {
        arg = format_field_lookup(arg, lookup, field_name_top);
        if (arg == MP_OBJ_NULL) return false;
      }
    } else {
      const i = load<i32>(arg_i);
      if (i < 0) {
        mp_raise_ValueError("can't switch from manual field specification to automatic field numbering");
        return false;
      }
      if (<usize>i >= n_args - 1) {
        mp_raise_msg(mp_type_IndexError, "tuple index out of range");
        return false;
      }
      arg = load<usize>(args + ((<usize>i + 1) << 2));
      store<i32>(arg_i, i + 1);
    }
    const mark = mp_root_mark();
    mp_root_push(arg);
    const ok = format_one(v, print, arg, conversion, format_spec, str, arg_i, n_args, args, kwargs, depth);
    mp_root_release(mark);
    if (!ok) return false;
  }
  return true;
}

/** Formats one replacement field's value `arg` (rooted) into `print`. */
function format_one(
  v: usize,
  print: usize,
  arg: mp_obj_t,
  conversion: u32,
  format_spec: usize,
  spec_top: usize,
  arg_i: usize,
  n_args: usize,
  args: usize,
  kwargs: usize,
  depth: i32,
): bool {
  const mark = mp_root_mark();
  if (format_spec == 0 && conversion == 0) conversion = 115;
  if (conversion != 0) {
    const cv = print_to_vstr(arg, conversion == 115 ? PRINT_STR : PRINT_REPR);
    if (cv == 0) {
      mp_root_release(mark);
      return false;
    }
    if (conversion == 97) {
      // !a: repr with non-ASCII characters escaped
      arg = ascii_from_vstr(cv);
    } else {
      arg = mp_obj_new_str_type_from_vstr(mp_type_str, cv);
    }
    if (arg == MP_OBJ_NULL) {
      mp_root_release(mark);
      return false;
    }
    mp_root_push(arg);
  }

  let fill: u32 = 0;
  let align: u32 = 0;
  let width: i32 = -1;
  let precision: i32 = -1;
  let type: u32 = 0;
  let flags: u32 = 0;

  if (format_spec != 0) {
    // expand nested {...} in the spec first
    const sv = vstr_new_root(16);
    if (sv == 0) {
      mp_root_release(mark);
      return false;
    }
    if (!format_helper(sv, format_spec, spec_top, arg_i, n_args, args, kwargs, depth + 1)) {
      mp_root_release(mark);
      return false;
    }
    const s0 = vstr_null_terminated_str(sv);
    if (s0 == 0) {
      mp_root_release(mark);
      return false;
    }
    const stop = s0 + vstr_len(sv);
    let s = s0;
    // [[fill]align]: the fill may be any (UTF-8) character
    if (s < stop && is_alignment(<u32>load<u8>(s))) {
      align = <u32>load<u8>(s++);
    } else if (s < stop) {
      const nx = utf8_next_char_bounded(s, stop);
      if (nx < stop && is_alignment(<u32>load<u8>(nx))) {
        fill = utf8_get_char(s);
        s = nx;
        align = <u32>load<u8>(s++);
      }
    }
    if (s < stop) {
      const d = load<u8>(s);
      if (d == 43 || d == 45 || d == 32) {
        if (d == 43) flags |= PF_FLAG_SHOW_SIGN;
        else if (d == 32) flags |= PF_FLAG_SPACE_SIGN;
        s++;
      }
    }
    if (s < stop && load<u8>(s) == 35) {
      flags |= PF_FLAG_SHOW_PREFIX;
      s++;
    }
    if (s < stop && load<u8>(s) == 48) {
      if (align == 0 && arg_looks_numeric(arg)) align = 61;
      if (fill == 0) fill = 48;
    }
    width = parse_uint(s, stop, width);
    s = parsed_pos;
    if (s < stop && (load<u8>(s) == 44 || load<u8>(s) == 95)) {
      flags |= <u32>load<u8>(s) << PF_FLAG_SEP_POS;
      s++;
    }
    if (s < stop && load<u8>(s) == 46) {
      s++;
      precision = parse_uint(s, stop, precision);
      if (parsed_pos == s) {
        mp_raise_ValueError("Format specifier missing precision");
        mp_root_release(mark);
        return false;
      }
      s = parsed_pos;
    }
    if (s < stop && is_type_char(<u32>load<u8>(s))) type = <u32>load<u8>(s++);
    if (s < stop) {
      mp_raise_ValueError("invalid format specifier");
      mp_root_release(mark);
      return false;
    }
  }
  const numeric = arg_looks_numeric(arg);
  if (align == 0) align = numeric ? 62 : 60;
  if (fill == 0) fill = 32;

  if (flags & (PF_FLAG_SHOW_SIGN | PF_FLAG_SPACE_SIGN)) {
    if (type == 115) {
      mp_raise_ValueError("sign not allowed in string format specifier");
      mp_root_release(mark);
      return false;
    }
    if (type == 99) {
      mp_raise_ValueError("sign not allowed with integer format specifier 'c'");
      mp_root_release(mark);
      return false;
    }
  }
  if (align == 60) flags |= PF_FLAG_LEFT_ADJUST;
  else if (align == 61) flags |= PF_FLAG_PAD_AFTER_SIGN;
  else if (align == 94) flags |= PF_FLAG_CENTER_ADJUST;

  let ok = true;
  if (arg_looks_integer(arg)) {
    switch (type) {
      case 98: // b
        ok = mp_print_mp_int(print, arg, 2, 97, flags, fill, width, 0) >= 0;
        mp_root_release(mark);
        return ok;
      case 99: // c
        ok = print_char_arg(print, arg, flags, fill, width);
        mp_root_release(mark);
        return ok;
      case 0:
      case 110: // n
      case 100: // d
        ok = mp_print_mp_int(print, arg, 10, 97, flags, fill, width, 0) >= 0;
        mp_root_release(mark);
        return ok;
      case 111: // o
        if (flags & PF_FLAG_SHOW_PREFIX) flags |= PF_FLAG_SHOW_OCTAL_LETTER;
        ok = mp_print_mp_int(print, arg, 8, 97, flags, fill, width, 0) >= 0;
        mp_root_release(mark);
        return ok;
      case 88: // X
      case 120: // x
        ok = mp_print_mp_int(print, arg, 16, type - 23, flags, fill, width, 0) >= 0;
        mp_root_release(mark);
        return ok;
      case 101:
      case 69:
      case 102:
      case 70:
      case 103:
      case 71:
      case 37:
        break; // the float formats take ints too
      default:
        mp_root_release(mark);
        return unknown_format_code(type, arg);
    }
  }
  if (numeric) {
    if (type == 110) type = 103;
    if (type == 0) {
      // CPython: like str() without a precision, like 'g' with at least one
      // digit after the point with one
      flags |= PF_FLAG_ALWAYS_DECIMAL;
      type = 103;
      if (precision < 0) precision = MP_FLOAT_REPR_PREC;
    }
    if (!mp_obj_get_float_to(arg, mp_float_scratch)) {
      mp_root_release(mark);
      return false;
    }
    const f = load<f64>(mp_float_scratch);
    switch (type) {
      case 101:
      case 69:
      case 102:
      case 70:
      case 103:
      case 71:
        mp_print_float(print, f, type, flags, fill, width, precision);
        break;
      case 37:
        flags |= PF_FLAG_ADD_PERCENT;
        mp_print_float(print, f * 100.0, 102, flags, fill, width, precision);
        break;
      default:
        mp_root_release(mark);
        return unknown_format_code(type, arg);
    }
    mp_root_release(mark);
    return true;
  }
  // not a number
  if (align == 61) {
    mp_raise_ValueError("'=' alignment not allowed in string format specifier");
    mp_root_release(mark);
    return false;
  }
  if (type == 0 || type == 115) {
    if (!mp_obj_str_check(arg)) {
      mp_root_release(mark);
      return false;
    }
    const data = mp_obj_str_get_data_ptr(arg);
    let slen = mp_obj_str_get_len(arg);
    const is_str = mp_obj_is_str(arg);
    if (precision >= 0) {
      // precision counts characters
      if (is_str) slen = utf8_prefix_bytes(data, slen, <usize>precision);
      else if (slen > <usize>precision) slen = <usize>precision;
    }
    print_text_pad(print, data, slen, is_str, flags, fill, width);
    mp_root_release(mark);
    return true;
  }
  mp_root_release(mark);
  return unknown_format_code(type, arg);
}

/** Bytes of the first `n` characters of `len` bytes of UTF-8 at `data`. */
function utf8_prefix_bytes(data: usize, len: usize, n: usize): usize {
  let p = data;
  const top = data + len;
  while (n > 0 && p < top) {
    p = utf8_next_char_bounded(p, top);
    n--;
  }
  return p - data;
}

/** A str from vstr `v` with each non-ASCII character escaped (ascii()). */
function ascii_from_vstr(v: usize): mp_obj_t {
  const out = vstr_new_root(vstr_len(v) + 1);
  if (out == 0) return MP_OBJ_NULL;
  const data = vstr_str(v);
  const top = data + vstr_len(v);
  let p = data;
  while (p < top) {
    const c = utf8_get_char(p);
    const nx = utf8_next_char_bounded(p, top);
    if (c < 0x80) vstr_add_byte(out, c);
    else add_escape(out, c);
    p = nx;
  }
  return mp_obj_new_str_type_from_vstr(mp_type_str, out);
}

/** Appends \xNN, \uNNNN or \UNNNNNNNN for code point `c`. */
export function add_escape(v: usize, c: u32): void {
  let n: u32;
  vstr_add_byte(v, 92);
  if (c < 0x100) {
    vstr_add_byte(v, 120);
    n = 2;
  } else if (c < 0x10000) {
    vstr_add_byte(v, 117);
    n = 4;
  } else {
    vstr_add_byte(v, 85);
    n = 8;
  }
  for (let i = <i32>n - 1; i >= 0; i--) {
    const d = (c >> (<u32>i * 4)) & 15;
    vstr_add_byte(v, d < 10 ? 48 + d : 87 + d);
  }
}

@inline function is_alignment(c: u32): bool {
  return c == 60 || c == 62 || c == 61 || c == 94;
}

/** One of "bcdeEfFgGnosxX%" (istype). */
function is_type_char(c: u32): bool {
  switch (c) {
    case 98:
    case 99:
    case 100:
    case 101:
    case 69:
    case 102:
    case 70:
    case 103:
    case 71:
    case 110:
    case 111:
    case 115:
    case 120:
    case 88:
    case 37:
      return true;
  }
  return false;
}

/**
 * str.format(*args, **kwargs) (mp_obj_str_format): args[0] is the format
 * string (str or bytes; the result has its type).
 */
export function mp_obj_str_format(n_args: usize, args: usize, kwargs: usize): mp_obj_t {
  const self = load<usize>(args);
  if (!mp_obj_str_check(self)) return MP_OBJ_NULL;
  const mark = mp_root_mark();
  const arg_i = mp_root_alloc(1);
  const v = vstr_new_root(16);
  if (arg_i == 0 || v == 0) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  const str = mp_obj_str_get_data_ptr(self);
  const len = mp_obj_str_get_len(self);
  let r: mp_obj_t = MP_OBJ_NULL;
  if (format_helper(v, str, str + len, arg_i, n_args, args, kwargs, 0)) {
    r = mp_obj_new_str_type_from_vstr(mp_obj_get_type(self), v);
  }
  mp_root_release(mark);
  return r;
}

// ---- printf-style % formatting ----

/**
 * `pattern % args` (str_modulo_format): `n_args` values at `args` (a tuple's
 * items, or the single right operand), `dict` the right operand when it is a
 * dict (for %(name)s), `rhs` the right operand (kept rooted). The result has
 * the pattern's type (str or bytes).
 */
export function str_modulo_format(
  pattern: mp_obj_t,
  n_args: usize,
  args: usize,
  dict: mp_obj_t,
  rhs: mp_obj_t,
): mp_obj_t {
  if (!mp_obj_str_check(pattern)) return MP_OBJ_NULL;
  const mark = mp_root_mark();
  mp_root_push(rhs);
  const pr = mp_root_alloc(2);
  const v = vstr_new_root(16);
  if (pr == 0 || v == 0) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  vstr_printer_init(pr, v);
  const ok = modulo_body(v, pr, pattern, n_args, args, dict);
  let r: mp_obj_t = MP_OBJ_NULL;
  if (ok) {
    const is_bytes = mp_obj_is_type(pattern, mp_type_bytes);
    r = mp_obj_new_str_type_from_vstr(is_bytes ? mp_type_bytes : mp_type_str, v);
  }
  mp_root_release(mark);
  return r;
}

function modulo_body(v: usize, print: usize, pattern: mp_obj_t, n_args: usize, args: usize, dict: mp_obj_t): bool {
  const start_str = mp_obj_str_get_data_ptr(pattern);
  let str = start_str;
  const top = str + mp_obj_str_get_len(pattern);
  const is_bytes = mp_obj_is_type(pattern, mp_type_bytes);
  let arg_i: usize = 0;
  for (; str < top; str++) {
    let arg: mp_obj_t = MP_OBJ_NULL;
    if (load<u8>(str) != 37) {
      const start = str;
      while (str + 1 < top && load<u8>(str + 1) != 37) str++;
      vstr_add_strn(v, start, str + 1 - start);
      continue;
    }
    if (++str >= top) {
      mp_raise_ValueError("incomplete format");
      return false;
    }
    if (load<u8>(str) == 37) {
      vstr_add_byte(v, 37);
      continue;
    }
    // %(key)
    if (load<u8>(str) == 40) {
      if (dict == MP_OBJ_NULL) {
        mp_raise_TypeError("format needs a dict");
        return false;
      }
      arg_i = 1; // the dict is used up
      const key = ++str;
      while (str < top && load<u8>(str) != 41) str++;
      if (str >= top) {
        mp_raise_ValueError("incomplete format key");
        return false;
      }
      const k = mp_obj_new_str_via_qstr(key, str - key);
      if (k == MP_OBJ_NULL) return false;
      const e = mp_map_lookup(mp_obj_dict_get_map(dict), k, MP_MAP_LOOKUP);
      if (e == MP_MAP_ERROR) return false;
      if (e == 0) {
        mp_raise_arg1(mp_type_KeyError, k);
        return false;
      }
      arg = load<usize>(e + 4);
      str++;
    }
    let flags: u32 = 0;
    let fill: u32 = 32;
    let alt: u32 = 0;
    while (str < top) {
      const c = load<u8>(str);
      if (c == 45) flags |= PF_FLAG_LEFT_ADJUST;
      else if (c == 43) flags |= PF_FLAG_SHOW_SIGN;
      else if (c == 32) flags |= PF_FLAG_SPACE_SIGN;
      else if (c == 35) alt = PF_FLAG_SHOW_PREFIX;
      else if (c == 48) {
        flags |= PF_FLAG_PAD_AFTER_SIGN;
        fill = 48;
      } else break;
      str++;
    }
    // width
    let width: i32 = 0;
    if (str < top) {
      if (load<u8>(str) == 42) {
        if (arg_i >= n_args) {
          mp_raise_TypeError("format string needs more arguments");
          return false;
        }
        const w = mp_obj_get_int(load<usize>(args + (arg_i++ << 2)));
        if (w == MP_INT_ERROR) return false;
        width = <i32>w;
        if (width < 0) {
          // CPython: a negative * width means left adjust
          flags |= PF_FLAG_LEFT_ADJUST;
          width = -width;
        }
        str++;
      } else {
        width = parse_uint(str, top, 0);
        str = parsed_pos;
      }
    }
    let prec: i32 = -1;
    if (str < top && load<u8>(str) == 46) {
      if (++str < top) {
        if (load<u8>(str) == 42) {
          if (arg_i >= n_args) {
            mp_raise_TypeError("format string needs more arguments");
            return false;
          }
          const p = mp_obj_get_int(load<usize>(args + (arg_i++ << 2)));
          if (p == MP_INT_ERROR) return false;
          prec = <i32>p;
          str++;
        } else {
          prec = parse_uint(str, top, 0);
          str = parsed_pos;
        }
      }
    }
    if (str >= top) {
      mp_raise_ValueError("incomplete format");
      return false;
    }
    if (arg == MP_OBJ_NULL) {
      if (arg_i >= n_args) {
        mp_raise_TypeError("format string needs more arguments");
        return false;
      }
      arg = load<usize>(args + (arg_i++ << 2));
    }
    const mark = mp_root_mark();
    mp_root_push(arg);
    const ok = modulo_one(print, arg, <u32>load<u8>(str), flags, fill, alt, width, prec, is_bytes, str - start_str);
    mp_root_release(mark);
    if (!ok) return false;
  }
  if (dict == MP_OBJ_NULL && arg_i != n_args) {
    mp_raise_TypeError("format string didn't convert all arguments");
    return false;
  }
  return true;
}

/** One % conversion of `arg` (rooted) with directive `c`. */
function modulo_one(
  print: usize,
  arg: mp_obj_t,
  c: u32,
  flags: u32,
  fill: u32,
  alt: u32,
  width: i32,
  prec: i32,
  is_bytes: bool,
  index: usize,
): bool {
  switch (c) {
    case 99: {
      // %c: a one-character str, or an int code point
      if (mp_obj_is_str(arg) || (is_bytes && mp_obj_is_type(arg, mp_type_bytes))) {
        const data = mp_obj_str_get_data_ptr(arg);
        const len = mp_obj_str_get_len(arg);
        const chars = mp_obj_is_str(arg) ? utf8_charlen(data, len) : len;
        if (chars != 1) {
          mp_raise_TypeError("%c needs int or char");
          return false;
        }
        print_text_pad(print, data, len, mp_obj_is_str(arg), flags, 32, width);
        return true;
      }
      if (arg_looks_integer(arg)) return print_char_arg(print, arg, flags, 32, width);
      mp_raise_TypeError("integer needed");
      return false;
    }
    case 100:
    case 105:
    case 117: {
      let x = arg;
      if (mp_obj_is_float(arg)) {
        if (!mp_obj_get_float_to(arg, mp_float_scratch)) return false;
        x = mp_obj_new_int_from_float(load<f64>(mp_float_scratch));
        if (x == MP_OBJ_NULL) return false;
        mp_root_push(x);
      }
      return mp_print_mp_int(print, x, 10, 97, flags, fill, width, prec) >= 0;
    }
    case 101:
    case 69:
    case 102:
    case 70:
    case 103:
    case 71: {
      // as MicroPython's str_modulo_format: any float-convertible (__float__)
      if (!mp_obj_get_float_to(arg, mp_float_scratch)) return false;
      mp_print_float(print, load<f64>(mp_float_scratch), c, flags, fill, width, prec);
      return true;
    }
    case 111:
      if (alt != 0) flags |= PF_FLAG_SHOW_PREFIX | PF_FLAG_SHOW_OCTAL_LETTER;
      return mp_print_mp_int(print, arg, 8, 97, flags, fill, width, prec) >= 0;
    case 114:
    case 115:
    case 97: {
      let kind = c == 115 ? PRINT_STR : PRINT_REPR;
      if (kind == PRINT_STR && is_bytes && mp_obj_is_type(arg, mp_type_bytes)) kind = PRINT_RAW;
      const mark = mp_root_mark();
      const av = print_to_vstr(arg, kind);
      if (av == 0) {
        mp_root_release(mark);
        return false;
      }
      let data = vstr_str(av);
      let vlen = vstr_len(av);
      if (c == 97) {
        const s = ascii_from_vstr(av);
        if (s == MP_OBJ_NULL) {
          mp_root_release(mark);
          return false;
        }
        mp_root_push(s);
        data = mp_obj_str_get_data_ptr(s);
        vlen = mp_obj_str_get_len(s);
      }
      // text results count characters (CPython); bytes count bytes
      if (prec >= 0) {
        if (is_bytes) {
          if (vlen > <usize>prec) vlen = <usize>prec;
        } else {
          vlen = utf8_prefix_bytes(data, vlen, <usize>prec);
        }
      }
      print_text_pad(print, data, vlen, !is_bytes, flags, 32, width);
      mp_root_release(mark);
      return true;
    }
    case 88:
    case 120:
      return mp_print_mp_int(print, arg, 16, c - 23, flags | alt, fill, width, prec) >= 0;
  }
  mp_raise_msg_varg(
    mp_type_ValueError,
    "unsupported format character '%c' (0x%x) at index %d",
    c,
    c,
    index,
  );
  return false;
}
