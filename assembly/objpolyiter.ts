// The polymorphic iterator, as MicroPython's objpolyiter.c: one static type
// whose instances carry their own iternext function, so small internal
// iterators (list, tuple, set, str...) need no type of their own.
//
//   mp_obj_polymorph_iter_t (4 words, fits an iter_buf or one GC block):
//     +0 type (mp_type_polymorph_iter)   +4 table index of iternext(self)
//     +8, +12 the iterator's own state

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_TYPE_SIZE,
  mp_type_setup,
  MP_TYPE_FLAG_ITER_IS_ITERNEXT,
  mp_type_set_iternext,
  mp_type_set_getiter,
  iternext_fn,
} from "./obj";
import { gc_alloc } from "./gc";
import { mp_raise_memory_error } from "./runtime";
import { MP_QSTR_iterator } from "./genhdr";

/** Bytes of an iteration buffer (mp_obj_iter_buf_t): 4 words. */
@inline export const MP_OBJ_ITER_BUF_SIZE: usize = 16;

export const mp_type_polymorph_iter: usize = memory.data(<i32>MP_TYPE_SIZE, 16);

function polymorph_it_iternext(self: mp_obj_t): mp_obj_t {
  return call_indirect<usize>(load<u32>(self + 4), self);
}

/**
 * getiter slot of iterator types: an iterator is its own iterator
 * (MP_TYPE_FLAG_ITER_IS_ITERNEXT).
 */
export function mp_identity_getiter(self: mp_obj_t, iter_buf: usize): mp_obj_t {
  return self;
}

/**
 * Makes an iterator object of `type` (4 words): in `iter_buf` when given (a
 * caller's 16-byte buffer on the pystack or root stack), otherwise on the GC
 * heap. Returns MP_OBJ_NULL on MemoryError. Words +4..+12 are zeroed.
 */
export function mp_obj_iter_alloc(type: usize, iter_buf: usize): mp_obj_t {
  let o = iter_buf;
  if (o == 0) {
    o = gc_alloc(MP_OBJ_ITER_BUF_SIZE, 0);
    if (o == 0) return mp_raise_memory_error(MP_OBJ_ITER_BUF_SIZE);
  } else {
    memory.fill(o, 0, MP_OBJ_ITER_BUF_SIZE);
  }
  store<usize>(o, type);
  return o;
}

/**
 * A polymorphic iterator calling `iternext` with words +8 and +12 set to
 * `a` and `b` (e.g. the sequence and the position). `a` must be rooted by the
 * caller. Returns MP_OBJ_NULL on MemoryError.
 */
export function mp_obj_new_polymorph_iter(
  iternext: iternext_fn,
  a: usize,
  b: usize,
  iter_buf: usize,
): mp_obj_t {
  const o = mp_obj_iter_alloc(mp_type_polymorph_iter, iter_buf);
  if (o == MP_OBJ_NULL) return MP_OBJ_NULL;
  store<u32>(o + 4, iternext.index);
  store<usize>(o + 8, a);
  store<usize>(o + 12, b);
  return o;
}

/** Set-up of this file's static objects (types, methods); run once by mp_init. */
export function objpolyiter_static_init(): void {
  mp_type_setup(mp_type_polymorph_iter, MP_QSTR_iterator, MP_TYPE_FLAG_ITER_IS_ITERNEXT, 0);
  mp_type_set_iternext(mp_type_polymorph_iter, polymorph_it_iternext);
  mp_type_set_getiter(mp_type_polymorph_iter, mp_identity_getiter);
}
