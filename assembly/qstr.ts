// Interned strings (qstrs), after MicroPython's qstr.c. A qstr is an index:
// [0, QSTR_STATIC_COUNT) is the static pool generated at build time
// (build/genhdr), higher ones live in dynamic pools on the GC heap.
//
// Dynamic pool (one GC block run), newest first, chained by `prev`:
//
//   +0  prev pool (0 for the first dynamic pool)
//   +4  total_prev_len: qstr index of entry 0
//   +8  alloc: number of entry slots
//   +12 len: entries in use
//   +16 qstrs[alloc]  u32 pointers to the bytes (NUL-terminated, in a chunk)
//   ... hashes[alloc] u16
//   ... lens[alloc]   u8
//
// String bytes go into chunks (MPS_qstr_last_chunk); the first string of a
// chunk starts at the chunk's head, so pool entries keep chunks alive.
//
// A firmware image's frozen qstr pool (frozenmod.ts) has the same layout in
// ROM and is the first pool of the chain (prev 0, entry 0 = QSTR_STATIC_COUNT),
// as MicroPython's mp_qstr_frozen_const_pool: its entries are in byte order
// (binary-searched), it never grows, and qstr_pool_info counts only the
// pools after it.

import {
  QSTR_STATIC_COUNT,
  QSTR_SORTED_START,
  qstr_static_hashes,
  qstr_static_lens,
  qstr_static_offs,
  qstr_static_bytes,
} from "./genhdr";
import { gc_alloc, gc_realloc } from "./gc";
import { mp_state_get, mp_state_set, MPS_qstr_last_pool, MPS_qstr_last_chunk } from "./mpstate";
import { MICROPY_ALLOC_QSTR_CHUNK_INIT, MICROPY_ALLOC_QSTR_ENTRIES_INIT } from "./mpconfig";
import { mp_rom_qstr_pool } from "./frozenmod";

export type qstr = usize;

@inline const POOL_HDR: usize = 16;

let qstr_last_alloc: usize = 0; // bytes in the current chunk
let qstr_last_used: usize = 0; // bytes used in the current chunk
let qstr_const_pool: usize = 0; // the frozen pool in ROM, or 0
let qstr_chunk_init: usize = MICROPY_ALLOC_QSTR_CHUNK_INIT;
let qstr_entries_init: usize = MICROPY_ALLOC_QSTR_ENTRIES_INIT;

/**
 * Sets a board's qstr allocation policy (before mp_init): the bytes of a new
 * string chunk (MICROPY_ALLOC_QSTR_CHUNK_INIT) and the entries of the first
 * dynamic pool (MICROPY_ALLOC_QSTR_ENTRIES_INIT); 0 keeps the default.
 */
export function mp_qstr_set_alloc(chunk_init: usize, entries_init: usize): void {
  qstr_chunk_init = chunk_init != 0 ? chunk_init : MICROPY_ALLOC_QSTR_CHUNK_INIT;
  qstr_entries_init = entries_init != 0 ? entries_init : MICROPY_ALLOC_QSTR_ENTRIES_INIT;
}

/** Resets the dynamic pools (mp_init); the firmware's frozen pool, if any, comes first. */
export function qstr_init(): void {
  qstr_const_pool = mp_rom_qstr_pool();
  mp_state_set(MPS_qstr_last_pool, qstr_const_pool);
  qstr_index_reset();
  mp_state_set(MPS_qstr_last_chunk, 0);
  qstr_last_alloc = 0;
  qstr_last_used = 0;
}

/** MicroPython's qstr hash (djb2 with xor) of `len` bytes at `p`, 16 bits, never 0. */
export function qstr_compute_hash(p: usize, len: usize): u32 {
  let h: u32 = 5381;
  for (let i: usize = 0; i < len; i++) h = (h * 33) ^ <u32>load<u8>(p + i);
  h &= 0xffff;
  return h == 0 ? 1 : h;
}

@inline function pool_qstrs(pool: usize): usize {
  return pool + POOL_HDR;
}
@inline function pool_hashes(pool: usize): usize {
  return pool + POOL_HDR + (load<usize>(pool + 8) << 2);
}
@inline function pool_lens(pool: usize): usize {
  const alloc = load<usize>(pool + 8);
  return pool + POOL_HDR + (alloc << 2) + (alloc << 1);
}

function bytes_eq(a: usize, b: usize, n: usize): bool {
  for (let i: usize = 0; i < n; i++) {
    if (load<u8>(a + i) != load<u8>(b + i)) return false;
  }
  return true;
}

/** Compares bytes a[0..na) with b[0..nb) lexicographically (<0, 0, >0), as memcmp then length. */
export function bytes_cmp(a: usize, na: usize, b: usize, nb: usize): i32 {
  const n = na < nb ? na : nb;
  for (let i: usize = 0; i < n; i++) {
    const x = <i32>load<u8>(a + i);
    const y = <i32>load<u8>(b + i);
    if (x != y) return x - y;
  }
  return <i32>na - <i32>nb;
}

// Binary search of a pool whose entries are in byte order (the frozen pool); 0 if absent.
function find_in_sorted_pool(pool: usize, p: usize, len: usize): qstr {
  const qs = pool_qstrs(pool);
  const ls = pool_lens(pool);
  let lo: usize = 0;
  let hi = load<usize>(pool + 12);
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const c = bytes_cmp(load<usize>(qs + (mid << 2)), <usize>load<u8>(ls + mid), p, len);
    if (c == 0) return load<usize>(pool + 4) + mid;
    if (c < 0) lo = mid + 1;
    else hi = mid;
  }
  return 0;
}

// ---- an index of the dynamic qstrs, outside the GC heap ----
//
// MicroPython scans its dynamic pools one entry at a time; every name the
// compiler meets and every string a program interns pays for that. Here the
// dynamic qstrs are also entered in an open-addressed table in static data
// (so the heap figures stay MicroPython's): u32 slots of hash << 16 | qstr
// id, linear probing, 0 = empty. Past QSTR_INDEX_MAX entries the table stops
// growing and lookups fall back to scanning the pools.

@inline const QSTR_INDEX_SLOTS: usize = 16384; // a power of two
@inline const QSTR_INDEX_MAX: usize = (QSTR_INDEX_SLOTS * 3) >> 2;
const qstr_index: usize = memory.data(<i32>(QSTR_INDEX_SLOTS << 2), 16);
let qstr_index_count: usize = 0;
let qstr_index_full: bool = false;

function qstr_index_reset(): void {
  memory.fill(qstr_index, 0, QSTR_INDEX_SLOTS << 2);
  qstr_index_count = 0;
  qstr_index_full = false;
}

function qstr_index_add(q: qstr, h: u32): void {
  if (qstr_index_count >= QSTR_INDEX_MAX || q > 0xffff) {
    qstr_index_full = true;
    return;
  }
  let i = (<usize>h * 40503) & (QSTR_INDEX_SLOTS - 1);
  while (load<u32>(qstr_index + (i << 2)) != 0) i = (i + 1) & (QSTR_INDEX_SLOTS - 1);
  store<u32>(qstr_index + (i << 2), (h << 16) | <u32>q);
  qstr_index_count++;
}

// The dynamic qstr of `len` bytes at `p` with hash `h` from the index, or 0.
function qstr_index_find(p: usize, len: usize, h: u32): qstr {
  let i = (<usize>h * 40503) & (QSTR_INDEX_SLOTS - 1);
  while (true) {
    const e = load<u32>(qstr_index + (i << 2));
    if (e == 0) return 0;
    if (e >> 16 == h) {
      const q = <qstr>(e & 0xffff);
      const pool = find_pool(q);
      const k = q - load<usize>(pool + 4);
      if (<usize>load<u8>(pool_lens(pool) + k) == len && bytes_eq(load<usize>(pool_qstrs(pool) + (k << 2)), p, len)) {
        return q;
      }
    }
    i = (i + 1) & (QSTR_INDEX_SLOTS - 1);
  }
}

/** Finds the qstr of `len` bytes at `p`; returns MP_QSTRnull (0) if not interned. */
export function qstr_find_strn(p: usize, len: usize): qstr {
  const h = qstr_compute_hash(p, len);
  // dynamic pools: through the index while it holds them all
  if (!qstr_index_full) {
    const q = qstr_index_find(p, len, h);
    if (q != 0) return q;
    if (qstr_const_pool != 0) {
      const f = find_in_sorted_pool(qstr_const_pool, p, len);
      if (f != 0) return f;
    }
    return find_static(p, len, h);
  }
  // dynamic pools, newest first
  let pool = mp_state_get(MPS_qstr_last_pool);
  while (pool != 0) {
    if (pool == qstr_const_pool) {
      const q = find_in_sorted_pool(pool, p, len);
      if (q != 0) return q;
      break; // the frozen pool is the first one
    }
    const n = load<usize>(pool + 12);
    const hs = pool_hashes(pool);
    const ls = pool_lens(pool);
    const qs = pool_qstrs(pool);
    for (let i: usize = 0; i < n; i++) {
      if (<u32>load<u16>(hs + (i << 1)) == h && <usize>load<u8>(ls + i) == len) {
        if (bytes_eq(load<usize>(qs + (i << 2)), p, len)) return load<usize>(pool + 4) + i;
      }
    }
    pool = load<usize>(pool);
  }
  return find_static(p, len, h);
}

// The static qstr of `len` bytes at `p` (hash `h`), or 0.
function find_static(p: usize, len: usize, h: u32): qstr {
  // static pool: unsorted head (MicroPython's list) linearly, then binary search
  for (let q: usize = 1; q < QSTR_SORTED_START; q++) {
    if (<u32>load<u16>(qstr_static_hashes + (q << 1)) == h && <usize>load<u8>(qstr_static_lens + q) == len) {
      if (bytes_eq(qstr_static_bytes + load<u32>(qstr_static_offs + (q << 2)), p, len)) return q;
    }
  }
  let lo = QSTR_SORTED_START;
  let hi = QSTR_STATIC_COUNT;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const c = bytes_cmp(
      qstr_static_bytes + load<u32>(qstr_static_offs + (mid << 2)),
      <usize>load<u8>(qstr_static_lens + mid),
      p,
      len,
    );
    if (c == 0) return mid;
    if (c < 0) lo = mid + 1;
    else hi = mid;
  }
  return 0;
}

/** Copies bytes into the current chunk (growing or starting one); returns their address or 0. */
function chunk_store(p: usize, len: usize): usize {
  const need = len + 1;
  let chunk = mp_state_get(MPS_qstr_last_chunk);
  if (chunk != 0 && qstr_last_used + need > qstr_last_alloc) {
    // as MicroPython's qstr_from_strn: grow the chunk in place by exactly
    // this string, else shrink it to what it holds and start a new one
    const np = gc_realloc(chunk, qstr_last_alloc + need, false);
    if (np != 0) {
      qstr_last_alloc += need;
    } else {
      gc_realloc(chunk, qstr_last_used, false);
      chunk = 0;
    }
  }
  if (chunk == 0) {
    let al = need;
    if (al < qstr_chunk_init) al = qstr_chunk_init;
    chunk = gc_alloc(al, 0);
    if (chunk == 0) {
      // heap tight: an exact-size chunk for this string alone
      chunk = gc_alloc(need, 0);
      if (chunk == 0) return 0;
      al = need;
    }
    mp_state_set(MPS_qstr_last_chunk, chunk);
    qstr_last_alloc = al;
    qstr_last_used = 0;
  }
  const dst = chunk + qstr_last_used;
  memory.copy(dst, p, len);
  store<u8>(dst + len, 0);
  qstr_last_used += need;
  return dst;
}

/**
 * Interns `len` bytes at `p` (UTF-8) and returns its qstr; returns
 * MP_QSTRnull if the heap is full (the caller raises MemoryError). Strings
 * longer than 255 bytes cannot be qstrs (1-byte length, as on boards):
 * returns MP_QSTRnull too; callers use str objects for those.
 */
export function qstr_from_strn(p: usize, len: usize): qstr {
  return qstr_from_strn_helper(p, len, false);
}

/**
 * As qstr_from_strn, but a new entry points at the `len` bytes at `p` in
 * place instead of copying them (MicroPython's qstr_from_strn_static, for
 * .mpy files executed in place from a ROMFS): `p` must stay valid and
 * unchanged forever (memory outside the GC heap) and have a NUL at p[len].
 */
export function qstr_from_strn_static(p: usize, len: usize): qstr {
  return qstr_from_strn_helper(p, len, true);
}

function qstr_from_strn_helper(p: usize, len: usize, data_is_static: bool): qstr {
  const found = qstr_find_strn(p, len);
  if (found != 0) return found;
  if (len > 255) return 0;
  let pool = mp_state_get(MPS_qstr_last_pool);
  if (pool == 0 || pool == qstr_const_pool || load<usize>(pool + 12) >= load<usize>(pool + 8)) {
    let alloc = pool == 0 || pool == qstr_const_pool ? qstr_entries_init : load<usize>(pool + 8) * 2;
    const np = gc_alloc(POOL_HDR + alloc * 7, 0);
    if (np == 0) return 0;
    store<usize>(np, pool);
    store<usize>(np + 4, pool == 0 ? QSTR_STATIC_COUNT : load<usize>(pool + 4) + load<usize>(pool + 12));
    store<usize>(np + 8, alloc);
    store<usize>(np + 12, 0);
    mp_state_set(MPS_qstr_last_pool, np);
    pool = np;
  }
  // the bytes may live in the heap chunk we are about to move; copy first is
  // safe because chunk_store never frees the old chunk
  const data = data_is_static ? p : chunk_store(p, len);
  if (data == 0) return 0;
  const i = load<usize>(pool + 12);
  store<usize>(pool_qstrs(pool) + (i << 2), data);
  store<u16>(pool_hashes(pool) + (i << 1), <u16>qstr_compute_hash(data, len));
  store<u8>(pool_lens(pool) + i, <u8>len);
  store<usize>(pool + 12, i + 1);
  const q = load<usize>(pool + 4) + i;
  qstr_index_add(q, qstr_compute_hash(data, len));
  return q;
}

function find_pool(q: qstr): usize {
  let pool = mp_state_get(MPS_qstr_last_pool);
  while (pool != 0 && q < load<usize>(pool + 4)) pool = load<usize>(pool);
  return pool;
}

/** Address of the NUL-terminated UTF-8 bytes of `q`. */
export function qstr_str(q: qstr): usize {
  if (q < QSTR_STATIC_COUNT) return qstr_static_bytes + load<u32>(qstr_static_offs + (q << 2));
  const pool = find_pool(q);
  return load<usize>(pool_qstrs(pool) + ((q - load<usize>(pool + 4)) << 2));
}

/** Byte length of `q`. */
export function qstr_len(q: qstr): usize {
  if (q < QSTR_STATIC_COUNT) return <usize>load<u8>(qstr_static_lens + q);
  const pool = find_pool(q);
  return <usize>load<u8>(pool_lens(pool) + (q - load<usize>(pool + 4)));
}

/** Hash of `q` (as qstr_compute_hash of its bytes). */
export function qstr_hash(q: qstr): u32 {
  if (q < QSTR_STATIC_COUNT) return <u32>load<u16>(qstr_static_hashes + (q << 1));
  const pool = find_pool(q);
  return <u32>load<u16>(pool_hashes(pool) + ((q - load<usize>(pool + 4)) << 1));
}

/** Number of interned qstrs (static and dynamic). */
export function qstr_total(): usize {
  const pool = mp_state_get(MPS_qstr_last_pool);
  if (pool == 0) return QSTR_STATIC_COUNT;
  return load<usize>(pool + 4) + load<usize>(pool + 12);
}

/**
 * Statistics as MicroPython's qstr_pool_info: writes 4 words at `out`:
 * n_pool, n_qstr, n_str_data_bytes, n_total_bytes (dynamic pools only, not
 * the frozen pool).
 */
export function qstr_pool_info(out: usize): void {
  let n_pool: usize = 0;
  let n_qstr: usize = 0;
  let n_data: usize = 0;
  let n_total: usize = 0;
  let pool = mp_state_get(MPS_qstr_last_pool);
  while (pool != 0 && pool != qstr_const_pool) {
    const n = load<usize>(pool + 12);
    n_pool++;
    n_qstr += n;
    for (let i: usize = 0; i < n; i++) n_data += <usize>load<u8>(pool_lens(pool) + i) + 1;
    n_total += POOL_HDR + load<usize>(pool + 8) * 7;
    pool = load<usize>(pool);
  }
  store<usize>(out, n_pool);
  store<usize>(out + 4, n_qstr);
  store<usize>(out + 8, n_data);
  store<usize>(out + 12, n_total + n_data);
}

/**
 * Interns an AssemblyScript string literal (ASCII/BMP text, encoded as
 * UTF-8). For runtime code that builds names; returns MP_QSTRnull on
 * MemoryError. Uses a scratch buffer of 256 bytes in static data.
 */
export function qstr_from_as(s: string): qstr {
  const n = mp_utf8_from_as(s, qstr_scratch, 256);
  return qstr_from_strn(qstr_scratch, n);
}

const qstr_scratch: usize = memory.data(1024, 4);

/**
 * Encodes AS string `s` (UTF-16) as UTF-8 into `dst` (at most `cap` bytes);
 * returns the byte count. AS literals are static data, so this allocates nothing.
 */
export function mp_utf8_from_as(s: string, dst: usize, cap: usize): usize {
  return mp_utf8_from_as_range(s, 0, s.length, dst, cap);
}

/** As mp_utf8_from_as for the UTF-16 units [start, end) of `s`. */
export function mp_utf8_from_as_range(s: string, start: i32, end: i32, dst: usize, cap: usize): usize {
  let n: usize = 0;
  const len = end;
  for (let i = start; i < len; i++) {
    let c = <u32>s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < len) {
      const d = <u32>s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (c < 0x80) {
      if (n + 1 > cap) break;
      store<u8>(dst + n++, <u8>c);
    } else if (c < 0x800) {
      if (n + 2 > cap) break;
      store<u8>(dst + n++, <u8>(0xc0 | (c >> 6)));
      store<u8>(dst + n++, <u8>(0x80 | (c & 0x3f)));
    } else if (c < 0x10000) {
      if (n + 3 > cap) break;
      store<u8>(dst + n++, <u8>(0xe0 | (c >> 12)));
      store<u8>(dst + n++, <u8>(0x80 | ((c >> 6) & 0x3f)));
      store<u8>(dst + n++, <u8>(0x80 | (c & 0x3f)));
    } else {
      if (n + 4 > cap) break;
      store<u8>(dst + n++, <u8>(0xf0 | (c >> 18)));
      store<u8>(dst + n++, <u8>(0x80 | ((c >> 12) & 0x3f)));
      store<u8>(dst + n++, <u8>(0x80 | ((c >> 6) & 0x3f)));
      store<u8>(dst + n++, <u8>(0x80 | (c & 0x3f)));
    }
  }
  return n;
}
