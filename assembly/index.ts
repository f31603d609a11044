// The exports of the core: the only names the host sees (host/loader.ts reads them).

import { memmap_init, memmap_init_at, mem_heap_start, mem_heap_end } from "./memmap";
import { mp_rom_end } from "./frozenmod";
import { gc_init, gc_collect } from "./gc";
import { rootstack_init } from "./rootstack";
import { pystack_init } from "./pystack";
import { qstr_init } from "./qstr";
import { mp_runtime_init } from "./runtime";
import { mp_sys_init } from "./modsys";
import { MICROPY_ROOT_STACK_SIZE } from "./mpconfig";
import { mp_plat_print, mp_print_str } from "./mpprint";
import { mp_vfs_mount_posix_root } from "./extmod/vfs";
import { mp_vfs_mount_romfs_protected } from "./extmod/vfs_rom_ioctl";
import { mp_static_init_all } from "../build/genhdr/initdefs.generated";

/**
 * Initialises the runtime: grows memory once for a pystack of `pystack_bytes`
 * and a GC heap of `heap_bytes` (above the ROM of a firmware image), then
 * sets up qstrs and the VM state. Returns 0 on success, -1 if memory cannot
 * be grown that far, -2 if the image's ROM is not for this core.
 */
export function mp_init(heap_bytes: usize, pystack_bytes: usize): i32 {
  const rom_end = mp_rom_end();
  if (rom_end == usize.MAX_VALUE) return -2;
  mp_static_init_all();
  if (rom_end != 0) {
    if (!memmap_init_at(rom_end, pystack_bytes, MICROPY_ROOT_STACK_SIZE, heap_bytes)) return -1;
  } else if (!memmap_init(pystack_bytes, MICROPY_ROOT_STACK_SIZE, heap_bytes)) return -1;
  rootstack_init();
  pystack_init();
  gc_init(mem_heap_start, mem_heap_end);
  qstr_init();
  if (!mp_sys_init()) return -1; // sys.modules, sys.path, sys.argv (modsys.ts)
  if (!mp_runtime_init()) return -1; // __main__ globals, scheduler (runtime.ts)
  if (!mp_vfs_mount_posix_root()) return -1; // the host's filesystem at "/" (extmod/vfs.ts)
  mp_vfs_mount_romfs_protected(); // a firmware's ROMFS partition at /rom (extmod/vfs_rom_ioctl.ts)
  return 0;
}

export { gc_collect };
// micropython.mem_peak's figure, restartable by the host (the freeze benchmark's heap peak)
export { gc_stat_peak_reset as mp_gc_peak_reset } from "./gc";

/** Where a firmware builder puts the ROM: the first 64 KiB page boundary above the core's static data. */
export function mp_rom_default_base(): usize {
  return (__heap_base + 0xffff) & ~(<usize>0xffff);
}

// Firmware images (frozenmod.ts, frozenbuild.ts): the ROM address the image
// sets, its header (board profile), the qstr policy of a board, and the
// builder that lays out frozen bytecode as ROM.
export { mp_rom_base, mp_rom_header_word, mp_frozen_count } from "./frozenmod";
export { mp_qstr_set_alloc } from "./qstr";
export { mp_freeze_begin, mp_freeze_add, mp_freeze_end } from "./frozenbuild";

// Debug: compile source and print its raw codes (showbc.ts), for byte-for-byte comparison with mpy-cross.
export { mp_compile_dump, mp_compile_dump_buffer } from "./showbc";

// Sliced execution and Ctrl-C (pyexec.ts): start/resume return -1 while the
// program runs, else the exit code (0, 1 after a printed exception, 0x100|code
// for SystemExit).
export {
  mp_exec_src_start,
  mp_exec_src_resume,
  mp_exec_set_slice_ms,
  mp_keyboard_interrupt,
  mp_exec_set_timeout,
  mp_exec_frozen_start,
} from "./pyexec";

// The port's main (main.ts): options, sys.path/argv, -m, REPL input completeness.
export {
  mp_host_buffer,
  mp_host_name,
  mp_set_gc_stress,
  mp_set_opt_level,
  mp_set_compile_only,
  mp_sys_path_append,
  mp_sys_path_set0,
  mp_sys_argv_append,
  mp_exec_module,
  mp_repl_continue_with_input,
  mp_run_atexit,
  mp_cross_compile,
  mp_host_buffer_addr,
} from "./main";
// Compiler settings: -v -v prints each compiled raw code (mpstate.ts); -X emit= (compile.ts).
export { mp_set_verbose_flag } from "./mpstate";
export { mp_set_default_emit_opt } from "./compile";
