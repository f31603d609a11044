// enumerate, as MicroPython's objenumerate.c with CPython's signature
// enumerate(iterable, start=0).
//
//   mp_obj_enumerate_t (16 bytes): +0 type   +4 iterator   +8 count (an int object)

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_OBJ_NOT_SUPPORTED,
  MP_OBJ_STOP_ITERATION,
  MP_TYPE_SIZE,
  MP_TYPE_FLAG_ITER_IS_ITERNEXT,
  MP_OBJ_NEW_SMALL_INT,
  MP_OBJ_SMALL_INT_VALUE,
  MP_SMALL_INT_MAX,
  mp_obj_is_small_int,
  mp_obj_get_type_qstr,
  mp_obj_get_int_maybe_obj,
  mp_type_setup,
  mp_type_set_make_new,
  mp_type_set_iternext,
} from "./obj";

export const mp_type_enumerate: usize = memory.data(<i32>MP_TYPE_SIZE, 16);
const enumerate_allowed: usize = memory.data(16, 4);

import { gc_alloc } from "./gc";
import { mp_raise_memory_error, mp_getiter, mp_iternext, mp_binary_op } from "./runtime";
import { mp_raise_msg_varg, mp_type_TypeError } from "./objexcept";
import { mp_obj_new_tuple } from "./objtuple";
import { mp_arg_parse_all_kw_array, mp_arg_set, MP_ARG_OBJ, MP_ARG_REQUIRED } from "./argcheck";
import { mp_root_mark, mp_root_push, mp_root_alloc, mp_root_release } from "./rootstack";
import * as R from "./runtime0";
import * as Q from "./genhdr";

function enumerate_make_new(type: usize, n_args: usize, n_kw: usize, args: usize): mp_obj_t {
  const mark = mp_root_mark();
  const vals = mp_root_alloc(2);
  if (!mp_arg_parse_all_kw_array(n_args, n_kw, args, 2, enumerate_allowed, vals)) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  let start = load<usize>(vals + 4);
  if (!mp_obj_is_small_int(start)) {
    const r = mp_obj_get_int_maybe_obj(start);
    if (r == MP_OBJ_NULL) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    if (r == MP_OBJ_NOT_SUPPORTED) {
      mp_root_release(mark);
      return mp_raise_msg_varg(mp_type_TypeError, "can't convert %s to int", mp_obj_get_type_qstr(start));
    }
    start = r;
    store<usize>(vals + 4, r);
  }
  const iter = mp_getiter(load<usize>(vals), 0);
  if (iter == MP_OBJ_NULL) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  mp_root_push(iter);
  const o = gc_alloc(16, 0);
  mp_root_release(mark);
  if (o == 0) return mp_raise_memory_error(16);
  store<usize>(o, type);
  store<usize>(o + 4, iter);
  store<usize>(o + 8, start);
  return o;
}

function enumerate_iternext(self: mp_obj_t): mp_obj_t {
  const next = mp_iternext(load<usize>(self + 4));
  if (next == MP_OBJ_STOP_ITERATION || next == MP_OBJ_NULL) return next;
  const mark = mp_root_mark();
  const items = mp_root_alloc(2);
  const cur = load<usize>(self + 8);
  store<usize>(items, cur);
  store<usize>(items + 4, next);
  // count on: small ints in place, long ints through the int type
  let inc: mp_obj_t;
  if (mp_obj_is_small_int(cur) && MP_OBJ_SMALL_INT_VALUE(cur) < MP_SMALL_INT_MAX) {
    inc = MP_OBJ_NEW_SMALL_INT(MP_OBJ_SMALL_INT_VALUE(cur) + 1);
  } else {
    inc = mp_binary_op(R.MP_BINARY_OP_ADD, cur, MP_OBJ_NEW_SMALL_INT(1));
    if (inc == MP_OBJ_NULL) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
  }
  store<usize>(self + 8, inc);
  const t = mp_obj_new_tuple(2, items);
  mp_root_release(mark);
  return t;
}

/** Set-up of this file's static objects (types, methods); run once by mp_init. */
export function objenumerate_static_init(): void {
  mp_arg_set(enumerate_allowed, 0, Q.MP_QSTR_iterable, MP_ARG_REQUIRED | MP_ARG_OBJ, 0);
  mp_arg_set(enumerate_allowed, 1, Q.MP_QSTR_start, MP_ARG_OBJ, MP_OBJ_NEW_SMALL_INT(0));
  mp_type_setup(mp_type_enumerate, Q.MP_QSTR_enumerate, MP_TYPE_FLAG_ITER_IS_ITERNEXT, 0);
  mp_type_set_make_new(mp_type_enumerate, enumerate_make_new);
  mp_type_set_iternext(mp_type_enumerate, enumerate_iternext);
}
