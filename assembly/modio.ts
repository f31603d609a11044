// The io module, as MicroPython's modio.c with the unix port's options:
// open, StringIO, BytesIO.

import { mp_obj_t, MP_OBJ_NEW_QSTR } from "./obj";
import { mp_static_dict_at, mp_static_dict_add } from "./objdict";
import { mp_module_static_at } from "./objmodule";
import { mp_type_stringio, mp_type_bytesio } from "./objstringio";
import { mp_builtin_open_obj } from "./extmod/vfs_posix_file";
import * as Q from "./genhdr";

/** The io module. Extensible: an io.py on sys.path comes first; `uio` finds it. */
export const mp_module_io: mp_obj_t = memory.data(8, 8);
export const mp_module_io_extensible = true;

// TODO(#2): io.IOBase (Python classes as streams) once bytearray exists.

const io_globals: usize = memory.data(16, 16);

/** Set-up of this file's static objects (the module); run once by mp_init. */
export function modio_static_init(): void {
  const d = io_globals;
  mp_static_dict_at(d, 4);
  mp_static_dict_add(d, Q.MP_QSTR___name__, MP_OBJ_NEW_QSTR(Q.MP_QSTR_io));
  mp_static_dict_add(d, Q.MP_QSTR_open, mp_builtin_open_obj);
  mp_static_dict_add(d, Q.MP_QSTR_StringIO, mp_type_stringio);
  mp_static_dict_add(d, Q.MP_QSTR_BytesIO, mp_type_bytesio);
  mp_module_static_at(mp_module_io, d);
}
