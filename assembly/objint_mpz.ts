// Long ints over mpz, as MicroPython's objint_mpz.c (MICROPY_LONGINT_IMPL_MPZ).
//
//   mp_obj_int_t (16 bytes):  +0 type (mp_type_int)  +4 mpz_t  (see mpz.ts)
//
// Results that fit a small int are returned as small ints, so a long-int
// object always holds a value outside [-2**30, 2**30).

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_OBJ_NOT_SUPPORTED,
  MP_INT_ERROR,
  mp_obj_is_small_int,
  mp_obj_is_obj,
  MP_OBJ_SMALL_INT_VALUE,
  MP_OBJ_NEW_SMALL_INT,
  MP_SMALL_INT_FITS,
  mp_obj_new_bool,
} from "./obj";
import * as R from "./runtime0";
import { gc_alloc } from "./gc";
import { mp_root_mark, mp_root_push, mp_root_alloc, mp_root_release } from "./rootstack";
import { mp_raise_memory_error } from "./runtime";
import {
  mp_raise_msg,
  mp_raise_ValueError,
  mp_raise_TypeError,
  mp_type_OverflowError,
} from "./objexcept";
import { mp_obj_new_tuple } from "./objtuple";
import {
  mpz_t,
  mpz_len,
  mpz_neg,
  mpz_is_zero,
  mpz_is_neg,
  mpz_dig,
  mpz_init_fixed_from_int,
  mpz_init_zero,
  mpz_deinit,
  mpz_set_from_ll,
  mpz_set_from_float,
  mpz_set_from_str,
  mpz_set_from_bytes,
  mpz_cmp,
  mpz_abs_inpl,
  mpz_neg_inpl,
  mpz_not_inpl,
  mpz_shl_inpl,
  mpz_shr_inpl,
  mpz_add_inpl,
  mpz_sub_inpl,
  mpz_mul_inpl,
  mpz_pow_inpl,
  mpz_pow3_inpl,
  mpz_and_inpl,
  mpz_or_inpl,
  mpz_xor_inpl,
  mpz_divmod_inpl,
  mpz_hash,
  mpz_as_int_checked,
  mpz_as_uint_checked,
  mpz_as_float,
  MPZ_NO_FIT,
} from "./mpz";
import {
  mp_type_int,
  mp_obj_int_binary_op_extra_cases,
  mp_raise_divide_by_zero,
  mp_obj_is_int,
  mp_obj_int_as_float,
  mp_raise_int_too_large,
} from "./objint";
import { mp_type_float, mp_obj_new_float, mp_obj_float_binary_op } from "./objfloat";
import { mp_type_complex, mp_obj_complex_binary_op } from "./objcomplex";

/** sys.maxsize: 2**31 - 1 as a static long int (MicroPython's mp_sys_maxsize_obj on a 32-bit machine). */
export const mp_sys_maxsize_obj: usize = memory.data(16, 16);
const maxsize_dig: usize = memory.data<u16>([0xffff, 0x7fff]);

/** Set-up of the static long ints (run once by mp_init). */
export function objint_mpz_static_init(): void {
  store<usize>(mp_sys_maxsize_obj, mp_type_int);
  store<u32>(mp_sys_maxsize_obj + 4, 2 | (2 << 2)); // fixed digits, alloc 2
  store<usize>(mp_sys_maxsize_obj + 8, 2);
  store<usize>(mp_sys_maxsize_obj + 12, maxsize_dig);
}

/** A new long-int object holding zero (mp_obj_int_new_mpz); MP_OBJ_NULL on MemoryError. */
export function mp_obj_int_new_mpz(): mp_obj_t {
  const o = gc_alloc(16, 0);
  if (o == 0) return mp_raise_memory_error(16);
  store<usize>(o, mp_type_int);
  mpz_init_zero(o + 4);
  return o;
}

/**
 * Returns long int `o` as a small int if its value fits, else `o` (the
 * normal form of an int result).
 */
export function mp_obj_int_normalise(o: mp_obj_t): mp_obj_t {
  const v = mpz_as_int_checked(o + 4);
  if (v != MPZ_NO_FIT && MP_SMALL_INT_FITS(v)) return MP_OBJ_NEW_SMALL_INT(<i32>v);
  return o;
}

/** A new int from a 64-bit value read as signed or unsigned, normalised. */
export function mp_obj_int_mpz_from_ll(v: i64, is_signed: bool): mp_obj_t {
  const o = mp_obj_int_new_mpz();
  if (o == MP_OBJ_NULL) return MP_OBJ_NULL;
  const mark = mp_root_mark();
  mp_root_push(o);
  const ok = mpz_set_from_ll(o + 4, v, is_signed);
  mp_root_release(mark);
  return ok ? mp_obj_int_normalise(o) : mp_raise_memory_error(0);
}

/** A new int holding trunc(f) for a finite double, normalised. */
export function mp_obj_int_mpz_from_float(f: f64): mp_obj_t {
  const o = mp_obj_int_new_mpz();
  if (o == MP_OBJ_NULL) return MP_OBJ_NULL;
  const mark = mp_root_mark();
  mp_root_push(o);
  const ok = mpz_set_from_float(o + 4, f);
  mp_root_release(mark);
  return ok ? mp_obj_int_normalise(o) : mp_raise_memory_error(0);
}

/**
 * A new int from the digits in `base` at str[0..len) (mp_obj_new_int_from_str_len);
 * stops at the first non-digit and writes the number of bytes used to the
 * word at `used_p` (if non-zero). `str` must not be an unrooted heap block.
 */
export function mp_obj_new_int_from_str_len(
  str: usize,
  len: usize,
  neg: bool,
  base: u32,
  used_p: usize,
): mp_obj_t {
  const o = mp_obj_int_new_mpz();
  if (o == MP_OBJ_NULL) return MP_OBJ_NULL;
  const mark = mp_root_mark();
  mp_root_push(o);
  const n = mpz_set_from_str(o + 4, str, len, neg, base);
  mp_root_release(mark);
  if (n < 0) return mp_raise_memory_error(0);
  if (used_p != 0) store<usize>(used_p, <usize>n);
  return mp_obj_int_normalise(o);
}

/** int.from_bytes for values beyond a small int (mp_obj_int_from_bytes_impl). */
export function mp_obj_int_from_bytes_impl(big_endian: bool, len: usize, buf: usize): mp_obj_t {
  const o = mp_obj_int_new_mpz();
  if (o == MP_OBJ_NULL) return MP_OBJ_NULL;
  const mark = mp_root_mark();
  mp_root_push(o);
  const ok = mpz_set_from_bytes(o + 4, big_endian, len, buf);
  mp_root_release(mark);
  return ok ? mp_obj_int_normalise(o) : mp_raise_memory_error(0);
}

/** -1, 0 or 1 by the sign of an int (mp_obj_int_sign). */
export function mp_obj_int_sign(o: mp_obj_t): i32 {
  if (mp_obj_is_small_int(o)) {
    const v = MP_OBJ_SMALL_INT_VALUE(o);
    return v < 0 ? -1 : v > 0 ? 1 : 0;
  }
  if (mpz_len(o + 4) == 0) return 0;
  return mpz_neg(o + 4) != 0 ? -1 : 1;
}

/** Hash of a long int: its value modulo 2**32, signed (mpz_hash). */
export function mp_obj_int_mpz_hash(o: mp_obj_t): i32 {
  return mpz_hash(o + 4);
}

/** mp_obj_int_get_checked for a long int: i32 value or MP_INT_ERROR with OverflowError. */
export function mp_obj_int_mpz_get_checked(o: mp_obj_t): i64 {
  const v = mpz_as_int_checked(o + 4);
  if (v == MPZ_NO_FIT) {
    mp_raise_msg(mp_type_OverflowError, "overflow converting long int to machine word");
    return MP_INT_ERROR;
  }
  return v;
}

/** mp_obj_int_get_uint_checked for a long int. */
export function mp_obj_int_mpz_get_uint_checked(o: mp_obj_t): i64 {
  const v = mpz_as_uint_checked(o + 4);
  if (v == MPZ_NO_FIT) {
    mp_raise_msg(mp_type_OverflowError, "overflow converting long int to machine word");
    return MP_INT_ERROR;
  }
  return v;
}

/** unary_op of a long int (mp_obj_int_unary_op of objint_mpz.c). */
export function mp_obj_int_mpz_unary_op(op: u32, o: mp_obj_t): mp_obj_t {
  const z = o + 4;
  switch (op) {
    case R.MP_UNARY_OP_BOOL:
      return mp_obj_new_bool(!mpz_is_zero(z));
    case R.MP_UNARY_OP_HASH:
      return MP_OBJ_NEW_SMALL_INT(mpz_hash(z));
    case R.MP_UNARY_OP_POSITIVE:
    case R.MP_UNARY_OP_INT_MAYBE:
      return o;
    case R.MP_UNARY_OP_ABS:
      if (mpz_neg(z) == 0) return o;
    // fall through
    case R.MP_UNARY_OP_NEGATIVE:
    case R.MP_UNARY_OP_INVERT: {
      const mark = mp_root_mark();
      mp_root_push(o);
      const o2 = mp_obj_int_new_mpz();
      if (o2 == MP_OBJ_NULL) {
        mp_root_release(mark);
        return MP_OBJ_NULL;
      }
      mp_root_push(o2);
      let ok: bool;
      if (op == R.MP_UNARY_OP_ABS) ok = mpz_abs_inpl(o2 + 4, z);
      else if (op == R.MP_UNARY_OP_NEGATIVE) ok = mpz_neg_inpl(o2 + 4, z);
      else ok = mpz_not_inpl(o2 + 4, z);
      mp_root_release(mark);
      return ok ? mp_obj_int_normalise(o2) : mp_raise_memory_error(0);
    }
    default:
      return MP_OBJ_NOT_SUPPORTED;
  }
}

/**
 * An mpz_t for int `o`: the one inside a long int, or one with fixed digits
 * at `tmp` (4 words) for a small int.
 */
function mpz_for_int(o: mp_obj_t, tmp: usize): mpz_t {
  if (mp_obj_is_small_int(o)) {
    mpz_init_fixed_from_int(tmp, tmp + 12, 2, MP_OBJ_SMALL_INT_VALUE(o));
    return tmp;
  }
  return o + 4;
}

/**
 * A binary operator with at least one long int (or small ints whose result
 * overflows), as objint_mpz.c's mp_obj_int_binary_op. `op` is not an
 * in-place form. lhs is an int; rhs may be anything.
 */
export function mp_obj_int_mpz_binary_op(op: u32, lhs: mp_obj_t, rhs: mp_obj_t): mp_obj_t {
  if (!mp_obj_is_int(rhs)) {
    if (mp_obj_is_obj(rhs)) {
      const t = load<usize>(rhs);
      if (t == mp_type_float) {
        if (mp_binary_op_is_compare(op) && !mp_obj_is_small_int(lhs)) {
          return mp_cmp_result(op, mp_obj_int_mpz_cmp_float(lhs, load<f64>(rhs + 8)));
        }
        const lf = mp_obj_int_as_float(lhs);
        if (!isFinite(lf)) return mp_raise_int_too_large();
        return mp_obj_float_binary_op(op, lf, rhs);
      }
      if (t == mp_type_complex) {
        const lf = mp_obj_int_as_float(lhs);
        if (!isFinite(lf)) return mp_raise_int_too_large();
        return mp_obj_complex_binary_op(op, lf, 0, rhs);
      }
    }
    return mp_obj_int_binary_op_extra_cases(op, lhs, rhs);
  }
  const mark = mp_root_mark();
  mp_root_push(lhs);
  mp_root_push(rhs);
  const tmp = mp_root_alloc(8);
  if (tmp == 0) {
    mp_root_release(mark);
    return mp_raise_memory_error(0);
  }
  const zl = mpz_for_int(lhs, tmp);
  const zr = mpz_for_int(rhs, tmp + 16);
  const r = mpz_binary_op_inner(op, zl, zr, rhs);
  mp_root_release(mark);
  return r;
}

function mpz_binary_op_inner(op: u32, zl: mpz_t, zr: mpz_t, rhs_in: mp_obj_t): mp_obj_t {
  if (op == R.MP_BINARY_OP_TRUE_DIVIDE) {
    if (mpz_is_zero(zr)) return mp_raise_divide_by_zero();
    const q = mpz_true_divide(zl, zr);
    if (!isFinite(q))
      return mp_raise_msg(mp_type_OverflowError, "integer division result too large for a float");
    return mp_obj_new_float(q);
  }
  if (op >= R.MP_BINARY_OP_OR && op <= R.MP_BINARY_OP_DIVMOD) {
    if (op == R.MP_BINARY_OP_POWER && mpz_is_neg(zr)) {
      const lf = mpz_as_float(zl);
      if (!isFinite(lf)) return mp_raise_int_too_large();
      return mp_obj_float_binary_op(op, lf, rhs_in);
    }
    if (
      (op == R.MP_BINARY_OP_FLOOR_DIVIDE ||
        op == R.MP_BINARY_OP_MODULO ||
        op == R.MP_BINARY_OP_DIVMOD) &&
      mpz_is_zero(zr)
    ) {
      return mp_raise_divide_by_zero();
    }
    let shift: i64 = 0;
    if (op == R.MP_BINARY_OP_LSHIFT || op == R.MP_BINARY_OP_RSHIFT) {
      if (mpz_is_neg(zr)) return mp_raise_ValueError("negative shift count");
      shift = mpz_as_int_checked(zr);
      if (shift == MPZ_NO_FIT) {
        if (op == R.MP_BINARY_OP_RSHIFT) {
          // shifting everything out: 0 or -1
          return MP_OBJ_NEW_SMALL_INT(mpz_is_neg(zl) ? -1 : 0);
        }
        if (mpz_is_zero(zl)) return MP_OBJ_NEW_SMALL_INT(0);
        mp_raise_msg(mp_type_OverflowError, "overflow converting long int to machine word");
        return MP_OBJ_NULL;
      }
    }
    const res = mp_obj_int_new_mpz();
    if (res == MP_OBJ_NULL) return MP_OBJ_NULL;
    mp_root_push(res);
    const zres = res + 4;
    let ok = true;
    switch (op) {
      case R.MP_BINARY_OP_ADD:
        ok = mpz_add_inpl(zres, zl, zr);
        break;
      case R.MP_BINARY_OP_SUBTRACT:
        ok = mpz_sub_inpl(zres, zl, zr);
        break;
      case R.MP_BINARY_OP_MULTIPLY:
        ok = mpz_mul_inpl(zres, zl, zr);
        break;
      case R.MP_BINARY_OP_FLOOR_DIVIDE:
      case R.MP_BINARY_OP_MODULO:
      case R.MP_BINARY_OP_DIVMOD: {
        const other = mp_obj_int_new_mpz();
        if (other == MP_OBJ_NULL) return MP_OBJ_NULL;
        mp_root_push(other);
        if (op == R.MP_BINARY_OP_MODULO) ok = mpz_divmod_inpl(other + 4, zres, zl, zr);
        else ok = mpz_divmod_inpl(zres, other + 4, zl, zr);
        if (!ok) return mp_raise_memory_error(0);
        if (op == R.MP_BINARY_OP_DIVMOD) {
          const items = mp_root_alloc(2);
          if (items == 0) return mp_raise_memory_error(0);
          store<usize>(items, mp_obj_int_normalise(res));
          store<usize>(items + 4, mp_obj_int_normalise(other));
          return mp_obj_new_tuple(2, items);
        }
        mpz_deinit(other + 4);
        break;
      }
      case R.MP_BINARY_OP_AND:
        ok = mpz_and_inpl(zres, zl, zr);
        break;
      case R.MP_BINARY_OP_OR:
        ok = mpz_or_inpl(zres, zl, zr);
        break;
      case R.MP_BINARY_OP_XOR:
        ok = mpz_xor_inpl(zres, zl, zr);
        break;
      case R.MP_BINARY_OP_LSHIFT:
        ok = mpz_shl_inpl(zres, zl, <usize>shift);
        break;
      case R.MP_BINARY_OP_RSHIFT:
        ok = mpz_shr_inpl(zres, zl, <usize>shift);
        break;
      case R.MP_BINARY_OP_POWER:
        ok = mpz_pow_inpl(zres, zl, zr);
        break;
      default:
        return MP_OBJ_NOT_SUPPORTED;
    }
    if (!ok) return mp_raise_memory_error(0);
    return mp_obj_int_normalise(res);
  }
  const cmp = mpz_cmp(zl, zr);
  switch (op) {
    case R.MP_BINARY_OP_LESS:
      return mp_obj_new_bool(cmp < 0);
    case R.MP_BINARY_OP_MORE:
      return mp_obj_new_bool(cmp > 0);
    case R.MP_BINARY_OP_LESS_EQUAL:
      return mp_obj_new_bool(cmp <= 0);
    case R.MP_BINARY_OP_MORE_EQUAL:
      return mp_obj_new_bool(cmp >= 0);
    case R.MP_BINARY_OP_EQUAL:
      return mp_obj_new_bool(cmp == 0);
    case R.MP_BINARY_OP_NOT_EQUAL:
      return mp_obj_new_bool(cmp != 0);
    default:
      return MP_OBJ_NOT_SUPPORTED;
  }
}

/**
 * |lhs| / |rhs| with the quotient's sign, correctly rounded (as CPython's
 * long_true_divide; MicroPython divides two rounded doubles). rhs != 0.
 * Returns +-inf when the quotient is too large for a double.
 */
function mpz_true_divide(zl: mpz_t, zr: mpz_t): f64 {
  const neg = mpz_neg(zl) != mpz_neg(zr);
  if (mpz_len(zl) <= 4 && mpz_len(zr) <= 4) {
    // both exact in a double: a single rounding
    const a = mpz_as_float(zl);
    const b = mpz_as_float(zr);
    if (Math.abs(a) <= 9007199254740992.0 && Math.abs(b) <= 9007199254740992.0) return a / b;
  }
  if (mpz_len(zl) == 0) return neg ? -0.0 : 0.0;
  // q = (|a| * 2**s) // |b| with 56..57 bits, the remainder as a sticky bit
  const s: i64 = 56 - (bit_length(zl) - bit_length(zr));
  const mark = mp_root_mark();
  const t = mp_root_alloc(12);
  if (t == 0) {
    mp_root_release(mark);
    return mpz_as_float(zl) / mpz_as_float(zr);
  }
  const na = t;
  const nb = t + 12;
  const q = t + 24;
  const rem = t + 36;
  let ok = mpz_abs_inpl(na, zl) && mpz_abs_inpl(nb, zr);
  if (ok) {
    if (s > 0) ok = mpz_shl_inpl(na, na, <usize>s);
    else if (s < 0) ok = mpz_shl_inpl(nb, nb, <usize>-s);
  }
  if (ok) ok = mpz_divmod_inpl(q, rem, na, nb);
  let r: f64;
  if (ok) {
    let qv: u64 = 0;
    const qd = mpz_dig(q);
    for (let i = mpz_len(q); i > 0; i--) qv = (qv << 16) | (<u64>load<u16>(qd + ((i - 1) << 1)));
    r = scale_round(qv, mpz_len(rem) != 0, -s);
  } else {
    r = mpz_as_float(zl) / mpz_as_float(zr);
  }
  mpz_deinit(na);
  mpz_deinit(nb);
  mpz_deinit(q);
  mpz_deinit(rem);
  mp_root_release(mark);
  return neg ? -r : r;
}

/** Number of significant bits of |z| (0 for 0). */
function bit_length(z: mpz_t): i64 {
  const len = mpz_len(z);
  if (len == 0) return 0;
  const top = <u32>load<u16>(mpz_dig(z) + ((len - 1) << 1));
  return <i64>(len - 1) * 16 + <i64>(32 - clz(top));
}

/**
 * The double nearest to q * 2**e, rounding half to even, where `sticky` says
 * the exact value is a little above q * 2**e. Handles subnormal results and
 * overflows to inf.
 */
export function scale_round(q: u64, sticky: bool, e: i64): f64 {
  if (q == 0) return 0.0;
  const nb = <i64>(64 - clz(q));
  const lead = nb - 1 + e; // exponent of the leading bit
  if (lead > 1023) return Infinity;
  // bits of precision available at this exponent
  let keep: i64 = 53;
  if (lead < -1022) keep = lead + 1075;
  if (keep < 0) return 0.0;
  if (keep == 0) {
    // in [2**-1075, 2**-1074): above half the smallest subnormal rounds up
    const pow_of_2 = (q & (q - 1)) == 0;
    return !pow_of_2 || sticky ? 4.9406564584124654e-324 : 0.0;
  }
  let m = q;
  const drop = nb - keep;
  if (drop > 0) {
    const mask = ((<u64>1) << (<u64>drop)) - 1;
    const rest = q & mask;
    const half = (<u64>1) << (<u64>(drop - 1));
    m = q >> (<u64>drop);
    if (rest > half || (rest == half && (sticky || (m & 1) != 0))) m++;
    e += drop;
  }
  // m * 2**e exactly: m <= 2**53, and the result is representable (or inf)
  let r = <f64>m;
  if (e > 0) {
    while (e > 1000) {
      r *= 1.0715086071862673e301; // 2**1000
      e -= 1000;
    }
    return r * reinterpret<f64>((<u64>(e + 1023)) << 52);
  }
  while (e < -1000) {
    r *= 9.332636185032189e-302; // 2**-1000, exact while r stays normal
    e += 1000;
  }
  return r * reinterpret<f64>((<u64>(e + 1023)) << 52);
}

/**
 * pow(base, exp, mod) for ints (mp_obj_int_pow3): TypeError "pow() with 3
 * arguments requires integers", ValueError "divide by zero" for mod 0.
 */
export function mp_obj_int_pow3(base: mp_obj_t, exponent: mp_obj_t, modulus: mp_obj_t): mp_obj_t {
  if (!mp_obj_is_int(base) || !mp_obj_is_int(exponent) || !mp_obj_is_int(modulus)) {
    return mp_raise_TypeError("pow() with 3 arguments requires integers");
  }
  if (modulus == MP_OBJ_NEW_SMALL_INT(0)) return mp_raise_ValueError("divide by zero");
  const mark = mp_root_mark();
  mp_root_push(base);
  mp_root_push(exponent);
  mp_root_push(modulus);
  const tmp = mp_root_alloc(12);
  if (tmp == 0) {
    mp_root_release(mark);
    return mp_raise_memory_error(0);
  }
  const res = mp_obj_int_new_mpz();
  if (res == MP_OBJ_NULL) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  mp_root_push(res);
  const ok = mpz_pow3_inpl(
    res + 4,
    mpz_for_int(base, tmp),
    mpz_for_int(exponent, tmp + 16),
    mpz_for_int(modulus, tmp + 32),
  );
  mp_root_release(mark);
  return ok ? mp_obj_int_normalise(res) : mp_raise_memory_error(0);
}

/**
 * Exact comparison of long int `o` with double `f`: -1, 0, 1, or 2 when `f`
 * is nan (as CPython; MicroPython rounds the int to a double first).
 */
export function mp_obj_int_mpz_cmp_float(o: mp_obj_t, f: f64): i32 {
  if (isNaN(f)) return 2;
  if (!isFinite(f)) return f > 0 ? -1 : 1;
  const z = o + 4;
  const neg_z = mpz_neg(z) != 0;
  // different signs decide at once (o is never 0)
  if (f == 0 || f < 0 != neg_z) return neg_z ? -1 : 1;
  const fi = Math.trunc(f);
  const mark = mp_root_mark();
  mp_root_push(o);
  const t = mp_root_alloc(3);
  let c: i32;
  if (t == 0 || !mpz_set_from_float(t, fi)) {
    // no memory for the exact path: compare as doubles
    const d = mpz_as_float(z);
    c = d < f ? -1 : d > f ? 1 : 0;
  } else {
    c = mpz_cmp(z, t);
    if (c == 0) {
      const frac = f - fi;
      c = frac > 0 ? -1 : frac < 0 ? 1 : 0;
    }
    mpz_deinit(t);
  }
  mp_root_release(mark);
  return c;
}

/** The result of comparison operator `op` given an ordering (-1, 0, 1; 2 = unordered). */
export function mp_cmp_result(op: u32, c: i32): mp_obj_t {
  if (c == 2) return mp_obj_new_bool(op == R.MP_BINARY_OP_NOT_EQUAL);
  switch (op) {
    case R.MP_BINARY_OP_LESS:
      return mp_obj_new_bool(c < 0);
    case R.MP_BINARY_OP_MORE:
      return mp_obj_new_bool(c > 0);
    case R.MP_BINARY_OP_LESS_EQUAL:
      return mp_obj_new_bool(c <= 0);
    case R.MP_BINARY_OP_MORE_EQUAL:
      return mp_obj_new_bool(c >= 0);
    case R.MP_BINARY_OP_EQUAL:
      return mp_obj_new_bool(c == 0);
    default:
      return mp_obj_new_bool(c != 0);
  }
}

/** True for the six comparison operators. */
@inline export function mp_binary_op_is_compare(op: u32): bool {
  return op <= R.MP_BINARY_OP_NOT_EQUAL && op != R.MP_BINARY_OP_IN;
}
