// map (the built-in), as MicroPython's objmap.c.
//
//   mp_obj_map_t: +0 type   +4 n_iters   +8 function   +12 iters[n_iters]

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

export const mp_type_map: usize = memory.data(<i32>MP_TYPE_SIZE, 16);

import { gc_alloc } from "./gc";
import { mp_raise_memory_error, mp_getiter, mp_iternext, mp_call_function_n_kw } from "./runtime";
import { mp_arg_check_num } from "./argcheck";
import { mp_root_mark, mp_root_push, mp_root_alloc, mp_root_release } from "./rootstack";
import * as Q from "./genhdr";

function map_make_new(type: usize, n_args: usize, n_kw: usize, args: usize): mp_obj_t {
  if (!mp_arg_check_num(n_args, n_kw, 2, 0xffff, false)) return MP_OBJ_NULL;
  const n = n_args - 1;
  const o = gc_alloc(12 + n * 4, 0);
  if (o == 0) return mp_raise_memory_error(12 + n * 4);
  store<usize>(o, type);
  store<usize>(o + 4, 0);
  store<usize>(o + 8, load<usize>(args));
  const mark = mp_root_mark();
  mp_root_push(o);
  for (let i: usize = 0; i < n; i++) {
    const it = mp_getiter(load<usize>(args + ((i + 1) << 2)), 0);
    if (it == MP_OBJ_NULL) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    store<usize>(o + 12 + (i << 2), it);
    store<usize>(o + 4, i + 1);
  }
  mp_root_release(mark);
  return o;
}

function map_iternext(self: mp_obj_t): mp_obj_t {
  const n = load<usize>(self + 4);
  const mark = mp_root_mark();
  const args = mp_root_alloc(n);
  if (args == 0 && n != 0) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  for (let i: usize = 0; i < n; i++) {
    const next = mp_iternext(load<usize>(self + 12 + (i << 2)));
    if (next == MP_OBJ_STOP_ITERATION || next == MP_OBJ_NULL) {
      mp_root_release(mark);
      return next;
    }
    store<usize>(args + (i << 2), next);
  }
  const r = mp_call_function_n_kw(load<usize>(self + 8), n, 0, args);
  mp_root_release(mark);
  return r;
}

/** Set-up of this file's static objects (types, methods); run once by mp_init. */
export function objmap_static_init(): void {
  mp_type_setup(mp_type_map, Q.MP_QSTR_map, MP_TYPE_FLAG_ITER_IS_ITERNEXT, 0);
  mp_type_set_make_new(mp_type_map, map_make_new);
  mp_type_set_iternext(mp_type_map, map_iternext);
}
