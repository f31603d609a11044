// bytearray, array.array and memoryview, as MicroPython's objarray.c, and the
// buffer protocol's constants.
//
//   mp_obj_array_t (16 bytes, one block):
//     +0 type (mp_type_bytearray / mp_type_array / mp_type_memoryview)
//     +4 typecode (low 8 bits) | free << 8   free: unused items after len;
//                                            for a memoryview, the offset (in
//                                            items) of its first item
//     +8 len (items)
//     +12 items: GC block of (len + free) items; for a memoryview, the start
//         of the viewed buffer (kept there so the buffer's owner stays alive)
//
// Length and data sit at +8/+12 as in a str, so the str methods work on a
// bytearray. A memoryview's typecode has MP_OBJ_ARRAY_TYPECODE_FLAG_RW set
// when it may write to the buffer. Items are truncated to their size on
// store, as MicroPython 1.x (no overflow check).
//
// Beyond MicroPython, for CPython compatibility: * and *= for bytearray and
// array, del a[i] and del a[i:j], slice loads with any step, `int in
// bytearray`, no implicit str -> bytes in +, += and `in`.
//
//   mp_buffer_info_t (3 words, usually on the root stack):
//     +0 buf   +4 len (bytes)   +8 typecode

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_OBJ_SENTINEL,
  MP_OBJ_NOT_SUPPORTED,
  MP_OBJ_STOP_ITERATION,
  MP_TYPE_SIZE,
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
  mp_type_slot,
  SLOT_subscr,
  MP_TYPE_FLAG_NONE,
  MP_TYPE_FLAG_EQ_CHECKS_OTHER_TYPE,
  MP_TYPE_FLAG_ITER_IS_ITERNEXT,
  MP_TYPE_FLAG_SUBSCR_ALLOWS_STACK_SLICE,
  mp_type_set_make_new,
  mp_type_set_print,
  mp_type_set_unary_op,
  mp_type_set_binary_op,
  mp_type_set_subscr,
  mp_type_set_getiter,
  mp_type_set_iternext,
  mp_type_set_buffer,
  mp_type_set_attr,
  mp_type_set_locals_dict,
  mp_fun_2_at,
  mp_obj_print_helper,
  mp_obj_len_maybe,
  mp_obj_get_int,
  mp_obj_get_int_maybe_obj,
  mp_get_index,
  MP_INT_ERROR,
  PRINT_REPR,
} from "./obj";
import * as Q from "./genhdr";
import * as R from "./runtime0";
import { qstr } from "./qstr";
import { gc_alloc, gc_realloc } from "./gc";
import { mp_root_mark, mp_root_push, mp_root_alloc, mp_root_release } from "./rootstack";
import {
  mp_raise_msg,
  mp_raise_type,
  mp_raise_TypeError,
  mp_raise_ValueError,
  mp_raise_NotImplementedError,
  mp_type_OverflowError,
  mp_type_NotImplementedError,
} from "./objexcept";
import { mp_obj_get_type } from "./objtype";
import { mp_print_str, mp_printf } from "./mpprint";
import { mp_raise_memory_error, mp_getiter, mp_iternext } from "./runtime";
import { mp_arg_check_num } from "./argcheck";
import { mp_type_slice } from "./objslice";
import { mp_seq_get_fast_slice_indexes, mp_seq_cmp_bytes } from "./sequence";
import { mp_obj_is_int } from "./objint";
import { mp_obj_is_float } from "./objfloat";
import {
  mp_type_bytes,
  mp_obj_is_str,
  mp_obj_str_get_str,
  mp_str_print_quoted,
  find_subbytes,
  mp_obj_bytearray_locals_dict,
  mp_obj_array_locals_dict,
  mp_obj_memoryview_locals_dict,
} from "./objstr";
import {
  BYTEARRAY_TYPECODE,
  mp_binary_get_size,
  mp_binary_get_val_array,
  mp_binary_set_val_array,
} from "./binary";

export const mp_type_bytearray: usize = memory.data(<i32>MP_TYPE_SIZE, 16);
export const mp_type_array: usize = memory.data(<i32>MP_TYPE_SIZE, 16);
export const mp_type_memoryview: usize = memory.data(<i32>MP_TYPE_SIZE, 16);
const mp_type_array_it: usize = memory.data(<i32>MP_TYPE_SIZE, 16);

/** A memoryview's typecode flag: the buffer may be written. */
@inline export const MP_OBJ_ARRAY_TYPECODE_FLAG_RW: u32 = 0x80;
@inline const TYPECODE_MASK: u32 = 0x7f;
/** Largest memoryview offset (24 bits, as on a 32-bit board). */
@inline const MEMVIEW_OFFSET_MAX: u32 = 0xffffff;

// ---- the buffer protocol ----

@inline export const MP_BUFFER_READ: u32 = 1;
@inline export const MP_BUFFER_WRITE: u32 = 2;
@inline export const MP_BUFFER_RW: u32 = 3;
/** Words of an mp_buffer_info_t: buf, len, typecode. */
@inline export const MP_BUFINFO_WORDS: usize = 3;

// mp_get_buffer / mp_get_buffer_raise live in stream.ts (re-exported here).
export { mp_get_buffer, mp_get_buffer_raise } from "./stream";
import { mp_get_buffer, mp_get_buffer_raise } from "./stream";

// ---- layout ----

@inline function a_typecode(o: mp_obj_t): u32 {
  const t = load<u32>(o + 4) & 0xff;
  return load<usize>(o) == mp_type_memoryview ? t : t & TYPECODE_MASK;
}
/** A bytearray/array's typecode flag: its items are memory it does not own (bytearray_at). */
@inline const ARRAY_FLAG_BY_REF: u32 = 0x80;
@inline function a_by_ref(o: mp_obj_t): bool {
  return load<usize>(o) != mp_type_memoryview && (load<u32>(o + 4) & ARRAY_FLAG_BY_REF) != 0;
}

// New storage of `n` bytes for the items of array/bytearray `self` (rooted):
// reallocated, or, for a bytearray over memory it does not own
// (uctypes.bytearray_at), a fresh copy, the viewed memory left alone (it is
// not the array's to grow or free). 0 on MemoryError.
function a_grow_items(self: mp_obj_t, n: usize): usize {
  if (!a_by_ref(self)) return gc_realloc(a_items(self), n, true);
  const p = gc_alloc(n, 0);
  if (p == 0) return 0;
  const have = a_len(self) * a_itemsize(self);
  memory.copy(p, a_items(self), have < n ? have : n);
  store<u32>(self + 4, load<u32>(self + 4) & ~ARRAY_FLAG_BY_REF);
  return p;
}
@inline function a_free(o: mp_obj_t): usize {
  return load<u32>(o + 4) >> 8;
}
@inline function a_set_free(o: mp_obj_t, free: usize): void {
  store<u32>(o + 4, (load<u32>(o + 4) & 0xff) | (<u32>free << 8));
}
@inline function a_len(o: mp_obj_t): usize {
  return load<usize>(o + 8);
}
@inline function a_items(o: mp_obj_t): usize {
  return load<usize>(o + 12);
}
@inline function is_memoryview(o: mp_obj_t): bool {
  return load<usize>(o) == mp_type_memoryview;
}
/** Item size of array/bytearray/memoryview `o`. */
@inline function a_itemsize(o: mp_obj_t): usize {
  return mp_binary_get_size(64, a_typecode(o) & TYPECODE_MASK, 0);
}

/** Number of items a bytearray/array holds. */
export function mp_obj_array_len(o: mp_obj_t): usize {
  return a_len(o);
}

// ---- construction ----

/**
 * A new bytearray (BYTEARRAY_TYPECODE) or array of `n` zeroed items
 * (array_new). MP_OBJ_NULL with ValueError "bad typecode" or MemoryError.
 */
export function array_new(typecode: u32, n: usize): mp_obj_t {
  const sz = mp_binary_get_size(64, typecode, 0);
  if (sz == 0) return MP_OBJ_NULL;
  const bytes = <u64>sz * <u64>n;
  if (bytes >= 0x7ffffff0) return mp_raise_memory_error(0);
  const o = gc_alloc(16, 0);
  if (o == 0) return mp_raise_memory_error(16);
  const mark = mp_root_mark();
  mp_root_push(o);
  const items = gc_alloc(<usize>bytes, 0);
  mp_root_release(mark);
  if (items == 0) return mp_raise_memory_error(<usize>bytes);
  store<usize>(o, typecode == BYTEARRAY_TYPECODE ? mp_type_bytearray : mp_type_array);
  store<u32>(o + 4, typecode);
  store<usize>(o + 8, n);
  store<usize>(o + 12, items);
  return o;
}

/**
 * A new bytearray holding a copy of `n` bytes at `items` (zeros when `items`
 * is 0), as mp_obj_new_bytearray. `items` must not point into an unrooted
 * heap block.
 */
export function mp_obj_new_bytearray(n: usize, items: usize): mp_obj_t {
  const o = array_new(BYTEARRAY_TYPECODE, n);
  if (o == MP_OBJ_NULL) return MP_OBJ_NULL;
  if (items != 0) memory.copy(a_items(o), items, n);
  return o;
}

/**
 * A bytearray over `n` bytes at `items` (memory it does not own: growing it
 * moves it to a copy), without copying (mp_obj_new_bytearray_by_ref).
 */
export function mp_obj_new_bytearray_by_ref(n: usize, items: usize): mp_obj_t {
  const o = gc_alloc(16, 0);
  if (o == 0) return mp_raise_memory_error(16);
  store<usize>(o, mp_type_bytearray);
  store<u32>(o + 4, BYTEARRAY_TYPECODE | ARRAY_FLAG_BY_REF);
  store<usize>(o + 8, n);
  store<usize>(o + 12, items);
  return o;
}

/** A bytearray that takes over `n` bytes in GC block `items` as its own storage (no copy). */
export function mp_obj_new_bytearray_from_block(n: usize, items: usize): mp_obj_t {
  const mark = mp_root_mark();
  mp_root_push(items);
  const o = mp_obj_new_bytearray_by_ref(n, items);
  mp_root_release(mark);
  if (o != MP_OBJ_NULL) store<u32>(o + 4, BYTEARRAY_TYPECODE);
  return o;
}

/** A new memoryview of `nitems` items of `typecode` at `items` (mp_obj_new_memoryview). */
export function mp_obj_new_memoryview(typecode: u32, nitems: usize, items: usize): mp_obj_t {
  const o = gc_alloc(16, 0);
  if (o == 0) return mp_raise_memory_error(16);
  store<usize>(o, mp_type_memoryview);
  store<u32>(o + 4, typecode);
  store<usize>(o + 8, nitems);
  store<usize>(o + 12, items);
  return o;
}

/** Appends or stores every item of `arg` (rooted) into `array` (rooted) (array_extend_impl). */
function array_extend_impl(array: mp_obj_t, arg: mp_obj_t, typecode: u32, len: usize): bool {
  const mark = mp_root_mark();
  const buf = mp_root_alloc(4);
  const it = mp_getiter(arg, buf);
  if (it == MP_OBJ_NULL) {
    mp_root_release(mark);
    return false;
  }
  mp_root_push(it);
  let i: usize = 0;
  while (true) {
    const item = mp_iternext(it);
    if (item == MP_OBJ_STOP_ITERATION) break;
    if (item == MP_OBJ_NULL) {
      mp_root_release(mark);
      return false;
    }
    let ok: bool;
    if (len == 0 || i >= a_len(array)) {
      ok = array_append(array, item) != MP_OBJ_NULL;
    } else {
      ok = mp_binary_set_val_array(typecode, a_items(array), i++, item);
    }
    if (!ok) {
      mp_root_release(mark);
      return false;
    }
  }
  mp_root_release(mark);
  return true;
}

/**
 * array/bytearray of `typecode` from `initializer` (array_construct): raw
 * bytes from a buffer (any buffer for bytearray; bytes/bytearray for array,
 * the length rounded down to whole items), else item by item.
 */
function array_construct(typecode: u32, initializer: mp_obj_t): mp_obj_t {
  const mark = mp_root_mark();
  mp_root_push(initializer);
  const bi = mp_root_alloc(MP_BUFINFO_WORDS);
  if (
    (typecode == BYTEARRAY_TYPECODE ||
      mp_obj_is_type(initializer, mp_type_bytes) ||
      mp_obj_is_type(initializer, mp_type_bytearray)) &&
    mp_get_buffer(initializer, bi, MP_BUFFER_READ)
  ) {
    const sz = mp_binary_get_size(64, typecode, 0);
    if (sz == 0) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    const len = load<usize>(bi + 4) / sz;
    const o = array_new(typecode, len);
    if (o != MP_OBJ_NULL) memory.copy(a_items(o), load<usize>(bi), len * sz);
    mp_root_release(mark);
    return o;
  }
  let len: usize = 0;
  const len_in = mp_obj_len_maybe(initializer);
  if (len_in == MP_OBJ_NULL) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  if (mp_obj_is_small_int(len_in)) len = <usize>MP_OBJ_SMALL_INT_VALUE(len_in);
  const array = array_new(typecode, len);
  if (array == MP_OBJ_NULL) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  mp_root_push(array);
  // the length was a hint: a shorter iteration leaves the array shorter
  const ok = array_extend_impl(array, initializer, typecode, len);
  mp_root_release(mark);
  return ok ? array : MP_OBJ_NULL;
}

/** array.array(typecode[, initializer]) (array_make_new). */
function array_make_new(type: usize, n_args: usize, n_kw: usize, args: usize): mp_obj_t {
  if (!mp_arg_check_num(n_args, n_kw, 1, 2, false)) return MP_OBJ_NULL;
  const tc = mp_obj_str_get_str(load<usize>(args));
  if (tc == 0) return MP_OBJ_NULL;
  const typecode = <u32>load<u8>(tc);
  if (typecode == 0 || mp_binary_get_size(64, typecode, 0) == 0) {
    if (typecode == 0) mp_raise_ValueError("bad typecode");
    return MP_OBJ_NULL;
  }
  if (n_args == 1) return array_new(typecode, 0);
  return array_construct(typecode, load<usize>(args + 4));
}

/** bytearray([int | iterable | buffer | str, encoding]) (bytearray_make_new). */
function bytearray_make_new(type: usize, n_args: usize, n_kw: usize, args: usize): mp_obj_t {
  if (!mp_arg_check_num(n_args, n_kw, 0, 3, false)) return MP_OBJ_NULL;
  if (n_args == 0) return array_new(BYTEARRAY_TYPECODE, 0);
  const a0 = load<usize>(args);
  if (mp_obj_is_int(a0)) {
    const n = mp_obj_get_int(a0);
    if (n == MP_INT_ERROR) return MP_OBJ_NULL;
    if (n < 0) return mp_raise_ValueError("negative count");
    return array_new(BYTEARRAY_TYPECODE, <usize>n);
  }
  if (mp_obj_is_str(a0) && n_args == 1) return mp_raise_TypeError("string argument without an encoding");
  return array_construct(BYTEARRAY_TYPECODE, a0);
}

/** memoryview(obj) over any buffer (memoryview_make_new). */
function memoryview_make_new(type: usize, n_args: usize, n_kw: usize, args: usize): mp_obj_t {
  if (!mp_arg_check_num(n_args, n_kw, 1, 1, false)) return MP_OBJ_NULL;
  const a0 = load<usize>(args);
  const mark = mp_root_mark();
  const bi = mp_root_alloc(MP_BUFINFO_WORDS);
  if (!mp_get_buffer_raise(a0, bi, MP_BUFFER_READ)) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  const typecode = load<u32>(bi + 8);
  const sz = mp_binary_get_size(64, typecode, 0);
  if (sz == 0) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  const self = mp_obj_new_memoryview(typecode, load<usize>(bi + 4) / sz, load<usize>(bi));
  if (self == MP_OBJ_NULL) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  // a view of a view points at the start of the underlying buffer (GC root)
  if (is_memoryview_obj(a0)) {
    a_set_free(self, a_free(a0));
    store<usize>(self + 12, a_items(a0));
  }
  if (mp_get_buffer(a0, bi, MP_BUFFER_RW)) {
    store<u32>(self + 4, load<u32>(self + 4) | MP_OBJ_ARRAY_TYPECODE_FLAG_RW);
  }
  mp_root_release(mark);
  return self;
}

@inline function is_memoryview_obj(o: mp_obj_t): bool {
  return mp_obj_is_type(o, mp_type_memoryview);
}

/** attr slot of memoryview: itemsize; other names go to the locals dict. */
function memoryview_attr(self: mp_obj_t, attr: qstr, dest: usize): bool {
  if (load<usize>(dest) != MP_OBJ_NULL) return true;
  if (attr == Q.MP_QSTR_itemsize) {
    const sz = a_itemsize(self);
    if (sz == 0) return false;
    store<usize>(dest, MP_OBJ_NEW_SMALL_INT(<i32>sz));
  } else {
    store<usize>(dest + 4, MP_OBJ_SENTINEL);
  }
  return true;
}

// ---- print and operators ----

/** print slot of bytearray and array: bytearray(b'...') / array('i', [1, 2]). */
function array_print(print: usize, o: mp_obj_t, kind: u32): bool {
  const tc = a_typecode(o);
  if (tc == BYTEARRAY_TYPECODE) {
    mp_print_str(print, "bytearray(b");
    mp_str_print_quoted(print, a_items(o), a_len(o), true);
  } else {
    mp_printf(print, "array('%c'", tc);
    const len = a_len(o);
    if (len > 0) {
      mp_print_str(print, ", [");
      for (let i: usize = 0; i < a_len(o); i++) {
        if (i > 0) mp_print_str(print, ", ");
        const v = mp_binary_get_val_array(tc, a_items(o), i);
        if (v == MP_OBJ_NULL) return false;
        const mark = mp_root_mark();
        mp_root_push(v);
        const ok = mp_obj_print_helper(print, v, PRINT_REPR);
        mp_root_release(mark);
        if (!ok) return false;
      }
      mp_print_str(print, "]");
    }
  }
  mp_print_str(print, ")");
  return true;
}

/** unary_op slot: bool and len (in items). */
function array_unary_op(op: u32, o: mp_obj_t): mp_obj_t {
  if (op == R.MP_UNARY_OP_BOOL) return mp_obj_new_bool(a_len(o) != 0);
  if (op == R.MP_UNARY_OP_LEN) return MP_OBJ_NEW_SMALL_INT(<i32>a_len(o));
  return MP_OBJ_NOT_SUPPORTED;
}

/** Typecode folded for comparisons: lower case, with unsigned codes flagged (typecode_for_comparison). */
function typecode_for_comparison(tc: u32): u32 {
  if (tc == BYTEARRAY_TYPECODE) tc = 66;
  if (tc <= 90) return (tc + 32) | 0x100;
  return tc;
}

/**
 * binary_op slot (array_binary_op): + (new array from any buffer), += (extend),
 * `in` (a sub-buffer of a bytearray), comparisons of compatible buffers.
 */
function array_binary_op(op: u32, lhs: mp_obj_t, rhs: mp_obj_t): mp_obj_t {
  switch (op) {
    case R.MP_BINARY_OP_ADD: {
      if (is_memoryview(lhs)) return MP_OBJ_NOT_SUPPORTED;
      const mark = mp_root_mark();
      const lb = mp_root_alloc(MP_BUFINFO_WORDS);
      const rb = mp_root_alloc(MP_BUFINFO_WORDS);
      array_get_buffer(lhs, lb, MP_BUFFER_READ);
      if (mp_obj_is_str(rhs)) {
        // CPython: no implicit str -> bytes (MicroPython takes the str's buffer)
        mp_root_release(mark);
        return MP_OBJ_NOT_SUPPORTED;
      }
      if (!mp_get_buffer_raise(rhs, rb, MP_BUFFER_READ)) {
        mp_root_release(mark);
        return MP_OBJ_NULL;
      }
      const sz = mp_binary_get_size(64, load<u32>(lb + 8), 0);
      const rhs_len = load<usize>(rb + 4) / sz;
      const res = array_new(load<u32>(lb + 8), a_len(lhs) + rhs_len);
      if (res != MP_OBJ_NULL) {
        // re-read the buffers: the allocation cannot move them, their owners are rooted
        memory.copy(a_items(res), load<usize>(lb), load<usize>(lb + 4));
        memory.copy(a_items(res) + load<usize>(lb + 4), load<usize>(rb), rhs_len * sz);
      }
      mp_root_release(mark);
      return res;
    }
    case R.MP_BINARY_OP_MULTIPLY:
    case R.MP_BINARY_OP_INPLACE_MULTIPLY:
    case R.MP_BINARY_OP_REVERSE_MULTIPLY:
      if (is_memoryview(lhs)) return MP_OBJ_NOT_SUPPORTED;
      return array_repeat(op, lhs, rhs);
    case R.MP_BINARY_OP_INPLACE_ADD:
      if (is_memoryview(lhs)) return MP_OBJ_NOT_SUPPORTED;
      if (array_extend(lhs, rhs) == MP_OBJ_NULL) return MP_OBJ_NULL;
      return lhs;
    case R.MP_BINARY_OP_CONTAINS: {
      const mark = mp_root_mark();
      const lb = mp_root_alloc(MP_BUFINFO_WORDS);
      const rb = mp_root_alloc(MP_BUFINFO_WORDS);
      if (mp_obj_is_str(rhs) && mp_obj_is_type(lhs, mp_type_bytearray)) {
        mp_root_release(mark);
        return mp_raise_TypeError("a bytes-like object is required, not 'str'");
      }
      if (mp_get_buffer(rhs, rb, MP_BUFFER_READ)) {
        if (!mp_obj_is_type(lhs, mp_type_bytearray)) {
          mp_root_release(mark);
          return mp_const_false;
        }
        array_get_buffer(lhs, lb, MP_BUFFER_READ);
        const r = find_subbytes(load<usize>(lb), load<usize>(lb + 4), load<usize>(rb), load<usize>(rb + 4), 1) != 0;
        mp_root_release(mark);
        return mp_obj_new_bool(r);
      }
      mp_root_release(mark);
      if (mp_obj_is_type(lhs, mp_type_bytearray) && mp_obj_is_int(rhs)) {
        // CPython: an int searches for a byte value
        const v = mp_obj_get_int(rhs);
        if (v == MP_INT_ERROR) return MP_OBJ_NULL;
        if (v < 0 || v > 255) return mp_raise_ValueError("byte must be in range(0, 256)");
        const data = a_items(lhs);
        for (let i: usize = 0; i < a_len(lhs); i++) {
          if (<i64>load<u8>(data + i) == v) return mp_const_true;
        }
        return mp_const_false;
      }
      if (mp_obj_is_int(rhs) || mp_obj_is_float(rhs)) return mp_raise_type(mp_type_NotImplementedError);
      return mp_const_false;
    }
    case R.MP_BINARY_OP_EQUAL:
    case R.MP_BINARY_OP_NOT_EQUAL:
    case R.MP_BINARY_OP_LESS:
    case R.MP_BINARY_OP_LESS_EQUAL:
    case R.MP_BINARY_OP_MORE:
    case R.MP_BINARY_OP_MORE_EQUAL: {
      const mark = mp_root_mark();
      const lb = mp_root_alloc(MP_BUFINFO_WORDS);
      const rb = mp_root_alloc(MP_BUFINFO_WORDS);
      array_get_buffer(lhs, lb, MP_BUFFER_READ);
      if (!mp_get_buffer(rhs, rb, MP_BUFFER_READ)) {
        mp_root_release(mark);
        if (op == R.MP_BINARY_OP_EQUAL) return mp_const_false;
        if (op == R.MP_BINARY_OP_NOT_EQUAL) return mp_const_true;
        return MP_OBJ_NOT_SUPPORTED;
      }
      const lc = typecode_for_comparison(load<u32>(lb + 8));
      const rc = typecode_for_comparison(load<u32>(rb + 8));
      const unsigned = ((lc | rc) & 0x100) != 0;
      const l = lc & 0xff;
      const eq_like = op == R.MP_BINARY_OP_EQUAL || op == R.MP_BINARY_OP_NOT_EQUAL;
      if (l == (rc & 0xff) && l != 102 && l != 100 && (eq_like || unsigned)) {
        let r: bool;
        if (op == R.MP_BINARY_OP_NOT_EQUAL) {
          r = !mp_seq_cmp_bytes(R.MP_BINARY_OP_EQUAL, load<usize>(lb), load<usize>(lb + 4), load<usize>(rb), load<usize>(rb + 4));
        } else {
          r = mp_seq_cmp_bytes(op, load<usize>(lb), load<usize>(lb + 4), load<usize>(rb), load<usize>(rb + 4));
        }
        mp_root_release(mark);
        return mp_obj_new_bool(r);
      }
      mp_root_release(mark);
      return mp_raise_type(mp_type_NotImplementedError);
    }
  }
  return MP_OBJ_NOT_SUPPORTED;
}

/**
 * a * n and a *= n for bytearray and array (CPython; MicroPython has
 * neither): `n` copies of the items, in place for *=.
 */
function array_repeat(op: u32, lhs: mp_obj_t, rhs: mp_obj_t): mp_obj_t {
  const r = mp_obj_get_int_maybe_obj(rhs);
  if (r == MP_OBJ_NULL) return MP_OBJ_NULL;
  if (r == MP_OBJ_NOT_SUPPORTED) return MP_OBJ_NOT_SUPPORTED;
  if (!mp_obj_is_small_int(r)) return mp_raise_memory_error(0);
  let n = MP_OBJ_SMALL_INT_VALUE(r);
  if (n < 0) n = 0;
  const tc = a_typecode(lhs);
  const sz = a_itemsize(lhs);
  const len = a_len(lhs);
  const total = <u64>len * <u64>n;
  if (total * <u64>sz >= 0x7ffffff0) return mp_raise_memory_error(0);
  const mark = mp_root_mark();
  mp_root_push(lhs);
  const res = array_new(tc, <usize>total);
  mp_root_release(mark);
  if (res == MP_OBJ_NULL) return MP_OBJ_NULL;
  const bytes = len * sz;
  for (let i: usize = 0; i < <usize>n; i++) memory.copy(a_items(res) + i * bytes, a_items(lhs), bytes);
  if (op == R.MP_BINARY_OP_INPLACE_MULTIPLY) {
    // take over the new items
    store<usize>(lhs + 12, a_items(res));
    store<usize>(lhs + 8, <usize>total);
    a_set_free(lhs, 0);
    return lhs;
  }
  return res;
}

// ---- methods ----

/** array.append(x) / bytearray.append(x) (array_append): grows by 8 items at a time. */
export function array_append(self: mp_obj_t, arg: mp_obj_t): mp_obj_t {
  if (!mp_obj_is_type(self, mp_type_bytearray) && !mp_obj_is_type(self, mp_type_array)) {
    return mp_raise_TypeError("argument has wrong type");
  }
  const tc = a_typecode(self);
  const sz = mp_binary_get_size(64, tc, 0);
  const len = a_len(self);
  if (a_free(self) == 0) {
    const mark = mp_root_mark();
    mp_root_push(self);
    mp_root_push(arg);
    const add: usize = 8;
    const items = a_grow_items(self, sz * (len + add));
    mp_root_release(mark);
    if (items == 0) return mp_raise_memory_error(sz * (len + add));
    memory.fill(items + len * sz, 0, add * sz);
    store<usize>(self + 12, items);
    a_set_free(self, add);
  }
  if (!mp_binary_set_val_array(tc, a_items(self), len, arg)) return MP_OBJ_NULL;
  store<usize>(self + 8, len + 1);
  a_set_free(self, a_free(self) - 1);
  return mp_const_none;
}

/** array.extend(iterable) / bytearray.extend(...) (array_extend): buffers are copied raw. */
export function array_extend(self: mp_obj_t, arg: mp_obj_t): mp_obj_t {
  if (!mp_obj_is_type(self, mp_type_bytearray) && !mp_obj_is_type(self, mp_type_array)) {
    return mp_raise_TypeError("argument has wrong type");
  }
  const mark = mp_root_mark();
  mp_root_push(self);
  mp_root_push(arg);
  const bi = mp_root_alloc(MP_BUFINFO_WORDS);
  if (mp_obj_is_str(arg)) {
    mp_root_release(mark);
    return mp_raise_TypeError("can't extend bytearray with str");
  }
  if (!mp_get_buffer(arg, bi, MP_BUFFER_READ)) {
    const ok = array_extend_impl(self, arg, 0, 0);
    mp_root_release(mark);
    return ok ? mp_const_none : MP_OBJ_NULL;
  }
  const sz = a_itemsize(self);
  const len = load<usize>(bi + 4) / sz;
  if (a_free(self) < len) {
    const items = a_grow_items(self, (a_len(self) + len) * sz);
    if (items == 0) {
      mp_root_release(mark);
      return mp_raise_memory_error((a_len(self) + len) * sz);
    }
    store<usize>(self + 12, items);
    a_set_free(self, 0);
    // extending by itself: the source moved with us
    if (self == arg) mp_get_buffer(arg, bi, MP_BUFFER_READ);
  } else {
    a_set_free(self, a_free(self) - len);
  }
  memory.copy(a_items(self) + a_len(self) * sz, load<usize>(bi), len * sz);
  store<usize>(self + 8, a_len(self) + len);
  mp_root_release(mark);
  return mp_const_none;
}

/** The append and extend method objects (shared by bytearray and array). */
export const mp_obj_array_append_obj: usize = memory.data(16, 16);
export const mp_obj_array_extend_obj: usize = memory.data(16, 16);

// ---- subscripts ----

/**
 * subscr slot (array_subscr): a[i] and a[i] = v by item; slices load a copy
 * (a view for memoryview), slice assignment from an array/bytearray/
 * memoryview/bytes of the same item size (a memoryview cannot change
 * length); del a[i] and del a[i:j] for bytearray and array (CPython).
 */
function array_subscr(self: mp_obj_t, index: mp_obj_t, value: mp_obj_t): mp_obj_t {
  const type = load<usize>(self);
  const mv = type == mp_type_memoryview;
  if (value == MP_OBJ_NULL) {
    // delete = assign an empty slice
    if (mv) return MP_OBJ_NOT_SUPPORTED;
    if (mp_obj_is_type(index, mp_type_slice)) return array_slice_store(self, index, MP_OBJ_NULL);
    const i = mp_get_index(type, a_len(self), index, false);
    if (i < 0) return MP_OBJ_NULL;
    const sz = a_itemsize(self);
    const items = a_items(self);
    const len = a_len(self);
    memory.copy(items + <usize>i * sz, items + (<usize>i + 1) * sz, (len - 1 - <usize>i) * sz);
    memory.fill(items + (len - 1) * sz, 0, sz);
    store<usize>(self + 8, len - 1);
    a_set_free(self, a_free(self) + 1);
    return mp_const_none;
  }
  if (mp_obj_is_type(index, mp_type_slice)) {
    if (value != MP_OBJ_SENTINEL) return array_slice_store(self, index, value);
    return array_slice_load(self, index);
  }
  const i = mp_get_index(type, a_len(self), index, false);
  if (i < 0) return MP_OBJ_NULL;
  let idx = <usize>i;
  if (mv) {
    idx += a_free(self);
    if (value != MP_OBJ_SENTINEL && (a_typecode(self) & MP_OBJ_ARRAY_TYPECODE_FLAG_RW) == 0) {
      return MP_OBJ_NOT_SUPPORTED;
    }
  }
  const tc = a_typecode(self) & TYPECODE_MASK;
  if (value == MP_OBJ_SENTINEL) return mp_binary_get_val_array(tc, a_items(self), idx);
  if (!mp_binary_set_val_array(tc, a_items(self), idx, value)) return MP_OBJ_NULL;
  return mp_const_none;
}

function array_slice_load(self: mp_obj_t, index: mp_obj_t): mp_obj_t {
  const mark = mp_root_mark();
  const b = mp_root_alloc(3);
  const k = mp_seq_get_fast_slice_indexes(a_len(self), index, b);
  const start = load<i32>(b);
  const stop = load<i32>(b + 4);
  const step = load<i32>(b + 8);
  mp_root_release(mark);
  if (k < 0) return MP_OBJ_NULL;
  const sz = a_itemsize(self);
  if (is_memoryview(self)) {
    if (k != 1) return mp_raise_NotImplementedError("only slices with step=1 (aka None) are supported");
    if (<u32>start + <u32>a_free(self) > MEMVIEW_OFFSET_MAX) {
      return mp_raise_msg(mp_type_OverflowError, "memoryview offset too large");
    }
    const res = gc_alloc(16, 0);
    if (res == 0) return mp_raise_memory_error(16);
    store<usize>(res, mp_type_memoryview);
    store<u32>(res + 4, load<u32>(self + 4));
    a_set_free(res, a_free(self) + <usize>start);
    store<usize>(res + 8, <usize>(stop - start));
    store<usize>(res + 12, a_items(self));
    return res;
  }
  const tc = a_typecode(self);
  let n: usize;
  if (step > 0) n = stop > start ? <usize>((stop - start + step - 1) / step) : 0;
  else n = start >= stop ? <usize>((start - stop) / -step + 1) : 0;
  const res = array_new(tc, n);
  if (res == MP_OBJ_NULL) return MP_OBJ_NULL;
  if (k == 1) {
    memory.copy(a_items(res), a_items(self) + <usize>start * sz, n * sz);
  } else {
    let j = start;
    for (let i: usize = 0; i < n; i++) {
      memory.copy(a_items(res) + i * sz, a_items(self) + <usize>j * sz, sz);
      j += step;
    }
  }
  return res;
}

/** a[i:j] = value (MP_OBJ_NULL: delete), as array_subscr's slice assignment. */
function array_slice_store(self: mp_obj_t, index: mp_obj_t, value: mp_obj_t): mp_obj_t {
  const mark = mp_root_mark();
  mp_root_push(value);
  const b = mp_root_alloc(3);
  const k = mp_seq_get_fast_slice_indexes(a_len(self), index, b);
  const start = <usize>load<i32>(b);
  const stop = <usize>load<i32>(b + 4);
  if (k < 0) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  if (k != 1) {
    mp_root_release(mark);
    return mp_raise_NotImplementedError("only slices with step=1 (aka None) are supported");
  }
  const item_sz = a_itemsize(self);
  let src_len: usize = 0;
  let src_items: usize = 0;
  let src_offs: usize = 0;
  if (value == MP_OBJ_NULL) {
    // deletion
  } else if (mp_obj_is_obj(value) && mp_type_slot(load<usize>(value), SLOT_subscr) == mp_type_slot(mp_type_array, SLOT_subscr)) {
    // array, bytearray or memoryview
    if (item_sz != a_itemsize(value)) {
      mp_root_release(mark);
      return mp_raise_ValueError("lhs and rhs should be compatible");
    }
    src_len = a_len(value);
    src_items = a_items(value);
    if (is_memoryview(value)) src_offs = a_free(value) * item_sz;
  } else if (mp_obj_is_type(value, mp_type_bytes)) {
    if (item_sz != 1) {
      mp_root_release(mark);
      return mp_raise_ValueError("lhs and rhs should be compatible");
    }
    const bi = mp_root_alloc(MP_BUFINFO_WORDS);
    mp_get_buffer(value, bi, MP_BUFFER_READ);
    src_len = load<usize>(bi + 4);
    src_items = load<usize>(bi);
  } else {
    mp_root_release(mark);
    return mp_raise_NotImplementedError("array/bytes required on right side");
  }
  const len_adj = <isize>src_len - <isize>(stop - start);
  let dest_items = a_items(self);
  const len = a_len(self);
  if (is_memoryview(self)) {
    if ((a_typecode(self) & MP_OBJ_ARRAY_TYPECODE_FLAG_RW) == 0) {
      mp_root_release(mark);
      return MP_OBJ_NOT_SUPPORTED;
    }
    if (len_adj != 0) {
      mp_root_release(mark);
      return mp_raise_ValueError("lhs and rhs should be compatible");
    }
    dest_items += a_free(self) * item_sz;
  }
  // copy the source first when it overlaps the destination (a[1:] = a)
  let src = src_items + src_offs;
  if (src_len != 0 && src_items == a_items(self)) {
    const tmp = gc_alloc(src_len * item_sz, 0);
    if (tmp == 0) {
      mp_root_release(mark);
      return mp_raise_memory_error(src_len * item_sz);
    }
    memory.copy(tmp, src, src_len * item_sz);
    mp_root_push(tmp);
    src = tmp;
  }
  if (len_adj > 0) {
    if (<usize>len_adj > a_free(self)) {
      mp_root_push(self);
      const items = a_grow_items(self, (len + <usize>len_adj) * item_sz);
      if (items == 0) {
        mp_root_release(mark);
        return mp_raise_memory_error((len + <usize>len_adj) * item_sz);
      }
      store<usize>(self + 12, items);
      a_set_free(self, <usize>len_adj);
      dest_items = items;
    }
    // open a gap, then copy
    memory.copy(dest_items + (stop + <usize>len_adj) * item_sz, dest_items + stop * item_sz, (len - stop) * item_sz);
    memory.copy(dest_items + start * item_sz, src, src_len * item_sz);
  } else {
    memory.copy(dest_items + start * item_sz, src, src_len * item_sz);
    if (len_adj < 0) {
      memory.copy(dest_items + (start + src_len) * item_sz, dest_items + stop * item_sz, (len - stop) * item_sz);
      memory.fill(dest_items + (<usize>(<isize>len + len_adj)) * item_sz, 0, <usize>(-len_adj) * item_sz);
    }
  }
  if (!is_memoryview(self)) {
    a_set_free(self, <usize>(<isize>a_free(self) - len_adj));
    store<usize>(self + 8, <usize>(<isize>len + len_adj));
  }
  mp_root_release(mark);
  return mp_const_none;
}

/** buffer slot (array_get_buffer): the items; a read-only memoryview refuses writes. */
export function array_get_buffer(o: mp_obj_t, bufinfo: usize, flags: u32): i32 {
  const tc = a_typecode(o) & TYPECODE_MASK;
  const sz = mp_binary_get_size(64, tc, 0);
  let buf = a_items(o);
  if (is_memoryview(o)) {
    if ((a_typecode(o) & MP_OBJ_ARRAY_TYPECODE_FLAG_RW) == 0 && (flags & MP_BUFFER_WRITE) != 0) return 1;
    buf += a_free(o) * sz;
  }
  store<usize>(bufinfo, buf);
  store<usize>(bufinfo + 4, a_len(o) * sz);
  store<usize>(bufinfo + 8, tc);
  return 0;
}

// ---- iteration ----
//
//   array iterator (4 words): +0 type   +4 array   +8 offset (memoryview)   +12 cur

function array_it_iternext(self: mp_obj_t): mp_obj_t {
  const array = load<usize>(self + 4);
  const cur = load<usize>(self + 12);
  if (cur < a_len(array)) {
    store<usize>(self + 12, cur + 1);
    return mp_binary_get_val_array(a_typecode(array) & TYPECODE_MASK, a_items(array), load<usize>(self + 8) + cur);
  }
  return MP_OBJ_STOP_ITERATION;
}

function array_iterator_new(array: mp_obj_t, iter_buf: usize): mp_obj_t {
  let o = iter_buf;
  if (o == 0) {
    o = gc_alloc(16, 0);
    if (o == 0) return mp_raise_memory_error(16);
  }
  store<usize>(o, mp_type_array_it);
  store<usize>(o + 4, array);
  store<usize>(o + 8, is_memoryview(array) ? a_free(array) : 0);
  store<usize>(o + 12, 0);
  return o;
}

function array_it_getiter(self: mp_obj_t, iter_buf: usize): mp_obj_t {
  return self;
}

/** Set-up of this file's static objects (types, methods); run once by mp_init. */
export function objarray_static_init(): void {
  mp_fun_2_at(mp_obj_array_append_obj, array_append);
  mp_fun_2_at(mp_obj_array_extend_obj, array_extend);

  mp_type_setup(mp_type_array, Q.MP_QSTR_array, MP_TYPE_FLAG_NONE, 0);
  mp_type_set_make_new(mp_type_array, array_make_new);
  mp_type_set_print(mp_type_array, array_print);
  mp_type_set_getiter(mp_type_array, array_iterator_new);
  mp_type_set_unary_op(mp_type_array, array_unary_op);
  mp_type_set_binary_op(mp_type_array, array_binary_op);
  mp_type_set_subscr(mp_type_array, array_subscr);
  mp_type_set_buffer(mp_type_array, array_get_buffer);
  mp_type_set_locals_dict(mp_type_array, mp_obj_array_locals_dict);

  const flags = MP_TYPE_FLAG_EQ_CHECKS_OTHER_TYPE | MP_TYPE_FLAG_SUBSCR_ALLOWS_STACK_SLICE;
  mp_type_setup(mp_type_bytearray, Q.MP_QSTR_bytearray, flags, 0);
  mp_type_set_make_new(mp_type_bytearray, bytearray_make_new);
  mp_type_set_print(mp_type_bytearray, array_print);
  mp_type_set_getiter(mp_type_bytearray, array_iterator_new);
  mp_type_set_unary_op(mp_type_bytearray, array_unary_op);
  mp_type_set_binary_op(mp_type_bytearray, array_binary_op);
  mp_type_set_subscr(mp_type_bytearray, array_subscr);
  mp_type_set_buffer(mp_type_bytearray, array_get_buffer);
  mp_type_set_locals_dict(mp_type_bytearray, mp_obj_bytearray_locals_dict);

  mp_type_setup(mp_type_memoryview, Q.MP_QSTR_memoryview, flags, 0);
  mp_type_set_make_new(mp_type_memoryview, memoryview_make_new);
  mp_type_set_getiter(mp_type_memoryview, array_iterator_new);
  mp_type_set_unary_op(mp_type_memoryview, array_unary_op);
  mp_type_set_binary_op(mp_type_memoryview, array_binary_op);
  mp_type_set_attr(mp_type_memoryview, memoryview_attr);
  mp_type_set_subscr(mp_type_memoryview, array_subscr);
  mp_type_set_buffer(mp_type_memoryview, array_get_buffer);
  mp_type_set_locals_dict(mp_type_memoryview, mp_obj_memoryview_locals_dict);

  mp_type_setup(mp_type_array_it, Q.MP_QSTR_iterator, MP_TYPE_FLAG_ITER_IS_ITERNEXT, 0);
  mp_type_set_iternext(mp_type_array_it, array_it_iternext);
  mp_type_set_getiter(mp_type_array_it, array_it_getiter);
}
