// The singletons Ellipsis and NotImplemented, as MicroPython's
// objsingleton.c: static objects that print their name. MicroPython gives
// both one nameless type; here each has its own type named as CPython's
// (ellipsis, NotImplementedType), so type(...).__name__ matches CPython.
//
//   mp_obj_singleton_t (8 bytes): +0 type   +4 name qstr

import { mp_obj_t, MP_TYPE_SIZE, MP_TYPE_FLAG_NONE, mp_type_setup, mp_type_set_print } from "./obj";
import { mp_print_strn } from "./mpprint";
import { qstr_str, qstr_len } from "./qstr";
import * as Q from "./genhdr";

/** The type of Ellipsis. */
export const mp_type_singleton: usize = memory.data(<i32>MP_TYPE_SIZE, 16);
/** The type of NotImplemented. */
export const mp_type_notimplemented: usize = memory.data(<i32>MP_TYPE_SIZE, 16);

/** Ellipsis (`...`), mp_const_ellipsis_obj. */
export const mp_const_ellipsis: mp_obj_t = memory.data(8, 8);

/** NotImplemented, mp_const_notimplemented_obj: binary special methods return it to decline. */
export const mp_const_notimplemented: mp_obj_t = memory.data(8, 8);

function singleton_print(print: usize, self_in: mp_obj_t, kind: u32): bool {
  const q = load<usize>(self_in + 4);
  mp_print_strn(print, qstr_str(q), qstr_len(q));
  return true;
}

/** Set-up of this file's static objects (types, methods); run once by mp_init. */
export function objsingleton_static_init(): void {
  mp_type_setup(mp_type_singleton, Q.MP_QSTR_ellipsis, MP_TYPE_FLAG_NONE, 0);
  mp_type_set_print(mp_type_singleton, singleton_print);
  mp_type_setup(mp_type_notimplemented, Q.MP_QSTR_NotImplementedType, MP_TYPE_FLAG_NONE, 0);
  mp_type_set_print(mp_type_notimplemented, singleton_print);
  store<usize>(mp_const_ellipsis, mp_type_singleton);
  store<usize>(mp_const_ellipsis + 4, Q.MP_QSTR_Ellipsis);
  store<usize>(mp_const_notimplemented, mp_type_notimplemented);
  store<usize>(mp_const_notimplemented + 4, Q.MP_QSTR_NotImplemented);
}
