// reversed, as MicroPython's objreversed.c: __reversed__ when the object has
// one, else the sequence protocol (len() and integer subscripts). Dicts and
// their views iterate their keys/values/items backwards, as CPython 3.8+.
//
//   mp_obj_reversed_t (16 bytes): +0 type   +4 sequence   +8 index + 1 of the next item (0: done)

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_OBJ_SENTINEL,
  MP_OBJ_NOT_SUPPORTED,
  MP_OBJ_STOP_ITERATION,
  MP_TYPE_SIZE,
  MP_TYPE_FLAG_ITER_IS_ITERNEXT,
  MP_OBJ_NEW_SMALL_INT,
  MP_OBJ_SMALL_INT_VALUE,
  mp_obj_is_small_int,
  mp_obj_is_type,
  mp_obj_get_type_qstr,
  mp_obj_len_maybe,
  mp_type_slot,
  SLOT_subscr,
  mp_type_setup,
  mp_type_set_make_new,
  mp_type_set_iternext,
} from "./obj";

export const mp_type_reversed: usize = memory.data(<i32>MP_TYPE_SIZE, 16);

import { gc_alloc } from "./gc";
import { mp_raise_memory_error, mp_load_method_maybe, mp_call_method_n_kw, mp_obj_subscr } from "./runtime";
import { mp_raise_msg_varg, mp_type_TypeError } from "./objexcept";
import { mp_obj_get_type } from "./objtype";
import { mp_obj_is_dict_or_ordereddict, mp_type_dict_view } from "./objdict";
import { mp_obj_list_from_iter } from "./objlist";
import { mp_obj_get_int_i32 } from "./objrange";
import { mp_arg_check_num } from "./argcheck";
import { mp_root_mark, mp_root_push, mp_root_alloc, mp_root_release } from "./rootstack";
import { MP_INT_ERROR } from "./obj";
import * as Q from "./genhdr";

function reversed_make_new(type: usize, n_args: usize, n_kw: usize, args: usize): mp_obj_t {
  if (!mp_arg_check_num(n_args, n_kw, 1, 1, false)) return MP_OBJ_NULL;
  let seq = load<usize>(args);
  const mark = mp_root_mark();
  const dest = mp_root_alloc(2);
  if (!mp_load_method_maybe(seq, Q.MP_QSTR___reversed__, dest)) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  if (load<usize>(dest) != MP_OBJ_NULL) {
    const r = mp_call_method_n_kw(0, 0, dest);
    mp_root_release(mark);
    return r;
  }
  if (mp_obj_is_dict_or_ordereddict(seq) || mp_obj_is_type(seq, mp_type_dict_view)) {
    // an ordered snapshot, walked backwards
    seq = mp_obj_list_from_iter(seq);
    if (seq == MP_OBJ_NULL) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    mp_root_push(seq);
  } else if (mp_type_slot(mp_obj_get_type(seq), SLOT_subscr) == 0) {
    mp_root_release(mark);
    return mp_raise_msg_varg(mp_type_TypeError, "'%s' object is not reversible", mp_obj_get_type_qstr(seq));
  }
  const len_obj = mp_obj_len_maybe(seq);
  if (len_obj == MP_OBJ_NULL) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  if (len_obj == MP_OBJ_NOT_SUPPORTED) {
    mp_root_release(mark);
    return mp_raise_msg_varg(mp_type_TypeError, "'%s' object is not reversible", mp_obj_get_type_qstr(seq));
  }
  const len = mp_obj_get_int_i32(len_obj);
  if (len == MP_INT_ERROR) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  const o = gc_alloc(16, 0);
  mp_root_release(mark);
  if (o == 0) return mp_raise_memory_error(16);
  store<usize>(o, type);
  store<usize>(o + 4, seq);
  store<usize>(o + 8, len < 0 ? 0 : <usize>len);
  return o;
}

function reversed_iternext(self: mp_obj_t): mp_obj_t {
  const cur = load<usize>(self + 8);
  if (cur == 0) return MP_OBJ_STOP_ITERATION;
  store<usize>(self + 8, cur - 1);
  return mp_obj_subscr(load<usize>(self + 4), MP_OBJ_NEW_SMALL_INT(<i32>(cur - 1)), MP_OBJ_SENTINEL);
}

/** Set-up of this file's static objects (types, methods); run once by mp_init. */
export function objreversed_static_init(): void {
  mp_type_setup(mp_type_reversed, Q.MP_QSTR_reversed, MP_TYPE_FLAG_ITER_IS_ITERNEXT, 0);
  mp_type_set_make_new(mp_type_reversed, reversed_make_new);
  mp_type_set_iternext(mp_type_reversed, reversed_iternext);
}
