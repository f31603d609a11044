// Generators, as MicroPython's objgenerator.c: a generator function
// (mp_type_gen_wrap: a bytecode function whose call makes a generator) and
// generator instances, whose code state lives inside the object on the heap
// and is run by mp_execute_bytecode on each resume.
//
//   mp_obj_gen_instance_t:
//     +0 type (mp_type_gen_instance)
//     +4 pend_exc   None: not running; MP_OBJ_NULL: running; else an exception
//                   to throw in at the next resume (pend_throw)
//     +8 code_state (bc.ts layout: header, state[n_state], exception stack)

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_TYPE_SIZE,
  MP_TYPE_FLAG_BINDS_SELF,
  MP_TYPE_FLAG_ITER_IS_ITERNEXT,
  mp_const_none,
  mp_type_setup,
  mp_type_set_call,
  mp_type_set_attr,
  mp_type_set_print,
  mp_type_set_iternext,
  mp_type_set_locals_dict,
  mp_fun_1_at,
  mp_fun_2_at,
  mp_fun_var_at,
  mp_obj_is_obj,
} from "./obj";
import { gc_alloc } from "./gc";
import { mp_root_mark, mp_root_push, mp_root_release } from "./rootstack";
import { mp_print_str, mp_print_hex, mp_print_strn } from "./mpprint";
import { qstr_str, qstr_len } from "./qstr";
import { mp_static_dict, mp_static_dict_add } from "./objdict";
import { mp_const_empty_tuple } from "./objtuple";
import {
  mp_raise_obj,
  mp_raise_msg,
  mp_raise_TypeError,
  mp_raise_ValueError,
  mp_take_exception,
  mp_type_GeneratorExit,
  mp_type_StopIteration,
  mp_type_RuntimeError,
} from "./objexcept";
import {
  mp_raise_memory_error,
  mp_raise_recursion_depth,
  mp_raise_StopIteration,
  mp_make_stop_iteration,
  mp_globals_get,
  mp_globals_set,
  mp_type_is_subclass,
} from "./runtime";
import { mp_obj_fun_bc_attr, mp_obj_fun_bc_get_name, FUN_BC_bytecode, FUN_BC_context } from "./objfun";
import { CTX_globals } from "./emitglue";
import { CS_fun_bc, CS_ip, CS_sp, CS_n_state, CS_old_globals, CS_state, CS_free_ptr, bc_n_state } from "./bc";
import {
  mp_setup_code_state,
  mp_code_state_size,
  mp_execute_bytecode,
  mp_vm_depth,
  MP_VM_RETURN_NORMAL,
  MP_VM_RETURN_YIELD,
  MP_VM_RETURN_EXCEPTION,
} from "./vm";
import { MICROPY_NLR_DEPTH_MAX } from "./mpconfig";
import { MP_QSTR_generator, MP_QSTR_close, MP_QSTR_send, MP_QSTR_throw, MP_QSTR_pend_throw } from "./genhdr";

export const mp_type_gen_wrap: usize = memory.data(<i32>MP_TYPE_SIZE, 16);
export const mp_type_gen_instance: usize = memory.data(<i32>MP_TYPE_SIZE, 16);

/** The GeneratorExit instance thrown by close() (static: it gets no traceback). */
export const mp_const_GeneratorExit_obj: usize = memory.data(16, 16);

@inline const GEN_pend_exc: usize = 4;
@inline const GEN_code_state: usize = 8;

const gen_send_obj: usize = memory.data(16, 16);
const gen_throw_obj: usize = memory.data(16, 16);
const gen_close_obj: usize = memory.data(16, 16);
const gen_pend_throw_obj: usize = memory.data(16, 16);

/** Set-up of this file's static objects. */
export function objgenerator_static_init(): void {
  mp_type_setup(mp_type_gen_wrap, MP_QSTR_generator, MP_TYPE_FLAG_BINDS_SELF, 0);
  mp_type_set_call(mp_type_gen_wrap, gen_wrap_call);
  mp_type_set_attr(mp_type_gen_wrap, mp_obj_fun_bc_attr);

  mp_type_setup(mp_type_gen_instance, MP_QSTR_generator, MP_TYPE_FLAG_ITER_IS_ITERNEXT, 0);
  mp_type_set_print(mp_type_gen_instance, gen_instance_print);
  mp_type_set_iternext(mp_type_gen_instance, gen_instance_iternext);
  mp_fun_2_at(gen_send_obj, gen_instance_send);
  mp_fun_var_at(gen_throw_obj, 2, 4, gen_instance_throw);
  mp_fun_1_at(gen_close_obj, gen_instance_close);
  mp_fun_2_at(gen_pend_throw_obj, gen_instance_pend_throw);
  const d = mp_static_dict(4);
  mp_static_dict_add(d, MP_QSTR_close, gen_close_obj);
  mp_static_dict_add(d, MP_QSTR_send, gen_send_obj);
  mp_static_dict_add(d, MP_QSTR_throw, gen_throw_obj);
  mp_static_dict_add(d, MP_QSTR_pend_throw, gen_pend_throw_obj);
  mp_type_set_locals_dict(mp_type_gen_instance, d);

  store<usize>(mp_const_GeneratorExit_obj, mp_type_GeneratorExit);
  store<usize>(mp_const_GeneratorExit_obj + 12, mp_const_empty_tuple);
}

/** Calling a generator function: a new generator with its arguments set up (gen_wrap_call). */
function gen_wrap_call(self_fun: mp_obj_t, n_args: usize, n_kw: usize, args: usize): mp_obj_t {
  const size = mp_code_state_size(load<usize>(self_fun + FUN_BC_bytecode));
  const n_state = bc_n_state;
  const o = gc_alloc(GEN_code_state + size, 0);
  if (o == 0) return mp_raise_memory_error(GEN_code_state + size);
  memory.fill(o, 0, GEN_code_state + size);
  store<usize>(o, mp_type_gen_instance);
  store<usize>(o + GEN_pend_exc, mp_const_none);
  const cs = o + GEN_code_state;
  store<usize>(cs + CS_fun_bc, self_fun);
  store<u16>(cs + CS_n_state, <u16>n_state);
  const mark = mp_root_mark();
  mp_root_push(o);
  const ok = mp_setup_code_state(cs, n_args, n_kw, args);
  mp_root_release(mark);
  if (!ok) return MP_OBJ_NULL;
  return o;
}

function gen_instance_print(print: usize, self: mp_obj_t, kind: u32): bool {
  const q = mp_obj_fun_bc_get_name(load<usize>(self + GEN_code_state + CS_fun_bc));
  mp_print_str(print, "<generator object '");
  mp_print_strn(print, qstr_str(q), qstr_len(q));
  mp_print_str(print, "' at 0x");
  mp_print_hex(print, <u32>self);
  mp_print_str(print, ">");
  return true;
}

/** The value of the last mp_obj_gen_resume/mp_resume (returned, yielded, or the exception). */
export let mp_gen_resume_ret: mp_obj_t = 0;

/**
 * Resumes generator `self` with `send_value` (None for next()) or with
 * `throw_value` (an exception to raise at the yield, else MP_OBJ_NULL), as
 * mp_obj_gen_resume. Returns MP_VM_RETURN_NORMAL (returned; value in
 * mp_gen_resume_ret), _YIELD (yielded value) or _EXCEPTION (the exception
 * object in mp_gen_resume_ret, not raised; a StopIteration from inside
 * becomes RuntimeError per PEP 479). The caller must use mp_gen_resume_ret
 * before anything allocates.
 */
export function mp_obj_gen_resume(self: mp_obj_t, send_value: mp_obj_t, throw_value: mp_obj_t): u32 {
  const cs = self + GEN_code_state;
  if (load<usize>(cs + CS_ip) == 0) {
    // already finished: StopIteration(None)
    mp_gen_resume_ret = mp_const_none;
    return MP_VM_RETURN_NORMAL;
  }
  const pend = load<usize>(self + GEN_pend_exc);
  if (pend == MP_OBJ_NULL) {
    mp_raise_ValueError("generator already executing");
    mp_gen_resume_ret = mp_take_exception();
    return MP_VM_RETURN_EXCEPTION;
  }
  if (pend != mp_const_none) {
    // an exception set by pend_throw()
    throw_value = pend;
  }
  const state_start = cs + CS_state - 4;
  if (load<usize>(cs + CS_sp) == state_start) {
    if (send_value != mp_const_none && send_value != MP_OBJ_NULL) {
      mp_raise_TypeError("can't send non-None value to a just-started generator");
      mp_gen_resume_ret = mp_take_exception();
      return MP_VM_RETURN_EXCEPTION;
    }
  } else {
    store<usize>(load<usize>(cs + CS_sp), send_value);
  }
  if (mp_vm_depth >= MICROPY_NLR_DEPTH_MAX) {
    mp_raise_recursion_depth();
    mp_gen_resume_ret = mp_take_exception();
    return MP_VM_RETURN_EXCEPTION;
  }
  const mark = mp_root_mark();
  mp_root_push(self);
  mp_root_push(throw_value);
  store<usize>(self + GEN_pend_exc, MP_OBJ_NULL);
  store<usize>(cs + CS_old_globals, mp_globals_get());
  const fun = load<usize>(cs + CS_fun_bc);
  mp_globals_set(load<usize>(load<usize>(fun + FUN_BC_context) + CTX_globals));
  let kind = mp_execute_bytecode(cs, throw_value);
  mp_globals_set(load<usize>(cs + CS_old_globals));
  store<usize>(self + GEN_pend_exc, mp_const_none);
  mp_root_release(mark);
  if (kind == MP_VM_RETURN_NORMAL) {
    // finished: never run the code after the last yield again
    store<usize>(cs + CS_ip, 0);
    mp_gen_resume_ret = load<usize>(load<usize>(cs + CS_sp));
  } else if (kind == MP_VM_RETURN_YIELD) {
    const sp = load<usize>(cs + CS_sp);
    mp_gen_resume_ret = load<usize>(sp);
    store<usize>(sp, mp_const_none);
  } else {
    store<usize>(cs + CS_ip, 0);
    let exc = load<usize>(cs + CS_state);
    if (mp_obj_is_obj(exc) && mp_type_is_subclass(load<usize>(exc), mp_type_StopIteration)) {
      mp_raise_msg(mp_type_RuntimeError, "generator raised StopIteration");
      exc = mp_take_exception();
    }
    mp_gen_resume_ret = exc;
    kind = MP_VM_RETURN_EXCEPTION;
  }
  return kind;
}

/** Resumes and turns the outcome into a return value, a StopIteration, or a raise. */
function gen_resume_and_raise(self: mp_obj_t, send_value: mp_obj_t, throw_value: mp_obj_t, raise_stop: bool): mp_obj_t {
  if (!mp_obj_is_obj(self) || load<usize>(self) != mp_type_gen_instance) {
    return mp_raise_TypeError("argument has wrong type");
  }
  const kind = mp_obj_gen_resume(self, send_value, throw_value);
  let ret = mp_gen_resume_ret;
  if (kind == MP_VM_RETURN_NORMAL) {
    if (ret == mp_const_none) ret = MP_OBJ_NULL;
    if (raise_stop) return mp_raise_StopIteration(ret);
    return mp_make_stop_iteration(ret);
  }
  if (kind == MP_VM_RETURN_YIELD) return ret;
  return mp_raise_obj(ret);
}

function gen_instance_iternext(self: mp_obj_t): mp_obj_t {
  return gen_resume_and_raise(self, mp_const_none, MP_OBJ_NULL, false);
}

function gen_instance_send(self: mp_obj_t, send_value: mp_obj_t): mp_obj_t {
  return gen_resume_and_raise(self, send_value, MP_OBJ_NULL, true);
}

// throw(type[, value[, traceback]]): the value, if given and not None, is what is thrown
function gen_instance_throw(n_args: usize, args: usize): mp_obj_t {
  let exc = load<usize>(args + 4);
  if (n_args > 2 && load<usize>(args + 8) != mp_const_none) exc = load<usize>(args + 8);
  return gen_resume_and_raise(load<usize>(args), mp_const_none, exc, true);
}

function gen_instance_close(self: mp_obj_t): mp_obj_t {
  if (!mp_obj_is_obj(self) || load<usize>(self) != mp_type_gen_instance) {
    return mp_raise_TypeError("argument has wrong type");
  }
  const kind = mp_obj_gen_resume(self, mp_const_none, mp_const_GeneratorExit_obj);
  if (kind == MP_VM_RETURN_YIELD) {
    return mp_raise_msg(mp_type_RuntimeError, "generator ignored GeneratorExit");
  }
  if (kind == MP_VM_RETURN_EXCEPTION) {
    const ret = mp_gen_resume_ret;
    // GeneratorExit means a successful close; anything else propagates
    if (mp_type_is_subclass(load<usize>(ret), mp_type_GeneratorExit)) return mp_const_none;
    return mp_raise_obj(ret);
  }
  return mp_const_none;
}

function gen_instance_pend_throw(self: mp_obj_t, exc: mp_obj_t): mp_obj_t {
  if (!mp_obj_is_obj(self) || load<usize>(self) != mp_type_gen_instance) {
    return mp_raise_TypeError("argument has wrong type");
  }
  const prev = load<usize>(self + GEN_pend_exc);
  if (prev == MP_OBJ_NULL) return mp_raise_ValueError("generator already executing");
  store<usize>(self + GEN_pend_exc, exc);
  return prev;
}
