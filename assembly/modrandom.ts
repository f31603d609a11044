// The random module, as MicroPython's extmod/modrandom.c: the yasmarang
// generator (32-bit state, public domain) with getrandbits, seed, and the
// extra functions (randrange, randint, choice, random, uniform). As on the
// unix port, the state is seeded from the host clock when the core starts.

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_OBJ_NEW_QSTR,
  MP_OBJ_NEW_SMALL_INT,
  MP_OBJ_SENTINEL,
  MP_INT_ERROR,
  mp_const_none,
  mp_obj_get_int,
  mp_obj_len,
  mp_fun_0_at,
  mp_fun_1_at,
  mp_fun_2_at,
  mp_fun_var_at,
} from "./obj";
import { mp_obj_new_int, mp_obj_new_int_from_ull, mp_obj_int_get_truncated } from "./objint";
import { mp_obj_new_float, mp_obj_get_float_to } from "./objfloat";
import { mp_obj_subscr } from "./runtime";
import { mp_raise_ValueError, mp_raise_type, mp_type_IndexError, mp_type_ValueError } from "./objexcept";
import { mp_static_dict_at, mp_static_dict_add } from "./objdict";
import { mp_module_static_at } from "./objmodule";
import { mp_root_mark, mp_root_alloc, mp_root_release } from "./rootstack";
import { mp_hal_ticks_us, mp_hal_time_s } from "./mphal";
import * as Q from "./genhdr";

/** The random module. */
export const mp_module_random: mp_obj_t = memory.data(8, 8);

let yasmarang_pad: u32 = 0xeda4baba;
let yasmarang_n: u32 = 69;
let yasmarang_d: u32 = 233;
let yasmarang_dat: u8 = 0;

function yasmarang(): u32 {
  yasmarang_pad += <u32>yasmarang_dat + yasmarang_d * yasmarang_n;
  yasmarang_pad = (yasmarang_pad << 3) + (yasmarang_pad >> 29);
  yasmarang_n = yasmarang_pad | 2;
  yasmarang_d ^= (yasmarang_pad << 31) + (yasmarang_pad >> 1);
  yasmarang_dat ^= <u8>(<u8>yasmarang_pad ^ <u8>(yasmarang_d >> 8) ^ 1);
  return yasmarang_pad ^ (yasmarang_d << 5) ^ (yasmarang_pad >> 18) ^ (<u32>yasmarang_dat << 1);
}

/** A uniform integer in [0, n) by rejection on a bit mask (yasmarang_randbelow). */
function randbelow(n: u32): u32 {
  let mask: u32 = 1;
  while ((n & mask) < n) mask = (mask << 1) | 1;
  let r: u32;
  do {
    r = yasmarang() & mask;
  } while (r >= n);
  return r;
}

/** A uniform float in [0, 1) with 52 random mantissa bits (yasmarang_float). */
function randfloat(): f64 {
  const hi = <u64>yasmarang();
  const lo = <u64>yasmarang();
  const frac = ((hi << 32) | lo) & 0x000fffffffffffff;
  return reinterpret<f64>(frac | 0x3ff0000000000000) - 1.0;
}

function seed_with(seed: u32): void {
  yasmarang_pad = seed;
  yasmarang_n = 69;
  yasmarang_d = 233;
  yasmarang_dat = 0;
}

function random_getrandbits(num_in: mp_obj_t): mp_obj_t {
  const n = mp_obj_get_int(num_in);
  if (n == MP_INT_ERROR) return MP_OBJ_NULL;
  if (n > 32 || n < 0) return mp_raise_ValueError("bits must be 32 or less");
  if (n == 0) return MP_OBJ_NEW_SMALL_INT(0);
  const mask: u32 = 0xffffffff >> <u32>(32 - n);
  return mp_obj_new_int_from_ull(<u64>(yasmarang() & mask));
}

function random_seed(n_args: usize, args: usize): mp_obj_t {
  if (n_args == 0 || load<usize>(args) == mp_const_none) {
    seed_with(<u32>mp_hal_ticks_us() ^ <u32>(<u64>mp_hal_time_s()));
  } else {
    seed_with(<u32>mp_obj_int_get_truncated(load<usize>(args)));
  }
  return mp_const_none;
}

function value_error(): mp_obj_t {
  return mp_raise_type(mp_type_ValueError);
}

function random_randrange(n_args: usize, args: usize): mp_obj_t {
  const start = mp_obj_get_int(load<usize>(args));
  if (start == MP_INT_ERROR) return MP_OBJ_NULL;
  if (n_args == 1) {
    if (start > 0) return mp_obj_new_int(<i32>randbelow(<u32>start));
    return value_error();
  }
  const stop = mp_obj_get_int(load<usize>(args + 4));
  if (stop == MP_INT_ERROR) return MP_OBJ_NULL;
  if (n_args == 2) {
    if (start < stop) return mp_obj_new_int(<i32>(start + <i64>randbelow(<u32>(stop - start))));
    return value_error();
  }
  const step = mp_obj_get_int(load<usize>(args + 8));
  if (step == MP_INT_ERROR) return MP_OBJ_NULL;
  let n: i64;
  if (step > 0) n = (stop - start + step - 1) / step;
  else if (step < 0) n = (stop - start + step + 1) / step;
  else return value_error();
  if (n > 0) return mp_obj_new_int(<i32>(start + step * <i64>randbelow(<u32>n)));
  return value_error();
}

function random_randint(a_in: mp_obj_t, b_in: mp_obj_t): mp_obj_t {
  const a = mp_obj_get_int(a_in);
  if (a == MP_INT_ERROR) return MP_OBJ_NULL;
  const b = mp_obj_get_int(b_in);
  if (b == MP_INT_ERROR) return MP_OBJ_NULL;
  if (a <= b) return mp_obj_new_int(<i32>(a + <i64>randbelow(<u32>(b - a + 1))));
  return value_error();
}

function random_choice(seq: mp_obj_t): mp_obj_t {
  const l = mp_obj_len(seq);
  if (l == MP_OBJ_NULL) return MP_OBJ_NULL;
  const len = mp_obj_get_int(l);
  if (len == MP_INT_ERROR) return MP_OBJ_NULL;
  if (len <= 0) return mp_raise_type(mp_type_IndexError);
  return mp_obj_subscr(seq, mp_obj_new_int(<i32>randbelow(<u32>len)), MP_OBJ_SENTINEL);
}

function random_random(): mp_obj_t {
  return mp_obj_new_float(randfloat());
}

function random_uniform(a_in: mp_obj_t, b_in: mp_obj_t): mp_obj_t {
  const mark = mp_root_mark();
  const buf = mp_root_alloc(4);
  if (buf == 0) return value_error();
  const ok = mp_obj_get_float_to(a_in, buf) && mp_obj_get_float_to(b_in, buf + 8);
  const a = load<f64>(buf);
  const b = load<f64>(buf + 8);
  mp_root_release(mark);
  if (!ok) return MP_OBJ_NULL;
  return mp_obj_new_float(a + (b - a) * randfloat());
}

const random_getrandbits_obj: usize = memory.data(16, 16);
const random_seed_obj: usize = memory.data(16, 16);
const random_randrange_obj: usize = memory.data(16, 16);
const random_randint_obj: usize = memory.data(16, 16);
const random_choice_obj: usize = memory.data(16, 16);
const random_random_obj: usize = memory.data(16, 16);
const random_uniform_obj: usize = memory.data(16, 16);
const random_globals: usize = memory.data(16, 16);

/** Set-up of the module; seeds the generator from the host clock (the unix port seeds on import). */
export function modrandom_static_init(): void {
  mp_fun_1_at(random_getrandbits_obj, random_getrandbits);
  mp_fun_var_at(random_seed_obj, 0, 1, random_seed);
  mp_fun_var_at(random_randrange_obj, 1, 3, random_randrange);
  mp_fun_2_at(random_randint_obj, random_randint);
  mp_fun_1_at(random_choice_obj, random_choice);
  mp_fun_0_at(random_random_obj, random_random);
  mp_fun_2_at(random_uniform_obj, random_uniform);
  const d = random_globals;
  mp_static_dict_at(d, 8);
  mp_static_dict_add(d, Q.MP_QSTR___name__, MP_OBJ_NEW_QSTR(Q.MP_QSTR_random));
  mp_static_dict_add(d, Q.MP_QSTR_getrandbits, random_getrandbits_obj);
  mp_static_dict_add(d, Q.MP_QSTR_seed, random_seed_obj);
  mp_static_dict_add(d, Q.MP_QSTR_randrange, random_randrange_obj);
  mp_static_dict_add(d, Q.MP_QSTR_randint, random_randint_obj);
  mp_static_dict_add(d, Q.MP_QSTR_choice, random_choice_obj);
  mp_static_dict_add(d, Q.MP_QSTR_random, random_random_obj);
  mp_static_dict_add(d, Q.MP_QSTR_uniform, random_uniform_obj);
  mp_module_static_at(mp_module_random, d);
  seed_with(<u32>mp_hal_ticks_us() ^ <u32>(<u64>mp_hal_time_s()));
}
