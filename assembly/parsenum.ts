// Parsing of number literals and of int()/float()/complex() strings, as
// MicroPython's parsenum.c. Floats are correctly rounded (round half to
// even on the exact decimal value), unlike MicroPython's approximation, so
// reprs match CPython's: a fast exact path for short inputs, otherwise a
// close guess refined by exact big-integer comparisons with the midpoints
// between neighbouring doubles (the static bignums of formatfloat.ts).

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_OBJ_NEW_SMALL_INT,
  MP_SMALL_INT_MAX,
  MP_SMALL_INT_MIN,
} from "./obj";
import {
  mp_raise_msg,
  mp_raise_ValueError,
  mp_raise_arg1,
  mp_pending_exception,
  mp_obj_exception_add_traceback,
  mp_type_ValueError,
  mp_type_SyntaxError,
} from "./objexcept";
import { mp_obj_new_str } from "./objstr";
import { mp_lexer_t } from "./lexer";
import { mp_obj_new_int_from_str_len } from "./objint_mpz";
import { mp_obj_new_float } from "./objfloat";
import { mp_obj_new_complex } from "./objcomplex";
import {
  bn_at,
  bn_set_u64,
  bn_copy,
  bn_mul_small,
  bn_add_small,
  bn_mul_pow5,
  bn_shl,
  bn_cmp,
  bn_is_zero,
} from "./formatfloat";


@inline function isspace(c: u32): bool {
  return c == 32 || (c >= 9 && c <= 13);
}

/**
 * Finds the radix of `len` bytes at `str` and the length of its prefix
 * (0x, 0o, 0b), as mp_parse_num_base. `base_ptr` holds the requested base (0
 * = from the prefix) and receives the real one; 1 marks a base-0 number
 * starting with 0 (valid only if all zeros).
 */
export function mp_parse_num_base(str: usize, len: usize, base_ptr: usize): usize {
  const b = load<i32>(base_ptr);
  if (len <= 1) {
    if (b == 0) store<i32>(base_ptr, 10);
    return 0;
  }
  if (load<u8>(str) == 48) {
    const c = (<u32>load<u8>(str + 1)) | 32;
    if (c == 120 && (b == 0 || b == 16)) {
      store<i32>(base_ptr, 16);
      return 2;
    } else if (c == 111 && (b == 0 || b == 8)) {
      store<i32>(base_ptr, 8);
      return 2;
    } else if (c == 98 && (b == 0 || b == 2)) {
      store<i32>(base_ptr, 2);
      return 2;
    }
    if (b == 0) store<i32>(base_ptr, 1);
    return 0;
  }
  if (b == 0) store<i32>(base_ptr, 10);
  return 0;
}

const base_box: usize = memory.data(8, 4);

/** Turns the pending ValueError into a SyntaxError at the token's line when called by the parser. */
function raise_exc_lex(lex: usize): mp_obj_t {
  if (lex != 0) {
    const exc = mp_pending_exception();
    store<usize>(exc, mp_type_SyntaxError);
    const l = changetype<mp_lexer_t>(lex);
    mp_obj_exception_add_traceback(exc, l.source_name, l.tok_line, 0);
  }
  return MP_OBJ_NULL;
}

const msg_buf: usize = memory.data(600, 4);

@inline function put_msg(n: usize, c: u32): usize {
  if (n < 580) store<u8>(msg_buf + n, <u8>c);
  return n + 1;
}

/** Appends the quoted text of `len` bytes at `p` as Python's repr of a str (mp_str_print_quoted). */
function put_quoted(n: usize, p: usize, len: usize): usize {
  let has_single = false;
  let has_double = false;
  for (let i: usize = 0; i < len; i++) {
    const c = load<u8>(p + i);
    if (c == 39) has_single = true;
    else if (c == 34) has_double = true;
  }
  const q: u32 = has_single && !has_double ? 34 : 39;
  n = put_msg(n, q);
  for (let i: usize = 0; i < len && n < 570; i++) {
    const c = <u32>load<u8>(p + i);
    if (c == q || c == 92) {
      n = put_msg(n, 92);
      n = put_msg(n, c);
    } else if (c == 10) {
      n = put_msg(n, 92);
      n = put_msg(n, 110);
    } else if (c == 13) {
      n = put_msg(n, 92);
      n = put_msg(n, 114);
    } else if (c == 9) {
      n = put_msg(n, 92);
      n = put_msg(n, 116);
    } else if (c < 32 || c == 127) {
      const hex = "0123456789abcdef";
      n = put_msg(n, 92);
      n = put_msg(n, 120);
      n = put_msg(n, <u32>hex.charCodeAt(c >> 4));
      n = put_msg(n, <u32>hex.charCodeAt(c & 15));
    } else {
      n = put_msg(n, c);
    }
  }
  return put_msg(n, q);
}

/** ValueError "invalid syntax for integer with base %d: '...'" (MICROPY_ERROR_REPORTING_DETAILED). */
function int_value_error(base: i32, start: usize, top: usize, lex: usize): mp_obj_t {
  const prefix = "invalid syntax for integer with base ";
  let n: usize = 0;
  for (let i = 0; i < prefix.length; i++) n = put_msg(n, <u32>prefix.charCodeAt(i));
  if (base >= 10) n = put_msg(n, 48 + <u32>(base / 10));
  n = put_msg(n, 48 + <u32>(base % 10));
  n = put_msg(n, 58);
  n = put_msg(n, 32);
  n = put_quoted(n, start, top - start);
  const s = mp_obj_new_str(msg_buf, n);
  if (s == MP_OBJ_NULL) return MP_OBJ_NULL;
  mp_raise_arg1(mp_type_ValueError, s);
  return raise_exc_lex(lex);
}

const used_box: usize = memory.data(4, 4);

/**
 * Parses an integer of `len` bytes at `str` in `base` (0: from its prefix;
 * underscores between digits allowed), as mp_parse_num_integer. Returns an
 * int (small or long), or MP_OBJ_NULL with ValueError "invalid syntax for
 * integer with base %d: '...'" or "int() arg 2 must be >= 2 and <= 36"
 * pending (SyntaxError at the token's line when `lex` is a lexer). `str`
 * must stay valid across allocation (rooted or static).
 */
export function mp_parse_num_integer(str: usize, len: usize, base: i32, lex: usize): mp_obj_t {
  const top = str + len;
  if ((base != 0 && base < 2) || base > 36) {
    return mp_raise_ValueError("int() arg 2 must be >= 2 and <= 36");
  }
  while (str < top && isspace(load<u8>(str))) str++;
  let neg = false;
  if (str < top) {
    const c = load<u8>(str);
    if (c == 43) str++;
    else if (c == 45) {
      str++;
      neg = true;
    }
  }
  store<i32>(base_box, base);
  str += mp_parse_num_base(str, top - str, base_box);
  base = load<i32>(base_box);
  const start = str;
  let val: i64 = 0;
  let ret: mp_obj_t = 0;
  for (; str < top; str++) {
    let dig = <u32>load<u8>(str);
    if (dig >= 48 && dig <= 57) {
      dig -= 48;
    } else if (dig == 95) {
      continue;
    } else {
      dig |= 0x20;
      if (dig >= 97 && dig <= 122) dig -= 87;
      else break;
    }
    if (dig >= <u32>base) break;
    val = val * base + dig;
    if (val > <i64>MP_SMALL_INT_MAX + 1) {
      // too big for a small int: reparse as a long int
      ret = mp_obj_new_int_from_str_len(
        start,
        top - start,
        neg,
        <u32>(base == 1 ? 10 : base),
        used_box,
      );
      if (ret == MP_OBJ_NULL) return MP_OBJ_NULL;
      str = start + load<usize>(used_box);
      break;
    }
  }
  if (ret == 0) {
    if (!neg && val > <i64>MP_SMALL_INT_MAX) {
      ret = mp_obj_new_int_from_str_len(start, top - start, neg, <u32>base, used_box);
      if (ret == MP_OBJ_NULL) return MP_OBJ_NULL;
      str = start + load<usize>(used_box);
    } else {
      ret = MP_OBJ_NEW_SMALL_INT(<i32>(neg ? -val : val));
    }
  }
  if (str == start) return int_value_error(base == 1 ? 0 : base, start, top, lex);
  while (str < top && isspace(load<u8>(str))) str++;
  if (str != top) return int_value_error(base == 1 ? 0 : base, start, top, lex);
  if (base == 1 && ret != MP_OBJ_NEW_SMALL_INT(0)) return int_value_error(0, start, top, lex);
  return ret;
}

// ---- floats ----

@inline const MAX_SIG_DIGITS: i32 = 768;
const sig_digits: usize = memory.data(MAX_SIG_DIGITS + 8, 4);
let n_sig: i32 = 0;
let dec_exp: i32 = 0;

/**
 * Reads an unsigned decimal number (digits, '.', exponent, underscores) at
 * [str, top) into sig_digits / n_sig / dec_exp (value = DIGITS * 10**dec_exp).
 * Returns the end of the number, or 0 if it is malformed (no digits, or an
 * exponent without digits).
 */
function parse_decimal(str: usize, top: usize): usize {
  n_sig = 0;
  let dexp: i64 = 0;
  let any_digit = false;
  let sticky = false;
  let in_frac = false;
  while (str < top) {
    const c = <u32>load<u8>(str);
    if (c >= 48 && c <= 57) {
      any_digit = true;
      const d = c - 48;
      if (n_sig == 0 && d == 0) {
        if (in_frac) dexp--;
      } else if (n_sig < MAX_SIG_DIGITS) {
        store<u8>(sig_digits + n_sig++, <u8>d);
        if (in_frac) dexp--;
      } else {
        if (d != 0) sticky = true;
        if (!in_frac) dexp++;
      }
      str++;
    } else if (c == 46 && !in_frac) {
      in_frac = true;
      str++;
    } else if (c == 95) {
      str++;
    } else {
      break;
    }
  }
  if (!any_digit) return 0;
  if (str < top && ((<u32>load<u8>(str)) | 0x20) == 101) {
    str++;
    let eneg = false;
    if (str < top) {
      const c = load<u8>(str);
      if (c == 43) str++;
      else if (c == 45) {
        str++;
        eneg = true;
      }
    }
    let ev: i64 = 0;
    let got = false;
    while (str < top) {
      const c = <u32>load<u8>(str);
      if (c >= 48 && c <= 57) {
        if (ev < 100000000) ev = ev * 10 + (c - 48);
        got = true;
        str++;
      } else if (c == 95 && got) {
        str++;
      } else {
        break;
      }
    }
    if (!got) return 0;
    dexp += eneg ? -ev : ev;
  }
  if (sticky) {
    // a digit beyond the kept ones: breaks ties the right way
    store<u8>(sig_digits + n_sig++, 1);
    dexp--;
  }
  // drop trailing zeros of the significand
  while (n_sig > 0 && load<u8>(sig_digits + n_sig - 1) == 0) {
    n_sig--;
    dexp++;
  }
  if (dexp > 1000000) dexp = 1000000;
  if (dexp < -1000000) dexp = -1000000;
  dec_exp = <i32>dexp;
  return str;
}

const exact_pow10: usize = memory.data<f64>([
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17,
  1e18, 1e19, 1e20, 1e21, 1e22,
]);
@inline function p10(i: i32): f64 {
  return load<f64>(exact_pow10 + ((<usize>i) << 3));
}

/** Sets bignum `a` to the significand digits. */
function bn_from_digits(a: usize): void {
  bn_set_u64(a, 0);
  let i = 0;
  while (i < n_sig) {
    let chunk: u32 = 0;
    let mul: u32 = 1;
    for (let k = 0; k < 9 && i < n_sig; k++, i++) {
      chunk = chunk * 10 + <u32>load<u8>(sig_digits + i);
      mul *= 10;
    }
    bn_mul_small(a, mul);
    bn_add_small(a, chunk);
  }
}

/**
 * sign(DIGITS * 10**dec_exp - m * 2**b) exactly, with DIGITS in bignum 5
 * (bignums 6 and 7 are scratch).
 */
function cmp_with(m: u64, b: i32): i32 {
  const l = bn_at(6);
  const r = bn_at(7);
  bn_copy(l, bn_at(5));
  bn_set_u64(r, m);
  if (dec_exp >= 0) bn_mul_pow5(l, dec_exp);
  else bn_mul_pow5(r, -dec_exp);
  const diff = dec_exp - b; // powers of two: 2**dec_exp on the left, 2**b on the right
  if (diff > 0) bn_shl(l, <usize>diff);
  else if (diff < 0) bn_shl(r, <usize>-diff);
  return bn_cmp(l, r);
}

/** The double nearest to DIGITS * 10**dec_exp (n_sig > 0), ties to even. */
function decimal_to_double(): f64 {
  const mag = n_sig + dec_exp; // value < 10**mag
  if (mag > 310) return Infinity;
  if (mag < -324) return 0.0;
  // fast exact path (Clinger): the significand and the power of ten are exact doubles
  if (n_sig <= 15) {
    let w: u64 = 0;
    for (let i = 0; i < n_sig; i++) w = w * 10 + <u64>load<u8>(sig_digits + i);
    const fw = <f64>w;
    if (dec_exp >= 0 && dec_exp <= 22) return fw * p10(dec_exp);
    if (dec_exp < 0 && dec_exp >= -22) return fw / p10(-dec_exp);
    if (dec_exp > 22 && dec_exp <= 22 + 15 - n_sig) return fw * p10(dec_exp - 22) * 1e22;
  }
  // a close guess from the leading 19 digits
  let w: u64 = 0;
  const take = n_sig < 19 ? n_sig : 19;
  for (let i = 0; i < take; i++) w = w * 10 + <u64>load<u8>(sig_digits + i);
  let e10 = dec_exp + (n_sig - take);
  let guess = <f64>w;
  while (e10 > 22) {
    guess *= 1e22;
    e10 -= 22;
  }
  while (e10 < -22) {
    guess /= 1e22;
    e10 += 22;
  }
  guess = e10 >= 0 ? guess * p10(e10) : guess / p10(-e10);
  if (!isFinite(guess)) guess = 1.7976931348623157e308;
  // refine by exact comparisons with the rounding boundaries
  bn_from_digits(bn_at(5));
  for (let iter = 0; iter < 200; iter++) {
    const bits = reinterpret<u64>(guess);
    const be = <i32>((bits >> 52) & 0x7ff);
    let mant: u64 = bits & 0xfffffffffffff;
    let bexp: i32;
    if (be == 0) {
      bexp = -1074;
    } else {
      mant |= (<u64>1) << 52;
      bexp = be - 1075;
    }
    // upper boundary: (2*mant + 1) * 2**(bexp - 1)
    const cu = cmp_with(2 * mant + 1, bexp - 1);
    if (cu > 0 || (cu == 0 && (mant & 1) != 0)) {
      if (bits == 0x7fefffffffffffff) return Infinity;
      guess = reinterpret<f64>(bits + 1);
      if (cu == 0) return guess;
      continue;
    }
    if (cu == 0) return guess;
    if (mant == 0) return guess; // zero: anything below the first boundary rounds to it
    // lower boundary: the gap below is half as wide at a power of two
    let cl: i32;
    if (mant == (<u64>1) << 52 && be > 1) cl = cmp_with(4 * mant - 1, bexp - 2);
    else cl = cmp_with(2 * mant - 1, bexp - 1);
    if (cl < 0 || (cl == 0 && (mant & 1) != 0)) {
      guess = reinterpret<f64>(bits - 1);
      if (cl == 0) return guess;
      continue;
    }
    return guess;
  }
  return guess;
}

/**
 * The double nearest to the decimal DIGITS * 10**exp10, DIGITS being `n`
 * ASCII digits at `p` (leading zeros allowed), ties to even. For exact
 * rounding helpers (mp_float_round).
 */
export function mp_decimal_to_double(p: usize, n: i32, exp10: i32): f64 {
  n_sig = 0;
  let i = 0;
  while (i < n && load<u8>(p + i) == 48) i++;
  let e = exp10;
  for (; i < n; i++) {
    if (n_sig < MAX_SIG_DIGITS) store<u8>(sig_digits + n_sig++, load<u8>(p + i) - 48);
    else e++;
  }
  while (n_sig > 0 && load<u8>(sig_digits + n_sig - 1) == 0) {
    n_sig--;
    e++;
  }
  if (n_sig == 0) return 0.0;
  dec_exp = e;
  return decimal_to_double();
}

/**
 * Parses an unsigned decimal at [str, top) into a double at `out`; returns
 * the end of the number or 0 if malformed (mp_parse_float_internal).
 */
export function mp_parse_float_internal(str: usize, top: usize, out: usize): usize {
  const end = parse_decimal(str, top);
  if (end == 0) return 0;
  store<f64>(out, n_sig == 0 ? 0.0 : decimal_to_double());
  return end;
}

const fscratch: usize = memory.data(8, 8);

@inline function lower(p: usize): u32 {
  return (<u32>load<u8>(p)) | 0x20;
}

/**
 * Parses a float or complex literal/string (mp_parse_num_decimal): optional
 * spaces and sign, "inf"/"infinity"/"nan" in any case, a decimal number with
 * underscores, a trailing 'j' when `allow_imag`; with `force_complex` a
 * "real+imagj" form and a complex result. Returns a float or complex, or
 * MP_OBJ_NULL with ValueError "invalid syntax for number" pending (a
 * SyntaxError at the token's line when `lex` is a lexer).
 */
export function mp_parse_num_float(
  str: usize,
  len: usize,
  allow_imag: bool,
  force_complex: bool,
  lex: usize,
): mp_obj_t {
  const top = str + len;
  let real_imag_state: u32 = 0; // 1: have real, 2: have imag
  let dec_real: f64 = 0;
  let dec_val: f64 = 0;
  while (true) {
    let dec_neg = false;
    while (str < top && isspace(load<u8>(str))) str++;
    if (str < top) {
      const c = load<u8>(str);
      if (c == 43) str++;
      else if (c == 45) {
        str++;
        dec_neg = true;
      }
    }
    const start = str;
    if (
      str + 2 < top + 0 &&
      str + 3 <= top &&
      lower(str) == 105 &&
      lower(str + 1) == 110 &&
      lower(str + 2) == 102
    ) {
      str += 3;
      dec_val = Infinity;
      if (
        str + 5 <= top &&
        lower(str) == 105 &&
        lower(str + 1) == 110 &&
        lower(str + 2) == 105 &&
        lower(str + 3) == 116 &&
        lower(str + 4) == 121
      ) {
        str += 5;
      }
    } else if (
      str + 3 <= top &&
      lower(str) == 110 &&
      lower(str + 1) == 97 &&
      lower(str + 2) == 110
    ) {
      str += 3;
      dec_val = NaN;
    } else {
      const end = mp_parse_float_internal(str, top, fscratch);
      if (end == 0) {
        // "j" alone means 1j
        if (allow_imag && str < top && lower(str) == 106) {
          dec_val = 1;
        } else {
          return float_value_error(lex);
        }
      } else {
        str = end;
        dec_val = load<f64>(fscratch);
      }
    }
    if (allow_imag && str < top && lower(str) == 106) {
      str++;
      real_imag_state |= 2;
    }
    if (dec_neg) dec_val = -dec_val;
    if (str == start) return float_value_error(lex);
    while (str < top && isspace(load<u8>(str))) str++;
    if (str != top) {
      if (force_complex && real_imag_state == 0) {
        // only a real part so far: go on for the imaginary part
        dec_real = dec_val;
        dec_val = 0;
        real_imag_state |= 1;
        continue;
      }
      return float_value_error(lex);
    }
    break;
  }
  if (real_imag_state == 1) return float_value_error(lex);
  if (real_imag_state != 0) return mp_obj_new_complex(dec_real, dec_val);
  if (force_complex) return mp_obj_new_complex(dec_val, 0);
  return mp_obj_new_float(dec_val);
}

function float_value_error(lex: usize): mp_obj_t {
  mp_raise_msg(mp_type_ValueError, "invalid syntax for number");
  return raise_exc_lex(lex);
}

/** Parses a complex literal/string (mp_parse_num_complex). */
export function mp_parse_num_complex(str: usize, len: usize, lex: usize): mp_obj_t {
  return mp_parse_num_float(str, len, true, true, lex);
}
