// The str type's own slots, as MicroPython's objstrunicode.c
// (MICROPY_PY_BUILTINS_STR_UNICODE): str holds UTF-8, and len(), indexing,
// slicing and iteration count code points. Methods and operators shared with
// bytes are in objstr.ts.

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_OBJ_SENTINEL,
  MP_OBJ_NOT_SUPPORTED,
  MP_OBJ_STOP_ITERATION,
  MP_OBJ_NEW_QSTR,
  MP_OBJ_NEW_SMALL_INT,
  MP_OBJ_SMALL_INT_VALUE,
  mp_obj_is_small_int,
  mp_obj_is_type,
  mp_obj_new_bool,
  mp_const_none,
  mp_type_set_make_new,
  mp_type_set_print,
  mp_type_set_unary_op,
  mp_type_set_binary_op,
  mp_type_set_subscr,
  mp_type_set_getiter,
  mp_type_set_buffer,
  mp_type_set_locals_dict,
  mp_type_set_flags,
  mp_type_flags,
  mp_obj_get_int_maybe_obj,
  mp_obj_get_type_qstr,
  mp_get_index,
  PRINT_STR,
  PRINT_JSON,
} from "./obj";
import * as Q from "./genhdr";
import * as R from "./runtime0";
import { mp_raise_msg, mp_raise_msg_varg, mp_type_TypeError, mp_type_IndexError } from "./objexcept";
import { mp_print_strn, mp_print_str, mp_printf } from "./mpprint";
import {
  UTF8_IS_CONT,
  UTF8_IS_NONASCII,
  utf8_get_char,
  utf8_next_char_bounded,
  utf8_charlen,
} from "./unicode";
import { mp_type_slice } from "./objslice";
import { mp_root_mark, mp_root_alloc, mp_root_release } from "./rootstack";
import { mp_obj_new_polymorph_iter } from "./objpolyiter";
import {
  mp_type_str,
  mp_type_bytes,
  mp_obj_str_get_data_ptr,
  mp_obj_str_get_len,
  mp_obj_str_get_hash,
  mp_obj_str_make_new,
  mp_obj_str_binary_op,
  mp_obj_str_get_buffer,
  mp_obj_str_locals_dict,
  mp_obj_new_str_of_type,
  mp_obj_new_str_via_qstr,
  mp_str_print_json,
} from "./objstr";
import { mp_type_bytearray } from "./objarray";
import { mp_raise_memory_error } from "./runtime";
import { mp_seq_get_fast_slice_indexes } from "./sequence";
import { vstr_new_root, vstr_add_strn } from "./vstr";
import { mp_obj_new_str_type_from_vstr } from "./objstr";

/**
 * Prints a str literal with CPython's quoting (uni_print_quoted): ' unless
 * the text has ' but no "; escapes \\ \n \r \t and \xNN for other ASCII
 * control characters; other printable code points appear as themselves,
 * surrogates as \uXXXX.
 */
function uni_print_quoted(print: usize, data: usize, len: usize): void {
  let has_single = false;
  let has_double = false;
  const top = data + len;
  for (let s = data; !has_double && s < top; s++) {
    const c = load<u8>(s);
    if (c == 39) has_single = true;
    else if (c == 34) has_double = true;
  }
  const quote: u32 = has_single && !has_double ? 34 : 39;
  mp_printf(print, "%c", quote);
  let run = data; // start of bytes printed as they are
  let s = data;
  while (s < top) {
    const start = s;
    const ch = utf8_get_char(s);
    s = utf8_next_char_bounded(s, top);
    if (
      (ch >= 32 && ch <= 126 && ch != quote && ch != 92) ||
      (ch > 127 && ch < 0xd800) ||
      (ch >= 0xe000 && ch < 0x110000)
    ) {
      continue;
    }
    if (start > run) mp_print_strn(print, run, start - run);
    run = s;
    if (ch == quote) mp_printf(print, "\\%c", quote);
    else if (ch == 92) mp_print_str(print, "\\\\");
    else if (ch == 10) mp_print_str(print, "\\n");
    else if (ch == 13) mp_print_str(print, "\\r");
    else if (ch == 9) mp_print_str(print, "\\t");
    else if (ch <= 127) mp_printf(print, "\\x%02x", ch);
    else if (ch < 0x10000) mp_printf(print, "\\u%04x", ch);
    else mp_printf(print, "\\U%08x", ch);
  }
  if (top > run) mp_print_strn(print, run, top - run);
  mp_printf(print, "%c", quote);
}

/** print slot of str: the text for PRINT_STR, a quoted literal for repr (uni_print). */
function uni_print(print: usize, o: mp_obj_t, kind: u32): bool {
  const data = mp_obj_str_get_data_ptr(o);
  const len = mp_obj_str_get_len(o);
  if (kind == PRINT_JSON) mp_str_print_json(print, data, len);
  else if (kind == PRINT_STR) mp_print_strn(print, data, len);
  else uni_print_quoted(print, data, len);
  return true;
}

/** unary_op slot of str: bool, len in code points, hash (as an equal qstr's). */
function uni_unary_op(op: u32, o: mp_obj_t): mp_obj_t {
  const len = mp_obj_str_get_len(o);
  if (op == R.MP_UNARY_OP_BOOL) return mp_obj_new_bool(len != 0);
  if (op == R.MP_UNARY_OP_LEN) {
    return MP_OBJ_NEW_SMALL_INT(<i32>utf8_charlen(mp_obj_str_get_data_ptr(o), len));
  }
  if (op == R.MP_UNARY_OP_HASH) return MP_OBJ_NEW_SMALL_INT(<i32>mp_obj_str_get_hash(o));
  if (op == R.MP_UNARY_OP_SIZEOF) return MP_OBJ_NEW_SMALL_INT(<i32>(<usize>17 + len));
  return MP_OBJ_NOT_SUPPORTED;
}

/**
 * The address of the character at `index` in `len` bytes of UTF-8 at
 * `data`, counting code points for str and bytes for bytes/bytearray
 * (str_index_to_ptr). Negative indices count from the end. Out of range:
 * clamped to the ends when `is_slice`, else IndexError "string index out of
 * range". Returns 0 with the exception pending.
 */
export function str_index_to_ptr(type: usize, data: usize, len: usize, index: mp_obj_t, is_slice: bool): usize {
  if (type == mp_type_bytes || type == mp_type_bytearray) {
    const i = mp_get_index(type, len, index, is_slice);
    if (i < 0) return 0;
    return data + <usize>i;
  }
  let i: i64;
  if (mp_obj_is_small_int(index)) {
    i = <i64>MP_OBJ_SMALL_INT_VALUE(index);
  } else {
    const r = mp_obj_get_int_maybe_obj(index);
    if (r == MP_OBJ_NULL) return 0;
    if (r == MP_OBJ_NOT_SUPPORTED) {
      mp_raise_msg_varg(mp_type_TypeError, "string indices must be integers, not %s", mp_obj_get_type_qstr(index));
      return 0;
    }
    if (!mp_obj_is_small_int(r)) {
      // a long int is beyond either end of any string
      if (!is_slice) {
        mp_raise_msg(mp_type_IndexError, "string index out of range");
        return 0;
      }
      i = long_int_is_negative(r) ? -0x40000000 : 0x40000000;
    } else {
      i = <i64>MP_OBJ_SMALL_INT_VALUE(r);
    }
  }
  const top = data + len;
  let s: usize;
  if (i < 0) {
    // count back from the end
    s = top;
    while (i < 0) {
      if (s == data) {
        if (is_slice) return data;
        mp_raise_msg(mp_type_IndexError, "string index out of range");
        return 0;
      }
      s--;
      if (!UTF8_IS_CONT(<u32>load<u8>(s))) i++;
    }
  } else {
    s = data;
    while (true) {
      if (s >= top) {
        if (is_slice) return top;
        mp_raise_msg(mp_type_IndexError, "string index out of range");
        return 0;
      }
      if (i-- == 0) break;
      s = utf8_next_char_bounded(s, top);
    }
  }
  return s;
}

import { mp_binary_op } from "./runtime";
import { mp_const_true } from "./obj";

/** True if long int `r` is negative (r < 0 via the int type's operator). */
function long_int_is_negative(r: mp_obj_t): bool {
  return mp_binary_op(R.MP_BINARY_OP_LESS, r, MP_OBJ_NEW_SMALL_INT(0)) == mp_const_true;
}

/** Byte length of the UTF-8 sequence whose lead byte is at `s`. */
function char_len_at(s: usize): usize {
  const c = <u32>load<u8>(s);
  if (!UTF8_IS_NONASCII(c)) return 1;
  let n: usize = 1;
  for (let mask: u32 = 0x40; (c & mask) != 0; mask >>= 1) n++;
  return n;
}

/**
 * subscr slot of str (load only): s[i] is a one-character str, s[a:b:c] a
 * new str; slices with any step are supported (MicroPython allows step 1).
 */
function str_subscr(self: mp_obj_t, index: mp_obj_t, value: mp_obj_t): mp_obj_t {
  if (value != MP_OBJ_SENTINEL) return MP_OBJ_NOT_SUPPORTED;
  const data = mp_obj_str_get_data_ptr(self);
  const len = mp_obj_str_get_len(self);
  if (mp_obj_is_type(index, mp_type_slice)) {
    const ostart = load<usize>(index + 4);
    const ostop = load<usize>(index + 8);
    const ostep = load<usize>(index + 12);
    if (ostep == mp_const_none || ostep == MP_OBJ_NEW_SMALL_INT(1)) {
      let pstart = data;
      let pstop = data + len;
      if (ostart != mp_const_none) {
        pstart = str_index_to_ptr(mp_type_str, data, len, ostart, true);
        if (pstart == 0) return MP_OBJ_NULL;
      }
      if (ostop != mp_const_none) {
        pstop = str_index_to_ptr(mp_type_str, data, len, ostop, true);
        if (pstop == 0) return MP_OBJ_NULL;
      }
      if (pstop <= pstart) return MP_OBJ_NEW_QSTR(Q.MP_QSTR_);
      return mp_obj_new_str_of_type(mp_type_str, pstart, pstop - pstart);
    }
    return str_extended_slice(self, index);
  }
  const s = str_index_to_ptr(mp_type_str, data, len, index, false);
  if (s == 0) return MP_OBJ_NULL;
  return mp_obj_new_str_via_qstr(s, char_len_at(s));
}

/** s[a:b:c] with a step other than 1: resolved over the code points. */
function str_extended_slice(self: mp_obj_t, slice: mp_obj_t): mp_obj_t {
  const data = mp_obj_str_get_data_ptr(self);
  const len = mp_obj_str_get_len(self);
  const nchars = utf8_charlen(data, len);
  const mark = mp_root_mark();
  const b = mp_root_alloc(3);
  const k = mp_seq_get_fast_slice_indexes(nchars, slice, b);
  const start = load<i32>(b);
  const stop = load<i32>(b + 4);
  const step = load<i32>(b + 8);
  if (k < 0) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  const v = vstr_new_root(16);
  if (v == 0) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  let count: i32 = 0;
  if (step > 0) count = stop > start ? (stop - start + step - 1) / step : 0;
  else count = start >= stop ? (start - stop) / -step + 1 : 0;
  if (count > 0) {
    const top = data + len;
    let p = char_ptr(data, len, start);
    for (let i: i32 = 0; i < count; i++) {
      vstr_add_strn(v, p, char_len_at(p));
      if (i + 1 == count) break;
      if (step > 0) {
        for (let k: i32 = 0; k < step; k++) p = utf8_next_char_bounded(p, top);
      } else {
        for (let k: i32 = 0; k < -step; k++) {
          p--;
          while (p > data && UTF8_IS_CONT(<u32>load<u8>(p))) p--;
        }
      }
    }
  }
  const r = mp_obj_new_str_type_from_vstr(mp_type_str, v);
  mp_root_release(mark);
  return r;
}

/** The address of character `idx` (0 <= idx < number of characters). */
function char_ptr(data: usize, len: usize, idx: i32): usize {
  let s = data;
  const top = data + len;
  while (idx > 0) {
    s = utf8_next_char_bounded(s, top);
    idx--;
  }
  return s;
}

function str_it_iternext(self: mp_obj_t): mp_obj_t {
  const str = load<usize>(self + 8);
  const cur = load<usize>(self + 12);
  const len = mp_obj_str_get_len(str);
  if (cur >= len) return MP_OBJ_STOP_ITERATION;
  const data = mp_obj_str_get_data_ptr(str);
  const end = utf8_next_char_bounded(data + cur, data + len);
  const o = mp_obj_new_str_via_qstr(data + cur, end - (data + cur));
  if (o == MP_OBJ_NULL) return MP_OBJ_NULL;
  store<usize>(self + 12, end - data);
  return o;
}

/** getiter slot of str: yields one-character strs (mp_obj_new_str_iterator). */
function mp_obj_new_str_iterator(str: mp_obj_t, iter_buf: usize): mp_obj_t {
  return mp_obj_new_polymorph_iter(str_it_iternext, str, 0, iter_buf);
}

/** Sets the slots of mp_type_str (called from objstr.ts once its dicts exist). */
export function mp_type_str_setup(): void {
  mp_type_set_make_new(mp_type_str, mp_obj_str_make_new);
  mp_type_set_print(mp_type_str, uni_print);
  mp_type_set_unary_op(mp_type_str, uni_unary_op);
  mp_type_set_binary_op(mp_type_str, mp_obj_str_binary_op);
  mp_type_set_subscr(mp_type_str, str_subscr);
  mp_type_set_getiter(mp_type_str, mp_obj_new_str_iterator);
  mp_type_set_buffer(mp_type_str, mp_obj_str_get_buffer);
  mp_type_set_locals_dict(mp_type_str, mp_obj_str_locals_dict);
}
