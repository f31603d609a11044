// Files of a VfsRom, as MicroPython's extmod/vfs_rom_file.c: read-only
// views of the image's bytes. A binary file (FileIO) also has the buffer
// protocol, so memoryview(f) maps the file without copying and the .mpy
// loader can run a ROMFS file's bytecode in place (vfs_reader.ts).
//
//   mp_obj_vfs_rom_file_t (16 bytes, one GC block):
//     +0 type (FileIO / TextIOWrapper)   +8  offset of the next read
//     +4 file size in bytes              +12 the file's first byte

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_TYPE_SIZE,
  MP_TYPE_FLAG_NONE,
  mp_type_setup,
  mp_type_set_getiter,
  mp_type_set_iternext,
  mp_type_set_locals_dict,
  mp_type_set_protocol,
  mp_type_set_buffer,
} from "../obj";
import { gc_alloc } from "../gc";
import { mp_root_mark, mp_root_release, mp_root_alloc } from "../rootstack";
import { mp_static_dict_at, mp_static_dict_add } from "../objdict";
import { mp_obj_str_get_str, mp_obj_str_get_len } from "../objstr";
import { mp_raise_memory_error, mp_raise_OSError, mp_raise_recursion_depth } from "../runtime";
import { MP_BUFFER_READ } from "../objarray";
import {
  MP_STREAM_ERROR,
  MP_STREAM_SEEK,
  MP_STREAM_CLOSE,
  MP_SEEK_SET,
  MP_SEEK_CUR,
  MP_EINVAL,
  MP_ENOENT,
  MP_EISDIR,
  mp_stream_p_init,
  mp_stream_getiter,
  mp_stream_unbuffered_iter,
  mp_stream_read_obj,
  mp_stream_readinto_obj,
  mp_stream_unbuffered_readline_obj,
  mp_stream_unbuffered_readlines_obj,
  mp_stream_seek_obj,
  mp_stream_tell_obj,
  mp_stream_close_obj,
  mp_stream___exit___obj,
  mp_stream_identity_obj,
} from "../stream";
import { MP_IMPORT_STAT_NO_EXIST, MP_IMPORT_STAT_DIR } from "../builtinimport";
import {
  mp_vfs_rom_search_filesystem,
  mp_vfs_rom_found_data,
  mp_vfs_rom_found_size,
  vfs_rom_get_path,
  vfs_rom_path_ptr,
  vfs_rom_path_len,
} from "./vfs_rom";
import * as Q from "../genhdr";

const mp_type_vfs_rom_fileio: usize = memory.data(<i32>MP_TYPE_SIZE, 16);
const mp_type_vfs_rom_textio: usize = memory.data(<i32>MP_TYPE_SIZE, 16);

@inline const MP_EROFS: i32 = 30;

/**
 * VfsRom.open(path, mode) (mp_vfs_rom_file_open): a FileIO for 'b', else a
 * TextIOWrapper; 'w', 'a' and '+' are OSError(EROFS); OSError(ENOENT) if
 * the path is not found, OSError(EISDIR) for a directory.
 */
export function mp_vfs_rom_file_open(
  self: mp_obj_t,
  path_in: mp_obj_t,
  mode_in: mp_obj_t,
): mp_obj_t {
  const mp = mp_obj_str_get_str(mode_in);
  if (mp == 0) return MP_OBJ_NULL;
  const ml = mp_obj_str_get_len(mode_in);
  let type = mp_type_vfs_rom_textio;
  for (let i: usize = 0; i < ml; i++) {
    const c = load<u8>(mp + i);
    if (c == 0) break; // the C string ends here
    if (c == 119 || c == 97 || c == 43) return mp_raise_OSError(MP_EROFS); // 'w' 'a' '+'
    if (c == 98) type = mp_type_vfs_rom_fileio; // 'b'
    else if (c == 116) type = mp_type_vfs_rom_textio; // 't'
  }
  const o = gc_alloc(16, 0);
  if (o == 0) return mp_raise_memory_error(16);
  store<usize>(o, type);
  if (!vfs_rom_get_path(path_in)) return MP_OBJ_NULL;
  const st = mp_vfs_rom_search_filesystem(self, vfs_rom_path_ptr, vfs_rom_path_len);
  if (st == MP_IMPORT_STAT_NO_EXIST) return mp_raise_OSError(MP_ENOENT);
  if (st == MP_IMPORT_STAT_DIR) return mp_raise_OSError(MP_EISDIR);
  store<usize>(o + 4, mp_vfs_rom_found_size);
  store<usize>(o + 8, 0);
  store<usize>(o + 12, mp_vfs_rom_found_data);
  return o;
}

// buffer slot: the file's bytes, for reading only.
function vfs_rom_file_get_buffer(o: mp_obj_t, bufinfo: usize, flags: u32): i32 {
  if (flags != MP_BUFFER_READ) return 1;
  store<usize>(bufinfo, load<usize>(o + 12));
  store<usize>(bufinfo + 4, load<usize>(o + 4));
  store<usize>(bufinfo + 8, 66); // 'B'
  return 0;
}

function vfs_rom_file_read(o: mp_obj_t, buf: usize, size: usize, errcode: usize): usize {
  const fsize = load<usize>(o + 4);
  const off = load<usize>(o + 8);
  const remain = off < fsize ? fsize - off : 0;
  if (size > remain) size = remain;
  memory.copy(buf, load<usize>(o + 12) + off, size);
  store<usize>(o + 8, off + size);
  return size;
}

// ioctl: seek (clamped to the end; OSError(EINVAL) before the start) and
// close; anything else is OSError(EINVAL).
function vfs_rom_file_ioctl(o: mp_obj_t, request: u32, arg: usize, errcode: usize): usize {
  if (request == MP_STREAM_SEEK) {
    const fsize = <i64>load<usize>(o + 4);
    const offset = load<i64>(arg);
    const whence = load<i32>(arg + 8);
    let pos: i64;
    if (whence == MP_SEEK_SET) pos = offset;
    else if (whence == MP_SEEK_CUR) pos = <i64>load<usize>(o + 8) + offset;
    else pos = fsize + offset;
    if (pos < 0 || pos > fsize) {
      // MicroPython's unsigned offset: past the end (or wrapped below 0)
      if (offset < 0) {
        store<i32>(errcode, MP_EINVAL);
        return MP_STREAM_ERROR;
      }
      pos = fsize;
    }
    store<usize>(o + 8, <usize>pos);
    store<i64>(arg, pos);
    return 0;
  }
  if (request == MP_STREAM_CLOSE) return 0;
  store<i32>(errcode, MP_EINVAL);
  return MP_STREAM_ERROR;
}

const vfs_rom_rawfile_locals_dict: usize = memory.data(16, 16);
const vfs_rom_fileio_stream_p: usize = memory.data(16, 4);
const vfs_rom_textio_stream_p: usize = memory.data(16, 4);

function file_type_init(t: usize, name: usize, p: usize): void {
  mp_type_setup(t, name, MP_TYPE_FLAG_NONE, 0);
  mp_type_set_getiter(t, mp_stream_getiter);
  mp_type_set_iternext(t, mp_stream_unbuffered_iter);
  mp_type_set_protocol(t, p);
  mp_type_set_locals_dict(t, vfs_rom_rawfile_locals_dict);
}

/** Set-up of the VfsRom file types (run once by mp_init). */
export function vfs_rom_file_static_init(): void {
  const d = vfs_rom_rawfile_locals_dict;
  mp_static_dict_at(d, 9);
  mp_static_dict_add(d, Q.MP_QSTR_read, mp_stream_read_obj);
  mp_static_dict_add(d, Q.MP_QSTR_readinto, mp_stream_readinto_obj);
  mp_static_dict_add(d, Q.MP_QSTR_readline, mp_stream_unbuffered_readline_obj);
  mp_static_dict_add(d, Q.MP_QSTR_readlines, mp_stream_unbuffered_readlines_obj);
  mp_static_dict_add(d, Q.MP_QSTR_seek, mp_stream_seek_obj);
  mp_static_dict_add(d, Q.MP_QSTR_tell, mp_stream_tell_obj);
  mp_static_dict_add(d, Q.MP_QSTR_close, mp_stream_close_obj);
  mp_static_dict_add(d, Q.MP_QSTR___enter__, mp_stream_identity_obj);
  mp_static_dict_add(d, Q.MP_QSTR___exit__, mp_stream___exit___obj);
  mp_stream_p_init(vfs_rom_fileio_stream_p, vfs_rom_file_read, null, vfs_rom_file_ioctl, false);
  mp_stream_p_init(vfs_rom_textio_stream_p, vfs_rom_file_read, null, vfs_rom_file_ioctl, true);
  file_type_init(mp_type_vfs_rom_fileio, Q.MP_QSTR_FileIO, vfs_rom_fileio_stream_p);
  file_type_init(mp_type_vfs_rom_textio, Q.MP_QSTR_TextIOWrapper, vfs_rom_textio_stream_p);
  mp_type_set_buffer(mp_type_vfs_rom_fileio, vfs_rom_file_get_buffer);
}
