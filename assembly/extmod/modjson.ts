// The json module, as MicroPython's extmod/modjson.c: dump/dumps print an
// object in PRINT_JSON kind (each type's print slot writes its JSON form;
// objects without one print as they repr, as in MicroPython), with the
// `separators` keyword (MICROPY_PY_JSON_SEPARATORS); load/loads run
// MicroPython's one-pass, non-recursive parser.
//
// MicroPython's rules, not CPython's: the parser treats ',' and ':' as
// whitespace and does not check that brackets pair up, so it accepts a
// superset of JSON ("[1 2]", "{]"); "\uXXXX" adds the code point as is
// (a surrogate pair stays two code points; non-hex digits are folded in,
// not refused); numbers are the longest run of digits, signs, '.', 'e'
// and 'E', parsed by int() or float() rules (with their ValueError); any
// other malformed input raises ValueError "syntax error in JSON". A NUL
// byte ends the input, as MicroPython's EOF marker.

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_OBJ_NEW_QSTR,
  mp_const_none,
  mp_const_false,
  mp_const_true,
  mp_obj_is_obj,
  mp_obj_print_helper,
  PRINT_JSON,
  mp_fun_1_at,
  mp_fun_kw_at,
  mp_obj_get_type_qstr,
} from "../obj";
import { mp_root_mark, mp_root_push, mp_root_alloc, mp_root_release } from "../rootstack";
import { mp_raise_recursion_depth, mp_raise_OSError } from "../runtime";
import {
  mp_raise_ValueError,
  mp_raise_msg_varg,
  mp_type_TypeError,
  mp_type_ValueError,
  mp_pending_exception,
} from "../objexcept";
import {
  mp_static_dict_at,
  mp_static_dict_add,
  mp_obj_new_dict,
  mp_obj_dict_store,
} from "../objdict";
import { mp_module_static_at } from "../objmodule";
import { mp_arg_set, mp_arg_parse_all, MP_ARG_OBJ, MP_ARG_KW_ONLY } from "../argcheck";
import {
  mp_type_list,
  mp_obj_new_list,
  mp_obj_list_append,
  mp_obj_list_len,
  mp_obj_list_items,
} from "../objlist";
import { mp_type_tuple, mp_obj_tuple_len, mp_obj_tuple_items } from "../objtuple";
import {
  mp_obj_new_str,
  mp_obj_new_str_from_utf8_vstr,
  mp_obj_str_check,
  mp_obj_str_get_data_ptr,
  mp_obj_str_get_len,
} from "../objstr";
import { mp_parse_num_integer, mp_parse_num_float } from "../parsenum";
import { mp_print_init, MP_PRINT_EXT_WORDS, mp_print_ext_set_separators } from "../mpprint";
import {
  vstr_new_root,
  vstr_printer_init,
  vstr_reset,
  vstr_add_byte,
  vstr_add_char,
  vstr_str,
  vstr_len,
  vstr_had_error,
} from "../vstr";
import {
  mp_get_stream_raise,
  mp_get_buffer_raise,
  mp_stream_write,
  mp_stream_call_rw,
  MP_STREAM_OP_READ,
  MP_STREAM_OP_WRITE,
  MP_STREAM_RW_WRITE,
  MP_STREAM_RAISED,
} from "../stream";
import { MP_BUFFER_READ, MP_BUFINFO_WORDS } from "../objarray";
import { unichar_isspace, unichar_isdigit } from "../unicode";
import * as Q from "../genhdr";

/** The json module (`import json` / `import ujson`). */
export const mp_module_json: mp_obj_t = memory.data(8, 8);
export const mp_module_json_extensible = true;

// ---- dump, dumps ----

@inline const DUMP_MODE_TO_STRING: usize = 1;
@inline const DUMP_MODE_TO_STREAM: usize = 2;

// allowed arguments after the positional ones: separators (keyword only)
const dump_allowed_args: usize = memory.data(8, 4);
const default_item_sep: usize = memory.data<u8>([44, 32]); // ", "
const default_key_sep: usize = memory.data<u8>([58, 32]); // ": "

/**
 * The bytes of separator `o` (a str or bytes) up to its first NUL, as
 * MicroPython reads them as a C string: writes address and length at `out`.
 * False with TypeError "can't convert ... implicitly" pending.
 */
function separator_get(o: mp_obj_t, out: usize): bool {
  if (!mp_obj_str_check(o)) return false;
  const p = mp_obj_str_get_data_ptr(o);
  const len = mp_obj_str_get_len(o);
  let n: usize = 0;
  while (n < len && load<u8>(p + n) != 0) n++;
  store<usize>(out, p);
  store<usize>(out + 4, n);
  return true;
}

/**
 * The items of `o`, a tuple or list of exactly `len` items
 * (mp_obj_get_array_fixed_n): their address, or 0 with TypeError (not a
 * tuple or list) or ValueError (wrong length) pending.
 */
function json_get_array_fixed_n(o: mp_obj_t, len: usize): usize {
  let n: usize;
  let items: usize;
  if (mp_obj_is_obj(o) && load<usize>(o) == mp_type_tuple) {
    n = mp_obj_tuple_len(o);
    items = mp_obj_tuple_items(o);
  } else if (mp_obj_is_obj(o) && load<usize>(o) == mp_type_list) {
    n = mp_obj_list_len(o);
    items = mp_obj_list_items(o);
  } else {
    const q = mp_obj_get_type_qstr(o);
    mp_raise_msg_varg(mp_type_TypeError, "object '%q' isn't a tuple or list", q);
    return 0;
  }
  if (n != len) {
    mp_raise_msg_varg(mp_type_ValueError, "requested length %d but object has length %d", len, n);
    return 0;
  }
  return items;
}

/**
 * The print_strn of a JSON printer to a stream: writes through the stream
 * protocol (mp_stream_write_adaptor), but nothing more once a write failed,
 * so the first error stays the one raised.
 */
function json_stream_write(data: usize, buf: usize, len: usize): void {
  if (mp_pending_exception() != MP_OBJ_NULL) return;
  mp_stream_write(data, buf, len, MP_STREAM_RW_WRITE);
}

/**
 * dumps(obj, *, separators=None) and dump(obj, stream, *, separators=None)
 * (mod_json_dump_helper): `mode` is the number of positional arguments.
 * separators is None or a 2-tuple/list of str (item, key separators).
 */
function json_dump_helper(n_args: usize, args: usize, kw: usize, mode: usize): mp_obj_t {
  const mark = mp_root_mark();
  const vals = mp_root_alloc(1);
  const print = mp_root_alloc(MP_PRINT_EXT_WORDS);
  const seps = mp_root_alloc(4);
  if (vals == 0 || print == 0 || seps == 0) {
    mp_root_release(mark);
    return mp_raise_recursion_depth();
  }
  if (!mp_arg_parse_all(n_args - mode, args + (mode << 2), kw, 1, dump_allowed_args, vals)) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  const sep = load<usize>(vals);
  if (sep == mp_const_none) {
    mp_print_ext_set_separators(print, default_item_sep, 2, default_key_sep, 2);
  } else {
    const items = json_get_array_fixed_n(sep, 2);
    if (items == 0) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    const item_sep = load<usize>(items);
    const key_sep = load<usize>(items + 4);
    // keep both strs alive even if the sequence changes while printing
    mp_root_push(item_sep);
    mp_root_push(key_sep);
    if (!separator_get(item_sep, seps) || !separator_get(key_sep, seps + 8)) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    const item_len = load<usize>(seps + 4);
    const key_len = load<usize>(seps + 12);
    mp_print_ext_set_separators(print, load<usize>(seps), item_len, load<usize>(seps + 8), key_len);
  }
  const obj = load<usize>(args);
  let r: mp_obj_t = MP_OBJ_NULL;
  if (mode == DUMP_MODE_TO_STRING) {
    const v = vstr_new_root(8);
    if (v == 0) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    vstr_printer_init(print, v);
    if (mp_obj_print_helper(print, obj, PRINT_JSON)) r = mp_obj_new_str_from_utf8_vstr(v);
  } else {
    const stream = load<usize>(args + 4);
    if (mp_get_stream_raise(stream, MP_STREAM_OP_WRITE) != 0) {
      mp_print_init(print, stream, json_stream_write);
      if (mp_obj_print_helper(print, obj, PRINT_JSON) && mp_pending_exception() == MP_OBJ_NULL) {
        r = mp_const_none;
      }
    }
  }
  mp_root_release(mark);
  return r;
}

/** dump(obj, stream, *, separators=None): writes obj's JSON text to a stream; returns None. */
function json_dump(n_args: usize, args: usize, kw: usize): mp_obj_t {
  return json_dump_helper(n_args, args, kw, DUMP_MODE_TO_STREAM);
}

/** dumps(obj, *, separators=None): obj's JSON text as a str. */
function json_dumps(n_args: usize, args: usize, kw: usize): mp_obj_t {
  return json_dump_helper(n_args, args, kw, DUMP_MODE_TO_STRING);
}

// ---- load, loads ----

// The input of the parser, words on the root stack:
//   +0  stream object, or 0 when reading a buffer
//   +4  the stream's read function (table index)
//   +8  buffer address   +12 buffer length   +16 position in the buffer
//   +20 errcode of the last read   +24 one-byte read buffer
//   +28 1 once a read failed (its exception is pending; the input then
//       looks ended, and the parser gives up at its next check)
@inline const SRC_WORDS: usize = 8;

/**
 * The next byte of the input, or 0 at its end (json_stream_next): NUL
 * cannot appear in JSON, so it is the end marker, as in MicroPython.
 */
function json_next(src: usize): u32 {
  const stream = load<usize>(src);
  if (stream == 0) {
    const pos = load<usize>(src + 16);
    if (pos >= load<usize>(src + 12)) return 0;
    store<usize>(src + 16, pos + 1);
    return <u32>load<u8>(load<usize>(src + 8) + pos);
  }
  if (load<u32>(src + 28) != 0) return 0;
  const n = mp_stream_call_rw(load<u32>(src + 4), stream, src + 24, 1, src + 20);
  const err = load<i32>(src + 20);
  if (err != 0) {
    store<u32>(src + 28, 1);
    if (err != MP_STREAM_RAISED) mp_raise_OSError(err);
    return 0;
  }
  if (n == 0) return 0;
  return <u32>load<u8>(src + 24);
}

@inline function src_failed(src: usize): bool {
  return load<u32>(src + 28) != 0;
}

// The keywords after their first letter, each behind its length byte.
const word_null: usize = memory.data<u8>([3, 117, 108, 108]); // "ull"
const word_false: usize = memory.data<u8>([4, 97, 108, 115, 101]); // "alse"
const word_true: usize = memory.data<u8>([3, 114, 117, 101]); // "rue"
@inline const JSON_MISMATCH: u32 = 0xffffffff;

/**
 * Reads the `n` bytes at `word` from the source, `cur` being the first
 * already read: the byte after them, or JSON_MISMATCH at the first that
 * differs (nothing more is read then).
 */
function json_match_rest(src: usize, cur: u32, word: usize, n: usize): u32 {
  for (let i: usize = 0; i < n; i++) {
    if (i > 0) cur = json_next(src);
    if (cur != <u32>load<u8>(word + i)) return JSON_MISMATCH;
  }
  return json_next(src);
}

// The parser's objects, words on the root stack:
//   +0 the stack of open containers (a list; only its first `depth` items count)
//   +4 the innermost open container (stack_top)   +8 a dict key waiting for its value
//   +12 the value just parsed
@inline const P_stack: usize = 0;
@inline const P_top: usize = 4;
@inline const P_key: usize = 8;
@inline const P_next: usize = 12;

/**
 * Parses one JSON value from `src` (mod_json_load): the value, or
 * MP_OBJ_NULL with ValueError "syntax error in JSON" (or the error of a
 * number, a string's UnicodeError, a read's OSError) pending.
 */
function json_parse(src: usize): mp_obj_t {
  const mark = mp_root_mark();
  const st = mp_root_alloc(4);
  if (st == 0) {
    mp_root_release(mark);
    return mp_raise_recursion_depth();
  }
  const v = vstr_new_root(8);
  if (v == 0) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  let depth: usize = 0;
  let top_is_list = false;
  let cur = json_next(src);
  let ok = false;
  // one value per turn; `break` leaves with a syntax error, `return` ends
  while (true) {
    if (src_failed(src)) break;
    if (cur == 0) break; // the input ended inside a container
    let next: mp_obj_t = MP_OBJ_NULL;
    let enter = false;
    const c = cur;
    cur = json_next(src);
    if (c == 44 || c == 58 || c == 32 || c == 9 || c == 10 || c == 13) {
      // ',' ':' and whitespace separate values
      continue;
    } else if (c == 110 || c == 102 || c == 116) {
      // null, false, true
      const word = c == 110 ? word_null : c == 102 ? word_false : word_true;
      cur = json_match_rest(src, cur, word + 1, <usize>load<u8>(word));
      if (cur == JSON_MISMATCH) break;
      next = c == 110 ? mp_const_none : c == 102 ? mp_const_false : mp_const_true;
    } else if (c == 34) {
      // a string
      vstr_reset(v);
      while (cur != 0 && cur != 34) {
        let ch = cur;
        if (ch == 92) {
          ch = json_next(src);
          if (ch == 98) ch = 0x08;
          else if (ch == 102) ch = 0x0c;
          else if (ch == 110) ch = 0x0a;
          else if (ch == 114) ch = 0x0d;
          else if (ch == 116) ch = 0x09;
          else if (ch == 117) {
            // four hex digits; the arithmetic is MicroPython's, on bytes,
            // so other characters fold in rather than fail
            let num: u32 = 0;
            for (let i = 0; i < 4; i++) {
              let d = <u8>((json_next(src) | 0x20) - 48);
              if (d > 9) d = <u8>(d - 39);
              num = (num << 4) | <u32>d;
            }
            vstr_add_char(v, num);
            cur = json_next(src);
            continue;
          }
          // any other escaped character stands for itself
        }
        vstr_add_byte(v, ch);
        cur = json_next(src);
      }
      if (cur == 0 || src_failed(src)) break;
      cur = json_next(src);
      if (vstr_had_error(v)) {
        mp_root_release(mark);
        return MP_OBJ_NULL;
      }
      next = mp_obj_new_str(vstr_str(v), vstr_len(v));
      if (next == MP_OBJ_NULL) {
        mp_root_release(mark);
        return MP_OBJ_NULL;
      }
    } else if (c == 45 || (c >= 48 && c <= 57)) {
      // a number: digits, signs, '.', 'e', 'E'; a float if it has . e E
      let flt = false;
      let ch = c;
      vstr_reset(v);
      while (true) {
        vstr_add_byte(v, ch);
        ch = cur;
        if (ch == 46 || ch == 69 || ch == 101) flt = true;
        else if (!(ch == 43 || ch == 45 || unichar_isdigit(ch))) break;
        cur = json_next(src);
      }
      if (src_failed(src)) break;
      if (vstr_had_error(v)) {
        mp_root_release(mark);
        return MP_OBJ_NULL;
      }
      if (flt) next = mp_parse_num_float(vstr_str(v), vstr_len(v), false, false, 0);
      else next = mp_parse_num_integer(vstr_str(v), vstr_len(v), 10, 0);
      if (next == MP_OBJ_NULL) {
        mp_root_release(mark);
        return MP_OBJ_NULL;
      }
    } else if (c == 91) {
      next = mp_obj_new_list(0, 0);
      if (next == MP_OBJ_NULL) {
        mp_root_release(mark);
        return MP_OBJ_NULL;
      }
      enter = true;
    } else if (c == 123) {
      next = mp_obj_new_dict(0);
      if (next == MP_OBJ_NULL) {
        mp_root_release(mark);
        return MP_OBJ_NULL;
      }
      enter = true;
    } else if (c == 93 || c == 125) {
      // ']' or '}' closes the innermost container, whichever it is
      if (load<usize>(st + P_top) == MP_OBJ_NULL) break; // no value at all
      if (depth == 0) {
        ok = true; // the outermost container is complete
        break;
      }
      depth--;
      const t = load<usize>(mp_obj_list_items(load<usize>(st + P_stack)) + (depth << 2));
      store<usize>(st + P_top, t);
      top_is_list = load<usize>(t) == mp_type_list;
      continue;
    } else {
      break;
    }
    store<usize>(st + P_next, next);
    const top = load<usize>(st + P_top);
    if (top == MP_OBJ_NULL) {
      store<usize>(st + P_top, next);
      top_is_list = enter && load<usize>(next) == mp_type_list;
      if (!enter) {
        ok = true; // a single primitive value
        break;
      }
    } else {
      if (top_is_list) {
        if (mp_obj_list_append(top, next) == MP_OBJ_NULL) {
          mp_root_release(mark);
          return MP_OBJ_NULL;
        }
      } else {
        const key = load<usize>(st + P_key);
        if (key == MP_OBJ_NULL) {
          store<usize>(st + P_key, next);
          if (enter) break; // a container cannot be a key
        } else {
          if (mp_obj_dict_store(top, key, next) == MP_OBJ_NULL) {
            mp_root_release(mark);
            return MP_OBJ_NULL;
          }
          store<usize>(st + P_key, MP_OBJ_NULL);
        }
      }
      if (enter) {
        // push the enclosing container
        let stack = load<usize>(st + P_stack);
        if (stack == MP_OBJ_NULL) {
          stack = mp_obj_new_list(0, 0);
          if (stack == MP_OBJ_NULL) {
            mp_root_release(mark);
            return MP_OBJ_NULL;
          }
          store<usize>(st + P_stack, stack);
        }
        if (depth < mp_obj_list_len(stack)) {
          store<usize>(mp_obj_list_items(stack) + (depth << 2), top);
        } else if (mp_obj_list_append(stack, top) == MP_OBJ_NULL) {
          mp_root_release(mark);
          return MP_OBJ_NULL;
        }
        depth++;
        store<usize>(st + P_top, next);
        top_is_list = load<usize>(next) == mp_type_list;
      }
    }
  }
  if (ok) {
    // only whitespace may follow the value
    while (unichar_isspace(cur)) cur = json_next(src);
    if (cur != 0 || depth != 0) ok = false;
  }
  const r = load<usize>(st + P_top);
  mp_root_release(mark);
  // a failed read raised its own exception
  if (src_failed(src)) return MP_OBJ_NULL;
  if (!ok || r == MP_OBJ_NULL) return mp_raise_ValueError("syntax error in JSON");
  return r;
}

/** load(stream): the value of the JSON text read from a stream, byte by byte. */
function json_load(stream: mp_obj_t): mp_obj_t {
  const p = mp_get_stream_raise(stream, MP_STREAM_OP_READ);
  if (p == 0) return MP_OBJ_NULL;
  const mark = mp_root_mark();
  const src = mp_root_alloc(SRC_WORDS);
  if (src == 0) {
    mp_root_release(mark);
    return mp_raise_recursion_depth();
  }
  store<usize>(src, stream);
  store<u32>(src + 4, load<u32>(p));
  const r = json_parse(src);
  mp_root_release(mark);
  return r;
}

/** loads(str_or_buffer): the value of the JSON text in a str, bytes or other buffer. */
function json_loads(obj: mp_obj_t): mp_obj_t {
  const mark = mp_root_mark();
  const bi = mp_root_alloc(MP_BUFINFO_WORDS);
  const src = mp_root_alloc(SRC_WORDS);
  if (bi == 0 || src == 0) {
    mp_root_release(mark);
    return mp_raise_recursion_depth();
  }
  if (!mp_get_buffer_raise(obj, bi, MP_BUFFER_READ)) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  // the data belongs to `obj`, rooted by our caller; parsing runs no Python code
  store<usize>(src + 8, load<usize>(bi));
  store<usize>(src + 12, load<usize>(bi + 4));
  const r = json_parse(src);
  mp_root_release(mark);
  return r;
}

// ---- the module ----

const json_dump_obj: usize = memory.data(16, 16);
const json_dumps_obj: usize = memory.data(16, 16);
const json_load_obj: usize = memory.data(16, 16);
const json_loads_obj: usize = memory.data(16, 16);
const json_globals: usize = memory.data(16, 16);

/** Set-up of the json module; run once by mp_init. */
export function modjson_static_init(): void {
  const sep_flags = MP_ARG_KW_ONLY | MP_ARG_OBJ;
  mp_arg_set(dump_allowed_args, 0, Q.MP_QSTR_separators, sep_flags, mp_const_none);
  mp_fun_kw_at(json_dump_obj, 2, json_dump);
  mp_fun_kw_at(json_dumps_obj, 1, json_dumps);
  mp_fun_1_at(json_load_obj, json_load);
  mp_fun_1_at(json_loads_obj, json_loads);
  const d = json_globals;
  mp_static_dict_at(d, 5);
  mp_static_dict_add(d, Q.MP_QSTR___name__, MP_OBJ_NEW_QSTR(Q.MP_QSTR_json));
  mp_static_dict_add(d, Q.MP_QSTR_dump, json_dump_obj);
  mp_static_dict_add(d, Q.MP_QSTR_dumps, json_dumps_obj);
  mp_static_dict_add(d, Q.MP_QSTR_load, json_load_obj);
  mp_static_dict_add(d, Q.MP_QSTR_loads, json_loads_obj);
  mp_module_static_at(mp_module_json, d);
}
