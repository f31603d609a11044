// The stream protocol and the generic stream methods (read, write, readline,
// seek, close...), as MicroPython's stream.c. A type that is a stream points
// its protocol slot at a static mp_stream_p_t:
//
//   mp_stream_p_t (16 bytes, static data):
//     +0  read   (o, buf, size, errcode_ptr) -> bytes read, 0 at EOF, or MP_STREAM_ERROR
//     +4  write  (o, buf, size, errcode_ptr) -> bytes written or MP_STREAM_ERROR
//     +8  ioctl  (o, request, arg, errcode_ptr) -> result or MP_STREAM_ERROR
//     +12 is_text u32 (read() returns str rather than bytes)
//
// On MP_STREAM_ERROR the function has stored an errno (i32) at errcode_ptr;
// the methods here turn it into OSError(errno). A stream function may also
// raise directly (ValueError for a closed file, an exception from Python
// code): it then stores MP_STREAM_RAISED and returns MP_STREAM_ERROR with the
// exception pending.
//
// MP_STREAM_SEEK's argument is a struct on the root stack:
//   mp_stream_seek_t: +0 offset i64   +8 whence i32

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_OBJ_STOP_ITERATION,
  mp_const_none,
  mp_obj_is_small_int,
  MP_OBJ_NEW_SMALL_INT,
  mp_obj_is_obj,
  mp_type_protocol,
  mp_type_slot,
  SLOT_buffer,
  call_buffer,
  mp_obj_get_int,
  MP_INT_ERROR,
  mp_fun_1_at,
  mp_fun_var_at,
} from "./obj";
import { mp_obj_get_type } from "./objtype";
import {
  mp_type_str,
  mp_type_bytes,
  mp_obj_new_str,
  mp_obj_new_str_copy,
  mp_obj_str_get_data_ptr,
  mp_obj_str_get_len,
} from "./objstr";
import { mp_obj_new_list, mp_obj_list_append } from "./objlist";
import { mp_root_mark, mp_root_push, mp_root_release, mp_root_alloc } from "./rootstack";
import {
  vstr_new_root,
  vstr_add_len,
  vstr_len,
  vstr_str,
  vstr_set_len,
  vstr_had_error,
  vstr_extend,
  vstr_alloc,
} from "./vstr";
import { mp_raise_msg, mp_type_OSError, mp_raise_TypeError } from "./objexcept";
import { mp_raise_OSError, mp_raise_recursion_depth } from "./runtime";
import { mp_obj_new_int_from_ll } from "./objint";
import { mp_print_init } from "./mpprint";

/** Returned by stream functions on error (errno stored at errcode_ptr). */
@inline export const MP_STREAM_ERROR: usize = 0xffffffff;
/** The errcode of a stream function that raised its own exception (pending). */
@inline export const MP_STREAM_RAISED: i32 = -1;

// ioctl requests (stream.h)
@inline export const MP_STREAM_FLUSH: u32 = 1;
@inline export const MP_STREAM_SEEK: u32 = 2;
@inline export const MP_STREAM_POLL: u32 = 3;
@inline export const MP_STREAM_CLOSE: u32 = 4;
@inline export const MP_STREAM_TIMEOUT: u32 = 5;
@inline export const MP_STREAM_GET_OPTS: u32 = 6;
@inline export const MP_STREAM_SET_OPTS: u32 = 7;
@inline export const MP_STREAM_GET_DATA_OPTS: u32 = 8;
@inline export const MP_STREAM_SET_DATA_OPTS: u32 = 9;
@inline export const MP_STREAM_GET_FILENO: u32 = 10;
@inline export const MP_STREAM_GET_BUFFER_SIZE: u32 = 11;

// MP_STREAM_POLL: the argument and the result are sets of these events (poll(2)'s values)
@inline export const MP_STREAM_POLL_RD: u32 = 0x0001;
@inline export const MP_STREAM_POLL_WR: u32 = 0x0004;
@inline export const MP_STREAM_POLL_ERR: u32 = 0x0008;
@inline export const MP_STREAM_POLL_HUP: u32 = 0x0010;
@inline export const MP_STREAM_POLL_NVAL: u32 = 0x0020;

@inline export const MP_SEEK_SET: i32 = 0;
@inline export const MP_SEEK_CUR: i32 = 1;
@inline export const MP_SEEK_END: i32 = 2;

// mp_get_stream_raise flags
@inline export const MP_STREAM_OP_READ: u32 = 1;
@inline export const MP_STREAM_OP_WRITE: u32 = 2;
@inline export const MP_STREAM_OP_IOCTL: u32 = 4;

// mp_stream_rw flags
@inline export const MP_STREAM_RW_READ: u32 = 0;
@inline export const MP_STREAM_RW_WRITE: u32 = 2;
@inline export const MP_STREAM_RW_ONCE: u32 = 1;

// errnos used by the streams (mperrno.h)
@inline export const MP_EPERM: i32 = 1;
@inline export const MP_ENOENT: i32 = 2;
@inline export const MP_EIO: i32 = 5;
@inline export const MP_EBADF: i32 = 9;
@inline export const MP_EAGAIN: i32 = 11;
@inline export const MP_ENOMEM: i32 = 12;
@inline export const MP_EACCES: i32 = 13;
@inline export const MP_EEXIST: i32 = 17;
@inline export const MP_ENOTDIR: i32 = 20;
@inline export const MP_EISDIR: i32 = 21;
@inline export const MP_EINVAL: i32 = 22;
@inline export const MP_EFBIG: i32 = 27;
@inline export const MP_ENOSPC: i32 = 28;
@inline export const MP_ESPIPE: i32 = 29;
@inline export const MP_EOPNOTSUPP: i32 = 95;

/** Bytes read per step by readall (stream.c's DEFAULT_BUFFER_SIZE). */
@inline const DEFAULT_BUFFER_SIZE: usize = 256;

export type stream_rw_fn = (o: mp_obj_t, buf: usize, size: usize, errcode: usize) => usize;
export type stream_ioctl_fn = (o: mp_obj_t, request: u32, arg: usize, errcode: usize) => usize;

/** Fills the protocol table `p` (16 bytes of static data); 0-index functions are absent. */
export function mp_stream_p_init(
  p: usize,
  read: stream_rw_fn | null,
  write: stream_rw_fn | null,
  ioctl: stream_ioctl_fn | null,
  is_text: bool,
): void {
  store<u32>(p, read == null ? 0 : read.index);
  store<u32>(p + 4, write == null ? 0 : write.index);
  store<u32>(p + 8, ioctl == null ? 0 : ioctl.index);
  store<u32>(p + 12, is_text ? 1 : 0);
}

@inline function p_read(p: usize): u32 {
  return load<u32>(p);
}
@inline function p_write(p: usize): u32 {
  return load<u32>(p + 4);
}
@inline function p_ioctl(p: usize): u32 {
  return load<u32>(p + 8);
}
/** True if the stream's read() gives str. */
@inline export function mp_stream_p_is_text(p: usize): bool {
  return load<u32>(p + 12) != 0;
}

/** Calls the read (or write) function `f` of a stream. */
@inline export function mp_stream_call_rw(
  f: u32,
  o: mp_obj_t,
  buf: usize,
  size: usize,
  errcode: usize,
): usize {
  return call_indirect<usize>(f, o, buf, size, errcode);
}

/** Calls the ioctl function of protocol `p` (must be present). */
@inline export function mp_stream_call_ioctl(
  p: usize,
  o: mp_obj_t,
  request: u32,
  arg: usize,
  errcode: usize,
): usize {
  return call_indirect<usize>(load<u32>(p + 8), o, request, arg, errcode);
}

/** The stream protocol of `o`'s type, or 0 (mp_get_stream, without the check). */
export function mp_get_stream(o: mp_obj_t): usize {
  if (!mp_obj_is_obj(o)) return 0;
  return mp_type_protocol(load<usize>(o));
}

/**
 * The stream protocol of `o` if it supports the operations in `flags`
 * (MP_STREAM_OP_*), else 0 with OSError "stream operation not supported"
 * pending (mp_get_stream_raise). Only types whose protocol slot holds a
 * stream table may be passed here: the protocol slot of other objects is
 * read as one.
 */
export function mp_get_stream_raise(o: mp_obj_t, flags: u32): usize {
  const p = mp_get_stream(o);
  if (p != 0) {
    if (
      !((flags & MP_STREAM_OP_READ) != 0 && p_read(p) == 0) &&
      !((flags & MP_STREAM_OP_WRITE) != 0 && p_write(p) == 0) &&
      !((flags & MP_STREAM_OP_IOCTL) != 0 && p_ioctl(p) == 0)
    ) {
      return p;
    }
  }
  mp_raise_msg(mp_type_OSError, "stream operation not supported");
  return 0;
}

// One zeroed errcode word on the root stack (callers hold a root mark).
function errcode_alloc(): usize {
  const e = mp_root_alloc(1);
  if (e == 0) mp_raise_recursion_depth();
  return e;
}

/**
 * Raises the error of a failed stream call: the exception it raised itself
 * (MP_STREAM_RAISED), else OSError(errcode) (mp_stream_raise_error). Returns
 * MP_OBJ_NULL.
 */
export function mp_stream_raise_error(errcode: i32): mp_obj_t {
  if (errcode == MP_STREAM_RAISED) return MP_OBJ_NULL;
  return mp_raise_OSError(errcode);
}

/** True for the errno of a non-blocking stream with nothing to do (mp_is_nonblocking_error). */
@inline export function mp_is_nonblocking_error(e: i32): bool {
  return e == MP_EAGAIN;
}

/**
 * Reads or writes (flags MP_STREAM_RW_*) `size` bytes at `buf`, looping until
 * done, EOF or an error (mp_stream_rw). Returns the bytes done; the errno is
 * at `errcode` (0 if none). `stream` must support the operation.
 */
export function mp_stream_rw(
  stream: mp_obj_t,
  buf: usize,
  size: usize,
  errcode: usize,
  flags: u32,
): usize {
  const p = mp_get_stream(stream);
  const f = (flags & MP_STREAM_RW_WRITE) != 0 ? p_write(p) : p_read(p);
  store<i32>(errcode, 0);
  let done: usize = 0;
  while (size > 0) {
    const out_sz = mp_stream_call_rw(f, stream, buf, size, errcode);
    // EOF for a read; no progress for a write
    if (out_sz == 0) return done;
    if (out_sz == MP_STREAM_ERROR) {
      // data read before EAGAIN is kept
      if (mp_is_nonblocking_error(load<i32>(errcode)) && done != 0) store<i32>(errcode, 0);
      return done;
    }
    if ((flags & MP_STREAM_RW_ONCE) != 0) return out_sz;
    buf += out_sz;
    size -= out_sz;
    done += out_sz;
  }
  return done;
}

/**
 * Seeks `stream` (mp_stream_seek): returns the new position, or -1 with the
 * errno at `errcode`.
 */
export function mp_stream_seek(stream: mp_obj_t, offset: i64, whence: i32, errcode: usize): i64 {
  const p = mp_get_stream(stream);
  const mark = mp_root_mark();
  const s = mp_root_alloc(4);
  if (s == 0) {
    mp_raise_recursion_depth();
    store<i32>(errcode, MP_STREAM_RAISED);
    return -1;
  }
  store<i64>(s, offset);
  store<i32>(s + 8, whence);
  const res = mp_stream_call_ioctl(p, stream, MP_STREAM_SEEK, s, errcode);
  const r = load<i64>(s);
  mp_root_release(mark);
  if (res == MP_STREAM_ERROR) return -1;
  return r;
}

// A str (text streams, interned if possible) or bytes object of `len` bytes at `p` (rooted).
function stream_new_data(is_text: bool, p: usize, len: usize): mp_obj_t {
  if (is_text) return mp_obj_new_str(p, len);
  return mp_obj_new_str_copy(mp_type_bytes, p, len);
}

// The vstr's contents as a str/bytes object (the vstr is on the root stack).
function vstr_to_obj(v: usize, is_text: bool): mp_obj_t {
  if (vstr_had_error(v)) return MP_OBJ_NULL;
  return stream_new_data(is_text, vstr_str(v), vstr_len(v));
}

/**
 * The buffer of `o` for reading (MP_BUFFER_READ, flags 1) or writing
 * (MP_BUFFER_WRITE, 2): writes buf and len at `out`, as mp_get_buffer. str
 * and bytes are read-only buffers. Returns false (no exception) if `o` has no
 * such buffer.
 */
export function mp_get_buffer(o: mp_obj_t, out: usize, flags: u32): bool {
  if (!mp_obj_is_obj(o) && !mp_obj_is_small_int(o)) {
    // qstr: a str
    if ((o & 7) == 2 && (flags & 2) == 0) {
      store<usize>(out, mp_obj_str_get_data_ptr(o));
      store<usize>(out + 4, mp_obj_str_get_len(o));
      store<usize>(out + 8, 66); // 'B'
      return true;
    }
    return false;
  }
  if (mp_obj_is_small_int(o)) return false;
  const t = load<usize>(o);
  if ((t == mp_type_str || t == mp_type_bytes) && (flags & 2) == 0) {
    store<usize>(out, mp_obj_str_get_data_ptr(o));
    store<usize>(out + 4, mp_obj_str_get_len(o));
    store<usize>(out + 8, 66);
    return true;
  }
  const f = mp_type_slot(t, SLOT_buffer);
  if (f == 0) return false;
  return call_buffer(f, o, out, flags) == 0;
}

/**
 * As mp_get_buffer, raising TypeError "object with buffer protocol required"
 * (mp_get_buffer_raise).
 */
export function mp_get_buffer_raise(o: mp_obj_t, out: usize, flags: u32): bool {
  if (mp_get_buffer(o, out, flags)) return true;
  mp_raise_TypeError("object with buffer protocol required");
  return false;
}

// ---- the methods ----

// read([size]) / read1([size]) (stream_read_generic).
function stream_read_generic(n_args: usize, args: usize, flags: u32): mp_obj_t {
  const self = load<usize>(args);
  let sz: i64 = -1;
  if (n_args > 1) {
    sz = mp_obj_get_int(load<usize>(args + 4));
    if (sz == MP_INT_ERROR) return MP_OBJ_NULL;
  }
  if (sz == -1) return stream_readall(self);
  const p = mp_get_stream_raise(self, MP_STREAM_OP_READ);
  if (p == 0) return MP_OBJ_NULL;
  // a negative size other than -1 asks for an impossible buffer
  if (sz < 0) sz = 0x7fffffff;
  const mark = mp_root_mark();
  const err = errcode_alloc();
  if (err == 0) return MP_OBJ_NULL;
  if (mp_stream_p_is_text(p)) {
    // read `sz` characters: read bytes, never more than needed, until whole
    // characters add up to `sz` (MicroPython's algorithm)
    const v = vstr_new_root(<usize>sz);
    if (v == 0) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    let more_bytes = <usize>sz;
    let last_buf_offset: usize = 0;
    while (more_bytes > 0) {
      const q = vstr_add_len(v, more_bytes);
      if (q == 0) {
        mp_root_release(mark);
        return MP_OBJ_NULL;
      }
      const out_sz = mp_stream_rw(self, q, more_bytes, err, MP_STREAM_RW_READ);
      const e = load<i32>(err);
      if (e != 0) {
        vstr_set_len(v, vstr_len(v) - more_bytes);
        if (mp_is_nonblocking_error(e)) {
          if (vstr_len(v) == 0) {
            mp_root_release(mark);
            return mp_const_none;
          }
          break;
        }
        mp_root_release(mark);
        return mp_stream_raise_error(e);
      }
      if (out_sz < more_bytes) {
        vstr_set_len(v, vstr_len(v) - (more_bytes - out_sz));
        if (out_sz == 0) break;
      }
      // count the whole characters among the bytes just read
      let off = last_buf_offset;
      while (true) {
        const b = <u32>load<u8>(vstr_str(v) + off);
        let n: usize;
        if (b < 0x80) n = 1;
        else if ((b & 0xe0) == 0xc0) n = 2;
        else if ((b & 0xf0) == 0xe0) n = 3;
        else if ((b & 0xf8) == 0xf0) n = 4;
        else n = 5;
        if (off + n <= vstr_len(v)) {
          off += n;
          sz -= 1;
          last_buf_offset = off;
          if (off >= vstr_len(v)) {
            more_bytes = <usize>sz;
            break;
          }
        } else {
          more_bytes = off + n - vstr_len(v) + <usize>(sz - 1);
          break;
        }
      }
    }
    const r = vstr_to_obj(v, true);
    mp_root_release(mark);
    return r;
  }
  const v = vstr_new_root(<usize>sz + 1);
  if (v == 0) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  const out_sz = mp_stream_rw(self, vstr_str(v), <usize>sz, err, flags);
  const e = load<i32>(err);
  if (e != 0) {
    mp_root_release(mark);
    if (mp_is_nonblocking_error(e)) return mp_const_none;
    return mp_stream_raise_error(e);
  }
  vstr_set_len(v, out_sz);
  const r = vstr_to_obj(v, false);
  mp_root_release(mark);
  return r;
}

function stream_read(n_args: usize, args: usize): mp_obj_t {
  return stream_read_generic(n_args, args, MP_STREAM_RW_READ);
}

function stream_read1(n_args: usize, args: usize): mp_obj_t {
  return stream_read_generic(n_args, args, MP_STREAM_RW_READ | MP_STREAM_RW_ONCE);
}

/**
 * Writes `len` bytes at `buf` to `self_in` (mp_stream_write): the count as a
 * small int, None for a non-blocking stream that took nothing, or
 * MP_OBJ_NULL with OSError pending.
 */
export function mp_stream_write(self_in: mp_obj_t, buf: usize, len: usize, flags: u32): mp_obj_t {
  const mark = mp_root_mark();
  const err = errcode_alloc();
  if (err == 0) return MP_OBJ_NULL;
  const out_sz = mp_stream_rw(self_in, buf, len, err, flags);
  const e = load<i32>(err);
  mp_root_release(mark);
  if (e != 0) {
    if (mp_is_nonblocking_error(e)) return mp_const_none;
    return mp_stream_raise_error(e);
  }
  return MP_OBJ_NEW_SMALL_INT(<i32>out_sz);
}

/**
 * A print_strn function (mpprint.ts) writing to the stream object `data`
 * (mp_stream_write_adaptor). An error leaves its exception pending.
 */
export function mp_stream_write_adaptor(data: usize, buf: usize, len: usize): void {
  mp_stream_write(data, buf, len, MP_STREAM_RW_WRITE);
}

/** Points printer `print` (2 words) at stream object `stream`. */
export function mp_stream_printer_init(print: usize, stream: mp_obj_t): void {
  mp_print_init(print, stream, mp_stream_write_adaptor);
}

// write(buf[, max_len]) / write(buf, off, max_len) and readinto(buf[, max_len]).
function stream_readinto_write_generic(n_args: usize, args: usize, flags: u32): mp_obj_t {
  const self = load<usize>(args);
  const is_write = (flags & MP_STREAM_RW_WRITE) != 0;
  const p = mp_get_stream_raise(self, is_write ? MP_STREAM_OP_WRITE : MP_STREAM_OP_READ);
  if (p == 0) return MP_OBJ_NULL;
  const mark = mp_root_mark();
  const bi = mp_root_alloc(3);
  if (bi == 0) return mp_raise_recursion_depth();
  if (!mp_get_buffer_raise(load<usize>(args + 4), bi, (flags & MP_STREAM_RW_WRITE) != 0 ? 1 : 2)) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  let len = load<usize>(bi + 4);
  let max_len: usize = 0xffffffff;
  let off: usize = 0;
  if (n_args == 3) {
    const m = mp_obj_get_int(load<usize>(args + 8));
    if (m == MP_INT_ERROR) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    max_len = <usize>(<u32>m);
  } else if (n_args == 4) {
    const o = mp_obj_get_int(load<usize>(args + 8));
    if (o == MP_INT_ERROR) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    const m = mp_obj_get_int(load<usize>(args + 12));
    if (m == MP_INT_ERROR) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    off = <usize>(<u32>o);
    max_len = <usize>(<u32>m);
    if (off > len) off = len;
  }
  len -= off;
  const r = mp_stream_write(self, load<usize>(bi) + off, len < max_len ? len : max_len, flags);
  mp_root_release(mark);
  return r;
}

function stream_write_method(n_args: usize, args: usize): mp_obj_t {
  return stream_readinto_write_generic(n_args, args, MP_STREAM_RW_WRITE);
}

function stream_write1_method(n_args: usize, args: usize): mp_obj_t {
  return stream_readinto_write_generic(n_args, args, MP_STREAM_RW_WRITE | MP_STREAM_RW_ONCE);
}

function stream_readinto(n_args: usize, args: usize): mp_obj_t {
  return stream_readinto_write_generic(n_args, args, MP_STREAM_RW_READ);
}

function stream_readinto1(n_args: usize, args: usize): mp_obj_t {
  return stream_readinto_write_generic(n_args, args, MP_STREAM_RW_READ | MP_STREAM_RW_ONCE);
}

// read() to EOF (stream_readall).
function stream_readall(self: mp_obj_t): mp_obj_t {
  const p = mp_get_stream_raise(self, MP_STREAM_OP_READ);
  if (p == 0) return MP_OBJ_NULL;
  const mark = mp_root_mark();
  const err = errcode_alloc();
  if (err == 0) return MP_OBJ_NULL;
  const v = vstr_new_root(DEFAULT_BUFFER_SIZE);
  if (v == 0) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  let total: usize = 0;
  let current_read = DEFAULT_BUFFER_SIZE;
  while (true) {
    const out_sz = mp_stream_call_rw(p_read(p), self, vstr_str(v) + total, current_read, err);
    if (out_sz == MP_STREAM_ERROR) {
      const e = load<i32>(err);
      if (mp_is_nonblocking_error(e)) {
        if (total == 0) {
          mp_root_release(mark);
          return mp_const_none;
        }
        break;
      }
      mp_root_release(mark);
      return mp_stream_raise_error(e);
    }
    if (out_sz == 0) break;
    total += out_sz;
    if (out_sz < current_read) {
      current_read -= out_sz;
    } else {
      if (vstr_extend(v, DEFAULT_BUFFER_SIZE) == 0) {
        mp_root_release(mark);
        return MP_OBJ_NULL;
      }
      current_read = DEFAULT_BUFFER_SIZE;
    }
  }
  vstr_set_len(v, total);
  const r = vstr_to_obj(v, mp_stream_p_is_text(p));
  mp_root_release(mark);
  return r;
}

// readline([size]) for raw streams, one byte at a time (stream_unbuffered_readline).
function stream_unbuffered_readline(n_args: usize, args: usize): mp_obj_t {
  const self = load<usize>(args);
  const p = mp_get_stream_raise(self, MP_STREAM_OP_READ);
  if (p == 0) return MP_OBJ_NULL;
  let max_size: i32 = -1;
  if (n_args > 1) {
    const a = load<usize>(args + 4);
    if (mp_obj_is_small_int(a)) max_size = (<i32>a) >> 1;
    else {
      const m = mp_obj_get_int(a);
      if (m == MP_INT_ERROR) return MP_OBJ_NULL;
      max_size = <i32>m;
    }
  }
  const mark = mp_root_mark();
  const err = errcode_alloc();
  if (err == 0) return MP_OBJ_NULL;
  const v = vstr_new_root(max_size != -1 ? <usize>(max_size < 0 ? 0 : max_size) : 16);
  if (v == 0) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  while (max_size == -1 || max_size-- != 0) {
    const q = vstr_add_len(v, 1);
    if (q == 0) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    const out_sz = mp_stream_call_rw(p_read(p), self, q, 1, err);
    if (out_sz == MP_STREAM_ERROR) {
      const e = load<i32>(err);
      if (mp_is_nonblocking_error(e)) {
        if (vstr_len(v) == 1) {
          mp_root_release(mark);
          return mp_const_none;
        }
        vstr_set_len(v, vstr_len(v) - 1);
        break;
      }
      mp_root_release(mark);
      return mp_stream_raise_error(e);
    }
    if (out_sz == 0) {
      // EOF: drop the byte added for it
      vstr_set_len(v, vstr_len(v) - 1);
      break;
    }
    if (load<u8>(vstr_str(v) + vstr_len(v) - 1) == 10) break;
  }
  const r = vstr_to_obj(v, mp_stream_p_is_text(p));
  mp_root_release(mark);
  return r;
}

/** readline() of `self`: the next line, or MP_OBJ_NULL with an exception pending. */
export function mp_stream_readline(self: mp_obj_t): mp_obj_t {
  const mark = mp_root_mark();
  const a = mp_root_alloc(1);
  if (a == 0) return mp_raise_recursion_depth();
  store<usize>(a, self);
  const r = stream_unbuffered_readline(1, a);
  mp_root_release(mark);
  return r;
}

// readlines(): a list of all lines (stream_unbuffered_readlines).
function stream_unbuffered_readlines(self: mp_obj_t): mp_obj_t {
  const mark = mp_root_mark();
  const lines = mp_obj_new_list(0, 0);
  if (lines == MP_OBJ_NULL) return MP_OBJ_NULL;
  mp_root_push(lines);
  while (true) {
    const line = mp_stream_readline(self);
    if (line == MP_OBJ_NULL) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    if (line == mp_const_none || mp_obj_str_get_len(line) == 0) break;
    if (mp_obj_list_append(lines, line) == MP_OBJ_NULL) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
  }
  mp_root_release(mark);
  return lines;
}

/**
 * The iternext of stream types: the next line, or MP_OBJ_STOP_ITERATION at
 * EOF (mp_stream_unbuffered_iter).
 */
export function mp_stream_unbuffered_iter(self: mp_obj_t): mp_obj_t {
  const line = mp_stream_readline(self);
  if (line == MP_OBJ_NULL) return MP_OBJ_NULL;
  if (line != mp_const_none && mp_obj_str_get_len(line) != 0) return line;
  return MP_OBJ_STOP_ITERATION;
}

/** The getiter of stream types: the stream itself. */
export function mp_stream_getiter(self: mp_obj_t, iter_buf: usize): mp_obj_t {
  return self;
}

/** close() (mp_stream_close): None, or MP_OBJ_NULL with OSError pending. */
export function mp_stream_close(stream: mp_obj_t): mp_obj_t {
  const p = mp_get_stream_raise(stream, MP_STREAM_OP_IOCTL);
  if (p == 0) return MP_OBJ_NULL;
  const mark = mp_root_mark();
  const err = errcode_alloc();
  if (err == 0) return MP_OBJ_NULL;
  const res = mp_stream_call_ioctl(p, stream, MP_STREAM_CLOSE, 0, err);
  const e = load<i32>(err);
  mp_root_release(mark);
  if (res == MP_STREAM_ERROR) return mp_stream_raise_error(e);
  return mp_const_none;
}

function stream___exit__(n_args: usize, args: usize): mp_obj_t {
  return mp_stream_close(load<usize>(args));
}

// seek(offset[, whence]) (stream_seek).
function stream_seek(n_args: usize, args: usize): mp_obj_t {
  const self = load<usize>(args);
  const p = mp_get_stream_raise(self, MP_STREAM_OP_IOCTL);
  if (p == 0) return MP_OBJ_NULL;
  const offset = mp_obj_get_int(load<usize>(args + 4));
  if (offset == MP_INT_ERROR) return MP_OBJ_NULL;
  let whence: i32 = MP_SEEK_SET;
  if (n_args == 3) {
    const w = mp_obj_get_int(load<usize>(args + 8));
    if (w == MP_INT_ERROR) return MP_OBJ_NULL;
    whence = <i32>w;
  }
  // POSIX: seeking before the start is an error
  if (whence == MP_SEEK_SET && offset < 0) return mp_raise_OSError(MP_EINVAL);
  const mark = mp_root_mark();
  const err = errcode_alloc();
  if (err == 0) return MP_OBJ_NULL;
  const res = mp_stream_seek(self, offset, whence, err);
  const e = load<i32>(err);
  mp_root_release(mark);
  if (res == -1) return mp_stream_raise_error(e);
  return mp_obj_new_int_from_ll(res);
}

function stream_tell(self: mp_obj_t): mp_obj_t {
  const mark = mp_root_mark();
  const a = mp_root_alloc(3);
  if (a == 0) return mp_raise_recursion_depth();
  store<usize>(a, self);
  store<usize>(a + 4, MP_OBJ_NEW_SMALL_INT(0));
  store<usize>(a + 8, MP_OBJ_NEW_SMALL_INT(MP_SEEK_CUR));
  const r = stream_seek(3, a);
  mp_root_release(mark);
  return r;
}

function stream_flush(self: mp_obj_t): mp_obj_t {
  const p = mp_get_stream_raise(self, MP_STREAM_OP_IOCTL);
  if (p == 0) return MP_OBJ_NULL;
  const mark = mp_root_mark();
  const err = errcode_alloc();
  if (err == 0) return MP_OBJ_NULL;
  const res = mp_stream_call_ioctl(p, self, MP_STREAM_FLUSH, 0, err);
  const e = load<i32>(err);
  mp_root_release(mark);
  if (res == MP_STREAM_ERROR) return mp_stream_raise_error(e);
  return mp_const_none;
}

// ioctl(request[, arg]) (stream_ioctl): an int arg, or a writable buffer's address.
function stream_ioctl(n_args: usize, args: usize): mp_obj_t {
  const self = load<usize>(args);
  const mark = mp_root_mark();
  const bi = mp_root_alloc(3);
  if (bi == 0) return mp_raise_recursion_depth();
  let val: usize = 0;
  if (n_args > 2) {
    const a = load<usize>(args + 8);
    if (mp_get_buffer(a, bi, 2)) {
      val = load<usize>(bi);
    } else {
      const v = mp_obj_get_int(a);
      if (v == MP_INT_ERROR) {
        mp_root_release(mark);
        return MP_OBJ_NULL;
      }
      val = <usize>(<u32>v);
    }
  }
  const p = mp_get_stream_raise(self, MP_STREAM_OP_IOCTL);
  if (p == 0) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  const req = mp_obj_get_int(load<usize>(args + 4));
  if (req == MP_INT_ERROR) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  const err = errcode_alloc();
  if (err == 0) return MP_OBJ_NULL;
  const res = mp_stream_call_ioctl(p, self, <u32>req, val, err);
  const e = load<i32>(err);
  mp_root_release(mark);
  if (res == MP_STREAM_ERROR) return mp_stream_raise_error(e);
  return mp_obj_new_int_from_ll(<i64>(<i32>res));
}

function identity(o: mp_obj_t): mp_obj_t {
  return o;
}

// The method objects, shared by every stream type's locals dict.
export const mp_stream_read_obj: usize = memory.data(16, 16);
export const mp_stream_read1_obj: usize = memory.data(16, 16);
export const mp_stream_readinto_obj: usize = memory.data(16, 16);
export const mp_stream_readinto1_obj: usize = memory.data(16, 16);
export const mp_stream_unbuffered_readline_obj: usize = memory.data(16, 16);
export const mp_stream_unbuffered_readlines_obj: usize = memory.data(16, 16);
export const mp_stream_write_obj: usize = memory.data(16, 16);
export const mp_stream_write1_obj: usize = memory.data(16, 16);
export const mp_stream_close_obj: usize = memory.data(16, 16);
export const mp_stream___exit___obj: usize = memory.data(16, 16);
export const mp_stream_seek_obj: usize = memory.data(16, 16);
export const mp_stream_tell_obj: usize = memory.data(16, 16);
export const mp_stream_flush_obj: usize = memory.data(16, 16);
export const mp_stream_ioctl_obj: usize = memory.data(16, 16);
/** A function returning its argument (mp_identity_obj): streams' `__enter__`, micropython.const. */
export const mp_stream_identity_obj: usize = memory.data(16, 16);

/** Set-up of this file's static objects (the stream methods); run once by mp_init. */
export function stream_static_init(): void {
  mp_fun_var_at(mp_stream_read_obj, 1, 2, stream_read);
  mp_fun_var_at(mp_stream_read1_obj, 1, 2, stream_read1);
  mp_fun_var_at(mp_stream_readinto_obj, 2, 3, stream_readinto);
  mp_fun_var_at(mp_stream_readinto1_obj, 2, 3, stream_readinto1);
  mp_fun_var_at(mp_stream_unbuffered_readline_obj, 1, 2, stream_unbuffered_readline);
  mp_fun_1_at(mp_stream_unbuffered_readlines_obj, stream_unbuffered_readlines);
  mp_fun_var_at(mp_stream_write_obj, 2, 4, stream_write_method);
  mp_fun_var_at(mp_stream_write1_obj, 2, 4, stream_write1_method);
  mp_fun_1_at(mp_stream_close_obj, mp_stream_close);
  mp_fun_var_at(mp_stream___exit___obj, 4, 4, stream___exit__);
  mp_fun_var_at(mp_stream_seek_obj, 2, 3, stream_seek);
  mp_fun_1_at(mp_stream_tell_obj, stream_tell);
  mp_fun_1_at(mp_stream_flush_obj, stream_flush);
  mp_fun_var_at(mp_stream_ioctl_obj, 2, 3, stream_ioctl);
  mp_fun_1_at(mp_stream_identity_obj, identity);
}
