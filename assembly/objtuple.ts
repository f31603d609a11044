// tuple, as MicroPython's objtuple.c (plus extended slicing, as CPython).
//
//   mp_obj_tuple_t:  +0 type   +4 len   +8 items[len]
//
// Subclasses with the tuple layout (namedtuple, user subclasses of tuple)
// keep tuple's getiter slot; mp_obj_is_tuple_compatible recognises them.

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_OBJ_SENTINEL,
  MP_OBJ_NOT_SUPPORTED,
  MP_OBJ_STOP_ITERATION,
  MP_TYPE_SIZE,
  MP_TYPE_FLAG_NONE,
  MP_OBJ_NEW_SMALL_INT,
  MP_OBJ_SMALL_INT_VALUE,
  mp_obj_is_obj,
  mp_obj_is_type,
  mp_const_true,
  mp_const_false,
  mp_obj_new_bool,
  mp_type_setup,
  mp_type_slot,
  SLOT_getiter,
  mp_type_set_make_new,
  mp_type_set_print,
  mp_type_set_unary_op,
  mp_type_set_binary_op,
  mp_type_set_subscr,
  mp_type_set_getiter,
  mp_type_set_locals_dict,
  mp_fun_2, mp_fun_2_at,
  mp_fun_var, mp_fun_var_at,
  mp_obj_print_helper,
  mp_get_index,
  PRINT_REPR,
  PRINT_JSON,
} from "./obj";
import { gc_alloc } from "./gc";
import { MP_QSTR_tuple, MP_QSTR_count, MP_QSTR_index } from "./genhdr";
import { mp_raise_memory_error, mp_obj_hash, mp_obj_equal_checked } from "./runtime";
import { mp_print_str, mp_print_ext_item_sep } from "./mpprint";
import { mp_arg_check_num } from "./argcheck";
import { mp_root_mark, mp_root_push, mp_root_alloc, mp_root_release } from "./rootstack";
import { mp_type_slice } from "./objslice";
import { mp_obj_new_polymorph_iter } from "./objpolyiter";
import { mp_obj_list_from_iter, mp_seq_repeat_count } from "./objlist";
import {
  mp_seq_get_fast_slice_indexes,
  mp_seq_slice_len,
  mp_seq_cmp_objs,
  mp_seq_index_obj,
  mp_seq_count_obj,
  mp_repr_enter,
  mp_repr_leave,
  mp_obj_native_of,
  mp_rec_enter,
  mp_rec_leave,
} from "./sequence";
import { mp_static_dict, mp_static_dict_at, mp_static_dict_add } from "./objdict";
import { mp_raise_msg, mp_type_RuntimeError } from "./objexcept";
import * as R from "./runtime0";

/** Largest tuple we try to allocate (keeps byte sizes inside 32 bits). */
@inline const TUPLE_MAX_ITEMS: u64 = 0x0fffffff;

export const mp_type_tuple: usize = memory.data(<i32>MP_TYPE_SIZE, 16);

/** The empty tuple (a static object, as mp_const_empty_tuple). */
export const mp_const_empty_tuple: usize = memory.data(8, 16);

/**
 * A new tuple of `n` items copied from `items` (or left NULL when `items` is 0,
 * for the caller to fill). Returns MP_OBJ_NULL on MemoryError. `items` must be
 * rooted (e.g. on the pystack or root stack).
 */
export function mp_obj_new_tuple(n: usize, items: usize): mp_obj_t {
  if (n == 0) return mp_const_empty_tuple;
  if (<u64>n > TUPLE_MAX_ITEMS) return mp_raise_memory_error(0);
  const o = gc_alloc(8 + n * 4, 0);
  if (o == 0) return mp_raise_memory_error(8 + n * 4);
  store<usize>(o, mp_type_tuple);
  store<usize>(o + 4, n);
  if (items != 0) memory.copy(o + 8, items, n * 4);
  return o;
}

@inline export function mp_obj_tuple_len(o: mp_obj_t): usize {
  return load<usize>(o + 4);
}
@inline export function mp_obj_tuple_items(o: mp_obj_t): usize {
  return o + 8;
}
@inline export function mp_obj_tuple_get(o: mp_obj_t, i: usize): mp_obj_t {
  return load<usize>(o + 8 + (i << 2));
}

/** True for tuples and objects of tuple-derived types with the tuple layout (mp_obj_is_tuple_compatible). */
export function mp_obj_is_tuple_compatible(o: mp_obj_t): bool {
  if (!mp_obj_is_obj(o)) return false;
  const t = load<usize>(o);
  return t == mp_type_tuple || mp_type_slot(t, SLOT_getiter) == tuple_getiter.index;
}

/** A new tuple of the items of any iterable (tuple(iterable)); `iterable` must be rooted. */
export function mp_obj_tuple_from_iter(iterable: mp_obj_t): mp_obj_t {
  if (mp_obj_is_type(iterable, mp_type_tuple)) return iterable;
  const list = mp_obj_list_from_iter(iterable);
  if (list == MP_OBJ_NULL) return MP_OBJ_NULL;
  const mark = mp_root_mark();
  mp_root_push(list);
  const t = mp_obj_new_tuple(load<usize>(list + 8), load<usize>(list + 12));
  mp_root_release(mark);
  return t;
}

function tuple_make_new(type: usize, n_args: usize, n_kw: usize, args: usize): mp_obj_t {
  if (!mp_arg_check_num(n_args, n_kw, 0, 1, false)) return MP_OBJ_NULL;
  if (n_args == 0) return mp_const_empty_tuple;
  return mp_obj_tuple_from_iter(load<usize>(args));
}

/** print slot of tuples: "(a, b)", "(a,)", "()" (mp_obj_tuple_print). */
export function mp_obj_tuple_print(print: usize, o: mp_obj_t, kind: u32): bool {
  const json = kind == PRINT_JSON;
  if (!json) kind = PRINT_REPR;
  const e = mp_repr_enter(o);
  if (e < 0) return false;
  if (e == 0) {
    // json: MicroPython recurses until its stack check fails
    if (json) {
      mp_raise_msg(mp_type_RuntimeError, "maximum recursion depth exceeded");
      return false;
    }
    mp_print_str(print, "(...)");
    return true;
  }
  mp_print_str(print, json ? "[" : "(");
  const n = load<usize>(o + 4);
  for (let i: usize = 0; i < n; i++) {
    if (i > 0) {
      if (json) mp_print_ext_item_sep(print);
      else mp_print_str(print, ", ");
    }
    if (!mp_obj_print_helper(print, mp_obj_tuple_get(o, i), kind)) {
      mp_repr_leave();
      return false;
    }
  }
  if (json) {
    mp_print_str(print, "]");
  } else {
    if (n == 1) mp_print_str(print, ",");
    mp_print_str(print, ")");
  }
  mp_repr_leave();
  return true;
}

/** unary_op slot of tuples: bool, len, hash (hash of the items, as MicroPython). */
export function mp_obj_tuple_unary_op(op: u32, o: mp_obj_t): mp_obj_t {
  const n = load<usize>(o + 4);
  if (op == R.MP_UNARY_OP_BOOL) return mp_obj_new_bool(n != 0);
  if (op == R.MP_UNARY_OP_LEN) return MP_OBJ_NEW_SMALL_INT(<i32>n);
  if (op == R.MP_UNARY_OP_HASH) {
    // start from the empty tuple's address, as MicroPython, then mix each item
    if (!mp_rec_enter()) return MP_OBJ_NULL;
    let hash: i32 = <i32>mp_const_empty_tuple;
    for (let i: usize = 0; i < n; i++) {
      const h = mp_obj_hash(mp_obj_tuple_get(o, i));
      if (h == MP_OBJ_NULL) {
        mp_rec_leave();
        return MP_OBJ_NULL;
      }
      hash = hash * 1000003 + MP_OBJ_SMALL_INT_VALUE(h);
    }
    mp_rec_leave();
    return MP_OBJ_NEW_SMALL_INT(hash);
  }
  return MP_OBJ_NOT_SUPPORTED;
}

/** binary_op slot of tuples: + * comparisons and `in` (mp_obj_tuple_binary_op). */
export function mp_obj_tuple_binary_op(op: u32, lhs: mp_obj_t, rhs: mp_obj_t): mp_obj_t {
  if (op != R.MP_BINARY_OP_CONTAINS && !mp_obj_is_tuple_compatible(rhs)) {
    // an instance of a user subclass of tuple acts as its tuple
    const sub = mp_obj_native_of(rhs, mp_type_tuple);
    if (sub != 0) rhs = sub;
  }
  switch (op) {
    case R.MP_BINARY_OP_ADD:
    case R.MP_BINARY_OP_INPLACE_ADD: {
      if (!mp_obj_is_tuple_compatible(rhs)) return MP_OBJ_NOT_SUPPORTED;
      const n1 = load<usize>(lhs + 4);
      const n2 = load<usize>(rhs + 4);
      const s = mp_obj_new_tuple(n1 + n2, 0);
      if (s == MP_OBJ_NULL) return MP_OBJ_NULL;
      memory.copy(s + 8, lhs + 8, n1 << 2);
      memory.copy(s + 8 + (n1 << 2), rhs + 8, n2 << 2);
      return s;
    }
    case R.MP_BINARY_OP_MULTIPLY:
    case R.MP_BINARY_OP_INPLACE_MULTIPLY: {
      const n = mp_seq_repeat_count(rhs);
      if (n == -1) return MP_OBJ_NOT_SUPPORTED;
      if (n == -2) return MP_OBJ_NULL;
      const len = <u64>load<usize>(lhs + 4);
      if (n == 0 || len == 0) return mp_const_empty_tuple;
      if (n == 1 && mp_obj_is_type(lhs, mp_type_tuple)) return lhs;
      if (len * <u64>n > TUPLE_MAX_ITEMS) return mp_raise_memory_error(0);
      const s = mp_obj_new_tuple(<usize>(len * <u64>n), 0);
      if (s == MP_OBJ_NULL) return MP_OBJ_NULL;
      const sz = <usize>len << 2;
      for (let i: usize = 0; i < <usize>n; i++) memory.copy(s + 8 + i * sz, lhs + 8, sz);
      return s;
    }
    case R.MP_BINARY_OP_EQUAL:
    case R.MP_BINARY_OP_NOT_EQUAL:
    case R.MP_BINARY_OP_LESS:
    case R.MP_BINARY_OP_LESS_EQUAL:
    case R.MP_BINARY_OP_MORE:
    case R.MP_BINARY_OP_MORE_EQUAL: {
      if (!mp_obj_is_tuple_compatible(rhs)) {
        if (op == R.MP_BINARY_OP_EQUAL) return mp_const_false;
        if (op == R.MP_BINARY_OP_NOT_EQUAL) return mp_const_true;
        return MP_OBJ_NOT_SUPPORTED;
      }
      const r = mp_seq_cmp_objs(op == R.MP_BINARY_OP_NOT_EQUAL ? R.MP_BINARY_OP_EQUAL : op, lhs, rhs);
      if (r < 0) return MP_OBJ_NULL;
      return mp_obj_new_bool(op == R.MP_BINARY_OP_NOT_EQUAL ? r == 0 : r != 0);
    }
    case R.MP_BINARY_OP_CONTAINS: {
      const n = load<usize>(lhs + 4);
      for (let i: usize = 0; i < n; i++) {
        const eq = mp_obj_equal_checked(mp_obj_tuple_get(lhs, i), rhs);
        if (eq < 0) return MP_OBJ_NULL;
        if (eq > 0) return mp_const_true;
      }
      return mp_const_false;
    }
  }
  return MP_OBJ_NOT_SUPPORTED;
}

/** subscr slot of tuples: index and slice loads only (mp_obj_tuple_subscr). */
export function mp_obj_tuple_subscr(self: mp_obj_t, index: mp_obj_t, value: mp_obj_t): mp_obj_t {
  if (value != MP_OBJ_SENTINEL) return MP_OBJ_NOT_SUPPORTED;
  const len = load<usize>(self + 4);
  if (mp_obj_is_type(index, mp_type_slice)) {
    const mark = mp_root_mark();
    const b = mp_root_alloc(3);
    const fast = mp_seq_get_fast_slice_indexes(len, index, b);
    if (fast < 0) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    const n = mp_seq_slice_len(b);
    const start = load<i32>(b);
    const step = load<i32>(b + 8);
    mp_root_release(mark);
    if (n == len && step == 1 && mp_obj_is_type(self, mp_type_tuple)) return self;
    const res = mp_obj_new_tuple(n, 0);
    if (res == MP_OBJ_NULL) return MP_OBJ_NULL;
    let j = start;
    for (let i: usize = 0; i < n; i++) {
      store<usize>(res + 8 + (i << 2), mp_obj_tuple_get(self, <usize>j));
      j += step;
    }
    return res;
  }
  const i = mp_get_index(mp_type_tuple, len, index, false);
  if (i < 0) return MP_OBJ_NULL;
  return mp_obj_tuple_get(self, <usize>i);
}

function tuple_it_iternext(self: mp_obj_t): mp_obj_t {
  const t = load<usize>(self + 8);
  const cur = load<usize>(self + 12);
  if (cur < load<usize>(t + 4)) {
    store<usize>(self + 12, cur + 1);
    return mp_obj_tuple_get(t, cur);
  }
  return MP_OBJ_STOP_ITERATION;
}

/** getiter slot of tuples (mp_obj_tuple_getiter). */
export function tuple_getiter(o: mp_obj_t, iter_buf: usize): mp_obj_t {
  const mark = mp_root_mark();
  mp_root_push(o);
  const it = mp_obj_new_polymorph_iter(tuple_it_iternext, o, 0, iter_buf);
  mp_root_release(mark);
  return it;
}

function tuple_count(self: mp_obj_t, value: mp_obj_t): mp_obj_t {
  return mp_seq_count_obj(self, value);
}

function tuple_index(n_args: usize, args: usize): mp_obj_t {
  return mp_seq_index_obj(n_args, args);
}

const tuple_count_obj: usize = memory.data(16, 16);
const tuple_index_obj: usize = memory.data(16, 16);
const tuple_locals_dict: usize = memory.data(16, 16);

/** Set-up of this file's static objects (types, methods); run once by mp_init. */
export function objtuple_static_init(): void {
  store<usize>(mp_const_empty_tuple, mp_type_tuple);
  mp_fun_2_at(tuple_count_obj, tuple_count);
  mp_fun_var_at(tuple_index_obj, 2, 4, tuple_index);
  mp_static_dict_at(tuple_locals_dict, 2);
  mp_static_dict_add(tuple_locals_dict, MP_QSTR_count, tuple_count_obj);
  mp_static_dict_add(tuple_locals_dict, MP_QSTR_index, tuple_index_obj);
  mp_type_setup(mp_type_tuple, MP_QSTR_tuple, MP_TYPE_FLAG_NONE, 0);
  mp_type_set_make_new(mp_type_tuple, tuple_make_new);
  mp_type_set_print(mp_type_tuple, mp_obj_tuple_print);
  mp_type_set_unary_op(mp_type_tuple, mp_obj_tuple_unary_op);
  mp_type_set_binary_op(mp_type_tuple, mp_obj_tuple_binary_op);
  mp_type_set_subscr(mp_type_tuple, mp_obj_tuple_subscr);
  mp_type_set_getiter(mp_type_tuple, tuple_getiter);
  mp_type_set_locals_dict(mp_type_tuple, tuple_locals_dict);
}
