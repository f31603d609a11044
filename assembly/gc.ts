// The garbage-collected heap, after MicroPython's gc.c: 16-byte blocks, a
// 2-bit allocation table (ATB: free/head/tail/mark), a finaliser table (FTB,
// 1 bit per block), first-fit allocation, mark and sweep with a bounded mark
// stack (rescan on overflow). Interior words of every live block are scanned
// conservatively; a word keeps a block alive only if it points at its head.
//
//   mem_heap_start                                                   mem_heap_end
//   | ATB: 4 blocks per byte | FTB: 8 blocks per byte | pool: n_blocks * 16 bytes |
//
//   ATB entry (2 bits, block i at byte i>>2, bits (i&3)*2):
//     0 FREE   1 HEAD (first block of an allocation)   2 TAIL   3 MARK (marked head)

import {
  MICROPY_BYTES_PER_GC_BLOCK,
  MICROPY_ALLOC_GC_STACK_SIZE,
} from "./mpconfig";
import { MP_STATE, MP_STATE_ROOT_WORDS } from "./mpstate";
import { mem_pystack_start, mem_rootstack_start } from "./memmap";
import { root_sp } from "./rootstack";
import { pystack_cur } from "./pystack";

@inline const BLOCK: usize = MICROPY_BYTES_PER_GC_BLOCK;
@inline const AT_FREE: u32 = 0;
@inline const AT_HEAD: u32 = 1;
@inline const AT_TAIL: u32 = 2;
@inline const AT_MARK: u32 = 3;

/** Allocation flag: the object has a finaliser (`__del__` or a type finaliser). */
@inline export const GC_ALLOC_FLAG_HAS_FINALISER: u32 = 1;

let gc_atb: usize = 0;
let gc_ftb: usize = 0;
let gc_pool_start: usize = 0;
let gc_pool_end: usize = 0;
let gc_n_blocks: usize = 0;
let gc_atb_len: usize = 0;
let gc_last_free_atb_index: usize = 0;
// Run hints (beyond MicroPython, which rescans from the first free block for
// every size): hint k (1..16) is a block before which no free run of k or
// more blocks exists (16: of 16 or more). First fit for n blocks may start
// there; allocating keeps the hints true, freeing pulls them back.
@inline const RUN_HINTS: usize = 16;
const run_hint: usize = memory.data((<i32>RUN_HINTS + 1) * 4, 4);

// Freed block `b`: no hint may lie beyond it.
@inline function run_hints_pull_back(b: usize): void {
  for (let k: usize = 1; k <= RUN_HINTS; k++) {
    if (<usize>load<u32>(run_hint + (k << 2)) > b) store<u32>(run_hint + (k << 2), <u32>b);
  }
}
// first free block seen by the current gc_alloc scan
let first_free: usize = 0;
let gc_last_used_block: usize = 0;

/** Nesting depth of gc_lock (heap lock); allocation fails while > 0. */
export let gc_lock_depth: i32 = 0;
let gc_collecting: bool = false;
/** Automatic collection when an allocation fails (gc.enable/disable). */
export let gc_auto_collect_enabled: bool = true;
/** Collect before every allocation (GC stress mode, -X gcstress). */
export let gc_stress: bool = false;
/** Bytes after which an allocation triggers a collection (gc.threshold), or -1. */
export let gc_alloc_threshold: isize = -1;
let gc_alloc_amount: usize = 0;
/** Table index of the finaliser hook (gcfinal.ts), 0 for none; keeps gc.ts free of the object model. */
let gc_finaliser_fn: u32 = 0;

/** Installs the function the sweep calls for dead blocks that have a finaliser. */
export function gc_set_finaliser_hook(f: (p: usize) => void): void {
  gc_finaliser_fn = f.index;
}

/** Number of completed collections. */
export let gc_collect_count: u32 = 0;
/** Objects (head blocks) freed by the last collection (gc.collect()'s result, MICROPY_PY_GC_COLLECT_RETVAL). */
export let gc_collected: u32 = 0;
/** Blocks allocated now (MICROPY_MEM_STATS: micropython.mem_current). */
export let gc_stat_used_blocks: usize = 0;
/** Most blocks ever allocated at once (micropython.mem_peak). */
export let gc_stat_peak_blocks: usize = 0;
/** Bytes (whole blocks) ever allocated (micropython.mem_total). */
export let gc_stat_total_bytes: u64 = 0;

@inline function stat_add(n: usize): void {
  gc_stat_used_blocks += n;
  if (gc_stat_used_blocks > gc_stat_peak_blocks) gc_stat_peak_blocks = gc_stat_used_blocks;
  gc_stat_total_bytes += <u64>(n * BLOCK);
}

/** Starts a new peak measurement (micropython.mem_peak() becomes the current use). */
export function gc_stat_peak_reset(): void {
  gc_stat_peak_blocks = gc_stat_used_blocks;
}

const mark_stack: usize = memory.data(<i32>(MICROPY_ALLOC_GC_STACK_SIZE * 4), 4);
let mark_sp: i32 = 0;
let mark_overflow: bool = false;

@inline function atb_get(b: usize): u32 {
  return (<u32>load<u8>(gc_atb + (b >> 2)) >> ((<u32>b & 3) << 1)) & 3;
}

@inline function atb_set(b: usize, v: u32): void {
  const p = gc_atb + (b >> 2);
  const sh = (<u32>b & 3) << 1;
  store<u8>(p, <u8>((<u32>load<u8>(p) & ~(3 << sh)) | (v << sh)));
}

@inline function ftb_get(b: usize): bool {
  return ((<u32>load<u8>(gc_ftb + (b >> 3)) >> (<u32>b & 7)) & 1) != 0;
}

@inline function ftb_set(b: usize, v: bool): void {
  const p = gc_ftb + (b >> 3);
  const bit: u32 = 1 << (<u32>b & 7);
  const old = <u32>load<u8>(p);
  store<u8>(p, <u8>(v ? old | bit : old & ~bit));
}

@inline function block_of(ptr: usize): usize {
  return (ptr - gc_pool_start) / BLOCK;
}

@inline function ptr_of(b: usize): usize {
  return gc_pool_start + b * BLOCK;
}

/**
 * Lays the heap over [start, end): the ATB, the FTB and the pool of blocks,
 * sized so the tables cover the pool exactly (as gc_init in MicroPython).
 */
export function gc_init(start: usize, end: usize): void {
  const total = end - start;
  // bytes per block incl. its table share: 16 + 1/4 + 1/8 -> 131 bits per 8 blocks
  gc_n_blocks = ((total * 8) / (BLOCK * 8 + 2 + 1)) & ~(<usize>7);
  gc_atb_len = gc_n_blocks >> 2;
  gc_atb = start;
  gc_ftb = start + gc_atb_len;
  gc_pool_start = (gc_ftb + (gc_n_blocks >> 3) + BLOCK - 1) & ~(BLOCK - 1);
  while (gc_pool_start + gc_n_blocks * BLOCK > end) gc_n_blocks -= 8;
  gc_atb_len = gc_n_blocks >> 2;
  gc_pool_end = gc_pool_start + gc_n_blocks * BLOCK;
  memory.fill(start, 0, gc_pool_start - start);
  gc_last_free_atb_index = 0;
  memory.fill(run_hint, 0, (RUN_HINTS + 1) * 4);
  gc_last_used_block = 0;
  gc_lock_depth = 0;
  gc_alloc_amount = 0;
  gc_stat_used_blocks = 0;
  gc_stat_peak_blocks = 0;
  gc_stat_total_bytes = 0;
}

/** Heap lock (micropython.heap_lock / hard ISR): nestable. */
export function gc_lock(): void {
  gc_lock_depth++;
}

export function gc_unlock(): void {
  if (gc_lock_depth > 0) gc_lock_depth--;
}

export function gc_is_locked(): bool {
  return gc_lock_depth > 0 || gc_collecting;
}

export function gc_set_stress(on: bool): void {
  gc_stress = on;
}

export function gc_set_auto_collect(on: bool): void {
  gc_auto_collect_enabled = on;
}

export function gc_set_threshold(t: isize): void {
  gc_alloc_threshold = t;
}

/** True if `p` points at the head block of a live allocation. */
export function gc_is_heap_ptr(p: usize): bool {
  if (p < gc_pool_start || p >= gc_pool_end || (p & (BLOCK - 1)) != 0) return false;
  const a = atb_get(block_of(p));
  return a == AT_HEAD || a == AT_MARK;
}

/**
 * Allocates `n_bytes` rounded up to whole 16-byte blocks, zeroed; returns 0
 * if the heap is full or locked (the caller raises MemoryError). First fit
 * from the lowest free block, as MicroPython's gc_alloc; collects once and
 * retries before giving up when auto-collect is enabled.
 */
export function gc_alloc(n_bytes: usize, flags: u32): usize {
  let n_blocks = (n_bytes + BLOCK - 1) / BLOCK;
  if (n_blocks == 0) n_blocks = 1;
  if (gc_lock_depth > 0 || gc_collecting) return 0;
  if (n_blocks > gc_n_blocks) return 0;

  if (gc_stress) {
    gc_collect();
  } else if (gc_alloc_threshold >= 0 && gc_alloc_amount >= <usize>gc_alloc_threshold) {
    if (gc_auto_collect_enabled) gc_collect();
  }

  let collected = gc_stress;
  let start: usize = 0;
  let from_hint_last = false;
  while (true) {
    // first fit: scan for a run of n_blocks free blocks
    let run: usize = 0;
    let found = false;
    const hk = n_blocks < RUN_HINTS ? n_blocks : RUN_HINTS;
    let b = gc_last_free_atb_index << 2;
    const hint = <usize>load<u32>(run_hint + (hk << 2));
    from_hint_last = hint > b;
    if (from_hint_last) b = hint;
    first_free = usize.MAX_VALUE;
    while (b < gc_n_blocks) {
      // 16 blocks (one ATB word) at a time where they are all free or all taken
      if ((b & 15) == 0 && b + 16 <= gc_n_blocks) {
        const w = load<u32>(gc_atb + (b >> 2));
        if (w == 0) {
          if (first_free == usize.MAX_VALUE) first_free = b;
          if (run == 0) start = b;
          if (run + 16 >= n_blocks) {
            found = true;
            break;
          }
          run += 16;
          b += 16;
          continue;
        }
        if (((w | (w >> 1)) & 0x55555555) == 0x55555555) {
          run = 0;
          b += 16;
          continue;
        }
      }
      if (atb_get(b) == AT_FREE) {
        if (first_free == usize.MAX_VALUE) first_free = b;
        if (run == 0) start = b;
        run++;
        if (run == n_blocks) {
          found = true;
          break;
        }
      } else {
        run = 0;
      }
      b++;
    }
    if (found) break;
    if (collected || !gc_auto_collect_enabled) return 0;
    gc_collect();
    collected = true;
  }

  const end_b = start + n_blocks - 1;
  // no free run of n_blocks or more lies before start: raise the hints of those sizes
  for (let k = n_blocks < RUN_HINTS ? n_blocks : RUN_HINTS; k <= RUN_HINTS; k++) {
    if (<usize>load<u32>(run_hint + (k << 2)) < start) store<u32>(run_hint + (k << 2), <u32>start);
  }
  // the next search starts at the first free ATB byte we may have skipped
  // (every block before the first free one seen in this scan is in use);
  // a scan that began at a hint says nothing about the blocks before it
  if (!from_hint_last) {
    if (first_free == start) {
      gc_last_free_atb_index = (end_b + 1) >> 2;
    } else if (first_free != usize.MAX_VALUE) {
      gc_last_free_atb_index = first_free >> 2;
    }
  }
  if (end_b > gc_last_used_block) gc_last_used_block = end_b;
  atb_set(start, AT_HEAD);
  for (let b = start + 1; b <= end_b; b++) atb_set(b, AT_TAIL);
  const p = ptr_of(start);
  memory.fill(p, 0, n_blocks * BLOCK);
  if (flags & GC_ALLOC_FLAG_HAS_FINALISER) ftb_set(start, true);
  gc_alloc_amount += n_blocks;
  stat_add(n_blocks);
  return p;
}

/** Frees an allocation at once (no finaliser); ignores non-heap pointers and a locked heap. */
export function gc_free(p: usize): void {
  if (gc_lock_depth > 0 || gc_collecting) return;
  if (!gc_is_heap_ptr(p)) return;
  let b = block_of(p);
  ftb_set(b, false);
  if (b >> 2 < gc_last_free_atb_index) gc_last_free_atb_index = b >> 2;
  run_hints_pull_back(b);
  do {
    atb_set(b, AT_FREE);
    gc_stat_used_blocks--;
    b++;
  } while (b < gc_n_blocks && atb_get(b) == AT_TAIL);
}

/** Bytes (whole blocks) of the allocation at `p`, 0 if `p` is not a heap head. */
export function gc_nbytes(p: usize): usize {
  if (!gc_is_heap_ptr(p)) return 0;
  let b = block_of(p) + 1;
  let n: usize = 1;
  while (b < gc_n_blocks && atb_get(b) == AT_TAIL) {
    n++;
    b++;
  }
  return n * BLOCK;
}

/**
 * Resizes the allocation at `p` to `n_bytes`: shrinks or grows in place when
 * the following blocks are free, otherwise (if `allow_move`) allocates,
 * copies and frees. Returns the new pointer or 0 (old block untouched).
 * `p == 0` allocates.
 */
export function gc_realloc(p: usize, n_bytes: usize, allow_move: bool): usize {
  if (p == 0) return gc_alloc(n_bytes, 0);
  if (n_bytes == 0) {
    gc_free(p);
    return 0;
  }
  if (gc_lock_depth > 0 || !gc_is_heap_ptr(p)) return 0;
  const b0 = block_of(p);
  let have: usize = 1;
  while (b0 + have < gc_n_blocks && atb_get(b0 + have) == AT_TAIL) have++;
  let want = (n_bytes + BLOCK - 1) / BLOCK;
  if (want == have) return p;
  if (want < have) {
    for (let b = b0 + want; b < b0 + have; b++) atb_set(b, AT_FREE);
    gc_stat_used_blocks -= have - want;
    if ((b0 + want) >> 2 < gc_last_free_atb_index) gc_last_free_atb_index = (b0 + want) >> 2;
    run_hints_pull_back(b0 + want);
    return p;
  }
  // try to grow in place
  let free_after: usize = 0;
  while (b0 + have + free_after < gc_n_blocks && have + free_after < want) {
    if (atb_get(b0 + have + free_after) != AT_FREE) break;
    free_after++;
  }
  if (have + free_after >= want) {
    for (let b = b0 + have; b < b0 + want; b++) atb_set(b, AT_TAIL);
    memory.fill(ptr_of(b0 + have), 0, (want - have) * BLOCK);
    if (b0 + want - 1 > gc_last_used_block) gc_last_used_block = b0 + want - 1;
    gc_alloc_amount += want - have;
    stat_add(want - have);
    return p;
  }
  if (!allow_move) return 0;
  const fin = ftb_get(b0);
  // the old block must survive a collection inside gc_alloc: it is referenced
  // by the caller's rooted owner, as MicroPython requires of its callers
  const np = gc_alloc(n_bytes, fin ? GC_ALLOC_FLAG_HAS_FINALISER : 0);
  if (np == 0) return 0;
  memory.copy(np, p, have * BLOCK);
  gc_free(p);
  return np;
}

// ---- collection ----

@inline function mark_push(b: usize): void {
  if (mark_sp < MICROPY_ALLOC_GC_STACK_SIZE) {
    store<u32>(mark_stack + (<usize>mark_sp << 2), <u32>b);
    mark_sp++;
  } else {
    mark_overflow = true;
  }
}

/** Marks the block `p` points at (if a live head) and everything reachable from it. */
@inline function mark_word(p: usize): void {
  if (p >= gc_pool_start && p < gc_pool_end && (p & (BLOCK - 1)) == 0) {
    const b = block_of(p);
    if (atb_get(b) == AT_HEAD) {
      atb_set(b, AT_MARK);
      mark_push(b);
      drain_mark_stack();
    }
  }
}

function drain_mark_stack(): void {
  while (mark_sp > 0) {
    mark_sp--;
    const b = <usize>load<u32>(mark_stack + (<usize>mark_sp << 2));
    scan_block(b);
  }
}

function scan_block(b: usize): void {
  let n: usize = 1;
  while (b + n < gc_n_blocks && atb_get(b + n) == AT_TAIL) n++;
  const start = ptr_of(b);
  const end = start + n * BLOCK;
  for (let q = start; q < end; q += 4) {
    const p = load<usize>(q);
    if (p >= gc_pool_start && p < gc_pool_end && (p & (BLOCK - 1)) == 0) {
      const c = block_of(p);
      if (atb_get(c) == AT_HEAD) {
        atb_set(c, AT_MARK);
        mark_push(c);
      }
    }
  }
}

function collect_root_range(start: usize, end: usize): void {
  for (let q = start; q + 4 <= end; q += 4) mark_word(load<usize>(q));
}

/**
 * Runs a full collection: marks from MP_STATE, the pystack and the root stack,
 * rescans on mark-stack overflow, runs finalisers of dead objects, frees them.
 */
export function gc_collect(): void {
  if (gc_collecting || gc_pool_start == 0) return;
  gc_collecting = true;
  gc_collected = 0;
  mark_sp = 0;
  mark_overflow = false;
  collect_root_range(MP_STATE, MP_STATE + MP_STATE_ROOT_WORDS * 4);
  collect_root_range(mem_pystack_start, pystack_cur);
  collect_root_range(mem_rootstack_start, root_sp);
  while (mark_overflow) {
    mark_overflow = false;
    for (let b: usize = 0; b <= gc_last_used_block && b < gc_n_blocks; b++) {
      if (atb_get(b) == AT_MARK) {
        scan_block(b);
        drain_mark_stack();
      }
    }
  }
  sweep();
  gc_alloc_amount = 0;
  gc_last_free_atb_index = 0;
  memory.fill(run_hint, 0, (RUN_HINTS + 1) * 4);
  gc_collect_count++;
  gc_collecting = false;
}

function sweep(): void {
  // finalisers first, while all dead objects are still intact
  let last = gc_last_used_block;
  if (last >= gc_n_blocks) last = gc_n_blocks - 1;
  for (let b: usize = 0; b <= last; b++) {
    if (atb_get(b) == AT_HEAD && ftb_get(b)) {
      ftb_set(b, false);
      if (gc_finaliser_fn != 0) call_indirect<void>(gc_finaliser_fn, ptr_of(b));
    }
  }
  let freeing = false;
  let new_last: usize = 0;
  for (let b: usize = 0; b <= last; b++) {
    const a = atb_get(b);
    if (a == AT_HEAD) {
      atb_set(b, AT_FREE);
      gc_stat_used_blocks--;
      gc_collected++;
      freeing = true;
    } else if (a == AT_TAIL) {
      if (freeing) {
        atb_set(b, AT_FREE);
        gc_stat_used_blocks--;
      } else new_last = b;
    } else if (a == AT_MARK) {
      atb_set(b, AT_HEAD);
      freeing = false;
      new_last = b;
    } else {
      freeing = false;
    }
  }
  gc_last_used_block = new_last;
}

// ---- statistics, for gc.mem_free(), micropython.mem_info() ----

/** Total bytes in the pool. */
export function gc_total_bytes(): usize {
  return gc_n_blocks * BLOCK;
}

/** Bytes in allocated blocks. */
export function gc_used_bytes(): usize {
  let used: usize = 0;
  for (let b: usize = 0; b < gc_n_blocks; b++) if (atb_get(b) != AT_FREE) used++;
  return used * BLOCK;
}

/** Number of blocks in the pool. */
export function gc_pool_blocks(): usize {
  return gc_n_blocks;
}

/** Start address of the pool (for mem_info's table dump). */
export function gc_pool_base(): usize {
  return gc_pool_start;
}

/**
 * Statistics as MicroPython's gc_info: writes 7 words at `out`: total, used,
 * free (bytes), max_free (blocks), num_1block, num_2block, max_block (blocks).
 */
export function gc_info(out: usize): void {
  let used: usize = 0;
  let free: usize = 0;
  let max_free: usize = 0;
  let n1: usize = 0;
  let n2: usize = 0;
  let max_block: usize = 0;
  let run_free: usize = 0;
  let run_len: usize = 0;
  for (let b: usize = 0; b < gc_n_blocks; b++) {
    const a = atb_get(b);
    if (a == AT_FREE) {
      free++;
      run_free++;
      if (run_free > max_free) max_free = run_free;
    } else {
      run_free = 0;
      used++;
    }
    // lengths of allocations
    if (a == AT_HEAD || a == AT_MARK) {
      run_len = 1;
    } else if (a == AT_TAIL) {
      run_len++;
    }
    const next = b + 1 < gc_n_blocks ? atb_get(b + 1) : AT_FREE;
    if ((a != AT_FREE) && next != AT_TAIL) {
      if (run_len == 1) n1++;
      else if (run_len == 2) n2++;
      if (run_len > max_block) max_block = run_len;
    }
  }
  store<usize>(out, gc_n_blocks * BLOCK);
  store<usize>(out + 4, used * BLOCK);
  store<usize>(out + 8, free * BLOCK);
  store<usize>(out + 12, max_free);
  store<usize>(out + 16, n1);
  store<usize>(out + 20, n2);
  store<usize>(out + 24, max_block);
}

/**
 * The ATB kind of block `b` for mem_info(1)'s table: 0 free, 1 head, 2 tail.
 * (Marks are only set during a collection.)
 */
export function gc_block_kind(b: usize): u32 {
  const a = atb_get(b);
  return a == AT_MARK ? AT_HEAD : a;
}
