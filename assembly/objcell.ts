// Cells, as MicroPython's objcell.c: a box holding one closed-over variable,
// shared between a function and the closures it makes.
//
//   mp_obj_cell_t (8 bytes):  +0 type (mp_type_cell)   +4 obj (MP_OBJ_NULL = unbound)

import { mp_obj_t, MP_TYPE_SIZE, mp_type_setup, MP_TYPE_FLAG_NONE } from "./obj";
import { gc_alloc } from "./gc";
import { mp_raise_memory_error } from "./runtime";
import { mp_root_mark, mp_root_push, mp_root_release } from "./rootstack";
import { MP_QSTR_cell } from "./genhdr";

export const mp_type_cell: usize = memory.data(<i32>MP_TYPE_SIZE, 16);

/** A new cell holding `obj` (may be MP_OBJ_NULL); MP_OBJ_NULL on MemoryError (mp_obj_new_cell). */
export function mp_obj_new_cell(obj: mp_obj_t): mp_obj_t {
  const mark = mp_root_mark();
  mp_root_push(obj);
  const o = gc_alloc(8, 0);
  mp_root_release(mark);
  if (o == 0) return mp_raise_memory_error(8);
  store<usize>(o, mp_type_cell);
  store<usize>(o + 4, obj);
  return o;
}

/** The value in cell `c` (MP_OBJ_NULL if unbound). */
@inline export function mp_obj_cell_get(c: mp_obj_t): mp_obj_t {
  return load<usize>(c + 4);
}

/** Stores `obj` in cell `c`. */
@inline export function mp_obj_cell_set(c: mp_obj_t, obj: mp_obj_t): void {
  store<usize>(c + 4, obj);
}

/** Set-up of this file's static objects (types, methods); run once by mp_init. */
export function objcell_static_init(): void {
  mp_type_setup(mp_type_cell, MP_QSTR_cell, MP_TYPE_FLAG_NONE, 0);
}
