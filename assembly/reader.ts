// Reading source files through the host, as MicroPython's reader.c and
// lexer.c's mp_lexer_new_from_file. The lexer reads its text in place, so a
// file is read whole into one GC block; the lexer then holds that block's
// head pointer, which keeps it alive while the source is parsed.

import { gc_alloc, gc_realloc } from "./gc";
import { qstr, qstr_str, qstr_len } from "./qstr";
import { mp_root_mark, mp_root_release, mp_root_alloc } from "./rootstack";
import { mp_raise_memory_error, mp_raise_OSError, mp_raise_recursion_depth } from "./runtime";
import { mp_lexer_new_from_str_len } from "./lexer";
import { mp_hal_file_open, mp_hal_file_read, mp_hal_file_close, mp_hal_stat } from "./mphal";
import { mp_vfs_read_file } from "./extmod/vfs_reader";

/** Host file_open mode: read only. */
@inline const O_READ: u32 = 1;
/** First read size when the host cannot tell the file's size. */
@inline const READ_CHUNK: usize = 512;
/** One byte to read into when checking for the end of a file. */
const probe: usize = memory.data(4, 4);

/**
 * Reads the whole file named by the `path_len` bytes at `path` into a new GC
 * block through the VFS (the filesystem mounted there: the host's, or a
 * Python object's open() and stream); stores the block's address at `slot`
 * (a root-stack word, so the block stays rooted while the caller uses it)
 * and returns the byte count, or -1 with the exception (OSError(errno),
 * MemoryError, or what the filesystem raised) pending. The block has one
 * spare byte after the data (a NUL).
 */
export function mp_reader_read_file(path: usize, path_len: usize, slot: usize): isize {
  return mp_vfs_read_file(path, path_len, slot);
}

/**
 * As mp_reader_read_file for a path of the host's filesystem, read through
 * the host's file calls (a VfsPosix file, extmod/vfs_posix.ts).
 */
export function mp_reader_read_host_file(path: usize, path_len: usize, slot: usize): isize {
  const fd = mp_hal_file_open(path, path_len, O_READ);
  if (fd < 0) {
    mp_raise_OSError(-fd);
    return -1;
  }
  const mark = mp_root_mark();
  const st = mp_root_alloc(4);
  if (st == 0) {
    mp_hal_file_close(fd);
    mp_raise_recursion_depth();
    return -1;
  }
  let alloc: usize = READ_CHUNK;
  if (mp_hal_stat(path, path_len, st) == 1) {
    const size = load<f64>(st);
    if (size >= 0 && size < 1073741824.0) alloc = <usize>size + 1;
  }
  mp_root_release(mark);
  let buf = gc_alloc(alloc, 0);
  if (buf == 0) {
    mp_hal_file_close(fd);
    mp_raise_memory_error(alloc);
    return -1;
  }
  store<usize>(slot, buf);
  let len: usize = 0;
  while (true) {
    if (len + 1 >= alloc) {
      // full (the size was a guess or the file grew): probe for the end
      // before growing, so a file of the expected size is not copied
      const p = mp_hal_file_read(fd, probe, 1);
      if (p < 0) {
        mp_hal_file_close(fd);
        mp_raise_OSError(-p);
        return -1;
      }
      if (p == 0) break;
      const na = alloc + (alloc >> 1) + READ_CHUNK;
      const nb = gc_realloc(buf, na, true);
      if (nb == 0) {
        mp_hal_file_close(fd);
        mp_raise_memory_error(na);
        return -1;
      }
      buf = nb;
      alloc = na;
      store<usize>(slot, buf);
      store<u8>(buf + len, load<u8>(probe));
      len++;
      continue;
    }
    const n = mp_hal_file_read(fd, buf + len, alloc - 1 - len);
    if (n < 0) {
      mp_hal_file_close(fd);
      mp_raise_OSError(-n);
      return -1;
    }
    if (n == 0) break;
    len += <usize>n;
  }
  mp_hal_file_close(fd);
  store<u8>(buf + len, 0);
  return <isize>len;
}

/**
 * A lexer over the file named by qstr `filename` (mp_lexer_new_from_file):
 * the file is read whole through the host; the lexer's source name is
 * `filename`. Returns the lexer (the caller roots it) or 0 with OSError
 * (e.g. ENOENT) or MemoryError pending.
 */
export function mp_lexer_new_from_file(filename: qstr): usize {
  const mark = mp_root_mark();
  const slot = mp_root_alloc(1);
  if (slot == 0) {
    mp_raise_recursion_depth();
    return 0;
  }
  const len = mp_reader_read_file(qstr_str(filename), qstr_len(filename), slot);
  if (len < 0) {
    mp_root_release(mark);
    return 0;
  }
  const lex = mp_lexer_new_from_str_len(filename, load<usize>(slot), <usize>len);
  mp_root_release(mark);
  return lex;
}
