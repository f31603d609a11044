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
import { pyexec_handle_uncaught_exception } from "./pyexec";
import { mp_repl_continue_with_input_str } from "./repl";

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

export function mp_sys_path_append(p: usize, len: usize): void {
  mp_sys_path_append_str(p, len);
}

export function mp_sys_path_set0(p: usize, len: usize): void {
  mp_sys_path_set0_str(p, len);
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
