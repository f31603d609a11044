// complex, as MicroPython's objcomplex.c (MICROPY_PY_BUILTINS_COMPLEX).
//
//   mp_obj_complex_t (24 bytes, two GC blocks):  +0 type  +4 pad  +8 real (f64)  +16 imag (f64)

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_OBJ_NOT_SUPPORTED,
  MP_TYPE_SIZE,
  mp_obj_is_obj,
  mp_obj_is_qstr,
  MP_OBJ_NEW_SMALL_INT,
  mp_obj_new_bool,
  mp_type_setup,
  mp_type_set_make_new,
  mp_type_set_print,
  mp_type_set_unary_op,
  mp_type_set_binary_op,
  mp_type_set_attr,
  mp_type_slot,
  SLOT_unary_op,
  call_unary_op,
  mp_obj_get_type_qstr,
  MP_TYPE_FLAG_EQ_NOT_REFLEXIVE,
  MP_TYPE_FLAG_EQ_CHECKS_OTHER_TYPE,
} from "./obj";
import * as R from "./runtime0";
import { gc_alloc } from "./gc";
import { mp_raise_memory_error } from "./runtime";
import {
  mp_raise_msg,
  mp_raise_msg_varg,
  mp_raise_TypeError,
  mp_type_ZeroDivisionError,
  mp_type_TypeError,
} from "./objexcept";
import { mp_type_str, mp_obj_str_get_data_ptr, mp_obj_str_get_len } from "./objstr";
import { mp_print_str } from "./mpprint";
import { PF_FLAG_SHOW_SIGN } from "./mpprint";
import {
  mp_obj_new_float,
  mp_obj_get_float_maybe,
  mp_obj_get_float_to,
  mp_float_hash,
} from "./objfloat";
import { mp_print_float, MP_FLOAT_REPR_PREC } from "./formatfloat";
import { mp_parse_num_float } from "./parsenum";
import * as Q from "./genhdr";

export const mp_type_complex: usize = memory.data(<i32>MP_TYPE_SIZE, 16);

/** A new complex object; MP_OBJ_NULL with MemoryError pending on a full heap. */
export function mp_obj_new_complex(real: f64, imag: f64): mp_obj_t {
  const o = gc_alloc(24, 0);
  if (o == 0) return mp_raise_memory_error(24);
  store<usize>(o, mp_type_complex);
  store<f64>(o + 8, real);
  store<f64>(o + 16, imag);
  return o;
}

@inline export function mp_obj_complex_real(o: mp_obj_t): f64 {
  return load<f64>(o + 8);
}
@inline export function mp_obj_complex_imag(o: mp_obj_t): f64 {
  return load<f64>(o + 16);
}

/** True if `o` is a complex object. */
@inline export function mp_obj_is_complex(o: mp_obj_t): bool {
  return mp_obj_is_obj(o) && load<usize>(o) == mp_type_complex;
}

/** Scratch for the conversions: real at +0, imag at +8. */
export const mp_complex_scratch: usize = memory.data(16, 8);

/**
 * A number as complex (mp_obj_get_complex_maybe): real, imag written at
 * `out`, `out + 8`. Returns 1, 0 if not a number, -1 if a conversion raised.
 */
export function mp_obj_get_complex_maybe(arg: mp_obj_t, out: usize): i32 {
  const r = mp_obj_get_float_maybe(arg, out);
  if (r != 0) {
    store<f64>(out + 8, 0);
    return r;
  }
  if (mp_obj_is_complex(arg)) {
    store<f64>(out, mp_obj_complex_real(arg));
    store<f64>(out + 8, mp_obj_complex_imag(arg));
    return 1;
  }
  if (mp_obj_is_obj(arg)) {
    const f = mp_type_slot(load<usize>(arg), SLOT_unary_op);
    if (f != 0) {
      const c = call_unary_op(f, R.MP_UNARY_OP_COMPLEX_MAYBE, arg);
      if (c == MP_OBJ_NULL) return -1;
      if (mp_obj_is_complex(c)) {
        store<f64>(out, mp_obj_complex_real(c));
        store<f64>(out + 8, mp_obj_complex_imag(c));
        return 1;
      }
    }
  }
  return 0;
}

/** As mp_obj_get_complex_maybe, raising TypeError "can't convert %s to complex". */
export function mp_obj_get_complex_to(arg: mp_obj_t, out: usize): bool {
  const r = mp_obj_get_complex_maybe(arg, out);
  if (r > 0) return true;
  if (r == 0)
    mp_raise_msg_varg(mp_type_TypeError, "can't convert %s to complex", mp_obj_get_type_qstr(arg));
  return false;
}

function complex_print(print: usize, o: mp_obj_t, kind: u32): bool {
  const re = mp_obj_complex_real(o);
  const im = mp_obj_complex_imag(o);
  // as CPython: the real part is shown unless it is +0.0
  if (re != 0 || reinterpret<u64>(re) >> 63 != 0 || isNaN(re)) {
    mp_print_str(print, "(");
    mp_print_float(print, re, 103, 0, 0, -1, MP_FLOAT_REPR_PREC);
    mp_print_float(print, im, 103, PF_FLAG_SHOW_SIGN, 0, -1, MP_FLOAT_REPR_PREC);
    mp_print_str(print, "j)");
  } else {
    mp_print_float(print, im, 103, 0, 0, -1, MP_FLOAT_REPR_PREC);
    mp_print_str(print, "j");
  }
  return true;
}

const cs2: usize = memory.data(16, 8);

/** complex(), complex(x), complex(real, imag), complex("1+2j") (complex_make_new). */
function complex_make_new(type: usize, n_args: usize, n_kw: usize, args: usize): mp_obj_t {
  if (n_kw != 0) return mp_raise_TypeError("function doesn't take keyword arguments");
  if (n_args > 2)
    return mp_raise_msg_varg(
      mp_type_TypeError,
      "function expected at most %d arguments, got %d",
      2,
      n_args,
    );
  if (n_args == 0) return mp_obj_new_complex(0, 0);
  const a = load<usize>(args);
  if (n_args == 1) {
    if (mp_obj_is_qstr(a) || (mp_obj_is_obj(a) && load<usize>(a) == mp_type_str)) {
      return mp_parse_num_float(mp_obj_str_get_data_ptr(a), mp_obj_str_get_len(a), true, true, 0);
    }
    if (mp_obj_is_complex(a)) return a;
    if (!mp_obj_get_complex_to(a, mp_complex_scratch)) return MP_OBJ_NULL;
    return mp_obj_new_complex(load<f64>(mp_complex_scratch), load<f64>(mp_complex_scratch + 8));
  }
  const b = load<usize>(args + 4);
  // as CPython's complex_new: complex(a, b) = a + b*1j without adding a
  // spurious +0.0 to a real b (so complex(0, -0.0) keeps its -0.0)
  let cr_real: f64;
  let cr_imag: f64 = 0;
  let ci_real: f64;
  let ci_imag: f64 = 0;
  if (mp_obj_is_complex(a)) {
    cr_real = mp_obj_complex_real(a);
    cr_imag = mp_obj_complex_imag(a);
  } else {
    if (!mp_obj_get_float_to(a, cs2)) return MP_OBJ_NULL;
    cr_real = load<f64>(cs2);
  }
  if (mp_obj_is_complex(b)) {
    ci_real = mp_obj_complex_real(b);
    ci_imag = mp_obj_complex_imag(b);
  } else {
    if (!mp_obj_get_float_to(b, cs2)) return MP_OBJ_NULL;
    ci_real = load<f64>(cs2);
  }
  if (mp_obj_is_complex(b)) cr_real -= ci_imag;
  if (mp_obj_is_complex(a)) ci_real += cr_imag;
  const real = cr_real;
  const imag = ci_real;
  return mp_obj_new_complex(real, imag);
}

function complex_unary_op(op: u32, o: mp_obj_t): mp_obj_t {
  const re = mp_obj_complex_real(o);
  const im = mp_obj_complex_imag(o);
  switch (op) {
    case R.MP_UNARY_OP_BOOL:
      return mp_obj_new_bool(re != 0 || im != 0);
    case R.MP_UNARY_OP_HASH:
      return MP_OBJ_NEW_SMALL_INT(mp_float_hash(re) ^ mp_float_hash(im));
    case R.MP_UNARY_OP_POSITIVE:
    case R.MP_UNARY_OP_COMPLEX_MAYBE:
      return o;
    case R.MP_UNARY_OP_NEGATIVE:
      return mp_obj_new_complex(-re, -im);
    case R.MP_UNARY_OP_ABS:
      return mp_obj_new_float(Math.hypot(re, im));
    default:
      return MP_OBJ_NOT_SUPPORTED;
  }
}

function complex_binary_op(op: u32, lhs: mp_obj_t, rhs: mp_obj_t): mp_obj_t {
  return mp_obj_complex_binary_op(op, mp_obj_complex_real(lhs), mp_obj_complex_imag(lhs), rhs);
}

function complex_attr(o: mp_obj_t, attr: usize, dest: usize): bool {
  if (load<usize>(dest) != MP_OBJ_NULL) return true; // only loads
  if (attr == Q.MP_QSTR_real) {
    const f = mp_obj_new_float(mp_obj_complex_real(o));
    if (f == MP_OBJ_NULL) return false;
    store<usize>(dest, f);
  } else if (attr == Q.MP_QSTR_imag) {
    const f = mp_obj_new_float(mp_obj_complex_imag(o));
    if (f == MP_OBJ_NULL) return false;
    store<usize>(dest, f);
  }
  return true;
}

/**
 * `(lhs_real + lhs_imag j) op rhs_in` (mp_obj_complex_binary_op): + - * / **
 * and ==; TypeError "can't truncate-divide a complex number",
 * ZeroDivisionError "complex divide by zero" / "0.0 to a complex power".
 */
export function mp_obj_complex_binary_op(
  op: u32,
  lhs_real: f64,
  lhs_imag: f64,
  rhs_in: mp_obj_t,
): mp_obj_t {
  const g = mp_obj_get_complex_maybe(rhs_in, cs2);
  if (g < 0) return MP_OBJ_NULL;
  if (g == 0) return MP_OBJ_NOT_SUPPORTED;
  let rhs_real = load<f64>(cs2);
  let rhs_imag = load<f64>(cs2 + 8);
  if (op >= R.MP_BINARY_OP_INPLACE_OR && op <= R.MP_BINARY_OP_INPLACE_POWER)
    op += R.MP_BINARY_OP_OR - R.MP_BINARY_OP_INPLACE_OR;
  switch (op) {
    case R.MP_BINARY_OP_ADD:
      lhs_real += rhs_real;
      lhs_imag += rhs_imag;
      break;
    case R.MP_BINARY_OP_SUBTRACT:
      lhs_real -= rhs_real;
      lhs_imag -= rhs_imag;
      break;
    case R.MP_BINARY_OP_MULTIPLY: {
      const real = lhs_real * rhs_real - lhs_imag * rhs_imag;
      lhs_imag = lhs_real * rhs_imag + lhs_imag * rhs_real;
      lhs_real = real;
      break;
    }
    case R.MP_BINARY_OP_FLOOR_DIVIDE:
    case R.MP_BINARY_OP_MODULO:
    case R.MP_BINARY_OP_DIVMOD:
      return mp_raise_TypeError("can't truncate-divide a complex number");
    case R.MP_BINARY_OP_TRUE_DIVIDE:
      if (rhs_imag == 0) {
        if (rhs_real == 0) return mp_raise_msg(mp_type_ZeroDivisionError, "complex divide by zero");
        lhs_real /= rhs_real;
        lhs_imag /= rhs_real;
      } else if (rhs_real == 0) {
        const real = lhs_imag / rhs_imag;
        lhs_imag = -lhs_real / rhs_imag;
        lhs_real = real;
      } else {
        // Smith's algorithm, as CPython's _Py_c_quot (fewer overflows than MicroPython's)
        if (Math.abs(rhs_real) >= Math.abs(rhs_imag)) {
          const ratio = rhs_imag / rhs_real;
          const denom = rhs_real + rhs_imag * ratio;
          const real = (lhs_real + lhs_imag * ratio) / denom;
          lhs_imag = (lhs_imag - lhs_real * ratio) / denom;
          lhs_real = real;
        } else {
          const ratio = rhs_real / rhs_imag;
          const denom = rhs_real * ratio + rhs_imag;
          const real = (lhs_real * ratio + lhs_imag) / denom;
          lhs_imag = (lhs_imag * ratio - lhs_real) / denom;
          lhs_real = real;
        }
      }
      break;
    case R.MP_BINARY_OP_POWER: {
      // z1**z2 = exp(z2 * ln(z1))
      const abs1 = Math.hypot(lhs_real, lhs_imag);
      if (abs1 == 0) {
        if (rhs_imag == 0 && rhs_real >= 0) {
          lhs_real = rhs_real == 0 ? 1 : 0;
          lhs_imag = 0;
        } else {
          return mp_raise_msg(mp_type_ZeroDivisionError, "0.0 to a complex power");
        }
      } else if (rhs_imag == 0 && rhs_real == Math.floor(rhs_real) && Math.abs(rhs_real) <= 100) {
        // small integral exponents by repeated multiplication, as CPython (exact for e.g. (1+2j)**2)
        let n = <i32>rhs_real;
        const inv = n < 0;
        if (inv) n = -n;
        let rr: f64 = 1;
        let ri: f64 = 0;
        let br = lhs_real;
        let bi = lhs_imag;
        while (n > 0) {
          if (n & 1) {
            const t = rr * br - ri * bi;
            ri = rr * bi + ri * br;
            rr = t;
          }
          n >>= 1;
          if (n > 0) {
            const t = br * br - bi * bi;
            bi = 2 * br * bi;
            br = t;
          }
        }
        if (inv) {
          // 1 / (rr + ri j)
          if (Math.abs(rr) >= Math.abs(ri)) {
            const ratio = ri / rr;
            const denom = rr + ri * ratio;
            lhs_real = 1 / denom;
            lhs_imag = -ratio / denom;
          } else {
            const ratio = rr / ri;
            const denom = rr * ratio + ri;
            lhs_real = ratio / denom;
            lhs_imag = -1 / denom;
          }
        } else {
          lhs_real = rr;
          lhs_imag = ri;
        }
      } else {
        // as CPython's c_pow
        let len = Math.pow(abs1, rhs_real);
        const at = Math.atan2(lhs_imag, lhs_real);
        let phase = at * rhs_real;
        if (rhs_imag != 0) {
          len /= Math.exp(at * rhs_imag);
          phase += rhs_imag * Math.log(abs1);
        }
        lhs_real = len * Math.cos(phase);
        lhs_imag = len * Math.sin(phase);
      }
      break;
    }
    case R.MP_BINARY_OP_EQUAL:
      return mp_obj_new_bool(lhs_real == rhs_real && lhs_imag == rhs_imag);
    case R.MP_BINARY_OP_NOT_EQUAL:
      return mp_obj_new_bool(!(lhs_real == rhs_real && lhs_imag == rhs_imag));
    default:
      return MP_OBJ_NOT_SUPPORTED;
  }
  return mp_obj_new_complex(lhs_real, lhs_imag);
}

/** Set-up of the complex type (run once by mp_init). */
export function objcomplex_static_init(): void {
  mp_type_setup(
    mp_type_complex,
    Q.MP_QSTR_complex,
    MP_TYPE_FLAG_EQ_NOT_REFLEXIVE | MP_TYPE_FLAG_EQ_CHECKS_OTHER_TYPE,
    0,
  );
  mp_type_set_make_new(mp_type_complex, complex_make_new);
  mp_type_set_print(mp_type_complex, complex_print);
  mp_type_set_unary_op(mp_type_complex, complex_unary_op);
  mp_type_set_binary_op(mp_type_complex, complex_binary_op);
  mp_type_set_attr(mp_type_complex, complex_attr);
}
