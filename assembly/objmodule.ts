// Module objects, as MicroPython's objmodule.c: a module is its globals dict
// with a type that gives attribute access to it.
//
//   mp_obj_module_t (8 bytes; built-in modules are static):
//     +0 type (mp_type_module)   +4 globals (dict object)
//   A module made by mp_obj_new_module is a 16-byte mp_module_context_t
//   (emitglue.ts) whose first two words are these.

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_OBJ_SENTINEL,
  MP_TYPE_SIZE,
  MP_TYPE_FLAG_NONE,
  MP_OBJ_NEW_QSTR,
  mp_obj_is_qstr,
  MP_OBJ_QSTR_VALUE,
  mp_type_setup,
  mp_type_set_print,
  mp_type_set_attr,
} from "./obj";
import { gc_alloc } from "./gc";
import { qstr, qstr_str, qstr_len } from "./qstr";
import { mp_print_str, mp_print_strn } from "./mpprint";
import {
  mp_map_lookup,
  mp_map_is_fixed,
  MP_MAP_LOOKUP,
  MP_MAP_LOOKUP_ADD_IF_NOT_FOUND,
  MP_MAP_LOOKUP_REMOVE_IF_FOUND,
  MP_MAP_ERROR,
} from "./map";
import { mp_root_mark, mp_root_push, mp_root_release } from "./rootstack";
import { mp_obj_new_dict, mp_obj_dict_get_map } from "./objdict";
import { mp_obj_str_get_data_ptr, mp_obj_str_get_len, mp_obj_is_str } from "./objstr";
import { mp_state_get, mp_state_set, MPS_loaded_modules, MPS_builtins_override } from "./mpstate";
import { mp_raise_memory_error, mp_call_function_1 } from "./runtime";
import { mp_raise_arg1, mp_type_KeyError } from "./objexcept";
import * as Q from "./genhdr";
import { mp_module_attr_delegation } from "../build/genhdr/moduledefs.generated";

export const mp_type_module: usize = memory.data(<i32>MP_TYPE_SIZE, 16);

/** The globals dict of module `m`. */
@inline export function mp_obj_module_get_globals(m: mp_obj_t): mp_obj_t {
  return load<usize>(m + 4);
}

function print_str_obj(print: usize, s: mp_obj_t): void {
  mp_print_strn(print, mp_obj_str_get_data_ptr(s), mp_obj_str_get_len(s));
}

function module_print(print: usize, self_in: mp_obj_t, kind: u32): bool {
  const map = mp_obj_dict_get_map(mp_obj_module_get_globals(self_in));
  mp_print_str(print, "<module '");
  const e = mp_map_lookup(map, MP_OBJ_NEW_QSTR(Q.MP_QSTR___name__), MP_MAP_LOOKUP);
  if (e != 0 && e != MP_MAP_ERROR && mp_obj_is_str(load<usize>(e + 4))) print_str_obj(print, load<usize>(e + 4));
  const f = mp_map_lookup(map, MP_OBJ_NEW_QSTR(Q.MP_QSTR___file__), MP_MAP_LOOKUP);
  if (f != 0 && f != MP_MAP_ERROR && mp_obj_is_str(load<usize>(f + 4))) {
    mp_print_str(print, "' from '");
    print_str_obj(print, load<usize>(f + 4));
  }
  mp_print_str(print, "'>");
  return true;
}

/** The builtins module's globals (set by modbuiltins.ts): stores to it go to the override dict. */
let builtins_globals: mp_obj_t = 0;

/** Tells this file which dict is the builtins module's (MICROPY_CAN_OVERRIDE_BUILTINS). */
export function mp_module_set_builtins_globals(d: mp_obj_t): void {
  builtins_globals = d;
}

function module_attr(self_in: mp_obj_t, attr: qstr, dest: usize): bool {
  let dict = mp_obj_module_get_globals(self_in);
  if (load<usize>(dest) == MP_OBJ_NULL) {
    // load attribute
    const e = mp_map_lookup(mp_obj_dict_get_map(dict), MP_OBJ_NEW_QSTR(attr), MP_MAP_LOOKUP);
    if (e == MP_MAP_ERROR) return false;
    if (e != 0) {
      store<usize>(dest, load<usize>(e + 4));
      return true;
    }
    if (dict == builtins_globals) {
      // names stored into builtins live in the override dict
      const ov = mp_state_get(MPS_builtins_override);
      if (ov != 0) {
        const o = mp_map_lookup(mp_obj_dict_get_map(ov), MP_OBJ_NEW_QSTR(attr), MP_MAP_LOOKUP);
        if (o == MP_MAP_ERROR) return false;
        if (o != 0) {
          store<usize>(dest, load<usize>(o + 4));
          return true;
        }
      }
    }
    // a module's attribute delegate (MP_REGISTER_MODULE_DELEGATION)
    mp_module_attr_delegation(self_in, attr, dest);
    if (load<usize>(dest) != MP_OBJ_NULL) return true;
    if (attr == Q.MP_QSTR___dict__) {
      store<usize>(dest, dict);
      return true;
    }
    if (attr != Q.MP_QSTR___getattr__) {
      // module-level __getattr__ (MICROPY_MODULE_GETATTR)
      const g = mp_map_lookup(
        mp_obj_dict_get_map(dict),
        MP_OBJ_NEW_QSTR(Q.MP_QSTR___getattr__),
        MP_MAP_LOOKUP,
      );
      if (g == MP_MAP_ERROR) return false;
      if (g != 0) {
        const r = mp_call_function_1(load<usize>(g + 4), MP_OBJ_NEW_QSTR(attr));
        if (r == MP_OBJ_NULL) return false;
        store<usize>(dest, r);
      }
    }
    return true;
  }
  // store or delete
  if (mp_map_is_fixed(mp_obj_dict_get_map(dict))) {
    if (dict != builtins_globals) {
      // the delegate may store it (clearing dest[0]); else dest[0] stays set: can't
      mp_module_attr_delegation(self_in, attr, dest);
      return true;
    }
    dict = mp_state_get(MPS_builtins_override);
    if (dict == 0) {
      dict = mp_obj_new_dict(1);
      if (dict == MP_OBJ_NULL) return false;
      mp_state_set(MPS_builtins_override, dict);
    }
  }
  const value = load<usize>(dest + 4);
  const map = mp_obj_dict_get_map(dict);
  const key = MP_OBJ_NEW_QSTR(attr);
  if (value == MP_OBJ_NULL) {
    const e = mp_map_lookup(map, key, MP_MAP_LOOKUP_REMOVE_IF_FOUND);
    if (e == MP_MAP_ERROR) return false;
    if (e == 0) {
      mp_raise_arg1(mp_type_KeyError, key);
      return false;
    }
  } else {
    const mark = mp_root_mark();
    mp_root_push(value);
    const e = mp_map_lookup(map, key, MP_MAP_LOOKUP_ADD_IF_NOT_FOUND);
    mp_root_release(mark);
    if (e == MP_MAP_ERROR) return false;
    store<usize>(e + 4, value);
  }
  store<usize>(dest, MP_OBJ_NULL);
  return true;
}

/**
 * The module named `module_name` from sys.modules, or a new one (16 bytes,
 * an mp_module_context_t with no tables) with `__name__` set and entered in
 * sys.modules (mp_obj_new_module). MP_OBJ_NULL on MemoryError.
 */
export function mp_obj_new_module(module_name: qstr): mp_obj_t {
  const loaded = mp_state_get(MPS_loaded_modules);
  const key = MP_OBJ_NEW_QSTR(module_name);
  if (loaded != 0) {
    const e = mp_map_lookup(mp_obj_dict_get_map(loaded), key, MP_MAP_LOOKUP);
    if (e == MP_MAP_ERROR) return MP_OBJ_NULL;
    if (e != 0) return load<usize>(e + 4);
  }
  const o = gc_alloc(16, 0);
  if (o == 0) return mp_raise_memory_error(16);
  store<usize>(o, mp_type_module);
  const mark = mp_root_mark();
  mp_root_push(o);
  const g = mp_obj_new_dict(3);
  if (g == MP_OBJ_NULL) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  store<usize>(o + 4, g);
  const n = mp_map_lookup(
    mp_obj_dict_get_map(g),
    MP_OBJ_NEW_QSTR(Q.MP_QSTR___name__),
    MP_MAP_LOOKUP_ADD_IF_NOT_FOUND,
  );
  if (n == MP_MAP_ERROR) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  store<usize>(n + 4, key);
  if (loaded != 0) {
    const e = mp_map_lookup(mp_obj_dict_get_map(loaded), key, MP_MAP_LOOKUP_ADD_IF_NOT_FOUND);
    if (e == MP_MAP_ERROR) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    store<usize>(e + 4, o);
  }
  mp_root_release(mark);
  return o;
}

/**
 * Fills the static module object at `m` (8 bytes, `memory.data(8, 8)`) with
 * globals dict `globals` (set-up time; for built-in modules).
 */
export function mp_module_static_at(m: usize, globals: mp_obj_t): mp_obj_t {
  store<usize>(m, mp_type_module);
  store<usize>(m + 4, globals);
  return m;
}

/** Set-up of this file's static objects (types, methods); run once by mp_init. */
export function objmodule_static_init(): void {
  mp_type_setup(mp_type_module, Q.MP_QSTR_module, MP_TYPE_FLAG_NONE, 0);
  mp_type_set_print(mp_type_module, module_print);
  mp_type_set_attr(mp_type_module, module_attr);
}
