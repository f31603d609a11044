// type objects and user classes, as MicroPython's objtype.c.

import {
  mp_obj_t,
  mp_type_type,
  mp_type_setup,
  MP_TYPE_FLAG_NONE,
  mp_obj_is_small_int,
  mp_obj_is_qstr,
  mp_const_none,
  mp_const_true,
  mp_const_false,
} from "./obj";
import { mp_type_str } from "./objstr";
import { MP_QSTR_type, MP_QSTR_NoneType, MP_QSTR_bool, MP_QSTR_int } from "./genhdr";


export const mp_type_NoneType: usize = memory.data(64, 16);
export const mp_type_bool: usize = memory.data(64, 16);
export const mp_type_int: usize = memory.data(64, 16);

/** The type of any object, as mp_obj_get_type (tagged values included). */
export function mp_obj_get_type(o: mp_obj_t): usize {
  if (mp_obj_is_small_int(o)) return mp_type_int;
  if (mp_obj_is_qstr(o)) return mp_type_str;
  if (o == mp_const_none) return mp_type_NoneType;
  if (o == mp_const_true || o == mp_const_false) return mp_type_bool;
  return load<usize>(o);
}

/** Set-up of this file's static objects (types, methods); run once by mp_init. */
export function objtype_static_init(): void {
  mp_type_setup(mp_type_type, MP_QSTR_type, MP_TYPE_FLAG_NONE, 0);
  mp_type_setup(mp_type_NoneType, MP_QSTR_NoneType, MP_TYPE_FLAG_NONE, 0);
  mp_type_setup(mp_type_int, MP_QSTR_int, MP_TYPE_FLAG_NONE, 0);
  mp_type_setup(mp_type_bool, MP_QSTR_bool, MP_TYPE_FLAG_NONE, mp_type_int);
}
