// The root stack: a region of linear memory scanned word by word by the GC.
// Runtime code that holds a heap object across anything that may allocate
// pushes it here (WebAssembly locals cannot be scanned). It also serves as
// our "C stack" for temporary structures (argument arrays, vstr headers):
// anything stored in them stays alive while they are on the stack.
//
//   usage:  const mark = mp_root_mark(); mp_root_push(o); ...; mp_root_release(mark);

import { mem_rootstack_start, mem_rootstack_end } from "./memmap";

/** Current top of the root stack (grows upwards). */
export let root_sp: usize = 0;

export function rootstack_init(): void {
  root_sp = mem_rootstack_start;
}

/** Returns the current top, to pass to mp_root_release. */
@inline export function mp_root_mark(): usize {
  return root_sp;
}

/** Pops everything pushed since `mark`. */
@inline export function mp_root_release(mark: usize): void {
  root_sp = mark;
}

/** Pushes one word; aborts on overflow (bounded by the VM depth limit, so a bug). */
@inline export function mp_root_push(o: usize): void {
  const sp = root_sp;
  assert(sp < mem_rootstack_end, "root stack overflow");
  store<usize>(sp, o);
  root_sp = sp + 4;
}

/** Replaces the word at `slot` (an address returned by mp_root_alloc or a mark). */
@inline export function mp_root_set(slot: usize, o: usize): void {
  store<usize>(slot, o);
}

/**
 * Reserves `n_words` zeroed words and returns their address; released with the
 * enclosing mark. Returns 0 if the root stack is full (caller raises RuntimeError).
 */
export function mp_root_alloc(n_words: usize): usize {
  const sp = root_sp;
  const n = n_words << 2;
  if (sp + n > mem_rootstack_end) return 0;
  memory.fill(sp, 0, n);
  root_sp = sp + n;
  return sp;
}

/** Bytes left on the root stack. */
export function mp_root_free(): usize {
  return mem_rootstack_end - root_sp;
}
