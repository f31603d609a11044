// tuple, as MicroPython's objtuple.c.
//
//   mp_obj_tuple_t:  +0 type   +4 len   +8 items[len]

import { mp_obj_t, MP_OBJ_NULL, MP_TYPE_SIZE, mp_type_setup, MP_TYPE_FLAG_NONE } from "./obj";
import { gc_alloc } from "./gc";
import { MP_QSTR_tuple } from "./genhdr";
import { mp_raise_memory_error } from "./runtime";

export const mp_type_tuple: usize = memory.data(<i32>MP_TYPE_SIZE, 16);
mp_type_setup(mp_type_tuple, MP_QSTR_tuple, MP_TYPE_FLAG_NONE, 0);

/** The empty tuple (a static object, as mp_const_empty_tuple). */
export const mp_const_empty_tuple: usize = memory.data(8, 16);
store<usize>(mp_const_empty_tuple, mp_type_tuple);

/**
 * A new tuple of `n` items copied from `items` (or left NULL when `items` is 0,
 * for the caller to fill). Returns MP_OBJ_NULL on MemoryError. `items` must be
 * rooted (e.g. on the pystack or root stack).
 */
export function mp_obj_new_tuple(n: usize, items: usize): mp_obj_t {
  if (n == 0) return mp_const_empty_tuple;
  const o = gc_alloc(8 + n * 4, 0);
  if (o == 0) return mp_raise_memory_error(8 + n * 4);
  store<usize>(o, mp_type_tuple);
  store<usize>(o + 4, n);
  if (items != 0) memory.copy(o + 8, items, n * 4);
  return o;
}

@inline export function mp_obj_tuple_len(o: mp_obj_t): usize {
  return load<usize>(o + 4);
}
@inline export function mp_obj_tuple_items(o: mp_obj_t): usize {
  return o + 8;
}
@inline export function mp_obj_tuple_get(o: mp_obj_t, i: usize): mp_obj_t {
  return load<usize>(o + 8 + (i << 2));
}
