// collections.namedtuple, as MicroPython's objnamedtuple.c: each call makes a
// new built-in (native) type on the heap whose instances are tuples with
// named fields. Beyond MicroPython's unix port we check the names as
// CPython does and give the class `_fields`, `_make`, `_asdict` (a dict)
// and instances `_replace`, all from CPython.
//
//   namedtuple type (heap, 68 + 2 * n_fields bytes):
//     +0..+63 a type structure (obj.ts): parent tuple, tuple's slots, its own
//             make_new/print/attr, locals dict {_fields, _make, _asdict, _replace}
//     +64 n_fields   +68 fields: u16 qstrs[n_fields]
//
//   instance: a tuple (+0 type, +4 len, +8 items[len]) whose type is the above

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_OBJ_SENTINEL,
  MP_TYPE_SIZE,
  MP_TYPE_FLAG_EQ_CHECKS_OTHER_TYPE,
  MP_OBJ_NEW_QSTR,
  mp_obj_is_obj,
  mp_obj_is_type,
  mp_type_type,
  mp_type_slot,
  mp_type_name,
  mp_type_set_make_new,
  mp_type_set_print,
  mp_type_set_unary_op,
  mp_type_set_binary_op,
  mp_type_set_attr,
  mp_type_set_subscr,
  mp_type_set_getiter,
  mp_type_set_locals_dict,
  SLOT_make_new,
  mp_fun_1_at,
  mp_fun_2_at,
  mp_fun_kw_at,
  mp_obj_get_type_qstr,
  mp_get_index,
  PRINT_JSON,
} from "./obj";
import { mp_type_slice } from "./objslice";
import { gc_alloc } from "./gc";
import { qstr, qstr_str, qstr_len, qstr_from_strn } from "./qstr";
import { mp_printf, mp_print_str } from "./mpprint";
import { mp_raise_memory_error, mp_call_function_n_kw } from "./runtime";
import {
  mp_raise_msg,
  mp_raise_msg_varg,
  mp_raise_arg1,
  mp_raise_TypeError,
  mp_type_TypeError,
  mp_type_ValueError,
  mp_type_AttributeError,
} from "./objexcept";
import {
  mp_type_tuple,
  mp_obj_new_tuple,
  mp_obj_tuple_from_iter,
  mp_obj_is_tuple_compatible,
  mp_obj_tuple_print,
  mp_obj_tuple_unary_op,
  mp_obj_tuple_binary_op,
  mp_obj_tuple_subscr,
  tuple_getiter,
} from "./objtuple";
import { mp_type_list } from "./objlist";
import {
  mp_obj_is_str,
  mp_obj_str_get_qstr,
  mp_obj_str_get_data_ptr,
  mp_obj_str_get_len,
  mp_obj_new_str_from_vstr,
} from "./objstr";
import { mp_obj_new_dict, mp_obj_dict_store, mp_obj_dict_get_map } from "./objdict";
import { mp_map_filled, mp_map_entries, mp_map_slot_is_filled, mp_map_set_ordered } from "./map";
import { mp_obj_attrtuple_print_helper } from "./objattrtuple";
import {
  mp_type_classmethod,
  mp_obj_is_instance_type,
  mp_obj_instance_subobj,
  mp_obj_type_native_base,
} from "./objtype";
import { mp_root_mark, mp_root_push, mp_root_alloc, mp_root_release } from "./rootstack";
import { vstr_new_root, vstr_printer_init } from "./vstr";
import * as Q from "./genhdr";

@inline const NT_N_FIELDS: usize = MP_TYPE_SIZE;
@inline const NT_FIELDS: usize = MP_TYPE_SIZE + 4;

@inline function nt_n_fields(type: usize): usize {
  return load<usize>(type + NT_N_FIELDS);
}
@inline function nt_field(type: usize, i: usize): qstr {
  return <usize>load<u16>(type + NT_FIELDS + (i << 1));
}

/** True if `t` is a type made by namedtuple(). */
export function mp_obj_is_namedtuple_type(t: usize): bool {
  return (
    mp_obj_is_type(t, mp_type_type) && mp_type_slot(t, SLOT_make_new) == namedtuple_make_new.index
  );
}

/** Index of field `name` in namedtuple type `type`, or -1 (mp_obj_namedtuple_find_field). */
export function mp_obj_namedtuple_find_field(type: usize, name: qstr): isize {
  const n = nt_n_fields(type);
  for (let i: usize = 0; i < n; i++) {
    if (nt_field(type, i) == name) return <isize>i;
  }
  return -1;
}

/**
 * The namedtuple behind a method's self: the namedtuple itself or the native
 * sub-object of an instance of a user subclass. 0 with TypeError "argument
 * has wrong type" pending otherwise.
 */
function namedtuple_self(o: mp_obj_t): mp_obj_t {
  if (mp_obj_is_obj(o)) {
    const t = load<usize>(o);
    if (mp_obj_is_namedtuple_type(t)) return o;
    if (mp_obj_is_instance_type(t) && mp_obj_is_namedtuple_type(mp_obj_type_native_base(t))) {
      const sub = mp_obj_instance_subobj(o);
      if (mp_obj_is_obj(sub) && mp_obj_is_namedtuple_type(load<usize>(sub))) return sub;
    }
  }
  mp_raise_TypeError("argument has wrong type");
  return 0;
}

/**
 * print slot: "Name(f0=repr0, f1=repr1)" (namedtuple_print); JSON output is
 * the tuple's array, as CPython's json.dumps.
 */
function namedtuple_print(print: usize, o: mp_obj_t, kind: u32): bool {
  if (kind == PRINT_JSON) return mp_obj_tuple_print(print, o, kind);
  const type = load<usize>(o);
  mp_printf(print, "%q", mp_type_name(type));
  return mp_obj_attrtuple_print_helper(print, type + NT_FIELDS, o);
}

/**
 * attr slot: a field's value; other names go on to the type's locals dict
 * (dest[1] = MP_OBJ_SENTINEL). Stores and deletes raise AttributeError
 * "can't set attribute" (namedtuple_attr).
 */
function namedtuple_attr(self: mp_obj_t, attr: qstr, dest: usize): bool {
  if (load<usize>(dest) == MP_OBJ_NULL) {
    const i = mp_obj_namedtuple_find_field(load<usize>(self), attr);
    if (i < 0) {
      store<usize>(dest + 4, MP_OBJ_SENTINEL);
      return true;
    }
    store<usize>(dest, load<usize>(self + 8 + (<usize>i << 2)));
    return true;
  }
  mp_raise_msg(mp_type_AttributeError, "can't set attribute");
  return false;
}

/**
 * Name(*args, **kw): exactly n_fields values, positional then by keyword
 * (namedtuple_make_new, MicroPython's detailed messages).
 */
function namedtuple_make_new(type: usize, n_args: usize, n_kw: usize, args: usize): mp_obj_t {
  const n = nt_n_fields(type);
  if (n_args + n_kw != n) {
    return mp_raise_msg_varg(
      mp_type_TypeError,
      "%q() takes %d positional arguments but %d were given",
      mp_type_name(type),
      n,
      n_args + n_kw,
    );
  }
  // allocated directly: mp_obj_new_tuple(0) would give the shared empty tuple
  const o = gc_alloc(8 + (n << 2), 0);
  if (o == 0) return mp_raise_memory_error(8 + (n << 2));
  store<usize>(o, type);
  store<usize>(o + 4, n);
  memory.copy(o + 8, args, n_args << 2);
  const mark = mp_root_mark();
  mp_root_push(o);
  for (let i: usize = 0; i < n_kw; i++) {
    const kv = args + ((n_args + 2 * i) << 2);
    const kw = mp_obj_str_get_qstr(load<usize>(kv));
    if (kw == 0) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    const id = mp_obj_namedtuple_find_field(type, kw);
    if (id < 0) {
      mp_root_release(mark);
      return mp_raise_msg_varg(mp_type_TypeError, "unexpected keyword argument '%q'", kw);
    }
    const slot = o + 8 + (<usize>id << 2);
    if (load<usize>(slot) != MP_OBJ_NULL) {
      mp_root_release(mark);
      return mp_raise_msg_varg(
        mp_type_TypeError,
        "function got multiple values for argument '%q'",
        kw,
      );
    }
    store<usize>(slot, load<usize>(kv + 4));
  }
  mp_root_release(mark);
  return o;
}

/**
 * subscr slot: tuple's, but an index error names the namedtuple type
 * ("T index out of range"), as MicroPython's mp_obj_tuple_subscr.
 */
function namedtuple_subscr(self: mp_obj_t, index: mp_obj_t, value: mp_obj_t): mp_obj_t {
  if (value == MP_OBJ_SENTINEL && !mp_obj_is_type(index, mp_type_slice)) {
    const i = mp_get_index(load<usize>(self), load<usize>(self + 4), index, false);
    if (i < 0) return MP_OBJ_NULL;
    return load<usize>(self + 8 + (<usize>i << 2));
  }
  return mp_obj_tuple_subscr(self, index, value);
}

// ---- the CPython extras: _asdict, _replace, _make ----

/**
 * t._asdict(): a dict of field -> value in field order: an ordered map, as
 * MicroPython's (which makes it an OrderedDict), but of type dict, as CPython 3.8+.
 */
function namedtuple_asdict(self_in: mp_obj_t): mp_obj_t {
  const self = namedtuple_self(self_in);
  if (self == 0) return MP_OBJ_NULL;
  const mark = mp_root_mark();
  mp_root_push(self);
  const n = load<usize>(self + 4);
  const d = mp_obj_new_dict(n);
  if (d == MP_OBJ_NULL) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  mp_root_push(d);
  mp_map_set_ordered(mp_obj_dict_get_map(d));
  const type = load<usize>(self);
  for (let i: usize = 0; i < n; i++) {
    const k = MP_OBJ_NEW_QSTR(nt_field(type, i));
    if (mp_obj_dict_store(d, k, load<usize>(self + 8 + (i << 2))) == MP_OBJ_NULL) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
  }
  mp_root_release(mark);
  return d;
}

/**
 * t._replace(**kw): a new namedtuple of the same type with the given fields
 * replaced; unknown names raise ValueError "Got unexpected field names:
 * [...]", as CPython.
 */
function namedtuple_replace(n_args: usize, args: usize, kw: usize): mp_obj_t {
  if (n_args != 1) {
    return mp_raise_msg_varg(
      mp_type_TypeError,
      "function takes %d positional arguments but %d were given",
      1,
      n_args,
    );
  }
  const self = namedtuple_self(load<usize>(args));
  if (self == 0) return MP_OBJ_NULL;
  const type = load<usize>(self);
  const n = load<usize>(self + 4);
  const mark = mp_root_mark();
  mp_root_push(self);
  const o = gc_alloc(8 + (n << 2), 0);
  if (o == 0) {
    mp_root_release(mark);
    return mp_raise_memory_error(8 + (n << 2));
  }
  memory.copy(o, self, 8 + (n << 2));
  mp_root_push(o);
  if (kw == 0) {
    mp_root_release(mark);
    return o;
  }
  let n_bad = 0;
  const filled = mp_map_filled(kw);
  for (let i: usize = 0; i < filled; i++) {
    const e = mp_map_entries(kw) + (i << 3);
    if (!mp_map_slot_is_filled(e)) continue;
    const q = mp_obj_str_get_qstr(load<usize>(e));
    if (q == 0) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    const id = mp_obj_namedtuple_find_field(type, q);
    if (id < 0) n_bad++;
    else store<usize>(o + 8 + (<usize>id << 2), load<usize>(e + 4));
  }
  if (n_bad != 0) {
    const r = raise_unexpected_fields(type, kw);
    mp_root_release(mark);
    return r;
  }
  mp_root_release(mark);
  return o;
}

// ValueError "Got unexpected field names: ['x', 'y']" for the keywords of
// `kw` that are not fields of `type`.
function raise_unexpected_fields(type: usize, kw: usize): mp_obj_t {
  const mark = mp_root_mark();
  const v = vstr_new_root(32);
  const print = mp_root_alloc(2);
  if (v == 0 || print == 0) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  vstr_printer_init(print, v);
  mp_print_str(print, "Got unexpected field names: [");
  let first = true;
  const filled = mp_map_filled(kw);
  for (let i: usize = 0; i < filled; i++) {
    const e = mp_map_entries(kw) + (i << 3);
    if (!mp_map_slot_is_filled(e)) continue;
    const q = mp_obj_str_get_qstr(load<usize>(e));
    if (mp_obj_namedtuple_find_field(type, q) >= 0) continue;
    if (!first) mp_print_str(print, ", ");
    first = false;
    mp_printf(print, "'%q'", q);
  }
  mp_print_str(print, "]");
  const s = mp_obj_new_str_from_vstr(v);
  mp_root_release(mark);
  if (s == MP_OBJ_NULL) return MP_OBJ_NULL;
  return mp_raise_arg1(mp_type_ValueError, s);
}

/** Name._make(iterable), a classmethod: cls(*iterable). */
function namedtuple_make(cls: mp_obj_t, iterable: mp_obj_t): mp_obj_t {
  const mark = mp_root_mark();
  mp_root_push(cls);
  const t = mp_obj_tuple_from_iter(iterable);
  if (t == MP_OBJ_NULL) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  mp_root_push(t);
  const n = load<usize>(t + 4);
  const nt = mp_obj_is_namedtuple_type(cls) ? cls : mp_obj_type_native_base(cls);
  if (nt != 0 && mp_obj_is_namedtuple_type(nt) && n != nt_n_fields(nt)) {
    mp_root_release(mark);
    const want = nt_n_fields(nt);
    return mp_raise_msg_varg(mp_type_TypeError, "Expected %d arguments, got %d", want, n);
  }
  const r = mp_call_function_n_kw(cls, n, 0, t + 8);
  mp_root_release(mark);
  return r;
}

// ---- namedtuple(name, fields) ----

@inline function is_id_start(c: u32): bool {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c == 95 || c >= 0x80;
}
@inline function is_id_char(c: u32): bool {
  return is_id_start(c) || (c >= 48 && c <= 57);
}
@inline function is_sep(c: u32): bool {
  // whitespace as str.split(), and commas as CPython's namedtuple
  return c == 32 || (c >= 9 && c <= 13) || c == 44;
}

function is_identifier(q: qstr): bool {
  const p = qstr_str(q);
  const n = qstr_len(q);
  if (n == 0 || !is_id_start(<u32>load<u8>(p))) return false;
  for (let i: usize = 1; i < n; i++) {
    if (!is_id_char(<u32>load<u8>(p + i))) return false;
  }
  return true;
}

// Python's keywords (keyword.kwlist).
function is_keyword(q: qstr): bool {
  return (
    q == Q.MP_QSTR_False || q == Q.MP_QSTR_None || q == Q.MP_QSTR_True || q == Q.MP_QSTR_and ||
    q == Q.MP_QSTR_as || q == Q.MP_QSTR_assert || q == Q.MP_QSTR_async || q == Q.MP_QSTR_await ||
    q == Q.MP_QSTR_break || q == Q.MP_QSTR_class || q == Q.MP_QSTR_continue || q == Q.MP_QSTR_def ||
    q == Q.MP_QSTR_del || q == Q.MP_QSTR_elif || q == Q.MP_QSTR_else || q == Q.MP_QSTR_except ||
    q == Q.MP_QSTR_finally || q == Q.MP_QSTR_for || q == Q.MP_QSTR_from || q == Q.MP_QSTR_global ||
    q == Q.MP_QSTR_if || q == Q.MP_QSTR_import || q == Q.MP_QSTR_in || q == Q.MP_QSTR_is ||
    q == Q.MP_QSTR_lambda || q == Q.MP_QSTR_nonlocal || q == Q.MP_QSTR_not || q == Q.MP_QSTR_or ||
    q == Q.MP_QSTR_pass || q == Q.MP_QSTR_raise || q == Q.MP_QSTR_return || q == Q.MP_QSTR_try ||
    q == Q.MP_QSTR_while || q == Q.MP_QSTR_with || q == Q.MP_QSTR_yield
  );
}

/** CPython's first check of a type or field name; false with ValueError pending. */
function check_name(q: qstr): bool {
  if (!is_identifier(q)) {
    mp_raise_msg_varg(
      mp_type_ValueError,
      "Type names and field names must be valid identifiers: '%q'",
      q,
    );
    return false;
  }
  if (is_keyword(q)) {
    mp_raise_msg_varg(
      mp_type_ValueError,
      "Type names and field names cannot be a keyword: '%q'",
      q,
    );
    return false;
  }
  return true;
}

/**
 * Interns the fields named by `fields_in` (a str of names separated by
 * whitespace or commas, or a list/tuple of str) into the field table of
 * `type`, or only counts them when `type` is 0. Returns the count, or -1
 * with an exception pending.
 */
function collect_fields(fields_in: mp_obj_t, type: usize): isize {
  let n: usize = 0;
  if (mp_obj_is_str(fields_in)) {
    const p = mp_obj_str_get_data_ptr(fields_in);
    const len = mp_obj_str_get_len(fields_in);
    let i: usize = 0;
    while (true) {
      while (i < len && is_sep(<u32>load<u8>(p + i))) i++;
      if (i == len) break;
      const start = i;
      while (i < len && !is_sep(<u32>load<u8>(p + i))) i++;
      if (type != 0) {
        // the str is rooted by the caller; re-read its data after interning
        const q = qstr_from_strn_checked(mp_obj_str_get_data_ptr(fields_in) + start, i - start);
        if (q == 0) return -1;
        store<u16>(type + NT_FIELDS + (n << 1), <u16>q);
      }
      n++;
    }
    return <isize>n;
  }
  let items: usize;
  if (mp_obj_is_type(fields_in, mp_type_list)) {
    n = load<usize>(fields_in + 8);
    items = load<usize>(fields_in + 12);
  } else if (mp_obj_is_tuple_compatible(fields_in)) {
    n = load<usize>(fields_in + 4);
    items = fields_in + 8;
  } else {
    const tq = mp_obj_get_type_qstr(fields_in);
    mp_raise_msg_varg(mp_type_TypeError, "object '%s' isn't a tuple or list", tq);
    return -1;
  }
  if (type != 0) {
    for (let i: usize = 0; i < n; i++) {
      const q = mp_obj_str_get_qstr(load<usize>(items + (i << 2)));
      if (q == 0) return -1;
      store<u16>(type + NT_FIELDS + (i << 1), <u16>q);
    }
  }
  return <isize>n;
}

function qstr_from_strn_checked(p: usize, len: usize): qstr {
  const q = qstr_from_strn(p, len);
  if (q == 0) mp_raise_memory_error(len);
  return q;
}

function locals_add(d: mp_obj_t, name: qstr, value: mp_obj_t): bool {
  return mp_obj_dict_store(d, MP_OBJ_NEW_QSTR(name), value) != MP_OBJ_NULL;
}

/**
 * namedtuple(name, fields): a new namedtuple type (new_namedtuple_type).
 * Errors: TypeError for a non-str name or field, or fields that are neither
 * str nor list/tuple (MicroPython's messages); ValueError for names that are
 * not identifiers, keywords, fields starting with '_' and duplicate fields
 * (CPython's messages).
 */
function new_namedtuple_type(name_in: mp_obj_t, fields_in: mp_obj_t): mp_obj_t {
  const name = mp_obj_str_get_qstr(name_in);
  if (name == 0) return MP_OBJ_NULL;
  const count = collect_fields(fields_in, 0);
  if (count < 0) return MP_OBJ_NULL;
  const n = <usize>count;
  const size = NT_FIELDS + (n << 1);
  const type = gc_alloc(size, 0);
  if (type == 0) return mp_raise_memory_error(size);
  const mark = mp_root_mark();
  mp_root_push(type);
  store<usize>(type + NT_N_FIELDS, n);
  if (collect_fields(fields_in, type) < 0) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  // CPython's checks: every name, then the fields against each other
  let ok = check_name(name);
  for (let i: usize = 0; ok && i < n; i++) ok = check_name(nt_field(type, i));
  for (let i: usize = 0; ok && i < n; i++) {
    const q = nt_field(type, i);
    if (load<u8>(qstr_str(q)) == 95) {
      mp_raise_msg_varg(mp_type_ValueError, "Field names cannot start with an underscore: '%q'", q);
      ok = false;
    }
    for (let j: usize = 0; ok && j < i; j++) {
      if (nt_field(type, j) == q) {
        mp_raise_msg_varg(mp_type_ValueError, "Encountered duplicate field name: '%q'", q);
        ok = false;
      }
    }
  }
  if (!ok) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }

  // _fields and the extras live in the type's own locals dict
  const fields = mp_obj_new_tuple(n, 0);
  if (fields == MP_OBJ_NULL) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  for (let i: usize = 0; i < n; i++) {
    store<usize>(fields + 8 + (i << 2), MP_OBJ_NEW_QSTR(nt_field(type, i)));
  }
  mp_root_push(fields);
  const locals = mp_obj_new_dict(4);
  if (locals == MP_OBJ_NULL) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  mp_root_push(locals);
  if (
    !locals_add(locals, Q.MP_QSTR__fields, fields) ||
    !locals_add(locals, Q.MP_QSTR__make, namedtuple_make_obj) ||
    !locals_add(locals, Q.MP_QSTR__asdict, namedtuple_asdict_obj) ||
    !locals_add(locals, Q.MP_QSTR__replace, namedtuple_replace_obj)
  ) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }

  // the type structure: tuple's layout and operators, our own make_new/print/attr
  store<usize>(type, mp_type_type);
  store<u16>(type + 4, <u16>MP_TYPE_FLAG_EQ_CHECKS_OTHER_TYPE); // can equal a tuple
  store<u16>(type + 6, <u16>name);
  mp_type_set_make_new(type, namedtuple_make_new);
  mp_type_set_print(type, namedtuple_print);
  mp_type_set_unary_op(type, mp_obj_tuple_unary_op);
  mp_type_set_binary_op(type, mp_obj_tuple_binary_op);
  mp_type_set_attr(type, namedtuple_attr);
  mp_type_set_subscr(type, namedtuple_subscr);
  mp_type_set_getiter(type, tuple_getiter);
  store<usize>(type + 52, mp_type_tuple); // parent
  mp_type_set_locals_dict(type, locals);
  mp_root_release(mark);
  return type;
}

/** collections.namedtuple (mp_namedtuple_obj). */
export const mp_namedtuple_obj: usize = memory.data(16, 16);
const namedtuple_asdict_obj: usize = memory.data(16, 16);
const namedtuple_replace_obj: usize = memory.data(16, 16);
const namedtuple_make_fun_obj: usize = memory.data(16, 16);
const namedtuple_make_obj: usize = memory.data(8, 8);

/** Set-up of this file's static objects; run once by mp_init. */
export function objnamedtuple_static_init(): void {
  mp_fun_2_at(mp_namedtuple_obj, new_namedtuple_type);
  mp_fun_1_at(namedtuple_asdict_obj, namedtuple_asdict);
  mp_fun_kw_at(namedtuple_replace_obj, 1, namedtuple_replace);
  mp_fun_2_at(namedtuple_make_fun_obj, namedtuple_make);
  store<usize>(namedtuple_make_obj, mp_type_classmethod);
  store<usize>(namedtuple_make_obj + 4, namedtuple_make_fun_obj);
}
