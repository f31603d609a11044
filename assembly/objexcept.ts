// Exceptions, as MicroPython's objexcept.c.
//
//   mp_obj_exception_t (16 bytes):
//     +0 type   +4 traceback_alloc u16 | traceback_len u16
//     +8 traceback_data (3 words per entry: file qstr, line, block qstr)
//     +12 args (tuple)
//
// Raising: set the pending exception (MPS_cur_exception) and return
// MP_OBJ_NULL, so `return mp_raise_msg(...)` propagates.

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_TYPE_SIZE,
  mp_type_setup,
  MP_TYPE_FLAG_NONE,
  mp_obj_is_obj,
  mp_obj_is_type,
  MP_OBJ_NEW_QSTR,
  mp_obj_is_small_int,
  MP_OBJ_SMALL_INT_VALUE,
  mp_const_none,
  mp_type_type,
  mp_type_name,
  mp_type_slot,
  SLOT_make_new,
  mp_type_set_make_new,
  mp_type_set_print,
  mp_type_set_attr,
  PRINT_STR,
  PRINT_REPR,
  PRINT_EXC,
  PRINT_EXC_SUBCLASS,
  PRINT_JSON,
  mp_obj_print_helper,
} from "./obj";
import { mp_print_str, mp_print_strn, mp_print_int } from "./mpprint";
import { mp_obj_tuple_len, mp_obj_tuple_get } from "./objtuple";
import {
  mp_obj_get_type,
  mp_obj_is_subclass_fast,
  mp_native_base_init_wrapper_obj,
} from "./objtype";
export { mp_obj_is_subclass_fast };
import { gc_alloc } from "./gc";
import {
  mp_state_set,
  mp_state_get,
  MPS_cur_exception,
  MP_STATE,
  MPS_emg_exc_obj,
  MPS_emg_exc_buf,
} from "./mpstate";
import { mp_obj_new_str_from_as, mp_obj_new_str, mp_type_str } from "./objstr";
import { qstr_str, qstr_len, qstr_find_strn, mp_utf8_from_as, mp_utf8_from_as_range } from "./qstr";
import { mp_obj_new_tuple, mp_const_empty_tuple, mp_type_tuple } from "./objtuple";
import { mp_root_mark, mp_root_push, mp_root_release } from "./rootstack";
import { mp_errno_to_str } from "./moderrno";
import * as Q from "./genhdr";

export const mp_type_BaseException: usize = memory.data(<i32>MP_TYPE_SIZE, 16);
export const mp_type_SystemExit: usize = memory.data(<i32>MP_TYPE_SIZE, 16);
export const mp_type_KeyboardInterrupt: usize = memory.data(<i32>MP_TYPE_SIZE, 16);
export const mp_type_GeneratorExit: usize = memory.data(<i32>MP_TYPE_SIZE, 16);
export const mp_type_Exception: usize = memory.data(<i32>MP_TYPE_SIZE, 16);
export const mp_type_StopAsyncIteration: usize = memory.data(<i32>MP_TYPE_SIZE, 16);
export const mp_type_StopIteration: usize = memory.data(<i32>MP_TYPE_SIZE, 16);
export const mp_type_ArithmeticError: usize = memory.data(<i32>MP_TYPE_SIZE, 16);
export const mp_type_OverflowError: usize = memory.data(<i32>MP_TYPE_SIZE, 16);
export const mp_type_ZeroDivisionError: usize = memory.data(<i32>MP_TYPE_SIZE, 16);
export const mp_type_AssertionError: usize = memory.data(<i32>MP_TYPE_SIZE, 16);
export const mp_type_AttributeError: usize = memory.data(<i32>MP_TYPE_SIZE, 16);
export const mp_type_EOFError: usize = memory.data(<i32>MP_TYPE_SIZE, 16);
export const mp_type_ImportError: usize = memory.data(<i32>MP_TYPE_SIZE, 16);
export const mp_type_LookupError: usize = memory.data(<i32>MP_TYPE_SIZE, 16);
export const mp_type_IndexError: usize = memory.data(<i32>MP_TYPE_SIZE, 16);
export const mp_type_KeyError: usize = memory.data(<i32>MP_TYPE_SIZE, 16);
export const mp_type_MemoryError: usize = memory.data(<i32>MP_TYPE_SIZE, 16);
export const mp_type_NameError: usize = memory.data(<i32>MP_TYPE_SIZE, 16);
export const mp_type_OSError: usize = memory.data(<i32>MP_TYPE_SIZE, 16);
export const mp_type_RuntimeError: usize = memory.data(<i32>MP_TYPE_SIZE, 16);
export const mp_type_NotImplementedError: usize = memory.data(<i32>MP_TYPE_SIZE, 16);
export const mp_type_SyntaxError: usize = memory.data(<i32>MP_TYPE_SIZE, 16);
export const mp_type_IndentationError: usize = memory.data(<i32>MP_TYPE_SIZE, 16);
export const mp_type_TypeError: usize = memory.data(<i32>MP_TYPE_SIZE, 16);
export const mp_type_ValueError: usize = memory.data(<i32>MP_TYPE_SIZE, 16);
export const mp_type_UnicodeError: usize = memory.data(<i32>MP_TYPE_SIZE, 16);


/** MemoryError("memory allocation failed, heap is locked"), static: raised while the heap is locked. */
export const mp_const_MemoryError_locked_obj: usize = memory.data(16, 16);
const memory_error_locked_args: usize = memory.data(12, 16);

/** A static MemoryError instance, raised when there is no heap to make one (mp_const_MemoryError_obj). */
export const mp_const_MemoryError_obj: usize = memory.data(16, 16);

/** Exception args tuple. */
@inline export function mp_obj_exception_args(o: mp_obj_t): mp_obj_t {
  return load<usize>(o + 12);
}

/**
 * A new exception instance of `type` with `args` (a tuple). Returns the
 * static MemoryError object if the heap is full.
 */
export function mp_obj_exception_new(type: usize, args: mp_obj_t): mp_obj_t {
  const mark = mp_root_mark();
  mp_root_push(args);
  let o = gc_alloc(16, 0);
  mp_root_release(mark);
  if (o == 0) o = emg_exc_obj(); // heap full or locked
  store<usize>(o, type);
  store<usize>(o + 4, 0);
  store<usize>(o + 8, 0);
  store<usize>(o + 12, args);
  return o;
}

// ---- the emergency exception (heap full or locked) ----
//
// When no heap block can be had, exceptions are built in the root block of
// mpstate.ts (so what they refer to stays alive): one exception object, and a
// buffer laid out as MicroPython's emergency exception buffer:
//   +0  traceback (2 entries of 3 words)   +24 args tuple (1 item, or more
//   when no message needs the room)        +36 str object   +52 message bytes

@inline const EMG_BUF_SIZE: usize = 128;
@inline const EMG_TRACEBACK_OFFSET: usize = 0;
@inline const EMG_TRACEBACK_WORDS: usize = 6;
@inline const EMG_TUPLE_OFFSET: usize = 24;
@inline const EMG_STR_OFFSET: usize = 36;
@inline const EMG_STR_BUF_OFFSET: usize = 52;

@inline function emg_exc_obj(): usize {
  return MP_STATE + (MPS_emg_exc_obj << 2);
}

/** True if `o` is the emergency exception object (made when the heap is full or locked). */
export function mp_obj_exception_is_emergency(o: mp_obj_t): bool {
  return o == emg_exc_obj();
}
@inline function emg_buf(): usize {
  return MP_STATE + (MPS_emg_exc_buf << 2);
}

/** A 1-tuple (arg) on the heap, else in the emergency buffer, else the empty tuple. */
function exception_args_1(arg: mp_obj_t): mp_obj_t {
  const mark = mp_root_mark();
  mp_root_push(arg);
  const t = gc_alloc(12, 0);
  mp_root_release(mark);
  if (t != 0) {
    store<usize>(t, mp_type_tuple);
    store<usize>(t + 4, 1);
    store<usize>(t + 8, arg);
    return t;
  }
  const et = emg_buf() + EMG_TUPLE_OFFSET;
  store<usize>(et, mp_type_tuple);
  store<usize>(et + 4, 1);
  store<usize>(et + 8, arg);
  return et;
}

/**
 * A str holding `len` bytes at `p`, made without the heap if need be: in the
 * emergency buffer (cut to fit), as MicroPython's emergency exception message.
 */
function exception_msg_str(p: usize, len: usize): mp_obj_t {
  const q = qstr_find_strn(p, len);
  if (q != 0) return MP_OBJ_NEW_QSTR(q);
  const o = gc_alloc(16, 0);
  let d: usize = 0;
  if (o != 0) {
    const mark = mp_root_mark();
    mp_root_push(o);
    d = gc_alloc(len + 1, 0);
    mp_root_release(mark);
  }
  if (o != 0 && d != 0) {
    memory.copy(d, p, len);
    store<u8>(d + len, 0);
    store<usize>(o, mp_type_str);
    store<usize>(o + 4, 0);
    store<usize>(o + 8, len);
    store<usize>(o + 12, d);
    return o;
  }
  const so = emg_buf() + EMG_STR_OFFSET;
  const sd = emg_buf() + EMG_STR_BUF_OFFSET;
  const room = EMG_BUF_SIZE - EMG_STR_BUF_OFFSET - 1;
  if (len > room) len = room;
  if (p != sd) memory.copy(sd, p, len);
  store<u8>(sd + len, 0);
  store<usize>(so, mp_type_str);
  store<usize>(so + 4, 0);
  store<usize>(so + 8, len);
  store<usize>(so + 12, sd);
  return so;
}

/** Sets `exc` (an exception instance) as the pending exception; returns MP_OBJ_NULL. */
export function mp_raise_obj(exc: mp_obj_t): mp_obj_t {
  mp_state_set(MPS_cur_exception, exc);
  return MP_OBJ_NULL;
}

/** The pending exception, or MP_OBJ_NULL. */
@inline export function mp_pending_exception(): mp_obj_t {
  return mp_state_get(MPS_cur_exception);
}

/** Clears and returns the pending exception. */
export function mp_take_exception(): mp_obj_t {
  const e = mp_state_get(MPS_cur_exception);
  mp_state_set(MPS_cur_exception, MP_OBJ_NULL);
  return e;
}

/** Raises `type` with one argument `arg` (any object). */
export function mp_raise_arg1(type: usize, arg: mp_obj_t): mp_obj_t {
  return mp_raise_obj(mp_obj_exception_new(type, exception_args_1(arg)));
}

/** Raises `type` with no arguments. */
export function mp_raise_type(type: usize): mp_obj_t {
  return mp_raise_obj(mp_obj_exception_new(type, mp_const_empty_tuple));
}

/** Raises `type(msg)`; `msg` is an AS string literal with MicroPython's wording. */
export function mp_raise_msg(type: usize, msg: string): mp_obj_t {
  const n = mp_utf8_from_as(msg, varg_buf, 500);
  return mp_raise_arg1(type, exception_msg_str(varg_buf, n));
}

export function mp_raise_TypeError(msg: string): mp_obj_t {
  return mp_raise_msg(mp_type_TypeError, msg);
}
export function mp_raise_ValueError(msg: string): mp_obj_t {
  return mp_raise_msg(mp_type_ValueError, msg);
}
export function mp_raise_NotImplementedError(msg: string): mp_obj_t {
  return mp_raise_msg(mp_type_NotImplementedError, msg);
}
export function mp_raise_OverflowError(msg: string): mp_obj_t {
  return mp_raise_msg(mp_type_OverflowError, msg);
}
export function mp_raise_IndexError(msg: string): mp_obj_t {
  return mp_raise_msg(mp_type_IndexError, msg);
}

const varg_buf: usize = memory.data(512, 4);

function varg_put_bytes(n: usize, p: usize, len: usize): usize {
  for (let i: usize = 0; i < len && n < 500; i++) store<u8>(varg_buf + n++, load<u8>(p + i));
  return n;
}

function varg_put_int(n: usize, v: i64, unsigned: bool): usize {
  const tmp = varg_buf + 504 - 24;
  let u: u64 = !unsigned && v < 0 ? <u64>(-v) : <u64>v;
  let k: usize = 0;
  do {
    store<u8>(tmp + 20 - k, <u8>(48 + <u32>(u % 10)));
    u /= 10;
    k++;
  } while (u != 0);
  if (!unsigned && v < 0 && n < 500) store<u8>(varg_buf + n++, 45);
  return varg_put_bytes(n, tmp + 21 - k, k);
}

/**
 * Raises `type` with a message formatted from `fmt` (an AS literal), as
 * MicroPython's mp_raise_msg_varg. Directives take the next of a0..a2:
 * %d (i32), %u (u32), %q and %s (a qstr: names, type names), %c (a byte),
 * %% (a percent sign). Messages longer than 500 bytes are cut.
 */
export function mp_raise_msg_varg(
  type: usize,
  fmt: string,
  a0: usize = 0,
  a1: usize = 0,
  a2: usize = 0,
): mp_obj_t {
  let n: usize = 0;
  let ai = 0;
  const len = fmt.length;
  for (let i = 0; i < len; i++) {
    const c = fmt.charCodeAt(i);
    if (c == 37 && i + 1 < len) {
      const d = fmt.charCodeAt(++i);
      if (d == 37) {
        store<u8>(varg_buf + n++, 37);
        continue;
      }
      const a = ai == 0 ? a0 : ai == 1 ? a1 : a2;
      ai++;
      if (d == 100) n = varg_put_int(n, <i64>(<i32>a), false);
      else if (d == 117) n = varg_put_int(n, <i64>(<u32>a), true);
      else if (d == 113 || d == 115) n = varg_put_bytes(n, qstr_str(a), qstr_len(a));
      else if (d == 99) store<u8>(varg_buf + n++, <u8>a);
      continue;
    }
    if (n >= 500) break;
    if (c < 0x80) store<u8>(varg_buf + n++, <u8>c);
    else n += mp_utf8_from_as_range(fmt, i, i + 1, varg_buf + n, 4);
  }
  return mp_raise_arg1(type, exception_msg_str(varg_buf, n));
}

/**
 * Appends a traceback entry (file qstr, line, block qstr or MP_QSTRnull) to
 * exception `exc`, as MicroPython's mp_obj_exception_add_traceback. The
 * entries live in a GC block at +8 (3 words each); +4 holds the allocated
 * size (u16 at +4) and the used size (u16 at +6), both in words. Silently
 * does nothing for non-heap exceptions (the static MemoryError) or when the
 * heap is full, as MicroPython does.
 */
export function mp_obj_exception_add_traceback(
  exc: mp_obj_t,
  file: usize,
  line: usize,
  block: usize,
): void {
  if (!mp_obj_is_obj(exc) || exc == mp_const_MemoryError_obj || exc == mp_const_MemoryError_locked_obj) return;
  exc = mp_obj_exception_get_native(exc);
  if (!mp_obj_is_native_exception_instance(exc)) return; // a subclass whose __init__ has not run
  const emg_tb = emg_buf() + EMG_TRACEBACK_OFFSET;
  let alloc = <usize>load<u16>(exc + 4);
  let len = <usize>load<u16>(exc + 6);
  let data = load<usize>(exc + 8);
  if (data == 0) {
    alloc = 0;
    len = 0;
  }
  if (len + 3 > alloc) {
    if (data == emg_tb) return; // the emergency buffer cannot grow
    const mark = mp_root_mark();
    mp_root_push(exc);
    let nd = gc_alloc((alloc + 3) << 2, 0);
    mp_root_release(mark);
    if (nd == 0) {
      // no heap: the emergency buffer has room for a short traceback
      if (data != 0) return;
      nd = emg_tb;
      alloc = EMG_TRACEBACK_WORDS;
    } else {
      if (data != 0) memory.copy(nd, data, len << 2);
      alloc += 3;
    }
    data = nd;
    store<usize>(exc + 8, data);
    store<u16>(exc + 4, <u16>alloc);
  }
  const e = data + (len << 2);
  store<usize>(e, file);
  store<usize>(e + 4, line);
  store<usize>(e + 8, block);
  store<u16>(exc + 6, <u16>(len + 3));
}

/** Set-up of this file's static objects (types, methods); run once by mp_init. */
export function objexcept_static_init(): void {
  store<usize>(mp_const_MemoryError_obj, mp_type_MemoryError);
  store<usize>(mp_const_MemoryError_obj + 12, mp_const_empty_tuple);
  store<usize>(memory_error_locked_args, mp_type_tuple);
  store<usize>(memory_error_locked_args + 4, 1);
  store<usize>(
    memory_error_locked_args + 8,
    MP_OBJ_NEW_QSTR(Q.MP_QSTR_memory_space_allocation_space_failed_comma__space_heap_space_is_space_locked),
  );
  store<usize>(mp_const_MemoryError_locked_obj, mp_type_MemoryError);
  store<usize>(mp_const_MemoryError_locked_obj + 12, memory_error_locked_args);
  mp_type_setup(mp_type_BaseException, Q.MP_QSTR_BaseException, MP_TYPE_FLAG_NONE, 0);
  mp_type_setup(mp_type_SystemExit, Q.MP_QSTR_SystemExit, MP_TYPE_FLAG_NONE, mp_type_BaseException);
  mp_type_setup(
    mp_type_KeyboardInterrupt,
    Q.MP_QSTR_KeyboardInterrupt,
    MP_TYPE_FLAG_NONE,
    mp_type_BaseException,
  );
  mp_type_setup(
    mp_type_GeneratorExit,
    Q.MP_QSTR_GeneratorExit,
    MP_TYPE_FLAG_NONE,
    mp_type_BaseException,
  );
  mp_type_setup(mp_type_Exception, Q.MP_QSTR_Exception, MP_TYPE_FLAG_NONE, mp_type_BaseException);
  mp_type_setup(
    mp_type_StopAsyncIteration,
    Q.MP_QSTR_StopAsyncIteration,
    MP_TYPE_FLAG_NONE,
    mp_type_Exception,
  );
  mp_type_setup(
    mp_type_StopIteration,
    Q.MP_QSTR_StopIteration,
    MP_TYPE_FLAG_NONE,
    mp_type_Exception,
  );
  mp_type_setup(
    mp_type_ArithmeticError,
    Q.MP_QSTR_ArithmeticError,
    MP_TYPE_FLAG_NONE,
    mp_type_Exception,
  );
  mp_type_setup(
    mp_type_OverflowError,
    Q.MP_QSTR_OverflowError,
    MP_TYPE_FLAG_NONE,
    mp_type_ArithmeticError,
  );
  mp_type_setup(
    mp_type_ZeroDivisionError,
    Q.MP_QSTR_ZeroDivisionError,
    MP_TYPE_FLAG_NONE,
    mp_type_ArithmeticError,
  );
  mp_type_setup(
    mp_type_AssertionError,
    Q.MP_QSTR_AssertionError,
    MP_TYPE_FLAG_NONE,
    mp_type_Exception,
  );
  mp_type_setup(
    mp_type_AttributeError,
    Q.MP_QSTR_AttributeError,
    MP_TYPE_FLAG_NONE,
    mp_type_Exception,
  );
  mp_type_setup(mp_type_EOFError, Q.MP_QSTR_EOFError, MP_TYPE_FLAG_NONE, mp_type_Exception);
  mp_type_setup(mp_type_ImportError, Q.MP_QSTR_ImportError, MP_TYPE_FLAG_NONE, mp_type_Exception);
  mp_type_setup(mp_type_LookupError, Q.MP_QSTR_LookupError, MP_TYPE_FLAG_NONE, mp_type_Exception);
  mp_type_setup(mp_type_IndexError, Q.MP_QSTR_IndexError, MP_TYPE_FLAG_NONE, mp_type_LookupError);
  mp_type_setup(mp_type_KeyError, Q.MP_QSTR_KeyError, MP_TYPE_FLAG_NONE, mp_type_LookupError);
  mp_type_setup(mp_type_MemoryError, Q.MP_QSTR_MemoryError, MP_TYPE_FLAG_NONE, mp_type_Exception);
  mp_type_setup(mp_type_NameError, Q.MP_QSTR_NameError, MP_TYPE_FLAG_NONE, mp_type_Exception);
  mp_type_setup(mp_type_OSError, Q.MP_QSTR_OSError, MP_TYPE_FLAG_NONE, mp_type_Exception);
  mp_type_setup(mp_type_RuntimeError, Q.MP_QSTR_RuntimeError, MP_TYPE_FLAG_NONE, mp_type_Exception);
  mp_type_setup(
    mp_type_NotImplementedError,
    Q.MP_QSTR_NotImplementedError,
    MP_TYPE_FLAG_NONE,
    mp_type_RuntimeError,
  );
  mp_type_setup(mp_type_SyntaxError, Q.MP_QSTR_SyntaxError, MP_TYPE_FLAG_NONE, mp_type_Exception);
  mp_type_setup(
    mp_type_IndentationError,
    Q.MP_QSTR_IndentationError,
    MP_TYPE_FLAG_NONE,
    mp_type_SyntaxError,
  );
  mp_type_setup(mp_type_TypeError, Q.MP_QSTR_TypeError, MP_TYPE_FLAG_NONE, mp_type_Exception);
  mp_type_setup(mp_type_ValueError, Q.MP_QSTR_ValueError, MP_TYPE_FLAG_NONE, mp_type_Exception);
  mp_type_setup(
    mp_type_UnicodeError,
    Q.MP_QSTR_UnicodeError,
    MP_TYPE_FLAG_NONE,
    mp_type_ValueError,
  );
  mp_type_setup(
    mp_type_ViperTypeError,
    Q.MP_QSTR_ViperTypeError,
    MP_TYPE_FLAG_NONE,
    mp_type_TypeError,
  );
  exception_type_init(mp_type_BaseException);
  exception_type_init(mp_type_SystemExit);
  exception_type_init(mp_type_KeyboardInterrupt);
  exception_type_init(mp_type_GeneratorExit);
  exception_type_init(mp_type_Exception);
  exception_type_init(mp_type_StopAsyncIteration);
  exception_type_init(mp_type_StopIteration);
  exception_type_init(mp_type_ArithmeticError);
  exception_type_init(mp_type_OverflowError);
  exception_type_init(mp_type_ZeroDivisionError);
  exception_type_init(mp_type_AssertionError);
  exception_type_init(mp_type_AttributeError);
  exception_type_init(mp_type_EOFError);
  exception_type_init(mp_type_ImportError);
  exception_type_init(mp_type_LookupError);
  exception_type_init(mp_type_IndexError);
  exception_type_init(mp_type_KeyError);
  exception_type_init(mp_type_MemoryError);
  exception_type_init(mp_type_NameError);
  exception_type_init(mp_type_OSError);
  exception_type_init(mp_type_RuntimeError);
  exception_type_init(mp_type_NotImplementedError);
  exception_type_init(mp_type_SyntaxError);
  exception_type_init(mp_type_IndentationError);
  exception_type_init(mp_type_TypeError);
  exception_type_init(mp_type_ViperTypeError);
  exception_type_init(mp_type_ValueError);
  exception_type_init(mp_type_UnicodeError);
}

// ---- exception objects: construction, printing, attributes ----

export const mp_type_ViperTypeError: usize = memory.data(<i32>MP_TYPE_SIZE, 16);

/**
 * BaseException(*args) and every exception type's make_new: an exception
 * holding the positional args as a tuple; no keywords
 * (mp_obj_exception_make_new). Falls back to no args, then to the static
 * MemoryError, when the heap is full.
 */
export function mp_obj_exception_make_new(
  type: usize,
  n_args: usize,
  n_kw: usize,
  args: usize,
): mp_obj_t {
  if (n_kw != 0) return mp_raise_TypeError("function doesn't take keyword arguments");
  let t = mp_const_empty_tuple;
  if (n_args != 0) {
    t = gc_alloc(8 + n_args * 4, 0);
    if (t == 0 && EMG_TUPLE_OFFSET + 8 + n_args * 4 <= EMG_BUF_SIZE) {
      // no heap: the args go in the emergency buffer after the traceback
      t = emg_buf() + EMG_TUPLE_OFFSET;
    }
    if (t == 0) {
      // no room for the args: keep going without them, as MicroPython
      t = mp_const_empty_tuple;
    } else {
      store<usize>(t, mp_type_tuple);
      store<usize>(t + 4, n_args);
      memory.copy(t + 8, args, n_args * 4);
    }
  }
  return mp_obj_exception_new(type, t);
}

/** A new exception of built-in exception `type` with `n_args` args at `args` (mp_obj_new_exception_args). */
export function mp_obj_new_exception_args(type: usize, n_args: usize, args: usize): mp_obj_t {
  return mp_obj_exception_make_new(type, n_args, 0, args);
}

/** True if `o` is an instance of a built-in exception type (not a user subclass). */
export function mp_obj_is_native_exception_instance(o: mp_obj_t): bool {
  if (!mp_obj_is_obj(o)) return false;
  return mp_type_slot(load<usize>(o), SLOT_make_new) == mp_obj_exception_make_new.index;
}

/**
 * The built-in exception object behind `o`: `o` itself, or the native
 * sub-object of an instance of a user exception class (get_native_exception).
 */
export function mp_obj_exception_get_native(o: mp_obj_t): mp_obj_t {
  if (mp_obj_is_native_exception_instance(o)) return o;
  return load<usize>(o + 16);
}

/** True if `o` is an exception class: BaseException or a subclass (mp_obj_is_exception_type). */
export function mp_obj_is_exception_type(o: mp_obj_t): bool {
  if (mp_obj_is_type(o, mp_type_type) && mp_type_slot(o, SLOT_make_new) == mp_obj_exception_make_new.index) return true;
  return mp_obj_is_subclass_fast(o, mp_type_BaseException);
}

/**
 * True if `o` is an exception instance whose exception part exists (a user
 * subclass whose __init__ ran the native one) (mp_obj_is_exception_instance).
 */
export function mp_obj_is_exception_instance(o: mp_obj_t): bool {
  if (mp_obj_is_native_exception_instance(o)) return true;
  if (!mp_obj_is_exception_type(mp_obj_get_type(o))) return false;
  return load<usize>(o + 16) != mp_native_base_init_wrapper_obj;
}

/**
 * True if exception `exc` (an instance or a class) is `exc_type` or a
 * subclass of it (mp_obj_exception_match).
 */
export function mp_obj_exception_match(exc: mp_obj_t, exc_type: usize): bool {
  if (mp_obj_is_exception_instance(exc)) exc = mp_obj_get_type(exc);
  return mp_obj_is_subclass_fast(exc, exc_type);
}

/** The first argument of an exception, or None (mp_obj_exception_get_value: StopIteration.value). */
export function mp_obj_exception_get_value(o: mp_obj_t): mp_obj_t {
  const e = mp_obj_exception_get_native(o);
  const args = load<usize>(e + 12);
  if (mp_obj_tuple_len(args) == 0) return mp_const_none;
  return mp_obj_tuple_get(args, 0);
}

function print_qstr(print: usize, q: usize): void {
  mp_print_strn(print, qstr_str(q), qstr_len(q));
}

/**
 * Prints an exception (mp_obj_exception_print): repr "Type(args...)", str the
 * single argument (or the args tuple), PRINT_EXC "Type: msg"; OSError(errno,
 * ...) shows "[Errno N] NAME: msg". PRINT_EXC_SUBCLASS omits the type name
 * (a user subclass printed it).
 */
export function mp_obj_exception_print(print: usize, o: mp_obj_t, kind: u32): bool {
  const k = kind & ~PRINT_EXC_SUBCLASS;
  const is_subclass = (kind & PRINT_EXC_SUBCLASS) != 0;
  if (!is_subclass && (k == PRINT_REPR || k == PRINT_EXC)) print_qstr(print, mp_type_name(load<usize>(o)));
  if (k == PRINT_EXC) mp_print_str(print, ": ");
  const args = load<usize>(o + 12);
  const n = mp_obj_tuple_len(args);
  if (k == PRINT_STR || k == PRINT_EXC) {
    if (n == 0) return true;
    if (load<usize>(o) == mp_type_OSError && n < 3 && mp_obj_is_small_int(mp_obj_tuple_get(args, 0))) {
      const en = mp_obj_tuple_get(args, 0);
      const q = mp_errno_to_str(en);
      if (q != 0) {
        mp_print_str(print, "[Errno ");
        mp_print_int(print, <i64>MP_OBJ_SMALL_INT_VALUE(en));
        mp_print_str(print, "] ");
        print_qstr(print, q);
        if (n > 1) {
          mp_print_str(print, ": ");
          return mp_obj_print_helper(print, mp_obj_tuple_get(args, 1), PRINT_STR);
        }
        return true;
      }
    }
    if (n == 1) return mp_obj_print_helper(print, mp_obj_tuple_get(args, 0), PRINT_STR);
  }
  // json.dumps shows the args as a JSON list, as MicroPython
  return mp_obj_print_helper(print, args, kind == PRINT_JSON ? PRINT_JSON : PRINT_REPR);
}

/**
 * Attributes of exceptions (mp_obj_exception_attr): .args, and .value /
 * .errno (aliases for args[0] on every exception, as MicroPython);
 * `exc.__traceback__ = None` clears the traceback.
 */
export function mp_obj_exception_attr(self_in: mp_obj_t, attr: usize, dest: usize): bool {
  if (load<usize>(dest) != MP_OBJ_NULL) {
    if (attr == Q.MP_QSTR___traceback__ && load<usize>(dest + 4) == mp_const_none) {
      store<u16>(self_in + 6, 0);
      store<usize>(dest, MP_OBJ_NULL);
    }
    return true;
  }
  if (attr == Q.MP_QSTR_args) {
    store<usize>(dest, load<usize>(self_in + 12));
  } else if (attr == Q.MP_QSTR_value || attr == Q.MP_QSTR_errno) {
    store<usize>(dest, mp_obj_exception_get_value(self_in));
  }
  return true;
}

// Every built-in exception type constructs, prints and has attributes the same way.
function exception_type_init(t: usize): void {
  mp_type_set_make_new(t, mp_obj_exception_make_new);
  mp_type_set_print(t, mp_obj_exception_print);
  mp_type_set_attr(t, mp_obj_exception_attr);
}
// ---- errno names for OSError messages: the errno module's errorcode dict ----

export { mp_errno_to_str };

// ---- tracebacks ----

/** Drops the traceback of `exc` (mp_obj_exception_clear_traceback). */
export function mp_obj_exception_clear_traceback(exc: mp_obj_t): void {
  const e = mp_obj_exception_get_native(exc);
  store<usize>(e + 8, 0);
  store<u16>(e + 4, 0);
  store<u16>(e + 6, 0);
}

/** Number of words of traceback data (3 per entry) of `exc`. */
export function mp_obj_exception_traceback_len(exc: mp_obj_t): usize {
  const e = mp_obj_exception_get_native(exc);
  return load<usize>(e + 8) == 0 ? 0 : <usize>load<u16>(e + 6);
}

/** The traceback data of `exc`: entries (file qstr, line, block qstr), oldest first. */
export function mp_obj_exception_traceback_data(exc: mp_obj_t): usize {
  return load<usize>(mp_obj_exception_get_native(exc) + 8);
}

/**
 * Prints `exc` as an uncaught exception (mp_obj_print_exception): the
 * traceback, most recent call last, then "Type: message".
 */
export function mp_obj_print_exception(print: usize, exc: mp_obj_t): void {
  if (mp_obj_is_exception_instance(exc)) {
    const n = mp_obj_exception_traceback_len(exc);
    if (n > 0) {
      const values = mp_obj_exception_traceback_data(exc);
      mp_print_str(print, "Traceback (most recent call last):\n");
      for (let i = <isize>n - 3; i >= 0; i -= 3) {
        const p = values + (<usize>i << 2);
        mp_print_str(print, '  File "');
        print_qstr(print, load<usize>(p));
        mp_print_str(print, '", line ');
        mp_print_int(print, <i64>load<u32>(p + 4));
        const block = load<usize>(p + 8);
        if (block == 0) {
          mp_print_str(print, "\n");
        } else {
          mp_print_str(print, ", in ");
          print_qstr(print, block);
          mp_print_str(print, "\n");
        }
      }
    }
  }
  if (!mp_obj_print_helper(print, exc, PRINT_EXC)) mp_take_exception();
  mp_print_str(print, "\n");
}
