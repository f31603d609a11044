// File objects over the host's filesystem, as MicroPython's
// extmod/vfs_posix_file.c (the unix port's files): io.FileIO (binary) and
// io.TextIOWrapper (text), open(), and the sys.stdin/stdout/stderr objects
// with their `.buffer` (binary) twins. Reads and writes go through the host
// imports file_open/read/write/seek/close (mphal.ts); fds 0, 1 and 2 are the
// terminal: stdin reads mp_hal_stdin_rx_chr, stdout/stderr write with
// mp_hal_stdout_tx_strn, so their output interleaves with print().
//
//   mp_obj_vfs_posix_file_t (8 bytes, one block, with a finaliser that
//   closes the fd when the object is collected):
//     +0 type (mp_type_vfs_posix_fileio / mp_type_vfs_posix_textio)
//     +4 fd (i32; -1 once closed)

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_OBJ_SENTINEL,
  MP_OBJ_NOT_SUPPORTED,
  MP_TYPE_SIZE,
  MP_TYPE_FLAG_NONE,
  MP_TYPE_FLAG_HAS_FINALISER,
  mp_type_setup,
  mp_type_set_print,
  mp_type_set_unary_op,
  mp_type_set_attr,
  mp_type_set_getiter,
  mp_type_set_iternext,
  mp_type_set_locals_dict,
  mp_type_set_protocol,
  mp_type_name,
  mp_obj_is_small_int,
  mp_obj_is_type,
  MP_OBJ_SMALL_INT_VALUE,
  MP_OBJ_NEW_SMALL_INT,
  mp_const_none,
  mp_fun_1_at,
  mp_fun_kw_at,
} from "../obj";
import { gc_alloc, GC_ALLOC_FLAG_HAS_FINALISER } from "../gc";
import { MP_UNARY_OP_FINALISE } from "../gcfinal";
import { qstr } from "../qstr";
import { mp_printf } from "../mpprint";
import { mp_root_mark, mp_root_release, mp_root_alloc } from "../rootstack";
import { mp_static_dict_at, mp_static_dict_add } from "../objdict";
import {
  mp_obj_is_str,
  mp_obj_str_get_data_ptr,
  mp_obj_str_get_len,
  mp_type_bytes,
} from "../objstr";
import { mp_raise_ValueError, mp_raise_msg_varg, mp_type_TypeError } from "../objexcept";
import { mp_raise_memory_error, mp_raise_OSError, mp_raise_recursion_depth } from "../runtime";
import { mp_obj_get_type_qstr } from "../obj";
import { mp_arg_set, mp_arg_parse_all, MP_ARG_OBJ, MP_ARG_INT, MP_ARG_REQUIRED } from "../argcheck";
import {
  mp_hal_stdout_tx_strn,
  mp_hal_stdin_rx_chr,
  mp_hal_file_open,
  mp_hal_file_read,
  mp_hal_file_write,
  mp_hal_file_seek,
  mp_hal_file_close,
} from "../mphal";
import {
  MP_STREAM_ERROR,
  MP_STREAM_RAISED,
  MP_STREAM_FLUSH,
  MP_STREAM_SEEK,
  MP_STREAM_CLOSE,
  MP_STREAM_GET_FILENO,
  MP_EINVAL,
  mp_stream_p_init,
  mp_stream_getiter,
  mp_stream_unbuffered_iter,
  mp_stream_read_obj,
  mp_stream_readinto_obj,
  mp_stream_unbuffered_readline_obj,
  mp_stream_unbuffered_readlines_obj,
  mp_stream_write_obj,
  mp_stream_seek_obj,
  mp_stream_tell_obj,
  mp_stream_flush_obj,
  mp_stream_close_obj,
  mp_stream___exit___obj,
  mp_stream_identity_obj,
} from "../stream";
import { mp_vfs_open } from "./vfs";
import * as Q from "../genhdr";

export const mp_type_vfs_posix_fileio: usize = memory.data(<i32>MP_TYPE_SIZE, 16);
export const mp_type_vfs_posix_textio: usize = memory.data(<i32>MP_TYPE_SIZE, 16);

/** sys.stdin, sys.stdout, sys.stderr: static text files on fds 0, 1, 2. */
export const mp_sys_stdin_obj: usize = memory.data(8, 8);
export const mp_sys_stdout_obj: usize = memory.data(8, 8);
export const mp_sys_stderr_obj: usize = memory.data(8, 8);
/** Their `.buffer` attributes: binary files on the same fds. */
export const mp_sys_stdin_buffer_obj: usize = memory.data(8, 8);
export const mp_sys_stdout_buffer_obj: usize = memory.data(8, 8);
export const mp_sys_stderr_buffer_obj: usize = memory.data(8, 8);

// Host open() mode bits (mphal.ts file_open).
@inline const O_READ: u32 = 1;
@inline const O_WRITE: u32 = 2;
@inline const O_APPEND: u32 = 4;
@inline const O_CREAT: u32 = 8;
@inline const O_TRUNC: u32 = 16;

@inline function file_fd(o: mp_obj_t): i32 {
  return load<i32>(o + 4);
}

// ValueError for a closed file, reported as a raised stream error (check_fd_is_open).
function closed_error(errcode: usize): usize {
  mp_raise_ValueError("I/O operation on closed file");
  store<i32>(errcode, MP_STREAM_RAISED);
  return MP_STREAM_ERROR;
}

function vfs_posix_file_print(print: usize, self: mp_obj_t, kind: u32): bool {
  mp_printf(print, "<io.%q %d>", mp_obj_get_type_qstr(self), <usize>file_fd(self));
  return true;
}

/**
 * Opens `file_in` (a path str, or an int fd) with mode string `mode_in`
 * ('r', 'w', 'a', '+', 'b', 't', as mp_vfs_posix_file_open): a FileIO for
 * 'b', else a TextIOWrapper. MP_OBJ_NULL with OSError(errno) pending if the
 * host cannot open it.
 */
export function mp_vfs_posix_file_open(file_in: mp_obj_t, mode_in: mp_obj_t): mp_obj_t {
  if (!mp_obj_is_str(mode_in)) return str_expected(mode_in);
  const mp = mp_obj_str_get_data_ptr(mode_in);
  const ml = mp_obj_str_get_len(mode_in);
  let type = mp_type_vfs_posix_textio;
  let mode_rw: u32 = O_READ;
  let mode_x: u32 = 0;
  for (let i: usize = 0; i < ml; i++) {
    const c = load<u8>(mp + i);
    if (c == 114) {
      // 'r'
      mode_rw = O_READ;
    } else if (c == 119) {
      // 'w'
      mode_rw = O_WRITE;
      mode_x = O_CREAT | O_TRUNC;
    } else if (c == 97) {
      // 'a'
      mode_rw = O_WRITE;
      mode_x = O_CREAT | O_APPEND;
    } else if (c == 43) {
      // '+'
      mode_rw = O_READ | O_WRITE;
    } else if (c == 98) {
      type = mp_type_vfs_posix_fileio;
    } else if (c == 116) {
      type = mp_type_vfs_posix_textio;
    }
  }
  const is_path = mp_obj_is_str(file_in) || mp_obj_is_type(file_in, mp_type_bytes);
  if (!mp_obj_is_small_int(file_in) && !is_path) {
    return str_expected(file_in);
  }
  const o = gc_alloc(8, GC_ALLOC_FLAG_HAS_FINALISER);
  if (o == 0) return mp_raise_memory_error(8);
  store<usize>(o, type);
  // "closed" until the host has opened it
  store<i32>(o + 4, -1);
  if (mp_obj_is_small_int(file_in)) {
    store<i32>(o + 4, MP_OBJ_SMALL_INT_VALUE(file_in));
    return o;
  }
  const path = mp_obj_str_get_data_ptr(file_in);
  const fd = mp_hal_file_open(path, mp_obj_str_get_len(file_in), mode_rw | mode_x);
  if (fd < 0) return mp_raise_OSError(-fd);
  store<i32>(o + 4, fd);
  return o;
}

// TypeError for a path or mode that is not a str (mp_obj_str_get_str's message).
function str_expected(o: mp_obj_t): mp_obj_t {
  const t = mp_obj_get_type_qstr(o);
  return mp_raise_msg_varg(mp_type_TypeError, "can't convert '%q' object to %q implicitly", t, Q.MP_QSTR_str);
}

function vfs_posix_file_fileno(self: mp_obj_t): mp_obj_t {
  if (file_fd(self) < 0) return mp_raise_ValueError("I/O operation on closed file");
  return MP_OBJ_NEW_SMALL_INT(file_fd(self));
}

function vfs_posix_file_read(o: mp_obj_t, buf: usize, size: usize, errcode: usize): usize {
  const fd = file_fd(o);
  if (fd < 0) return closed_error(errcode);
  if (fd == 0) {
    // the terminal: up to `size` bytes, stopping after a newline (a tty
    // read returns one line) or at end of input
    let n: usize = 0;
    while (n < size) {
      const c = mp_hal_stdin_rx_chr();
      if (c < 0) break;
      store<u8>(buf + n, <u8>c);
      n++;
      if (c == 10) break;
    }
    return n;
  }
  const r = mp_hal_file_read(fd, buf, size);
  if (r < 0) {
    store<i32>(errcode, -r);
    return MP_STREAM_ERROR;
  }
  return <usize>r;
}

function vfs_posix_file_write(o: mp_obj_t, buf: usize, size: usize, errcode: usize): usize {
  const fd = file_fd(o);
  if (fd < 0) return closed_error(errcode);
  if (fd == 1 || fd == 2) {
    mp_hal_stdout_tx_strn(fd, buf, size);
    return size;
  }
  const r = mp_hal_file_write(fd, buf, size);
  if (r < 0) {
    store<i32>(errcode, -r);
    return MP_STREAM_ERROR;
  }
  return <usize>r;
}

function vfs_posix_file_ioctl(o: mp_obj_t, request: u32, arg: usize, errcode: usize): usize {
  const fd = file_fd(o);
  if (request == MP_STREAM_FLUSH) {
    if (fd < 0) return closed_error(errcode);
    // writes are not buffered here; the host writes them through
    return 0;
  }
  if (request == MP_STREAM_SEEK) {
    if (fd < 0) return closed_error(errcode);
    const r = mp_hal_file_seek(fd, <f64>load<i64>(arg), load<i32>(arg + 8));
    if (r < 0) {
      store<i32>(errcode, -(<i32>r));
      return MP_STREAM_ERROR;
    }
    store<i64>(arg, <i64>r);
    return 0;
  }
  if (request == MP_STREAM_CLOSE) {
    // the terminal's fds stay open for the host
    if (fd > 2) mp_hal_file_close(fd);
    store<i32>(o + 4, -1);
    return 0;
  }
  if (request == MP_STREAM_GET_FILENO) {
    if (fd < 0) return closed_error(errcode);
    return <usize>fd;
  }
  store<i32>(errcode, MP_EINVAL);
  return MP_STREAM_ERROR;
}

// The finaliser: a file collected while open is closed (its __del__).
function vfs_posix_file_unary_op(op: u32, o: mp_obj_t): mp_obj_t {
  if (op == MP_UNARY_OP_FINALISE) {
    const fd = file_fd(o);
    if (fd > 2) mp_hal_file_close(fd);
    store<i32>(o + 4, -1);
    return mp_const_none;
  }
  return MP_OBJ_NOT_SUPPORTED;
}

// sys.stdin/stdout/stderr have a `buffer` attribute; other attributes come
// from the locals dict (vfs_posix_textio_attr).
function vfs_posix_textio_attr(self: mp_obj_t, attr: qstr, dest: usize): bool {
  if (load<usize>(dest) != MP_OBJ_NULL) return true; // read-only
  if (attr == Q.MP_QSTR_buffer) {
    if (self == mp_sys_stdin_obj) {
      store<usize>(dest, mp_sys_stdin_buffer_obj);
      return true;
    }
    if (self == mp_sys_stdout_obj) {
      store<usize>(dest, mp_sys_stdout_buffer_obj);
      return true;
    }
    if (self == mp_sys_stderr_obj) {
      store<usize>(dest, mp_sys_stderr_buffer_obj);
      return true;
    }
  }
  store<usize>(dest + 4, MP_OBJ_SENTINEL);
  return true;
}

// open(file, mode='r', buffering=-1, encoding=None) (mp_vfs_open's arguments).
const open_args: usize = memory.data(4 * 8, 4);

function mp_builtin_open(n_args: usize, args: usize, kw_args: usize): mp_obj_t {
  const mark = mp_root_mark();
  const vals = mp_root_alloc(4);
  if (vals == 0) return mp_raise_recursion_depth();
  if (!mp_arg_parse_all(n_args, args, kw_args, 4, open_args, vals)) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  const r = mp_vfs_open(load<usize>(vals), load<usize>(vals + 4));
  mp_root_release(mark);
  return r;
}

/** open() (mp_builtin_open_obj): builtins.open and io.open. */
export const mp_builtin_open_obj: usize = memory.data(16, 16);

const vfs_posix_file_fileno_obj: usize = memory.data(16, 16);
const vfs_posix_rawfile_locals_dict: usize = memory.data(16, 16);
const vfs_posix_fileio_stream_p: usize = memory.data(16, 4);
const vfs_posix_textio_stream_p: usize = memory.data(16, 4);

function file_type_init(t: usize, name: qstr, p: usize): void {
  mp_type_setup(t, name, MP_TYPE_FLAG_HAS_FINALISER, 0);
  mp_type_set_print(t, vfs_posix_file_print);
  mp_type_set_unary_op(t, vfs_posix_file_unary_op);
  mp_type_set_getiter(t, mp_stream_getiter);
  mp_type_set_iternext(t, mp_stream_unbuffered_iter);
  mp_type_set_protocol(t, p);
  mp_type_set_locals_dict(t, vfs_posix_rawfile_locals_dict);
}

/** Set-up of this file's static objects (file types, std streams, open); run once by mp_init. */
export function vfs_posix_file_static_init(): void {
  mp_arg_set(open_args, 0, Q.MP_QSTR_file, MP_ARG_OBJ | MP_ARG_REQUIRED, 0);
  mp_arg_set(open_args, 1, Q.MP_QSTR_mode, MP_ARG_OBJ, MP_OBJ_NEW_QSTR_r());
  mp_arg_set(open_args, 2, Q.MP_QSTR_buffering, MP_ARG_INT, <usize>-1);
  mp_arg_set(open_args, 3, Q.MP_QSTR_encoding, MP_ARG_OBJ, mp_const_none);
  mp_fun_kw_at(mp_builtin_open_obj, 0, mp_builtin_open);

  mp_fun_1_at(vfs_posix_file_fileno_obj, vfs_posix_file_fileno);
  const d = vfs_posix_rawfile_locals_dict;
  mp_static_dict_at(d, 13);
  mp_static_dict_add(d, Q.MP_QSTR_fileno, vfs_posix_file_fileno_obj);
  mp_static_dict_add(d, Q.MP_QSTR_read, mp_stream_read_obj);
  mp_static_dict_add(d, Q.MP_QSTR_readinto, mp_stream_readinto_obj);
  mp_static_dict_add(d, Q.MP_QSTR_readline, mp_stream_unbuffered_readline_obj);
  mp_static_dict_add(d, Q.MP_QSTR_readlines, mp_stream_unbuffered_readlines_obj);
  mp_static_dict_add(d, Q.MP_QSTR_write, mp_stream_write_obj);
  mp_static_dict_add(d, Q.MP_QSTR_seek, mp_stream_seek_obj);
  mp_static_dict_add(d, Q.MP_QSTR_tell, mp_stream_tell_obj);
  mp_static_dict_add(d, Q.MP_QSTR_flush, mp_stream_flush_obj);
  mp_static_dict_add(d, Q.MP_QSTR_close, mp_stream_close_obj);
  mp_static_dict_add(d, Q.MP_QSTR___del__, mp_stream_close_obj);
  mp_static_dict_add(d, Q.MP_QSTR___enter__, mp_stream_identity_obj);
  mp_static_dict_add(d, Q.MP_QSTR___exit__, mp_stream___exit___obj);

  const rd = vfs_posix_file_read;
  const wr = vfs_posix_file_write;
  mp_stream_p_init(vfs_posix_fileio_stream_p, rd, wr, vfs_posix_file_ioctl, false);
  mp_stream_p_init(vfs_posix_textio_stream_p, rd, wr, vfs_posix_file_ioctl, true);
  file_type_init(mp_type_vfs_posix_fileio, Q.MP_QSTR_FileIO, vfs_posix_fileio_stream_p);
  file_type_init(mp_type_vfs_posix_textio, Q.MP_QSTR_TextIOWrapper, vfs_posix_textio_stream_p);
  mp_type_set_attr(mp_type_vfs_posix_textio, vfs_posix_textio_attr);

  std_file_at(mp_sys_stdin_obj, mp_type_vfs_posix_textio, 0);
  std_file_at(mp_sys_stdout_obj, mp_type_vfs_posix_textio, 1);
  std_file_at(mp_sys_stderr_obj, mp_type_vfs_posix_textio, 2);
  std_file_at(mp_sys_stdin_buffer_obj, mp_type_vfs_posix_fileio, 0);
  std_file_at(mp_sys_stdout_buffer_obj, mp_type_vfs_posix_fileio, 1);
  std_file_at(mp_sys_stderr_buffer_obj, mp_type_vfs_posix_fileio, 2);
}

function std_file_at(o: usize, type: usize, fd: i32): void {
  store<usize>(o, type);
  store<i32>(o + 4, fd);
}

@inline function MP_OBJ_NEW_QSTR_r(): mp_obj_t {
  return (Q.MP_QSTR_r << 3) | 2;
}
