// float, as MicroPython's objfloat.c (MICROPY_FLOAT_IMPL_DOUBLE): a boxed
// double on the heap.
//
//   mp_obj_float_t (16 bytes, one GC block):  +0 type (mp_type_float)  +4 pad  +8 value (f64)

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_OBJ_NOT_SUPPORTED,
  MP_TYPE_SIZE,
  mp_const_false,
  mp_const_true,
  mp_obj_is_small_int,
  mp_obj_is_obj,
  mp_obj_is_qstr,
  MP_OBJ_SMALL_INT_VALUE,
  MP_OBJ_NEW_SMALL_INT,
  mp_obj_new_bool,
  mp_type_setup,
  mp_type_set_make_new,
  mp_type_set_print,
  mp_type_set_unary_op,
  mp_type_set_binary_op,
  mp_type_set_locals_dict,
  mp_type_slot,
  SLOT_unary_op,
  SLOT_buffer,
  call_unary_op,
  call_buffer,
  mp_obj_get_type_qstr,
  MP_TYPE_FLAG_EQ_NOT_REFLEXIVE,
  MP_TYPE_FLAG_EQ_CHECKS_OTHER_TYPE,
  mp_fun_1_at,
} from "./obj";
import * as R from "./runtime0";
import { gc_alloc } from "./gc";
import { mp_root_alloc, mp_root_mark, mp_root_release } from "./rootstack";
import { mp_raise_memory_error } from "./runtime";
import {
  mp_raise_msg,
  mp_raise_msg_varg,
  mp_raise_TypeError,
  mp_type_ZeroDivisionError,
  mp_type_TypeError,
  mp_type_OverflowError,
} from "./objexcept";
import { mp_obj_new_tuple } from "./objtuple";
import { mp_type_str, mp_type_bytes, mp_obj_str_get_data_ptr, mp_obj_str_get_len } from "./objstr";
import { mp_static_dict_at, mp_static_dict_add } from "./objdict";
import {
  mp_type_int,
  mp_obj_int_as_float,
  mp_raise_divide_by_zero,
  mp_raise_int_too_large,
} from "./objint";
import { mp_obj_int_mpz_cmp_float, mp_cmp_result, mp_binary_op_is_compare } from "./objint_mpz";
import { mp_type_complex, mp_obj_complex_binary_op } from "./objcomplex";
import { mp_print_float_repr } from "./formatfloat";
import { mp_parse_num_float } from "./parsenum";
import * as Q from "./genhdr";

export const mp_type_float: usize = memory.data(<i32>MP_TYPE_SIZE, 16);

/** True if `o` is a float object. */
@inline export function mp_obj_is_float(o: mp_obj_t): bool {
  return mp_obj_is_obj(o) && load<usize>(o) == mp_type_float;
}

/** A new float object; MP_OBJ_NULL with MemoryError pending if the heap is full. */
export function mp_obj_new_float(v: f64): mp_obj_t {
  const o = gc_alloc(16, 0);
  if (o == 0) return mp_raise_memory_error(16);
  store<usize>(o, mp_type_float);
  store<f64>(o + 8, v);
  return o;
}

/** The value of a float object. */
@inline export function mp_obj_float_get(o: mp_obj_t): f64 {
  return load<f64>(o + 8);
}

// Static constants (mp_const_float_e_obj ...), for modules; filled by objfloat_static_init.
export const mp_const_float_e_obj: usize = memory.data(16, 16);
export const mp_const_float_pi_obj: usize = memory.data(16, 16);
export const mp_const_float_tau_obj: usize = memory.data(16, 16);
export const mp_const_float_inf_obj: usize = memory.data(16, 16);
export const mp_const_float_nan_obj: usize = memory.data(16, 16);

function static_float_at(o: usize, v: f64): void {
  store<usize>(o, mp_type_float);
  store<f64>(o + 8, v);
}

/** Scratch f64 for the *_maybe conversions below. */
export const mp_float_scratch: usize = memory.data(16, 8);

/**
 * The float value of a number: bool, int, float, or an object whose type
 * answers MP_UNARY_OP_FLOAT_MAYBE (__float__). Writes it to `out` and
 * returns 1; returns 0 if `arg` is not a number (no exception), -1 if its
 * __float__ raised (as mp_obj_get_float_maybe).
 */
export function mp_obj_get_float_maybe(arg: mp_obj_t, out: usize): i32 {
  let val: f64;
  if (arg == mp_const_false) val = 0;
  else if (arg == mp_const_true) val = 1;
  else if (mp_obj_is_small_int(arg)) val = <f64>MP_OBJ_SMALL_INT_VALUE(arg);
  else if (!mp_obj_is_obj(arg)) return 0;
  else {
    const t = load<usize>(arg);
    if (t == mp_type_float) val = load<f64>(arg + 8);
    else if (t == mp_type_int) {
      val = mp_obj_int_as_float(arg);
      if (!isFinite(val)) {
        mp_raise_int_too_large();
        return -1;
      }
    } else {
      const f = mp_type_slot(t, SLOT_unary_op);
      if (f == 0) return 0;
      const r = call_unary_op(f, R.MP_UNARY_OP_FLOAT_MAYBE, arg);
      if (r == MP_OBJ_NULL) return -1;
      if (!mp_obj_is_float(r)) return 0;
      val = load<f64>(r + 8);
    }
  }
  store<f64>(out, val);
  return 1;
}

/**
 * As mp_obj_get_float_maybe, raising TypeError "can't convert %s to float";
 * returns false with the exception pending.
 */
export function mp_obj_get_float_to(arg: mp_obj_t, out: usize): bool {
  const r = mp_obj_get_float_maybe(arg, out);
  if (r > 0) return true;
  if (r == 0)
    mp_raise_msg_varg(mp_type_TypeError, "can't convert %s to float", mp_obj_get_type_qstr(arg));
  return false;
}

// ---- hash ----

/**
 * Hash of a double (mp_float_hash, the high-quality variant): integral values
 * hash as the equal int does (its value modulo 2**32); others mix the integer
 * and fraction bits.
 */
export function mp_float_hash(src: f64): i32 {
  const bits = reinterpret<u64>(src);
  const adj_exp = <i32>((bits >> 52) & 0x7ff) - 1023;
  let val: u32;
  if (adj_exp < 0) {
    // |value| < 1; +-0.0 hash as 0
    if ((bits & 0x7fffffffffffffff) == 0) return 0;
    val = (<u32>bits) ^ (<u32>(bits >> 32));
  } else if (adj_exp == 1024) {
    // inf, nan
    val = (<u32>(bits >> 32)) ^ (<u32>bits);
  } else {
    const frc: u64 = (bits & 0xfffffffffffff) | ((<u64>1) << 52);
    if (adj_exp <= 52) {
      const sh = <u64>(52 - adj_exp);
      const ip = frc >> sh;
      const fp = frc & (((<u64>1) << sh) - 1);
      val = (<u32>ip) ^ (<u32>fp) ^ (<u32>(fp >> 32));
    } else if (adj_exp - 52 < 64) {
      val = <u32>(frc << (<u64>(adj_exp - 52)));
    } else {
      val = 0;
    }
  }
  if (bits >> 63 != 0) val = -val;
  return <i32>val;
}

// ---- slots ----

function float_print(print: usize, o: mp_obj_t, kind: u32): bool {
  mp_print_float_repr(print, mp_obj_float_get(o));
  return true;
}

/** float(), float(x): from a number, a string ("1.5", "inf", "nan") or __float__ (float_make_new). */
function float_make_new(type: usize, n_args: usize, n_kw: usize, args: usize): mp_obj_t {
  if (n_kw != 0) return mp_raise_TypeError("function doesn't take keyword arguments");
  if (n_args > 1)
    return mp_raise_msg_varg(
      mp_type_TypeError,
      "function expected at most %d arguments, got %d",
      1,
      n_args,
    );
  if (n_args == 0) return mp_obj_new_float(0);
  const a = load<usize>(args);
  if (mp_obj_is_float(a)) return a;
  // text: str, bytes, or anything with the buffer protocol
  if (
    mp_obj_is_qstr(a) ||
    (mp_obj_is_obj(a) && (load<usize>(a) == mp_type_str || load<usize>(a) == mp_type_bytes))
  ) {
    return mp_parse_num_float(mp_obj_str_get_data_ptr(a), mp_obj_str_get_len(a), false, false, 0);
  }
  if (mp_obj_is_obj(a)) {
    const f = mp_type_slot(load<usize>(a), SLOT_buffer);
    if (f != 0) {
      const mark = mp_root_mark();
      const bi = mp_root_alloc(3);
      if (bi != 0 && call_buffer(f, a, bi, 1) == 0) {
        const r = mp_parse_num_float(load<usize>(bi), load<usize>(bi + 4), false, false, 0);
        mp_root_release(mark);
        return r;
      }
      mp_root_release(mark);
    }
  }
  if (!mp_obj_get_float_to(a, mp_float_scratch)) return MP_OBJ_NULL;
  return mp_obj_new_float(load<f64>(mp_float_scratch));
}

function float_unary_op(op: u32, o: mp_obj_t): mp_obj_t {
  const val = mp_obj_float_get(o);
  switch (op) {
    case R.MP_UNARY_OP_BOOL:
      return mp_obj_new_bool(val != 0);
    case R.MP_UNARY_OP_HASH:
      return MP_OBJ_NEW_SMALL_INT(mp_float_hash(val));
    case R.MP_UNARY_OP_POSITIVE:
    case R.MP_UNARY_OP_FLOAT_MAYBE:
      return o;
    case R.MP_UNARY_OP_NEGATIVE:
      return mp_obj_new_float(-val);
    case R.MP_UNARY_OP_ABS:
      return reinterpret<u64>(val) >> 63 != 0 ? mp_obj_new_float(-val) : o;
    default:
      return MP_OBJ_NOT_SUPPORTED;
  }
}

function float_binary_op(op: u32, lhs: mp_obj_t, rhs: mp_obj_t): mp_obj_t {
  const lhs_val = mp_obj_float_get(lhs);
  if (mp_obj_is_obj(rhs) && load<usize>(rhs) == mp_type_complex) {
    return mp_obj_complex_binary_op(op, lhs_val, 0, rhs);
  }
  return mp_obj_float_binary_op(op, lhs_val, rhs);
}

/** C's fmod (IEEE remainder with the dividend's sign, exact). */
export function mp_fmod(x: f64, y: f64): f64 {
  // AssemblyScript's % on f64 is fmod
  return x % y;
}

/**
 * Floor division and modulo with Python's rules, as mp_obj_float_divmod:
 * x == (x//y)*y + (x%y), x%y has y's sign. Writes x//y to `out`, x%y to `out+8`.
 */
export function mp_obj_float_divmod(x: f64, y: f64, out: usize): void {
  let mod = mp_fmod(x, y);
  let div = (x - mod) / y;
  if (mod == 0) {
    mod = zero_with_sign_of(y);
  } else if (mod < 0 != y < 0) {
    mod += y;
    div -= 1.0;
  }
  let floordiv: f64;
  if (div == 0) {
    floordiv = zero_with_sign_of(x / y);
  } else {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  }
  store<f64>(out, floordiv);
  store<f64>(out + 8, mod);
}

/** copysign(0.0, y). */
@inline function zero_with_sign_of(y: f64): f64 {
  return reinterpret<u64>(y) >> 63 != 0 ? -0.0 : 0.0;
}

/**
 * `lhs_val op rhs_in` for a float lhs (mp_obj_float_binary_op); rhs may be
 * any number. MP_OBJ_NOT_SUPPORTED for non-numbers; ZeroDivisionError
 * "divide by zero"; a negative base to a fractional power gives a complex.
 */
export function mp_obj_float_binary_op(op: u32, lhs_val: f64, rhs_in: mp_obj_t): mp_obj_t {
  if (mp_obj_is_obj(rhs_in) && load<usize>(rhs_in) == mp_type_int && mp_binary_op_is_compare(op)) {
    // exact against long ints (as CPython), with the operands swapped
    const c = mp_obj_int_mpz_cmp_float(rhs_in, lhs_val);
    return mp_cmp_result(op, c == 2 ? 2 : -c);
  }
  const g = mp_obj_get_float_maybe(rhs_in, mp_float_scratch);
  if (g < 0) return MP_OBJ_NULL;
  if (g == 0) {
    if (mp_obj_is_obj(rhs_in) && load<usize>(rhs_in) == mp_type_complex) {
      return mp_obj_complex_binary_op(op, lhs_val, 0, rhs_in);
    }
    return MP_OBJ_NOT_SUPPORTED;
  }
  let rhs_val = load<f64>(mp_float_scratch);
  switch (op) {
    case R.MP_BINARY_OP_ADD:
    case R.MP_BINARY_OP_INPLACE_ADD:
      lhs_val += rhs_val;
      break;
    case R.MP_BINARY_OP_SUBTRACT:
    case R.MP_BINARY_OP_INPLACE_SUBTRACT:
      lhs_val -= rhs_val;
      break;
    case R.MP_BINARY_OP_MULTIPLY:
    case R.MP_BINARY_OP_INPLACE_MULTIPLY:
      lhs_val *= rhs_val;
      break;
    case R.MP_BINARY_OP_FLOOR_DIVIDE:
    case R.MP_BINARY_OP_INPLACE_FLOOR_DIVIDE:
      if (rhs_val == 0) return mp_raise_divide_by_zero();
      mp_obj_float_divmod(lhs_val, rhs_val, mp_float_scratch);
      lhs_val = load<f64>(mp_float_scratch);
      break;
    case R.MP_BINARY_OP_TRUE_DIVIDE:
    case R.MP_BINARY_OP_INPLACE_TRUE_DIVIDE:
      if (rhs_val == 0) return mp_raise_divide_by_zero();
      lhs_val /= rhs_val;
      break;
    case R.MP_BINARY_OP_MODULO:
    case R.MP_BINARY_OP_INPLACE_MODULO:
      if (rhs_val == 0) return mp_raise_divide_by_zero();
      lhs_val = mp_fmod(lhs_val, rhs_val);
      if (lhs_val == 0) {
        lhs_val = zero_with_sign_of(rhs_val);
      } else if (lhs_val < 0 != rhs_val < 0) {
        lhs_val += rhs_val;
      }
      break;
    case R.MP_BINARY_OP_POWER:
    case R.MP_BINARY_OP_INPLACE_POWER:
      if (lhs_val == 0 && rhs_val < 0 && isFinite(rhs_val)) return mp_raise_divide_by_zero();
      // a finite negative base to a fractional power: complex (as CPython; -inf follows C's pow)
      if (lhs_val < 0 && isFinite(lhs_val) && rhs_val != Math.floor(rhs_val) && isFinite(rhs_val)) {
        return mp_obj_complex_binary_op(R.MP_BINARY_OP_POWER, lhs_val, 0, rhs_in);
      }
      {
        const r = mp_pow(lhs_val, rhs_val);
        if (!isFinite(r) && !isNaN(r) && isFinite(lhs_val) && isFinite(rhs_val)) {
          // as CPython's float_pow (MicroPython returns inf)
          return mp_raise_msg(mp_type_OverflowError, "(34, 'Numerical result out of range')");
        }
        lhs_val = r;
      }
      break;
    case R.MP_BINARY_OP_DIVMOD: {
      if (rhs_val == 0) return mp_raise_divide_by_zero();
      mp_obj_float_divmod(lhs_val, rhs_val, mp_float_scratch);
      // copy out of the scratch: an allocation may run finalisers (Python code)
      const q = load<f64>(mp_float_scratch);
      const m = load<f64>(mp_float_scratch + 8);
      const mark = mp_root_mark();
      const items = mp_root_alloc(2);
      if (items == 0) {
        mp_root_release(mark);
        return mp_raise_memory_error(0);
      }
      const a = mp_obj_new_float(q);
      if (a == MP_OBJ_NULL) {
        mp_root_release(mark);
        return MP_OBJ_NULL;
      }
      store<usize>(items, a);
      const b = mp_obj_new_float(m);
      if (b == MP_OBJ_NULL) {
        mp_root_release(mark);
        return MP_OBJ_NULL;
      }
      store<usize>(items + 4, b);
      const t = mp_obj_new_tuple(2, items);
      mp_root_release(mark);
      return t;
    }
    case R.MP_BINARY_OP_LESS:
      return mp_obj_new_bool(lhs_val < rhs_val);
    case R.MP_BINARY_OP_MORE:
      return mp_obj_new_bool(lhs_val > rhs_val);
    case R.MP_BINARY_OP_EQUAL:
      return mp_obj_new_bool(lhs_val == rhs_val);
    case R.MP_BINARY_OP_NOT_EQUAL:
      return mp_obj_new_bool(lhs_val != rhs_val);
    case R.MP_BINARY_OP_LESS_EQUAL:
      return mp_obj_new_bool(lhs_val <= rhs_val);
    case R.MP_BINARY_OP_MORE_EQUAL:
      return mp_obj_new_bool(lhs_val >= rhs_val);
    default:
      return MP_OBJ_NOT_SUPPORTED;
  }
  return mp_obj_new_float(lhs_val);
}

/** C's pow() (IEEE 754 / C99 special cases: pow(1, nan) == 1, pow(nan, 0) == 1). */
export function mp_pow(x: f64, y: f64): f64 {
  // AssemblyScript's pow returns nan for pow(1, nan) (MICROPY_PY_MATH_POW_FIX_NAN's case)
  if (x == 1.0 || y == 0) return 1.0;
  // and nan for pow(-1, +-inf), which C99 defines as 1
  if (x == -1.0 && !isFinite(y) && !isNaN(y)) return 1.0;
  return Math.pow(x, y);
}

/** Set-up of the float type and constants (run once by mp_init). */
export function objfloat_static_init(): void {
  mp_type_setup(
    mp_type_float,
    Q.MP_QSTR_float,
    MP_TYPE_FLAG_EQ_NOT_REFLEXIVE | MP_TYPE_FLAG_EQ_CHECKS_OTHER_TYPE,
    0,
  );
  mp_type_set_make_new(mp_type_float, float_make_new);
  mp_type_set_print(mp_type_float, float_print);
  mp_type_set_unary_op(mp_type_float, float_unary_op);
  mp_type_set_binary_op(mp_type_float, float_binary_op);
  static_float_at(mp_const_float_e_obj, Math.E);
  static_float_at(mp_const_float_pi_obj, Math.PI);
  static_float_at(mp_const_float_tau_obj, 2 * Math.PI);
  static_float_at(mp_const_float_inf_obj, Infinity);
  static_float_at(mp_const_float_nan_obj, NaN);
}
