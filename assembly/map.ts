// Maps (dict storage, module globals, instance and class dicts, kwargs), after
// MicroPython's map.c, but insertion-ordered like CPython 3.7+ dicts: entries
// stay in insertion order in an array, and maps with more than
// MAP_LINEAR_MAX entry slots add a hash index for lookups.
//
//   mp_map_t (3 words, embedded in dicts and modules):
//     +0 flags|used: bit0 all_keys_are_qstrs, bit1 is_fixed, bit2 is_ordered
//        (lookup by linear scan only), bits 3.. used (live entries)
//     +4 alloc: entry slots
//     +8 table: GC block (or static data for fixed maps)
//
//   table: +0 filled (entry slots consumed, incl. deleted)
//          +4 hsize (hash index slots, 0 if none)
//          +8 entries[alloc]: { key, value }  (deleted: key == MP_OBJ_SENTINEL)
//          .. index[hsize]: u32 entry number + 1 (0 = empty slot)
//
// mp_map_lookup returns the address of the entry ({key, value}), 0 when not
// found, or MP_MAP_ERROR when hashing/comparing raised or the heap is full.

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_OBJ_SENTINEL,
  mp_obj_is_qstr,
  MP_OBJ_QSTR_VALUE,
  MP_OBJ_SMALL_INT_VALUE,
  mp_obj_is_small_int,
} from "./obj";
import { qstr_hash } from "./qstr";
import { gc_alloc, gc_free } from "./gc";
import { mp_static_alloc } from "./memmap";
import { mp_obj_hash, mp_obj_equal_checked } from "./runtime";
import { mp_raise_memory_error } from "./runtime";
import { mp_root_mark, mp_root_push, mp_root_release } from "./rootstack";

@inline export const MP_MAP_LOOKUP: u32 = 0;
@inline export const MP_MAP_LOOKUP_ADD_IF_NOT_FOUND: u32 = 1;
@inline export const MP_MAP_LOOKUP_REMOVE_IF_FOUND: u32 = 2;
/** Returned by mp_map_lookup when an exception is pending. */
@inline export const MP_MAP_ERROR: usize = 1;

@inline const F_QSTRS: u32 = 1;
@inline const F_FIXED: u32 = 2;
@inline const F_ORDERED: u32 = 4;
@inline const MAP_LINEAR_MAX: usize = 8;
@inline const TBL_HDR: usize = 8;

/** Makes a map read-only (as a static one): stores and deletes fail (module dicts such as sys's). */
export function mp_map_set_fixed(map: usize): void {
  store<u32>(map, load<u32>(map) | F_FIXED);
}

@inline export function mp_map_used(map: usize): usize {
  return load<u32>(map) >> 3;
}
@inline function set_used(map: usize, n: usize): void {
  store<u32>(map, (<u32>n << 3) | (load<u32>(map) & 7));
}
@inline export function mp_map_alloc(map: usize): usize {
  return load<usize>(map + 4);
}
@inline export function mp_map_table(map: usize): usize {
  return load<usize>(map + 8);
}
/** Address of the first entry ({key, value} pairs, 8 bytes each). */
@inline export function mp_map_entries(map: usize): usize {
  return load<usize>(map + 8) + TBL_HDR;
}
/** Entry slots consumed (iterate 0..filled and skip keys NULL/SENTINEL). */
@inline export function mp_map_filled(map: usize): usize {
  const t = load<usize>(map + 8);
  return t == 0 ? 0 : load<u32>(t);
}
@inline export function mp_map_is_fixed(map: usize): bool {
  return (load<u32>(map) & F_FIXED) != 0;
}
@inline export function mp_map_all_keys_are_qstrs(map: usize): bool {
  return (load<u32>(map) & F_QSTRS) != 0;
}

/** True if the entry at `e` holds a live key. */
@inline export function mp_map_slot_is_filled(e: usize): bool {
  const k = load<usize>(e);
  return k != MP_OBJ_NULL && k != MP_OBJ_SENTINEL;
}

/** Initialises an empty map (no table yet). */
export function mp_map_init(map: usize): void {
  store<u32>(map, F_QSTRS);
  store<usize>(map + 4, 0);
  store<usize>(map + 8, 0);
}

function hsize_for(alloc: usize): usize {
  if (alloc <= MAP_LINEAR_MAX) return 0;
  let h: usize = 16;
  while (h < alloc + (alloc >> 1)) h <<= 1;
  return h;
}

function table_bytes(alloc: usize, hsize: usize): usize {
  return TBL_HDR + alloc * 8 + hsize * 4;
}

/**
 * Initialises `map` with room for `n` entries; returns false on MemoryError
 * (exception set). The table is allocated on the GC heap.
 */
export function mp_map_init_n(map: usize, n: usize): bool {
  mp_map_init(map);
  if (n == 0) return true;
  const hs = hsize_for(n);
  const t = gc_alloc(table_bytes(n, hs), 0);
  if (t == 0) {
    mp_raise_memory_error(table_bytes(n, hs));
    return false;
  }
  store<u32>(t + 4, <u32>hs);
  store<usize>(map + 4, n);
  store<usize>(map + 8, t);
  return true;
}

/**
 * A fixed, ordered map in the static arena for `n` entries (the locals dict
 * of a built-in type or module). Fill it with mp_map_static_add.
 */
export function mp_map_init_static(map: usize, n: usize): void {
  const t = mp_static_alloc(table_bytes(n, 0));
  store<u32>(map, F_QSTRS | F_FIXED | F_ORDERED);
  store<usize>(map + 4, n);
  store<usize>(map + 8, t);
}

/** Appends key/value to a static map (set-up time only). */
export function mp_map_static_add(map: usize, key: mp_obj_t, value: mp_obj_t): void {
  const t = load<usize>(map + 8);
  const i = <usize>load<u32>(t);
  assert(i < load<usize>(map + 4), "static map full");
  const e = t + TBL_HDR + i * 8;
  store<usize>(e, key);
  store<usize>(e + 4, value);
  store<u32>(t, <u32>(i + 1));
  set_used(map, i + 1);
  if (!mp_obj_is_qstr(key)) store<u32>(map, load<u32>(map) & ~F_QSTRS);
}

/** Hash of a key as a u32; sets *ok false (exception pending) if unhashable. */
function key_hash(key: mp_obj_t): i64 {
  if (mp_obj_is_qstr(key)) return <i64>qstr_hash(MP_OBJ_QSTR_VALUE(key));
  const h = mp_obj_hash(key);
  if (h == MP_OBJ_NULL) return -1;
  return <i64>(<u32>MP_OBJ_SMALL_INT_VALUE(h));
}

/** Removes all entries; frees the table (mp_map_clear). */
export function mp_map_clear(map: usize): void {
  if (mp_map_is_fixed(map)) return;
  const t = load<usize>(map + 8);
  if (t != 0) gc_free(t);
  mp_map_init(map);
}

/**
 * Rebuilds the table with room for at least `min_alloc` entries, dropping
 * deleted slots. Returns false on MemoryError (exception set). Entries keep
 * their order; hashes are recomputed (keys are already known hashable, but a
 * user __hash__ can still raise: then false too).
 */
function map_rehash(map: usize, min_alloc: usize): bool {
  const used = mp_map_used(map);
  let alloc = load<usize>(map + 4);
  let new_alloc: usize = alloc == 0 ? 4 : alloc;
  while (new_alloc < min_alloc || new_alloc < used + 1) new_alloc = new_alloc < 8 ? new_alloc + 4 : new_alloc + (new_alloc >> 1);
  if (used + 1 <= alloc && min_alloc <= alloc && mp_map_filled(map) > used) new_alloc = alloc; // just compact
  const hs = hsize_for(new_alloc);
  const old = load<usize>(map + 8);
  const nt = gc_alloc(table_bytes(new_alloc, hs), 0);
  if (nt == 0) {
    mp_raise_memory_error(table_bytes(new_alloc, hs));
    return false;
  }
  store<u32>(nt + 4, <u32>hs);
  let n: usize = 0;
  if (old != 0) {
    const filled = <usize>load<u32>(old);
    for (let i: usize = 0; i < filled; i++) {
      const e = old + TBL_HDR + i * 8;
      const k = load<usize>(e);
      if (k == MP_OBJ_NULL || k == MP_OBJ_SENTINEL) continue;
      const d = nt + TBL_HDR + n * 8;
      store<usize>(d, k);
      store<usize>(d + 4, load<usize>(e + 4));
      n++;
    }
  }
  store<u32>(nt, <u32>n);
  store<usize>(map + 4, new_alloc);
  store<usize>(map + 8, nt);
  if (hs != 0) {
    // index the entries; the old table stays reachable from the caller's
    // rooted map until now, and hashing may call Python (__hash__)
    const mark = mp_root_mark();
    mp_root_push(old);
    for (let i: usize = 0; i < n; i++) {
      const k = load<usize>(nt + TBL_HDR + i * 8);
      const h = key_hash(k);
      if (h < 0) {
        mp_root_release(mark);
        return false;
      }
      index_insert(nt, hs, new_alloc, <u32>h, i);
    }
    mp_root_release(mark);
  }
  if (old != 0 && !mp_map_is_fixed(map)) gc_free(old);
  return true;
}

@inline function index_base(t: usize, alloc: usize): usize {
  return t + TBL_HDR + alloc * 8;
}

function index_insert(t: usize, hs: usize, alloc: usize, h: u32, entry: usize): void {
  const idx = index_base(t, alloc);
  let pos = <usize>h & (hs - 1);
  while (load<u32>(idx + pos * 4) != 0) pos = (pos + 1) & (hs - 1);
  store<u32>(idx + pos * 4, <u32>(entry + 1));
}

/**
 * Looks up `key` in `map`. kind: MP_MAP_LOOKUP, MP_MAP_LOOKUP_ADD_IF_NOT_FOUND
 * (new entries get value MP_OBJ_NULL; the caller stores the value) or
 * MP_MAP_LOOKUP_REMOVE_IF_FOUND (the returned entry's key is set to
 * MP_OBJ_SENTINEL, its value is still readable; the caller must not keep it).
 * Returns the entry address, 0 if not found, or MP_MAP_ERROR (exception set).
 * Keys compare by identity, then by mp_obj_equal (as map.c).
 */
export function mp_map_lookup(map: usize, key: mp_obj_t, kind: u32): usize {
  const flags = load<u32>(map);
  let only_ptrs = (flags & F_QSTRS) != 0 && mp_obj_is_qstr(key);
  if ((flags & F_QSTRS) != 0 && !mp_obj_is_qstr(key) && kind != MP_MAP_LOOKUP_ADD_IF_NOT_FOUND) {
    // all keys are qstrs: a non-str key can never match (but must be
    // hashable); a str object might
    if (!is_str_like(key)) {
      if (!mp_obj_is_small_int(key) && (key & 7) != 6 && !mp_map_is_fixed(map) && key_hash(key) < 0) {
        return MP_MAP_ERROR;
      }
      return 0;
    }
  }
  let t = load<usize>(map + 8);
  const alloc = load<usize>(map + 4);
  const hs: usize = t == 0 ? 0 : <usize>load<u32>(t + 4);

  if (hs == 0) {
    // linear scan (small and fixed maps); an object key must still be
    // hashable, as in a hashed map (TypeError for lists, dicts, sets...)
    if (!mp_map_is_fixed(map) && !mp_obj_is_qstr(key) && !mp_obj_is_small_int(key) && (key & 7) != 6) {
      if (key_hash(key) < 0) return MP_MAP_ERROR;
    }
    if (t != 0) {
      const filled = <usize>load<u32>(t);
      for (let i: usize = 0; i < filled; i++) {
        const e = t + TBL_HDR + i * 8;
        const k = load<usize>(e);
        if (k == key) return found(map, e, kind);
        if (only_ptrs || k == MP_OBJ_SENTINEL || k == MP_OBJ_NULL) continue;
        if (fast_unequal(k, key)) continue;
        const eq = mp_obj_equal_checked(k, key);
        if (eq < 0) return MP_MAP_ERROR;
        // a user __eq__ may have mutated the map: start again
        if (load<usize>(map + 8) != t) return mp_map_lookup(map, key, kind);
        if (eq > 0) return found(map, e, kind);
      }
    }
    if (kind != MP_MAP_LOOKUP_ADD_IF_NOT_FOUND) return 0;
    return add_entry(map, key, -1);
  }

  // hashed lookup
  const h64 = key_hash(key);
  if (h64 < 0) return MP_MAP_ERROR;
  const h = <u32>h64;
  const idx = index_base(t, alloc);
  let pos = <usize>h & (hs - 1);
  while (true) {
    const v = load<u32>(idx + pos * 4);
    if (v == 0) break;
    const e = t + TBL_HDR + (<usize>v - 1) * 8;
    const k = load<usize>(e);
    if (k == key) return found(map, e, kind);
    if (!only_ptrs && k != MP_OBJ_SENTINEL && !fast_unequal(k, key)) {
      const eq = mp_obj_equal_checked(k, key);
      if (eq < 0) return MP_MAP_ERROR;
      // a user __eq__ may have mutated the map: reload
      if (load<usize>(map + 8) != t) return mp_map_lookup(map, key, kind);
      if (eq > 0) return found(map, e, kind);
    }
    pos = (pos + 1) & (hs - 1);
  }
  if (kind != MP_MAP_LOOKUP_ADD_IF_NOT_FOUND) return 0;
  return add_entry(map, key, h64);
}

/** Keys of different immediate kinds that can never be equal (skips a slow compare). */
@inline function fast_unequal(a: mp_obj_t, b: mp_obj_t): bool {
  // two distinct qstrs are different strings; two distinct small ints differ
  if (mp_obj_is_qstr(a) && mp_obj_is_qstr(b)) return true;
  if (mp_obj_is_small_int(a) && mp_obj_is_small_int(b)) return true;
  return false;
}

function is_str_like(key: mp_obj_t): bool {
  return mp_obj_is_str_or_bytes_hook(key);
}

// Set by objstr.ts: true for str objects (non-interned strings may equal qstr keys).
import { mp_obj_is_str_or_bytes_hook } from "./runtime";

function found(map: usize, e: usize, kind: u32): usize {
  if (kind == MP_MAP_LOOKUP_REMOVE_IF_FOUND) {
    store<usize>(e, MP_OBJ_SENTINEL);
    set_used(map, mp_map_used(map) - 1);
  }
  return e;
}

function add_entry(map: usize, key: mp_obj_t, h: i64): usize {
  let t = load<usize>(map + 8);
  let alloc = load<usize>(map + 4);
  if (t == 0 || <usize>load<u32>(t) >= alloc) {
    const mark = mp_root_mark();
    mp_root_push(key);
    const ok = map_rehash(map, alloc + 1);
    mp_root_release(mark);
    if (!ok) return MP_MAP_ERROR;
    t = load<usize>(map + 8);
    alloc = load<usize>(map + 4);
  }
  const i = <usize>load<u32>(t);
  const e = t + TBL_HDR + i * 8;
  store<usize>(e, key);
  store<usize>(e + 4, MP_OBJ_NULL);
  store<u32>(t, <u32>(i + 1));
  set_used(map, mp_map_used(map) + 1);
  if (!mp_obj_is_qstr(key)) store<u32>(map, load<u32>(map) & ~F_QSTRS);
  const hs = <usize>load<u32>(t + 4);
  if (hs != 0) {
    if (h < 0) {
      h = key_hash(key);
      if (h < 0) return MP_MAP_ERROR;
    }
    index_insert(t, hs, alloc, <u32>h, i);
  }
  return e;
}

/**
 * Copies all entries of `src` into an empty `dst` (dict.copy, class dicts):
 * the table is duplicated as is (same order, same hash index), so no key is
 * hashed or compared again. `dst` is a plain growable map even when `src`
 * is fixed. Returns false on MemoryError. `src`'s owner must be rooted.
 */
export function mp_map_copy(dst: usize, src: usize): bool {
  mp_map_init(dst);
  const st = load<usize>(src + 8);
  if (st == 0 || mp_map_used(src) == 0) return true;
  const alloc = load<usize>(src + 4);
  const hs = <usize>load<u32>(st + 4);
  const n = table_bytes(alloc, hs);
  const nt = gc_alloc(n, 0);
  if (nt == 0) {
    mp_raise_memory_error(n);
    return false;
  }
  memory.copy(nt, st, n);
  store<u32>(dst, (load<u32>(src) & F_QSTRS) | (<u32>mp_map_used(src) << 3));
  store<usize>(dst + 4, alloc);
  store<usize>(dst + 8, nt);
  return true;
}

/**
 * Removes the live entry at `e` (from mp_map_lookup or a scan of the
 * entries) and returns nothing; the caller reads key and value first. When
 * it is the last entry slot of a small (unindexed) map, trailing deleted
 * slots are given back. (Indexed maps keep them: their index slots are
 * never emptied, so reusing entry slots would fill the index.)
 */
export function mp_map_remove_entry(map: usize, e: usize): void {
  store<usize>(e, MP_OBJ_SENTINEL);
  store<usize>(e + 4, MP_OBJ_NULL);
  set_used(map, mp_map_used(map) - 1);
  const t = load<usize>(map + 8);
  if (load<u32>(t + 4) != 0) return;
  let filled = <usize>load<u32>(t);
  while (filled > 0 && load<usize>(t + TBL_HDR + (filled - 1) * 8) == MP_OBJ_SENTINEL) filled--;
  store<u32>(t, <u32>filled);
}
