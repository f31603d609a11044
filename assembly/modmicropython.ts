// The micropython module, as MicroPython's modmicropython.c with the unix
// port's options plus heap_locked and alloc_emergency_exception_buf: const,
// opt_level, mem_info/qstr_info (MicroPython's exact output), mem_total/
// mem_current/mem_peak, stack_use, pystack_use, heap_lock/heap_unlock/
// heap_locked, kbd_intr, schedule.

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_OBJ_NEW_QSTR,
  MP_OBJ_NEW_SMALL_INT,
  MP_INT_ERROR,
  mp_const_none,
  mp_obj_get_int,
  mp_fun_0_at,
  mp_fun_1_at,
  mp_fun_2_at,
  mp_fun_var_at,
} from "./obj";
import {
  gc_lock,
  gc_unlock,
  gc_lock_depth,
  gc_info,
  gc_block_kind,
  gc_pool_blocks,
  gc_pool_base,
  gc_stat_used_blocks,
  gc_stat_peak_blocks,
  gc_stat_total_bytes,
} from "./gc";
import { MICROPY_BYTES_PER_GC_BLOCK } from "./mpconfig";
import {
  mp_optimise_value,
  mp_set_optimise_value,
  mp_state_get,
  MPS_qstr_last_pool,
} from "./mpstate";
import { mem_rootstack_start, mem_rootstack_end } from "./memmap";
import { root_sp, mp_root_mark, mp_root_release, mp_root_alloc } from "./rootstack";
import { mp_pystack_usage } from "./pystack";
import { qstr_pool_info, qstr_str } from "./qstr";
import { mp_printf, mp_print_str, mp_plat_print } from "./mpprint";
import { mp_static_dict_at, mp_static_dict_add } from "./objdict";
import { mp_module_static_at, mp_type_module } from "./objmodule";
import { mp_obj_new_int_from_ll } from "./objint";
import { mp_raise_msg, mp_raise_type, mp_type_RuntimeError, mp_type_ValueError } from "./objexcept";
import { mp_sched_schedule } from "./scheduler";
import { mp_stream_identity_obj } from "./stream";
import { mp_type_tuple } from "./objtuple";
import { mp_type_list } from "./objlist";
import { mp_type_dict } from "./objdict";
import { mp_type_str, mp_type_bytes } from "./objstr";
import { mp_type_float } from "./objfloat";
import { mp_type_fun_bc } from "./objfun";
import { mp_rom_qstr_pool } from "./frozenmod";
import { mp_type_ringio } from "./objringio";
import * as Q from "./genhdr";

/** The micropython module. */
export const mp_module_micropython: mp_obj_t = memory.data(8, 8);

/**
 * The character that raises KeyboardInterrupt (Ctrl-C, 3), or -1 for none
 * (mp_interrupt_char, set by micropython.kbd_intr). The host reads it with
 * mp_hal_get_interrupt_char before treating a key as an interrupt.
 */
export let mp_interrupt_char: i32 = 3;

/** Sets the interrupt character (mp_hal_set_interrupt_char). */
export function mp_hal_set_interrupt_char(c: i32): void {
  mp_interrupt_char = c;
}

/** The interrupt character, for the host (-1: none). */
export function mp_hal_get_interrupt_char(): i32 {
  return mp_interrupt_char;
}

// opt_level([level]) (mp_micropython_opt_level).
function micropython_opt_level(n_args: usize, args: usize): mp_obj_t {
  if (n_args == 0) return MP_OBJ_NEW_SMALL_INT(<i32>mp_optimise_value);
  const v = mp_obj_get_int(load<usize>(args));
  if (v == MP_INT_ERROR) return MP_OBJ_NULL;
  mp_set_optimise_value(<u32>v);
  return mp_const_none;
}

function micropython_mem_total(): mp_obj_t {
  return mp_obj_new_int_from_ll(<i64>gc_stat_total_bytes);
}

function micropython_mem_current(): mp_obj_t {
  return MP_OBJ_NEW_SMALL_INT(<i32>(gc_stat_used_blocks * MICROPY_BYTES_PER_GC_BLOCK));
}

function micropython_mem_peak(): mp_obj_t {
  return MP_OBJ_NEW_SMALL_INT(<i32>(gc_stat_peak_blocks * MICROPY_BYTES_PER_GC_BLOCK));
}

/**
 * Bytes of the "C stack" in use (mp_cstack_usage). WebAssembly's own stack
 * cannot be measured, so this is the root stack, where the runtime keeps
 * its temporaries; its size is the limit mem_info reports.
 */
export function mp_cstack_usage(): usize {
  return root_sp - mem_rootstack_start;
}

/** Prints the heap statistics, as MicroPython's gc_dump_info. */
export function gc_dump_info(print: usize): void {
  const mark = mp_root_mark();
  const info = mp_root_alloc(7);
  if (info == 0) return;
  gc_info(info);
  const total = load<usize>(info);
  mp_printf(print, "GC: total: %u, used: %u, free: %u", total, load<usize>(info + 4), load<usize>(info + 8));
  mp_printf(
    print,
    "\n No. of 1-blocks: %u, 2-blocks: %u, max blk sz: %u, max free sz: %u\n",
    load<usize>(info + 16),
    load<usize>(info + 20),
    load<usize>(info + 24),
    load<usize>(info + 12),
  );
  mp_root_release(mark);
}

/** Blocks per line of the allocation table dump (gc.c's DUMP_BYTES_PER_LINE). */
@inline const DUMP_BYTES_PER_LINE: usize = 64;

// The letter of a head block: its object's type (gc_dump_alloc_table).
function block_letter(p: usize): u32 {
  const t = load<usize>(p);
  if (t == mp_type_tuple) return 84; // T
  if (t == mp_type_list) return 76; // L
  if (t == mp_type_dict) return 68; // D
  if (t == mp_type_str || t == mp_type_bytes) return 83; // S
  // TODO(#2): 'A' for bytearray and array once their types exist
  if (t == mp_type_float) return 70; // F
  if (t == mp_type_fun_bc) return 66; // B
  if (t == mp_type_module) return 77; // M
  return 104; // h
}

/**
 * Prints the allocation table, 64 blocks a line, as MicroPython's
 * gc_dump_alloc_table: '.' free, '=' tail, a head's letter by type (T tuple,
 * L list, D dict, S str/bytes, F float, B function, M module, h other), runs
 * of two or more free lines abbreviated.
 */
export function gc_dump_alloc_table(print: usize): void {
  const n = gc_pool_blocks();
  const base = gc_pool_base();
  mp_printf(print, "GC memory layout; from %p:", base);
  const line = mp_root_mark();
  const buf = mp_root_alloc(<usize>(DUMP_BYTES_PER_LINE >> 2));
  if (buf == 0) return;
  let bl: usize = 0;
  while (bl < n) {
    if (bl % DUMP_BYTES_PER_LINE == 0) {
      // two or more lines of only free blocks are summarised
      let bl2 = bl;
      while (bl2 < n && gc_block_kind(bl2) == 0) bl2++;
      if (bl2 - bl >= 2 * DUMP_BYTES_PER_LINE) {
        mp_printf(print, "\n       (%u lines all free)", (bl2 - bl) / DUMP_BYTES_PER_LINE);
        bl = bl2 & ~(DUMP_BYTES_PER_LINE - 1);
        if (bl >= n) break;
      }
      mp_printf(print, "\n%08x: ", bl * MICROPY_BYTES_PER_GC_BLOCK);
    }
    // one line's characters at a time
    let k: usize = 0;
    const end = (bl / DUMP_BYTES_PER_LINE + 1) * DUMP_BYTES_PER_LINE;
    while (bl < n && bl < end) {
      const kind = gc_block_kind(bl);
      let c: u32 = 46; // '.'
      if (kind == 1) c = block_letter(base + bl * MICROPY_BYTES_PER_GC_BLOCK);
      else if (kind == 2) c = 61; // '='
      store<u8>(buf + k, <u8>c);
      k++;
      bl++;
    }
    mp_printf(print, "%.*s", k, buf);
  }
  mp_print_str(print, "\n");
  mp_root_release(line);
}

// mem_info([verbose]) (mp_micropython_mem_info).
function micropython_mem_info(n_args: usize, args: usize): mp_obj_t {
  const p = mp_plat_print;
  mp_printf(
    p,
    "mem: total=%u, current=%u, peak=%u\n",
    <usize>gc_stat_total_bytes,
    gc_stat_used_blocks * MICROPY_BYTES_PER_GC_BLOCK,
    gc_stat_peak_blocks * MICROPY_BYTES_PER_GC_BLOCK,
  );
  mp_printf(p, "stack: %u out of %u\n", mp_cstack_usage(), mem_rootstack_end - mem_rootstack_start);
  gc_dump_info(p);
  if (n_args == 1) gc_dump_alloc_table(p);
  return mp_const_none;
}

// Prints every dynamic qstr, newest pool first, not those of a firmware's
// frozen pool (qstr_dump_data stops at the const pool, as MicroPython's).
function qstr_dump_data(): void {
  let pool = mp_state_get(MPS_qstr_last_pool);
  const frozen = mp_rom_qstr_pool();
  while (pool != 0 && pool != frozen) {
    const first = load<usize>(pool + 4);
    const len = load<usize>(pool + 12);
    for (let i: usize = 0; i < len; i++) mp_printf(mp_plat_print, "Q(%s)\n", qstr_str(first + i));
    pool = load<usize>(pool);
  }
}

// qstr_info([verbose]) (mp_micropython_qstr_info).
function micropython_qstr_info(n_args: usize, args: usize): mp_obj_t {
  const mark = mp_root_mark();
  const info = mp_root_alloc(4);
  if (info == 0) return MP_OBJ_NULL;
  qstr_pool_info(info);
  mp_printf(
    mp_plat_print,
    "qstr pool: n_pool=%u, n_qstr=%u, n_str_data_bytes=%u, n_total_bytes=%u\n",
    load<usize>(info),
    load<usize>(info + 4),
    load<usize>(info + 8),
    load<usize>(info + 12),
  );
  mp_root_release(mark);
  if (n_args == 1) qstr_dump_data();
  return mp_const_none;
}

function micropython_stack_use(): mp_obj_t {
  return MP_OBJ_NEW_SMALL_INT(<i32>mp_cstack_usage());
}

function micropython_pystack_use(): mp_obj_t {
  return MP_OBJ_NEW_SMALL_INT(<i32>mp_pystack_usage());
}

function micropython_heap_lock(): mp_obj_t {
  gc_lock();
  return mp_const_none;
}

// heap_unlock(): the lock depth left.
function micropython_heap_unlock(): mp_obj_t {
  gc_unlock();
  return MP_OBJ_NEW_SMALL_INT(gc_lock_depth);
}

function micropython_heap_locked(): mp_obj_t {
  return MP_OBJ_NEW_SMALL_INT(gc_lock_depth);
}

// alloc_emergency_exception_buf(size): exceptions raised with the heap
// locked use static instances here, so there is nothing to allocate.
function micropython_alloc_emergency_exception_buf(size: mp_obj_t): mp_obj_t {
  if (mp_obj_get_int(size) == MP_INT_ERROR) return MP_OBJ_NULL;
  return mp_const_none;
}

// kbd_intr(chr): the interrupt character, -1 to disable.
function micropython_kbd_intr(int_chr: mp_obj_t): mp_obj_t {
  const c = mp_obj_get_int(int_chr);
  if (c == MP_INT_ERROR) return MP_OBJ_NULL;
  mp_hal_set_interrupt_char(<i32>c);
  return mp_const_none;
}

// schedule(function, arg) (mp_micropython_schedule).
function micropython_schedule(function_: mp_obj_t, arg: mp_obj_t): mp_obj_t {
  // scheduling kbd_intr itself needs static scheduler nodes, which this
  // port (like the unix port) does not have
  if (function_ == micropython_kbd_intr_obj) return mp_raise_type(mp_type_ValueError);
  if (!mp_sched_schedule(function_, arg)) {
    return mp_raise_msg(mp_type_RuntimeError, "schedule queue full");
  }
  return mp_const_none;
}

const micropython_opt_level_obj: usize = memory.data(16, 16);
const micropython_mem_total_obj: usize = memory.data(16, 16);
const micropython_mem_current_obj: usize = memory.data(16, 16);
const micropython_mem_peak_obj: usize = memory.data(16, 16);
const micropython_mem_info_obj: usize = memory.data(16, 16);
const micropython_qstr_info_obj: usize = memory.data(16, 16);
const micropython_stack_use_obj: usize = memory.data(16, 16);
const micropython_pystack_use_obj: usize = memory.data(16, 16);
const micropython_heap_lock_obj: usize = memory.data(16, 16);
const micropython_heap_unlock_obj: usize = memory.data(16, 16);
const micropython_heap_locked_obj: usize = memory.data(16, 16);
const micropython_alloc_emergency_exception_buf_obj: usize = memory.data(16, 16);
const micropython_kbd_intr_obj: usize = memory.data(16, 16);
const micropython_schedule_obj: usize = memory.data(16, 16);
const micropython_globals: usize = memory.data(16, 16);

/** Set-up of this file's static objects (the module); run once by mp_init. */
export function modmicropython_static_init(): void {
  mp_fun_var_at(micropython_opt_level_obj, 0, 1, micropython_opt_level);
  mp_fun_0_at(micropython_mem_total_obj, micropython_mem_total);
  mp_fun_0_at(micropython_mem_current_obj, micropython_mem_current);
  mp_fun_0_at(micropython_mem_peak_obj, micropython_mem_peak);
  mp_fun_var_at(micropython_mem_info_obj, 0, 1, micropython_mem_info);
  mp_fun_var_at(micropython_qstr_info_obj, 0, 1, micropython_qstr_info);
  mp_fun_0_at(micropython_stack_use_obj, micropython_stack_use);
  mp_fun_0_at(micropython_pystack_use_obj, micropython_pystack_use);
  mp_fun_0_at(micropython_heap_lock_obj, micropython_heap_lock);
  mp_fun_0_at(micropython_heap_unlock_obj, micropython_heap_unlock);
  mp_fun_0_at(micropython_heap_locked_obj, micropython_heap_locked);
  const emg = micropython_alloc_emergency_exception_buf_obj;
  mp_fun_1_at(emg, micropython_alloc_emergency_exception_buf);
  mp_fun_1_at(micropython_kbd_intr_obj, micropython_kbd_intr);
  mp_fun_2_at(micropython_schedule_obj, micropython_schedule);
  const d = micropython_globals;
  mp_static_dict_at(d, 18);
  mp_static_dict_add(d, Q.MP_QSTR___name__, MP_OBJ_NEW_QSTR(Q.MP_QSTR_micropython));
  mp_static_dict_add(d, Q.MP_QSTR_const, mp_stream_identity_obj);
  mp_static_dict_add(d, Q.MP_QSTR_opt_level, micropython_opt_level_obj);
  mp_static_dict_add(d, Q.MP_QSTR_mem_total, micropython_mem_total_obj);
  mp_static_dict_add(d, Q.MP_QSTR_mem_current, micropython_mem_current_obj);
  mp_static_dict_add(d, Q.MP_QSTR_mem_peak, micropython_mem_peak_obj);
  mp_static_dict_add(d, Q.MP_QSTR_mem_info, micropython_mem_info_obj);
  mp_static_dict_add(d, Q.MP_QSTR_qstr_info, micropython_qstr_info_obj);
  mp_static_dict_add(d, Q.MP_QSTR_stack_use, micropython_stack_use_obj);
  mp_static_dict_add(d, Q.MP_QSTR_alloc_emergency_exception_buf, emg);
  mp_static_dict_add(d, Q.MP_QSTR_pystack_use, micropython_pystack_use_obj);
  mp_static_dict_add(d, Q.MP_QSTR_heap_lock, micropython_heap_lock_obj);
  mp_static_dict_add(d, Q.MP_QSTR_heap_unlock, micropython_heap_unlock_obj);
  mp_static_dict_add(d, Q.MP_QSTR_heap_locked, micropython_heap_locked_obj);
  mp_static_dict_add(d, Q.MP_QSTR_kbd_intr, micropython_kbd_intr_obj);
  mp_static_dict_add(d, Q.MP_QSTR_schedule, micropython_schedule_obj);
  mp_static_dict_add(d, Q.MP_QSTR_RingIO, mp_type_ringio);
  mp_module_static_at(mp_module_micropython, d);
}
