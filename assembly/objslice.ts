// slice objects, as MicroPython's objslice.c (with the start/stop/step
// attributes and indices()).
//
//   mp_obj_slice_t (16 bytes):  +0 type   +4 start   +8 stop   +12 step
//
// A bound slice (mp_bound_slice_t, 3 words filled by mp_obj_slice_indices):
//   +0 start   +4 stop   +8 step   (i32 each)

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_OBJ_NOT_SUPPORTED,
  MP_TYPE_SIZE,
  MP_TYPE_FLAG_NONE,
  MP_OBJ_NEW_SMALL_INT,
  MP_OBJ_SMALL_INT_VALUE,
  mp_obj_is_small_int,
  mp_const_none,
  mp_const_true,
  mp_type_setup,
  mp_type_set_print,
  mp_type_set_unary_op,
  mp_type_set_attr,
  mp_type_set_make_new,
  mp_fun_2, mp_fun_2_at,
  mp_obj_print_helper,
  mp_obj_get_int,
  mp_obj_get_int_maybe_obj,
  mp_obj_get_type_qstr,
  MP_INT_ERROR,
  PRINT_REPR,
} from "./obj";
import { gc_alloc } from "./gc";
import { mp_print_str } from "./mpprint";
import { mp_raise_memory_error, mp_binary_op } from "./runtime";
import { mp_raise_ValueError, mp_raise_msg_varg, mp_type_TypeError } from "./objexcept";
import { mp_obj_new_tuple } from "./objtuple";
import { mp_root_mark, mp_root_alloc, mp_root_release, mp_root_push } from "./rootstack";
import { MP_BINARY_OP_LESS } from "./runtime0";
import { MP_QSTR_slice, MP_QSTR_start, MP_QSTR_stop, MP_QSTR_step, MP_QSTR_indices } from "./genhdr";
import { qstr } from "./qstr";
import { mp_arg_check_num } from "./argcheck";

// Bound for slice values: any index beyond it is past every sequence end.
@inline const SLICE_CLAMP: i64 = 0x3fffffff;

const slice_indices_obj: usize = memory.data(16, 16);

export const mp_type_slice: usize = memory.data(<i32>MP_TYPE_SIZE, 16);


/** A new slice object; the arguments must be rooted. MP_OBJ_NULL on MemoryError (mp_obj_new_slice). */
export function mp_obj_new_slice(start: mp_obj_t, stop: mp_obj_t, step: mp_obj_t): mp_obj_t {
  const o = gc_alloc(16, 0);
  if (o == 0) return mp_raise_memory_error(16);
  store<usize>(o, mp_type_slice);
  store<usize>(o + 4, start);
  store<usize>(o + 8, stop);
  store<usize>(o + 12, step);
  return o;
}

@inline export function mp_obj_slice_start(o: mp_obj_t): mp_obj_t {
  return load<usize>(o + 4);
}
@inline export function mp_obj_slice_stop(o: mp_obj_t): mp_obj_t {
  return load<usize>(o + 8);
}
@inline export function mp_obj_slice_step(o: mp_obj_t): mp_obj_t {
  return load<usize>(o + 12);
}

function slice_make_new(type: usize, n_args: usize, n_kw: usize, args: usize): mp_obj_t {
  if (!mp_arg_check_num(n_args, n_kw, 1, 3, false)) return MP_OBJ_NULL;
  if (n_args == 1) return mp_obj_new_slice(mp_const_none, load<usize>(args), mp_const_none);
  return mp_obj_new_slice(load<usize>(args), load<usize>(args + 4), n_args == 3 ? load<usize>(args + 8) : mp_const_none);
}

function slice_print(print: usize, o: mp_obj_t, kind: u32): bool {
  mp_print_str(print, "slice(");
  if (!mp_obj_print_helper(print, load<usize>(o + 4), PRINT_REPR)) return false;
  mp_print_str(print, ", ");
  if (!mp_obj_print_helper(print, load<usize>(o + 8), PRINT_REPR)) return false;
  mp_print_str(print, ", ");
  if (!mp_obj_print_helper(print, load<usize>(o + 12), PRINT_REPR)) return false;
  mp_print_str(print, ")");
  return true;
}

function slice_unary_op(op: u32, o: mp_obj_t): mp_obj_t {
  // present so that slices are unhashable (no default hash), as MicroPython
  return MP_OBJ_NOT_SUPPORTED;
}

function slice_attr(o: mp_obj_t, attr: qstr, dest: usize): bool {
  if (load<usize>(dest) != MP_OBJ_NULL) return true; // store/delete: not supported
  if (attr == MP_QSTR_start) store<usize>(dest, load<usize>(o + 4));
  else if (attr == MP_QSTR_stop) store<usize>(dest, load<usize>(o + 8));
  else if (attr == MP_QSTR_step) store<usize>(dest, load<usize>(o + 12));
  else if (attr == MP_QSTR_indices) {
    store<usize>(dest, slice_indices_obj);
    store<usize>(dest + 4, o);
  }
  return true;
}

function slice_indices(self: mp_obj_t, length_in: mp_obj_t): mp_obj_t {
  const length = mp_obj_get_int(length_in);
  if (length == MP_INT_ERROR) return MP_OBJ_NULL;
  if (length < 0) return mp_raise_ValueError("length should not be negative");
  const mark = mp_root_mark();
  const b = mp_root_alloc(3);
  let r: mp_obj_t = MP_OBJ_NULL;
  if (mp_obj_slice_indices(self, <i32>length, b)) {
    store<usize>(b, MP_OBJ_NEW_SMALL_INT(load<i32>(b)));
    store<usize>(b + 4, MP_OBJ_NEW_SMALL_INT(load<i32>(b + 4)));
    store<usize>(b + 8, MP_OBJ_NEW_SMALL_INT(load<i32>(b + 8)));
    r = mp_obj_new_tuple(3, b);
  }
  mp_root_release(mark);
  return r;
}

/**
 * A slice component as a machine int. Long ints clamp to +-SLICE_CLAMP (as
 * CPython clamps to the sequence). Returns MP_INT_ERROR with the exception
 * pending for non-int values ("can't convert %s to int", as MicroPython).
 */
function slice_get_int(o: mp_obj_t): i64 {
  if (mp_obj_is_small_int(o)) return <i64>MP_OBJ_SMALL_INT_VALUE(o);
  const r = mp_obj_get_int_maybe_obj(o);
  if (r == MP_OBJ_NULL) return MP_INT_ERROR;
  if (r == MP_OBJ_NOT_SUPPORTED) {
    mp_raise_msg_varg(mp_type_TypeError, "can't convert %s to int", mp_obj_get_type_qstr(o));
    return MP_INT_ERROR;
  }
  if (mp_obj_is_small_int(r)) return <i64>MP_OBJ_SMALL_INT_VALUE(r);
  const mark = mp_root_mark();
  mp_root_push(r);
  const neg = mp_binary_op(MP_BINARY_OP_LESS, r, MP_OBJ_NEW_SMALL_INT(0));
  mp_root_release(mark);
  if (neg == MP_OBJ_NULL) return MP_INT_ERROR;
  return neg == mp_const_true ? -SLICE_CLAMP : SLICE_CLAMP;
}

@inline function clamp(v: i64, lo: i64, hi: i64): i64 {
  return v < lo ? lo : v > hi ? hi : v;
}

/**
 * Resolves slice `self` against a sequence of `length` items into the bound
 * slice at `out` (3 i32 words: start, stop, step): missing parts filled in,
 * negative values counted from the end, then clamped to the sequence, as
 * MicroPython's mp_obj_slice_indices (= CPython's slice.indices). Returns
 * false with ValueError "slice step can't be zero" or a TypeError pending.
 */
export function mp_obj_slice_indices(self: mp_obj_t, length: i32, out: usize): bool {
  const len = <i64>length;
  let start: i64, stop: i64, step: i64;
  const o_start = load<usize>(self + 4);
  const o_stop = load<usize>(self + 8);
  const o_step = load<usize>(self + 12);
  if (o_step == mp_const_none) {
    step = 1;
  } else {
    step = slice_get_int(o_step);
    if (step == MP_INT_ERROR) return false;
    if (step == 0) {
      mp_raise_ValueError("slice step can't be zero");
      return false;
    }
  }
  if (step > 0) {
    if (o_start == mp_const_none) {
      start = 0;
    } else {
      start = slice_get_int(o_start);
      if (start == MP_INT_ERROR) return false;
      if (start < 0) start += len;
      start = clamp(start, 0, len);
    }
    if (o_stop == mp_const_none) {
      stop = len;
    } else {
      stop = slice_get_int(o_stop);
      if (stop == MP_INT_ERROR) return false;
      if (stop < 0) stop += len;
      stop = clamp(stop, 0, len);
    }
  } else {
    if (o_start == mp_const_none) {
      start = len - 1;
    } else {
      start = slice_get_int(o_start);
      if (start == MP_INT_ERROR) return false;
      if (start < 0) start += len;
      start = clamp(start, -1, len - 1);
    }
    if (o_stop == mp_const_none) {
      stop = -1;
    } else {
      stop = slice_get_int(o_stop);
      if (stop == MP_INT_ERROR) return false;
      if (stop < 0) stop += len;
      stop = clamp(stop, -1, len - 1);
    }
  }
  store<i32>(out, <i32>start);
  store<i32>(out + 4, <i32>stop);
  store<i32>(out + 8, <i32>step);
  return true;
}

/** Set-up of this file's static objects (types, methods); run once by mp_init. */
export function objslice_static_init(): void {
  mp_fun_2_at(slice_indices_obj, slice_indices);
  mp_type_setup(mp_type_slice, MP_QSTR_slice, MP_TYPE_FLAG_NONE, 0);
  mp_type_set_print(mp_type_slice, slice_print);
  mp_type_set_unary_op(mp_type_slice, slice_unary_op);
  mp_type_set_attr(mp_type_slice, slice_attr);
  mp_type_set_make_new(mp_type_slice, slice_make_new);
}
