// The port's main, as MicroPython's ports/unix/main.c: what the host CLI
// calls to set sys.path/sys.argv and run source text, a file, a module or
// one REPL input. Exported through index.ts.
//
// Exit codes are the unix port's: 0, 1 after an uncaught exception (printed
// to stderr with its traceback), or FORCED_EXIT | (code & 255) for SystemExit.

import { mp_obj_t, MP_OBJ_NULL, mp_const_none, mp_obj_is_small_int, MP_OBJ_SMALL_INT_VALUE, MP_OBJ_NEW_QSTR } from "./obj";
import { gc_alloc, gc_set_stress } from "./gc";
import { mp_state_get, mp_state_set, MPS_host_buffer, MPS_host_name, MPS_cur_exception } from "./mpstate";
import { qstr, qstr_from_strn } from "./qstr";
import { mp_root_mark, mp_root_push, mp_root_release } from "./rootstack";
import { mp_raise_memory_error } from "./runtime";
import { mp_call_function_0, mp_store_global } from "./runtime";
import { mp_lexer_new_from_str_len } from "./lexer";
import { mp_parse } from "./parse";
import { mp_compile } from "./compile";
import { mp_obj_print_exception, mp_obj_exception_get_value, mp_type_SystemExit, mp_obj_is_subclass_fast } from "./objexcept";
import { mp_obj_get_type } from "./objtype";
import { mp_stderr_print } from "./mpprint";
import { mp_obj_get_int_maybe_obj } from "./obj";
import { mp_sys_path_append_str, mp_sys_path_set0_str, mp_sys_argv_append_str } from "./modsys";
import { mp_exec_module_str, mp_lexer_new_from_file_str } from "./builtinimport";
import { mp_repl_continue_with_input_str } from "./repl";
import { MP_QSTR___file__ } from "./genhdr";

/** Exit status bit for SystemExit (the unix port's FORCED_EXIT). */
@inline export const FORCED_EXIT: i32 = 0x100;

/** Parse input kinds (mp_parse_input_kind_t). */
@inline export const MP_PARSE_SINGLE_INPUT: u32 = 0;
@inline export const MP_PARSE_FILE_INPUT: u32 = 1;
@inline export const MP_PARSE_EVAL_INPUT: u32 = 2;

/** Optimisation level (-O, micropython.opt_level). */
export let mp_optimise_value: u32 = 0;
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
  mp_optimise_value = n;
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

/**
 * Turns the pending exception into an exit code: SystemExit gives
 * FORCED_EXIT | code (None → 0, an int → its low 8 bits, anything else → 1);
 * any other exception is printed to stderr and gives 1
 * (handle_uncaught_exception in ports/unix/main.c).
 */
export function mp_handle_uncaught_exception(): i32 {
  const exc = mp_state_get(MPS_cur_exception);
  mp_state_set(MPS_cur_exception, MP_OBJ_NULL);
  if (exc == MP_OBJ_NULL) return 1;
  const mark = mp_root_mark();
  mp_root_push(exc);
  let ret: i32 = 1;
  if (mp_obj_is_subclass_fast(mp_obj_get_type(exc), mp_type_SystemExit)) {
    const v = mp_obj_exception_get_value(exc);
    let code: i32 = 0;
    if (v != mp_const_none) {
      const i = mp_obj_get_int_maybe_obj(v);
      code = mp_obj_is_small_int(i) ? MP_OBJ_SMALL_INT_VALUE(i) : 1;
    }
    mp_state_set(MPS_cur_exception, MP_OBJ_NULL);
    ret = FORCED_EXIT | (code & 255);
  } else {
    mp_obj_print_exception(mp_stderr_print, exc);
    mp_state_set(MPS_cur_exception, MP_OBJ_NULL);
  }
  mp_root_release(mark);
  return ret;
}

/** Parses, compiles and runs what `lex` reads (execute_from_lexer). */
function execute_from_lexer(lex: usize, input_kind: u32, is_repl: bool, source_name: qstr): i32 {
  if (lex == 0) return mp_handle_uncaught_exception();
  if (input_kind == MP_PARSE_FILE_INPUT) {
    if (mp_store_global(MP_QSTR___file__, MP_OBJ_NEW_QSTR(source_name)) == MP_OBJ_NULL) {
      return mp_handle_uncaught_exception();
    }
  }
  const tree = mp_parse(lex, input_kind);
  if (tree == 0) return mp_handle_uncaught_exception();
  const fun = mp_compile(tree, source_name, is_repl);
  if (fun == MP_OBJ_NULL) return mp_handle_uncaught_exception();
  if (mp_compile_only) return 0;
  const mark = mp_root_mark();
  mp_root_push(fun);
  const r = mp_call_function_0(fun);
  mp_root_release(mark);
  if (r == MP_OBJ_NULL) return mp_handle_uncaught_exception();
  return 0;
}

/**
 * Runs `src_len` bytes of source at `src` (in the mp_host_buffer) named by
 * the `name_len` bytes at `name` (mp_host_name) as `input_kind` (0 single /
 * REPL, 1 file, 2 eval). Returns the exit code.
 */
export function mp_exec_src(src: usize, src_len: usize, name: usize, name_len: usize, input_kind: u32): i32 {
  const q = qstr_from_strn(name, name_len);
  if (q == 0) {
    mp_raise_memory_error(name_len);
    return mp_handle_uncaught_exception();
  }
  const lex = mp_lexer_new_from_str_len(q, src, src_len);
  return execute_from_lexer(lex, input_kind, input_kind == MP_PARSE_SINGLE_INPUT, q);
}

/** Runs a file read through the host (do_file); `path` is in the mp_host_buffer. */
export function mp_exec_file(path: usize, len: usize): i32 {
  const q = qstr_from_strn(path, len);
  if (q == 0) {
    mp_raise_memory_error(len);
    return mp_handle_uncaught_exception();
  }
  const lex = mp_lexer_new_from_file_str(q);
  return execute_from_lexer(lex, MP_PARSE_FILE_INPUT, false, q);
}

/** Imports a module as __main__ (-m MODULE). */
export function mp_exec_module(name: usize, len: usize): i32 {
  if (mp_exec_module_str(name, len) == MP_OBJ_NULL) return mp_handle_uncaught_exception();
  return 0;
}

/** 1 if the REPL input so far needs more lines (mp_repl_continue_with_input). */
export function mp_repl_continue_with_input(src: usize, len: usize): i32 {
  return mp_repl_continue_with_input_str(src, len) ? 1 : 0;
}
