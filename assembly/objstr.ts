// str and bytes, as MicroPython's objstr.c.
//
//   mp_obj_str_t (16 bytes, one block):
//     +0 type (mp_type_str / mp_type_bytes)   +8  len (bytes)
//     +4 hash (0 = not computed yet)          +12 data: pointer to len+1 bytes (NUL-terminated)
//
// Interned strings are qstrs (tagged mp_obj_t), not str objects.

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_TYPE_SIZE,
  mp_obj_is_qstr,
  MP_OBJ_QSTR_VALUE,
  MP_OBJ_NEW_QSTR,
  mp_obj_is_obj,
  mp_type_setup,
  MP_TYPE_FLAG_NONE,
} from "./obj";
import { qstr_find_strn, qstr_str, qstr_len, qstr_compute_hash, mp_utf8_from_as } from "./qstr";
import { gc_alloc } from "./gc";
import { mp_root_mark, mp_root_push, mp_root_release } from "./rootstack";
import { MP_QSTR_str, MP_QSTR_bytes } from "./genhdr";
import { mp_raise_memory_error } from "./runtime";

export const mp_type_str: usize = memory.data(<i32>MP_TYPE_SIZE, 16);
export const mp_type_bytes: usize = memory.data(<i32>MP_TYPE_SIZE, 16);

/**
 * Allocates a str/bytes object of `type` with room for `len` bytes (plus NUL),
 * contents zeroed. Returns MP_OBJ_NULL on MemoryError.
 */
export function mp_obj_new_str_of_type_uninit(type: usize, len: usize): mp_obj_t {
  const o = gc_alloc(16, 0);
  if (o == 0) return mp_raise_memory_error(16);
  const mark = mp_root_mark();
  mp_root_push(o);
  const d = gc_alloc(len + 1, 0);
  mp_root_release(mark);
  if (d == 0) return mp_raise_memory_error(len + 1);
  store<usize>(o, type);
  store<usize>(o + 8, len);
  store<usize>(o + 12, d);
  return o;
}

/**
 * A new str from `len` UTF-8 bytes at `p` (copied). Returns the qstr if the
 * text is already interned, as mp_obj_new_str. MP_OBJ_NULL on MemoryError.
 * `p` must not point into an unrooted heap block.
 */
export function mp_obj_new_str(p: usize, len: usize): mp_obj_t {
  const q = qstr_find_strn(p, len);
  if (q != 0) return MP_OBJ_NEW_QSTR(q);
  return mp_obj_new_str_copy(mp_type_str, p, len);
}

/** A new str or bytes object of `type` holding a copy of `len` bytes at `p` (never interned). */
export function mp_obj_new_str_copy(type: usize, p: usize, len: usize): mp_obj_t {
  const o = mp_obj_new_str_of_type_uninit(type, len);
  if (o == MP_OBJ_NULL) return MP_OBJ_NULL;
  memory.copy(load<usize>(o + 12), p, len);
  return o;
}

const as_scratch: usize = memory.data(4096, 4);

/** A new str from an AssemblyScript string literal (at most 4 KiB of UTF-8). */
export function mp_obj_new_str_from_as(s: string): mp_obj_t {
  const n = mp_utf8_from_as(s, as_scratch, 4096);
  return mp_obj_new_str(as_scratch, n);
}

/** True for str objects and qstrs. */
@inline export function mp_obj_is_str(o: mp_obj_t): bool {
  return mp_obj_is_qstr(o) || (mp_obj_is_obj(o) && load<usize>(o) == mp_type_str);
}

/** Byte data of a str/bytes object or qstr. */
export function mp_obj_str_get_data_ptr(o: mp_obj_t): usize {
  if (mp_obj_is_qstr(o)) return qstr_str(MP_OBJ_QSTR_VALUE(o));
  return load<usize>(o + 12);
}

/** Byte length of a str/bytes object or qstr. */
export function mp_obj_str_get_len(o: mp_obj_t): usize {
  if (mp_obj_is_qstr(o)) return qstr_len(MP_OBJ_QSTR_VALUE(o));
  return load<usize>(o + 8);
}

/** Hash of a str/bytes object (cached in the object), as qstr_compute_hash. */
export function mp_obj_str_get_hash(o: mp_obj_t): u32 {
  let h = load<u32>(o + 4);
  if (h == 0) {
    h = qstr_compute_hash(load<usize>(o + 12), load<usize>(o + 8));
    store<u32>(o + 4, h);
  }
  return h;
}

/** Set-up of this file's static objects (types, methods); run once by mp_init. */
export function objstr_static_init(): void {
  mp_type_setup(mp_type_str, MP_QSTR_str, MP_TYPE_FLAG_NONE, 0);
  mp_type_setup(mp_type_bytes, MP_QSTR_bytes, MP_TYPE_FLAG_NONE, 0);
}
