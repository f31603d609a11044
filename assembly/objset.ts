// set and frozenset, as MicroPython's objset.c, on MicroPython's hash set
// (mp_set_t, map.ts): open addressing, iteration in slot order. Beyond
// MicroPython, for CPython compatibility: methods take any iterables and
// several of them, a set is looked up as the equal frozenset, dict views
// combine with sets, and iterating a set that changes size raises.
//
//   mp_obj_set_t (16 bytes):
//     +0 type (mp_type_set / mp_type_frozenset)
//     +4 set: mp_set_t { +4 alloc, +8 used, +12 table (alloc keys) }
//
//   set iterator (16 bytes): +0 type   +4 set   +8 next slot   +12 size at start

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_OBJ_SENTINEL,
  MP_OBJ_NOT_SUPPORTED,
  MP_OBJ_STOP_ITERATION,
  MP_TYPE_SIZE,
  MP_TYPE_FLAG_NONE,
  MP_TYPE_FLAG_ITER_IS_ITERNEXT,
  MP_TYPE_FLAG_EQ_CHECKS_OTHER_TYPE,
  MP_OBJ_NEW_SMALL_INT,
  MP_OBJ_SMALL_INT_VALUE,
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
  mp_type_set_getiter,
  mp_type_set_iternext,
  mp_type_set_locals_dict,
  mp_fun_1_at,
  mp_fun_2_at,
  mp_fun_var_at,
  mp_obj_print_helper,
  PRINT_REPR,
} from "./obj";

export const mp_type_set: usize = memory.data(<i32>MP_TYPE_SIZE, 16);
export const mp_type_frozenset: usize = memory.data(<i32>MP_TYPE_SIZE, 16);
const mp_type_set_it: usize = memory.data(<i32>MP_TYPE_SIZE, 16);

const set_add_obj: usize = memory.data(16, 16);
const set_clear_obj: usize = memory.data(16, 16);
const set_copy_obj: usize = memory.data(16, 16);
const set_discard_obj: usize = memory.data(16, 16);
const set_diff_obj: usize = memory.data(16, 16);
const set_diff_update_obj: usize = memory.data(16, 16);
const set_intersect_obj: usize = memory.data(16, 16);
const set_intersect_update_obj: usize = memory.data(16, 16);
const set_isdisjoint_obj: usize = memory.data(16, 16);
const set_issubset_obj: usize = memory.data(16, 16);
const set_issuperset_obj: usize = memory.data(16, 16);
const set_pop_obj: usize = memory.data(16, 16);
const set_remove_obj: usize = memory.data(16, 16);
const set_symdiff_obj: usize = memory.data(16, 16);
const set_symdiff_update_obj: usize = memory.data(16, 16);
const set_union_obj: usize = memory.data(16, 16);
const set_update_obj: usize = memory.data(16, 16);
const set_locals_dict: usize = memory.data(16, 16);
const frozenset_locals_dict: usize = memory.data(16, 16);

@inline const LOOKUP: u32 = 0; // MP_MAP_LOOKUP
@inline const ADD: u32 = 1; // MP_MAP_LOOKUP_ADD_IF_NOT_FOUND
@inline const REMOVE: u32 = 2; // MP_MAP_LOOKUP_REMOVE_IF_FOUND
@inline const TOGGLE: u32 = 3; // MP_MAP_LOOKUP_ADD_IF_NOT_FOUND_OR_REMOVE_IF_FOUND

import { gc_alloc } from "./gc";
import { mp_print_str } from "./mpprint";
import { mp_raise_memory_error, mp_obj_hash, mp_getiter, mp_iternext } from "./runtime";
import { mp_raise_arg1, mp_raise_msg, mp_type_KeyError, mp_type_RuntimeError } from "./objexcept";
import { mp_obj_iter_alloc } from "./objpolyiter";
import { mp_arg_check_num } from "./argcheck";
import { mp_type_dict_view, mp_static_dict_at, mp_static_dict_add } from "./objdict";
import {
  mp_set_init,
  mp_set_clear,
  mp_set_lookup,
  mp_set_remove_first,
  MP_MAP_ERROR,
} from "./map";
import { mp_root_mark, mp_root_push, mp_root_alloc, mp_root_release } from "./rootstack";
import { mp_op_contains_obj } from "./opmethods";
import { mp_obj_native_of } from "./sequence";
import * as R from "./runtime0";
import * as Q from "./genhdr";

// ---- the table ----

@inline function set_alloc(s: mp_obj_t): usize {
  return load<usize>(s + 4);
}
@inline function set_used(s: mp_obj_t): usize {
  return load<usize>(s + 8);
}
@inline function set_table(s: mp_obj_t): usize {
  return load<usize>(s + 12);
}

/** True for set and frozenset objects. */
export function mp_obj_is_set_or_frozenset(o: mp_obj_t): bool {
  return mp_obj_is_type(o, mp_type_set) || mp_obj_is_type(o, mp_type_frozenset);
}

/**
 * mp_set_lookup on set object `self` with `self` and `key` rooted: the slot
 * address, 0 (not found), or MP_MAP_ERROR with the exception pending.
 */
function set_lookup(self: mp_obj_t, key: mp_obj_t, kind: u32): usize {
  const mark = mp_root_mark();
  mp_root_push(self);
  mp_root_push(key);
  const r = mp_set_lookup(self + 4, key, kind);
  mp_root_release(mark);
  return r;
}

/** Adds `key` to `self`; false with the exception pending. */
@inline function set_add_key(self: mp_obj_t, key: mp_obj_t): bool {
  return set_lookup(self, key, ADD) != MP_MAP_ERROR;
}

/**
 * The key to look up for `key`: a set is looked up as the equal frozenset
 * (as CPython's set_contains); other objects as they are. MP_OBJ_NULL on error.
 */
function lookup_key(key: mp_obj_t): mp_obj_t {
  if (mp_obj_is_type(key, mp_type_set)) return set_new_from(mp_type_frozenset, key);
  return key;
}

/** 1 if `key` is in `self`, 0 if not, -1 with the exception pending. */
function set_contains(self: mp_obj_t, key: mp_obj_t): i32 {
  const e = set_lookup(self, key, LOOKUP);
  if (e == MP_MAP_ERROR) return -1;
  return e != 0 ? 1 : 0;
}

/** The next filled slot of `self` at index >= `i`: its address, or 0. */
function set_next(self: mp_obj_t, i: usize): usize {
  const t = set_table(self);
  const n = set_alloc(self);
  for (; i < n; i++) {
    const e = t + (i << 2);
    const k = load<usize>(e);
    if (k != MP_OBJ_NULL && k != MP_OBJ_SENTINEL) return e;
  }
  return 0;
}

@inline function slot_index(self: mp_obj_t, e: usize): usize {
  return (e - set_table(self)) >> 2;
}

// ---- construction ----

/** A new set of `type` with a table of `n` slots; MP_OBJ_NULL on MemoryError. */
function set_new(type: usize, n: usize): mp_obj_t {
  const o = gc_alloc(16, 0);
  if (o == 0) return mp_raise_memory_error(16);
  store<usize>(o, type);
  if (n == 0) return o;
  const mark = mp_root_mark();
  mp_root_push(o);
  const ok = mp_set_init(o + 4, n);
  mp_root_release(mark);
  return ok ? o : MP_OBJ_NULL;
}

/**
 * Adds every item of any iterable to `self` (set_update_int), in the
 * iterable's order. Both rooted by the caller.
 */
function set_update_internal(self: mp_obj_t, other: mp_obj_t): bool {
  if (mp_obj_is_set_or_frozenset(other)) {
    for (let i: usize = 0; ; i++) {
      const e = set_next(other, i);
      if (e == 0) break;
      i = slot_index(other, e);
      if (!set_add_key(self, load<usize>(e))) return false;
    }
    return true;
  }
  const mark = mp_root_mark();
  const buf = mp_root_alloc(4);
  const iter = mp_getiter(other, buf);
  if (iter == MP_OBJ_NULL) {
    mp_root_release(mark);
    return false;
  }
  mp_root_push(iter);
  while (true) {
    const item = mp_iternext(iter);
    if (item == MP_OBJ_STOP_ITERATION) break;
    if (item == MP_OBJ_NULL || !set_add_key(self, item)) {
      mp_root_release(mark);
      return false;
    }
  }
  mp_root_release(mark);
  return true;
}

/** A new set/frozenset of `type` holding the items of `iterable` (or empty for 0). */
function set_new_from(type: usize, iterable: mp_obj_t): mp_obj_t {
  const s = set_new(type, 0);
  if (s == MP_OBJ_NULL || iterable == 0) return s;
  const mark = mp_root_mark();
  mp_root_push(s);
  mp_root_push(iterable);
  const ok = set_update_internal(s, iterable);
  mp_root_release(mark);
  return ok ? s : MP_OBJ_NULL;
}

/** A new set of the `n` items at `items` (rooted words) (mp_obj_new_set); MP_OBJ_NULL on error. */
export function mp_obj_new_set(n: usize, items: usize): mp_obj_t {
  const s = set_new(mp_type_set, n);
  if (s == MP_OBJ_NULL) return MP_OBJ_NULL;
  for (let i: usize = 0; i < n; i++) {
    if (!set_add_key(s, load<usize>(items + (i << 2)))) return MP_OBJ_NULL;
  }
  return s;
}

/**
 * Adds `item` to set `s` (mp_obj_set_store, for set comprehensions).
 * Returns `s`, or MP_OBJ_NULL with the exception pending (unhashable item,
 * MemoryError).
 */
export function mp_obj_set_store(s: mp_obj_t, item: mp_obj_t): mp_obj_t {
  return set_add_key(s, item) ? s : MP_OBJ_NULL;
}

/** A new set/frozenset from any iterable (set(x) / frozenset(x) for other modules). */
export function mp_obj_new_set_from_iter(type: usize, iterable: mp_obj_t): mp_obj_t {
  return set_new_from(type, iterable);
}

function set_make_new(type: usize, n_args: usize, n_kw: usize, args: usize): mp_obj_t {
  if (!mp_arg_check_num(n_args, n_kw, 0, 1, false)) return MP_OBJ_NULL;
  if (n_args == 0) return set_new(type, 0);
  const arg = load<usize>(args);
  if (type == mp_type_frozenset && mp_obj_is_type(arg, mp_type_frozenset)) return arg;
  return set_new_from(type, arg);
}

// ---- print, iteration ----

function set_print(print: usize, self: mp_obj_t, kind: u32): bool {
  const frozen = mp_obj_is_type(self, mp_type_frozenset);
  if (set_used(self) == 0) {
    mp_print_str(print, frozen ? "frozenset()" : "set()");
    return true;
  }
  if (frozen) mp_print_str(print, "frozenset(");
  mp_print_str(print, "{");
  let first = true;
  for (let i: usize = 0; ; i++) {
    const e = set_next(self, i);
    if (e == 0) break;
    i = slot_index(self, e);
    if (!first) mp_print_str(print, ", ");
    first = false;
    if (!mp_obj_print_helper(print, load<usize>(e), PRINT_REPR)) return false;
  }
  mp_print_str(print, "}");
  if (frozen) mp_print_str(print, ")");
  return true;
}

function set_it_iternext(self: mp_obj_t): mp_obj_t {
  const s = load<usize>(self + 4);
  if (load<usize>(self + 12) != set_used(s)) {
    // stop for good, as CPython, then report
    store<usize>(self + 12, 0xffffffff);
    return mp_raise_msg(mp_type_RuntimeError, "Set changed size during iteration");
  }
  const e = set_next(s, load<usize>(self + 8));
  if (e == 0) return MP_OBJ_STOP_ITERATION;
  store<usize>(self + 8, slot_index(s, e) + 1);
  return load<usize>(e);
}

function set_getiter(self: mp_obj_t, iter_buf: usize): mp_obj_t {
  const mark = mp_root_mark();
  mp_root_push(self);
  const o = mp_obj_iter_alloc(mp_type_set_it, iter_buf);
  mp_root_release(mark);
  if (o == MP_OBJ_NULL) return MP_OBJ_NULL;
  store<usize>(o + 4, self);
  store<usize>(o + 8, 0);
  store<usize>(o + 12, set_used(self));
  return o;
}

// ---- methods ----

function set_add(self: mp_obj_t, item: mp_obj_t): mp_obj_t {
  return set_add_key(self, item) ? mp_const_none : MP_OBJ_NULL;
}

function set_clear(self: mp_obj_t): mp_obj_t {
  mp_set_clear(self + 4);
  return mp_const_none;
}

/** A copy of `self` with type `type`: same table size and slots (set_copy). */
function set_copy_as(type: usize, self: mp_obj_t): mp_obj_t {
  const n = set_alloc(self);
  const mark = mp_root_mark();
  mp_root_push(self);
  const o = set_new(type, n);
  mp_root_release(mark);
  if (o == MP_OBJ_NULL) return MP_OBJ_NULL;
  // the source cannot have changed: nothing ran between
  memory.copy(set_table(o), set_table(self), n << 2);
  store<usize>(o + 8, set_used(self));
  return o;
}

function set_copy(self: mp_obj_t): mp_obj_t {
  if (mp_obj_is_type(self, mp_type_frozenset)) return self;
  return set_copy_as(load<usize>(self), self);
}

/** Removes `key` if present: 1 removed, 0 absent, -1 error. */
function set_discard_key(self: mp_obj_t, key: mp_obj_t): i32 {
  const mark = mp_root_mark();
  const k = lookup_key(key);
  if (k == MP_OBJ_NULL) {
    mp_root_release(mark);
    return -1;
  }
  mp_root_push(k);
  const e = set_lookup(self, k, REMOVE);
  mp_root_release(mark);
  if (e == MP_MAP_ERROR) return -1;
  return e != 0 ? 1 : 0;
}

function set_discard(self: mp_obj_t, item: mp_obj_t): mp_obj_t {
  return set_discard_key(self, item) < 0 ? MP_OBJ_NULL : mp_const_none;
}

function set_remove(self: mp_obj_t, item: mp_obj_t): mp_obj_t {
  const r = set_discard_key(self, item);
  if (r < 0) return MP_OBJ_NULL;
  if (r == 0) return mp_raise_arg1(mp_type_KeyError, item);
  return mp_const_none;
}

/** s.pop(): the key in the lowest filled slot (mp_set_remove_first). */
function set_pop(self: mp_obj_t): mp_obj_t {
  const k = mp_set_remove_first(self + 4);
  if (k == MP_OBJ_NULL) return mp_raise_msg(mp_type_KeyError, "pop from an empty set");
  return k;
}

/** Removes from `self` every item of `other` (set_diff_int's loop). Both rooted. */
function set_difference_update_internal(self: mp_obj_t, other: mp_obj_t): bool {
  if (self == other) {
    mp_set_clear(self + 4);
    return true;
  }
  if (mp_obj_is_set_or_frozenset(other)) {
    for (let i: usize = 0; ; i++) {
      const e = set_next(other, i);
      if (e == 0) break;
      i = slot_index(other, e);
      if (set_lookup(self, load<usize>(e), REMOVE) == MP_MAP_ERROR) return false;
    }
    return true;
  }
  const mark = mp_root_mark();
  const buf = mp_root_alloc(4);
  const iter = mp_getiter(other, buf);
  if (iter == MP_OBJ_NULL) {
    mp_root_release(mark);
    return false;
  }
  mp_root_push(iter);
  const slot = mp_root_alloc(1);
  while (true) {
    const item = mp_iternext(iter);
    if (item == MP_OBJ_STOP_ITERATION) break;
    store<usize>(slot, item);
    if (item == MP_OBJ_NULL || set_discard_key(self, item) < 0) {
      mp_root_release(mark);
      return false;
    }
  }
  mp_root_release(mark);
  return true;
}

/** self - other as a new set of self's type: a copy, then the removals. Both rooted. */
function set_difference(self: mp_obj_t, other: mp_obj_t): mp_obj_t {
  const r = set_copy_as(load<usize>(self), self);
  if (r == MP_OBJ_NULL) return MP_OBJ_NULL;
  const mark = mp_root_mark();
  mp_root_push(r);
  const ok = set_difference_update_internal(r, other);
  mp_root_release(mark);
  return ok ? r : MP_OBJ_NULL;
}

function set_diff(n_args: usize, args: usize): mp_obj_t {
  const self = load<usize>(args);
  const r = set_copy_as(load<usize>(self), self);
  if (r == MP_OBJ_NULL) return MP_OBJ_NULL;
  const mark = mp_root_mark();
  mp_root_push(r);
  for (let i: usize = 1; i < n_args; i++) {
    const other = load<usize>(args + (i << 2));
    // `s.difference(s)` empties the copy
    if (!set_difference_update_internal(r, other == self ? r : other)) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
  }
  mp_root_release(mark);
  return r;
}

function set_diff_update(n_args: usize, args: usize): mp_obj_t {
  const self = load<usize>(args);
  for (let i: usize = 1; i < n_args; i++) {
    if (!set_difference_update_internal(self, load<usize>(args + (i << 2)))) return MP_OBJ_NULL;
  }
  return mp_const_none;
}

/**
 * self & other as a new set of self's type (set_intersect_int): the items
 * of `other`, in its order, that are in `self`. Both rooted.
 */
function set_intersection(self: mp_obj_t, other: mp_obj_t): mp_obj_t {
  if (self == other) return set_copy_as(load<usize>(self), self);
  const result = set_new(load<usize>(self), 0);
  if (result == MP_OBJ_NULL) return MP_OBJ_NULL;
  const mark = mp_root_mark();
  mp_root_push(result);
  if (mp_obj_is_set_or_frozenset(other)) {
    for (let i: usize = 0; ; i++) {
      const e = set_next(other, i);
      if (e == 0) break;
      i = slot_index(other, e);
      const k = load<usize>(e);
      const f = set_lookup(self, k, LOOKUP);
      if (f == MP_MAP_ERROR || (f != 0 && !set_add_key(result, k))) {
        mp_root_release(mark);
        return MP_OBJ_NULL;
      }
    }
    mp_root_release(mark);
    return result;
  }
  const buf = mp_root_alloc(4);
  const iter = mp_getiter(other, buf);
  if (iter == MP_OBJ_NULL) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  mp_root_push(iter);
  const slot = mp_root_alloc(1);
  while (true) {
    const item = mp_iternext(iter);
    if (item == MP_OBJ_STOP_ITERATION) break;
    if (item == MP_OBJ_NULL) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    store<usize>(slot, item);
    const f = set_lookup(self, item, LOOKUP);
    if (f == MP_MAP_ERROR || (f != 0 && !set_add_key(result, item))) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
  }
  mp_root_release(mark);
  return result;
}

function set_intersect_multi(n_args: usize, args: usize): mp_obj_t {
  const self = load<usize>(args);
  if (n_args == 1) return set_copy_as(load<usize>(self), self);
  const mark = mp_root_mark();
  const slot = mp_root_alloc(1);
  let r = self;
  for (let i: usize = 1; i < n_args; i++) {
    r = set_intersection(r, load<usize>(args + (i << 2)));
    if (r == MP_OBJ_NULL) break;
    store<usize>(slot, r);
  }
  mp_root_release(mark);
  return r;
}

/** Gives `self` the table of `other` (a fresh set), freeing its own. */
function set_swap_bodies(self: mp_obj_t, other: mp_obj_t): void {
  mp_set_clear(self + 4);
  store<usize>(self + 4, set_alloc(other));
  store<usize>(self + 8, set_used(other));
  store<usize>(self + 12, set_table(other));
  store<usize>(other + 4, 0);
  store<usize>(other + 8, 0);
  store<usize>(other + 12, 0);
}

function set_intersect_update(n_args: usize, args: usize): mp_obj_t {
  const self = load<usize>(args);
  const r = set_intersect_multi(n_args, args);
  if (r == MP_OBJ_NULL) return MP_OBJ_NULL;
  if (r != self) set_swap_bodies(self, r);
  return mp_const_none;
}

/**
 * Removes from `self` each item of `other` it holds and adds the others
 * (set_symmetric_difference_update; a non-set `other` is made a set first,
 * as CPython, so repeated items count once). Both rooted.
 */
function set_symdiff_update_internal(self: mp_obj_t, other: mp_obj_t): bool {
  if (self == other) {
    mp_set_clear(self + 4);
    return true;
  }
  let src = other;
  const mark = mp_root_mark();
  if (!mp_obj_is_set_or_frozenset(other)) {
    src = set_new_from(mp_type_set, other);
    if (src == MP_OBJ_NULL) {
      mp_root_release(mark);
      return false;
    }
    mp_root_push(src);
  }
  for (let i: usize = 0; ; i++) {
    const e = set_next(src, i);
    if (e == 0) break;
    i = slot_index(src, e);
    if (set_lookup(self, load<usize>(e), TOGGLE) == MP_MAP_ERROR) {
      mp_root_release(mark);
      return false;
    }
  }
  mp_root_release(mark);
  return true;
}

function set_symdiff_update(self: mp_obj_t, other: mp_obj_t): mp_obj_t {
  return set_symdiff_update_internal(self, other) ? mp_const_none : MP_OBJ_NULL;
}

/** self ^ other: a copy of self, then the symmetric update (set_symmetric_difference). */
function set_symdiff(self: mp_obj_t, other: mp_obj_t): mp_obj_t {
  const r = set_copy_as(load<usize>(self), self);
  if (r == MP_OBJ_NULL) return MP_OBJ_NULL;
  const mark = mp_root_mark();
  mp_root_push(r);
  const ok = set_symdiff_update_internal(r, other == self ? r : other);
  mp_root_release(mark);
  return ok ? r : MP_OBJ_NULL;
}

function set_update(n_args: usize, args: usize): mp_obj_t {
  const self = load<usize>(args);
  for (let i: usize = 1; i < n_args; i++) {
    if (!set_update_internal(self, load<usize>(args + (i << 2)))) return MP_OBJ_NULL;
  }
  return mp_const_none;
}

/** self | others: a copy of self, then the updates (set_union). */
function set_union(n_args: usize, args: usize): mp_obj_t {
  const self = load<usize>(args);
  const r = set_copy_as(load<usize>(self), self);
  if (r == MP_OBJ_NULL) return MP_OBJ_NULL;
  const mark = mp_root_mark();
  mp_root_push(r);
  for (let i: usize = 1; i < n_args; i++) {
    if (!set_update_internal(r, load<usize>(args + (i << 2)))) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
  }
  mp_root_release(mark);
  return r;
}

/** 1 if every key of set `a` is in set `b`, 0 if not, -1 on error. */
function set_all_in(a: mp_obj_t, b: mp_obj_t): i32 {
  if (set_used(a) > set_used(b)) return 0;
  for (let i: usize = 0; ; i++) {
    const e = set_next(a, i);
    if (e == 0) break;
    i = slot_index(a, e);
    const f = set_lookup(b, load<usize>(e), LOOKUP);
    if (f == MP_MAP_ERROR) return -1;
    if (f == 0) return 0;
  }
  return 1;
}

function set_issubset(self: mp_obj_t, other: mp_obj_t): mp_obj_t {
  const mark = mp_root_mark();
  let b = other;
  if (!mp_obj_is_set_or_frozenset(other)) {
    b = set_new_from(mp_type_set, other);
    if (b == MP_OBJ_NULL) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    mp_root_push(b);
  }
  const r = set_all_in(self, b);
  mp_root_release(mark);
  if (r < 0) return MP_OBJ_NULL;
  return mp_obj_new_bool(r > 0);
}

/**
 * True if every item of the iterable `other` is in `self` (want_in) or none
 * is (!want_in), stopping at the first item that decides; MP_OBJ_NULL if
 * iterating or hashing raised. Behind issuperset and isdisjoint for
 * non-set arguments.
 */
function iter_all_in_or_out(self: mp_obj_t, other: mp_obj_t, want_in: bool): mp_obj_t {
  const mark = mp_root_mark();
  const buf = mp_root_alloc(4);
  const iter = mp_getiter(other, buf);
  if (iter == MP_OBJ_NULL) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  mp_root_push(iter);
  let result = mp_const_true;
  while (true) {
    const item = mp_iternext(iter);
    if (item == MP_OBJ_STOP_ITERATION) break;
    if (item == MP_OBJ_NULL) {
      result = MP_OBJ_NULL;
      break;
    }
    const c = set_contains(self, item);
    if (c < 0) {
      result = MP_OBJ_NULL;
      break;
    }
    if ((c > 0) != want_in) {
      result = mp_const_false;
      break;
    }
  }
  mp_root_release(mark);
  return result;
}

function set_issuperset(self: mp_obj_t, other: mp_obj_t): mp_obj_t {
  if (mp_obj_is_set_or_frozenset(other)) {
    const r = set_all_in(other, self);
    if (r < 0) return MP_OBJ_NULL;
    return mp_obj_new_bool(r > 0);
  }
  return iter_all_in_or_out(self, other, true);
}

function set_isdisjoint(self: mp_obj_t, other: mp_obj_t): mp_obj_t {
  if (self == other) return mp_obj_new_bool(set_used(self) == 0);
  return iter_all_in_or_out(self, other, false);
}

// ---- operators ----

function set_unary_op(op: u32, self: mp_obj_t): mp_obj_t {
  const n = set_used(self);
  if (op == R.MP_UNARY_OP_BOOL) return mp_obj_new_bool(n != 0);
  if (op == R.MP_UNARY_OP_LEN) return MP_OBJ_NEW_SMALL_INT(<i32>n);
  if (op == R.MP_UNARY_OP_HASH && mp_obj_is_type(self, mp_type_frozenset)) {
    // the sum of the items' hashes, from a start value of our own
    let h = <i32>mp_type_frozenset;
    const mark = mp_root_mark();
    mp_root_push(self);
    for (let i: usize = 0; ; i++) {
      const e = set_next(self, i);
      if (e == 0) break;
      i = slot_index(self, e);
      const x = mp_obj_hash(load<usize>(e));
      if (x == MP_OBJ_NULL) {
        mp_root_release(mark);
        return MP_OBJ_NULL;
      }
      h += MP_OBJ_SMALL_INT_VALUE(x);
    }
    mp_root_release(mark);
    return MP_OBJ_NEW_SMALL_INT((h << 1) >> 1);
  }
  return MP_OBJ_NOT_SUPPORTED;
}

/** Two-argument form of a var-args method: [lhs, rhs] on the root stack. */
function call2(f: (n: usize, a: usize) => mp_obj_t, lhs: mp_obj_t, rhs: mp_obj_t): mp_obj_t {
  const mark = mp_root_mark();
  const a = mp_root_alloc(2);
  store<usize>(a, lhs);
  store<usize>(a + 4, rhs);
  const r = f(2, a);
  mp_root_release(mark);
  return r;
}

function set_binary_op(op: u32, lhs: mp_obj_t, rhs: mp_obj_t): mp_obj_t {
  if (op == R.MP_BINARY_OP_CONTAINS) {
    const mark = mp_root_mark();
    const k = lookup_key(rhs);
    if (k == MP_OBJ_NULL) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    mp_root_push(k);
    const c = set_contains(lhs, k);
    mp_root_release(mark);
    if (c < 0) return MP_OBJ_NULL;
    return mp_obj_new_bool(c > 0);
  }
  if (!mp_obj_is_set_or_frozenset(rhs)) {
    // an instance of a user subclass of set/frozenset acts as its set
    let sub = mp_obj_native_of(rhs, mp_type_set);
    if (sub == 0) sub = mp_obj_native_of(rhs, mp_type_frozenset);
    if (sub != 0) rhs = sub;
  }
  if (mp_obj_is_type(rhs, mp_type_dict_view) && load<u32>(rhs + 8) != 2) {
    // a keys/items view on the right acts as the set of its items (as
    // CPython's reflected view operators)
    const mark = mp_root_mark();
    const v = set_new_from(mp_type_set, rhs);
    if (v == MP_OBJ_NULL) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    mp_root_push(v);
    const r = set_binary_op(op, lhs, v);
    mp_root_release(mark);
    return r;
  }
  if (!mp_obj_is_set_or_frozenset(rhs)) {
    if (op == R.MP_BINARY_OP_EQUAL) return mp_const_false;
    if (op == R.MP_BINARY_OP_NOT_EQUAL) return mp_const_true;
    return MP_OBJ_NOT_SUPPORTED;
  }
  // in-place forms update a set; a frozenset gets a new object
  const update = mp_obj_is_type(lhs, mp_type_set);
  switch (op) {
    case R.MP_BINARY_OP_OR:
      return call2(set_union, lhs, rhs);
    case R.MP_BINARY_OP_XOR:
      return set_symdiff(lhs, rhs);
    case R.MP_BINARY_OP_AND:
      return set_intersection(lhs, rhs);
    case R.MP_BINARY_OP_SUBTRACT:
      return set_difference(lhs, rhs);
    case R.MP_BINARY_OP_INPLACE_OR:
      if (!update) return call2(set_union, lhs, rhs);
      return set_update_internal(lhs, rhs) ? lhs : MP_OBJ_NULL;
    case R.MP_BINARY_OP_INPLACE_XOR:
      if (!update) return set_symdiff(lhs, rhs);
      return set_symdiff_update_internal(lhs, rhs) ? lhs : MP_OBJ_NULL;
    case R.MP_BINARY_OP_INPLACE_AND: {
      if (!update) return set_intersection(lhs, rhs);
      const r = call2(set_intersect_update, lhs, rhs);
      return r == MP_OBJ_NULL ? MP_OBJ_NULL : lhs;
    }
    case R.MP_BINARY_OP_INPLACE_SUBTRACT:
      if (!update) return set_difference(lhs, rhs);
      return set_difference_update_internal(lhs, rhs) ? lhs : MP_OBJ_NULL;
    case R.MP_BINARY_OP_EQUAL:
    case R.MP_BINARY_OP_NOT_EQUAL: {
      let r: i32 = 0;
      if (set_used(lhs) == set_used(rhs)) {
        r = set_all_in(lhs, rhs);
        if (r < 0) return MP_OBJ_NULL;
      }
      return mp_obj_new_bool(op == R.MP_BINARY_OP_EQUAL ? r > 0 : r == 0);
    }
    case R.MP_BINARY_OP_LESS_EQUAL:
    case R.MP_BINARY_OP_LESS: {
      if (op == R.MP_BINARY_OP_LESS && set_used(lhs) >= set_used(rhs)) return mp_const_false;
      const r = set_all_in(lhs, rhs);
      if (r < 0) return MP_OBJ_NULL;
      return mp_obj_new_bool(r > 0);
    }
    case R.MP_BINARY_OP_MORE_EQUAL:
    case R.MP_BINARY_OP_MORE: {
      if (op == R.MP_BINARY_OP_MORE && set_used(lhs) <= set_used(rhs)) return mp_const_false;
      const r = set_all_in(rhs, lhs);
      if (r < 0) return MP_OBJ_NULL;
      return mp_obj_new_bool(r > 0);
    }
  }
  return MP_OBJ_NOT_SUPPORTED;
}

/**
 * Set operators on dict keys/items views (objdict.ts): the view acts as the
 * set of its items. & | - ^ take any iterable and give a set; comparisons
 * need a set or a view; the reversed forms serve `set op view`.
 */
export function mp_dict_view_set_op(op: u32, view: mp_obj_t, other: mp_obj_t): mp_obj_t {
  const is_cmp =
    op == R.MP_BINARY_OP_EQUAL ||
    op == R.MP_BINARY_OP_NOT_EQUAL ||
    op == R.MP_BINARY_OP_LESS ||
    op == R.MP_BINARY_OP_LESS_EQUAL ||
    op == R.MP_BINARY_OP_MORE ||
    op == R.MP_BINARY_OP_MORE_EQUAL;
  let base = op;
  let reversed = false;
  if (op == R.MP_BINARY_OP_REVERSE_AND) base = R.MP_BINARY_OP_AND;
  else if (op == R.MP_BINARY_OP_REVERSE_OR) base = R.MP_BINARY_OP_OR;
  else if (op == R.MP_BINARY_OP_REVERSE_XOR) base = R.MP_BINARY_OP_XOR;
  else if (op == R.MP_BINARY_OP_REVERSE_SUBTRACT) base = R.MP_BINARY_OP_SUBTRACT;
  if (base != op) reversed = true;
  if (
    !is_cmp &&
    base != R.MP_BINARY_OP_AND &&
    base != R.MP_BINARY_OP_OR &&
    base != R.MP_BINARY_OP_XOR &&
    base != R.MP_BINARY_OP_SUBTRACT
  ) {
    return MP_OBJ_NOT_SUPPORTED;
  }
  const other_is_setlike = mp_obj_is_set_or_frozenset(other) || mp_obj_is_type(other, mp_type_dict_view);
  if (is_cmp && !other_is_setlike) {
    if (op == R.MP_BINARY_OP_EQUAL) return mp_const_false;
    if (op == R.MP_BINARY_OP_NOT_EQUAL) return mp_const_true;
    return MP_OBJ_NOT_SUPPORTED;
  }
  const mark = mp_root_mark();
  const a = set_new_from(mp_type_set, view);
  if (a == MP_OBJ_NULL) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  mp_root_push(a);
  let r: mp_obj_t;
  if (is_cmp || reversed || base == R.MP_BINARY_OP_SUBTRACT) {
    const b = mp_obj_is_set_or_frozenset(other) && !reversed ? other : set_new_from(mp_type_set, other);
    if (b == MP_OBJ_NULL) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    mp_root_push(b);
    r = reversed ? set_binary_op(base, b, a) : set_binary_op(base, a, b);
  } else if (base == R.MP_BINARY_OP_OR) {
    r = set_update_internal(a, other) ? a : MP_OBJ_NULL;
  } else if (base == R.MP_BINARY_OP_XOR) {
    r = set_symdiff_update_internal(a, other) ? a : MP_OBJ_NULL;
  } else {
    r = set_intersection(a, other);
  }
  mp_root_release(mark);
  return r;
}

// ---- the types ----

/** Set-up of this file's static objects (types, methods); run once by mp_init. */
export function objset_static_init(): void {
  mp_fun_2_at(set_add_obj, set_add);
  mp_fun_1_at(set_clear_obj, set_clear);
  mp_fun_1_at(set_copy_obj, set_copy);
  mp_fun_2_at(set_discard_obj, set_discard);
  mp_fun_var_at(set_diff_obj, 1, 0xffff, set_diff);
  mp_fun_var_at(set_diff_update_obj, 1, 0xffff, set_diff_update);
  mp_fun_var_at(set_intersect_obj, 1, 0xffff, set_intersect_multi);
  mp_fun_var_at(set_intersect_update_obj, 1, 0xffff, set_intersect_update);
  mp_fun_2_at(set_isdisjoint_obj, set_isdisjoint);
  mp_fun_2_at(set_issubset_obj, set_issubset);
  mp_fun_2_at(set_issuperset_obj, set_issuperset);
  mp_fun_1_at(set_pop_obj, set_pop);
  mp_fun_2_at(set_remove_obj, set_remove);
  mp_fun_2_at(set_symdiff_obj, set_symdiff);
  mp_fun_2_at(set_symdiff_update_obj, set_symdiff_update);
  mp_fun_var_at(set_union_obj, 1, 0xffff, set_union);
  mp_fun_var_at(set_update_obj, 1, 0xffff, set_update);

  let d = set_locals_dict;
  mp_static_dict_at(d, 18);
  mp_static_dict_add(d, Q.MP_QSTR_add, set_add_obj);
  mp_static_dict_add(d, Q.MP_QSTR_clear, set_clear_obj);
  mp_static_dict_add(d, Q.MP_QSTR_copy, set_copy_obj);
  mp_static_dict_add(d, Q.MP_QSTR_discard, set_discard_obj);
  mp_static_dict_add(d, Q.MP_QSTR_difference, set_diff_obj);
  mp_static_dict_add(d, Q.MP_QSTR_difference_update, set_diff_update_obj);
  mp_static_dict_add(d, Q.MP_QSTR_intersection, set_intersect_obj);
  mp_static_dict_add(d, Q.MP_QSTR_intersection_update, set_intersect_update_obj);
  mp_static_dict_add(d, Q.MP_QSTR_isdisjoint, set_isdisjoint_obj);
  mp_static_dict_add(d, Q.MP_QSTR_issubset, set_issubset_obj);
  mp_static_dict_add(d, Q.MP_QSTR_issuperset, set_issuperset_obj);
  mp_static_dict_add(d, Q.MP_QSTR_pop, set_pop_obj);
  mp_static_dict_add(d, Q.MP_QSTR_remove, set_remove_obj);
  mp_static_dict_add(d, Q.MP_QSTR_symmetric_difference, set_symdiff_obj);
  mp_static_dict_add(d, Q.MP_QSTR_symmetric_difference_update, set_symdiff_update_obj);
  mp_static_dict_add(d, Q.MP_QSTR_union, set_union_obj);
  mp_static_dict_add(d, Q.MP_QSTR_update, set_update_obj);
  mp_static_dict_add(d, Q.MP_QSTR___contains__, mp_op_contains_obj);

  d = frozenset_locals_dict;
  mp_static_dict_at(d, 9);
  mp_static_dict_add(d, Q.MP_QSTR_copy, set_copy_obj);
  mp_static_dict_add(d, Q.MP_QSTR_difference, set_diff_obj);
  mp_static_dict_add(d, Q.MP_QSTR_intersection, set_intersect_obj);
  mp_static_dict_add(d, Q.MP_QSTR_isdisjoint, set_isdisjoint_obj);
  mp_static_dict_add(d, Q.MP_QSTR_issubset, set_issubset_obj);
  mp_static_dict_add(d, Q.MP_QSTR_issuperset, set_issuperset_obj);
  mp_static_dict_add(d, Q.MP_QSTR_symmetric_difference, set_symdiff_obj);
  mp_static_dict_add(d, Q.MP_QSTR_union, set_union_obj);
  mp_static_dict_add(d, Q.MP_QSTR___contains__, mp_op_contains_obj);

  mp_type_setup(mp_type_set, Q.MP_QSTR_set, MP_TYPE_FLAG_NONE, 0);
  mp_type_set_make_new(mp_type_set, set_make_new);
  mp_type_set_print(mp_type_set, set_print);
  mp_type_set_unary_op(mp_type_set, set_unary_op);
  mp_type_set_binary_op(mp_type_set, set_binary_op);
  mp_type_set_getiter(mp_type_set, set_getiter);
  mp_type_set_locals_dict(mp_type_set, set_locals_dict);

  mp_type_setup(mp_type_frozenset, Q.MP_QSTR_frozenset, MP_TYPE_FLAG_EQ_CHECKS_OTHER_TYPE, 0);
  mp_type_set_make_new(mp_type_frozenset, set_make_new);
  mp_type_set_print(mp_type_frozenset, set_print);
  mp_type_set_unary_op(mp_type_frozenset, set_unary_op);
  mp_type_set_binary_op(mp_type_frozenset, set_binary_op);
  mp_type_set_getiter(mp_type_frozenset, set_getiter);
  mp_type_set_locals_dict(mp_type_frozenset, frozenset_locals_dict);

  mp_type_setup(mp_type_set_it, Q.MP_QSTR_iterator, MP_TYPE_FLAG_ITER_IS_ITERNEXT, 0);
  mp_type_set_iternext(mp_type_set_it, set_it_iternext);
}
