// The io module, as MicroPython's modio.c with the unix port's options:
// open, IOBase, StringIO, BytesIO.
//
// IOBase makes a Python class a stream: a subclass's readinto/write/ioctl
// methods become its stream functions (the class inherits IOBase's protocol
// table), so print(file=...) and the other stream users can write to it.

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_OBJ_NEW_QSTR,
  MP_TYPE_SIZE,
  MP_TYPE_FLAG_NONE,
  MP_INT_ERROR,
  mp_const_none,
  mp_obj_get_int,
  mp_type_setup,
  mp_type_set_make_new,
  mp_type_set_protocol,
} from "./obj";
import { qstr } from "./qstr";
import { mp_root_mark, mp_root_push, mp_root_release, mp_root_alloc } from "./rootstack";
import { mp_static_dict_at, mp_static_dict_add } from "./objdict";
import { mp_module_static_at } from "./objmodule";
import { mp_type_stringio, mp_type_bytesio } from "./objstringio";
import { mp_obj_new_bytearray_by_ref } from "./objarray";
import { mp_obj_new_int_from_ll } from "./objint";
import { mp_load_method, mp_call_method_n_kw } from "./runtime";
import { mp_builtin_open_obj } from "./extmod/vfs_posix_file";
import { MP_STREAM_ERROR, MP_STREAM_RAISED, MP_EAGAIN, MP_EIO, mp_stream_p_init } from "./stream";
import * as Q from "./genhdr";

/** The io module. Extensible: an io.py on sys.path comes first; `uio` finds it. */
export const mp_module_io: mp_obj_t = memory.data(8, 8);
export const mp_module_io_extensible = true;

export const mp_type_iobase: usize = memory.data(<i32>MP_TYPE_SIZE, 16);
// IOBase() itself: one static instance (iobase_singleton)
const iobase_singleton: usize = memory.data(4, 4);

function iobase_make_new(type: usize, n_args: usize, n_kw: usize, args: usize): mp_obj_t {
  return iobase_singleton;
}

// Calls obj.<qst>(bytearray over buf) (readinto or write) and turns its
// result into a stream result: None is EAGAIN, a negative int an errno
// (iobase_read_write).
function iobase_read_write(
  obj: mp_obj_t,
  buf: usize,
  size: usize,
  errcode: usize,
  qst: qstr,
): usize {
  const mark = mp_root_mark();
  const dest = mp_root_alloc(3);
  if (dest == 0 || !mp_load_method(obj, qst, dest)) {
    mp_root_release(mark);
    store<i32>(errcode, MP_STREAM_RAISED);
    return MP_STREAM_ERROR;
  }
  const ar = mp_obj_new_bytearray_by_ref(size, buf);
  if (ar == MP_OBJ_NULL) {
    mp_root_release(mark);
    store<i32>(errcode, MP_STREAM_RAISED);
    return MP_STREAM_ERROR;
  }
  store<usize>(dest + 8, ar);
  const ret_obj = mp_call_method_n_kw(1, 0, dest);
  mp_root_release(mark);
  if (ret_obj == MP_OBJ_NULL) {
    store<i32>(errcode, MP_STREAM_RAISED);
    return MP_STREAM_ERROR;
  }
  if (ret_obj == mp_const_none) {
    store<i32>(errcode, MP_EAGAIN);
    return MP_STREAM_ERROR;
  }
  const ret = mp_obj_get_int(ret_obj);
  if (ret == MP_INT_ERROR) {
    store<i32>(errcode, MP_STREAM_RAISED);
    return MP_STREAM_ERROR;
  }
  if (ret >= 0) {
    if (<u64>ret > <u64>size) {
      store<i32>(errcode, MP_EIO);
      return MP_STREAM_ERROR;
    }
    return <usize>ret;
  }
  store<i32>(errcode, <i32>-ret);
  return MP_STREAM_ERROR;
}

function iobase_read(obj: mp_obj_t, buf: usize, size: usize, errcode: usize): usize {
  return iobase_read_write(obj, buf, size, errcode, Q.MP_QSTR_readinto);
}

function iobase_write(obj: mp_obj_t, buf: usize, size: usize, errcode: usize): usize {
  return iobase_read_write(obj, buf, size, errcode, Q.MP_QSTR_write);
}

// obj.ioctl(request, arg) (iobase_ioctl).
function iobase_ioctl(obj: mp_obj_t, request: u32, arg: usize, errcode: usize): usize {
  const mark = mp_root_mark();
  const dest = mp_root_alloc(4);
  if (dest == 0 || !mp_load_method(obj, Q.MP_QSTR_ioctl, dest)) {
    mp_root_release(mark);
    store<i32>(errcode, MP_STREAM_RAISED);
    return MP_STREAM_ERROR;
  }
  let ok = true;
  const r = mp_obj_new_int_from_ll(<i64>request);
  if (r == MP_OBJ_NULL) ok = false;
  else {
    store<usize>(dest + 8, r);
    const a = mp_obj_new_int_from_ll(<i64>arg);
    if (a == MP_OBJ_NULL) ok = false;
    else store<usize>(dest + 12, a);
  }
  const ret_obj = ok ? mp_call_method_n_kw(2, 0, dest) : MP_OBJ_NULL;
  mp_root_release(mark);
  const ret = ret_obj == MP_OBJ_NULL ? MP_INT_ERROR : mp_obj_get_int(ret_obj);
  if (ret == MP_INT_ERROR) {
    store<i32>(errcode, MP_STREAM_RAISED);
    return MP_STREAM_ERROR;
  }
  if (ret >= 0) return <usize>ret;
  store<i32>(errcode, <i32>-ret);
  return MP_STREAM_ERROR;
}

const iobase_p: usize = memory.data(16, 4);
const io_globals: usize = memory.data(16, 16);

/** Set-up of this file's static objects (the module, IOBase); run once by mp_init. */
export function modio_static_init(): void {
  mp_stream_p_init(iobase_p, iobase_read, iobase_write, iobase_ioctl, false);
  mp_type_setup(mp_type_iobase, Q.MP_QSTR_IOBase, MP_TYPE_FLAG_NONE, 0);
  mp_type_set_make_new(mp_type_iobase, iobase_make_new);
  mp_type_set_protocol(mp_type_iobase, iobase_p);
  store<usize>(iobase_singleton, mp_type_iobase);

  const d = io_globals;
  mp_static_dict_at(d, 5);
  mp_static_dict_add(d, Q.MP_QSTR___name__, MP_OBJ_NEW_QSTR(Q.MP_QSTR_io));
  mp_static_dict_add(d, Q.MP_QSTR_open, mp_builtin_open_obj);
  mp_static_dict_add(d, Q.MP_QSTR_IOBase, mp_type_iobase);
  mp_static_dict_add(d, Q.MP_QSTR_StringIO, mp_type_stringio);
  mp_static_dict_add(d, Q.MP_QSTR_BytesIO, mp_type_bytesio);
  mp_module_static_at(mp_module_io, d);
}
