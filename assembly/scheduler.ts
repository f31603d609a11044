// The scheduler, as MicroPython's scheduler.c: micropython.schedule()'s queue
// of (function, arg) pairs run by the VM at its next poll, pending exceptions
// (KeyboardInterrupt from the host's Ctrl-C, mp_sched_exception), and the
// scheduler lock held while callbacks run (and by hard ISRs).
//
// The queue is MICROPY_SCHEDULER_DEPTH (4) pairs in the state block
// (MPS_sched_queue_base..+7), so it is a GC root and needs no allocation:
// scheduling works with the heap locked.

import { mp_obj_t, MP_OBJ_NULL } from "./obj";
import { gc_alloc } from "./gc";
import { mp_root_mark, mp_root_push, mp_root_release } from "./rootstack";
import { mp_state_get, mp_state_set, MPS_sched_queue_base, MPS_pending_exception, MPS_kbd_exception } from "./mpstate";
import { mp_raise_obj, mp_take_exception, mp_type_KeyboardInterrupt, mp_obj_print_exception } from "./objexcept";
import { mp_const_empty_tuple } from "./objtuple";
import { mp_call_function_1 } from "./runtime";
import { mp_stderr_print } from "./mpprint";
import { mp_vm_request_poll } from "./vm";
import { mp_hal_ticks_ms } from "./mphal";

/** Entries of the queue (MICROPY_SCHEDULER_DEPTH, a power of 2). */
@inline export const MICROPY_SCHEDULER_DEPTH: u32 = 4;

// sched_state: < 0 locked (depth), 0 pending, 1 idle (MicroPython's values)
@inline const MP_SCHED_IDLE: i32 = 1;
@inline const MP_SCHED_PENDING: i32 = 0;

export let sched_state: i32 = MP_SCHED_IDLE;

/** A KeyboardInterrupt is scheduled when mp_hal_ticks_ms() reaches this (host time limits). */
export let mp_sched_deadline_ms: u32 = 0;
/** Whether mp_sched_deadline_ms is set. */
export let mp_sched_deadline_on: bool = false;

/**
 * Sets (ms > 0) or clears (ms == 0) a time limit: `ms` from now, the VM's next
 * poll schedules a KeyboardInterrupt, at any depth of nested VM calls.
 */
export function mp_sched_set_deadline(ms: u32): void {
  mp_sched_deadline_on = ms != 0;
  mp_sched_deadline_ms = mp_hal_ticks_ms() + ms;
}

let sched_idx: u32 = 0;
let sched_len: u32 = 0;

/**
 * Resets the scheduler (mp_init): empty queue, idle, no pending exception,
 * and makes the KeyboardInterrupt instance raised on Ctrl-C (mp_kbd_exception,
 * allocated once so raising it needs no heap; rooted in MPS_kbd_exception).
 * Returns false on MemoryError.
 */
export function mp_sched_init(): bool {
  sched_state = MP_SCHED_IDLE;
  sched_idx = 0;
  sched_len = 0;
  for (let i: u32 = 0; i < 2 * MICROPY_SCHEDULER_DEPTH; i++) mp_state_set(MPS_sched_queue_base + i, MP_OBJ_NULL);
  mp_state_set(MPS_pending_exception, MP_OBJ_NULL);
  const kbd = gc_alloc(16, 0);
  if (kbd == 0) return false;
  store<usize>(kbd, mp_type_KeyboardInterrupt);
  store<usize>(kbd + 12, mp_const_empty_tuple);
  mp_state_set(MPS_kbd_exception, kbd);
  return true;
}

/** Number of queued callbacks (mp_sched_num_pending). */
export function mp_sched_num_pending(): u32 {
  return sched_len;
}

/**
 * Raises `exc` in the running Python code at the VM's next poll
 * (mp_sched_exception); safe from ISRs and host callbacks.
 */
export function mp_sched_exception(exc: mp_obj_t): void {
  mp_state_set(MPS_pending_exception, exc);
  if (sched_state == MP_SCHED_IDLE) sched_state = MP_SCHED_PENDING;
  mp_vm_request_poll();
}

/** Ctrl-C: raises KeyboardInterrupt at the next poll (mp_sched_keyboard_interrupt). */
export function mp_sched_keyboard_interrupt(): void {
  const kbd = mp_state_get(MPS_kbd_exception);
  if (kbd == MP_OBJ_NULL) return;
  // the instance keeps no traceback from an earlier raise
  store<usize>(kbd + 4, 0);
  store<usize>(kbd + 8, 0);
  mp_sched_exception(kbd);
}

/**
 * Queues `function(arg)` to run at the next poll (micropython.schedule,
 * mp_sched_schedule). Returns false if the queue is full.
 */
export function mp_sched_schedule(function_: mp_obj_t, arg: mp_obj_t): bool {
  if (sched_len == MICROPY_SCHEDULER_DEPTH) return false;
  if (sched_state == MP_SCHED_IDLE) sched_state = MP_SCHED_PENDING;
  const iput = (sched_idx + sched_len++) & (MICROPY_SCHEDULER_DEPTH - 1);
  mp_state_set(MPS_sched_queue_base + 2 * iput, function_);
  mp_state_set(MPS_sched_queue_base + 2 * iput + 1, arg);
  mp_vm_request_poll();
  return true;
}

/** Locks the scheduler (nestable): callbacks wait until mp_sched_unlock (mp_sched_lock). */
export function mp_sched_lock(): void {
  if (sched_state < 0) sched_state--;
  else sched_state = -1;
}

/** Unlocks the scheduler; pending work is picked up at the next poll (mp_sched_unlock). */
export function mp_sched_unlock(): void {
  if (sched_state >= 0) return;
  if (++sched_state == 0) {
    if (mp_state_get(MPS_pending_exception) != MP_OBJ_NULL || sched_len != 0) {
      sched_state = MP_SCHED_PENDING;
      mp_vm_request_poll();
    } else {
      sched_state = MP_SCHED_IDLE;
    }
  }
}

/**
 * Runs one queued callback with the scheduler locked; an exception it raises
 * is printed, not propagated (mp_sched_run_pending with
 * mp_call_function_1_protected).
 */
function sched_run_pending(): void {
  if (sched_state != MP_SCHED_PENDING) return;
  sched_state = -1;
  if (sched_len != 0) {
    const i = sched_idx;
    const func = mp_state_get(MPS_sched_queue_base + 2 * i);
    const arg = mp_state_get(MPS_sched_queue_base + 2 * i + 1);
    mp_state_set(MPS_sched_queue_base + 2 * i, MP_OBJ_NULL);
    mp_state_set(MPS_sched_queue_base + 2 * i + 1, MP_OBJ_NULL);
    sched_idx = (sched_idx + 1) & (MICROPY_SCHEDULER_DEPTH - 1);
    sched_len--;
    if (mp_call_function_1(func, arg) == MP_OBJ_NULL) {
      const e = mp_take_exception();
      const mark = mp_root_mark();
      mp_root_push(e);
      mp_obj_print_exception(mp_stderr_print, e);
      mp_root_release(mark);
    }
  }
  mp_sched_unlock();
}

/**
 * The scheduler part of the VM poll: runs a queued callback when the
 * scheduler is pending (the pending exception is raised by the VM itself).
 * Returns false if an exception is pending.
 */
export function mp_sched_vm_poll(): bool {
  if (sched_state == MP_SCHED_PENDING) {
    sched_run_pending();
    if (sched_len != 0 && sched_state == MP_SCHED_PENDING) mp_vm_request_poll();
  }
  return true;
}

/**
 * mp_handle_pending: raises a pending exception (returns false with it
 * pending) when `raise_exc`, else drops it; then runs queued callbacks.
 * For built-ins that wait (time.sleep) or loop outside the VM.
 */
export function mp_handle_pending(raise_exc: bool): bool {
  const pe = mp_state_get(MPS_pending_exception);
  if (pe != MP_OBJ_NULL) {
    mp_state_set(MPS_pending_exception, MP_OBJ_NULL);
    if (raise_exc) {
      mp_raise_obj(pe);
      return false;
    }
  }
  if (sched_state == MP_SCHED_PENDING) sched_run_pending();
  return true;
}
