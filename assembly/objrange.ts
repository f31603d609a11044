// range, as MicroPython's objrange.c (with the start/stop/step attributes,
// equality and O(1) `in` for ints, as CPython).
//
//   mp_obj_range_t (16 bytes):     +0 type   +4 start   +8 stop   +12 step   (i32)
//   range iterator (16 bytes):     +0 type   +4 cur     +8 stop   +12 step   (i32)

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_OBJ_SENTINEL,
  MP_OBJ_NOT_SUPPORTED,
  MP_OBJ_STOP_ITERATION,
  MP_TYPE_SIZE,
  MP_TYPE_FLAG_NONE,
  MP_TYPE_FLAG_ITER_IS_ITERNEXT,
  MP_OBJ_NEW_SMALL_INT,
  MP_OBJ_SMALL_INT_VALUE,
  mp_obj_is_small_int,
  mp_obj_is_type,
  mp_const_true,
  mp_const_false,
  mp_obj_new_bool,
  mp_obj_get_type_qstr,
  mp_obj_get_int_maybe_obj,
  mp_type_setup,
  mp_type_set_make_new,
  mp_type_set_print,
  mp_type_set_unary_op,
  mp_type_set_binary_op,
  mp_type_set_subscr,
  mp_type_set_getiter,
  mp_type_set_iternext,
  mp_type_set_attr,
  mp_get_index,
  MP_INT_ERROR,
} from "./obj";

export const mp_type_range: usize = memory.data(<i32>MP_TYPE_SIZE, 16);
const mp_type_range_it: usize = memory.data(<i32>MP_TYPE_SIZE, 16);

import { gc_alloc } from "./gc";
import { qstr } from "./qstr";
import { mp_print_str, mp_print_int } from "./mpprint";
import { mp_raise_memory_error, mp_obj_equal_checked } from "./runtime";
import { mp_raise_ValueError, mp_raise_msg_varg, mp_type_TypeError } from "./objexcept";
import { mp_obj_new_int_from_ll, mp_obj_int_get_checked } from "./objint";
import { mp_type_slice, mp_obj_slice_indices } from "./objslice";
import { mp_obj_iter_alloc } from "./objpolyiter";
import { mp_arg_check_num } from "./argcheck";
import { mp_root_mark, mp_root_alloc, mp_root_release } from "./rootstack";
import * as R from "./runtime0";
import * as Q from "./genhdr";

@inline function r_start(o: mp_obj_t): i64 {
  return <i64>load<i32>(o + 4);
}
@inline function r_stop(o: mp_obj_t): i64 {
  return <i64>load<i32>(o + 8);
}
@inline function r_step(o: mp_obj_t): i64 {
  return <i64>load<i32>(o + 12);
}

/**
 * An int argument of range() as a machine int: small and long ints that fit
 * 32 bits. MP_INT_ERROR with TypeError "can't convert %s to int" or
 * OverflowError pending (as mp_obj_get_int).
 */
export function mp_obj_get_int_i32(o: mp_obj_t): i64 {
  if (mp_obj_is_small_int(o)) return <i64>MP_OBJ_SMALL_INT_VALUE(o);
  const r = mp_obj_get_int_maybe_obj(o);
  if (r == MP_OBJ_NULL) return MP_INT_ERROR;
  if (r == MP_OBJ_NOT_SUPPORTED) {
    mp_raise_msg_varg(mp_type_TypeError, "can't convert %s to int", mp_obj_get_type_qstr(o));
    return MP_INT_ERROR;
  }
  return mp_obj_int_get_checked(r);
}

/** A new range object; MP_OBJ_NULL on MemoryError. */
function range_new(start: i64, stop: i64, step: i64): mp_obj_t {
  const o = gc_alloc(16, 0);
  if (o == 0) return mp_raise_memory_error(16);
  store<usize>(o, mp_type_range);
  store<i32>(o + 4, <i32>start);
  store<i32>(o + 8, <i32>stop);
  store<i32>(o + 12, <i32>step);
  return o;
}

function range_make_new(type: usize, n_args: usize, n_kw: usize, args: usize): mp_obj_t {
  if (!mp_arg_check_num(n_args, n_kw, 1, 3, false)) return MP_OBJ_NULL;
  let start: i64 = 0;
  let stop: i64;
  let step: i64 = 1;
  if (n_args == 1) {
    stop = mp_obj_get_int_i32(load<usize>(args));
    if (stop == MP_INT_ERROR) return MP_OBJ_NULL;
  } else {
    start = mp_obj_get_int_i32(load<usize>(args));
    if (start == MP_INT_ERROR) return MP_OBJ_NULL;
    stop = mp_obj_get_int_i32(load<usize>(args + 4));
    if (stop == MP_INT_ERROR) return MP_OBJ_NULL;
    if (n_args == 3) {
      step = mp_obj_get_int_i32(load<usize>(args + 8));
      if (step == MP_INT_ERROR) return MP_OBJ_NULL;
      if (step == 0) return mp_raise_ValueError("zero step");
    }
  }
  return range_new(start, stop, step);
}

/** Number of values of a range (range_len), computed without overflow. */
function range_len(o: mp_obj_t): i64 {
  const step = r_step(o);
  let len = r_stop(o) - r_start(o) + step;
  if (step > 0) len -= 1;
  else len += 1;
  len = len / step;
  return len < 0 ? 0 : len;
}

function range_print(print: usize, o: mp_obj_t, kind: u32): bool {
  mp_print_str(print, "range(");
  mp_print_int(print, r_start(o));
  mp_print_str(print, ", ");
  mp_print_int(print, r_stop(o));
  if (r_step(o) != 1) {
    mp_print_str(print, ", ");
    mp_print_int(print, r_step(o));
  }
  mp_print_str(print, ")");
  return true;
}

function range_unary_op(op: u32, o: mp_obj_t): mp_obj_t {
  const len = range_len(o);
  if (op == R.MP_UNARY_OP_BOOL) return mp_obj_new_bool(len > 0);
  if (op == R.MP_UNARY_OP_LEN) return mp_obj_new_int_from_ll(len);
  if (op == R.MP_UNARY_OP_HASH) {
    // consistent with equality: only len, start (if len > 0) and step (if len > 1) count
    let h: i32 = <i32>len * 1000003;
    if (len > 0) h ^= <i32>r_start(o) * 69069;
    if (len > 1) h ^= <i32>r_step(o) * 31;
    return MP_OBJ_NEW_SMALL_INT(h);
  }
  return MP_OBJ_NOT_SUPPORTED;
}

/** True if int `v` is one of the values of range `o`. */
function range_has(o: mp_obj_t, v: i64): bool {
  const start = r_start(o);
  const stop = r_stop(o);
  const step = r_step(o);
  if (step > 0) {
    if (v < start || v >= stop) return false;
  } else if (v > start || v <= stop) {
    return false;
  }
  return (v - start) % step == 0;
}

function range_binary_op(op: u32, lhs: mp_obj_t, rhs: mp_obj_t): mp_obj_t {
  if (op == R.MP_BINARY_OP_EQUAL || op == R.MP_BINARY_OP_NOT_EQUAL) {
    let eq = false;
    if (mp_obj_is_type(rhs, mp_type_range)) {
      const l1 = range_len(lhs);
      const l2 = range_len(rhs);
      eq = l1 == l2 && (l1 == 0 || (r_start(lhs) == r_start(rhs) && (l1 == 1 || r_step(lhs) == r_step(rhs))));
    }
    return mp_obj_new_bool(op == R.MP_BINARY_OP_EQUAL ? eq : !eq);
  }
  if (op == R.MP_BINARY_OP_CONTAINS) {
    if (mp_obj_is_small_int(rhs) || rhs == mp_const_true || rhs == mp_const_false) {
      const v = mp_obj_is_small_int(rhs) ? <i64>MP_OBJ_SMALL_INT_VALUE(rhs) : rhs == mp_const_true ? 1 : 0;
      return mp_obj_new_bool(range_has(lhs, v));
    }
    // other objects compare by == with each value, as CPython
    const n = range_len(lhs);
    for (let i: i64 = 0; i < n; i++) {
      const v = mp_obj_new_int_from_ll(r_start(lhs) + i * r_step(lhs));
      if (v == MP_OBJ_NULL) return MP_OBJ_NULL;
      const eq = mp_obj_equal_checked(v, rhs);
      if (eq < 0) return MP_OBJ_NULL;
      if (eq > 0) return mp_const_true;
    }
    return mp_const_false;
  }
  return MP_OBJ_NOT_SUPPORTED;
}

function range_subscr(self: mp_obj_t, index: mp_obj_t, value: mp_obj_t): mp_obj_t {
  if (value != MP_OBJ_SENTINEL) return MP_OBJ_NOT_SUPPORTED;
  const len = range_len(self);
  if (mp_obj_is_type(index, mp_type_slice)) {
    const mark = mp_root_mark();
    const b = mp_root_alloc(3);
    const ok = mp_obj_slice_indices(index, <i32>len, b);
    const start = <i64>load<i32>(b);
    const stop = <i64>load<i32>(b + 4);
    const step = <i64>load<i32>(b + 8);
    mp_root_release(mark);
    if (!ok) return MP_OBJ_NULL;
    const s = r_start(self);
    return range_new(s + start * r_step(self), s + stop * r_step(self), step * r_step(self));
  }
  const i = mp_get_index(mp_type_range, <usize>len, index, false);
  if (i < 0) return MP_OBJ_NULL;
  return mp_obj_new_int_from_ll(r_start(self) + <i64>i * r_step(self));
}

function range_attr(o: mp_obj_t, attr: qstr, dest: usize): bool {
  if (load<usize>(dest) != MP_OBJ_NULL) return true;
  if (attr == Q.MP_QSTR_start) store<usize>(dest, mp_obj_new_int_from_ll(r_start(o)));
  else if (attr == Q.MP_QSTR_stop) store<usize>(dest, mp_obj_new_int_from_ll(r_stop(o)));
  else if (attr == Q.MP_QSTR_step) store<usize>(dest, mp_obj_new_int_from_ll(r_step(o)));
  return true;
}

function range_it_iternext(self: mp_obj_t): mp_obj_t {
  const cur = <i64>load<i32>(self + 4);
  const stop = <i64>load<i32>(self + 8);
  const step = <i64>load<i32>(self + 12);
  if ((step > 0 && cur < stop) || (step < 0 && cur > stop)) {
    const next = cur + step;
    // past the i32 range means past stop too
    store<i32>(self + 4, next > <i64>i32.MAX_VALUE || next < <i64>i32.MIN_VALUE ? <i32>stop : <i32>next);
    return mp_obj_new_int_from_ll(cur);
  }
  return MP_OBJ_STOP_ITERATION;
}

function range_getiter(o: mp_obj_t, iter_buf: usize): mp_obj_t {
  const it = mp_obj_iter_alloc(mp_type_range_it, iter_buf);
  if (it == MP_OBJ_NULL) return MP_OBJ_NULL;
  store<i32>(it + 4, load<i32>(o + 4));
  store<i32>(it + 8, load<i32>(o + 8));
  store<i32>(it + 12, load<i32>(o + 12));
  return it;
}

/** Set-up of this file's static objects (types, methods); run once by mp_init. */
export function objrange_static_init(): void {
  mp_type_setup(mp_type_range, Q.MP_QSTR_range, MP_TYPE_FLAG_NONE, 0);
  mp_type_set_make_new(mp_type_range, range_make_new);
  mp_type_set_print(mp_type_range, range_print);
  mp_type_set_unary_op(mp_type_range, range_unary_op);
  mp_type_set_binary_op(mp_type_range, range_binary_op);
  mp_type_set_subscr(mp_type_range, range_subscr);
  mp_type_set_getiter(mp_type_range, range_getiter);
  mp_type_set_attr(mp_type_range, range_attr);

  mp_type_setup(mp_type_range_it, Q.MP_QSTR_iterator, MP_TYPE_FLAG_ITER_IS_ITERNEXT, 0);
  mp_type_set_iternext(mp_type_range_it, range_it_iternext);
}
