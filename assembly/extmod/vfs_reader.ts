// Reading a whole file through the VFS for the lexer and the .mpy loader, as
// MicroPython's extmod/vfs_reader.c (MICROPY_READER_VFS): a file of the
// host's filesystem (VfsPosix) is read by the host in one go; a VfsRom file
// is copied from its image, or mapped in place (mp_vfs_map_file); another
// filesystem's file is opened with open(path, "rb") and read as a stream
// in chunks of the size the file's ioctl asks for, then closed. The data
// go into one GC block, which the lexer reads in place.

import { mp_obj_t, MP_OBJ_NULL, MP_OBJ_NEW_QSTR, mp_obj_is_type } from "../obj";
import { gc_alloc, gc_realloc } from "../gc";
import { mp_root_mark, mp_root_push, mp_root_release, mp_root_alloc } from "../rootstack";
import { mp_obj_new_str } from "../objstr";
import { mp_take_exception, mp_raise_obj } from "../objexcept";
import { mp_raise_memory_error, mp_raise_OSError, mp_raise_recursion_depth } from "../runtime";
import {
  MP_STREAM_ERROR,
  MP_STREAM_RAISED,
  MP_STREAM_GET_BUFFER_SIZE,
  MP_STREAM_OP_READ,
  MP_STREAM_RW_READ,
  MP_STREAM_RW_ONCE,
  mp_get_stream_raise,
  mp_stream_call_ioctl,
  mp_stream_rw,
  mp_stream_close,
  MP_ENOENT,
  MP_EISDIR,
} from "../stream";
import { MP_VFS_ROOT, MP_VFS_NONE, mp_vfs_lookup_path, mp_vfs_proxy_call, mp_vfs_mount_fsobj } from "./vfs";
import { mp_type_vfs_posix, mp_vfs_posix_read_file } from "./vfs_posix";
import {
  mp_obj_is_vfs_rom,
  mp_vfs_rom_search_filesystem,
  mp_vfs_rom_found_data,
  mp_vfs_rom_found_size,
} from "./vfs_rom";
import { MP_IMPORT_STAT_FILE, MP_IMPORT_STAT_DIR } from "../builtinimport";
import { mem_heap_start, mem_heap_end } from "../memmap";
import * as Q from "../genhdr";

// the reader's buffer sizes for a stream (MICROPY_READER_VFS_*_BUFFER_SIZE
// with 16-byte GC blocks and a 7-byte reader header)
@inline const READER_DEFAULT_BUFFER_SIZE: usize = 25;
@inline const READER_MIN_BUFFER_SIZE: usize = 9;
@inline const READER_MAX_BUFFER_SIZE: usize = 255;

/**
 * Reads the whole file at the `len`-byte path at `path` into a new GC block,
 * for the reader (source files and .mpy files: mp_reader_new_file). Stores
 * the block at `slot` (a rooted word) and returns the byte count (the block
 * has a NUL after the data), or -1 with the exception pending. A VfsPosix
 * file is read by the host in one go; another filesystem's file is opened with
 * open(path, "rb") and read as a stream in chunks of the size its ioctl
 * MP_STREAM_GET_BUFFER_SIZE asks for (or 25 bytes), then closed.
 */
export function mp_vfs_read_file(path: usize, len: usize, slot: usize): isize {
  return read_file(path, len, slot, false);
}

/**
 * True after mp_vfs_map_file when the data were mapped in place (the slot
 * holds an address outside the GC heap), false when they were read into a
 * GC block.
 */
export let mp_vfs_file_mapped: bool = false;

/**
 * As mp_vfs_read_file, but a file of a VfsRom whose image lies outside the
 * GC heap (a firmware's ROMFS partition) is not copied: `slot` gets the
 * address of its bytes in place and mp_vfs_file_mapped is set, as
 * MicroPython's reader memory-maps a file with the buffer protocol
 * (MP_READER_IS_ROM). Such bytes never move or change and may be referred to
 * forever (the .mpy loader's execute-in-place). A VfsRom over a heap object
 * is read into a GC block as any other file.
 */
export function mp_vfs_map_file(path: usize, len: usize, slot: usize): isize {
  return read_file(path, len, slot, true);
}

function read_file(path: usize, len: usize, slot: usize, map: bool): isize {
  mp_vfs_file_mapped = false;
  const mark = mp_root_mark();
  const out = mp_root_alloc(2);
  if (out == 0) {
    mp_raise_recursion_depth();
    return -1;
  }
  const vfs = mp_vfs_lookup_path(path, len, out);
  if (vfs != MP_VFS_NONE && vfs != MP_VFS_ROOT && mp_obj_is_type(mp_vfs_mount_fsobj(vfs), mp_type_vfs_posix)) {
    const r = mp_vfs_posix_read_file(mp_vfs_mount_fsobj(vfs), load<usize>(out), load<usize>(out + 4), slot);
    mp_root_release(mark);
    return r;
  }
  if (vfs != MP_VFS_NONE && vfs != MP_VFS_ROOT && mp_obj_is_vfs_rom(mp_vfs_mount_fsobj(vfs))) {
    const fs = mp_vfs_mount_fsobj(vfs);
    const r = read_rom_file(fs, load<usize>(out), load<usize>(out + 4), slot, map);
    mp_root_release(mark);
    return r;
  }
  const a = mp_root_alloc(2);
  if (a == 0) {
    mp_raise_recursion_depth();
    return -1;
  }
  let r: isize = -1;
  if (vfs == MP_VFS_NONE || vfs == MP_VFS_ROOT) {
    mp_vfs_proxy_call(vfs, Q.MP_QSTR_open, 0, 0);
  } else {
    const p = mp_obj_new_str(load<usize>(out), load<usize>(out + 4));
    if (p != MP_OBJ_NULL) {
      store<usize>(a, p);
      store<usize>(a + 4, MP_OBJ_NEW_QSTR(Q.MP_QSTR_rb));
      const file = mp_vfs_proxy_call(vfs, Q.MP_QSTR_open, 2, a);
      if (file != MP_OBJ_NULL) {
        store<usize>(a, file);
        r = read_stream(file, slot);
      }
    }
  }
  mp_root_release(mark);
  return r;
}

// A file of VfsRom `fs` (rooted by the mount table): its bytes are found in
// the image without opening a file object (open's errors: ENOENT, EISDIR),
// then mapped (`map` and outside the GC heap) or copied into a GC block.
function read_rom_file(fs: mp_obj_t, p: usize, n: usize, slot: usize, map: bool): isize {
  const st = mp_vfs_rom_search_filesystem(fs, p, n);
  if (st != MP_IMPORT_STAT_FILE) {
    mp_raise_OSError(st == MP_IMPORT_STAT_DIR ? MP_EISDIR : MP_ENOENT);
    return -1;
  }
  const data = mp_vfs_rom_found_data;
  const size = mp_vfs_rom_found_size;
  if (map && (data + size <= mem_heap_start || data >= mem_heap_end)) {
    store<usize>(slot, data);
    mp_vfs_file_mapped = true;
    return <isize>size;
  }
  const buf = gc_alloc(size + 1, 0);
  if (buf == 0) {
    mp_raise_memory_error(size + 1);
    return -1;
  }
  memory.copy(buf, data, size);
  store<u8>(buf + size, 0);
  store<usize>(slot, buf);
  return <isize>size;
}

// Reads stream `file` (rooted) to its end into a GC block at `slot` and
// closes it, as MicroPython's VFS reader does: the first read's error is
// raised (leaving the file open, as mp_reader_new_file), a later OSError
// ends the file, and so does a short read; an exception raised by a later
// read closes the file and passes through (as the parser frees its reader).
function read_stream(file: mp_obj_t, slot: usize): isize {
  const p = mp_get_stream_raise(file, MP_STREAM_OP_READ);
  if (p == 0) return -1;
  const mark = mp_root_mark();
  const err = mp_root_alloc(1);
  if (err == 0) {
    mp_raise_recursion_depth();
    return -1;
  }
  let bufsize = mp_stream_call_ioctl(p, file, MP_STREAM_GET_BUFFER_SIZE, 0, err);
  if (bufsize == MP_STREAM_ERROR || bufsize == 0) {
    if (bufsize == MP_STREAM_ERROR && load<i32>(err) == MP_STREAM_RAISED) {
      mp_root_release(mark);
      return -1;
    }
    bufsize = READER_DEFAULT_BUFFER_SIZE;
  } else if (bufsize < READER_MIN_BUFFER_SIZE) {
    bufsize = READER_MIN_BUFFER_SIZE;
  } else if (bufsize > READER_MAX_BUFFER_SIZE) {
    bufsize = READER_MAX_BUFFER_SIZE;
  }
  let alloc: usize = 256;
  let buf = gc_alloc(alloc, 0);
  if (buf == 0) {
    mp_root_release(mark);
    mp_raise_memory_error(alloc);
    return -1;
  }
  store<usize>(slot, buf);
  let len: usize = 0;
  let first = true;
  while (true) {
    if (alloc - 1 - len < bufsize) {
      const na = alloc * 2;
      const nb = gc_realloc(buf, na, true);
      if (nb == 0) {
        mp_raise_memory_error(na);
        return close_after_error(file, mark);
      }
      buf = nb;
      alloc = na;
      store<usize>(slot, buf);
    }
    const n = mp_stream_rw(file, buf + len, bufsize, err, MP_STREAM_RW_READ | MP_STREAM_RW_ONCE);
    const e = load<i32>(err);
    if (e != 0) {
      // the first read belongs to opening the reader: the file is not closed
      if (e == MP_STREAM_RAISED && !first) return close_after_error(file, mark);
      if (e == MP_STREAM_RAISED) {
        mp_root_release(mark);
        return -1;
      }
      if (first) {
        mp_root_release(mark);
        mp_raise_OSError(e);
        return -1;
      }
      // a later error ends the file, as the reader's readbyte does
      break;
    }
    len += n;
    if (n < bufsize) break;
    first = false;
  }
  store<u8>(buf + len, 0);
  mp_root_release(mark);
  if (mp_stream_close(file) == MP_OBJ_NULL) return -1;
  return <isize>len;
}

// Closes `file` after an error, keeping the pending exception (as the parser
// frees its reader when an exception passes); returns -1.
function close_after_error(file: mp_obj_t, mark: usize): isize {
  const exc = mp_take_exception();
  mp_root_push(exc);
  if (mp_stream_close(file) == MP_OBJ_NULL) mp_take_exception();
  mp_raise_obj(exc);
  mp_root_release(mark);
  return -1;
}
