// dict, as MicroPython's objdict.c (see map.ts: a dict is a hash table and
// iterates in slot order, an OrderedDict an ordered array), with the
// keys/values/items views and CPython's "dictionary changed size during
// iteration" check.
//
//   mp_obj_dict_t (16 bytes):  +0 type   +4 map (mp_map_t, 3 words)
//
//   dict view (16 bytes):      +0 type (mp_type_dict_view)   +4 dict   +8 kind
//   dict iterator (16 bytes):  +0 type (mp_type_dict_view_it)   +4 dict
//                              +8 next entry slot   +12 (size at start << 2) | kind

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_OBJ_SENTINEL,
  MP_OBJ_NOT_SUPPORTED,
  MP_OBJ_STOP_ITERATION,
  MP_TYPE_SIZE,
  MP_TYPE_FLAG_NONE,
  MP_TYPE_FLAG_ITER_IS_ITERNEXT,
  MP_TYPE_FLAG_EQ_CHECKS_OTHER_TYPE,
  MP_OBJ_NEW_QSTR,
  MP_OBJ_NEW_SMALL_INT,
  mp_obj_is_obj,
  mp_obj_is_type,
  mp_obj_is_qstr,
  mp_const_none,
  mp_const_true,
  mp_const_false,
  mp_obj_new_bool,
  mp_type_setup,
  mp_type_slot,
  mp_type_name,
  SLOT_make_new,
  mp_type_set_make_new,
  mp_type_set_print,
  mp_type_set_unary_op,
  mp_type_set_binary_op,
  mp_type_set_subscr,
  mp_type_set_getiter,
  mp_type_set_iternext,
  mp_type_set_locals_dict,
  mp_fun_1_at,
  mp_fun_var_at,
  mp_fun_kw_at,
  mp_obj_print_helper,
  mp_obj_len_maybe,
  PRINT_REPR,
  PRINT_JSON,
} from "./obj";
import { qstr, qstr_str, qstr_len } from "./qstr";

export const mp_type_dict: usize = memory.data(<i32>MP_TYPE_SIZE, 16);
export const mp_type_dict_view: usize = memory.data(<i32>MP_TYPE_SIZE, 16);
export const mp_type_dict_view_it: usize = memory.data(<i32>MP_TYPE_SIZE, 16);

@inline const VIEW_ITEMS: u32 = 0;
@inline const VIEW_KEYS: u32 = 1;
@inline const VIEW_VALUES: u32 = 2;

const dict_clear_obj: usize = memory.data(16, 16);
const dict_copy_obj: usize = memory.data(16, 16);
const dict_fromkeys_fun_obj: usize = memory.data(16, 16);
const dict_fromkeys_obj: usize = memory.data(8, 8);
const dict_get_obj: usize = memory.data(16, 16);
const dict_items_obj: usize = memory.data(16, 16);
const dict_keys_obj: usize = memory.data(16, 16);
const dict_pop_obj: usize = memory.data(16, 16);
const dict_popitem_obj: usize = memory.data(16, 16);
const dict_setdefault_obj: usize = memory.data(16, 16);
const dict_update_obj: usize = memory.data(16, 16);
const dict_values_obj: usize = memory.data(16, 16);
const dict_locals_dict: usize = memory.data(16, 16);

import {
  mp_map_init_n,
  mp_map_init_static,
  mp_map_static_add,
  mp_map_lookup,
  mp_map_used,
  mp_map_table,
  mp_map_entries,
  mp_map_filled,
  mp_map_is_fixed,
  mp_map_clear,
  mp_map_copy,
  mp_map_remove_entry,
  mp_map_is_ordered,
  mp_map_set_ordered,
  MP_MAP_LOOKUP,
  MP_MAP_LOOKUP_ADD_IF_NOT_FOUND,
  MP_MAP_LOOKUP_REMOVE_IF_FOUND,
  MP_MAP_ERROR,
} from "./map";
import { gc_alloc } from "./gc";
import { mp_static_alloc } from "./memmap";
import {
  mp_print_str,
  mp_print_strn,
  mp_print_ext_item_sep,
  mp_print_ext_key_sep,
} from "./mpprint";
import {
  mp_raise_memory_error,
  mp_obj_equal_checked,
  mp_getiter,
  mp_iternext,
} from "./runtime";
import {
  mp_raise_arg1,
  mp_raise_type,
  mp_raise_msg,
  mp_raise_ValueError,
  mp_type_KeyError,
  mp_type_TypeError,
  mp_type_RuntimeError,
} from "./objexcept";
import { mp_obj_new_tuple, mp_type_tuple } from "./objtuple";
import { mp_type_classmethod } from "./objtype";
import { mp_obj_iter_alloc } from "./objpolyiter";
import { mp_arg_check_num, mp_map_fixed_from_kw } from "./argcheck";
import { mp_repr_enter, mp_repr_leave, mp_obj_native_of, mp_rec_enter, mp_rec_leave } from "./sequence";
import { mp_obj_is_str_or_bytes_hook } from "./runtime";
import { mp_root_mark, mp_root_push, mp_root_alloc, mp_root_release } from "./rootstack";
import * as R from "./runtime0";
import * as Q from "./genhdr";

// ---- construction and the C-level API ----

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

/** True for dicts and OrderedDicts (types built by dict's make_new), as mp_obj_is_dict_or_ordereddict. */
export function mp_obj_is_dict_or_ordereddict(o: mp_obj_t): bool {
  if (!mp_obj_is_obj(o)) return false;
  const t = load<usize>(o);
  return t == mp_type_dict || mp_type_slot(t, SLOT_make_new) == dict_make_new.index;
}

/** Number of items (mp_obj_dict_len). */
export function mp_obj_dict_len(d: mp_obj_t): usize {
  return mp_map_used(d + 4);
}

/** TypeError (no message, as MicroPython) when `d` is a fixed (static) dict. */
function ensure_not_fixed(d: mp_obj_t): bool {
  if (mp_map_is_fixed(d + 4)) {
    mp_raise_type(mp_type_TypeError);
    return false;
  }
  return true;
}

/**
 * d[key] = value (mp_obj_dict_store). Returns `d`, or MP_OBJ_NULL (unhashable
 * key, MemoryError, or TypeError for a fixed dict). key/value rooted here.
 */
export function mp_obj_dict_store(d: mp_obj_t, key: mp_obj_t, value: mp_obj_t): mp_obj_t {
  if (!ensure_not_fixed(d)) return MP_OBJ_NULL;
  const mark = mp_root_mark();
  mp_root_push(value);
  const e = mp_map_lookup(d + 4, key, MP_MAP_LOOKUP_ADD_IF_NOT_FOUND);
  mp_root_release(mark);
  if (e == MP_MAP_ERROR) return MP_OBJ_NULL;
  store<usize>(e + 4, value);
  return d;
}

/** d[key], raising KeyError(key) when absent (mp_obj_dict_get). */
export function mp_obj_dict_get(d: mp_obj_t, key: mp_obj_t): mp_obj_t {
  const e = mp_map_lookup(d + 4, key, MP_MAP_LOOKUP);
  if (e == MP_MAP_ERROR) return MP_OBJ_NULL;
  if (e == 0) return mp_raise_arg1(mp_type_KeyError, key);
  return load<usize>(e + 4);
}

/** d.get(key) without raising for a missing key: the value, 0 if absent, MP_MAP_ERROR (1) on error. */
export function mp_obj_dict_lookup(d: mp_obj_t, key: mp_obj_t): mp_obj_t {
  const e = mp_map_lookup(d + 4, key, MP_MAP_LOOKUP);
  if (e == MP_MAP_ERROR) return MP_MAP_ERROR;
  if (e == 0) return 0;
  return load<usize>(e + 4);
}

/** del d[key], raising KeyError(key) when absent (mp_obj_dict_delete). Returns `d` or MP_OBJ_NULL. */
export function mp_obj_dict_delete(d: mp_obj_t, key: mp_obj_t): mp_obj_t {
  if (!ensure_not_fixed(d)) return MP_OBJ_NULL;
  const e = mp_map_lookup(d + 4, key, MP_MAP_LOOKUP_REMOVE_IF_FOUND);
  if (e == MP_MAP_ERROR) return MP_OBJ_NULL;
  if (e == 0) return mp_raise_arg1(mp_type_KeyError, key);
  store<usize>(e + 4, MP_OBJ_NULL);
  return d;
}

/**
 * The next live entry of `map` at slot index >= `cur`: its address, or 0 at
 * the end. The caller continues from (address - entries) / 8 + 1.
 */
function map_next(map: usize, cur: usize): usize {
  const filled = mp_map_filled(map);
  const entries = mp_map_entries(map);
  for (let i = cur; i < filled; i++) {
    const e = entries + i * 8;
    const k = load<usize>(e);
    if (k != MP_OBJ_NULL && k != MP_OBJ_SENTINEL) return e;
  }
  return 0;
}

@inline function slot_of(map: usize, e: usize): usize {
  return (e - mp_map_entries(map)) >> 3;
}

// ---- print, make_new, operators ----

function dict_print(print: usize, o: mp_obj_t, kind: u32): bool {
  const json = kind == PRINT_JSON;
  if (!json) kind = PRINT_REPR;
  const t = load<usize>(o);
  const named = t != mp_type_dict && !json;
  if (named) {
    const q = mp_type_name(t);
    mp_print_strn(print, qstr_str(q), qstr_len(q));
    mp_print_str(print, "(");
  }
  const en = mp_repr_enter(o);
  if (en < 0) return false;
  if (en == 0) {
    // json: MicroPython recurses until its stack check fails
    if (json) {
      mp_raise_msg(mp_type_RuntimeError, "maximum recursion depth exceeded");
      return false;
    }
    mp_print_str(print, "{...}");
  } else {
    mp_print_str(print, "{");
    const map = o + 4;
    let cur: usize = 0;
    let first = true;
    while (true) {
      const e = map_next(map, cur);
      if (e == 0) break;
      cur = slot_of(map, e) + 1;
      if (!first) {
        if (json) mp_print_ext_item_sep(print);
        else mp_print_str(print, ", ");
      }
      first = false;
      const key = load<usize>(e);
      const value = load<usize>(e + 4);
      const mark = mp_root_mark();
      mp_root_push(key);
      mp_root_push(value);
      const quote = json && !mp_obj_is_qstr(key) && !mp_obj_is_str_or_bytes_hook(key);
      if (quote) mp_print_str(print, "\"");
      let ok = mp_obj_print_helper(print, key, kind);
      if (quote) mp_print_str(print, "\"");
      if (ok) {
        if (json) mp_print_ext_key_sep(print);
        else mp_print_str(print, ": ");
        ok = mp_obj_print_helper(print, value, kind);
      }
      mp_root_release(mark);
      if (!ok) {
        mp_repr_leave();
        return false;
      }
    }
    mp_print_str(print, "}");
    mp_repr_leave();
  }
  if (named) mp_print_str(print, ")");
  return true;
}

/** dict(), dict(mapping_or_iterable, **kw) (mp_obj_dict_make_new); also OrderedDict's. */
export function dict_make_new(type: usize, n_args: usize, n_kw: usize, args: usize): mp_obj_t {
  const d = mp_obj_new_dict(0);
  if (d == MP_OBJ_NULL) return MP_OBJ_NULL;
  store<usize>(d, type);
  if (type == mp_type_ordereddict) mp_map_set_ordered(d + 4);
  if (n_args == 0 && n_kw == 0) return d;
  const mark = mp_root_mark();
  mp_root_push(d);
  let kw: usize = 0;
  if (n_kw != 0) {
    kw = mp_map_fixed_from_kw(n_kw, args + (n_args << 2));
    if (kw == 0) {
      mp_root_release(mark);
      return mp_raise_msg(mp_type_TypeError, "too many arguments");
    }
  }
  const a = mp_root_alloc(2);
  store<usize>(a, d);
  if (n_args > 0) store<usize>(a + 4, load<usize>(args));
  const r = dict_update(n_args + 1, a, kw);
  mp_root_release(mark);
  return r == MP_OBJ_NULL ? MP_OBJ_NULL : d;
}

function dict_unary_op(op: u32, o: mp_obj_t): mp_obj_t {
  const n = mp_map_used(o + 4);
  if (op == R.MP_UNARY_OP_BOOL) return mp_obj_new_bool(n != 0);
  if (op == R.MP_UNARY_OP_LEN) return MP_OBJ_NEW_SMALL_INT(<i32>n);
  return MP_OBJ_NOT_SUPPORTED;
}

/** lhs == rhs for two dicts: 1, 0, or -1 with the exception pending. */
function dict_equal(lhs: mp_obj_t, rhs: mp_obj_t): i32 {
  if (lhs == rhs) return 1;
  if (mp_map_used(lhs + 4) != mp_map_used(rhs + 4)) return 0;
  if (!mp_rec_enter()) return -1;
  const r = dict_equal_items(lhs, rhs);
  mp_rec_leave();
  return r;
}

function dict_equal_items(lhs: mp_obj_t, rhs: mp_obj_t): i32 {
  const m1 = lhs + 4;
  const m2 = rhs + 4;
  let cur: usize = 0;
  while (true) {
    const e = map_next(m1, cur);
    if (e == 0) break;
    cur = slot_of(m1, e) + 1;
    const key = load<usize>(e);
    const value = load<usize>(e + 4);
    const mark = mp_root_mark();
    mp_root_push(key);
    mp_root_push(value);
    const e2 = mp_map_lookup(m2, key, MP_MAP_LOOKUP);
    if (e2 == MP_MAP_ERROR) {
      mp_root_release(mark);
      return -1;
    }
    if (e2 == 0) {
      mp_root_release(mark);
      return 0;
    }
    const eq = mp_obj_equal_checked(value, load<usize>(e2 + 4));
    mp_root_release(mark);
    if (eq <= 0) return eq;
  }
  return 1;
}

function dict_binary_op(op: u32, lhs: mp_obj_t, rhs: mp_obj_t): mp_obj_t {
  if (op != R.MP_BINARY_OP_CONTAINS && !mp_obj_is_dict_or_ordereddict(rhs)) {
    // an instance of a user subclass of dict acts as its dict
    const sub = mp_obj_native_of(rhs, mp_type_dict);
    if (sub != 0) rhs = sub;
  }
  switch (op) {
    case R.MP_BINARY_OP_CONTAINS: {
      const e = mp_map_lookup(lhs + 4, rhs, MP_MAP_LOOKUP);
      if (e == MP_MAP_ERROR) return MP_OBJ_NULL;
      return mp_obj_new_bool(e != 0);
    }
    case R.MP_BINARY_OP_EQUAL:
    case R.MP_BINARY_OP_NOT_EQUAL: {
      let r: i32 = 0;
      if (mp_obj_is_dict_or_ordereddict(rhs)) {
        r = dict_equal(lhs, rhs);
        if (r < 0) return MP_OBJ_NULL;
      }
      return mp_obj_new_bool(op == R.MP_BINARY_OP_EQUAL ? r != 0 : r == 0);
    }
    case R.MP_BINARY_OP_OR:
    case R.MP_BINARY_OP_INPLACE_OR: {
      // d | other needs a dict; d |= other takes anything update() takes
      if (op == R.MP_BINARY_OP_OR && !mp_obj_is_dict_or_ordereddict(rhs)) return MP_OBJ_NOT_SUPPORTED;
      const mark = mp_root_mark();
      const a = mp_root_alloc(2);
      let target = lhs;
      if (op == R.MP_BINARY_OP_OR) {
        target = mp_obj_dict_copy(lhs);
        if (target == MP_OBJ_NULL) {
          mp_root_release(mark);
          return MP_OBJ_NULL;
        }
      }
      store<usize>(a, target);
      store<usize>(a + 4, rhs);
      const r = dict_update(2, a, 0);
      mp_root_release(mark);
      return r == MP_OBJ_NULL ? MP_OBJ_NULL : target;
    }
  }
  return MP_OBJ_NOT_SUPPORTED;
}

function dict_subscr(self: mp_obj_t, index: mp_obj_t, value: mp_obj_t): mp_obj_t {
  if (value == MP_OBJ_NULL) {
    return mp_obj_dict_delete(self, index) == MP_OBJ_NULL ? MP_OBJ_NULL : mp_const_none;
  }
  if (value == MP_OBJ_SENTINEL) return mp_obj_dict_get(self, index);
  return mp_obj_dict_store(self, index, value) == MP_OBJ_NULL ? MP_OBJ_NULL : mp_const_none;
}

// ---- methods ----

function dict_clear(self: mp_obj_t): mp_obj_t {
  if (!ensure_not_fixed(self)) return MP_OBJ_NULL;
  mp_map_clear(self + 4);
  return mp_const_none;
}

/** d.copy(): a new dict of the same type with the same items (mp_obj_dict_copy). */
export function mp_obj_dict_copy(self: mp_obj_t): mp_obj_t {
  const o = gc_alloc(16, 0);
  if (o == 0) return mp_raise_memory_error(16);
  store<usize>(o, load<usize>(self) == mp_type_dict || !mp_map_is_fixed(self + 4) ? load<usize>(self) : mp_type_dict);
  const mark = mp_root_mark();
  mp_root_push(o);
  const ok = mp_map_copy(o + 4, self + 4);
  mp_root_release(mark);
  return ok ? o : MP_OBJ_NULL;
}

function dict_copy(self: mp_obj_t): mp_obj_t {
  return mp_obj_dict_copy(self);
}

/** dict.fromkeys(iterable[, value]), a classmethod: args[0] is the class. */
function dict_fromkeys(n_args: usize, args: usize): mp_obj_t {
  const value = n_args > 2 ? load<usize>(args + 8) : mp_const_none;
  const iterable = load<usize>(args + 4);
  let n: usize = 0;
  const len = mp_obj_len_maybe(iterable);
  if (len == MP_OBJ_NULL) return MP_OBJ_NULL;
  if (len != MP_OBJ_NOT_SUPPORTED && (len & 1) != 0 && <i32>len > 0) n = <usize>(<i32>len >> 1);
  const mark = mp_root_mark();
  const buf = mp_root_alloc(4);
  const iter = mp_getiter(iterable, buf);
  if (iter == MP_OBJ_NULL) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  mp_root_push(iter);
  // dict subclasses built by dict's make_new (OrderedDict) keep their type
  const cls = load<usize>(args);
  const ordered = cls == mp_type_ordereddict;
  const d = mp_obj_new_dict(ordered ? 0 : n);
  if (d == MP_OBJ_NULL) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  mp_root_push(d);
  if (mp_obj_is_obj(cls) && mp_type_slot(cls, SLOT_make_new) == dict_make_new.index) store<usize>(d, cls);
  if (ordered) mp_map_set_ordered(d + 4);
  while (true) {
    const next = mp_iternext(iter);
    if (next == MP_OBJ_STOP_ITERATION) break;
    if (next == MP_OBJ_NULL) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    const e = mp_map_lookup(d + 4, next, MP_MAP_LOOKUP_ADD_IF_NOT_FOUND);
    if (e == MP_MAP_ERROR) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    store<usize>(e + 4, value);
  }
  mp_root_release(mark);
  return d;
}

/** get/pop/setdefault: args = self, key[, default] (dict_get_helper). */
function dict_get_helper(n_args: usize, args: usize, kind: u32): mp_obj_t {
  const self = load<usize>(args);
  const key = load<usize>(args + 4);
  if (kind != MP_MAP_LOOKUP && !ensure_not_fixed(self)) return MP_OBJ_NULL;
  const e = mp_map_lookup(self + 4, key, kind);
  if (e == MP_MAP_ERROR) return MP_OBJ_NULL;
  let value: mp_obj_t;
  if (e == 0 || load<usize>(e + 4) == MP_OBJ_NULL) {
    if (n_args == 2) {
      if (kind == MP_MAP_LOOKUP_REMOVE_IF_FOUND) return mp_raise_arg1(mp_type_KeyError, key);
      value = mp_const_none;
    } else {
      value = load<usize>(args + 8);
    }
    if (kind == MP_MAP_LOOKUP_ADD_IF_NOT_FOUND) store<usize>(e + 4, value);
  } else {
    value = load<usize>(e + 4);
    if (kind == MP_MAP_LOOKUP_REMOVE_IF_FOUND) store<usize>(e + 4, MP_OBJ_NULL);
  }
  return value;
}

function dict_get(n_args: usize, args: usize): mp_obj_t {
  return dict_get_helper(n_args, args, MP_MAP_LOOKUP);
}

function dict_pop(n_args: usize, args: usize): mp_obj_t {
  return dict_get_helper(n_args, args, MP_MAP_LOOKUP_REMOVE_IF_FOUND);
}

function dict_setdefault(n_args: usize, args: usize): mp_obj_t {
  return dict_get_helper(n_args, args, MP_MAP_LOOKUP_ADD_IF_NOT_FOUND);
}

/**
 * d.popitem(): removes and returns the (key, value) pair in the first filled
 * slot of the table; for an OrderedDict the last one (dict_popitem).
 */
function dict_popitem(self: mp_obj_t): mp_obj_t {
  if (!ensure_not_fixed(self)) return MP_OBJ_NULL;
  const map = self + 4;
  const used = mp_map_used(map);
  if (used == 0) return mp_raise_msg(mp_type_KeyError, "popitem(): dictionary is empty");
  const e = map_next(map, mp_map_is_ordered(map) ? used - 1 : 0);
  // the pair is copied into a rooted buffer before the entry goes
  const mark = mp_root_mark();
  const items = mp_root_alloc(2);
  store<usize>(items, load<usize>(e));
  store<usize>(items + 4, load<usize>(e + 4));
  mp_map_remove_entry(map, e);
  const t = mp_obj_new_tuple(2, items);
  mp_root_release(mark);
  return t;
}

/** Stores key -> value into dict `self` (ADD_IF_NOT_FOUND); false on error. */
function dict_put(self: mp_obj_t, key: mp_obj_t, value: mp_obj_t): bool {
  const mark = mp_root_mark();
  mp_root_push(key);
  mp_root_push(value);
  const e = mp_map_lookup(self + 4, key, MP_MAP_LOOKUP_ADD_IF_NOT_FOUND);
  mp_root_release(mark);
  if (e == MP_MAP_ERROR) return false;
  store<usize>(e + 4, value);
  return true;
}

/**
 * d.update([other], **kw): args = self[, other]; `kw` a map or 0. `other`
 * is a dict, or an iterable of key/value pairs (dict_update).
 */
function dict_update(n_args: usize, args: usize, kw: usize): mp_obj_t {
  const self = load<usize>(args);
  if (!ensure_not_fixed(self)) return MP_OBJ_NULL;
  if (!mp_arg_check_num(n_args, 0, 1, 2, true)) return MP_OBJ_NULL;
  if (n_args == 2) {
    const other = load<usize>(args + 4);
    if (mp_obj_is_dict_or_ordereddict(other)) {
      if (other != self) {
        const m = other + 4;
        let cur: usize = 0;
        while (true) {
          const e = map_next(m, cur);
          if (e == 0) break;
          cur = slot_of(m, e) + 1;
          if (!dict_put(self, load<usize>(e), load<usize>(e + 4))) return MP_OBJ_NULL;
        }
      }
    } else {
      const mark = mp_root_mark();
      const buf = mp_root_alloc(8);
      const iter = mp_getiter(other, buf);
      if (iter == MP_OBJ_NULL) {
        mp_root_release(mark);
        return MP_OBJ_NULL;
      }
      mp_root_push(iter);
      const pair = mp_root_alloc(3);
      while (true) {
        const next = mp_iternext(iter);
        if (next == MP_OBJ_STOP_ITERATION) break;
        if (next == MP_OBJ_NULL) {
          mp_root_release(mark);
          return MP_OBJ_NULL;
        }
        store<usize>(pair, next);
        const inner = mp_getiter(next, buf + 16);
        if (inner == MP_OBJ_NULL) {
          mp_root_release(mark);
          return MP_OBJ_NULL;
        }
        store<usize>(pair, inner);
        const key = mp_iternext(inner);
        if (key == MP_OBJ_NULL) {
          mp_root_release(mark);
          return MP_OBJ_NULL;
        }
        store<usize>(pair + 4, key);
        const value = key == MP_OBJ_STOP_ITERATION ? key : mp_iternext(inner);
        if (value == MP_OBJ_NULL) {
          mp_root_release(mark);
          return MP_OBJ_NULL;
        }
        store<usize>(pair + 8, value);
        const stop = value == MP_OBJ_STOP_ITERATION ? value : mp_iternext(inner);
        if (stop == MP_OBJ_NULL) {
          mp_root_release(mark);
          return MP_OBJ_NULL;
        }
        if (key == MP_OBJ_STOP_ITERATION || value == MP_OBJ_STOP_ITERATION || stop != MP_OBJ_STOP_ITERATION) {
          mp_root_release(mark);
          return mp_raise_ValueError("dict update sequence has wrong length");
        }
        if (!dict_put(self, key, value)) {
          mp_root_release(mark);
          return MP_OBJ_NULL;
        }
      }
      mp_root_release(mark);
    }
  }
  if (kw != 0) {
    const m = kw;
    let cur: usize = 0;
    while (true) {
      const e = map_next(m, cur);
      if (e == 0) break;
      cur = slot_of(m, e) + 1;
      if (!dict_put(self, load<usize>(e), load<usize>(e + 4))) return MP_OBJ_NULL;
    }
  }
  return mp_const_none;
}

// ---- views and iteration ----

function dict_view_new(dict: mp_obj_t, kind: u32): mp_obj_t {
  const o = gc_alloc(16, 0);
  if (o == 0) return mp_raise_memory_error(16);
  store<usize>(o, mp_type_dict_view);
  store<usize>(o + 4, dict);
  store<u32>(o + 8, kind);
  return o;
}

function dict_items(self: mp_obj_t): mp_obj_t {
  return dict_view_new(self, VIEW_ITEMS);
}
function dict_keys(self: mp_obj_t): mp_obj_t {
  return dict_view_new(self, VIEW_KEYS);
}
function dict_values(self: mp_obj_t): mp_obj_t {
  return dict_view_new(self, VIEW_VALUES);
}

/** A new iterator over `dict` yielding keys, values or (key, value) tuples. */
function dict_iter_new(dict: mp_obj_t, kind: u32, iter_buf: usize): mp_obj_t {
  const mark = mp_root_mark();
  mp_root_push(dict);
  const o = mp_obj_iter_alloc(mp_type_dict_view_it, iter_buf);
  mp_root_release(mark);
  if (o == MP_OBJ_NULL) return MP_OBJ_NULL;
  store<usize>(o + 4, dict);
  store<usize>(o + 8, 0);
  store<u32>(o + 12, (<u32>mp_map_used(dict + 4) << 2) | kind);
  return o;
}

function dict_view_it_iternext(self: mp_obj_t): mp_obj_t {
  const dict = load<usize>(self + 4);
  const map = dict + 4;
  const info = load<u32>(self + 12);
  if (<usize>(info >> 2) != mp_map_used(map)) {
    return mp_raise_msg(mp_type_RuntimeError, "dictionary changed size during iteration");
  }
  const e = map_next(map, load<usize>(self + 8));
  if (e == 0) return MP_OBJ_STOP_ITERATION;
  store<usize>(self + 8, slot_of(map, e) + 1);
  const kind = info & 3;
  if (kind == VIEW_KEYS) return load<usize>(e);
  if (kind == VIEW_VALUES) return load<usize>(e + 4);
  return mp_obj_new_tuple(2, e);
}

function dict_getiter(self: mp_obj_t, iter_buf: usize): mp_obj_t {
  return dict_iter_new(self, VIEW_KEYS, iter_buf);
}

function dict_view_getiter(self: mp_obj_t, iter_buf: usize): mp_obj_t {
  return dict_iter_new(load<usize>(self + 4), load<u32>(self + 8), iter_buf);
}

function dict_view_print(print: usize, self: mp_obj_t, kind: u32): bool {
  const k = load<u32>(self + 8);
  mp_print_str(print, k == VIEW_ITEMS ? "dict_items([" : k == VIEW_KEYS ? "dict_keys([" : "dict_values([");
  const dict = load<usize>(self + 4);
  const map = dict + 4;
  let cur: usize = 0;
  let first = true;
  while (true) {
    const e = map_next(map, cur);
    if (e == 0) break;
    cur = slot_of(map, e) + 1;
    if (!first) mp_print_str(print, ", ");
    first = false;
    let ok: bool;
    if (k == VIEW_ITEMS) {
      const mark = mp_root_mark();
      mp_root_push(load<usize>(e));
      mp_root_push(load<usize>(e + 4));
      mp_print_str(print, "(");
      ok = mp_obj_print_helper(print, load<usize>(mark), PRINT_REPR);
      if (ok) {
        mp_print_str(print, ", ");
        ok = mp_obj_print_helper(print, load<usize>(mark + 4), PRINT_REPR);
        mp_print_str(print, ")");
      }
      mp_root_release(mark);
    } else {
      ok = mp_obj_print_helper(print, load<usize>(k == VIEW_KEYS ? e : e + 4), PRINT_REPR);
    }
    if (!ok) return false;
  }
  mp_print_str(print, "])");
  return true;
}

function dict_view_unary_op(op: u32, self: mp_obj_t): mp_obj_t {
  // only values views hash (by identity), as MicroPython
  if (op == R.MP_UNARY_OP_HASH && load<u32>(self + 8) == VIEW_VALUES) {
    return MP_OBJ_NEW_SMALL_INT(<i32>(self >> 2));
  }
  return dict_unary_op(op, load<usize>(self + 4));
}

function dict_view_binary_op(op: u32, lhs: mp_obj_t, rhs: mp_obj_t): mp_obj_t {
  const kind = load<u32>(lhs + 8);
  const dict = load<usize>(lhs + 4);
  if (op == R.MP_BINARY_OP_CONTAINS) {
    if (kind == VIEW_KEYS) return dict_binary_op(op, dict, rhs);
    if (kind == VIEW_ITEMS) {
      // (k, v) in d.items(), as CPython
      if (!mp_obj_is_type(rhs, mp_type_tuple) || load<usize>(rhs + 4) != 2) return mp_const_false;
      const e = mp_map_lookup(dict + 4, load<usize>(rhs + 8), MP_MAP_LOOKUP);
      if (e == MP_MAP_ERROR) return MP_OBJ_NULL;
      if (e == 0) return mp_const_false;
      const eq = mp_obj_equal_checked(load<usize>(e + 4), load<usize>(rhs + 12));
      if (eq < 0) return MP_OBJ_NULL;
      return mp_obj_new_bool(eq > 0);
    }
    return MP_OBJ_NOT_SUPPORTED;
  }
  if (kind != VIEW_VALUES) return mp_dict_view_set_op(op, lhs, rhs);
  return MP_OBJ_NOT_SUPPORTED;
}

import { mp_dict_view_set_op } from "./objset";
import { mp_type_ordereddict } from "./modcollections";
import { mp_op_getitem_obj, mp_op_setitem_obj, mp_op_delitem_obj } from "./opmethods";

// ---- the types ----

/** Set-up of this file's static objects (types, methods); run once by mp_init. */
export function objdict_static_init(): void {
  mp_fun_1_at(dict_clear_obj, dict_clear);
  mp_fun_1_at(dict_copy_obj, dict_copy);
  mp_fun_var_at(dict_fromkeys_fun_obj, 2, 3, dict_fromkeys);
  store<usize>(dict_fromkeys_obj, mp_type_classmethod);
  store<usize>(dict_fromkeys_obj + 4, dict_fromkeys_fun_obj);
  mp_fun_var_at(dict_get_obj, 2, 3, dict_get);
  mp_fun_1_at(dict_items_obj, dict_items);
  mp_fun_1_at(dict_keys_obj, dict_keys);
  mp_fun_var_at(dict_pop_obj, 2, 3, dict_pop);
  mp_fun_1_at(dict_popitem_obj, dict_popitem);
  mp_fun_var_at(dict_setdefault_obj, 2, 3, dict_setdefault);
  mp_fun_kw_at(dict_update_obj, 1, dict_update);
  mp_fun_1_at(dict_values_obj, dict_values);

  const d = dict_locals_dict;
  mp_static_dict_at(d, 14);
  mp_static_dict_add(d, Q.MP_QSTR_clear, dict_clear_obj);
  mp_static_dict_add(d, Q.MP_QSTR_copy, dict_copy_obj);
  mp_static_dict_add(d, Q.MP_QSTR_fromkeys, dict_fromkeys_obj);
  mp_static_dict_add(d, Q.MP_QSTR_get, dict_get_obj);
  mp_static_dict_add(d, Q.MP_QSTR_items, dict_items_obj);
  mp_static_dict_add(d, Q.MP_QSTR_keys, dict_keys_obj);
  mp_static_dict_add(d, Q.MP_QSTR_pop, dict_pop_obj);
  mp_static_dict_add(d, Q.MP_QSTR_popitem, dict_popitem_obj);
  mp_static_dict_add(d, Q.MP_QSTR_setdefault, dict_setdefault_obj);
  mp_static_dict_add(d, Q.MP_QSTR_update, dict_update_obj);
  mp_static_dict_add(d, Q.MP_QSTR_values, dict_values_obj);
  mp_static_dict_add(d, Q.MP_QSTR___getitem__, mp_op_getitem_obj);
  mp_static_dict_add(d, Q.MP_QSTR___setitem__, mp_op_setitem_obj);
  mp_static_dict_add(d, Q.MP_QSTR___delitem__, mp_op_delitem_obj);

  mp_type_setup(mp_type_dict, Q.MP_QSTR_dict, MP_TYPE_FLAG_NONE, 0);
  mp_type_set_make_new(mp_type_dict, dict_make_new);
  mp_type_set_print(mp_type_dict, dict_print);
  mp_type_set_unary_op(mp_type_dict, dict_unary_op);
  mp_type_set_binary_op(mp_type_dict, dict_binary_op);
  mp_type_set_subscr(mp_type_dict, dict_subscr);
  mp_type_set_getiter(mp_type_dict, dict_getiter);
  mp_type_set_locals_dict(mp_type_dict, d);

  mp_type_setup(mp_type_dict_view, Q.MP_QSTR_dict_view, MP_TYPE_FLAG_EQ_CHECKS_OTHER_TYPE, 0);
  mp_type_set_print(mp_type_dict_view, dict_view_print);
  mp_type_set_unary_op(mp_type_dict_view, dict_view_unary_op);
  mp_type_set_binary_op(mp_type_dict_view, dict_view_binary_op);
  mp_type_set_getiter(mp_type_dict_view, dict_view_getiter);

  mp_type_setup(mp_type_dict_view_it, Q.MP_QSTR_iterator, MP_TYPE_FLAG_ITER_IS_ITERNEXT, 0);
  mp_type_set_iternext(mp_type_dict_view_it, dict_view_it_iternext);
}
