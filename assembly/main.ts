// The port's main, as MicroPython's ports/unix/main.c: what the host CLI
// calls to set options, sys.path and sys.argv, run a module (-m) and ask the
// REPL whether an input is complete. Source text and files run through
// pyexec.ts (mp_exec_src_start/resume, in time slices). Exported through index.ts.
//
// Exit codes are the unix port's: 0, 1 after an uncaught exception (printed
// to stderr with its traceback), or FORCED_EXIT | (code & 255) for SystemExit.

import { MP_OBJ_NULL, mp_obj_is_callable } from "./obj";
import { mp_state_get, MPS_sys_exitfunc } from "./mpstate";
import { mp_call_function_0 } from "./runtime";
import { gc_alloc, gc_set_stress } from "./gc";
import { mp_state_set, MPS_host_buffer, MPS_host_name, mp_set_optimise_value } from "./mpstate";
import { mp_sys_path_append_str, mp_sys_path_set0_str, mp_sys_argv_append_str } from "./modsys";
import { mp_exec_module_str } from "./builtinimport";
import { mp_vfs_romfs_sys_path_appended, mp_vfs_romfs_sys_path_only } from "./extmod/vfs_rom_ioctl";
import { pyexec_handle_uncaught_exception } from "./pyexec";
import { mp_repl_continue_with_input_str } from "./repl";
import { mp_root_mark, mp_root_release, mp_root_push, mp_root_alloc } from "./rootstack";
import { qstr_from_strn } from "./qstr";
import { mp_raise_memory_error } from "./runtime";
import { mp_lexer_new_from_str_len } from "./lexer";
import { mp_parse, MP_PARSE_FILE_INPUT } from "./parse";
import { mp_compile_to_raw_code_cm, MP_COMPILED_MODULE_SIZE, CM_context } from "./compile";
import { mp_module_context_new } from "./emitglue";
import { mp_type_module } from "./objmodule";
import { mp_raw_code_save } from "./persistentcode";
import { vstr_new_root, vstr_len, vstr_str, vstr_had_error } from "./vstr";

/** Exit status bit for SystemExit (the unix port's FORCED_EXIT). */
@inline export const FORCED_EXIT: i32 = 0x100;

/** -X compile-only: parse and compile, do not run. */
export let mp_compile_only: bool = false;

/**
 * A GC-rooted buffer of `n` bytes for the host to copy input into (source,
 * paths); it stays rooted until the next call. Returns 0 on MemoryError.
 */
export function mp_host_buffer(n: usize): usize {
  mp_state_set(MPS_host_buffer, 0);
  const p = gc_alloc(n, 0);
  mp_state_set(MPS_host_buffer, p);
  return p;
}

/** As mp_host_buffer, a second buffer for a name that goes with the source. */
export function mp_host_name(n: usize): usize {
  mp_state_set(MPS_host_name, 0);
  const p = gc_alloc(n + 1, 0);
  mp_state_set(MPS_host_name, p);
  return p;
}

export function mp_set_gc_stress(on: i32): void {
  gc_set_stress(on != 0);
}

export function mp_set_opt_level(n: u32): void {
  mp_set_optimise_value(n);
}

export function mp_set_compile_only(on: i32): void {
  mp_compile_only = on != 0;
}

// The host sets sys.path after mp_init: "/rom" and "/rom/lib" (a firmware's
// ROMFS, mounted by mp_init) stay last, as on a board (extmod/vfs_rom_ioctl.ts).
export function mp_sys_path_append(p: usize, len: usize): void {
  if (mp_sys_path_append_str(p, len) == 0) mp_vfs_romfs_sys_path_appended();
}

export function mp_sys_path_set0(p: usize, len: usize): void {
  if (mp_vfs_romfs_sys_path_only()) mp_sys_path_append(p, len);
  else mp_sys_path_set0_str(p, len);
}

export function mp_sys_argv_append(p: usize, len: usize): void {
  mp_sys_argv_append_str(p, len);
}

/** Imports a module as __main__ (-m MODULE). */
export function mp_exec_module(name: usize, len: usize): i32 {
  if (mp_exec_module_str(name, len) == MP_OBJ_NULL) return pyexec_handle_uncaught_exception();
  return 0;
}

/** 1 if the REPL input so far needs more lines (mp_repl_continue_with_input). */
export function mp_repl_continue_with_input(src: usize, len: usize): i32 {
  return mp_repl_continue_with_input_str(src, len) ? 1 : 0;
}

/**
 * Runs the function registered with sys.atexit, if any, as the unix port does
 * when the program (or the REPL) ends. Returns the exit code of that call:
 * 0, or as pyexec_handle_uncaught_exception if it raised.
 */
export function mp_run_atexit(): i32 {
  const f = mp_state_get(MPS_sys_exitfunc);
  if (!mp_obj_is_callable(f)) return 0;
  if (mp_call_function_0(f) == MP_OBJ_NULL) return pyexec_handle_uncaught_exception();
  return 0;
}

/**
 * Host export for mpy-wasm-cross (as MicroPython's mpy-cross compile_and_save):
 * compiles `src_len` bytes of source at `src` (the mp_host_buffer) as a file
 * whose source name (stored in the .mpy) is the `name_len` bytes at `name`
 * (the mp_host_name buffer), and writes the .mpy v6 image into a new host
 * buffer (mp_host_buffer_addr). Returns the image's length, or -1 after
 * printing the exception (SyntaxError with its traceback, MemoryError) to
 * stderr.
 */
export function mp_cross_compile(src: usize, src_len: usize, name: usize, name_len: usize): i32 {
  const mark = mp_root_mark();
  const ok = cross_compile(src, src_len, name, name_len);
  mp_root_release(mark);
  if (!ok) {
    pyexec_handle_uncaught_exception();
    return -1;
  }
  return <i32>load<usize>(mp_state_get(MPS_host_buffer));
}

function cross_compile(src: usize, src_len: usize, name: usize, name_len: usize): bool {
  const q = qstr_from_strn(name, name_len);
  if (q == 0) {
    mp_raise_memory_error(name_len);
    return false;
  }
  const lex = mp_lexer_new_from_str_len(q, src, src_len);
  if (lex == 0) return false;
  const tree = mp_parse(lex, MP_PARSE_FILE_INPUT);
  if (tree == 0) return false;
  mp_root_push(tree);
  const cm = mp_root_alloc(MP_COMPILED_MODULE_SIZE >> 2);
  const ctx = mp_module_context_new(mp_type_module, 0, 0);
  if (cm == 0 || ctx == 0) return false;
  store<usize>(cm + CM_context, ctx);
  if (!mp_compile_to_raw_code_cm(tree, q, false, cm)) return false;
  const v = vstr_new_root(256);
  if (v == 0 || !mp_raw_code_save(cm, v) || vstr_had_error(v)) return false;
  // the image goes to the host as [u32 length][bytes] in the rooted host buffer
  const n = vstr_len(v);
  const out = mp_host_buffer(n + 4);
  if (out == 0) return false;
  store<usize>(out, n);
  memory.copy(out + 4, vstr_str(v), n);
  return true;
}

/** The address of the current host buffer (mp_host_buffer, or the output of mp_cross_compile). */
export function mp_host_buffer_addr(): usize {
  return mp_state_get(MPS_host_buffer);
}
