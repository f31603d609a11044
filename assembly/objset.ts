// set and frozenset, as MicroPython's objset.c, on a hash table laid out
// like CPython's setobject.c (open addressing, 9 linear probes then
// perturbation, growth at 60% fill) so that sets of small ints iterate in
// the same order as CPython's. Methods take any iterables, as CPython.
//
//   mp_obj_set_t (16 bytes):
//     +0 type (mp_type_set / mp_type_frozenset)   +4 used (live keys)
//     +8 fill (live + deleted slots)               +12 table (0: empty, never grown)
//   table (GC block): +0 mask (slots - 1)   +4 finger (set.pop position)
//                     +8 slots[mask + 1]: { key (0 empty, SENTINEL deleted), hash i32 }
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
  mp_obj_is_obj,
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

@inline const SET_MINSIZE: usize = 8;
@inline const LINEAR_PROBES: usize = 9;
@inline const PERTURB_SHIFT: u64 = 5;
@inline const TBL_HDR: usize = 8;
/** Returned by set_lookup when an exception is pending. */
@inline const SET_ERROR: usize = 1;
/** Error value of set_hash. */
@inline const HASH_ERROR: i64 = i64.MIN_VALUE;

@inline const LOOKUP: u32 = 0;
@inline const ADD: u32 = 1;
@inline const REMOVE: u32 = 2;

import { gc_alloc, gc_free } from "./gc";
import { mp_print_str } from "./mpprint";
import {
  mp_raise_memory_error,
  mp_obj_hash,
  mp_obj_equal_checked,
  mp_getiter,
  mp_iternext,
} from "./runtime";
import { mp_raise_arg1, mp_raise_msg, mp_type_KeyError, mp_type_RuntimeError, mp_type_TypeError } from "./objexcept";
import { mp_obj_iter_alloc } from "./objpolyiter";
import { mp_arg_check_num } from "./argcheck";
import { mp_type_dict, mp_type_dict_view, mp_obj_is_dict_or_ordereddict, mp_static_dict_at, mp_static_dict_add } from "./objdict";
import { mp_map_used, mp_map_filled, mp_map_entries } from "./map";
import { mp_root_mark, mp_root_push, mp_root_alloc, mp_root_release } from "./rootstack";
import { mp_op_contains_obj } from "./opmethods";
import { mp_obj_native_of } from "./sequence";
import * as R from "./runtime0";
import * as Q from "./genhdr";

// ---- the table ----

@inline function set_used(s: mp_obj_t): usize {
  return load<usize>(s + 4);
}
@inline function set_fill(s: mp_obj_t): usize {
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
 * hash(key) as the table uses it (-1 is stored as -2, as CPython, so small
 * ints hash to themselves). HASH_ERROR with TypeError pending if unhashable.
 */
function set_hash(key: mp_obj_t): i64 {
  const h = mp_obj_hash(key);
  if (h == MP_OBJ_NULL) return HASH_ERROR;
  const v = MP_OBJ_SMALL_INT_VALUE(h);
  return v == -1 ? -2 : <i64>v;
}

function table_new(size: usize): usize {
  const t = gc_alloc(TBL_HDR + size * 8, 0);
  if (t == 0) {
    mp_raise_memory_error(TBL_HDR + size * 8);
    return 0;
  }
  store<u32>(t, <u32>(size - 1));
  return t;
}

/** Inserts a key known absent into a table without deleted slots (set_insert_clean). */
function insert_clean(t: usize, key: mp_obj_t, hash: i32): void {
  const mask = <usize>load<u32>(t);
  // perturbation as CPython's 64-bit size_t of the (sign-extended) hash
  let perturb = <u64><i64>hash;
  let i = <usize>(<u32>hash) & mask;
  while (true) {
    let e = t + TBL_HDR + i * 8;
    if (load<usize>(e) == 0) {
      store<usize>(e, key);
      store<i32>(e + 4, hash);
      return;
    }
    if (i + LINEAR_PROBES <= mask) {
      for (let j: usize = 0; j < LINEAR_PROBES; j++) {
        e += 8;
        if (load<usize>(e) == 0) {
          store<usize>(e, key);
          store<i32>(e + 4, hash);
          return;
        }
      }
    }
    perturb >>= PERTURB_SHIFT;
    i = <usize>((<u64>i * 5 + 1 + perturb) & <u64>mask);
  }
}

/**
 * Rebuilds the table of `self` with the smallest power of two > minused
 * slots (at least 8), dropping deleted slots (set_table_resize). `self`
 * must be rooted. Returns false on MemoryError.
 */
function set_resize(self: mp_obj_t, minused: usize): bool {
  let newsize = SET_MINSIZE;
  while (newsize <= minused) newsize <<= 1;
  const nt = table_new(newsize);
  if (nt == 0) return false;
  const old = set_table(self);
  if (old != 0) {
    const n = <usize>load<u32>(old) + 1;
    for (let i: usize = 0; i < n; i++) {
      const e = old + TBL_HDR + i * 8;
      const k = load<usize>(e);
      if (k != 0 && k != MP_OBJ_SENTINEL) insert_clean(nt, k, load<i32>(e + 4));
    }
  }
  store<usize>(self + 12, nt);
  store<usize>(self + 8, set_used(self));
  if (old != 0) gc_free(old);
  return true;
}

/**
 * Finds `key` (with hash `hash`) in set `self`; with ADD inserts it when
 * absent, with REMOVE deletes it when present. Returns the slot address
 * (for REMOVE: the deleted slot, key already replaced), 0 when absent (LOOKUP,
 * REMOVE) or just added (ADD), or SET_ERROR with the exception pending.
 * Equality runs Python code that may change the set: the search restarts,
 * as CPython's. `self` and `key` must be rooted.
 */
function set_lookup(self: mp_obj_t, key: mp_obj_t, hash: i32, kind: u32): usize {
  while (true) {
    let t = set_table(self);
    if (t == 0) {
      if (kind != ADD) return 0;
      t = table_new(SET_MINSIZE);
      if (t == 0) return SET_ERROR;
      store<usize>(self + 12, t);
    }
    const mask = <usize>load<u32>(t);
    let perturb = <u64><i64>hash;
    let i = <usize>(<u32>hash) & mask;
    let freeslot: usize = 0;
    let restart = false;
    let empty: usize = 0;
    while (empty == 0 && !restart) {
      let e = t + TBL_HDR + i * 8;
      let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      while (true) {
        const k = load<usize>(e);
        if (k == 0) {
          empty = e;
          break;
        }
        if (k == MP_OBJ_SENTINEL) {
          if (freeslot == 0) freeslot = e;
        } else if (load<i32>(e + 4) == hash) {
          let eq: i32 = 1;
          if (k != key) {
            eq = mp_obj_equal_checked(k, key);
            if (eq < 0) return SET_ERROR;
            if (set_table(self) != t || load<usize>(e) != k) {
              restart = true;
              break;
            }
          }
          if (eq > 0) {
            if (kind == REMOVE) {
              store<usize>(e, MP_OBJ_SENTINEL);
              store<i32>(e + 4, -1);
              store<usize>(self + 4, set_used(self) - 1);
            }
            return e;
          }
        }
        if (probes == 0) break;
        probes--;
        e += 8;
      }
      if (empty != 0 || restart) break;
      perturb >>= PERTURB_SHIFT;
      i = <usize>((<u64>i * 5 + 1 + perturb) & <u64>mask);
    }
    if (restart) continue;
    // not found
    if (kind != ADD) return 0;
    if (freeslot != 0) {
      store<usize>(freeslot, key);
      store<i32>(freeslot + 4, hash);
      store<usize>(self + 4, set_used(self) + 1);
      return 0;
    }
    store<usize>(empty, key);
    store<i32>(empty + 4, hash);
    store<usize>(self + 4, set_used(self) + 1);
    const fill = set_fill(self) + 1;
    store<usize>(self + 8, fill);
    if (fill * 5 >= mask * 3) {
      const used = set_used(self);
      const mark = mp_root_mark();
      mp_root_push(self);
      mp_root_push(key);
      const ok = set_resize(self, used > 50000 ? used * 2 : used * 4);
      mp_root_release(mark);
      if (!ok) return SET_ERROR;
    }
    return 0;
  }
  return SET_ERROR; // not reached
}

/** Adds `key` to `self` (hashing it); false with the exception pending. Both rooted. */
function set_add_key(self: mp_obj_t, key: mp_obj_t): bool {
  const h = set_hash(key);
  if (h == HASH_ERROR) return false;
  return set_lookup(self, key, <i32>h, ADD) != SET_ERROR;
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
  const h = set_hash(key);
  if (h == HASH_ERROR) return -1;
  const e = set_lookup(self, key, <i32>h, LOOKUP);
  if (e == SET_ERROR) return -1;
  return e != 0 ? 1 : 0;
}

/** The next live slot of `self` at index >= `i`: its address, or 0. */
function set_next(self: mp_obj_t, i: usize): usize {
  const t = set_table(self);
  if (t == 0) return 0;
  const n = <usize>load<u32>(t) + 1;
  for (; i < n; i++) {
    const e = t + TBL_HDR + i * 8;
    const k = load<usize>(e);
    if (k != 0 && k != MP_OBJ_SENTINEL) return e;
  }
  return 0;
}

@inline function slot_index(self: mp_obj_t, e: usize): usize {
  return (e - set_table(self) - TBL_HDR) >> 3;
}

/** Empties `self` (its next table is allocated on demand, 8 slots, as CPython's). */
function set_clear_internal(self: mp_obj_t): void {
  const t = set_table(self);
  store<usize>(self + 4, 0);
  store<usize>(self + 8, 0);
  store<usize>(self + 12, 0);
  if (t != 0) gc_free(t);
}

// ---- construction ----

/** A new empty set of `type`; MP_OBJ_NULL on MemoryError. */
function set_alloc(type: usize): mp_obj_t {
  const o = gc_alloc(16, 0);
  if (o == 0) return mp_raise_memory_error(16);
  store<usize>(o, type);
  return o;
}

/**
 * Adds the keys of set `other` to `self` (set_merge): table copied as is
 * when `self` is empty and the same size, else reinserted. Both rooted.
 */
function set_merge(self: mp_obj_t, other: mp_obj_t): bool {
  const n = set_used(other);
  if (other == self || n == 0) return true;
  let t = set_table(self);
  const mask = t == 0 ? SET_MINSIZE - 1 : <usize>load<u32>(t);
  if ((set_fill(self) + n) * 5 >= mask * 3) {
    if (!set_resize(self, (set_used(self) + n) * 2)) return false;
  }
  t = set_table(self);
  const ot = set_table(other);
  const omask = <usize>load<u32>(ot);
  if (set_fill(self) == 0) {
    if (t == 0) {
      t = table_new(SET_MINSIZE);
      if (t == 0) return false;
      store<usize>(self + 12, t);
    }
    const smask = <usize>load<u32>(t);
    if (smask == omask && set_fill(other) == n) {
      memory.copy(t + TBL_HDR, ot + TBL_HDR, (omask + 1) * 8);
    } else {
      for (let i: usize = 0; i <= omask; i++) {
        const e = ot + TBL_HDR + i * 8;
        const k = load<usize>(e);
        if (k != 0 && k != MP_OBJ_SENTINEL) insert_clean(t, k, load<i32>(e + 4));
      }
    }
    store<usize>(self + 4, n);
    store<usize>(self + 8, smask == omask ? set_fill(other) : n);
    return true;
  }
  for (let i: usize = 0; ; i++) {
    const e = set_next(other, i);
    if (e == 0) break;
    i = slot_index(other, e);
    const mark = mp_root_mark();
    mp_root_push(load<usize>(e));
    const r = set_lookup(self, load<usize>(e), load<i32>(e + 4), ADD);
    mp_root_release(mark);
    if (r == SET_ERROR) return false;
  }
  return true;
}

/** Adds every item of any iterable to `self` (set_update_internal). Both rooted. */
function set_update_internal(self: mp_obj_t, other: mp_obj_t): bool {
  if (mp_obj_is_set_or_frozenset(other)) return set_merge(self, other);
  if (mp_obj_is_dict_or_ordereddict(other)) {
    const map = other + 4;
    const dsize = mp_map_used(map);
    const t = set_table(self);
    const mask = t == 0 ? SET_MINSIZE - 1 : <usize>load<u32>(t);
    if ((set_fill(self) + dsize) * 5 >= mask * 3) {
      if (!set_resize(self, (set_used(self) + dsize) * 2)) return false;
    }
    for (let i: usize = 0; i < mp_map_filled(map); i++) {
      const k = load<usize>(mp_map_entries(map) + i * 8);
      if (k == MP_OBJ_NULL || k == MP_OBJ_SENTINEL) continue;
      const mark = mp_root_mark();
      mp_root_push(k);
      const ok = set_add_key(self, k);
      mp_root_release(mark);
      if (!ok) return false;
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
    if (item == MP_OBJ_NULL) {
      mp_root_release(mark);
      return false;
    }
    store<usize>(slot, item);
    if (!set_add_key(self, item)) {
      mp_root_release(mark);
      return false;
    }
  }
  mp_root_release(mark);
  return true;
}

/** A new set/frozenset of `type` holding the items of `iterable` (or empty for 0). */
function set_new_from(type: usize, iterable: mp_obj_t): mp_obj_t {
  const s = set_alloc(type);
  if (s == MP_OBJ_NULL || iterable == 0) return s;
  const mark = mp_root_mark();
  mp_root_push(s);
  mp_root_push(iterable);
  const ok = set_update_internal(s, iterable);
  mp_root_release(mark);
  return ok ? s : MP_OBJ_NULL;
}

/** A new set of the `n` items at `items` (rooted words), as mp_obj_new_set. MP_OBJ_NULL on error. */
export function mp_obj_new_set(n: usize, items: usize): mp_obj_t {
  const s = set_alloc(mp_type_set);
  if (s == MP_OBJ_NULL) return MP_OBJ_NULL;
  const mark = mp_root_mark();
  mp_root_push(s);
  for (let i: usize = 0; i < n; i++) {
    if (!set_add_key(s, load<usize>(items + (i << 2)))) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
  }
  mp_root_release(mark);
  return s;
}

/**
 * Adds `item` to set `s` (mp_obj_set_store, for set comprehensions).
 * Returns `s`, or MP_OBJ_NULL with the exception pending (unhashable item,
 * MemoryError).
 */
export function mp_obj_set_store(s: mp_obj_t, item: mp_obj_t): mp_obj_t {
  const mark = mp_root_mark();
  mp_root_push(s);
  mp_root_push(item);
  const ok = set_add_key(s, item);
  mp_root_release(mark);
  return ok ? s : MP_OBJ_NULL;
}

/** A new set/frozenset from any iterable (set(x) / frozenset(x) for other modules). */
export function mp_obj_new_set_from_iter(type: usize, iterable: mp_obj_t): mp_obj_t {
  return set_new_from(type, iterable);
}

function set_make_new(type: usize, n_args: usize, n_kw: usize, args: usize): mp_obj_t {
  if (!mp_arg_check_num(n_args, n_kw, 0, 1, false)) return MP_OBJ_NULL;
  if (n_args == 0) return set_alloc(type);
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
  set_clear_internal(self);
  return mp_const_none;
}

/** A shallow copy of `self` with type `type` (make_new_set_basetype + merge). */
function set_copy_as(type: usize, self: mp_obj_t): mp_obj_t {
  const o = set_alloc(type);
  if (o == MP_OBJ_NULL) return MP_OBJ_NULL;
  const mark = mp_root_mark();
  mp_root_push(o);
  const ok = set_merge(o, self);
  mp_root_release(mark);
  return ok ? o : MP_OBJ_NULL;
}

function set_copy(self: mp_obj_t): mp_obj_t {
  if (mp_obj_is_type(self, mp_type_frozenset)) return self;
  return set_copy_as(load<usize>(self), self);
}

/** Removes `key` if present: 1 removed, 0 absent, -1 error (set_discard_key). */
function set_discard_key(self: mp_obj_t, key: mp_obj_t): i32 {
  const mark = mp_root_mark();
  const k = lookup_key(key);
  if (k == MP_OBJ_NULL) {
    mp_root_release(mark);
    return -1;
  }
  mp_root_push(k);
  const h = set_hash(k);
  if (h == HASH_ERROR) {
    mp_root_release(mark);
    return -1;
  }
  const e = set_lookup(self, k, <i32>h, REMOVE);
  mp_root_release(mark);
  if (e == SET_ERROR) return -1;
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

function set_pop(self: mp_obj_t): mp_obj_t {
  if (set_used(self) == 0) return mp_raise_msg(mp_type_KeyError, "pop from an empty set");
  const t = set_table(self);
  const mask = <usize>load<u32>(t);
  let i = <usize>load<u32>(t + 4) & mask;
  while (true) {
    const k = load<usize>(t + TBL_HDR + i * 8);
    if (k != 0 && k != MP_OBJ_SENTINEL) break;
    i = i == mask ? 0 : i + 1;
  }
  const e = t + TBL_HDR + i * 8;
  const key = load<usize>(e);
  store<usize>(e, MP_OBJ_SENTINEL);
  store<i32>(e + 4, -1);
  store<usize>(self + 4, set_used(self) - 1);
  store<u32>(t + 4, <u32>(i + 1));
  return key;
}

/** Removes from `self` every item of `other` (set_difference_update_internal). Both rooted. */
function set_difference_update_internal(self: mp_obj_t, other: mp_obj_t): bool {
  if (self == other) {
    set_clear_internal(self);
    return true;
  }
  if (mp_obj_is_set_or_frozenset(other)) {
    for (let i: usize = 0; ; i++) {
      const e = set_next(other, i);
      if (e == 0) break;
      i = slot_index(other, e);
      const mark = mp_root_mark();
      mp_root_push(load<usize>(e));
      const r = set_lookup(self, load<usize>(e), load<i32>(e + 4), REMOVE);
      mp_root_release(mark);
      if (r == SET_ERROR) return false;
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

/** self - other as a new set of self's type (set_difference). Both rooted. */
function set_difference(self: mp_obj_t, other: mp_obj_t): mp_obj_t {
  let other_size: usize = 0;
  let copy_way = false;
  if (mp_obj_is_set_or_frozenset(other)) other_size = set_used(other);
  else if (mp_obj_is_dict_or_ordereddict(other)) other_size = mp_map_used(other + 4);
  else copy_way = true;
  if (copy_way || (set_used(self) >> 2) > other_size) {
    const r = set_copy_as(load<usize>(self), self);
    if (r == MP_OBJ_NULL) return MP_OBJ_NULL;
    const mark = mp_root_mark();
    mp_root_push(r);
    const ok = set_difference_update_internal(r, other);
    mp_root_release(mark);
    return ok ? r : MP_OBJ_NULL;
  }
  const result = set_alloc(load<usize>(self));
  if (result == MP_OBJ_NULL) return MP_OBJ_NULL;
  const mark = mp_root_mark();
  mp_root_push(result);
  const slot = mp_root_alloc(1);
  for (let i: usize = 0; ; i++) {
    const e = set_next(self, i);
    if (e == 0) break;
    i = slot_index(self, e);
    const k = load<usize>(e);
    store<usize>(slot, k);
    let found: usize;
    if (mp_obj_is_set_or_frozenset(other)) {
      found = set_lookup(other, k, load<i32>(e + 4), LOOKUP);
    } else {
      const de = mp_map_lookup_ext(other + 4, k);
      found = de;
    }
    if (found == SET_ERROR || (found == 0 && set_lookup(result, k, load<i32>(e + 4), ADD) == SET_ERROR)) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
  }
  mp_root_release(mark);
  return result;
}

import { mp_map_lookup, MP_MAP_LOOKUP, MP_MAP_ERROR } from "./map";
/** Dict key lookup with set_lookup's result convention (entry, 0, SET_ERROR). */
function mp_map_lookup_ext(map: usize, key: mp_obj_t): usize {
  const e = mp_map_lookup(map, key, MP_MAP_LOOKUP);
  return e == MP_MAP_ERROR ? SET_ERROR : e;
}

function set_diff(n_args: usize, args: usize): mp_obj_t {
  const self = load<usize>(args);
  if (n_args == 1) return set_copy_as(load<usize>(self), self);
  let r = set_difference(self, load<usize>(args + 4));
  if (r == MP_OBJ_NULL) return MP_OBJ_NULL;
  const mark = mp_root_mark();
  mp_root_push(r);
  for (let i: usize = 2; i < n_args; i++) {
    if (!set_difference_update_internal(r, load<usize>(args + (i << 2)))) {
      r = MP_OBJ_NULL;
      break;
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

/** self & other as a new set of self's type (set_intersection). Both rooted. */
function set_intersection(self: mp_obj_t, other: mp_obj_t): mp_obj_t {
  if (self == other) return set_copy_as(load<usize>(self), self);
  const result = set_alloc(load<usize>(self));
  if (result == MP_OBJ_NULL) return MP_OBJ_NULL;
  const mark = mp_root_mark();
  mp_root_push(result);
  if (mp_obj_is_set_or_frozenset(other)) {
    let a = self;
    let b = other;
    if (set_used(b) > set_used(a)) {
      a = other;
      b = self;
    }
    // iterate the smaller set b, keep its keys found in a
    const slot = mp_root_alloc(1);
    for (let i: usize = 0; ; i++) {
      const e = set_next(b, i);
      if (e == 0) break;
      i = slot_index(b, e);
      const k = load<usize>(e);
      store<usize>(slot, k);
      const h = load<i32>(e + 4);
      const f = set_lookup(a, k, h, LOOKUP);
      if (f == SET_ERROR || (f != 0 && set_lookup(result, k, h, ADD) == SET_ERROR)) {
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
    const h = set_hash(item);
    if (h == HASH_ERROR) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    const f = set_lookup(self, item, <i32>h, LOOKUP);
    if (f == SET_ERROR || (f != 0 && set_lookup(result, item, <i32>h, ADD) == SET_ERROR)) {
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

/** Replaces the contents of `self` by those of `other` (a fresh set). */
function set_swap_bodies(self: mp_obj_t, other: mp_obj_t): void {
  const old = set_table(self);
  store<usize>(self + 4, set_used(other));
  store<usize>(self + 8, set_fill(other));
  store<usize>(self + 12, set_table(other));
  store<usize>(other + 4, 0);
  store<usize>(other + 8, 0);
  store<usize>(other + 12, 0);
  if (old != 0) gc_free(old);
}

function set_intersect_update(n_args: usize, args: usize): mp_obj_t {
  const self = load<usize>(args);
  const r = set_intersect_multi(n_args, args);
  if (r == MP_OBJ_NULL) return MP_OBJ_NULL;
  if (r != self) set_swap_bodies(self, r);
  return mp_const_none;
}

/** Adds or removes each item of `other` in `self` (set_symmetric_difference_update). Both rooted. */
function set_symdiff_update_internal(self: mp_obj_t, other: mp_obj_t): bool {
  if (self == other) {
    set_clear_internal(self);
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
    const k = load<usize>(e);
    const h = load<i32>(e + 4);
    const m2 = mp_root_mark();
    mp_root_push(k);
    let r = set_lookup(self, k, h, REMOVE);
    if (r == 0) r = set_lookup(self, k, h, ADD);
    mp_root_release(m2);
    if (r == SET_ERROR) {
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

/** self ^ other: set(other) of self's type, then ^= self (as CPython). */
function set_symdiff(self: mp_obj_t, other: mp_obj_t): mp_obj_t {
  const r = set_new_from(load<usize>(self), other);
  if (r == MP_OBJ_NULL) return MP_OBJ_NULL;
  const mark = mp_root_mark();
  mp_root_push(r);
  const ok = set_symdiff_update_internal(r, self);
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
    const mark = mp_root_mark();
    mp_root_push(load<usize>(e));
    const f = set_lookup(b, load<usize>(e), load<i32>(e + 4), LOOKUP);
    mp_root_release(mark);
    if (f == SET_ERROR) return -1;
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
  const slot = mp_root_alloc(1);
  let result = mp_const_true;
  while (true) {
    const item = mp_iternext(iter);
    if (item == MP_OBJ_STOP_ITERATION) break;
    if (item == MP_OBJ_NULL) {
      result = MP_OBJ_NULL;
      break;
    }
    store<usize>(slot, item);
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
  if (mp_obj_is_set_or_frozenset(other)) {
    let a = self;
    let b = other;
    if (set_used(a) > set_used(b)) {
      a = other;
      b = self;
    }
    const r = set_any_in(a, b);
    if (r < 0) return MP_OBJ_NULL;
    return mp_obj_new_bool(r == 0);
  }
  return iter_all_in_or_out(self, other, false);
}

/** 1 if some key of set `a` is in set `b`, 0 if none, -1 on error. */
function set_any_in(a: mp_obj_t, b: mp_obj_t): i32 {
  for (let i: usize = 0; ; i++) {
    const e = set_next(a, i);
    if (e == 0) break;
    i = slot_index(a, e);
    const mark = mp_root_mark();
    mp_root_push(load<usize>(e));
    const f = set_lookup(b, load<usize>(e), load<i32>(e + 4), LOOKUP);
    mp_root_release(mark);
    if (f == SET_ERROR) return -1;
    if (f != 0) return 1;
  }
  return 0;
}

// ---- operators ----

function set_unary_op(op: u32, self: mp_obj_t): mp_obj_t {
  const n = set_used(self);
  if (op == R.MP_UNARY_OP_BOOL) return mp_obj_new_bool(n != 0);
  if (op == R.MP_UNARY_OP_LEN) return MP_OBJ_NEW_SMALL_INT(<i32>n);
  if (op == R.MP_UNARY_OP_HASH && mp_obj_is_type(self, mp_type_frozenset)) {
    // order-independent: xor of shuffled item hashes (stored in the table,
    // so no recursion), then mixed with the size
    let h: u32 = 0;
    for (let i: usize = 0; ; i++) {
      const e = set_next(self, i);
      if (e == 0) break;
      i = slot_index(self, e);
      const x = <u32>load<i32>(e + 4);
      h ^= ((x ^ 89869747) ^ (x << 16)) * 3644798167;
    }
    h ^= (<u32>n + 1) * 1927868237;
    h ^= (h >> 11) ^ (h >> 25);
    h = h * 69069 + 907133923;
    return MP_OBJ_NEW_SMALL_INT(<i32>h);
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
