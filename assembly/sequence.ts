// Helpers shared by the sequence types (list, tuple, str, bytes, bytearray,
// range), as MicroPython's sequence.c: slice resolution, comparison,
// index/count, repetition.
//
// Sequences of objects are passed as the object itself (a list or tuple),
// never as a bare items pointer: comparisons may run Python code that
// resizes a list, so items and length are re-read at every step.

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_OBJ_NEW_SMALL_INT,
  mp_const_true,
  mp_const_false,
  mp_obj_is_type,
  mp_obj_get_type_ptr,
  mp_get_index,
  mp_obj_is_true,
} from "./obj";
import { mp_obj_slice_indices } from "./objslice";
import { mp_obj_equal_checked, mp_binary_op } from "./runtime";
import { mp_raise_ValueError, mp_raise_msg_varg, mp_type_TypeError } from "./objexcept";
import { mp_type_tuple } from "./objtuple";
import { mp_type_list, mp_obj_new_list, mp_obj_list_append } from "./objlist";
import { mp_root_mark, mp_root_push, mp_root_release } from "./rootstack";
import * as R from "./runtime0";

/**
 * Resolves `slice` for a sequence of `len` items into the bound slice at
 * `out` (3 i32 words: start, stop, step), adjusted for copying: for a
 * negative step `stop` is the last index taken (inclusive), and empty
 * ranges get stop == start (step > 0) or stop == start + 1 (step < 0), as
 * MicroPython's mp_seq_get_fast_slice_indexes. Returns 1 if step == 1 (a
 * contiguous [start, stop) run), 0 for other steps, -1 with an exception
 * pending (zero step, non-int parts).
 */
export function mp_seq_get_fast_slice_indexes(len: usize, slice: mp_obj_t, out: usize): i32 {
  if (!mp_obj_slice_indices(slice, <i32>len, out)) return -1;
  const start = load<i32>(out);
  let stop = load<i32>(out + 4);
  const step = load<i32>(out + 8);
  if (step < 0) stop++;
  if (step > 0 && start > stop) stop = start;
  else if (step < 0 && start < stop) stop = start + 1;
  store<i32>(out + 4, stop);
  return step == 1 ? 1 : 0;
}

/** Number of items a bound slice from mp_seq_get_fast_slice_indexes selects. */
export function mp_seq_slice_len(bound: usize): usize {
  const start = load<i32>(bound);
  const stop = load<i32>(bound + 4);
  const step = load<i32>(bound + 8);
  if (step > 0) return stop > start ? <usize>((stop - start + step - 1) / step) : 0;
  // negative step: items start, start+step, ... while >= stop
  return start >= stop ? <usize>((start - stop) / -step + 1) : 0;
}

/**
 * A new list of the items of `seq` (a list or tuple) selected by a bound
 * slice from mp_seq_get_fast_slice_indexes (mp_seq_extract_slice).
 * MP_OBJ_NULL on MemoryError.
 */
export function mp_seq_extract_slice(seq: mp_obj_t, bound: usize): mp_obj_t {
  let start = load<i32>(bound);
  const step = load<i32>(bound + 8);
  const n = mp_seq_slice_len(bound);
  const mark = mp_root_mark();
  mp_root_push(seq);
  const res = mp_obj_new_list(n, 0);
  mp_root_release(mark);
  if (res == MP_OBJ_NULL) return MP_OBJ_NULL;
  const dst = load<usize>(res + 12);
  const src = seq_items(seq);
  for (let i: usize = 0; i < n; i++) {
    store<usize>(dst + (i << 2), load<usize>(src + (<usize>start << 2)));
    start += step;
  }
  return res;
}

/** Copies `len` items `times` times from `items` to `dest` (mp_seq_multiply); item_sz in bytes. */
export function mp_seq_multiply(items: usize, item_sz: usize, len: usize, times: usize, dest: usize): void {
  const sz = item_sz * len;
  for (let i: usize = 0; i < times; i++) {
    memory.copy(dest, items, sz);
    dest += sz;
  }
}

/**
 * Compares two byte strings with `op` (LESS, MORE, EQUAL, LESS_EQUAL or
 * MORE_EQUAL; never NOT_EQUAL), lexicographically by unsigned bytes
 * (mp_seq_cmp_bytes).
 */
export function mp_seq_cmp_bytes(op: u32, data1: usize, len1: usize, data2: usize, len2: usize): bool {
  if (op == R.MP_BINARY_OP_EQUAL && len1 != len2) return false;
  if (op == R.MP_BINARY_OP_LESS || op == R.MP_BINARY_OP_LESS_EQUAL) {
    const td = data1;
    data1 = data2;
    data2 = td;
    const tl = len1;
    len1 = len2;
    len2 = tl;
    op = op == R.MP_BINARY_OP_LESS ? R.MP_BINARY_OP_MORE : R.MP_BINARY_OP_MORE_EQUAL;
  }
  const min_len = len1 < len2 ? len1 : len2;
  let res: i32 = 0;
  for (let i: usize = 0; i < min_len; i++) {
    const a = <i32>load<u8>(data1 + i);
    const b = <i32>load<u8>(data2 + i);
    if (a != b) {
      res = a - b;
      break;
    }
  }
  if (op == R.MP_BINARY_OP_EQUAL) return res == 0;
  if (res < 0) return false;
  if (res > 0) return true;
  if (len1 != len2) {
    if (len1 < len2) return false;
  } else if (op == R.MP_BINARY_OP_MORE) {
    return false;
  }
  return true;
}

/** Items address of a list or tuple (re-read after anything that may run Python code). */
export function seq_items(o: mp_obj_t): usize {
  return mp_obj_is_type(o, mp_type_list) ? load<usize>(o + 12) : o + 8;
}

/** Length of a list or tuple. */
export function seq_len(o: mp_obj_t): usize {
  return mp_obj_is_type(o, mp_type_list) ? load<usize>(o + 8) : load<usize>(o + 4);
}

@inline function seq_get(o: mp_obj_t, i: usize): mp_obj_t {
  return load<usize>(seq_items(o) + (i << 2));
}

/**
 * Compares two lists/tuples `o1`, `o2` with `op` (LESS, MORE, EQUAL,
 * LESS_EQUAL, MORE_EQUAL; never NOT_EQUAL): the first unequal pair decides
 * through `op` applied to it (as CPython: `[a] < [b]` calls `a < b`), else
 * the lengths (mp_seq_cmp_objs). Returns 1 true, 0 false, -1 with an
 * exception pending. Both must be rooted.
 */
export function mp_seq_cmp_objs(op: u32, o1: mp_obj_t, o2: mp_obj_t): i32 {
  if (op == R.MP_BINARY_OP_EQUAL && seq_len(o1) != seq_len(o2)) return 0;
  if (!mp_rec_enter()) return -1;
  const r = seq_cmp_objs(op, o1, o2);
  mp_rec_leave();
  return r;
}

function seq_cmp_objs(op: u32, o1: mp_obj_t, o2: mp_obj_t): i32 {
  for (let i: usize = 0; i < seq_len(o1) && i < seq_len(o2); i++) {
    const a = seq_get(o1, i);
    const b = seq_get(o2, i);
    const mark = mp_root_mark();
    mp_root_push(a);
    mp_root_push(b);
    const eq = mp_obj_equal_checked(a, b);
    if (eq < 0) {
      mp_root_release(mark);
      return -1;
    }
    if (eq > 0) {
      mp_root_release(mark);
      continue;
    }
    if (op == R.MP_BINARY_OP_EQUAL) {
      mp_root_release(mark);
      return 0;
    }
    const r = mp_binary_op(op, a, b);
    if (r == MP_OBJ_NULL) {
      mp_root_release(mark);
      return -1;
    }
    if (r == mp_const_true) {
      mp_root_release(mark);
      return 1;
    }
    if (r == mp_const_false) {
      mp_root_release(mark);
      return 0;
    }
    mp_root_push(r);
    const t = mp_obj_is_true(r);
    mp_root_release(mark);
    return t;
  }
  // all compared items equal: the lengths decide
  const len1 = seq_len(o1);
  const len2 = seq_len(o2);
  switch (op) {
    case R.MP_BINARY_OP_LESS:
      return len1 < len2 ? 1 : 0;
    case R.MP_BINARY_OP_LESS_EQUAL:
      return len1 <= len2 ? 1 : 0;
    case R.MP_BINARY_OP_MORE:
      return len1 > len2 ? 1 : 0;
    case R.MP_BINARY_OP_MORE_EQUAL:
      return len1 >= len2 ? 1 : 0;
  }
  return len1 == len2 ? 1 : 0;
}

/**
 * seq.index(value[, start[, stop]]) for a list or tuple: args[0] is the
 * sequence, args[1] the value (mp_seq_index_obj). ValueError "object not in
 * sequence" when absent.
 */
export function mp_seq_index_obj(n_args: usize, args: usize): mp_obj_t {
  const seq = load<usize>(args);
  const value = load<usize>(args + 4);
  const type = mp_obj_get_type_ptr(seq);
  let start: isize = 0;
  let stop: isize = <isize>seq_len(seq);
  if (n_args >= 3) {
    start = mp_get_index(type, seq_len(seq), load<usize>(args + 8), true);
    if (start < 0) return MP_OBJ_NULL;
    if (n_args >= 4) {
      stop = mp_get_index(type, seq_len(seq), load<usize>(args + 12), true);
      if (stop < 0) return MP_OBJ_NULL;
    }
  }
  for (let i = start; i < stop && <usize>i < seq_len(seq); i++) {
    const eq = mp_obj_equal_checked(seq_get(seq, <usize>i), value);
    if (eq < 0) return MP_OBJ_NULL;
    if (eq > 0) return MP_OBJ_NEW_SMALL_INT(<i32>i);
  }
  return mp_raise_ValueError("object not in sequence");
}

/** seq.count(value) for a list or tuple `seq` (mp_seq_count_obj). */
export function mp_seq_count_obj(seq: mp_obj_t, value: mp_obj_t): mp_obj_t {
  let count: i32 = 0;
  for (let i: usize = 0; i < seq_len(seq); i++) {
    const eq = mp_obj_equal_checked(seq_get(seq, i), value);
    if (eq < 0) return MP_OBJ_NULL;
    if (eq > 0) count++;
  }
  return MP_OBJ_NEW_SMALL_INT(count);
}

// ---- repr recursion guard (CPython's Py_ReprEnter) ----
// Containers being printed, innermost last: a container met again while it
// is being printed prints as [...] / {...}, and nesting deeper than
// REPR_DEPTH_MAX raises RuntimeError instead of exhausting the wasm stack.
// The words are compared by identity only (each object is alive, being printed).

@inline const REPR_DEPTH_MAX: i32 = 200;
const repr_stack: usize = memory.data(REPR_DEPTH_MAX * 4, 4);
let repr_depth: i32 = 0;

import { mp_raise_msg, mp_type_RuntimeError } from "./objexcept";

/**
 * Enters printing container `o`: 1 entered (call mp_repr_leave after),
 * 0 if `o` is already being printed (print the ellipsis form; do not leave),
 * -1 with RuntimeError pending when nested too deep.
 */
export function mp_repr_enter(o: mp_obj_t): i32 {
  for (let i: i32 = 0; i < repr_depth; i++) {
    if (load<usize>(repr_stack + (<usize>i << 2)) == o) return 0;
  }
  if (repr_depth >= REPR_DEPTH_MAX) {
    mp_raise_msg(mp_type_RuntimeError, "maximum recursion depth exceeded");
    return -1;
  }
  store<usize>(repr_stack + (<usize>repr_depth << 2), o);
  repr_depth++;
  return 1;
}

/** Leaves the innermost container entered with mp_repr_enter. */
export function mp_repr_leave(): void {
  repr_depth--;
}

/** Resets the guard (after an exception escaped to the top level). */
export function mp_repr_reset(): void {
  repr_depth = 0;
}

// ---- operands that are instances of user subclasses of built-in types ----

import { mp_obj_is_obj } from "./obj";
import { mp_obj_is_instance_type, mp_obj_type_native_base, mp_obj_instance_subobj } from "./objtype";
import { mp_type_is_subclass } from "./runtime";

/**
 * The object of built-in type `native` behind `o`: `o` itself when its type
 * is `native`, the native base object of an instance of a user subclass of
 * `native` (`class L(list)`), else 0. Lets `[1] + L([2])` and
 * `(1,) < T((2,))` work as in CPython.
 */
export function mp_obj_native_of(o: mp_obj_t, native: usize): mp_obj_t {
  if (!mp_obj_is_obj(o)) return 0;
  const t = load<usize>(o);
  if (t == native) return o;
  if (!mp_obj_is_instance_type(t)) return 0;
  const nb = mp_obj_type_native_base(t);
  if (nb == 0 || !mp_type_is_subclass(nb, native)) return 0;
  const sub = mp_obj_instance_subobj(o);
  return mp_obj_is_obj(sub) && mp_type_is_subclass(load<usize>(sub), native) ? sub : 0;
}

// ---- recursion guard for nested containers ----
// Comparing, hashing or checking equality of deeply nested lists, tuples and
// dicts recurses through the type slots on the wasm stack; past
// REC_DEPTH_MAX levels RuntimeError is raised instead of overflowing it
// (CPython raises RecursionError).

@inline const REC_DEPTH_MAX: i32 = 500;
let rec_depth: i32 = 0;

import { mp_raise_recursion_depth } from "./runtime";

/** Enters one level of container recursion; false with RuntimeError pending when too deep. */
export function mp_rec_enter(): bool {
  if (rec_depth >= REC_DEPTH_MAX) {
    mp_raise_recursion_depth();
    return false;
  }
  rec_depth++;
  return true;
}

/** Leaves a level entered with mp_rec_enter. */
@inline export function mp_rec_leave(): void {
  rec_depth--;
}
