// __getitem__, __setitem__, __delitem__ and __contains__ as methods of
// built-in types (dict, set), as MicroPython's opmethods.c: each forwards to
// the type's subscr / binary_op slot through the runtime.

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_OBJ_SENTINEL,
  mp_const_none,
  mp_fun_2_at,
  mp_fun_3_at,
} from "./obj";

/** self.__getitem__(key) (mp_op_getitem_obj). */
export const mp_op_getitem_obj: usize = memory.data(16, 16);
/** self.__setitem__(key, value) (mp_op_setitem_obj). */
export const mp_op_setitem_obj: usize = memory.data(16, 16);
/** self.__delitem__(key) (mp_op_delitem_obj). */
export const mp_op_delitem_obj: usize = memory.data(16, 16);
/** self.__contains__(key) (mp_op_contains_obj). */
export const mp_op_contains_obj: usize = memory.data(16, 16);

import { mp_obj_subscr, mp_binary_op } from "./runtime";
import { MP_BINARY_OP_CONTAINS } from "./runtime0";

function op_getitem(self: mp_obj_t, key: mp_obj_t): mp_obj_t {
  return mp_obj_subscr(self, key, MP_OBJ_SENTINEL);
}

function op_setitem(self: mp_obj_t, key: mp_obj_t, value: mp_obj_t): mp_obj_t {
  return mp_obj_subscr(self, key, value) == MP_OBJ_NULL ? MP_OBJ_NULL : mp_const_none;
}

function op_delitem(self: mp_obj_t, key: mp_obj_t): mp_obj_t {
  return mp_obj_subscr(self, key, MP_OBJ_NULL) == MP_OBJ_NULL ? MP_OBJ_NULL : mp_const_none;
}

function op_contains(self: mp_obj_t, key: mp_obj_t): mp_obj_t {
  return mp_binary_op(MP_BINARY_OP_CONTAINS, self, key);
}

/** Set-up of this file's static objects (types, methods); run once by mp_init. */
export function opmethods_static_init(): void {
  mp_fun_2_at(mp_op_getitem_obj, op_getitem);
  mp_fun_3_at(mp_op_setitem_obj, op_setitem);
  mp_fun_2_at(mp_op_delitem_obj, op_delitem);
  mp_fun_2_at(mp_op_contains_obj, op_contains);
}
