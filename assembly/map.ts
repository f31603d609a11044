// Maps (dict storage, module globals, instance and class dicts, kwargs) and
// the hash sets behind set/frozenset, as MicroPython's map.c.
//
// A map is either a hash table (open addressing, linear probing, the slot
// of a key is hash % alloc; NOT insertion-ordered) or, when is_ordered is
// set, a plain array of entries in insertion order, searched linearly and
// never hashed (OrderedDict, kwargs, the static locals dicts of built-in
// types and modules).
//
//   mp_map_t (3 words, embedded in dicts, modules and instances):
//     +0 bit0 all_keys_are_qstrs, bit1 is_fixed (read-only), bit2 is_ordered,
//        bits 3.. used (live entries)
//     +4 alloc: entry slots of the table
//     +8 table: alloc entries { key, value } (GC block, or static data for
//        fixed maps); key MP_OBJ_NULL = empty slot, MP_OBJ_SENTINEL = deleted
//        slot (a hash table keeps probing past it)
//
//   mp_set_t (3 words, embedded in set objects): +0 alloc  +4 used
//     +8 table: alloc keys, with the same empty/deleted markers
//
// Hash tables grow to the next size of MicroPython's allocation table
// (0, 2, 4, .. 12, then primes growing by 1.25x..1.5x) when an insertion
// finds no free slot; every live key is then hashed again into a new table.
// An ordered map grows by 4 entries.
//
// The slots every key ends up in are map.c's; only the work to get there is
// cut: a qstr is looked up among qstrs by identity (in a small table by a
// plain scan, with no hash), two str values are compared by their cached
// hashes before their bytes, positions are computed without a division,
// and a table of qstrs grows in place when its block can.
//
// mp_map_lookup returns the address of the entry ({key, value}), 0 when not
// found, or MP_MAP_ERROR when hashing/comparing raised or the heap is full.

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_OBJ_SENTINEL,
  mp_obj_is_qstr,
  mp_obj_is_obj,
  MP_OBJ_QSTR_VALUE,
  MP_OBJ_SMALL_INT_VALUE,
  mp_obj_is_small_int,
} from "./obj";
import { qstr_hash } from "./qstr";
import { gc_alloc, gc_free, gc_realloc } from "./gc";
import { mp_static_alloc } from "./memmap";
import { mp_obj_hash, mp_obj_equal_checked } from "./runtime";
import { mp_raise_memory_error } from "./runtime";
import { mp_root_mark, mp_root_push, mp_root_release } from "./rootstack";
import {
  mp_type_str,
  mp_obj_str_get_hash,
  mp_obj_str_get_len,
  mp_obj_str_get_data_ptr,
} from "./objstr";
import { mp_raise_msg, mp_raise_type, mp_type_RuntimeError, mp_type_TypeError } from "./objexcept";

@inline export const MP_MAP_LOOKUP: u32 = 0;
@inline export const MP_MAP_LOOKUP_ADD_IF_NOT_FOUND: u32 = 1;
@inline export const MP_MAP_LOOKUP_REMOVE_IF_FOUND: u32 = 2;
/** For mp_set_lookup only: add the key if absent, remove it if present. */
@inline export const MP_MAP_LOOKUP_ADD_IF_NOT_FOUND_OR_REMOVE_IF_FOUND: u32 = 3;
/** Returned by mp_map_lookup / mp_set_lookup when an exception is pending. */
@inline export const MP_MAP_ERROR: usize = 1;

@inline const F_QSTRS: u32 = 1;
@inline const F_FIXED: u32 = 2;
@inline const F_ORDERED: u32 = 4;
@inline const F_ALL: u32 = 7;

// sizes a hash table grows through (the first ones fill whole 16-byte blocks)
const hash_allocation_sizes: usize = memory.data<u16>([
  0, 2, 4, 6, 8, 10, 12,
  17, 23, 29, 37, 47, 59, 73,
  97, 127, 167, 223, 293, 389, 521, 691, 919, 1223, 1627, 2161,
  3229, 4831, 7243, 10861, 16273, 24407, 36607, 54907,
]);
@inline const N_HASH_ALLOCATION_SIZES: usize = 34;

/** The first table size >= x (get_hash_alloc_greater_or_equal_to). */
function hash_alloc_at_least(x: usize): usize {
  for (let i: usize = 0; i < N_HASH_ALLOCATION_SIZES; i++) {
    const s = <usize>load<u16>(hash_allocation_sizes + (i << 1));
    if (s >= x) return s;
  }
  return (x + (x >> 1)) | 1;
}

// ---- map fields ----

/** Makes a map read-only (as a static one): stores and deletes fail (module dicts such as sys's). */
export function mp_map_set_fixed(map: usize): void {
  store<u32>(map, load<u32>(map) | F_FIXED);
}

/** Makes an empty map an ordered (linear) one, as OrderedDict's (dict.map.is_ordered = 1). */
export function mp_map_set_ordered(map: usize): void {
  store<u32>(map, load<u32>(map) | F_ORDERED);
}

@inline export function mp_map_used(map: usize): usize {
  return load<u32>(map) >> 3;
}
@inline function set_used(map: usize, n: usize): void {
  store<u32>(map, (<u32>n << 3) | (load<u32>(map) & F_ALL));
}
@inline export function mp_map_alloc(map: usize): usize {
  return load<usize>(map + 4);
}
@inline export function mp_map_table(map: usize): usize {
  return load<usize>(map + 8);
}
/** Address of the first entry ({key, value} pairs, 8 bytes each). */
@inline export function mp_map_entries(map: usize): usize {
  return load<usize>(map + 8);
}
/**
 * Entry slots to visit when iterating (the table's alloc): iterate
 * 0..filled and skip slots whose key is NULL or SENTINEL (mp_map_slot_is_filled).
 */
@inline export function mp_map_filled(map: usize): usize {
  return load<usize>(map + 4);
}
@inline export function mp_map_is_fixed(map: usize): bool {
  return (load<u32>(map) & F_FIXED) != 0;
}
@inline export function mp_map_is_ordered(map: usize): bool {
  return (load<u32>(map) & F_ORDERED) != 0;
}
@inline export function mp_map_all_keys_are_qstrs(map: usize): bool {
  return (load<u32>(map) & F_QSTRS) != 0;
}

/** True if the entry at `e` holds a live key. */
@inline export function mp_map_slot_is_filled(e: usize): bool {
  const k = load<usize>(e);
  return k != MP_OBJ_NULL && k != MP_OBJ_SENTINEL;
}

// ---- initialisation ----

/** Initialises an empty hash map (no table yet). */
export function mp_map_init(map: usize): void {
  store<u32>(map, F_QSTRS);
  store<usize>(map + 4, 0);
  store<usize>(map + 8, 0);
}

/**
 * Initialises `map` as a hash map with a table of exactly `n` slots
 * (mp_map_init(map, n)); returns false on MemoryError (exception set).
 */
export function mp_map_init_n(map: usize, n: usize): bool {
  mp_map_init(map);
  if (n == 0) return true;
  const t = gc_alloc(n << 3, 0);
  if (t == 0) {
    mp_raise_memory_error(n << 3);
    return false;
  }
  store<usize>(map + 4, n);
  store<usize>(map + 8, t);
  return true;
}

/**
 * Initialises `map` over `n` existing {key, value} pairs at `table` (qstr
 * keys): fixed and ordered, used = alloc = n (mp_map_init_fixed_table). The
 * pairs are not copied.
 */
export function mp_map_init_fixed_table(map: usize, n: usize, table: usize): void {
  store<u32>(map, (<u32>n << 3) | F_QSTRS | F_FIXED | F_ORDERED);
  store<usize>(map + 4, n);
  store<usize>(map + 8, table);
}

/**
 * A fixed, ordered map in the static arena for `n` entries (the locals dict
 * of a built-in type or module). Fill it with mp_map_static_add.
 */
export function mp_map_init_static(map: usize, n: usize): void {
  const t = mp_static_alloc(n << 3);
  store<u32>(map, F_QSTRS | F_FIXED | F_ORDERED);
  store<usize>(map + 4, n);
  store<usize>(map + 8, t);
}

/** Appends key/value to a static map (set-up time only). */
export function mp_map_static_add(map: usize, key: mp_obj_t, value: mp_obj_t): void {
  const i = mp_map_used(map);
  assert(i < load<usize>(map + 4), "static map full");
  const e = load<usize>(map + 8) + (i << 3);
  store<usize>(e, key);
  store<usize>(e + 4, value);
  set_used(map, i + 1);
  if (!mp_obj_is_qstr(key)) store<u32>(map, load<u32>(map) & ~F_QSTRS);
}

/**
 * Removes all entries and frees the table (mp_map_clear); the map stays
 * ordered if it was. Fixed maps are left alone (callers refuse them first).
 */
export function mp_map_clear(map: usize): void {
  if (mp_map_is_fixed(map)) return;
  const t = load<usize>(map + 8);
  if (t != 0) gc_free(t);
  store<u32>(map, F_QSTRS | (load<u32>(map) & F_ORDERED));
  store<usize>(map + 4, 0);
  store<usize>(map + 8, 0);
}

/**
 * Copies `src` into `dst` (dict.copy, class dicts): same alloc, the table
 * duplicated as is (same slots, so nothing is hashed again); ordered if
 * `src` is; never fixed. Returns false on MemoryError. `src`'s owner must
 * be rooted.
 */
export function mp_map_copy(dst: usize, src: usize): bool {
  mp_map_init(dst);
  const alloc = load<usize>(src + 4);
  if (alloc != 0) {
    const nt = gc_alloc(alloc << 3, 0);
    if (nt == 0) {
      mp_raise_memory_error(alloc << 3);
      return false;
    }
    memory.copy(nt, load<usize>(src + 8), alloc << 3);
    store<usize>(dst + 4, alloc);
    store<usize>(dst + 8, nt);
  }
  store<u32>(dst, (load<u32>(src) & ~F_FIXED));
  return true;
}

// ---- hashing ----

/** hash(key) as the mp_uint_t of a 32-bit port; -1 with TypeError pending if unhashable. */
@inline function key_hash(key: mp_obj_t): i64 {
  if (mp_obj_is_qstr(key)) return <i64>qstr_hash(MP_OBJ_QSTR_VALUE(key));
  if (mp_obj_is_small_int(key)) return <i64>(<u32>MP_OBJ_SMALL_INT_VALUE(key));
  const h = mp_obj_hash(key);
  if (h == MP_OBJ_NULL) return -1;
  return <i64>(<u32>MP_OBJ_SMALL_INT_VALUE(h));
}

/** Keys that can never be equal though not identical: two qstrs, two small ints. */
@inline function fast_unequal(a: mp_obj_t, b: mp_obj_t): bool {
  if (mp_obj_is_qstr(a) && mp_obj_is_qstr(b)) return true;
  return mp_obj_is_small_int(a) && mp_obj_is_small_int(b);
}

// h % d without a division (Lemire's fastmod, exact for all 32-bit h, d):
// M = 2**64 / d + 1 is kept for the last few divisors in a small cache.
const mod_cache: usize = memory.data(16 * 16, 16); // { d: u32, pad, M: u64 }

/** hash % alloc, as the table position (the same value as the `%` operator). */
@inline function hash_mod(h: u32, d: usize): usize {
  const c = mod_cache + ((d & 15) << 4);
  let m = load<u64>(c + 8);
  if (load<u32>(c) != <u32>d) {
    m = u64.MAX_VALUE / <u64>d + 1;
    store<u32>(c, <u32>d);
    store<u64>(c + 8, m);
  }
  const low = m * <u64>h;
  const hi = (((low & 0xffffffff) * <u64>d) >> 32) + (low >> 32) * <u64>d;
  return <usize>(hi >> 32);
}

/** hash(key) for a key known to be a str object (cached in the object). */
@inline function str_obj_hash(key: mp_obj_t): u32 {
  const h = load<u32>(key + 4);
  return h != 0 ? h : mp_obj_str_get_hash(key);
}

@inline function is_str_obj(o: mp_obj_t): bool {
  return mp_obj_is_obj(o) && load<usize>(o) == mp_type_str;
}

/**
 * a == b for two str values (qstrs or str objects, not both qstrs) of
 * equal hash: by length and bytes.
 */
function str_values_equal(a: mp_obj_t, b: mp_obj_t): bool {
  const la = mp_obj_str_get_len(a);
  if (la != mp_obj_str_get_len(b)) return false;
  return memory.compare(mp_obj_str_get_data_ptr(a), mp_obj_str_get_data_ptr(b), la) == 0;
}

/**
 * Equality of a slot key `k` (live, not identical) with `key` of hash `h`
 * where it needs no Python code: 1 equal, 0 not equal, 2 unknown (compare
 * with mp_obj_equal). Two qstrs or two small ints differ; a str key equals
 * a str slot only with the same hash and bytes, and never a small int or an
 * immediate.
 */
@inline function quick_equal(k: mp_obj_t, key: mp_obj_t, h: u32, key_is_str: bool): i32 {
  if (key_is_str) {
    if (mp_obj_is_qstr(k)) {
      if (mp_obj_is_qstr(key)) return 0;
      return qstr_hash(MP_OBJ_QSTR_VALUE(k)) == h && str_values_equal(k, key) ? 1 : 0;
    }
    if ((k & 3) != 0) return 0; // small int or immediate
    if (load<usize>(k) == mp_type_str) {
      const kh = load<u32>(k + 4);
      return (kh == 0 || kh == h) && str_values_equal(k, key) ? 1 : 0;
    }
    return 2;
  }
  return fast_unequal(k, key) ? 0 : 2;
}

/**
 * Places `key` in the first empty slot of its probe sequence (in a fresh
 * table: no deleted slots, no equal keys).
 */
@inline function place(t: usize, alloc: usize, hash: u32, key: mp_obj_t, value: mp_obj_t): void {
  let pos = hash_mod(hash, alloc);
  while (load<usize>(t + (pos << 3)) != MP_OBJ_NULL) {
    pos++;
    if (pos == alloc) pos = 0;
  }
  const e = t + (pos << 3);
  store<usize>(e, key);
  store<usize>(e + 4, value);
}

@inline const REHASH_SCRATCH_ENTRIES: usize = 32;
/** Tables of up to this many slots are searched for a qstr by a plain scan. */
@inline const SMALL_MAP_SCAN: usize = 8;
const rehash_scratch: usize = memory.data(<i32>REHASH_SCRATCH_ENTRIES << 3, 8);

/**
 * Grows a hash map's table to the next allocation size and puts every live
 * key back (mp_map_rehash). Keys are hashed again, which may run a user
 * __hash__: if one raises, the old table is restored and false returned.
 * `key` (the key being added) is kept rooted; the map's owner must be rooted.
 */
function map_rehash(map: usize, key: mp_obj_t): bool {
  const old_flags = load<u32>(map);
  const old_alloc = load<usize>(map + 4);
  const old = load<usize>(map + 8);
  const new_alloc = hash_alloc_at_least(old_alloc + 1);
  if ((old_flags & F_QSTRS) != 0 && old_alloc != 0 && old_alloc <= REHASH_SCRATCH_ENTRIES) {
    // qstr keys (an instance's attributes...): when the table's block can
    // grow where it is, the entries are set out again in place. The slots
    // come out as with a new table; hashing a qstr runs no code, so
    // nothing can collect while the entries sit in the scratch buffer.
    const n = old_alloc << 3;
    memory.copy(rehash_scratch, old, n);
    if (gc_realloc(old, new_alloc << 3, false) == old) {
      memory.fill(old, 0, new_alloc << 3);
      store<usize>(map + 4, new_alloc);
      for (let e = rehash_scratch; e < rehash_scratch + n; e += 8) {
        const k = load<usize>(e);
        if (k == MP_OBJ_NULL || k == MP_OBJ_SENTINEL) continue;
        place(old, new_alloc, qstr_hash(MP_OBJ_QSTR_VALUE(k)), k, load<usize>(e + 4));
      }
      return true;
    }
  }
  const mark = mp_root_mark();
  mp_root_push(key);
  mp_root_push(old);
  const nt = gc_alloc(new_alloc << 3, 0);
  if (nt == 0) {
    mp_root_release(mark);
    mp_raise_memory_error(new_alloc << 3);
    return false;
  }
  store<usize>(map + 4, new_alloc);
  store<usize>(map + 8, nt);
  let qstrs = true;
  for (let i: usize = 0; i < old_alloc; i++) {
    const e = old + (i << 3);
    const k = load<usize>(e);
    if (k == MP_OBJ_NULL || k == MP_OBJ_SENTINEL) continue;
    const h = key_hash(k);
    if (h < 0 || load<usize>(map + 8) != nt) {
      // a __hash__ raised (or changed the map): put the old table back
      store<u32>(map, old_flags);
      store<usize>(map + 4, old_alloc);
      store<usize>(map + 8, old);
      mp_root_release(mark);
      if (h >= 0) mp_raise_msg(mp_type_RuntimeError, "dictionary changed size during iteration");
      return false;
    }
    if (!mp_obj_is_qstr(k)) qstrs = false;
    place(nt, new_alloc, <u32>h, k, load<usize>(e + 4));
  }
  store<u32>(map, (old_flags & ~F_QSTRS) | (qstrs ? F_QSTRS : 0));
  mp_root_release(mark);
  if (old != 0) gc_free(old);
  return true;
}

// ---- lookup ----

/**
 * Looks up `key` in `map` (mp_map_lookup). kind: MP_MAP_LOOKUP,
 * MP_MAP_LOOKUP_ADD_IF_NOT_FOUND (a new entry gets value MP_OBJ_NULL; the
 * caller stores the value) or MP_MAP_LOOKUP_REMOVE_IF_FOUND (the returned
 * entry is already removed: its key is NULL or SENTINEL, its value still
 * readable; the caller clears the value and must not keep the entry).
 * Returns the entry address, 0 if not found, or MP_MAP_ERROR (exception set).
 * Keys compare by identity, then by ==. A map whose keys are all qstrs finds
 * only qstrs and str objects: any other key is "not found" without hashing.
 * Ordered maps and empty maps never hash the key. Fixed maps: lookups only.
 */
export function mp_map_lookup(map: usize, key: mp_obj_t, kind: u32): usize {
  const flags = load<u32>(map);
  let only_ptrs = (flags & F_QSTRS) != 0;
  if (only_ptrs && !mp_obj_is_qstr(key)) {
    if (mp_obj_is_obj(key) && load<usize>(key) == mp_type_str) {
      // a str object may equal a qstr key: compare by value
      only_ptrs = false;
    } else if (kind != MP_MAP_LOOKUP_ADD_IF_NOT_FOUND) {
      return 0;
    }
  }
  if ((flags & F_ORDERED) != 0) return ordered_lookup(map, key, kind, only_ptrs);

  const alloc0 = load<usize>(map + 4);
  if (alloc0 == 0) {
    if (kind != MP_MAP_LOOKUP_ADD_IF_NOT_FOUND) return 0;
    if (!map_rehash(map, key)) return MP_MAP_ERROR;
  } else if (only_ptrs && alloc0 <= SMALL_MAP_SCAN && kind != MP_MAP_LOOKUP_REMOVE_IF_FOUND) {
    // a qstr in a small table of qstrs: wherever it sits, it is found by
    // identity without hashing; a new key is placed by hash below
    const t0 = load<usize>(map + 8);
    const end = t0 + (alloc0 << 3);
    for (let e = t0; e < end; e += 8) {
      if (load<usize>(e) == key) return e;
    }
    if (kind == MP_MAP_LOOKUP) return 0;
  }

  // the hash; a user __hash__ may run Python code
  let h: u32;
  if (mp_obj_is_qstr(key)) {
    h = qstr_hash(MP_OBJ_QSTR_VALUE(key));
  } else if (mp_obj_is_small_int(key)) {
    h = <u32>MP_OBJ_SMALL_INT_VALUE(key);
  } else if (is_str_obj(key)) {
    h = str_obj_hash(key);
  } else {
    const hh = mp_obj_hash(key);
    if (hh == MP_OBJ_NULL) return MP_MAP_ERROR;
    h = <u32>MP_OBJ_SMALL_INT_VALUE(hh);
    if (load<usize>(map + 4) == 0) {
      // the __hash__ emptied the map
      if (kind != MP_MAP_LOOKUP_ADD_IF_NOT_FOUND) return 0;
      if (!map_rehash(map, key)) return MP_MAP_ERROR;
    }
  }

  let t = load<usize>(map + 8);
  let alloc = load<usize>(map + 4);
  let pos = hash_mod(h, alloc);
  let start = pos;
  if (only_ptrs && kind != MP_MAP_LOOKUP_REMOVE_IF_FOUND) {
    // a qstr in a map of qstrs: identity only, up to an empty slot (the
    // first deleted slot on the way takes a new key)
    const end = t + (alloc << 3);
    const first = t + (pos << 3);
    let e = first;
    let free: usize = 0;
    while (true) {
      const k = load<usize>(e);
      if (k == key) return e;
      if (k == MP_OBJ_NULL) {
        if (kind == MP_MAP_LOOKUP) return 0;
        return add_at(map, free != 0 ? free : e, key);
      }
      if (k == MP_OBJ_SENTINEL && free == 0) free = e;
      e += 8;
      if (e == end) e = t;
      if (e == first) break;
    }
    if (kind == MP_MAP_LOOKUP) return 0;
    if (free != 0) return add_at(map, free, key);
    // full: grow, then the general search below places the key
    if (!map_rehash(map, key)) return MP_MAP_ERROR;
    t = load<usize>(map + 8);
    alloc = load<usize>(map + 4);
    pos = hash_mod(h, alloc);
    start = pos;
  }
  // str keys: a slot holding a str of another hash cannot match, one of
  // the same hash is compared by bytes
  const key_is_str = mp_obj_is_qstr(key) || is_str_obj(key);
  let avail: usize = 0;
  while (true) {
    const e = t + (pos << 3);
    const k = load<usize>(e);
    if (k == MP_OBJ_NULL) {
      if (kind != MP_MAP_LOOKUP_ADD_IF_NOT_FOUND) return 0;
      return add_at(map, avail != 0 ? avail : e, key);
    }
    if (k == MP_OBJ_SENTINEL) {
      if (avail == 0) avail = e;
    } else if (k == key) {
      return found_at(map, e, pos, kind);
    } else if (!only_ptrs) {
      const q = quick_equal(k, key, h, key_is_str);
      if (q == 1) return found_at(map, e, pos, kind);
      if (q == 2) {
        const eq = mp_obj_equal_checked(k, key);
        if (eq < 0) return MP_MAP_ERROR;
        // a user __eq__ may have changed the map: search again
        if (load<usize>(map + 8) != t || load<usize>(e) != k) return mp_map_lookup(map, key, kind);
        if (eq > 0) return found_at(map, e, pos, kind);
      }
    }
    pos++;
    if (pos == alloc) pos = 0;
    if (pos == start) {
      // went all the way round
      if (kind != MP_MAP_LOOKUP_ADD_IF_NOT_FOUND) return 0;
      if (avail != 0) return add_at(map, avail, key);
      if (!map_rehash(map, key)) return MP_MAP_ERROR;
      t = load<usize>(map + 8);
      alloc = load<usize>(map + 4);
      pos = hash_mod(h, alloc);
      start = pos;
    }
  }
  return 0; // not reached
}

/** Stores a new key in the free slot `e` of a hash map; its value is left NULL. */
@inline function add_at(map: usize, e: usize, key: mp_obj_t): usize {
  store<usize>(e, key);
  store<usize>(e + 4, MP_OBJ_NULL);
  let f = load<u32>(map) + (1 << 3);
  if (!mp_obj_is_qstr(key)) f &= ~F_QSTRS;
  store<u32>(map, f);
  return e;
}

/** The key found at slot `pos` (entry `e`) of a hash map; removed for REMOVE_IF_FOUND. */
@inline function found_at(map: usize, e: usize, pos: usize, kind: u32): usize {
  if (kind == MP_MAP_LOOKUP_REMOVE_IF_FOUND) {
    set_used(map, mp_map_used(map) - 1);
    const alloc = load<usize>(map + 4);
    const next = pos + 1 == alloc ? 0 : pos + 1;
    // a slot followed by an empty one ends no probe sequence: it can be empty too
    const after = load<usize>(load<usize>(map + 8) + (next << 3));
    store<usize>(e, after == MP_OBJ_NULL ? MP_OBJ_NULL : MP_OBJ_SENTINEL);
  }
  return e;
}

/** mp_map_lookup on an ordered map: a linear scan of the `used` entries. */
function ordered_lookup(map: usize, key: mp_obj_t, kind: u32, only_ptrs: bool): usize {
  const t = load<usize>(map + 8);
  const used = mp_map_used(map);
  const top = t + (used << 3);
  if (only_ptrs && kind == MP_MAP_LOOKUP) {
    // a qstr among qstrs (the locals of built-in types and modules): identity only
    for (let e = t; e < top; e += 8) {
      if (load<usize>(e) == key) return e;
    }
    return 0;
  }
  for (let e = t; e < top; e += 8) {
    const k = load<usize>(e);
    let hit = k == key;
    if (!hit && !only_ptrs && !fast_unequal(k, key)) {
      const eq = mp_obj_equal_checked(k, key);
      if (eq < 0) return MP_MAP_ERROR;
      if (load<usize>(map + 8) != t || mp_map_used(map) != used) {
        return mp_map_lookup(map, key, kind);
      }
      hit = eq > 0;
    }
    if (!hit) continue;
    if (kind == MP_MAP_LOOKUP_REMOVE_IF_FOUND) {
      if ((load<u32>(map) & F_FIXED) != 0) {
        mp_raise_type(mp_type_TypeError);
        return MP_MAP_ERROR;
      }
      // close the gap; the removed pair goes just past the end, key NULL
      const value = load<usize>(e + 4);
      memory.copy(e, e + 8, top - e - 8);
      set_used(map, used - 1);
      const last = top - 8;
      store<usize>(last, MP_OBJ_NULL);
      store<usize>(last + 4, value);
      return last;
    }
    return e;
  }
  if (kind != MP_MAP_LOOKUP_ADD_IF_NOT_FOUND) return 0;
  if ((load<u32>(map) & F_FIXED) != 0) {
    mp_raise_type(mp_type_TypeError);
    return MP_MAP_ERROR;
  }
  let tt = t;
  const alloc = load<usize>(map + 4);
  if (used == alloc) {
    const mark = mp_root_mark();
    mp_root_push(key);
    tt = gc_realloc(t, (alloc + 4) << 3, true);
    mp_root_release(mark);
    if (tt == 0) {
      mp_raise_memory_error((alloc + 4) << 3);
      return MP_MAP_ERROR;
    }
    store<usize>(map + 4, alloc + 4);
    store<usize>(map + 8, tt);
  }
  // slots past the end may hold a removed pair: clear them
  memory.fill(tt + (used << 3), 0, (load<usize>(map + 4) - used) << 3);
  const e = tt + (used << 3);
  store<usize>(e, key);
  let f = load<u32>(map) + (1 << 3);
  if (!mp_obj_is_qstr(key)) f &= ~F_QSTRS;
  store<u32>(map, f);
  return e;
}

/**
 * Removes the live entry at `e` (from mp_map_lookup or a scan of the
 * entries); the caller reads key and value first. In a hash map the slot
 * becomes deleted (SENTINEL), in an ordered map the later entries move down.
 */
export function mp_map_remove_entry(map: usize, e: usize): void {
  const used = mp_map_used(map);
  set_used(map, used - 1);
  if (mp_map_is_ordered(map)) {
    const top = load<usize>(map + 8) + (used << 3);
    memory.copy(e, e + 8, top - e - 8);
    store<usize>(top - 8, MP_OBJ_SENTINEL);
    store<usize>(top - 4, MP_OBJ_NULL);
    return;
  }
  store<usize>(e, MP_OBJ_SENTINEL);
  store<usize>(e + 4, MP_OBJ_NULL);
}

// ---- sets ----

@inline export function mp_set_alloc(set: usize): usize {
  return load<usize>(set);
}
@inline export function mp_set_used(set: usize): usize {
  return load<usize>(set + 4);
}
@inline export function mp_set_table(set: usize): usize {
  return load<usize>(set + 8);
}
/** True if slot `pos` of the set holds a key (mp_set_slot_is_filled). */
@inline export function mp_set_slot_is_filled(set: usize, pos: usize): bool {
  const k = load<usize>(load<usize>(set + 8) + (pos << 2));
  return k != MP_OBJ_NULL && k != MP_OBJ_SENTINEL;
}

/** Initialises a set with a table of `n` slots (mp_set_init); false on MemoryError. */
export function mp_set_init(set: usize, n: usize): bool {
  store<usize>(set, 0);
  store<usize>(set + 4, 0);
  store<usize>(set + 8, 0);
  if (n == 0) return true;
  const t = gc_alloc(n << 2, 0);
  if (t == 0) {
    mp_raise_memory_error(n << 2);
    return false;
  }
  store<usize>(set, n);
  store<usize>(set + 8, t);
  return true;
}

/** Frees the table and empties the set (mp_set_clear). */
export function mp_set_clear(set: usize): void {
  const t = load<usize>(set + 8);
  store<usize>(set, 0);
  store<usize>(set + 4, 0);
  store<usize>(set + 8, 0);
  if (t != 0) gc_free(t);
}

/** As map_rehash for a set (mp_set_rehash). `key` and the set's owner rooted. */
function set_rehash(set: usize, key: mp_obj_t): bool {
  const old_alloc = load<usize>(set);
  const old = load<usize>(set + 8);
  const old_used = load<usize>(set + 4);
  const new_alloc = hash_alloc_at_least(old_alloc + 1);
  const mark = mp_root_mark();
  mp_root_push(key);
  mp_root_push(old);
  const nt = gc_alloc(new_alloc << 2, 0);
  if (nt == 0) {
    mp_root_release(mark);
    mp_raise_memory_error(new_alloc << 2);
    return false;
  }
  store<usize>(set, new_alloc);
  store<usize>(set + 8, nt);
  for (let i: usize = 0; i < old_alloc; i++) {
    const k = load<usize>(old + (i << 2));
    if (k == MP_OBJ_NULL || k == MP_OBJ_SENTINEL) continue;
    const h = key_hash(k);
    if (h < 0 || load<usize>(set + 8) != nt) {
      store<usize>(set, old_alloc);
      store<usize>(set + 4, old_used);
      store<usize>(set + 8, old);
      mp_root_release(mark);
      if (h >= 0) mp_raise_msg(mp_type_RuntimeError, "Set changed size during iteration");
      return false;
    }
    let pos = hash_mod(<u32>h, new_alloc);
    while (load<usize>(nt + (pos << 2)) != MP_OBJ_NULL) {
      pos++;
      if (pos == new_alloc) pos = 0;
    }
    store<usize>(nt + (pos << 2), k);
  }
  mp_root_release(mark);
  if (old != 0) gc_free(old);
  return true;
}

/**
 * Looks up `key` in `set` (mp_set_lookup); kind as mp_map_lookup, plus
 * MP_MAP_LOOKUP_ADD_IF_NOT_FOUND_OR_REMOVE_IF_FOUND. Returns the address of
 * the key's slot (for a removal: the slot it had, now empty or deleted), 0
 * when not found (and not added), or MP_MAP_ERROR with the exception
 * pending. An empty set is not hashed into for a lookup or removal. `key`
 * and the set's owner must be rooted.
 */
export function mp_set_lookup(set: usize, key: mp_obj_t, kind: u32): usize {
  if (load<usize>(set) == 0) {
    if ((kind & MP_MAP_LOOKUP_ADD_IF_NOT_FOUND) == 0) return 0;
    if (!set_rehash(set, key)) return MP_MAP_ERROR;
  }
  const hh = key_hash(key);
  if (hh < 0) return MP_MAP_ERROR;
  const h = <u32>hh;
  if (load<usize>(set) == 0) {
    // the __hash__ emptied the set
    if ((kind & MP_MAP_LOOKUP_ADD_IF_NOT_FOUND) == 0) return 0;
    if (!set_rehash(set, key)) return MP_MAP_ERROR;
  }
  let t = load<usize>(set + 8);
  let alloc = load<usize>(set);
  let pos = hash_mod(h, alloc);
  let start = pos;
  const key_is_str = mp_obj_is_qstr(key) || (mp_obj_is_obj(key) && load<usize>(key) == mp_type_str);
  let avail: usize = 0;
  while (true) {
    const e = t + (pos << 2);
    const k = load<usize>(e);
    if (k == MP_OBJ_NULL) {
      if ((kind & MP_MAP_LOOKUP_ADD_IF_NOT_FOUND) == 0) return 0;
      const slot = avail != 0 ? avail : e;
      store<usize>(slot, key);
      store<usize>(set + 4, load<usize>(set + 4) + 1);
      return slot;
    }
    if (k == MP_OBJ_SENTINEL) {
      if (avail == 0) avail = e;
    } else {
      let hit = k == key;
      if (!hit) {
        const q = quick_equal(k, key, h, key_is_str);
        if (q == 2) {
          const eq = mp_obj_equal_checked(k, key);
          if (eq < 0) return MP_MAP_ERROR;
          if (load<usize>(set + 8) != t || load<usize>(e) != k) {
            return mp_set_lookup(set, key, kind);
          }
          hit = eq > 0;
        } else {
          hit = q == 1;
        }
      }
      if (hit) {
        if ((kind & MP_MAP_LOOKUP_REMOVE_IF_FOUND) != 0) {
          store<usize>(set + 4, load<usize>(set + 4) - 1);
          const next = pos + 1 == alloc ? 0 : pos + 1;
          const after = load<usize>(t + (next << 2));
          store<usize>(e, after == MP_OBJ_NULL ? MP_OBJ_NULL : MP_OBJ_SENTINEL);
        }
        return e;
      }
    }
    pos++;
    if (pos == alloc) pos = 0;
    if (pos == start) {
      if ((kind & MP_MAP_LOOKUP_ADD_IF_NOT_FOUND) == 0) return 0;
      if (avail != 0) {
        store<usize>(avail, key);
        store<usize>(set + 4, load<usize>(set + 4) + 1);
        return avail;
      }
      if (!set_rehash(set, key)) return MP_MAP_ERROR;
      t = load<usize>(set + 8);
      alloc = load<usize>(set);
      pos = hash_mod(h, alloc);
      start = pos;
    }
  }
  return 0; // not reached
}

/** Removes and returns the key in the lowest filled slot, or MP_OBJ_NULL (mp_set_remove_first). */
export function mp_set_remove_first(set: usize): mp_obj_t {
  const alloc = load<usize>(set);
  const t = load<usize>(set + 8);
  for (let pos: usize = 0; pos < alloc; pos++) {
    const e = t + (pos << 2);
    const k = load<usize>(e);
    if (k == MP_OBJ_NULL || k == MP_OBJ_SENTINEL) continue;
    store<usize>(set + 4, load<usize>(set + 4) - 1);
    const next = pos + 1 == alloc ? 0 : pos + 1;
    store<usize>(e, load<usize>(t + (next << 2)) == MP_OBJ_NULL ? MP_OBJ_NULL : MP_OBJ_SENTINEL);
    return k;
  }
  return MP_OBJ_NULL;
}
