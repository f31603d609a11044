// The errno module, as MicroPython's moderrno.c with its default list of
// names (MICROPY_PY_ERRNO_LIST) and MICROPY_PY_ERRNO_ERRORCODE: one int
// constant per name and `errorcode`, a fixed dict from value to name. The
// values are Linux's, as MicroPython's unix port and its mperrno.h.
//
// mp_errno_to_str looks a value up in `errorcode`; objexcept.ts uses it to
// print OSError(2) as "[Errno 2] ENOENT".

import {
  mp_obj_t,
  MP_OBJ_NEW_QSTR,
  MP_OBJ_NEW_SMALL_INT,
  MP_OBJ_QSTR_VALUE,
  mp_obj_is_small_int,
} from "./obj";
import { qstr } from "./qstr";
import { mp_map_static_add, mp_map_lookup, MP_MAP_LOOKUP, MP_MAP_ERROR } from "./map";
import { mp_static_dict_at, mp_static_dict_add } from "./objdict";
import { mp_module_static_at } from "./objmodule";
import * as Q from "./genhdr";

/** The errno module (`import errno` / `import uerrno`). */
export const mp_module_errno: mp_obj_t = memory.data(8, 8);
export const mp_module_errno_extensible = true;

@inline const N_ERRNO: usize = 22;

// (value, name) pairs in MicroPython's order.
const errno_list: usize = memory.data(<i32>(N_ERRNO * 8), 4);

const errorcode_dict: usize = memory.data(16, 16);
const errno_globals: usize = memory.data(16, 16);

function errno_set(i: usize, value: u32, name: qstr): void {
  store<u32>(errno_list + i * 8, value);
  store<u32>(errno_list + i * 8 + 4, <u32>name);
}

/**
 * The name (a qstr) of errno value `errno_val`, or 0 when it is not a small
 * int of the list (mp_errno_to_str). Never raises.
 */
export function mp_errno_to_str(errno_val: mp_obj_t): qstr {
  if (!mp_obj_is_small_int(errno_val)) return 0;
  const e = mp_map_lookup(errorcode_dict + 4, errno_val, MP_MAP_LOOKUP);
  if (e == 0 || e == MP_MAP_ERROR) return 0;
  return MP_OBJ_QSTR_VALUE(load<usize>(e + 4));
}

/** Set-up of the errno module and its errorcode dict; run once by mp_init. */
export function moderrno_static_init(): void {
  errno_set(0, 1, Q.MP_QSTR_EPERM);
  errno_set(1, 2, Q.MP_QSTR_ENOENT);
  errno_set(2, 5, Q.MP_QSTR_EIO);
  errno_set(3, 9, Q.MP_QSTR_EBADF);
  errno_set(4, 11, Q.MP_QSTR_EAGAIN);
  errno_set(5, 12, Q.MP_QSTR_ENOMEM);
  errno_set(6, 13, Q.MP_QSTR_EACCES);
  errno_set(7, 17, Q.MP_QSTR_EEXIST);
  errno_set(8, 19, Q.MP_QSTR_ENODEV);
  errno_set(9, 21, Q.MP_QSTR_EISDIR);
  errno_set(10, 22, Q.MP_QSTR_EINVAL);
  errno_set(11, 95, Q.MP_QSTR_EOPNOTSUPP);
  errno_set(12, 98, Q.MP_QSTR_EADDRINUSE);
  errno_set(13, 103, Q.MP_QSTR_ECONNABORTED);
  errno_set(14, 104, Q.MP_QSTR_ECONNRESET);
  errno_set(15, 105, Q.MP_QSTR_ENOBUFS);
  errno_set(16, 107, Q.MP_QSTR_ENOTCONN);
  errno_set(17, 110, Q.MP_QSTR_ETIMEDOUT);
  errno_set(18, 111, Q.MP_QSTR_ECONNREFUSED);
  errno_set(19, 113, Q.MP_QSTR_EHOSTUNREACH);
  errno_set(20, 114, Q.MP_QSTR_EALREADY);
  errno_set(21, 115, Q.MP_QSTR_EINPROGRESS);

  mp_static_dict_at(errorcode_dict, N_ERRNO);
  const d = errno_globals;
  mp_static_dict_at(d, N_ERRNO + 2);
  mp_static_dict_add(d, Q.MP_QSTR___name__, MP_OBJ_NEW_QSTR(Q.MP_QSTR_errno));
  mp_static_dict_add(d, Q.MP_QSTR_errorcode, errorcode_dict);
  for (let i: usize = 0; i < N_ERRNO; i++) {
    const value = MP_OBJ_NEW_SMALL_INT(<i32>load<u32>(errno_list + i * 8));
    const name = <qstr>load<u32>(errno_list + i * 8 + 4);
    mp_map_static_add(errorcode_dict + 4, value, MP_OBJ_NEW_QSTR(name));
    mp_static_dict_add(d, name, value);
  }
  mp_module_static_at(mp_module_errno, d);
}
