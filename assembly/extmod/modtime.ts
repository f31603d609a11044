// The time module, as MicroPython's extmod/modtime.c with the unix port's
// ports/unix/modtime.c: ticks_ms/us/cpu with ticks_diff/ticks_add (wrapping
// at MICROPY_PY_TIME_TICKS_PERIOD), sleep/sleep_ms/sleep_us, time() (a
// float), time_ns(), clock(), and gmtime/localtime/mktime with C's
// semantics (9-tuples ending in isdst), computed by the host.
//
// Sleeping blocks the host thread; queued callbacks and a pending
// KeyboardInterrupt are handled before it (mp_handle_pending).

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_OBJ_NEW_QSTR,
  MP_OBJ_NEW_SMALL_INT,
  MP_OBJ_SMALL_INT_VALUE,
  MP_INT_ERROR,
  mp_const_none,
  mp_obj_get_int,
  mp_fun_0_at,
  mp_fun_1_at,
  mp_fun_2_at,
  mp_fun_var_at,
} from "../obj";
import { mp_root_mark, mp_root_release, mp_root_alloc } from "../rootstack";
import { mp_static_dict_at, mp_static_dict_add } from "../objdict";
import { mp_module_static_at } from "../objmodule";
import { mp_obj_new_tuple, mp_obj_tuple_len, mp_obj_tuple_items, mp_type_tuple } from "../objtuple";
import { mp_type_list, mp_obj_list_len, mp_obj_list_items } from "../objlist";
import { mp_obj_new_int_from_ll } from "../objint";
import { mp_obj_new_float, mp_obj_get_float_to } from "../objfloat";
import { mp_raise_msg, mp_raise_TypeError, mp_type_OverflowError } from "../objexcept";
import { mp_raise_recursion_depth, mp_raise_OSError } from "../runtime";
import { MP_EINVAL } from "../stream";
import { mp_handle_pending } from "../scheduler";
import {
  mp_hal_ticks_ms,
  mp_hal_ticks_us,
  mp_hal_ticks_cpu,
  mp_hal_time_s,
  mp_hal_time_ns,
  mp_hal_time_tm,
  mp_hal_time_mktime,
  mp_hal_delay_ms,
} from "../mphal";
import * as Q from "../genhdr";

/** The time module. Extensible: a time.py on sys.path comes first; `utime` finds it. */
export const mp_module_time: mp_obj_t = memory.data(8, 8);
export const mp_module_time_extensible = true;

/**
 * Ticks wrap at this period: one more than the largest positive small int,
 * so ticks are always small ints (MICROPY_PY_TIME_TICKS_PERIOD).
 */
@inline export const MICROPY_PY_TIME_TICKS_PERIOD: u32 = 1 << 30;

/**
 * Sleeps `us` microseconds: the host sleeps the whole milliseconds, the rest
 * is waited out (mp_hal_delay_us).
 */
export function mp_hal_delay_us(us: u32): void {
  const start = mp_hal_ticks_us();
  if (us >= 1000) mp_hal_delay_ms(us / 1000);
  while (mp_hal_ticks_us() - start < us) {
    // busy-wait the sub-millisecond remainder
  }
}

// time(): seconds since the epoch, as a float (the unix port's mp_time_time_get).
function time_time(): mp_obj_t {
  return mp_obj_new_float(mp_hal_time_s());
}

// time_ns(): nanoseconds since the epoch.
function time_time_ns(): mp_obj_t {
  return mp_obj_new_int_from_ll(mp_hal_time_ns());
}

// clock(): seconds of processor time, as a float (deprecated, kept by the
// unix port for pystone); here the time since start-up.
function time_clock(): mp_obj_t {
  return mp_obj_new_float(<f64>(<u32>mp_hal_ticks_us()) / 1000000.0);
}

// sleep(seconds): int or float (the unix port's mp_time_sleep).
function time_sleep(seconds: mp_obj_t): mp_obj_t {
  const mark = mp_root_mark();
  const f = mp_root_alloc(2);
  if (f == 0) return mp_raise_recursion_depth();
  if (!mp_obj_get_float_to(seconds, f)) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  const val = load<f64>(f);
  mp_root_release(mark);
  if (!mp_handle_pending(true)) return MP_OBJ_NULL;
  // select() refuses a negative timeout on the unix port
  if (val < 0 || isNaN(val)) return mp_raise_OSError(MP_EINVAL);
  if (val > 0) {
    const us = Math.round(val * 1000000.0);
    // whole milliseconds at a time, so very long sleeps do not overflow
    const ms = Math.floor(us / 1000.0);
    let left = ms;
    while (left > 0) {
      const step = left > 1000000000.0 ? 1000000000.0 : left;
      mp_hal_delay_ms(<u32>step);
      left -= step;
    }
    mp_hal_delay_us(<u32>(us - ms * 1000.0));
  }
  return mp_const_none;
}

// sleep_ms(ms): negative values do not sleep.
function time_sleep_ms(arg: mp_obj_t): mp_obj_t {
  const ms = mp_obj_get_int(arg);
  if (ms == MP_INT_ERROR) return MP_OBJ_NULL;
  if (!mp_handle_pending(true)) return MP_OBJ_NULL;
  if (ms > 0) mp_hal_delay_ms(<u32>ms);
  return mp_const_none;
}

// sleep_us(us): negative values do not sleep.
function time_sleep_us(arg: mp_obj_t): mp_obj_t {
  const us = mp_obj_get_int(arg);
  if (us == MP_INT_ERROR) return MP_OBJ_NULL;
  if (!mp_handle_pending(true)) return MP_OBJ_NULL;
  if (us > 0) mp_hal_delay_us(<u32>us);
  return mp_const_none;
}

function time_ticks_ms(): mp_obj_t {
  return MP_OBJ_NEW_SMALL_INT(<i32>(mp_hal_ticks_ms() & (MICROPY_PY_TIME_TICKS_PERIOD - 1)));
}

function time_ticks_us(): mp_obj_t {
  return MP_OBJ_NEW_SMALL_INT(<i32>(mp_hal_ticks_us() & (MICROPY_PY_TIME_TICKS_PERIOD - 1)));
}

function time_ticks_cpu(): mp_obj_t {
  return MP_OBJ_NEW_SMALL_INT(<i32>(mp_hal_ticks_cpu() & (MICROPY_PY_TIME_TICKS_PERIOD - 1)));
}

// ticks_diff(end, start): the signed difference in (-PERIOD/2, PERIOD/2],
// both assumed to come from ticks_*() (small ints).
function time_ticks_diff(end_in: mp_obj_t, start_in: mp_obj_t): mp_obj_t {
  const start = <u32>MP_OBJ_SMALL_INT_VALUE(start_in);
  const end = <u32>MP_OBJ_SMALL_INT_VALUE(end_in);
  // shift forward by half a period, wrap, shift back
  const diff =
    <i32>((end - start + MICROPY_PY_TIME_TICKS_PERIOD / 2) & (MICROPY_PY_TIME_TICKS_PERIOD - 1)) -
    <i32>(MICROPY_PY_TIME_TICKS_PERIOD / 2);
  return MP_OBJ_NEW_SMALL_INT(diff);
}

// ticks_add(ticks, delta): OverflowError when ticks_diff could not undo it.
function time_ticks_add(ticks_in: mp_obj_t, delta_in: mp_obj_t): mp_obj_t {
  const ticks = <u32>MP_OBJ_SMALL_INT_VALUE(ticks_in);
  const d = mp_obj_get_int(delta_in);
  if (d == MP_INT_ERROR) return MP_OBJ_NULL;
  const delta = <u32>d;
  // unsigned form of: delta <= -PERIOD/2 || delta >= PERIOD/2
  if (delta + MICROPY_PY_TIME_TICKS_PERIOD / 2 - 1 >= MICROPY_PY_TIME_TICKS_PERIOD - 1) {
    return mp_raise_msg(mp_type_OverflowError, "ticks interval overflow");
  }
  return MP_OBJ_NEW_SMALL_INT(<i32>((ticks + delta) & (MICROPY_PY_TIME_TICKS_PERIOD - 1)));
}

// gmtime([secs]) / localtime([secs]): the 9-tuple of C's gmtime/localtime
// (mod_time_gm_local_time); weekday 0 is Monday.
function time_gm_local_time(n_args: usize, args: usize, local: bool): mp_obj_t {
  let t: f64;
  if (n_args == 0 || load<usize>(args) == mp_const_none) {
    t = Math.floor(mp_hal_time_s());
  } else {
    // timeutils_obj_get_timestamp: an int or a float, truncated
    const mark = mp_root_mark();
    const f = mp_root_alloc(2);
    if (f == 0) return mp_raise_recursion_depth();
    if (!mp_obj_get_float_to(load<usize>(args), f)) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    t = Math.trunc(load<f64>(f));
    mp_root_release(mark);
  }
  const mark = mp_root_mark();
  const tm = mp_root_alloc(9);
  if (tm == 0) return mp_raise_recursion_depth();
  if (mp_hal_time_tm(t, local ? 1 : 0, tm) != 0) {
    mp_root_release(mark);
    return mp_raise_msg(mp_type_OverflowError, "timestamp out of range for platform time_t");
  }
  for (let i: usize = 0; i < 9; i++) {
    store<usize>(tm + (i << 2), MP_OBJ_NEW_SMALL_INT(load<i32>(tm + (i << 2))));
  }
  const r = mp_obj_new_tuple(9, tm);
  mp_root_release(mark);
  return r;
}

function time_gmtime(n_args: usize, args: usize): mp_obj_t {
  return time_gm_local_time(n_args, args, false);
}

function time_localtime(n_args: usize, args: usize): mp_obj_t {
  return time_gm_local_time(n_args, args, true);
}

// mktime(tuple): the inverse of localtime, from a tuple of 8 or 9 items
// (mod_time_mktime).
function time_mktime(tuple: mp_obj_t): mp_obj_t {
  let len: usize;
  let items: usize;
  if ((tuple & 3) == 0 && tuple > 12 && load<usize>(tuple) == mp_type_tuple) {
    len = mp_obj_tuple_len(tuple);
    items = mp_obj_tuple_items(tuple);
  } else if ((tuple & 3) == 0 && tuple > 12 && load<usize>(tuple) == mp_type_list) {
    len = mp_obj_list_len(tuple);
    items = mp_obj_list_items(tuple);
  } else {
    return mp_raise_TypeError("object not iterable");
  }
  if (len < 8 || len > 9) return mp_raise_TypeError("mktime needs a tuple of length 8 or 9");
  const mark = mp_root_mark();
  const v = mp_root_alloc(6);
  if (v == 0) return mp_raise_recursion_depth();
  for (let i: usize = 0; i < 6; i++) {
    const x = mp_obj_get_int(load<usize>(items + (i << 2)));
    if (x == MP_INT_ERROR) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    store<i32>(v + (i << 2), <i32>x);
  }
  if (len == 9) {
    // isdst is checked as an int; the host resolves DST itself
    if (mp_obj_get_int(load<usize>(items + 32)) == MP_INT_ERROR) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
  }
  const r = mp_hal_time_mktime(
    load<i32>(v),
    load<i32>(v + 4),
    load<i32>(v + 8),
    load<i32>(v + 12),
    load<i32>(v + 16),
    load<i32>(v + 20),
  );
  mp_root_release(mark);
  if (isNaN(r)) return mp_raise_msg(mp_type_OverflowError, "invalid mktime usage");
  return mp_obj_new_int_from_ll(<i64>r);
}

const time_time_obj: usize = memory.data(16, 16);
const time_time_ns_obj: usize = memory.data(16, 16);
const time_clock_obj: usize = memory.data(16, 16);
const time_sleep_obj: usize = memory.data(16, 16);
const time_sleep_ms_obj: usize = memory.data(16, 16);
const time_sleep_us_obj: usize = memory.data(16, 16);
const time_ticks_ms_obj: usize = memory.data(16, 16);
const time_ticks_us_obj: usize = memory.data(16, 16);
const time_ticks_cpu_obj: usize = memory.data(16, 16);
const time_ticks_diff_obj: usize = memory.data(16, 16);
const time_ticks_add_obj: usize = memory.data(16, 16);
const time_gmtime_obj: usize = memory.data(16, 16);
const time_localtime_obj: usize = memory.data(16, 16);
const time_mktime_obj: usize = memory.data(16, 16);
const time_globals: usize = memory.data(16, 16);

/** Set-up of this file's static objects (the module); run once by mp_init. */
export function modtime_static_init(): void {
  mp_fun_0_at(time_time_obj, time_time);
  mp_fun_0_at(time_time_ns_obj, time_time_ns);
  mp_fun_0_at(time_clock_obj, time_clock);
  mp_fun_1_at(time_sleep_obj, time_sleep);
  mp_fun_1_at(time_sleep_ms_obj, time_sleep_ms);
  mp_fun_1_at(time_sleep_us_obj, time_sleep_us);
  mp_fun_0_at(time_ticks_ms_obj, time_ticks_ms);
  mp_fun_0_at(time_ticks_us_obj, time_ticks_us);
  mp_fun_0_at(time_ticks_cpu_obj, time_ticks_cpu);
  mp_fun_2_at(time_ticks_diff_obj, time_ticks_diff);
  mp_fun_2_at(time_ticks_add_obj, time_ticks_add);
  mp_fun_var_at(time_gmtime_obj, 0, 1, time_gmtime);
  mp_fun_var_at(time_localtime_obj, 0, 1, time_localtime);
  mp_fun_1_at(time_mktime_obj, time_mktime);
  const d = time_globals;
  mp_static_dict_at(d, 15);
  mp_static_dict_add(d, Q.MP_QSTR___name__, MP_OBJ_NEW_QSTR(Q.MP_QSTR_time));
  mp_static_dict_add(d, Q.MP_QSTR_clock, time_clock_obj);
  mp_static_dict_add(d, Q.MP_QSTR_gmtime, time_gmtime_obj);
  mp_static_dict_add(d, Q.MP_QSTR_localtime, time_localtime_obj);
  mp_static_dict_add(d, Q.MP_QSTR_mktime, time_mktime_obj);
  mp_static_dict_add(d, Q.MP_QSTR_time, time_time_obj);
  mp_static_dict_add(d, Q.MP_QSTR_time_ns, time_time_ns_obj);
  mp_static_dict_add(d, Q.MP_QSTR_sleep, time_sleep_obj);
  mp_static_dict_add(d, Q.MP_QSTR_sleep_ms, time_sleep_ms_obj);
  mp_static_dict_add(d, Q.MP_QSTR_sleep_us, time_sleep_us_obj);
  mp_static_dict_add(d, Q.MP_QSTR_ticks_ms, time_ticks_ms_obj);
  mp_static_dict_add(d, Q.MP_QSTR_ticks_us, time_ticks_us_obj);
  mp_static_dict_add(d, Q.MP_QSTR_ticks_cpu, time_ticks_cpu_obj);
  mp_static_dict_add(d, Q.MP_QSTR_ticks_add, time_ticks_add_obj);
  mp_static_dict_add(d, Q.MP_QSTR_ticks_diff, time_ticks_diff_obj);
  mp_module_static_at(mp_module_time, d);
}
