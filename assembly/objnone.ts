// None, as MicroPython's objnone.c. None is an immediate (mp_const_none = 6),
// so the type has only a print slot.

import {
  mp_obj_t,
  mp_type_setup,
  mp_type_set_print,
  MP_TYPE_FLAG_NONE,
  MP_TYPE_SIZE,
  PRINT_JSON,
} from "./obj";
import { mp_print_str } from "./mpprint";
import { MP_QSTR_NoneType } from "./genhdr";

export const mp_type_NoneType: usize = memory.data(<i32>MP_TYPE_SIZE, 16);

function none_print(print: usize, self_in: mp_obj_t, kind: u32): bool {
  mp_print_str(print, kind == PRINT_JSON ? "null" : "None");
  return true;
}

/** Set-up of this file's static objects (types, methods); run once by mp_init. */
export function objnone_static_init(): void {
  mp_type_setup(mp_type_NoneType, MP_QSTR_NoneType, MP_TYPE_FLAG_NONE, 0);
  mp_type_set_print(mp_type_NoneType, none_print);
}
