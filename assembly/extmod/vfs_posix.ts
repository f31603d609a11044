// The host's filesystem as a VFS filesystem, as MicroPython's
// extmod/vfs_posix.c: vfs.VfsPosix(root=None) with the methods the VFS
// layer calls (mount, umount, open, chdir, getcwd, ilistdir, mkdir, remove,
// rename, rmdir, stat, statvfs). Every call goes to the host (mphal.ts
// posix_*, node's fs); errors come back as OSError(errno). The current
// directory is the host process's own. With a root directory, absolute
// paths are taken below it ("/a" is "<root>/a"); relative paths are left to
// the process's current directory, as MicroPython does.
//
//   mp_obj_vfs_posix_t (16 bytes, one GC block):
//     +0  type (mp_type_vfs_posix)
//     +4  root: a str ending in "/" (e.g. "/home/me/dir/"), or 0 for none
//     +8  readonly (u32, 0 or 1)
//
//   the ilistdir iterator (16 bytes, with a finaliser that closes the
//   host's directory handle when the iterator is collected unfinished):
//     +0  type (mp_type_vfs_posix_ilistdir_it)
//     +4  host directory handle (i32; -1 once finished)
//     +8  1 to give names as str, 0 as bytes

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_OBJ_STOP_ITERATION,
  MP_OBJ_NOT_SUPPORTED,
  MP_OBJ_NEW_SMALL_INT,
  MP_TYPE_SIZE,
  MP_TYPE_FLAG_NONE,
  MP_TYPE_FLAG_HAS_FINALISER,
  MP_TYPE_FLAG_ITER_IS_ITERNEXT,
  mp_obj_is_small_int,
  mp_obj_is_true,
  mp_const_none,
  mp_type_setup,
  mp_type_set_make_new,
  mp_type_set_locals_dict,
  mp_type_set_iternext,
  mp_type_set_getiter,
  mp_type_set_unary_op,
  mp_fun_1_at,
  mp_fun_2_at,
  mp_fun_3_at,
} from "../obj";
import { gc_alloc, GC_ALLOC_FLAG_HAS_FINALISER } from "../gc";
import { MP_UNARY_OP_FINALISE } from "../gcfinal";
import { mp_obj_get_type } from "../objtype";
import { mp_root_mark, mp_root_push, mp_root_release } from "../rootstack";
import { mp_static_dict_at, mp_static_dict_add } from "../objdict";
import {
  mp_type_str,
  mp_obj_str_check,
  mp_obj_str_get_data_ptr,
  mp_obj_str_get_len,
  mp_obj_new_str,
  mp_obj_new_bytes,
} from "../objstr";
import { mp_obj_new_tuple } from "../objtuple";
import { mp_obj_new_int_from_float } from "../objint";
import { mp_identity_getiter } from "../objpolyiter";
import { mp_raise_memory_error, mp_raise_OSError } from "../runtime";
import { mp_arg_check_num } from "../argcheck";
import {
  mp_hal_posix_stat,
  mp_hal_posix_statvfs,
  mp_hal_posix_mkdir,
  mp_hal_posix_rmdir,
  mp_hal_posix_unlink,
  mp_hal_posix_rename,
  mp_hal_posix_chdir,
  mp_hal_posix_getcwd,
  mp_hal_posix_opendir,
  mp_hal_posix_readdir,
  mp_hal_posix_closedir,
} from "../mphal";
import { MP_EPERM } from "../stream";
import { MP_IMPORT_STAT_NO_EXIST, MP_IMPORT_STAT_DIR, MP_IMPORT_STAT_FILE } from "../builtinimport";
import { mp_vfs_posix_file_open } from "./vfs_posix_file";
import { mp_reader_read_host_file } from "../reader";
import * as Q from "../genhdr";

export const mp_type_vfs_posix: usize = memory.data(<i32>MP_TYPE_SIZE, 16);
const mp_type_vfs_posix_ilistdir_it: usize = memory.data(<i32>MP_TYPE_SIZE, 16);

/** Longest host path handled (the unix port's PATH_MAX, MICROPY_ALLOC_PATH_MAX). */
@inline const PATH_MAX: usize = 4096;
@inline const EROFS: i32 = 30;
@inline const ENAMETOOLONG: i32 = 36;
@inline const S_IFMT: i32 = 0xf000;
@inline const S_IFDIR: i32 = 0x4000;
@inline const S_IFREG: i32 = 0x8000;

// Host paths are built here (root + path) and used at once by a host call;
// rename needs two. Directory entry names are read into path_buf_a too.
const path_buf_a: usize = memory.data(<i32>PATH_MAX, 4);
const path_buf_b: usize = memory.data(<i32>PATH_MAX, 4);
// 10 f64 results of stat/statvfs, 2 of readdir
const host_out: usize = memory.data(80, 8);
// the pointer of the last host path made by host_path
let host_path_ptr: usize = 0;

@inline function vfs_root(self: mp_obj_t): mp_obj_t {
  return load<usize>(self + 4);
}

@inline function vfs_readonly(self: mp_obj_t): bool {
  return load<u32>(self + 8) != 0;
}

// The host path of `len` bytes at `p` for VfsPosix `self`
// (vfs_posix_get_path_str): an absolute path goes below the root, if there
// is one, built in `buf`. Returns the length (pointer in host_path_ptr), or
// -1 with OSError(ENAMETOOLONG) pending.
function host_path(self: mp_obj_t, p: usize, len: usize, buf: usize): isize {
  const root = vfs_root(self);
  if (root == 0 || len == 0 || load<u8>(p) != 47) {
    host_path_ptr = p;
    return <isize>len;
  }
  const rl = mp_obj_str_get_len(root) - 1;
  if (rl + len > PATH_MAX) {
    mp_raise_OSError(ENAMETOOLONG);
    return -1;
  }
  memory.copy(buf, mp_obj_str_get_data_ptr(root), rl);
  memory.copy(buf + rl, p, len);
  host_path_ptr = buf;
  return <isize>(rl + len);
}

// host_path of a str/bytes object; -1 with TypeError or OSError pending.
function host_path_obj(self: mp_obj_t, path_in: mp_obj_t, buf: usize): isize {
  if (!mp_obj_str_check(path_in)) return -1;
  return host_path(self, mp_obj_str_get_data_ptr(path_in), mp_obj_str_get_len(path_in), buf);
}

// None, or OSError(-r) for a negative host result.
function host_result(r: i32): mp_obj_t {
  if (r < 0) return mp_raise_OSError(-r);
  return mp_const_none;
}

/**
 * A new VfsPosix over the host's filesystem; `root_in` (a str/bytes, or
 * MP_OBJ_NULL for none) is the directory that absolute paths are taken
 * from: a relative root is made absolute with the current directory
 * (OSError if that cannot be read). MP_OBJ_NULL with the exception pending.
 */
export function mp_vfs_posix_new(root_in: mp_obj_t): mp_obj_t {
  const o = gc_alloc(16, 0);
  if (o == 0) return mp_raise_memory_error(16);
  store<usize>(o, mp_type_vfs_posix);
  if (root_in == MP_OBJ_NULL) return o;
  const mark = mp_root_mark();
  mp_root_push(o);
  if (!mp_obj_str_check(root_in)) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  const rp = mp_obj_str_get_data_ptr(root_in);
  const rl = mp_obj_str_get_len(root_in);
  let n: usize = 0;
  if (rl > 0 && load<u8>(rp) != 47) {
    // relative: below the current directory
    const c = mp_hal_posix_getcwd(path_buf_a, PATH_MAX);
    if (c < 0) {
      mp_root_release(mark);
      return mp_raise_OSError(-c);
    }
    n = <usize>c;
    store<u8>(path_buf_a + n, 47);
    n++;
  }
  if (n + rl + 1 > PATH_MAX) {
    mp_root_release(mark);
    return mp_raise_OSError(ENAMETOOLONG);
  }
  memory.copy(path_buf_a + n, rp, rl);
  n += rl;
  store<u8>(path_buf_a + n, 47);
  n++;
  const root = mp_obj_new_str(path_buf_a, n);
  mp_root_release(mark);
  if (root == MP_OBJ_NULL) return MP_OBJ_NULL;
  store<usize>(o + 4, root);
  return o;
}

// VfsPosix(root=None) (vfs_posix_make_new).
function vfs_posix_make_new(type: usize, n_args: usize, n_kw: usize, args: usize): mp_obj_t {
  if (!mp_arg_check_num(n_args, n_kw, 0, 1, false)) return MP_OBJ_NULL;
  return mp_vfs_posix_new(n_args == 1 ? load<usize>(args) : MP_OBJ_NULL);
}

// mount(readonly, mkfs): a true mkfs is OSError(EPERM).
function vfs_posix_mount(self: mp_obj_t, readonly: mp_obj_t, mkfs: mp_obj_t): mp_obj_t {
  const ro = mp_obj_is_true(readonly);
  if (ro < 0) return MP_OBJ_NULL;
  if (ro != 0) store<u32>(self + 8, 1);
  const mk = mp_obj_is_true(mkfs);
  if (mk < 0) return MP_OBJ_NULL;
  if (mk != 0) return mp_raise_OSError(MP_EPERM);
  return mp_const_none;
}

function vfs_posix_umount(self: mp_obj_t): mp_obj_t {
  return mp_const_none;
}

// OSError(EROFS) for a read-only filesystem (vfs_posix_require_writable).
function require_writable(self: mp_obj_t): bool {
  if (vfs_readonly(self)) {
    mp_raise_OSError(EROFS);
    return false;
  }
  return true;
}

// open(path, mode): a file of vfs_posix_file.ts; writing modes raise
// OSError(EROFS) on a read-only filesystem.
function vfs_posix_open(self: mp_obj_t, path_in: mp_obj_t, mode_in: mp_obj_t): mp_obj_t {
  if (!mp_obj_str_check(mode_in)) return MP_OBJ_NULL;
  if (vfs_readonly(self)) {
    const mp = mp_obj_str_get_data_ptr(mode_in);
    const ml = mp_obj_str_get_len(mode_in);
    for (let i: usize = 0; i < ml; i++) {
      const c = load<u8>(mp + i);
      if (c == 119 || c == 97 || c == 43) return mp_raise_OSError(EROFS); // 'w' 'a' '+'
    }
  }
  if (!mp_obj_is_small_int(path_in) && vfs_root(self) != 0) {
    const n = host_path_obj(self, path_in, path_buf_a);
    if (n < 0) return MP_OBJ_NULL;
    if (host_path_ptr == path_buf_a) {
      const host = mp_obj_new_str(path_buf_a, <usize>n);
      if (host == MP_OBJ_NULL) return MP_OBJ_NULL;
      // the new path must live while the file object is allocated
      const mark = mp_root_mark();
      mp_root_push(host);
      const r = mp_vfs_posix_file_open(host, mode_in);
      mp_root_release(mark);
      return r;
    }
  }
  return mp_vfs_posix_file_open(path_in, mode_in);
}

function vfs_posix_chdir(self: mp_obj_t, path_in: mp_obj_t): mp_obj_t {
  const n = host_path_obj(self, path_in, path_buf_a);
  if (n < 0) return MP_OBJ_NULL;
  return host_result(mp_hal_posix_chdir(host_path_ptr, <usize>n));
}

// getcwd(): the process's current directory, below the root if there is one.
function vfs_posix_getcwd(self: mp_obj_t): mp_obj_t {
  const c = mp_hal_posix_getcwd(path_buf_a, PATH_MAX);
  if (c < 0) return mp_raise_OSError(-c);
  let p = path_buf_a;
  let n = <usize>c;
  const root = vfs_root(self);
  if (root != 0) {
    const skip = mp_obj_str_get_len(root) - 1;
    if (skip <= n) {
      p += skip;
      n -= skip;
    } else {
      n = 0;
    }
  }
  return mp_obj_new_str(p, n);
}

// next (name, type, inode) of the host directory (vfs_posix_ilistdir_it_iternext).
function vfs_posix_ilistdir_it_iternext(self: mp_obj_t): mp_obj_t {
  const h = load<i32>(self + 4);
  if (h < 0) return MP_OBJ_STOP_ITERATION;
  const n = mp_hal_posix_readdir(h, path_buf_a, PATH_MAX, host_out);
  if (n <= 0) {
    // the end, or an error, which ends the listing as readdir's NULL does
    mp_hal_posix_closedir(h);
    store<i32>(self + 4, -1);
    return MP_OBJ_STOP_ITERATION;
  }
  const t = mp_obj_new_tuple(3, 0);
  if (t == MP_OBJ_NULL) return MP_OBJ_NULL;
  store<usize>(t + 8, MP_OBJ_NEW_SMALL_INT(0));
  store<usize>(t + 12, MP_OBJ_NEW_SMALL_INT(<i32>load<f64>(host_out)));
  store<usize>(t + 16, MP_OBJ_NEW_SMALL_INT(0));
  const ino_f = load<f64>(host_out + 8);
  const mark = mp_root_mark();
  mp_root_push(t);
  const name = load<u32>(self + 8) != 0 ? mp_obj_new_str(path_buf_a, <usize>n) : mp_obj_new_bytes(path_buf_a, <usize>n);
  if (name == MP_OBJ_NULL) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  store<usize>(t + 8, name);
  const ino = mp_obj_new_int_from_float(ino_f);
  mp_root_release(mark);
  if (ino == MP_OBJ_NULL) return MP_OBJ_NULL;
  store<usize>(t + 16, ino);
  return t;
}

// The finaliser: an unfinished listing closes its host handle.
function vfs_posix_ilistdir_it_unary_op(op: u32, self: mp_obj_t): mp_obj_t {
  if (op == MP_UNARY_OP_FINALISE) {
    const h = load<i32>(self + 4);
    if (h >= 0) mp_hal_posix_closedir(h);
    store<i32>(self + 4, -1);
    return mp_const_none;
  }
  return MP_OBJ_NOT_SUPPORTED;
}

// ilistdir(path): an iterator of (name, type, inode) without "." and "..";
// names are bytes for a bytes path.
function vfs_posix_ilistdir(self: mp_obj_t, path_in: mp_obj_t): mp_obj_t {
  const it = gc_alloc(16, GC_ALLOC_FLAG_HAS_FINALISER);
  if (it == 0) return mp_raise_memory_error(16);
  store<usize>(it, mp_type_vfs_posix_ilistdir_it);
  store<i32>(it + 4, -1);
  store<u32>(it + 8, mp_obj_get_type(path_in) == mp_type_str ? 1 : 0);
  const mark = mp_root_mark();
  mp_root_push(it);
  let n = host_path_obj(self, path_in, path_buf_a);
  mp_root_release(mark);
  if (n < 0) return MP_OBJ_NULL;
  let p = host_path_ptr;
  if (n == 0) {
    // "" is the current directory
    store<u8>(path_buf_a, 46);
    p = path_buf_a;
    n = 1;
  }
  const h = mp_hal_posix_opendir(p, <usize>n);
  if (h < 0) return mp_raise_OSError(-h);
  store<i32>(it + 4, h);
  return it;
}

function vfs_posix_mkdir(self: mp_obj_t, path_in: mp_obj_t): mp_obj_t {
  if (!require_writable(self)) return MP_OBJ_NULL;
  const n = host_path_obj(self, path_in, path_buf_a);
  if (n < 0) return MP_OBJ_NULL;
  return host_result(mp_hal_posix_mkdir(host_path_ptr, <usize>n));
}

function vfs_posix_remove(self: mp_obj_t, path_in: mp_obj_t): mp_obj_t {
  if (!require_writable(self)) return MP_OBJ_NULL;
  const n = host_path_obj(self, path_in, path_buf_a);
  if (n < 0) return MP_OBJ_NULL;
  return host_result(mp_hal_posix_unlink(host_path_ptr, <usize>n));
}

function vfs_posix_rename(self: mp_obj_t, old_in: mp_obj_t, new_in: mp_obj_t): mp_obj_t {
  if (!require_writable(self)) return MP_OBJ_NULL;
  const n1 = host_path_obj(self, old_in, path_buf_a);
  if (n1 < 0) return MP_OBJ_NULL;
  const p1 = host_path_ptr;
  const n2 = host_path_obj(self, new_in, path_buf_b);
  if (n2 < 0) return MP_OBJ_NULL;
  return host_result(mp_hal_posix_rename(p1, <usize>n1, host_path_ptr, <usize>n2));
}

function vfs_posix_rmdir(self: mp_obj_t, path_in: mp_obj_t): mp_obj_t {
  if (!require_writable(self)) return MP_OBJ_NULL;
  const n = host_path_obj(self, path_in, path_buf_a);
  if (n < 0) return MP_OBJ_NULL;
  return host_result(mp_hal_posix_rmdir(host_path_ptr, <usize>n));
}

// A tuple of the 10 numbers the host wrote at host_out (ints, big if need be).
function host_out_tuple(): mp_obj_t {
  const t = mp_obj_new_tuple(10, 0);
  if (t == MP_OBJ_NULL) return MP_OBJ_NULL;
  for (let i: usize = 0; i < 10; i++) store<usize>(t + 8 + (i << 2), MP_OBJ_NEW_SMALL_INT(0));
  const mark = mp_root_mark();
  mp_root_push(t);
  for (let i: usize = 0; i < 10; i++) {
    const v = mp_obj_new_int_from_float(load<f64>(host_out + (i << 3)));
    if (v == MP_OBJ_NULL) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    store<usize>(t + 8 + (i << 2), v);
  }
  mp_root_release(mark);
  return t;
}

// stat(path): (st_mode, st_ino, st_dev, st_nlink, st_uid, st_gid, st_size,
// st_atime, st_mtime, st_ctime).
function vfs_posix_stat(self: mp_obj_t, path_in: mp_obj_t): mp_obj_t {
  const n = host_path_obj(self, path_in, path_buf_a);
  if (n < 0) return MP_OBJ_NULL;
  const r = mp_hal_posix_stat(host_path_ptr, <usize>n, host_out);
  if (r < 0) return mp_raise_OSError(-r);
  return host_out_tuple();
}

// statvfs(path): (f_bsize, f_frsize, f_blocks, f_bfree, f_bavail, f_files,
// f_ffree, f_favail, f_flag, f_namemax).
function vfs_posix_statvfs(self: mp_obj_t, path_in: mp_obj_t): mp_obj_t {
  const n = host_path_obj(self, path_in, path_buf_a);
  if (n < 0) return MP_OBJ_NULL;
  const r = mp_hal_posix_statvfs(host_path_ptr, <usize>n, host_out);
  if (r < 0) return mp_raise_OSError(-r);
  return host_out_tuple();
}

/**
 * What an import finds at the `len`-byte path at `path` of VfsPosix `self`
 * (mp_vfs_posix_import_stat): MP_IMPORT_STAT_DIR, _FILE (a regular file) or
 * _NO_EXIST. With a root the path is appended to it whole, as MicroPython
 * does. Never raises.
 */
export function mp_vfs_posix_import_stat(self: mp_obj_t, path: usize, len: usize): i32 {
  const root = vfs_root(self);
  if (root != 0) {
    const rl = mp_obj_str_get_len(root);
    if (rl + len > PATH_MAX) return MP_IMPORT_STAT_NO_EXIST;
    memory.copy(path_buf_a, mp_obj_str_get_data_ptr(root), rl);
    memory.copy(path_buf_a + rl, path, len);
    path = path_buf_a;
    len += rl;
  }
  if (mp_hal_posix_stat(path, len, host_out) != 0) return MP_IMPORT_STAT_NO_EXIST;
  const fmt = (<i32>load<f64>(host_out)) & S_IFMT;
  if (fmt == S_IFDIR) return MP_IMPORT_STAT_DIR;
  if (fmt == S_IFREG) return MP_IMPORT_STAT_FILE;
  return MP_IMPORT_STAT_NO_EXIST;
}

/**
 * Reads the whole file at the `len`-byte path at `path` of VfsPosix `self`
 * through the host into a GC block at `slot` (see mp_reader_read_host_file);
 * returns its length or -1 with OSError pending.
 */
export function mp_vfs_posix_read_file(self: mp_obj_t, path: usize, len: usize, slot: usize): isize {
  const n = host_path(self, path, len, path_buf_a);
  if (n < 0) return -1;
  return mp_reader_read_host_file(host_path_ptr, <usize>n, slot);
}

const vfs_posix_mount_obj: usize = memory.data(16, 16);
const vfs_posix_umount_obj: usize = memory.data(16, 16);
const vfs_posix_open_obj: usize = memory.data(16, 16);
const vfs_posix_chdir_obj: usize = memory.data(16, 16);
const vfs_posix_getcwd_obj: usize = memory.data(16, 16);
const vfs_posix_ilistdir_obj: usize = memory.data(16, 16);
const vfs_posix_mkdir_obj: usize = memory.data(16, 16);
const vfs_posix_remove_obj: usize = memory.data(16, 16);
const vfs_posix_rename_obj: usize = memory.data(16, 16);
const vfs_posix_rmdir_obj: usize = memory.data(16, 16);
const vfs_posix_stat_obj: usize = memory.data(16, 16);
const vfs_posix_statvfs_obj: usize = memory.data(16, 16);
const vfs_posix_locals_dict: usize = memory.data(16, 16);

/** Set-up of this file's static objects (the VfsPosix type); run once by mp_init. */
export function vfs_posix_static_init(): void {
  mp_fun_3_at(vfs_posix_mount_obj, vfs_posix_mount);
  mp_fun_1_at(vfs_posix_umount_obj, vfs_posix_umount);
  mp_fun_3_at(vfs_posix_open_obj, vfs_posix_open);
  mp_fun_2_at(vfs_posix_chdir_obj, vfs_posix_chdir);
  mp_fun_1_at(vfs_posix_getcwd_obj, vfs_posix_getcwd);
  mp_fun_2_at(vfs_posix_ilistdir_obj, vfs_posix_ilistdir);
  mp_fun_2_at(vfs_posix_mkdir_obj, vfs_posix_mkdir);
  mp_fun_2_at(vfs_posix_remove_obj, vfs_posix_remove);
  mp_fun_3_at(vfs_posix_rename_obj, vfs_posix_rename);
  mp_fun_2_at(vfs_posix_rmdir_obj, vfs_posix_rmdir);
  mp_fun_2_at(vfs_posix_stat_obj, vfs_posix_stat);
  mp_fun_2_at(vfs_posix_statvfs_obj, vfs_posix_statvfs);
  const d = vfs_posix_locals_dict;
  mp_static_dict_at(d, 12);
  mp_static_dict_add(d, Q.MP_QSTR_mount, vfs_posix_mount_obj);
  mp_static_dict_add(d, Q.MP_QSTR_umount, vfs_posix_umount_obj);
  mp_static_dict_add(d, Q.MP_QSTR_open, vfs_posix_open_obj);
  mp_static_dict_add(d, Q.MP_QSTR_chdir, vfs_posix_chdir_obj);
  mp_static_dict_add(d, Q.MP_QSTR_getcwd, vfs_posix_getcwd_obj);
  mp_static_dict_add(d, Q.MP_QSTR_ilistdir, vfs_posix_ilistdir_obj);
  mp_static_dict_add(d, Q.MP_QSTR_mkdir, vfs_posix_mkdir_obj);
  mp_static_dict_add(d, Q.MP_QSTR_remove, vfs_posix_remove_obj);
  mp_static_dict_add(d, Q.MP_QSTR_rename, vfs_posix_rename_obj);
  mp_static_dict_add(d, Q.MP_QSTR_rmdir, vfs_posix_rmdir_obj);
  mp_static_dict_add(d, Q.MP_QSTR_stat, vfs_posix_stat_obj);
  mp_static_dict_add(d, Q.MP_QSTR_statvfs, vfs_posix_statvfs_obj);
  mp_type_setup(mp_type_vfs_posix, Q.MP_QSTR_VfsPosix, MP_TYPE_FLAG_NONE, 0);
  mp_type_set_make_new(mp_type_vfs_posix, vfs_posix_make_new);
  mp_type_set_locals_dict(mp_type_vfs_posix, vfs_posix_locals_dict);

  const it = mp_type_vfs_posix_ilistdir_it;
  mp_type_setup(it, Q.MP_QSTR_iterator, MP_TYPE_FLAG_ITER_IS_ITERNEXT | MP_TYPE_FLAG_HAS_FINALISER, 0);
  mp_type_set_iternext(it, vfs_posix_ilistdir_it_iternext);
  mp_type_set_getiter(it, mp_identity_getiter);
  mp_type_set_unary_op(it, vfs_posix_ilistdir_it_unary_op);
}
