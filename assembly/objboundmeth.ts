// Bound methods, as MicroPython's objboundmeth.c: a function with its first
// argument (self) fixed.
//
//   mp_obj_bound_meth_t (12 bytes):  +0 type   +4 meth   +8 self

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_OBJ_NOT_SUPPORTED,
  MP_TYPE_SIZE,
  MP_TYPE_FLAG_NONE,
  MP_OBJ_NEW_SMALL_INT,
  mp_obj_new_bool,
  mp_type_setup,
  mp_type_set_call,
  mp_type_set_print,
  mp_type_set_unary_op,
  mp_type_set_binary_op,
  mp_type_set_attr,
  mp_obj_print_helper,
  PRINT_REPR,
} from "./obj";
import { gc_alloc } from "./gc";
import { mp_pystack_alloc, mp_pystack_free } from "./pystack";
import { mp_root_mark, mp_root_push, mp_root_release } from "./rootstack";
import { mp_print_str, mp_print_hex } from "./mpprint";
import { qstr } from "./qstr";
import { mp_raise_memory_error, mp_call_function_n_kw, mp_load_method_maybe, mp_raise_recursion_depth } from "./runtime";
import { MP_UNARY_OP_HASH, MP_BINARY_OP_EQUAL } from "./runtime0";
import { MP_QSTR_bound_method } from "./genhdr";

export const mp_type_bound_meth: usize = memory.data(<i32>MP_TYPE_SIZE, 16);

/** A new bound method `self.meth`; MP_OBJ_NULL on MemoryError (mp_obj_new_bound_meth). */
export function mp_obj_new_bound_meth(meth: mp_obj_t, self: mp_obj_t): mp_obj_t {
  const mark = mp_root_mark();
  mp_root_push(meth);
  mp_root_push(self);
  const o = gc_alloc(12, 0);
  mp_root_release(mark);
  if (o == 0) return mp_raise_memory_error(12);
  store<usize>(o, mp_type_bound_meth);
  store<usize>(o + 4, meth);
  store<usize>(o + 8, self);
  return o;
}

/**
 * Calls `meth` with `self` inserted before `args` (n_args positional then
 * n_kw key/value pairs); the temporary array lives on the pystack
 * (mp_call_method_self_n_kw).
 */
export function mp_call_method_self_n_kw(
  meth: mp_obj_t,
  self: mp_obj_t,
  n_args: usize,
  n_kw: usize,
  args: usize,
): mp_obj_t {
  const n_total = n_args + 2 * n_kw;
  const args2 = mp_pystack_alloc((1 + n_total) << 2);
  if (args2 == 0) return mp_raise_recursion_depth();
  store<usize>(args2, self);
  memory.copy(args2 + 4, args, n_total << 2);
  const res = mp_call_function_n_kw(meth, n_args + 1, n_kw, args2);
  mp_pystack_free(args2);
  return res;
}

function bound_meth_call(self_in: mp_obj_t, n_args: usize, n_kw: usize, args: usize): mp_obj_t {
  return mp_call_method_self_n_kw(load<usize>(self_in + 4), load<usize>(self_in + 8), n_args, n_kw, args);
}

function bound_meth_print(print: usize, o: mp_obj_t, kind: u32): bool {
  mp_print_str(print, "<bound_method ");
  mp_print_hex(print, <u32>o);
  mp_print_str(print, " ");
  if (!mp_obj_print_helper(print, load<usize>(o + 8), PRINT_REPR)) return false;
  mp_print_str(print, ".");
  if (!mp_obj_print_helper(print, load<usize>(o + 4), PRINT_REPR)) return false;
  mp_print_str(print, ">");
  return true;
}

function bound_meth_unary_op(op: u32, o: mp_obj_t): mp_obj_t {
  if (op == MP_UNARY_OP_HASH) {
    return MP_OBJ_NEW_SMALL_INT(<i32>((load<usize>(o + 8) ^ load<usize>(o + 4)) >> 1) & 0x3fffffff);
  }
  return MP_OBJ_NOT_SUPPORTED;
}

function bound_meth_binary_op(op: u32, lhs: mp_obj_t, rhs: mp_obj_t): mp_obj_t {
  // EQ_CHECKS_OTHER_TYPE is clear, so for == both are bound methods
  if (op != MP_BINARY_OP_EQUAL) return MP_OBJ_NOT_SUPPORTED;
  if (load<usize>(rhs) != mp_type_bound_meth) return MP_OBJ_NOT_SUPPORTED;
  return mp_obj_new_bool(
    load<usize>(lhs + 8) == load<usize>(rhs + 8) && load<usize>(lhs + 4) == load<usize>(rhs + 4),
  );
}

function bound_meth_attr(self_in: mp_obj_t, attr: qstr, dest: usize): bool {
  if (load<usize>(dest) != MP_OBJ_NULL) return true; // store/delete: not supported
  // delegate the load to the method object
  return mp_load_method_maybe(load<usize>(self_in + 4), attr, dest);
}

/** Set-up of this file's static objects (types, methods); run once by mp_init. */
export function objboundmeth_static_init(): void {
  mp_type_setup(mp_type_bound_meth, MP_QSTR_bound_method, MP_TYPE_FLAG_NONE, 0);
  mp_type_set_call(mp_type_bound_meth, bound_meth_call);
  mp_type_set_print(mp_type_bound_meth, bound_meth_print);
  mp_type_set_unary_op(mp_type_bound_meth, bound_meth_unary_op);
  mp_type_set_binary_op(mp_type_bound_meth, bound_meth_binary_op);
  mp_type_set_attr(mp_type_bound_meth, bound_meth_attr);
}
