// The bytecode interpreter, as MicroPython's vm.c with MICROPY_STACKLESS and
// MICROPY_ENABLE_PYSTACK: one dispatch loop (a `switch` that compiles to
// br_table) with ip/sp in locals. A call to a bytecode function (also through
// a closure or a bound method) pushes a code state on the pystack and goes on
// in the same loop; built-ins that call back into Python re-enter
// mp_execute_bytecode under a depth limit.
//
// Exceptions use the exception stack in the code state exactly as
// MicroPython (SETUP_EXCEPT/FINALLY/WITH, UNWIND_JUMP, POP_EXCEPT_JUMP,
// END_FINALLY, RAISE_*); a failing operation `break`s out of the switch to
// the handler below it, which adds a traceback entry and finds a handler in
// this frame or its callers.
//
// The VM polls one countdown at jumps and calls: when it runs out, pending
// exceptions (KeyboardInterrupt), scheduled callbacks and the end of the time
// slice are checked (vm_poll).

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_OBJ_SENTINEL,
  MP_OBJ_STOP_ITERATION,
  mp_const_none,
  mp_const_true,
  mp_const_false,
  MP_OBJ_NEW_SMALL_INT,
  MP_OBJ_SMALL_INT_VALUE,
  MP_OBJ_NEW_QSTR,
  mp_obj_is_small_int,
  mp_obj_is_obj,
  mp_obj_is_type,
  mp_obj_new_bool,
  mp_obj_is_true,
  mp_type_flags,
  mp_type_set_call,
  MP_TYPE_FLAG_SUBSCR_ALLOWS_STACK_SLICE,
  MP_TYPE_FLAG_INSTANCE_TYPE,
  mp_type_locals_dict,
  mp_type_parent,
} from "./obj";
import { gc_is_heap_ptr } from "./gc";
import { mp_pystack_alloc, mp_pystack_free } from "./pystack";
import { mp_root_mark, mp_root_push, mp_root_release, mp_root_alloc } from "./rootstack";
import { mp_state_get, mp_state_set, MPS_dict_globals, MPS_pending_exception, MPS_handled_exception } from "./mpstate";
import {
  mp_raise_obj,
  mp_raise_msg,
  mp_raise_msg_varg,
  mp_raise_TypeError,
  mp_take_exception,
  mp_pending_exception,
  mp_obj_exception_add_traceback,
  mp_const_MemoryError_obj,
  mp_obj_exception_is_emergency,
  mp_type_NameError,
  mp_type_RuntimeError,
  mp_type_TypeError,
  mp_type_NotImplementedError,
  mp_type_StopIteration,
  mp_type_GeneratorExit,
} from "./objexcept";
import { mp_obj_get_type } from "./objtype";
import { mp_obj_new_tuple, mp_type_tuple } from "./objtuple";
import { mp_obj_new_list, mp_obj_list_append, mp_type_list } from "./objlist";
import { mp_obj_new_dict, mp_obj_dict_get_map, mp_type_dict } from "./objdict";
import { mp_map_lookup, MP_MAP_LOOKUP, MP_MAP_LOOKUP_ADD_IF_NOT_FOUND, MP_MAP_ERROR } from "./map";
import { mp_obj_new_slice, mp_type_slice } from "./objslice";
import { mp_obj_new_set, mp_obj_set_store, mp_type_set } from "./objset";
import { mp_obj_new_cell, mp_obj_cell_get, mp_obj_cell_set, mp_type_cell } from "./objcell";
import { mp_type_closure, mp_obj_closure_prepare_args } from "./objclosure";
import { mp_type_bound_meth } from "./objboundmeth";
import {
  mp_type_fun_bc,
  FUN_BC_context,
  FUN_BC_child_table,
  FUN_BC_bytecode,
  FUN_BC_extra_args,
  mp_make_function_from_proto_fun,
  mp_make_closure_from_proto_fun,
} from "./objfun";
import { CTX_globals, CTX_qstr_table, CTX_obj_table, mp_context_qstr } from "./emitglue";
import { mp_type_float, mp_obj_new_float } from "./objfloat";
import {
  mp_decode_uint_value,
  mp_decode_uint_skip,
  mp_bc_prelude_sig_decode,
  mp_bc_prelude_size_decode,
  mp_bytecode_get_source_line,
  bc_n_state,
  bc_n_exc_stack,
  bc_scope_flags,
  bc_n_pos_args,
  bc_n_kwonly_args,
  bc_n_def_pos_args,
  bc_n_info,
  bc_n_cell,
  CS_fun_bc,
  CS_ip,
  CS_sp,
  CS_n_state,
  CS_exc_sp_idx,
  CS_old_globals,
  CS_prev,
  CS_free_ptr,
  CS_state,
  MP_CODE_STATE_HDR,
  MP_EXC_STACK_ENTRY,
} from "./bc";
import {
  mp_unary_op,
  mp_binary_op,
  mp_small_int_floor_divide,
  mp_small_int_modulo,
  mp_obj_subscr,
  mp_load_name,
  mp_load_global,
  mp_load_attr,
  mp_load_method,
  mp_load_build_class,
  mp_store_name,
  mp_store_global,
  mp_store_attr,
  mp_delete_name,
  mp_delete_global,
  mp_dict_store_rt,
  mp_call_function_n_kw,
  mp_call_method_n_kw,
  mp_call_method_n_kw_var,
  mp_call_prepare_args_n_kw_var,
  call_args_fun,
  call_args_args,
  call_args_n_args,
  call_args_n_kw,
  mp_getiter,
  mp_iternext_allow_raise,
  mp_unpack_sequence,
  mp_unpack_ex,
  mp_make_raise_obj,
  mp_import_name,
  mp_import_from,
  mp_import_all,
  mp_globals_get,
  mp_globals_set,
  mp_raise_recursion_depth,
  mp_pending_exception_is,
  mp_obj_exception_match_rt,
  mp_obj_exception_get_value_rt,
  mp_resume,
  mp_resume_ret_val,
} from "./runtime";
import { mp_load_super_method, mp_obj_instance_members } from "./objtype";
import { mp_const_GeneratorExit_obj } from "./objgenerator";
import { MP_SCOPE_FLAG_VARARGS, MP_SCOPE_FLAG_VARKEYWORDS, MP_SCOPE_FLAG_DEFKWARGS } from "./runtime0";
import { MICROPY_NLR_DEPTH_MAX } from "./mpconfig";
import { mp_hal_ticks_ms } from "./mphal";
import {
  mp_sched_vm_poll,
  mp_sched_keyboard_interrupt,
  mp_sched_deadline_on,
  mp_sched_deadline_ms,
  mp_sched_set_deadline,
} from "./scheduler";
import * as Q from "./genhdr";
import { mp_print_str, mp_stderr_print } from "./mpprint";

/** mp_vm_return_kind_t, plus our time-slice end. */
@inline export const MP_VM_RETURN_NORMAL: u32 = 0;
@inline export const MP_VM_RETURN_YIELD: u32 = 1;
@inline export const MP_VM_RETURN_EXCEPTION: u32 = 2;
/** The time slice ended: the frames are saved, resume with mp_execute_bytecode(mp_vm_slice_cs, 0). */
@inline export const MP_VM_RETURN_SLICE: u32 = 3;

/** Jumps and calls between two looks at the clock and the pending work. */
@inline const VM_POLL_INTERVAL: i32 = 4096;

/** Counts down at jumps and calls; when below zero the VM calls vm_poll. Set to 0 to get a poll soon. */
export let mp_vm_poll_countdown: i32 = VM_POLL_INTERVAL;
/** Nesting of mp_execute_bytecode (built-ins calling back into Python, generators). */
export let mp_vm_depth: i32 = 0;
/** The nesting level at which a time slice may end (0: never). */
export let mp_vm_slice_depth: i32 = 0;
/** Length of a time slice in ms. */
export let mp_vm_slice_ms: u32 = 20;
/** mp_hal_ticks_ms() when the current slice started. */
export let mp_vm_slice_start: u32 = 0;
/** The frame to resume after MP_VM_RETURN_SLICE (a pystack address). */
export let mp_vm_slice_cs: usize = 0;

/** Requests a poll at the next jump or call (a new pending exception or scheduled callback). */
export function mp_vm_request_poll(): void {
  mp_vm_poll_countdown = 0;
}

/** Sets the slice policy: slices may end at nesting `depth` (0 = never) after `ms` milliseconds. */
export function mp_vm_set_slice(depth: i32, ms: u32): void {
  mp_vm_slice_depth = depth;
  mp_vm_slice_ms = ms;
  mp_vm_slice_start = mp_hal_ticks_ms();
}

// A one-byte "bytecode" used to raise an injected exception from the dispatch loop.
const vm_raise_stub: usize = memory.data(4, 4);

// ---------------------------------------------------------------------------
// argument setup (bc.c's mp_setup_code_state)

function fun_pos_args_mismatch(expected: usize, given: usize): bool {
  mp_raise_msg_varg(mp_type_TypeError, "function takes %d positional arguments but %d were given", expected, given);
  return false;
}

/**
 * Fills the zeroed code state `cs` of function `cs.fun_bc` from a call with
 * `n_args` positional args and `n_kw` key/value pairs at `args` (rooted):
 * positional args, defaults, *args tuple, **kwargs dict, keyword args and
 * keyword-only args, then wraps closed-over locals in cells and points
 * cs.ip at the first opcode. Returns false with TypeError (or MemoryError)
 * pending. As bc.c's mp_setup_code_state.
 */
export function mp_setup_code_state(cs: usize, n_args: usize, n_kw: usize, args: usize): bool {
  const self = load<usize>(cs + CS_fun_bc);
  const n_state = <usize>load<u16>(cs + CS_n_state);
  let ip = load<usize>(self + FUN_BC_bytecode);
  ip = mp_bc_prelude_sig_decode(ip);
  const scope_flags = bc_scope_flags;
  const n_pos_args = bc_n_pos_args;
  const n_kwonly_args = bc_n_kwonly_args;
  const n_def_pos_args = bc_n_def_pos_args;
  ip = mp_bc_prelude_size_decode(ip);
  const n_info = bc_n_info;
  let n_cell = bc_n_cell;
  const arg_names = ip; // simple_name then the argument names

  const state = cs + CS_state;
  store<usize>(cs + CS_sp, state - 4);
  store<u16>(cs + CS_exc_sp_idx, 0);
  // local i lives at state[n_state - 1 - i]
  const top = state + ((n_state - 1) << 2);
  const kwargs = args + (n_args << 2);
  let var_pos_kw = top - ((n_pos_args + n_kwonly_args) << 2);
  const extra = self + FUN_BC_extra_args;

  if (n_args > n_pos_args) {
    if ((scope_flags & MP_SCOPE_FLAG_VARARGS) == 0) return fun_pos_args_mismatch(n_pos_args, n_args);
    const t = mp_obj_new_tuple(n_args - n_pos_args, args + (n_pos_args << 2));
    if (t == MP_OBJ_NULL) return false;
    store<usize>(var_pos_kw, t);
    var_pos_kw -= 4;
    n_args = n_pos_args;
  } else {
    if ((scope_flags & MP_SCOPE_FLAG_VARARGS) != 0) {
      store<usize>(var_pos_kw, mp_const_empty_tuple_ref());
      var_pos_kw -= 4;
    }
    if (n_kw == 0 && (scope_flags & MP_SCOPE_FLAG_DEFKWARGS) == 0) {
      if (n_args + n_def_pos_args >= n_pos_args) {
        for (let i = n_args; i < n_pos_args; i++) {
          store<usize>(top - (i << 2), load<usize>(extra + ((i - (n_pos_args - n_def_pos_args)) << 2)));
        }
      } else {
        return fun_pos_args_mismatch(n_pos_args - n_def_pos_args, n_args);
      }
    }
  }

  for (let i: usize = 0; i < n_args; i++) store<usize>(top - (i << 2), load<usize>(args + (i << 2)));

  if (n_kw != 0 || (scope_flags & MP_SCOPE_FLAG_DEFKWARGS) != 0) {
    let dict: mp_obj_t = MP_OBJ_NULL;
    if ((scope_flags & MP_SCOPE_FLAG_VARKEYWORDS) != 0) {
      dict = mp_obj_new_dict(n_kw);
      if (dict == MP_OBJ_NULL) return false;
      store<usize>(var_pos_kw, dict);
    }
    const ctx = load<usize>(self + FUN_BC_context);
    for (let i: usize = 0; i < n_kw; i++) {
      const wanted = load<usize>(kwargs + (i << 3));
      let p = mp_decode_uint_skip(arg_names);
      let found = false;
      for (let j: usize = 0; j < n_pos_args + n_kwonly_args; j++) {
        const q = mp_context_qstr(ctx, mp_decode_uint_value(p));
        p = mp_decode_uint_skip(p);
        if (wanted == MP_OBJ_NEW_QSTR(q)) {
          if (load<usize>(top - (j << 2)) != MP_OBJ_NULL) {
            mp_raise_msg_varg(mp_type_TypeError, "function got multiple values for argument '%q'", wanted >> 3);
            return false;
          }
          store<usize>(top - (j << 2), load<usize>(kwargs + (i << 3) + 4));
          found = true;
          break;
        }
      }
      if (found) continue;
      if ((scope_flags & MP_SCOPE_FLAG_VARKEYWORDS) == 0) {
        mp_raise_msg_varg(mp_type_TypeError, "unexpected keyword argument '%q'", wanted >> 3);
        return false;
      }
      const e = mp_map_lookup(mp_obj_dict_get_map(dict), wanted, MP_MAP_LOOKUP_ADD_IF_NOT_FOUND);
      if (e == MP_MAP_ERROR) return false;
      if (load<usize>(e + 4) != MP_OBJ_NULL) {
        mp_raise_msg_varg(mp_type_TypeError, "function got multiple values for argument '%q'", wanted >> 3);
        return false;
      }
      store<usize>(e + 4, load<usize>(kwargs + (i << 3) + 4));
    }

    // defaults for the positional args not given
    let d = state + ((n_state - n_pos_args) << 2);
    let s = extra + ((<isize>n_def_pos_args - 1) << 2);
    for (let i = n_def_pos_args; i > 0; i--) {
      if (load<usize>(d) == MP_OBJ_NULL) store<usize>(d, load<usize>(s));
      d += 4;
      s -= 4;
    }
    // every positional arg must now be given
    const end = state + (n_state << 2);
    while (d < end) {
      const v = load<usize>(d);
      d += 4;
      if (v == MP_OBJ_NULL) {
        mp_raise_msg_varg(mp_type_TypeError, "function missing required positional argument #%d", (end - d) >> 2);
        return false;
      }
    }
    // keyword-only args: given, or from the defaults dict
    let p = mp_decode_uint_skip(arg_names);
    for (let i: usize = 0; i < n_pos_args; i++) p = mp_decode_uint_skip(p);
    for (let i: usize = 0; i < n_kwonly_args; i++) {
      const q = mp_context_qstr(ctx, mp_decode_uint_value(p));
      p = mp_decode_uint_skip(p);
      const slot = top - ((n_pos_args + i) << 2);
      if (load<usize>(slot) == MP_OBJ_NULL) {
        let e: usize = 0;
        if ((scope_flags & MP_SCOPE_FLAG_DEFKWARGS) != 0) {
          const defkw = load<usize>(extra + (n_def_pos_args << 2));
          e = mp_map_lookup(mp_obj_dict_get_map(defkw), MP_OBJ_NEW_QSTR(q), MP_MAP_LOOKUP);
          if (e == MP_MAP_ERROR) return false;
        }
        if (e == 0) {
          mp_raise_msg_varg(mp_type_TypeError, "function missing required keyword argument '%q'", q);
          return false;
        }
        store<usize>(slot, load<usize>(e + 4));
      }
    }
  } else {
    if (n_kwonly_args != 0) {
      mp_raise_TypeError("function missing keyword-only argument");
      return false;
    }
    if ((scope_flags & MP_SCOPE_FLAG_VARKEYWORDS) != 0) {
      const dict = mp_obj_new_dict(0);
      if (dict == MP_OBJ_NULL) return false;
      store<usize>(var_pos_kw, dict);
    }
  }

  // skip the source info; then make cells for the closed-over locals
  ip = arg_names + n_info;
  for (; n_cell != 0; n_cell--) {
    const local_num = <usize>load<u8>(ip++);
    const slot = top - (local_num << 2);
    const c = mp_obj_new_cell(load<usize>(slot));
    if (c == MP_OBJ_NULL) return false;
    store<usize>(slot, c);
  }
  store<usize>(cs + CS_ip, ip);
  return true;
}

import { mp_const_empty_tuple } from "./objtuple";
@inline function mp_const_empty_tuple_ref(): usize {
  return mp_const_empty_tuple;
}

/** Bytes of the code state of bytecode `bc` (header + state + exception stack); sets bc_n_state. */
export function mp_code_state_size(bc: usize): usize {
  mp_bc_prelude_sig_decode(bc);
  return MP_CODE_STATE_HDR + (bc_n_state << 2) + bc_n_exc_stack * MP_EXC_STACK_ENTRY;
}

/**
 * Allocates on the pystack and sets up the code state for calling bytecode
 * function `fun` with the given args, then switches the globals to the
 * function's module (the old ones are kept in the code state). `free_ptr` is
 * the pystack address to free when the frame is popped (0: the frame). Returns
 * the code state, or 0 with an exception pending (RuntimeError "maximum
 * recursion depth exceeded" when the pystack is full).
 * As objfun.c's mp_obj_fun_bc_prepare_codestate.
 */
export function mp_obj_fun_bc_prepare_codestate(fun: mp_obj_t, n_args: usize, n_kw: usize, args: usize, free_ptr: usize): usize {
  const bc = load<usize>(fun + FUN_BC_bytecode);
  const z = <usize>load<u8>(bc);
  const z2 = <usize>load<u8>(bc + 1);
  if (((z | z2) & 0x80) == 0 && n_kw == 0 && n_args == (z & 3)) {
    // fast path: one-byte signature (no flags, no kw-only or default args),
    // one-byte prelude size, exactly the positional args given
    const n_state = ((z >> 3) & 0xf) + 1;
    const size = MP_CODE_STATE_HDR + (n_state << 2) + ((z >> 2) & 1) * MP_EXC_STACK_ENTRY;
    const cs = mp_pystack_alloc(size);
    if (cs == 0) {
      mp_raise_recursion_depth();
      return 0;
    }
    store<usize>(cs + CS_fun_bc, fun);
    store<u16>(cs + CS_n_state, <u16>n_state);
    store<usize>(cs + CS_free_ptr, free_ptr != 0 ? free_ptr : cs);
    const state = cs + CS_state;
    store<usize>(cs + CS_sp, state - 4);
    const top = state + ((n_state - 1) << 2);
    for (let i: usize = 0; i < n_args; i++) store<usize>(top - (i << 2), load<usize>(args + (i << 2)));
    let ip = bc + 2 + (z2 >> 1);
    if ((z2 & 1) != 0) {
      // one closed-over local to wrap in a cell
      const slot = top - (<usize>load<u8>(ip++) << 2);
      const c = mp_obj_new_cell(load<usize>(slot));
      if (c == MP_OBJ_NULL) {
        mp_pystack_free(cs);
        return 0;
      }
      store<usize>(slot, c);
    }
    store<usize>(cs + CS_ip, ip);
    store<usize>(cs + CS_old_globals, mp_globals_get());
    mp_globals_set(load<usize>(load<usize>(fun + FUN_BC_context) + CTX_globals));
    return cs;
  }
  const size = mp_code_state_size(bc);
  const n_state = bc_n_state;
  const cs = mp_pystack_alloc(size);
  if (cs == 0) {
    mp_raise_recursion_depth();
    return 0;
  }
  store<usize>(cs + CS_fun_bc, fun);
  store<u16>(cs + CS_n_state, <u16>n_state);
  store<usize>(cs + CS_free_ptr, free_ptr != 0 ? free_ptr : cs);
  if (!mp_setup_code_state(cs, n_args, n_kw, args)) {
    mp_pystack_free(cs);
    return 0;
  }
  store<usize>(cs + CS_old_globals, mp_globals_get());
  mp_globals_set(load<usize>(load<usize>(fun + FUN_BC_context) + CTX_globals));
  return cs;
}

/**
 * A stackless call of `fun` if it is a bytecode function, or a closure or
 * bound method of one: returns the new code state (> 1), 0 if `fun` is not
 * such a function (nothing done), or 1 with an exception pending. Extra arg
 * arrays (closed-over cells, self) go on the pystack below the frame and are
 * freed with it; `free_base` (if not 0) is an array already there to free too.
 */
function vm_prepare_stackless(fun: mp_obj_t, n_args: usize, n_kw: usize, args: usize, free_base: usize): usize {
  const t = load<usize>(fun);
  if (t == mp_type_fun_bc) {
    const cs = mp_obj_fun_bc_prepare_codestate(fun, n_args, n_kw, args, free_base);
    return cs == 0 ? 1 : cs;
  }
  if (t == mp_type_closure) {
    const inner = load<usize>(fun + 4);
    if (!mp_obj_is_obj(inner) || load<usize>(inner) != mp_type_fun_bc) return 0;
    const args2 = mp_obj_closure_prepare_args(fun, n_args, n_kw, args);
    if (args2 == 0) {
      mp_raise_recursion_depth();
      return 1;
    }
    const cs = mp_obj_fun_bc_prepare_codestate(inner, load<usize>(fun + 8) + n_args, n_kw, args2, free_base != 0 ? free_base : args2);
    if (cs == 0) {
      mp_pystack_free(args2);
      return 1;
    }
    return cs;
  }
  if (t == mp_type_bound_meth) {
    const meth = load<usize>(fun + 4);
    if (!mp_obj_is_obj(meth) || load<usize>(meth) != mp_type_fun_bc) return 0;
    const n_total = n_args + 2 * n_kw;
    const args2 = mp_pystack_alloc((1 + n_total) << 2);
    if (args2 == 0) {
      mp_raise_recursion_depth();
      return 1;
    }
    store<usize>(args2, load<usize>(fun + 8));
    memory.copy(args2 + 4, args, n_total << 2);
    const cs = mp_obj_fun_bc_prepare_codestate(meth, n_args + 1, n_kw, args2, free_base != 0 ? free_base : args2);
    if (cs == 0) {
      mp_pystack_free(args2);
      return 1;
    }
    return cs;
  }
  return 0;
}

/**
 * The call slot of bytecode functions (objfun.c's fun_bc_call): runs the
 * function in a nested VM (a built-in calling back into Python), at most
 * MICROPY_NLR_DEPTH_MAX deep.
 */
function fun_bc_call(fun: mp_obj_t, n_args: usize, n_kw: usize, args: usize): mp_obj_t {
  if (mp_vm_depth >= MICROPY_NLR_DEPTH_MAX) return mp_raise_recursion_depth();
  const cs = mp_obj_fun_bc_prepare_codestate(fun, n_args, n_kw, args, 0);
  if (cs == 0) return MP_OBJ_NULL;
  const kind = mp_execute_bytecode(cs, MP_OBJ_NULL);
  mp_globals_set(load<usize>(cs + CS_old_globals));
  let result: mp_obj_t;
  if (kind == MP_VM_RETURN_NORMAL) {
    result = load<usize>(load<usize>(cs + CS_sp));
  } else {
    mp_raise_obj(load<usize>(cs + CS_state));
    result = MP_OBJ_NULL;
  }
  mp_pystack_free(load<usize>(cs + CS_free_ptr));
  return result;
}

/** Set-up of this file's static objects: the call slot of bytecode functions. */
export function vm_static_init(): void {
  mp_type_set_call(mp_type_fun_bc, fun_bc_call);
}

// ---------------------------------------------------------------------------
// tracebacks and polling

/** Adds (file, line, block) of bytecode address `at` in frame `cs` to exception `exc`. */
function vm_add_traceback(exc: mp_obj_t, cs: usize, at: usize): void {
  // static exception objects get no traceback (objexcept.ts handles the static
  // MemoryError; the emergency exception has room for a short one)
  if (!gc_is_heap_ptr(exc) && exc != mp_const_MemoryError_obj && !mp_obj_exception_is_emergency(exc)) return;
  const fun = load<usize>(cs + CS_fun_bc);
  const ctx = load<usize>(fun + FUN_BC_context);
  let ip = load<usize>(fun + FUN_BC_bytecode);
  ip = mp_bc_prelude_sig_decode(ip);
  const n = <usize>(1 + bc_n_pos_args + bc_n_kwonly_args);
  ip = mp_bc_prelude_size_decode(ip);
  const line_info_top = ip + bc_n_info;
  const bytecode_start = line_info_top + bc_n_cell;
  const block = mp_context_qstr(ctx, mp_decode_uint_value(ip));
  for (let i: usize = 0; i < n; i++) ip = mp_decode_uint_skip(ip);
  const line = mp_bytecode_get_source_line(ip, line_info_top, at - bytecode_start);
  mp_obj_exception_add_traceback(exc, mp_context_qstr(ctx, 0), line, block);
}

@inline const POLL_CONTINUE: i32 = 0;
@inline const POLL_EXCEPTION: i32 = 1;
@inline const POLL_SLICE: i32 = 2;

/**
 * The slow path of the VM poll: raises a pending exception (KeyboardInterrupt,
 * mp_sched_exception), runs scheduled callbacks, and ends the time slice
 * when allowed at this nesting level.
 */
// Raises for bytecode whose verified stack kinds hold a value of the wrong
// type (only a corrupted .mpy gets here; compiled code never does).
function vm_bad_bytecode(): void {
  mp_raise_msg(mp_type_RuntimeError, "corrupted bytecode");
}

// True if `o` is a cell; else raises (vm_bad_bytecode). The DEREF opcodes'
// locals hold cells in compiled code; a loaded .mpy may name any local.
@inline function vm_is_cell(o: mp_obj_t): bool {
  if (mp_obj_is_obj(o) && load<usize>(o) == mp_type_cell) return true;
  vm_bad_bytecode();
  return false;
}

function vm_poll(): i32 {
  mp_vm_poll_countdown = VM_POLL_INTERVAL;
  if (mp_sched_deadline_on && <i32>(mp_hal_ticks_ms() - mp_sched_deadline_ms) >= 0) {
    // the host's time limit (mp_exec_set_timeout): as Ctrl-C, at any VM depth,
    // and again every 50 ms should the program catch it
    mp_sched_set_deadline(50);
    mp_sched_keyboard_interrupt();
  }
  const pe = mp_state_get(MPS_pending_exception);
  if (pe != MP_OBJ_NULL) {
    mp_state_set(MPS_pending_exception, MP_OBJ_NULL);
    mp_raise_obj(pe);
    return POLL_EXCEPTION;
  }
  if (!mp_sched_vm_poll()) return POLL_EXCEPTION;
  if (mp_vm_slice_depth != 0 && mp_vm_slice_depth == mp_vm_depth) {
    if (mp_hal_ticks_ms() - mp_vm_slice_start >= mp_vm_slice_ms) return POLL_SLICE;
  }
  return POLL_CONTINUE;
}

// reasons to leave the switch other than an exception
@inline const WHY_EXC: i32 = 0;
@inline const WHY_POLL: i32 = 1;
@inline const WHY_RETURN: i32 = 2;
@inline const WHY_UNWIND_JUMP: i32 = 3;

/**
 * Runs the code state `code_state` (and the frames it calls) until its
 * bottom frame (prev == 0) returns, yields, raises, or the time slice ends
 * (mp_execute_bytecode). `inject_exc` (or MP_OBJ_NULL) is raised at the
 * current ip first (generator throw/close). Returns MP_VM_RETURN_NORMAL
 * (result at *code_state.sp), _YIELD (value at *sp), _EXCEPTION (exception
 * in state[0]) or _SLICE (resume with mp_vm_slice_cs).
 */

// ---- the float fast path of the arithmetic and comparison opcodes ----
// Both operands floats, or a float and a small int: their values go to
// vm_fa/vm_fb and the opcode computes in place of mp_binary_op (the same
// IEEE results; true division by zero still takes the slow path, which raises).
let vm_fa: f64 = 0;
let vm_fb: f64 = 0;

@inline function vm_float_of(o: mp_obj_t, dst_b: bool): bool {
  let v: f64;
  if ((o & 1) != 0) v = <f64>(<i32>o >> 1);
  else if ((o & 3) == 0 && load<usize>(o) == mp_type_float) v = load<f64>(o + 8);
  else return false;
  if (dst_b) vm_fb = v;
  else vm_fa = v;
  return true;
}

@inline function vm_floats(lhs: mp_obj_t, rhs: mp_obj_t): bool {
  // at least one float (two small ints take the int path), both numbers
  if ((lhs & rhs & 1) != 0) return false;
  return vm_float_of(lhs, false) && vm_float_of(rhs, true);
}

export function mp_execute_bytecode(code_state: usize, inject_exc: mp_obj_t): u32 {
  mp_vm_depth++;
  const r = vm_run(code_state, inject_exc);
  mp_vm_depth--;
  return r;
}

function vm_run(code_state: usize, inject_exc: mp_obj_t): u32 {
  let cs = code_state;
  let n_state = <usize>load<u16>(cs + CS_n_state);
  let fastn = cs + CS_state + ((n_state - 1) << 2);
  let exc_stack = cs + CS_state + (n_state << 2);
  let exc_sp = exc_stack + <usize>load<u16>(cs + CS_exc_sp_idx) * MP_EXC_STACK_ENTRY - MP_EXC_STACK_ENTRY;
  let ip = load<usize>(cs + CS_ip);
  let sp = load<usize>(cs + CS_sp);
  let qstr_table = load<usize>(load<usize>(load<usize>(cs) + FUN_BC_context) + CTX_qstr_table);
  let ip0: usize = ip;
  let why: i32 = WHY_EXC;
  let unwind_unum: usize = 0;
  let inject_ip: usize = 0;
  let inject = inject_exc;

  if (inject != MP_OBJ_NULL && <u32>load<u8>(ip) != 0x68 /* YIELD_FROM */) {
    // raise it as if a RAISE_OBJ ran at ip
    const e = mp_make_raise_obj(inject);
    inject = MP_OBJ_NULL;
    if (e != MP_OBJ_NULL) mp_raise_obj(e);
    inject_ip = ip;
    ip = vm_raise_stub;
  }

  while (true) {
    ip0 = ip;
    switch (<u32>load<u8>(ip++)) {
      case 0x00: {
        if (ip0 == vm_raise_stub) {
          // an exception injected before the first opcode
          ip = inject_ip;
          ip0 = inject_ip;
          break;
        }
        mp_raise_msg(mp_type_NotImplementedError, "opcode");
        break;
      }

      // ---- constants ----
      case 0x50: // LOAD_CONST_FALSE
        sp += 4;
        store<usize>(sp, mp_const_false);
        continue;
      case 0x51: // LOAD_CONST_NONE
        sp += 4;
        store<usize>(sp, mp_const_none);
        continue;
      case 0x52: // LOAD_CONST_TRUE
        sp += 4;
        store<usize>(sp, mp_const_true);
        continue;
      case 0x22: {
        // LOAD_CONST_SMALL_INT: signed var-int
        let num: i32 = (load<u8>(ip) & 0x40) != 0 ? -1 : 0;
        let b: u32;
        do {
          b = <u32>load<u8>(ip++);
          num = (num << 7) | <i32>(b & 0x7f);
        } while ((b & 0x80) != 0);
        sp += 4;
        store<usize>(sp, MP_OBJ_NEW_SMALL_INT(num));
        continue;
      }
      case 0x10: {
        // LOAD_CONST_STRING
        let unum = <usize>load<u8>(ip++);
        if (unum >= 0x80) {
          unum = mp_decode_uint_value(ip - 1);
          ip = mp_decode_uint_skip(ip - 1);
        }
        sp += 4;
        store<usize>(sp, MP_OBJ_NEW_QSTR(<usize>load<u16>(qstr_table + (unum << 1))));
        continue;
      }
      case 0x23: {
        // LOAD_CONST_OBJ
        let unum = <usize>load<u8>(ip++);
        if (unum >= 0x80) {
          unum = mp_decode_uint_value(ip - 1);
          ip = mp_decode_uint_skip(ip - 1);
        }
        const ctx = load<usize>(load<usize>(cs) + FUN_BC_context);
        sp += 4;
        store<usize>(sp, load<usize>(load<usize>(ctx + CTX_obj_table) + (unum << 2)));
        continue;
      }
      case 0x53: // LOAD_NULL
        sp += 4;
        store<usize>(sp, MP_OBJ_NULL);
        continue;
      case 0x70:
      case 0x71:
      case 0x72:
      case 0x73:
      case 0x74:
      case 0x75:
      case 0x76:
      case 0x77:
      case 0x78:
      case 0x79:
      case 0x7a:
      case 0x7b:
      case 0x7c:
      case 0x7d:
      case 0x7e:
      case 0x7f:
      case 0x80:
      case 0x81:
      case 0x82:
      case 0x83:
      case 0x84:
      case 0x85:
      case 0x86:
      case 0x87:
      case 0x88:
      case 0x89:
      case 0x8a:
      case 0x8b:
      case 0x8c:
      case 0x8d:
      case 0x8e:
      case 0x8f:
      case 0x90:
      case 0x91:
      case 0x92:
      case 0x93:
      case 0x94:
      case 0x95:
      case 0x96:
      case 0x97:
      case 0x98:
      case 0x99:
      case 0x9a:
      case 0x9b:
      case 0x9c:
      case 0x9d:
      case 0x9e:
      case 0x9f:
      case 0xa0:
      case 0xa1:
      case 0xa2:
      case 0xa3:
      case 0xa4:
      case 0xa5:
      case 0xa6:
      case 0xa7:
      case 0xa8:
      case 0xa9:
      case 0xaa:
      case 0xab:
      case 0xac:
      case 0xad:
      case 0xae:
      case 0xaf: {
        // LOAD_CONST_SMALL_INT_MULTI: -16..47
        sp += 4;
        store<usize>(sp, MP_OBJ_NEW_SMALL_INT(<i32>load<u8>(ip0) - 0x70 - 16));
        continue;
      }

      // ---- locals ----
      case 0xb0:
      case 0xb1:
      case 0xb2:
      case 0xb3:
      case 0xb4:
      case 0xb5:
      case 0xb6:
      case 0xb7:
      case 0xb8:
      case 0xb9:
      case 0xba:
      case 0xbb:
      case 0xbc:
      case 0xbd:
      case 0xbe:
      case 0xbf: {
        // LOAD_FAST_MULTI
        const v = load<usize>(fastn - ((<usize>load<u8>(ip0) - 0xb0) << 2));
        if (v == MP_OBJ_NULL) {
          mp_raise_msg(mp_type_NameError, "local variable referenced before assignment");
          break;
        }
        sp += 4;
        store<usize>(sp, v);
        continue;
      }
      case 0xc0:
      case 0xc1:
      case 0xc2:
      case 0xc3:
      case 0xc4:
      case 0xc5:
      case 0xc6:
      case 0xc7:
      case 0xc8:
      case 0xc9:
      case 0xca:
      case 0xcb:
      case 0xcc:
      case 0xcd:
      case 0xce:
      case 0xcf: {
        // STORE_FAST_MULTI
        store<usize>(fastn - ((<usize>load<u8>(ip0) - 0xc0) << 2), load<usize>(sp));
        sp -= 4;
        continue;
      }
      case 0x24: {
        // LOAD_FAST_N
        let unum = <usize>load<u8>(ip++);
        if (unum >= 0x80) {
          unum = mp_decode_uint_value(ip - 1);
          ip = mp_decode_uint_skip(ip - 1);
        }
        const v = load<usize>(fastn - (unum << 2));
        if (v == MP_OBJ_NULL) {
          mp_raise_msg(mp_type_NameError, "local variable referenced before assignment");
          break;
        }
        sp += 4;
        store<usize>(sp, v);
        continue;
      }
      case 0x26: {
        // STORE_FAST_N
        let unum = <usize>load<u8>(ip++);
        if (unum >= 0x80) {
          unum = mp_decode_uint_value(ip - 1);
          ip = mp_decode_uint_skip(ip - 1);
        }
        store<usize>(fastn - (unum << 2), load<usize>(sp));
        sp -= 4;
        continue;
      }
      case 0x25: {
        // LOAD_DEREF
        let unum = <usize>load<u8>(ip++);
        if (unum >= 0x80) {
          unum = mp_decode_uint_value(ip - 1);
          ip = mp_decode_uint_skip(ip - 1);
        }
        const cell = load<usize>(fastn - (unum << 2));
        if (!vm_is_cell(cell)) break;
        const v = mp_obj_cell_get(cell);
        if (v == MP_OBJ_NULL) {
          mp_raise_msg(mp_type_NameError, "local variable referenced before assignment");
          break;
        }
        sp += 4;
        store<usize>(sp, v);
        continue;
      }
      case 0x27: {
        // STORE_DEREF
        let unum = <usize>load<u8>(ip++);
        if (unum >= 0x80) {
          unum = mp_decode_uint_value(ip - 1);
          ip = mp_decode_uint_skip(ip - 1);
        }
        const cell = load<usize>(fastn - (unum << 2));
        if (!vm_is_cell(cell)) break;
        mp_obj_cell_set(cell, load<usize>(sp));
        sp -= 4;
        continue;
      }
      case 0x28: {
        // DELETE_FAST
        let unum = <usize>load<u8>(ip++);
        if (unum >= 0x80) {
          unum = mp_decode_uint_value(ip - 1);
          ip = mp_decode_uint_skip(ip - 1);
        }
        if (load<usize>(fastn - (unum << 2)) == MP_OBJ_NULL) {
          mp_raise_msg(mp_type_NameError, "local variable referenced before assignment");
          break;
        }
        store<usize>(fastn - (unum << 2), MP_OBJ_NULL);
        continue;
      }
      case 0x29: {
        // DELETE_DEREF
        let unum = <usize>load<u8>(ip++);
        if (unum >= 0x80) {
          unum = mp_decode_uint_value(ip - 1);
          ip = mp_decode_uint_skip(ip - 1);
        }
        const c = load<usize>(fastn - (unum << 2));
        if (!vm_is_cell(c)) break;
        if (mp_obj_cell_get(c) == MP_OBJ_NULL) {
          mp_raise_msg(mp_type_NameError, "local variable referenced before assignment");
          break;
        }
        mp_obj_cell_set(c, MP_OBJ_NULL);
        continue;
      }

      // ---- names ----
      case 0x11: {
        // LOAD_NAME
        let unum = <usize>load<u8>(ip++);
        if (unum >= 0x80) {
          unum = mp_decode_uint_value(ip - 1);
          ip = mp_decode_uint_skip(ip - 1);
        }
        const v = mp_load_name(<usize>load<u16>(qstr_table + (unum << 1)));
        if (v == MP_OBJ_NULL) break;
        sp += 4;
        store<usize>(sp, v);
        continue;
      }
      case 0x12: {
        // LOAD_GLOBAL
        let unum = <usize>load<u8>(ip++);
        if (unum >= 0x80) {
          unum = mp_decode_uint_value(ip - 1);
          ip = mp_decode_uint_skip(ip - 1);
        }
        const v = mp_load_global(<usize>load<u16>(qstr_table + (unum << 1)));
        if (v == MP_OBJ_NULL) break;
        sp += 4;
        store<usize>(sp, v);
        continue;
      }
      case 0x16: {
        // STORE_NAME
        let unum = <usize>load<u8>(ip++);
        if (unum >= 0x80) {
          unum = mp_decode_uint_value(ip - 1);
          ip = mp_decode_uint_skip(ip - 1);
        }
        if (!mp_store_name(<usize>load<u16>(qstr_table + (unum << 1)), load<usize>(sp))) break;
        sp -= 4;
        continue;
      }
      case 0x17: {
        // STORE_GLOBAL
        let unum = <usize>load<u8>(ip++);
        if (unum >= 0x80) {
          unum = mp_decode_uint_value(ip - 1);
          ip = mp_decode_uint_skip(ip - 1);
        }
        if (!mp_store_global(<usize>load<u16>(qstr_table + (unum << 1)), load<usize>(sp))) break;
        sp -= 4;
        continue;
      }
      case 0x19: {
        // DELETE_NAME
        let unum = <usize>load<u8>(ip++);
        if (unum >= 0x80) {
          unum = mp_decode_uint_value(ip - 1);
          ip = mp_decode_uint_skip(ip - 1);
        }
        if (!mp_delete_name(<usize>load<u16>(qstr_table + (unum << 1)))) break;
        continue;
      }
      case 0x1a: {
        // DELETE_GLOBAL
        let unum = <usize>load<u8>(ip++);
        if (unum >= 0x80) {
          unum = mp_decode_uint_value(ip - 1);
          ip = mp_decode_uint_skip(ip - 1);
        }
        if (!mp_delete_global(<usize>load<u16>(qstr_table + (unum << 1)))) break;
        continue;
      }

      // ---- attributes and subscripts ----
      case 0x13: {
        // LOAD_ATTR
        let unum = <usize>load<u8>(ip++);
        if (unum >= 0x80) {
          unum = mp_decode_uint_value(ip - 1);
          ip = mp_decode_uint_skip(ip - 1);
        }
        const top = load<usize>(sp);
        const qst = <usize>load<u16>(qstr_table + (unum << 1));
        if (mp_obj_is_obj(top) && (mp_type_flags(load<usize>(top)) & MP_TYPE_FLAG_INSTANCE_TYPE) != 0) {
          // instance attributes first (MICROPY_OPT_LOAD_ATTR_FAST_PATH)
          const e = mp_map_lookup(mp_obj_instance_members(top), MP_OBJ_NEW_QSTR(qst), MP_MAP_LOOKUP);
          if (e != 0 && e != MP_MAP_ERROR) {
            store<usize>(sp, load<usize>(e + 4));
            continue;
          }
        }
        const v = mp_load_attr(top, qst);
        if (v == MP_OBJ_NULL) break;
        store<usize>(sp, v);
        continue;
      }
      case 0x14: {
        // LOAD_METHOD: (obj) -> (method, self or NULL)
        let unum = <usize>load<u8>(ip++);
        if (unum >= 0x80) {
          unum = mp_decode_uint_value(ip - 1);
          ip = mp_decode_uint_skip(ip - 1);
        }
        const obj = load<usize>(sp);
        const qst = <usize>load<u16>(qstr_table + (unum << 1));
        if (mp_obj_is_obj(obj)) {
          const t = load<usize>(obj);
          if ((mp_type_flags(t) & MP_TYPE_FLAG_INSTANCE_TYPE) != 0) {
            // a method of a user class: the instance's own attribute wins, else
            // a bytecode function found in the class chain is bound to self
            const key = MP_OBJ_NEW_QSTR(qst);
            const e = mp_map_lookup(mp_obj_instance_members(obj), key, MP_MAP_LOOKUP);
            if (e != 0 && e != MP_MAP_ERROR) {
              store<usize>(sp, load<usize>(e + 4));
              sp += 4;
              store<usize>(sp, MP_OBJ_NULL);
              continue;
            }
            const m = vm_class_lookup_fun(t, key);
            if (m != MP_OBJ_NULL) {
              store<usize>(sp, m);
              sp += 4;
              store<usize>(sp, obj);
              continue;
            }
          }
        }
        const mark = mp_root_mark();
        mp_root_push(obj);
        const ok = mp_load_method(obj, qst, sp);
        mp_root_release(mark);
        if (!ok) break;
        sp += 4;
        continue;
      }
      case 0x15: {
        // LOAD_SUPER_METHOD: (super, class, self) -> (method, self)
        let unum = <usize>load<u8>(ip++);
        if (unum >= 0x80) {
          unum = mp_decode_uint_value(ip - 1);
          ip = mp_decode_uint_skip(ip - 1);
        }
        sp -= 4;
        if (!mp_load_super_method(<usize>load<u16>(qstr_table + (unum << 1)), sp - 4)) break;
        continue;
      }
      case 0x18: {
        // STORE_ATTR: (value, obj)
        let unum = <usize>load<u8>(ip++);
        if (unum >= 0x80) {
          unum = mp_decode_uint_value(ip - 1);
          ip = mp_decode_uint_skip(ip - 1);
        }
        if (!mp_store_attr(load<usize>(sp), <usize>load<u16>(qstr_table + (unum << 1)), load<usize>(sp - 4))) break;
        sp -= 8;
        continue;
      }
      case 0x54: {
        // LOAD_BUILD_CLASS
        const v = mp_load_build_class();
        if (v == MP_OBJ_NULL) break;
        sp += 4;
        store<usize>(sp, v);
        continue;
      }
      case 0x55: {
        // LOAD_SUBSCR
        const index = load<usize>(sp);
        sp -= 4;
        const v = mp_obj_subscr(load<usize>(sp), index, MP_OBJ_SENTINEL);
        if (v == MP_OBJ_NULL) break;
        store<usize>(sp, v);
        continue;
      }
      case 0x56: {
        // STORE_SUBSCR: (value, obj, index)
        if (mp_obj_subscr(load<usize>(sp - 4), load<usize>(sp), load<usize>(sp - 8)) == MP_OBJ_NULL) break;
        sp -= 12;
        continue;
      }

      // ---- stack ----
      case 0x57: {
        // DUP_TOP
        const v = load<usize>(sp);
        sp += 4;
        store<usize>(sp, v);
        continue;
      }
      case 0x58: {
        // DUP_TOP_TWO
        sp += 8;
        store<usize>(sp, load<usize>(sp - 8));
        store<usize>(sp - 4, load<usize>(sp - 12));
        continue;
      }
      case 0x59: // POP_TOP
        sp -= 4;
        continue;
      case 0x5a: {
        // ROT_TWO
        const top = load<usize>(sp);
        store<usize>(sp, load<usize>(sp - 4));
        store<usize>(sp - 4, top);
        continue;
      }
      case 0x5b: {
        // ROT_THREE
        const top = load<usize>(sp);
        store<usize>(sp, load<usize>(sp - 4));
        store<usize>(sp - 4, load<usize>(sp - 8));
        store<usize>(sp - 8, top);
        continue;
      }

      // ---- jumps ----
      case 0x42: {
        // JUMP
        let slab = <usize>load<u8>(ip);
        if ((slab & 0x80) != 0) {
          slab = ((slab & 0x7f) | (<usize>load<u8>(ip + 1) << 7)) - 0x4000;
          ip += 2;
        } else {
          slab -= 0x40;
          ip += 1;
        }
        ip += slab;
        if (--mp_vm_poll_countdown < 0) {
          why = WHY_POLL;
          break;
        }
        continue;
      }
      case 0x43:
      case 0x44: {
        // POP_JUMP_IF_TRUE / POP_JUMP_IF_FALSE
        let slab = <usize>load<u8>(ip);
        if ((slab & 0x80) != 0) {
          slab = ((slab & 0x7f) | (<usize>load<u8>(ip + 1) << 7)) - 0x4000;
          ip += 2;
        } else {
          slab -= 0x40;
          ip += 1;
        }
        const v = load<usize>(sp);
        sp -= 4;
        let t: i32;
        if (v == mp_const_false || v == mp_const_none) t = 0;
        else if (v == mp_const_true) t = 1;
        else {
          t = mp_obj_is_true(v);
          if (t < 0) break;
        }
        if ((t != 0) == (load<u8>(ip0) == 0x43)) {
          ip += slab;
          if (--mp_vm_poll_countdown < 0) {
            why = WHY_POLL;
            break;
          }
        }
        continue;
      }
      case 0x45:
      case 0x46: {
        // JUMP_IF_TRUE_OR_POP / JUMP_IF_FALSE_OR_POP
        let ulab = <usize>load<u8>(ip);
        if ((ulab & 0x80) != 0) {
          ulab = (ulab & 0x7f) | (<usize>load<u8>(ip + 1) << 7);
          ip += 2;
        } else {
          ip += 1;
        }
        const t = mp_obj_is_true(load<usize>(sp));
        if (t < 0) break;
        if ((t != 0) == (load<u8>(ip0) == 0x45)) {
          ip += ulab;
        } else {
          sp -= 4;
        }
        continue;
      }

      // ---- exception blocks ----
      case 0x47: {
        // SETUP_WITH: (ctx_mgr) -> (__exit__, ctx_mgr, as_value)
        const obj = load<usize>(sp);
        const mark = mp_root_mark();
        mp_root_push(obj);
        if (!mp_load_method(obj, Q.MP_QSTR___exit__, sp) || !mp_load_method(obj, Q.MP_QSTR___enter__, sp + 8)) {
          mp_root_release(mark);
          break;
        }
        const ret = mp_call_method_n_kw(0, 0, sp + 8);
        mp_root_release(mark);
        if (ret == MP_OBJ_NULL) break;
        sp += 4;
        let ulab = <usize>load<u8>(ip);
        if ((ulab & 0x80) != 0) {
          ulab = (ulab & 0x7f) | (<usize>load<u8>(ip + 1) << 7);
          ip += 2;
        } else {
          ip += 1;
        }
        exc_sp += MP_EXC_STACK_ENTRY;
        store<usize>(exc_sp, ip + ulab);
        store<usize>(exc_sp + 4, sp | 2);
        store<usize>(exc_sp + 8, MP_OBJ_NULL);
        sp += 4;
        store<usize>(sp, ret);
        continue;
      }
      case 0x5c: {
        // WITH_CLEANUP
        const top = load<usize>(sp);
        if (top == mp_const_none) {
          // (__exit__, ctx_mgr, None): call __exit__(None, None, None)
          store<usize>(sp + 4, mp_const_none);
          store<usize>(sp + 8, mp_const_none);
          sp -= 8;
          if (mp_call_method_n_kw(3, 0, sp) == MP_OBJ_NULL) break;
          store<usize>(sp, mp_const_none);
        } else if (mp_obj_is_small_int(top)) {
          // unwind return/jump: (__exit__, ctx_mgr, data, cause)
          const data = load<usize>(sp - 4);
          const cause = top;
          store<usize>(sp - 4, mp_const_none);
          store<usize>(sp, mp_const_none);
          store<usize>(sp + 4, mp_const_none);
          const mark = mp_root_mark();
          mp_root_push(data);
          const r = mp_call_method_n_kw(3, 0, sp - 12);
          mp_root_release(mark);
          if (r == MP_OBJ_NULL) break;
          store<usize>(sp - 12, data);
          store<usize>(sp - 8, cause);
          sp -= 8;
        } else {
          // an exception: __exit__(type, exc, None); a true result swallows it
          store<usize>(sp + 4, top);
          store<usize>(sp, mp_obj_get_type(top));
          store<usize>(sp + 8, mp_const_none);
          sp -= 8;
          const r = mp_call_method_n_kw(3, 0, sp);
          if (r == MP_OBJ_NULL) break;
          const t = mp_obj_is_true(r);
          if (t < 0) break;
          if (t != 0) {
            store<usize>(sp, mp_const_none);
          } else {
            store<usize>(sp, load<usize>(sp + 12));
          }
        }
        continue;
      }
      case 0x40: {
        // UNWIND_JUMP: signed offset, then the number of handlers to unwind
        let slab = <usize>load<u8>(ip);
        if ((slab & 0x80) != 0) {
          slab = ((slab & 0x7f) | (<usize>load<u8>(ip + 1) << 7)) - 0x4000;
          ip += 2;
        } else {
          slab -= 0x40;
          ip += 1;
        }
        sp += 4;
        store<usize>(sp, ip + slab);
        unwind_unum = <usize>load<u8>(ip);
        why = WHY_UNWIND_JUMP;
        break;
      }
      case 0x48:
      case 0x49: {
        // SETUP_EXCEPT / SETUP_FINALLY
        let ulab = <usize>load<u8>(ip);
        if ((ulab & 0x80) != 0) {
          ulab = (ulab & 0x7f) | (<usize>load<u8>(ip + 1) << 7);
          ip += 2;
        } else {
          ip += 1;
        }
        exc_sp += MP_EXC_STACK_ENTRY;
        store<usize>(exc_sp, ip + ulab);
        store<usize>(exc_sp + 4, load<u8>(ip0) == 0x49 ? sp | 2 : sp);
        store<usize>(exc_sp + 8, MP_OBJ_NULL);
        continue;
      }
      case 0x5d: {
        // END_FINALLY: None continues, a small int resumes an unwind, an exception re-raises
        exc_sp -= MP_EXC_STACK_ENTRY;
        mp_state_set(MPS_handled_exception, MP_OBJ_NULL);
        const top = load<usize>(sp);
        if (top == mp_const_none) {
          sp -= 4;
          continue;
        }
        if (mp_obj_is_small_int(top)) {
          sp -= 4;
          const cause = MP_OBJ_SMALL_INT_VALUE(top);
          if (cause < 0) {
            why = WHY_RETURN;
            break;
          }
          unwind_unum = <usize>cause;
          why = WHY_UNWIND_JUMP;
          break;
        }
        mp_raise_obj(top);
        break;
      }
      case 0x4a: {
        // POP_EXCEPT_JUMP
        exc_sp -= MP_EXC_STACK_ENTRY;
        mp_state_set(MPS_handled_exception, MP_OBJ_NULL);
        let ulab = <usize>load<u8>(ip);
        if ((ulab & 0x80) != 0) {
          ulab = (ulab & 0x7f) | (<usize>load<u8>(ip + 1) << 7);
          ip += 2;
        } else {
          ip += 1;
        }
        ip += ulab;
        if (--mp_vm_poll_countdown < 0) {
          why = WHY_POLL;
          break;
        }
        continue;
      }

      // ---- iteration ----
      case 0x5e: {
        // GET_ITER
        const it = mp_getiter(load<usize>(sp), 0);
        if (it == MP_OBJ_NULL) break;
        store<usize>(sp, it);
        continue;
      }
      case 0x5f: {
        // GET_ITER_STACK: the iterator takes 4 slots (built in place, or NULL + iterator)
        const obj = load<usize>(sp);
        const iter_buf = sp;
        sp += 12;
        const mark = mp_root_mark();
        mp_root_push(obj);
        const it = mp_getiter(obj, iter_buf);
        mp_root_release(mark);
        if (it == MP_OBJ_NULL) break;
        if (it != iter_buf) {
          store<usize>(sp - 12, MP_OBJ_NULL);
          store<usize>(sp - 8, it);
        }
        continue;
      }
      case 0x4b: {
        // FOR_ITER
        let ulab = <usize>load<u8>(ip);
        if ((ulab & 0x80) != 0) {
          ulab = (ulab & 0x7f) | (<usize>load<u8>(ip + 1) << 7);
          ip += 2;
        } else {
          ip += 1;
        }
        const it = load<usize>(sp - 12) == MP_OBJ_NULL ? load<usize>(sp - 8) : sp - 12;
        const v = mp_iternext_allow_raise(it);
        if (v == MP_OBJ_STOP_ITERATION) {
          sp -= 16;
          ip += ulab;
          continue;
        }
        if (v == MP_OBJ_NULL) {
          if (mp_pending_exception_is(mp_type_StopIteration)) {
            mp_take_exception();
            sp -= 16;
            ip += ulab;
            continue;
          }
          break;
        }
        sp += 4;
        store<usize>(sp, v);
        continue;
      }

      // ---- building ----
      case 0x2a: {
        // BUILD_TUPLE
        let unum = <usize>load<u8>(ip++);
        if (unum >= 0x80) {
          unum = mp_decode_uint_value(ip - 1);
          ip = mp_decode_uint_skip(ip - 1);
        }
        sp = sp + 4 - (unum << 2);
        const v = mp_obj_new_tuple(unum, sp);
        if (v == MP_OBJ_NULL) break;
        store<usize>(sp, v);
        continue;
      }
      case 0x2b: {
        // BUILD_LIST
        let unum = <usize>load<u8>(ip++);
        if (unum >= 0x80) {
          unum = mp_decode_uint_value(ip - 1);
          ip = mp_decode_uint_skip(ip - 1);
        }
        sp = sp + 4 - (unum << 2);
        const v = mp_obj_new_list(unum, sp);
        if (v == MP_OBJ_NULL) break;
        store<usize>(sp, v);
        continue;
      }
      case 0x2c: {
        // BUILD_MAP
        let unum = <usize>load<u8>(ip++);
        if (unum >= 0x80) {
          unum = mp_decode_uint_value(ip - 1);
          ip = mp_decode_uint_skip(ip - 1);
        }
        const v = mp_obj_new_dict(unum);
        if (v == MP_OBJ_NULL) break;
        sp += 4;
        store<usize>(sp, v);
        continue;
      }
      case 0x62: {
        // STORE_MAP: (dict, value, key)
        sp -= 8;
        if (mp_dict_store_rt(load<usize>(sp), load<usize>(sp + 8), load<usize>(sp + 4)) == MP_OBJ_NULL) break;
        continue;
      }
      case 0x2d: {
        // BUILD_SET
        let unum = <usize>load<u8>(ip++);
        if (unum >= 0x80) {
          unum = mp_decode_uint_value(ip - 1);
          ip = mp_decode_uint_skip(ip - 1);
        }
        sp = sp + 4 - (unum << 2);
        const v = mp_obj_new_set(unum, sp);
        if (v == MP_OBJ_NULL) break;
        store<usize>(sp, v);
        continue;
      }
      case 0x2e: {
        // BUILD_SLICE: 2 or 3 args
        let unum = <usize>load<u8>(ip++);
        if (unum >= 0x80) {
          unum = mp_decode_uint_value(ip - 1);
          ip = mp_decode_uint_skip(ip - 1);
        }
        let step: mp_obj_t = mp_const_none;
        if (unum == 3) {
          step = load<usize>(sp);
          sp -= 4;
        }
        const next = <u32>load<u8>(ip);
        const mark = mp_root_mark();
        const sl =
          (next == 0x55 || next == 0x56) &&
          (mp_type_flags(mp_obj_get_type(load<usize>(sp - 8))) & MP_TYPE_FLAG_SUBSCR_ALLOWS_STACK_SLICE) != 0
            ? mp_root_alloc(4)
            : 0;
        if (sl != 0) {
          // the slice lives on the root stack for the subscript that follows
          ip++;
          store<usize>(sl, mp_type_slice);
          store<usize>(sl + 4, load<usize>(sp - 4));
          store<usize>(sl + 8, load<usize>(sp));
          store<usize>(sl + 12, step);
          sp -= 8;
          if (next == 0x55) {
            const v = mp_obj_subscr(load<usize>(sp), sl, MP_OBJ_SENTINEL);
            mp_root_release(mark);
            if (v == MP_OBJ_NULL) break;
            store<usize>(sp, v);
          } else {
            const r = mp_obj_subscr(load<usize>(sp), sl, load<usize>(sp - 4));
            mp_root_release(mark);
            if (r == MP_OBJ_NULL) break;
            sp -= 8;
          }
          continue;
        }
        const stop = load<usize>(sp);
        sp -= 4;
        const v = mp_obj_new_slice(load<usize>(sp), stop, step);
        if (v == MP_OBJ_NULL) break;
        store<usize>(sp, v);
        continue;
      }
      case 0x2f: {
        // STORE_COMP: append to the list/dict/set `unum >> 2` slots down
        let unum = <usize>load<u8>(ip++);
        if (unum >= 0x80) {
          unum = mp_decode_uint_value(ip - 1);
          ip = mp_decode_uint_skip(ip - 1);
        }
        const obj = load<usize>(sp - ((unum >> 2) << 2));
        const kind = unum & 3;
        // a loaded .mpy's STORE_COMP may point at any object (bcverify.ts checks kinds, not types)
        if (!mp_obj_is_type(obj, kind == 0 ? mp_type_list : kind == 1 ? mp_type_dict : mp_type_set)) {
          vm_bad_bytecode();
          break;
        }
        if (kind == 0) {
          if (mp_obj_list_append(obj, load<usize>(sp)) == MP_OBJ_NULL) break;
          sp -= 4;
        } else if (kind == 1) {
          if (mp_dict_store_rt(obj, load<usize>(sp), load<usize>(sp - 4)) == MP_OBJ_NULL) break;
          sp -= 8;
        } else {
          if (mp_obj_set_store(obj, load<usize>(sp)) == MP_OBJ_NULL) break;
          sp -= 4;
        }
        continue;
      }
      case 0x30: {
        // UNPACK_SEQUENCE
        let unum = <usize>load<u8>(ip++);
        if (unum >= 0x80) {
          unum = mp_decode_uint_value(ip - 1);
          ip = mp_decode_uint_skip(ip - 1);
        }
        if (!mp_unpack_sequence(load<usize>(sp), unum, sp)) break;
        sp = sp + (unum << 2) - 4;
        continue;
      }
      case 0x31: {
        // UNPACK_EX
        let unum = <usize>load<u8>(ip++);
        if (unum >= 0x80) {
          unum = mp_decode_uint_value(ip - 1);
          ip = mp_decode_uint_skip(ip - 1);
        }
        if (!mp_unpack_ex(load<usize>(sp), unum, sp)) break;
        sp += ((unum & 0xff) + ((unum >> 8) & 0xff)) << 2;
        continue;
      }

      // ---- functions ----
      case 0x32: {
        // MAKE_FUNCTION
        let unum = <usize>load<u8>(ip++);
        if (unum >= 0x80) {
          unum = mp_decode_uint_value(ip - 1);
          ip = mp_decode_uint_skip(ip - 1);
        }
        const fun = load<usize>(cs);
        const v = mp_make_function_from_proto_fun(
          load<usize>(load<usize>(fun + FUN_BC_child_table) + (unum << 2)),
          load<usize>(fun + FUN_BC_context),
          0,
        );
        if (v == MP_OBJ_NULL) break;
        sp += 4;
        store<usize>(sp, v);
        continue;
      }
      case 0x33: {
        // MAKE_FUNCTION_DEFARGS: (def_tuple, def_dict)
        let unum = <usize>load<u8>(ip++);
        if (unum >= 0x80) {
          unum = mp_decode_uint_value(ip - 1);
          ip = mp_decode_uint_skip(ip - 1);
        }
        sp -= 4;
        const fun = load<usize>(cs);
        const v = mp_make_function_from_proto_fun(
          load<usize>(load<usize>(fun + FUN_BC_child_table) + (unum << 2)),
          load<usize>(fun + FUN_BC_context),
          sp,
        );
        if (v == MP_OBJ_NULL) break;
        store<usize>(sp, v);
        continue;
      }
      case 0x20:
      case 0x21: {
        // MAKE_CLOSURE / MAKE_CLOSURE_DEFARGS: ([def_tuple, def_dict,] cells...)
        let unum = <usize>load<u8>(ip++);
        if (unum >= 0x80) {
          unum = mp_decode_uint_value(ip - 1);
          ip = mp_decode_uint_skip(ip - 1);
        }
        let n_closed = <usize>load<u8>(ip++);
        if (load<u8>(ip0) == 0x21) {
          sp = sp + 4 - ((2 + n_closed) << 2);
          n_closed |= 0x100;
        } else {
          sp = sp + 4 - (n_closed << 2);
        }
        const fun = load<usize>(cs);
        const v = mp_make_closure_from_proto_fun(
          load<usize>(load<usize>(fun + FUN_BC_child_table) + (unum << 2)),
          load<usize>(fun + FUN_BC_context),
          n_closed,
          sp,
        );
        if (v == MP_OBJ_NULL) break;
        store<usize>(sp, v);
        continue;
      }

      // ---- calls ----
      case 0x34: {
        // CALL_FUNCTION: (fun, args..., kw pairs...)
        let unum = <usize>load<u8>(ip++);
        if (unum >= 0x80) {
          unum = mp_decode_uint_value(ip - 1);
          ip = mp_decode_uint_skip(ip - 1);
        }
        const n_pos = unum & 0xff;
        const n_kw = (unum >> 8) & 0xff;
        sp -= (n_pos + 2 * n_kw) << 2;
        const fun = load<usize>(sp);
        if (mp_obj_is_obj(fun)) {
          const ft = load<usize>(fun);
          if (ft == mp_type_fun_bc || ft == mp_type_closure || ft == mp_type_bound_meth) {
            store<usize>(cs + CS_ip, ip);
            store<usize>(cs + CS_sp, sp);
            store<u16>(cs + CS_exc_sp_idx, <u16>((exc_sp + MP_EXC_STACK_ENTRY - exc_stack) / MP_EXC_STACK_ENTRY));
            const nf = vm_prepare_stackless(fun, n_pos, n_kw, sp + 4, 0);
            if (nf > 1) {
              store<usize>(nf + CS_prev, cs);
              cs = nf;
              n_state = <usize>load<u16>(cs + CS_n_state);
              fastn = cs + CS_state + ((n_state - 1) << 2);
              exc_stack = cs + CS_state + (n_state << 2);
              exc_sp = exc_stack - MP_EXC_STACK_ENTRY;
              ip = load<usize>(cs + CS_ip);
              sp = load<usize>(cs + CS_sp);
              qstr_table = load<usize>(load<usize>(load<usize>(cs) + FUN_BC_context) + CTX_qstr_table);
              if (--mp_vm_poll_countdown < 0) {
                ip0 = ip;
                why = WHY_POLL;
                break;
              }
              continue;
            }
            if (nf == 1) break;
          }
        }
        const r = mp_call_function_n_kw(fun, n_pos, n_kw, sp + 4);
        if (r == MP_OBJ_NULL) break;
        store<usize>(sp, r);
        continue;
      }
      case 0x36: {
        // CALL_METHOD: (fun, self or NULL, args..., kw pairs...)
        let unum = <usize>load<u8>(ip++);
        if (unum >= 0x80) {
          unum = mp_decode_uint_value(ip - 1);
          ip = mp_decode_uint_skip(ip - 1);
        }
        const n_pos = unum & 0xff;
        const n_kw = (unum >> 8) & 0xff;
        sp -= (n_pos + 2 * n_kw + 1) << 2;
        const fun = load<usize>(sp);
        if (mp_obj_is_obj(fun)) {
          const ft = load<usize>(fun);
          if (ft == mp_type_fun_bc || ft == mp_type_closure || ft == mp_type_bound_meth) {
            store<usize>(cs + CS_ip, ip);
            store<usize>(cs + CS_sp, sp);
            store<u16>(cs + CS_exc_sp_idx, <u16>((exc_sp + MP_EXC_STACK_ENTRY - exc_stack) / MP_EXC_STACK_ENTRY));
            const adjust: usize = load<usize>(sp + 4) == MP_OBJ_NULL ? 0 : 1;
            const nf = vm_prepare_stackless(fun, n_pos + adjust, n_kw, sp + 8 - (adjust << 2), 0);
            if (nf > 1) {
              store<usize>(nf + CS_prev, cs);
              cs = nf;
              n_state = <usize>load<u16>(cs + CS_n_state);
              fastn = cs + CS_state + ((n_state - 1) << 2);
              exc_stack = cs + CS_state + (n_state << 2);
              exc_sp = exc_stack - MP_EXC_STACK_ENTRY;
              ip = load<usize>(cs + CS_ip);
              sp = load<usize>(cs + CS_sp);
              qstr_table = load<usize>(load<usize>(load<usize>(cs) + FUN_BC_context) + CTX_qstr_table);
              if (--mp_vm_poll_countdown < 0) {
                ip0 = ip;
                why = WHY_POLL;
                break;
              }
              continue;
            }
            if (nf == 1) break;
          }
        }
        const r = mp_call_method_n_kw(n_pos, n_kw, sp);
        if (r == MP_OBJ_NULL) break;
        store<usize>(sp, r);
        continue;
      }
      case 0x35:
      case 0x37: {
        // CALL_FUNCTION_VAR_KW / CALL_METHOD_VAR_KW: (fun, [self,] args..., kw pairs..., bitmap)
        let unum = <usize>load<u8>(ip++);
        if (unum >= 0x80) {
          unum = mp_decode_uint_value(ip - 1);
          ip = mp_decode_uint_skip(ip - 1);
        }
        const have_self = load<u8>(ip0) == 0x37;
        sp -= ((unum & 0xff) + ((unum >> 7) & 0x1fe) + (have_self ? 2 : 1)) << 2;
        const fun = load<usize>(sp);
        if (mp_obj_is_obj(fun)) {
          const ft = load<usize>(fun);
          if (ft == mp_type_fun_bc || ft == mp_type_closure || ft == mp_type_bound_meth) {
            store<usize>(cs + CS_ip, ip);
            store<usize>(cs + CS_sp, sp);
            store<u16>(cs + CS_exc_sp_idx, <u16>((exc_sp + MP_EXC_STACK_ENTRY - exc_stack) / MP_EXC_STACK_ENTRY));
            if (!mp_call_prepare_args_n_kw_var(have_self, unum, sp)) break;
            const a = call_args_args;
            const nf = vm_prepare_stackless(call_args_fun, call_args_n_args, call_args_n_kw, a, a);
            if (nf > 1) {
              store<usize>(nf + CS_prev, cs);
              cs = nf;
              n_state = <usize>load<u16>(cs + CS_n_state);
              fastn = cs + CS_state + ((n_state - 1) << 2);
              exc_stack = cs + CS_state + (n_state << 2);
              exc_sp = exc_stack - MP_EXC_STACK_ENTRY;
              ip = load<usize>(cs + CS_ip);
              sp = load<usize>(cs + CS_sp);
              qstr_table = load<usize>(load<usize>(load<usize>(cs) + FUN_BC_context) + CTX_qstr_table);
              if (--mp_vm_poll_countdown < 0) {
                ip0 = ip;
                why = WHY_POLL;
                break;
              }
              continue;
            }
            if (nf == 1) {
              mp_pystack_free(a);
              break;
            }
            const r = mp_call_function_n_kw(call_args_fun, call_args_n_args, call_args_n_kw, a);
            mp_pystack_free(a);
            if (r == MP_OBJ_NULL) break;
            store<usize>(sp, r);
            continue;
          }
        }
        const r = mp_call_method_n_kw_var(have_self, unum, sp);
        if (r == MP_OBJ_NULL) break;
        store<usize>(sp, r);
        continue;
      }

      // ---- return, raise, yield ----
      case 0x63: // RETURN_VALUE
        why = WHY_RETURN;
        break;
      case 0x64: {
        // RAISE_LAST: re-raise the innermost exception being handled
        let obj: mp_obj_t = MP_OBJ_NULL;
        for (let e = exc_sp; e >= exc_stack; e -= MP_EXC_STACK_ENTRY) {
          if (load<usize>(e + 8) != MP_OBJ_NULL) {
            obj = load<usize>(e + 8);
            break;
          }
        }
        if (obj == MP_OBJ_NULL) {
          mp_raise_msg(mp_type_RuntimeError, "no active exception to reraise");
          break;
        }
        mp_raise_obj(obj);
        break;
      }
      case 0x65: {
        // RAISE_OBJ
        const e = mp_make_raise_obj(load<usize>(sp));
        if (e != MP_OBJ_NULL) mp_raise_obj(e);
        break;
      }
      case 0x66: {
        // RAISE_FROM: the cause is ignored (no exception chaining, as MicroPython)
        if (load<usize>(sp) != mp_const_none) mp_print_str(mp_stderr_print, "Warning: exception chaining not supported\n");
        sp -= 4;
        const e = mp_make_raise_obj(load<usize>(sp));
        if (e != MP_OBJ_NULL) mp_raise_obj(e);
        break;
      }
      case 0x67: {
        // YIELD_VALUE
        store<usize>(cs + CS_ip, ip);
        store<usize>(cs + CS_sp, sp);
        store<u16>(cs + CS_exc_sp_idx, <u16>((exc_sp + MP_EXC_STACK_ENTRY - exc_stack) / MP_EXC_STACK_ENTRY));
        return MP_VM_RETURN_YIELD;
      }
      case 0x68: {
        // YIELD_FROM: (gen, send_value)
        const send_value = load<usize>(sp);
        sp -= 4;
        let t_exc: mp_obj_t = MP_OBJ_NULL;
        let kind: u32;
        if (inject != MP_OBJ_NULL) {
          t_exc = inject;
          inject = MP_OBJ_NULL;
          const mark = mp_root_mark();
          mp_root_push(t_exc);
          kind = mp_resume(load<usize>(sp), MP_OBJ_NULL, t_exc);
          mp_root_release(mark);
        } else {
          kind = mp_resume(load<usize>(sp), send_value, MP_OBJ_NULL);
        }
        const ret = mp_resume_ret_val;
        if (kind == MP_VM_RETURN_YIELD) {
          ip = ip0;
          sp += 4;
          store<usize>(sp, ret);
          store<usize>(cs + CS_ip, ip);
          store<usize>(cs + CS_sp, sp);
          store<u16>(cs + CS_exc_sp_idx, <u16>((exc_sp + MP_EXC_STACK_ENTRY - exc_stack) / MP_EXC_STACK_ENTRY));
          return MP_VM_RETURN_YIELD;
        }
        if (kind == MP_VM_RETURN_NORMAL) {
          store<usize>(sp, ret);
          if (t_exc != MP_OBJ_NULL && mp_obj_exception_match_rt(t_exc, mp_type_GeneratorExit)) {
            const e = mp_make_raise_obj(t_exc);
            if (e != MP_OBJ_NULL) mp_raise_obj(e);
            break;
          }
          continue;
        }
        // an exception; StopIteration ends the yield from with its value
        if (mp_obj_is_obj(ret) && mp_obj_exception_match_rt(ret, mp_type_StopIteration)) {
          store<usize>(sp, mp_obj_exception_get_value_rt(ret));
          continue;
        }
        sp -= 4;
        mp_raise_obj(ret);
        break;
      }

      // ---- imports ----
      case 0x1b: {
        // IMPORT_NAME: (level, fromlist) -> module
        let unum = <usize>load<u8>(ip++);
        if (unum >= 0x80) {
          unum = mp_decode_uint_value(ip - 1);
          ip = mp_decode_uint_skip(ip - 1);
        }
        const fromlist = load<usize>(sp);
        sp -= 4;
        const v = mp_import_name(<usize>load<u16>(qstr_table + (unum << 1)), fromlist, load<usize>(sp));
        if (v == MP_OBJ_NULL) break;
        store<usize>(sp, v);
        continue;
      }
      case 0x1c: {
        // IMPORT_FROM: (module) -> (module, value)
        let unum = <usize>load<u8>(ip++);
        if (unum >= 0x80) {
          unum = mp_decode_uint_value(ip - 1);
          ip = mp_decode_uint_skip(ip - 1);
        }
        const v = mp_import_from(load<usize>(sp), <usize>load<u16>(qstr_table + (unum << 1)));
        if (v == MP_OBJ_NULL) break;
        sp += 4;
        store<usize>(sp, v);
        continue;
      }
      case 0x69: {
        // IMPORT_STAR
        const m = load<usize>(sp);
        sp -= 4;
        if (!mp_import_all(m)) break;
        continue;
      }

      // ---- operators ----
      case 0xd0: // UNARY_OP POSITIVE
      case 0xd1: // NEGATIVE
      case 0xd2: {
        // INVERT
        const v = mp_unary_op(<u32>load<u8>(ip0) - 0xd0, load<usize>(sp));
        if (v == MP_OBJ_NULL) break;
        store<usize>(sp, v);
        continue;
      }
      case 0xd3: {
        // UNARY_OP NOT
        const a = load<usize>(sp);
        if (a == mp_const_false || a == mp_const_none) {
          store<usize>(sp, mp_const_true);
        } else if (a == mp_const_true) {
          store<usize>(sp, mp_const_false);
        } else {
          const t = mp_obj_is_true(a);
          if (t < 0) break;
          store<usize>(sp, mp_obj_new_bool(t == 0));
        }
        continue;
      }
      case 0xd7: // LESS
      case 0xd8: // MORE
      case 0xda: // LESS_EQUAL
      case 0xdb: {
        // MORE_EQUAL
        const rhs = load<usize>(sp);
        sp -= 4;
        const lhs = load<usize>(sp);
        if ((lhs & rhs & 1) != 0) {
          // tagged small ints compare like their values
          const op = load<u8>(ip0);
          const a = <i32>lhs;
          const b = <i32>rhs;
          const r = op == 0xd7 ? a < b : op == 0xd8 ? a > b : op == 0xda ? a <= b : a >= b;
          store<usize>(sp, r ? mp_const_true : mp_const_false);
          continue;
        }
        if (vm_floats(lhs, rhs)) {
          const op = load<u8>(ip0);
          const a = vm_fa;
          const b = vm_fb;
          const r = op == 0xd7 ? a < b : op == 0xd8 ? a > b : op == 0xda ? a <= b : a >= b;
          store<usize>(sp, r ? mp_const_true : mp_const_false);
          continue;
        }
        const v = mp_binary_op(<u32>load<u8>(ip0) - 0xd7, lhs, rhs);
        if (v == MP_OBJ_NULL) break;
        store<usize>(sp, v);
        continue;
      }
      case 0xd9: // EQUAL
      case 0xdc: {
        // NOT_EQUAL
        const rhs = load<usize>(sp);
        sp -= 4;
        const lhs = load<usize>(sp);
        if ((lhs & rhs & 1) != 0) {
          store<usize>(sp, (lhs == rhs) == (load<u8>(ip0) == 0xd9) ? mp_const_true : mp_const_false);
          continue;
        }
        const v = mp_binary_op(<u32>load<u8>(ip0) - 0xd7, lhs, rhs);
        if (v == MP_OBJ_NULL) break;
        store<usize>(sp, v);
        continue;
      }
      case 0xde: {
        // IS
        const rhs = load<usize>(sp);
        sp -= 4;
        store<usize>(sp, load<usize>(sp) == rhs ? mp_const_true : mp_const_false);
        continue;
      }
      case 0xe5: // INPLACE_ADD
      case 0xf2: {
        // ADD
        const rhs = load<usize>(sp);
        sp -= 4;
        const lhs = load<usize>(sp);
        if ((lhs & rhs & 1) != 0) {
          const b = <i32>rhs - 1;
          const r = <i32>lhs + b;
          if (((r ^ <i32>lhs) & (r ^ b)) >= 0) {
            store<usize>(sp, <usize>r);
            continue;
          }
        } else if (vm_floats(lhs, rhs)) {
          const f = mp_obj_new_float(vm_fa + vm_fb);
          if (f == MP_OBJ_NULL) break;
          store<usize>(sp, f);
          continue;
        }
        const v = mp_binary_op(<u32>load<u8>(ip0) - 0xd7, lhs, rhs);
        if (v == MP_OBJ_NULL) break;
        store<usize>(sp, v);
        continue;
      }
      case 0xe6: // INPLACE_SUBTRACT
      case 0xf3: {
        // SUBTRACT
        const rhs = load<usize>(sp);
        sp -= 4;
        const lhs = load<usize>(sp);
        if ((lhs & rhs & 1) != 0) {
          const b = <i32>rhs - 1;
          const r = <i32>lhs - b;
          if (((<i32>lhs ^ b) & (<i32>lhs ^ r)) >= 0) {
            store<usize>(sp, <usize>r);
            continue;
          }
        } else if (vm_floats(lhs, rhs)) {
          const f = mp_obj_new_float(vm_fa - vm_fb);
          if (f == MP_OBJ_NULL) break;
          store<usize>(sp, f);
          continue;
        }
        const v = mp_binary_op(<u32>load<u8>(ip0) - 0xd7, lhs, rhs);
        if (v == MP_OBJ_NULL) break;
        store<usize>(sp, v);
        continue;
      }
      case 0xe7: // INPLACE_MULTIPLY
      case 0xf4: {
        // MULTIPLY
        const rhs = load<usize>(sp);
        sp -= 4;
        const lhs = load<usize>(sp);
        if ((lhs & rhs & 1) != 0) {
          const p = <i64>MP_OBJ_SMALL_INT_VALUE(lhs) * <i64>MP_OBJ_SMALL_INT_VALUE(rhs);
          if (p >= -0x40000000 && p <= 0x3fffffff) {
            store<usize>(sp, MP_OBJ_NEW_SMALL_INT(<i32>p));
            continue;
          }
        } else if (vm_floats(lhs, rhs)) {
          const f = mp_obj_new_float(vm_fa * vm_fb);
          if (f == MP_OBJ_NULL) break;
          store<usize>(sp, f);
          continue;
        }
        const v = mp_binary_op(<u32>load<u8>(ip0) - 0xd7, lhs, rhs);
        if (v == MP_OBJ_NULL) break;
        store<usize>(sp, v);
        continue;
      }
      case 0xe9: // INPLACE_FLOOR_DIVIDE
      case 0xf6: {
        // FLOOR_DIVIDE
        const rhs = load<usize>(sp);
        sp -= 4;
        const lhs = load<usize>(sp);
        if ((lhs & rhs & 1) != 0 && rhs != 1 && rhs != <usize>(-1)) {
          // rhs is neither 0 nor -1, so the quotient fits
          store<usize>(sp, MP_OBJ_NEW_SMALL_INT(mp_small_int_floor_divide(MP_OBJ_SMALL_INT_VALUE(lhs), MP_OBJ_SMALL_INT_VALUE(rhs))));
          continue;
        }
        const v = mp_binary_op(<u32>load<u8>(ip0) - 0xd7, lhs, rhs);
        if (v == MP_OBJ_NULL) break;
        store<usize>(sp, v);
        continue;
      }
      case 0xeb: // INPLACE_MODULO
      case 0xf8: {
        // MODULO
        const rhs = load<usize>(sp);
        sp -= 4;
        const lhs = load<usize>(sp);
        if ((lhs & rhs & 1) != 0 && rhs != 1) {
          store<usize>(sp, MP_OBJ_NEW_SMALL_INT(mp_small_int_modulo(MP_OBJ_SMALL_INT_VALUE(lhs), MP_OBJ_SMALL_INT_VALUE(rhs))));
          continue;
        }
        const v = mp_binary_op(<u32>load<u8>(ip0) - 0xd7, lhs, rhs);
        if (v == MP_OBJ_NULL) break;
        store<usize>(sp, v);
        continue;
      }
      case 0xe0: // INPLACE_OR
      case 0xed: {
        // OR
        const rhs = load<usize>(sp);
        sp -= 4;
        const lhs = load<usize>(sp);
        if ((lhs & rhs & 1) != 0) {
          store<usize>(sp, lhs | rhs);
          continue;
        }
        const v = mp_binary_op(<u32>load<u8>(ip0) - 0xd7, lhs, rhs);
        if (v == MP_OBJ_NULL) break;
        store<usize>(sp, v);
        continue;
      }
      case 0xe1: // INPLACE_XOR
      case 0xee: {
        // XOR
        const rhs = load<usize>(sp);
        sp -= 4;
        const lhs = load<usize>(sp);
        if ((lhs & rhs & 1) != 0) {
          store<usize>(sp, (lhs ^ rhs) | 1);
          continue;
        }
        const v = mp_binary_op(<u32>load<u8>(ip0) - 0xd7, lhs, rhs);
        if (v == MP_OBJ_NULL) break;
        store<usize>(sp, v);
        continue;
      }
      case 0xe2: // INPLACE_AND
      case 0xef: {
        // AND
        const rhs = load<usize>(sp);
        sp -= 4;
        const lhs = load<usize>(sp);
        if ((lhs & rhs & 1) != 0) {
          store<usize>(sp, lhs & rhs);
          continue;
        }
        const v = mp_binary_op(<u32>load<u8>(ip0) - 0xd7, lhs, rhs);
        if (v == MP_OBJ_NULL) break;
        store<usize>(sp, v);
        continue;
      }
      case 0xe4: // INPLACE_RSHIFT
      case 0xf1: {
        // RSHIFT
        const rhs = load<usize>(sp);
        sp -= 4;
        const lhs = load<usize>(sp);
        if ((lhs & rhs & 1) != 0 && <i32>rhs >= 1) {
          const n = MP_OBJ_SMALL_INT_VALUE(rhs);
          store<usize>(sp, MP_OBJ_NEW_SMALL_INT(MP_OBJ_SMALL_INT_VALUE(lhs) >> (n > 31 ? 31 : n)));
          continue;
        }
        const v = mp_binary_op(<u32>load<u8>(ip0) - 0xd7, lhs, rhs);
        if (v == MP_OBJ_NULL) break;
        store<usize>(sp, v);
        continue;
      }
      case 0xdd:
      case 0xdf:
      case 0xe3:
      case 0xe8:
      case 0xea:
      case 0xec:
      case 0xf0:
      case 0xf5:
      case 0xf7:
      case 0xf9: {
        // the other binary operators
        const rhs = load<usize>(sp);
        sp -= 4;
        const op = load<u8>(ip0);
        if ((op == 0xf7 || op == 0xea) && vm_floats(load<usize>(sp), rhs) && vm_fb != 0) {
          // TRUE_DIVIDE
          const f = mp_obj_new_float(vm_fa / vm_fb);
          if (f == MP_OBJ_NULL) break;
          store<usize>(sp, f);
          continue;
        }
        const v = mp_binary_op(<u32>load<u8>(ip0) - 0xd7, load<usize>(sp), rhs);
        if (v == MP_OBJ_NULL) break;
        store<usize>(sp, v);
        continue;
      }

      default:
        mp_raise_msg(mp_type_NotImplementedError, "opcode");
        break;
    }

    // ---- out of the switch: a poll, a return, an unwind jump, or an exception ----
    if (why != WHY_EXC) {
      const w = why;
      why = WHY_EXC;
      if (w == WHY_POLL) {
        const r = vm_poll();
        if (r == POLL_CONTINUE) continue;
        if (r == POLL_SLICE) {
          store<usize>(cs + CS_ip, ip);
          store<usize>(cs + CS_sp, sp);
          store<u16>(cs + CS_exc_sp_idx, <u16>((exc_sp + MP_EXC_STACK_ENTRY - exc_stack) / MP_EXC_STACK_ENTRY));
          mp_vm_slice_cs = cs;
          return MP_VM_RETURN_SLICE;
        }
        // an exception is pending: handle it below
      } else if (w == WHY_RETURN) {
        // run the finally handlers that are not active yet
        let jumped = false;
        while (exc_sp >= exc_stack) {
          const vsp = load<usize>(exc_sp + 4);
          if ((vsp & 2) != 0) {
            if (load<usize>(exc_sp) >= ip) {
              // run the finally as a coroutine: (..., X, [iterators,] ret_val) -> (..., X, ret_val, -1)
              const finally_sp = vsp & ~(<usize>3);
              store<usize>(finally_sp + 4, load<usize>(sp));
              sp = finally_sp + 4;
              sp += 4;
              store<usize>(sp, MP_OBJ_NEW_SMALL_INT(-1));
              ip = load<usize>(exc_sp);
              jumped = true;
              break;
            }
            sp = cancel_active_finally(sp);
          }
          exc_sp -= MP_EXC_STACK_ENTRY;
          mp_state_set(MPS_handled_exception, MP_OBJ_NULL);
        }
        if (jumped) continue;
        const prev = load<usize>(cs + CS_prev);
        if (prev != 0) {
          // return to the calling frame in this loop
          const res = load<usize>(sp);
          mp_globals_set(load<usize>(cs + CS_old_globals));
          mp_pystack_free(load<usize>(cs + CS_free_ptr));
          cs = prev;
          n_state = <usize>load<u16>(cs + CS_n_state);
          fastn = cs + CS_state + ((n_state - 1) << 2);
          exc_stack = cs + CS_state + (n_state << 2);
          exc_sp = exc_stack + <usize>load<u16>(cs + CS_exc_sp_idx) * MP_EXC_STACK_ENTRY - MP_EXC_STACK_ENTRY;
          ip = load<usize>(cs + CS_ip);
          sp = load<usize>(cs + CS_sp);
          qstr_table = load<usize>(load<usize>(load<usize>(cs) + FUN_BC_context) + CTX_qstr_table);
          store<usize>(sp, res);
          continue;
        }
        store<usize>(cs + CS_sp, sp);
        return MP_VM_RETURN_NORMAL;
      } else {
        // WHY_UNWIND_JUMP: stack (..., dest_ip); unwind_unum handlers to leave (0x80: pop an iterator)
        let unum = unwind_unum;
        let jumped = false;
        while ((unum & 0x7f) > 0) {
          unum -= 1;
          const vsp = load<usize>(exc_sp + 4);
          if ((vsp & 2) != 0) {
            if (load<usize>(exc_sp) >= ip) {
              // run this finally first; it resumes the unwind at END_FINALLY
              sp += 4;
              store<usize>(sp, MP_OBJ_NEW_SMALL_INT(<i32>unum));
              ip = load<usize>(exc_sp);
              jumped = true;
              break;
            }
            sp = cancel_active_finally(sp);
          }
          exc_sp -= MP_EXC_STACK_ENTRY;
          mp_state_set(MPS_handled_exception, MP_OBJ_NULL);
        }
        if (jumped) continue;
        ip = load<usize>(sp);
        sp -= 4;
        if (unum != 0) sp -= 16; // the exhausted for-loop iterator
        if (--mp_vm_poll_countdown < 0) {
          const r = vm_poll();
          if (r == POLL_CONTINUE) continue;
          if (r == POLL_SLICE) {
            store<usize>(cs + CS_ip, ip);
            store<usize>(cs + CS_sp, sp);
            store<u16>(cs + CS_exc_sp_idx, <u16>((exc_sp + MP_EXC_STACK_ENTRY - exc_stack) / MP_EXC_STACK_ENTRY));
            mp_vm_slice_cs = cs;
            return MP_VM_RETURN_SLICE;
          }
          ip0 = ip;
        } else {
          continue;
        }
      }
    }

    // ---- exception handling ----
    // the exception stays pending (a GC root) while tracebacks are added
    let exc = mp_pending_exception();
    if (exc == MP_OBJ_NULL) {
      // an operation failed without raising: a bug elsewhere; report it rather than trap
      mp_raise_msg(mp_type_RuntimeError, "internal error: no exception");
      exc = mp_pending_exception();
    }
    let tb_ip = ip0;
    // no traceback entry for re-raises (END_FINALLY, RAISE_LAST) and the static GeneratorExit
    let add_tb = exc != mp_const_GeneratorExit_obj && load<u8>(ip0) != 0x5d && load<u8>(ip0) != 0x64;
    while (true) {
      if (add_tb) vm_add_traceback(exc, cs, tb_ip);
      add_tb = true;
      // leave the handlers that are already active (raised inside them)
      while (exc_sp >= exc_stack && load<usize>(exc_sp) <= tb_ip) exc_sp -= MP_EXC_STACK_ENTRY;
      if (exc_sp >= exc_stack) {
        ip = load<usize>(exc_sp);
        sp = load<usize>(exc_sp + 4) & ~(<usize>3);
        store<usize>(exc_sp + 8, exc);
        sp += 4;
        store<usize>(sp, exc);
        mp_take_exception();
        mp_state_set(MPS_handled_exception, exc);
        break;
      }
      const prev = load<usize>(cs + CS_prev);
      if (prev != 0) {
        // unwind into the calling frame (the call site is just before its saved ip)
        mp_globals_set(load<usize>(cs + CS_old_globals));
        mp_pystack_free(load<usize>(cs + CS_free_ptr));
        cs = prev;
        n_state = <usize>load<u16>(cs + CS_n_state);
        fastn = cs + CS_state + ((n_state - 1) << 2);
        exc_stack = cs + CS_state + (n_state << 2);
        exc_sp = exc_stack + <usize>load<u16>(cs + CS_exc_sp_idx) * MP_EXC_STACK_ENTRY - MP_EXC_STACK_ENTRY;
        ip = load<usize>(cs + CS_ip);
        sp = load<usize>(cs + CS_sp);
        qstr_table = load<usize>(load<usize>(load<usize>(cs) + FUN_BC_context) + CTX_qstr_table);
        tb_ip = ip - 1;
        continue;
      }
      // propagate to the caller of mp_execute_bytecode
      store<usize>(cs + CS_state, exc);
      mp_take_exception();
      return MP_VM_RETURN_EXCEPTION;
    }
  }
  return MP_VM_RETURN_EXCEPTION;
}

/**
 * The bytecode function `key` in the dicts of user class `t` and its single
 * user-class parents, or MP_OBJ_NULL when the generic lookup must decide
 * (not found, found something else, multiple or native bases).
 */
function vm_class_lookup_fun(t: usize, key: mp_obj_t): mp_obj_t {
  while (true) {
    const ld = mp_type_locals_dict(t);
    if (ld != 0) {
      const e = mp_map_lookup(mp_obj_dict_get_map(ld), key, MP_MAP_LOOKUP);
      if (e == MP_MAP_ERROR) {
        mp_take_exception();
        return MP_OBJ_NULL;
      }
      if (e != 0) {
        const m = load<usize>(e + 4);
        return mp_obj_is_obj(m) && load<usize>(m) == mp_type_fun_bc ? m : MP_OBJ_NULL;
      }
    }
    const p = mp_type_parent(t);
    if (p == 0 || load<usize>(p) == mp_type_tuple || (mp_type_flags(p) & MP_TYPE_FLAG_INSTANCE_TYPE) == 0) return MP_OBJ_NULL;
    t = p;
  }
  return MP_OBJ_NULL;
}

/** CANCEL_ACTIVE_FINALLY: drops the state of a finally that was running (unwinding through it). */
@inline function cancel_active_finally(sp: usize): usize {
  if (mp_obj_is_small_int(load<usize>(sp - 4))) {
    // (..., prev_dest_ip, prev_cause, dest_ip): replace the previous unwind
    store<usize>(sp - 8, load<usize>(sp));
    return sp - 8;
  }
  // (..., None/exception, dest_ip): silence the finally's exception
  store<usize>(sp - 4, load<usize>(sp));
  return sp - 4;
}
