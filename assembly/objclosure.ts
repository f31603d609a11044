// Closures, as MicroPython's objclosure.c: a function plus the cells it
// closed over, passed as its first arguments.
//
//   mp_obj_closure_t:  +0 type   +4 fun   +8 n_closed   +12 closed[n_closed] (cells)

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_TYPE_SIZE,
  MP_TYPE_FLAG_BINDS_SELF,
  mp_type_setup,
  mp_type_set_call,
  mp_type_set_print,
  mp_type_set_attr,
  mp_obj_print_helper,
  PRINT_REPR,
} from "./obj";
import { gc_alloc } from "./gc";
import { mp_pystack_alloc, mp_pystack_free } from "./pystack";
import { mp_root_mark, mp_root_push, mp_root_release } from "./rootstack";
import { mp_print_str, mp_print_hex, mp_print_int } from "./mpprint";
import { qstr } from "./qstr";
import { mp_raise_memory_error, mp_call_function_n_kw, mp_load_method_maybe, mp_raise_recursion_depth } from "./runtime";
import { MP_QSTR_closure } from "./genhdr";

export const mp_type_closure: usize = memory.data(<i32>MP_TYPE_SIZE, 16);

/**
 * A new closure of `fun` over `n_closed` cells copied from `closed` (rooted);
 * MP_OBJ_NULL on MemoryError (mp_obj_new_closure).
 */
export function mp_obj_new_closure(fun: mp_obj_t, n_closed: usize, closed: usize): mp_obj_t {
  const mark = mp_root_mark();
  mp_root_push(fun);
  const o = gc_alloc(12 + (n_closed << 2), 0);
  mp_root_release(mark);
  if (o == 0) return mp_raise_memory_error(12 + (n_closed << 2));
  store<usize>(o, mp_type_closure);
  store<usize>(o + 4, fun);
  store<usize>(o + 8, n_closed);
  memory.copy(o + 12, closed, n_closed << 2);
  return o;
}

/**
 * Writes the closed-over cells of closure `self` then `args` (n_args + 2*n_kw
 * words) into a new pystack array; returns it (0: pystack exhausted, no
 * exception set). The VM uses this for stackless calls of closures.
 */
export function mp_obj_closure_prepare_args(self: mp_obj_t, n_args: usize, n_kw: usize, args: usize): usize {
  const n_closed = load<usize>(self + 8);
  const n_total = n_closed + n_args + 2 * n_kw;
  const args2 = mp_pystack_alloc(n_total << 2);
  if (args2 == 0) return 0;
  memory.copy(args2, self + 12, n_closed << 2);
  memory.copy(args2 + (n_closed << 2), args, (n_args + 2 * n_kw) << 2);
  return args2;
}

function closure_call(self: mp_obj_t, n_args: usize, n_kw: usize, args: usize): mp_obj_t {
  const args2 = mp_obj_closure_prepare_args(self, n_args, n_kw, args);
  if (args2 == 0) return mp_raise_recursion_depth();
  const res = mp_call_function_n_kw(load<usize>(self + 4), load<usize>(self + 8) + n_args, n_kw, args2);
  mp_pystack_free(args2);
  return res;
}

function closure_print(print: usize, o: mp_obj_t, kind: u32): bool {
  mp_print_str(print, "<closure ");
  if (!mp_obj_print_helper(print, load<usize>(o + 4), PRINT_REPR)) return false;
  mp_print_str(print, " at 0x");
  mp_print_hex(print, <u32>o);
  const n = load<usize>(o + 8);
  mp_print_str(print, ", n_closed=");
  mp_print_int(print, <i64>n);
  mp_print_str(print, " ");
  for (let i: usize = 0; i < n; i++) {
    const c = load<usize>(o + 12 + (i << 2));
    if (c == MP_OBJ_NULL) {
      mp_print_str(print, "(nil)");
    } else if (!mp_obj_print_helper(print, c, PRINT_REPR)) {
      return false;
    }
    mp_print_str(print, " ");
  }
  mp_print_str(print, ">");
  return true;
}

function closure_attr(self_in: mp_obj_t, attr: qstr, dest: usize): bool {
  if (load<usize>(dest) != MP_OBJ_NULL) return true;
  // forward loads to the wrapped function (__name__ ...)
  return mp_load_method_maybe(load<usize>(self_in + 4), attr, dest);
}

/** Set-up of this file's static objects (types, methods); run once by mp_init. */
export function objclosure_static_init(): void {
  mp_type_setup(mp_type_closure, MP_QSTR_closure, MP_TYPE_FLAG_BINDS_SELF, 0);
  mp_type_set_call(mp_type_closure, closure_call);
  mp_type_set_print(mp_type_closure, closure_print);
  mp_type_set_attr(mp_type_closure, closure_attr);
}
