// str and bytes, as MicroPython's objstr.c: construction, the operators and
// the methods shared by str, bytes and bytearray (bytearray borrows them
// through the shared layout below). The str type's own slots (unicode print,
// len, indexing by code point, iteration) are in objstrunicode.ts; str.format
// and the % operator in objstrformat.ts.
//
//   mp_obj_str_t (16 bytes, one block):
//     +0 type (mp_type_str / mp_type_bytes)   +8  len (bytes)
//     +4 hash (0 = not computed yet)          +12 data: pointer to len+1 bytes (NUL-terminated)
//
// Interned strings are qstrs (tagged mp_obj_t), not str objects. A bytearray
// (objarray.ts) keeps its length at +8 and its bytes at +12 too, so every
// method here reads any of the three the same way.
//
// Beyond MicroPython, for CPython compatibility: ljust/rjust/zfill,
// swapcase/capitalize/title, isalnum; slices with any step; int arguments
// to bytes.count and `int in bytes`; an empty string is not found past the
// end (''.find('', 5) == -1); no implicit str -> bytes in bytes operators;
// decode/encode take keywords. Case and character classes stay ASCII-only,
// as in MicroPython.

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_OBJ_SENTINEL,
  MP_OBJ_NOT_SUPPORTED,
  MP_OBJ_STOP_ITERATION,
  MP_TYPE_SIZE,
  mp_obj_is_qstr,
  MP_OBJ_QSTR_VALUE,
  MP_OBJ_NEW_QSTR,
  MP_OBJ_NEW_SMALL_INT,
  MP_OBJ_SMALL_INT_VALUE,
  mp_obj_is_small_int,
  mp_obj_is_obj,
  mp_obj_is_type,
  mp_obj_new_bool,
  mp_const_none,
  mp_const_true,
  mp_const_false,
  mp_type_setup,
  mp_type_name,
  mp_type_slot,
  SLOT_buffer,
  call_buffer,
  MP_TYPE_FLAG_NONE,
  mp_type_set_make_new,
  mp_type_set_print,
  mp_type_set_unary_op,
  mp_type_set_binary_op,
  mp_type_set_subscr,
  mp_type_set_getiter,
  mp_type_set_buffer,
  mp_type_set_locals_dict,
  mp_fun_1_at,
  mp_fun_2_at,
  mp_fun_var_at,
  mp_fun_kw_at,
  mp_obj_print_helper,
  mp_obj_get_int,
  mp_obj_get_int_maybe_obj,
  mp_obj_is_true,
  mp_obj_len_maybe,
  mp_get_index,
  MP_INT_ERROR,
  PRINT_STR,
  PRINT_REPR,
  PRINT_RAW,
  PRINT_JSON,
} from "./obj";
import {
  qstr,
  qstr_find_strn,
  qstr_from_strn,
  qstr_str,
  qstr_len,
  qstr_hash,
  qstr_compute_hash,
  mp_utf8_from_as,
} from "./qstr";
import { gc_alloc } from "./gc";
import { mp_root_mark, mp_root_push, mp_root_release, mp_root_alloc } from "./rootstack";
import * as Q from "./genhdr";
import { mp_raise_memory_error, mp_getiter, mp_iternext } from "./runtime";
import * as R from "./runtime0";
import {
  mp_raise_msg,
  mp_raise_msg_varg,
  mp_raise_type,
  mp_raise_TypeError,
  mp_raise_ValueError,
  mp_raise_NotImplementedError,
  mp_raise_OverflowError,
  mp_type_TypeError,
  mp_type_ValueError,
  mp_type_UnicodeError,
  mp_type_LookupError,
  mp_type_OverflowError,
} from "./objexcept";
import { mp_obj_get_type, mp_type_classmethod } from "./objtype";
import { mp_obj_is_int } from "./objint";
import { mp_type_dict } from "./objdict";
import { mp_print_strn, mp_print_str, mp_printf } from "./mpprint";
import {
  vstr_new_root,
  vstr_new_root_len,
  vstr_len,
  vstr_str,
  vstr_set_len,
  vstr_had_error,
  vstr_detach_buf,
  vstr_add_byte,
  vstr_add_char,
  vstr_add_strn,
  vstr_printer_init,
} from "./vstr";
import {
  unichar_isspace,
  unichar_isalpha,
  unichar_isdigit,
  unichar_isupper,
  unichar_islower,
  unichar_isxdigit,
  unichar_xdigit_value,
  unichar_tolower,
  unichar_toupper,
  utf8_charlen,
  utf8_next_char_bounded,
  utf8_ptr_to_index,
  unicode_encoding_check,
  UTF8_IS_CONT,
  MP_ENCODING_UTF8,
  MP_ENCODING_ASCII,
} from "./unicode";
import { mp_type_tuple, mp_obj_new_tuple, mp_obj_tuple_len, mp_obj_tuple_items, mp_obj_is_tuple_compatible } from "./objtuple";
import { mp_type_list, mp_obj_new_list, mp_obj_list_append, mp_obj_list_from_iter } from "./objlist";
import { mp_type_slice } from "./objslice";
import { mp_seq_get_fast_slice_indexes, mp_seq_cmp_bytes } from "./sequence";
import { mp_arg_check_num, mp_arg_parse_all, mp_arg_set, MP_ARG_BOOL, MP_ARG_OBJ } from "./argcheck";
import { mp_obj_new_polymorph_iter } from "./objpolyiter";
import { mp_static_dict_at, mp_static_dict_add } from "./objdict";
import { mp_map_lookup, mp_map_used, MP_MAP_LOOKUP, MP_MAP_ERROR } from "./map";
import { str_index_to_ptr, mp_type_str_setup } from "./objstrunicode";
import { mp_obj_str_format_obj, str_modulo_format } from "./objstrformat";
import {
  mp_type_bytearray,
  mp_type_array,
  mp_type_memoryview,
  mp_obj_new_bytearray,
  mp_obj_new_bytearray_by_ref, mp_obj_new_bytearray_from_block,
  mp_obj_array_append_obj,
  mp_obj_array_extend_obj,
  mp_get_buffer,
  mp_get_buffer_raise,
  MP_BUFFER_READ,
  MP_BUFINFO_WORDS,
} from "./objarray";

export const mp_type_str: usize = memory.data(<i32>MP_TYPE_SIZE, 16);
export const mp_type_bytes: usize = memory.data(<i32>MP_TYPE_SIZE, 16);

/** The empty bytes object b'' (static, as mp_const_empty_bytes; filled by objstr_static_init). */
export const mp_const_empty_bytes: usize = memory.data(16, 16);
const empty_bytes_data: usize = memory.data(4, 4);

// ---- construction ----

/**
 * Allocates a str/bytes object of `type` with room for `len` bytes (plus NUL),
 * contents zeroed. Returns MP_OBJ_NULL on MemoryError.
 */
export function mp_obj_new_str_of_type_uninit(type: usize, len: usize): mp_obj_t {
  if (len >= 0x7ffffff0) return mp_raise_memory_error(len);
  const o = gc_alloc(16, 0);
  if (o == 0) return mp_raise_memory_error(16);
  const mark = mp_root_mark();
  mp_root_push(o);
  const d = gc_alloc(len + 1, 0);
  mp_root_release(mark);
  if (d == 0) return mp_raise_memory_error(len + 1);
  store<usize>(o, type);
  store<usize>(o + 8, len);
  store<usize>(o + 12, d);
  return o;
}

/**
 * A new str from `len` UTF-8 bytes at `p` (copied). Returns the qstr if the
 * text is already interned, as mp_obj_new_str. MP_OBJ_NULL with UnicodeError
 * pending if the bytes are not valid UTF-8, or on MemoryError.
 * `p` must not point into an unrooted heap block.
 */
export function mp_obj_new_str(p: usize, len: usize): mp_obj_t {
  if (!unicode_encoding_check(MP_ENCODING_UTF8, p, len)) return mp_raise_type(mp_type_UnicodeError);
  const q = qstr_find_strn(p, len);
  if (q != 0) return MP_OBJ_NEW_QSTR(q);
  return mp_obj_new_str_copy(mp_type_str, p, len);
}

/** A new str or bytes object of `type` holding a copy of `len` bytes at `p` (never interned). */
export function mp_obj_new_str_copy(type: usize, p: usize, len: usize): mp_obj_t {
  const o = mp_obj_new_str_of_type_uninit(type, len);
  if (o == MP_OBJ_NULL) return MP_OBJ_NULL;
  memory.copy(load<usize>(o + 12), p, len);
  return o;
}

const as_scratch: usize = memory.data(4096, 4);

/** A new str from an AssemblyScript string literal (at most 4 KiB of UTF-8). */
export function mp_obj_new_str_from_as(s: string): mp_obj_t {
  const n = mp_utf8_from_as(s, as_scratch, 4096);
  return mp_obj_new_str(as_scratch, n);
}

/** A new bytes object holding a copy of `len` bytes at `p` (mp_obj_new_bytes). */
export function mp_obj_new_bytes(p: usize, len: usize): mp_obj_t {
  return mp_obj_new_str_copy(mp_type_bytes, p, len);
}

/**
 * A new object of `type` (str, bytes or bytearray) holding a copy of `len`
 * bytes at `p`; a str may come back as an existing qstr
 * (mp_obj_new_str_of_type). The bytes need not be checked UTF-8.
 */
export function mp_obj_new_str_of_type(type: usize, p: usize, len: usize): mp_obj_t {
  if (type == mp_type_str) {
    const q = qstr_find_strn(p, len);
    if (q != 0) return MP_OBJ_NEW_QSTR(q);
    return mp_obj_new_str_copy(mp_type_str, p, len);
  }
  if (type == mp_type_bytearray) return mp_obj_new_bytearray(len, p);
  return mp_obj_new_str_copy(mp_type_bytes, p, len);
}

/**
 * A str for `len` bytes at `p`, interned (as mp_obj_new_str_via_qstr); text
 * too long to be a qstr becomes a plain str object. MP_OBJ_NULL on MemoryError.
 */
export function mp_obj_new_str_via_qstr(p: usize, len: usize): mp_obj_t {
  const q = qstr_from_strn(p, len);
  if (q != 0) return MP_OBJ_NEW_QSTR(q);
  if (len <= 255) return mp_raise_memory_error(len);
  return mp_obj_new_str_copy(mp_type_str, p, len);
}

/**
 * Turns the contents of vstr `v` into a new object of `type` (str, bytes or
 * bytearray), reusing its buffer (mp_obj_new_str_type_from_vstr); a str that
 * is already interned comes back as its qstr. No UTF-8 check. Returns
 * MP_OBJ_NULL if the vstr failed earlier or the heap is full. `v` must be
 * rooted (on the root stack) and is not usable afterwards.
 */
export function mp_obj_new_str_type_from_vstr(type: usize, v: usize): mp_obj_t {
  if (vstr_had_error(v)) return MP_OBJ_NULL;
  if (type == mp_type_str) {
    const q = qstr_find_strn(vstr_str(v), vstr_len(v));
    if (q != 0) return MP_OBJ_NEW_QSTR(q);
  }
  const len = vstr_len(v);
  const data = vstr_detach_buf(v);
  if (data == 0) return MP_OBJ_NULL;
  if (type == mp_type_bytearray) return mp_obj_new_bytearray_from_block(len, data);
  // the buffer stays rooted through the vstr header while the object is allocated
  const o = gc_alloc(16, 0);
  if (o == 0) return mp_raise_memory_error(16);
  store<usize>(o, type);
  store<usize>(o + 8, len);
  store<usize>(o + 12, data);
  return o;
}

/**
 * A new str from vstr `v` (mp_obj_new_str_from_vstr): UnicodeError if the
 * bytes are not valid UTF-8. See mp_obj_new_str_type_from_vstr.
 */
export function mp_obj_new_str_from_vstr(v: usize): mp_obj_t {
  if (vstr_had_error(v)) return MP_OBJ_NULL;
  if (!unicode_encoding_check(MP_ENCODING_UTF8, vstr_str(v), vstr_len(v))) {
    return mp_raise_type(mp_type_UnicodeError);
  }
  return mp_obj_new_str_type_from_vstr(mp_type_str, v);
}

/** A new str from vstr `v` known to hold valid UTF-8 (mp_obj_new_str_from_utf8_vstr). */
export function mp_obj_new_str_from_utf8_vstr(v: usize): mp_obj_t {
  return mp_obj_new_str_type_from_vstr(mp_type_str, v);
}

/** A new bytes object from vstr `v` (mp_obj_new_bytes_from_vstr). */
export function mp_obj_new_bytes_from_vstr(v: usize): mp_obj_t {
  return mp_obj_new_str_type_from_vstr(mp_type_bytes, v);
}

/**
 * Prints `o` in `kind` (PRINT_STR for str(o), PRINT_REPR for repr(o)) into a
 * new str, as str(o)/repr(o) do. MP_OBJ_NULL with the exception pending.
 */
export function mp_obj_new_str_from_obj(o: mp_obj_t, kind: u32): mp_obj_t {
  const mark = mp_root_mark();
  mp_root_push(o);
  const pr = mp_root_alloc(2);
  const v = vstr_new_root(16);
  let r: mp_obj_t = MP_OBJ_NULL;
  if (pr != 0 && v != 0) {
    vstr_printer_init(pr, v);
    if (mp_obj_print_helper(pr, o, kind)) r = mp_obj_new_str_from_utf8_vstr(v);
  }
  mp_root_release(mark);
  return r;
}

/** repr(o) as a new str (mp_obj_repr). */
export function mp_obj_repr_str(o: mp_obj_t): mp_obj_t {
  return mp_obj_new_str_from_obj(o, PRINT_REPR);
}

// ---- access ----

/** True for str objects and qstrs. */
@inline export function mp_obj_is_str(o: mp_obj_t): bool {
  return mp_obj_is_qstr(o) || (mp_obj_is_obj(o) && load<usize>(o) == mp_type_str);
}

/** True for str (incl. qstrs) and bytes objects (mp_obj_is_str_or_bytes). */
export function mp_obj_is_str_or_bytes(o: mp_obj_t): bool {
  if (mp_obj_is_qstr(o)) return true;
  if (!mp_obj_is_obj(o)) return false;
  const t = load<usize>(o);
  return t == mp_type_str || t == mp_type_bytes;
}

/** Byte data of a str/bytes/bytearray object or qstr. */
export function mp_obj_str_get_data_ptr(o: mp_obj_t): usize {
  if (mp_obj_is_qstr(o)) return qstr_str(MP_OBJ_QSTR_VALUE(o));
  return load<usize>(o + 12);
}

/** Byte length of a str/bytes/bytearray object or qstr. */
export function mp_obj_str_get_len(o: mp_obj_t): usize {
  if (mp_obj_is_qstr(o)) return qstr_len(MP_OBJ_QSTR_VALUE(o));
  return load<usize>(o + 8);
}

/** Hash of a str/bytes object (cached in the object), as qstr_compute_hash. */
export function mp_obj_str_get_hash(o: mp_obj_t): u32 {
  if (mp_obj_is_qstr(o)) return qstr_hash(MP_OBJ_QSTR_VALUE(o));
  let h = load<u32>(o + 4);
  if (h == 0) {
    h = qstr_compute_hash(load<usize>(o + 12), load<usize>(o + 8));
    store<u32>(o + 4, h);
  }
  return h;
}

/** True if str/bytes `s1` and `s2` hold the same bytes (mp_obj_str_equal). */
export function mp_obj_str_equal(s1: mp_obj_t, s2: mp_obj_t): bool {
  if (mp_obj_is_qstr(s1) && mp_obj_is_qstr(s2)) return s1 == s2;
  const l1 = mp_obj_str_get_len(s1);
  if (l1 != mp_obj_str_get_len(s2)) return false;
  return memory.compare(mp_obj_str_get_data_ptr(s1), mp_obj_str_get_data_ptr(s2), l1) == 0;
}

/**
 * Raises TypeError "can't convert 'X' object to str implicitly" (or "to
 * bytes" when X is str), as MicroPython's bad_implicit_conversion.
 */
export function mp_raise_bad_implicit_conversion(o: mp_obj_t): mp_obj_t {
  const src = mp_type_name(mp_obj_get_type(o));
  return mp_raise_msg_varg(
    mp_type_TypeError,
    "can't convert '%q' object to %q implicitly",
    src,
    src == Q.MP_QSTR_str ? Q.MP_QSTR_bytes : Q.MP_QSTR_str,
  );
}

/**
 * The qstr of str `o`, interning it if needed (mp_obj_str_get_qstr).
 * Returns 0 with TypeError (not a str) or MemoryError pending.
 */
export function mp_obj_str_get_qstr(o: mp_obj_t): qstr {
  if (mp_obj_is_qstr(o)) return MP_OBJ_QSTR_VALUE(o);
  if (mp_obj_is_type(o, mp_type_str)) {
    const q = qstr_from_strn(load<usize>(o + 12), load<usize>(o + 8));
    if (q == 0) mp_raise_memory_error(0);
    return q;
  }
  mp_raise_bad_implicit_conversion(o);
  return 0;
}

/**
 * The NUL-terminated bytes of str/bytes `o` (mp_obj_str_get_str), or 0 with
 * TypeError pending for other objects.
 */
export function mp_obj_str_get_str(o: mp_obj_t): usize {
  if (mp_obj_is_str_or_bytes(o)) return mp_obj_str_get_data_ptr(o);
  mp_raise_bad_implicit_conversion(o);
  return 0;
}

/**
 * Checks that `o` is a str or bytes (mp_obj_str_get_data's check): false
 * with TypeError pending otherwise. Read the data with
 * mp_obj_str_get_data_ptr / mp_obj_str_get_len after.
 */
export function mp_obj_str_check(o: mp_obj_t): bool {
  if (mp_obj_is_str_or_bytes(o)) return true;
  mp_raise_bad_implicit_conversion(o);
  return false;
}

/** The interned form of str `o` (mp_obj_str_intern); MP_OBJ_NULL on error. */
export function mp_obj_str_intern(o: mp_obj_t): mp_obj_t {
  if (mp_obj_is_qstr(o)) return o;
  return mp_obj_new_str_via_qstr(mp_obj_str_get_data_ptr(o), mp_obj_str_get_len(o));
}

/** As mp_obj_str_intern, raising TypeError for non-str arguments (mp_obj_str_intern_checked). */
export function mp_obj_str_intern_checked(o: mp_obj_t): mp_obj_t {
  if (!mp_obj_str_check(o)) return MP_OBJ_NULL;
  return mp_obj_str_intern(o);
}

/** str or bytes: the empty value of `type` ('' or b''); bytearray gives a new one. */
function make_empty_str_of_type(type: usize): mp_obj_t {
  if (type == mp_type_str) return MP_OBJ_NEW_QSTR(Q.MP_QSTR_);
  if (type == mp_type_bytearray) return mp_obj_new_bytearray(0, 0);
  return mp_const_empty_bytes;
}

/**
 * Checks that method argument `arg` has the type of the object (`self_type`),
 * bytes and bytearray counting as one (str_check_arg_type). False with
 * TypeError pending.
 */
function str_check_arg_type(self_type: usize, arg: mp_obj_t): bool {
  let arg_type = mp_obj_get_type(arg);
  if (arg_type == mp_type_bytearray) arg_type = mp_type_bytes;
  if (self_type == mp_type_bytearray) self_type = mp_type_bytes;
  if (arg_type != self_type) {
    mp_raise_bad_implicit_conversion(arg);
    return false;
  }
  return true;
}

/**
 * Finds `nlen` bytes `needle` in `hlen` bytes at `haystack`, first from the
 * start (direction > 0) or from the end (< 0). Returns the address or 0
 * (find_subbytes).
 */
export function find_subbytes(haystack: usize, hlen: usize, needle: usize, nlen: usize, direction: i32): usize {
  if (hlen < nlen) return 0;
  if (nlen == 0) return direction > 0 ? haystack : haystack + hlen;
  const first = load<u8>(needle);
  if (direction > 0) {
    const last = haystack + hlen - nlen;
    for (let p = haystack; p <= last; p++) {
      if (load<u8>(p) == first && memory.compare(p, needle, nlen) == 0) return p;
    }
  } else {
    for (let p = haystack + hlen - nlen; ; p--) {
      if (load<u8>(p) == first && memory.compare(p, needle, nlen) == 0) return p;
      if (p == haystack) break;
    }
  }
  return 0;
}

// ---- printing ----

/**
 * Prints `len` bytes at `data` as a quoted literal (mp_str_print_quoted): the
 * quote is ' unless the text has ' but no ", escapes \\ \n \r \t, \xNN for
 * other control bytes (and for bytes >= 0x80 when `is_bytes`).
 */
export function mp_str_print_quoted(print: usize, data: usize, len: usize, is_bytes: bool): void {
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
  // runs of plain bytes are printed in one go
  let run = data;
  for (let s = data; s < top; s++) {
    const c = <u32>load<u8>(s);
    if (c >= 0x20 && c != 0x7f && c != quote && c != 92 && (!is_bytes || c < 0x80)) continue;
    if (s > run) mp_print_strn(print, run, s - run);
    run = s + 1;
    if (c == quote) mp_printf(print, "\\%c", quote);
    else if (c == 92) mp_print_str(print, "\\\\");
    else if (c == 10) mp_print_str(print, "\\n");
    else if (c == 13) mp_print_str(print, "\\r");
    else if (c == 9) mp_print_str(print, "\\t");
    else mp_printf(print, "\\x%02x", c);
  }
  if (top > run) mp_print_strn(print, run, top - run);
  mp_printf(print, "%c", quote);
}

/**
 * Prints `len` bytes of UTF-8 at `data` as a JSON string (mp_str_print_json):
 * escapes " \\ \n \r \t and \u00XX for other control characters.
 */
export function mp_str_print_json(print: usize, data: usize, len: usize): void {
  mp_print_str(print, '"');
  const top = data + len;
  let run = data;
  for (let s = data; s < top; s++) {
    const c = <u32>load<u8>(s);
    if (c >= 32 && c != 34 && c != 92) continue;
    if (s > run) mp_print_strn(print, run, s - run);
    run = s + 1;
    if (c == 34 || c == 92) mp_printf(print, "\\%c", c);
    else if (c == 10) mp_print_str(print, "\\n");
    else if (c == 13) mp_print_str(print, "\\r");
    else if (c == 9) mp_print_str(print, "\\t");
    else mp_printf(print, "\\u%04x", c);
  }
  if (top > run) mp_print_strn(print, run, top - run);
  mp_print_str(print, '"');
}

/**
 * print slot of bytes: b'...' (PRINT_RAW: the bytes themselves; PRINT_JSON:
 * a JSON string, as MicroPython's str_print).
 */
function bytes_print(print: usize, o: mp_obj_t, kind: u32): bool {
  const data = mp_obj_str_get_data_ptr(o);
  const len = mp_obj_str_get_len(o);
  if (kind == PRINT_JSON) {
    mp_str_print_json(print, data, len);
    return true;
  }
  if (kind == PRINT_RAW) {
    mp_print_strn(print, data, len);
    return true;
  }
  mp_print_str(print, "b");
  mp_str_print_quoted(print, data, len, true);
  return true;
}

// ---- constructors ----

/** bytes.decode / str(): the encoding named by `o` (parse_encoding_arg); -1 with LookupError. */
function parse_encoding_arg(o: mp_obj_t): i32 {
  const q = mp_obj_str_get_qstr(o);
  if (q == 0) return -1;
  if (q == Q.MP_QSTR_utf_hyphen_8 || q == Q.MP_QSTR_utf8) return <i32>MP_ENCODING_UTF8;
  if (q == Q.MP_QSTR_ascii) return <i32>MP_ENCODING_ASCII;
  mp_raise_msg_varg(mp_type_LookupError, "unknown encoding: %q", q);
  return -1;
}

/**
 * Decodes invalid text by skipping (errors='ignore') or replacing with
 * U+FFFD (errors='replace') each bad sequence (str_from_invalid).
 */
function str_from_invalid(encoding: u32, type: usize, data: usize, len: usize, replace: bool): mp_obj_t {
  const mark = mp_root_mark();
  const v = vstr_new_root(len + 1);
  if (v == 0) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  const is_utf8 = encoding == MP_ENCODING_UTF8;
  let p = data;
  const end = data + len;
  while (p < end) {
    const c = <u32>load<u8>(p);
    if (c < 0x80) {
      vstr_add_byte(v, c);
      p++;
    } else if (is_utf8 && c >= 0xc0 && c < 0xf8) {
      const need: u32 = (0xe5 >> ((c >> 3) & 0x6)) & 3;
      const start = p;
      p++;
      let got: u32 = 0;
      while (got < need && p < end && UTF8_IS_CONT(<u32>load<u8>(p))) {
        got++;
        p++;
      }
      if (got == need) {
        let ch = c & (0x7f >> need);
        for (let i: u32 = 0; i < need; i++) ch = (ch << 6) | (<u32>load<u8>(start + 1 + i) & 0x3f);
        vstr_add_char(v, ch);
      } else if (replace) {
        vstr_add_char(v, 0xfffd);
      }
    } else {
      if (replace) vstr_add_char(v, 0xfffd);
      p++;
    }
  }
  const r = mp_obj_new_str_type_from_vstr(type, v);
  mp_root_release(mark);
  return r;
}

/**
 * str(), str(obj) (the object's print slot with PRINT_STR) and
 * str(buffer, encoding[, errors]), as mp_obj_str_make_new.
 */
export function mp_obj_str_make_new(type: usize, n_args: usize, n_kw: usize, args: usize): mp_obj_t {
  if (n_kw != 0) {
    return mp_raise_NotImplementedError("keyword argument(s) not implemented - use normal args instead");
  }
  if (!mp_arg_check_num(n_args, n_kw, 0, 3, false)) return MP_OBJ_NULL;
  if (n_args == 0) return MP_OBJ_NEW_QSTR(Q.MP_QSTR_);
  const a0 = load<usize>(args);
  if (n_args == 1) {
    if (mp_obj_is_str(a0)) return a0;
    return mp_obj_new_str_from_obj(a0, PRINT_STR);
  }
  // str(buffer, encoding[, errors])
  let data: usize;
  let len: usize;
  const is_bytes = mp_obj_is_type(a0, mp_type_bytes);
  if (is_bytes) {
    data = load<usize>(a0 + 12);
    len = load<usize>(a0 + 8);
  } else {
    const mark = mp_root_mark();
    const bi = mp_root_alloc(MP_BUFINFO_WORDS);
    const ok = mp_get_buffer_raise(a0, bi, MP_BUFFER_READ);
    data = load<usize>(bi);
    len = load<usize>(bi + 4);
    mp_root_release(mark);
    if (!ok) return MP_OBJ_NULL;
  }
  const enc = parse_encoding_arg(load<usize>(args + 4));
  if (enc < 0) return MP_OBJ_NULL;
  if (!unicode_encoding_check(<u32>enc, data, len)) {
    let errors: qstr = Q.MP_QSTR_;
    if (n_args >= 3 && load<usize>(args + 8) != mp_const_none) {
      errors = mp_obj_str_get_qstr(load<usize>(args + 8));
      if (errors == 0) return MP_OBJ_NULL;
    }
    if (errors == Q.MP_QSTR_ignore || errors == Q.MP_QSTR_replace) {
      return str_from_invalid(<u32>enc, type, data, len, errors == Q.MP_QSTR_replace);
    }
    return mp_raise_type(mp_type_UnicodeError);
  }
  const q = qstr_find_strn(data, len);
  if (q != 0) return MP_OBJ_NEW_QSTR(q);
  if (!is_bytes) return mp_obj_new_str_copy(type, data, len);
  // immutable bytes: share their data (no copy)
  const o = gc_alloc(16, 0);
  if (o == 0) return mp_raise_memory_error(16);
  store<usize>(o, type);
  store<u32>(o + 4, load<u32>(a0 + 4));
  store<usize>(o + 8, len);
  store<usize>(o + 12, data);
  return o;
}

/**
 * bytes(), bytes(int), bytes(buffer), bytes(iterable of ints),
 * bytes(str, encoding), as MicroPython's bytes_make_new.
 */
function bytes_make_new(type: usize, n_args: usize, n_kw: usize, args: usize): mp_obj_t {
  if (n_kw != 0) {
    return mp_raise_NotImplementedError("keyword argument(s) not implemented - use normal args instead");
  }
  if (n_args == 0) return mp_const_empty_bytes;
  const a0 = load<usize>(args);
  if (mp_obj_is_type(a0, mp_type_bytes)) return a0;
  if (mp_obj_is_str(a0)) {
    if (n_args < 2 || n_args > 3) return mp_raise_TypeError("string argument without an encoding");
    const enc = parse_encoding_arg(load<usize>(args + 4));
    if (enc < 0) return MP_OBJ_NULL;
    const data = mp_obj_str_get_data_ptr(a0);
    const len = mp_obj_str_get_len(a0);
    if (<u32>enc == MP_ENCODING_ASCII && !unicode_encoding_check(MP_ENCODING_ASCII, data, len)) {
      return mp_raise_type(mp_type_UnicodeError);
    }
    // share the str's data (a qstr's bytes never move or die)
    const h = mp_obj_str_get_hash(a0);
    const o = gc_alloc(16, 0);
    if (o == 0) return mp_raise_memory_error(16);
    store<usize>(o, mp_type_bytes);
    store<u32>(o + 4, h);
    store<usize>(o + 8, len);
    store<usize>(o + 12, data);
    return o;
  }
  if (n_args > 1) return mp_raise_TypeError("wrong number of arguments");
  if (mp_obj_is_small_int(a0)) {
    const n = MP_OBJ_SMALL_INT_VALUE(a0);
    if (n < 0) return mp_raise_type(mp_type_ValueError);
    return mp_obj_new_str_of_type_uninit(mp_type_bytes, <usize>n);
  }
  // anything with the buffer protocol
  const mark = mp_root_mark();
  const bi = mp_root_alloc(MP_BUFINFO_WORDS);
  if (mp_get_buffer(a0, bi, MP_BUFFER_READ)) {
    const r = mp_obj_new_bytes(load<usize>(bi), load<usize>(bi + 4));
    mp_root_release(mark);
    return r;
  }
  mp_root_release(mark);
  return bytes_from_iterable(mp_type_bytes, a0);
}

/**
 * A new bytes/bytearray (`type`) from an iterable of ints 0..255 ("bytes value
 * out of range" otherwise). `src` must be rooted.
 */
export function bytes_from_iterable(type: usize, src: mp_obj_t): mp_obj_t {
  const mark = mp_root_mark();
  const len_in = mp_obj_len_maybe(src);
  if (len_in == MP_OBJ_NULL) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  const hint: usize = mp_obj_is_small_int(len_in) ? <usize>MP_OBJ_SMALL_INT_VALUE(len_in) : 16;
  const v = vstr_new_root(hint);
  const buf = mp_root_alloc(4);
  if (v == 0 || buf == 0) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  const it = mp_getiter(src, buf);
  if (it == MP_OBJ_NULL) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  mp_root_push(it);
  while (true) {
    const item = mp_iternext(it);
    if (item == MP_OBJ_STOP_ITERATION) break;
    if (item == MP_OBJ_NULL) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    const val = mp_obj_get_int(item);
    if (val == MP_INT_ERROR) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    if (val < 0 || val > 255) {
      mp_root_release(mark);
      return mp_raise_ValueError("bytes value out of range");
    }
    vstr_add_byte(v, <u32>val);
    if (vstr_had_error(v)) break;
  }
  const r = mp_obj_new_str_type_from_vstr(type, v);
  mp_root_release(mark);
  return r;
}

// ---- operators ----

/**
 * The repeat count of `seq * n` for a str/bytes: n clamped at 0; -1 if `n`
 * is not int-like (not supported); -2 with an exception pending.
 */
function repeat_count(n: mp_obj_t): i64 {
  const r = mp_obj_get_int_maybe_obj(n);
  if (r == MP_OBJ_NOT_SUPPORTED) return -1;
  if (r == MP_OBJ_NULL) return -2;
  if (!mp_obj_is_small_int(r)) {
    mp_raise_OverflowError("overflow converting long int to machine word");
    return -2;
  }
  const v = MP_OBJ_SMALL_INT_VALUE(r);
  return v < 0 ? 0 : <i64>v;
}

/**
 * binary_op slot of str and bytes (mp_obj_str_binary_op): % formatting,
 * repetition, concatenation, `in`, comparisons. bytes also takes any buffer
 * on the right. A str with an incompatible right operand gives "not
 * supported", except `in`, which raises TypeError.
 */
export function mp_obj_str_binary_op(op: u32, lhs: mp_obj_t, rhs: mp_obj_t): mp_obj_t {
  if (op == R.MP_BINARY_OP_MODULO) {
    if (mp_obj_is_tuple_compatible(rhs)) {
      return str_modulo_format(lhs, mp_obj_tuple_len(rhs), mp_obj_tuple_items(rhs), MP_OBJ_NULL, rhs);
    }
    const mark = mp_root_mark();
    mp_root_push(rhs);
    const dict = mp_obj_is_dict_like(rhs) ? rhs : MP_OBJ_NULL;
    const r = str_modulo_format(lhs, 1, mark, dict, rhs);
    mp_root_release(mark);
    return r;
  }
  const lhs_type = mp_obj_get_type(lhs);
  const lhs_data = mp_obj_str_get_data_ptr(lhs);
  const lhs_len = mp_obj_str_get_len(lhs);

  if (op == R.MP_BINARY_OP_MULTIPLY || op == R.MP_BINARY_OP_INPLACE_MULTIPLY || op == R.MP_BINARY_OP_REVERSE_MULTIPLY) {
    const n = repeat_count(rhs);
    if (n == -1) return MP_OBJ_NOT_SUPPORTED;
    if (n == -2) return MP_OBJ_NULL;
    if (n == 0 || lhs_len == 0) return make_empty_str_of_type(lhs_type);
    if (n == 1 && lhs_type == mp_type_str) return lhs;
    const total = <u64>lhs_len * <u64>n;
    if (total >= 0x7ffffff0) return mp_raise_memory_error(0);
    const o = mp_obj_new_str_of_type_uninit(lhs_type, <usize>total);
    if (o == MP_OBJ_NULL) return MP_OBJ_NULL;
    const dst = load<usize>(o + 12);
    // lhs data cannot move: str/bytes are immutable and lhs is rooted by the caller
    for (let i: usize = 0; i < <usize>n; i++) memory.copy(dst + i * lhs_len, lhs_data, lhs_len);
    return str_finish_new(o);
  }

  let rhs_data: usize;
  let rhs_len: usize;
  const rhs_type = mp_obj_get_type(rhs);
  if (lhs_type == rhs_type) {
    rhs_data = mp_obj_str_get_data_ptr(rhs);
    rhs_len = mp_obj_str_get_len(rhs);
  } else if (lhs_type == mp_type_bytes && op == R.MP_BINARY_OP_CONTAINS && mp_obj_is_int(rhs)) {
    // CPython: an int is searched for as a byte value
    const v = mp_obj_get_int(rhs);
    if (v == MP_INT_ERROR) return MP_OBJ_NULL;
    if (v < 0 || v > 255) return mp_raise_ValueError("byte must be in range(0, 256)");
    for (let i: usize = 0; i < lhs_len; i++) {
      if (<i64>load<u8>(lhs_data + i) == v) return mp_const_true;
    }
    return mp_const_false;
  } else if (lhs_type == mp_type_bytes && rhs_type == mp_type_str) {
    // CPython: no implicit str <-> bytes conversion (MicroPython takes the str's buffer)
    if (op == R.MP_BINARY_OP_CONTAINS) return mp_raise_bad_implicit_conversion(rhs);
    return MP_OBJ_NOT_SUPPORTED;
  } else if (lhs_type == mp_type_bytes) {
    const mark = mp_root_mark();
    const bi = mp_root_alloc(MP_BUFINFO_WORDS);
    const ok = mp_get_buffer(rhs, bi, MP_BUFFER_READ);
    rhs_data = load<usize>(bi);
    rhs_len = load<usize>(bi + 4);
    mp_root_release(mark);
    if (!ok) return MP_OBJ_NOT_SUPPORTED;
  } else {
    if (op == R.MP_BINARY_OP_CONTAINS) return mp_raise_bad_implicit_conversion(rhs);
    return MP_OBJ_NOT_SUPPORTED;
  }

  switch (op) {
    case R.MP_BINARY_OP_ADD:
    case R.MP_BINARY_OP_INPLACE_ADD: {
      if (lhs_len == 0 && rhs_type == lhs_type) return rhs;
      if (rhs_len == 0) return lhs;
      const o = mp_obj_new_str_of_type_uninit(lhs_type, lhs_len + rhs_len);
      if (o == MP_OBJ_NULL) return MP_OBJ_NULL;
      const dst = load<usize>(o + 12);
      memory.copy(dst, lhs_data, lhs_len);
      memory.copy(dst + lhs_len, rhs_data, rhs_len);
      return str_finish_new(o);
    }
    case R.MP_BINARY_OP_CONTAINS:
      return mp_obj_new_bool(find_subbytes(lhs_data, lhs_len, rhs_data, rhs_len, 1) != 0);
    case R.MP_BINARY_OP_EQUAL:
      if (lhs_len != rhs_len) return mp_const_false;
      return mp_obj_new_bool(memory.compare(lhs_data, rhs_data, lhs_len) == 0);
    case R.MP_BINARY_OP_NOT_EQUAL:
      if (lhs_len != rhs_len) return mp_const_true;
      return mp_obj_new_bool(memory.compare(lhs_data, rhs_data, lhs_len) != 0);
    case R.MP_BINARY_OP_LESS:
    case R.MP_BINARY_OP_LESS_EQUAL:
    case R.MP_BINARY_OP_MORE:
    case R.MP_BINARY_OP_MORE_EQUAL:
      return mp_obj_new_bool(mp_seq_cmp_bytes(op, lhs_data, lhs_len, rhs_data, rhs_len));
  }
  return MP_OBJ_NOT_SUPPORTED;
}

/** True for dict objects: the % operator's mapping check. */
function mp_obj_is_dict_like(o: mp_obj_t): bool {
  return mp_obj_is_type(o, mp_type_dict);
}

/**
 * A freshly built str object: returns the interned qstr instead if its text
 * is already a qstr, so equal short strings stay identical (as
 * mp_obj_new_str_type_from_vstr). Other types are returned as is.
 */
function str_finish_new(o: mp_obj_t): mp_obj_t {
  if (load<usize>(o) != mp_type_str) return o;
  const q = qstr_find_strn(load<usize>(o + 12), load<usize>(o + 8));
  return q != 0 ? MP_OBJ_NEW_QSTR(q) : o;
}

/** unary_op slot of bytes: bool, len, hash (equal to the hash of an equal str). */
function bytes_unary_op(op: u32, o: mp_obj_t): mp_obj_t {
  if (op == R.MP_UNARY_OP_BOOL) return mp_obj_new_bool(load<usize>(o + 8) != 0);
  if (op == R.MP_UNARY_OP_LEN) return MP_OBJ_NEW_SMALL_INT(<i32>load<usize>(o + 8));
  if (op == R.MP_UNARY_OP_HASH) return MP_OBJ_NEW_SMALL_INT(<i32>mp_obj_str_get_hash(o));
  if (op == R.MP_UNARY_OP_SIZEOF) return MP_OBJ_NEW_SMALL_INT(<i32>(<usize>17 + load<usize>(o + 8)));
  return MP_OBJ_NOT_SUPPORTED;
}

/**
 * subscr slot of bytes (load only): an int index gives the byte value, a
 * slice a new bytes (any step, an extension of MicroPython's step-1 rule).
 */
export function bytes_subscr(self: mp_obj_t, index: mp_obj_t, value: mp_obj_t): mp_obj_t {
  if (value != MP_OBJ_SENTINEL) return MP_OBJ_NOT_SUPPORTED;
  const type = mp_obj_get_type(self);
  const data = mp_obj_str_get_data_ptr(self);
  const len = mp_obj_str_get_len(self);
  if (mp_obj_is_type(index, mp_type_slice)) {
    const mark = mp_root_mark();
    const b = mp_root_alloc(3);
    const k = mp_seq_get_fast_slice_indexes(len, index, b);
    const start = load<i32>(b);
    const stop = load<i32>(b + 4);
    const step = load<i32>(b + 8);
    mp_root_release(mark);
    if (k < 0) return MP_OBJ_NULL;
    if (k == 1) return mp_obj_new_str_of_type(type, data + <usize>start, <usize>(stop - start));
    return bytes_extract_slice(type, data, start, stop, step);
  }
  const i = mp_get_index(type, len, index, false);
  if (i < 0) return MP_OBJ_NULL;
  return MP_OBJ_NEW_SMALL_INT(<i32>load<u8>(data + <usize>i));
}

/** Bytes selected by a bound slice with any step (from mp_seq_get_fast_slice_indexes). */
function bytes_extract_slice(type: usize, data: usize, start: i32, stop: i32, step: i32): mp_obj_t {
  let n: usize = 0;
  if (step > 0) n = stop > start ? <usize>((stop - start + step - 1) / step) : 0;
  else n = start >= stop ? <usize>((start - stop) / -step + 1) : 0;
  const o = type == mp_type_bytearray ? mp_obj_new_bytearray(n, 0) : mp_obj_new_str_of_type_uninit(type, n);
  if (o == MP_OBJ_NULL) return MP_OBJ_NULL;
  const dst = load<usize>(o + 12);
  let j = start;
  for (let i: usize = 0; i < n; i++) {
    store<u8>(dst + i, load<u8>(data + <usize>j));
    j += step;
  }
  return o;
}

// ---- iteration ----

function bytes_it_iternext(self: mp_obj_t): mp_obj_t {
  const str = load<usize>(self + 8);
  const cur = load<usize>(self + 12);
  if (cur < mp_obj_str_get_len(str)) {
    store<usize>(self + 12, cur + 1);
    return MP_OBJ_NEW_SMALL_INT(<i32>load<u8>(mp_obj_str_get_data_ptr(str) + cur));
  }
  return MP_OBJ_STOP_ITERATION;
}

/** getiter slot of bytes: iterates the byte values (mp_obj_new_bytes_iterator). */
export function mp_obj_new_bytes_iterator(str: mp_obj_t, iter_buf: usize): mp_obj_t {
  return mp_obj_new_polymorph_iter(bytes_it_iternext, str, 0, iter_buf);
}

/** buffer slot of str and bytes: read-only access to the bytes, typecode 'B'. */
export function mp_obj_str_get_buffer(o: mp_obj_t, bufinfo: usize, flags: u32): i32 {
  if (flags != MP_BUFFER_READ) return 1;
  store<usize>(bufinfo, mp_obj_str_get_data_ptr(o));
  store<usize>(bufinfo + 4, mp_obj_str_get_len(o));
  store<usize>(bufinfo + 8, 66);
  return 0;
}

// ---- methods ----

// Second result of helpers that return a pointer (a byte count).
let ret_len: usize = 0;

/**
 * Data of `obj` restricted by optional start/end index arguments
 * args[0..n_args) (get_substring_data); the length goes to ret_len.
 * Returns 0 with an exception pending.
 */
function get_substring_data(obj: mp_obj_t, n_args: usize, args: usize): usize {
  let str = mp_obj_str_get_data_ptr(obj);
  const len = mp_obj_str_get_len(obj);
  let end = str + len;
  if (n_args > 0) {
    const type = mp_obj_get_type(obj);
    if (n_args > 1 && load<usize>(args + 4) != mp_const_none) {
      end = str_index_to_ptr(type, str, len, load<usize>(args + 4), true);
      if (end == 0) return 0;
    }
    if (load<usize>(args) != mp_const_none) {
      const s = str_index_to_ptr(type, str, len, load<usize>(args), true);
      if (s == 0) return 0;
      str = s;
    }
  }
  ret_len = end > str ? end - str : 0;
  return str;
}

function str_join(self: mp_obj_t, arg: mp_obj_t): mp_obj_t {
  let self_type = mp_obj_get_type(self);
  const ret_type = self_type;
  const mark = mp_root_mark();
  mp_root_push(arg);
  if (!mp_obj_is_type(arg, mp_type_list) && !mp_obj_is_type(arg, mp_type_tuple)) {
    arg = mp_obj_list_from_iter(arg);
    if (arg == MP_OBJ_NULL) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    mp_root_push(arg);
  }
  if (self_type == mp_type_bytearray) self_type = mp_type_bytes;
  // re-read the items at each use: they stay rooted through `arg`
  const is_list = mp_obj_is_type(arg, mp_type_list);
  const seq_len = is_list ? load<usize>(arg + 8) : load<usize>(arg + 4);
  const sep_len = mp_obj_str_get_len(self);
  let required: usize = 0;
  for (let i: usize = 0; i < seq_len; i++) {
    const item = join_item(arg, is_list, i);
    let t = mp_obj_get_type(item);
    if (t == mp_type_bytearray) t = mp_type_bytes;
    if (t != self_type) {
      mp_root_release(mark);
      return mp_raise_TypeError("join expects a list of str/bytes objects consistent with self object");
    }
    if (i > 0) required += sep_len;
    required += mp_obj_str_get_len(item);
  }
  const v = vstr_new_root(required + 1);
  if (v == 0) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  for (let i: usize = 0; i < seq_len; i++) {
    if (i > 0) vstr_add_strn(v, mp_obj_str_get_data_ptr(self), sep_len);
    const item = join_item(arg, is_list, i);
    vstr_add_strn(v, mp_obj_str_get_data_ptr(item), mp_obj_str_get_len(item));
  }
  const r = mp_obj_new_str_type_from_vstr(ret_type, v);
  mp_root_release(mark);
  return r;
}

@inline function join_item(seq: mp_obj_t, is_list: bool, i: usize): mp_obj_t {
  return is_list ? load<usize>(load<usize>(seq + 12) + (i << 2)) : load<usize>(seq + 8 + (i << 2));
}

/** Appends a new `type` object of `len` bytes at `p` to rooted list `res`; false on error. */
function list_append_str(res: mp_obj_t, type: usize, p: usize, len: usize): bool {
  const s = mp_obj_new_str_of_type(type, p, len);
  if (s == MP_OBJ_NULL) return false;
  return mp_obj_list_append(res, s) != MP_OBJ_NULL;
}

/** str.split([sep[, maxsplit]]) for str, bytes and bytearray (mp_obj_str_split). */
export function mp_obj_str_split(n_args: usize, args: usize): mp_obj_t {
  const self = load<usize>(args);
  const self_type = mp_obj_get_type(self);
  let splits: i64 = -1;
  let sep = mp_const_none;
  if (n_args > 1) {
    sep = load<usize>(args + 4);
    if (n_args > 2) {
      splits = mp_obj_get_int(load<usize>(args + 8));
      if (splits == MP_INT_ERROR) return MP_OBJ_NULL;
    }
  }
  if (sep != mp_const_none) {
    if (!str_check_arg_type(self_type, sep)) return MP_OBJ_NULL;
    if (mp_obj_str_get_len(sep) == 0) return mp_raise_ValueError("empty separator");
  }
  const res = mp_obj_new_list(0, 0);
  if (res == MP_OBJ_NULL) return MP_OBJ_NULL;
  const mark = mp_root_mark();
  mp_root_push(res);
  // offsets, not pointers: a bytearray's items may move when we allocate
  const len = mp_obj_str_get_len(self);
  let s: usize = 0;
  let ok = true;
  if (sep == mp_const_none) {
    while (s < len && unichar_isspace(<u32>load<u8>(mp_obj_str_get_data_ptr(self) + s))) s++;
    while (s < len && splits != 0) {
      const start = s;
      while (s < len && !unichar_isspace(<u32>load<u8>(mp_obj_str_get_data_ptr(self) + s))) s++;
      if (!list_append_str(res, self_type, mp_obj_str_get_data_ptr(self) + start, s - start)) {
        ok = false;
        break;
      }
      if (s >= len) break;
      while (s < len && unichar_isspace(<u32>load<u8>(mp_obj_str_get_data_ptr(self) + s))) s++;
      if (splits > 0) splits--;
    }
    if (ok && s < len) ok = list_append_str(res, self_type, mp_obj_str_get_data_ptr(self) + s, len - s);
  } else {
    const sep_len = mp_obj_str_get_len(sep);
    while (true) {
      const start = s;
      while (true) {
        if (splits == 0 || s + sep_len > len) {
          s = len;
          break;
        }
        if (
          memory.compare(mp_obj_str_get_data_ptr(self) + s, mp_obj_str_get_data_ptr(sep), sep_len) == 0
        ) {
          break;
        }
        s++;
      }
      if (!list_append_str(res, self_type, mp_obj_str_get_data_ptr(self) + start, s - start)) {
        ok = false;
        break;
      }
      if (s >= len) break;
      s += sep_len;
      if (splits > 0) splits--;
    }
  }
  mp_root_release(mark);
  return ok ? res : MP_OBJ_NULL;
}

/** str.splitlines([keepends]) (str_splitlines): \n, \r and \r\n end lines. */
function str_splitlines(n_args: usize, args: usize, kw: usize): mp_obj_t {
  const m0 = mp_root_mark();
  const vals = mp_root_alloc(1);
  const ok = mp_arg_parse_all(n_args - 1, args + 4, kw, 1, splitlines_args, vals);
  const keepends = load<usize>(vals) != 0;
  mp_root_release(m0);
  if (!ok) return MP_OBJ_NULL;
  const self = load<usize>(args);
  const self_type = mp_obj_get_type(self);
  const res = mp_obj_new_list(0, 0);
  if (res == MP_OBJ_NULL) return MP_OBJ_NULL;
  const mark = mp_root_mark();
  mp_root_push(res);
  const len = mp_obj_str_get_len(self);
  let s: usize = 0;
  while (s < len) {
    const data = mp_obj_str_get_data_ptr(self);
    const start = s;
    let m: usize = 0;
    while (s < len) {
      const c = load<u8>(data + s);
      if (c == 10) {
        m = 1;
        break;
      }
      if (c == 13) {
        m = s + 1 < len && load<u8>(data + s + 1) == 10 ? 2 : 1;
        break;
      }
      s++;
    }
    let sub = s - start;
    if (keepends) sub += m;
    if (!list_append_str(res, self_type, data + start, sub)) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    s += m;
  }
  mp_root_release(mark);
  return res;
}

// splitlines' allowed arguments: keepends (bool, default False)
const splitlines_args: usize = memory.data(8, 4);

/** str.rsplit(sep=None, maxsplit=-1) (str_rsplit). */
function str_rsplit(n_args: usize, args: usize): mp_obj_t {
  if (n_args < 3) return mp_obj_str_split(n_args, args);
  const self = load<usize>(args);
  const self_type = mp_obj_get_type(self);
  const sep = load<usize>(args + 4);
  let splits = mp_obj_get_int(load<usize>(args + 8));
  if (splits == MP_INT_ERROR) return MP_OBJ_NULL;
  if (splits < 0) return mp_obj_str_split(n_args, args);
  if (sep == mp_const_none) return mp_raise_NotImplementedError("rsplit(None,n)");
  if (!str_check_arg_type(self_type, sep)) return MP_OBJ_NULL;
  const sep_len = mp_obj_str_get_len(sep);
  if (sep_len == 0) return mp_raise_ValueError("empty separator");
  // collect the parts from the end, then reverse them
  const res = mp_obj_new_list(0, 0);
  if (res == MP_OBJ_NULL) return MP_OBJ_NULL;
  const mark = mp_root_mark();
  mp_root_push(res);
  const len = mp_obj_str_get_len(self);
  let last: isize = <isize>len;
  while (true) {
    let s: isize = last - <isize>sep_len;
    while (true) {
      if (splits == 0 || s < 0) break;
      if (memory.compare(mp_obj_str_get_data_ptr(self) + <usize>s, mp_obj_str_get_data_ptr(sep), sep_len) == 0) {
        break;
      }
      s--;
    }
    if (s < 0 || splits == 0) {
      if (!list_append_str(res, self_type, mp_obj_str_get_data_ptr(self), <usize>last)) {
        mp_root_release(mark);
        return MP_OBJ_NULL;
      }
      break;
    }
    const from = <usize>s + sep_len;
    if (!list_append_str(res, self_type, mp_obj_str_get_data_ptr(self) + from, <usize>last - from)) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    last = s;
    splits--;
  }
  mp_root_release(mark);
  // reverse in place
  const n = load<usize>(res + 8);
  const items = load<usize>(res + 12);
  for (let i: usize = 0, j = n - 1; i < j; i++, j--) {
    const t = load<usize>(items + (i << 2));
    store<usize>(items + (i << 2), load<usize>(items + (j << 2)));
    store<usize>(items + (j << 2), t);
  }
  return res;
}

/** find/rfind/index/rindex (str_finder). */
function str_finder(n_args: usize, args: usize, direction: i32, is_index: bool): mp_obj_t {
  const self = load<usize>(args);
  const self_type = mp_obj_get_type(self);
  const haystack = mp_obj_str_get_data_ptr(self);
  const hlen = mp_obj_str_get_len(self);
  const a1 = load<usize>(args + 4);
  let needle: usize;
  let nlen: usize;
  const mark = mp_root_mark();
  if (self_type != mp_type_str && mp_obj_is_int_like(a1)) {
    // {bytes,bytearray}.find(int)
    const val = mp_obj_get_int(a1);
    if (val == MP_INT_ERROR) return MP_OBJ_NULL;
    if (val < 0 || val > 255) return mp_raise_ValueError("bytes value out of range");
    needle = mp_root_alloc(1);
    store<u8>(needle, <u8>val);
    nlen = 1;
  } else {
    if (!str_check_arg_type(self_type, a1)) return MP_OBJ_NULL;
    needle = mp_obj_str_get_data_ptr(a1);
    nlen = mp_obj_str_get_len(a1);
  }
  let start = haystack;
  let end = haystack + hlen;
  if (n_args >= 3 && load<usize>(args + 8) != mp_const_none) {
    start = str_index_to_ptr(self_type, haystack, hlen, load<usize>(args + 8), true);
  }
  if (start != 0 && n_args >= 4 && load<usize>(args + 12) != mp_const_none) {
    end = str_index_to_ptr(self_type, haystack, hlen, load<usize>(args + 12), true);
  }
  if (start == 0 || end == 0) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  let p: usize = 0;
  if (end >= start) p = find_subbytes(start, end - start, needle, nlen, direction);
  mp_root_release(mark);
  // CPython: an empty needle is not found past the end ("ab".find("", 5) == -1)
  if (p != 0 && nlen == 0 && n_args >= 3 && start_past_end(self_type, haystack, hlen, load<usize>(args + 8))) p = 0;
  if (p == 0) {
    if (is_index) return mp_raise_ValueError("substring not found");
    return MP_OBJ_NEW_SMALL_INT(-1);
  }
  if (self_type == mp_type_str) return MP_OBJ_NEW_SMALL_INT(<i32>utf8_ptr_to_index(haystack, p));
  return MP_OBJ_NEW_SMALL_INT(<i32>(p - haystack));
}

/**
 * True if start index `index` (an int or None) lies beyond the end of the
 * text (CPython's rule for empty search strings).
 */
function start_past_end(type: usize, data: usize, len: usize, index: mp_obj_t): bool {
  if (!mp_obj_is_small_int(index)) return false;
  let i = <i64>MP_OBJ_SMALL_INT_VALUE(index);
  const n = <i64>(type == mp_type_str ? utf8_charlen(data, len) : len);
  if (i < 0) i += n;
  return i > n;
}

/** True for ints and bools (small or long), without calling user code. */
function mp_obj_is_int_like(o: mp_obj_t): bool {
  return o == mp_const_true || o == mp_const_false || mp_obj_is_int(o);
}

function str_find(n_args: usize, args: usize): mp_obj_t {
  return str_finder(n_args, args, 1, false);
}
function str_rfind(n_args: usize, args: usize): mp_obj_t {
  return str_finder(n_args, args, -1, false);
}
function str_index(n_args: usize, args: usize): mp_obj_t {
  return str_finder(n_args, args, 1, true);
}
function str_rindex(n_args: usize, args: usize): mp_obj_t {
  return str_finder(n_args, args, -1, true);
}

/** startswith/endswith with a prefix or a tuple of prefixes (str_startendswith). */
function str_startendswith(n_args: usize, args: usize, ends_with: bool): mp_obj_t {
  const self = load<usize>(args);
  const str = get_substring_data(self, n_args - 2, args + 8);
  if (str == 0) return MP_OBJ_NULL;
  const str_len = ret_len;
  // CPython: nothing matches at a start beyond the end
  if (n_args > 2 && start_past_end(mp_obj_get_type(self), mp_obj_str_get_data_ptr(self), mp_obj_str_get_len(self), load<usize>(args + 8))) {
    return mp_const_false;
  }
  const a1 = load<usize>(args + 4);
  let prefixes = args + 4;
  let n: usize = 1;
  if (mp_obj_is_type(a1, mp_type_tuple)) {
    n = mp_obj_tuple_len(a1);
    prefixes = mp_obj_tuple_items(a1);
  }
  const self_type = mp_obj_get_type(self);
  for (let i: usize = 0; i < n; i++) {
    const pre = load<usize>(prefixes + (i << 2));
    if (!startendswith_arg_ok(self_type, pre)) return MP_OBJ_NULL;
    const plen = mp_obj_str_get_len(pre);
    if (plen <= str_len) {
      const s = ends_with ? str + str_len - plen : str;
      if (memory.compare(s, mp_obj_str_get_data_ptr(pre), plen) == 0) return mp_const_true;
    }
  }
  return mp_const_false;
}

/** A prefix must be str for str and bytes-like for bytes/bytearray. */
function startendswith_arg_ok(self_type: usize, arg: mp_obj_t): bool {
  if (self_type == mp_type_str) {
    if (mp_obj_is_str(arg)) return true;
    if (mp_obj_is_str_or_bytes(arg)) return true; // MicroPython accepts bytes here too
  } else {
    let t = mp_obj_get_type(arg);
    if (t == mp_type_bytes || t == mp_type_bytearray) return true;
  }
  mp_raise_bad_implicit_conversion(arg);
  return false;
}

function str_startswith(n_args: usize, args: usize): mp_obj_t {
  return str_startendswith(n_args, args, false);
}
function str_endswith(n_args: usize, args: usize): mp_obj_t {
  return str_startendswith(n_args, args, true);
}

@inline const LSTRIP: i32 = 0;
@inline const RSTRIP: i32 = 1;
@inline const STRIP: i32 = 2;

const whitespace_chars: usize = memory.data<u8>([32, 9, 10, 13, 11, 12]);

/** strip/lstrip/rstrip with optional characters (str_uni_strip). */
function str_uni_strip(kind: i32, n_args: usize, args: usize): mp_obj_t {
  const self = load<usize>(args);
  const self_type = mp_obj_get_type(self);
  let chars = whitespace_chars;
  let nchars: usize = 6;
  if (n_args > 1 && load<usize>(args + 4) != mp_const_none) {
    const a1 = load<usize>(args + 4);
    if (!str_check_arg_type(self_type, a1)) return MP_OBJ_NULL;
    chars = mp_obj_str_get_data_ptr(a1);
    nchars = mp_obj_str_get_len(a1);
  }
  const data = mp_obj_str_get_data_ptr(self);
  const len = mp_obj_str_get_len(self);
  let first: usize = 0;
  let last: usize = len; // exclusive
  if (kind != RSTRIP) {
    while (first < len && find_subbytes(chars, nchars, data + first, 1, 1) != 0) first++;
  }
  if (kind != LSTRIP) {
    while (last > first && find_subbytes(chars, nchars, data + last - 1, 1, 1) != 0) last--;
  }
  if (first >= last) return make_empty_str_of_type(self_type);
  if (first == 0 && last == len && self_type != mp_type_bytearray) return self;
  return mp_obj_new_str_of_type(self_type, data + first, last - first);
}

function str_strip(n_args: usize, args: usize): mp_obj_t {
  return str_uni_strip(STRIP, n_args, args);
}
function str_lstrip(n_args: usize, args: usize): mp_obj_t {
  return str_uni_strip(LSTRIP, n_args, args);
}
function str_rstrip(n_args: usize, args: usize): mp_obj_t {
  return str_uni_strip(RSTRIP, n_args, args);
}

/**
 * center/ljust/rjust (str_center and CPython's ljust/rjust): pads with
 * `fill` (default space) to `width` characters.
 */
function str_justify(n_args: usize, args: usize, mode: i32): mp_obj_t {
  const self = load<usize>(args);
  const self_type = mp_obj_get_type(self);
  const w = mp_obj_get_int(load<usize>(args + 4));
  if (w == MP_INT_ERROR) return MP_OBJ_NULL;
  let fill_data = whitespace_chars;
  let fill_len: usize = 1;
  if (n_args > 2) {
    const f = load<usize>(args + 8);
    const ok =
      self_type == mp_type_str
        ? mp_obj_is_str(f) && utf8_charlen(mp_obj_str_get_data_ptr(f), mp_obj_str_get_len(f)) == 1
        : (mp_obj_is_type(f, mp_type_bytes) || mp_obj_is_type(f, mp_type_bytearray)) &&
          mp_obj_str_get_len(f) == 1;
    if (!ok) {
      return mp_raise_TypeError("The fill character must be exactly one character long");
    }
    fill_data = mp_obj_str_get_data_ptr(f);
    fill_len = mp_obj_str_get_len(f);
  }
  const data = mp_obj_str_get_data_ptr(self);
  const len = mp_obj_str_get_len(self);
  const chars = self_type == mp_type_str ? utf8_charlen(data, len) : len;
  if (w <= <i64>chars) {
    if (self_type == mp_type_bytearray) return mp_obj_new_bytearray(len, data);
    return self;
  }
  const pad = <usize>w - chars;
  let left: usize;
  if (mode == 0) {
    // center: CPython puts the extra space on the left when the pad and the width are odd
    left = pad / 2 + (pad & <usize>w & 1);
  } else if (mode < 0) {
    left = 0;
  } else {
    left = pad;
  }
  const mark = mp_root_mark();
  const v = vstr_new_root(len + pad * fill_len + 1);
  if (v == 0) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  for (let i: usize = 0; i < left; i++) vstr_add_strn(v, fill_data, fill_len);
  vstr_add_strn(v, data, len);
  for (let i = left; i < pad; i++) vstr_add_strn(v, fill_data, fill_len);
  const r = mp_obj_new_str_type_from_vstr(self_type, v);
  mp_root_release(mark);
  return r;
}

function str_center(n_args: usize, args: usize): mp_obj_t {
  return str_justify(n_args, args, 0);
}
function str_ljust(n_args: usize, args: usize): mp_obj_t {
  return str_justify(n_args, args, -1);
}
function str_rjust(n_args: usize, args: usize): mp_obj_t {
  return str_justify(n_args, args, 1);
}

/** str.zfill(width): zeros after any sign, up to `width` characters (CPython). */
function str_zfill(self: mp_obj_t, width_in: mp_obj_t): mp_obj_t {
  const self_type = mp_obj_get_type(self);
  const w = mp_obj_get_int(width_in);
  if (w == MP_INT_ERROR) return MP_OBJ_NULL;
  const data = mp_obj_str_get_data_ptr(self);
  const len = mp_obj_str_get_len(self);
  const chars = self_type == mp_type_str ? utf8_charlen(data, len) : len;
  if (w <= <i64>chars) {
    if (self_type == mp_type_bytearray) return mp_obj_new_bytearray(len, data);
    return self;
  }
  const pad = <usize>w - chars;
  const mark = mp_root_mark();
  const v = vstr_new_root(len + pad + 1);
  if (v == 0) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  let i: usize = 0;
  if (len > 0 && (load<u8>(data) == 43 || load<u8>(data) == 45)) {
    vstr_add_byte(v, load<u8>(data));
    i = 1;
  }
  for (let k: usize = 0; k < pad; k++) vstr_add_byte(v, 48);
  vstr_add_strn(v, data + i, len - i);
  const r = mp_obj_new_str_type_from_vstr(self_type, v);
  mp_root_release(mark);
  return r;
}

/** str.replace(old, new[, count]) in two passes (str_replace). */
function str_replace(n_args: usize, args: usize): mp_obj_t {
  const self = load<usize>(args);
  let max_rep: i64 = -1;
  if (n_args == 4) {
    max_rep = mp_obj_get_int(load<usize>(args + 12));
    if (max_rep == MP_INT_ERROR) return MP_OBJ_NULL;
    if (max_rep == 0) return self;
    if (max_rep < 0) max_rep = -1;
  }
  const self_type = mp_obj_get_type(self);
  const a_old = load<usize>(args + 4);
  const a_new = load<usize>(args + 8);
  if (!str_check_arg_type(self_type, a_old)) return MP_OBJ_NULL;
  if (!str_check_arg_type(self_type, a_new)) return MP_OBJ_NULL;
  const str = mp_obj_str_get_data_ptr(self);
  const str_len = mp_obj_str_get_len(self);
  const old = mp_obj_str_get_data_ptr(a_old);
  const old_len = mp_obj_str_get_len(a_old);
  const nw = mp_obj_str_get_data_ptr(a_new);
  const new_len = mp_obj_str_get_len(a_new);
  if (old_len > str_len) return self;
  const is_str = self_type == mp_type_str;
  // pass 1 counts, pass 2 copies into the result
  let data: usize = 0;
  let result: mp_obj_t = MP_OBJ_NULL;
  const mark = mp_root_mark();
  for (let pass = 0; pass < 2; pass++) {
    let out: usize = 0;
    let done: i64 = 0;
    let offset = str;
    let remain = str_len;
    if (old_len == 0) {
      if (data != 0) memory.copy(data, nw, new_len);
      out += new_len;
      done++;
    }
    while (done != max_rep && remain > 0) {
      let occ = find_subbytes(offset, remain, old, old_len, 1);
      if (occ == 0) break;
      if (old_len == 0) {
        // step over one whole character
        occ = is_str ? utf8_next_char_bounded(occ, offset + remain) : occ + 1;
      }
      if (data != 0) memory.copy(data + out, offset, occ - offset);
      out += occ - offset;
      if (data != 0) memory.copy(data + out, nw, new_len);
      out += new_len;
      offset = occ + old_len;
      remain = str + str_len - offset;
      done++;
    }
    if (data != 0) memory.copy(data + out, offset, remain);
    out += remain;
    if (data == 0) {
      if (done == 0) {
        mp_root_release(mark);
        return self;
      }
      result =
        self_type == mp_type_bytearray
          ? mp_obj_new_bytearray(out, 0)
          : mp_obj_new_str_of_type_uninit(self_type, out);
      if (result == MP_OBJ_NULL) {
        mp_root_release(mark);
        return MP_OBJ_NULL;
      }
      data = load<usize>(result + 12);
    }
  }
  mp_root_release(mark);
  return str_finish_new(result);
}

// The needle of bytes.count(int) (count never allocates, so one cell suffices).
const count_byte: usize = memory.data(4, 4);

/** str.count(sub[, start[, end]]) (str_count). */
function str_count(n_args: usize, args: usize): mp_obj_t {
  const self = load<usize>(args);
  const self_type = mp_obj_get_type(self);
  const a1 = load<usize>(args + 4);
  const haystack = mp_obj_str_get_data_ptr(self);
  const hlen = mp_obj_str_get_len(self);
  let needle: usize;
  let nlen: usize;
  if (self_type != mp_type_str && mp_obj_is_int_like(a1)) {
    // CPython: {bytes,bytearray}.count(int)
    const val = mp_obj_get_int(a1);
    if (val == MP_INT_ERROR) return MP_OBJ_NULL;
    if (val < 0 || val > 255) return mp_raise_ValueError("bytes value out of range");
    store<u8>(count_byte, <u8>val);
    needle = count_byte;
    nlen = 1;
  } else {
    if (!str_check_arg_type(self_type, a1)) return MP_OBJ_NULL;
    needle = mp_obj_str_get_data_ptr(a1);
    nlen = mp_obj_str_get_len(a1);
  }
  let start = haystack;
  let end = haystack + hlen;
  if (n_args >= 3 && load<usize>(args + 8) != mp_const_none) {
    start = str_index_to_ptr(self_type, haystack, hlen, load<usize>(args + 8), true);
    if (start == 0) return MP_OBJ_NULL;
  }
  if (n_args >= 4 && load<usize>(args + 12) != mp_const_none) {
    end = str_index_to_ptr(self_type, haystack, hlen, load<usize>(args + 12), true);
    if (end == 0) return MP_OBJ_NULL;
  }
  if (end < start) return MP_OBJ_NEW_SMALL_INT(0);
  const is_str = self_type == mp_type_str;
  if (nlen == 0) {
    if (n_args >= 3 && start_past_end(self_type, haystack, hlen, load<usize>(args + 8))) {
      return MP_OBJ_NEW_SMALL_INT(0);
    }
    return MP_OBJ_NEW_SMALL_INT(<i32>((is_str ? utf8_charlen(start, end - start) : end - start) + 1));
  }
  let n: i32 = 0;
  let p = start;
  while (p + nlen <= end) {
    if (memory.compare(p, needle, nlen) == 0) {
      n++;
      p += nlen;
    } else {
      p = is_str ? utf8_next_char_bounded(p, end) : p + 1;
    }
  }
  return MP_OBJ_NEW_SMALL_INT(n);
}

/** partition/rpartition (str_partitioner): a 3-tuple. */
function str_partitioner(self: mp_obj_t, arg: mp_obj_t, direction: i32): mp_obj_t {
  const self_type = mp_obj_get_type(self);
  if (!str_check_arg_type(self_type, arg)) return MP_OBJ_NULL;
  const sep_len = mp_obj_str_get_len(arg);
  if (sep_len == 0) return mp_raise_ValueError("empty separator");
  const mark = mp_root_mark();
  const res = mp_root_alloc(3);
  if (res == 0) {
    mp_root_release(mark);
    return mp_raise_memory_error(0);
  }
  for (let i: usize = 0; i < 3; i++) {
    const e = make_empty_str_of_type(self_type);
    if (e == MP_OBJ_NULL) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    store<usize>(res + (i << 2), e);
  }
  if (self_type == mp_type_bytearray) {
    // results are new bytearrays, never self
    const c = mp_obj_new_bytearray(mp_obj_str_get_len(self), mp_obj_str_get_data_ptr(self));
    if (c == MP_OBJ_NULL) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    store<usize>(res + (direction > 0 ? 0 : 8), c);
  } else {
    store<usize>(res + (direction > 0 ? 0 : 8), self);
  }
  if (mp_obj_get_type(arg) != self_type) {
    arg = mp_obj_new_str_of_type(self_type, mp_obj_str_get_data_ptr(arg), sep_len);
    if (arg == MP_OBJ_NULL) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    mp_root_push(arg);
  }
  const str_len = mp_obj_str_get_len(self);
  const pos = find_subbytes(mp_obj_str_get_data_ptr(self), str_len, mp_obj_str_get_data_ptr(arg), sep_len, direction);
  if (pos != 0) {
    const off = pos - mp_obj_str_get_data_ptr(self);
    const a = mp_obj_new_str_of_type(self_type, mp_obj_str_get_data_ptr(self), off);
    if (a == MP_OBJ_NULL) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    store<usize>(res, a);
    store<usize>(res + 4, arg);
    const b = mp_obj_new_str_of_type(
      self_type,
      mp_obj_str_get_data_ptr(self) + off + sep_len,
      str_len - off - sep_len,
    );
    if (b == MP_OBJ_NULL) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    store<usize>(res + 8, b);
  }
  const t = mp_obj_new_tuple(3, res);
  mp_root_release(mark);
  return t;
}

function str_partition(self: mp_obj_t, arg: mp_obj_t): mp_obj_t {
  return str_partitioner(self, arg, 1);
}
function str_rpartition(self: mp_obj_t, arg: mp_obj_t): mp_obj_t {
  return str_partitioner(self, arg, -1);
}

@inline const CASE_LOWER: i32 = 0;
@inline const CASE_UPPER: i32 = 1;
@inline const CASE_SWAP: i32 = 2;
@inline const CASE_CAPITALIZE: i32 = 3;
@inline const CASE_TITLE: i32 = 4;

/** lower/upper (str_caseconv) and CPython's swapcase/capitalize/title, ASCII letters only. */
function str_caseconv(self: mp_obj_t, mode: i32): mp_obj_t {
  const type = mp_obj_get_type(self);
  const len = mp_obj_str_get_len(self);
  const o =
    type == mp_type_bytearray ? mp_obj_new_bytearray(len, 0) : mp_obj_new_str_of_type_uninit(type, len);
  if (o == MP_OBJ_NULL) return MP_OBJ_NULL;
  const src = mp_obj_str_get_data_ptr(self);
  const dst = load<usize>(o + 12);
  let prev_cased = false;
  for (let i: usize = 0; i < len; i++) {
    let c = <u32>load<u8>(src + i);
    if (mode == CASE_LOWER) c = unichar_tolower(c);
    else if (mode == CASE_UPPER) c = unichar_toupper(c);
    else if (mode == CASE_SWAP) c = unichar_isupper(c) ? unichar_tolower(c) : unichar_toupper(c);
    else if (mode == CASE_CAPITALIZE) c = i == 0 ? unichar_toupper(c) : unichar_tolower(c);
    else {
      const cased = unichar_isalpha(c);
      c = prev_cased ? unichar_tolower(c) : unichar_toupper(c);
      prev_cased = cased;
    }
    store<u8>(dst + i, <u8>c);
  }
  return str_finish_new(o);
}

function str_lower(self: mp_obj_t): mp_obj_t {
  return str_caseconv(self, CASE_LOWER);
}
function str_upper(self: mp_obj_t): mp_obj_t {
  return str_caseconv(self, CASE_UPPER);
}
function str_swapcase(self: mp_obj_t): mp_obj_t {
  return str_caseconv(self, CASE_SWAP);
}
function str_capitalize(self: mp_obj_t): mp_obj_t {
  return str_caseconv(self, CASE_CAPITALIZE);
}
function str_title(self: mp_obj_t): mp_obj_t {
  return str_caseconv(self, CASE_TITLE);
}

@inline const IS_SPACE: i32 = 0;
@inline const IS_ALPHA: i32 = 1;
@inline const IS_DIGIT: i32 = 2;
@inline const IS_UPPER: i32 = 3;
@inline const IS_LOWER: i32 = 4;
@inline const IS_ALNUM: i32 = 5;

function char_test(kind: i32, c: u32): bool {
  if (kind == IS_SPACE) return unichar_isspace(c);
  if (kind == IS_ALPHA) return unichar_isalpha(c);
  if (kind == IS_DIGIT) return unichar_isdigit(c);
  if (kind == IS_UPPER) return unichar_isupper(c);
  if (kind == IS_LOWER) return unichar_islower(c);
  return unichar_isalpha(c) || unichar_isdigit(c);
}

/** isspace/isalpha/isdigit/isupper/islower/isalnum (str_uni_istype), ASCII classes. */
function str_uni_istype(self: mp_obj_t, kind: i32): mp_obj_t {
  const data = mp_obj_str_get_data_ptr(self);
  const len = mp_obj_str_get_len(self);
  if (len == 0) return mp_const_false;
  if (kind != IS_UPPER && kind != IS_LOWER) {
    for (let i: usize = 0; i < len; i++) {
      if (!char_test(kind, <u32>load<u8>(data + i))) return mp_const_false;
    }
    return mp_const_true;
  }
  let has_alpha = false;
  for (let i: usize = 0; i < len; i++) {
    const c = <u32>load<u8>(data + i);
    if (unichar_isalpha(c)) {
      has_alpha = true;
      if (!char_test(kind, c)) return mp_const_false;
    }
  }
  return mp_obj_new_bool(has_alpha);
}

function str_isspace(self: mp_obj_t): mp_obj_t {
  return str_uni_istype(self, IS_SPACE);
}
function str_isalpha(self: mp_obj_t): mp_obj_t {
  return str_uni_istype(self, IS_ALPHA);
}
function str_isdigit(self: mp_obj_t): mp_obj_t {
  return str_uni_istype(self, IS_DIGIT);
}
function str_isupper(self: mp_obj_t): mp_obj_t {
  return str_uni_istype(self, IS_UPPER);
}
function str_islower(self: mp_obj_t): mp_obj_t {
  return str_uni_istype(self, IS_LOWER);
}
function str_isalnum(self: mp_obj_t): mp_obj_t {
  return str_uni_istype(self, IS_ALNUM);
}

// decode/encode allowed arguments: encoding='utf-8', errors=None
const codec_args: usize = memory.data(16, 4);

/**
 * Parses (encoding, errors) of bytes.decode / str.encode into a 3-word
 * argument array [self, encoding, errors] on the root stack; 0 on error.
 */
function codec_parse(n_args: usize, args: usize, kw: usize): usize {
  const a = mp_root_alloc(3);
  if (a == 0) {
    mp_raise_memory_error(0);
    return 0;
  }
  store<usize>(a, load<usize>(args));
  if (!mp_arg_parse_all(n_args - 1, args + 4, kw, 2, codec_args, a + 4)) return 0;
  return a;
}

/** bytes.decode(encoding='utf-8', errors=None) = str(self, encoding, errors) (bytes_decode). */
function bytes_decode(n_args: usize, args: usize, kw: usize): mp_obj_t {
  const mark = mp_root_mark();
  const a = codec_parse(n_args, args, kw);
  let r: mp_obj_t = MP_OBJ_NULL;
  if (a != 0) r = mp_obj_str_make_new(mp_type_str, 3, 0, a);
  mp_root_release(mark);
  return r;
}

/** str.encode(encoding='utf-8', errors=None) = bytes(self, encoding) (str_encode). */
function str_encode(n_args: usize, args: usize, kw: usize): mp_obj_t {
  const mark = mp_root_mark();
  const a = codec_parse(n_args, args, kw);
  let r: mp_obj_t = MP_OBJ_NULL;
  if (a != 0) r = bytes_make_new(mp_type_bytes, 3, 0, a);
  mp_root_release(mark);
  return r;
}

/**
 * bytes.hex([sep]) of any buffer, as a new object of `type`
 * (mp_obj_bytes_hex): two lower-case digits per byte, `sep`'s first byte
 * between them.
 */
export function mp_obj_bytes_hex(n_args: usize, args: usize, type: usize): mp_obj_t {
  const mark = mp_root_mark();
  const bi = mp_root_alloc(MP_BUFINFO_WORDS);
  if (!mp_get_buffer_raise(load<usize>(args), bi, MP_BUFFER_READ)) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  const len = load<usize>(bi + 4);
  if (len == 0) {
    mp_root_release(mark);
    return make_empty_str_of_type(type);
  }
  let sep: u32 = 0;
  let out_len = len * 2;
  if (n_args > 1) {
    const s = mp_obj_str_get_str(load<usize>(args + 4));
    if (s == 0) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    sep = <u32>load<u8>(s);
    out_len += len - 1;
  }
  const v = vstr_new_root_len(out_len);
  if (v == 0) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  // the buffer's owner is args[0], rooted by the caller; re-read after the allocation
  const inp = load<usize>(bi);
  let out = vstr_str(v);
  for (let i: usize = 0; i < len; i++) {
    const b = <u32>load<u8>(inp + i);
    let d = b >> 4;
    store<u8>(out++, <u8>(d > 9 ? d + 87 : d + 48));
    d = b & 15;
    store<u8>(out++, <u8>(d > 9 ? d + 87 : d + 48));
    if (n_args > 1 && i + 1 < len) store<u8>(out++, <u8>sep);
  }
  const r = mp_obj_new_str_type_from_vstr(type, v);
  mp_root_release(mark);
  return r;
}

/** bytes.fromhex(string) as a `type_in` object (mp_obj_bytes_fromhex); whitespace between pairs. */
export function mp_obj_bytes_fromhex(type_in: mp_obj_t, data: mp_obj_t): mp_obj_t {
  const mark = mp_root_mark();
  const bi = mp_root_alloc(MP_BUFINFO_WORDS);
  if (!mp_get_buffer_raise(data, bi, MP_BUFFER_READ)) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  const len = load<usize>(bi + 4);
  const v = vstr_new_root(len / 2 + 1);
  if (v == 0) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  const inp = load<usize>(bi);
  let out = vstr_str(v);
  let i: usize = 0;
  while (i < len) {
    const c1 = <u32>load<u8>(inp + i++);
    if (unichar_isspace(c1)) continue;
    if (i == len || !unichar_isxdigit(c1) || !unichar_isxdigit(<u32>load<u8>(inp + i))) {
      mp_root_release(mark);
      return mp_raise_ValueError("non-hex digit");
    }
    const c2 = <u32>load<u8>(inp + i++);
    store<u8>(out++, <u8>((unichar_xdigit_value(c1) << 4) | unichar_xdigit_value(c2)));
  }
  vstr_set_len(v, out - vstr_str(v));
  const t = type_in == mp_type_bytearray ? mp_type_bytearray : mp_type_bytes;
  const r = mp_obj_new_str_type_from_vstr(t, v);
  mp_root_release(mark);
  return r;
}

function bytes_hex_as_str(n_args: usize, args: usize): mp_obj_t {
  return mp_obj_bytes_hex(n_args, args, mp_type_str);
}

function bytes_fromhex_fn(type_in: mp_obj_t, data: mp_obj_t): mp_obj_t {
  return mp_obj_bytes_fromhex(type_in, data);
}

// ---- method objects and locals dicts ----

// Static function objects at fixed addresses, filled by objstr_static_init.
export const str_join_obj: usize = memory.data(16, 16);
export const str_split_obj: usize = memory.data(16, 16);
const str_splitlines_obj: usize = memory.data(16, 16);
const str_rsplit_obj: usize = memory.data(16, 16);
const str_find_obj: usize = memory.data(16, 16);
const str_rfind_obj: usize = memory.data(16, 16);
const str_index_obj: usize = memory.data(16, 16);
const str_rindex_obj: usize = memory.data(16, 16);
const str_startswith_obj: usize = memory.data(16, 16);
const str_endswith_obj: usize = memory.data(16, 16);
const str_strip_obj: usize = memory.data(16, 16);
const str_lstrip_obj: usize = memory.data(16, 16);
const str_rstrip_obj: usize = memory.data(16, 16);
const str_replace_obj: usize = memory.data(16, 16);
const str_count_obj: usize = memory.data(16, 16);
const str_partition_obj: usize = memory.data(16, 16);
const str_rpartition_obj: usize = memory.data(16, 16);
const str_center_obj: usize = memory.data(16, 16);
const str_ljust_obj: usize = memory.data(16, 16);
const str_rjust_obj: usize = memory.data(16, 16);
const str_zfill_obj: usize = memory.data(16, 16);
const str_lower_obj: usize = memory.data(16, 16);
const str_upper_obj: usize = memory.data(16, 16);
const str_swapcase_obj: usize = memory.data(16, 16);
const str_capitalize_obj: usize = memory.data(16, 16);
const str_title_obj: usize = memory.data(16, 16);
const str_isspace_obj: usize = memory.data(16, 16);
const str_isalpha_obj: usize = memory.data(16, 16);
const str_isdigit_obj: usize = memory.data(16, 16);
const str_isupper_obj: usize = memory.data(16, 16);
const str_islower_obj: usize = memory.data(16, 16);
const str_isalnum_obj: usize = memory.data(16, 16);
const bytes_decode_obj: usize = memory.data(16, 16);
const str_encode_obj: usize = memory.data(16, 16);
const bytes_hex_as_str_obj: usize = memory.data(16, 16);
export const bytes_fromhex_obj: usize = memory.data(16, 16);
/** bytes.fromhex as a classmethod object (+0 type, +4 function). */
const bytes_fromhex_classmethod_obj: usize = memory.data(8, 16);

/**
 * Adds the methods shared by str, bytes and bytearray to static dict `d`
 * (MicroPython's array_bytearray_str_bytes_locals_table, middle part).
 */
function add_common_methods(d: mp_obj_t): void {
  mp_static_dict_add(d, Q.MP_QSTR_find, str_find_obj);
  mp_static_dict_add(d, Q.MP_QSTR_rfind, str_rfind_obj);
  mp_static_dict_add(d, Q.MP_QSTR_index, str_index_obj);
  mp_static_dict_add(d, Q.MP_QSTR_rindex, str_rindex_obj);
  mp_static_dict_add(d, Q.MP_QSTR_join, str_join_obj);
  mp_static_dict_add(d, Q.MP_QSTR_split, str_split_obj);
  mp_static_dict_add(d, Q.MP_QSTR_splitlines, str_splitlines_obj);
  mp_static_dict_add(d, Q.MP_QSTR_rsplit, str_rsplit_obj);
  mp_static_dict_add(d, Q.MP_QSTR_startswith, str_startswith_obj);
  mp_static_dict_add(d, Q.MP_QSTR_endswith, str_endswith_obj);
  mp_static_dict_add(d, Q.MP_QSTR_strip, str_strip_obj);
  mp_static_dict_add(d, Q.MP_QSTR_lstrip, str_lstrip_obj);
  mp_static_dict_add(d, Q.MP_QSTR_rstrip, str_rstrip_obj);
  mp_static_dict_add(d, Q.MP_QSTR_format, mp_obj_str_format_obj);
  mp_static_dict_add(d, Q.MP_QSTR_replace, str_replace_obj);
  mp_static_dict_add(d, Q.MP_QSTR_count, str_count_obj);
  mp_static_dict_add(d, Q.MP_QSTR_partition, str_partition_obj);
  mp_static_dict_add(d, Q.MP_QSTR_rpartition, str_rpartition_obj);
  mp_static_dict_add(d, Q.MP_QSTR_center, str_center_obj);
  mp_static_dict_add(d, Q.MP_QSTR_ljust, str_ljust_obj);
  mp_static_dict_add(d, Q.MP_QSTR_rjust, str_rjust_obj);
  mp_static_dict_add(d, Q.MP_QSTR_zfill, str_zfill_obj);
  mp_static_dict_add(d, Q.MP_QSTR_lower, str_lower_obj);
  mp_static_dict_add(d, Q.MP_QSTR_upper, str_upper_obj);
  mp_static_dict_add(d, Q.MP_QSTR_swapcase, str_swapcase_obj);
  mp_static_dict_add(d, Q.MP_QSTR_capitalize, str_capitalize_obj);
  mp_static_dict_add(d, Q.MP_QSTR_title, str_title_obj);
  mp_static_dict_add(d, Q.MP_QSTR_isspace, str_isspace_obj);
  mp_static_dict_add(d, Q.MP_QSTR_isalpha, str_isalpha_obj);
  mp_static_dict_add(d, Q.MP_QSTR_isdigit, str_isdigit_obj);
  mp_static_dict_add(d, Q.MP_QSTR_isupper, str_isupper_obj);
  mp_static_dict_add(d, Q.MP_QSTR_islower, str_islower_obj);
  mp_static_dict_add(d, Q.MP_QSTR_isalnum, str_isalnum_obj);
}

@inline const N_COMMON: usize = 33;

/** Locals dict of str. */
export const mp_obj_str_locals_dict: usize = memory.data(16, 16);
/** Locals dict of bytes: hex, fromhex, decode and the common methods. */
export const mp_obj_bytes_locals_dict: usize = memory.data(16, 16);
/** Locals dict of bytearray: append, extend, hex, fromhex, decode and the common methods. */
export const mp_obj_bytearray_locals_dict: usize = memory.data(16, 16);
/** Locals dict of array.array: append, extend. */
export const mp_obj_array_locals_dict: usize = memory.data(16, 16);
/** Locals dict of memoryview: hex. */
export const mp_obj_memoryview_locals_dict: usize = memory.data(16, 16);

/** Set-up of this file's static objects (types, methods); run once by mp_init. */
export function objstr_static_init(): void {
  mp_type_setup(mp_type_str, Q.MP_QSTR_str, MP_TYPE_FLAG_NONE, 0);
  mp_type_setup(mp_type_bytes, Q.MP_QSTR_bytes, MP_TYPE_FLAG_NONE, 0);
  store<usize>(mp_const_empty_bytes, mp_type_bytes);
  store<u32>(mp_const_empty_bytes + 4, <u32>qstr_compute_hash(empty_bytes_data, 0));
  store<usize>(mp_const_empty_bytes + 12, empty_bytes_data);

  mp_fun_2_at(str_join_obj, str_join);
  mp_fun_var_at(str_split_obj, 1, 3, mp_obj_str_split);
  mp_fun_kw_at(str_splitlines_obj, 1, str_splitlines);
  mp_arg_set(splitlines_args, 0, Q.MP_QSTR_keepends, MP_ARG_BOOL, 0);
  mp_fun_var_at(str_rsplit_obj, 1, 3, str_rsplit);
  mp_fun_var_at(str_find_obj, 2, 4, str_find);
  mp_fun_var_at(str_rfind_obj, 2, 4, str_rfind);
  mp_fun_var_at(str_index_obj, 2, 4, str_index);
  mp_fun_var_at(str_rindex_obj, 2, 4, str_rindex);
  mp_fun_var_at(str_startswith_obj, 2, 4, str_startswith);
  mp_fun_var_at(str_endswith_obj, 2, 4, str_endswith);
  mp_fun_var_at(str_strip_obj, 1, 2, str_strip);
  mp_fun_var_at(str_lstrip_obj, 1, 2, str_lstrip);
  mp_fun_var_at(str_rstrip_obj, 1, 2, str_rstrip);
  mp_fun_var_at(str_replace_obj, 3, 4, str_replace);
  mp_fun_var_at(str_count_obj, 2, 4, str_count);
  mp_fun_2_at(str_partition_obj, str_partition);
  mp_fun_2_at(str_rpartition_obj, str_rpartition);
  mp_fun_var_at(str_center_obj, 2, 3, str_center);
  mp_fun_var_at(str_ljust_obj, 2, 3, str_ljust);
  mp_fun_var_at(str_rjust_obj, 2, 3, str_rjust);
  mp_fun_2_at(str_zfill_obj, str_zfill);
  mp_fun_1_at(str_lower_obj, str_lower);
  mp_fun_1_at(str_upper_obj, str_upper);
  mp_fun_1_at(str_swapcase_obj, str_swapcase);
  mp_fun_1_at(str_capitalize_obj, str_capitalize);
  mp_fun_1_at(str_title_obj, str_title);
  mp_fun_1_at(str_isspace_obj, str_isspace);
  mp_fun_1_at(str_isalpha_obj, str_isalpha);
  mp_fun_1_at(str_isdigit_obj, str_isdigit);
  mp_fun_1_at(str_isupper_obj, str_isupper);
  mp_fun_1_at(str_islower_obj, str_islower);
  mp_fun_1_at(str_isalnum_obj, str_isalnum);
  mp_fun_kw_at(bytes_decode_obj, 1, bytes_decode);
  mp_fun_kw_at(str_encode_obj, 1, str_encode);
  mp_arg_set(codec_args, 0, Q.MP_QSTR_encoding, MP_ARG_OBJ, MP_OBJ_NEW_QSTR(Q.MP_QSTR_utf_hyphen_8));
  mp_arg_set(codec_args, 1, Q.MP_QSTR_errors, MP_ARG_OBJ, mp_const_none);
  mp_fun_var_at(bytes_hex_as_str_obj, 1, 2, bytes_hex_as_str);
  mp_fun_2_at(bytes_fromhex_obj, bytes_fromhex_fn);
  store<usize>(bytes_fromhex_classmethod_obj, mp_type_classmethod);
  store<usize>(bytes_fromhex_classmethod_obj + 4, bytes_fromhex_obj);

  mp_static_dict_at(mp_obj_str_locals_dict, N_COMMON + 1);
  add_common_methods(mp_obj_str_locals_dict);
  mp_static_dict_add(mp_obj_str_locals_dict, Q.MP_QSTR_encode, str_encode_obj);

  mp_static_dict_at(mp_obj_bytes_locals_dict, N_COMMON + 3);
  mp_static_dict_add(mp_obj_bytes_locals_dict, Q.MP_QSTR_hex, bytes_hex_as_str_obj);
  mp_static_dict_add(mp_obj_bytes_locals_dict, Q.MP_QSTR_fromhex, bytes_fromhex_classmethod_obj);
  mp_static_dict_add(mp_obj_bytes_locals_dict, Q.MP_QSTR_decode, bytes_decode_obj);
  add_common_methods(mp_obj_bytes_locals_dict);

  mp_static_dict_at(mp_obj_bytearray_locals_dict, N_COMMON + 5);
  mp_static_dict_add(mp_obj_bytearray_locals_dict, Q.MP_QSTR_append, mp_obj_array_append_obj);
  mp_static_dict_add(mp_obj_bytearray_locals_dict, Q.MP_QSTR_extend, mp_obj_array_extend_obj);
  mp_static_dict_add(mp_obj_bytearray_locals_dict, Q.MP_QSTR_hex, bytes_hex_as_str_obj);
  mp_static_dict_add(mp_obj_bytearray_locals_dict, Q.MP_QSTR_fromhex, bytes_fromhex_classmethod_obj);
  mp_static_dict_add(mp_obj_bytearray_locals_dict, Q.MP_QSTR_decode, bytes_decode_obj);
  add_common_methods(mp_obj_bytearray_locals_dict);

  mp_static_dict_at(mp_obj_array_locals_dict, 2);
  mp_static_dict_add(mp_obj_array_locals_dict, Q.MP_QSTR_append, mp_obj_array_append_obj);
  mp_static_dict_add(mp_obj_array_locals_dict, Q.MP_QSTR_extend, mp_obj_array_extend_obj);

  mp_static_dict_at(mp_obj_memoryview_locals_dict, 1);
  mp_static_dict_add(mp_obj_memoryview_locals_dict, Q.MP_QSTR_hex, bytes_hex_as_str_obj);

  // the bytes type
  mp_type_set_make_new(mp_type_bytes, bytes_make_new);
  mp_type_set_print(mp_type_bytes, bytes_print);
  mp_type_set_unary_op(mp_type_bytes, bytes_unary_op);
  mp_type_set_binary_op(mp_type_bytes, mp_obj_str_binary_op);
  mp_type_set_subscr(mp_type_bytes, bytes_subscr);
  mp_type_set_getiter(mp_type_bytes, mp_obj_new_bytes_iterator);
  mp_type_set_buffer(mp_type_bytes, mp_obj_str_get_buffer);
  mp_type_set_locals_dict(mp_type_bytes, mp_obj_bytes_locals_dict);

  // the str type's slots are set in objstrunicode.ts
  mp_type_str_setup();
}
