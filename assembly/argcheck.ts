// Argument checking for built-in functions, as MicroPython's argcheck.c:
// argument-count checks with MicroPython's messages, and mp_arg_parse_all for
// built-ins taking keyword arguments.
//
// An allowed-argument table (mp_arg_t[n], 8 bytes per entry, static):
//   +0 qstr u16   +2 flags u16 (MP_ARG_BOOL/INT/OBJ | MP_ARG_REQUIRED | MP_ARG_KW_ONLY)
//   +4 default value (mp_arg_val_t: a bool 0/1, an i32, or an object)
// Parsed values (mp_arg_val_t[n]) are one word each.

import { mp_obj_t, MP_OBJ_NEW_QSTR, MP_INT_ERROR, mp_obj_is_true, mp_obj_get_int } from "./obj";
import { mp_static_alloc } from "./memmap";
import { mp_root_alloc } from "./rootstack";
import { mp_map_lookup, mp_map_used, mp_map_init_fixed_table, MP_MAP_LOOKUP, MP_MAP_ERROR } from "./map";
import { mp_raise_TypeError, mp_raise_msg_varg, mp_type_TypeError } from "./objexcept";

@inline export const MP_ARG_BOOL: u32 = 0x001;
@inline export const MP_ARG_INT: u32 = 0x002;
@inline export const MP_ARG_OBJ: u32 = 0x003;
@inline export const MP_ARG_KIND_MASK: u32 = 0x0ff;
@inline export const MP_ARG_REQUIRED: u32 = 0x100;
@inline export const MP_ARG_KW_ONLY: u32 = 0x200;

/**
 * Checks a call's argument counts against [n_args_min, n_args_max] and
 * whether keywords are allowed; returns false with TypeError pending
 * (mp_arg_check_num_sig).
 */
export function mp_arg_check_num_var(
  n_args: usize,
  n_kw: usize,
  n_args_min: usize,
  n_args_max: usize,
  takes_kw: bool,
): bool {
  if (n_kw != 0 && !takes_kw) {
    mp_raise_TypeError("function doesn't take keyword arguments");
    return false;
  }
  if (n_args_min == n_args_max) {
    if (n_args != n_args_min) {
      mp_raise_msg_varg(mp_type_TypeError, "function takes %d positional arguments but %d were given", n_args_min, n_args);
      return false;
    }
  } else if (n_args < n_args_min) {
    mp_raise_msg_varg(mp_type_TypeError, "function missing %d required positional arguments", n_args_min - n_args);
    return false;
  } else if (n_args > n_args_max) {
    mp_raise_msg_varg(mp_type_TypeError, "function expected at most %d arguments, got %d", n_args_max, n_args);
    return false;
  }
  return true;
}

/** mp_arg_check_num: as mp_arg_check_num_var. Returns false with TypeError pending. */
export function mp_arg_check_num(n_args: usize, n_kw: usize, n_args_min: usize, n_args_max: usize, takes_kw: bool): bool {
  if (n_kw == 0 && n_args == n_args_min && n_args == n_args_max) return true;
  return mp_arg_check_num_var(n_args, n_kw, n_args_min, n_args_max, takes_kw);
}

/**
 * A fixed map over `n_kw` key/value pairs at `kv` (the keyword part of a call's
 * args), built on the root stack: release it with the caller's root mark.
 * Returns the map's address, or 0 if the root stack is full. Keys are qstrs
 * (mp_map_init_fixed_table over a copy of the pairs).
 */
export function mp_map_fixed_from_kw(n_kw: usize, kv: usize): usize {
  const map = mp_root_alloc(3 + 2 * n_kw);
  if (map == 0) return 0;
  const t = map + 12;
  memory.copy(t, kv, n_kw << 3);
  mp_map_init_fixed_table(map, n_kw, t);
  return map;
}

/** A static allowed-argument table of `n` entries (set-up time). */
export function mp_arg_table(n: usize): usize {
  return mp_static_alloc(n << 3);
}

/** Fills entry `i` of an allowed-argument table. */
export function mp_arg_set(table: usize, i: usize, qst: usize, flags: u32, defval: usize): void {
  const e = table + (i << 3);
  store<u16>(e, <u16>qst);
  store<u16>(e + 2, <u16>flags);
  store<usize>(e + 4, defval);
}

/**
 * Parses `n_pos` positional args at `pos` and the keyword map `kws` (0 if
 * none) against `n_allowed` entries of `allowed`, writing one word per entry
 * to `out_vals`. Returns false with TypeError pending (or the error of an int
 * conversion / truth test). As mp_arg_parse_all.
 */
export function mp_arg_parse_all(
  n_pos: usize,
  pos: usize,
  kws: usize,
  n_allowed: usize,
  allowed: usize,
  out_vals: usize,
): bool {
  let pos_found: usize = 0;
  let kws_found: usize = 0;
  for (let i: usize = 0; i < n_allowed; i++) {
    const a = allowed + (i << 3);
    const flags = <u32>load<u16>(a + 2);
    let given: mp_obj_t;
    if (i < n_pos) {
      if ((flags & MP_ARG_KW_ONLY) != 0) {
        mp_raise_TypeError("extra positional arguments given");
        return false;
      }
      pos_found++;
      given = load<usize>(pos + (i << 2));
    } else {
      const qst = <usize>load<u16>(a);
      const e: usize = kws == 0 ? 0 : mp_map_lookup(kws, MP_OBJ_NEW_QSTR(qst), MP_MAP_LOOKUP);
      if (e == MP_MAP_ERROR) return false;
      if (e == 0) {
        if ((flags & MP_ARG_REQUIRED) != 0) {
          mp_raise_msg_varg(mp_type_TypeError, "'%q' argument required", qst);
          return false;
        }
        store<usize>(out_vals + (i << 2), load<usize>(a + 4));
        continue;
      }
      kws_found++;
      given = load<usize>(e + 4);
    }
    const kind = flags & MP_ARG_KIND_MASK;
    if (kind == MP_ARG_BOOL) {
      const t = mp_obj_is_true(given);
      if (t < 0) return false;
      store<usize>(out_vals + (i << 2), <usize>t);
    } else if (kind == MP_ARG_INT) {
      const v = mp_obj_get_int(given);
      if (v == MP_INT_ERROR) return false;
      store<i32>(out_vals + (i << 2), <i32>v);
    } else {
      store<usize>(out_vals + (i << 2), given);
    }
  }
  if (pos_found < n_pos) {
    mp_raise_TypeError("extra positional arguments given");
    return false;
  }
  if (kws != 0 && kws_found < mp_map_used(kws)) {
    mp_raise_TypeError("extra keyword arguments given");
    return false;
  }
  return true;
}

/**
 * mp_arg_parse_all with the keywords given as the `n_kw` pairs after the
 * positional args in `args` (mp_arg_parse_all_kw_array). Uses the root stack
 * for the map; the caller's root mark releases it.
 */
export function mp_arg_parse_all_kw_array(
  n_pos: usize,
  n_kw: usize,
  args: usize,
  n_allowed: usize,
  allowed: usize,
  out_vals: usize,
): bool {
  let map: usize = 0;
  if (n_kw != 0) {
    map = mp_map_fixed_from_kw(n_kw, args + (n_pos << 2));
    if (map == 0) {
      mp_raise_TypeError("too many arguments");
      return false;
    }
  }
  return mp_arg_parse_all(n_pos, args, map, n_allowed, allowed, out_vals);
}
