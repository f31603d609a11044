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
} from "./obj";
import { gc_alloc } from "./gc";
import { mp_state_set, mp_state_get, MPS_cur_exception } from "./mpstate";
import { mp_obj_new_str_from_as, mp_obj_new_str } from "./objstr";
import { qstr_str, qstr_len, mp_utf8_from_as_range } from "./qstr";
import { mp_obj_new_tuple, mp_const_empty_tuple } from "./objtuple";
import { mp_root_mark, mp_root_push, mp_root_release } from "./rootstack";
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


/** A static MemoryError instance, raised when there is no heap to make one (mp_const_MemoryError_obj). */
export const mp_const_MemoryError_obj: usize = memory.data(16, 16);
store<usize>(mp_const_MemoryError_obj, mp_type_MemoryError);
store<usize>(mp_const_MemoryError_obj + 12, mp_const_empty_tuple);

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
  const o = gc_alloc(16, 0);
  mp_root_release(mark);
  if (o == 0) return mp_const_MemoryError_obj;
  store<usize>(o, type);
  store<usize>(o + 12, args);
  return o;
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
  const mark = mp_root_mark();
  mp_root_push(arg);
  const sp = mp_root_mark();
  const t = mp_obj_new_tuple(1, sp - 4);
  mp_root_release(mark);
  if (t == MP_OBJ_NULL) return MP_OBJ_NULL;
  return mp_raise_obj(mp_obj_exception_new(type, t));
}

/** Raises `type` with no arguments. */
export function mp_raise_type(type: usize): mp_obj_t {
  return mp_raise_obj(mp_obj_exception_new(type, mp_const_empty_tuple));
}

/** Raises `type(msg)`; `msg` is an AS string literal with MicroPython's wording. */
export function mp_raise_msg(type: usize, msg: string): mp_obj_t {
  const s = mp_obj_new_str_from_as(msg);
  if (s == MP_OBJ_NULL) return MP_OBJ_NULL;
  return mp_raise_arg1(type, s);
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
export function mp_raise_msg_varg(type: usize, fmt: string, a0: usize = 0, a1: usize = 0, a2: usize = 0): mp_obj_t {
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
  const s = mp_obj_new_str(varg_buf, n);
  if (s == MP_OBJ_NULL) return MP_OBJ_NULL;
  return mp_raise_arg1(type, s);
}

/**
 * Appends a traceback entry (file qstr, line, block qstr or MP_QSTRnull) to
 * exception `exc`, as MicroPython's mp_obj_exception_add_traceback. The
 * entries live in a GC block at +8 (3 words each); +4 holds the allocated
 * size (u16 at +4) and the used size (u16 at +6), both in words. Silently
 * does nothing for non-heap exceptions (the static MemoryError) or when the
 * heap is full, as MicroPython does.
 */
export function mp_obj_exception_add_traceback(exc: mp_obj_t, file: usize, line: usize, block: usize): void {
  if (!mp_obj_is_obj(exc) || exc == mp_const_MemoryError_obj) return;
  let alloc = <usize>load<u16>(exc + 4);
  const len = <usize>load<u16>(exc + 6);
  let data = load<usize>(exc + 8);
  if (data == 0 || len + 3 > alloc) {
    const mark = mp_root_mark();
    mp_root_push(exc);
    const nd = gc_alloc((alloc + 3) << 2, 0);
    mp_root_release(mark);
    if (nd == 0) return;
    if (data != 0) memory.copy(nd, data, len << 2);
    data = nd;
    alloc += 3;
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
  mp_type_setup(mp_type_BaseException, Q.MP_QSTR_BaseException, MP_TYPE_FLAG_NONE, 0);
  mp_type_setup(mp_type_SystemExit, Q.MP_QSTR_SystemExit, MP_TYPE_FLAG_NONE, mp_type_BaseException);
  mp_type_setup(mp_type_KeyboardInterrupt, Q.MP_QSTR_KeyboardInterrupt, MP_TYPE_FLAG_NONE, mp_type_BaseException);
  mp_type_setup(mp_type_GeneratorExit, Q.MP_QSTR_GeneratorExit, MP_TYPE_FLAG_NONE, mp_type_BaseException);
  mp_type_setup(mp_type_Exception, Q.MP_QSTR_Exception, MP_TYPE_FLAG_NONE, mp_type_BaseException);
  mp_type_setup(mp_type_StopAsyncIteration, Q.MP_QSTR_StopAsyncIteration, MP_TYPE_FLAG_NONE, mp_type_Exception);
  mp_type_setup(mp_type_StopIteration, Q.MP_QSTR_StopIteration, MP_TYPE_FLAG_NONE, mp_type_Exception);
  mp_type_setup(mp_type_ArithmeticError, Q.MP_QSTR_ArithmeticError, MP_TYPE_FLAG_NONE, mp_type_Exception);
  mp_type_setup(mp_type_OverflowError, Q.MP_QSTR_OverflowError, MP_TYPE_FLAG_NONE, mp_type_ArithmeticError);
  mp_type_setup(mp_type_ZeroDivisionError, Q.MP_QSTR_ZeroDivisionError, MP_TYPE_FLAG_NONE, mp_type_ArithmeticError);
  mp_type_setup(mp_type_AssertionError, Q.MP_QSTR_AssertionError, MP_TYPE_FLAG_NONE, mp_type_Exception);
  mp_type_setup(mp_type_AttributeError, Q.MP_QSTR_AttributeError, MP_TYPE_FLAG_NONE, mp_type_Exception);
  mp_type_setup(mp_type_EOFError, Q.MP_QSTR_EOFError, MP_TYPE_FLAG_NONE, mp_type_Exception);
  mp_type_setup(mp_type_ImportError, Q.MP_QSTR_ImportError, MP_TYPE_FLAG_NONE, mp_type_Exception);
  mp_type_setup(mp_type_LookupError, Q.MP_QSTR_LookupError, MP_TYPE_FLAG_NONE, mp_type_Exception);
  mp_type_setup(mp_type_IndexError, Q.MP_QSTR_IndexError, MP_TYPE_FLAG_NONE, mp_type_LookupError);
  mp_type_setup(mp_type_KeyError, Q.MP_QSTR_KeyError, MP_TYPE_FLAG_NONE, mp_type_LookupError);
  mp_type_setup(mp_type_MemoryError, Q.MP_QSTR_MemoryError, MP_TYPE_FLAG_NONE, mp_type_Exception);
  mp_type_setup(mp_type_NameError, Q.MP_QSTR_NameError, MP_TYPE_FLAG_NONE, mp_type_Exception);
  mp_type_setup(mp_type_OSError, Q.MP_QSTR_OSError, MP_TYPE_FLAG_NONE, mp_type_Exception);
  mp_type_setup(mp_type_RuntimeError, Q.MP_QSTR_RuntimeError, MP_TYPE_FLAG_NONE, mp_type_Exception);
  mp_type_setup(mp_type_NotImplementedError, Q.MP_QSTR_NotImplementedError, MP_TYPE_FLAG_NONE, mp_type_RuntimeError);
  mp_type_setup(mp_type_SyntaxError, Q.MP_QSTR_SyntaxError, MP_TYPE_FLAG_NONE, mp_type_Exception);
  mp_type_setup(mp_type_IndentationError, Q.MP_QSTR_IndentationError, MP_TYPE_FLAG_NONE, mp_type_SyntaxError);
  mp_type_setup(mp_type_TypeError, Q.MP_QSTR_TypeError, MP_TYPE_FLAG_NONE, mp_type_Exception);
  mp_type_setup(mp_type_ValueError, Q.MP_QSTR_ValueError, MP_TYPE_FLAG_NONE, mp_type_Exception);
  mp_type_setup(mp_type_UnicodeError, Q.MP_QSTR_UnicodeError, MP_TYPE_FLAG_NONE, mp_type_ValueError);
}
