// micropython.RingIO, as MicroPython's objringio.c over py/ringbuf.c: a
// byte ring buffer with the stream protocol (read, readline, readinto,
// write, close, and poll for select/asyncio).
//
//   RingIO (20 bytes):  +0 type  +4 buf (GC block or the caller's buffer)
//                       +8 size (bytes of buf; holds size - 1)  +12 iget  +16 iput
//
// RingIO(n) allocates n + 1 bytes; RingIO(buffer) uses a writable buffer of
// 2..65535 bytes in place (ValueError otherwise, as MicroPython). A write
// stores what fits and returns its count; a read returns what is there.

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_TYPE_SIZE,
  MP_TYPE_FLAG_NONE,
  mp_type_setup,
  mp_type_set_make_new,
  mp_type_set_print,
  mp_type_set_locals_dict,
  mp_type_set_protocol,
  mp_obj_get_int,
  MP_INT_ERROR,
  mp_fun_1_at,
  MP_OBJ_NEW_SMALL_INT,
} from "./obj";
import { gc_alloc } from "./gc";
import { mp_root_mark, mp_root_push, mp_root_release, mp_root_alloc } from "./rootstack";
import { mp_static_dict_at, mp_static_dict_add } from "./objdict";
import { mp_raise_type, mp_type_ValueError } from "./objexcept";
import { mp_raise_memory_error, mp_raise_recursion_depth } from "./runtime";
import { mp_print_str } from "./mpprint";
import { mp_arg_check_num } from "./argcheck";
import {
  MP_STREAM_ERROR,
  MP_STREAM_POLL,
  MP_STREAM_POLL_RD,
  MP_STREAM_POLL_WR,
  MP_STREAM_CLOSE,
  MP_EINVAL,
  mp_stream_p_init,
  mp_get_buffer,
  mp_stream_read_obj,
  mp_stream_readinto_obj,
  mp_stream_unbuffered_readline_obj,
  mp_stream_write_obj,
  mp_stream_close_obj,
} from "./stream";
import { MP_BUFFER_RW, MP_BUFINFO_WORDS } from "./objarray";
import * as Q from "./genhdr";

export const mp_type_ringio: usize = memory.data(<i32>MP_TYPE_SIZE, 16);
const ringio_stream_p: usize = memory.data(16, 4);
const ringio_locals_dict: usize = memory.data(16, 16);
const ringio_any_obj: usize = memory.data(16, 16);

@inline const RB_buf: usize = 4;
@inline const RB_size: usize = 8;
@inline const RB_iget: usize = 12;
@inline const RB_iput: usize = 16;

// Bytes waiting to be read (ringbuf_avail).
@inline function rb_avail(o: mp_obj_t): usize {
  const size = load<usize>(o + RB_size);
  return (load<usize>(o + RB_iput) + size - load<usize>(o + RB_iget)) % size;
}

// Bytes that can be written (ringbuf_free).
@inline function rb_free(o: mp_obj_t): usize {
  return load<usize>(o + RB_size) - rb_avail(o) - 1;
}

function ringio_make_new(type: usize, n_args: usize, n_kw: usize, args: usize): mp_obj_t {
  if (!mp_arg_check_num(n_args, n_kw, 1, 1, false)) return MP_OBJ_NULL;
  const mark = mp_root_mark();
  const bi = mp_root_alloc(MP_BUFINFO_WORDS);
  if (bi == 0) return mp_raise_recursion_depth();
  let buf: usize;
  let len: usize;
  if (mp_get_buffer(load<usize>(args), bi, MP_BUFFER_RW)) {
    buf = load<usize>(bi);
    len = load<usize>(bi + 4);
    mp_root_push(load<usize>(args));
  } else {
    const n = mp_obj_get_int(load<usize>(args));
    if (n == MP_INT_ERROR) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    if (n < 1 || n >= 0xffff) {
      mp_root_release(mark);
      return mp_raise_type(mp_type_ValueError);
    }
    len = <usize>n + 1;
    buf = gc_alloc(len, 0);
    if (buf == 0) {
      mp_root_release(mark);
      return mp_raise_memory_error(len);
    }
    mp_root_push(buf);
  }
  if (len < 2 || len > 0xffff) {
    mp_root_release(mark);
    return mp_raise_type(mp_type_ValueError);
  }
  const o = gc_alloc(20, 0);
  mp_root_release(mark);
  if (o == 0) return mp_raise_memory_error(20);
  store<usize>(o, type);
  store<usize>(o + RB_buf, buf);
  store<usize>(o + RB_size, len);
  return o;
}

function ringio_print(print: usize, o: mp_obj_t, kind: u32): bool {
  mp_print_str(print, "<RingIO>");
  return true;
}

function ringio_read(o: mp_obj_t, dst: usize, size: usize, errcode: usize): usize {
  const avail = rb_avail(o);
  if (size > avail) size = avail;
  const buf = load<usize>(o + RB_buf);
  const rsize = load<usize>(o + RB_size);
  let iget = load<usize>(o + RB_iget);
  for (let i: usize = 0; i < size; i++) {
    store<u8>(dst + i, load<u8>(buf + iget));
    if (++iget == rsize) iget = 0;
  }
  store<usize>(o + RB_iget, iget);
  store<i32>(errcode, 0);
  return size;
}

function ringio_write(o: mp_obj_t, src: usize, size: usize, errcode: usize): usize {
  const free = rb_free(o);
  if (size > free) size = free;
  const buf = load<usize>(o + RB_buf);
  const rsize = load<usize>(o + RB_size);
  let iput = load<usize>(o + RB_iput);
  for (let i: usize = 0; i < size; i++) {
    store<u8>(buf + iput, load<u8>(src + i));
    if (++iput == rsize) iput = 0;
  }
  store<usize>(o + RB_iput, iput);
  store<i32>(errcode, 0);
  return size;
}

function ringio_ioctl(o: mp_obj_t, request: u32, arg: usize, errcode: usize): usize {
  if (request == MP_STREAM_POLL) {
    let ret: usize = 0;
    if ((arg & MP_STREAM_POLL_RD) != 0 && rb_avail(o) > 0) ret |= MP_STREAM_POLL_RD;
    if ((arg & MP_STREAM_POLL_WR) != 0 && rb_free(o) > 0) ret |= MP_STREAM_POLL_WR;
    return ret;
  }
  if (request == MP_STREAM_CLOSE) return 0;
  store<i32>(errcode, MP_EINVAL);
  return MP_STREAM_ERROR;
}

// any(): the bytes waiting to be read.
function ringio_any(o: mp_obj_t): mp_obj_t {
  return MP_OBJ_NEW_SMALL_INT(<i32>rb_avail(o));
}

/** Set-up of the RingIO type; run once by mp_init. */
export function objringio_static_init(): void {
  mp_fun_1_at(ringio_any_obj, ringio_any);
  mp_static_dict_at(ringio_locals_dict, 6);
  mp_static_dict_add(ringio_locals_dict, Q.MP_QSTR_any, ringio_any_obj);
  mp_static_dict_add(ringio_locals_dict, Q.MP_QSTR_read, mp_stream_read_obj);
  mp_static_dict_add(ringio_locals_dict, Q.MP_QSTR_readline, mp_stream_unbuffered_readline_obj);
  mp_static_dict_add(ringio_locals_dict, Q.MP_QSTR_readinto, mp_stream_readinto_obj);
  mp_static_dict_add(ringio_locals_dict, Q.MP_QSTR_write, mp_stream_write_obj);
  mp_static_dict_add(ringio_locals_dict, Q.MP_QSTR_close, mp_stream_close_obj);
  mp_stream_p_init(ringio_stream_p, ringio_read, ringio_write, ringio_ioctl, false);
  mp_type_setup(mp_type_ringio, Q.MP_QSTR_RingIO, MP_TYPE_FLAG_NONE, 0);
  mp_type_set_make_new(mp_type_ringio, ringio_make_new);
  mp_type_set_print(mp_type_ringio, ringio_print);
  mp_type_set_protocol(mp_type_ringio, ringio_stream_p);
  mp_type_set_locals_dict(mp_type_ringio, ringio_locals_dict);
}
