// The os module, as MicroPython's extmod/modos.c with the unix port's
// extras (ports/unix/modos.c): the filesystem functions of the VFS layer
// (extmod/vfs.ts: chdir, getcwd, listdir, ilistdir, mkdir, remove, unlink,
// rename, rmdir, stat, statvfs, and the deprecated mount, umount, VfsPosix),
// sep, sync, uname, urandom, and getenv/putenv/unsetenv over the host
// process's environment. os.system is not provided: the core does not run
// host commands.

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_OBJ_NEW_QSTR,
  MP_INT_ERROR,
  mp_const_none,
  mp_obj_get_int,
  mp_fun_0_at,
  mp_fun_1_at,
  mp_fun_2_at,
  mp_fun_var_at,
} from "../obj";
import { mp_root_mark, mp_root_push, mp_root_release, mp_root_alloc } from "../rootstack";
import { mp_static_dict_at, mp_static_dict_add } from "../objdict";
import { mp_module_static_at } from "../objmodule";
import {
  mp_type_bytes,
  mp_type_str,
  mp_obj_str_check,
  mp_obj_str_get_data_ptr,
  mp_obj_str_get_len,
  mp_obj_new_str,
  mp_obj_new_str_from_as,
  mp_obj_new_str_of_type_uninit,
} from "../objstr";
import { mp_obj_new_attrtuple } from "../objattrtuple";
import { mp_type_ValueError, mp_raise_type } from "../objexcept";
import { mp_raise_OSError, mp_raise_recursion_depth } from "../runtime";
import { mp_hal_get_random, mp_hal_getenv, mp_hal_setenv, mp_hal_unsetenv } from "../mphal";
import {
  mp_vfs_mount_obj,
  mp_vfs_umount_obj,
  mp_vfs_chdir_obj,
  mp_vfs_getcwd_obj,
  mp_vfs_ilistdir_obj,
  mp_vfs_listdir_obj,
  mp_vfs_mkdir_obj,
  mp_vfs_remove_obj,
  mp_vfs_rename_obj,
  mp_vfs_rmdir_obj,
  mp_vfs_stat_obj,
  mp_vfs_statvfs_obj,
} from "./vfs";
import { mp_type_vfs_posix } from "./vfs_posix";
import * as Q from "../genhdr";

/** The os module. Extensible: an os.py on sys.path comes first; `uos` finds it. */
export const mp_module_os: mp_obj_t = memory.data(8, 8);
export const mp_module_os_extensible = true;

// os.uname()'s field names (u16 qstrs, filled at set-up)
const uname_fields: usize = memory.data(10, 4);

// uname(): (sysname, nodename, release, version, machine), as a board's
// MicroPython: the platform, the release, and this runtime's machine name.
function os_uname(): mp_obj_t {
  const mark = mp_root_mark();
  const items = mp_root_alloc(5);
  if (items == 0) return mp_raise_recursion_depth();
  store<usize>(items, MP_OBJ_NEW_QSTR(Q.MP_QSTR_linux));
  store<usize>(items + 4, MP_OBJ_NEW_QSTR(Q.MP_QSTR_linux));
  let ok = true;
  let s = mp_obj_new_str_from_as("1.29.0-preview");
  if (s == MP_OBJ_NULL) ok = false;
  else store<usize>(items + 8, s);
  if (ok) {
    s = mp_obj_new_str_from_as("v1.29.0-preview (mpy-wasm)");
    if (s == MP_OBJ_NULL) ok = false;
    else store<usize>(items + 12, s);
  }
  if (ok) {
    s = mp_obj_new_str_from_as("mpy-wasm with wasm32");
    if (s == MP_OBJ_NULL) ok = false;
    else store<usize>(items + 16, s);
  }
  const r = ok ? mp_obj_new_attrtuple(uname_fields, 5, items) : MP_OBJ_NULL;
  mp_root_release(mark);
  return r;
}

// urandom(n): n random bytes from the host (mp_hal_get_random); ValueError if n < 0.
function os_urandom(n_in: mp_obj_t): mp_obj_t {
  const n = mp_obj_get_int(n_in);
  if (n == MP_INT_ERROR) return MP_OBJ_NULL;
  if (n < 0) return mp_raise_type(mp_type_ValueError);
  const o = mp_obj_new_str_of_type_uninit(mp_type_bytes, <usize>n);
  if (o == MP_OBJ_NULL) return MP_OBJ_NULL;
  mp_hal_get_random(load<usize>(o + 12), <usize>n);
  return o;
}

// sync(): nothing to flush (the host writes files through), as the unix port.
function os_sync(): mp_obj_t {
  return mp_const_none;
}

// Values of up to this many bytes are read through a static buffer.
@inline const ENV_BUF_SIZE: usize = 1024;
const env_buf: usize = memory.data(<i32>ENV_BUF_SIZE, 4);

// getenv(key, default=None): the value of an environment variable.
function os_getenv(n_args: usize, args: usize): mp_obj_t {
  const key = load<usize>(args);
  if (!mp_obj_str_check(key)) return MP_OBJ_NULL;
  const kp = mp_obj_str_get_data_ptr(key);
  const kl = mp_obj_str_get_len(key);
  const n = mp_hal_getenv(kp, kl, env_buf, ENV_BUF_SIZE);
  if (n < 0) return n_args == 2 ? load<usize>(args + 4) : mp_const_none;
  if (<usize>n <= ENV_BUF_SIZE) return mp_obj_new_str(env_buf, <usize>n);
  // a long value: read it again straight into a new str
  const mark = mp_root_mark();
  mp_root_push(key);
  const o = mp_obj_new_str_of_type_uninit(mp_type_str, <usize>n);
  mp_root_release(mark);
  if (o == MP_OBJ_NULL) return MP_OBJ_NULL;
  const m = mp_hal_getenv(mp_obj_str_get_data_ptr(key), kl, load<usize>(o + 12), <usize>n);
  if (m >= 0 && <usize>m < <usize>n) store<usize>(o + 8, <usize>m);
  return o;
}

// putenv(key, value): sets an environment variable of the host process.
function os_putenv(key: mp_obj_t, value: mp_obj_t): mp_obj_t {
  if (!mp_obj_str_check(key) || !mp_obj_str_check(value)) return MP_OBJ_NULL;
  const r = mp_hal_setenv(
    mp_obj_str_get_data_ptr(key),
    mp_obj_str_get_len(key),
    mp_obj_str_get_data_ptr(value),
    mp_obj_str_get_len(value),
  );
  if (r < 0) return mp_raise_OSError(-r);
  return mp_const_none;
}

// unsetenv(key): removes an environment variable of the host process.
function os_unsetenv(key: mp_obj_t): mp_obj_t {
  if (!mp_obj_str_check(key)) return MP_OBJ_NULL;
  const r = mp_hal_unsetenv(mp_obj_str_get_data_ptr(key), mp_obj_str_get_len(key));
  if (r < 0) return mp_raise_OSError(-r);
  return mp_const_none;
}

const os_uname_obj: usize = memory.data(16, 16);
const os_urandom_obj: usize = memory.data(16, 16);
const os_sync_obj: usize = memory.data(16, 16);
const os_getenv_obj: usize = memory.data(16, 16);
const os_putenv_obj: usize = memory.data(16, 16);
const os_unsetenv_obj: usize = memory.data(16, 16);
const os_globals: usize = memory.data(16, 16);

/** Set-up of the os module (run once by mp_init). */
export function modos_static_init(): void {
  store<u16>(uname_fields, <u16>Q.MP_QSTR_sysname);
  store<u16>(uname_fields + 2, <u16>Q.MP_QSTR_nodename);
  store<u16>(uname_fields + 4, <u16>Q.MP_QSTR_release);
  store<u16>(uname_fields + 6, <u16>Q.MP_QSTR_version);
  store<u16>(uname_fields + 8, <u16>Q.MP_QSTR_machine);
  mp_fun_0_at(os_uname_obj, os_uname);
  mp_fun_1_at(os_urandom_obj, os_urandom);
  mp_fun_0_at(os_sync_obj, os_sync);
  mp_fun_var_at(os_getenv_obj, 1, 2, os_getenv);
  mp_fun_2_at(os_putenv_obj, os_putenv);
  mp_fun_1_at(os_unsetenv_obj, os_unsetenv);

  const d = os_globals;
  mp_static_dict_at(d, 24);
  mp_static_dict_add(d, Q.MP_QSTR___name__, MP_OBJ_NEW_QSTR(Q.MP_QSTR_os));
  mp_static_dict_add(d, Q.MP_QSTR_getenv, os_getenv_obj);
  mp_static_dict_add(d, Q.MP_QSTR_putenv, os_putenv_obj);
  mp_static_dict_add(d, Q.MP_QSTR_unsetenv, os_unsetenv_obj);
  mp_static_dict_add(d, Q.MP_QSTR_sync, os_sync_obj);
  mp_static_dict_add(d, Q.MP_QSTR_uname, os_uname_obj);
  mp_static_dict_add(d, Q.MP_QSTR_urandom, os_urandom_obj);
  mp_static_dict_add(d, Q.MP_QSTR_sep, MP_OBJ_NEW_QSTR(Q.MP_QSTR__slash_));
  mp_static_dict_add(d, Q.MP_QSTR_chdir, mp_vfs_chdir_obj);
  mp_static_dict_add(d, Q.MP_QSTR_getcwd, mp_vfs_getcwd_obj);
  mp_static_dict_add(d, Q.MP_QSTR_listdir, mp_vfs_listdir_obj);
  mp_static_dict_add(d, Q.MP_QSTR_mkdir, mp_vfs_mkdir_obj);
  mp_static_dict_add(d, Q.MP_QSTR_remove, mp_vfs_remove_obj);
  mp_static_dict_add(d, Q.MP_QSTR_rename, mp_vfs_rename_obj);
  mp_static_dict_add(d, Q.MP_QSTR_rmdir, mp_vfs_rmdir_obj);
  mp_static_dict_add(d, Q.MP_QSTR_unlink, mp_vfs_remove_obj);
  mp_static_dict_add(d, Q.MP_QSTR_stat, mp_vfs_stat_obj);
  mp_static_dict_add(d, Q.MP_QSTR_statvfs, mp_vfs_statvfs_obj);
  mp_static_dict_add(d, Q.MP_QSTR_ilistdir, mp_vfs_ilistdir_obj);
  mp_static_dict_add(d, Q.MP_QSTR_mount, mp_vfs_mount_obj);
  mp_static_dict_add(d, Q.MP_QSTR_umount, mp_vfs_umount_obj);
  mp_static_dict_add(d, Q.MP_QSTR_VfsPosix, mp_type_vfs_posix);
  mp_module_static_at(mp_module_os, d);
}
