// A read-only filesystem over a memory-mapped ROMFS image, as MicroPython's
// extmod/vfs_rom.c: vfs.VfsRom(buffer) with the methods the VFS layer calls
// (mount, umount, open, chdir, getcwd, ilistdir, stat, statvfs). Files are
// views of the image (vfs_rom_file.ts), so a .mpy file in a ROMFS that lies
// outside the GC heap (a firmware image's ROMFS partition, vfs.rom_ioctl) is
// imported in place: its bytecode, constant strings and qstr bytes stay in
// ROM (persistentcode.ts).
//
// The image (MicroPython's format; host/freeze/romfs.ts writes it):
//   var-uint      big-endian 7 bits per byte, high bit set on all bytes but the
//                 last (0x80 bytes in front are padding)
//   record        var-uint kind, var-uint payload length, payload
//   the image     one record of kind 0x14a6b1 (bytes d2 cd 31: "RM1" with the
//                 high bit on the first two) whose payload is records:
//     0 unused (corruption)   1 padding   2 verbatim file data
//     3 indirect data: var-uint size, var-uint offset into the image's payload
//     4 directory: var-uint name length, name, records of its entries
//     5 file: var-uint name length, name, records (one data record)
//   other kinds are skipped.
//
// Every read is bounded: a record or name running past its parent, or an
// indirect data record pointing outside the image, counts as corruption
// (the path is not found; a listing stops), so a bad image raises OSError
// and never reads outside its buffer.
//
//   mp_obj_vfs_rom_t (16 bytes, one GC block):
//     +0  type (mp_type_vfs_rom)
//     +4  memory: the buffer object (keeps the image alive)
//     +8  filesystem: first byte of the image's payload
//     +12 filesystem_end: first byte past it
//
//   the ilistdir iterator (20 bytes):
//     +0 type   +4 the VfsRom   +8 1 for str names, 0 for bytes
//     +12 next record   +16 end of the directory's records

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_OBJ_STOP_ITERATION,
  MP_OBJ_NEW_SMALL_INT,
  MP_OBJ_NEW_QSTR,
  MP_TYPE_SIZE,
  MP_TYPE_FLAG_NONE,
  MP_TYPE_FLAG_ITER_IS_ITERNEXT,
  mp_obj_is_true,
  mp_obj_is_type,
  mp_const_none,
  mp_type_setup,
  mp_type_set_make_new,
  mp_type_set_locals_dict,
  mp_type_set_iternext,
  mp_type_set_getiter,
  mp_fun_1_at,
  mp_fun_2_at,
  mp_fun_3_at,
} from "../obj";
import { gc_alloc } from "../gc";
import { mp_obj_get_type } from "../objtype";
import { mp_root_mark, mp_root_push, mp_root_release, mp_root_alloc } from "../rootstack";
import { mp_static_dict_at, mp_static_dict_add } from "../objdict";
import {
  mp_type_str,
  mp_obj_str_get_str,
  mp_obj_str_get_len,
  mp_obj_new_str,
  mp_obj_new_bytes,
} from "../objstr";
import { mp_obj_new_tuple } from "../objtuple";
import { mp_obj_new_int_from_uint } from "../objint";
import { mp_identity_getiter } from "../objpolyiter";
import { mp_get_buffer_raise, MP_BUFFER_READ, MP_BUFINFO_WORDS } from "../objarray";
import { mp_raise_memory_error, mp_raise_OSError, mp_raise_recursion_depth } from "../runtime";
import { mp_arg_check_num } from "../argcheck";
import { MP_EPERM, MP_ENOENT, MP_EOPNOTSUPP, mp_stream_identity_obj } from "../stream";
import { MP_IMPORT_STAT_NO_EXIST, MP_IMPORT_STAT_DIR, MP_IMPORT_STAT_FILE } from "../builtinimport";
import { mp_vfs_rom_file_open } from "./vfs_rom_file";
import * as Q from "../genhdr";

/** The VfsRom type. */
export const mp_type_vfs_rom: usize = memory.data(<i32>MP_TYPE_SIZE, 16);
const mp_type_vfs_rom_ilistdir_it: usize = memory.data(<i32>MP_TYPE_SIZE, 16);

@inline const ROMFS_SIZE_MIN: usize = 4;
@inline const MP_ENODEV: i32 = 19;
/** st_mode bits (MP_S_IFDIR, MP_S_IFREG). */
@inline const S_IFDIR: i32 = 0x4000;
@inline const S_IFREG: i32 = 0x8000;

// record kinds
@inline const RECORD_KIND_UNUSED: u32 = 0;
@inline const RECORD_KIND_DATA_VERBATIM: u32 = 2;
@inline const RECORD_KIND_DATA_POINTER: u32 = 3;
@inline const RECORD_KIND_DIRECTORY: u32 = 4;
@inline const RECORD_KIND_FILE: u32 = 5;
@inline const RECORD_KIND_FILESYSTEM: u32 = 0x14a6b1;

@inline function fs_start(self: mp_obj_t): usize {
  return load<usize>(self + 8);
}
@inline function fs_end(self: mp_obj_t): usize {
  return load<usize>(self + 12);
}

// The decoder's cursor and results: decoding runs no Python code and
// allocates nothing, so plain globals do (as the .mpy reader's).
let cur: usize = 0; // the next byte to decode
let rec_next: usize = 0; // extract_record: the first byte after the record
let uint_val: usize = 0; // decode_uint: the value

// Decodes a var-uint at `cur`, reading below `max` only (mp_decode_uint_checked):
// false if it runs into `max`. Values wrap at 32 bits as MicroPython's mp_uint_t.
function decode_uint(max: usize): bool {
  let v: usize = 0;
  let p = cur;
  let b: u32;
  do {
    if (p >= max) return false;
    b = <u32>load<u8>(p++);
    v = (v << 7) | (b & 0x7f);
  } while ((b & 0x80) != 0);
  cur = p;
  uint_val = v;
  return true;
}

// Reads a record header at `cur` (extract_record): returns its kind, with
// `cur` at its payload and `rec_next` past it, or RECORD_KIND_UNUSED if the
// header is cut short or the payload runs past `max` (corruption).
function extract_record(max: usize): u32 {
  if (!decode_uint(max)) return RECORD_KIND_UNUSED;
  const kind = uint_val;
  if (!decode_uint(max)) return RECORD_KIND_UNUSED;
  if (uint_val > max - cur) return RECORD_KIND_UNUSED;
  rec_next = cur + uint_val;
  return <u32>kind;
}

/** Results of mp_vfs_rom_search_filesystem: the data of a file, or the records of a directory. */
export let mp_vfs_rom_found_data: usize = 0;
export let mp_vfs_rom_found_size: usize = 0;

// Finds the data record among the records [p, top) of a file (extract_data):
// true with mp_vfs_rom_found_data/size set, false if there is none or it is
// corrupt (an indirect record pointing outside the image).
function extract_data(self: mp_obj_t, p: usize, top: usize): bool {
  cur = p;
  while (cur < top) {
    const kind = extract_record(top);
    if (kind == RECORD_KIND_UNUSED) break;
    if (kind == RECORD_KIND_DATA_VERBATIM) {
      mp_vfs_rom_found_size = rec_next - cur;
      mp_vfs_rom_found_data = cur;
      return true;
    }
    if (kind == RECORD_KIND_DATA_POINTER) {
      const next = rec_next;
      if (!decode_uint(next)) break;
      const size = uint_val;
      if (!decode_uint(next)) break;
      const offset = uint_val;
      const fs_len = fs_end(self) - fs_start(self);
      if (offset > fs_len || size > fs_len - offset) break;
      mp_vfs_rom_found_size = size;
      mp_vfs_rom_found_data = fs_start(self) + offset;
      return true;
    }
    cur = rec_next;
  }
  return false;
}

/**
 * Looks up the `len`-byte path at `path` in VfsRom `self`
 * (mp_vfs_rom_search_filesystem; a leading "/" is optional): returns
 * MP_IMPORT_STAT_FILE with the file's bytes in mp_vfs_rom_found_data/size,
 * MP_IMPORT_STAT_DIR with the directory's records there, or
 * MP_IMPORT_STAT_NO_EXIST (also for a corrupt image). Allocates nothing.
 */
export function mp_vfs_rom_search_filesystem(self: mp_obj_t, path: usize, len: usize): i32 {
  let fs = fs_start(self);
  let top = fs_end(self);
  if (len > 0 && load<u8>(path) == 47) {
    path++;
    len--;
  }
  while (len > 0 && fs < top) {
    cur = fs;
    const kind = extract_record(top);
    if (kind == RECORD_KIND_UNUSED) return MP_IMPORT_STAT_NO_EXIST;
    const next = rec_next;
    if (kind == RECORD_KIND_DIRECTORY || kind == RECORD_KIND_FILE) {
      if (!decode_uint(next)) return MP_IMPORT_STAT_NO_EXIST;
      const name_len = uint_val;
      if (name_len > next - cur) return MP_IMPORT_STAT_NO_EXIST;
      if (
        (name_len == len || (name_len < len && load<u8>(path + name_len) == 47)) &&
        memory.compare(path, cur, name_len) == 0
      ) {
        // the name matches: enter this record
        fs = cur + name_len;
        top = next;
        path += name_len;
        len -= name_len;
        if (kind == RECORD_KIND_DIRECTORY) {
          if (len > 0 && load<u8>(path) == 47) {
            path++;
            len--;
          }
        } else {
          if (len != 0) return MP_IMPORT_STAT_NO_EXIST;
          if (!extract_data(self, fs, top)) return MP_IMPORT_STAT_NO_EXIST;
          return MP_IMPORT_STAT_FILE;
        }
      } else {
        fs = next;
      }
    } else {
      fs = next;
    }
  }
  if (len == 0) {
    mp_vfs_rom_found_size = top - fs;
    mp_vfs_rom_found_data = fs;
    return MP_IMPORT_STAT_DIR;
  }
  return MP_IMPORT_STAT_NO_EXIST;
}

// The path of `path_in` (a str or bytes; TypeError otherwise) as MicroPython's
// mp_obj_str_get_str reads it, up to its first NUL, into vfs_rom_path_ptr/len;
// false with the exception pending. Allocates nothing.
export function vfs_rom_get_path(path_in: mp_obj_t): bool {
  const p = mp_obj_str_get_str(path_in);
  if (p == 0) return false;
  const n = mp_obj_str_get_len(path_in);
  let len: usize = 0;
  while (len < n && load<u8>(p + len) != 0) len++;
  vfs_rom_path_ptr = p;
  vfs_rom_path_len = len;
  return true;
}

/** The path vfs_rom_get_path read (bytes of the str argument; valid while the argument is). */
export let vfs_rom_path_ptr: usize = 0;
export let vfs_rom_path_len: usize = 0;

// VfsRom(buffer) (vfs_rom_make_new): OSError(ENODEV) unless the buffer holds a
// ROMFS image that fits in it.
function vfs_rom_make_new(type: usize, n_args: usize, n_kw: usize, args: usize): mp_obj_t {
  if (!mp_arg_check_num(n_args, n_kw, 1, 1, false)) return MP_OBJ_NULL;
  const memory_in = load<usize>(args);
  const mark = mp_root_mark();
  const bi = mp_root_alloc(MP_BUFINFO_WORDS);
  if (bi == 0) return mp_raise_recursion_depth();
  const ok = mp_get_buffer_raise(memory_in, bi, MP_BUFFER_READ);
  mp_root_release(mark);
  if (!ok) return MP_OBJ_NULL;
  const buf = load<usize>(bi);
  const len = load<usize>(bi + 4);
  if (len < ROMFS_SIZE_MIN) return mp_raise_OSError(MP_ENODEV);
  if (load<u8>(buf) != 0xd2 || load<u8>(buf + 1) != 0xcd || load<u8>(buf + 2) != 0x31) {
    return mp_raise_OSError(MP_ENODEV);
  }
  // the image is a record: enter it (extract_record also checks it fits)
  cur = buf;
  if (extract_record(buf + len) != RECORD_KIND_FILESYSTEM) return mp_raise_OSError(MP_ENODEV);
  const start = cur;
  const end = rec_next;
  // memory_in (the caller's argument) keeps the buffer alive meanwhile
  const o = gc_alloc(16, 0);
  if (o == 0) return mp_raise_memory_error(16);
  store<usize>(o, type);
  store<usize>(o + 4, memory_in);
  store<usize>(o + 8, start);
  store<usize>(o + 12, end);
  return o;
}

/** A new VfsRom over `memory_in` (vfs.VfsRom(memory_in)); MP_OBJ_NULL with the exception pending. */
export function mp_vfs_rom_new(memory_in: mp_obj_t): mp_obj_t {
  const mark = mp_root_mark();
  const a = mp_root_alloc(1);
  if (a == 0) return mp_raise_recursion_depth();
  store<usize>(a, memory_in);
  const r = vfs_rom_make_new(mp_type_vfs_rom, 1, 0, a);
  mp_root_release(mark);
  return r;
}

// mount(readonly, mkfs): a true mkfs is OSError(EPERM).
function vfs_rom_mount(self: mp_obj_t, readonly: mp_obj_t, mkfs: mp_obj_t): mp_obj_t {
  const mk = mp_obj_is_true(mkfs);
  if (mk < 0) return MP_OBJ_NULL;
  if (mk != 0) return mp_raise_OSError(MP_EPERM);
  return mp_const_none;
}

// chdir(path): only to the filesystem's root ("/"); OSError(EOPNOTSUPP) otherwise.
function vfs_rom_chdir(self: mp_obj_t, path_in: mp_obj_t): mp_obj_t {
  if (!vfs_rom_get_path(path_in)) return MP_OBJ_NULL;
  if (vfs_rom_path_len == 1 && load<u8>(vfs_rom_path_ptr) == 47) return mp_const_none;
  return mp_raise_OSError(MP_EOPNOTSUPP);
}

// getcwd(): always "" (the root of the filesystem).
function vfs_rom_getcwd(self: mp_obj_t): mp_obj_t {
  return MP_OBJ_NEW_QSTR(Q.MP_QSTR_);
}

// next (name, type, inode, size) of the directory (vfs_rom_ilistdir_it_iternext).
function vfs_rom_ilistdir_it_iternext(it: mp_obj_t): mp_obj_t {
  const self = load<usize>(it + 4);
  const top = load<usize>(it + 16);
  while (load<usize>(it + 12) < top) {
    cur = load<usize>(it + 12);
    const kind = extract_record(top);
    if (kind == RECORD_KIND_UNUSED) {
      store<usize>(it + 12, top);
      break;
    }
    const next = rec_next;
    if (kind != RECORD_KIND_DIRECTORY && kind != RECORD_KIND_FILE) {
      store<usize>(it + 12, next);
      continue;
    }
    if (!decode_uint(next) || uint_val > next - cur) {
      store<usize>(it + 12, top);
      break;
    }
    const name_len = uint_val;
    const name = cur;
    let type: i32;
    let data_len: usize;
    if (kind == RECORD_KIND_DIRECTORY) {
      type = S_IFDIR;
      data_len = next - name - name_len;
    } else {
      type = S_IFREG;
      // a file without (valid) data ends the listing, as MicroPython's
      if (!extract_data(self, name + name_len, next)) break;
      data_len = mp_vfs_rom_found_size;
    }
    store<usize>(it + 12, next);
    const t = mp_obj_new_tuple(4, 0);
    if (t == MP_OBJ_NULL) return MP_OBJ_NULL;
    store<usize>(t + 8, MP_OBJ_NEW_SMALL_INT(0));
    store<usize>(t + 12, MP_OBJ_NEW_SMALL_INT(type));
    store<usize>(t + 16, MP_OBJ_NEW_SMALL_INT(0));
    store<usize>(t + 20, MP_OBJ_NEW_SMALL_INT(0));
    const mark = mp_root_mark();
    mp_root_push(t);
    const s =
      load<u32>(it + 8) != 0 ? mp_obj_new_str(name, name_len) : mp_obj_new_bytes(name, name_len);
    if (s == MP_OBJ_NULL) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    store<usize>(t + 8, s);
    const size = mp_obj_new_int_from_uint(<u32>data_len);
    mp_root_release(mark);
    if (size == MP_OBJ_NULL) return MP_OBJ_NULL;
    store<usize>(t + 20, size);
    return t;
  }
  return MP_OBJ_STOP_ITERATION;
}

// ilistdir(path): an iterator of (name, type, 0, size); OSError(ENOENT) if
// the path is not a directory. Names are bytes for a bytes path.
function vfs_rom_ilistdir(self: mp_obj_t, path_in: mp_obj_t): mp_obj_t {
  const it = gc_alloc(20, 0);
  if (it == 0) return mp_raise_memory_error(20);
  store<usize>(it, mp_type_vfs_rom_ilistdir_it);
  store<usize>(it + 4, self);
  store<u32>(it + 8, mp_obj_get_type(path_in) == mp_type_str ? 1 : 0);
  if (!vfs_rom_get_path(path_in)) return MP_OBJ_NULL;
  const st = mp_vfs_rom_search_filesystem(self, vfs_rom_path_ptr, vfs_rom_path_len);
  if (st != MP_IMPORT_STAT_DIR) return mp_raise_OSError(MP_ENOENT);
  store<usize>(it + 12, mp_vfs_rom_found_data);
  store<usize>(it + 16, mp_vfs_rom_found_data + mp_vfs_rom_found_size);
  return it;
}

// stat(path): (st_mode, 0, 0, 0, 0, 0, st_size, 0, 0, 0); a directory's size
// is the bytes of its records. OSError(ENOENT) if not found.
function vfs_rom_stat(self: mp_obj_t, path_in: mp_obj_t): mp_obj_t {
  if (!vfs_rom_get_path(path_in)) return MP_OBJ_NULL;
  const st = mp_vfs_rom_search_filesystem(self, vfs_rom_path_ptr, vfs_rom_path_len);
  if (st == MP_IMPORT_STAT_NO_EXIST) return mp_raise_OSError(MP_ENOENT);
  const size = mp_vfs_rom_found_size;
  const t = mp_obj_new_tuple(10, 0);
  if (t == MP_OBJ_NULL) return MP_OBJ_NULL;
  for (let i: usize = 0; i < 10; i++) store<usize>(t + 8 + (i << 2), MP_OBJ_NEW_SMALL_INT(0));
  store<usize>(t + 8, MP_OBJ_NEW_SMALL_INT(st == MP_IMPORT_STAT_FILE ? S_IFREG : S_IFDIR));
  store<usize>(t + 8 + 24, MP_OBJ_NEW_SMALL_INT(<i32>size));
  return t;
}

// statvfs(path): f_bsize 1, f_blocks the image's payload bytes, f_namemax 32767.
function vfs_rom_statvfs(self: mp_obj_t, path_in: mp_obj_t): mp_obj_t {
  const t = mp_obj_new_tuple(10, 0);
  if (t == MP_OBJ_NULL) return MP_OBJ_NULL;
  for (let i: usize = 0; i < 10; i++) store<usize>(t + 8 + (i << 2), MP_OBJ_NEW_SMALL_INT(0));
  store<usize>(t + 8, MP_OBJ_NEW_SMALL_INT(1));
  store<usize>(t + 8 + 36, MP_OBJ_NEW_SMALL_INT(32767));
  const mark = mp_root_mark();
  mp_root_push(t);
  const blocks = mp_obj_new_int_from_uint(<u32>(fs_end(self) - fs_start(self)));
  mp_root_release(mark);
  if (blocks == MP_OBJ_NULL) return MP_OBJ_NULL;
  store<usize>(t + 8 + 8, blocks);
  return t;
}

/**
 * What is at the `len`-byte path at `path` in VfsRom `self`, for an import
 * (mp_vfs_rom_import_stat, the VFS protocol's import_stat): allocates nothing.
 */
export function mp_vfs_rom_import_stat(self: mp_obj_t, path: usize, len: usize): i32 {
  return mp_vfs_rom_search_filesystem(self, path, len);
}

/** True if `o` is a VfsRom. */
export function mp_obj_is_vfs_rom(o: mp_obj_t): bool {
  return mp_obj_is_type(o, mp_type_vfs_rom);
}

const vfs_rom_mount_obj: usize = memory.data(16, 16);
const vfs_rom_open_obj: usize = memory.data(16, 16);
const vfs_rom_chdir_obj: usize = memory.data(16, 16);
const vfs_rom_getcwd_obj: usize = memory.data(16, 16);
const vfs_rom_ilistdir_obj: usize = memory.data(16, 16);
const vfs_rom_stat_obj: usize = memory.data(16, 16);
const vfs_rom_statvfs_obj: usize = memory.data(16, 16);
const vfs_rom_locals_dict: usize = memory.data(16, 16);

/** Set-up of the VfsRom type (run once by mp_init). */
export function vfs_rom_static_init(): void {
  mp_fun_3_at(vfs_rom_mount_obj, vfs_rom_mount);
  mp_fun_3_at(vfs_rom_open_obj, mp_vfs_rom_file_open);
  mp_fun_2_at(vfs_rom_chdir_obj, vfs_rom_chdir);
  mp_fun_1_at(vfs_rom_getcwd_obj, vfs_rom_getcwd);
  mp_fun_2_at(vfs_rom_ilistdir_obj, vfs_rom_ilistdir);
  mp_fun_2_at(vfs_rom_stat_obj, vfs_rom_stat);
  mp_fun_2_at(vfs_rom_statvfs_obj, vfs_rom_statvfs);
  const d = vfs_rom_locals_dict;
  mp_static_dict_at(d, 8);
  mp_static_dict_add(d, Q.MP_QSTR_mount, vfs_rom_mount_obj);
  mp_static_dict_add(d, Q.MP_QSTR_umount, mp_stream_identity_obj);
  mp_static_dict_add(d, Q.MP_QSTR_open, vfs_rom_open_obj);
  mp_static_dict_add(d, Q.MP_QSTR_chdir, vfs_rom_chdir_obj);
  mp_static_dict_add(d, Q.MP_QSTR_getcwd, vfs_rom_getcwd_obj);
  mp_static_dict_add(d, Q.MP_QSTR_ilistdir, vfs_rom_ilistdir_obj);
  mp_static_dict_add(d, Q.MP_QSTR_stat, vfs_rom_stat_obj);
  mp_static_dict_add(d, Q.MP_QSTR_statvfs, vfs_rom_statvfs_obj);
  mp_type_setup(mp_type_vfs_rom, Q.MP_QSTR_VfsRom, MP_TYPE_FLAG_NONE, 0);
  mp_type_set_make_new(mp_type_vfs_rom, vfs_rom_make_new);
  mp_type_set_locals_dict(mp_type_vfs_rom, vfs_rom_locals_dict);

  const it = mp_type_vfs_rom_ilistdir_it;
  mp_type_setup(it, Q.MP_QSTR_iterator, MP_TYPE_FLAG_ITER_IS_ITERNEXT, 0);
  mp_type_set_iternext(it, vfs_rom_ilistdir_it_iternext);
  mp_type_set_getiter(it, mp_identity_getiter);
}
