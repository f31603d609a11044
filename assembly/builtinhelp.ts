// help(), as MicroPython's builtinhelp.c: a general message, or for an
// object its type and the names in its module/class dict.

import {
  mp_obj_t,
  MP_OBJ_NULL,
  mp_const_none,
  mp_type_type,
  mp_type_name,
  mp_type_locals_dict,
  mp_obj_print_helper,
  PRINT_STR,
  MP_OBJ_NEW_QSTR,
  mp_fun_var_at,
} from "./obj";
import { qstr_str, qstr_len, bytes_cmp } from "./qstr";
import { gc_alloc, gc_free } from "./gc";
import { mp_frozen_count, mp_frozen_entry, MOD_path, MOD_path_len } from "./frozenmod";
import { mp_print_str, mp_print_strn, mp_plat_print } from "./mpprint";
import { mp_map_filled, mp_map_entries, mp_map_slot_is_filled } from "./map";
import { mp_obj_get_type } from "./objtype";
import { mp_type_module, mp_obj_module_get_globals } from "./objmodule";
import { mp_obj_dict_get_map } from "./objdict";
import {
  mp_builtin_module_count,
  mp_builtin_module_name,
} from "../build/genhdr/moduledefs.generated";
import * as Q from "./genhdr";

function print_qstr(print: usize, q: usize): void {
  mp_print_strn(print, qstr_str(q), qstr_len(q));
}

// "  name -- value" for one dict entry (mp_help_print_info_about_object).
function print_info_about_object(print: usize, name: mp_obj_t, value: mp_obj_t): bool {
  mp_print_str(print, "  ");
  if (!mp_obj_print_helper(print, name, PRINT_STR)) return false;
  mp_print_str(print, " -- ");
  if (!mp_obj_print_helper(print, value, PRINT_STR)) return false;
  mp_print_str(print, "\n");
  return true;
}

// help('modules'): the built-in and frozen modules in byte order, in columns,
// column first (mp_help_print_modules; a frozen "pkg/mod.py" shows as
// "pkg/mod", as mp_help_add_from_names strips ".py").
function help_print_modules(print: usize): void {
  const nb = mp_builtin_module_count;
  const nf = mp_frozen_count();
  const len = nb + nf;
  // (pointer, length) pairs to sort; without the heap, the built-ins alone (already sorted)
  const names = gc_alloc((len << 3) + 8, 0);
  for (let i: usize = 0; i < nb; i++) {
    const q = mp_builtin_module_name(i);
    if (names != 0) {
      store<usize>(names + (i << 3), qstr_str(q));
      store<usize>(names + (i << 3) + 4, qstr_len(q));
    }
  }
  const n = names != 0 ? len : nb;
  if (names != 0) {
    for (let i: usize = 0; i < nf; i++) {
      const e = mp_frozen_entry(i);
      store<usize>(names + ((nb + i) << 3), load<usize>(e + MOD_path));
      store<usize>(names + ((nb + i) << 3) + 4, load<usize>(e + MOD_path_len) - 3);
    }
    sort_names(names, n);
  }
  const num_rows = (n + HELP_NUM_COLUMNS - 1) / HELP_NUM_COLUMNS;
  for (let i: usize = 0; i < num_rows; i++) {
    let j = i;
    while (true) {
      let l: i32;
      if (names != 0) {
        l = <i32>load<usize>(names + (j << 3) + 4);
        mp_print_strn(print, load<usize>(names + (j << 3)), <usize>l);
      } else {
        const q = mp_builtin_module_name(j);
        l = <i32>qstr_len(q);
        print_qstr(print, q);
      }
      j += num_rows;
      if (j >= n) break;
      let gap = HELP_COLUMN_WIDTH - l;
      while (gap < 1) gap += HELP_COLUMN_WIDTH;
      while (gap-- > 0) mp_print_str(print, " ");
    }
    mp_print_str(print, "\n");
  }
  if (names != 0) gc_free(names);
  mp_print_str(print, "Plus any modules on the filesystem\n");
}

// Sorts `n` (pointer, length) pairs at `names` by their bytes (shell sort).
function sort_names(names: usize, n: usize): void {
  let gap = n >> 1;
  while (gap > 0) {
    for (let i = gap; i < n; i++) {
      const p = load<usize>(names + (i << 3));
      const l = load<usize>(names + (i << 3) + 4);
      let j = i;
      while (j >= gap) {
        const a = names + ((j - gap) << 3);
        if (bytes_cmp(load<usize>(a), load<usize>(a + 4), p, l) <= 0) break;
        store<u64>(names + (j << 3), load<u64>(a));
        j -= gap;
      }
      store<usize>(names + (j << 3), p);
      store<usize>(names + (j << 3) + 4, l);
    }
    gap >>= 1;
  }
}

@inline const HELP_NUM_COLUMNS: usize = 4;
@inline const HELP_COLUMN_WIDTH: i32 = 18;

function help_print_obj(print: usize, obj: mp_obj_t): bool {
  if (obj == MP_OBJ_NEW_QSTR(Q.MP_QSTR_modules)) {
    help_print_modules(print);
    return true;
  }
  let type = mp_obj_get_type(obj);
  mp_print_str(print, "object ");
  if (!mp_obj_print_helper(print, obj, PRINT_STR)) return false;
  mp_print_str(print, " is of type ");
  print_qstr(print, mp_type_name(type));
  mp_print_str(print, "\n");
  let map: usize = 0;
  if (type == mp_type_module) {
    map = mp_obj_dict_get_map(mp_obj_module_get_globals(obj));
  } else {
    if (type == mp_type_type) type = obj;
    const ld = mp_type_locals_dict(type);
    if (ld != 0) map = mp_obj_dict_get_map(ld);
  }
  if (map != 0) {
    const n = mp_map_filled(map);
    for (let i: usize = 0; i < n; i++) {
      const e = mp_map_entries(map) + i * 8;
      if (!mp_map_slot_is_filled(e)) continue;
      if (!print_info_about_object(print, load<usize>(e), load<usize>(e + 4))) return false;
    }
  }
  return true;
}

function mp_builtin_help(n_args: usize, args: usize): mp_obj_t {
  const print = mp_plat_print;
  if (n_args == 0) {
    mp_print_str(print, "Welcome to MicroPython (mpy-wasm)!\n");
    mp_print_str(print, "\n");
    mp_print_str(print, "For online docs please visit http://docs.micropython.org/\n");
    mp_print_str(print, "\n");
    mp_print_str(print, "Control commands:\n");
    mp_print_str(print, "  CTRL-A        -- on a blank line, enter raw REPL mode\n");
    mp_print_str(print, "  CTRL-B        -- on a blank line, enter normal REPL mode\n");
    mp_print_str(print, "  CTRL-C        -- interrupt a running program\n");
    mp_print_str(print, "  CTRL-D        -- on a blank line, exit or do a soft reset\n");
    mp_print_str(print, "  CTRL-E        -- on a blank line, enter paste mode\n");
    mp_print_str(print, "\n");
    mp_print_str(print, "For further help on a specific object, type help(obj)\n");
    return mp_const_none;
  }
  if (!help_print_obj(print, load<usize>(args))) return MP_OBJ_NULL;
  return mp_const_none;
}

/** help([obj]). */
export const mp_builtin_help_obj: usize = memory.data(16, 16);

/** Set-up of this file's static objects (types, methods); run once by mp_init. */
export function builtinhelp_static_init(): void {
  mp_fun_var_at(mp_builtin_help_obj, 0, 1, mp_builtin_help);
}
