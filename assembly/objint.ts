// int, as MicroPython's objint.c: the type, its constructor, printing and
// formatting, conversions to and from machine ints, floats and bytes, and the
// small-int arithmetic of runtime.c's mp_binary_op (so the VM can hand any
// int operation to mp_obj_int_binary_op). Long ints are mpz objects, see
// objint_mpz.ts.
//
// Small ints are tagged words (31-bit signed). A long int is
//
//   mp_obj_int_t (16 bytes, one GC block):  +0 type (mp_type_int)  +4 mpz_t (12 bytes)
//
// and always holds a value outside the small-int range.

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_OBJ_NOT_SUPPORTED,
  MP_TYPE_SIZE,
  MP_INT_ERROR,
  mp_const_false,
  mp_const_true,
  mp_const_none,
  mp_obj_is_small_int,
  mp_obj_is_obj,
  mp_obj_is_qstr,
  MP_OBJ_SMALL_INT_VALUE,
  MP_OBJ_NEW_SMALL_INT,
  MP_OBJ_NEW_QSTR,
  MP_SMALL_INT_MIN,
  MP_SMALL_INT_MAX,
  MP_SMALL_INT_FITS,
  mp_obj_new_bool,
  mp_type_setup,
  mp_type_set_make_new,
  mp_type_set_print,
  mp_type_set_unary_op,
  mp_type_set_binary_op,
  mp_type_set_locals_dict,
  mp_type_slot,
  SLOT_buffer,
  call_buffer,
  MP_TYPE_FLAG_NONE,
  mp_obj_get_int,
  mp_obj_get_int_maybe_obj,
  mp_obj_get_type_qstr,
  mp_fun_kw,
  mp_fun_kw_at,
  mp_fun_var,
} from "./obj";
import * as R from "./runtime0";
import { mp_binary_op } from "./runtime";
import { mp_raise_memory_error } from "./runtime";
import { gc_alloc, gc_free } from "./gc";
import { mp_root_mark, mp_root_push, mp_root_alloc, mp_root_release } from "./rootstack";
import { mp_print_strn, mp_print_int } from "./mpprint";
import {
  mp_raise_msg,
  mp_raise_msg_varg,
  mp_raise_ValueError,
  mp_raise_TypeError,
  mp_raise_type,
  mp_type_ZeroDivisionError,
  mp_type_OverflowError,
  mp_type_TypeError,
  mp_type_ValueError,
} from "./objexcept";
import { mp_obj_new_tuple, mp_type_tuple } from "./objtuple";
import {
  mp_type_str,
  mp_type_bytes,
  mp_obj_str_get_data_ptr,
  mp_obj_str_get_len,
  mp_obj_new_str_of_type_uninit,
} from "./objstr";
import { mp_type_list } from "./objlist";
import { mp_static_dict, mp_static_dict_at, mp_static_dict_add } from "./objdict";
import { mp_type_classmethod } from "./objtype";
import {
  mp_arg_set,
  mp_arg_parse_all,
  mp_map_fixed_from_kw,
  MP_ARG_INT,
  MP_ARG_OBJ,
  MP_ARG_BOOL,
  MP_ARG_KW_ONLY,
} from "./argcheck";
import {
  mpz_t,
  mpz_len,
  mpz_neg,
  mpz_max_num_bits,
  mpz_as_str_inpl,
  mpz_as_bytes,
  mpz_as_float,
} from "./mpz";
import {
  mp_obj_int_new_mpz,
  mp_obj_int_mpz_binary_op,
  mp_obj_int_mpz_unary_op,
  mp_obj_int_from_bytes_impl,
  mp_obj_int_mpz_from_ll,
  mp_obj_int_mpz_from_float,
  mp_obj_int_mpz_get_checked,
  mp_obj_int_mpz_get_uint_checked,
  mp_obj_int_mpz_hash,
  mp_obj_int_pow3,
  mp_obj_int_sign,
  mp_obj_int_mpz_cmp_float,
  mp_cmp_result,
  mp_binary_op_is_compare,
} from "./objint_mpz";
import {
  mp_type_float,
  mp_obj_is_float,
  mp_obj_float_get,
  mp_obj_new_float,
  mp_obj_float_binary_op,
} from "./objfloat";
import { mp_type_complex, mp_obj_complex_binary_op } from "./objcomplex";
import { mp_parse_num_integer } from "./parsenum";
import * as Q from "./genhdr";

export { mp_obj_int_pow3, mp_obj_int_sign };

/** The int type (moved here from objtype.ts). */
export const mp_type_int: usize = memory.data(<i32>MP_TYPE_SIZE, 16);

// Allowed-argument tables (argcheck.ts layout, 8 bytes per entry), filled by objint_static_init.
const int_make_new_args: usize = memory.data(16, 4);
const int_from_bytes_args: usize = memory.data(16, 4);
const int_to_bytes_args: usize = memory.data(24, 4);

/** True for small ints and long-int objects (not bool), as mp_obj_is_int. */
@inline export function mp_obj_is_int(o: mp_obj_t): bool {
  return mp_obj_is_small_int(o) || (mp_obj_is_obj(o) && load<usize>(o) == mp_type_int);
}

/** The mpz_t inside a long-int object. */
@inline export function mp_obj_int_mpz(o: mp_obj_t): mpz_t {
  return o + 4;
}

// ---- construction ----

/** A new int from a 32-bit value (small int when it fits), as mp_obj_new_int. */
export function mp_obj_new_int(v: i32): mp_obj_t {
  if (v >= MP_SMALL_INT_MIN && v <= MP_SMALL_INT_MAX) return MP_OBJ_NEW_SMALL_INT(v);
  return mp_obj_int_mpz_from_ll(<i64>v, true);
}

/** A new int from a signed 64-bit value; MP_OBJ_NULL on MemoryError. */
export function mp_obj_new_int_from_ll(v: i64): mp_obj_t {
  if (MP_SMALL_INT_FITS(v)) return MP_OBJ_NEW_SMALL_INT(<i32>v);
  return mp_obj_int_mpz_from_ll(v, true);
}

/** A new int from an unsigned 64-bit value; MP_OBJ_NULL on MemoryError. */
export function mp_obj_new_int_from_ull(v: u64): mp_obj_t {
  if (v <= <u64>MP_SMALL_INT_MAX) return MP_OBJ_NEW_SMALL_INT(<i32>v);
  return mp_obj_int_mpz_from_ll(<i64>v, false);
}

/** A new int from an unsigned 32-bit value (mp_obj_new_int_from_uint). */
export function mp_obj_new_int_from_uint(v: u32): mp_obj_t {
  if (v <= <u32>MP_SMALL_INT_MAX) return MP_OBJ_NEW_SMALL_INT(<i32>v);
  return mp_obj_int_mpz_from_ll(<i64>v, false);
}

/**
 * int(val) for a double: truncates towards zero. OverflowError "can't convert
 * inf to int", ValueError "can't convert NaN to int" (mp_obj_new_int_from_float).
 */
export function mp_obj_new_int_from_float(val: f64): mp_obj_t {
  if (isNaN(val)) return mp_raise_ValueError("can't convert NaN to int");
  if (!isFinite(val)) return mp_raise_msg(mp_type_OverflowError, "can't convert inf to int");
  const t = Math.trunc(val);
  if (t >= <f64>MP_SMALL_INT_MIN && t <= <f64>MP_SMALL_INT_MAX) return MP_OBJ_NEW_SMALL_INT(<i32>t);
  return mp_obj_int_mpz_from_float(t);
}

// ---- conversions ----

/**
 * The value of an int (small, long or bool) as a 32-bit int; MP_INT_ERROR with
 * OverflowError "overflow converting long int to machine word" pending when it
 * does not fit (mp_obj_int_get_checked).
 */
export function mp_obj_int_get_checked(o: mp_obj_t): i64 {
  if (mp_obj_is_small_int(o)) return <i64>MP_OBJ_SMALL_INT_VALUE(o);
  if (o == mp_const_false) return 0;
  if (o == mp_const_true) return 1;
  return mp_obj_int_mpz_get_checked(o);
}

/** As mp_obj_int_get_checked for an unsigned 32-bit result (negative overflows). */
export function mp_obj_int_get_uint_checked(o: mp_obj_t): i64 {
  if (mp_obj_is_small_int(o)) {
    const v = MP_OBJ_SMALL_INT_VALUE(o);
    if (v >= 0) return <i64>v;
    mp_raise_msg(mp_type_OverflowError, "overflow converting long int to machine word");
    return MP_INT_ERROR;
  }
  if (o == mp_const_false) return 0;
  if (o == mp_const_true) return 1;
  return mp_obj_int_mpz_get_uint_checked(o);
}

/** The low 32 bits of an int as a signed value (mp_obj_int_get_truncated); never raises. */
export function mp_obj_int_get_truncated(o: mp_obj_t): i32 {
  if (mp_obj_is_small_int(o)) return MP_OBJ_SMALL_INT_VALUE(o);
  if (o == mp_const_false) return 0;
  if (o == mp_const_true) return 1;
  return mp_obj_int_mpz_hash(o);
}

/** Raises OverflowError "int too large to convert to float" (as CPython; MicroPython gives inf). */
export function mp_raise_int_too_large(): mp_obj_t {
  return mp_raise_msg(mp_type_OverflowError, "int too large to convert to float");
}

/** An int (small or long) as the nearest double (mp_obj_int_as_float_impl); +-inf beyond the range. */
export function mp_obj_int_as_float(o: mp_obj_t): f64 {
  if (mp_obj_is_small_int(o)) return <f64>MP_OBJ_SMALL_INT_VALUE(o);
  return mpz_as_float(mp_obj_int_mpz(o));
}

// ---- printing and formatting ----

const log_base2_floor: usize = memory.data<u8>([0, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 4]);

/** Bytes needed to format an int of `num_bits` bits (mp_int_format_size), with the NUL. */
export function mp_int_format_size(
  num_bits: usize,
  base: i32,
  prefix_len: usize,
  comma: u32,
): usize {
  let lb = base <= 16 ? <usize>load<u8>(log_base2_floor + base - 1) : base < 32 ? 4 : 5;
  if (lb == 0) lb = 1;
  const num_digits = num_bits / lb + 1;
  const num_commas = comma != 0 ? (base == 10 ? num_digits / 3 : num_digits / 4) : 0;
  return num_digits + num_commas + prefix_len + 2;
}

function cstr_len(p: usize): usize {
  if (p == 0) return 0;
  let n: usize = 0;
  while (load<u8>(p + n) != 0) n++;
  return n;
}

/**
 * Formats int `self_in` (small or long) in `base` (2..36) as MicroPython's
 * mp_obj_int_formatted. Words at `buf_p` and `buf_size_p` give a buffer and
 * its size; when it is too small a GC buffer is allocated and stored there
 * (then buf_p must be a root-stack word, and the caller frees it with
 * gc_free once done). The length is written to the word at `fmt_size_p`.
 * `prefix` is a NUL-terminated byte string or 0; digits above 9 start at
 * `base_char` ('a' or 'A'); `comma` (0 for none) separates groups of 3 (base
 * 10) or 4 digits. Returns the address of the text (NUL-terminated, inside
 * the buffer), or 0 on MemoryError. `self_in` must be rooted by the caller.
 */
export function mp_obj_int_formatted(
  buf_p: usize,
  buf_size_p: usize,
  fmt_size_p: usize,
  self_in: mp_obj_t,
  base: i32,
  prefix: usize,
  base_char: u32,
  comma: u32,
): usize {
  const prefix_len = cstr_len(prefix);
  if (
    !mp_obj_is_small_int(self_in) &&
    mp_obj_is_obj(self_in) &&
    load<usize>(self_in) == mp_type_int
  ) {
    const z = mp_obj_int_mpz(self_in);
    const needed = mp_int_format_size(mpz_max_num_bits(z), base, prefix_len, comma);
    if (needed > load<usize>(buf_size_p)) {
      const nb = gc_alloc(needed, 0);
      if (nb == 0) {
        mp_raise_memory_error(needed);
        return 0;
      }
      store<usize>(buf_p, nb);
      store<usize>(buf_size_p, needed);
    }
    const str = load<usize>(buf_p);
    const n = mpz_as_str_inpl(z, <u32>base, prefix, base_char, comma, str);
    if (n < 0) {
      mp_raise_memory_error(0);
      return 0;
    }
    store<usize>(fmt_size_p, <usize>n);
    return str;
  }
  // small int (or bool): format a 32-bit value from the end of the buffer
  let num: i32 = mp_obj_int_get_truncated(self_in);
  const needed = mp_int_format_size(32, base, prefix_len, comma);
  if (needed > load<usize>(buf_size_p)) {
    const nb = gc_alloc(needed, 0);
    if (nb == 0) {
      mp_raise_memory_error(needed);
      return 0;
    }
    store<usize>(buf_p, nb);
    store<usize>(buf_size_p, needed);
  }
  const str = load<usize>(buf_p);
  let neg = false;
  let u: u32 = <u32>num;
  if (num < 0) {
    neg = true;
    u = <u32>-num;
  }
  const n_comma: usize = base == 10 ? 3 : 4;
  let b = str + needed;
  store<u8>(--b, 0);
  let last_comma = b;
  if (u == 0) {
    store<u8>(--b, 48);
  } else {
    do {
      let c = u % <u32>base;
      u = u / <u32>base;
      if (c >= 10) c += base_char - 10;
      else c += 48;
      store<u8>(--b, <u8>c);
      if (comma != 0 && u != 0 && b > str && last_comma - b == n_comma) {
        store<u8>(--b, <u8>comma);
        last_comma = b;
      }
    } while (b > str && u != 0);
  }
  if (prefix_len != 0) {
    b -= prefix_len;
    memory.copy(b, prefix, prefix_len);
  }
  if (neg) store<u8>(--b, 45);
  store<usize>(fmt_size_p, str + needed - b - 1);
  return b;
}

const small_fmt_buf: usize = memory.data(64, 4);

/**
 * Prints int `o` to `print` in `base` with optional prefix/letters/separator
 * (see mp_obj_int_formatted). Returns false on MemoryError.
 */
export function mp_obj_int_print_base(
  print: usize,
  o: mp_obj_t,
  base: i32,
  prefix: usize,
  base_char: u32,
  comma: u32,
): bool {
  const mark = mp_root_mark();
  mp_root_push(o);
  const w = mp_root_alloc(3);
  if (w == 0) {
    mp_root_release(mark);
    mp_raise_memory_error(0);
    return false;
  }
  store<usize>(w, small_fmt_buf);
  store<usize>(w + 4, 64);
  const s = mp_obj_int_formatted(w, w + 4, w + 8, o, base, prefix, base_char, comma);
  if (s == 0) {
    mp_root_release(mark);
    return false;
  }
  const buf = load<usize>(w);
  // copy out of the shared scratch buffer before printing (the printer may format ints too)
  mp_print_strn(print, s, load<usize>(w + 8));
  if (buf != small_fmt_buf) gc_free(buf);
  mp_root_release(mark);
  return true;
}

/** The print slot: decimal digits for str() and repr() (mp_obj_int_print). */
export function mp_obj_int_print(print: usize, o: mp_obj_t, kind: u32): bool {
  if (mp_obj_is_small_int(o)) {
    mp_print_int(print, <i64>MP_OBJ_SMALL_INT_VALUE(o));
    return true;
  }
  const mark = mp_root_mark();
  mp_root_push(o);
  const w = mp_root_alloc(3);
  if (w == 0) {
    mp_root_release(mark);
    mp_raise_memory_error(0);
    return false;
  }
  const s = mp_obj_int_formatted(w, w + 4, w + 8, o, 10, 0, 97, 0);
  if (s != 0) {
    mp_print_strn(print, s, load<usize>(w + 8));
    gc_free(load<usize>(w));
  }
  mp_root_release(mark);
  return s != 0;
}

// ---- operators ----

/** Python floor division of small ints (mp_small_int_floor_divide); denom != 0. */
@inline function small_floor_divide(num: i32, denom: i32): i32 {
  if (num >= 0) {
    if (denom < 0) num += -denom - 1;
  } else {
    if (denom >= 0) num += -denom + 1;
  }
  return num / denom;
}

/** Python modulo of small ints (mp_small_int_modulo); divisor != 0. */
@inline function small_modulo(dividend: i32, divisor: i32): i32 {
  dividend %= divisor;
  if ((dividend < 0 && divisor > 0) || (dividend > 0 && divisor < 0)) dividend += divisor;
  return dividend;
}

/** Raises ZeroDivisionError("divide by zero"). */
export function mp_raise_divide_by_zero(): mp_obj_t {
  return mp_raise_msg(mp_type_ZeroDivisionError, "divide by zero");
}

/** Maps an in-place operator to its plain form (ints are immutable). */
@inline export function mp_binary_op_not_inplace(op: u32): u32 {
  return op >= R.MP_BINARY_OP_INPLACE_OR && op <= R.MP_BINARY_OP_INPLACE_POWER
    ? op + (R.MP_BINARY_OP_OR - R.MP_BINARY_OP_INPLACE_OR)
    : op;
}

/** op on two small-int values, as runtime.c's fast path; long-int results via mpz. */
function small_int_binary_op(op: u32, lhs: mp_obj_t, rhs: mp_obj_t): mp_obj_t {
  let l = MP_OBJ_SMALL_INT_VALUE(lhs);
  const r = MP_OBJ_SMALL_INT_VALUE(rhs);
  switch (op) {
    case R.MP_BINARY_OP_OR:
      return MP_OBJ_NEW_SMALL_INT(l | r);
    case R.MP_BINARY_OP_XOR:
      return MP_OBJ_NEW_SMALL_INT(l ^ r);
    case R.MP_BINARY_OP_AND:
      return MP_OBJ_NEW_SMALL_INT(l & r);
    case R.MP_BINARY_OP_LSHIFT: {
      if (r < 0) return mp_raise_ValueError("negative shift count");
      if (r >= 32 || l > MP_SMALL_INT_MAX >> r || l < MP_SMALL_INT_MIN >> r) {
        return mp_obj_int_mpz_binary_op(op, lhs, rhs);
      }
      return MP_OBJ_NEW_SMALL_INT(l << r);
    }
    case R.MP_BINARY_OP_RSHIFT: {
      if (r < 0) return mp_raise_ValueError("negative shift count");
      return MP_OBJ_NEW_SMALL_INT(l >> (r >= 32 ? 31 : r));
    }
    case R.MP_BINARY_OP_ADD:
      return mp_obj_new_int_from_ll(<i64>l + <i64>r);
    case R.MP_BINARY_OP_SUBTRACT:
      return mp_obj_new_int_from_ll(<i64>l - <i64>r);
    case R.MP_BINARY_OP_MULTIPLY:
      return mp_obj_new_int_from_ll(<i64>l * <i64>r);
    case R.MP_BINARY_OP_FLOOR_DIVIDE:
      if (r == 0) return mp_raise_divide_by_zero();
      return mp_obj_new_int(small_floor_divide(l, r));
    case R.MP_BINARY_OP_TRUE_DIVIDE:
      if (r == 0) return mp_raise_divide_by_zero();
      return mp_obj_new_float(<f64>l / <f64>r);
    case R.MP_BINARY_OP_MODULO:
      if (r == 0) return mp_raise_divide_by_zero();
      return MP_OBJ_NEW_SMALL_INT(small_modulo(l, r));
    case R.MP_BINARY_OP_POWER: {
      if (r < 0) return mp_obj_float_binary_op(op, <f64>l, rhs);
      let ans: i64 = 1;
      let base: i64 = <i64>l;
      let e = r;
      while (e > 0) {
        if (e & 1) {
          ans *= base;
          if (ans > 0x7fffffff || ans < -0x80000000) return mp_obj_int_mpz_binary_op(op, lhs, rhs);
        }
        if (e == 1) break;
        e >>= 1;
        base *= base;
        if (base > 0x7fffffff) return mp_obj_int_mpz_binary_op(op, lhs, rhs);
      }
      return mp_obj_new_int_from_ll(ans);
    }
    case R.MP_BINARY_OP_DIVMOD: {
      if (r == 0) return mp_raise_divide_by_zero();
      // the quotient first: -2**30 // -1 needs a long int (an allocation)
      const q = mp_obj_new_int(small_floor_divide(l, r));
      if (q == MP_OBJ_NULL) return MP_OBJ_NULL;
      const mark = mp_root_mark();
      mp_root_push(q);
      const t = mp_obj_new_tuple(2, 0);
      mp_root_release(mark);
      if (t == MP_OBJ_NULL) return MP_OBJ_NULL;
      store<usize>(t + 8, q);
      store<usize>(t + 12, MP_OBJ_NEW_SMALL_INT(small_modulo(l, r)));
      return t;
    }
    case R.MP_BINARY_OP_LESS:
      return mp_obj_new_bool(l < r);
    case R.MP_BINARY_OP_MORE:
      return mp_obj_new_bool(l > r);
    case R.MP_BINARY_OP_LESS_EQUAL:
      return mp_obj_new_bool(l <= r);
    case R.MP_BINARY_OP_MORE_EQUAL:
      return mp_obj_new_bool(l >= r);
    case R.MP_BINARY_OP_EQUAL:
      return mp_obj_new_bool(l == r);
    case R.MP_BINARY_OP_NOT_EQUAL:
      return mp_obj_new_bool(l != r);
    default:
      return MP_OBJ_NOT_SUPPORTED;
  }
}

/**
 * The extra cases of an int operator whose rhs is not an int or float
 * (mp_obj_int_binary_op_extra_cases): bools act as 0/1, and int * sequence
 * is delegated to the sequence. MP_OBJ_NOT_SUPPORTED otherwise.
 */
export function mp_obj_int_binary_op_extra_cases(op: u32, lhs: mp_obj_t, rhs: mp_obj_t): mp_obj_t {
  if (rhs == mp_const_false) return mp_obj_int_binary_op(op, lhs, MP_OBJ_NEW_SMALL_INT(0));
  if (rhs == mp_const_true) return mp_obj_int_binary_op(op, lhs, MP_OBJ_NEW_SMALL_INT(1));
  if (op == R.MP_BINARY_OP_MULTIPLY || op == R.MP_BINARY_OP_INPLACE_MULTIPLY) {
    if (mp_obj_is_qstr(rhs)) return mp_binary_op(R.MP_BINARY_OP_MULTIPLY, rhs, lhs);
    if (mp_obj_is_obj(rhs)) {
      const t = load<usize>(rhs);
      if (t == mp_type_str || t == mp_type_bytes || t == mp_type_tuple || t == mp_type_list) {
        return mp_binary_op(R.MP_BINARY_OP_MULTIPLY, rhs, lhs);
      }
    }
  }
  return MP_OBJ_NOT_SUPPORTED;
}

/**
 * The binary_op slot of int, and the entry the VM calls for any operator
 * with an int lhs (small or long): small-int fast paths as runtime.c's
 * mp_binary_op (overflow goes to mpz), then long ints, floats and complex
 * on the right. Returns MP_OBJ_NOT_SUPPORTED for types it does not handle;
 * MP_OBJ_NULL with ZeroDivisionError "divide by zero", ValueError "negative
 * shift count" or MemoryError pending.
 */
export function mp_obj_int_binary_op(op: u32, lhs: mp_obj_t, rhs: mp_obj_t): mp_obj_t {
  op = mp_binary_op_not_inplace(op);
  if (mp_obj_is_small_int(lhs) && mp_obj_is_small_int(rhs))
    return small_int_binary_op(op, lhs, rhs);
  if (mp_obj_is_small_int(rhs) || (mp_obj_is_obj(rhs) && load<usize>(rhs) == mp_type_int)) {
    return mp_obj_int_mpz_binary_op(op, lhs, rhs);
  }
  if (mp_obj_is_obj(rhs)) {
    const t = load<usize>(rhs);
    if (t == mp_type_float) {
      if (!mp_obj_is_small_int(lhs) && mp_binary_op_is_compare(op)) {
        return mp_cmp_result(op, mp_obj_int_mpz_cmp_float(lhs, mp_obj_float_get(rhs)));
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

/**
 * The unary_op slot of int (small and long): bool, hash (the value itself for
 * small ints), +, -, ~, abs, int(). MP_OBJ_NOT_SUPPORTED for others.
 */
export function mp_obj_int_unary_op(op: u32, o: mp_obj_t): mp_obj_t {
  if (!mp_obj_is_small_int(o)) return mp_obj_int_mpz_unary_op(op, o);
  const v = MP_OBJ_SMALL_INT_VALUE(o);
  switch (op) {
    case R.MP_UNARY_OP_BOOL:
      return mp_obj_new_bool(v != 0);
    case R.MP_UNARY_OP_HASH:
    case R.MP_UNARY_OP_POSITIVE:
    case R.MP_UNARY_OP_INT_MAYBE:
      return o;
    case R.MP_UNARY_OP_NEGATIVE:
      return mp_obj_new_int_from_ll(-(<i64>v));
    case R.MP_UNARY_OP_INVERT:
      return MP_OBJ_NEW_SMALL_INT(~v);
    case R.MP_UNARY_OP_ABS:
      return v < 0 ? mp_obj_new_int_from_ll(-(<i64>v)) : o;
    default:
      return MP_OBJ_NOT_SUPPORTED;
  }
}

// ---- constructor ----

/** Raises TypeError "can't convert %s to int" (mp_raise_TypeError_int_conversion). */
export function mp_raise_TypeError_int_conversion(o: mp_obj_t): mp_obj_t {
  return mp_raise_msg_varg(mp_type_TypeError, "can't convert %s to int", mp_obj_get_type_qstr(o));
}

/** Data of a str/bytes-like object for parsing, or 0 length with ptr 0 if not one. */
function int_text_of(o: mp_obj_t, out: usize): bool {
  if (mp_obj_is_qstr(o)) {
    store<usize>(out, mp_obj_str_get_data_ptr(o));
    store<usize>(out + 4, mp_obj_str_get_len(o));
    return true;
  }
  if (!mp_obj_is_obj(o)) return false;
  const t = load<usize>(o);
  if (t == mp_type_str || t == mp_type_bytes) {
    store<usize>(out, mp_obj_str_get_data_ptr(o));
    store<usize>(out + 4, mp_obj_str_get_len(o));
    return true;
  }
  // any other object with the buffer protocol (bytearray, array, memoryview)
  const f = mp_type_slot(t, SLOT_buffer);
  if (f != 0) {
    const bi = out + 8; // mp_buffer_info_t: buf, len, typecode
    if (call_buffer(f, o, bi, 1 /* MP_BUFFER_READ */) == 0) {
      store<usize>(out, load<usize>(bi));
      store<usize>(out + 4, load<usize>(bi + 4));
      return true;
    }
  }
  return false;
}

/**
 * int(), int(x), int(str, base) as mp_obj_int_make_new; `base` may also be
 * given as a keyword, as in CPython.
 */
function int_make_new(type: usize, n_args: usize, n_kw: usize, args: usize): mp_obj_t {
  let x: mp_obj_t = 0;
  let base_obj: mp_obj_t = 0;
  if (n_kw == 0) {
    if (n_args > 2) {
      return mp_raise_msg_varg(
        mp_type_TypeError,
        "function expected at most %d arguments, got %d",
        2,
        n_args,
      );
    }
    if (n_args >= 1) x = load<usize>(args);
    if (n_args == 2) base_obj = load<usize>(args + 4);
  } else {
    const mark = mp_root_mark();
    const vals = mp_root_alloc(2);
    const map = mp_map_fixed_from_kw(n_kw, args + (n_args << 2));
    if (vals == 0 || map == 0) {
      mp_root_release(mark);
      return mp_raise_TypeError("too many arguments");
    }
    const ok = mp_arg_parse_all(n_args, args, map, 2, int_make_new_args, vals);
    x = load<usize>(vals);
    base_obj = load<usize>(vals + 4);
    mp_root_release(mark);
    if (!ok) return MP_OBJ_NULL;
  }
  if (x == 0) {
    if (base_obj != 0) return mp_raise_TypeError("int() missing string argument");
    return MP_OBJ_NEW_SMALL_INT(0);
  }
  const info: usize = int_text_scratch;
  if (base_obj == 0) {
    const r = mp_obj_get_int_maybe_obj(x);
    if (r != MP_OBJ_NOT_SUPPORTED) return r;
    if (mp_obj_is_float(x)) return mp_obj_new_int_from_float(mp_obj_float_get(x));
    if (int_text_of(x, info)) {
      return mp_parse_num_integer(load<usize>(info), load<usize>(info + 4), 10, 0);
    }
    return mp_raise_TypeError_int_conversion(x);
  }
  const b = mp_obj_get_int(base_obj);
  if (b == MP_INT_ERROR) return MP_OBJ_NULL;
  if (!int_text_of(x, info)) {
    return mp_raise_TypeError("can't convert non-string with explicit base");
  }
  return mp_parse_num_integer(load<usize>(info), load<usize>(info + 4), <i32>b, 0);
}

const int_text_scratch: usize = memory.data(32, 4);

// ---- int.from_bytes / int.to_bytes ----

/**
 * int.from_bytes(bytes, byteorder='big', *, signed=False) (a classmethod:
 * args[0] is the class). As MicroPython's int_from_bytes, plus CPython's
 * `signed` keyword.
 */
function int_from_bytes(n_args: usize, args: usize, kw: usize): mp_obj_t {
  if (n_args < 2 || n_args > 4) {
    return mp_raise_msg_varg(
      mp_type_TypeError,
      "function expected at most %d arguments, got %d",
      4,
      n_args,
    );
  }
  const info: usize = int_text_scratch;
  const data = load<usize>(args + 4);
  if (
    !int_text_of(data, info) ||
    mp_obj_is_qstr(data) ||
    (mp_obj_is_obj(data) && load<usize>(data) == mp_type_str)
  ) {
    return mp_raise_TypeError("object with buffer protocol required");
  }
  let byteorder: mp_obj_t = n_args >= 3 ? load<usize>(args + 8) : MP_OBJ_NEW_QSTR(Q.MP_QSTR_big);
  let signed_ = false;
  if (n_args >= 4) {
    signed_ = load<usize>(args + 12) == mp_const_true;
  }
  if (kw != 0) {
    const vals = int_from_bytes_vals;
    store<usize>(vals, byteorder);
    store<usize>(vals + 4, signed_ ? mp_const_true : mp_const_false);
    const pos = n_args >= 3 ? 1 : 0;
    const mark = mp_root_mark();
    const ok = mp_arg_parse_all(pos, args + 8, kw, 2, int_from_bytes_args, vals);
    mp_root_release(mark);
    if (!ok) return MP_OBJ_NULL;
    byteorder = load<usize>(vals);
    signed_ = load<usize>(vals + 4) != 0;
  }
  const big_endian = byteorder != MP_OBJ_NEW_QSTR(Q.MP_QSTR_little);
  const buf = load<usize>(info);
  const len = load<usize>(info + 4);
  // small values directly
  let value: u32 = 0;
  let small = true;
  for (let i: usize = 0; i < len; i++) {
    if (value > (<u32>MP_SMALL_INT_MAX) >> 8) {
      small = false;
      break;
    }
    value = (value << 8) | (<u32>load<u8>(big_endian ? buf + i : buf + len - 1 - i));
  }
  let r: mp_obj_t;
  if (small) {
    r = MP_OBJ_NEW_SMALL_INT(<i32>value);
  } else {
    r = mp_obj_int_from_bytes_impl(big_endian, len, buf);
    if (r == MP_OBJ_NULL) return MP_OBJ_NULL;
  }
  if (signed_ && len > 0) {
    const top = load<u8>(big_endian ? buf : buf + len - 1);
    if ((top & 0x80) != 0) {
      // subtract 2**(8*len)
      const mark = mp_root_mark();
      mp_root_push(r);
      const p = mp_obj_int_binary_op(
        R.MP_BINARY_OP_LSHIFT,
        MP_OBJ_NEW_SMALL_INT(1),
        MP_OBJ_NEW_SMALL_INT(<i32>(len * 8)),
      );
      if (p == MP_OBJ_NULL) {
        mp_root_release(mark);
        return MP_OBJ_NULL;
      }
      mp_root_push(p);
      r = mp_obj_int_binary_op(R.MP_BINARY_OP_SUBTRACT, r, p);
      mp_root_release(mark);
    }
  }
  return r;
}

const int_from_bytes_vals: usize = memory.data(8, 4);

/** Raises OverflowError "value would overflow a %d byte buffer". */
function raise_to_bytes_overflow(n: usize): mp_obj_t {
  return mp_raise_msg_varg(mp_type_OverflowError, "value would overflow a %d byte buffer", n);
}

/**
 * Writes int `self_in` into `len` bytes at `buf` in two's complement, as
 * mp_obj_int_to_bytes; with `overflow_check` raises OverflowError ("can't
 * convert negative int to unsigned", "value would overflow a %d byte buffer")
 * and returns false.
 */
export function mp_obj_int_to_bytes(
  self_in: mp_obj_t,
  len: usize,
  buf: usize,
  big_endian: bool,
  is_signed: bool,
  overflow_check: bool,
): bool {
  if (mp_obj_is_obj(self_in) && load<usize>(self_in) == mp_type_int) {
    const z = mp_obj_int_mpz(self_in);
    if (overflow_check && !is_signed && mpz_neg(z) != 0) {
      mp_raise_msg(mp_type_OverflowError, "can't convert negative int to unsigned");
      return false;
    }
    if (!mpz_as_bytes(z, big_endian, is_signed, len, buf) && overflow_check) {
      raise_to_bytes_overflow(len);
      return false;
    }
    return true;
  }
  const v = mp_obj_get_int(self_in);
  if (v == MP_INT_ERROR) return false;
  if (overflow_check && v != 0) {
    if (!is_signed && v < 0) {
      mp_raise_msg(mp_type_OverflowError, "can't convert negative int to unsigned");
      return false;
    }
    if (len < 8) {
      let fits: bool;
      if (len == 0) fits = false;
      else if (is_signed) {
        const edge: i64 = (<i64>1) << (<i64>len * 8 - 1);
        fits = -edge <= v && v < edge;
      } else {
        fits = v < (<i64>1) << (<i64>len * 8);
      }
      if (!fits) {
        raise_to_bytes_overflow(len);
        return false;
      }
    }
  }
  let u = <u64>v;
  for (let i: usize = 0; i < len; i++) {
    store<u8>(big_endian ? buf + len - 1 - i : buf + i, <u8>u);
    u = <u64>((<i64>u) >> 8);
  }
  return true;
}

/** int.to_bytes(length=1, byteorder='big', *, signed=False) (int_to_bytes). */
function int_to_bytes(n_args: usize, args: usize, kw: usize): mp_obj_t {
  const mark = mp_root_mark();
  const vals = mp_root_alloc(3);
  if (vals == 0 || !mp_arg_parse_all(n_args - 1, args + 4, kw, 3, int_to_bytes_args, vals)) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  const self = load<usize>(args);
  const dlen = load<i32>(vals);
  const big_endian = load<usize>(vals + 4) != MP_OBJ_NEW_QSTR(Q.MP_QSTR_little);
  const signed_ = load<usize>(vals + 8) != 0;
  mp_root_release(mark);
  if (dlen < 0) return mp_raise_type(mp_type_ValueError);
  mp_root_push(self);
  const b = mp_obj_new_str_of_type_uninit(mp_type_bytes, <usize>dlen);
  mp_root_release(mark);
  if (b == MP_OBJ_NULL) return MP_OBJ_NULL;
  if (
    !mp_obj_int_to_bytes(self, <usize>dlen, mp_obj_str_get_data_ptr(b), big_endian, signed_, true)
  )
    return MP_OBJ_NULL;
  return b;
}

// ---- the type ----

/** The function object behind int.from_bytes. */
export const int_from_bytes_fun_obj: usize = memory.data(16, 16);
/** int.from_bytes: a static classmethod wrapping int_from_bytes_fun_obj. */
const int_from_bytes_obj: usize = memory.data(16, 16);
const int_to_bytes_obj: usize = memory.data(16, 16);
const int_locals_dict: usize = memory.data(16, 16);

/** Set-up of the int type and its methods (run once by mp_init). */
export function objint_static_init(): void {
  mp_type_setup(mp_type_int, Q.MP_QSTR_int, MP_TYPE_FLAG_NONE, 0);
  mp_type_set_make_new(mp_type_int, int_make_new);
  mp_type_set_print(mp_type_int, mp_obj_int_print);
  mp_type_set_unary_op(mp_type_int, mp_obj_int_unary_op);
  mp_type_set_binary_op(mp_type_int, mp_obj_int_binary_op);

  mp_arg_set(int_make_new_args, 0, Q.MP_QSTR_x, MP_ARG_OBJ, 0);
  mp_arg_set(int_make_new_args, 1, Q.MP_QSTR_base, MP_ARG_OBJ, 0);
  mp_arg_set(
    int_from_bytes_args,
    0,
    Q.MP_QSTR_byteorder,
    MP_ARG_OBJ,
    MP_OBJ_NEW_QSTR(Q.MP_QSTR_big),
  );
  mp_arg_set(int_from_bytes_args, 1, Q.MP_QSTR_signed, MP_ARG_KW_ONLY | MP_ARG_BOOL, 0);
  mp_arg_set(int_to_bytes_args, 0, Q.MP_QSTR_length, MP_ARG_INT, 1);
  mp_arg_set(int_to_bytes_args, 1, Q.MP_QSTR_byteorder, MP_ARG_OBJ, MP_OBJ_NEW_QSTR(Q.MP_QSTR_big));
  mp_arg_set(int_to_bytes_args, 2, Q.MP_QSTR_signed, MP_ARG_KW_ONLY | MP_ARG_BOOL, 0);

  mp_fun_kw_at(int_from_bytes_fun_obj, 2, int_from_bytes);
  store<usize>(int_from_bytes_obj, mp_type_classmethod);
  store<usize>(int_from_bytes_obj + 4, int_from_bytes_fun_obj);
  mp_fun_kw_at(int_to_bytes_obj, 1, int_to_bytes);
  mp_static_dict_at(int_locals_dict, 2);
  mp_static_dict_add(int_locals_dict, Q.MP_QSTR_from_bytes, int_from_bytes_obj);
  mp_static_dict_add(int_locals_dict, Q.MP_QSTR_to_bytes, int_to_bytes_obj);
  mp_type_set_locals_dict(mp_type_int, int_locals_dict);
}
