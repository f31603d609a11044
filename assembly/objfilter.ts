// filter, as MicroPython's objfilter.c.
//
//   mp_obj_filter_t (16 bytes): +0 type   +4 function (or None)   +8 iterator

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_OBJ_STOP_ITERATION,
  MP_TYPE_SIZE,
  MP_TYPE_FLAG_ITER_IS_ITERNEXT,
  mp_const_none,
  mp_obj_is_true,
  mp_type_setup,
  mp_type_set_make_new,
  mp_type_set_iternext,
} from "./obj";

export const mp_type_filter: usize = memory.data(<i32>MP_TYPE_SIZE, 16);

import { gc_alloc } from "./gc";
import { mp_raise_memory_error, mp_getiter, mp_iternext, mp_call_function_1 } from "./runtime";
import { mp_arg_check_num } from "./argcheck";
import { mp_root_mark, mp_root_push, mp_root_release } from "./rootstack";
import * as Q from "./genhdr";

function filter_make_new(type: usize, n_args: usize, n_kw: usize, args: usize): mp_obj_t {
  if (!mp_arg_check_num(n_args, n_kw, 2, 2, false)) return MP_OBJ_NULL;
  const iter = mp_getiter(load<usize>(args + 4), 0);
  if (iter == MP_OBJ_NULL) return MP_OBJ_NULL;
  const mark = mp_root_mark();
  mp_root_push(iter);
  const o = gc_alloc(16, 0);
  mp_root_release(mark);
  if (o == 0) return mp_raise_memory_error(16);
  store<usize>(o, type);
  store<usize>(o + 4, load<usize>(args));
  store<usize>(o + 8, iter);
  return o;
}

function filter_iternext(self: mp_obj_t): mp_obj_t {
  const fun = load<usize>(self + 4);
  while (true) {
    const next = mp_iternext(load<usize>(self + 8));
    if (next == MP_OBJ_STOP_ITERATION || next == MP_OBJ_NULL) return next;
    const mark = mp_root_mark();
    mp_root_push(next);
    let val = next;
    if (fun != mp_const_none) {
      val = mp_call_function_1(fun, next);
      if (val == MP_OBJ_NULL) {
        mp_root_release(mark);
        return MP_OBJ_NULL;
      }
      mp_root_push(val);
    }
    const t = mp_obj_is_true(val);
    mp_root_release(mark);
    if (t < 0) return MP_OBJ_NULL;
    if (t > 0) return next;
  }
}

/** Set-up of this file's static objects (types, methods); run once by mp_init. */
export function objfilter_static_init(): void {
  mp_type_setup(mp_type_filter, Q.MP_QSTR_filter, MP_TYPE_FLAG_ITER_IS_ITERNEXT, 0);
  mp_type_set_make_new(mp_type_filter, filter_make_new);
  mp_type_set_iternext(mp_type_filter, filter_iternext);
}
