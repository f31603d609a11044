// The virtual filesystem layer, as MicroPython's extmod/vfs.c: a table of
// filesystem objects mounted at paths, the current directory, and the
// functions of the os and vfs modules that resolve a path to one mounted
// filesystem and call its method (open, stat, ilistdir, mkdir...) with the
// rest of the path. A mounted object is any object with those methods: a
// VfsPosix (extmod/vfs_posix.ts) or a Python class. At start-up the host's
// filesystem is mounted at "/" (mp_vfs_mount_posix_root), as the unix port.
// Source and .mpy files are read through here by extmod/vfs_reader.ts.
//
//   mp_vfs_mount_t (16 bytes, one GC block), a singly linked list whose head
//   is in root slot MPS_vfs_mount_table; a filesystem mounted at "/" stays last:
//     +0  mount point (a str or bytes object, e.g. "/flash")
//     +4  its length in bytes
//     +8  the filesystem object
//     +12 next entry, or 0
//
// The current directory (root slot MPS_vfs_cur) is MP_VFS_ROOT (0), the
// virtual root directory that lists the mount points, or a mount entry
// whose filesystem keeps its own current directory.

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_OBJ_SENTINEL,
  MP_OBJ_STOP_ITERATION,
  MP_OBJ_NEW_QSTR,
  MP_OBJ_NEW_SMALL_INT,
  MP_OBJ_SMALL_INT_VALUE,
  MP_INT_ERROR,
  mp_obj_is_small_int,
  mp_obj_is_type,
  mp_obj_get_int,
  mp_const_none,
  mp_const_false,
  mp_fun_0_at,
  mp_fun_1_at,
  mp_fun_2_at,
  mp_fun_var_at,
  mp_fun_kw_at,
} from "../obj";
import { gc_alloc } from "../gc";
import { mp_obj_get_type } from "../objtype";
import { mp_state_get, mp_state_set, MPS_vfs_cur, MPS_vfs_mount_table } from "../mpstate";
import { mp_root_mark, mp_root_push, mp_root_release, mp_root_alloc } from "../rootstack";
import {
  mp_type_str,
  mp_type_bytes,
  mp_obj_str_check,
  mp_obj_str_get_data_ptr,
  mp_obj_str_get_len,
  mp_obj_new_str,
  mp_obj_new_str_of_type,
  mp_obj_new_str_from_vstr,
  mp_obj_is_str,
} from "../objstr";
import { vstr_new_root, vstr_add_strn } from "../vstr";
import { mp_obj_new_tuple, mp_type_tuple, mp_obj_tuple_len, mp_obj_tuple_items } from "../objtuple";
import { mp_obj_new_list, mp_obj_list_append, mp_type_list, mp_obj_list_len, mp_obj_list_items } from "../objlist";
import { mp_obj_new_polymorph_iter } from "../objpolyiter";
import { mp_type_TypeError, mp_type_ValueError, mp_raise_msg_varg, mp_take_exception } from "../objexcept";
import {
  mp_raise_memory_error,
  mp_raise_OSError,
  mp_raise_recursion_depth,
  mp_load_method,
  mp_load_method_maybe,
  mp_call_method_n_kw,
  mp_iternext,
  mp_obj_subscr,
} from "../runtime";
import { mp_obj_get_type_qstr } from "../obj";
import { mp_arg_set, mp_arg_parse_all, MP_ARG_OBJ, MP_ARG_REQUIRED, MP_ARG_KW_ONLY } from "../argcheck";
import { MP_EPERM, MP_EEXIST, MP_EINVAL } from "../stream";
import { MP_IMPORT_STAT_NO_EXIST, MP_IMPORT_STAT_DIR, MP_IMPORT_STAT_FILE } from "../builtinimport";
import { mp_vfs_posix_file_open } from "./vfs_posix_file";
import { mp_type_vfs_posix, mp_vfs_posix_new, mp_vfs_posix_import_stat } from "./vfs_posix";
import { mp_obj_is_vfs_rom, mp_vfs_rom_import_stat } from "./vfs_rom";
import * as Q from "../genhdr";

/** mp_vfs_lookup_path's result for the virtual root directory ("/" with nothing mounted there). */
@inline export const MP_VFS_ROOT: usize = 0;
/** mp_vfs_lookup_path's result for a path under no mount point. */
@inline export const MP_VFS_NONE: usize = 1;
// lookup_path's result when the path was not a str/bytes (TypeError pending)
@inline const VFS_ERROR: usize = 2;

// mount entry fields
@inline const VM_str: usize = 0;
@inline const VM_len: usize = 4;
@inline const VM_obj: usize = 8;
@inline const VM_next: usize = 12;

/** st_mode bits of a directory and a regular file (MP_S_IFDIR, MP_S_IFREG). */
@inline export const MP_S_IFDIR: i32 = 0x4000;
@inline export const MP_S_IFREG: i32 = 0x8000;

/** f_namemax of the virtual root directory (MICROPY_ALLOC_PATH_MAX of the unix port). */
@inline const ALLOC_PATH_MAX: i32 = 4096;

const slash: usize = memory.data<u8>([47]); // "/"

@inline function mount_str(vfs: usize): usize {
  return mp_obj_str_get_data_ptr(load<usize>(vfs + VM_str));
}

@inline function mount_len(vfs: usize): usize {
  return load<usize>(vfs + VM_len);
}

/** The filesystem object of mount entry `vfs`. */
@inline export function mp_vfs_mount_fsobj(vfs: usize): mp_obj_t {
  return load<usize>(vfs + VM_obj);
}

/**
 * Finds the filesystem holding the `len`-byte path at `path`
 * (mp_vfs_lookup_path): returns its mount entry and writes the path inside
 * that filesystem at `out` (two words: pointer into `path` or static data,
 * length; it starts with "/" if it is absolute), or returns MP_VFS_ROOT for
 * the root directory itself ("" or "/" while the current directory is the
 * root; `out` is not written) or MP_VFS_NONE when no mount point holds it.
 */
export function mp_vfs_lookup_path(path: usize, len: usize, out: usize): usize {
  const cur = mp_state_get(MPS_vfs_cur);
  const abs = len > 0 && load<u8>(path) == 47;
  if (abs || cur == MP_VFS_ROOT) {
    let p = path;
    let n = len;
    if (abs) {
      p++;
      n--;
    }
    if (n == 0) return MP_VFS_ROOT;
    let vfs = mp_state_get(MPS_vfs_mount_table);
    while (vfs != 0) {
      if (mount_len(vfs) == 0) {
        // an empty mount point: nothing reaches it
        vfs = load<usize>(vfs + VM_next);
        continue;
      }
      const mlen = mount_len(vfs) - 1;
      if (mlen == 0) {
        // mounted at "/": it gets the whole path, "/" included
        store<usize>(out, abs ? p - 1 : p);
        store<usize>(out + 4, abs ? n + 1 : n);
        return vfs;
      }
      if (n >= mlen && memory.compare(p, mount_str(vfs) + 1, mlen) == 0) {
        if (n > mlen && load<u8>(p + mlen) == 47) {
          store<usize>(out, p + mlen);
          store<usize>(out + 4, n - mlen);
          return vfs;
        }
        if (n == mlen) {
          store<usize>(out, slash);
          store<usize>(out + 4, 1);
          return vfs;
        }
      }
      vfs = load<usize>(vfs + VM_next);
    }
    // nothing is mounted at "/", so the path does not exist
    return MP_VFS_NONE;
  }
  // a path relative to the current filesystem
  store<usize>(out, path);
  store<usize>(out + 4, len);
  return cur;
}

// mp_vfs_lookup_path for a str/bytes object (lookup_path): writes the path
// inside the filesystem, as an object of the same type, at `path_out` (left
// MP_OBJ_NULL for MP_VFS_ROOT and MP_VFS_NONE). VFS_ERROR with TypeError or
// MemoryError pending.
function lookup_path(path_in: mp_obj_t, path_out: usize): usize {
  store<usize>(path_out, MP_OBJ_NULL);
  if (!mp_obj_str_check(path_in)) return VFS_ERROR;
  const p = mp_obj_str_get_data_ptr(path_in);
  const len = mp_obj_str_get_len(path_in);
  const mark = mp_root_mark();
  const out = mp_root_alloc(2);
  if (out == 0) {
    mp_raise_recursion_depth();
    return VFS_ERROR;
  }
  const vfs = mp_vfs_lookup_path(p, len, out);
  if (vfs != MP_VFS_NONE && vfs != MP_VFS_ROOT) {
    const op = load<usize>(out);
    const ol = load<usize>(out + 4);
    const type = mp_obj_get_type(path_in);
    let o: mp_obj_t;
    if (op == p && ol == len) {
      // the whole path: the same object will do
      o = path_in;
    } else if (op == slash && type == mp_type_str) {
      o = MP_OBJ_NEW_QSTR(Q.MP_QSTR__slash_);
    } else {
      o = mp_obj_new_str_of_type(type == mp_type_str ? mp_type_str : mp_type_bytes, op, ol);
    }
    mp_root_release(mark);
    if (o == MP_OBJ_NULL) return VFS_ERROR;
    store<usize>(path_out, o);
    return vfs;
  }
  mp_root_release(mark);
  return vfs;
}

/**
 * Calls method `meth` of the filesystem of mount entry `vfs` with `n_args`
 * (at most 2) args at `args` (mp_vfs_proxy_call): OSError(ENODEV) for
 * MP_VFS_NONE, OSError(EPERM) for the root directory. MP_OBJ_NULL with the
 * exception pending.
 */
export function mp_vfs_proxy_call(vfs: usize, meth: u32, n_args: usize, args: usize): mp_obj_t {
  if (vfs == VFS_ERROR) return MP_OBJ_NULL;
  if (vfs == MP_VFS_NONE) return mp_raise_OSError(19); // ENODEV: mount point not found
  if (vfs == MP_VFS_ROOT) return mp_raise_OSError(MP_EPERM); // nothing to do on the root dir
  const mark = mp_root_mark();
  const m = mp_root_alloc(4);
  if (m == 0) return mp_raise_recursion_depth();
  if (!mp_load_method(mp_vfs_mount_fsobj(vfs), meth, m)) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  if (n_args > 0) memory.copy(m + 8, args, n_args << 2);
  const r = mp_call_method_n_kw(n_args, 0, m);
  mp_root_release(mark);
  return r;
}

// proxy_call with one argument.
function proxy_call_1(vfs: usize, meth: u32, arg: mp_obj_t): mp_obj_t {
  const mark = mp_root_mark();
  const a = mp_root_alloc(1);
  if (a == 0) return mp_raise_recursion_depth();
  store<usize>(a, arg);
  const r = mp_vfs_proxy_call(vfs, meth, 1, a);
  mp_root_release(mark);
  return r;
}

/**
 * What is at the `len`-byte path at `path` for an import
 * (mp_vfs_import_stat): MP_IMPORT_STAT_FILE, _DIR or _NO_EXIST. A VfsPosix
 * asks the host; another filesystem's stat() is called, any exception it
 * raises meaning "no such file", and its st_mode tells a directory from a
 * file. Returns -1 with an exception pending only when stat() returned
 * something other than a 10-item tuple or list, or on MemoryError.
 */
export function mp_vfs_import_stat(path: usize, len: usize): i32 {
  const mark = mp_root_mark();
  const out = mp_root_alloc(2);
  if (out == 0) {
    mp_raise_recursion_depth();
    return -1;
  }
  const vfs = mp_vfs_lookup_path(path, len, out);
  if (vfs == MP_VFS_NONE || vfs == MP_VFS_ROOT) {
    mp_root_release(mark);
    return MP_IMPORT_STAT_NO_EXIST;
  }
  const r = import_stat_call(vfs, load<usize>(out), load<usize>(out + 4));
  mp_root_release(mark);
  if (r < 0) {
    mp_take_exception();
    return MP_IMPORT_STAT_NO_EXIST;
  }
  return r;
}

// mp_vfs_import_stat of path `op`/`ol` inside mount `vfs`; -1 with the
// exception pending.
function import_stat_call(vfs: usize, op: usize, ol: usize): i32 {
  const obj = mp_vfs_mount_fsobj(vfs);
  if (mp_obj_is_type(obj, mp_type_vfs_posix)) return mp_vfs_posix_import_stat(obj, op, ol);
  if (mp_obj_is_vfs_rom(obj)) return mp_vfs_rom_import_stat(obj, op, ol);
  const path_o = mp_obj_new_str(op, ol);
  if (path_o == MP_OBJ_NULL) return -1;
  const st = proxy_call_1(vfs, Q.MP_QSTR_stat, path_o);
  if (st == MP_OBJ_NULL) {
    // an exception means the path was not found
    mp_take_exception();
    return MP_IMPORT_STAT_NO_EXIST;
  }
  const mark = mp_root_mark();
  mp_root_push(st);
  const items = get_array_fixed_n(st, 10);
  mp_root_release(mark);
  if (items == 0) return -1;
  const mode = mp_obj_get_int(load<usize>(items));
  if (mode == MP_INT_ERROR) return -1;
  return (mode & MP_S_IFDIR) != 0 ? MP_IMPORT_STAT_DIR : MP_IMPORT_STAT_FILE;
}

// The items of tuple or list `o` of exactly `n` items (mp_obj_get_array_fixed_n),
// or 0 with TypeError/ValueError pending.
function get_array_fixed_n(o: mp_obj_t, n: usize): usize {
  let len: usize;
  let items: usize;
  if (mp_obj_is_type(o, mp_type_tuple)) {
    len = mp_obj_tuple_len(o);
    items = mp_obj_tuple_items(o);
  } else if (mp_obj_is_type(o, mp_type_list)) {
    len = mp_obj_list_len(o);
    items = mp_obj_list_items(o);
  } else {
    mp_raise_msg_varg(mp_type_TypeError, "object '%s' isn't a tuple or list", mp_obj_get_type_qstr(o));
    return 0;
  }
  if (len != n) {
    mp_raise_msg_varg(mp_type_ValueError, "requested length %d but object has length %d", n, len);
    return 0;
  }
  return items;
}

// ---------------------------------------------------------------------------
// mount and umount

// mount(fsobj, mount_point, *, readonly=False, mkfs=False)
const mount_args: usize = memory.data(4 * 8, 4);

/**
 * vfs.mount(fsobj, mount_point, *, readonly=False, mkfs=False) (mp_vfs_mount):
 * calls fsobj.mount(readonly, mkfs) and adds it to the mount table; OSError(EPERM)
 * if the mount point is in use (a subdirectory of a filesystem mounted at "/"
 * may be used), OSError(ENODEV) for an object without a mount method (a block
 * device: no filesystem type can be detected here). With no arguments: the
 * list of (fsobj, mount_point) tuples.
 */
export function mp_vfs_mount(n_args: usize, args: usize, kw_args: usize): mp_obj_t {
  if (n_args == 0) return mount_list();
  const mark = mp_root_mark();
  const vals = mp_root_alloc(4);
  const dest = mp_root_alloc(2);
  if (vals == 0 || dest == 0) return mp_raise_recursion_depth();
  if (!mp_arg_parse_all(n_args, args, kw_args, 4, mount_args, vals)) return release(mark);
  const mnt = load<usize>(vals + 4);
  if (!mp_obj_str_check(mnt)) return release(mark);
  const vfs_obj = load<usize>(vals);
  if (!mp_load_method_maybe(vfs_obj, Q.MP_QSTR_mount, dest)) return release(mark);
  if (load<usize>(dest) == MP_OBJ_NULL) {
    // a block device: no filesystem type to detect one with
    mp_root_release(mark);
    return mp_raise_OSError(19); // ENODEV
  }
  const vfs = gc_alloc(16, 0);
  if (vfs == 0) {
    mp_root_release(mark);
    return mp_raise_memory_error(16);
  }
  mp_root_push(vfs);
  store<usize>(vfs + VM_str, mnt);
  store<usize>(vfs + VM_len, mp_obj_str_get_len(mnt));
  store<usize>(vfs + VM_obj, vfs_obj);
  store<usize>(vfs + VM_next, 0);
  // let the filesystem do its mounting
  if (mp_vfs_proxy_call(vfs, Q.MP_QSTR_mount, 2, vals + 8) == MP_OBJ_NULL) return release(mark);
  // the mount point must be unused
  const out = mp_root_alloc(2);
  if (out == 0) return mp_raise_recursion_depth();
  const existing = mp_vfs_lookup_path(mp_obj_str_get_data_ptr(mnt), mount_len(vfs), out);
  if (existing != MP_VFS_NONE && existing != MP_VFS_ROOT) {
    if (!(mount_len(vfs) != 1 && mount_len(existing) == 1)) {
      mp_root_release(mark);
      return mp_raise_OSError(MP_EPERM);
    }
  }
  // insert it, keeping a filesystem mounted at "/" at the end of the list
  let prev: usize = 0;
  let e = mp_state_get(MPS_vfs_mount_table);
  while (e != 0) {
    if (mount_len(e) == 1) {
      store<usize>(vfs + VM_next, e);
      break;
    }
    prev = e;
    e = load<usize>(e + VM_next);
  }
  if (prev == 0) mp_state_set(MPS_vfs_mount_table, vfs);
  else store<usize>(prev + VM_next, vfs);
  mp_root_release(mark);
  return mp_const_none;
}

function release(mark: usize): mp_obj_t {
  mp_root_release(mark);
  return MP_OBJ_NULL;
}

// [(fsobj, mount_point), ...] of the mount table.
function mount_list(): mp_obj_t {
  const mark = mp_root_mark();
  // a tuple's items, then the tuple while the list grows
  const t = mp_root_alloc(3);
  if (t == 0) return mp_raise_recursion_depth();
  const list = mp_obj_new_list(0, 0);
  if (list == MP_OBJ_NULL) return release(mark);
  mp_root_push(list);
  let vfs = mp_state_get(MPS_vfs_mount_table);
  while (vfs != 0) {
    store<usize>(t, mp_vfs_mount_fsobj(vfs));
    const name = mp_obj_new_str(mount_str(vfs), mount_len(vfs));
    if (name == MP_OBJ_NULL) return release(mark);
    store<usize>(t + 4, name);
    const item = mp_obj_new_tuple(2, t);
    if (item == MP_OBJ_NULL) return release(mark);
    store<usize>(t + 8, item);
    if (mp_obj_list_append(list, item) == MP_OBJ_NULL) return release(mark);
    vfs = load<usize>(vfs + VM_next);
  }
  mp_root_release(mark);
  return list;
}

/**
 * vfs.umount(mount_point or fsobj) (mp_vfs_umount): removes the entry from the
 * mount table, then calls fsobj.umount(); OSError(EINVAL) if nothing is
 * mounted there. Unmounting the current filesystem makes the root directory
 * current.
 */
export function mp_vfs_umount(mnt_in: mp_obj_t): mp_obj_t {
  let mnt_str: usize = 0;
  let mnt_len: usize = 0;
  const is_str = mp_obj_is_str(mnt_in);
  if (is_str) {
    mnt_str = mp_obj_str_get_data_ptr(mnt_in);
    mnt_len = mp_obj_str_get_len(mnt_in);
  }
  let prev: usize = 0;
  let vfs = mp_state_get(MPS_vfs_mount_table);
  while (vfs != 0) {
    if (
      (is_str && mnt_len == mount_len(vfs) && memory.compare(mnt_str, mount_str(vfs), mnt_len) == 0) ||
      mp_vfs_mount_fsobj(vfs) == mnt_in
    ) {
      break;
    }
    prev = vfs;
    vfs = load<usize>(vfs + VM_next);
  }
  if (vfs == 0) return mp_raise_OSError(MP_EINVAL);
  const next = load<usize>(vfs + VM_next);
  if (prev == 0) mp_state_set(MPS_vfs_mount_table, next);
  else store<usize>(prev + VM_next, next);
  if (mp_state_get(MPS_vfs_cur) == vfs) mp_state_set(MPS_vfs_cur, MP_VFS_ROOT);
  // the entry is out of the table: keep it alive for the call
  const mark = mp_root_mark();
  mp_root_push(vfs);
  const r = mp_vfs_proxy_call(vfs, Q.MP_QSTR_umount, 0, 0);
  mp_root_release(mark);
  if (r == MP_OBJ_NULL) return MP_OBJ_NULL;
  return mp_const_none;
}

/**
 * Mounts a VfsPosix over the host's filesystem at "/" and makes it the
 * current filesystem, as the unix port's main() does at start-up, so paths
 * work as the host process sees them. False on MemoryError.
 */
export function mp_vfs_mount_posix_root(): bool {
  const mark = mp_root_mark();
  const args = mp_root_alloc(2);
  if (args == 0) return false;
  const fs = mp_vfs_posix_new(MP_OBJ_NULL);
  if (fs == MP_OBJ_NULL) {
    mp_root_release(mark);
    return false;
  }
  store<usize>(args, fs);
  store<usize>(args + 4, MP_OBJ_NEW_QSTR(Q.MP_QSTR__slash_));
  const ok = mp_vfs_mount(2, args, 0) != MP_OBJ_NULL;
  mp_root_release(mark);
  if (!ok) return false;
  // the root mount is always last
  let vfs = mp_state_get(MPS_vfs_mount_table);
  while (load<usize>(vfs + VM_next) != 0) vfs = load<usize>(vfs + VM_next);
  mp_state_set(MPS_vfs_cur, vfs);
  return true;
}

// ---------------------------------------------------------------------------
// files

/**
 * open(file, mode) through the VFS (mp_vfs_open): an int is a host file
 * descriptor; a path is opened by the filesystem holding it (its open(path,
 * mode) method, whatever that returns). MP_OBJ_NULL with the exception pending.
 */
export function mp_vfs_open(file: mp_obj_t, mode: mp_obj_t): mp_obj_t {
  if (mp_obj_is_small_int(file)) return mp_vfs_posix_file_open(file, mode);
  const mark = mp_root_mark();
  const a = mp_root_alloc(2);
  if (a == 0) return mp_raise_recursion_depth();
  store<usize>(a + 4, mode);
  const vfs = lookup_path(file, a);
  const r = mp_vfs_proxy_call(vfs, Q.MP_QSTR_open, 2, a);
  mp_root_release(mark);
  return r;
}

// ---------------------------------------------------------------------------
// directories

/**
 * os.chdir(path) (mp_vfs_chdir): the filesystem holding the path changes its
 * current directory and becomes current. Changing to "/" while a filesystem
 * is mounted at "/" also takes that filesystem to its root.
 */
export function mp_vfs_chdir(path_in: mp_obj_t): mp_obj_t {
  const mark = mp_root_mark();
  const po = mp_root_alloc(1);
  if (po == 0) return mp_raise_recursion_depth();
  let vfs = lookup_path(path_in, po);
  if (vfs == VFS_ERROR) return release(mark);
  if (vfs == MP_VFS_ROOT) {
    let e = mp_state_get(MPS_vfs_mount_table);
    while (e != 0) {
      if (mount_len(e) == 1) {
        if (proxy_call_1(e, Q.MP_QSTR_chdir, MP_OBJ_NEW_QSTR(Q.MP_QSTR__slash_)) == MP_OBJ_NULL) {
          return release(mark);
        }
        break;
      }
      e = load<usize>(e + VM_next);
    }
  } else if (mp_vfs_proxy_call(vfs, Q.MP_QSTR_chdir, 1, po) == MP_OBJ_NULL) {
    return release(mark);
  }
  mp_root_release(mark);
  mp_state_set(MPS_vfs_cur, vfs);
  return mp_const_none;
}

/**
 * os.getcwd() (mp_vfs_getcwd): "/" in the root directory, else the mount
 * point followed by the current filesystem's getcwd() (which alone is the
 * answer for a filesystem mounted at "/").
 */
export function mp_vfs_getcwd(): mp_obj_t {
  const cur = mp_state_get(MPS_vfs_cur);
  if (cur == MP_VFS_ROOT) return MP_OBJ_NEW_QSTR(Q.MP_QSTR__slash_);
  const cwd = mp_vfs_proxy_call(cur, Q.MP_QSTR_getcwd, 0, 0);
  if (cwd == MP_OBJ_NULL) return MP_OBJ_NULL;
  if (mount_len(cur) == 1) return cwd;
  if (!mp_obj_str_check(cwd)) return MP_OBJ_NULL;
  const cl = mp_obj_str_get_len(cwd);
  const ml = mount_len(cur);
  const is_root = cl == 1 && load<u8>(mp_obj_str_get_data_ptr(cwd)) == 47;
  const mark = mp_root_mark();
  mp_root_push(cwd);
  const v = vstr_new_root(ml + cl + 1);
  if (v == 0) return release(mark);
  vstr_add_strn(v, mount_str(cur), ml);
  if (!is_root) vstr_add_strn(v, mp_obj_str_get_data_ptr(cwd), cl);
  const o = mp_obj_new_str_from_vstr(v);
  mp_root_release(mark);
  return o;
}

// The iterator over the root directory (mp_vfs_ilistdir_it_t): a polymorph
// iterator whose word +8 is the next mount entry (or, once it reaches a
// filesystem mounted at "/", that filesystem's ilistdir iterator) and word
// +12 holds flags: 1 names as str (else bytes), 2 delegating to the iterator.
function vfs_ilistdir_it_iternext(self: mp_obj_t): mp_obj_t {
  const flags = load<usize>(self + 12);
  const cur = load<usize>(self + 8);
  if ((flags & 2) != 0) return mp_iternext(cur);
  if (cur == 0) return MP_OBJ_STOP_ITERATION;
  store<usize>(self + 8, load<usize>(cur + VM_next));
  const mark = mp_root_mark();
  mp_root_push(cur);
  if (mount_len(cur) == 1) {
    // a filesystem mounted at "/": list its root from here on
    const it = proxy_call_1(cur, Q.MP_QSTR_ilistdir, MP_OBJ_NEW_QSTR(Q.MP_QSTR__slash_));
    mp_root_release(mark);
    if (it == MP_OBJ_NULL) return MP_OBJ_NULL;
    store<usize>(self + 8, it);
    store<usize>(self + 12, flags | 2);
    return mp_iternext(it);
  }
  // a mount point: (name, S_IFDIR, 0)
  const t = mp_obj_new_tuple(3, 0);
  if (t == MP_OBJ_NULL) return release(mark);
  mp_root_push(t);
  store<usize>(t + 12, MP_OBJ_NEW_SMALL_INT(MP_S_IFDIR));
  store<usize>(t + 16, MP_OBJ_NEW_SMALL_INT(0));
  store<usize>(t + 8, MP_OBJ_NEW_SMALL_INT(0));
  const type = (flags & 1) != 0 ? mp_type_str : mp_type_bytes;
  // the mount point without its "/" (an empty one, which MicroPython reads
  // past the end of, gives "")
  const ml = mount_len(cur);
  const name = mp_obj_new_str_of_type(type, mount_str(cur) + (ml > 0 ? 1 : 0), ml > 0 ? ml - 1 : 0);
  mp_root_release(mark);
  if (name == MP_OBJ_NULL) return MP_OBJ_NULL;
  store<usize>(t + 8, name);
  return t;
}

/**
 * os.ilistdir([path]) (mp_vfs_ilistdir): an iterator of (name, type, inode
 * [, size]) tuples from the filesystem holding the path; the root directory
 * lists the mount points, then the root of a filesystem mounted at "/".
 */
export function mp_vfs_ilistdir(n_args: usize, args: usize): mp_obj_t {
  const path_in = n_args == 1 ? load<usize>(args) : MP_OBJ_NEW_QSTR(Q.MP_QSTR_);
  const mark = mp_root_mark();
  const po = mp_root_alloc(1);
  if (po == 0) return mp_raise_recursion_depth();
  const vfs = lookup_path(path_in, po);
  if (vfs == MP_VFS_ROOT) {
    mp_root_release(mark);
    const is_str: usize = mp_obj_get_type(path_in) == mp_type_str ? 1 : 0;
    return mp_obj_new_polymorph_iter(
      vfs_ilistdir_it_iternext,
      mp_state_get(MPS_vfs_mount_table),
      is_str,
      0,
    );
  }
  const r = mp_vfs_proxy_call(vfs, Q.MP_QSTR_ilistdir, 1, po);
  mp_root_release(mark);
  return r;
}

/** os.listdir([path]) (mp_vfs_listdir): the names of os.ilistdir(path), as a list. */
export function mp_vfs_listdir(n_args: usize, args: usize): mp_obj_t {
  const iter = mp_vfs_ilistdir(n_args, args);
  if (iter == MP_OBJ_NULL) return MP_OBJ_NULL;
  const mark = mp_root_mark();
  mp_root_push(iter);
  const list = mp_obj_new_list(0, 0);
  if (list == MP_OBJ_NULL) return release(mark);
  mp_root_push(list);
  // the entry and its name, rooted while the list grows
  const tmp = mp_root_alloc(2);
  if (tmp == 0) return mp_raise_recursion_depth();
  while (true) {
    const next = mp_iternext(iter);
    if (next == MP_OBJ_STOP_ITERATION) break;
    if (next == MP_OBJ_NULL) return release(mark);
    store<usize>(tmp, next);
    const name = mp_obj_subscr(next, MP_OBJ_NEW_SMALL_INT(0), MP_OBJ_SENTINEL);
    if (name == MP_OBJ_NULL) return release(mark);
    store<usize>(tmp + 4, name);
    if (mp_obj_list_append(list, name) == MP_OBJ_NULL) return release(mark);
  }
  mp_root_release(mark);
  return list;
}

// Calls method `meth` with the path inside the filesystem holding `path_in`.
function path_call(path_in: mp_obj_t, meth: u32): mp_obj_t {
  const mark = mp_root_mark();
  const po = mp_root_alloc(1);
  if (po == 0) return mp_raise_recursion_depth();
  const vfs = lookup_path(path_in, po);
  const r = mp_vfs_proxy_call(vfs, meth, 1, po);
  mp_root_release(mark);
  return r;
}

/** os.mkdir(path) (mp_vfs_mkdir): OSError(EEXIST) for the root or a mount point itself. */
export function mp_vfs_mkdir(path_in: mp_obj_t): mp_obj_t {
  const mark = mp_root_mark();
  const po = mp_root_alloc(1);
  if (po == 0) return mp_raise_recursion_depth();
  const vfs = lookup_path(path_in, po);
  if (vfs == VFS_ERROR) return release(mark);
  if (vfs == MP_VFS_ROOT || (vfs != MP_VFS_NONE && is_slash(load<usize>(po)))) {
    mp_root_release(mark);
    return mp_raise_OSError(MP_EEXIST);
  }
  const r = mp_vfs_proxy_call(vfs, Q.MP_QSTR_mkdir, 1, po);
  mp_root_release(mark);
  return r;
}

function is_slash(o: mp_obj_t): bool {
  return mp_obj_str_get_len(o) == 1 && load<u8>(mp_obj_str_get_data_ptr(o)) == 47;
}

/** os.remove(path) and os.unlink(path) (mp_vfs_remove). */
export function mp_vfs_remove(path_in: mp_obj_t): mp_obj_t {
  return path_call(path_in, Q.MP_QSTR_remove);
}

/** os.rename(old, new) (mp_vfs_rename): OSError(EPERM) across filesystems. */
export function mp_vfs_rename(old_in: mp_obj_t, new_in: mp_obj_t): mp_obj_t {
  const mark = mp_root_mark();
  const a = mp_root_alloc(2);
  if (a == 0) return mp_raise_recursion_depth();
  const old_vfs = lookup_path(old_in, a);
  if (old_vfs == VFS_ERROR) return release(mark);
  const new_vfs = lookup_path(new_in, a + 4);
  if (new_vfs == VFS_ERROR) return release(mark);
  if (old_vfs != new_vfs) {
    mp_root_release(mark);
    return mp_raise_OSError(MP_EPERM);
  }
  const r = mp_vfs_proxy_call(old_vfs, Q.MP_QSTR_rename, 2, a);
  mp_root_release(mark);
  return r;
}

/** os.rmdir(path) (mp_vfs_rmdir). */
export function mp_vfs_rmdir(path_in: mp_obj_t): mp_obj_t {
  return path_call(path_in, Q.MP_QSTR_rmdir);
}

// A 10-tuple (st_mode or f_bsize first): `first`, then zeros.
function tuple10(first: i32, last: i32): mp_obj_t {
  const t = mp_obj_new_tuple(10, 0);
  if (t == MP_OBJ_NULL) return MP_OBJ_NULL;
  for (let i: usize = 0; i < 10; i++) store<usize>(t + 8 + (i << 2), MP_OBJ_NEW_SMALL_INT(0));
  store<usize>(t + 8, MP_OBJ_NEW_SMALL_INT(first));
  store<usize>(t + 8 + 36, MP_OBJ_NEW_SMALL_INT(last));
  return t;
}

/** os.stat(path) (mp_vfs_stat): the root directory is (S_IFDIR, 0, ..., 0). */
export function mp_vfs_stat(path_in: mp_obj_t): mp_obj_t {
  const mark = mp_root_mark();
  const po = mp_root_alloc(1);
  if (po == 0) return mp_raise_recursion_depth();
  const vfs = lookup_path(path_in, po);
  if (vfs == MP_VFS_ROOT) {
    mp_root_release(mark);
    return tuple10(MP_S_IFDIR, 0);
  }
  const r = mp_vfs_proxy_call(vfs, Q.MP_QSTR_stat, 1, po);
  mp_root_release(mark);
  return r;
}

/**
 * os.statvfs(path) (mp_vfs_statvfs): the root directory asks a filesystem
 * mounted at "/", else is all zeros with f_namemax 4096.
 */
export function mp_vfs_statvfs(path_in: mp_obj_t): mp_obj_t {
  const mark = mp_root_mark();
  const po = mp_root_alloc(1);
  if (po == 0) return mp_raise_recursion_depth();
  let vfs = lookup_path(path_in, po);
  if (vfs == MP_VFS_ROOT) {
    vfs = mp_state_get(MPS_vfs_mount_table);
    while (vfs != 0 && mount_len(vfs) != 1) vfs = load<usize>(vfs + VM_next);
    if (vfs == 0) {
      mp_root_release(mark);
      return tuple10(0, ALLOC_PATH_MAX);
    }
    store<usize>(po, MP_OBJ_NEW_QSTR(Q.MP_QSTR__slash_));
  }
  const r = mp_vfs_proxy_call(vfs, Q.MP_QSTR_statvfs, 1, po);
  mp_root_release(mark);
  return r;
}

// ---------------------------------------------------------------------------
// function objects, shared by the os and vfs modules

export const mp_vfs_mount_obj: usize = memory.data(16, 16);
export const mp_vfs_umount_obj: usize = memory.data(16, 16);
export const mp_vfs_chdir_obj: usize = memory.data(16, 16);
export const mp_vfs_getcwd_obj: usize = memory.data(16, 16);
export const mp_vfs_ilistdir_obj: usize = memory.data(16, 16);
export const mp_vfs_listdir_obj: usize = memory.data(16, 16);
export const mp_vfs_mkdir_obj: usize = memory.data(16, 16);
export const mp_vfs_remove_obj: usize = memory.data(16, 16);
export const mp_vfs_rename_obj: usize = memory.data(16, 16);
export const mp_vfs_rmdir_obj: usize = memory.data(16, 16);
export const mp_vfs_stat_obj: usize = memory.data(16, 16);
export const mp_vfs_statvfs_obj: usize = memory.data(16, 16);

/** Set-up of this file's static objects (the VFS functions); run once by mp_init. */
export function vfs_static_init(): void {
  mp_arg_set(mount_args, 0, Q.MP_QSTR_, MP_ARG_REQUIRED | MP_ARG_OBJ, 0);
  mp_arg_set(mount_args, 1, Q.MP_QSTR_, MP_ARG_REQUIRED | MP_ARG_OBJ, 0);
  mp_arg_set(mount_args, 2, Q.MP_QSTR_readonly, MP_ARG_KW_ONLY | MP_ARG_OBJ, mp_const_false);
  mp_arg_set(mount_args, 3, Q.MP_QSTR_mkfs, MP_ARG_KW_ONLY | MP_ARG_OBJ, mp_const_false);
  mp_fun_kw_at(mp_vfs_mount_obj, 0, mp_vfs_mount);
  mp_fun_1_at(mp_vfs_umount_obj, mp_vfs_umount);
  mp_fun_1_at(mp_vfs_chdir_obj, mp_vfs_chdir);
  mp_fun_0_at(mp_vfs_getcwd_obj, mp_vfs_getcwd);
  mp_fun_var_at(mp_vfs_ilistdir_obj, 0, 1, mp_vfs_ilistdir);
  mp_fun_var_at(mp_vfs_listdir_obj, 0, 1, mp_vfs_listdir);
  mp_fun_1_at(mp_vfs_mkdir_obj, mp_vfs_mkdir);
  mp_fun_1_at(mp_vfs_remove_obj, mp_vfs_remove);
  mp_fun_2_at(mp_vfs_rename_obj, mp_vfs_rename);
  mp_fun_1_at(mp_vfs_rmdir_obj, mp_vfs_rmdir);
  mp_fun_1_at(mp_vfs_stat_obj, mp_vfs_stat);
  mp_fun_1_at(mp_vfs_statvfs_obj, mp_vfs_statvfs);
}
