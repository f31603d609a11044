// list, as MicroPython's objlist.c, with CPython's semantics where
// MicroPython simplifies: a stable sort, extended-slice assignment and
// deletion, in-place `*=`.
//
//   mp_obj_list_t (16 bytes):
//     +0 type (mp_type_list)   +4 alloc (item slots)   +8 len   +12 items
//   items: a GC block of `alloc` words; slots past len are NULL. While a
//   sort runs the list is detached (items 0, alloc 0, len 0).

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
  mp_obj_is_small_int,
  mp_obj_is_type,
  mp_const_none,
  mp_const_true,
  mp_const_false,
  mp_obj_new_bool,
  mp_type_setup,
  mp_type_set_make_new,
  mp_type_set_print,
  mp_type_set_unary_op,
  mp_type_set_binary_op,
  mp_type_set_subscr,
  mp_type_set_getiter,
  mp_type_set_locals_dict,
  mp_fun_1, mp_fun_1_at,
  mp_fun_2, mp_fun_2_at,
  mp_fun_3, mp_fun_3_at,
  mp_fun_var, mp_fun_var_at,
  mp_fun_kw, mp_fun_kw_at,
  mp_obj_print_helper,
  mp_obj_get_int,
  mp_obj_get_int_maybe_obj,
  mp_obj_is_true,
  mp_get_index,
  MP_INT_ERROR,
  PRINT_REPR,
  PRINT_JSON,
} from "./obj";
import { gc_alloc, gc_free, gc_realloc } from "./gc";
import { mp_print_str, mp_print_ext_item_sep } from "./mpprint";
import { mp_raise_memory_error, mp_binary_op, mp_getiter, mp_iternext, mp_call_function_1 } from "./runtime";
import {
  mp_raise_msg,
  mp_raise_msg_varg,
  mp_raise_TypeError,
  mp_raise_ValueError,
  mp_type_IndexError,
  mp_type_ValueError,
  mp_type_RuntimeError,
} from "./objexcept";
import { mp_type_tuple, mp_const_empty_tuple } from "./objtuple";
import { mp_type_slice } from "./objslice";
import { mp_obj_new_polymorph_iter } from "./objpolyiter";
import {
  mp_seq_get_fast_slice_indexes,
  mp_seq_slice_len,
  mp_seq_extract_slice,
  mp_seq_cmp_objs,
  mp_seq_index_obj,
  mp_seq_count_obj,
  mp_repr_enter,
  mp_repr_leave,
  mp_obj_native_of,
} from "./sequence";
import { mp_arg_check_num } from "./argcheck";
import { mp_map_lookup, mp_map_used, MP_MAP_LOOKUP, MP_MAP_ERROR } from "./map";
import { mp_static_dict, mp_static_dict_at, mp_static_dict_add } from "./objdict";
import { mp_root_mark, mp_root_push, mp_root_alloc, mp_root_release } from "./rootstack";
import { MP_OBJ_NEW_QSTR } from "./obj";
import * as R from "./runtime0";
import * as Q from "./genhdr";

@inline const LIST_MIN_ALLOC: usize = 4;
/** Largest item count we try to allocate (keeps byte sizes inside 32 bits). */
@inline const LIST_MAX_ITEMS: u64 = 0x0fffffff;

export const mp_type_list: usize = memory.data(<i32>MP_TYPE_SIZE, 16);

// ---- layout accessors ----

@inline export function mp_obj_list_len(o: mp_obj_t): usize {
  return load<usize>(o + 8);
}
/** Items address (valid until the list next grows or shrinks). */
@inline export function mp_obj_list_items(o: mp_obj_t): usize {
  return load<usize>(o + 12);
}
@inline export function mp_obj_list_get(o: mp_obj_t, i: usize): mp_obj_t {
  return load<usize>(load<usize>(o + 12) + (i << 2));
}
@inline function list_alloc(o: mp_obj_t): usize {
  return load<usize>(o + 4);
}
@inline function set_len(o: mp_obj_t, n: usize): void {
  store<usize>(o + 8, n);
}

// ---- construction ----

/** A new list of `n` NULL items (the caller fills them); MP_OBJ_NULL on MemoryError. */
function list_new(n: usize): mp_obj_t {
  if (<u64>n > LIST_MAX_ITEMS) return mp_raise_memory_error(0);
  const o = gc_alloc(16, 0);
  if (o == 0) return mp_raise_memory_error(16);
  store<usize>(o, mp_type_list);
  const alloc = n < LIST_MIN_ALLOC ? LIST_MIN_ALLOC : n;
  const mark = mp_root_mark();
  mp_root_push(o);
  const items = gc_alloc(alloc << 2, 0);
  mp_root_release(mark);
  if (items == 0) return mp_raise_memory_error(alloc << 2);
  store<usize>(o + 4, alloc);
  store<usize>(o + 8, n);
  store<usize>(o + 12, items);
  return o;
}

/**
 * A new list of `n` items copied from `items` (a rooted array of words), or
 * of `n` NULLs for the caller to fill when `items` is 0 (mp_obj_new_list).
 * MP_OBJ_NULL on MemoryError.
 */
export function mp_obj_new_list(n: usize, items: usize): mp_obj_t {
  const o = list_new(n);
  if (o == MP_OBJ_NULL) return MP_OBJ_NULL;
  if (items != 0 && n != 0) memory.copy(load<usize>(o + 12), items, n << 2);
  return o;
}

/**
 * Makes room for `extra` more items (alloc >= len + extra), growing to at
 * least `want` slots. Returns false on MemoryError. Objects the caller holds
 * must be rooted (the heap may be collected).
 */
function list_reserve(self: mp_obj_t, extra: usize, want: usize): bool {
  const len = load<usize>(self + 8);
  const alloc = load<usize>(self + 4);
  if (<u64>len + <u64>extra > LIST_MAX_ITEMS) {
    mp_raise_memory_error(0);
    return false;
  }
  if (len + extra <= alloc) return true;
  if (want < len + extra) want = len + extra;
  if (want < LIST_MIN_ALLOC) want = LIST_MIN_ALLOC;
  const old = load<usize>(self + 12);
  const mark = mp_root_mark();
  mp_root_push(self);
  const items = gc_realloc(old, want << 2, true);
  mp_root_release(mark);
  if (items == 0) {
    mp_raise_memory_error(want << 2);
    return false;
  }
  // slots past len must be NULL (gc_realloc may leave old words in place)
  memory.fill(items + (len << 2), 0, (want - len) << 2);
  store<usize>(self + 4, want);
  store<usize>(self + 12, items);
  return true;
}

/**
 * Appends `arg` to list `self` (mp_obj_list_append). Returns None, or
 * MP_OBJ_NULL on MemoryError. `self` must be rooted; `arg` is rooted here.
 */
export function mp_obj_list_append(self: mp_obj_t, arg: mp_obj_t): mp_obj_t {
  const len = load<usize>(self + 8);
  if (len >= load<usize>(self + 4)) {
    const mark = mp_root_mark();
    mp_root_push(arg);
    const ok = list_reserve(self, 1, load<usize>(self + 4) * 2);
    mp_root_release(mark);
    if (!ok) return MP_OBJ_NULL;
  }
  store<usize>(load<usize>(self + 12) + (len << 2), arg);
  store<usize>(self + 8, len + 1);
  return mp_const_none;
}

/** Appends every item of `iterable` to `list`; returns the list or MP_OBJ_NULL. Both rooted. */
function list_extend_from_iter(list: mp_obj_t, iterable: mp_obj_t): mp_obj_t {
  const mark = mp_root_mark();
  const buf = mp_root_alloc(4);
  const iter = mp_getiter(iterable, buf);
  if (iter == MP_OBJ_NULL) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  mp_root_push(iter);
  while (true) {
    const item = mp_iternext(iter);
    if (item == MP_OBJ_STOP_ITERATION) break;
    if (item == MP_OBJ_NULL || mp_obj_list_append(list, item) == MP_OBJ_NULL) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
  }
  mp_root_release(mark);
  return list;
}

/**
 * A new list of the items of any iterable (list(iterable)); MP_OBJ_NULL
 * with the exception pending. `iterable` must be rooted.
 */
export function mp_obj_list_from_iter(iterable: mp_obj_t): mp_obj_t {
  const list = mp_obj_new_list(0, 0);
  if (list == MP_OBJ_NULL) return MP_OBJ_NULL;
  const mark = mp_root_mark();
  mp_root_push(list);
  const r = list_extend_from_iter(list, iterable);
  mp_root_release(mark);
  return r;
}

function list_make_new(type: usize, n_args: usize, n_kw: usize, args: usize): mp_obj_t {
  if (!mp_arg_check_num(n_args, n_kw, 0, 1, false)) return MP_OBJ_NULL;
  if (n_args == 0) return mp_obj_new_list(0, 0);
  return mp_obj_list_from_iter(load<usize>(args));
}

// ---- print, unary and binary operators ----

function list_print(print: usize, o: mp_obj_t, kind: u32): bool {
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
    mp_print_str(print, "[...]");
    return true;
  }
  mp_print_str(print, "[");
  for (let i: usize = 0; i < load<usize>(o + 8); i++) {
    if (i > 0) {
      if (json) mp_print_ext_item_sep(print);
      else mp_print_str(print, ", ");
    }
    if (!mp_obj_print_helper(print, mp_obj_list_get(o, i), kind)) {
      mp_repr_leave();
      return false;
    }
  }
  mp_print_str(print, "]");
  mp_repr_leave();
  return true;
}

function list_unary_op(op: u32, o: mp_obj_t): mp_obj_t {
  const len = load<usize>(o + 8);
  if (op == R.MP_UNARY_OP_BOOL) return mp_obj_new_bool(len != 0);
  if (op == R.MP_UNARY_OP_LEN) return MP_OBJ_NEW_SMALL_INT(<i32>len);
  if (op == R.MP_UNARY_OP_SIZEOF) return MP_OBJ_NEW_SMALL_INT(<i32>(<usize>16 + (list_alloc(o) << 2)));
  return MP_OBJ_NOT_SUPPORTED;
}

/**
 * The repeat count of `seq * n`: the int value clamped at 0, -1 if `n` is
 * not an int (operator not supported), -2 with an exception pending
 * (a long int too big to repeat by gives MemoryError).
 */
export function mp_seq_repeat_count(n: mp_obj_t): i64 {
  const r = mp_obj_get_int_maybe_obj(n);
  if (r == MP_OBJ_NOT_SUPPORTED) return -1;
  if (r == MP_OBJ_NULL) return -2;
  if (!mp_obj_is_small_int(r)) {
    const neg = mp_binary_op(R.MP_BINARY_OP_LESS, r, MP_OBJ_NEW_SMALL_INT(0));
    if (neg == MP_OBJ_NULL) return -2;
    if (neg == mp_const_true) return 0;
    mp_raise_memory_error(0);
    return -2;
  }
  const v = MP_OBJ_SMALL_INT_VALUE(r);
  return v < 0 ? 0 : <i64>v;
}

function list_binary_op(op: u32, lhs: mp_obj_t, rhs: mp_obj_t): mp_obj_t {
  if (op != R.MP_BINARY_OP_CONTAINS && op != R.MP_BINARY_OP_INPLACE_ADD && !mp_obj_is_type(rhs, mp_type_list)) {
    // an instance of a user subclass of list acts as its list
    const sub = mp_obj_native_of(rhs, mp_type_list);
    if (sub != 0) rhs = sub;
  }
  switch (op) {
    case R.MP_BINARY_OP_ADD: {
      if (!mp_obj_is_type(rhs, mp_type_list)) return MP_OBJ_NOT_SUPPORTED;
      const n1 = load<usize>(lhs + 8);
      const n2 = load<usize>(rhs + 8);
      const s = list_new(n1 + n2);
      if (s == MP_OBJ_NULL) return MP_OBJ_NULL;
      const d = load<usize>(s + 12);
      memory.copy(d, load<usize>(lhs + 12), n1 << 2);
      memory.copy(d + (n1 << 2), load<usize>(rhs + 12), n2 << 2);
      return s;
    }
    case R.MP_BINARY_OP_INPLACE_ADD: {
      if (list_extend(lhs, rhs) == MP_OBJ_NULL) return MP_OBJ_NULL;
      return lhs;
    }
    case R.MP_BINARY_OP_MULTIPLY:
    case R.MP_BINARY_OP_INPLACE_MULTIPLY: {
      const n = mp_seq_repeat_count(rhs);
      if (n == -1) return MP_OBJ_NOT_SUPPORTED;
      if (n == -2) return MP_OBJ_NULL;
      const len = <u64>load<usize>(lhs + 8);
      if (len * <u64>n > LIST_MAX_ITEMS) return mp_raise_memory_error(0);
      const total = <usize>(len * <u64>n);
      if (op == R.MP_BINARY_OP_INPLACE_MULTIPLY) {
        // in place, as CPython (other references see the change)
        if (total == 0) return list_clear(lhs) == MP_OBJ_NULL ? MP_OBJ_NULL : lhs;
        if (!list_reserve(lhs, total - <usize>len, total)) return MP_OBJ_NULL;
        const items = load<usize>(lhs + 12);
        const sz = <usize>len << 2;
        for (let i: usize = 1; i < <usize>n; i++) memory.copy(items + i * sz, items, sz);
        set_len(lhs, total);
        return lhs;
      }
      const s = list_new(total);
      if (s == MP_OBJ_NULL) return MP_OBJ_NULL;
      const d = load<usize>(s + 12);
      const src = load<usize>(lhs + 12);
      const sz = <usize>len << 2;
      for (let i: usize = 0; i < <usize>n; i++) memory.copy(d + i * sz, src, sz);
      return s;
    }
    case R.MP_BINARY_OP_EQUAL:
    case R.MP_BINARY_OP_NOT_EQUAL:
    case R.MP_BINARY_OP_LESS:
    case R.MP_BINARY_OP_LESS_EQUAL:
    case R.MP_BINARY_OP_MORE:
    case R.MP_BINARY_OP_MORE_EQUAL: {
      if (!mp_obj_is_type(rhs, mp_type_list)) {
        if (op == R.MP_BINARY_OP_EQUAL) return mp_const_false;
        if (op == R.MP_BINARY_OP_NOT_EQUAL) return mp_const_true;
        return MP_OBJ_NOT_SUPPORTED;
      }
      const r = mp_seq_cmp_objs(op == R.MP_BINARY_OP_NOT_EQUAL ? R.MP_BINARY_OP_EQUAL : op, lhs, rhs);
      if (r < 0) return MP_OBJ_NULL;
      return mp_obj_new_bool(op == R.MP_BINARY_OP_NOT_EQUAL ? r == 0 : r != 0);
    }
    case R.MP_BINARY_OP_CONTAINS: {
      for (let i: usize = 0; i < load<usize>(lhs + 8); i++) {
        const eq = mp_obj_equal_checked_item(mp_obj_list_get(lhs, i), rhs);
        if (eq < 0) return MP_OBJ_NULL;
        if (eq > 0) return mp_const_true;
      }
      return mp_const_false;
    }
  }
  return MP_OBJ_NOT_SUPPORTED;
}

import { mp_obj_equal_checked } from "./runtime";

/** item == value for `in` (identity first); 1, 0 or -1 (exception pending). */
function mp_obj_equal_checked_item(item: mp_obj_t, value: mp_obj_t): i32 {
  const mark = mp_root_mark();
  mp_root_push(item);
  const r = mp_obj_equal_checked(item, value);
  mp_root_release(mark);
  return r;
}

// ---- subscripts and slices ----

/**
 * The items of `value` for slice assignment: the list/tuple itself, or a
 * new list made from any other iterable (or from `self`, to copy it first).
 * MP_OBJ_NULL with the exception pending.
 */
function slice_source(self: mp_obj_t, value: mp_obj_t): mp_obj_t {
  if (value != self && (mp_obj_is_type(value, mp_type_list) || mp_obj_is_type(value, mp_type_tuple))) {
    return value;
  }
  if (value == self) return mp_obj_new_list(load<usize>(self + 8), load<usize>(self + 12));
  const r = mp_obj_list_from_iter(value);
  if (r == MP_OBJ_NULL) {
    // CPython: "can only assign an iterable"
    return MP_OBJ_NULL;
  }
  return r;
}

@inline function src_len(v: mp_obj_t): usize {
  return mp_obj_is_type(v, mp_type_list) ? load<usize>(v + 8) : load<usize>(v + 4);
}
@inline function src_items(v: mp_obj_t): usize {
  return mp_obj_is_type(v, mp_type_list) ? load<usize>(v + 12) : v + 8;
}

/** Deletes items [beg, end) (end >= beg), shrinking the block as list_pop does. */
function list_del_range(self: mp_obj_t, beg: usize, end: usize): void {
  const len = load<usize>(self + 8);
  const items = load<usize>(self + 12);
  memory.copy(items + (beg << 2), items + (end << 2), (len - end) << 2);
  const nlen = len - (end - beg);
  memory.fill(items + (nlen << 2), 0, (len - nlen) << 2);
  set_len(self, nlen);
}

function list_subscr_slice(self: mp_obj_t, index: mp_obj_t, value: mp_obj_t): mp_obj_t {
  const mark = mp_root_mark();
  const b = mp_root_alloc(3);
  const fast = mp_seq_get_fast_slice_indexes(load<usize>(self + 8), index, b);
  if (fast < 0) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  const start = load<i32>(b);
  const stop = load<i32>(b + 4);
  const step = load<i32>(b + 8);
  const n = mp_seq_slice_len(b);
  if (value == MP_OBJ_SENTINEL) {
    // load
    let res: mp_obj_t;
    if (fast == 0) {
      res = mp_seq_extract_slice(self, b);
    } else {
      res = mp_obj_new_list(<usize>(stop - start), load<usize>(self + 12) + (<usize>start << 2));
    }
    mp_root_release(mark);
    return res;
  }
  if (value == MP_OBJ_NULL) {
    // delete
    if (fast == 1) {
      list_del_range(self, <usize>start, <usize>stop);
    } else if (n > 0) {
      // delete the selected items, keeping the others in order
      let lo = start;
      let st = step;
      if (st < 0) {
        lo = start + (<i32>n - 1) * step;
        st = -step;
      }
      const len = load<usize>(self + 8);
      const items = load<usize>(self + 12);
      let w = <usize>lo;
      let next_del = lo;
      let removed: usize = 0;
      for (let r = <usize>lo; r < len; r++) {
        if (removed < n && <i32>r == next_del) {
          removed++;
          next_del += st;
          continue;
        }
        store<usize>(items + (w << 2), load<usize>(items + (r << 2)));
        w++;
      }
      memory.fill(items + (w << 2), 0, (len - w) << 2);
      set_len(self, w);
    }
    mp_root_release(mark);
    return mp_const_none;
  }
  // store
  const src = slice_source(self, value);
  if (src == MP_OBJ_NULL) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  mp_root_push(src);
  const vlen = src_len(src);
  if (fast == 0) {
    if (vlen != n) {
      mp_root_release(mark);
      return mp_raise_msg_varg(
        mp_type_ValueError,
        "attempt to assign sequence of size %d to extended slice of size %d",
        vlen,
        n,
      );
    }
    const items = load<usize>(self + 12);
    const si = src_items(src);
    let j = start;
    for (let i: usize = 0; i < n; i++) {
      store<usize>(items + (<usize>j << 2), load<usize>(si + (i << 2)));
      j += step;
    }
    mp_root_release(mark);
    return mp_const_none;
  }
  const old_n = <usize>(stop - start);
  const len = load<usize>(self + 8);
  if (vlen > old_n) {
    if (!list_reserve(self, vlen - old_n, len + vlen - old_n)) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
  }
  const items = load<usize>(self + 12);
  // move the tail, then copy the new items in
  memory.copy(items + ((<usize>start + vlen) << 2), items + (<usize>stop << 2), (len - <usize>stop) << 2);
  memory.copy(items + (<usize>start << 2), src_items(src), vlen << 2);
  const nlen = len - old_n + vlen;
  if (nlen < len) memory.fill(items + (nlen << 2), 0, (len - nlen) << 2);
  set_len(self, nlen);
  mp_root_release(mark);
  return mp_const_none;
}

function list_subscr(self: mp_obj_t, index: mp_obj_t, value: mp_obj_t): mp_obj_t {
  if (mp_obj_is_type(index, mp_type_slice)) return list_subscr_slice(self, index, value);
  const i = mp_get_index(mp_type_list, load<usize>(self + 8), index, false);
  if (i < 0) return MP_OBJ_NULL;
  if (value == MP_OBJ_SENTINEL) return mp_obj_list_get(self, <usize>i);
  if (value == MP_OBJ_NULL) {
    list_del_range(self, <usize>i, <usize>i + 1);
    list_maybe_shrink(self);
    return mp_const_none;
  }
  store<usize>(load<usize>(self + 12) + (<usize>i << 2), value);
  return mp_const_none;
}

/** Stores `value` at `index` (mp_obj_list_store); None or MP_OBJ_NULL (IndexError/TypeError). */
export function mp_obj_list_store(self: mp_obj_t, index: mp_obj_t, value: mp_obj_t): mp_obj_t {
  return list_subscr(self, index, value);
}

// ---- iteration ----

function list_it_iternext(self: mp_obj_t): mp_obj_t {
  const list = load<usize>(self + 8);
  const cur = load<usize>(self + 12);
  if (cur < load<usize>(list + 8)) {
    store<usize>(self + 12, cur + 1);
    return mp_obj_list_get(list, cur);
  }
  return MP_OBJ_STOP_ITERATION;
}

function list_getiter(o: mp_obj_t, iter_buf: usize): mp_obj_t {
  const mark = mp_root_mark();
  mp_root_push(o);
  const it = mp_obj_new_polymorph_iter(list_it_iternext, o, 0, iter_buf);
  mp_root_release(mark);
  return it;
}

// ---- methods ----

function list_append(self: mp_obj_t, arg: mp_obj_t): mp_obj_t {
  return mp_obj_list_append(self, arg);
}

function list_extend(self: mp_obj_t, arg: mp_obj_t): mp_obj_t {
  if (mp_obj_is_type(arg, mp_type_list) || mp_obj_is_type(arg, mp_type_tuple)) {
    const n = src_len(arg);
    if (!list_reserve(self, n, load<usize>(self + 8) + n + 4)) return MP_OBJ_NULL;
    const len = load<usize>(self + 8);
    // re-read the source items: for l.extend(l) they may just have moved
    memory.copy(load<usize>(self + 12) + (len << 2), src_items(arg), n << 2);
    set_len(self, len + n);
    return mp_const_none;
  }
  if (list_extend_from_iter(self, arg) == MP_OBJ_NULL) return MP_OBJ_NULL;
  return mp_const_none;
}

/** Halves the items block when it is less than half used (as list_pop). */
function list_maybe_shrink(self: mp_obj_t): void {
  const alloc = load<usize>(self + 4);
  const len = load<usize>(self + 8);
  if (alloc > LIST_MIN_ALLOC && alloc > 2 * len) {
    const items = gc_realloc(load<usize>(self + 12), (alloc / 2) << 2, false);
    if (items != 0) {
      store<usize>(self + 12, items);
      store<usize>(self + 4, alloc / 2);
    }
  }
}

function list_pop(n_args: usize, args: usize): mp_obj_t {
  const self = load<usize>(args);
  const len = load<usize>(self + 8);
  if (len == 0) return mp_raise_msg(mp_type_IndexError, "pop from empty list");
  const i = mp_get_index(mp_type_list, len, n_args == 1 ? MP_OBJ_NEW_SMALL_INT(-1) : load<usize>(args + 4), false);
  if (i < 0) return MP_OBJ_NULL;
  const ret = mp_obj_list_get(self, <usize>i);
  list_del_range(self, <usize>i, <usize>i + 1);
  list_maybe_shrink(self);
  return ret;
}

function list_insert(self: mp_obj_t, idx: mp_obj_t, obj: mp_obj_t): mp_obj_t {
  const v = mp_obj_get_int(idx);
  if (v == MP_INT_ERROR) return MP_OBJ_NULL;
  const len = <i64>load<usize>(self + 8);
  let index = v;
  if (index < 0) index += len;
  if (index < 0) index = 0;
  if (index > len) index = len;
  if (mp_obj_list_append(self, obj) == MP_OBJ_NULL) return MP_OBJ_NULL;
  const items = load<usize>(self + 12);
  const at = <usize>index;
  memory.copy(items + ((at + 1) << 2), items + (at << 2), (<usize>len - at) << 2);
  store<usize>(items + (at << 2), obj);
  return mp_const_none;
}

function list_remove(self: mp_obj_t, value: mp_obj_t): mp_obj_t {
  const mark = mp_root_mark();
  const a = mp_root_alloc(2);
  store<usize>(a, self);
  store<usize>(a + 4, value);
  const i = mp_seq_index_obj(2, a);
  mp_root_release(mark);
  if (i == MP_OBJ_NULL) return MP_OBJ_NULL;
  const at = <usize>MP_OBJ_SMALL_INT_VALUE(i);
  if (at < load<usize>(self + 8)) {
    list_del_range(self, at, at + 1);
    list_maybe_shrink(self);
  }
  return mp_const_none;
}

/** list.remove(value) for other modules (mp_obj_list_remove). */
export function mp_obj_list_remove(self: mp_obj_t, value: mp_obj_t): mp_obj_t {
  return list_remove(self, value);
}

function list_index(n_args: usize, args: usize): mp_obj_t {
  return mp_seq_index_obj(n_args, args);
}

function list_count(self: mp_obj_t, value: mp_obj_t): mp_obj_t {
  return mp_seq_count_obj(self, value);
}

function list_reverse(self: mp_obj_t): mp_obj_t {
  const len = load<usize>(self + 8);
  const items = load<usize>(self + 12);
  for (let i: usize = 0; i < len / 2; i++) {
    const a = load<usize>(items + (i << 2));
    store<usize>(items + (i << 2), load<usize>(items + ((len - 1 - i) << 2)));
    store<usize>(items + ((len - 1 - i) << 2), a);
  }
  return mp_const_none;
}

function list_clear(self: mp_obj_t): mp_obj_t {
  const items = gc_alloc(LIST_MIN_ALLOC << 2, 0);
  if (items == 0) {
    // no room for a fresh block: keep the old one, emptied
    memory.fill(load<usize>(self + 12), 0, load<usize>(self + 4) << 2);
  } else {
    const old = load<usize>(self + 12);
    store<usize>(self + 12, items);
    store<usize>(self + 4, LIST_MIN_ALLOC);
    if (old != 0) gc_free(old);
  }
  set_len(self, 0);
  return mp_const_none;
}

function list_copy(self: mp_obj_t): mp_obj_t {
  return mp_obj_new_list(load<usize>(self + 8), load<usize>(self + 12));
}

// ---- sort: a stable bottom-up merge sort (CPython's guarantee) ----

/**
 * key(a) < key(b) for the sort: 1, 0, or -1 with the exception pending.
 * With `reverse` the order is flipped (b < a), which keeps equal items in
 * their original order, as CPython's reverse-sort-reverse does.
 */
function sort_less(a: mp_obj_t, b: mp_obj_t, reverse: bool): i32 {
  const r = reverse ? mp_binary_op(R.MP_BINARY_OP_LESS, b, a) : mp_binary_op(R.MP_BINARY_OP_LESS, a, b);
  if (r == MP_OBJ_NULL) return -1;
  if (r == mp_const_true) return 1;
  if (r == mp_const_false) return 0;
  const mark = mp_root_mark();
  mp_root_push(r);
  const t = mp_obj_is_true(r);
  mp_root_release(mark);
  return t;
}

/**
 * Sorts `n` values at `vals` by the keys at `keys` (the same array when
 * there is no key function), using the scratch arrays `tv`/`tk` of n words.
 * All four arrays live in one rooted GC block. Returns false on error.
 */
function merge_sort(vals: usize, keys: usize, tv: usize, tk: usize, n: usize, reverse: bool): bool {
  const has_keys = keys != vals;
  // insertion sort runs of RUN items first (stable: insert after equals)
  const RUN: usize = 8;
  for (let lo: usize = 0; lo < n; lo += RUN) {
    const hi = lo + RUN < n ? lo + RUN : n;
    for (let i = lo + 1; i < hi; i++) {
      const kv = load<usize>(keys + (i << 2));
      const vv = load<usize>(vals + (i << 2));
      // the item leaves the (rooted) array while others shift: root it
      const mark = mp_root_mark();
      mp_root_push(kv);
      mp_root_push(vv);
      let j = i;
      while (j > lo) {
        const lt = sort_less(kv, load<usize>(keys + ((j - 1) << 2)), reverse);
        if (lt < 0) {
          store<usize>(keys + (j << 2), kv);
          store<usize>(vals + (j << 2), vv);
          mp_root_release(mark);
          return false;
        }
        if (lt == 0) break;
        store<usize>(keys + (j << 2), load<usize>(keys + ((j - 1) << 2)));
        if (has_keys) store<usize>(vals + (j << 2), load<usize>(vals + ((j - 1) << 2)));
        j--;
      }
      store<usize>(keys + (j << 2), kv);
      if (has_keys) store<usize>(vals + (j << 2), vv);
      mp_root_release(mark);
    }
  }
  let src_v = vals, src_k = keys, dst_v = tv, dst_k = tk;
  for (let width = RUN; width < n; width <<= 1) {
    for (let lo: usize = 0; lo < n; lo += 2 * width) {
      const mid = lo + width < n ? lo + width : n;
      const hi = lo + 2 * width < n ? lo + 2 * width : n;
      let i = lo, j = mid, k = lo;
      while (i < mid && j < hi) {
        // take from the right run only if strictly less: stability
        const lt = sort_less(load<usize>(src_k + (j << 2)), load<usize>(src_k + (i << 2)), reverse);
        if (lt < 0) {
          // leave every item in `vals`, in some order, for the caller
          if (src_v != vals) memory.copy(vals, src_v, n << 2);
          return false;
        }
        if (lt > 0) {
          store<usize>(dst_k + (k << 2), load<usize>(src_k + (j << 2)));
          if (has_keys) store<usize>(dst_v + (k << 2), load<usize>(src_v + (j << 2)));
          j++;
        } else {
          store<usize>(dst_k + (k << 2), load<usize>(src_k + (i << 2)));
          if (has_keys) store<usize>(dst_v + (k << 2), load<usize>(src_v + (i << 2)));
          i++;
        }
        k++;
      }
      while (i < mid) {
        store<usize>(dst_k + (k << 2), load<usize>(src_k + (i << 2)));
        if (has_keys) store<usize>(dst_v + (k << 2), load<usize>(src_v + (i << 2)));
        i++;
        k++;
      }
      while (j < hi) {
        store<usize>(dst_k + (k << 2), load<usize>(src_k + (j << 2)));
        if (has_keys) store<usize>(dst_v + (k << 2), load<usize>(src_v + (j << 2)));
        j++;
        k++;
      }
    }
    let t = src_v;
    src_v = dst_v;
    dst_v = t;
    t = src_k;
    src_k = dst_k;
    dst_k = t;
  }
  if (src_v != vals) memory.copy(vals, src_v, n << 2);
  return true;
}

/**
 * Sorts list `self` in place, stably, by `key_fn` (None or MP_OBJ_NULL: the
 * items themselves), reversed if `reverse`. While sorting the list is empty;
 * a list changed meanwhile raises ValueError "list modified during sort"
 * (as CPython). Returns false with the exception pending.
 */
export function mp_obj_list_sort_impl(self: mp_obj_t, key_fn: mp_obj_t, reverse: bool): bool {
  const n = load<usize>(self + 8);
  const has_key = key_fn != MP_OBJ_NULL && key_fn != mp_const_none;
  // CPython calls the key function even for a single item
  if (n == 0 || (n == 1 && !has_key)) return true;
  const words: usize = has_key ? 4 * n : 2 * n;
  const mark = mp_root_mark();
  mp_root_push(self);
  const buf = gc_alloc(words << 2, 0);
  if (buf == 0) {
    mp_root_release(mark);
    mp_raise_memory_error(words << 2);
    return false;
  }
  mp_root_push(buf);
  // detach the items: the list looks empty while keys and comparisons run
  const items = load<usize>(self + 12);
  const alloc = load<usize>(self + 4);
  memory.copy(buf, items, n << 2);
  mp_root_push(items);
  store<usize>(self + 4, 0);
  store<usize>(self + 8, 0);
  store<usize>(self + 12, 0);
  const vals = buf;
  let keys = buf;
  let ok = true;
  if (has_key) {
    keys = buf + (n << 2);
    for (let i: usize = 0; i < n; i++) {
      const k = mp_call_function_1(key_fn, load<usize>(vals + (i << 2)));
      if (k == MP_OBJ_NULL) {
        ok = false;
        break;
      }
      store<usize>(keys + (i << 2), k);
    }
  }
  if (ok) {
    const tv = buf + ((has_key ? 2 * n : n) << 2);
    const tk = has_key ? buf + ((3 * n) << 2) : tv;
    ok = merge_sort(vals, keys, tv, tk, n, reverse);
  }
  // re-attach (dropping anything added while sorting)
  const modified = load<usize>(self + 12) != 0 || load<usize>(self + 8) != 0;
  const cur = load<usize>(self + 12);
  memory.copy(items, vals, n << 2);
  store<usize>(self + 4, alloc);
  store<usize>(self + 8, n);
  store<usize>(self + 12, items);
  if (cur != 0) gc_free(cur);
  gc_free(buf);
  mp_root_release(mark);
  if (ok && modified) {
    mp_raise_ValueError("list modified during sort");
    return false;
  }
  return ok;
}

/**
 * The keyword arguments `key` and `reverse` of sort/sorted from `kw` (a map
 * or 0) into out[0] (key or None) and out[1] (reverse: bool as 0/1).
 * TypeError for positional extras and unknown keywords, as mp_arg_parse_all.
 */
export function mp_sort_parse_kw(n_pos: usize, kw: usize, out: usize): bool {
  if (n_pos > 0) {
    mp_raise_TypeError("extra positional arguments given");
    return false;
  }
  let key = mp_const_none;
  let reverse: i32 = 0;
  let found: usize = 0;
  if (kw != 0) {
    const ek = mp_map_lookup(kw, MP_OBJ_NEW_QSTR(Q.MP_QSTR_key), MP_MAP_LOOKUP);
    if (ek == MP_MAP_ERROR) return false;
    if (ek != 0) {
      key = load<usize>(ek + 4);
      found++;
    }
    const er = mp_map_lookup(kw, MP_OBJ_NEW_QSTR(Q.MP_QSTR_reverse), MP_MAP_LOOKUP);
    if (er == MP_MAP_ERROR) return false;
    if (er != 0) {
      reverse = mp_obj_is_true(load<usize>(er + 4));
      if (reverse < 0) return false;
      found++;
    }
    if (found < mp_map_used(kw)) {
      mp_raise_TypeError("extra keyword arguments given");
      return false;
    }
  }
  store<usize>(out, key);
  store<usize>(out + 4, <usize>reverse);
  return true;
}

/** list.sort(*, key=None, reverse=False) (mp_obj_list_sort). */
export function mp_obj_list_sort(n_args: usize, args: usize, kw: usize): mp_obj_t {
  const self = load<usize>(args);
  const mark = mp_root_mark();
  const out = mp_root_alloc(2);
  if (!mp_sort_parse_kw(n_args - 1, kw, out)) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  const ok = mp_obj_list_sort_impl(self, load<usize>(out), load<usize>(out + 4) != 0);
  mp_root_release(mark);
  return ok ? mp_const_none : MP_OBJ_NULL;
}

// ---- the type ----

const list_append_obj: usize = memory.data(16, 16);
const list_clear_obj: usize = memory.data(16, 16);
const list_copy_obj: usize = memory.data(16, 16);
const list_count_obj: usize = memory.data(16, 16);
const list_extend_obj: usize = memory.data(16, 16);
const list_index_obj: usize = memory.data(16, 16);
const list_insert_obj: usize = memory.data(16, 16);
const list_pop_obj: usize = memory.data(16, 16);
const list_remove_obj: usize = memory.data(16, 16);
const list_reverse_obj: usize = memory.data(16, 16);
const list_sort_obj: usize = memory.data(16, 16);

const list_locals_dict: usize = memory.data(16, 16);

/** Set-up of this file's static objects (types, methods); run once by mp_init. */
export function objlist_static_init(): void {
  mp_fun_2_at(list_append_obj, list_append);
  mp_fun_1_at(list_clear_obj, list_clear);
  mp_fun_1_at(list_copy_obj, list_copy);
  mp_fun_2_at(list_count_obj, list_count);
  mp_fun_2_at(list_extend_obj, list_extend);
  mp_fun_var_at(list_index_obj, 2, 4, list_index);
  mp_fun_3_at(list_insert_obj, list_insert);
  mp_fun_var_at(list_pop_obj, 1, 2, list_pop);
  mp_fun_2_at(list_remove_obj, list_remove);
  mp_fun_1_at(list_reverse_obj, list_reverse);
  mp_fun_kw_at(list_sort_obj, 1, mp_obj_list_sort);
  mp_static_dict_at(list_locals_dict, 11);
  mp_static_dict_add(list_locals_dict, Q.MP_QSTR_append, list_append_obj);
  mp_static_dict_add(list_locals_dict, Q.MP_QSTR_clear, list_clear_obj);
  mp_static_dict_add(list_locals_dict, Q.MP_QSTR_copy, list_copy_obj);
  mp_static_dict_add(list_locals_dict, Q.MP_QSTR_count, list_count_obj);
  mp_static_dict_add(list_locals_dict, Q.MP_QSTR_extend, list_extend_obj);
  mp_static_dict_add(list_locals_dict, Q.MP_QSTR_index, list_index_obj);
  mp_static_dict_add(list_locals_dict, Q.MP_QSTR_insert, list_insert_obj);
  mp_static_dict_add(list_locals_dict, Q.MP_QSTR_pop, list_pop_obj);
  mp_static_dict_add(list_locals_dict, Q.MP_QSTR_remove, list_remove_obj);
  mp_static_dict_add(list_locals_dict, Q.MP_QSTR_reverse, list_reverse_obj);
  mp_static_dict_add(list_locals_dict, Q.MP_QSTR_sort, list_sort_obj);
  mp_type_setup(mp_type_list, Q.MP_QSTR_list, MP_TYPE_FLAG_NONE, 0);
  mp_type_set_make_new(mp_type_list, list_make_new);
  mp_type_set_print(mp_type_list, list_print);
  mp_type_set_unary_op(mp_type_list, list_unary_op);
  mp_type_set_binary_op(mp_type_list, list_binary_op);
  mp_type_set_subscr(mp_type_list, list_subscr);
  mp_type_set_getiter(mp_type_list, list_getiter);
  mp_type_set_locals_dict(mp_type_list, list_locals_dict);
}
