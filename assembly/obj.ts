// The object model: mp_obj_t tagging, the type structure and its slots, as
// MicroPython's obj.h (object representation A on a 32-bit machine).
//
// mp_obj_t is one 32-bit word:
//   ...xxxx1  small int, 31-bit signed: value = (i32)o >> 1
//   ...xx010  qstr: q = o >> 3                       (a str object)
//   ...xx110  immediate: None = 6, False = 14, True = 30
//   ...xxx00  pointer to an object whose first word points to its type;
//             0 = MP_OBJ_NULL (exception pending), 4/8/12 are sentinels
//
// Type structure (built-in types in static data, user classes on the heap):
//
//   +0  base type (mp_type_type)        +32 subscr     (o, index, value) -> obj
//   +4  flags u16                       +36 getiter    (o, iter_buf) -> obj
//   +6  name qstr u16                   +40 iternext   (o) -> obj | STOP_ITERATION
//   +8  make_new   (type, n_args, n_kw, args) -> obj
//   +12 print      (print, o, kind) -> bool ok
//   +16 call       (fn, n_args, n_kw, args) -> obj
//   +20 unary_op   (op, o) -> obj | NOT_SUPPORTED
//   +24 binary_op  (op, lhs, rhs) -> obj | NOT_SUPPORTED
//   +28 attr       (o, attr qstr, dest) -> bool ok   (dest[0]==NULL: load; else store/delete)
//   +44 buffer     (o, bufinfo, flags) -> i32 (0 ok)
//   +48 protocol   pointer to a protocol table (stream, iterator...)
//   +52 parent     type, or tuple of types, or 0
//   +56 locals_dict  dict object, or 0
//   +60 (user classes: their own data / reserved)
//
// Slots hold WebAssembly table indices (0 = absent) and are called with
// call_indirect; the setters below fix each slot's signature.

import { mp_static_alloc } from "./memmap";
import { qstr } from "./qstr";

export type mp_obj_t = usize;
export type mp_int_t = i32;
export type mp_uint_t = u32;

// ---- special values ----
@inline export const MP_OBJ_NULL: mp_obj_t = 0;
@inline export const MP_OBJ_STOP_ITERATION: mp_obj_t = 4;
@inline export const MP_OBJ_SENTINEL: mp_obj_t = 8;
@inline export const MP_OBJ_NOT_SUPPORTED: mp_obj_t = 12;

@inline export const mp_const_none: mp_obj_t = 6;
@inline export const mp_const_false: mp_obj_t = 14;
@inline export const mp_const_true: mp_obj_t = 30;

// ---- small ints ----
@inline export const MP_SMALL_INT_MIN: i32 = -(1 << 30);
@inline export const MP_SMALL_INT_MAX: i32 = (1 << 30) - 1;

@inline export function mp_obj_is_small_int(o: mp_obj_t): bool {
  return (o & 1) != 0;
}
@inline export function MP_OBJ_SMALL_INT_VALUE(o: mp_obj_t): i32 {
  return (<i32>o) >> 1;
}
@inline export function MP_OBJ_NEW_SMALL_INT(v: i32): mp_obj_t {
  return (<usize>(v << 1)) | 1;
}
/** True if `v` fits in a small int (31-bit signed). */
@inline export function MP_SMALL_INT_FITS(v: i64): bool {
  return v >= <i64>MP_SMALL_INT_MIN && v <= <i64>MP_SMALL_INT_MAX;
}

// ---- qstrs ----
@inline export function mp_obj_is_qstr(o: mp_obj_t): bool {
  return (o & 7) == 2;
}
@inline export function MP_OBJ_QSTR_VALUE(o: mp_obj_t): qstr {
  return o >> 3;
}
@inline export function MP_OBJ_NEW_QSTR(q: qstr): mp_obj_t {
  return (q << 3) | 2;
}

// ---- immediates ----
@inline export function mp_obj_is_immediate_obj(o: mp_obj_t): bool {
  return (o & 7) == 6;
}
@inline export function mp_obj_new_bool(b: bool): mp_obj_t {
  return b ? mp_const_true : mp_const_false;
}

// ---- pointers ----
/** True if `o` is a pointer to an object (not NULL or a sentinel). */
@inline export function mp_obj_is_obj(o: mp_obj_t): bool {
  return (o & 3) == 0 && o > MP_OBJ_NOT_SUPPORTED;
}

/** Type of a pointer object (its first word). */
@inline export function mp_obj_type_of_ptr(o: mp_obj_t): usize {
  return load<usize>(o);
}

/** True if `o` is a pointer object whose type is exactly `t`. */
@inline export function mp_obj_is_type(o: mp_obj_t, t: usize): bool {
  return mp_obj_is_obj(o) && load<usize>(o) == t;
}

/** Type of a pointer object or 0 for sentinels (for the GC's finaliser path). */
export function mp_obj_get_type_ptr(o: mp_obj_t): usize {
  if (!mp_obj_is_obj(o)) return 0;
  return load<usize>(o);
}

// ---- the type structure ----
@inline export const MP_TYPE_SIZE: usize = 64;
@inline export const SLOT_flags: usize = 4;
@inline export const SLOT_name: usize = 6;
@inline export const SLOT_make_new: usize = 8;
@inline export const SLOT_print: usize = 12;
@inline export const SLOT_call: usize = 16;
@inline export const SLOT_unary_op: usize = 20;
@inline export const SLOT_binary_op: usize = 24;
@inline export const SLOT_attr: usize = 28;
@inline export const SLOT_subscr: usize = 32;
@inline export const SLOT_getiter: usize = 36;
@inline export const SLOT_iternext: usize = 40;
@inline export const SLOT_buffer: usize = 44;
@inline export const SLOT_protocol: usize = 48;
@inline export const SLOT_parent: usize = 52;
@inline export const SLOT_locals_dict: usize = 56;

// Type flags, as MicroPython's obj.h (values match).
@inline export const MP_TYPE_FLAG_NONE: u32 = 0x0000;
@inline export const MP_TYPE_FLAG_IS_SUBCLASSED: u32 = 0x0001;
@inline export const MP_TYPE_FLAG_HAS_SPECIAL_ACCESSORS: u32 = 0x0002;
@inline export const MP_TYPE_FLAG_EQ_NOT_REFLEXIVE: u32 = 0x0004;
@inline export const MP_TYPE_FLAG_EQ_CHECKS_OTHER_TYPE: u32 = 0x0008;
@inline export const MP_TYPE_FLAG_EQ_HAS_NEQ_TEST: u32 = 0x0010;
@inline export const MP_TYPE_FLAG_BINDS_SELF: u32 = 0x0020;
@inline export const MP_TYPE_FLAG_BUILTIN_FUN: u32 = 0x0040;
@inline export const MP_TYPE_FLAG_ITER_IS_ITERNEXT: u32 = 0x0080;
@inline export const MP_TYPE_FLAG_ITER_IS_CUSTOM: u32 = 0x0100;
@inline export const MP_TYPE_FLAG_INSTANCE_TYPE: u32 = 0x0200;
@inline export const MP_TYPE_FLAG_SUBSCR_ALLOWS_STACK_SLICE: u32 = 0x0400;
/** Ours: the GC calls unary_op(MP_UNARY_OP_FINALISE) on dead instances (see gcfinal.ts). */
@inline export const MP_TYPE_FLAG_HAS_FINALISER: u32 = 0x4000;

// Print kinds (obj.h).
@inline export const PRINT_STR: u32 = 0;
@inline export const PRINT_REPR: u32 = 1;
@inline export const PRINT_EXC: u32 = 2;
@inline export const PRINT_JSON: u32 = 3;
@inline export const PRINT_RAW: u32 = 4;
@inline export const PRINT_EXC_SUBCLASS: u32 = 0x80;

/** Reserves a zeroed static type structure (call at top level: `export const mp_type_x = mp_type_alloc();` is NOT constant; prefer memory.data). */
export function mp_type_alloc(): usize {
  return mp_static_alloc(MP_TYPE_SIZE);
}

/** Static storage for a built-in type: `export const mp_type_list: usize = MP_TYPE_STATIC();` */
// Note: AssemblyScript needs memory.data at each definition site, so types are
// declared as `export const mp_type_x: usize = memory.data(64, 16);` and set up
// with mp_type_setup at top level.

/** The type of types; set up in objtype.ts. */
export const mp_type_type: usize = memory.data(<i32>MP_TYPE_SIZE, 16);

/**
 * Fills the header of type `t`: its base (type), flags, name and parent.
 * Slots are set with the typed setters below.
 */
export function mp_type_setup(t: usize, name: qstr, flags: u32, parent: usize): void {
  store<usize>(t, mp_type_type);
  store<u16>(t + SLOT_flags, <u16>flags);
  store<u16>(t + SLOT_name, <u16>name);
  store<usize>(t + SLOT_parent, parent);
}

@inline export function mp_type_flags(t: usize): u32 {
  return <u32>load<u16>(t + SLOT_flags);
}
@inline export function mp_type_set_flags(t: usize, f: u32): void {
  store<u16>(t + SLOT_flags, <u16>f);
}
@inline export function mp_type_name(t: usize): qstr {
  return <usize>load<u16>(t + SLOT_name);
}
@inline export function mp_type_slot(t: usize, slot: usize): u32 {
  return load<u32>(t + slot);
}
@inline export function mp_type_parent(t: usize): usize {
  return load<usize>(t + SLOT_parent);
}
@inline export function mp_type_locals_dict(t: usize): mp_obj_t {
  return load<usize>(t + SLOT_locals_dict);
}
@inline export function mp_type_set_locals_dict(t: usize, d: mp_obj_t): void {
  store<usize>(t + SLOT_locals_dict, d);
}
@inline export function mp_type_protocol(t: usize): usize {
  return load<usize>(t + SLOT_protocol);
}
@inline export function mp_type_set_protocol(t: usize, p: usize): void {
  store<usize>(t + SLOT_protocol, p);
}
@inline export function mp_type_set_parent(t: usize, p: usize): void {
  store<usize>(t + SLOT_parent, p);
}

// Slot function signatures.
export type make_new_fn = (type: usize, n_args: usize, n_kw: usize, args: usize) => mp_obj_t;
export type print_fn = (print: usize, o: mp_obj_t, kind: u32) => bool;
export type call_fn = (fn: mp_obj_t, n_args: usize, n_kw: usize, args: usize) => mp_obj_t;
export type unary_op_fn = (op: u32, o: mp_obj_t) => mp_obj_t;
export type binary_op_fn = (op: u32, lhs: mp_obj_t, rhs: mp_obj_t) => mp_obj_t;
export type attr_fn = (o: mp_obj_t, attr: qstr, dest: usize) => bool;
export type subscr_fn = (o: mp_obj_t, index: mp_obj_t, value: mp_obj_t) => mp_obj_t;
export type getiter_fn = (o: mp_obj_t, iter_buf: usize) => mp_obj_t;
export type iternext_fn = (o: mp_obj_t) => mp_obj_t;
export type buffer_fn = (o: mp_obj_t, bufinfo: usize, flags: u32) => i32;

export function mp_type_set_make_new(t: usize, f: make_new_fn): void {
  store<u32>(t + SLOT_make_new, f.index);
}
export function mp_type_set_print(t: usize, f: print_fn): void {
  store<u32>(t + SLOT_print, f.index);
}
export function mp_type_set_call(t: usize, f: call_fn): void {
  store<u32>(t + SLOT_call, f.index);
}
export function mp_type_set_unary_op(t: usize, f: unary_op_fn): void {
  store<u32>(t + SLOT_unary_op, f.index);
}
export function mp_type_set_binary_op(t: usize, f: binary_op_fn): void {
  store<u32>(t + SLOT_binary_op, f.index);
}
export function mp_type_set_attr(t: usize, f: attr_fn): void {
  store<u32>(t + SLOT_attr, f.index);
}
export function mp_type_set_subscr(t: usize, f: subscr_fn): void {
  store<u32>(t + SLOT_subscr, f.index);
}
export function mp_type_set_getiter(t: usize, f: getiter_fn): void {
  store<u32>(t + SLOT_getiter, f.index);
}
export function mp_type_set_iternext(t: usize, f: iternext_fn): void {
  store<u32>(t + SLOT_iternext, f.index);
}
export function mp_type_set_buffer(t: usize, f: buffer_fn): void {
  store<u32>(t + SLOT_buffer, f.index);
}

// Slot callers (the slot must be non-zero).
@inline export function call_make_new(f: u32, type: usize, n_args: usize, n_kw: usize, args: usize): mp_obj_t {
  return call_indirect<usize>(f, type, n_args, n_kw, args);
}
@inline export function call_print(f: u32, print: usize, o: mp_obj_t, kind: u32): bool {
  return call_indirect<bool>(f, print, o, kind);
}
@inline export function call_call(f: u32, fn: mp_obj_t, n_args: usize, n_kw: usize, args: usize): mp_obj_t {
  return call_indirect<usize>(f, fn, n_args, n_kw, args);
}
@inline export function call_unary_op(f: u32, op: u32, o: mp_obj_t): mp_obj_t {
  return call_indirect<usize>(f, op, o);
}
@inline export function call_binary_op(f: u32, op: u32, lhs: mp_obj_t, rhs: mp_obj_t): mp_obj_t {
  return call_indirect<usize>(f, op, lhs, rhs);
}
@inline export function call_attr(f: u32, o: mp_obj_t, attr: qstr, dest: usize): bool {
  return call_indirect<bool>(f, o, attr, dest);
}
@inline export function call_subscr(f: u32, o: mp_obj_t, index: mp_obj_t, value: mp_obj_t): mp_obj_t {
  return call_indirect<usize>(f, o, index, value);
}
@inline export function call_getiter(f: u32, o: mp_obj_t, iter_buf: usize): mp_obj_t {
  return call_indirect<usize>(f, o, iter_buf);
}
@inline export function call_iternext(f: u32, o: mp_obj_t): mp_obj_t {
  return call_indirect<usize>(f, o);
}
@inline export function call_buffer(f: u32, o: mp_obj_t, bufinfo: usize, flags: u32): i32 {
  return call_indirect<i32>(f, o, bufinfo, flags);
}

// ---- built-in function objects (objfun.c's mp_obj_fun_builtin_*) ----
//
//   +0 type (mp_type_fun_builtin_0/1/2/3/var)
//   +4 table index of the AS function
//   +8 n_args_min | (takes_kw << 31)   (var only)
//   +12 n_args_max                      (var only)

export const mp_type_fun_builtin_0: usize = memory.data(<i32>MP_TYPE_SIZE, 16);
export const mp_type_fun_builtin_1: usize = memory.data(<i32>MP_TYPE_SIZE, 16);
export const mp_type_fun_builtin_2: usize = memory.data(<i32>MP_TYPE_SIZE, 16);
export const mp_type_fun_builtin_3: usize = memory.data(<i32>MP_TYPE_SIZE, 16);
export const mp_type_fun_builtin_var: usize = memory.data(<i32>MP_TYPE_SIZE, 16);

export type fun_0 = () => mp_obj_t;
export type fun_1 = (a: mp_obj_t) => mp_obj_t;
export type fun_2 = (a: mp_obj_t, b: mp_obj_t) => mp_obj_t;
export type fun_3 = (a: mp_obj_t, b: mp_obj_t, c: mp_obj_t) => mp_obj_t;
/** Variable args: (n_args, args pointer) -> obj. */
export type fun_var = (n_args: usize, args: usize) => mp_obj_t;
/** Keyword args: (n_args, args pointer, kw_args map or 0) -> obj. */
export type fun_kw = (n_args: usize, args: usize, kw_args: usize) => mp_obj_t;

@inline export const MP_FUN_TAKES_KW: u32 = 0x80000000;

function fun_builtin_new(type: usize, idx: u32, min: u32, max: u32): mp_obj_t {
  const o = mp_static_alloc(16);
  store<usize>(o, type);
  store<u32>(o + 4, idx);
  store<u32>(o + 8, min);
  store<u32>(o + 12, max);
  return o;
}

/** MP_DEFINE_CONST_FUN_OBJ_0: a static built-in function taking no arguments. */
export function mp_fun_0(f: fun_0): mp_obj_t {
  return fun_builtin_new(mp_type_fun_builtin_0, f.index, 0, 0);
}
/** MP_DEFINE_CONST_FUN_OBJ_1. */
export function mp_fun_1(f: fun_1): mp_obj_t {
  return fun_builtin_new(mp_type_fun_builtin_1, f.index, 1, 1);
}
/** MP_DEFINE_CONST_FUN_OBJ_2. */
export function mp_fun_2(f: fun_2): mp_obj_t {
  return fun_builtin_new(mp_type_fun_builtin_2, f.index, 2, 2);
}
/** MP_DEFINE_CONST_FUN_OBJ_3. */
export function mp_fun_3(f: fun_3): mp_obj_t {
  return fun_builtin_new(mp_type_fun_builtin_3, f.index, 3, 3);
}
/** MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(min, max); max 0xffff means unbounded. */
export function mp_fun_var(min: u32, max: u32, f: fun_var): mp_obj_t {
  return fun_builtin_new(mp_type_fun_builtin_var, f.index, min, max);
}
/** MP_DEFINE_CONST_FUN_OBJ_KW(min): positional args at least `min`, keywords allowed. */
export function mp_fun_kw(min: u32, f: fun_kw): mp_obj_t {
  return fun_builtin_new(mp_type_fun_builtin_var, f.index, min | MP_FUN_TAKES_KW, 0xffff);
}

// ---- static objects with their own type (staticmethod/classmethod wrappers etc.) ----

/** Allocates `n_bytes` zeroed in the static arena with `type` as its first word. */
export function mp_static_obj(type: usize, n_bytes: usize): mp_obj_t {
  const o = mp_static_alloc(n_bytes);
  store<usize>(o, type);
  return o;
}

// ---- generic object operations (MicroPython's obj.c) ----

import { mp_obj_get_type } from "./objtype";
import { mp_plat_print, mp_print_str, mp_print_hex } from "./mpprint";
import { mp_unary_op } from "./runtime";
import { mp_raise_msg_varg, mp_type_TypeError, mp_type_IndexError, mp_type_OverflowError } from "./objexcept";
import { MP_QSTR_NoneType } from "./genhdr";

/** Error value of functions returning a machine int (exception pending). */
@inline export const MP_INT_ERROR: i64 = i64.MIN_VALUE;

/** The qstr name of the type of `o` (mp_obj_get_type_str). */
export function mp_obj_get_type_qstr(o: mp_obj_t): qstr {
  return mp_type_name(mp_obj_get_type(o));
}

/**
 * Prints `o` to printer `print` in `kind` (PRINT_STR, PRINT_REPR...) through
 * its type's print slot; types without one print as "<NAME>" (MicroPython)
 * (mp_obj_print_helper). Returns false if printing raised.
 */
export function mp_obj_print_helper(print: usize, o: mp_obj_t, kind: u32): bool {
  const t = mp_obj_get_type(o);
  const f = mp_type_slot(t, SLOT_print);
  if (f != 0) return call_print(f, print, o, kind);
  // types without a print slot show as "<NAME>", as MicroPython (e.g. "<function>", "<object>")
  mp_print_str(print, "<");
  const q = mp_type_name(t);
  const qp = qstr_str_ext(q);
  mp_print_strn_ext(print, qp, qstr_len_ext(q));
  mp_print_str(print, ">");
  return true;
}

/** Prints `o` to stdout (mp_obj_print). */
export function mp_obj_print(o: mp_obj_t, kind: u32): bool {
  return mp_obj_print_helper(mp_plat_print, o, kind);
}

/**
 * Truth value of `o`: 1, 0, or -1 with the exception pending (mp_obj_is_true):
 * False/None/0 are false, then __bool__ (MP_UNARY_OP_BOOL), then __len__.
 */
export function mp_obj_is_true(o: mp_obj_t): i32 {
  if (o == mp_const_false || o == mp_const_none) return 0;
  if (o == mp_const_true) return 1;
  if (mp_obj_is_small_int(o)) return o == MP_OBJ_NEW_SMALL_INT(0) ? 0 : 1;
  const t = mp_obj_get_type(o);
  const f = mp_type_slot(t, SLOT_unary_op);
  if (f != 0) {
    const r = call_unary_op(f, 4 /* MP_UNARY_OP_BOOL */, o);
    if (r == MP_OBJ_NULL) return -1;
    if (r != MP_OBJ_NOT_SUPPORTED) return r == mp_const_true ? 1 : 0;
    const l = call_unary_op(f, 5 /* MP_UNARY_OP_LEN */, o);
    if (l == MP_OBJ_NULL) return -1;
    if (l != MP_OBJ_NOT_SUPPORTED) return l == MP_OBJ_NEW_SMALL_INT(0) ? 0 : 1;
  }
  return 1;
}

/** True if `o` can be called (has a call slot; instances need __call__, which objtype decides). */
export function mp_obj_is_callable(o: mp_obj_t): bool {
  return mp_obj_is_callable_types(o);
}
import { mp_obj_is_callable_types } from "./objtype";

/**
 * len(o) as a small int, MP_OBJ_NOT_SUPPORTED if the type has no length
 * (no exception set), or MP_OBJ_NULL with an exception (mp_obj_len_maybe).
 */
export function mp_obj_len_maybe(o: mp_obj_t): mp_obj_t {
  const t = mp_obj_get_type(o);
  const f = mp_type_slot(t, SLOT_unary_op);
  if (f == 0) return MP_OBJ_NOT_SUPPORTED;
  return call_unary_op(f, 5 /* MP_UNARY_OP_LEN */, o);
}

/** len(o), raising TypeError "object of type '%s' has no len()" (mp_obj_len). */
export function mp_obj_len(o: mp_obj_t): mp_obj_t {
  const r = mp_obj_len_maybe(o);
  if (r == MP_OBJ_NOT_SUPPORTED) {
    return mp_raise_msg_varg(mp_type_TypeError, "object of type '%s' has no len()", mp_obj_get_type_qstr(o));
  }
  return r;
}

/**
 * The machine int of an int-like object (small int, bool, or a long int that
 * fits 32 bits), as mp_obj_get_int. Returns MP_INT_ERROR with TypeError
 * "can't convert %s to int" or OverflowError pending.
 */
export function mp_obj_get_int(o: mp_obj_t): i64 {
  if (mp_obj_is_small_int(o)) return <i64>MP_OBJ_SMALL_INT_VALUE(o);
  if (o == mp_const_false) return 0;
  if (o == mp_const_true) return 1;
  const r = mp_obj_get_int_maybe_obj(o);
  if (r == MP_OBJ_NULL) return MP_INT_ERROR;
  if (r == MP_OBJ_NOT_SUPPORTED) {
    mp_raise_msg_varg(mp_type_TypeError, "can't convert %s to int", mp_obj_get_type_qstr(o));
    return MP_INT_ERROR;
  }
  if (mp_obj_is_small_int(r)) return <i64>MP_OBJ_SMALL_INT_VALUE(r);
  // a long int: fits when within 32 bits (mp_obj_int_get_checked, objint.ts)
  if (mp_obj_is_obj(r) && load<usize>(r) == mp_type_int_ext) return mp_obj_int_get_checked_ext(r);
  mp_raise_msg_varg(mp_type_OverflowError, "overflow converting long int to machine word");
  return MP_INT_ERROR;
}

import { mp_type_int as mp_type_int_ext, mp_obj_int_get_checked as mp_obj_int_get_checked_ext } from "./objint";

/**
 * The int value of `o` as an int object via MP_UNARY_OP_INT_MAYBE (ints return
 * themselves), MP_OBJ_NOT_SUPPORTED if not int-like, MP_OBJ_NULL on error.
 */
export function mp_obj_get_int_maybe_obj(o: mp_obj_t): mp_obj_t {
  if (mp_obj_is_small_int(o)) return o;
  if (o == mp_const_false) return MP_OBJ_NEW_SMALL_INT(0);
  if (o == mp_const_true) return MP_OBJ_NEW_SMALL_INT(1);
  if (!mp_obj_is_obj(o)) return MP_OBJ_NOT_SUPPORTED;
  const f = mp_type_slot(load<usize>(o), SLOT_unary_op);
  if (f == 0) return MP_OBJ_NOT_SUPPORTED;
  return call_unary_op(f, 8 /* MP_UNARY_OP_INT_MAYBE */, o);
}

/**
 * Normalises a sequence index of a `type` object of length `len` (negative
 * counts from the end), as mp_get_index. With `is_slice` it clamps to
 * [0, len]; otherwise raises IndexError "%q index out of range". Non-int
 * index: TypeError "%q indices must be integers, not %s". Returns -1 on error.
 */
export function mp_get_index(type: usize, len: usize, index: mp_obj_t, is_slice: bool): isize {
  let i: i64;
  if (mp_obj_is_small_int(index)) {
    i = <i64>MP_OBJ_SMALL_INT_VALUE(index);
  } else {
    const r = mp_obj_get_int_maybe_obj(index);
    if (r == MP_OBJ_NULL) return -1;
    if (r == MP_OBJ_NOT_SUPPORTED) {
      mp_raise_msg_varg(mp_type_TypeError, "%q indices must be integers, not %s", mp_type_name(type), mp_obj_get_type_qstr(index));
      return -1;
    }
    if (!mp_obj_is_small_int(r)) {
      // a long int is out of range for any sequence
      if (is_slice) return 0;
      mp_raise_msg_varg(mp_type_IndexError, "%q index out of range", mp_type_name(type));
      return -1;
    }
    i = <i64>MP_OBJ_SMALL_INT_VALUE(r);
  }
  if (i < 0) i += <i64>len;
  if (is_slice) {
    if (i < 0) i = 0;
    else if (i > <i64>len) i = <i64>len;
  } else if (i < 0 || i >= <i64>len) {
    mp_raise_msg_varg(mp_type_IndexError, "%q index out of range", mp_type_name(type));
    return -1;
  }
  return <isize>i;
}

/** id(o): the object's address (tagged values: the word itself). */
export function mp_obj_id(o: mp_obj_t): mp_obj_t {
  return MP_OBJ_NEW_SMALL_INT(<i32>(o >> 1) & 0x3fffffff);
}

import { qstr_str as qstr_str_ext, qstr_len as qstr_len_ext } from "./qstr";
import { mp_print_strn as mp_print_strn_ext } from "./mpprint";

// Static function objects at fixed addresses. A file declares
//   export const list_append_obj: usize = memory.data(16, 16);
// and fills it in its `<file>_static_init()` with mp_fun_2_at(list_append_obj, list_append),
// so other files can refer to the object whatever order the set-up runs in.
export function mp_fun_0_at(o: usize, f: fun_0): mp_obj_t {
  return fun_builtin_at(o, mp_type_fun_builtin_0, f.index, 0, 0);
}
export function mp_fun_1_at(o: usize, f: fun_1): mp_obj_t {
  return fun_builtin_at(o, mp_type_fun_builtin_1, f.index, 1, 1);
}
export function mp_fun_2_at(o: usize, f: fun_2): mp_obj_t {
  return fun_builtin_at(o, mp_type_fun_builtin_2, f.index, 2, 2);
}
export function mp_fun_3_at(o: usize, f: fun_3): mp_obj_t {
  return fun_builtin_at(o, mp_type_fun_builtin_3, f.index, 3, 3);
}
export function mp_fun_var_at(o: usize, min: u32, max: u32, f: fun_var): mp_obj_t {
  return fun_builtin_at(o, mp_type_fun_builtin_var, f.index, min, max);
}
export function mp_fun_kw_at(o: usize, min: u32, f: fun_kw): mp_obj_t {
  return fun_builtin_at(o, mp_type_fun_builtin_var, f.index, min | MP_FUN_TAKES_KW, 0xffff);
}
function fun_builtin_at(o: usize, type: usize, idx: u32, min: u32, max: u32): mp_obj_t {
  store<usize>(o, type);
  store<u32>(o + 4, idx);
  store<u32>(o + 8, min);
  store<u32>(o + 12, max);
  return o;
}
