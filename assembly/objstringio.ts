// io.StringIO and io.BytesIO, as MicroPython's objstringio.c: an in-memory
// stream over a growable byte buffer. Positions are byte offsets. Made from
// a str or bytes, the buffer is that object's data, copied on the first
// write (so the original never changes).
//
//   mp_obj_stringio_t (32 bytes, 2 blocks):
//     +0  type (mp_type_stringio / mp_type_bytesio)
//     +4  vstr: alloc, len, buf, flags (vstr.ts; VSTR_FIXED while borrowing)
//     +20 pos (byte offset, may be past the end after a seek)
//     +24 ref_obj: the str/bytes whose data is borrowed, or 0
//     +28 closed (1 after close())

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_TYPE_SIZE,
  MP_TYPE_FLAG_NONE,
  mp_type_setup,
  mp_type_set_make_new,
  mp_type_set_print,
  mp_type_set_getiter,
  mp_type_set_iternext,
  mp_type_set_locals_dict,
  mp_type_set_protocol,
  mp_obj_is_type,
  mp_obj_get_int,
  MP_INT_ERROR,
  mp_fun_1_at,
} from "./obj";
import { gc_alloc } from "./gc";
import { mp_root_mark, mp_root_push, mp_root_release, mp_root_alloc } from "./rootstack";
import { mp_type_bytes, mp_obj_is_str, mp_obj_new_str, mp_obj_new_str_copy } from "./objstr";
import { mp_static_dict_at, mp_static_dict_add } from "./objdict";
import { mp_raise_ValueError, mp_raise_TypeError } from "./objexcept";
import { mp_raise_memory_error, mp_raise_recursion_depth } from "./runtime";
import { mp_printf } from "./mpprint";
import { mp_obj_is_int } from "./objint";
import { vstr_init, vstr_add_len, VSTR_FIXED, VSTR_ERROR } from "./vstr";
import {
  MP_STREAM_ERROR,
  MP_STREAM_RAISED,
  MP_STREAM_SEEK,
  MP_STREAM_FLUSH,
  MP_STREAM_CLOSE,
  MP_SEEK_SET,
  MP_SEEK_CUR,
  MP_SEEK_END,
  MP_EINVAL,
  MP_EFBIG,
  mp_stream_p_init,
  mp_get_buffer_raise,
  mp_stream_getiter,
  mp_stream_unbuffered_iter,
  mp_stream_read_obj,
  mp_stream_readinto_obj,
  mp_stream_unbuffered_readline_obj,
  mp_stream_write_obj,
  mp_stream_seek_obj,
  mp_stream_tell_obj,
  mp_stream_flush_obj,
  mp_stream_close_obj,
  mp_stream___exit___obj,
  mp_stream_identity_obj,
} from "./stream";
import * as Q from "./genhdr";

export const mp_type_stringio: usize = memory.data(<i32>MP_TYPE_SIZE, 16);
export const mp_type_bytesio: usize = memory.data(<i32>MP_TYPE_SIZE, 16);

@inline const SIO_SIZE: usize = 32;
@inline const SIO_vstr: usize = 4;
@inline const SIO_alloc: usize = 4;
@inline const SIO_len: usize = 8;
@inline const SIO_buf: usize = 12;
@inline const SIO_flags: usize = 16;
@inline const SIO_pos: usize = 20;
@inline const SIO_ref: usize = 24;
@inline const SIO_closed: usize = 28;

// ValueError for a closed object, reported as a raised stream error.
function closed_error(errcode: usize): usize {
  mp_raise_ValueError("I/O operation on closed file");
  store<i32>(errcode, MP_STREAM_RAISED);
  return MP_STREAM_ERROR;
}

function stringio_print(print: usize, self: mp_obj_t, kind: u32): bool {
  if (load<usize>(self) == mp_type_stringio) mp_printf(print, "<io.StringIO 0x%x>", self);
  else mp_printf(print, "<io.BytesIO 0x%x>", self);
  return true;
}

function stringio_read(o: mp_obj_t, buf: usize, size: usize, errcode: usize): usize {
  if (load<u32>(o + SIO_closed) != 0) return closed_error(errcode);
  const len = load<usize>(o + SIO_len);
  const pos = load<usize>(o + SIO_pos);
  // at EOF, or seeked to or beyond it
  if (len <= pos) return 0;
  const remaining = len - pos;
  if (size > remaining) size = remaining;
  memory.copy(buf, load<usize>(o + SIO_buf) + pos, size);
  store<usize>(o + SIO_pos, pos + size);
  return size;
}

// Stops borrowing the initial object's data: copies it into our own block.
function stringio_copy_on_write(o: mp_obj_t): bool {
  const len = load<usize>(o + SIO_len);
  const nb = gc_alloc(len, 0);
  if (nb == 0) {
    mp_raise_memory_error(len);
    return false;
  }
  memory.copy(nb, load<usize>(o + SIO_buf), len);
  store<usize>(o + SIO_buf, nb);
  store<usize>(o + SIO_alloc, len);
  store<u32>(o + SIO_flags, 0);
  store<usize>(o + SIO_ref, MP_OBJ_NULL);
  return true;
}

function stringio_write(o: mp_obj_t, buf: usize, size: usize, errcode: usize): usize {
  if (load<u32>(o + SIO_closed) != 0) return closed_error(errcode);
  if ((load<u32>(o + SIO_flags) & VSTR_FIXED) != 0) {
    if (!stringio_copy_on_write(o)) {
      store<i32>(errcode, MP_STREAM_RAISED);
      return MP_STREAM_ERROR;
    }
  }
  const pos = load<usize>(o + SIO_pos);
  const new_pos = pos + size;
  if (new_pos < size) {
    // the position would overflow a machine word
    store<i32>(errcode, MP_EFBIG);
    return MP_STREAM_ERROR;
  }
  const org_len = load<usize>(o + SIO_len);
  const alloc = load<usize>(o + SIO_alloc);
  if (new_pos > alloc) {
    // take all that is allocated, then add more
    store<usize>(o + SIO_len, alloc);
    if (vstr_add_len(o + SIO_vstr, new_pos - alloc) == 0) {
      // keep the object usable after MemoryError
      store<usize>(o + SIO_len, org_len);
      store<u32>(o + SIO_flags, load<u32>(o + SIO_flags) & ~VSTR_ERROR);
      store<i32>(errcode, MP_STREAM_RAISED);
      return MP_STREAM_ERROR;
    }
  }
  const data = load<usize>(o + SIO_buf);
  // a seek past the end leaves a hole of zeros
  if (pos > org_len) memory.fill(data + org_len, 0, pos - org_len);
  memory.copy(data + pos, buf, size);
  store<usize>(o + SIO_pos, new_pos);
  if (new_pos > org_len) store<usize>(o + SIO_len, new_pos);
  else store<usize>(o + SIO_len, org_len);
  return size;
}

function stringio_ioctl(o: mp_obj_t, request: u32, arg: usize, errcode: usize): usize {
  if (request == MP_STREAM_SEEK) {
    if (load<u32>(o + SIO_closed) != 0) return closed_error(errcode);
    const offset = load<i64>(arg);
    const whence = load<i32>(arg + 8);
    let ref: i64 = 0;
    if (whence == MP_SEEK_CUR) ref = <i64>load<usize>(o + SIO_pos);
    else if (whence == MP_SEEK_END) ref = <i64>load<usize>(o + SIO_len);
    let new_pos = ref + offset;
    if (whence != MP_SEEK_SET && offset < 0) {
      // before the start: CPython goes to 0 (POSIX would fail with EINVAL)
      if (new_pos < 0) new_pos = 0;
    } else if (new_pos > 0xffffffff) {
      store<i32>(errcode, MP_EINVAL);
      return MP_STREAM_ERROR;
    }
    store<usize>(o + SIO_pos, <usize>new_pos);
    store<i64>(arg, new_pos);
    return 0;
  }
  if (request == MP_STREAM_FLUSH) return 0;
  if (request == MP_STREAM_CLOSE) {
    // CPython: any later operation raises ValueError
    store<usize>(o + SIO_buf, 0);
    store<usize>(o + SIO_alloc, 0);
    store<usize>(o + SIO_len, 0);
    store<usize>(o + SIO_ref, MP_OBJ_NULL);
    store<u32>(o + SIO_closed, 1);
    return 0;
  }
  store<i32>(errcode, MP_EINVAL);
  return MP_STREAM_ERROR;
}

function stringio_getvalue(self: mp_obj_t): mp_obj_t {
  if (load<u32>(self + SIO_closed) != 0) return mp_raise_ValueError("I/O operation on closed file");
  const buf = load<usize>(self + SIO_buf);
  const len = load<usize>(self + SIO_len);
  if (load<usize>(self) == mp_type_stringio) return mp_obj_new_str(buf, len);
  return mp_obj_new_str_copy(mp_type_bytes, buf, len);
}

function stringio_new(type: usize): mp_obj_t {
  const o = gc_alloc(SIO_SIZE, 0);
  if (o == 0) return mp_raise_memory_error(SIO_SIZE);
  store<usize>(o, type);
  return o;
}

// StringIO([initial_value | alloc_size]), BytesIO(...) (stringio_make_new).
function stringio_make_new(type: usize, n_args: usize, n_kw: usize, args: usize): mp_obj_t {
  let sz: usize = 16;
  let init_buf: usize = 0;
  let init_len: usize = 0;
  const mark = mp_root_mark();
  const o = stringio_new(type);
  if (o == MP_OBJ_NULL) return MP_OBJ_NULL;
  mp_root_push(o);
  if (n_args > 0) {
    const a = load<usize>(args);
    if (mp_obj_is_int(a)) {
      const n = mp_obj_get_int(a);
      if (n == MP_INT_ERROR) {
        mp_root_release(mark);
        return MP_OBJ_NULL;
      }
      sz = <usize>(<u32>n);
    } else {
      const bi = mp_root_alloc(3);
      if (bi == 0) return mp_raise_recursion_depth();
      if (!mp_get_buffer_raise(a, bi, 1)) {
        mp_root_release(mark);
        return MP_OBJ_NULL;
      }
      const immutable = mp_obj_is_str(a) || mp_obj_is_type(a, mp_type_bytes);
      if (immutable) {
        // borrow the immutable data until the first write
        store<usize>(o + SIO_alloc, load<usize>(bi + 4));
        store<usize>(o + SIO_len, load<usize>(bi + 4));
        store<usize>(o + SIO_buf, load<usize>(bi));
        store<u32>(o + SIO_flags, VSTR_FIXED);
        store<usize>(o + SIO_ref, a);
        mp_root_release(mark);
        return o;
      }
      init_buf = load<usize>(bi);
      init_len = load<usize>(bi + 4);
      sz = init_len;
    }
  }
  if (!vstr_init(o + SIO_vstr, sz)) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  if (init_len > 0) {
    const err = mp_root_alloc(1);
    if (err == 0) return mp_raise_recursion_depth();
    if (stringio_write(o, init_buf, init_len, err) == MP_STREAM_ERROR) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    // the position starts at the beginning
    store<usize>(o + SIO_pos, 0);
  }
  mp_root_release(mark);
  return o;
}

const stringio_getvalue_obj: usize = memory.data(16, 16);
const stringio_locals_dict: usize = memory.data(16, 16);
const stringio_stream_p: usize = memory.data(16, 4);
const bytesio_stream_p: usize = memory.data(16, 4);

/** Set-up of this file's static objects (the two types); run once by mp_init. */
export function objstringio_static_init(): void {
  mp_fun_1_at(stringio_getvalue_obj, stringio_getvalue);
  mp_static_dict_at(stringio_locals_dict, 11);
  mp_static_dict_add(stringio_locals_dict, Q.MP_QSTR_read, mp_stream_read_obj);
  mp_static_dict_add(stringio_locals_dict, Q.MP_QSTR_readinto, mp_stream_readinto_obj);
  mp_static_dict_add(stringio_locals_dict, Q.MP_QSTR_readline, mp_stream_unbuffered_readline_obj);
  mp_static_dict_add(stringio_locals_dict, Q.MP_QSTR_write, mp_stream_write_obj);
  mp_static_dict_add(stringio_locals_dict, Q.MP_QSTR_seek, mp_stream_seek_obj);
  mp_static_dict_add(stringio_locals_dict, Q.MP_QSTR_tell, mp_stream_tell_obj);
  mp_static_dict_add(stringio_locals_dict, Q.MP_QSTR_flush, mp_stream_flush_obj);
  mp_static_dict_add(stringio_locals_dict, Q.MP_QSTR_close, mp_stream_close_obj);
  mp_static_dict_add(stringio_locals_dict, Q.MP_QSTR_getvalue, stringio_getvalue_obj);
  mp_static_dict_add(stringio_locals_dict, Q.MP_QSTR___enter__, mp_stream_identity_obj);
  mp_static_dict_add(stringio_locals_dict, Q.MP_QSTR___exit__, mp_stream___exit___obj);
  mp_stream_p_init(stringio_stream_p, stringio_read, stringio_write, stringio_ioctl, true);
  mp_stream_p_init(bytesio_stream_p, stringio_read, stringio_write, stringio_ioctl, false);

  mp_type_setup(mp_type_stringio, Q.MP_QSTR_StringIO, MP_TYPE_FLAG_NONE, 0);
  mp_type_set_make_new(mp_type_stringio, stringio_make_new);
  mp_type_set_print(mp_type_stringio, stringio_print);
  mp_type_set_getiter(mp_type_stringio, mp_stream_getiter);
  mp_type_set_iternext(mp_type_stringio, mp_stream_unbuffered_iter);
  mp_type_set_protocol(mp_type_stringio, stringio_stream_p);
  mp_type_set_locals_dict(mp_type_stringio, stringio_locals_dict);

  mp_type_setup(mp_type_bytesio, Q.MP_QSTR_BytesIO, MP_TYPE_FLAG_NONE, 0);
  mp_type_set_make_new(mp_type_bytesio, stringio_make_new);
  mp_type_set_print(mp_type_bytesio, stringio_print);
  mp_type_set_getiter(mp_type_bytesio, mp_stream_getiter);
  mp_type_set_iternext(mp_type_bytesio, mp_stream_unbuffered_iter);
  mp_type_set_protocol(mp_type_bytesio, bytesio_stream_p);
  mp_type_set_locals_dict(mp_type_bytesio, stringio_locals_dict);
}
