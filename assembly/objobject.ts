// object, the root of all classes, as MicroPython's objobject.c: a bare
// instance (one word: its type) and the methods user classes reach through
// super(): __init__, __new__, __setattr__, __delattr__.

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_TYPE_SIZE,
  MP_TYPE_FLAG_NONE,
  mp_type_type,
  mp_type_setup,
  mp_type_set_make_new,
  mp_type_set_locals_dict,
  mp_obj_is_type,
  MP_OBJ_NEW_QSTR,
  mp_obj_is_qstr,
  mp_const_none,
  mp_fun_1_at,
  mp_fun_2_at,
  mp_fun_3_at,
} from "./obj";
import { gc_alloc } from "./gc";
import {
  mp_map_lookup,
  MP_MAP_LOOKUP_ADD_IF_NOT_FOUND,
  MP_MAP_LOOKUP_REMOVE_IF_FOUND,
  MP_MAP_ERROR,
} from "./map";
import { mp_root_mark, mp_root_push, mp_root_release } from "./rootstack";
import { mp_static_dict_at, mp_static_dict_add } from "./objdict";
import { mp_obj_is_str } from "./objstr";
import { qstr_from_strn } from "./qstr";
import { mp_obj_str_get_data_ptr, mp_obj_str_get_len } from "./objstr";
import { mp_raise_memory_error, mp_runtime_set_object_type } from "./runtime";
import { mp_arg_check_num } from "./argcheck";
import {
  mp_raise_TypeError,
  mp_raise_msg,
  mp_raise_type,
  mp_type_TypeError,
  mp_type_AttributeError,
} from "./objexcept";
import {
  mp_obj_get_type,
  mp_obj_is_instance_type,
  mp_obj_new_instance,
  mp_type_staticmethod,
  INSTANCE_MEMBERS,
} from "./objtype";
import * as Q from "./genhdr";

export const mp_type_object: usize = memory.data(<i32>MP_TYPE_SIZE, 16);

function object_make_new(type: usize, n_args: usize, n_kw: usize, args: usize): mp_obj_t {
  if (!mp_arg_check_num(n_args, n_kw, 0, 0, false)) return MP_OBJ_NULL;
  const o = gc_alloc(4, 0);
  if (o == 0) return mp_raise_memory_error(4);
  store<usize>(o, type);
  return o;
}

function object___init__(self: mp_obj_t): mp_obj_t {
  return mp_const_none;
}

// Only the "__new__" half of making an instance of a user class.
function object___new__(cls: mp_obj_t): mp_obj_t {
  if (!mp_obj_is_type(cls, mp_type_type) || !mp_obj_is_instance_type(cls)) {
    return mp_raise_TypeError("arg must be user-type");
  }
  return mp_obj_new_instance(cls);
}

// The attribute name as a qstr object key, or MP_OBJ_NULL with TypeError.
function attr_key(attr: mp_obj_t): mp_obj_t {
  if (mp_obj_is_qstr(attr)) return attr;
  if (!mp_obj_is_str(attr)) return mp_raise_type(mp_type_TypeError);
  const q = qstr_from_strn(mp_obj_str_get_data_ptr(attr), mp_obj_str_get_len(attr));
  if (q == 0) return mp_raise_memory_error(mp_obj_str_get_len(attr));
  return MP_OBJ_NEW_QSTR(q);
}

function object___setattr__(self_in: mp_obj_t, attr: mp_obj_t, value: mp_obj_t): mp_obj_t {
  if (!mp_obj_is_instance_type(mp_obj_get_type(self_in))) return mp_raise_TypeError("arg must be user-type");
  const key = attr_key(attr);
  if (key == MP_OBJ_NULL) return MP_OBJ_NULL;
  const mark = mp_root_mark();
  mp_root_push(self_in);
  mp_root_push(value);
  const e = mp_map_lookup(self_in + INSTANCE_MEMBERS, key, MP_MAP_LOOKUP_ADD_IF_NOT_FOUND);
  mp_root_release(mark);
  if (e == MP_MAP_ERROR) return MP_OBJ_NULL;
  store<usize>(e + 4, value);
  return mp_const_none;
}

function object___delattr__(self_in: mp_obj_t, attr: mp_obj_t): mp_obj_t {
  if (!mp_obj_is_instance_type(mp_obj_get_type(self_in))) return mp_raise_TypeError("arg must be user-type");
  const key = attr_key(attr);
  if (key == MP_OBJ_NULL) return MP_OBJ_NULL;
  const e = mp_map_lookup(self_in + INSTANCE_MEMBERS, key, MP_MAP_LOOKUP_REMOVE_IF_FOUND);
  if (e == MP_MAP_ERROR) return MP_OBJ_NULL;
  if (e == 0) return mp_raise_msg(mp_type_AttributeError, "no such attribute");
  return mp_const_none;
}

const object___init___obj: usize = memory.data(16, 16);
const object___new___fun_obj: usize = memory.data(16, 16);
// object.__new__ is a staticmethod wrapper (+0 type, +4 fun)
const object___new___obj: usize = memory.data(8, 8);
const object___setattr___obj: usize = memory.data(16, 16);
const object___delattr___obj: usize = memory.data(16, 16);
const object_locals_dict: usize = memory.data(16, 16);

/** Set-up of this file's static objects (types, methods); run once by mp_init. */
export function objobject_static_init(): void {
  mp_fun_1_at(object___init___obj, object___init__);
  mp_fun_1_at(object___new___fun_obj, object___new__);
  store<usize>(object___new___obj, mp_type_staticmethod);
  store<usize>(object___new___obj + 4, object___new___fun_obj);
  mp_fun_3_at(object___setattr___obj, object___setattr__);
  mp_fun_2_at(object___delattr___obj, object___delattr__);
  mp_static_dict_at(object_locals_dict, 4);
  mp_static_dict_add(object_locals_dict, Q.MP_QSTR___init__, object___init___obj);
  mp_static_dict_add(object_locals_dict, Q.MP_QSTR___new__, object___new___obj);
  mp_static_dict_add(object_locals_dict, Q.MP_QSTR___setattr__, object___setattr___obj);
  mp_static_dict_add(object_locals_dict, Q.MP_QSTR___delattr__, object___delattr___obj);

  mp_type_setup(mp_type_object, Q.MP_QSTR_object, MP_TYPE_FLAG_NONE, 0);
  mp_type_set_make_new(mp_type_object, object_make_new);
  mp_type_set_locals_dict(mp_type_object, object_locals_dict);
  mp_runtime_set_object_type(mp_type_object);
}
