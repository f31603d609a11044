// The cmath module, as MicroPython's modcmath.c (MICROPY_PY_CMATH with
// MICROPY_PY_MATH_SPECIAL_FUNCTIONS): phase, polar, rect, exp, log, log10,
// sqrt, cos, sin and the constants e and pi, with MicroPython's formulas
// (sqrt as CPython's, which is exact on the axes).

import { mp_obj_t, MP_OBJ_NULL, MP_OBJ_NEW_QSTR, mp_fun_1_at, mp_fun_2_at, fun_1 } from "./obj";
import { mp_root_mark, mp_root_alloc, mp_root_release } from "./rootstack";
import { mp_raise_memory_error } from "./runtime";
import { mp_obj_new_tuple } from "./objtuple";
import { mp_static_dict_at, mp_static_dict_add } from "./objdict";
import { mp_module_static_at } from "./objmodule";
import {
  mp_obj_new_float,
  mp_obj_get_float_to,
  mp_const_float_e_obj,
  mp_const_float_pi_obj,
} from "./objfloat";
import { mp_obj_new_complex, mp_obj_get_complex_to } from "./objcomplex";
import * as Q from "./genhdr";

/** The cmath module. */
export const mp_module_cmath: mp_obj_t = memory.data(8, 8);

const cz: usize = memory.data(16, 8);

@inline function re(): f64 {
  return load<f64>(cz);
}
@inline function im(): f64 {
  return load<f64>(cz + 8);
}

/** phase(z): atan2(imag, real), in (-pi, pi]. */
function cmath_phase(z: mp_obj_t): mp_obj_t {
  if (!mp_obj_get_complex_to(z, cz)) return MP_OBJ_NULL;
  return mp_obj_new_float(Math.atan2(im(), re()));
}

/** polar(z): (abs(z), phase(z)). */
function cmath_polar(z: mp_obj_t): mp_obj_t {
  if (!mp_obj_get_complex_to(z, cz)) return MP_OBJ_NULL;
  const r = re();
  const i = im();
  const mark = mp_root_mark();
  const items = mp_root_alloc(2);
  if (items == 0) {
    mp_root_release(mark);
    return mp_raise_memory_error(0);
  }
  const a = mp_obj_new_float(Math.sqrt(r * r + i * i));
  if (a == MP_OBJ_NULL) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  store<usize>(items, a);
  const b = mp_obj_new_float(Math.atan2(i, r));
  if (b == MP_OBJ_NULL) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  store<usize>(items + 4, b);
  const t = mp_obj_new_tuple(2, items);
  mp_root_release(mark);
  return t;
}

/** rect(r, phi): r * (cos(phi) + sin(phi) j). */
function cmath_rect(r_obj: mp_obj_t, phi_obj: mp_obj_t): mp_obj_t {
  if (!mp_obj_get_float_to(r_obj, cz)) return MP_OBJ_NULL;
  const r = re();
  if (!mp_obj_get_float_to(phi_obj, cz + 8)) return MP_OBJ_NULL;
  const phi = im();
  return mp_obj_new_complex(r * Math.cos(phi), r * Math.sin(phi));
}

function cmath_exp(z: mp_obj_t): mp_obj_t {
  if (!mp_obj_get_complex_to(z, cz)) return MP_OBJ_NULL;
  const e = Math.exp(re());
  return mp_obj_new_complex(e * Math.cos(im()), e * Math.sin(im()));
}

/** log(z): principal value, branch cut along the negative real axis. */
function cmath_log(z: mp_obj_t): mp_obj_t {
  if (!mp_obj_get_complex_to(z, cz)) return MP_OBJ_NULL;
  const r = re();
  const i = im();
  return mp_obj_new_complex(0.5 * Math.log(r * r + i * i), Math.atan2(i, r));
}

function cmath_log10(z: mp_obj_t): mp_obj_t {
  if (!mp_obj_get_complex_to(z, cz)) return MP_OBJ_NULL;
  const r = re();
  const i = im();
  return mp_obj_new_complex(0.5 * Math.log10(r * r + i * i), 0.4342944819032518 * Math.atan2(i, r));
}

/** sqrt(z): principal square root, as CPython's c_sqrt (exact for e.g. sqrt(-1) == 1j). */
function cmath_sqrt(z: mp_obj_t): mp_obj_t {
  if (!mp_obj_get_complex_to(z, cz)) return MP_OBJ_NULL;
  const x = re();
  const y = im();
  if (x == 0 && y == 0) return mp_obj_new_complex(0, y);
  let ax = Math.abs(x);
  const ay = Math.abs(y);
  let s: f64;
  if (ax < 2.2250738585072014e-308 && ay < 2.2250738585072014e-308) {
    // hypot would be subnormal: scale up by 2**53, then down by 2**27
    ax *= 9007199254740992.0;
    s = Math.sqrt(ax + Math.hypot(ax, ay * 9007199254740992.0)) * 7.450580596923828e-9;
  } else {
    ax /= 8.0;
    s = 2.0 * Math.sqrt(ax + Math.hypot(ax, ay / 8.0));
  }
  const d = ay / (2.0 * s);
  if (x >= 0) return mp_obj_new_complex(s, copysign<f64>(d, y));
  return mp_obj_new_complex(d, copysign<f64>(s, y));
}

function cmath_cos(z: mp_obj_t): mp_obj_t {
  if (!mp_obj_get_complex_to(z, cz)) return MP_OBJ_NULL;
  return mp_obj_new_complex(Math.cos(re()) * Math.cosh(im()), -Math.sin(re()) * Math.sinh(im()));
}

function cmath_sin(z: mp_obj_t): mp_obj_t {
  if (!mp_obj_get_complex_to(z, cz)) return MP_OBJ_NULL;
  return mp_obj_new_complex(Math.sin(re()) * Math.cosh(im()), Math.cos(re()) * Math.sinh(im()));
}

const funs: usize = memory.data(16 * 10, 16);
const cmath_globals: usize = memory.data(16, 16);

function add1(i: usize, q: usize, f: fun_1): void {
  const o = funs + 16 * i;
  mp_fun_1_at(o, f);
  mp_static_dict_add(cmath_globals, q, o);
}

/** Set-up of the cmath module (run once by mp_init). */
export function modcmath_static_init(): void {
  const d = cmath_globals;
  mp_static_dict_at(d, 13);
  mp_static_dict_add(d, Q.MP_QSTR___name__, MP_OBJ_NEW_QSTR(Q.MP_QSTR_cmath));
  mp_static_dict_add(d, Q.MP_QSTR_e, mp_const_float_e_obj);
  mp_static_dict_add(d, Q.MP_QSTR_pi, mp_const_float_pi_obj);
  add1(0, Q.MP_QSTR_phase, cmath_phase);
  add1(1, Q.MP_QSTR_polar, cmath_polar);
  const rect = funs + 16 * 2;
  mp_fun_2_at(rect, cmath_rect);
  mp_static_dict_add(d, Q.MP_QSTR_rect, rect);
  add1(3, Q.MP_QSTR_exp, cmath_exp);
  add1(4, Q.MP_QSTR_log, cmath_log);
  add1(5, Q.MP_QSTR_log10, cmath_log10);
  add1(6, Q.MP_QSTR_sqrt, cmath_sqrt);
  add1(7, Q.MP_QSTR_cos, cmath_cos);
  add1(8, Q.MP_QSTR_sin, cmath_sin);
  mp_module_static_at(mp_module_cmath, d);
}
