// The `array` module, as MicroPython's modarray.c: it holds the array type.

import { mp_obj_t, MP_OBJ_NEW_QSTR } from "./obj";
import { mp_static_dict_at, mp_static_dict_add } from "./objdict";
import { mp_module_static_at } from "./objmodule";
import { mp_type_array } from "./objarray";
import * as Q from "./genhdr";

export const mp_module_array: mp_obj_t = memory.data(8, 8);
const array_globals: usize = memory.data(16, 16);

/** Set-up of the module object; run once by mp_init. */
export function modarray_static_init(): void {
  mp_static_dict_at(array_globals, 2);
  mp_static_dict_add(array_globals, Q.MP_QSTR___name__, MP_OBJ_NEW_QSTR(Q.MP_QSTR_array));
  mp_static_dict_add(array_globals, Q.MP_QSTR_array, mp_type_array);
  mp_module_static_at(mp_module_array, array_globals);
}
