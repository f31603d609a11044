// The exports of the core: the only names the host sees (host/loader.ts reads them).

import { memmap_init, mem_heap_start, mem_heap_end } from "./memmap";
import { gc_init, gc_collect } from "./gc";
import { rootstack_init } from "./rootstack";
import { pystack_init } from "./pystack";
import { qstr_init } from "./qstr";
import { MICROPY_ROOT_STACK_SIZE } from "./mpconfig";
import { mp_plat_print, mp_print_str } from "./mpprint";
import { mp_static_init_all } from "../build/genhdr/initdefs.generated";

/**
 * Initialises the runtime: grows memory once for a pystack of `pystack_bytes`
 * and a GC heap of `heap_bytes`, then sets up qstrs and the VM state.
 * Returns 0 on success, -1 if memory cannot be grown that far.
 */
export function mp_init(heap_bytes: usize, pystack_bytes: usize): i32 {
  mp_static_init_all();
  if (!memmap_init(pystack_bytes, MICROPY_ROOT_STACK_SIZE, heap_bytes)) return -1;
  rootstack_init();
  pystack_init();
  gc_init(mem_heap_start, mem_heap_end);
  qstr_init();
  return 0;
}

export function mp_hello(): void {
  mp_print_str(mp_plat_print, "hello from mpy-wasm\n");
}

export { gc_collect };

// Debug: compile source and print its raw codes (showbc.ts), for byte-for-byte comparison with mpy-cross.
export { mp_compile_dump, mp_compile_dump_buffer } from "./showbc";
