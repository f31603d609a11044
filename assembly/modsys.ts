// The sys module, as MicroPython's modsys.c with the unix port's options:
// argv, path, modules, exit, stdin/stdout/stderr, implementation, version,
// version_info, platform, byteorder, maxsize, print_exception, atexit,
// exc_info, executable, ps1/ps2.
//
// MicroPython keeps sys's globals in ROM and reaches the mutable entries
// (path, ps1, ps2) through attribute delegation. Here the globals are one
// heap dict made by mp_sys_init (rooted in MPS_sys_globals), so `sys.path =
// [...]` simply stores into it; the import machinery reads sys.path from it.

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_OBJ_NEW_QSTR,
  MP_OBJ_NEW_SMALL_INT,
  mp_const_none,
  mp_obj_is_obj,
  mp_obj_is_callable,
  mp_fun_0_at,
  mp_fun_1_at,
  mp_fun_var_at,
} from "./obj";
import { qstr } from "./qstr";
import {
  mp_state_get,
  mp_state_set,
  MPS_loaded_modules,
  MPS_sys_path,
  MPS_sys_argv,
  MPS_sys_globals,
  MPS_sys_exitfunc,
  MPS_sys_stdin,
  MPS_sys_stdout,
  MPS_sys_stderr,
  MPS_handled_exception,
} from "./mpstate";
import { mp_root_mark, mp_root_push, mp_root_release, mp_root_alloc } from "./rootstack";
import {
  mp_obj_new_dict,
  mp_obj_dict_store,
  mp_obj_dict_get_map,
  mp_static_dict_at,
  mp_static_dict_add,
} from "./objdict";
import { mp_map_lookup, mp_map_set_fixed, MP_MAP_LOOKUP, MP_MAP_ERROR } from "./map";
import {
  mp_obj_new_list,
  mp_obj_list_append,
  mp_obj_list_store,
  mp_obj_list_len,
  mp_type_list,
} from "./objlist";
import { mp_obj_new_tuple } from "./objtuple";
import { mp_obj_new_str, mp_obj_new_str_from_as } from "./objstr";
import { mp_obj_new_int_from_ll } from "./objint";
import { mp_obj_new_attrtuple } from "./objattrtuple";
import { mp_module_static_at } from "./objmodule";
import {
  mp_raise_type,
  mp_raise_arg1,
  mp_type_SystemExit,
  mp_obj_print_exception,
} from "./objexcept";
import { mp_call_function_0, mp_raise_recursion_depth } from "./runtime";
import { mp_obj_get_type } from "./objtype";
import { mp_get_stream_raise, mp_stream_printer_init, MP_STREAM_OP_WRITE } from "./stream";
import { mp_sys_stdin_obj, mp_sys_stdout_obj, mp_sys_stderr_obj } from "./extmod/vfs_posix_file";
import * as Q from "./genhdr";

// The MicroPython release this runtime follows (sys.implementation.version).
@inline const MICROPY_VERSION_MAJOR: i32 = 1;
@inline const MICROPY_VERSION_MINOR: i32 = 29;
@inline const MICROPY_VERSION_MICRO: i32 = 0;
/** .mpy format version and sub-version (persistentcode.h's MPY_VERSION, MPY_SUB_VERSION). */
@inline export const MPY_VERSION: i32 = 6;
@inline export const MPY_SUB_VERSION: i32 = 3;
/**
 * The native architecture in .mpy headers; 0 (none) until the wasm native
 * emitter exists. sys.implementation._mpy is MPY_VERSION |
 * MPY_SUB_VERSION << 8 | arch << 10 (MPY_FILE_HEADER_INT).
 */
@inline export const MPY_FEATURE_ARCH: i32 = 0;

/** The sys module (a static module object; its globals are made by mp_sys_init). */
export const mp_module_sys: usize = memory.data(8, 8);

// globals before mp_sys_init: only __name__
const sys_globals_static: usize = memory.data(16, 16);

// the field names of sys.implementation
const impl_fields: usize = memory.data<u16>([
  <u16>Q.MP_QSTR_name,
  <u16>Q.MP_QSTR_version,
  <u16>Q.MP_QSTR__machine,
  <u16>Q.MP_QSTR__mpy,
  <u16>Q.MP_QSTR__build,
]);

/** Printer to sys.stdout through its stream (mp_sys_stdout_print). */
export const mp_sys_stdout_print: usize = memory.data(8, 4);

// exit([code]): raises SystemExit (mp_sys_exit).
function sys_exit(n_args: usize, args: usize): mp_obj_t {
  if (n_args == 0) return mp_raise_type(mp_type_SystemExit);
  return mp_raise_arg1(mp_type_SystemExit, load<usize>(args));
}

// print_exception(exc, file=sys.stdout) (mp_sys_print_exception).
function sys_print_exception(n_args: usize, args: usize): mp_obj_t {
  let stream: mp_obj_t = mp_sys_stdout_obj;
  if (n_args > 1) {
    stream = load<usize>(args + 4);
    if (mp_get_stream_raise(stream, MP_STREAM_OP_WRITE) == 0) return MP_OBJ_NULL;
  }
  const mark = mp_root_mark();
  const print = mp_root_alloc(2);
  if (print == 0) return mp_raise_recursion_depth();
  mp_stream_printer_init(print, stream);
  mp_obj_print_exception(print, load<usize>(args));
  mp_root_release(mark);
  return mp_const_none;
}

// exc_info(): (type, value, None) of the exception being handled, or three Nones.
function sys_exc_info(): mp_obj_t {
  const mark = mp_root_mark();
  const items = mp_root_alloc(3);
  if (items == 0) return mp_raise_recursion_depth();
  const cur = mp_sys_exc_info_current();
  if (cur == MP_OBJ_NULL) {
    store<usize>(items, mp_const_none);
    store<usize>(items + 4, mp_const_none);
  } else {
    store<usize>(items, mp_obj_get_type(cur));
    store<usize>(items + 4, cur);
  }
  store<usize>(items + 8, mp_const_none);
  const t = mp_obj_new_tuple(3, items);
  mp_root_release(mark);
  return t;
}

// The exception being handled (MicroPython's MP_STATE_VM(cur_exception)
// with MICROPY_PY_SYS_EXC_INFO), kept by the VM in MPS_handled_exception.
function mp_sys_exc_info_current(): mp_obj_t {
  return mp_state_get(MPS_handled_exception);
}

// atexit(func): sets the function run at exit, returns the previous one (mp_sys_atexit).
function sys_atexit(obj: mp_obj_t): mp_obj_t {
  const old = mp_state_get(MPS_sys_exitfunc);
  mp_state_set(MPS_sys_exitfunc, obj);
  return old == MP_OBJ_NULL ? mp_const_none : old;
}

const sys_exit_obj: usize = memory.data(16, 16);
const sys_print_exception_obj: usize = memory.data(16, 16);
const sys_exc_info_obj: usize = memory.data(16, 16);
const sys_atexit_obj: usize = memory.data(16, 16);

/** Set-up of this file's static objects; run once by mp_init (before the heap exists). */
export function modsys_static_init(): void {
  mp_fun_var_at(sys_exit_obj, 0, 1, sys_exit);
  mp_fun_var_at(sys_print_exception_obj, 1, 2, sys_print_exception);
  mp_fun_0_at(sys_exc_info_obj, sys_exc_info);
  mp_fun_1_at(sys_atexit_obj, sys_atexit);
  mp_static_dict_at(sys_globals_static, 1);
  mp_static_dict_add(sys_globals_static, Q.MP_QSTR___name__, MP_OBJ_NEW_QSTR(Q.MP_QSTR_sys));
  mp_module_static_at(mp_module_sys, sys_globals_static);
  mp_stream_printer_init(mp_sys_stdout_print, mp_sys_stdout_obj);
}

// Stores globals[q] = v in the sys dict (rooted in MPS_sys_globals).
function sys_set(q: qstr, v: mp_obj_t): bool {
  if (v == MP_OBJ_NULL) return false;
  return mp_obj_dict_store(mp_state_get(MPS_sys_globals), MP_OBJ_NEW_QSTR(q), v) != MP_OBJ_NULL;
}

// sys.implementation: (name, version, _machine, _mpy, _build).
function make_implementation(): mp_obj_t {
  const mark = mp_root_mark();
  const items = mp_root_alloc(5);
  const vitems = mp_root_alloc(4);
  if (items == 0 || vitems == 0) return MP_OBJ_NULL;
  store<usize>(vitems, MP_OBJ_NEW_SMALL_INT(MICROPY_VERSION_MAJOR));
  store<usize>(vitems + 4, MP_OBJ_NEW_SMALL_INT(MICROPY_VERSION_MINOR));
  store<usize>(vitems + 8, MP_OBJ_NEW_SMALL_INT(MICROPY_VERSION_MICRO));
  store<usize>(vitems + 12, MP_OBJ_NEW_QSTR(Q.MP_QSTR_preview));
  store<usize>(items, MP_OBJ_NEW_QSTR(Q.MP_QSTR_micropython));
  const version = mp_obj_new_tuple(4, vitems);
  if (version == MP_OBJ_NULL) return MP_OBJ_NULL;
  store<usize>(items + 4, version);
  const machine = mp_obj_new_str_from_as("mpy-wasm with wasm32");
  if (machine == MP_OBJ_NULL) return MP_OBJ_NULL;
  store<usize>(items + 8, machine);
  const mpy = MPY_VERSION | (MPY_SUB_VERSION << 8) | (MPY_FEATURE_ARCH << 10);
  store<usize>(items + 12, MP_OBJ_NEW_SMALL_INT(mpy));
  store<usize>(items + 16, MP_OBJ_NEW_QSTR(Q.MP_QSTR_standard));
  const r = mp_obj_new_attrtuple(impl_fields, 5, items);
  mp_root_release(mark);
  return r;
}

/**
 * Creates the heap state of sys (MicroPython's mp_init part for sys):
 * sys.modules (MPS_loaded_modules, empty), sys.path and sys.argv (empty
 * lists, MPS_sys_path / MPS_sys_argv) and the sys module's globals
 * (MPS_sys_globals). Call from mp_init once the heap exists, before any
 * import. Returns false with MemoryError pending.
 */
export function mp_sys_init(): bool {
  mp_state_set(MPS_sys_exitfunc, mp_const_none);
  mp_state_set(MPS_handled_exception, MP_OBJ_NULL);
  mp_state_set(MPS_sys_stdin, mp_sys_stdin_obj);
  mp_state_set(MPS_sys_stdout, mp_sys_stdout_obj);
  mp_state_set(MPS_sys_stderr, mp_sys_stderr_obj);
  mp_module_static_at(mp_module_sys, sys_globals_static);
  const modules = mp_obj_new_dict(3);
  if (modules == MP_OBJ_NULL) return false;
  mp_state_set(MPS_loaded_modules, modules);
  const path = mp_obj_new_list(0, 0);
  if (path == MP_OBJ_NULL) return false;
  mp_state_set(MPS_sys_path, path);
  const argv = mp_obj_new_list(0, 0);
  if (argv == MP_OBJ_NULL) return false;
  mp_state_set(MPS_sys_argv, argv);
  const g = mp_obj_new_dict(22);
  if (g == MP_OBJ_NULL) return false;
  mp_state_set(MPS_sys_globals, g);
  // in the order of MicroPython's (sorted) table, so dir(sys) matches
  if (!sys_set(Q.MP_QSTR___name__, MP_OBJ_NEW_QSTR(Q.MP_QSTR_sys))) return false;
  if (!sys_set(Q.MP_QSTR_argv, argv)) return false;
  if (!sys_set(Q.MP_QSTR_atexit, sys_atexit_obj)) return false;
  if (!sys_set(Q.MP_QSTR_byteorder, MP_OBJ_NEW_QSTR(Q.MP_QSTR_little))) return false;
  if (!sys_set(Q.MP_QSTR_exc_info, sys_exc_info_obj)) return false;
  if (!sys_set(Q.MP_QSTR_executable, MP_OBJ_NEW_QSTR(Q.MP_QSTR_))) return false;
  if (!sys_set(Q.MP_QSTR_exit, sys_exit_obj)) return false;
  if (!sys_set(Q.MP_QSTR_implementation, make_implementation())) return false;
  // 2**31 - 1: the largest mp_int_t of a 32-bit port, a long int here
  if (!sys_set(Q.MP_QSTR_maxsize, mp_obj_new_int_from_ll(0x7fffffff))) return false;
  if (!sys_set(Q.MP_QSTR_modules, modules)) return false;
  if (!sys_set(Q.MP_QSTR_path, path)) return false;
  if (!sys_set(Q.MP_QSTR_platform, MP_OBJ_NEW_QSTR(Q.MP_QSTR_linux))) return false;
  if (!sys_set(Q.MP_QSTR_print_exception, sys_print_exception_obj)) return false;
  if (!sys_set(Q.MP_QSTR_ps1, mp_obj_new_str_from_as(">>> "))) return false;
  if (!sys_set(Q.MP_QSTR_ps2, mp_obj_new_str_from_as("... "))) return false;
  if (!sys_set(Q.MP_QSTR_stderr, mp_sys_stderr_obj)) return false;
  if (!sys_set(Q.MP_QSTR_stdin, mp_sys_stdin_obj)) return false;
  if (!sys_set(Q.MP_QSTR_stdout, mp_sys_stdout_obj)) return false;
  const version = mp_obj_new_str_from_as("3.4.0; MicroPython v1.29.0-preview (mpy-wasm)");
  if (!sys_set(Q.MP_QSTR_version, version)) return false;
  if (!sys_set(Q.MP_QSTR_version_info, make_version_info())) return false;
  // read-only as MicroPython's ROM table: sys.x = 1 raises AttributeError;
  // path, ps1 and ps2 are stored through mp_module_sys_attr
  mp_map_set_fixed(mp_obj_dict_get_map(g));
  mp_module_static_at(mp_module_sys, g);
  return true;
}

/**
 * The sys module's attribute delegate (MicroPython's mp_module_sys_attr with
 * MICROPY_PY_SYS_ATTR_DELEGATION): sys.path, sys.ps1 and sys.ps2 may be
 * stored or deleted (a deleted one reads as missing); other stores fail.
 * `dest` as a type's attr slot: dest[1] is the value, dest[0] is cleared on
 * success.
 */
export function mp_module_sys_attr(self_in: mp_obj_t, attr: qstr, dest: usize): void {
  if (load<usize>(dest) == MP_OBJ_NULL) return; // loads find the values in the globals
  if (attr != Q.MP_QSTR_path && attr != Q.MP_QSTR_ps1 && attr != Q.MP_QSTR_ps2) return;
  const g = mp_state_get(MPS_sys_globals);
  const e = mp_map_lookup(mp_obj_dict_get_map(g), MP_OBJ_NEW_QSTR(attr), MP_MAP_LOOKUP);
  if (e == 0 || e == MP_MAP_ERROR) return;
  store<usize>(e + 4, load<usize>(dest + 4));
  store<usize>(dest, MP_OBJ_NULL);
}

// (3, 4, 0): the Python language version MicroPython follows.
function make_version_info(): mp_obj_t {
  const mark = mp_root_mark();
  const items = mp_root_alloc(3);
  if (items == 0) return MP_OBJ_NULL;
  store<usize>(items, MP_OBJ_NEW_SMALL_INT(3));
  store<usize>(items + 4, MP_OBJ_NEW_SMALL_INT(4));
  store<usize>(items + 8, MP_OBJ_NEW_SMALL_INT(0));
  const t = mp_obj_new_tuple(3, items);
  mp_root_release(mark);
  return t;
}

// The current value of sys.<q> (0 if unset or before mp_sys_init).
function sys_get(q: qstr): mp_obj_t {
  const g = mp_state_get(MPS_sys_globals);
  if (g == 0) return 0;
  const e = mp_map_lookup(mp_obj_dict_get_map(g), MP_OBJ_NEW_QSTR(q), MP_MAP_LOOKUP);
  if (e == 0 || e == MP_MAP_ERROR) return 0;
  return load<usize>(e + 4);
}

/**
 * The list the import machinery searches: sys.path if it is a list, else
 * (deleted or replaced by a non-list) an empty search (mp_sys_path).
 */
export function mp_sys_path(): mp_obj_t {
  const p = sys_get(Q.MP_QSTR_path);
  if (p != 0 && mp_obj_is_obj(p) && load<usize>(p) == mp_type_list) return p;
  return 0;
}

/** sys.argv (mp_sys_argv), or 0 before mp_sys_init. */
export function mp_sys_argv(): mp_obj_t {
  const p = sys_get(Q.MP_QSTR_argv);
  if (p != 0 && mp_obj_is_obj(p) && load<usize>(p) == mp_type_list) return p;
  return mp_state_get(MPS_sys_argv);
}

// Appends the str of `len` UTF-8 bytes at `p` (a rooted buffer) to `list`.
function list_append_str(list: mp_obj_t, p: usize, len: usize): i32 {
  if (list == 0) return -1;
  const mark = mp_root_mark();
  mp_root_push(list);
  const s = mp_obj_new_str(p, len);
  if (s == MP_OBJ_NULL || mp_obj_list_append(list, s) == MP_OBJ_NULL) {
    mp_root_release(mark);
    return -1;
  }
  mp_root_release(mark);
  return 0;
}

/**
 * Appends the path of `len` UTF-8 bytes at `p` (a rooted buffer, e.g. the
 * host buffer) to sys.path. Returns 0, or -1 with MemoryError pending.
 */
export function mp_sys_path_append_str(p: usize, len: usize): i32 {
  return list_append_str(mp_sys_path(), p, len);
}

/**
 * Sets sys.path[0] (the script's directory, as the unix port does for a file
 * argument) to the `len` bytes at `p`; appends if sys.path is empty.
 */
export function mp_sys_path_set0_str(p: usize, len: usize): i32 {
  const path = mp_sys_path();
  if (path == 0) return -1;
  if (mp_obj_list_len(path) == 0) return list_append_str(path, p, len);
  const mark = mp_root_mark();
  mp_root_push(path);
  const s = mp_obj_new_str(p, len);
  if (s == MP_OBJ_NULL || mp_obj_list_store(path, MP_OBJ_NEW_SMALL_INT(0), s) == MP_OBJ_NULL) {
    mp_root_release(mark);
    return -1;
  }
  mp_root_release(mark);
  return 0;
}

/** Appends the `len` bytes at `p` to sys.argv. Returns 0, or -1 with MemoryError pending. */
export function mp_sys_argv_append_str(p: usize, len: usize): i32 {
  return list_append_str(mp_sys_argv(), p, len);
}

/**
 * Runs the sys.atexit function if one is set (the unix port does this as
 * the program ends, after a SystemExit too). Returns MP_OBJ_NULL if it
 * raised (the exception is pending), else None.
 */
export function mp_sys_call_exitfunc(): mp_obj_t {
  const f = mp_state_get(MPS_sys_exitfunc);
  if (f == MP_OBJ_NULL || f == mp_const_none || !mp_obj_is_callable(f)) return mp_const_none;
  const mark = mp_root_mark();
  mp_root_push(f);
  const r = mp_call_function_0(f);
  mp_root_release(mark);
  return r == MP_OBJ_NULL ? MP_OBJ_NULL : mp_const_none;
}
