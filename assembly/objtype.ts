// type objects, user classes and their instances, super, staticmethod and
// classmethod, isinstance/issubclass, as MicroPython's objtype.c.
//
// A user class is a heap type (64 bytes, the layout of obj.ts) whose slots
// are the instance_* functions below and whose flags have
// MP_TYPE_FLAG_INSTANCE_TYPE; its parent slot holds the single base type, or
// the bases tuple when there are several. Attribute lookup walks the bases
// depth first, left to right (MicroPython's rule, not CPython's C3 MRO), and
// never searches `object` unless asked for it directly.
//
//   mp_obj_instance_t (16 or 20 bytes):
//     +0  type (the user class)
//     +4  members: mp_map_t (3 words), the instance attributes
//     +16 subobj[0]: the native base object (only when a base is a built-in
//         type such as list or Exception); until the native __init__ has
//         run it holds mp_native_base_init_wrapper_obj
//
//   class lookup data (5 words on the root stack):
//     +0 obj (instance, or the type for a type lookup)   +4 attr qstr
//     +8 slot offset (a native slot that stands for the method, or 0)
//     +12 dest (2 words)   +16 is_type

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_OBJ_SENTINEL,
  MP_OBJ_NOT_SUPPORTED,
  MP_TYPE_SIZE,
  mp_type_type,
  mp_type_setup,
  mp_type_flags,
  mp_type_set_flags,
  mp_type_name,
  mp_type_slot,
  mp_type_parent,
  mp_type_locals_dict,
  mp_type_set_locals_dict,
  mp_type_protocol,
  mp_type_set_protocol,
  mp_type_set_parent,
  mp_type_set_make_new,
  mp_type_set_print,
  mp_type_set_call,
  mp_type_set_unary_op,
  mp_type_set_binary_op,
  mp_type_set_attr,
  mp_type_set_subscr,
  mp_type_set_getiter,
  mp_type_set_buffer,
  call_make_new,
  call_getiter,
  call_buffer,
  MP_TYPE_FLAG_NONE,
  MP_TYPE_FLAG_IS_SUBCLASSED,
  MP_TYPE_FLAG_HAS_SPECIAL_ACCESSORS,
  MP_TYPE_FLAG_EQ_NOT_REFLEXIVE,
  MP_TYPE_FLAG_EQ_CHECKS_OTHER_TYPE,
  MP_TYPE_FLAG_EQ_HAS_NEQ_TEST,
  MP_TYPE_FLAG_INSTANCE_TYPE,
  MP_TYPE_FLAG_ITER_IS_ITERNEXT,
  SLOT_make_new,
  SLOT_print,
  SLOT_call,
  SLOT_unary_op,
  SLOT_binary_op,
  SLOT_subscr,
  SLOT_getiter,
  SLOT_iternext,
  SLOT_buffer,
  PRINT_STR,
  PRINT_REPR,
  PRINT_EXC_SUBCLASS,
  mp_obj_is_small_int,
  mp_obj_is_qstr,
  mp_obj_is_obj,
  mp_obj_is_type,
  mp_obj_is_immediate_obj,
  MP_OBJ_NEW_QSTR,
  MP_OBJ_QSTR_VALUE,
  MP_OBJ_NEW_SMALL_INT,
  mp_const_none,
  mp_const_true,
  mp_const_false,
  mp_obj_new_bool,
  mp_fun_kw_at,
  mp_fun_2_at,
  mp_obj_print_helper,
  mp_obj_is_true,
  mp_obj_get_int,
  MP_INT_ERROR,
  mp_obj_get_type_qstr,
} from "./obj";
import { gc_alloc } from "./gc";
import { qstr, qstr_str, qstr_len, qstr_from_strn } from "./qstr";
import { mp_print_str, mp_print_strn, mp_print_hex } from "./mpprint";
import {
  mp_map_init,
  mp_map_lookup,
  mp_map_used,
  mp_map_filled,
  mp_map_entries,
  mp_map_slot_is_filled,
  mp_map_copy,
  mp_map_is_fixed,
  MP_MAP_LOOKUP,
  MP_MAP_LOOKUP_ADD_IF_NOT_FOUND,
  MP_MAP_LOOKUP_REMOVE_IF_FOUND,
  MP_MAP_ERROR,
} from "./map";
import { mp_root_mark, mp_root_push, mp_root_release, mp_root_alloc } from "./rootstack";
import { mp_type_str, mp_obj_str_get_data_ptr, mp_obj_str_get_len } from "./objstr";
import {
  mp_type_tuple,
  mp_obj_new_tuple,
  mp_obj_tuple_len,
  mp_obj_tuple_get,
  mp_const_empty_tuple,
} from "./objtuple";
import { mp_type_dict, mp_obj_new_dict, mp_static_dict_at } from "./objdict";
import { mp_type_NoneType } from "./objnone";
import { mp_type_bool } from "./objbool";
import { mp_type_object } from "./objobject";
import { mp_type_property, mp_obj_property_get } from "./objproperty";
import { mp_const_notimplemented } from "./objsingleton";
import {
  mp_type_TypeError,
  mp_type_AttributeError,
  mp_type_RuntimeError,
  mp_raise_msg,
  mp_raise_msg_varg,
  mp_raise_TypeError,
  mp_raise_type,
  mp_take_exception,
  mp_pending_exception,
  mp_obj_is_native_exception_instance,
} from "./objexcept";
import {
  mp_unary_op,
  mp_binary_op,
  mp_raise_memory_error,
  mp_load_method_maybe,
  mp_load_method,
  mp_convert_member_lookup,
  mp_call_function_n_kw,
  mp_call_method_n_kw,
  mp_obj_subscr,
  mp_unary_op_method_name,
  mp_binary_op_method_name,
  mp_runtime_set_static_class_method_types,
} from "./runtime";
import { mp_type_int, mp_obj_int_get_truncated } from "./objint";
import * as R from "./runtime0";
import { mp_arg_check_num } from "./argcheck";
import * as Q from "./genhdr";

// ---- the type of any object ----

// None, bool and int live in objnone.ts, objbool.ts and objint.ts; re-exported
// here for the files that import them from objtype.
export { mp_type_NoneType, mp_type_bool, mp_type_int };

/** The type of any object, as mp_obj_get_type (tagged values included). */
export function mp_obj_get_type(o: mp_obj_t): usize {
  if (mp_obj_is_small_int(o)) return mp_type_int;
  if (mp_obj_is_qstr(o)) return mp_type_str;
  if (mp_obj_is_immediate_obj(o)) return o == mp_const_none ? mp_type_NoneType : mp_type_bool;
  return load<usize>(o);
}

/** True if `t` is a user class (mp_obj_is_instance_type). */
@inline export function mp_obj_is_instance_type(t: usize): bool {
  return (mp_type_flags(t) & MP_TYPE_FLAG_INSTANCE_TYPE) != 0;
}

/** True if `t` is a built-in type (mp_obj_is_native_type). */
@inline export function mp_obj_is_native_type(t: usize): bool {
  return (mp_type_flags(t) & MP_TYPE_FLAG_INSTANCE_TYPE) == 0;
}

// ---- instances ----

@inline export const INSTANCE_MEMBERS: usize = 4;
@inline export const INSTANCE_SUBOBJ: usize = 16;

/** The attribute map of instance `o` (mp_obj_instance_t.members). */
@inline export function mp_obj_instance_members(o: mp_obj_t): usize {
  return o + INSTANCE_MEMBERS;
}

/** The native base object of instance `o` (subobj[0]). */
@inline export function mp_obj_instance_subobj(o: mp_obj_t): mp_obj_t {
  return load<usize>(o + INSTANCE_SUBOBJ);
}

// The native base found by the last instance_count_native_bases (a static
// built-in type, never a heap object).
let found_native_base: usize = 0;

function instance_count_native_bases(type: usize): i32 {
  let count = 0;
  while (true) {
    if (type == mp_type_object) return count;
    if (mp_obj_is_native_type(type)) {
      found_native_base = type;
      return count + 1;
    }
    const p = mp_type_parent(type);
    if (p == 0) return count;
    if (load<usize>(p) == mp_type_tuple) {
      const n = mp_obj_tuple_len(p);
      for (let i: usize = 0; i < n; i++) count += instance_count_native_bases(mp_obj_tuple_get(p, i));
      return count;
    }
    type = p;
  }
}

/**
 * The native base of `type` (a built-in type it derives from), or 0
 * (instance_count_native_bases).
 */
export function mp_obj_type_native_base(type: usize): usize {
  found_native_base = 0;
  instance_count_native_bases(type);
  return found_native_base;
}

// Calls the native base's make_new on behalf of a user __init__: bound as
// super().__init__ when the base is built-in (native_base_init_wrapper).
function native_base_init_wrapper(n_args: usize, args: usize, kw: usize): mp_obj_t {
  const self = load<usize>(args);
  if (!lookup_obj_is_instance(self)) return mp_raise_type(mp_type_TypeError);
  const nb = mp_obj_type_native_base(load<usize>(self));
  if (nb == 0 || mp_type_slot(nb, SLOT_make_new) == 0) return mp_const_none;
  const n_kw: usize = kw == 0 ? 0 : mp_map_used(kw);
  const mark = mp_root_mark();
  const a = mp_root_alloc(n_args - 1 + 2 * n_kw + 1);
  if (a == 0) return root_overflow(mark);
  memory.copy(a, args + 4, (n_args - 1) * 4);
  if (n_kw != 0) {
    // lay the keywords out as (key, value) pairs after the positional args
    let j = a + (n_args - 1) * 4;
    const e0 = mp_map_entries(kw);
    const filled = mp_map_filled(kw);
    for (let i: usize = 0; i < filled; i++) {
      const e = e0 + i * 8;
      if (!mp_map_slot_is_filled(e)) continue;
      store<usize>(j, load<usize>(e));
      store<usize>(j + 4, load<usize>(e + 4));
      j += 8;
    }
  }
  const o = call_make_new(mp_type_slot(nb, SLOT_make_new), nb, n_args - 1, n_kw, a);
  mp_root_release(mark);
  if (o == MP_OBJ_NULL) return MP_OBJ_NULL;
  store<usize>(self + INSTANCE_SUBOBJ, o);
  return mp_const_none;
}

/** The bound super().__init__ of a native base (mp_native_base_init_wrapper_obj). */
export const mp_native_base_init_wrapper_obj: mp_obj_t = memory.data(16, 16);

function root_overflow(mark: usize): mp_obj_t {
  mp_root_release(mark);
  return mp_raise_msg(mp_type_RuntimeError, "maximum recursion depth exceeded");
}

/**
 * A new blank instance of user class `cls` (mp_obj_new_instance); its
 * native base (or 0) is left in found_native_base. MP_OBJ_NULL on
 * MemoryError.
 */
export function mp_obj_new_instance(cls: usize): mp_obj_t {
  found_native_base = 0;
  const n = instance_count_native_bases(cls);
  const nb = found_native_base;
  const size: usize = n != 0 ? 20 : 16;
  const mark = mp_root_mark();
  mp_root_push(cls);
  const o = gc_alloc(size, 0);
  mp_root_release(mark);
  found_native_base = nb;
  if (o == 0) return mp_raise_memory_error(size);
  store<usize>(o, cls);
  mp_map_init(o + INSTANCE_MEMBERS);
  if (n != 0) store<usize>(o + INSTANCE_SUBOBJ, mp_native_base_init_wrapper_obj);
  return o;
}

// ---- class lookup (depth-first, left-to-right over the bases) ----

@inline const LK_OBJ: usize = 0;
@inline const LK_ATTR: usize = 4;
@inline const LK_SLOT: usize = 8;
@inline const LK_DEST: usize = 12;
@inline const LK_IS_TYPE: usize = 16;

/** Reserves lookup data on the root stack (released with the caller's mark); 0 on overflow. */
function lookup_new(obj: mp_obj_t, attr: qstr, slot: usize, dest: usize, is_type: bool): usize {
  const lk = mp_root_alloc(5);
  if (lk == 0) return 0;
  store<usize>(lk + LK_OBJ, obj);
  store<usize>(lk + LK_ATTR, attr);
  store<usize>(lk + LK_SLOT, slot);
  store<usize>(lk + LK_DEST, dest);
  store<usize>(lk + LK_IS_TYPE, is_type ? 1 : 0);
  return lk;
}

// Whether native type `t` implements the slot that stands for a special method.
function native_has_slot(t: usize, slot: usize): bool {
  if (mp_type_slot(t, slot) != 0) return true;
  if (slot == SLOT_getiter) {
    return mp_type_slot(t, SLOT_iternext) != 0 || (mp_type_flags(t) & MP_TYPE_FLAG_ITER_IS_ITERNEXT) != 0;
  }
  return false;
}

// Whether the object of a lookup is an instance of a user class (it may also
// be 0, or a type when super() is used in a classmethod).
@inline function lookup_obj_is_instance(obj: mp_obj_t): bool {
  return obj != 0 && mp_obj_is_obj(obj) && mp_obj_is_instance_type(load<usize>(obj));
}

/**
 * Looks up lk.attr in `type` and its bases (mp_obj_class_lookup). On success
 * dest holds the converted member (dest[0] == MP_OBJ_SENTINEL when a native
 * base implements lk.slot); dest[0] stays MP_OBJ_NULL when not found.
 * Returns false with an exception pending.
 */
function mp_obj_class_lookup(lk: usize, type: usize): bool {
  const dest = load<usize>(lk + LK_DEST);
  const attr = load<usize>(lk + LK_ATTR);
  const slot = load<usize>(lk + LK_SLOT);
  const is_type = load<usize>(lk + LK_IS_TYPE) != 0;
  while (true) {
    const native = mp_obj_is_native_type(type);
    if (slot != 0 && native && native_has_slot(type, slot)) {
      store<usize>(dest, MP_OBJ_SENTINEL);
      return true;
    }
    const ld = mp_type_locals_dict(type);
    if (ld != 0) {
      const e = mp_map_lookup(ld + 4, MP_OBJ_NEW_QSTR(attr), MP_MAP_LOOKUP);
      if (e == MP_MAP_ERROR) return false;
      if (e != 0) {
        const value = load<usize>(e + 4);
        const obj = load<usize>(lk + LK_OBJ);
        if (is_type) {
          // a class method found in a base binds the type the lookup started from
          return mp_convert_member_lookup(MP_OBJ_NULL, obj, value, dest);
        }
        let self_obj = obj;
        if (native && type != mp_type_object && lookup_obj_is_instance(obj)) {
          // a native base's method applies to the native sub-object
          self_obj = load<usize>(obj + INSTANCE_SUBOBJ);
          if (self_obj == mp_native_base_init_wrapper_obj) {
            mp_raise_msg(mp_type_AttributeError, "call super().__init__() first");
            return false;
          }
        }
        return mp_convert_member_lookup(self_obj, type, value, dest);
      }
    }
    // attributes a native base serves through its attr slot
    const obj = load<usize>(lk + LK_OBJ);
    if (!is_type && native && type != mp_type_object && lookup_obj_is_instance(obj)) {
      const sub = load<usize>(obj + INSTANCE_SUBOBJ);
      if (sub != mp_native_base_init_wrapper_obj) {
        if (!mp_load_method_maybe(sub, attr, dest)) return false;
        if (load<usize>(dest) != MP_OBJ_NULL) return true;
      }
    }
    const p = mp_type_parent(type);
    if (p == 0) return true;
    if (load<usize>(p) == mp_type_tuple) {
      const n = mp_obj_tuple_len(p);
      for (let i: usize = 0; i + 1 < n; i++) {
        const bt = mp_obj_tuple_get(p, i);
        if (bt == mp_type_object) continue;
        if (!mp_obj_class_lookup(lk, bt)) return false;
        if (load<usize>(dest) != MP_OBJ_NULL) return true;
      }
      type = mp_obj_tuple_get(p, n - 1);
    } else {
      type = p;
    }
    if (type == mp_type_object) return true;
  }
}

/**
 * Looks up `attr` in class `type` and its bases for instance `obj` (or a
 * type lookup when `is_type`), filling dest[0..1] as mp_load_method does.
 * `slot` is the native slot that stands for the method (0 for none). Returns
 * false with an exception pending.
 */
export function mp_obj_class_lookup_attr(
  obj: mp_obj_t,
  attr: qstr,
  slot: usize,
  dest: usize,
  is_type: bool,
  type: usize,
): bool {
  const mark = mp_root_mark();
  const lk = lookup_new(obj, attr, slot, dest, is_type);
  if (lk == 0) {
    root_overflow(mark);
    return false;
  }
  const ok = mp_obj_class_lookup(lk, type);
  mp_root_release(mark);
  return ok;
}

// Calls `meth` with `self` prepended to the n_args + 2*n_kw words at `args`.
function call_method_self_n_kw(
  meth: mp_obj_t,
  self: mp_obj_t,
  n_args: usize,
  n_kw: usize,
  args: usize,
): mp_obj_t {
  const mark = mp_root_mark();
  const n = n_args + 2 * n_kw;
  const a = mp_root_alloc(n + 2);
  if (a == 0) return root_overflow(mark);
  store<usize>(a, meth);
  store<usize>(a + 4, self);
  memory.copy(a + 8, args, n * 4);
  const r = mp_call_method_n_kw(n_args, n_kw, a);
  mp_root_release(mark);
  return r;
}

function instance_print(print: usize, self_in: mp_obj_t, kind: u32): bool {
  const mark = mp_root_mark();
  mp_root_push(self_in);
  const member = mp_root_alloc(2);
  if (member == 0) {
    root_overflow(mark);
    return false;
  }
  const type = load<usize>(self_in);
  let ok = mp_obj_class_lookup_attr(
    self_in,
    kind == PRINT_STR ? Q.MP_QSTR___str__ : Q.MP_QSTR___repr__,
    SLOT_print,
    member,
    false,
    type,
  );
  if (ok && load<usize>(member) == MP_OBJ_NULL && kind == PRINT_STR) {
    // no __str__: fall back to __repr__
    ok = mp_obj_class_lookup_attr(self_in, Q.MP_QSTR___repr__, 0, member, false, type);
  }
  if (!ok) {
    mp_root_release(mark);
    return false;
  }
  const m = load<usize>(member);
  if (m == MP_OBJ_SENTINEL) {
    const sub = load<usize>(self_in + INSTANCE_SUBOBJ);
    if (mp_obj_is_native_exception_instance(sub)) {
      if (kind != PRINT_STR) print_qstr(print, mp_type_name(type));
      ok = mp_obj_print_helper(print, sub, kind | PRINT_EXC_SUBCLASS);
    } else {
      ok = mp_obj_print_helper(print, sub, kind);
    }
    mp_root_release(mark);
    return ok;
  }
  if (m != MP_OBJ_NULL) {
    const r = mp_call_method_n_kw(0, 0, member);
    if (r == MP_OBJ_NULL) {
      mp_root_release(mark);
      return false;
    }
    mp_root_push(r);
    ok = mp_obj_print_helper(print, r, PRINT_STR);
    mp_root_release(mark);
    return ok;
  }
  mp_root_release(mark);
  mp_print_str(print, "<");
  print_qstr(print, mp_type_name(type));
  mp_print_str(print, " object at ");
  mp_print_hex(print, <u32>self_in);
  mp_print_str(print, ">");
  return true;
}

function print_qstr(print: usize, q: qstr): void {
  mp_print_strn(print, qstr_str(q), qstr_len(q));
}

function mp_obj_instance_make_new(self: usize, n_args: usize, n_kw: usize, args: usize): mp_obj_t {
  const mark = mp_root_mark();
  mp_root_push(self);
  const init_fn = mp_root_alloc(2);
  if (init_fn == 0) return root_overflow(mark);
  // look for __new__
  if (!mp_obj_class_lookup_attr(MP_OBJ_NULL, Q.MP_QSTR___new__, SLOT_make_new, init_fn, false, self)) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  let native_base: usize = 0;
  let o: mp_obj_t;
  const new_fn = load<usize>(init_fn);
  if (new_fn == MP_OBJ_NULL || new_fn == MP_OBJ_SENTINEL) {
    // no Python __new__ (or a native one): a blank instance; the native
    // constructor runs after __init__ unless __init__ calls it itself
    o = mp_obj_new_instance(self);
    native_base = found_native_base;
    if (o == MP_OBJ_NULL) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
  } else {
    // call __new__(cls, *args, **kw)
    const n = n_args + 2 * n_kw;
    const a = mp_root_alloc(n + 1);
    if (a == 0) return root_overflow(mark);
    store<usize>(a, self);
    memory.copy(a + 4, args, n * 4);
    const r = mp_call_function_n_kw(new_fn, n_args + 1, n_kw, a);
    if (r == MP_OBJ_NULL || mp_obj_get_type(r) != self) {
      // not an instance of cls: __init__ is not called
      mp_root_release(mark);
      return r;
    }
    o = r;
  }
  mp_root_push(o);

  // call __init__(self, *args, **kw); it may call super().__init__() to
  // construct a native base
  store<usize>(init_fn, MP_OBJ_NULL);
  store<usize>(init_fn + 4, MP_OBJ_NULL);
  if (!mp_obj_class_lookup_attr(o, Q.MP_QSTR___init__, 0, init_fn, false, self)) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  if (load<usize>(init_fn) != MP_OBJ_NULL) {
    const n = n_args + 2 * n_kw;
    const a = mp_root_alloc(n + 2);
    if (a == 0) return root_overflow(mark);
    store<usize>(a, load<usize>(init_fn));
    store<usize>(a + 4, load<usize>(init_fn + 4));
    memory.copy(a + 8, args, n * 4);
    const r = mp_call_method_n_kw(n_args, n_kw, a);
    if (r == MP_OBJ_NULL) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    if (r != mp_const_none) {
      mp_root_release(mark);
      return mp_raise_msg_varg(
        mp_type_TypeError,
        "__init__() should return None, not '%s'",
        mp_obj_get_type_qstr(r),
      );
    }
  }

  // construct a native base that __init__ did not construct
  if (native_base != 0 && load<usize>(o + INSTANCE_SUBOBJ) == mp_native_base_init_wrapper_obj) {
    const sub = call_make_new(
      mp_type_slot(native_base, SLOT_make_new),
      native_base,
      n_args,
      n_kw,
      args,
    );
    if (sub == MP_OBJ_NULL) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    store<usize>(o + INSTANCE_SUBOBJ, sub);
  }
  mp_root_release(mark);
  return o;
}

function instance_unary_op(op: u32, self_in: mp_obj_t): mp_obj_t {
  const mark = mp_root_mark();
  mp_root_push(self_in);
  const member = mp_root_alloc(2);
  if (member == 0) return root_overflow(mark);
  const type = load<usize>(self_in);
  if (!mp_obj_class_lookup_attr(self_in, mp_unary_op_method_name(op), SLOT_unary_op, member, false, type)) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  const m = load<usize>(member);
  if (m == MP_OBJ_SENTINEL) {
    mp_root_release(mark);
    return mp_unary_op(op, load<usize>(self_in + INSTANCE_SUBOBJ));
  }
  if (m != MP_OBJ_NULL) {
    let val = mp_call_method_n_kw(0, 0, member);
    mp_root_release(mark);
    if (val == MP_OBJ_NULL) return MP_OBJ_NULL;
    if (op == R.MP_UNARY_OP_HASH) {
      // __hash__ must give an int; keep it a small int
      if (!mp_obj_is_small_int(val)) {
        if (mp_obj_is_type(val, mp_type_int)) {
          val = MP_OBJ_NEW_SMALL_INT(mp_obj_int_get_truncated(val));
        } else {
          const v = mp_obj_get_int(val);
          if (v == MP_INT_ERROR) return MP_OBJ_NULL;
          val = MP_OBJ_NEW_SMALL_INT(<i32>v);
        }
      }
    } else if (op == R.MP_UNARY_OP_INT_MAYBE) {
      if (!mp_obj_is_small_int(val) && !mp_obj_is_type(val, mp_type_int)) return mp_raise_type(mp_type_TypeError);
    }
    return val;
  }
  if (op == R.MP_UNARY_OP_HASH) {
    // hashable by identity unless the class defines __eq__ (then __hash__ is None)
    store<usize>(member, MP_OBJ_NULL);
    store<usize>(member + 4, MP_OBJ_NULL);
    if (!mp_obj_class_lookup_attr(self_in, Q.MP_QSTR___eq__, SLOT_unary_op, member, false, type)) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    mp_root_release(mark);
    if (load<usize>(member) == MP_OBJ_NULL) return MP_OBJ_NEW_SMALL_INT(<i32>self_in);
    return MP_OBJ_NOT_SUPPORTED;
  }
  mp_root_release(mark);
  return MP_OBJ_NOT_SUPPORTED;
}

function instance_binary_op(op: u32, lhs_in: mp_obj_t, rhs_in: mp_obj_t): mp_obj_t {
  // as CPython, operators look only in the class, not in the instance or __getattr__
  const mark = mp_root_mark();
  mp_root_push(lhs_in);
  mp_root_push(rhs_in);
  const dest = mp_root_alloc(3);
  if (dest == 0) return root_overflow(mark);
  if (!mp_obj_class_lookup_attr(lhs_in, mp_binary_op_method_name(op), SLOT_binary_op, dest, false, load<usize>(lhs_in))) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  const m = load<usize>(dest);
  let res: mp_obj_t;
  if (m == MP_OBJ_SENTINEL) {
    res = mp_binary_op(op, load<usize>(lhs_in + INSTANCE_SUBOBJ), rhs_in);
  } else if (m != MP_OBJ_NULL) {
    store<usize>(dest + 8, rhs_in);
    res = mp_call_method_n_kw(1, 0, dest);
    if (res != MP_OBJ_NULL && op == R.MP_BINARY_OP_CONTAINS) {
      const t = mp_obj_is_true(res);
      res = t < 0 ? MP_OBJ_NULL : mp_obj_new_bool(t != 0);
    }
  } else {
    mp_root_release(mark);
    return MP_OBJ_NOT_SUPPORTED;
  }
  mp_root_release(mark);
  // NotImplemented: try the other fallbacks (reflected op), then TypeError
  if (res == mp_const_notimplemented) return MP_OBJ_NOT_SUPPORTED;
  return res;
}

// Loads an attribute of an instance: its members, then the class (with
// properties and descriptors), then __getattr__ (mp_obj_instance_load_attr).
function mp_obj_instance_load_attr(self_in: mp_obj_t, attr: qstr, dest: usize): bool {
  const e = mp_map_lookup(self_in + INSTANCE_MEMBERS, MP_OBJ_NEW_QSTR(attr), MP_MAP_LOOKUP);
  if (e == MP_MAP_ERROR) return false;
  if (e != 0) {
    store<usize>(dest, load<usize>(e + 4));
    return true;
  }
  if (attr == Q.MP_QSTR___dict__) {
    // a read-only copy of the members, as MicroPython
    const d = dict_copy_of_map(self_in + INSTANCE_MEMBERS);
    if (d == MP_OBJ_NULL) return false;
    store<usize>(dest, d);
    return true;
  }
  const type = load<usize>(self_in);
  const mark = mp_root_mark();
  mp_root_push(self_in);
  if (!mp_obj_class_lookup_attr(self_in, attr, 0, dest, false, type)) {
    mp_root_release(mark);
    return false;
  }
  const member = load<usize>(dest);
  if (member != MP_OBJ_NULL) {
    if ((mp_type_flags(type) & MP_TYPE_FLAG_HAS_SPECIAL_ACCESSORS) == 0) {
      mp_root_release(mark);
      return true;
    }
    if (mp_obj_is_type(member, mp_type_property)) {
      // delegate the load to the property's getter
      const proxy = mp_obj_property_get(member);
      const getter = load<usize>(proxy);
      if (getter == mp_const_none) {
        mp_root_release(mark);
        mp_raise_msg(mp_type_AttributeError, "unreadable attribute");
        return false;
      }
      const a = mp_root_alloc(1);
      if (a == 0) {
        root_overflow(mark);
        return false;
      }
      store<usize>(a, self_in);
      const r = mp_call_function_n_kw(getter, 1, 0, a);
      mp_root_release(mark);
      if (r == MP_OBJ_NULL) return false;
      store<usize>(dest, r);
      store<usize>(dest + 4, MP_OBJ_NULL);
      return true;
    }
    // a class attribute with __get__ is a descriptor: call it with the instance and class
    mp_root_push(member);
    mp_root_push(load<usize>(dest + 4));
    const g = mp_root_alloc(4);
    if (g == 0) {
      root_overflow(mark);
      return false;
    }
    if (!mp_load_method_maybe(member, Q.MP_QSTR___get__, g)) {
      mp_root_release(mark);
      return false;
    }
    if (load<usize>(g) != MP_OBJ_NULL) {
      store<usize>(g + 8, self_in);
      store<usize>(g + 12, type);
      const r = mp_call_method_n_kw(2, 0, g);
      mp_root_release(mark);
      if (r == MP_OBJ_NULL) return false;
      store<usize>(dest, r);
      store<usize>(dest + 4, MP_OBJ_NULL);
      return true;
    }
    mp_root_release(mark);
    return true;
  }

  // not found: try __getattr__
  if (
    attr != Q.MP_QSTR___getattr__ &&
    attr != Q.MP_QSTR___get__ &&
    attr != Q.MP_QSTR___set__ &&
    attr != Q.MP_QSTR___delete__ &&
    attr != Q.MP_QSTR___set_name__ &&
    attr != Q.MP_QSTR___setattr__ &&
    attr != Q.MP_QSTR___delattr__
  ) {
    const d2 = mp_root_alloc(3);
    if (d2 == 0) {
      root_overflow(mark);
      return false;
    }
    if (!mp_load_method_maybe(self_in, Q.MP_QSTR___getattr__, d2)) {
      mp_root_release(mark);
      return false;
    }
    if (load<usize>(d2) != MP_OBJ_NULL) {
      store<usize>(d2 + 8, MP_OBJ_NEW_QSTR(attr));
      const r = mp_call_method_n_kw(1, 0, d2);
      mp_root_release(mark);
      if (r == MP_OBJ_NULL) return false;
      store<usize>(dest, r);
      store<usize>(dest + 4, MP_OBJ_NULL);
      return true;
    }
  }
  mp_root_release(mark);
  return true;
}

/** A new dict holding a copy of `map`, marked fixed (read-only), or MP_OBJ_NULL. */
function dict_copy_of_map(map: usize): mp_obj_t {
  const d = mp_obj_new_dict(0);
  if (d == MP_OBJ_NULL) return MP_OBJ_NULL;
  const mark = mp_root_mark();
  mp_root_push(d);
  const ok = mp_map_copy(d + 4, map);
  mp_root_release(mark);
  if (!ok) return MP_OBJ_NULL;
  store<u32>(d + 4, load<u32>(d + 4) | 2 /* is_fixed */);
  return d;
}

// Stores (value != NULL) or deletes an instance attribute, honouring
// properties, __set__/__delete__ descriptors and __setattr__/__delattr__.
// Returns 1 done, 0 not possible (AttributeError by the caller), -1 error.
function mp_obj_instance_store_attr(self_in: mp_obj_t, attr: qstr, value: mp_obj_t): i32 {
  const type = load<usize>(self_in);
  if ((mp_type_flags(type) & MP_TYPE_FLAG_HAS_SPECIAL_ACCESSORS) != 0) {
    const mark = mp_root_mark();
    mp_root_push(self_in);
    mp_root_push(value);
    const member = mp_root_alloc(4);
    if (member == 0) {
      root_overflow(mark);
      return -1;
    }
    if (!mp_obj_class_lookup_attr(self_in, attr, 0, member, false, type)) {
      mp_root_release(mark);
      return -1;
    }
    const m = load<usize>(member);
    if (m != MP_OBJ_NULL) {
      if (mp_obj_is_type(m, mp_type_property)) {
        const proxy = mp_obj_property_get(m);
        const a = mp_root_alloc(2);
        if (a == 0) {
          root_overflow(mark);
          return -1;
        }
        store<usize>(a, self_in);
        store<usize>(a + 4, value);
        const f = load<usize>(proxy + (value == MP_OBJ_NULL ? 8 : 4));
        if (f == mp_const_none) {
          mp_root_release(mark);
          return 0;
        }
        const r = mp_call_function_n_kw(f, value == MP_OBJ_NULL ? 1 : 2, 0, a);
        mp_root_release(mark);
        return r == MP_OBJ_NULL ? -1 : 1;
      }
      // descriptors: __set__(self, instance, value) / __delete__(self, instance)
      mp_root_push(m);
      const q = value == MP_OBJ_NULL ? Q.MP_QSTR___delete__ : Q.MP_QSTR___set__;
      if (!mp_load_method_maybe(m, q, member)) {
        mp_root_release(mark);
        return -1;
      }
      if (load<usize>(member) != MP_OBJ_NULL) {
        store<usize>(member + 8, self_in);
        store<usize>(member + 12, value);
        const r = mp_call_method_n_kw(value == MP_OBJ_NULL ? 1 : 2, 0, member);
        mp_root_release(mark);
        return r == MP_OBJ_NULL ? -1 : 1;
      }
    }
    // __setattr__ / __delattr__
    store<usize>(member, MP_OBJ_NULL);
    store<usize>(member + 4, MP_OBJ_NULL);
    const q = value == MP_OBJ_NULL ? Q.MP_QSTR___delattr__ : Q.MP_QSTR___setattr__;
    if (!mp_load_method_maybe(self_in, q, member)) {
      mp_root_release(mark);
      return -1;
    }
    if (load<usize>(member) != MP_OBJ_NULL) {
      store<usize>(member + 8, MP_OBJ_NEW_QSTR(attr));
      store<usize>(member + 12, value);
      const r = mp_call_method_n_kw(value == MP_OBJ_NULL ? 1 : 2, 0, member);
      mp_root_release(mark);
      return r == MP_OBJ_NULL ? -1 : 1;
    }
    mp_root_release(mark);
  }
  const map = self_in + INSTANCE_MEMBERS;
  if (value == MP_OBJ_NULL) {
    const e = mp_map_lookup(map, MP_OBJ_NEW_QSTR(attr), MP_MAP_LOOKUP_REMOVE_IF_FOUND);
    if (e == MP_MAP_ERROR) return -1;
    return e != 0 ? 1 : 0;
  }
  const mark = mp_root_mark();
  mp_root_push(value);
  const e = mp_map_lookup(map, MP_OBJ_NEW_QSTR(attr), MP_MAP_LOOKUP_ADD_IF_NOT_FOUND);
  mp_root_release(mark);
  if (e == MP_MAP_ERROR) return -1;
  store<usize>(e + 4, value);
  return 1;
}

function mp_obj_instance_attr(self_in: mp_obj_t, attr: qstr, dest: usize): bool {
  if (load<usize>(dest) == MP_OBJ_NULL) return mp_obj_instance_load_attr(self_in, attr, dest);
  const r = mp_obj_instance_store_attr(self_in, attr, load<usize>(dest + 4));
  if (r < 0) return false;
  if (r > 0) store<usize>(dest, MP_OBJ_NULL);
  return true;
}

function instance_subscr(self_in: mp_obj_t, index: mp_obj_t, value: mp_obj_t): mp_obj_t {
  const mark = mp_root_mark();
  mp_root_push(self_in);
  const member = mp_root_alloc(4);
  if (member == 0) return root_overflow(mark);
  store<usize>(member + 8, index);
  store<usize>(member + 12, value);
  let attr: qstr;
  if (value == MP_OBJ_NULL) attr = Q.MP_QSTR___delitem__;
  else if (value == MP_OBJ_SENTINEL) attr = Q.MP_QSTR___getitem__;
  else attr = Q.MP_QSTR___setitem__;
  if (!mp_obj_class_lookup_attr(self_in, attr, SLOT_subscr, member, false, load<usize>(self_in))) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  const m = load<usize>(member);
  if (m == MP_OBJ_SENTINEL) {
    mp_root_release(mark);
    return mp_obj_subscr(load<usize>(self_in + INSTANCE_SUBOBJ), index, value);
  }
  if (m != MP_OBJ_NULL) {
    const n_args: usize = value == MP_OBJ_NULL || value == MP_OBJ_SENTINEL ? 1 : 2;
    const r = mp_call_method_n_kw(n_args, 0, member);
    mp_root_release(mark);
    if (r == MP_OBJ_NULL) return MP_OBJ_NULL;
    return value == MP_OBJ_SENTINEL ? r : mp_const_none;
  }
  mp_root_release(mark);
  return MP_OBJ_NOT_SUPPORTED;
}

// Finds __call__ (or a native call slot: MP_OBJ_SENTINEL) for an instance.
function instance_get_call(self_in: mp_obj_t, member: usize): bool {
  return mp_obj_class_lookup_attr(
    self_in,
    Q.MP_QSTR___call__,
    SLOT_call,
    member,
    false,
    load<usize>(self_in),
  );
}

/**
 * True if instance `o` can be called: its class or a native base has
 * __call__ (mp_obj_instance_is_callable). Lookup errors count as false.
 */
export function mp_obj_instance_is_callable(o: mp_obj_t): bool {
  const mark = mp_root_mark();
  const member = mp_root_alloc(2);
  if (member == 0) {
    mp_root_release(mark);
    return false;
  }
  if (!instance_get_call(o, member)) {
    mp_take_exception();
    mp_root_release(mark);
    return false;
  }
  const r = load<usize>(member) != MP_OBJ_NULL;
  mp_root_release(mark);
  return r;
}

/** True if `o` is callable (mp_obj_is_callable), knowing about user instances. */
export function mp_obj_is_callable_types(o: mp_obj_t): bool {
  if (!mp_obj_is_obj(o)) return false;
  const t = load<usize>(o);
  const f = mp_type_slot(t, SLOT_call);
  if (f == 0) return false;
  if (mp_obj_is_instance_type(t)) return mp_obj_instance_is_callable(o);
  return true;
}

/** Calls instance `self_in` through __call__ (mp_obj_instance_call). */
export function mp_obj_instance_call(
  self_in: mp_obj_t,
  n_args: usize,
  n_kw: usize,
  args: usize,
): mp_obj_t {
  const mark = mp_root_mark();
  mp_root_push(self_in);
  const member = mp_root_alloc(2);
  if (member == 0) return root_overflow(mark);
  if (!instance_get_call(self_in, member)) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  const call = load<usize>(member);
  if (call == MP_OBJ_NULL) {
    mp_root_release(mark);
    return mp_raise_msg_varg(
      mp_type_TypeError,
      "'%s' object isn't callable",
      mp_obj_get_type_qstr(self_in),
    );
  }
  let r: mp_obj_t;
  if (call == MP_OBJ_SENTINEL) {
    r = mp_call_function_n_kw(load<usize>(self_in + INSTANCE_SUBOBJ), n_args, n_kw, args);
  } else {
    r = call_method_self_n_kw(call, load<usize>(member + 4), n_args, n_kw, args);
  }
  mp_root_release(mark);
  return r;
}

/**
 * iter() of an instance: __iter__, or the native base's iterator
 * (mp_obj_instance_getiter). Returns MP_OBJ_NOT_SUPPORTED if neither
 * exists; `iter_buf` may be 0.
 */
export function mp_obj_instance_getiter(self_in: mp_obj_t, iter_buf: usize): mp_obj_t {
  const mark = mp_root_mark();
  mp_root_push(self_in);
  const member = mp_root_alloc(2);
  if (member == 0) return root_overflow(mark);
  if (!mp_obj_class_lookup_attr(self_in, Q.MP_QSTR___iter__, SLOT_getiter, member, false, load<usize>(self_in))) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  const m = load<usize>(member);
  if (m == MP_OBJ_NULL) {
    mp_root_release(mark);
    return MP_OBJ_NOT_SUPPORTED;
  }
  if (m == MP_OBJ_SENTINEL) {
    const sub = load<usize>(self_in + INSTANCE_SUBOBJ);
    mp_root_release(mark);
    const t = mp_obj_get_type(sub);
    const f = mp_type_slot(t, SLOT_getiter);
    if ((mp_type_flags(t) & MP_TYPE_FLAG_ITER_IS_ITERNEXT) != 0 || f == 0) return sub;
    if (iter_buf == 0) {
      const m2 = mp_root_mark();
      mp_root_push(sub);
      iter_buf = gc_alloc(16, 0);
      mp_root_release(m2);
      if (iter_buf == 0) return mp_raise_memory_error(16);
    }
    return call_getiter(f, sub, iter_buf);
  }
  const r = mp_call_method_n_kw(0, 0, member);
  mp_root_release(mark);
  return r;
}

function instance_get_buffer(self_in: mp_obj_t, bufinfo: usize, flags: u32): i32 {
  const mark = mp_root_mark();
  const member = mp_root_alloc(2);
  if (member == 0) {
    mp_root_release(mark);
    return 1;
  }
  const ok = mp_obj_class_lookup_attr(
    self_in,
    Q.MP_QSTR_,
    SLOT_buffer,
    member,
    false,
    load<usize>(self_in),
  );
  const m = load<usize>(member);
  mp_root_release(mark);
  if (!ok) {
    mp_take_exception();
    return 1;
  }
  if (m == MP_OBJ_SENTINEL) {
    const sub = load<usize>(self_in + INSTANCE_SUBOBJ);
    const f = mp_type_slot(mp_obj_get_type(sub), SLOT_buffer);
    if (f != 0) return call_buffer(f, sub, bufinfo, flags);
  }
  return 1;
}

// ---- type objects ----

// Whether storing `value` under `key` in a class adds a special accessor
// (property, __setattr__/__delattr__, a descriptor), which slows attribute
// access of its instances (check_for_special_accessors).
function check_for_special_accessors(key: mp_obj_t, value: mp_obj_t): bool {
  if (key == MP_OBJ_NEW_QSTR(Q.MP_QSTR___setattr__) || key == MP_OBJ_NEW_QSTR(Q.MP_QSTR___delattr__)) return true;
  if (mp_obj_is_type(value, mp_type_property)) return true;
  const mark = mp_root_mark();
  const d = mp_root_alloc(2);
  if (d == 0) {
    mp_root_release(mark);
    return false;
  }
  let found = false;
  for (let i = 0; i < 3 && !found; i++) {
    const q = i == 0 ? Q.MP_QSTR___get__ : i == 1 ? Q.MP_QSTR___set__ : Q.MP_QSTR___delete__;
    store<usize>(d, MP_OBJ_NULL);
    store<usize>(d + 4, MP_OBJ_NULL);
    if (!mp_load_method_maybe(value, q, d)) {
      mp_take_exception(); // any error counts as "no such method"
      continue;
    }
    if (load<usize>(d) != MP_OBJ_NULL) found = true;
  }
  mp_root_release(mark);
  return found;
}

function type_print(print: usize, self_in: mp_obj_t, kind: u32): bool {
  mp_print_str(print, "<class '");
  print_qstr(print, mp_type_name(self_in));
  mp_print_str(print, "'>");
  return true;
}

function type_make_new(type_in: usize, n_args: usize, n_kw: usize, args: usize): mp_obj_t {
  if (!mp_arg_check_num(n_args, n_kw, 1, 3, false)) return MP_OBJ_NULL;
  if (n_args == 1) return mp_obj_get_type(load<usize>(args));
  if (n_args == 3) {
    const name = load<usize>(args);
    if (!mp_obj_is_qstr(name) && !mp_obj_is_type(name, mp_type_str)) {
      return mp_raise_msg_varg(
        mp_type_TypeError,
        "can't convert '%q' object to %q implicitly",
        mp_obj_get_type_qstr(name),
        Q.MP_QSTR_str,
      );
    }
    let q: qstr;
    if (mp_obj_is_qstr(name)) q = MP_OBJ_QSTR_VALUE(name);
    else {
      q = qstr_from_strn(mp_obj_str_get_data_ptr(name), mp_obj_str_get_len(name));
      if (q == 0) return mp_raise_memory_error(mp_obj_str_get_len(name));
    }
    return mp_obj_new_type(q, load<usize>(args + 4), load<usize>(args + 8));
  }
  return mp_raise_TypeError("type takes 1 or 3 arguments");
}

function type_call(self_in: mp_obj_t, n_args: usize, n_kw: usize, args: usize): mp_obj_t {
  const f = mp_type_slot(self_in, SLOT_make_new);
  if (f == 0) return mp_raise_msg_varg(mp_type_TypeError, "can't create '%q' instances", mp_type_name(self_in));
  return call_make_new(f, self_in, n_args, n_kw, args);
}

/** An empty fixed dict: the __dict__ of types without locals (set up in objtype_static_init). */
const mp_const_empty_dict_obj: mp_obj_t = memory.data(16, 16);

function type_attr(self_in: mp_obj_t, attr: qstr, dest: usize): bool {
  if (load<usize>(dest) == MP_OBJ_NULL) {
    // load attribute
    if (attr == Q.MP_QSTR___name__) {
      store<usize>(dest, MP_OBJ_NEW_QSTR(mp_type_name(self_in)));
      return true;
    }
    if (attr == Q.MP_QSTR___dict__) {
      const ld = mp_type_locals_dict(self_in);
      if (ld == 0) store<usize>(dest, mp_const_empty_dict_obj);
      else if (mp_map_is_fixed(ld + 4)) store<usize>(dest, ld);
      else {
        const d = dict_copy_of_map(ld + 4);
        if (d == MP_OBJ_NULL) return false;
        store<usize>(dest, d);
      }
      return true;
    }
    if (attr == Q.MP_QSTR___bases__) {
      if (self_in == mp_type_object) {
        store<usize>(dest, mp_const_empty_tuple);
        return true;
      }
      let p = mp_type_parent(self_in);
      if (p == 0) p = mp_type_object;
      if (load<usize>(p) == mp_type_tuple) {
        store<usize>(dest, p);
        return true;
      }
      const mark = mp_root_mark();
      mp_root_push(p);
      const t = mp_obj_new_tuple(1, mark);
      mp_root_release(mark);
      if (t == MP_OBJ_NULL) return false;
      store<usize>(dest, t);
      return true;
    }
    return mp_obj_class_lookup_attr(self_in, attr, 0, dest, true, self_in);
  }
  // store or delete
  const ld = mp_type_locals_dict(self_in);
  if (ld == 0 || mp_map_is_fixed(ld + 4)) return true; // cannot: dest[0] stays set
  const map = ld + 4;
  const value = load<usize>(dest + 4);
  if (value == MP_OBJ_NULL) {
    const e = mp_map_lookup(map, MP_OBJ_NEW_QSTR(attr), MP_MAP_LOOKUP_REMOVE_IF_FOUND);
    if (e == MP_MAP_ERROR) return false;
    if (e != 0) store<usize>(dest, MP_OBJ_NULL);
    return true;
  }
  const mark = mp_root_mark();
  mp_root_push(self_in);
  mp_root_push(value);
  if ((mp_type_flags(self_in) & MP_TYPE_FLAG_HAS_SPECIAL_ACCESSORS) == 0) {
    if (check_for_special_accessors(MP_OBJ_NEW_QSTR(attr), value)) {
      if ((mp_type_flags(self_in) & MP_TYPE_FLAG_IS_SUBCLASSED) != 0) {
        mp_root_release(mark);
        mp_raise_msg(
          mp_type_AttributeError,
          "can't add special method to already-subclassed class",
        );
        return false;
      }
      mp_type_set_flags(self_in, mp_type_flags(self_in) | MP_TYPE_FLAG_HAS_SPECIAL_ACCESSORS);
    }
  }
  const e = mp_map_lookup(map, MP_OBJ_NEW_QSTR(attr), MP_MAP_LOOKUP_ADD_IF_NOT_FOUND);
  mp_root_release(mark);
  if (e == MP_MAP_ERROR) return false;
  store<usize>(e + 4, value);
  store<usize>(dest, MP_OBJ_NULL);
  return true;
}


/** True if `f` is a Python function object (mp_obj_is_fun: its type is named "function"). */
function obj_is_fun(f: mp_obj_t): bool {
  return mp_obj_is_obj(f) && mp_type_name(load<usize>(f)) == Q.MP_QSTR_function;
}

/**
 * Creates a user class `name` with bases `bases_tuple` and the class body's
 * namespace `locals_dict` (mp_obj_new_type): checks the bases, sets the
 * instance slots, flags special accessors, wraps __new__ in staticmethod
 * and calls __set_name__ on the members that have it.
 */
export function mp_obj_new_type(
  name: qstr,
  bases_tuple: mp_obj_t,
  locals_dict: mp_obj_t,
): mp_obj_t {
  if (!mp_obj_is_type(bases_tuple, mp_type_tuple)) return mp_raise_type(mp_type_TypeError);
  if (!mp_obj_is_obj(locals_dict) || !mp_obj_is_dict_like(locals_dict)) return mp_raise_type(mp_type_TypeError);

  let base_flags: u32 =
    MP_TYPE_FLAG_EQ_NOT_REFLEXIVE | MP_TYPE_FLAG_EQ_CHECKS_OTHER_TYPE | MP_TYPE_FLAG_EQ_HAS_NEQ_TEST | MP_TYPE_FLAG_INSTANCE_TYPE;
  const bases_len = mp_obj_tuple_len(bases_tuple);
  for (let i: usize = 0; i < bases_len; i++) {
    const b = mp_obj_tuple_get(bases_tuple, i);
    if (!mp_obj_is_type(b, mp_type_type)) return mp_raise_type(mp_type_TypeError);
    if (mp_type_slot(b, SLOT_make_new) == 0) {
      return mp_raise_msg_varg(
        mp_type_TypeError,
        "type '%q' isn't an acceptable base type",
        mp_type_name(b),
      );
    }
    if (mp_obj_is_instance_type(b)) {
      mp_type_set_flags(b, mp_type_flags(b) | MP_TYPE_FLAG_IS_SUBCLASSED);
      base_flags |= mp_type_flags(b) & MP_TYPE_FLAG_HAS_SPECIAL_ACCESSORS;
    }
  }
  const base_protocol: usize = bases_len > 0 ? mp_type_protocol(mp_obj_tuple_get(bases_tuple, 0)) : 0;

  const mark = mp_root_mark();
  mp_root_push(bases_tuple);
  mp_root_push(locals_dict);
  const o = gc_alloc(MP_TYPE_SIZE, 0);
  if (o == 0) {
    mp_root_release(mark);
    return mp_raise_memory_error(MP_TYPE_SIZE);
  }
  mp_root_push(o);
  store<usize>(o, mp_type_type);
  store<u16>(o + 4, <u16>base_flags);
  store<u16>(o + 6, <u16>name);
  mp_type_set_make_new(o, mp_obj_instance_make_new);
  mp_type_set_print(o, instance_print);
  mp_type_set_call(o, mp_obj_instance_call);
  mp_type_set_unary_op(o, instance_unary_op);
  mp_type_set_binary_op(o, instance_binary_op);
  mp_type_set_attr(o, mp_obj_instance_attr);
  mp_type_set_subscr(o, instance_subscr);
  mp_type_set_getiter(o, mp_obj_instance_getiter);
  mp_type_set_buffer(o, instance_get_buffer);
  mp_type_set_locals_dict(o, locals_dict);
  if (bases_len >= 2) mp_type_set_parent(o, bases_tuple);
  else if (bases_len == 1) mp_type_set_parent(o, mp_obj_tuple_get(bases_tuple, 0));
  if (base_protocol != 0) mp_type_set_protocol(o, base_protocol);

  // scan the members: special accessors, and __set_name__ calls to make
  const map = locals_dict + 4;
  const filled = mp_map_filled(map);
  const calls = mp_root_alloc(3 * mp_map_used(map) + 1);
  if (calls == 0) return root_overflow(mark);
  let n_calls: usize = 0;
  const d = mp_root_alloc(2);
  if (d == 0) return root_overflow(mark);
  for (let i: usize = 0; i < filled; i++) {
    const e = mp_map_entries(map) + i * 8;
    if (!mp_map_slot_is_filled(e)) continue;
    const key = load<usize>(e);
    const value = load<usize>(e + 4);
    if ((mp_type_flags(o) & MP_TYPE_FLAG_HAS_SPECIAL_ACCESSORS) == 0 && check_for_special_accessors(key, value)) {
      mp_type_set_flags(o, mp_type_flags(o) | MP_TYPE_FLAG_HAS_SPECIAL_ACCESSORS);
    }
    store<usize>(d, MP_OBJ_NULL);
    store<usize>(d + 4, MP_OBJ_NULL);
    if (!mp_load_method_maybe(value, Q.MP_QSTR___set_name__, d)) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    if (load<usize>(d + 4) != MP_OBJ_NULL) {
      const c = calls + n_calls * 12;
      store<usize>(c, load<usize>(d));
      store<usize>(c + 4, load<usize>(d + 4));
      store<usize>(c + 8, key);
      n_calls++;
    }
  }

  const nb = mp_obj_type_native_base_count(o);
  if (nb > 1) {
    mp_root_release(mark);
    return mp_raise_TypeError("multiple bases have instance lay-out conflict");
  }

  // __new__ written as a plain function is a staticmethod
  const e = mp_map_lookup(map, MP_OBJ_NEW_QSTR(Q.MP_QSTR___new__), MP_MAP_LOOKUP);
  if (e == MP_MAP_ERROR) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  if (e != 0 && obj_is_fun(load<usize>(e + 4))) {
    const sm = static_class_method_new(mp_type_staticmethod, load<usize>(e + 4));
    if (sm == MP_OBJ_NULL) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    store<usize>(e + 4, sm);
  }

  // __set_name__(owner, name) for each member that has it
  const a = mp_root_alloc(4);
  if (a == 0) return root_overflow(mark);
  for (let i: usize = 0; i < n_calls; i++) {
    const c = calls + i * 12;
    store<usize>(a, load<usize>(c));
    store<usize>(a + 4, load<usize>(c + 4));
    store<usize>(a + 8, o);
    store<usize>(a + 12, load<usize>(c + 8));
    if (mp_call_method_n_kw(2, 0, a) == MP_OBJ_NULL) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
  }
  mp_root_release(mark);
  return o;
}

function mp_obj_type_native_base_count(t: usize): i32 {
  found_native_base = 0;
  return instance_count_native_bases(t);
}

/** True for dict objects and dict subclasses usable as a class namespace. */
function mp_obj_is_dict_like(o: mp_obj_t): bool {
  const t = load<usize>(o);
  if (t == mp_type_dict) return true;
  // OrderedDict and other native dict types share the dict layout
  return mp_obj_is_native_type(t) && mp_obj_is_subclass_fast(t, mp_type_dict);
}

// ---- super ----
//
//   mp_obj_super_t (12 bytes): +0 type (super)   +4 type argument   +8 obj

export const mp_type_super: usize = memory.data(<i32>MP_TYPE_SIZE, 16);

function super_print(print: usize, self_in: mp_obj_t, kind: u32): bool {
  mp_print_str(print, "<super: ");
  if (!mp_obj_print_helper(print, load<usize>(self_in + 4), PRINT_STR)) return false;
  mp_print_str(print, ", ");
  if (!mp_obj_print_helper(print, load<usize>(self_in + 8), PRINT_STR)) return false;
  mp_print_str(print, ">");
  return true;
}

function super_make_new(type_in: usize, n_args: usize, n_kw: usize, args: usize): mp_obj_t {
  // the compiler turns super() into super(__class__, first_arg)
  if (!mp_arg_check_num(n_args, n_kw, 2, 2, false)) return MP_OBJ_NULL;
  const a0 = load<usize>(args);
  const a1 = load<usize>(args + 4);
  const t1 = mp_obj_get_type(a1);
  const second = t1 == mp_type_type ? a1 : t1;
  const r = mp_obj_is_subclass(second, a0);
  if (r == MP_OBJ_NULL) return MP_OBJ_NULL;
  if (r == mp_const_false) return mp_raise_type(mp_type_TypeError);
  const o = gc_alloc(12, 0);
  if (o == 0) return mp_raise_memory_error(12);
  store<usize>(o, type_in);
  store<usize>(o + 4, a0);
  store<usize>(o + 8, a1);
  return o;
}

function super_attr(self_in: mp_obj_t, attr: qstr, dest: usize): bool {
  if (load<usize>(dest) != MP_OBJ_NULL) return true; // no store/delete through super
  const type = load<usize>(self_in + 4);
  const obj = load<usize>(self_in + 8);
  if (!mp_obj_is_type(type, mp_type_type)) {
    mp_raise_type(mp_type_TypeError);
    return false;
  }
  const mark = mp_root_mark();
  mp_root_push(self_in);
  // super().__init__() may reach a native base's constructor
  const slot: usize = attr == Q.MP_QSTR___init__ ? SLOT_make_new : 0;
  const lk = lookup_new(obj, attr, slot, dest, false);
  if (lk == 0) {
    root_overflow(mark);
    return false;
  }
  const p = mp_type_parent(type);
  if (p != 0) {
    if (load<usize>(p) == mp_type_tuple) {
      const n = mp_obj_tuple_len(p);
      for (let i: usize = 0; i < n; i++) {
        const bt = mp_obj_tuple_get(p, i);
        if (bt == mp_type_object) continue; // searched last, without native slots
        if (!mp_obj_class_lookup(lk, bt)) {
          mp_root_release(mark);
          return false;
        }
        if (load<usize>(dest) != MP_OBJ_NULL) break;
      }
    } else if (p != mp_type_object) {
      if (!mp_obj_class_lookup(lk, p)) {
        mp_root_release(mark);
        return false;
      }
    }
  }
  if (load<usize>(dest) != MP_OBJ_NULL) {
    if (load<usize>(dest) == MP_OBJ_SENTINEL) {
      // a native __init__: defer to the native base's constructor
      store<usize>(dest, mp_native_base_init_wrapper_obj);
      store<usize>(dest + 4, obj);
    }
    mp_root_release(mark);
    return true;
  }
  store<usize>(lk + LK_SLOT, 0);
  const ok = mp_obj_class_lookup(lk, mp_type_object);
  mp_root_release(mark);
  return ok;
}


/**
 * LOAD_SUPER_METHOD: dest[1] is the class (__class__), dest[2] the instance;
 * loads super(dest[1], dest[2]).attr as a method into dest[0..1]
 * (mp_load_super_method). Returns false with an exception pending.
 */
export function mp_load_super_method(attr: qstr, dest: usize): bool {
  const mark = mp_root_mark();
  const s = mp_root_alloc(3);
  if (s == 0) {
    root_overflow(mark);
    return false;
  }
  store<usize>(s, mp_type_super);
  store<usize>(s + 4, load<usize>(dest + 4));
  store<usize>(s + 8, load<usize>(dest + 8));
  const ok = mp_load_method(s, attr, dest);
  mp_root_release(mark);
  return ok;
}

// ---- subclass tests, isinstance, issubclass ----

/**
 * True if type `object` is `classinfo` or derives from it through any base
 * (mp_obj_is_subclass_fast). Non-types give false.
 */
export function mp_obj_is_subclass_fast(object: mp_obj_t, classinfo: mp_obj_t): bool {
  while (true) {
    if (object == classinfo) return true;
    if (!mp_obj_is_type(object, mp_type_type)) return false;
    const p = mp_type_parent(object);
    if (p == 0) return false;
    if (load<usize>(p) == mp_type_tuple) {
      const n = mp_obj_tuple_len(p);
      for (let i: usize = 0; i + 1 < n; i++) {
        if (mp_obj_is_subclass_fast(mp_obj_tuple_get(p, i), classinfo)) return true;
      }
      object = mp_obj_tuple_get(p, n - 1);
    } else {
      object = p;
    }
  }
}

/**
 * issubclass(object, classinfo) for a type or a tuple of types; returns
 * mp_const_true/false or MP_OBJ_NULL with TypeError (mp_obj_is_subclass).
 */
export function mp_obj_is_subclass(object: mp_obj_t, classinfo: mp_obj_t): mp_obj_t {
  if (mp_obj_is_type(classinfo, mp_type_type)) {
    return mp_obj_new_bool(classinfo == mp_type_object || mp_obj_is_subclass_fast(object, classinfo));
  }
  if (mp_obj_is_type(classinfo, mp_type_tuple)) {
    const n = mp_obj_tuple_len(classinfo);
    for (let i: usize = 0; i < n; i++) {
      const c = mp_obj_tuple_get(classinfo, i);
      if (mp_obj_is_type(c, mp_type_tuple)) {
        // nested tuples, as CPython
        const r = mp_obj_is_subclass(object, c);
        if (r != mp_const_false) return r;
        continue;
      }
      if (c == mp_type_object || mp_obj_is_subclass_fast(object, c)) return mp_const_true;
    }
    return mp_const_false;
  }
  return mp_raise_TypeError("issubclass() arg 2 must be a class or a tuple of classes");
}

function mp_builtin_issubclass(object: mp_obj_t, classinfo: mp_obj_t): mp_obj_t {
  if (!mp_obj_is_type(object, mp_type_type)) return mp_raise_TypeError("issubclass() arg 1 must be a class");
  return mp_obj_is_subclass(object, classinfo);
}

function mp_builtin_isinstance(object: mp_obj_t, classinfo: mp_obj_t): mp_obj_t {
  return mp_obj_is_subclass(mp_obj_get_type(object), classinfo);
}

/** The issubclass built-in. */
export const mp_builtin_issubclass_obj: mp_obj_t = memory.data(16, 16);
/** The isinstance built-in. */
export const mp_builtin_isinstance_obj: mp_obj_t = memory.data(16, 16);

/**
 * `self_in` as an object of built-in type `native_type`: itself, the native
 * sub-object of a user subclass instance, or MP_OBJ_NULL when unrelated
 * (mp_obj_cast_to_native_base; no exception is set).
 */
export function mp_obj_cast_to_native_base(self_in: mp_obj_t, native_type: usize): mp_obj_t {
  const t = mp_obj_get_type(self_in);
  if (t == native_type) return self_in;
  if (!mp_obj_is_subclass_fast(t, native_type)) return MP_OBJ_NULL;
  if (!mp_obj_is_instance_type(t)) return self_in;
  return load<usize>(self_in + INSTANCE_SUBOBJ);
}

// ---- staticmethod and classmethod ----
//
//   mp_obj_static_class_method_t (8 bytes): +0 type   +4 fun

export const mp_type_staticmethod: usize = memory.data(<i32>MP_TYPE_SIZE, 16);
export const mp_type_classmethod: usize = memory.data(<i32>MP_TYPE_SIZE, 16);

/** The function wrapped by a staticmethod/classmethod object. */
@inline export function mp_obj_static_class_method_fun(o: mp_obj_t): mp_obj_t {
  return load<usize>(o + 4);
}

function static_class_method_new(type: usize, fun: mp_obj_t): mp_obj_t {
  const mark = mp_root_mark();
  mp_root_push(fun);
  const o = gc_alloc(8, 0);
  mp_root_release(mark);
  if (o == 0) return mp_raise_memory_error(8);
  store<usize>(o, type);
  store<usize>(o + 4, fun);
  return o;
}

function static_class_method_make_new(
  type: usize,
  n_args: usize,
  n_kw: usize,
  args: usize,
): mp_obj_t {
  if (!mp_arg_check_num(n_args, n_kw, 1, 1, false)) return MP_OBJ_NULL;
  return static_class_method_new(type, load<usize>(args));
}

/** Set-up of this file's static objects (types, methods); run once by mp_init. */
export function objtype_static_init(): void {
  mp_type_setup(mp_type_type, Q.MP_QSTR_type, MP_TYPE_FLAG_NONE, 0);
  mp_type_set_make_new(mp_type_type, type_make_new);
  mp_type_set_print(mp_type_type, type_print);
  mp_type_set_call(mp_type_type, type_call);
  mp_type_set_attr(mp_type_type, type_attr);

  mp_type_setup(mp_type_super, Q.MP_QSTR_super, MP_TYPE_FLAG_NONE, 0);
  mp_type_set_make_new(mp_type_super, super_make_new);
  mp_type_set_print(mp_type_super, super_print);
  mp_type_set_attr(mp_type_super, super_attr);

  mp_type_setup(mp_type_staticmethod, Q.MP_QSTR_staticmethod, MP_TYPE_FLAG_NONE, 0);
  mp_type_set_make_new(mp_type_staticmethod, static_class_method_make_new);
  mp_type_setup(mp_type_classmethod, Q.MP_QSTR_classmethod, MP_TYPE_FLAG_NONE, 0);
  mp_type_set_make_new(mp_type_classmethod, static_class_method_make_new);
  mp_runtime_set_static_class_method_types(mp_type_staticmethod, mp_type_classmethod);

  mp_fun_kw_at(mp_native_base_init_wrapper_obj, 1, native_base_init_wrapper);
  mp_fun_2_at(mp_builtin_issubclass_obj, mp_builtin_issubclass);
  mp_fun_2_at(mp_builtin_isinstance_obj, mp_builtin_isinstance);
  mp_static_dict_at(mp_const_empty_dict_obj, 0);
}
