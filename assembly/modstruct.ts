// The struct module, as MicroPython's modstruct.c: calcsize, pack, pack_into,
// unpack and unpack_from over the typecodes of binary.ts.
//
// A format is an optional byte-order char ('@' native, the default; '<'
// little; '>' or '!' big; '=' is refused as a bad typecode, as MicroPython
// does) then items, each an optional decimal count and a typecode. 'x' is a
// pad byte and 's' a byte string (the count is its length); the others are
// the typecodes of binary.ts, including MicroPython's 'O' (an object
// reference) and 'S' (a pointer to a NUL-terminated string). Native layouts
// align each item to its size as a 32-bit board does (q Q d to 8).
//
// As in MicroPython, unpack accepts a buffer that is at least (not exactly)
// the size of the format, pack ignores surplus values and leaves missing
// ones zero, and the errors are ValueError ("bad typecode", "buffer too
// small"), not struct.error.

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_OBJ_NEW_QSTR,
  MP_OBJ_NOT_SUPPORTED,
  MP_INT_ERROR,
  MP_SMALL_INT_MAX,
  mp_const_none,
  mp_const_false,
  mp_const_true,
  mp_obj_is_small_int,
  mp_obj_is_obj,
  mp_obj_get_int,
  mp_obj_get_int_maybe_obj,
  mp_fun_1_at,
  mp_fun_var_at,
} from "./obj";
import {
  mp_root_mark,
  mp_root_push,
  mp_root_alloc,
  mp_root_set,
  mp_root_release,
} from "./rootstack";
import { mp_raise_memory_error, mp_raise_recursion_depth } from "./runtime";
import { mp_raise_ValueError } from "./objexcept";
import { mp_static_dict_at, mp_static_dict_add } from "./objdict";
import { mp_module_static_at } from "./objmodule";
import { mp_obj_new_tuple } from "./objtuple";
import { mp_type_int, mp_obj_new_int_from_ull } from "./objint";
import { mp_type_float, mp_obj_new_float, mp_obj_get_float_to } from "./objfloat";
import {
  mp_type_bytes,
  mp_obj_new_str_of_type_uninit,
  mp_obj_new_bytes,
  mp_obj_str_get_str,
  mp_obj_str_get_data_ptr,
  mp_obj_str_get_len,
} from "./objstr";
import { mp_get_buffer_raise, MP_BUFFER_READ, MP_BUFFER_WRITE } from "./objarray";
import { mp_binary_get_size, mp_binary_get_val, mp_binary_set_val } from "./binary";
import * as Q from "./genhdr";

/** The struct module (`import struct` / `import ustruct`). */
export const mp_module_struct: mp_obj_t = memory.data(8, 8);
export const mp_module_struct_extensible = true;

// Characters of the format language.
@inline const CH_AT: u32 = 64; // '@'
@inline const CH_LT: u32 = 60; // '<'
@inline const CH_GT: u32 = 62; // '>'
@inline const CH_EQ: u32 = 61; // '='
@inline const CH_BANG: u32 = 33; // '!'
@inline const CH_x: u32 = 120;
@inline const CH_s: u32 = 115;
@inline const CH_O: u32 = 79;
@inline const CH_e: u32 = 101;
@inline const CH_f: u32 = 102;
@inline const CH_d: u32 = 100;

// Parse state of one format, in root-stack scratch of each call (a call may
// run Python code that uses struct again):
//   +0 address of the next char   +4 end of the string (a NUL also ends it,
//   as in C)   +8 byte size (u64)   +16 value count (u64)   +24 alignment
// The addresses point into the format str, which the caller's args root.
@inline const ST_WORDS: usize = 8;
@inline const ST_SIZE: usize = 8;
@inline const ST_COUNT: usize = 16;
@inline const ST_ALIGN: usize = 24;

@inline function fmt_advance(st: usize): void {
  store<usize>(st, load<usize>(st) + 1);
}

/** The current format char, 0 at the end. */
function fmt_peek(st: usize): u32 {
  const p = load<usize>(st);
  return p < load<usize>(st + 4) ? <u32>load<u8>(p) : 0;
}

@inline function is_digit(c: u32): bool {
  return c - 48 < 10;
}

/**
 * Starts parsing the format `fmt_in` (a str or bytes) into the state `st`:
 * false with TypeError "can't convert 'X' object to str implicitly" pending
 * otherwise.
 */
function fmt_begin(st: usize, fmt_in: mp_obj_t): bool {
  if (mp_obj_str_get_str(fmt_in) == 0) return false;
  const p = mp_obj_str_get_data_ptr(fmt_in);
  store<usize>(st, p);
  store<usize>(st + 4, p + mp_obj_str_get_len(fmt_in));
  return true;
}

/** Consumes the byte-order char, if any, and returns the layout: '@', '<' or '>' ('!' is '>'). */
function get_fmt_type(st: usize): u32 {
  const c = fmt_peek(st);
  if (c == CH_BANG) {
    fmt_advance(st);
    return CH_GT;
  }
  if (c == CH_AT || c == CH_EQ || c == CH_LT || c == CH_GT) {
    fmt_advance(st);
    return c;
  }
  return CH_AT;
}

/** Consumes a decimal count (the current char is a digit); saturates at the small-int maximum. */
function get_fmt_num(st: usize): u64 {
  let val: u64 = 0;
  let c = fmt_peek(st);
  while (is_digit(c)) {
    val = val * 10 + <u64>(c - 48);
    if (val > <u64>MP_SMALL_INT_MAX) val = <u64>MP_SMALL_INT_MAX;
    fmt_advance(st);
    c = fmt_peek(st);
  }
  return val;
}

/** The repeat count before the next typecode: its digits, or 1 without any. */
function get_fmt_count(st: usize): u64 {
  return is_digit(fmt_peek(st)) ? get_fmt_num(st) : 1;
}

/**
 * Walks the whole format from the parse position (calc_size_items): stores
 * its byte size and value count in the state. False with ValueError "bad
 * typecode" pending for an unknown typecode (or a count with none).
 */
function calc_size_items(st: usize): bool {
  const fmt_type = get_fmt_type(st);
  let total_cnt: u64 = 0;
  let size: u64 = 0;
  for (let c = fmt_peek(st); c != 0; c = fmt_peek(st)) {
    const cnt = get_fmt_count(st);
    c = fmt_peek(st);
    if (c == CH_x) {
      size += cnt;
    } else if (c == CH_s) {
      total_cnt += 1;
      size += cnt;
    } else {
      total_cnt += cnt;
      const sz = mp_binary_get_size(fmt_type, c, st + ST_ALIGN);
      if (sz == 0) return false;
      const align = <u64>load<usize>(st + ST_ALIGN);
      if (cnt != 0) {
        size = (size + align - 1) & ~(align - 1);
        // items of one kind stay aligned after the first
        size += <u64>sz * cnt;
      }
    }
    fmt_advance(st);
  }
  store<u64>(st + ST_SIZE, size);
  store<u64>(st + ST_COUNT, total_cnt);
  return true;
}

/**
 * Scratch for a call: the parse state and `extra` more words, or 0 with
 * RuntimeError pending when the root stack is full. Released with `mark`.
 */
function call_scratch(extra: usize): usize {
  const st = mp_root_alloc(ST_WORDS + extra);
  if (st == 0) mp_raise_recursion_depth();
  return st;
}

/** Parses all of `fmt_in` into a new state (calcsize's work); 0 with the error pending. */
function fmt_calc(fmt_in: mp_obj_t, extra: usize): usize {
  const st = call_scratch(extra);
  if (st == 0 || !fmt_begin(st, fmt_in) || !calc_size_items(st)) return 0;
  return st;
}

/** calcsize(fmt): the byte size of `fmt` (struct_calcsize). */
function struct_calcsize(fmt_in: mp_obj_t): mp_obj_t {
  const mark = mp_root_mark();
  const st = fmt_calc(fmt_in, 0);
  const size = st == 0 ? 0 : load<u64>(st + ST_SIZE);
  mp_root_release(mark);
  if (st == 0) return MP_OBJ_NULL;
  return mp_obj_new_int_from_ull(size);
}

/** Raises ValueError "buffer too small". */
function buffer_too_small(): mp_obj_t {
  return mp_raise_ValueError("buffer too small");
}

/**
 * `offset` into a buffer of `len` bytes, a negative one counting from the
 * end; -1 with ValueError "buffer too small" pending when that is still
 * before the start.
 */
function buffer_offset(offset: i64, len: i64): i64 {
  if (offset < 0) offset += len;
  if (offset >= 0) return offset;
  buffer_too_small();
  return -1;
}

/**
 * unpack(fmt, buffer) and unpack_from(fmt, buffer, offset=0): a tuple of the
 * values (struct_unpack_from). A negative offset counts from the end; the
 * buffer must hold at least calcsize(fmt) bytes from the offset.
 */
function struct_unpack_from(n_args: usize, args: usize): mp_obj_t {
  const fmt_in = load<usize>(args);
  const mark = mp_root_mark();
  // the parse state, then bufinfo (3 words) and the read pointer
  const st = fmt_calc(fmt_in, 4);
  if (st == 0) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  const total_sz = load<u64>(st + ST_SIZE);
  const num_items = load<u64>(st + ST_COUNT);
  fmt_begin(st, fmt_in);
  const fmt_type = get_fmt_type(st);
  if (num_items > <u64>0x0fffffff) {
    mp_root_release(mark);
    return mp_raise_memory_error(0);
  }
  const res = mp_obj_new_tuple(<usize>num_items, 0);
  if (res == MP_OBJ_NULL) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  mp_root_push(res);
  const bi = st + (ST_WORDS << 2);
  if (!mp_get_buffer_raise(load<usize>(args + 4), bi, MP_BUFFER_READ)) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  const len = <i64>load<usize>(bi + 4);
  let offset: i64 = 0;
  if (n_args > 2) {
    offset = mp_obj_get_int(load<usize>(args + 8));
    if (offset != MP_INT_ERROR) offset = buffer_offset(offset, len);
    if (offset < 0) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
  }
  if (offset + <i64>total_sz > len) {
    mp_root_release(mark);
    return buffer_too_small();
  }
  const p_base = load<usize>(bi) + <usize>offset;
  const pp = bi + 12;
  store<usize>(pp, p_base);
  const items = res + 8;
  let i: usize = 0;
  const n = <usize>num_items;
  while (i < n) {
    let cnt = get_fmt_count(st);
    const c = fmt_peek(st);
    const p = load<usize>(pp);
    if (c == CH_x) {
      store<usize>(pp, p + <usize>cnt);
    } else if (c == CH_s) {
      const item = mp_obj_new_bytes(p, <usize>cnt);
      if (item == MP_OBJ_NULL) {
        mp_root_release(mark);
        return MP_OBJ_NULL;
      }
      store<usize>(pp, p + <usize>cnt);
      store<usize>(items + (i++ << 2), item);
    } else {
      while (cnt-- != 0) {
        const item = mp_binary_get_val(fmt_type, c, p_base, pp);
        if (item == MP_OBJ_NULL) {
          mp_root_release(mark);
          return MP_OBJ_NULL;
        }
        store<usize>(items + (i++ << 2), item);
      }
    }
    fmt_advance(st);
  }
  mp_root_release(mark);
  return res;
}

// Where __float__'s result is read.
const plain_scratch: usize = memory.data(8, 8);

/**
 * `v` as a plain value for a field of typecode `c`: ints, bools and floats
 * as they are; other objects converted now (their __int__ / __float__ may
 * run Python code, which must not happen while a pointer into the output
 * buffer is held). MP_OBJ_NULL with the conversion's error pending.
 */
function plain_value(c: u32, v: mp_obj_t): mp_obj_t {
  if (c == CH_O || mp_obj_is_small_int(v) || v == mp_const_false || v == mp_const_true) return v;
  if (mp_obj_is_obj(v)) {
    const t = load<usize>(v);
    if (t == mp_type_int || t == mp_type_float) return v;
  }
  if (c == CH_e || c == CH_f || c == CH_d) {
    if (!mp_obj_get_float_to(v, plain_scratch)) return MP_OBJ_NULL;
    return mp_obj_new_float(load<f64>(plain_scratch));
  }
  const r = mp_obj_get_int_maybe_obj(v);
  if (r == MP_OBJ_NOT_SUPPORTED) {
    // raises "can't convert X to int"
    mp_obj_get_int(v);
    return MP_OBJ_NULL;
  }
  return r;
}

// Words after the parse state in pack's scratch.
@inline const PK_BUFINFO: usize = ST_WORDS << 2; // the destination's bufinfo (3 words)
@inline const PK_PTR: usize = PK_BUFINFO + 12; // the write pointer
@inline const PK_SRC: usize = PK_PTR + 4; // a source bufinfo for 's' (3 words)
@inline const PK_VALUE: usize = PK_SRC + 12; // a converted value, kept alive
@inline const PK_WORDS: usize = 8;

/**
 * Packs the `n_args` values at `args` by the format (state `st`, at its
 * start) into the buffer of `dest` (its bufinfo in the scratch, re-read
 * after any Python code ran) from byte `offset`; the buffer holds the whole
 * format, `total_sz` bytes (struct_pack_into_internal). Fewer values than
 * the format asks for leave the rest untouched; more are ignored. False with
 * an exception pending. `dest` (0 for pack's own bytes) must be rooted.
 */
function pack_into_internal(
  st: usize,
  dest: mp_obj_t,
  offset: usize,
  total_sz: usize,
  n_args: usize,
  args: usize,
): bool {
  const fmt_type = get_fmt_type(st);
  const bi = st + PK_BUFINFO;
  const pp = st + PK_PTR;
  const sbi = st + PK_SRC;
  let p_base = load<usize>(bi) + offset;
  store<usize>(pp, p_base);
  let i: usize = 0;
  while (i < n_args) {
    let c = fmt_peek(st);
    if (c == 0) break; // surplus values, which CPython refuses
    let cnt = get_fmt_count(st);
    c = fmt_peek(st);
    if (c == CH_x) {
      const p = load<usize>(pp);
      memory.fill(p, 0, <usize>cnt);
      store<usize>(pp, p + <usize>cnt);
    } else if (c == CH_s) {
      const src = load<usize>(args + (i++ << 2));
      if (!mp_get_buffer_raise(src, sbi, MP_BUFFER_READ)) return false;
      const p = load<usize>(pp);
      let to_copy = <usize>cnt;
      if (load<usize>(sbi + 4) < to_copy) to_copy = load<usize>(sbi + 4);
      memory.copy(p, load<usize>(sbi), to_copy);
      memory.fill(p + to_copy, 0, <usize>cnt - to_copy);
      store<usize>(pp, p + <usize>cnt);
    } else {
      while (cnt-- != 0 && i < n_args) {
        const arg = load<usize>(args + (i++ << 2));
        const v = plain_value(c, arg);
        if (v == MP_OBJ_NULL) return false;
        if (v != arg) {
          // Python code ran: find the buffer again, it may have moved or shrunk
          const rel = load<usize>(pp) - p_base;
          mp_root_set(st + PK_VALUE, v);
          if (dest != MP_OBJ_NULL) {
            if (!mp_get_buffer_raise(dest, bi, MP_BUFFER_WRITE)) return false;
            if (<u64>offset + <u64>total_sz > <u64>load<usize>(bi + 4)) {
              buffer_too_small();
              return false;
            }
          }
          p_base = load<usize>(bi) + offset;
          store<usize>(pp, p_base + rel);
        }
        if (!mp_binary_set_val(fmt_type, c, v, p_base, pp)) return false;
      }
    }
    fmt_advance(st);
  }
  return true;
}

/** pack(fmt, v1, v2, ...): a bytes object of calcsize(fmt) bytes (struct_pack). */
function struct_pack(n_args: usize, args: usize): mp_obj_t {
  const fmt_in = load<usize>(args);
  const mark = mp_root_mark();
  const st = fmt_calc(fmt_in, PK_WORDS);
  if (st == 0) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  const size = load<u64>(st + ST_SIZE);
  if (size >= <u64>0x7ffffff0) {
    mp_root_release(mark);
    return mp_raise_memory_error(<usize>(size & 0xffffffff));
  }
  const b = mp_obj_new_str_of_type_uninit(mp_type_bytes, <usize>size);
  if (b == MP_OBJ_NULL) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  mp_root_push(b);
  store<usize>(st + PK_BUFINFO, mp_obj_str_get_data_ptr(b));
  store<usize>(st + PK_BUFINFO + 4, <usize>size);
  fmt_begin(st, fmt_in);
  const ok = pack_into_internal(st, MP_OBJ_NULL, 0, <usize>size, n_args - 1, args + 4);
  mp_root_release(mark);
  return ok ? b : MP_OBJ_NULL;
}

/**
 * pack_into(fmt, buffer, offset, v1, v2, ...): packs into a writable buffer
 * from `offset` (negative counts from the end) (struct_pack_into).
 */
function struct_pack_into(n_args: usize, args: usize): mp_obj_t {
  const dest = load<usize>(args + 4);
  const mark = mp_root_mark();
  const st = call_scratch(PK_WORDS);
  if (st == 0) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  const bi = st + PK_BUFINFO;
  if (!mp_get_buffer_raise(dest, bi, MP_BUFFER_WRITE)) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  let offset = mp_obj_get_int(load<usize>(args + 8));
  if (offset == MP_INT_ERROR) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  // the offset's __int__ may have resized the buffer
  if (!mp_get_buffer_raise(dest, bi, MP_BUFFER_WRITE)) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  const len = <i64>load<usize>(bi + 4);
  offset = buffer_offset(offset, len);
  if (offset < 0) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  const fmt_in = load<usize>(args);
  if (!fmt_begin(st, fmt_in) || !calc_size_items(st)) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  const sz = load<u64>(st + ST_SIZE);
  if (<u64>offset + sz > <u64>len) {
    mp_root_release(mark);
    return buffer_too_small();
  }
  fmt_begin(st, fmt_in);
  const ok = pack_into_internal(st, dest, <usize>offset, <usize>sz, n_args - 3, args + 12);
  mp_root_release(mark);
  return ok ? mp_const_none : MP_OBJ_NULL;
}

// ---- the module ----

const struct_calcsize_obj: usize = memory.data(16, 16);
const struct_pack_obj: usize = memory.data(16, 16);
const struct_pack_into_obj: usize = memory.data(16, 16);
const struct_unpack_from_obj: usize = memory.data(16, 16);
const struct_globals: usize = memory.data(16, 16);

/** Set-up of the struct module; run once by mp_init. */
export function modstruct_static_init(): void {
  mp_fun_1_at(struct_calcsize_obj, struct_calcsize);
  mp_fun_var_at(struct_pack_obj, 1, 0xffff, struct_pack);
  mp_fun_var_at(struct_pack_into_obj, 3, 0xffff, struct_pack_into);
  mp_fun_var_at(struct_unpack_from_obj, 2, 3, struct_unpack_from);
  const d = struct_globals;
  mp_static_dict_at(d, 6);
  mp_static_dict_add(d, Q.MP_QSTR___name__, MP_OBJ_NEW_QSTR(Q.MP_QSTR_struct));
  mp_static_dict_add(d, Q.MP_QSTR_calcsize, struct_calcsize_obj);
  mp_static_dict_add(d, Q.MP_QSTR_pack, struct_pack_obj);
  mp_static_dict_add(d, Q.MP_QSTR_pack_into, struct_pack_into_obj);
  mp_static_dict_add(d, Q.MP_QSTR_unpack, struct_unpack_from_obj);
  mp_static_dict_add(d, Q.MP_QSTR_unpack_from, struct_unpack_from_obj);
  mp_module_static_at(mp_module_struct, d);
}
