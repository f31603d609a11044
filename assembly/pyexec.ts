// Running Python from the host, as MicroPython's shared/runtime/pyexec.c, with
// time slicing: the VM returns to its caller every few milliseconds
// (MP_VM_RETURN_SLICE) with its frames kept on the pystack, and is resumed.
// A wasm function that never returns stays in V8's baseline tier, so even
// the blocking runner below slices: each re-entry of mp_execute_bytecode
// picks up the optimised code. The host's event loop (Ctrl-C, timers,
// simulated interrupts) runs between slices when it uses the start/resume
// exports.
//
//   status = mp_exec_src_start(src, len, name, name_len, kind)
//   while (status == MP_EXEC_YIELDED) { ...host work...; status = mp_exec_src_resume(); }
//   status is then the exit code: 0, 1 (exception printed), FORCED_EXIT | code (SystemExit)

import { mp_obj_t, MP_OBJ_NULL, mp_obj_is_obj, MP_OBJ_NEW_QSTR } from "./obj";
import { mp_state_get, mp_state_set, MPS_vm_exec_fun, MPS_vm_exec_result } from "./mpstate";
import { mp_pystack_free } from "./pystack";
import { mp_root_mark, mp_root_push, mp_root_release } from "./rootstack";
import { qstr, qstr_from_strn } from "./qstr";
import { mp_raise_obj } from "./objexcept";
import { mp_call_function_0, mp_globals_set, mp_raise_memory_error, mp_store_global } from "./runtime";
import { mp_type_fun_bc } from "./objfun";
import { CS_sp, CS_state, CS_old_globals, CS_free_ptr, CS_prev } from "./bc";
import {
  mp_execute_bytecode,
  mp_obj_fun_bc_prepare_codestate,
  mp_vm_depth,
  mp_vm_slice_depth,
  mp_vm_slice_cs,
  mp_vm_set_slice,
  mp_vm_slice_ms,
  MP_VM_RETURN_NORMAL,
  MP_VM_RETURN_SLICE,
} from "./vm";
import { mp_sched_keyboard_interrupt, mp_sched_set_deadline } from "./scheduler";
import { mp_lexer_new_from_str_len } from "./lexer";
import { mp_parse } from "./parse";
import { mp_compile } from "./compile";
import { mp_obj_print_exception, mp_obj_exception_get_value, mp_type_SystemExit, mp_take_exception } from "./objexcept";
import { mp_type_is_subclass } from "./runtime";
import { mp_obj_get_int_maybe_obj, mp_obj_is_small_int, MP_OBJ_SMALL_INT_VALUE, mp_const_none } from "./obj";
import { mp_stderr_print, mp_print_str } from "./mpprint";
import { MP_QSTR___file__ } from "./genhdr";
import { mp_compile_only, FORCED_EXIT } from "./main";
import { mp_find_frozen_module, mp_frozen_found, MP_FROZEN_STR, MOD_kind, MOD_data, MOD_data_len } from "./frozenmod";
import { mp_make_frozen_module_fun, MP_IMPORT_STAT_FILE } from "./builtinimport";
import { MPS_dict_main } from "./mpstate";

/** mp_exec_start / mp_exec_resume: finished, the result is in MPS_vm_exec_result. */
@inline export const MP_EXEC_DONE: i32 = 0;
/** The time slice ended: call mp_exec_resume to go on. */
@inline export const MP_EXEC_YIELDED: i32 = 1;
/** An exception is pending (MPS_cur_exception). */
@inline export const MP_EXEC_EXCEPTION: i32 = 2;

/** Milliseconds per slice (the host may change it with mp_exec_set_slice_ms). */
let exec_slice_ms: u32 = 20;
/** The bottom frame (pystack) of the suspended run, 0 if none. */
let exec_bottom: usize = 0;
/** The frame to resume. */
let exec_resume_cs: usize = 0;

/**
 * Starts running `fun` (a function of no arguments, usually a compiled module)
 * in time slices. Returns MP_EXEC_DONE (result in mp_exec_result()),
 * MP_EXEC_YIELDED (call mp_exec_resume) or MP_EXEC_EXCEPTION (pending).
 * Only one sliced run can be active; a nested call runs to completion.
 */
export function mp_exec_start(fun: mp_obj_t): i32 {
  if (exec_bottom != 0 || !mp_obj_is_obj(fun) || load<usize>(fun) != mp_type_fun_bc) {
    // not sliceable: run it in one go
    const r = mp_call_function_0(fun);
    if (r == MP_OBJ_NULL) return MP_EXEC_EXCEPTION;
    mp_state_set(MPS_vm_exec_result, r);
    return MP_EXEC_DONE;
  }
  mp_state_set(MPS_vm_exec_fun, fun);
  const cs = mp_obj_fun_bc_prepare_codestate(fun, 0, 0, 0, 0);
  if (cs == 0) {
    mp_state_set(MPS_vm_exec_fun, MP_OBJ_NULL);
    return MP_EXEC_EXCEPTION;
  }
  store<usize>(cs + CS_prev, 0);
  exec_bottom = cs;
  exec_resume_cs = cs;
  return exec_run();
}

/** Runs the next slice of the run begun by mp_exec_start; same results. */
export function mp_exec_resume(): i32 {
  if (exec_bottom == 0) return MP_EXEC_DONE;
  return exec_run();
}

/** The result of the last finished run. */
export function mp_exec_result(): mp_obj_t {
  return mp_state_get(MPS_vm_exec_result);
}

function exec_run(): i32 {
  const saved_depth = mp_vm_slice_depth;
  const saved_ms = mp_vm_slice_ms;
  mp_vm_set_slice(mp_vm_depth + 1, exec_slice_ms);
  const kind = mp_execute_bytecode(exec_resume_cs, MP_OBJ_NULL);
  mp_vm_set_slice(saved_depth, saved_ms);
  if (kind == MP_VM_RETURN_SLICE) {
    exec_resume_cs = mp_vm_slice_cs;
    return MP_EXEC_YIELDED;
  }
  const cs = exec_bottom;
  exec_bottom = 0;
  exec_resume_cs = 0;
  mp_globals_set(load<usize>(cs + CS_old_globals));
  let status = MP_EXEC_DONE;
  if (kind == MP_VM_RETURN_NORMAL) {
    mp_state_set(MPS_vm_exec_result, load<usize>(load<usize>(cs + CS_sp)));
  } else {
    mp_raise_obj(load<usize>(cs + CS_state));
    status = MP_EXEC_EXCEPTION;
  }
  mp_pystack_free(load<usize>(cs + CS_free_ptr));
  mp_state_set(MPS_vm_exec_fun, MP_OBJ_NULL);
  return status;
}

/**
 * Calls `fun()` to completion, in slices (so V8 can swap in optimised code
 * between them): a drop-in for mp_call_function_0 at the top level.
 * Returns the result or MP_OBJ_NULL with the exception pending.
 */
export function mp_exec_run(fun: mp_obj_t): mp_obj_t {
  if (exec_bottom != 0) return mp_call_function_0(fun);
  let st = mp_exec_start(fun);
  while (st == MP_EXEC_YIELDED) st = mp_exec_resume();
  if (st == MP_EXEC_EXCEPTION) return MP_OBJ_NULL;
  return mp_state_get(MPS_vm_exec_result);
}

/** Abandons a suspended run (frees its frames); its globals are restored. */
export function mp_exec_abort(): void {
  if (exec_bottom == 0) return;
  mp_globals_set(load<usize>(exec_bottom + CS_old_globals));
  mp_pystack_free(load<usize>(exec_bottom + CS_free_ptr));
  exec_bottom = 0;
  exec_resume_cs = 0;
  mp_state_set(MPS_vm_exec_fun, MP_OBJ_NULL);
}

// ---- host exports (index.ts) ----

/** Host export: the length of a time slice in ms (default 20). */
export function mp_exec_set_slice_ms(ms: u32): void {
  exec_slice_ms = ms == 0 ? 1 : ms;
}

/**
 * Host export: a time limit for what runs next, in ms (0: none). When it
 * passes, KeyboardInterrupt is raised at the next VM poll, also inside an
 * import or a nested call (where the host gets no time slices).
 */
export function mp_exec_set_timeout(ms: u32): void {
  mp_sched_set_deadline(ms);
}

/** Host export: Ctrl-C; KeyboardInterrupt is raised in the running code at its next poll. */
export function mp_keyboard_interrupt(): void {
  mp_sched_keyboard_interrupt();
}

/**
 * Turns the pending exception into an exit code, as the unix port's
 * handle_uncaught_exception: SystemExit gives 0x100 | code (None: 0, an int:
 * its low 8 bits, else 1); anything else is printed to stderr with its
 * traceback and gives 1.
 */
export function pyexec_handle_uncaught_exception(): i32 {
  const exc = mp_take_exception();
  if (exc == MP_OBJ_NULL) return 1;
  const mark = mp_root_mark();
  mp_root_push(exc);
  let ret: i32 = 1;
  if (mp_obj_is_obj(exc) && mp_type_is_subclass(load<usize>(exc), mp_type_SystemExit)) {
    const v = mp_obj_exception_get_value(exc);
    let code: i32 = 0;
    if (v != mp_const_none) {
      const i = mp_obj_get_int_maybe_obj(v);
      code = mp_obj_is_small_int(i) ? MP_OBJ_SMALL_INT_VALUE(i) : 1;
    }
    mp_take_exception();
    ret = FORCED_EXIT | (code & 255);
  } else {
    mp_obj_print_exception(mp_stderr_print, exc);
    mp_take_exception();
  }
  mp_root_release(mark);
  return ret;
}

/** Result of a run for the host: -1 still running (call mp_exec_src_resume), else the exit code. */
@inline export const MP_EXEC_HOST_YIELDED: i32 = -1;

function host_status(st: i32): i32 {
  if (st == MP_EXEC_YIELDED) return MP_EXEC_HOST_YIELDED;
  if (st == MP_EXEC_EXCEPTION) return pyexec_handle_uncaught_exception();
  return 0;
}

/**
 * Host export: compiles `src_len` bytes of source at `src` named by the
 * `name_len` bytes at `name` as `input_kind` (0 single / REPL, 1 file,
 * 2 eval), then starts running it in slices. Returns -1 while it runs (call
 * mp_exec_src_resume), else the exit code: 0, 1 (the exception was printed
 * with its traceback) or FORCED_EXIT | code for SystemExit. The buffers are
 * those of mp_host_buffer / mp_host_name.
 */
export function mp_exec_src_start(src: usize, src_len: usize, name: usize, name_len: usize, input_kind: u32): i32 {
  const q = qstr_from_strn(name, name_len);
  if (q == 0) {
    mp_raise_memory_error(name_len);
    return pyexec_handle_uncaught_exception();
  }
  const lex = mp_lexer_new_from_str_len(q, src, src_len);
  if (lex == 0) return pyexec_handle_uncaught_exception();
  if (input_kind == 1) {
    if (mp_store_global(MP_QSTR___file__, MP_OBJ_NEW_QSTR(q)) == false) return pyexec_handle_uncaught_exception();
  }
  const tree = mp_parse(lex, input_kind);
  if (tree == 0) return pyexec_handle_uncaught_exception();
  const fun = mp_compile(tree, q, input_kind == 0);
  if (fun == MP_OBJ_NULL) return pyexec_handle_uncaught_exception();
  if (mp_compile_only) return 0;
  return host_status(mp_exec_start(fun));
}

/** mp_exec_frozen_start's result when there is no frozen file of that name. */
@inline export const MP_EXEC_HOST_NO_FROZEN: i32 = -2;

/**
 * Host export: starts running the frozen file named by the `name_len` bytes
 * at `name` (e.g. "boot.py", "main.py") in the __main__ globals, as
 * MicroPython's pyexec_frozen_module: frozen source is compiled from ROM,
 * frozen bytecode runs in place. Same results as mp_exec_src_start, or
 * MP_EXEC_HOST_NO_FROZEN (-2) if the image has no such frozen file.
 */
export function mp_exec_frozen_start(name: usize, name_len: usize): i32 {
  if (mp_find_frozen_module(name, name_len) != MP_IMPORT_STAT_FILE) return MP_EXEC_HOST_NO_FROZEN;
  const entry = mp_frozen_found;
  let fun: mp_obj_t;
  if (load<u32>(entry + MOD_kind) == MP_FROZEN_STR) {
    const q = qstr_from_strn(name, name_len);
    if (q == 0) {
      mp_raise_memory_error(name_len);
      return pyexec_handle_uncaught_exception();
    }
    const lex = mp_lexer_new_from_str_len(q, load<usize>(entry + MOD_data), load<usize>(entry + MOD_data_len));
    if (lex == 0) return pyexec_handle_uncaught_exception();
    const tree = mp_parse(lex, 1);
    if (tree == 0) return pyexec_handle_uncaught_exception();
    fun = mp_compile(tree, q, false);
  } else {
    fun = mp_make_frozen_module_fun(mp_state_get(MPS_dict_main), load<usize>(entry + MOD_data));
  }
  if (fun == MP_OBJ_NULL) return pyexec_handle_uncaught_exception();
  return host_status(mp_exec_start(fun));
}

/** Host export: runs the next slice; same results as mp_exec_src_start. */
export function mp_exec_src_resume(): i32 {
  return host_status(mp_exec_resume());
}

