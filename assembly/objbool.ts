// bool, as MicroPython's objbool.c. False and True are immediates (14, 30);
// bool is a subclass of int: operators convert to the small int 0/1 and go
// through int's implementation.

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_OBJ_NOT_SUPPORTED,
  MP_TYPE_SIZE,
  mp_const_false,
  mp_const_true,
  mp_obj_new_bool,
  MP_OBJ_NEW_SMALL_INT,
  mp_type_setup,
  mp_type_set_print,
  mp_type_set_make_new,
  mp_type_set_unary_op,
  mp_type_set_binary_op,
  MP_TYPE_FLAG_EQ_CHECKS_OTHER_TYPE,
  PRINT_JSON,
  mp_obj_is_true,
} from "./obj";
import { mp_print_str } from "./mpprint";
import { mp_unary_op, mp_binary_op } from "./runtime";
import {
  MP_UNARY_OP_LEN,
  MP_BINARY_OP_AND,
  MP_BINARY_OP_OR,
  MP_BINARY_OP_XOR,
  MP_BINARY_OP_INPLACE_AND,
  MP_BINARY_OP_INPLACE_OR,
  MP_BINARY_OP_INPLACE_XOR,
} from "./runtime0";
import { mp_arg_check_num } from "./argcheck";
import { mp_type_int } from "./objint";
import { MP_QSTR_bool } from "./genhdr";

export const mp_type_bool: usize = memory.data(<i32>MP_TYPE_SIZE, 16);

@inline function bool_value(o: mp_obj_t): i32 {
  return o == mp_const_false ? 0 : 1;
}

function bool_print(print: usize, self_in: mp_obj_t, kind: u32): bool {
  const v = bool_value(self_in);
  if (kind == PRINT_JSON) mp_print_str(print, v ? "true" : "false");
  else mp_print_str(print, v ? "True" : "False");
  return true;
}

function bool_make_new(type: usize, n_args: usize, n_kw: usize, args: usize): mp_obj_t {
  if (!mp_arg_check_num(n_args, n_kw, 0, 1, false)) return MP_OBJ_NULL;
  if (n_args == 0) return mp_const_false;
  const t = mp_obj_is_true(load<usize>(args));
  if (t < 0) return MP_OBJ_NULL;
  return mp_obj_new_bool(t != 0);
}

function bool_unary_op(op: u32, o: mp_obj_t): mp_obj_t {
  if (op == MP_UNARY_OP_LEN) return MP_OBJ_NOT_SUPPORTED;
  return mp_unary_op(op, MP_OBJ_NEW_SMALL_INT(bool_value(o)));
}

function bool_binary_op(op: u32, lhs: mp_obj_t, rhs: mp_obj_t): mp_obj_t {
  if (rhs == mp_const_false || rhs == mp_const_true) {
    // bool & | ^ bool stays a bool, as CPython (MicroPython gives 0/1)
    const a = bool_value(lhs);
    const b = bool_value(rhs);
    if (op == MP_BINARY_OP_AND || op == MP_BINARY_OP_INPLACE_AND) return mp_obj_new_bool((a & b) != 0);
    if (op == MP_BINARY_OP_OR || op == MP_BINARY_OP_INPLACE_OR) return mp_obj_new_bool((a | b) != 0);
    if (op == MP_BINARY_OP_XOR || op == MP_BINARY_OP_INPLACE_XOR) return mp_obj_new_bool((a ^ b) != 0);
  }
  return mp_binary_op(op, MP_OBJ_NEW_SMALL_INT(bool_value(lhs)), rhs);
}

/** Set-up of this file's static objects (types, methods); run once by mp_init. */
export function objbool_static_init(): void {
  mp_type_setup(mp_type_bool, MP_QSTR_bool, MP_TYPE_FLAG_EQ_CHECKS_OTHER_TYPE, mp_type_int);
  mp_type_set_make_new(mp_type_bool, bool_make_new);
  mp_type_set_print(mp_type_bool, bool_print);
  mp_type_set_unary_op(mp_type_bool, bool_unary_op);
  mp_type_set_binary_op(mp_type_bool, bool_binary_op);
}
