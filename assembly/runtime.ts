// The runtime, as MicroPython's runtime.c: operator dispatch, hashing and
// equality, attribute access, calls, iteration, import helpers. Every
// function that can raise returns MP_OBJ_NULL (or an explicit error code)
// with the exception pending (MPS_cur_exception).

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_OBJ_NOT_SUPPORTED,
  mp_const_true,
  mp_const_false,
  mp_const_none,
  mp_obj_is_small_int,
  mp_obj_is_qstr,
  mp_obj_is_obj,
  MP_OBJ_QSTR_VALUE,
  MP_OBJ_NEW_SMALL_INT,
  mp_obj_new_bool,
  mp_type_slot,
  SLOT_unary_op,
  SLOT_binary_op,
  call_unary_op,
  call_binary_op,
} from "./obj";
import { qstr_hash } from "./qstr";
import { mp_type_str, mp_type_bytes } from "./objstr";
import { mp_raise_obj, mp_const_MemoryError_obj, mp_raise_TypeError } from "./objexcept";
import * as R from "./runtime0";
import { mp_obj_get_type } from "./objtype";

/** Raises MemoryError (the static instance: there may be no heap for a new one). */
export function mp_raise_memory_error(n_bytes: usize): mp_obj_t {
  return mp_raise_obj(mp_const_MemoryError_obj);
}

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

/** o1 == o2: 1 equal, 0 not equal, -1 exception pending (mp_obj_equal). */
export function mp_obj_equal_checked(o1: mp_obj_t, o2: mp_obj_t): i32 {
  if (o1 == o2) return 1;
  if (mp_obj_is_small_int(o1) && mp_obj_is_small_int(o2)) return 0;
  const r = mp_binary_op(R.MP_BINARY_OP_EQUAL, o1, o2);
  if (r == MP_OBJ_NULL) return -1;
  return r == mp_const_true ? 1 : 0;
}

/**
 * Applies unary operator `op` (runtime0.ts) to `o`, as mp_unary_op. Raises
 * TypeError when the type does not support it.
 */
export function mp_unary_op(op: u32, o: mp_obj_t): mp_obj_t {
  const t = mp_obj_get_type(o);
  const f = mp_type_slot(t, SLOT_unary_op);
  if (f != 0) {
    const r = call_unary_op(f, op, o);
    if (r != MP_OBJ_NOT_SUPPORTED) return r;
  }
  // TODO(#2): full fallbacks (bool/len/hash defaults, error wording) in the VM slice
  if (op == R.MP_UNARY_OP_BOOL) return mp_const_true;
  if (op == R.MP_UNARY_OP_HASH) return MP_OBJ_NEW_SMALL_INT(<i32>(o >> 2));
  return mp_raise_TypeError("unsupported type for operator");
}

/**
 * Applies binary operator `op` to `lhs` and `rhs`, as mp_binary_op: identity
 * ops, the lhs type's slot, then the reflected op on the rhs type.
 */
export function mp_binary_op(op: u32, lhs: mp_obj_t, rhs: mp_obj_t): mp_obj_t {
  if (op == R.MP_BINARY_OP_IS) return mp_obj_new_bool(lhs == rhs);
  if (op == R.MP_BINARY_OP_IS_NOT) return mp_obj_new_bool(lhs != rhs);
  const t = mp_obj_get_type(lhs);
  const f = mp_type_slot(t, SLOT_binary_op);
  if (f != 0) {
    const r = call_binary_op(f, op, lhs, rhs);
    if (r != MP_OBJ_NOT_SUPPORTED) return r;
  }
  if (op == R.MP_BINARY_OP_EQUAL) return mp_obj_new_bool(lhs == rhs);
  if (op == R.MP_BINARY_OP_NOT_EQUAL) return mp_obj_new_bool(lhs != rhs);
  return mp_raise_TypeError("unsupported types for operator");
}
