// The linear-memory map, fixed at start-up by mp_init and exported to the host.
//
//   0 ────────── 1024 ───────── __heap_base ─────────────────────────────────────────► end
//   | reserved | AS static data | static arena | pystack | root stack | GC heap (ATB|FTB|pool) |
//
// The static arena sits inside the AS data (a zero-filled memory.data, costs
// no bytes in the binary). Memory is grown once in mp_init to hold the
// pystack, root stack and GC heap, and never again.

import { MICROPY_STATIC_ARENA_SIZE } from "./mpconfig";

/** Static arena: built-in method tables and other objects that live forever, outside the GC heap. */
export const STATIC_ARENA: usize = memory.data(<i32>MICROPY_STATIC_ARENA_SIZE, 16);
let static_top: usize = STATIC_ARENA;

/** Bump-allocates `n` zeroed bytes (16-byte aligned) from the static arena; aborts when full (a build bug). */
export function mp_static_alloc(n: usize): usize {
  const p = static_top;
  static_top = (p + n + 15) & ~(<usize>15);
  assert(static_top <= STATIC_ARENA + MICROPY_STATIC_ARENA_SIZE, "static arena full");
  return p;
}

/** Bytes of the static arena in use (for mem_info). */
export function mp_static_used(): usize {
  return static_top - STATIC_ARENA;
}

export let mem_pystack_start: usize = 0;
export let mem_pystack_end: usize = 0;
export let mem_rootstack_start: usize = 0;
export let mem_rootstack_end: usize = 0;
export let mem_heap_start: usize = 0;
export let mem_heap_end: usize = 0;

/**
 * Lays out and grows memory for a pystack of `pystack_bytes`, a root stack of
 * `rootstack_bytes` and a GC heap of `heap_bytes` (all rounded to 16 bytes).
 * Returns false if memory cannot grow that far.
 */
export function memmap_init(pystack_bytes: usize, rootstack_bytes: usize, heap_bytes: usize): bool {
  return memmap_init_at(__heap_base, pystack_bytes, rootstack_bytes, heap_bytes);
}

/**
 * As memmap_init, with the regions starting at `base` instead of __heap_base
 * (unit tests place them above the test framework's own heap).
 */
export function memmap_init_at(base: usize, pystack_bytes: usize, rootstack_bytes: usize, heap_bytes: usize): bool {
  let p = (base + 15) & ~(<usize>15);
  mem_pystack_start = p;
  p += (pystack_bytes + 15) & ~(<usize>15);
  mem_pystack_end = p;
  mem_rootstack_start = p;
  p += (rootstack_bytes + 15) & ~(<usize>15);
  mem_rootstack_end = p;
  mem_heap_start = p;
  p += (heap_bytes + 15) & ~(<usize>15);
  mem_heap_end = p;
  const have = (<usize>memory.size()) << 16;
  if (p > have) {
    const pages = <i32>((p - have + 0xffff) >> 16);
    if (memory.grow(pages) < 0) return false;
  }
  return true;
}
