// The select module, as MicroPython's extmod/modselect.c with the unix
// port's options (poll() objects, no select.select()): register / unregister
// / modify / poll / ipoll over streams and integer file descriptors.
//
// An object is polled through its stream ioctl (MP_STREAM_POLL, e.g. a
// Python io.IOBase subclass's ioctl method), unless it has a file descriptor
// (an int, or MP_STREAM_GET_FILENO: sys.stdin/stdout/stderr, files): those
// are polled as the unix port's poll(2) would see them. The host gives no
// readiness of its own, so: stdin (fd 0) is readable, stdout/stderr (1, 2)
// writable, files always readable and writable (as poll(2) reports regular
// files), and a descriptor the host does not know is POLLNVAL.
//
// Waiting polls every object, then sleeps 1 ms on the host clock at a time
// until one is ready or the timeout (ms; None or negative: none) passes;
// scheduled callbacks, KeyboardInterrupt and the host's time limit are
// handled between polls.
//
// Results come in registration order (MicroPython's follow its hash map).
// Where MicroPython's behaviour is undefined, this one is: a register() that
// raises adds nothing (MicroPython keeps a half-made entry that crashes a
// later poll), and when an ioctl changes the set during a poll, its result
// goes to its own object and objects added are polled in the same pass.
//
//   mp_obj_poll_t (32 bytes, 2 blocks):
//     +0  type (mp_type_poll)
//     +4  entries: GC block of `alloc` entries, `used` of them live, in
//         registration order
//     +8  used   +12 alloc
//     +16 iter_cnt (ipoll results left)   +20 iter_idx (next entry to look at)
//     +24 flags (of the last poll/ipoll; 1: one-shot)
//     +28 ret_tuple: the 2-tuple ipoll reuses for every result, or 0
//
//   entry (16 bytes): +0 obj, +4 ioctl (table index; 0 for a plain fd),
//     +8 events u16, +10 revents u16, +12 fd i32 (-1: polled by ioctl)

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_OBJ_STOP_ITERATION,
  MP_OBJ_NEW_QSTR,
  MP_OBJ_NEW_SMALL_INT,
  MP_TYPE_SIZE,
  MP_TYPE_FLAG_ITER_IS_ITERNEXT,
  MP_INT_ERROR,
  mp_const_none,
  mp_obj_get_int,
  mp_type_setup,
  mp_type_set_iternext,
  mp_type_set_locals_dict,
  mp_fun_0_at,
  mp_fun_2_at,
  mp_fun_3_at,
  mp_fun_var_at,
} from "../obj";
import { gc_alloc } from "../gc";
import { mp_root_mark, mp_root_push, mp_root_release, mp_root_alloc } from "../rootstack";
import { mp_static_dict_at, mp_static_dict_add } from "../objdict";
import { mp_module_static_at } from "../objmodule";
import { mp_raise_type, mp_type_ValueError } from "../objexcept";
import { mp_raise_memory_error, mp_raise_OSError, mp_raise_recursion_depth } from "../runtime";
import { mp_obj_is_int } from "../objint";
import { mp_obj_new_tuple } from "../objtuple";
import { mp_obj_new_list, mp_obj_list_append } from "../objlist";
import {
  mp_handle_pending,
  mp_sched_deadline_on,
  mp_sched_deadline_ms,
  mp_sched_set_deadline,
  mp_sched_keyboard_interrupt,
} from "../scheduler";
import { mp_hal_ticks_ms, mp_hal_delay_ms, mp_hal_file_seek } from "../mphal";
import {
  MP_STREAM_ERROR,
  MP_STREAM_RAISED,
  MP_STREAM_POLL,
  MP_STREAM_POLL_RD,
  MP_STREAM_POLL_WR,
  MP_STREAM_POLL_ERR,
  MP_STREAM_POLL_HUP,
  MP_STREAM_POLL_NVAL,
  MP_STREAM_GET_FILENO,
  MP_STREAM_OP_IOCTL,
  MP_SEEK_CUR,
  MP_ENOENT,
  mp_get_stream_raise,
  mp_stream_raise_error,
} from "../stream";
import * as Q from "../genhdr";

/** The select module (`import select` / `import uselect`). */
export const mp_module_select: mp_obj_t = memory.data(8, 8);
export const mp_module_select_extensible = true;

const mp_type_poll: usize = memory.data(<i32>MP_TYPE_SIZE, 16);

// ipoll flags
@inline const FLAG_ONESHOT: i32 = 1;

// Milliseconds between polls while waiting (MICROPY_PY_SELECT_IOCTL_CALL_PERIOD_MS).
@inline const POLL_PERIOD_MS: u32 = 1;

@inline const P_entries: usize = 4;
@inline const P_used: usize = 8;
@inline const P_alloc: usize = 12;
@inline const P_iter_cnt: usize = 16;
@inline const P_iter_idx: usize = 20;
@inline const P_flags: usize = 24;
@inline const P_ret_tuple: usize = 28;
@inline const POLL_SIZE: usize = 32;

@inline const ENTRY_SIZE: usize = 16;
@inline const E_obj: usize = 0;
@inline const E_ioctl: usize = 4;
@inline const E_events: usize = 8;
@inline const E_revents: usize = 10;
@inline const E_fd: usize = 12;

@inline function entry(self: usize, i: usize): usize {
  return load<usize>(self + P_entries) + i * ENTRY_SIZE;
}

// The index of `obj` in the poll set (by identity, as MicroPython's map of
// mp_obj_id), or -1.
function poll_find(self: usize, obj: mp_obj_t): isize {
  const n = load<usize>(self + P_used);
  const e = load<usize>(self + P_entries);
  for (let i: usize = 0; i < n; i++) {
    if (load<usize>(e + i * ENTRY_SIZE + E_obj) == obj) return <isize>i;
  }
  return -1;
}

// Adds `obj` with `events`, or sets the events of an object already there
// (poll_set_add_obj). False with an exception pending.
function poll_set_add_obj(self: usize, obj: mp_obj_t, events: u32): bool {
  const found = poll_find(self, obj);
  if (found >= 0) {
    store<u16>(entry(self, <usize>found) + E_events, <u16>events);
    return true;
  }
  let fd: i32 = -1;
  let ioctl: u32 = 0;
  if (mp_obj_is_int(obj)) {
    // a file descriptor
    const v = mp_obj_get_int(obj);
    if (v == MP_INT_ERROR) return false;
    if (v < 0) {
      mp_raise_type(mp_type_ValueError);
      return false;
    }
    fd = <i32>v;
  } else {
    const p = mp_get_stream_raise(obj, MP_STREAM_OP_IOCTL);
    if (p == 0) return false;
    ioctl = load<u32>(p + 8);
    const mark = mp_root_mark();
    const err = mp_root_alloc(1);
    if (err == 0) {
      mp_raise_recursion_depth();
      return false;
    }
    const res = call_indirect<usize>(ioctl, obj, MP_STREAM_GET_FILENO, 0, err);
    const e = load<i32>(err);
    mp_root_release(mark);
    if (res != MP_STREAM_ERROR) fd = <i32>res;
    else if (e == MP_STREAM_RAISED) return false;
  }
  // the ioctl may have run Python code that changed the set: look again
  const again = poll_find(self, obj);
  if (again >= 0) {
    store<u16>(entry(self, <usize>again) + E_events, <u16>events);
    return true;
  }
  const used = load<usize>(self + P_used);
  const alloc = load<usize>(self + P_alloc);
  if (used == alloc) {
    const new_alloc: usize = alloc < 4 ? 4 : alloc * 2;
    const mark = mp_root_mark();
    mp_root_push(self);
    mp_root_push(obj);
    const ne = gc_alloc(new_alloc * ENTRY_SIZE, 0);
    mp_root_release(mark);
    if (ne == 0) {
      mp_raise_memory_error(new_alloc * ENTRY_SIZE);
      return false;
    }
    memory.copy(ne, load<usize>(self + P_entries), used * ENTRY_SIZE);
    store<usize>(self + P_entries, ne);
    store<usize>(self + P_alloc, new_alloc);
  }
  const e = entry(self, used);
  store<usize>(e + E_obj, obj);
  store<u32>(e + E_ioctl, ioctl);
  store<u16>(e + E_events, <u16>events);
  store<u16>(e + E_revents, 0);
  store<i32>(e + E_fd, fd);
  store<usize>(self + P_used, used + 1);
  return true;
}

// The poll(2) result of file descriptor `fd` for `events`, as the host's
// descriptors behave (see the top of the file).
function poll_fd(fd: i32, events: u32): u32 {
  if (fd == 0) return events & MP_STREAM_POLL_RD;
  if (fd == 1 || fd == 2) return events & MP_STREAM_POLL_WR;
  // a descriptor the host knows can tell its position
  if (mp_hal_file_seek(fd, 0, MP_SEEK_CUR) < 0) return MP_STREAM_POLL_NVAL;
  return events & (MP_STREAM_POLL_RD | MP_STREAM_POLL_WR);
}

// Polls every object once and stores its revents; returns how many are
// ready, or -1 with an exception pending (poll_set_poll_once).
function poll_set_poll_once(self: usize): i32 {
  let n_ready: i32 = 0;
  // an ioctl may run Python code that changes the set: re-read it each time
  for (let i: usize = 0; i < load<usize>(self + P_used); i++) {
    let e = entry(self, i);
    const events = <u32>load<u16>(e + E_events);
    const fd = load<i32>(e + E_fd);
    let revents: u32;
    if (fd >= 0) {
      revents = poll_fd(fd, events);
    } else {
      const obj = load<usize>(e + E_obj);
      const mark = mp_root_mark();
      const err = mp_root_alloc(1);
      if (err == 0) {
        mp_raise_recursion_depth();
        return -1;
      }
      mp_root_push(obj);
      const ret = call_indirect<usize>(load<u32>(e + E_ioctl), obj, MP_STREAM_POLL, events, err);
      const code = load<i32>(err);
      mp_root_release(mark);
      // the ioctl may have run Python code that changed the set: the result
      // belongs to `obj` wherever it now is, or nowhere
      if (i >= load<usize>(self + P_used) || load<usize>(entry(self, i) + E_obj) != obj) {
        const j = poll_find(self, obj);
        if (j < 0) {
          if (ret == MP_STREAM_ERROR) {
            mp_stream_raise_error(code);
            return -1;
          }
          // the entries after it moved down by one: look at slot i again
          if (i == 0) {
            i = <usize>-1;
          } else {
            i--;
          }
          continue;
        }
        i = <usize>j;
      }
      e = entry(self, i);
      if (ret == MP_STREAM_ERROR) {
        store<u16>(e + E_revents, 0xffff);
        mp_stream_raise_error(code);
        return -1;
      }
      revents = <u32>ret & 0xffff;
    }
    store<u16>(e + E_revents, <u16>revents);
    if (revents != 0) n_ready++;
  }
  return n_ready;
}

// The host's time limit (mp_exec_set_timeout) while waiting outside the VM:
// as its poll does, a KeyboardInterrupt when the deadline has passed.
function check_deadline(): void {
  if (mp_sched_deadline_on && <i32>(mp_hal_ticks_ms() - mp_sched_deadline_ms) >= 0) {
    mp_sched_set_deadline(50);
    mp_sched_keyboard_interrupt();
  }
}

// Polls until an object is ready or `timeout` ms (-1: no limit) have passed
// (poll_set_poll_until_ready_or_timeout). Returns the number ready, or -1
// with an exception pending.
function poll_until_ready_or_timeout(self: usize, timeout: i64): i32 {
  const start = mp_hal_ticks_ms();
  if (!mp_handle_pending(true)) return -1;
  while (true) {
    const n_ready = poll_set_poll_once(self);
    if (n_ready != 0) return n_ready;
    const elapsed = mp_hal_ticks_ms() - start;
    if (timeout >= 0 && <i64>elapsed >= timeout) return 0;
    check_deadline();
    if (!mp_handle_pending(true)) return -1;
    let wait = POLL_PERIOD_MS;
    if (timeout >= 0 && timeout - <i64>elapsed < <i64>wait) wait = <u32>(timeout - <i64>elapsed);
    mp_hal_delay_ms(wait);
  }
  return 0;
}

// The timeout and flags arguments of poll()/ipoll() (poll_poll_internal),
// then the wait.
function poll_poll_internal(n_args: usize, args: usize): i32 {
  const self = load<usize>(args);
  let timeout: i64 = -1;
  let flags: i64 = 0;
  if (n_args >= 2) {
    const t = load<usize>(args + 4);
    if (t != mp_const_none) {
      const v = mp_obj_get_int(t);
      if (v == MP_INT_ERROR) return -1;
      if (v >= 0) timeout = v;
    }
    if (n_args >= 3) {
      flags = mp_obj_get_int(load<usize>(args + 8));
      if (flags == MP_INT_ERROR) return -1;
    }
  }
  store<i32>(self + P_flags, <i32>flags);
  return poll_until_ready_or_timeout(self, timeout);
}

// register(obj[, eventmask]): eventmask defaults to POLLIN | POLLOUT.
function poll_register(n_args: usize, args: usize): mp_obj_t {
  let events: u32 = MP_STREAM_POLL_RD | MP_STREAM_POLL_WR;
  if (n_args == 3) {
    const v = mp_obj_get_int(load<usize>(args + 8));
    if (v == MP_INT_ERROR) return MP_OBJ_NULL;
    events = <u32>v;
  }
  if (!poll_set_add_obj(load<usize>(args), load<usize>(args + 4), events)) return MP_OBJ_NULL;
  return mp_const_none;
}

// unregister(obj): an object not registered is ignored, as MicroPython.
function poll_unregister(self: mp_obj_t, obj: mp_obj_t): mp_obj_t {
  const i = poll_find(self, obj);
  if (i >= 0) {
    const used = load<usize>(self + P_used);
    const e = entry(self, <usize>i);
    memory.copy(e, e + ENTRY_SIZE, (used - 1 - <usize>i) * ENTRY_SIZE);
    store<usize>(self + P_used, used - 1);
    // nothing stale for the collector to keep
    memory.fill(entry(self, used - 1), 0, ENTRY_SIZE);
    // an ipoll iteration in progress goes on with the entry that moved down
    // (MicroPython's map leaves a hole instead: no entry is skipped either way)
    const idx = load<usize>(self + P_iter_idx);
    if (<usize>i < idx) store<usize>(self + P_iter_idx, idx - 1);
  }
  return mp_const_none;
}

// modify(obj, eventmask): OSError(ENOENT) if obj is not registered.
function poll_modify(self: mp_obj_t, obj: mp_obj_t, eventmask: mp_obj_t): mp_obj_t {
  const i = poll_find(self, obj);
  if (i < 0) return mp_raise_OSError(MP_ENOENT);
  const v = mp_obj_get_int(eventmask);
  if (v == MP_INT_ERROR) return MP_OBJ_NULL;
  // the set may not have changed, but look again after the conversion all the same
  const j = poll_find(self, obj);
  if (j >= 0) store<u16>(entry(self, <usize>j) + E_events, <u16>v);
  return mp_const_none;
}

// poll([timeout]): a list of (obj, revents) for the objects that are ready.
function poll_poll(n_args: usize, args: usize): mp_obj_t {
  const self = load<usize>(args);
  if (poll_poll_internal(n_args, args) < 0) return MP_OBJ_NULL;
  const mark = mp_root_mark();
  const list = mp_obj_new_list(0, 0);
  if (list == MP_OBJ_NULL) return MP_OBJ_NULL;
  mp_root_push(list);
  const items = mp_root_alloc(2);
  if (items == 0) {
    mp_root_release(mark);
    return mp_raise_recursion_depth();
  }
  for (let i: usize = 0; i < load<usize>(self + P_used); i++) {
    const e = entry(self, i);
    const revents = <i32>load<u16>(e + E_revents);
    if (revents == 0) continue;
    store<usize>(items, load<usize>(e + E_obj));
    store<usize>(items + 4, MP_OBJ_NEW_SMALL_INT(revents));
    const t = mp_obj_new_tuple(2, items);
    if (t == MP_OBJ_NULL || mp_obj_list_append(list, t) == MP_OBJ_NULL) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
  }
  mp_root_release(mark);
  return list;
}

// ipoll([timeout[, flags]]): the poll object itself, iterating over the
// ready objects with one reused (obj, revents) tuple; flags 1 (one-shot)
// clears the events of each object returned.
function poll_ipoll(n_args: usize, args: usize): mp_obj_t {
  const self = load<usize>(args);
  if (load<usize>(self + P_ret_tuple) == 0) {
    const t = mp_obj_new_tuple(2, 0);
    if (t == MP_OBJ_NULL) return MP_OBJ_NULL;
    store<usize>(t + 8, mp_const_none);
    store<usize>(t + 12, mp_const_none);
    store<usize>(self + P_ret_tuple, t);
  }
  const n_ready = poll_poll_internal(n_args, args);
  if (n_ready < 0) return MP_OBJ_NULL;
  store<i32>(self + P_iter_cnt, n_ready);
  store<usize>(self + P_iter_idx, 0);
  return self;
}

function poll_iternext(self: mp_obj_t): mp_obj_t {
  const cnt = load<i32>(self + P_iter_cnt);
  if (cnt <= 0) return MP_OBJ_STOP_ITERATION;
  store<i32>(self + P_iter_cnt, cnt - 1);
  for (let i = load<usize>(self + P_iter_idx); i < load<usize>(self + P_used); i++) {
    store<usize>(self + P_iter_idx, i + 1);
    const e = entry(self, i);
    const revents = <i32>load<u16>(e + E_revents);
    if (revents != 0) {
      const t = load<usize>(self + P_ret_tuple);
      store<usize>(t + 8, load<usize>(e + E_obj));
      store<usize>(t + 12, MP_OBJ_NEW_SMALL_INT(revents));
      if ((load<i32>(self + P_flags) & FLAG_ONESHOT) != 0) {
        // not polled again until given new events
        store<u16>(e + E_events, 0);
      }
      return t;
    }
  }
  // the set changed since the poll
  store<i32>(self + P_iter_cnt, 0);
  return MP_OBJ_STOP_ITERATION;
}

// poll(): a new, empty poll object.
function select_poll(): mp_obj_t {
  const o = gc_alloc(POLL_SIZE, 0);
  if (o == 0) return mp_raise_memory_error(POLL_SIZE);
  store<usize>(o, mp_type_poll);
  return o;
}

const poll_register_obj: usize = memory.data(16, 16);
const poll_unregister_obj: usize = memory.data(16, 16);
const poll_modify_obj: usize = memory.data(16, 16);
const poll_poll_obj: usize = memory.data(16, 16);
const poll_ipoll_obj: usize = memory.data(16, 16);
const poll_locals_dict: usize = memory.data(16, 16);
const select_poll_obj: usize = memory.data(16, 16);
const select_globals: usize = memory.data(16, 16);

/** Set-up of this file's static objects (the poll type, the module); run once by mp_init. */
export function modselect_static_init(): void {
  mp_fun_var_at(poll_register_obj, 2, 3, poll_register);
  mp_fun_2_at(poll_unregister_obj, poll_unregister);
  mp_fun_3_at(poll_modify_obj, poll_modify);
  mp_fun_var_at(poll_poll_obj, 1, 2, poll_poll);
  mp_fun_var_at(poll_ipoll_obj, 1, 3, poll_ipoll);
  const l = poll_locals_dict;
  mp_static_dict_at(l, 5);
  mp_static_dict_add(l, Q.MP_QSTR_register, poll_register_obj);
  mp_static_dict_add(l, Q.MP_QSTR_unregister, poll_unregister_obj);
  mp_static_dict_add(l, Q.MP_QSTR_modify, poll_modify_obj);
  mp_static_dict_add(l, Q.MP_QSTR_poll, poll_poll_obj);
  mp_static_dict_add(l, Q.MP_QSTR_ipoll, poll_ipoll_obj);
  mp_type_setup(mp_type_poll, Q.MP_QSTR_poll, MP_TYPE_FLAG_ITER_IS_ITERNEXT, 0);
  mp_type_set_iternext(mp_type_poll, poll_iternext);
  mp_type_set_locals_dict(mp_type_poll, l);

  mp_fun_0_at(select_poll_obj, select_poll);
  const d = select_globals;
  mp_static_dict_at(d, 6);
  mp_static_dict_add(d, Q.MP_QSTR___name__, MP_OBJ_NEW_QSTR(Q.MP_QSTR_select));
  mp_static_dict_add(d, Q.MP_QSTR_poll, select_poll_obj);
  mp_static_dict_add(d, Q.MP_QSTR_POLLIN, MP_OBJ_NEW_SMALL_INT(<i32>MP_STREAM_POLL_RD));
  mp_static_dict_add(d, Q.MP_QSTR_POLLOUT, MP_OBJ_NEW_SMALL_INT(<i32>MP_STREAM_POLL_WR));
  mp_static_dict_add(d, Q.MP_QSTR_POLLERR, MP_OBJ_NEW_SMALL_INT(<i32>MP_STREAM_POLL_ERR));
  mp_static_dict_add(d, Q.MP_QSTR_POLLHUP, MP_OBJ_NEW_SMALL_INT(<i32>MP_STREAM_POLL_HUP));
  mp_module_static_at(mp_module_select, d);
}
