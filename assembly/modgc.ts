// The gc module, as MicroPython's modgc.c: collect, enable/disable of the
// automatic collection, isenabled, mem_free/mem_alloc and threshold.

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_OBJ_NEW_QSTR,
  MP_OBJ_NEW_SMALL_INT,
  MP_INT_ERROR,
  mp_const_none,
  mp_obj_new_bool,
  mp_obj_get_int,
  mp_fun_0_at,
  mp_fun_var_at,
} from "./obj";
import {
  gc_collect,
  gc_collected,
  gc_info,
  gc_set_auto_collect,
  gc_auto_collect_enabled,
  gc_set_threshold,
  gc_alloc_threshold,
} from "./gc";
import { MICROPY_BYTES_PER_GC_BLOCK } from "./mpconfig";
import { mp_root_mark, mp_root_release, mp_root_alloc } from "./rootstack";
import { mp_static_dict_at, mp_static_dict_add } from "./objdict";
import { mp_module_static_at } from "./objmodule";
import { mp_obj_new_int_from_ll } from "./objint";
import { mp_raise_recursion_depth } from "./runtime";
import * as Q from "./genhdr";

/** The gc module. */
export const mp_module_gc: mp_obj_t = memory.data(8, 8);

// collect(): a full collection; returns the number of objects it freed
// (MICROPY_PY_GC_COLLECT_RETVAL, as the unix port).
function py_gc_collect(): mp_obj_t {
  gc_collect();
  return MP_OBJ_NEW_SMALL_INT(<i32>gc_collected);
}

function gc_disable(): mp_obj_t {
  gc_set_auto_collect(false);
  return mp_const_none;
}

function gc_enable(): mp_obj_t {
  gc_set_auto_collect(true);
  return mp_const_none;
}

function gc_isenabled(): mp_obj_t {
  return mp_obj_new_bool(gc_auto_collect_enabled);
}

// word `i` of gc_info (0 total, 1 used, 2 free bytes...)
function gc_info_word(i: usize): usize {
  const mark = mp_root_mark();
  const info = mp_root_alloc(7);
  if (info == 0) return 0;
  gc_info(info);
  const v = load<usize>(info + (i << 2));
  mp_root_release(mark);
  return v;
}

// mem_free(): bytes of free heap.
function gc_mem_free(): mp_obj_t {
  return MP_OBJ_NEW_SMALL_INT(<i32>gc_info_word(2));
}

// mem_alloc(): bytes of heap in use.
function gc_mem_alloc(): mp_obj_t {
  return MP_OBJ_NEW_SMALL_INT(<i32>gc_info_word(1));
}

// threshold([bytes]): get or set the allocation amount that triggers a
// collection; -1 (or any negative value) disables it. Kept in blocks.
function gc_threshold(n_args: usize, args: usize): mp_obj_t {
  if (n_args == 0) {
    if (gc_alloc_threshold < 0) return MP_OBJ_NEW_SMALL_INT(-1);
    return mp_obj_new_int_from_ll(<i64>gc_alloc_threshold * <i64>MICROPY_BYTES_PER_GC_BLOCK);
  }
  const v = mp_obj_get_int(load<usize>(args));
  if (v == MP_INT_ERROR) return MP_OBJ_NULL;
  if (v < 0) gc_set_threshold(-1);
  else gc_set_threshold(<isize>(v / <i64>MICROPY_BYTES_PER_GC_BLOCK));
  return mp_const_none;
}

const gc_collect_obj: usize = memory.data(16, 16);
const gc_disable_obj: usize = memory.data(16, 16);
const gc_enable_obj: usize = memory.data(16, 16);
const gc_isenabled_obj: usize = memory.data(16, 16);
const gc_mem_free_obj: usize = memory.data(16, 16);
const gc_mem_alloc_obj: usize = memory.data(16, 16);
const gc_threshold_obj: usize = memory.data(16, 16);
const gc_globals: usize = memory.data(16, 16);

/** Set-up of this file's static objects (the module); run once by mp_init. */
export function modgc_static_init(): void {
  mp_fun_0_at(gc_collect_obj, py_gc_collect);
  mp_fun_0_at(gc_disable_obj, gc_disable);
  mp_fun_0_at(gc_enable_obj, gc_enable);
  mp_fun_0_at(gc_isenabled_obj, gc_isenabled);
  mp_fun_0_at(gc_mem_free_obj, gc_mem_free);
  mp_fun_0_at(gc_mem_alloc_obj, gc_mem_alloc);
  mp_fun_var_at(gc_threshold_obj, 0, 1, gc_threshold);
  const d = gc_globals;
  mp_static_dict_at(d, 8);
  mp_static_dict_add(d, Q.MP_QSTR___name__, MP_OBJ_NEW_QSTR(Q.MP_QSTR_gc));
  mp_static_dict_add(d, Q.MP_QSTR_collect, gc_collect_obj);
  mp_static_dict_add(d, Q.MP_QSTR_disable, gc_disable_obj);
  mp_static_dict_add(d, Q.MP_QSTR_enable, gc_enable_obj);
  mp_static_dict_add(d, Q.MP_QSTR_isenabled, gc_isenabled_obj);
  mp_static_dict_add(d, Q.MP_QSTR_mem_free, gc_mem_free_obj);
  mp_static_dict_add(d, Q.MP_QSTR_mem_alloc, gc_mem_alloc_obj);
  mp_static_dict_add(d, Q.MP_QSTR_threshold, gc_threshold_obj);
  mp_module_static_at(mp_module_gc, d);
}
