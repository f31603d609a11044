import { mp_static_dict_at } from "./objdict";
// dict, as MicroPython's objdict.c (insertion-ordered, see map.ts).
//
//   mp_obj_dict_t (16 bytes):  +0 type   +4 map (mp_map_t, 3 words)

import { mp_obj_t, MP_OBJ_NULL, MP_TYPE_SIZE, mp_type_setup, MP_TYPE_FLAG_NONE, MP_OBJ_NEW_QSTR } from "./obj";
import { mp_map_init_n, mp_map_init_static, mp_map_static_add } from "./map";
import { gc_alloc } from "./gc";
import { mp_static_alloc } from "./memmap";
import { MP_QSTR_dict } from "./genhdr";
import { mp_raise_memory_error } from "./runtime";
import { mp_root_mark, mp_root_push, mp_root_release } from "./rootstack";
import { qstr } from "./qstr";

export const mp_type_dict: usize = memory.data(<i32>MP_TYPE_SIZE, 16);

/** The map inside a dict object. */
@inline export function mp_obj_dict_get_map(d: mp_obj_t): usize {
  return d + 4;
}

/** A new empty dict with room for `n` entries; MP_OBJ_NULL on MemoryError. */
export function mp_obj_new_dict(n: usize): mp_obj_t {
  const o = gc_alloc(16, 0);
  if (o == 0) return mp_raise_memory_error(16);
  store<usize>(o, mp_type_dict);
  const mark = mp_root_mark();
  mp_root_push(o);
  const ok = mp_map_init_n(o + 4, n);
  mp_root_release(mark);
  return ok ? o : MP_OBJ_NULL;
}

/**
 * A static, fixed dict of `n` entries in the static arena (locals dict of a
 * built-in type, globals of a built-in module). Fill it at set-up with
 * mp_static_dict_add; lookups scan it in order.
 */
export function mp_static_dict(n: usize): mp_obj_t {
  return mp_static_dict_at(mp_static_alloc(16), n);
}

/** As mp_static_dict, for a dict object at a fixed address (`memory.data(16, 16)`). */
export function mp_static_dict_at(o: usize, n: usize): mp_obj_t {
  store<usize>(o, mp_type_dict);
  mp_map_init_static(o + 4, n);
  return o;
}

/** Adds `name` -> `value` to a static dict (set-up time only). */
export function mp_static_dict_add(d: mp_obj_t, name: qstr, value: mp_obj_t): void {
  mp_map_static_add(d + 4, MP_OBJ_NEW_QSTR(name), value);
}

/** Set-up of this file's static objects (types, methods); run once by mp_init. */
export function objdict_static_init(): void {
  mp_type_setup(mp_type_dict, MP_QSTR_dict, MP_TYPE_FLAG_NONE, 0);
}
