// The runtime, as MicroPython's runtime.c: operator dispatch, hashing and
// equality, names (locals/globals/builtins), attribute access, calls (with
// *args/**kwargs expansion), iteration, sequence unpacking and the import
// helpers. Every function that can raise returns MP_OBJ_NULL (or an explicit
// error value) with the exception pending (MPS_cur_exception).
//
// `dest` arguments (mp_load_method & co.) point at 2 or 3 words that the
// caller keeps rooted (the VM value stack, or mp_root_alloc).

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_OBJ_SENTINEL,
  MP_OBJ_NOT_SUPPORTED,
  MP_OBJ_STOP_ITERATION,
  mp_const_true,
  mp_const_false,
  mp_const_none,
  mp_obj_is_small_int,
  mp_obj_is_qstr,
  mp_obj_is_obj,
  MP_OBJ_QSTR_VALUE,
  MP_OBJ_NEW_QSTR,
  MP_OBJ_NEW_SMALL_INT,
  MP_OBJ_SMALL_INT_VALUE,
  MP_SMALL_INT_FITS,
  MP_SMALL_INT_MIN,
  mp_obj_new_bool,
  mp_type_type,
  mp_type_slot,
  mp_type_flags,
  mp_type_name,
  mp_type_parent,
  mp_type_locals_dict,
  MP_TYPE_SIZE,
  MP_TYPE_FLAG_EQ_NOT_REFLEXIVE,
  MP_TYPE_FLAG_EQ_CHECKS_OTHER_TYPE,
  MP_TYPE_FLAG_EQ_HAS_NEQ_TEST,
  MP_TYPE_FLAG_BINDS_SELF,
  MP_TYPE_FLAG_BUILTIN_FUN,
  MP_TYPE_FLAG_ITER_IS_ITERNEXT,
  MP_TYPE_FLAG_INSTANCE_TYPE,
  SLOT_unary_op,
  SLOT_binary_op,
  SLOT_call,
  SLOT_attr,
  SLOT_subscr,
  SLOT_getiter,
  SLOT_iternext,
  call_unary_op,
  call_binary_op,
  call_call,
  call_attr,
  call_subscr,
  call_getiter,
  call_iternext,
  mp_type_setup,
  mp_type_set_call,
  mp_type_set_iternext,
  mp_fun_1, mp_fun_1_at,
  mp_obj_is_true,
  mp_obj_get_type_qstr,
  mp_obj_len_maybe,
} from "./obj";
import { qstr, qstr_hash, qstr_str, qstr_len, qstr_compute_hash, qstr_from_strn } from "./qstr";
import { gc_alloc, gc_is_locked } from "./gc";
import { mp_type_str, mp_type_bytes, mp_obj_str_get_hash, mp_obj_str_get_data_ptr, mp_obj_str_get_len } from "./objstr";
import {
  mp_raise_obj,
  mp_raise_msg,
  mp_raise_msg_varg,
  mp_raise_TypeError,
  mp_raise_ValueError,
  mp_raise_arg1,
  mp_raise_type,
  mp_take_exception,
  mp_pending_exception,
  mp_const_MemoryError_obj,
  mp_const_MemoryError_locked_obj,
  mp_type_BaseException,
  mp_type_TypeError,
  mp_type_ValueError,
  mp_type_NameError,
  mp_type_AttributeError,
  mp_type_ZeroDivisionError,
  mp_type_RuntimeError,
  mp_type_ImportError,
  mp_type_MemoryError,
  mp_type_StopIteration,
  mp_type_IndexError,
  mp_type_GeneratorExit,
} from "./objexcept";
import { mp_obj_get_type } from "./objtype";
import { mp_type_tuple, mp_obj_new_tuple } from "./objtuple";
import { mp_type_list, mp_obj_new_list, mp_obj_list_append } from "./objlist";
import { mp_type_dict, mp_obj_dict_get_map, mp_obj_new_dict } from "./objdict";
import { mp_map_lookup, mp_map_used, mp_map_filled, mp_map_entries, MP_MAP_LOOKUP, MP_MAP_LOOKUP_ADD_IF_NOT_FOUND, MP_MAP_LOOKUP_REMOVE_IF_FOUND, MP_MAP_ERROR } from "./map";
import { mp_state_get, mp_state_set, MPS_dict_globals, MPS_dict_locals, MPS_stop_iteration_arg } from "./mpstate";
import { mp_root_mark, mp_root_push, mp_root_release, mp_root_alloc } from "./rootstack";
import { mp_pystack_alloc, mp_pystack_free, pystack_cur } from "./pystack";
import * as R from "./runtime0";
import * as Q from "./genhdr";

// ---------------------------------------------------------------------------
// errors

/** Raises MemoryError (the static instance: there may be no heap for a new one). */
export function mp_raise_memory_error(n_bytes: usize): mp_obj_t {
  // as m_malloc_fail: "heap is locked" while locked, else the size asked for;
  // a static instance when even the message cannot be allocated
  if (gc_is_locked()) return mp_raise_obj(mp_const_MemoryError_locked_obj);
  if (raising_memory_error) return mp_raise_obj(mp_const_MemoryError_obj);
  raising_memory_error = true;
  const r = mp_raise_msg_varg(mp_type_MemoryError, "memory allocation failed, allocating %u bytes", n_bytes);
  raising_memory_error = false;
  return r;
}

let raising_memory_error: bool = false;

/** Raises RuntimeError("maximum recursion depth exceeded") (mp_raise_recursion_depth). */
export function mp_raise_recursion_depth(): mp_obj_t {
  return mp_raise_arg1(mp_type_RuntimeError, MP_OBJ_NEW_QSTR(Q.MP_QSTR_maximum_space_recursion_space_depth_space_exceeded));
}

/** Raises StopIteration, with `arg` as its value unless MP_OBJ_NULL (mp_raise_StopIteration). */
export function mp_raise_StopIteration(arg: mp_obj_t): mp_obj_t {
  if (arg == MP_OBJ_NULL) return mp_raise_type(mp_type_StopIteration);
  return mp_raise_arg1(mp_type_StopIteration, arg);
}

/** Raises TypeError "can't convert %s to int" for `arg` (mp_raise_TypeError_int_conversion). */
export function mp_raise_TypeError_int_conversion(arg: mp_obj_t): mp_obj_t {
  return mp_raise_msg_varg(mp_type_TypeError, "can't convert %s to int", mp_obj_get_type_qstr(arg));
}

/** Raises OSError(errno) (mp_raise_OSError). */
export function mp_raise_OSError(errno_: i32): mp_obj_t {
  return mp_raise_arg1(mp_type_OSError, MP_OBJ_NEW_SMALL_INT(errno_));
}
import { mp_type_OSError } from "./objexcept";

// ---------------------------------------------------------------------------
// globals and locals of the running code

/** The globals dict of the running code (mp_globals_get). */
@inline export function mp_globals_get(): mp_obj_t {
  return mp_state_get(MPS_dict_globals);
}
/** Sets the globals dict (mp_globals_set). */
@inline export function mp_globals_set(d: mp_obj_t): void {
  mp_state_set(MPS_dict_globals, d);
}
/** The locals dict of the running code (mp_locals_get). */
@inline export function mp_locals_get(): mp_obj_t {
  return mp_state_get(MPS_dict_locals);
}
/** Sets the locals dict (mp_locals_set). */
@inline export function mp_locals_set(d: mp_obj_t): void {
  mp_state_set(MPS_dict_locals, d);
}

// ---------------------------------------------------------------------------
// type helpers used here (objtype.ts has the full versions for user classes)

/**
 * True if type `t` is `base` or derives from it (following single parents and
 * tuples of parents), as mp_obj_is_subclass_fast on types.
 */
export function mp_type_is_subclass(t: usize, base: usize): bool {
  while (true) {
    if (t == base) return true;
    const p = mp_type_parent(t);
    if (p == 0) return false;
    if (load<usize>(p) == mp_type_tuple) {
      const n = load<usize>(p + 4);
      for (let i: usize = 0; i < n; i++) {
        if (mp_type_is_subclass(load<usize>(p + 8 + (i << 2)), base)) return true;
      }
      return false;
    }
    t = p;
  }
}

/** True if `o` is a type object (built-in or user class). */
@inline export function mp_obj_is_type_obj(o: mp_obj_t): bool {
  return mp_obj_is_obj(o) && load<usize>(o) == mp_type_type;
}

/** True if `o` is BaseException or a subclass (a type), as mp_obj_is_exception_type. */
export function mp_obj_is_exception_type_rt(o: mp_obj_t): bool {
  return mp_obj_is_exception_type(o);
}

/** True if `o` is an instance of an exception class, as mp_obj_is_exception_instance. */
export function mp_obj_is_exception_instance_rt(o: mp_obj_t): bool {
  return mp_obj_is_exception_instance(o);
}

/**
 * True if exception `exc` (an instance, or a class) matches `exc_type` (a
 * class), as mp_obj_exception_match.
 */
export function mp_obj_exception_match_rt(exc: mp_obj_t, exc_type: usize): bool {
  return mp_obj_exception_match(exc, exc_type);
}
import { mp_obj_is_exception_type, mp_obj_is_exception_instance, mp_obj_exception_match } from "./objexcept";

/** True if the pending exception is an instance of `type` (or a subclass). */
export function mp_pending_exception_is(type: usize): bool {
  const e = mp_pending_exception();
  return e != MP_OBJ_NULL && mp_type_is_subclass(load<usize>(e), type);
}

/** The value of a StopIteration instance (its first arg, or None), as mp_obj_exception_get_value. */
export function mp_obj_exception_get_value_rt(exc: mp_obj_t): mp_obj_t {
  return mp_obj_exception_get_value(exc);
}
import { mp_obj_exception_get_value } from "./objexcept";

// ---------------------------------------------------------------------------
// hashing and equality

/** True for str and bytes objects (not qstrs), for map key comparisons. */
export function mp_obj_is_str_or_bytes_hook(o: mp_obj_t): bool {
  if (!mp_obj_is_obj(o)) return false;
  const t = load<usize>(o);
  return t == mp_type_str || t == mp_type_bytes;
}

/**
 * hash(o) as a small int, or MP_OBJ_NULL with TypeError pending for
 * unhashable objects (mp_unary_op(MP_UNARY_OP_HASH)).
 */
export function mp_obj_hash(o: mp_obj_t): mp_obj_t {
  if (mp_obj_is_small_int(o)) return o;
  if (mp_obj_is_qstr(o)) return MP_OBJ_NEW_SMALL_INT(<i32>qstr_hash(MP_OBJ_QSTR_VALUE(o)));
  return mp_unary_op(R.MP_UNARY_OP_HASH, o);
}

/**
 * o1 == o2 (or !=, by `op`) as True/False, following MicroPython's
 * mp_obj_equal_not_equal: identity (unless the type is not reflexive), str
 * and small-int fast paths, then each side's binary_op(EQUAL), then identity.
 * MP_OBJ_NULL with an exception pending if a user __eq__ raised.
 */
export function mp_obj_equal_not_equal(op: u32, o1: mp_obj_t, o2: mp_obj_t): mp_obj_t {
  const local_true = op == R.MP_BINARY_OP_NOT_EQUAL ? mp_const_false : mp_const_true;
  const local_false = op == R.MP_BINARY_OP_NOT_EQUAL ? mp_const_true : mp_const_false;
  if (o1 == o2 && (mp_obj_is_small_int(o1) || (mp_type_flags(mp_obj_get_type(o1)) & MP_TYPE_FLAG_EQ_NOT_REFLEXIVE) == 0)) {
    return local_true;
  }
  let pass = 0;
  if (is_str(o1)) {
    if (is_str(o2)) return str_equal(o1, o2) ? local_true : local_false;
    pass = 1;
    const t = o1;
    o1 = o2;
    o2 = t;
  } else if (mp_obj_is_small_int(o1)) {
    if (mp_obj_is_small_int(o2)) return local_false;
    pass = 1;
    const t = o1;
    o1 = o2;
    o2 = t;
  }
  while (pass < 2) {
    const type = mp_obj_get_type(o1);
    const f = mp_type_slot(type, SLOT_binary_op);
    const flags = mp_type_flags(type);
    if (f != 0 && ((flags & MP_TYPE_FLAG_EQ_CHECKS_OTHER_TYPE) != 0 || mp_obj_get_type(o2) == type)) {
      if (op == R.MP_BINARY_OP_NOT_EQUAL && (flags & MP_TYPE_FLAG_EQ_HAS_NEQ_TEST) != 0) {
        const r = call_binary_op(f, R.MP_BINARY_OP_NOT_EQUAL, o1, o2);
        if (r != MP_OBJ_NOT_SUPPORTED) return r;
      }
      const r = call_binary_op(f, R.MP_BINARY_OP_EQUAL, o1, o2);
      if (r == MP_OBJ_NULL) return MP_OBJ_NULL;
      if (r != MP_OBJ_NOT_SUPPORTED) {
        if (op == R.MP_BINARY_OP_EQUAL) return r;
        const t = mp_obj_is_true(r);
        if (t < 0) return MP_OBJ_NULL;
        return t != 0 ? local_true : local_false;
      }
    }
    pass++;
    const t = o1;
    o1 = o2;
    o2 = t;
  }
  return o1 == o2 ? local_true : local_false;
}

/** o1 == o2: 1 equal, 0 not equal, -1 exception pending (mp_obj_equal). */
export function mp_obj_equal_checked(o1: mp_obj_t, o2: mp_obj_t): i32 {
  if (o1 == o2 && mp_obj_is_small_int(o1)) return 1;
  if (mp_obj_is_small_int(o1) && mp_obj_is_small_int(o2)) return 0;
  const r = mp_obj_equal_not_equal(R.MP_BINARY_OP_EQUAL, o1, o2);
  if (r == MP_OBJ_NULL) return -1;
  if (r == mp_const_true) return 1;
  if (r == mp_const_false) return 0;
  return mp_obj_is_true(r);
}

@inline function is_str(o: mp_obj_t): bool {
  return mp_obj_is_qstr(o) || (mp_obj_is_obj(o) && load<usize>(o) == mp_type_str);
}

/** Equality of two str objects or qstrs (mp_obj_str_equal). */
function str_equal(a: mp_obj_t, b: mp_obj_t): bool {
  if (mp_obj_is_qstr(a) && mp_obj_is_qstr(b)) return a == b;
  const la = mp_obj_str_get_len(a);
  if (la != mp_obj_str_get_len(b)) return false;
  // compare cached hashes first when both are objects
  if (!mp_obj_is_qstr(a) && !mp_obj_is_qstr(b)) {
    if (mp_obj_str_get_hash(a) != mp_obj_str_get_hash(b)) return false;
  }
  return memory.compare(mp_obj_str_get_data_ptr(a), mp_obj_str_get_data_ptr(b), la) == 0;
}

// ---------------------------------------------------------------------------
// operator method names (objtype.c's mp_unary_op_method_name / mp_binary_op_method_name)

/** The special-method name of unary operator `op` (e.g. __neg__), or 0. */
export function mp_unary_op_method_name(op: u32): qstr {
  switch (op) {
    case R.MP_UNARY_OP_BOOL: return Q.MP_QSTR___bool__;
    case R.MP_UNARY_OP_LEN: return Q.MP_QSTR___len__;
    case R.MP_UNARY_OP_HASH: return Q.MP_QSTR___hash__;
    case R.MP_UNARY_OP_INT_MAYBE: return Q.MP_QSTR___int__;
    case R.MP_UNARY_OP_POSITIVE: return Q.MP_QSTR___pos__;
    case R.MP_UNARY_OP_NEGATIVE: return Q.MP_QSTR___neg__;
    case R.MP_UNARY_OP_INVERT: return Q.MP_QSTR___invert__;
    case R.MP_UNARY_OP_ABS: return Q.MP_QSTR___abs__;
    case R.MP_UNARY_OP_FLOAT_MAYBE: return Q.MP_QSTR___float__;
    case R.MP_UNARY_OP_COMPLEX_MAYBE: return Q.MP_QSTR___complex__;
    case R.MP_UNARY_OP_SIZEOF: return Q.MP_QSTR___sizeof__;
    default: return 0;
  }
}

/** The special-method name of binary operator `op` (e.g. __add__, __radd__), or 0. */
export function mp_binary_op_method_name(op: u32): qstr {
  switch (op) {
    case R.MP_BINARY_OP_LESS: return Q.MP_QSTR___lt__;
    case R.MP_BINARY_OP_MORE: return Q.MP_QSTR___gt__;
    case R.MP_BINARY_OP_EQUAL: return Q.MP_QSTR___eq__;
    case R.MP_BINARY_OP_LESS_EQUAL: return Q.MP_QSTR___le__;
    case R.MP_BINARY_OP_MORE_EQUAL: return Q.MP_QSTR___ge__;
    case R.MP_BINARY_OP_NOT_EQUAL: return Q.MP_QSTR___ne__;
    case R.MP_BINARY_OP_CONTAINS: return Q.MP_QSTR___contains__;
    case R.MP_BINARY_OP_INPLACE_ADD: return Q.MP_QSTR___iadd__;
    case R.MP_BINARY_OP_INPLACE_SUBTRACT: return Q.MP_QSTR___isub__;
    case R.MP_BINARY_OP_INPLACE_MULTIPLY: return Q.MP_QSTR___imul__;
    case R.MP_BINARY_OP_INPLACE_MAT_MULTIPLY: return Q.MP_QSTR___imatmul__;
    case R.MP_BINARY_OP_INPLACE_FLOOR_DIVIDE: return Q.MP_QSTR___ifloordiv__;
    case R.MP_BINARY_OP_INPLACE_TRUE_DIVIDE: return Q.MP_QSTR___itruediv__;
    case R.MP_BINARY_OP_INPLACE_MODULO: return Q.MP_QSTR___imod__;
    case R.MP_BINARY_OP_INPLACE_POWER: return Q.MP_QSTR___ipow__;
    case R.MP_BINARY_OP_INPLACE_OR: return Q.MP_QSTR___ior__;
    case R.MP_BINARY_OP_INPLACE_XOR: return Q.MP_QSTR___ixor__;
    case R.MP_BINARY_OP_INPLACE_AND: return Q.MP_QSTR___iand__;
    case R.MP_BINARY_OP_INPLACE_LSHIFT: return Q.MP_QSTR___ilshift__;
    case R.MP_BINARY_OP_INPLACE_RSHIFT: return Q.MP_QSTR___irshift__;
    case R.MP_BINARY_OP_ADD: return Q.MP_QSTR___add__;
    case R.MP_BINARY_OP_SUBTRACT: return Q.MP_QSTR___sub__;
    case R.MP_BINARY_OP_MULTIPLY: return Q.MP_QSTR___mul__;
    case R.MP_BINARY_OP_MAT_MULTIPLY: return Q.MP_QSTR___matmul__;
    case R.MP_BINARY_OP_FLOOR_DIVIDE: return Q.MP_QSTR___floordiv__;
    case R.MP_BINARY_OP_TRUE_DIVIDE: return Q.MP_QSTR___truediv__;
    case R.MP_BINARY_OP_MODULO: return Q.MP_QSTR___mod__;
    case R.MP_BINARY_OP_DIVMOD: return Q.MP_QSTR___divmod__;
    case R.MP_BINARY_OP_POWER: return Q.MP_QSTR___pow__;
    case R.MP_BINARY_OP_OR: return Q.MP_QSTR___or__;
    case R.MP_BINARY_OP_XOR: return Q.MP_QSTR___xor__;
    case R.MP_BINARY_OP_AND: return Q.MP_QSTR___and__;
    case R.MP_BINARY_OP_LSHIFT: return Q.MP_QSTR___lshift__;
    case R.MP_BINARY_OP_RSHIFT: return Q.MP_QSTR___rshift__;
    case R.MP_BINARY_OP_REVERSE_ADD: return Q.MP_QSTR___radd__;
    case R.MP_BINARY_OP_REVERSE_SUBTRACT: return Q.MP_QSTR___rsub__;
    case R.MP_BINARY_OP_REVERSE_MULTIPLY: return Q.MP_QSTR___rmul__;
    case R.MP_BINARY_OP_REVERSE_MAT_MULTIPLY: return Q.MP_QSTR___rmatmul__;
    case R.MP_BINARY_OP_REVERSE_FLOOR_DIVIDE: return Q.MP_QSTR___rfloordiv__;
    case R.MP_BINARY_OP_REVERSE_TRUE_DIVIDE: return Q.MP_QSTR___rtruediv__;
    case R.MP_BINARY_OP_REVERSE_MODULO: return Q.MP_QSTR___rmod__;
    case R.MP_BINARY_OP_REVERSE_POWER: return Q.MP_QSTR___rpow__;
    case R.MP_BINARY_OP_REVERSE_OR: return Q.MP_QSTR___ror__;
    case R.MP_BINARY_OP_REVERSE_XOR: return Q.MP_QSTR___rxor__;
    case R.MP_BINARY_OP_REVERSE_AND: return Q.MP_QSTR___rand__;
    case R.MP_BINARY_OP_REVERSE_LSHIFT: return Q.MP_QSTR___rlshift__;
    case R.MP_BINARY_OP_REVERSE_RSHIFT: return Q.MP_QSTR___rrshift__;
    default: return 0;
  }
}

// ---------------------------------------------------------------------------
// operators

/**
 * Applies unary operator `op` (runtime0.ts) to `arg`, as mp_unary_op: `not`,
 * small-int fast paths, the str hash fast path, the type's unary_op slot,
 * then the defaults (bool: True; hash: the object's address). INT_MAYBE,
 * FLOAT_MAYBE and COMPLEX_MAYBE return MP_OBJ_NOT_SUPPORTED when the type
 * lacks them; anything else raises "unsupported type for %q: '%s'".
 */
export function mp_unary_op(op: u32, arg: mp_obj_t): mp_obj_t {
  if (op == R.MP_UNARY_OP_NOT) {
    const t = mp_obj_is_true(arg);
    if (t < 0) return MP_OBJ_NULL;
    return mp_obj_new_bool(t == 0);
  }
  if (mp_obj_is_small_int(arg)) {
    const val = MP_OBJ_SMALL_INT_VALUE(arg);
    switch (op) {
      case R.MP_UNARY_OP_BOOL:
        return mp_obj_new_bool(val != 0);
      case R.MP_UNARY_OP_HASH:
      case R.MP_UNARY_OP_POSITIVE:
      case R.MP_UNARY_OP_INT_MAYBE:
        return arg;
      case R.MP_UNARY_OP_NEGATIVE:
        if (val == MP_SMALL_INT_MIN) return mp_obj_new_int_from_ll(-(<i64>val));
        return MP_OBJ_NEW_SMALL_INT(-val);
      case R.MP_UNARY_OP_ABS:
        if (val >= 0) return arg;
        if (val == MP_SMALL_INT_MIN) return mp_obj_new_int_from_ll(-(<i64>val));
        return MP_OBJ_NEW_SMALL_INT(-val);
      case R.MP_UNARY_OP_INVERT:
        return MP_OBJ_NEW_SMALL_INT(~val);
      default:
        break; // FLOAT_MAYBE etc. go to int's slot
    }
  } else if (op == R.MP_UNARY_OP_HASH && mp_obj_is_str_or_bytes_hook(arg)) {
    return MP_OBJ_NEW_SMALL_INT(<i32>mp_obj_str_get_hash(arg));
  } else if (op == R.MP_UNARY_OP_HASH && mp_obj_is_qstr(arg)) {
    return MP_OBJ_NEW_SMALL_INT(<i32>qstr_hash(MP_OBJ_QSTR_VALUE(arg)));
  }
  const type = mp_obj_get_type(arg);
  const f = mp_type_slot(type, SLOT_unary_op);
  if (f != 0) {
    const r = call_unary_op(f, op, arg);
    if (r != MP_OBJ_NOT_SUPPORTED) return r;
  } else if (op == R.MP_UNARY_OP_HASH) {
    // no unary_op: hash by identity (the object word, as MicroPython)
    return MP_OBJ_NEW_SMALL_INT(<i32>arg);
  }
  if (op == R.MP_UNARY_OP_BOOL) return mp_const_true;
  if (op == R.MP_UNARY_OP_INT_MAYBE || op == R.MP_UNARY_OP_FLOAT_MAYBE || op == R.MP_UNARY_OP_COMPLEX_MAYBE) {
    return MP_OBJ_NOT_SUPPORTED;
  }
  return mp_raise_msg_varg(
    mp_type_TypeError,
    "unsupported type for %q: '%s'",
    mp_unary_op_method_name(op),
    mp_type_name(type),
  );
}

/** Python's floor division of small ints (smallint.c's mp_small_int_floor_divide). */
@inline export function mp_small_int_floor_divide(num: i32, denom: i32): i32 {
  if (num >= 0) {
    if (denom < 0) num += -denom - 1;
  } else if (denom >= 0) {
    num += -denom + 1;
  }
  return num / denom;
}

/** Python's modulo of small ints: the result has the sign of the divisor (mp_small_int_modulo). */
@inline export function mp_small_int_modulo(dividend: i32, divisor: i32): i32 {
  dividend %= divisor;
  if ((dividend < 0 && divisor > 0) || (dividend > 0 && divisor < 0)) dividend += divisor;
  return dividend;
}

/** A small int, or a long int when `v` does not fit (mp_obj_new_int_from_ll). */
@inline function new_int_i64(v: i64): mp_obj_t {
  if (MP_SMALL_INT_FITS(v)) return MP_OBJ_NEW_SMALL_INT(<i32>v);
  return mp_obj_new_int_from_ll(v);
}

/**
 * Applies binary operator `op` to `lhs` and `rhs`, as mp_binary_op: `is`,
 * ==/!=, exception matching, small-int arithmetic (overflowing to long
 * ints), `in` as the swapped CONTAINS, the lhs type's binary_op slot, the
 * in-place to normal fallback, the reflected operator on rhs's type, and
 * `in` by iteration. Raises "unsupported types for %q: '%s', '%s'".
 */
export function mp_binary_op(op: u32, lhs: mp_obj_t, rhs: mp_obj_t): mp_obj_t {
  if (op == R.MP_BINARY_OP_IS) return mp_obj_new_bool(lhs == rhs);
  if (op == R.MP_BINARY_OP_IS_NOT) return mp_obj_new_bool(lhs != rhs);
  if (op == R.MP_BINARY_OP_EQUAL || op == R.MP_BINARY_OP_NOT_EQUAL) {
    return mp_obj_equal_not_equal(op, lhs, rhs);
  }
  if (op == R.MP_BINARY_OP_NOT_IN) {
    const r = mp_binary_op(R.MP_BINARY_OP_IN, lhs, rhs);
    if (r == MP_OBJ_NULL) return MP_OBJ_NULL;
    return mp_obj_new_bool(r != mp_const_true);
  }
  if (op == R.MP_BINARY_OP_EXCEPTION_MATCH) {
    if (mp_obj_is_exception_type_rt(rhs)) {
      return mp_obj_new_bool(mp_obj_exception_match_rt(lhs, rhs));
    }
    if (mp_obj_is_obj(rhs) && load<usize>(rhs) == mp_type_tuple) {
      const n = load<usize>(rhs + 4);
      for (let i: usize = 0; i < n; i++) {
        const t = load<usize>(rhs + 8 + (i << 2));
        if (!mp_obj_is_exception_type_rt(t)) return unsupported_op(op, lhs, t);
        if (mp_obj_exception_match_rt(lhs, t)) return mp_const_true;
      }
      return mp_const_false;
    }
    return unsupported_op(op, lhs, rhs);
  }

  if (mp_obj_is_small_int(lhs) && mp_obj_is_small_int(rhs)) {
    const r = small_int_binary_op(op, MP_OBJ_SMALL_INT_VALUE(lhs), MP_OBJ_SMALL_INT_VALUE(rhs));
    if (r != MP_OBJ_SENTINEL) return r;
    // overflow of << or **: redo with a long int lhs
    const big = mp_obj_new_int_from_ll(<i64>MP_OBJ_SMALL_INT_VALUE(lhs));
    if (big == MP_OBJ_NULL) return MP_OBJ_NULL;
    const mark = mp_root_mark();
    mp_root_push(big);
    const r2 = binary_op_generic(op, big, rhs);
    mp_root_release(mark);
    return r2;
  }

  if (op == R.MP_BINARY_OP_IN) {
    op = R.MP_BINARY_OP_CONTAINS;
    const t = lhs;
    lhs = rhs;
    rhs = t;
  }
  return binary_op_generic(op, lhs, rhs);
}

/**
 * Small int `a op b`. Returns the result, MP_OBJ_NULL with an exception
 * pending, MP_OBJ_SENTINEL when the operation must be redone with a long int
 * lhs, or falls back to the generic path for ops small ints lack.
 */
export function small_int_binary_op(op: u32, a: i32, b: i32): mp_obj_t {
  switch (op) {
    case R.MP_BINARY_OP_OR:
    case R.MP_BINARY_OP_INPLACE_OR:
      return MP_OBJ_NEW_SMALL_INT(a | b);
    case R.MP_BINARY_OP_XOR:
    case R.MP_BINARY_OP_INPLACE_XOR:
      return MP_OBJ_NEW_SMALL_INT(a ^ b);
    case R.MP_BINARY_OP_AND:
    case R.MP_BINARY_OP_INPLACE_AND:
      return MP_OBJ_NEW_SMALL_INT(a & b);
    case R.MP_BINARY_OP_LSHIFT:
    case R.MP_BINARY_OP_INPLACE_LSHIFT:
      if (b < 0) return mp_raise_ValueError("negative shift count");
      if (b > 32) return MP_OBJ_SENTINEL;
      return new_int_i64(<i64>a << b);
    case R.MP_BINARY_OP_RSHIFT:
    case R.MP_BINARY_OP_INPLACE_RSHIFT:
      if (b < 0) return mp_raise_ValueError("negative shift count");
      return MP_OBJ_NEW_SMALL_INT(a >> (b > 31 ? 31 : b));
    case R.MP_BINARY_OP_ADD:
    case R.MP_BINARY_OP_INPLACE_ADD:
      return new_int_i64(<i64>a + <i64>b);
    case R.MP_BINARY_OP_SUBTRACT:
    case R.MP_BINARY_OP_INPLACE_SUBTRACT:
      return new_int_i64(<i64>a - <i64>b);
    case R.MP_BINARY_OP_MULTIPLY:
    case R.MP_BINARY_OP_INPLACE_MULTIPLY:
      return new_int_i64(<i64>a * <i64>b);
    case R.MP_BINARY_OP_FLOOR_DIVIDE:
    case R.MP_BINARY_OP_INPLACE_FLOOR_DIVIDE:
      if (b == 0) return zero_division();
      // MIN // -1 overflows a small int but not an i32
      return new_int_i64(<i64>mp_small_int_floor_divide(a, b));
    case R.MP_BINARY_OP_TRUE_DIVIDE:
    case R.MP_BINARY_OP_INPLACE_TRUE_DIVIDE:
      if (b == 0) return zero_division();
      return mp_obj_new_float(<f64>a / <f64>b);
    case R.MP_BINARY_OP_MODULO:
    case R.MP_BINARY_OP_INPLACE_MODULO:
      if (b == 0) return zero_division();
      return MP_OBJ_NEW_SMALL_INT(mp_small_int_modulo(a, b));
    case R.MP_BINARY_OP_POWER:
    case R.MP_BINARY_OP_INPLACE_POWER: {
      if (b < 0) return mp_obj_float_binary_op(op, <f64>a, MP_OBJ_NEW_SMALL_INT(b));
      let ans: i64 = 1;
      let x: i64 = <i64>a;
      let e = b;
      while (e > 0) {
        if ((e & 1) != 0) {
          ans *= x;
          if (ans > 0x3fffffff || ans < -0x40000000) return MP_OBJ_SENTINEL;
        }
        if (e == 1) break;
        e >>= 1;
        x *= x;
        if (x > 0x3fffffff || x < -0x40000000) return MP_OBJ_SENTINEL;
      }
      return MP_OBJ_NEW_SMALL_INT(<i32>ans);
    }
    case R.MP_BINARY_OP_DIVMOD: {
      if (b == 0) return zero_division();
      const t = mp_obj_new_tuple(2, 0);
      if (t == MP_OBJ_NULL) return MP_OBJ_NULL;
      const q = <i64>mp_small_int_floor_divide(a, b);
      // only MIN // -1 leaves the small-int range; a long int is then needed
      if (!MP_SMALL_INT_FITS(q)) {
        const mark = mp_root_mark();
        mp_root_push(t);
        const big = mp_obj_new_int_from_ll(q);
        mp_root_release(mark);
        if (big == MP_OBJ_NULL) return MP_OBJ_NULL;
        store<usize>(t + 8, big);
      } else {
        store<usize>(t + 8, MP_OBJ_NEW_SMALL_INT(<i32>q));
      }
      store<usize>(t + 12, MP_OBJ_NEW_SMALL_INT(mp_small_int_modulo(a, b)));
      return t;
    }
    case R.MP_BINARY_OP_LESS:
      return mp_obj_new_bool(a < b);
    case R.MP_BINARY_OP_MORE:
      return mp_obj_new_bool(a > b);
    case R.MP_BINARY_OP_LESS_EQUAL:
      return mp_obj_new_bool(a <= b);
    case R.MP_BINARY_OP_MORE_EQUAL:
      return mp_obj_new_bool(a >= b);
    default:
      break;
  }
  // `in`, matrix multiply...: the generic path gives the error
  return binary_op_generic(
    op == R.MP_BINARY_OP_IN ? R.MP_BINARY_OP_CONTAINS : op,
    op == R.MP_BINARY_OP_IN ? MP_OBJ_NEW_SMALL_INT(b) : MP_OBJ_NEW_SMALL_INT(a),
    op == R.MP_BINARY_OP_IN ? MP_OBJ_NEW_SMALL_INT(a) : MP_OBJ_NEW_SMALL_INT(b),
  );
}

function zero_division(): mp_obj_t {
  return mp_raise_msg(mp_type_ZeroDivisionError, "divide by zero");
}

function unsupported_op(op: u32, lhs: mp_obj_t, rhs: mp_obj_t): mp_obj_t {
  return mp_raise_msg_varg(
    mp_type_TypeError,
    "unsupported types for %q: '%s', '%s'",
    mp_binary_op_method_name(op),
    mp_obj_get_type_qstr(lhs),
    mp_obj_get_type_qstr(rhs),
  );
}

/** The slot part of mp_binary_op (from its generic_binary_op label on). */
function binary_op_generic(op: u32, lhs: mp_obj_t, rhs: mp_obj_t): mp_obj_t {
  while (true) {
    const type = mp_obj_get_type(lhs);
    const f = mp_type_slot(type, SLOT_binary_op);
    if (f != 0) {
      const r = call_binary_op(f, op, lhs, rhs);
      if (r != MP_OBJ_NOT_SUPPORTED) return r;
    }
    if (op >= R.MP_BINARY_OP_INPLACE_OR && op <= R.MP_BINARY_OP_INPLACE_POWER) {
      // augmented assignment falls back to the normal operator
      op += R.MP_BINARY_OP_OR - R.MP_BINARY_OP_INPLACE_OR;
      continue;
    }
    if (op >= R.MP_BINARY_OP_OR && op <= R.MP_BINARY_OP_POWER) {
      // try the reflected operator on the other operand
      const t = rhs;
      rhs = lhs;
      lhs = t;
      op += R.MP_BINARY_OP_REVERSE_OR - R.MP_BINARY_OP_OR;
      continue;
    }
    if (op >= R.MP_BINARY_OP_REVERSE_OR && op <= R.MP_BINARY_OP_REVERSE_POWER) {
      // name the forward operator in the error
      const t = rhs;
      rhs = lhs;
      lhs = t;
      op -= R.MP_BINARY_OP_REVERSE_OR - R.MP_BINARY_OP_OR;
      return unsupported_op(op, lhs, rhs);
    }
    if (op == R.MP_BINARY_OP_CONTAINS) {
      // no __contains__: walk the iterator (mp_getiter raises if not iterable)
      return contains_by_iteration(lhs, rhs);
    }
    return unsupported_op(op, lhs, rhs);
  }
}

function contains_by_iteration(seq: mp_obj_t, value: mp_obj_t): mp_obj_t {
  const mark = mp_root_mark();
  mp_root_push(seq);
  mp_root_push(value);
  const buf = mp_root_alloc(4);
  const iter = mp_getiter(seq, buf);
  if (iter == MP_OBJ_NULL) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  mp_root_push(iter);
  while (true) {
    const next = mp_iternext(iter);
    if (next == MP_OBJ_STOP_ITERATION) break;
    if (next == MP_OBJ_NULL) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    const eq = mp_obj_equal_checked(next, value);
    if (eq != 0) {
      mp_root_release(mark);
      return eq < 0 ? MP_OBJ_NULL : mp_const_true;
    }
  }
  mp_root_release(mark);
  return mp_const_false;
}

/** o[index] (value MP_OBJ_SENTINEL), del o[index] (MP_OBJ_NULL) or o[index] = value (mp_obj_subscr). */
export function mp_obj_subscr(base: mp_obj_t, index: mp_obj_t, value: mp_obj_t): mp_obj_t {
  const type = mp_obj_get_type(base);
  const f = mp_type_slot(type, SLOT_subscr);
  if (f != 0) {
    const r = call_subscr(f, base, index, value);
    if (r != MP_OBJ_NOT_SUPPORTED) return r;
  }
  if (value == MP_OBJ_NULL) {
    return mp_raise_msg_varg(mp_type_TypeError, "'%s' object doesn't support item deletion", mp_type_name(type));
  } else if (value == MP_OBJ_SENTINEL) {
    return mp_raise_msg_varg(mp_type_TypeError, "'%s' object isn't subscriptable", mp_type_name(type));
  }
  return mp_raise_msg_varg(mp_type_TypeError, "'%s' object doesn't support item assignment", mp_type_name(type));
}

// ---------------------------------------------------------------------------
// names

/** Looks up `qst` in the locals (if not at module level), globals, then builtins (mp_load_name). */
export function mp_load_name(qst: qstr): mp_obj_t {
  const locals = mp_locals_get();
  if (locals != mp_globals_get()) {
    const e = mp_map_lookup(mp_obj_dict_get_map(locals), MP_OBJ_NEW_QSTR(qst), MP_MAP_LOOKUP);
    if (e == MP_MAP_ERROR) return MP_OBJ_NULL;
    if (e != 0) return load<usize>(e + 4);
  }
  return mp_load_global(qst);
}

/** Looks up `qst` in the globals then builtins; NameError "name '%q' isn't defined" (mp_load_global). */
export function mp_load_global(qst: qstr): mp_obj_t {
  const key = MP_OBJ_NEW_QSTR(qst);
  const e = mp_map_lookup(mp_obj_dict_get_map(mp_globals_get()), key, MP_MAP_LOOKUP);
  if (e != 0) {
    if (e == MP_MAP_ERROR) return MP_OBJ_NULL;
    return load<usize>(e + 4);
  }
  return mp_load_builtin(qst);
}

/** Looks up `qst` among the builtins (override dict first); NameError if absent. */
export function mp_load_builtin(qst: qstr): mp_obj_t {
  const key = MP_OBJ_NEW_QSTR(qst);
  const ov = mp_state_get(MPS_builtins_override);
  if (ov != 0) {
    const e = mp_map_lookup(mp_obj_dict_get_map(ov), key, MP_MAP_LOOKUP);
    if (e != 0 && e != MP_MAP_ERROR) return load<usize>(e + 4);
  }
  const bd = mp_builtins_dict();
  if (bd != 0) {
    const e = mp_map_lookup(mp_obj_dict_get_map(bd), key, MP_MAP_LOOKUP);
    if (e != 0 && e != MP_MAP_ERROR) return load<usize>(e + 4);
  }
  return mp_raise_msg_varg(mp_type_NameError, "name '%q' isn't defined", qst);
}

/** `__build_class__` (mp_load_build_class): the override dict's, else the builtin. */
export function mp_load_build_class(): mp_obj_t {
  const ov = mp_state_get(MPS_builtins_override);
  if (ov != 0) {
    const e = mp_map_lookup(mp_obj_dict_get_map(ov), MP_OBJ_NEW_QSTR(Q.MP_QSTR___build_class__), MP_MAP_LOOKUP);
    if (e != 0 && e != MP_MAP_ERROR) return load<usize>(e + 4);
  }
  return mp_load_builtin(Q.MP_QSTR___build_class__);
}

/** dict[key] = value on a dict object; MP_OBJ_NULL on error, else the dict. */
export function mp_dict_store_rt(dict: mp_obj_t, key: mp_obj_t, value: mp_obj_t): mp_obj_t {
  const mark = mp_root_mark();
  mp_root_push(value);
  const e = mp_map_lookup(mp_obj_dict_get_map(dict), key, MP_MAP_LOOKUP_ADD_IF_NOT_FOUND);
  mp_root_release(mark);
  if (e == MP_MAP_ERROR) return MP_OBJ_NULL;
  store<usize>(e + 4, value);
  return dict;
}

/** Deletes `qst` from dict `d`; KeyError if absent (mp_obj_dict_delete). */
function dict_delete_qstr(d: mp_obj_t, qst: qstr): mp_obj_t {
  const key = MP_OBJ_NEW_QSTR(qst);
  const e = mp_map_lookup(mp_obj_dict_get_map(d), key, MP_MAP_LOOKUP_REMOVE_IF_FOUND);
  if (e == MP_MAP_ERROR) return MP_OBJ_NULL;
  if (e == 0) return mp_raise_arg1(mp_type_KeyError, key);
  store<usize>(e + 4, MP_OBJ_NULL); // drop the value so the GC can free it
  return mp_const_none;
}
import { mp_type_KeyError } from "./objexcept";

/** name = obj in the locals (mp_store_name). Returns false on error. */
export function mp_store_name(qst: qstr, obj: mp_obj_t): bool {
  return mp_dict_store_rt(mp_locals_get(), MP_OBJ_NEW_QSTR(qst), obj) != MP_OBJ_NULL;
}

/** del name in the locals (mp_delete_name). Returns false on error. */
export function mp_delete_name(qst: qstr): bool {
  return dict_delete_qstr(mp_locals_get(), qst) != MP_OBJ_NULL;
}

/** name = obj in the globals (mp_store_global). Returns false on error. */
export function mp_store_global(qst: qstr, obj: mp_obj_t): bool {
  return mp_dict_store_rt(mp_globals_get(), MP_OBJ_NEW_QSTR(qst), obj) != MP_OBJ_NULL;
}

/** del name in the globals (mp_delete_global). Returns false on error. */
export function mp_delete_global(qst: qstr): bool {
  return dict_delete_qstr(mp_globals_get(), qst) != MP_OBJ_NULL;
}

// ---------------------------------------------------------------------------
// calls

/** fun() (mp_call_function_0). */
export function mp_call_function_0(fun: mp_obj_t): mp_obj_t {
  return mp_call_function_n_kw(fun, 0, 0, 0);
}

/** fun(arg) (mp_call_function_1); `arg` is rooted here. */
export function mp_call_function_1(fun: mp_obj_t, arg: mp_obj_t): mp_obj_t {
  const mark = mp_root_mark();
  mp_root_push(arg);
  const r = mp_call_function_n_kw(fun, 1, 0, mark);
  mp_root_release(mark);
  return r;
}

/** fun(arg1, arg2) (mp_call_function_2); the args are rooted here. */
export function mp_call_function_2(fun: mp_obj_t, arg1: mp_obj_t, arg2: mp_obj_t): mp_obj_t {
  const mark = mp_root_mark();
  mp_root_push(arg1);
  mp_root_push(arg2);
  const r = mp_call_function_n_kw(fun, 2, 0, mark);
  mp_root_release(mark);
  return r;
}

/**
 * Calls `fun` with `n_args` positional args then `n_kw` key/value pairs at
 * `args` (rooted words), through its type's call slot (mp_call_function_n_kw).
 * TypeError "'%s' object isn't callable".
 */
export function mp_call_function_n_kw(fun: mp_obj_t, n_args: usize, n_kw: usize, args: usize): mp_obj_t {
  const type = mp_obj_get_type(fun);
  const f = mp_type_slot(type, SLOT_call);
  if (f != 0) return call_call(f, fun, n_args, n_kw, args);
  return mp_raise_msg_varg(mp_type_TypeError, "'%s' object isn't callable", mp_type_name(type));
}

/**
 * args = fun, self or MP_OBJ_NULL, then n_args positional and n_kw pairs:
 * calls fun with self prepended when given (mp_call_method_n_kw).
 */
export function mp_call_method_n_kw(n_args: usize, n_kw: usize, args: usize): mp_obj_t {
  const adjust: usize = load<usize>(args + 4) == MP_OBJ_NULL ? 0 : 1;
  return mp_call_function_n_kw(load<usize>(args), n_args + adjust, n_kw, args + 8 - (adjust << 2));
}

// Results of mp_call_prepare_args_n_kw_var (plain integers and pointers; the
// args array lives on the pystack and keeps what it holds alive).
export let call_args_fun: mp_obj_t = 0;
export let call_args_args: usize = 0;
export let call_args_n_args: usize = 0;
export let call_args_n_kw: usize = 0;

/** Interns a str key as a qstr for a keyword argument; TypeError for non-str keys. */
function kw_key_intern(key: mp_obj_t): mp_obj_t {
  if (mp_obj_is_qstr(key)) return key;
  if (mp_obj_is_obj(key) && load<usize>(key) == mp_type_str) {
    const q = qstr_from_strn(mp_obj_str_get_data_ptr(key), mp_obj_str_get_len(key));
    if (q == 0) return mp_raise_memory_error(0);
    return MP_OBJ_NEW_QSTR(q);
  }
  return mp_raise_TypeError("keywords must be strings");
}

/**
 * Builds the flat argument array of a call with *args/**kwargs, as
 * mp_call_prepare_args_n_kw_var. `args` = fun, [self or NULL if have_self],
 * n_args positional, n_kw pairs (key NULL: value is a **mapping), then a small
 * int bitmap of which positional args are *iterables. The new array is
 * allocated on the pystack (free it with mp_pystack_free(call_args_args));
 * results in call_args_*. Returns false with an exception pending.
 */
export function mp_call_prepare_args_n_kw_var(have_self: bool, n_args_n_kw: usize, args: usize): bool {
  const fun = load<usize>(args);
  args += 4;
  let self: mp_obj_t = MP_OBJ_NULL;
  if (have_self) {
    self = load<usize>(args);
    args += 4;
  }
  const n_args = n_args_n_kw & 0xff;
  const n_kw = (n_args_n_kw >> 8) & 0xff;
  const star_args = <u32>MP_OBJ_SMALL_INT_VALUE(load<usize>(args + ((n_args + 2 * n_kw) << 2)));

  // size hints for the new array
  let list_len: isize = 0;
  if (star_args != 0) {
    for (let i: usize = 0; i < n_args; i++) {
      if (((star_args >> <u32>i) & 1) != 0) {
        const a = load<usize>(args + (i << 2));
        if (mp_obj_is_obj(a) && (load<usize>(a) == mp_type_tuple || load<usize>(a) == mp_type_list)) {
          list_len += <isize>seq_len_of(a) - 1;
        } else {
          const l = mp_obj_len_maybe(a);
          if (l == MP_OBJ_NULL) return false;
          if (mp_obj_is_small_int(l)) list_len += <isize>MP_OBJ_SMALL_INT_VALUE(l) - 1;
        }
      }
    }
  }
  let kw_dict_len: isize = 0;
  for (let i: usize = 0; i < n_kw; i++) {
    const key = load<usize>(args + ((n_args + 2 * i) << 2));
    const value = load<usize>(args + ((n_args + 2 * i + 1) << 2));
    if (key == MP_OBJ_NULL && mp_obj_is_obj(value) && load<usize>(value) == mp_type_dict) {
      kw_dict_len += <isize>mp_map_used(mp_obj_dict_get_map(value)) - 1;
    }
  }
  if (list_len < 0) list_len = 0;
  if (kw_dict_len < -(<isize>n_kw)) kw_dict_len = -(<isize>n_kw);

  // the array grows in place at the top of the pystack
  let alloc: usize = (1 + n_args + <usize>list_len + 2 * (n_kw + <usize>kw_dict_len) + 1) & ~(<usize>1);
  const args2 = mp_pystack_alloc(alloc << 2);
  if (args2 == 0) {
    mp_raise_recursion_depth();
    return false;
  }
  let len: usize = 0;
  if (self != MP_OBJ_NULL) store<usize>(args2 + (len++ << 2), self);

  for (let i: usize = 0; i < n_args; i++) {
    const arg = load<usize>(args + (i << 2));
    if (((star_args >> <u32>i) & 1) == 0) {
      if (len >= alloc && !grow(args2, alloc, len + 1)) return fail_args(args2);
      if (len >= alloc) alloc = grown_alloc;
      store<usize>(args2 + (len++ << 2), arg);
      continue;
    }
    if (mp_obj_is_obj(arg) && (load<usize>(arg) == mp_type_tuple || load<usize>(arg) == mp_type_list)) {
      const n = seq_len_of(arg);
      if (len + n > alloc) {
        if (!grow(args2, alloc, len + n)) return fail_args(args2);
        alloc = grown_alloc;
      }
      memory.copy(args2 + (len << 2), seq_items_of(arg), n << 2);
      len += n;
      continue;
    }
    // a generic iterable: its items go straight into the array
    const mark = mp_root_mark();
    const buf = mp_root_alloc(4);
    const iter = mp_getiter(arg, buf);
    if (iter == MP_OBJ_NULL) {
      mp_root_release(mark);
      return fail_args(args2);
    }
    mp_root_push(iter);
    while (true) {
      const item = mp_iternext(iter);
      if (item == MP_OBJ_STOP_ITERATION) break;
      if (item == MP_OBJ_NULL) {
        mp_root_release(mark);
        return fail_args(args2);
      }
      if (len >= alloc) {
        mp_root_push(item);
        const ok = grow(args2, alloc, alloc * 2);
        if (!ok) {
          mp_root_release(mark);
          return fail_args(args2);
        }
        alloc = grown_alloc;
      }
      store<usize>(args2 + (len++ << 2), item);
    }
    mp_root_release(mark);
  }
  const pos_len = len;

  for (let i: usize = 0; i < n_kw; i++) {
    const kw_key = load<usize>(args + ((n_args + 2 * i) << 2));
    const kw_value = load<usize>(args + ((n_args + 2 * i + 1) << 2));
    if (kw_key != MP_OBJ_NULL) {
      if (len + 2 > alloc) {
        if (!grow(args2, alloc, len + 2)) return fail_args(args2);
        alloc = grown_alloc;
      }
      store<usize>(args2 + (len << 2), kw_key);
      store<usize>(args2 + ((len + 1) << 2), kw_value);
      len += 2;
      continue;
    }
    if (mp_obj_is_obj(kw_value) && load<usize>(kw_value) == mp_type_dict) {
      const map = mp_obj_dict_get_map(kw_value);
      const n = mp_map_used(map);
      if (len + 2 * n > alloc) {
        if (!grow(args2, alloc, len + 2 * n)) return fail_args(args2);
        alloc = grown_alloc;
      }
      const filled = mp_map_filled(map);
      for (let j: usize = 0; j < filled; j++) {
        const e = mp_map_entries(map) + (j << 3);
        const k = load<usize>(e);
        if (k == MP_OBJ_NULL || k == MP_OBJ_SENTINEL) continue;
        const key = kw_key_intern(k);
        if (key == MP_OBJ_NULL) return fail_args(args2);
        store<usize>(args2 + (len << 2), key);
        store<usize>(args2 + ((len + 1) << 2), load<usize>(e + 4));
        len += 2;
      }
      continue;
    }
    // a generic mapping: keys() then __getitem__ for each key
    const mark = mp_root_mark();
    const dest = mp_root_alloc(3);
    if (!mp_load_method(kw_value, Q.MP_QSTR_keys, dest)) {
      mp_root_release(mark);
      return fail_args(args2);
    }
    const keys = mp_call_method_n_kw(0, 0, dest);
    if (keys == MP_OBJ_NULL) {
      mp_root_release(mark);
      return fail_args(args2);
    }
    mp_root_push(keys);
    const iter = mp_getiter(keys, 0);
    if (iter == MP_OBJ_NULL) {
      mp_root_release(mark);
      return fail_args(args2);
    }
    mp_root_push(iter);
    while (true) {
      let key = mp_iternext(iter);
      if (key == MP_OBJ_STOP_ITERATION) break;
      if (key == MP_OBJ_NULL) {
        mp_root_release(mark);
        return fail_args(args2);
      }
      key = kw_key_intern(key);
      if (key == MP_OBJ_NULL) {
        mp_root_release(mark);
        return fail_args(args2);
      }
      if (len + 2 > alloc) {
        mp_root_push(key);
        const ok = grow(args2, alloc, alloc * 2 + 2);
        if (!ok) {
          mp_root_release(mark);
          return fail_args(args2);
        }
        alloc = grown_alloc;
      }
      // keep the key in the array while __getitem__ runs
      store<usize>(args2 + (len << 2), key);
      store<usize>(args2 + ((len + 1) << 2), MP_OBJ_NULL);
      len += 2;
      if (!mp_load_method(kw_value, Q.MP_QSTR___getitem__, dest)) {
        mp_root_release(mark);
        return fail_args(args2);
      }
      store<usize>(dest + 8, key);
      const value = mp_call_method_n_kw(1, 0, dest);
      if (value == MP_OBJ_NULL) {
        mp_root_release(mark);
        return fail_args(args2);
      }
      store<usize>(args2 + ((len - 1) << 2), value);
    }
    mp_root_release(mark);
  }

  call_args_fun = fun;
  call_args_args = args2;
  call_args_n_args = pos_len;
  call_args_n_kw = (len - pos_len) >> 1;
  return true;
}

let grown_alloc: usize = 0;

/** Extends the pystack array at `p` (currently `alloc` words, at the top) to at least `want` words. */
function grow(p: usize, alloc: usize, want: usize): bool {
  let n = alloc * 2;
  if (n < want) n = want;
  n = (n + 1) & ~(<usize>1);
  if (p + (alloc << 2) != pystack_cur) {
    // something else sits above the array: not expected (LIFO use)
    mp_raise_recursion_depth();
    return false;
  }
  const extra = mp_pystack_alloc((n - alloc) << 2);
  if (extra == 0) {
    mp_raise_recursion_depth();
    return false;
  }
  grown_alloc = n;
  return true;
}

function fail_args(args2: usize): bool {
  mp_pystack_free(args2);
  return false;
}

@inline function seq_len_of(o: mp_obj_t): usize {
  // tuple: +4 len; list: +8 len
  return load<usize>(o) == mp_type_tuple ? load<usize>(o + 4) : load<usize>(o + 8);
}

@inline function seq_items_of(o: mp_obj_t): usize {
  return load<usize>(o) == mp_type_tuple ? o + 8 : load<usize>(o + 12);
}

/**
 * A call with *args/**kwargs (mp_call_method_n_kw_var): `args` as for
 * mp_call_prepare_args_n_kw_var.
 */
export function mp_call_method_n_kw_var(have_self: bool, n_args_n_kw: usize, args: usize): mp_obj_t {
  if (!mp_call_prepare_args_n_kw_var(have_self, n_args_n_kw, args)) return MP_OBJ_NULL;
  const a = call_args_args;
  const res = mp_call_function_n_kw(call_args_fun, call_args_n_args, call_args_n_kw, a);
  mp_pystack_free(a);
  return res;
}

// ---------------------------------------------------------------------------
// sequence unpacking

/**
 * Unpacks `seq_in` into exactly `num` items written in reverse order at
 * `items` (rooted words, e.g. the VM stack), as mp_unpack_sequence. Returns
 * false with ValueError "need more than %d values to unpack" / "too many
 * values to unpack (expected %d)" or the iteration's error.
 */
export function mp_unpack_sequence(seq_in: mp_obj_t, num: usize, items: usize): bool {
  if (mp_obj_is_obj(seq_in) && (load<usize>(seq_in) == mp_type_tuple || load<usize>(seq_in) == mp_type_list)) {
    const len = seq_len_of(seq_in);
    if (len < num) {
      mp_raise_msg_varg(mp_type_ValueError, "need more than %d values to unpack", len);
      return false;
    }
    if (len > num) {
      mp_raise_msg_varg(mp_type_ValueError, "too many values to unpack (expected %d)", num);
      return false;
    }
    const src = seq_items_of(seq_in);
    for (let i: usize = 0; i < num; i++) store<usize>(items + (i << 2), load<usize>(src + ((num - 1 - i) << 2)));
    return true;
  }
  const mark = mp_root_mark();
  mp_root_push(seq_in);
  const buf = mp_root_alloc(4);
  const iter = mp_getiter(seq_in, buf);
  if (iter == MP_OBJ_NULL) {
    mp_root_release(mark);
    return false;
  }
  mp_root_push(iter);
  for (let n: usize = 0; n < num; n++) {
    const el = mp_iternext(iter);
    if (el == MP_OBJ_NULL) {
      mp_root_release(mark);
      return false;
    }
    if (el == MP_OBJ_STOP_ITERATION) {
      mp_root_release(mark);
      mp_raise_msg_varg(mp_type_ValueError, "need more than %d values to unpack", n);
      return false;
    }
    store<usize>(items + ((num - 1 - n) << 2), el);
  }
  const extra = mp_iternext(iter);
  mp_root_release(mark);
  if (extra == MP_OBJ_NULL) return false;
  if (extra != MP_OBJ_STOP_ITERATION) {
    mp_raise_msg_varg(mp_type_ValueError, "too many values to unpack (expected %d)", num);
    return false;
  }
  return true;
}

/**
 * Unpacks with a starred target (mp_unpack_ex): num_in = n_left | n_right << 8;
 * writes n_right items, the list of the rest, then n_left items, all in
 * reverse order at `items`. Returns false with an exception pending.
 */
export function mp_unpack_ex(seq_in: mp_obj_t, num_in: usize, items: usize): bool {
  const num_left = num_in & 0xff;
  const num_right = (num_in >> 8) & 0xff;
  const mark = mp_root_mark();
  mp_root_push(seq_in);
  if (mp_obj_is_obj(seq_in) && (load<usize>(seq_in) == mp_type_tuple || load<usize>(seq_in) == mp_type_list)) {
    const len = seq_len_of(seq_in);
    if (len < num_left + num_right) {
      mp_root_release(mark);
      mp_raise_msg_varg(mp_type_ValueError, "need more than %d values to unpack", len);
      return false;
    }
    // the list first: it allocates (and the source items may move for a list)
    const rest = mp_obj_new_list(len - num_left - num_right, 0);
    if (rest == MP_OBJ_NULL) {
      mp_root_release(mark);
      return false;
    }
    const src = seq_items_of(seq_in);
    memory.copy(load<usize>(rest + 12), src + (num_left << 2), (len - num_left - num_right) << 2);
    for (let i: usize = 0; i < num_right; i++) store<usize>(items + (i << 2), load<usize>(src + ((len - 1 - i) << 2)));
    store<usize>(items + (num_right << 2), rest);
    for (let i: usize = 0; i < num_left; i++) {
      store<usize>(items + ((num_right + 1 + i) << 2), load<usize>(src + ((num_left - 1 - i) << 2)));
    }
    mp_root_release(mark);
    return true;
  }
  const iter = mp_getiter(seq_in, 0);
  if (iter == MP_OBJ_NULL) {
    mp_root_release(mark);
    return false;
  }
  mp_root_push(iter);
  let n: usize = 0;
  for (; n < num_left; n++) {
    const item = mp_iternext(iter);
    if (item == MP_OBJ_NULL) {
      mp_root_release(mark);
      return false;
    }
    if (item == MP_OBJ_STOP_ITERATION) {
      mp_root_release(mark);
      mp_raise_msg_varg(mp_type_ValueError, "need more than %d values to unpack", n);
      return false;
    }
    store<usize>(items + ((num_left + num_right - n) << 2), item);
  }
  const rest = mp_obj_new_list(0, 0);
  if (rest == MP_OBJ_NULL) {
    mp_root_release(mark);
    return false;
  }
  mp_root_push(rest);
  while (true) {
    const item = mp_iternext(iter);
    if (item == MP_OBJ_STOP_ITERATION) break;
    if (item == MP_OBJ_NULL || mp_obj_list_append(rest, item) == MP_OBJ_NULL) {
      mp_root_release(mark);
      return false;
    }
  }
  const rlen = load<usize>(rest + 8);
  if (rlen < num_right) {
    mp_root_release(mark);
    mp_raise_msg_varg(mp_type_ValueError, "need more than %d values to unpack", num_left + rlen);
    return false;
  }
  store<usize>(items + (num_right << 2), rest);
  const ritems = load<usize>(rest + 12);
  for (let i: usize = 0; i < num_right; i++) {
    store<usize>(items + ((num_right - 1 - i) << 2), load<usize>(ritems + ((rlen - num_right + i) << 2)));
  }
  // shrink the list (mp_obj_list_set_len): the dropped slots go back to NULL
  for (let i = rlen - num_right; i < rlen; i++) store<usize>(ritems + (i << 2), MP_OBJ_NULL);
  store<usize>(rest + 8, rlen - num_right);
  mp_root_release(mark);
  return true;
}

// ---------------------------------------------------------------------------
// attributes

/** Checks the type of self for unbound built-in methods (mp_obj_checked_fun_t: +4 type, +8 fun). */
export const mp_type_checked_fun: usize = memory.data(<i32>MP_TYPE_SIZE, 16);

function checked_fun_call(self: mp_obj_t, n_args: usize, n_kw: usize, args: usize): mp_obj_t {
  if (n_args > 0) {
    const t = load<usize>(self + 4);
    const arg0_type = mp_obj_get_type(load<usize>(args));
    if (arg0_type != t) {
      return mp_raise_msg_varg(mp_type_TypeError, "argument has wrong type");
    }
  }
  return mp_call_function_n_kw(load<usize>(self + 8), n_args, n_kw, args);
}

function new_checked_fun(type: usize, fun: mp_obj_t): mp_obj_t {
  const o = gc_alloc(12, 0);
  if (o == 0) return mp_raise_memory_error(12);
  store<usize>(o, mp_type_checked_fun);
  store<usize>(o + 4, type);
  store<usize>(o + 8, fun);
  return o;
}

// staticmethod/classmethod types (objtype.ts registers them; layout +4 fun)
let staticmethod_type: usize = 0;
let classmethod_type: usize = 0;

/** Registers the staticmethod and classmethod types for mp_convert_member_lookup (objtype.ts calls this at start-up). */
export function mp_runtime_set_static_class_method_types(sm: usize, cm: usize): void {
  staticmethod_type = sm;
  classmethod_type = cm;
}

/**
 * Converts `member`, found in the dict of `type` while looking up an
 * attribute of `self` (MP_OBJ_NULL when looked up on the type), into dest[0]
 * (and dest[1] = self for a method call), as mp_convert_member_lookup:
 * functions bind self, built-in functions on user types act as staticmethods,
 * unbound built-in methods get a self type check, staticmethod unwraps,
 * classmethod binds the type. Returns false on MemoryError.
 */
export function mp_convert_member_lookup(self: mp_obj_t, type: usize, member: mp_obj_t, dest: usize): bool {
  if (mp_obj_is_obj(member)) {
    const m_type = load<usize>(member);
    const m_flags = mp_type_flags(m_type);
    if ((m_flags & MP_TYPE_FLAG_BINDS_SELF) != 0) {
      if ((m_flags & MP_TYPE_FLAG_BUILTIN_FUN) != 0) {
        if ((mp_type_flags(type) & MP_TYPE_FLAG_INSTANCE_TYPE) != 0) {
          store<usize>(dest, member);
        } else if (self == MP_OBJ_NULL && type != mp_type_object_ref()) {
          const c = new_checked_fun(type, member);
          if (c == MP_OBJ_NULL) return false;
          store<usize>(dest, c);
        } else {
          store<usize>(dest, member);
          store<usize>(dest + 4, self);
        }
      } else {
        store<usize>(dest, member);
        store<usize>(dest + 4, self);
      }
    } else if (m_type == staticmethod_type && m_type != 0) {
      store<usize>(dest, load<usize>(member + 4));
    } else if (m_type == classmethod_type && m_type != 0) {
      if (self != MP_OBJ_NULL) {
        type = mp_obj_get_type(self);
        if (type == mp_type_type) type = self;
      }
      store<usize>(dest, load<usize>(member + 4));
      store<usize>(dest + 4, type);
    } else {
      store<usize>(dest, member);
    }
  } else {
    store<usize>(dest, member);
  }
  return true;
}

let object_type: usize = 0;
/** Registers mp_type_object (objobject.ts calls this at start-up). */
export function mp_runtime_set_object_type(t: usize): void {
  object_type = t;
}
@inline function mp_type_object_ref(): usize {
  return object_type;
}

/** next(o) for the bound __next__ of native iterators (mp_builtin_next with one arg). */
function rt_next(o: mp_obj_t): mp_obj_t {
  const r = mp_iternext_allow_raise(o);
  if (r == MP_OBJ_STOP_ITERATION) return mp_raise_StopIteration(take_stop_iteration_arg());
  return r;
}
const rt_next_obj: usize = memory.data(16, 16);

@inline function type_has_iternext(type: usize): bool {
  return mp_type_slot(type, SLOT_iternext) != 0;
}

/**
 * Looks up attribute `attr` of `obj` for a load or a method call, as
 * mp_load_method_maybe: dest[0] = dest[1] = NULL if not found; dest[0] = value
 * for a plain attribute; dest[0] = function, dest[1] = self for a method.
 * Order: __class__, __next__ of native iterators, the type's attr slot (which
 * may hand over to the dict lookup with dest[1] = MP_OBJ_SENTINEL), then the
 * locals dicts of the type and its (single) parents. Returns false if an
 * exception is pending.
 */
export function mp_load_method_maybe(obj: mp_obj_t, attr: qstr, dest: usize): bool {
  store<usize>(dest, MP_OBJ_NULL);
  store<usize>(dest + 4, MP_OBJ_NULL);
  const type = mp_obj_get_type(obj);
  if (attr == Q.MP_QSTR___class__) {
    store<usize>(dest, type);
    return true;
  }
  if (attr == Q.MP_QSTR___next__ && type_has_iternext(type)) {
    store<usize>(dest, rt_next_obj);
    store<usize>(dest + 4, obj);
    return true;
  }
  const f = mp_type_slot(type, SLOT_attr);
  if (f != 0) {
    if (!call_attr(f, obj, attr, dest)) return false;
    if (load<usize>(dest + 4) != MP_OBJ_SENTINEL) return true;
    store<usize>(dest + 4, MP_OBJ_NULL);
  }
  // generic lookup in the locals dict, then the parents' (native types)
  let t = type;
  while (t != 0) {
    const ld = mp_type_locals_dict(t);
    if (ld != 0) {
      const e = mp_map_lookup(mp_obj_dict_get_map(ld), MP_OBJ_NEW_QSTR(attr), MP_MAP_LOOKUP);
      if (e == MP_MAP_ERROR) return false;
      if (e != 0) return mp_convert_member_lookup(obj, type, load<usize>(e + 4), dest);
    }
    const p = mp_type_parent(t);
    if (p == 0 || load<usize>(p) == mp_type_tuple) break;
    t = p;
  }
  return true;
}

/**
 * As mp_load_method_maybe but raises AttributeError when not found
 * (mp_load_method): "type object '%q' has no attribute '%q'",
 * "module '%q' has no attribute '%q'" or "'%s' object has no attribute '%q'".
 */
export function mp_load_method(base: mp_obj_t, attr: qstr, dest: usize): bool {
  if (!mp_load_method_maybe(base, attr, dest)) return false;
  if (load<usize>(dest) != MP_OBJ_NULL) return true;
  if (mp_obj_is_type_obj(base)) {
    mp_raise_msg_varg(mp_type_AttributeError, "type object '%q' has no attribute '%q'", mp_type_name(base), attr);
    return false;
  }
  if (mp_obj_get_type_qstr(base) == Q.MP_QSTR_module) {
    let module_name: qstr = Q.MP_QSTR_;
    const mark = mp_root_mark();
    const d2 = mp_root_alloc(2);
    if (d2 != 0) {
      if (mp_load_method_maybe(base, Q.MP_QSTR___name__, d2)) {
        if (mp_obj_is_qstr(load<usize>(d2))) module_name = MP_OBJ_QSTR_VALUE(load<usize>(d2));
      } else {
        mp_take_exception();
      }
    }
    mp_root_release(mark);
    mp_raise_msg_varg(mp_type_AttributeError, "module '%q' has no attribute '%q'", module_name, attr);
    return false;
  }
  mp_raise_msg_varg(mp_type_AttributeError, "'%s' object has no attribute '%q'", mp_obj_get_type_qstr(base), attr);
  return false;
}

/** base.attr, binding methods into a bound-method object (mp_load_attr). */
export function mp_load_attr(base: mp_obj_t, attr: qstr): mp_obj_t {
  const mark = mp_root_mark();
  const dest = mp_root_alloc(2);
  if (dest == 0) return mp_raise_recursion_depth();
  if (!mp_load_method(base, attr, dest)) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  const d0 = load<usize>(dest);
  const d1 = load<usize>(dest + 4);
  let r: mp_obj_t;
  if (d1 == MP_OBJ_NULL) r = d0;
  else r = mp_obj_new_bound_meth(d0, d1);
  mp_root_release(mark);
  return r;
}

/**
 * base.attr = value, or del base.attr when `value` is MP_OBJ_NULL, through
 * the type's attr slot (mp_store_attr). AttributeError "'%s' object has no
 * attribute '%q'". Returns false with an exception pending.
 */
export function mp_store_attr(base: mp_obj_t, attr: qstr, value: mp_obj_t): bool {
  const type = mp_obj_get_type(base);
  const f = mp_type_slot(type, SLOT_attr);
  if (f != 0) {
    const mark = mp_root_mark();
    const dest = mp_root_alloc(2);
    if (dest == 0) {
      mp_raise_recursion_depth();
      return false;
    }
    store<usize>(dest, MP_OBJ_SENTINEL);
    store<usize>(dest + 4, value);
    const ok = call_attr(f, base, attr, dest);
    const d0 = load<usize>(dest);
    mp_root_release(mark);
    if (!ok) return false;
    if (d0 == MP_OBJ_NULL) return true;
  }
  mp_raise_msg_varg(mp_type_AttributeError, "'%s' object has no attribute '%q'", mp_type_name(type), attr);
  return false;
}

// ---------------------------------------------------------------------------
// iteration

/** Takes the value recorded by the last exhausted iterator (None if none), clearing it. */
export function take_stop_iteration_arg(): mp_obj_t {
  const v = mp_state_get(MPS_stop_iteration_arg);
  mp_state_set(MPS_stop_iteration_arg, MP_OBJ_NULL);
  return v;
}

/**
 * Records `arg` (or MP_OBJ_NULL) as the value of a StopIteration and returns
 * MP_OBJ_STOP_ITERATION, an optimised "raise StopIteration(arg)"
 * (mp_make_stop_iteration).
 */
export function mp_make_stop_iteration(arg: mp_obj_t): mp_obj_t {
  mp_state_set(MPS_stop_iteration_arg, arg);
  return MP_OBJ_STOP_ITERATION;
}

/**
 * iter(o), as mp_getiter: the object itself for iterator types, the type's
 * getiter slot (building the iterator in `iter_buf`, 4 rooted words, when
 * given), else an iterator over __getitem__. TypeError "'%s' object isn't
 * iterable".
 */
export function mp_getiter(o: mp_obj_t, iter_buf: usize): mp_obj_t {
  const type = mp_obj_get_type(o);
  const flags = mp_type_flags(type);
  if ((flags & MP_TYPE_FLAG_ITER_IS_ITERNEXT) != 0) return o;
  const f = mp_type_slot(type, SLOT_getiter);
  if (f != 0) {
    const it = call_getiter(f, o, iter_buf);
    if (it != MP_OBJ_NOT_SUPPORTED) return it;
  } else if (mp_type_slot(type, SLOT_iternext) != 0) {
    return o;
  }
  // __getitem__ fallback
  const mark = mp_root_mark();
  const dest = mp_root_alloc(2);
  if (dest == 0) return mp_raise_recursion_depth();
  if (!mp_load_method_maybe(o, Q.MP_QSTR___getitem__, dest)) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  if (load<usize>(dest) != MP_OBJ_NULL) {
    const it = mp_obj_new_getitem_iter(dest, iter_buf);
    mp_root_release(mark);
    return it;
  }
  mp_root_release(mark);
  return mp_raise_msg_varg(mp_type_TypeError, "'%s' object isn't iterable", mp_type_name(type));
}

/**
 * next(o) that may return MP_OBJ_STOP_ITERATION or raise StopIteration (from
 * a __next__ method), as mp_iternext_allow_raise. TypeError "'%s' object
 * isn't an iterator".
 */
export function mp_iternext_allow_raise(o: mp_obj_t): mp_obj_t {
  const type = mp_obj_get_type(o);
  const f = mp_type_slot(type, SLOT_iternext);
  if (f != 0) {
    mp_state_set(MPS_stop_iteration_arg, MP_OBJ_NULL);
    return call_iternext(f, o);
  }
  const mark = mp_root_mark();
  const dest = mp_root_alloc(2);
  if (dest == 0) return mp_raise_recursion_depth();
  if (!mp_load_method_maybe(o, Q.MP_QSTR___next__, dest)) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  if (load<usize>(dest) != MP_OBJ_NULL) {
    const r = mp_call_method_n_kw(0, 0, dest);
    mp_root_release(mark);
    return r;
  }
  mp_root_release(mark);
  return mp_raise_msg_varg(mp_type_TypeError, "'%s' object isn't an iterator", mp_type_name(type));
}

/**
 * next(o): an item, MP_OBJ_STOP_ITERATION when exhausted (a StopIteration
 * raised by __next__ is caught and its value recorded), or MP_OBJ_NULL with
 * another exception pending (mp_iternext).
 */
export function mp_iternext(o: mp_obj_t): mp_obj_t {
  const type = mp_obj_get_type(o);
  const f = mp_type_slot(type, SLOT_iternext);
  if (f != 0) {
    mp_state_set(MPS_stop_iteration_arg, MP_OBJ_NULL);
    return call_iternext(f, o);
  }
  const r = mp_iternext_allow_raise(o);
  if (r == MP_OBJ_NULL && mp_pending_exception_is(mp_type_StopIteration)) {
    return mp_make_stop_iteration(mp_obj_exception_get_value_rt(mp_take_exception()));
  }
  return r;
}

// The iterator over __getitem__ (objgetitemiter.c):
//   +0 type   +4 method   +8 self   +12 index (small int)
export const mp_type_it: usize = memory.data(<i32>MP_TYPE_SIZE, 16);

function getitem_it_iternext(self: mp_obj_t): mp_obj_t {
  // args for mp_call_method_n_kw: method, self, index
  const value = mp_call_method_n_kw(1, 0, self + 4);
  if (value == MP_OBJ_NULL) {
    const e = mp_pending_exception();
    const t = load<usize>(e);
    if (t == mp_type_StopIteration || t == mp_type_IndexError) {
      mp_take_exception();
      return MP_OBJ_STOP_ITERATION;
    }
    return MP_OBJ_NULL;
  }
  store<usize>(self + 12, MP_OBJ_NEW_SMALL_INT(MP_OBJ_SMALL_INT_VALUE(load<usize>(self + 12)) + 1));
  return value;
}

/** An iterator calling dest[0] (a __getitem__ method of dest[1]) with 0, 1, 2... (mp_obj_new_getitem_iter). */
export function mp_obj_new_getitem_iter(dest: usize, iter_buf: usize): mp_obj_t {
  let o = iter_buf;
  if (o == 0) {
    o = gc_alloc(16, 0);
    if (o == 0) return mp_raise_memory_error(16);
  }
  store<usize>(o, mp_type_it);
  store<usize>(o + 4, load<usize>(dest));
  store<usize>(o + 8, load<usize>(dest + 4));
  store<usize>(o + 12, MP_OBJ_NEW_SMALL_INT(0));
  return o;
}

// ---------------------------------------------------------------------------
// raising and resuming

/**
 * The exception object to raise for `raise o` (mp_make_raise_obj): a class
 * is instantiated, an instance used as is, anything else gives TypeError
 * "exceptions must derive from BaseException" (returned, not raised).
 * Returns MP_OBJ_NULL if instantiating raised (that exception is pending).
 */
export function mp_make_raise_obj(o: mp_obj_t): mp_obj_t {
  if (mp_obj_is_exception_type_rt(o)) {
    o = mp_call_function_n_kw(o, 0, 0, 0);
    if (o == MP_OBJ_NULL) return MP_OBJ_NULL;
  }
  if (mp_obj_is_exception_instance_rt(o)) return o;
  mp_raise_TypeError("exceptions must derive from BaseException");
  return mp_take_exception();
}

/** The value from the last mp_resume: yielded, returned, or the exception (not raised). Use it at once. */
export let mp_resume_ret_val: mp_obj_t = 0;

function resume_exc(): u32 {
  mp_resume_ret_val = mp_take_exception();
  return 2; // MP_VM_RETURN_EXCEPTION
}

/**
 * Resumes `self_in` for `yield from`, as mp_resume: a generator directly;
 * a native iterator with next() when sending None; else its __next__, send(),
 * close() or throw() methods. Exactly one of send_value / throw_value is not
 * MP_OBJ_NULL. Returns 0 (MP_VM_RETURN_NORMAL: finished, value in
 * mp_resume_ret_val), 1 (_YIELD: value yielded) or 2 (_EXCEPTION: the
 * exception object in mp_resume_ret_val, not pending).
 */
export function mp_resume(self_in: mp_obj_t, send_value: mp_obj_t, throw_value: mp_obj_t): u32 {
  const type = mp_obj_get_type(self_in);
  if (type == mp_type_gen_instance) {
    const k = mp_obj_gen_resume(self_in, send_value, throw_value);
    mp_resume_ret_val = mp_gen_resume_ret;
    return k;
  }
  const f = mp_type_slot(type, SLOT_iternext);
  if (f != 0 && send_value == mp_const_none) {
    mp_state_set(MPS_stop_iteration_arg, MP_OBJ_NULL);
    const ret = call_iternext(f, self_in);
    if (ret == MP_OBJ_NULL) return resume_exc();
    if (ret != MP_OBJ_STOP_ITERATION) {
      mp_resume_ret_val = ret;
      return 1;
    }
    const v = take_stop_iteration_arg();
    mp_resume_ret_val = v == MP_OBJ_NULL ? mp_const_none : v;
    return 0;
  }
  const mark = mp_root_mark();
  const dest = mp_root_alloc(3);
  if (dest == 0) {
    mp_raise_recursion_depth();
    return resume_exc();
  }
  if (send_value == mp_const_none) {
    if (!mp_load_method_maybe(self_in, Q.MP_QSTR___next__, dest)) {
      mp_root_release(mark);
      return resume_exc();
    }
    if (load<usize>(dest) != MP_OBJ_NULL) {
      const r = mp_call_method_n_kw(0, 0, dest);
      mp_root_release(mark);
      if (r == MP_OBJ_NULL) return resume_exc();
      mp_resume_ret_val = r;
      return 1;
    }
  }
  if (send_value != MP_OBJ_NULL) {
    if (!mp_load_method(self_in, Q.MP_QSTR_send, dest)) {
      mp_root_release(mark);
      return resume_exc();
    }
    store<usize>(dest + 8, send_value);
    const r = mp_call_method_n_kw(1, 0, dest);
    mp_root_release(mark);
    if (r == MP_OBJ_NULL) return resume_exc();
    mp_resume_ret_val = r;
    return 1;
  }
  if (mp_type_is_subclass(mp_obj_get_type(throw_value), mp_type_GeneratorExit)) {
    if (!mp_load_method_maybe(self_in, Q.MP_QSTR_close, dest)) {
      mp_root_release(mark);
      return resume_exc();
    }
    if (load<usize>(dest) != MP_OBJ_NULL) {
      const r = mp_call_method_n_kw(0, 0, dest);
      mp_root_release(mark);
      if (r == MP_OBJ_NULL) return resume_exc();
      mp_resume_ret_val = r;
      return 0;
    }
  } else {
    if (!mp_load_method_maybe(self_in, Q.MP_QSTR_throw, dest)) {
      mp_root_release(mark);
      return resume_exc();
    }
    if (load<usize>(dest) != MP_OBJ_NULL) {
      store<usize>(dest + 8, throw_value);
      const r = mp_call_method_n_kw(1, 0, dest);
      mp_root_release(mark);
      if (r == MP_OBJ_NULL) return resume_exc();
      mp_resume_ret_val = r;
      return 1;
    }
  }
  mp_root_release(mark);
  // nowhere to throw it: it propagates (StopIteration becomes RuntimeError, PEP 479)
  if (mp_obj_exception_match_rt(throw_value, mp_type_StopIteration)) {
    mp_raise_msg(mp_type_RuntimeError, "generator raised StopIteration");
    return resume_exc();
  }
  const e = mp_make_raise_obj(throw_value);
  if (e == MP_OBJ_NULL) return resume_exc();
  mp_resume_ret_val = e;
  return 2;
}

import { mp_type_gen_instance, mp_obj_gen_resume, mp_gen_resume_ret } from "./objgenerator";

// ---------------------------------------------------------------------------
// imports

/**
 * `import name` (mp_import_name): calls __import__(name, globals, None,
 * fromlist, level), the override in builtins if any.
 */
export function mp_import_name(name: qstr, fromlist: mp_obj_t, level: mp_obj_t): mp_obj_t {
  const mark = mp_root_mark();
  const args = mp_root_alloc(5);
  if (args == 0) return mp_raise_recursion_depth();
  store<usize>(args, MP_OBJ_NEW_QSTR(name));
  store<usize>(args + 4, mp_globals_get());
  store<usize>(args + 8, mp_const_none);
  store<usize>(args + 12, fromlist);
  store<usize>(args + 16, level);
  let r: mp_obj_t;
  const ov = mp_state_get(MPS_builtins_override);
  let e: usize = 0;
  if (ov != 0) e = mp_map_lookup(mp_obj_dict_get_map(ov), MP_OBJ_NEW_QSTR(Q.MP_QSTR___import__), MP_MAP_LOOKUP);
  if (e != 0 && e != MP_MAP_ERROR) {
    r = mp_call_function_n_kw(load<usize>(e + 4), 5, 0, args);
  } else if (import_hook != 0) {
    r = call_indirect<usize>(import_hook, 5, args);
  } else {
    r = mp_raise_msg_varg(mp_type_ImportError, "no module named '%q'", name);
  }
  mp_root_release(mark);
  return r;
}

let import_hook: u32 = 0;

/** Registers the __import__ implementation (builtinimport.ts calls this at start-up with mp_builtin___import__). */
export function mp_runtime_set_import_hook(f: (n_args: usize, args: usize) => mp_obj_t): void {
  import_hook = f.index;
}

/**
 * `from module import name` (mp_import_from): the attribute, else for a
 * package the submodule "pkg.name"; ImportError "can't import name %q".
 */
export function mp_import_from(module: mp_obj_t, name: qstr): mp_obj_t {
  const mark = mp_root_mark();
  const dest = mp_root_alloc(2);
  if (dest == 0) return mp_raise_recursion_depth();
  if (!mp_load_method_maybe(module, name, dest)) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  const d0 = load<usize>(dest);
  const d1 = load<usize>(dest + 4);
  if (d1 != MP_OBJ_NULL) {
    const r = mp_obj_new_bound_meth(d0, d1);
    mp_root_release(mark);
    return r;
  }
  if (d0 != MP_OBJ_NULL) {
    mp_root_release(mark);
    return d0;
  }
  // a package: import the submodule
  if (!mp_load_method_maybe(module, Q.MP_QSTR___path__, dest) || load<usize>(dest) == MP_OBJ_NULL) {
    mp_root_release(mark);
    return mp_raise_msg_varg(mp_type_ImportError, "can't import name %q", name);
  }
  if (!mp_load_method_maybe(module, Q.MP_QSTR___name__, dest) || load<usize>(dest) == MP_OBJ_NULL) {
    mp_root_release(mark);
    return mp_raise_msg_varg(mp_type_ImportError, "can't import name %q", name);
  }
  const pkg = load<usize>(dest);
  const plen = mp_obj_str_get_len(pkg);
  const nlen = qstr_len(name);
  const total = plen + 1 + nlen;
  const buf = mp_root_alloc((total + 3) >> 2);
  if (buf == 0) {
    mp_root_release(mark);
    return mp_raise_recursion_depth();
  }
  memory.copy(buf, mp_obj_str_get_data_ptr(pkg), plen);
  store<u8>(buf + plen, 46); // '.'
  memory.copy(buf + plen + 1, qstr_str(name), nlen);
  const q = qstr_from_strn(buf, total);
  mp_root_release(mark);
  if (q == 0) return mp_raise_memory_error(total);
  return mp_import_name(q, mp_const_true, MP_OBJ_NEW_SMALL_INT(0));
}

/**
 * `from module import *` (mp_import_all): the names in __all__ if defined,
 * else every global of the module not starting with '_', stored with
 * mp_store_name. Returns false with an exception pending.
 */
export function mp_import_all(module: mp_obj_t): bool {
  const mark = mp_root_mark();
  const dest = mp_root_alloc(2);
  if (dest == 0) {
    mp_raise_recursion_depth();
    return false;
  }
  mp_root_push(module);
  if (!mp_load_method_maybe(module, Q.MP_QSTR___all__, dest)) {
    if (!mp_pending_exception_is(mp_type_AttributeError)) {
      mp_root_release(mark);
      return false;
    }
    mp_take_exception();
    store<usize>(dest, MP_OBJ_NULL);
  }
  const all = load<usize>(dest);
  if (all != MP_OBJ_NULL) {
    mp_root_push(all);
    if (!mp_obj_is_obj(all) || (load<usize>(all) != mp_type_tuple && load<usize>(all) != mp_type_list)) {
      mp_root_release(mark);
      mp_raise_TypeError("object isn't a tuple or list");
      return false;
    }
    const n = seq_len_of(all);
    for (let i: usize = 0; i < n; i++) {
      const item = load<usize>(seq_items_of(all) + (i << 2));
      const key = kw_key_intern(item);
      if (key == MP_OBJ_NULL) {
        mp_root_release(mark);
        return false;
      }
      const qn = MP_OBJ_QSTR_VALUE(key);
      if (!mp_load_method(module, qn, dest) || !mp_store_name(qn, load<usize>(dest))) {
        mp_root_release(mark);
        return false;
      }
    }
    mp_root_release(mark);
    return true;
  }
  if (!mp_load_method(module, Q.MP_QSTR___dict__, dest)) {
    mp_root_release(mark);
    return false;
  }
  const d = load<usize>(dest);
  mp_root_push(d);
  const map = mp_obj_dict_get_map(d);
  for (let j: usize = 0; j < mp_map_filled(map); j++) {
    const e = mp_map_entries(map) + (j << 3);
    const k = load<usize>(e);
    if (k == MP_OBJ_NULL || k == MP_OBJ_SENTINEL) continue;
    if (load<u8>(mp_obj_str_get_data_ptr(k)) == 95) continue; // '_'
    const key = kw_key_intern(k);
    if (key == MP_OBJ_NULL || !mp_store_name(MP_OBJ_QSTR_VALUE(key), load<usize>(e + 4))) {
      mp_root_release(mark);
      return false;
    }
  }
  mp_root_release(mark);
  return true;
}

// ---------------------------------------------------------------------------
// links to other files, resolved late to keep this file's imports acyclic-ish

import { mp_obj_new_int_from_ll } from "./objint";
import { mp_obj_new_float, mp_obj_float_binary_op } from "./objfloat";
import { mp_obj_new_bound_meth } from "./objboundmeth";
import { MPS_builtins_override } from "./mpstate";

let builtins_dict_fn: u32 = 0;

/** Registers a getter for the builtins module's globals dict (modbuiltins.ts calls this at start-up). */
export function mp_runtime_set_builtins_dict(f: () => mp_obj_t): void {
  builtins_dict_fn = f.index;
}

function mp_builtins_dict(): mp_obj_t {
  if (builtins_dict_fn == 0) return 0;
  return call_indirect<usize>(builtins_dict_fn);
}

/** Set-up of this file's static objects (types, methods); run once by mp_init. */
export function runtime_static_init(): void {
  mp_type_setup(mp_type_checked_fun, Q.MP_QSTR_function, MP_TYPE_FLAG_BINDS_SELF, 0);
  mp_type_set_call(mp_type_checked_fun, checked_fun_call);
  mp_fun_1_at(rt_next_obj, rt_next);
  mp_type_setup(mp_type_it, Q.MP_QSTR_iterator, MP_TYPE_FLAG_ITER_IS_ITERNEXT, 0);
  mp_type_set_iternext(mp_type_it, getitem_it_iternext);
}

/**
 * Sets up the runtime's heap state, as runtime.c's mp_init: the __main__
 * globals dict (with __name__ = '__main__') as both globals and locals, no
 * builtins overrides, an idle scheduler. Call from mp_init once the heap
 * exists (after mp_sys_init). Returns false with MemoryError pending.
 */
export function mp_runtime_init(): bool {
  mp_state_set(MPS_builtins_override, MP_OBJ_NULL);
  mp_state_set(MPS_stop_iteration_arg, MP_OBJ_NULL);
  if (!mp_sched_init()) return false;
  const d = mp_obj_new_dict(1);
  if (d == MP_OBJ_NULL) return false;
  mp_state_set(MPS_dict_main, d);
  mp_globals_set(d);
  mp_locals_set(d);
  return mp_dict_store_rt(d, MP_OBJ_NEW_QSTR(Q.MP_QSTR___name__), MP_OBJ_NEW_QSTR(Q.MP_QSTR___main__)) != MP_OBJ_NULL;
}
import { MPS_dict_main } from "./mpstate";
import { mp_sched_init } from "./scheduler";
