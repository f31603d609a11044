// The math module, as MicroPython's modmath.c with MICROPY_PY_MATH_SPECIAL_FUNCTIONS,
// MICROPY_PY_MATH_CONSTANTS, MICROPY_PY_MATH_FACTORIAL (the recursive
// product of MICROPY_OPT_MATH_FACTORIAL) and MICROPY_PY_MATH_ISCLOSE.
//
// A result that is nan (or inf) from an argument that is not raises
// ValueError "math domain error", as MicroPython does. erf/erfc follow the
// classic fdlibm rational approximations; gamma/lgamma use the Lanczos
// approximation of CPython's mathmodule.c (so results match CPython's).

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_OBJ_NEW_QSTR,
  MP_OBJ_NEW_SMALL_INT,
  MP_INT_ERROR,
  mp_const_true,
  mp_const_false,
  mp_obj_new_bool,
  mp_obj_get_int,
  mp_obj_is_small_int,
  mp_obj_is_obj,
  mp_fun_1_at,
  mp_fun_2_at,
  mp_fun_var_at,
  mp_fun_kw_at,
  fun_1,
  fun_2,
} from "./obj";
import * as R from "./runtime0";
import { mp_root_mark, mp_root_push, mp_root_alloc, mp_root_release } from "./rootstack";
import { mp_raise_memory_error } from "./runtime";
import { mp_raise_msg, mp_raise_ValueError, mp_type_ZeroDivisionError } from "./objexcept";
import { mp_obj_new_tuple } from "./objtuple";
import { mp_static_dict_at, mp_static_dict_add } from "./objdict";
import { mp_module_static_at } from "./objmodule";
import { mp_arg_set, mp_arg_parse_all, MP_ARG_OBJ, MP_ARG_KW_ONLY } from "./argcheck";
import {
  mp_type_int,
  mp_obj_is_int,
  mp_obj_new_int,
  mp_obj_new_int_from_float,
  mp_obj_int_binary_op,
} from "./objint";
import {
  mp_obj_new_float,
  mp_obj_get_float_to,
  mp_fmod,
  mp_pow,
  mp_const_float_e_obj,
  mp_const_float_pi_obj,
  mp_const_float_tau_obj,
  mp_const_float_inf_obj,
  mp_const_float_nan_obj,
} from "./objfloat";
import * as Q from "./genhdr";

/** The math module. */
export const mp_module_math: mp_obj_t = memory.data(8, 8);

const fa: usize = memory.data(16, 8);
const fb: usize = memory.data(16, 8);

function math_error(): mp_obj_t {
  return mp_raise_ValueError("math domain error");
}

type f1 = (x: f64) => f64;
type f2 = (x: f64, y: f64) => f64;

function math_generic_1(x_obj: mp_obj_t, f: f1): mp_obj_t {
  if (!mp_obj_get_float_to(x_obj, fa)) return MP_OBJ_NULL;
  const x = load<f64>(fa);
  const ans = f(x);
  if ((isNaN(ans) && !isNaN(x)) || (!isFinite(ans) && !isNaN(ans) && isFinite(x)))
    return math_error();
  return mp_obj_new_float(ans);
}

function math_generic_2(x_obj: mp_obj_t, y_obj: mp_obj_t, f: f2): mp_obj_t {
  if (!mp_obj_get_float_to(x_obj, fa)) return MP_OBJ_NULL;
  // read at once: the next conversion may run Python code (__float__) that uses the scratch
  const x = load<f64>(fa);
  if (!mp_obj_get_float_to(y_obj, fb)) return MP_OBJ_NULL;
  const y = load<f64>(fb);
  const ans = f(x, y);
  if (
    (isNaN(ans) && !isNaN(x) && !isNaN(y)) ||
    (!isFinite(ans) && !isNaN(ans) && isFinite(x) && isFinite(y))
  ) {
    return math_error();
  }
  return mp_obj_new_float(ans);
}

// ---- the C library functions, as f64 -> f64 ----

function c_sqrt(x: f64): f64 {
  return Math.sqrt(x);
}
function c_exp(x: f64): f64 {
  return Math.exp(x);
}
function c_expm1(x: f64): f64 {
  return Math.expm1(x);
}
function c_log2(x: f64): f64 {
  return Math.log2(x);
}
function c_log10(x: f64): f64 {
  return Math.log10(x);
}
function c_cosh(x: f64): f64 {
  return Math.cosh(x);
}
function c_sinh(x: f64): f64 {
  return Math.sinh(x);
}
function c_tanh(x: f64): f64 {
  return Math.tanh(x);
}
function c_acosh(x: f64): f64 {
  return Math.acosh(x);
}
function c_asinh(x: f64): f64 {
  return Math.asinh(x);
}
function c_atanh(x: f64): f64 {
  return Math.atanh(x);
}
function c_cos(x: f64): f64 {
  return Math.cos(x);
}
function c_sin(x: f64): f64 {
  return Math.sin(x);
}
function c_tan(x: f64): f64 {
  return Math.tan(x);
}
function c_acos(x: f64): f64 {
  return Math.acos(x);
}
function c_asin(x: f64): f64 {
  return Math.asin(x);
}
function c_atan(x: f64): f64 {
  return Math.atan(x);
}
function c_fabs(x: f64): f64 {
  return Math.abs(x);
}
function c_pow(x: f64, y: f64): f64 {
  return mp_pow(x, y);
}
function c_atan2(y: f64, x: f64): f64 {
  return Math.atan2(y, x);
}
function c_copysign(x: f64, y: f64): f64 {
  return copysign<f64>(x, y);
}
function c_fmod(x: f64, y: f64): f64 {
  return mp_fmod(x, y);
}

// erf and erfc: fdlibm's piecewise rational approximations (s_erf.c).
const ERX: f64 = 8.45062911510467529297e-1;
const EFX: f64 = 1.28379167095512586316e-1;
const EFX8: f64 = 1.02703333676410069053;
const PP0: f64 = 1.28379167095512558561e-1;
const PP1: f64 = -3.2504210724700149937e-1;
const PP2: f64 = -2.84817495755985104766e-2;
const PP3: f64 = -5.77027029648944159157e-3;
const PP4: f64 = -2.37630166566501626084e-5;
const QQ1: f64 = 3.97917223959155352819e-1;
const QQ2: f64 = 6.50222499887672944485e-2;
const QQ3: f64 = 5.08130628187576562776e-3;
const QQ4: f64 = 1.32494738004321644526e-4;
const QQ5: f64 = -3.9602282787753681232e-6;
const PA0: f64 = -2.36211856075265944077e-3;
const PA1: f64 = 4.14856118683748331666e-1;
const PA2: f64 = -3.72207876035701323847e-1;
const PA3: f64 = 3.18346619901161753674e-1;
const PA4: f64 = -1.10894694282396677476e-1;
const PA5: f64 = 3.54783043256182359371e-2;
const PA6: f64 = -2.166375594868790843e-3;
const QA1: f64 = 1.06420880400844228286e-1;
const QA2: f64 = 5.40397917702171048937e-1;
const QA3: f64 = 7.18286544141962662868e-2;
const QA4: f64 = 1.26171219808761642112e-1;
const QA5: f64 = 1.36370839120290507362e-2;
const QA6: f64 = 1.1984499846799107417e-2;
const RA0: f64 = -9.86494403484714822705e-3;
const RA1: f64 = -6.93858572707181764372e-1;
const RA2: f64 = -1.05586262253232909814e1;
const RA3: f64 = -6.23753324503260060396e1;
const RA4: f64 = -1.62396669462573470355e2;
const RA5: f64 = -1.84605092906711035994e2;
const RA6: f64 = -8.12874355063065934246e1;
const RA7: f64 = -9.81432934416914548592;
const SA1: f64 = 1.96512716674392571292e1;
const SA2: f64 = 1.376577541435190426e2;
const SA3: f64 = 4.34565877475229228821e2;
const SA4: f64 = 6.45387271733267880336e2;
const SA5: f64 = 4.29008140027567833386e2;
const SA6: f64 = 1.08635005541779435134e2;
const SA7: f64 = 6.57024977031928170135;
const SA8: f64 = -6.04244152148580987438e-2;
const RB0: f64 = -9.86494292470009928597e-3;
const RB1: f64 = -7.99283237680523006574e-1;
const RB2: f64 = -1.77579549177547519889e1;
const RB3: f64 = -1.60636384855821916062e2;
const RB4: f64 = -6.37566443368389627722e2;
const RB5: f64 = -1.02509513161107724954e3;
const RB6: f64 = -4.83519191608651397019e2;
const SB1: f64 = 3.03380607434824582924e1;
const SB2: f64 = 3.25792512996573918826e2;
const SB3: f64 = 1.53672958608443695994e3;
const SB4: f64 = 3.19985821950859553908e3;
const SB5: f64 = 2.55305040643316442583e3;
const SB6: f64 = 4.74528541206955367215e2;
const SB7: f64 = -2.24409524465858183362e1;

/** exp(-x*x - 0.5625 + r/s) / x, computed without losing x*x's low bits. */
function erfc_tail(x: f64, r: f64, s: f64): f64 {
  const z = reinterpret<f64>(reinterpret<u64>(x) & 0xffffffff00000000);
  return (Math.exp(-z * z - 0.5625) * Math.exp((z - x) * (z + x) + r / s)) / x;
}

function erf_rs(x: f64, out: usize): void {
  const s = 1.0 / (x * x);
  let r: f64;
  let q: f64;
  if (x < 1.0 / 0.35) {
    r = RA0 + s * (RA1 + s * (RA2 + s * (RA3 + s * (RA4 + s * (RA5 + s * (RA6 + s * RA7))))));
    q =
      1.0 +
      s * (SA1 + s * (SA2 + s * (SA3 + s * (SA4 + s * (SA5 + s * (SA6 + s * (SA7 + s * SA8)))))));
  } else {
    r = RB0 + s * (RB1 + s * (RB2 + s * (RB3 + s * (RB4 + s * (RB5 + s * RB6)))));
    q = 1.0 + s * (SB1 + s * (SB2 + s * (SB3 + s * (SB4 + s * (SB5 + s * (SB6 + s * SB7))))));
  }
  store<f64>(out, r);
  store<f64>(out + 8, q);
}

const rs_buf: usize = memory.data(16, 8);

function c_erf(x: f64): f64 {
  if (isNaN(x)) return x;
  if (!isFinite(x)) return x > 0 ? 1.0 : -1.0;
  const neg = x < 0;
  if (neg) x = -x;
  let r: f64;
  if (x < 0.84375) {
    if (x < 3.725290298461914e-9) {
      r = x < 2.848094538889218e-306 ? 0.125 * (8.0 * x + EFX8 * x) : x + EFX * x;
    } else {
      const z = x * x;
      const p = PP0 + z * (PP1 + z * (PP2 + z * (PP3 + z * PP4)));
      const q = 1.0 + z * (QQ1 + z * (QQ2 + z * (QQ3 + z * (QQ4 + z * QQ5))));
      r = x + x * (p / q);
    }
  } else if (x < 1.25) {
    const s = x - 1;
    const p = PA0 + s * (PA1 + s * (PA2 + s * (PA3 + s * (PA4 + s * (PA5 + s * PA6)))));
    const q = 1.0 + s * (QA1 + s * (QA2 + s * (QA3 + s * (QA4 + s * (QA5 + s * QA6)))));
    r = ERX + p / q;
  } else if (x >= 6) {
    r = 1.0;
  } else {
    erf_rs(x, rs_buf);
    r = 1.0 - erfc_tail(x, load<f64>(rs_buf), load<f64>(rs_buf + 8));
  }
  return neg ? -r : r;
}

function c_erfc(x: f64): f64 {
  if (isNaN(x)) return x;
  if (!isFinite(x)) return x > 0 ? 0.0 : 2.0;
  const neg = x < 0;
  if (neg) x = -x;
  if (x < 0.84375) {
    let t: f64;
    if (x < 1.3877787807814457e-17) {
      t = x;
    } else {
      const z = x * x;
      const p = PP0 + z * (PP1 + z * (PP2 + z * (PP3 + z * PP4)));
      const q = 1.0 + z * (QQ1 + z * (QQ2 + z * (QQ3 + z * (QQ4 + z * QQ5))));
      const y = p / q;
      if (x < 0.25) t = x + x * y;
      else t = 0.5 + (x * y + (x - 0.5));
    }
    return neg ? 1.0 + t : 1.0 - t;
  }
  if (x < 1.25) {
    const s = x - 1;
    const p = PA0 + s * (PA1 + s * (PA2 + s * (PA3 + s * (PA4 + s * (PA5 + s * PA6)))));
    const q = 1.0 + s * (QA1 + s * (QA2 + s * (QA3 + s * (QA4 + s * (QA5 + s * QA6)))));
    return neg ? 1.0 + ERX + p / q : 1.0 - ERX - p / q;
  }
  if (x < 28) {
    if (neg && x > 6) return 2.0;
    erf_rs(x, rs_buf);
    const t = erfc_tail(x, load<f64>(rs_buf), load<f64>(rs_buf + 8));
    return neg ? 2.0 - t : t;
  }
  return neg ? 2.0 : 0.0;
}

// gamma and lgamma: Lanczos' approximation with CPython's coefficients (g = 6.0246...).
const LANCZOS_G: f64 = 6.024680040776729583740234375;
const LANCZOS_G_MINUS_HALF: f64 = 5.524680040776729583740234375;
const lanczos_num: usize = memory.data<f64>([
  23531376880.41075968857200767445163675473484680494,
  42919803642.649098768957899047001988850926355848959,
  35711959237.355668049440185451547166705960488635843,
  17921034426.03720969991975575445893111267140326539,
  6039542586.3520280050642916443072979210699388420708,
  1439720407.3117216736632230727949123939715485786772,
  248874557.86205415651146038641322942321632125127801,
  31426415.58540019438061423162831820536287468498764,
  2876370.6289353724412254090516208496135991145378768,
  186056.26539522349504029498971604569928220784236328,
  8071.6720023658162106380029022722506138218516325024,
  210.82427775157934587250973392071336271166969580291,
  2.5066282746310002701649081771338373386264310793408,
]);
const lanczos_den: usize = memory.data<f64>([
  0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0, 2637558.0,
  357423.0, 32670.0, 1925.0, 66.0, 1.0,
]);
const gamma_integral: usize = memory.data<f64>([
  1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0, 3628800.0, 39916800.0,
  479001600.0, 6227020800.0, 87178291200.0, 1307674368000.0, 20922789888000.0, 355687428096000.0,
  6402373705728000.0, 121645100408832000.0, 2432902008176640000.0, 51090942171709440000.0,
  1124000727777607680000.0,
]);

function lanczos_sum(x: f64): f64 {
  let num: f64 = 0;
  let den: f64 = 0;
  if (x < 5.0) {
    for (let i = 12; i >= 0; i--) {
      num = num * x + load<f64>(lanczos_num + ((<usize>i) << 3));
      den = den * x + load<f64>(lanczos_den + ((<usize>i) << 3));
    }
  } else {
    for (let i = 0; i < 13; i++) {
      num = num / x + load<f64>(lanczos_num + ((<usize>i) << 3));
      den = den / x + load<f64>(lanczos_den + ((<usize>i) << 3));
    }
  }
  return num / den;
}

/** sin(pi * x), exact at the integers and half-integers. */
function m_sinpi(x: f64): f64 {
  const y = mp_fmod(Math.abs(x), 2.0);
  const n = <i32>Math.round(2.0 * y);
  let r: f64;
  switch (n) {
    case 0:
      r = Math.sin(Math.PI * y);
      break;
    case 1:
      r = Math.cos(Math.PI * (y - 0.5));
      break;
    case 2:
      r = Math.sin(Math.PI * (1.0 - y));
      break;
    case 3:
      r = -Math.cos(Math.PI * (y - 1.5));
      break;
    default:
      r = Math.sin(Math.PI * (y - 2.0));
      break;
  }
  return copysign<f64>(1.0, x) * r;
}

function c_tgamma(x: f64): f64 {
  if (!isFinite(x)) {
    if (isNaN(x) || x > 0) return x;
    return NaN;
  }
  if (x == 0) return copysign<f64>(Infinity, x);
  if (x == Math.floor(x)) {
    if (x < 0) return NaN;
    if (x <= 23) return load<f64>(gamma_integral + ((<usize>(<i32>x - 1)) << 3));
  }
  const absx = Math.abs(x);
  if (absx < 1e-20) return 1.0 / x;
  if (absx > 200.0) {
    if (x < 0) return 0.0 / m_sinpi(x);
    return Infinity;
  }
  const y = absx + LANCZOS_G_MINUS_HALF;
  let z: f64;
  if (absx > LANCZOS_G_MINUS_HALF) {
    const q = y - absx;
    z = q - LANCZOS_G_MINUS_HALF;
  } else {
    const q = y - LANCZOS_G_MINUS_HALF;
    z = q - absx;
  }
  z = (z * LANCZOS_G) / y;
  let r: f64;
  if (x < 0) {
    r = ((-Math.PI / m_sinpi(absx) / absx) * Math.exp(y)) / lanczos_sum(absx);
    r -= z * r;
    if (absx < 140.0) {
      r /= Math.pow(y, absx - 0.5);
    } else {
      const sqrtpow = Math.pow(y, absx / 2.0 - 0.25);
      r /= sqrtpow;
      r /= sqrtpow;
    }
  } else {
    r = lanczos_sum(absx) / Math.exp(y);
    r += z * r;
    if (absx < 140.0) {
      r *= Math.pow(y, absx - 0.5);
    } else {
      const sqrtpow = Math.pow(y, absx / 2.0 - 0.25);
      r *= sqrtpow;
      r *= sqrtpow;
    }
  }
  return r;
}

function c_lgamma(x: f64): f64 {
  if (!isFinite(x)) {
    if (isNaN(x)) return x;
    return Infinity;
  }
  if (x == Math.floor(x) && x <= 2.0) {
    if (x <= 0) return Infinity;
    return 0.0;
  }
  const absx = Math.abs(x);
  if (absx < 1e-20) return -Math.log(absx);
  let r = Math.log(lanczos_sum(absx)) - LANCZOS_G;
  r += (absx - 0.5) * (Math.log(absx + LANCZOS_G - 0.5) - 1);
  if (x < 0) {
    // reflection: lgamma(x) = log(pi) - log|sin(pi x)| - log|x| - lgamma(|x|)
    r = 1.1447298858494002 - Math.log(Math.abs(m_sinpi(absx))) - Math.log(absx) - r;
  }
  return r;
}

// ---- the module's functions ----

function math_sqrt(x: mp_obj_t): mp_obj_t {
  return math_generic_1(x, c_sqrt);
}
function math_exp(x: mp_obj_t): mp_obj_t {
  return math_generic_1(x, c_exp);
}
function math_expm1(x: mp_obj_t): mp_obj_t {
  return math_generic_1(x, c_expm1);
}
function math_log2(x: mp_obj_t): mp_obj_t {
  return math_generic_1(x, c_log2);
}
function math_log10(x: mp_obj_t): mp_obj_t {
  return math_generic_1(x, c_log10);
}
function math_cosh(x: mp_obj_t): mp_obj_t {
  return math_generic_1(x, c_cosh);
}
function math_sinh(x: mp_obj_t): mp_obj_t {
  return math_generic_1(x, c_sinh);
}
function math_tanh(x: mp_obj_t): mp_obj_t {
  return math_generic_1(x, c_tanh);
}
function math_acosh(x: mp_obj_t): mp_obj_t {
  return math_generic_1(x, c_acosh);
}
function math_asinh(x: mp_obj_t): mp_obj_t {
  return math_generic_1(x, c_asinh);
}
function math_atanh(x: mp_obj_t): mp_obj_t {
  return math_generic_1(x, c_atanh);
}
function math_cos(x: mp_obj_t): mp_obj_t {
  return math_generic_1(x, c_cos);
}
function math_sin(x: mp_obj_t): mp_obj_t {
  return math_generic_1(x, c_sin);
}
function math_tan(x: mp_obj_t): mp_obj_t {
  return math_generic_1(x, c_tan);
}
function math_acos(x: mp_obj_t): mp_obj_t {
  return math_generic_1(x, c_acos);
}
function math_asin(x: mp_obj_t): mp_obj_t {
  return math_generic_1(x, c_asin);
}
function math_atan(x: mp_obj_t): mp_obj_t {
  return math_generic_1(x, c_atan);
}
function math_fabs(x: mp_obj_t): mp_obj_t {
  return math_generic_1(x, c_fabs);
}
function math_erf(x: mp_obj_t): mp_obj_t {
  return math_generic_1(x, c_erf);
}
function math_erfc(x: mp_obj_t): mp_obj_t {
  return math_generic_1(x, c_erfc);
}
function math_gamma(x: mp_obj_t): mp_obj_t {
  return math_generic_1(x, c_tgamma);
}
function math_lgamma(x: mp_obj_t): mp_obj_t {
  return math_generic_1(x, c_lgamma);
}
function math_pow(x: mp_obj_t, y: mp_obj_t): mp_obj_t {
  return math_generic_2(x, y, c_pow);
}
function math_atan2(y: mp_obj_t, x: mp_obj_t): mp_obj_t {
  return math_generic_2(y, x, c_atan2);
}
function math_copysign(x: mp_obj_t, y: mp_obj_t): mp_obj_t {
  return math_generic_2(x, y, c_copysign);
}
function math_fmod(x: mp_obj_t, y: mp_obj_t): mp_obj_t {
  return math_generic_2(x, y, c_fmod);
}

/** ceil/floor/trunc: ints are returned unchanged (exact, as CPython's __floor__); floats convert. */
function math_to_int(x_obj: mp_obj_t, kind: i32): mp_obj_t {
  if (mp_obj_is_int(x_obj)) return x_obj;
  if (!mp_obj_get_float_to(x_obj, fa)) return MP_OBJ_NULL;
  const x = load<f64>(fa);
  const r = kind == 0 ? Math.ceil(x) : kind == 1 ? Math.floor(x) : Math.trunc(x);
  return mp_obj_new_int_from_float(r);
}
function math_ceil(x: mp_obj_t): mp_obj_t {
  return math_to_int(x, 0);
}
function math_floor(x: mp_obj_t): mp_obj_t {
  return math_to_int(x, 1);
}
function math_trunc(x: mp_obj_t): mp_obj_t {
  return math_to_int(x, 2);
}

function math_isfinite(x: mp_obj_t): mp_obj_t {
  if (!mp_obj_get_float_to(x, fa)) return MP_OBJ_NULL;
  return mp_obj_new_bool(isFinite(load<f64>(fa)));
}
function math_isinf(x: mp_obj_t): mp_obj_t {
  if (!mp_obj_get_float_to(x, fa)) return MP_OBJ_NULL;
  const v = load<f64>(fa);
  return mp_obj_new_bool(!isFinite(v) && !isNaN(v));
}
function math_isnan(x: mp_obj_t): mp_obj_t {
  if (!mp_obj_get_float_to(x, fa)) return MP_OBJ_NULL;
  return mp_obj_new_bool(isNaN(load<f64>(fa)));
}

/** x * 2**e exactly (C's ldexp/scalbn). */
export function mp_ldexp(x: f64, e: i32): f64 {
  if (e > 1023) {
    x *= 8.98846567431158e307; // 2**1023
    e -= 1023;
    if (e > 1023) {
      x *= 8.98846567431158e307;
      e -= 1023;
      if (e > 1023) e = 1023;
    }
  } else if (e < -1022) {
    // scale in two steps keeping 53 bits until the final rounding
    x *= 2.2250738585072014e-308 * 9007199254740992.0; // 2**-1022 * 2**53
    e += 1022 - 53;
    if (e < -1022) {
      x *= 2.2250738585072014e-308 * 9007199254740992.0;
      e += 1022 - 53;
      if (e < -1022) e = -1022;
    }
  }
  return x * reinterpret<f64>((<u64>(e + 1023)) << 52);
}

function math_ldexp(x_obj: mp_obj_t, e_obj: mp_obj_t): mp_obj_t {
  if (!mp_obj_get_float_to(x_obj, fa)) return MP_OBJ_NULL;
  const x = load<f64>(fa);
  const e = mp_obj_get_int(e_obj);
  if (e == MP_INT_ERROR) return MP_OBJ_NULL;
  const r = mp_ldexp(x, e > 100000 ? 100000 : e < -100000 ? -100000 : <i32>e);
  return mp_obj_new_float(r);
}

/** log(x[, base]): ValueError for x <= 0 or base <= 0, ZeroDivisionError for base 1. */
function math_log(n_args: usize, args: usize): mp_obj_t {
  if (!mp_obj_get_float_to(load<usize>(args), fa)) return MP_OBJ_NULL;
  const x = load<f64>(fa);
  if (x <= 0) return math_error();
  const l = Math.log(x);
  if (n_args == 1) return mp_obj_new_float(l);
  if (!mp_obj_get_float_to(load<usize>(args + 4), fb)) return MP_OBJ_NULL;
  const base = load<f64>(fb);
  if (base <= 0) return math_error();
  if (base == 1.0) return mp_raise_msg(mp_type_ZeroDivisionError, "divide by zero");
  return mp_obj_new_float(l / Math.log(base));
}

/** A 2-tuple of two new objects, rooted while the second is made. */
function pair(a: mp_obj_t, b_is_float: bool, bf: f64, bi: i32): mp_obj_t {
  if (a == MP_OBJ_NULL) return MP_OBJ_NULL;
  const mark = mp_root_mark();
  const items = mp_root_alloc(2);
  if (items == 0) {
    mp_root_release(mark);
    return mp_raise_memory_error(0);
  }
  store<usize>(items, a);
  const b = b_is_float ? mp_obj_new_float(bf) : mp_obj_new_int(bi);
  if (b == MP_OBJ_NULL) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  store<usize>(items + 4, b);
  const t = mp_obj_new_tuple(2, items);
  mp_root_release(mark);
  return t;
}

/** frexp(x) -> (m, e) with x == m * 2**e, 0.5 <= |m| < 1 (or m == x for 0, inf, nan). */
function math_frexp(x_obj: mp_obj_t): mp_obj_t {
  if (!mp_obj_get_float_to(x_obj, fa)) return MP_OBJ_NULL;
  let x = load<f64>(fa);
  let e: i32 = 0;
  if (x != 0 && isFinite(x)) {
    let bits = reinterpret<u64>(x);
    let be = <i32>((bits >> 52) & 0x7ff);
    if (be == 0) {
      // subnormal: normalise first
      x *= 18014398509481984.0; // 2**54
      bits = reinterpret<u64>(x);
      be = <i32>((bits >> 52) & 0x7ff);
      e = -54;
    }
    e += be - 1022;
    x = reinterpret<f64>((bits & 0x800fffffffffffff) | ((<u64>1022) << 52));
  }
  return pair(mp_obj_new_float(x), false, 0, e);
}

/** modf(x) -> (fractional part, integral part), both with x's sign. */
function math_modf(x_obj: mp_obj_t): mp_obj_t {
  if (!mp_obj_get_float_to(x_obj, fa)) return MP_OBJ_NULL;
  const x = load<f64>(fa);
  const ip = Math.trunc(x);
  let fp: f64;
  if (!isFinite(x)) fp = isNaN(x) ? x : copysign<f64>(0.0, x);
  else fp = copysign<f64>(x - ip, x);
  return pair(mp_obj_new_float(fp), true, ip, 0);
}

function math_radians(x_obj: mp_obj_t): mp_obj_t {
  if (!mp_obj_get_float_to(x_obj, fa)) return MP_OBJ_NULL;
  return mp_obj_new_float(load<f64>(fa) * (Math.PI / 180.0));
}
function math_degrees(x_obj: mp_obj_t): mp_obj_t {
  if (!mp_obj_get_float_to(x_obj, fa)) return MP_OBJ_NULL;
  return mp_obj_new_float(load<f64>(fa) * (180.0 / Math.PI));
}

/** The product start * (start+1) * ... * end, splitting the range in halves. */
function factorial_inner(start: u32, end: u32): mp_obj_t {
  if (start == end) return mp_obj_new_int(<i32>start);
  if (end - start == 1)
    return mp_obj_int_binary_op(
      R.MP_BINARY_OP_MULTIPLY,
      MP_OBJ_NEW_SMALL_INT(<i32>start),
      MP_OBJ_NEW_SMALL_INT(<i32>end),
    );
  const middle = start + ((end - start) >> 1);
  const left = factorial_inner(start, middle);
  if (left == MP_OBJ_NULL) return MP_OBJ_NULL;
  const mark = mp_root_mark();
  mp_root_push(left);
  const right = factorial_inner(middle + 1, end);
  if (right == MP_OBJ_NULL) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  mp_root_push(right);
  const r = mp_obj_int_binary_op(R.MP_BINARY_OP_MULTIPLY, left, right);
  mp_root_release(mark);
  return r;
}

/** factorial(n): ValueError "negative factorial". */
function math_factorial(x_obj: mp_obj_t): mp_obj_t {
  const max = mp_obj_get_int(x_obj);
  if (max == MP_INT_ERROR) return MP_OBJ_NULL;
  if (max < 0) return mp_raise_ValueError("negative factorial");
  if (max == 0) return MP_OBJ_NEW_SMALL_INT(1);
  return factorial_inner(1, <u32>max);
}

const isclose_args: usize = memory.data(16, 4);

/** isclose(a, b, *, rel_tol=1e-09, abs_tol=0). */
function math_isclose(n_args: usize, args: usize, kw: usize): mp_obj_t {
  const mark = mp_root_mark();
  const vals = mp_root_alloc(2);
  if (vals == 0 || !mp_arg_parse_all(n_args - 2, args + 8, kw, 2, isclose_args, vals)) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  const rel_obj = load<usize>(vals);
  const abs_obj = load<usize>(vals + 4);
  mp_root_release(mark);
  if (!mp_obj_get_float_to(load<usize>(args), fa)) return MP_OBJ_NULL;
  const a = load<f64>(fa);
  if (!mp_obj_get_float_to(load<usize>(args + 4), fa)) return MP_OBJ_NULL;
  const b = load<f64>(fa);
  let rel_tol: f64 = 1e-9;
  if (rel_obj != MP_OBJ_NULL) {
    if (!mp_obj_get_float_to(rel_obj, fa)) return MP_OBJ_NULL;
    rel_tol = load<f64>(fa);
  }
  if (!mp_obj_get_float_to(abs_obj, fa)) return MP_OBJ_NULL;
  const abs_tol = load<f64>(fa);
  if (rel_tol < 0 || abs_tol < 0) return math_error();
  if (a == b) return mp_const_true;
  const difference = Math.abs(a - b);
  if (!isFinite(difference)) return mp_const_false;
  if (
    difference <= abs_tol ||
    difference <= Math.abs(rel_tol * a) ||
    difference <= Math.abs(rel_tol * b)
  ) {
    return mp_const_true;
  }
  return mp_const_false;
}

// ---- the module table ----

@inline const N_FUNS: usize = 48;
const funs: usize = memory.data(<i32>(N_FUNS * 16), 16);
let n_funs: usize = 0;
const math_globals: usize = memory.data(16, 16);

function next_fun(): usize {
  assert(n_funs < N_FUNS);
  return funs + 16 * n_funs++;
}
function add1(q: usize, f: fun_1): void {
  const o = next_fun();
  mp_fun_1_at(o, f);
  mp_static_dict_add(math_globals, q, o);
}
function add2(q: usize, f: fun_2): void {
  const o = next_fun();
  mp_fun_2_at(o, f);
  mp_static_dict_add(math_globals, q, o);
}

/** Set-up of the math module (run once by mp_init). */
export function modmath_static_init(): void {
  n_funs = 0;
  mp_arg_set(isclose_args, 0, Q.MP_QSTR_rel_tol, MP_ARG_KW_ONLY | MP_ARG_OBJ, MP_OBJ_NULL);
  mp_arg_set(
    isclose_args,
    1,
    Q.MP_QSTR_abs_tol,
    MP_ARG_KW_ONLY | MP_ARG_OBJ,
    MP_OBJ_NEW_SMALL_INT(0),
  );
  mp_static_dict_at(math_globals, 51);
  const d = math_globals;
  mp_static_dict_add(d, Q.MP_QSTR___name__, MP_OBJ_NEW_QSTR(Q.MP_QSTR_math));
  mp_static_dict_add(d, Q.MP_QSTR_e, mp_const_float_e_obj);
  mp_static_dict_add(d, Q.MP_QSTR_pi, mp_const_float_pi_obj);
  mp_static_dict_add(d, Q.MP_QSTR_tau, mp_const_float_tau_obj);
  mp_static_dict_add(d, Q.MP_QSTR_inf, mp_const_float_inf_obj);
  mp_static_dict_add(d, Q.MP_QSTR_nan, mp_const_float_nan_obj);
  add1(Q.MP_QSTR_sqrt, math_sqrt);
  add2(Q.MP_QSTR_pow, math_pow);
  add1(Q.MP_QSTR_exp, math_exp);
  add1(Q.MP_QSTR_expm1, math_expm1);
  const log_obj = next_fun();
  mp_fun_var_at(log_obj, 1, 2, math_log);
  mp_static_dict_add(d, Q.MP_QSTR_log, log_obj);
  add1(Q.MP_QSTR_log2, math_log2);
  add1(Q.MP_QSTR_log10, math_log10);
  add1(Q.MP_QSTR_cosh, math_cosh);
  add1(Q.MP_QSTR_sinh, math_sinh);
  add1(Q.MP_QSTR_tanh, math_tanh);
  add1(Q.MP_QSTR_acosh, math_acosh);
  add1(Q.MP_QSTR_asinh, math_asinh);
  add1(Q.MP_QSTR_atanh, math_atanh);
  add1(Q.MP_QSTR_cos, math_cos);
  add1(Q.MP_QSTR_sin, math_sin);
  add1(Q.MP_QSTR_tan, math_tan);
  add1(Q.MP_QSTR_acos, math_acos);
  add1(Q.MP_QSTR_asin, math_asin);
  add1(Q.MP_QSTR_atan, math_atan);
  add2(Q.MP_QSTR_atan2, math_atan2);
  add1(Q.MP_QSTR_ceil, math_ceil);
  add2(Q.MP_QSTR_copysign, math_copysign);
  add1(Q.MP_QSTR_fabs, math_fabs);
  add1(Q.MP_QSTR_floor, math_floor);
  add2(Q.MP_QSTR_fmod, math_fmod);
  add1(Q.MP_QSTR_frexp, math_frexp);
  add2(Q.MP_QSTR_ldexp, math_ldexp);
  add1(Q.MP_QSTR_modf, math_modf);
  add1(Q.MP_QSTR_isfinite, math_isfinite);
  add1(Q.MP_QSTR_isinf, math_isinf);
  add1(Q.MP_QSTR_isnan, math_isnan);
  const isclose_obj = next_fun();
  mp_fun_kw_at(isclose_obj, 2, math_isclose);
  mp_static_dict_add(d, Q.MP_QSTR_isclose, isclose_obj);
  add1(Q.MP_QSTR_trunc, math_trunc);
  add1(Q.MP_QSTR_radians, math_radians);
  add1(Q.MP_QSTR_degrees, math_degrees);
  add1(Q.MP_QSTR_factorial, math_factorial);
  add1(Q.MP_QSTR_erf, math_erf);
  add1(Q.MP_QSTR_erfc, math_erfc);
  add1(Q.MP_QSTR_gamma, math_gamma);
  add1(Q.MP_QSTR_lgamma, math_lgamma);
  mp_module_static_at(mp_module_math, d);
}
