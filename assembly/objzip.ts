// zip, as MicroPython's objzip.c.
//
//   mp_obj_zip_t: +0 type   +4 n_iters   +8 iters[n_iters]

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_OBJ_STOP_ITERATION,
  MP_TYPE_SIZE,
  MP_TYPE_FLAG_ITER_IS_ITERNEXT,
  mp_type_setup,
  mp_type_set_make_new,
  mp_type_set_iternext,
} from "./obj";

export const mp_type_zip: usize = memory.data(<i32>MP_TYPE_SIZE, 16);

import { gc_alloc } from "./gc";
import { mp_raise_memory_error, mp_getiter, mp_iternext } from "./runtime";
import { mp_obj_new_tuple } from "./objtuple";
import { mp_arg_check_num } from "./argcheck";
import { mp_root_mark, mp_root_push, mp_root_release } from "./rootstack";
import * as Q from "./genhdr";

function zip_make_new(type: usize, n_args: usize, n_kw: usize, args: usize): mp_obj_t {
  if (!mp_arg_check_num(n_args, n_kw, 0, 0xffff, false)) return MP_OBJ_NULL;
  const o = gc_alloc(8 + n_args * 4, 0);
  if (o == 0) return mp_raise_memory_error(8 + n_args * 4);
  store<usize>(o, type);
  store<usize>(o + 4, 0);
  const mark = mp_root_mark();
  mp_root_push(o);
  for (let i: usize = 0; i < n_args; i++) {
    const it = mp_getiter(load<usize>(args + (i << 2)), 0);
    if (it == MP_OBJ_NULL) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    store<usize>(o + 8 + (i << 2), it);
    store<usize>(o + 4, i + 1);
  }
  mp_root_release(mark);
  return o;
}

function zip_iternext(self: mp_obj_t): mp_obj_t {
  const n = load<usize>(self + 4);
  if (n == 0) return MP_OBJ_STOP_ITERATION;
  const mark = mp_root_mark();
  let tuple: mp_obj_t = MP_OBJ_NULL;
  for (let i: usize = 0; i < n; i++) {
    const next = mp_iternext(load<usize>(self + 8 + (i << 2)));
    if (next == MP_OBJ_STOP_ITERATION || next == MP_OBJ_NULL) {
      mp_root_release(mark);
      return next;
    }
    if (tuple == MP_OBJ_NULL) {
      mp_root_push(next);
      tuple = mp_obj_new_tuple(n, 0);
      if (tuple == MP_OBJ_NULL) {
        mp_root_release(mark);
        return MP_OBJ_NULL;
      }
      // unfilled items are read as 0 by the GC and printers never see them
      mp_root_push(tuple);
    }
    store<usize>(tuple + 8 + (i << 2), next);
  }
  mp_root_release(mark);
  return tuple;
}

/** Set-up of this file's static objects (types, methods); run once by mp_init. */
export function objzip_static_init(): void {
  mp_type_setup(mp_type_zip, Q.MP_QSTR_zip, MP_TYPE_FLAG_ITER_IS_ITERNEXT, 0);
  mp_type_set_make_new(mp_type_zip, zip_make_new);
  mp_type_set_iternext(mp_type_zip, zip_iternext);
}
