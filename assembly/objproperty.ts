// property, as MicroPython's objproperty.c. Instances of classes with a
// property member have MP_TYPE_FLAG_HAS_SPECIAL_ACCESSORS, and objtype.ts
// calls the getter/setter/deleter directly.
//
//   mp_obj_property_t (16 bytes): +0 type   +4 fget   +8 fset   +12 fdel
//   (None where absent)

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_TYPE_SIZE,
  MP_TYPE_FLAG_NONE,
  mp_type_setup,
  mp_type_set_make_new,
  mp_type_set_locals_dict,
  mp_const_none,
  mp_fun_2_at,
} from "./obj";
import { gc_alloc } from "./gc";
import { mp_root_mark, mp_root_push, mp_root_release, mp_root_alloc } from "./rootstack";
import { mp_static_dict_at, mp_static_dict_add } from "./objdict";
import { mp_raise_memory_error } from "./runtime";
import { mp_arg_set, mp_arg_parse_all_kw_array, MP_ARG_OBJ } from "./argcheck";
import * as Q from "./genhdr";

export const mp_type_property: usize = memory.data(<i32>MP_TYPE_SIZE, 16);

// property(fget=None, fset=None, fdel=None, doc=None); doc is dropped
const property_args: usize = memory.data(32, 4);

function property_make_new(type: usize, n_args: usize, n_kw: usize, args: usize): mp_obj_t {
  const mark = mp_root_mark();
  const vals = mp_root_alloc(4);
  if (vals == 0 || !mp_arg_parse_all_kw_array(n_args, n_kw, args, 4, property_args, vals)) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  const o = gc_alloc(16, 0);
  if (o == 0) {
    mp_root_release(mark);
    return mp_raise_memory_error(16);
  }
  store<usize>(o, type);
  memory.copy(o + 4, vals, 12);
  mp_root_release(mark);
  return o;
}

// A copy of property `self_in` with accessor `i` (0 get, 1 set, 2 delete) replaced.
function property_copy_with(self_in: mp_obj_t, i: usize, f: mp_obj_t): mp_obj_t {
  const mark = mp_root_mark();
  mp_root_push(self_in);
  mp_root_push(f);
  const o = gc_alloc(16, 0);
  mp_root_release(mark);
  if (o == 0) return mp_raise_memory_error(16);
  memory.copy(o, self_in, 16);
  store<usize>(o + 4 + (i << 2), f);
  return o;
}

function property_getter(self_in: mp_obj_t, f: mp_obj_t): mp_obj_t {
  return property_copy_with(self_in, 0, f);
}

function property_setter(self_in: mp_obj_t, f: mp_obj_t): mp_obj_t {
  return property_copy_with(self_in, 1, f);
}

function property_deleter(self_in: mp_obj_t, f: mp_obj_t): mp_obj_t {
  return property_copy_with(self_in, 2, f);
}

const property_getter_obj: usize = memory.data(16, 16);
const property_setter_obj: usize = memory.data(16, 16);
const property_deleter_obj: usize = memory.data(16, 16);
const property_locals_dict: usize = memory.data(16, 16);

/** Set-up of this file's static objects (types, methods); run once by mp_init. */
export function objproperty_static_init(): void {
  mp_arg_set(property_args, 0, Q.MP_QSTR_fget, MP_ARG_OBJ, mp_const_none);
  mp_arg_set(property_args, 1, Q.MP_QSTR_fset, MP_ARG_OBJ, mp_const_none);
  mp_arg_set(property_args, 2, Q.MP_QSTR_fdel, MP_ARG_OBJ, mp_const_none);
  mp_arg_set(property_args, 3, Q.MP_QSTR_doc, MP_ARG_OBJ, mp_const_none);
  mp_fun_2_at(property_getter_obj, property_getter);
  mp_fun_2_at(property_setter_obj, property_setter);
  mp_fun_2_at(property_deleter_obj, property_deleter);
  mp_static_dict_at(property_locals_dict, 3);
  mp_static_dict_add(property_locals_dict, Q.MP_QSTR_getter, property_getter_obj);
  mp_static_dict_add(property_locals_dict, Q.MP_QSTR_setter, property_setter_obj);
  mp_static_dict_add(property_locals_dict, Q.MP_QSTR_deleter, property_deleter_obj);
  mp_type_setup(mp_type_property, Q.MP_QSTR_property, MP_TYPE_FLAG_NONE, 0);
  mp_type_set_make_new(mp_type_property, property_make_new);
  mp_type_set_locals_dict(mp_type_property, property_locals_dict);
}

/** Address of the 3 accessor words (fget, fset, fdel) of property `p` (mp_obj_property_get). */
@inline export function mp_obj_property_get(p: mp_obj_t): usize {
  return p + 4;
}
