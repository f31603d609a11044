// The pystack: a region of linear memory where the VM keeps its frames
// (code states and value stacks), as MicroPython's MICROPY_ENABLE_PYSTACK.
// Frames are freed in LIFO order. The GC scans [start, cur) word by word.

import { mem_pystack_start, mem_pystack_end } from "./memmap";

/** Top of the pystack (first free byte). */
export let pystack_cur: usize = 0;

export function pystack_init(): void {
  pystack_cur = mem_pystack_start;
}

/**
 * Allocates `n_bytes` (rounded to 8) zeroed on the pystack; returns 0 if it
 * is exhausted (the caller raises RuntimeError "pystack exhausted").
 */
export function mp_pystack_alloc(n_bytes: usize): usize {
  const n = (n_bytes + 7) & ~(<usize>7);
  const p = pystack_cur;
  if (p + n > mem_pystack_end) return 0;
  memory.fill(p, 0, n);
  pystack_cur = p + n;
  return p;
}

/** Frees `p` and everything allocated after it. */
export function mp_pystack_free(p: usize): void {
  pystack_cur = p;
}

/** Bytes in use. */
export function mp_pystack_usage(): usize {
  return pystack_cur - mem_pystack_start;
}

/** Bytes in all. */
export function mp_pystack_limit(): usize {
  return mem_pystack_end - mem_pystack_start;
}
