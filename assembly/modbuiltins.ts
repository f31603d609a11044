// The builtins module, as MicroPython's modbuiltins.c (unix port set): the
// built-in functions, and the static dict of every built-in name that the
// VM's name lookup falls back to (mp_module_builtins_globals). Names stored
// into `builtins` at run time go to the override dict (MPS_builtins_override,
// MICROPY_CAN_OVERRIDE_BUILTINS), which the runtime consults first.

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_OBJ_SENTINEL,
  MP_OBJ_STOP_ITERATION,
  MP_OBJ_NOT_SUPPORTED,
  mp_const_none,
  mp_const_true,
  mp_const_false,
  mp_obj_is_small_int,
  mp_obj_is_qstr,
  mp_obj_is_obj,
  mp_obj_is_type,
  MP_OBJ_NEW_QSTR,
  MP_OBJ_QSTR_VALUE,
  MP_OBJ_NEW_SMALL_INT,
  MP_OBJ_SMALL_INT_VALUE,
  mp_obj_new_bool,
  mp_obj_is_true,
  mp_obj_get_int,
  MP_INT_ERROR,
  mp_obj_len,
  mp_obj_id,
  mp_obj_print_helper,
  mp_obj_get_type_qstr,
  mp_type_type,
  PRINT_STR,
  PRINT_REPR,
  mp_fun_0_at,
  mp_fun_1_at,
  mp_fun_2_at,
  mp_fun_3_at,
  mp_fun_var_at,
  mp_fun_kw_at,
} from "./obj";
import { qstr, qstr_from_strn, qstr_total, qstr_str, qstr_len } from "./qstr";
import { mp_print_str, mp_print_strn, mp_plat_print } from "./mpprint";
import {
  mp_map_lookup,
  mp_map_filled,
  mp_map_entries,
  mp_map_slot_is_filled,
  MP_MAP_LOOKUP,
  MP_MAP_LOOKUP_ADD_IF_NOT_FOUND,
  MP_MAP_ERROR,
} from "./map";
import { mp_root_mark, mp_root_push, mp_root_release, mp_root_alloc } from "./rootstack";
import { mp_state_get, mp_state_set, MPS_builtins_override, MPS_sys_stdout, MPS_sys_globals } from "./mpstate";
import {
  vstr_new_root,
  vstr_printer_init,
  vstr_str,
  vstr_len,
  vstr_had_error,
  vstr_add_byte,
  VSTR_SIZE_WORDS,
} from "./vstr";
import { utf8_encode, utf8_charlen, utf8_get_char } from "./unicode";
import {
  mp_unary_op,
  mp_binary_op,
  mp_getiter,
  mp_iternext,
  mp_iternext_allow_raise,
  mp_raise_StopIteration,
  take_stop_iteration_arg,
  mp_call_function_1,
  mp_call_function_n_kw,
  mp_call_method_n_kw,
  mp_call_function_0,
  mp_load_method,
  mp_load_method_maybe,
  mp_store_attr,
  mp_globals_get,
  mp_locals_get,
  mp_locals_set,
  mp_raise_memory_error,
  mp_raise_recursion_depth,
  mp_runtime_set_builtins_dict,
} from "./runtime";
import * as R from "./runtime0";
import {
  mp_raise_msg,
  mp_raise_msg_varg,
  mp_raise_TypeError,
  mp_raise_ValueError,
  mp_take_exception,
  mp_pending_exception,
  mp_raise_obj,
  mp_type_TypeError,
  mp_type_ValueError,
  mp_type_AttributeError,
  mp_type_KeyboardInterrupt,
  mp_type_EOFError,
  mp_type_BaseException,
  mp_type_ArithmeticError,
  mp_type_AssertionError,
  mp_type_Exception,
  mp_type_GeneratorExit,
  mp_type_ImportError,
  mp_type_IndentationError,
  mp_type_IndexError,
  mp_type_KeyError,
  mp_type_LookupError,
  mp_type_MemoryError,
  mp_type_NameError,
  mp_type_NotImplementedError,
  mp_type_OSError,
  mp_type_OverflowError,
  mp_type_RuntimeError,
  mp_type_StopAsyncIteration,
  mp_type_StopIteration,
  mp_type_SyntaxError,
  mp_type_SystemExit,
  mp_type_UnicodeError,
  mp_type_ViperTypeError,
  mp_type_ZeroDivisionError,
} from "./objexcept";
import {
  mp_obj_get_type,
  mp_obj_new_type,
  mp_obj_is_callable_types,
  mp_type_super,
  mp_type_staticmethod,
  mp_type_classmethod,
  mp_builtin_isinstance_obj,
  mp_builtin_issubclass_obj,
} from "./objtype";
import { mp_type_object } from "./objobject";
import { mp_type_property } from "./objproperty";
import { mp_const_ellipsis, mp_const_notimplemented } from "./objsingleton";
import { mp_type_module, mp_module_static_at, mp_module_set_builtins_globals } from "./objmodule";
import { mp_type_bool } from "./objbool";
import { mp_type_int, mp_obj_is_int, mp_obj_new_int_from_float } from "./objint";
import { mp_obj_int_pow3 } from "./objint_mpz";
import { mp_type_float, mp_obj_new_float, mp_obj_get_float_to } from "./objfloat";
import {
  mp_type_str,
  mp_type_bytes,
  mp_obj_new_str,
  mp_obj_is_str,
  mp_obj_str_get_data_ptr,
  mp_obj_str_get_len,
} from "./objstr";
import { mp_type_tuple, mp_obj_new_tuple } from "./objtuple";
import { mp_type_list, mp_obj_new_list, mp_obj_list_append, mp_obj_list_sort } from "./objlist";
import {
  mp_type_dict,
  mp_obj_new_dict,
  mp_obj_dict_get_map,
  mp_static_dict_at,
  mp_static_dict_add,
} from "./objdict";
import { mp_type_slice } from "./objslice";
import { mp_type_complex } from "./objcomplex";
import { mp_type_enumerate } from "./objenumerate";
import { mp_type_filter } from "./objfilter";
import { mp_type_map } from "./objmap";
import { mp_type_range } from "./objrange";
import { mp_type_reversed } from "./objreversed";
import { mp_type_set, mp_type_frozenset } from "./objset";
import { mp_type_zip } from "./objzip";
import { mp_type_bytearray, mp_type_memoryview } from "./objarray";
import { mp_builtin___import___obj } from "./builtinimport";
import { mp_builtin_open_obj } from "./extmod/vfs_posix_file";
import { mp_obj_cell_set } from "./objcell";
import { mp_get_stream, mp_stream_printer_init } from "./stream";
import { mp_hal_stdin_rx_chr } from "./mphal";
import { mp_builtin_help_obj } from "./builtinhelp";
import {
  mp_builtin_compile_obj,
  mp_builtin_eval_obj,
  mp_builtin_exec_obj,
  mp_builtin_execfile_obj,
} from "./builtinevex";
import * as Q from "./genhdr";

/**
 * The builtins module's globals: a static dict of every built-in name. (No
 * type annotation, so the module-table generator does not take it for a
 * module named "builtins_globals".)
 */
export const mp_module_builtins_globals = <mp_obj_t>memory.data(16, 16);

/** The builtins module (`import builtins`). */
export const mp_module_builtins: mp_obj_t = memory.data(8, 8);

/**
 * The built-in named `q`, or 0 if there is none: the override dict first
 * (names stored into builtins), then the static table. For the VM's
 * LOAD_NAME/LOAD_GLOBAL fallback.
 */
export function mp_builtins_lookup(q: qstr): mp_obj_t {
  const key = MP_OBJ_NEW_QSTR(q);
  const ov = mp_state_get(MPS_builtins_override);
  if (ov != 0) {
    const e = mp_map_lookup(mp_obj_dict_get_map(ov), key, MP_MAP_LOOKUP);
    if (e != 0 && e != MP_MAP_ERROR) return load<usize>(e + 4);
  }
  const e = mp_map_lookup(mp_obj_dict_get_map(mp_module_builtins_globals), key, MP_MAP_LOOKUP);
  if (e == 0 || e == MP_MAP_ERROR) return 0;
  return load<usize>(e + 4);
}

function builtins_dict(): mp_obj_t {
  return mp_module_builtins_globals;
}

// ---- helpers ----

/** The qstr of str `o` (interning it), or 0 with TypeError/MemoryError pending (mp_obj_str_get_qstr). */
export function mp_obj_str_get_qstr_checked(o: mp_obj_t): qstr {
  if (mp_obj_is_qstr(o)) return MP_OBJ_QSTR_VALUE(o);
  if (!mp_obj_is_type(o, mp_type_str)) {
    mp_raise_msg_varg(
      mp_type_TypeError,
      "can't convert '%q' object to %q implicitly",
      mp_obj_get_type_qstr(o),
      Q.MP_QSTR_str,
    );
    return 0;
  }
  const q = qstr_from_strn(mp_obj_str_get_data_ptr(o), mp_obj_str_get_len(o));
  if (q == 0) mp_raise_memory_error(mp_obj_str_get_len(o));
  return q;
}

/** A new str holding what `o` prints as in `kind` (repr(), str() helpers); MP_OBJ_NULL on error. */
export function mp_obj_print_to_str(o: mp_obj_t, kind: u32): mp_obj_t {
  const mark = mp_root_mark();
  mp_root_push(o);
  const v = vstr_new_root(16);
  const print = mp_root_alloc(2);
  if (v == 0 || print == 0) {
    mp_root_release(mark);
    return mp_raise_recursion_depth();
  }
  vstr_printer_init(print, v);
  const ok = mp_obj_print_helper(print, o, kind);
  if (!ok || vstr_had_error(v)) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  const r = mp_obj_new_str(vstr_str(v), vstr_len(v));
  mp_root_release(mark);
  return r;
}

// ---- __build_class__ ----

// args[0]: the class body function, args[1]: the class name, args[2..]: bases
function mp_builtin___build_class__(n_args: usize, args: usize): mp_obj_t {
  const mark = mp_root_mark();
  const old_locals = mp_locals_get();
  mp_root_push(old_locals);
  const class_locals = mp_obj_new_dict(0);
  if (class_locals == MP_OBJ_NULL) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  mp_root_push(class_locals);
  mp_locals_set(class_locals);
  const cell = mp_call_function_0(load<usize>(args));
  mp_locals_set(old_locals);
  if (cell == MP_OBJ_NULL) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  mp_root_push(cell);
  // the metaclass: type, or the type of the first base
  const meta = n_args == 2 ? mp_type_type : mp_obj_get_type(load<usize>(args + 8));
  const meta_args = mp_root_alloc(3);
  if (meta_args == 0) {
    mp_root_release(mark);
    return mp_raise_recursion_depth();
  }
  store<usize>(meta_args, load<usize>(args + 4));
  const bases = mp_obj_new_tuple(n_args - 2, args + 8);
  if (bases == MP_OBJ_NULL) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  store<usize>(meta_args + 4, bases);
  store<usize>(meta_args + 8, class_locals);
  const new_class = mp_call_function_n_kw(meta, 3, 0, meta_args);
  mp_root_release(mark);
  if (new_class == MP_OBJ_NULL) return MP_OBJ_NULL;
  // the __class__ cell of methods that use super()
  if (cell != mp_const_none) mp_obj_cell_set(cell, new_class);
  return new_class;
}

// ---- simple built-ins ----

function mp_builtin_abs(o: mp_obj_t): mp_obj_t {
  return mp_unary_op(R.MP_UNARY_OP_ABS, o);
}

// all() and any(): stop at the first item whose truth is `stop_on`.
function all_any(o: mp_obj_t, stop_on: bool): mp_obj_t {
  const mark = mp_root_mark();
  const buf = mp_root_alloc(4);
  if (buf == 0) return mp_raise_recursion_depth();
  const it = mp_getiter(o, buf);
  if (it == MP_OBJ_NULL) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  mp_root_push(it);
  while (true) {
    const item = mp_iternext(it);
    if (item == MP_OBJ_STOP_ITERATION) break;
    if (item == MP_OBJ_NULL) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    const t = mp_obj_is_true(item);
    if (t < 0) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    if ((t != 0) == stop_on) {
      mp_root_release(mark);
      return mp_obj_new_bool(stop_on);
    }
  }
  mp_root_release(mark);
  return mp_obj_new_bool(!stop_on);
}

function mp_builtin_all(o: mp_obj_t): mp_obj_t {
  return all_any(o, false);
}

function mp_builtin_any(o: mp_obj_t): mp_obj_t {
  return all_any(o, true);
}

function mp_builtin_bin(o: mp_obj_t): mp_obj_t {
  return format_int_base(o, 2, prefix_0b);
}

function mp_builtin_hex(o: mp_obj_t): mp_obj_t {
  return format_int_base(o, 16, prefix_0x);
}

function mp_builtin_oct(o: mp_obj_t): mp_obj_t {
  return format_int_base(o, 8, prefix_0o);
}

const prefix_0b: usize = memory.data<u8>([48, 98, 0]);
const prefix_0o: usize = memory.data<u8>([48, 111, 0]);
const prefix_0x: usize = memory.data<u8>([48, 120, 0]);

// bin/oct/hex: the int's digits after a 0b/0o/0x prefix (MicroPython formats
// "{:#b}", "%#o", "%#x"; the errors are theirs).
function format_int_base(o: mp_obj_t, base: i32, prefix: usize): mp_obj_t {
  let x = o;
  if (x == mp_const_false) x = MP_OBJ_NEW_SMALL_INT(0);
  else if (x == mp_const_true) x = MP_OBJ_NEW_SMALL_INT(1);
  if (!mp_obj_is_int(x)) {
    if (base == 2 && mp_obj_is_str(o)) {
      return mp_raise_msg_varg(
        mp_type_ValueError,
        "unknown format code '%c' for object of type '%q'",
        98,
        Q.MP_QSTR_str,
      );
    }
    return mp_raise_msg_varg(mp_type_TypeError, "can't convert %s to int", mp_obj_get_type_qstr(o));
  }
  const mark = mp_root_mark();
  mp_root_push(x);
  const v = vstr_new_root(40);
  const print = mp_root_alloc(2);
  if (v == 0 || print == 0) {
    mp_root_release(mark);
    return mp_raise_recursion_depth();
  }
  vstr_printer_init(print, v);
  if (!mp_obj_int_print_base(print, x, base, prefix, 97, 0) || vstr_had_error(v)) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  const r = mp_obj_new_str(vstr_str(v), vstr_len(v));
  mp_root_release(mark);
  return r;
}

import { mp_obj_int_print_base } from "./objint";

function mp_builtin_callable(o: mp_obj_t): mp_obj_t {
  return mp_obj_new_bool(mp_obj_is_callable_types(o));
}

const chr_buf: usize = memory.data(8, 4);

function mp_builtin_chr(o: mp_obj_t): mp_obj_t {
  const c = mp_obj_get_int(o);
  if (c == MP_INT_ERROR) return MP_OBJ_NULL;
  if (c < 0 || c >= 0x110000) return mp_raise_ValueError("chr() arg not in range(0x110000)");
  const n = utf8_encode(<u32>c, chr_buf);
  return mp_obj_new_str(chr_buf, n);
}

function mp_builtin_dir(n_args: usize, args: usize): mp_obj_t {
  const mark = mp_root_mark();
  const dir = mp_obj_new_list(0, 0);
  if (dir == MP_OBJ_NULL) return MP_OBJ_NULL;
  mp_root_push(dir);
  if (n_args == 0) {
    // the names in the local namespace
    const map = mp_obj_dict_get_map(mp_locals_get());
    const filled = mp_map_filled(map);
    for (let i: usize = 0; i < filled; i++) {
      const e = mp_map_entries(map) + i * 8;
      if (!mp_map_slot_is_filled(e)) continue;
      if (mp_obj_list_append(dir, load<usize>(e)) == MP_OBJ_NULL) {
        mp_root_release(mark);
        return MP_OBJ_NULL;
      }
    }
    mp_root_release(mark);
    return dir;
  }
  // probe every qstr as an attribute (as MicroPython)
  const o = load<usize>(args);
  const dest = mp_root_alloc(2);
  if (dest == 0) return mp_raise_recursion_depth();
  const nq = qstr_total();
  for (let q: usize = Q.MP_QSTR_ + 1; q < nq; q++) {
    if (!mp_load_method_maybe(o, q, dest)) {
      // an AttributeError counts as absent; other errors propagate
      if (!is_attribute_error(mp_pending_exception())) {
        mp_root_release(mark);
        return MP_OBJ_NULL;
      }
      mp_take_exception();
      continue;
    }
    if (load<usize>(dest) != MP_OBJ_NULL) {
      if (q == Q.MP_QSTR___dir__ && load<usize>(dest + 4) != MP_OBJ_NULL) {
        const r = mp_call_method_n_kw(0, 0, dest);
        mp_root_release(mark);
        return r;
      }
      if (mp_obj_list_append(dir, MP_OBJ_NEW_QSTR(q)) == MP_OBJ_NULL) {
        mp_root_release(mark);
        return MP_OBJ_NULL;
      }
    }
  }
  mp_root_release(mark);
  return dir;
}

import { mp_obj_exception_match } from "./objexcept";

function is_attribute_error(exc: mp_obj_t): bool {
  return exc != MP_OBJ_NULL && mp_obj_exception_match(exc, mp_type_AttributeError);
}

function mp_builtin_divmod(a: mp_obj_t, b: mp_obj_t): mp_obj_t {
  return mp_binary_op(R.MP_BINARY_OP_DIVMOD, a, b);
}

function mp_builtin_hash(o: mp_obj_t): mp_obj_t {
  return mp_unary_op(R.MP_UNARY_OP_HASH, o);
}

function mp_builtin_id(o: mp_obj_t): mp_obj_t {
  return mp_obj_id(o);
}

function mp_builtin_len(o: mp_obj_t): mp_obj_t {
  return mp_obj_len(o);
}

function mp_builtin_input(n_args: usize, args: usize): mp_obj_t {
  const mark = mp_root_mark();
  if (n_args == 1) {
    const print = mp_root_alloc(2);
    if (print == 0) return mp_raise_recursion_depth();
    sys_stdout_printer(print);
    if (!mp_obj_print_helper(print, load<usize>(args), PRINT_STR) || mp_pending_exception() != MP_OBJ_NULL) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
  }
  const v = vstr_new_root(16);
  if (v == 0) return mp_raise_recursion_depth();
  let got_eof = false;
  while (true) {
    const c = mp_hal_stdin_rx_chr();
    if (c < 0 || c == 4) {
      got_eof = true;
      break;
    }
    if (c == 3) {
      mp_root_release(mark);
      return mp_raise_obj_type(mp_type_KeyboardInterrupt);
    }
    if (c == 10) break;
    if (c == 13) continue;
    vstr_add_byte(v, <u32>c);
  }
  if (got_eof && vstr_len(v) == 0) {
    mp_root_release(mark);
    return mp_raise_obj_type(mp_type_EOFError);
  }
  const r = vstr_had_error(v) ? MP_OBJ_NULL : mp_obj_new_str(vstr_str(v), vstr_len(v));
  mp_root_release(mark);
  return r;
}

import { mp_raise_type } from "./objexcept";

function mp_raise_obj_type(t: usize): mp_obj_t {
  return mp_raise_type(t);
}

function mp_builtin_iter(o: mp_obj_t): mp_obj_t {
  return mp_getiter(o, 0);
}

// min()/max() with key= and default= (mp_builtin_min_max).
function min_max(n_args: usize, args: usize, kwargs: usize, op: u32): mp_obj_t {
  let key_fn: mp_obj_t = MP_OBJ_NULL;
  let default_val: mp_obj_t = MP_OBJ_NULL;
  let n_kw_used: usize = 0;
  if (kwargs != 0) {
    const k = mp_map_lookup(kwargs, MP_OBJ_NEW_QSTR(Q.MP_QSTR_key), MP_MAP_LOOKUP);
    if (k == MP_MAP_ERROR) return MP_OBJ_NULL;
    if (k != 0) {
      key_fn = load<usize>(k + 4);
      n_kw_used++;
    }
    const d = mp_map_lookup(kwargs, MP_OBJ_NEW_QSTR(Q.MP_QSTR_default), MP_MAP_LOOKUP);
    if (d == MP_MAP_ERROR) return MP_OBJ_NULL;
    if (d != 0) {
      default_val = load<usize>(d + 4);
      n_kw_used++;
    }
  }
  if (key_fn == mp_const_none) key_fn = MP_OBJ_NULL;
  const mark = mp_root_mark();
  // best: +0 best key, +4 best object; +8.. iterator buffer
  const st = mp_root_alloc(7);
  if (st == 0) return mp_raise_recursion_depth();
  let it: mp_obj_t = MP_OBJ_NULL;
  let i: usize = 0;
  if (n_args == 1) {
    it = mp_getiter(load<usize>(args), st + 12);
    if (it == MP_OBJ_NULL) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    store<usize>(st + 8, it);
  }
  while (true) {
    let item: mp_obj_t;
    if (n_args == 1) {
      item = mp_iternext(it);
      if (item == MP_OBJ_STOP_ITERATION) break;
      if (item == MP_OBJ_NULL) {
        mp_root_release(mark);
        return MP_OBJ_NULL;
      }
    } else {
      if (i >= n_args) break;
      item = load<usize>(args + i * 4);
      i++;
    }
    mp_root_push(item);
    const key = key_fn == MP_OBJ_NULL ? item : mp_call_function_1(key_fn, item);
    if (key == MP_OBJ_NULL) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    let better = load<usize>(st + 4) == MP_OBJ_NULL;
    if (!better) {
      mp_root_push(key);
      const c = mp_binary_op(op, key, load<usize>(st));
      if (c == MP_OBJ_NULL) {
        mp_root_release(mark);
        return MP_OBJ_NULL;
      }
      better = c == mp_const_true;
    }
    if (better) {
      store<usize>(st, key);
      store<usize>(st + 4, item);
    }
    // keep only the fixed words on the root stack
    mp_root_release(st + 28);
  }
  const best = load<usize>(st + 4);
  mp_root_release(mark);
  if (best == MP_OBJ_NULL) {
    if (default_val != MP_OBJ_NULL) return default_val;
    return mp_raise_ValueError("arg is an empty sequence");
  }
  return best;
}

function mp_builtin_max(n_args: usize, args: usize, kwargs: usize): mp_obj_t {
  return min_max(n_args, args, kwargs, R.MP_BINARY_OP_MORE);
}

function mp_builtin_min(n_args: usize, args: usize, kwargs: usize): mp_obj_t {
  return min_max(n_args, args, kwargs, R.MP_BINARY_OP_LESS);
}

function mp_builtin_next(n_args: usize, args: usize): mp_obj_t {
  const o = load<usize>(args);
  if (n_args == 1) {
    const r = mp_iternext_allow_raise(o);
    if (r == MP_OBJ_STOP_ITERATION) return mp_raise_StopIteration(take_stop_iteration_arg());
    return r;
  }
  const r = mp_iternext(o);
  return r == MP_OBJ_STOP_ITERATION ? load<usize>(args + 4) : r;
}

function mp_builtin_ord(o: mp_obj_t): mp_obj_t {
  let len: usize;
  let p: usize;
  const is_str = mp_obj_is_str(o);
  if (is_str || mp_obj_is_type(o, mp_type_bytes)) {
    p = mp_obj_str_get_data_ptr(o);
    len = mp_obj_str_get_len(o);
  } else if (mp_obj_is_obj(o) && mp_obj_get_type_qstr(o) == Q.MP_QSTR_bytearray) {
    // bytearray: +8 len, +12 items, as MicroPython's mp_obj_array_t
    p = load<usize>(o + 12);
    len = load<usize>(o + 8);
  } else {
    return mp_raise_msg_varg(
      mp_type_TypeError,
      "can't convert '%q' object to %q implicitly",
      mp_obj_get_type_qstr(o),
      Q.MP_QSTR_str,
    );
  }
  if (is_str) {
    const n = utf8_charlen(p, len);
    if (n == 1) return MP_OBJ_NEW_SMALL_INT(<i32>utf8_get_char(p));
    return mp_raise_msg_varg(
      mp_type_TypeError,
      "ord() expected a character, but string of length %d found",
      n,
    );
  }
  if (len == 1) return MP_OBJ_NEW_SMALL_INT(<i32>load<u8>(p));
  return mp_raise_msg_varg(
    mp_type_TypeError,
    "ord() expected a character, but string of length %d found",
    len,
  );
}

function mp_builtin_pow(n_args: usize, args: usize): mp_obj_t {
  const a = load<usize>(args);
  const b = load<usize>(args + 4);
  if (n_args == 2 || load<usize>(args + 8) == mp_const_none) return mp_binary_op(R.MP_BINARY_OP_POWER, a, b);
  return mp_obj_int_pow3(a, b, load<usize>(args + 8));
}

// ---- print ----

// sys.stdout: the `stdout` entry of the sys module (it may have been
// replaced), else the standard stream, or 0 before sys is set up.
function sys_stdout(): mp_obj_t {
  const g = mp_state_get(MPS_sys_globals);
  if (g != 0) {
    const e = mp_map_lookup(mp_obj_dict_get_map(g), MP_OBJ_NEW_QSTR(Q.MP_QSTR_stdout), MP_MAP_LOOKUP);
    if (e != 0 && e != MP_MAP_ERROR) return load<usize>(e + 4);
  }
  return mp_state_get(MPS_sys_stdout);
}

// The printer of sys.stdout, or the host's stdout until sys has one.
function stdout_printer(): usize {
  return mp_plat_print;
}

// A printer (2 words at `print`) for file object `file`: its stream
// protocol, else its write() method (called once per piece of text).
function file_printer_init(print: usize, file: mp_obj_t): bool {
  if (mp_get_stream(file) != 0) {
    mp_stream_printer_init(print, file);
    return true;
  }
  mp_print_init_writer(print, file);
  return true;
}

import { mp_print_init } from "./mpprint";

// print_strn for objects with a write() method: file.write(str).
function write_method_strn(data: usize, p: usize, len: usize): void {
  if (mp_pending_exception() != MP_OBJ_NULL) return; // an earlier piece failed
  const mark = mp_root_mark();
  const dest = mp_root_alloc(3);
  if (dest == 0) {
    mp_root_release(mark);
    mp_raise_recursion_depth();
    return;
  }
  if (!mp_load_method(data, Q.MP_QSTR_write, dest)) {
    mp_root_release(mark);
    return;
  }
  const s = mp_obj_new_str(p, len);
  if (s == MP_OBJ_NULL) {
    mp_root_release(mark);
    return;
  }
  store<usize>(dest + 8, s);
  mp_call_method_n_kw(1, 0, dest);
  mp_root_release(mark);
}

function mp_print_init_writer(print: usize, file: mp_obj_t): void {
  mp_print_init(print, file, write_method_strn);
}

const print_args: usize = memory.data(24, 4);

function mp_builtin_print(n_args: usize, args: usize, kwargs: usize): mp_obj_t {
  const mark = mp_root_mark();
  const vals = mp_root_alloc(3);
  const print = mp_root_alloc(2);
  if (vals == 0 || print == 0) return mp_raise_recursion_depth();
  if (!mp_arg_parse_all(0, 0, kwargs, 3, print_args, vals)) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  const sep = load<usize>(vals);
  const end = load<usize>(vals + 4);
  let file = load<usize>(vals + 8);
  if (file == mp_const_none) file = sys_stdout();
  if (sep != mp_const_none && !mp_obj_is_str(sep)) {
    mp_root_release(mark);
    return mp_raise_msg_varg(
      mp_type_TypeError,
      "can't convert '%q' object to %q implicitly",
      mp_obj_get_type_qstr(sep),
      Q.MP_QSTR_str,
    );
  }
  if (end != mp_const_none && !mp_obj_is_str(end)) {
    mp_root_release(mark);
    return mp_raise_msg_varg(
      mp_type_TypeError,
      "can't convert '%q' object to %q implicitly",
      mp_obj_get_type_qstr(end),
      Q.MP_QSTR_str,
    );
  }
  if (file == 0 || file == mp_const_none) {
    memory.copy(print, stdout_printer(), 8);
  } else {
    if (!file_printer_init(print, file)) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
  }
  for (let i: usize = 0; i < n_args; i++) {
    if (i > 0) {
      if (sep == mp_const_none) mp_print_strn(print, chr_space, 1);
      else mp_print_strn(print, mp_obj_str_get_data_ptr(sep), mp_obj_str_get_len(sep));
      if (mp_pending_exception() != MP_OBJ_NULL) break;
    }
    if (!mp_obj_print_helper(print, load<usize>(args + i * 4), PRINT_STR)) break;
    if (mp_pending_exception() != MP_OBJ_NULL) break;
  }
  if (mp_pending_exception() == MP_OBJ_NULL) {
    if (end == mp_const_none) mp_print_strn(print, chr_newline, 1);
    else mp_print_strn(print, mp_obj_str_get_data_ptr(end), mp_obj_str_get_len(end));
  }
  mp_root_release(mark);
  if (mp_pending_exception() != MP_OBJ_NULL) return MP_OBJ_NULL;
  return mp_const_none;
}

const chr_space: usize = memory.data<u8>([32, 10]);
const chr_newline: usize = chr_space + 1;

import { mp_arg_set, mp_arg_parse_all, MP_ARG_OBJ, MP_ARG_KW_ONLY } from "./argcheck";

function mp_builtin___repl_print__(o: mp_obj_t): mp_obj_t {
  if (o != mp_const_none) {
    const mark = mp_root_mark();
    mp_root_push(o);
    const p = mp_root_alloc(2);
    if (p == 0) return mp_raise_recursion_depth();
    sys_stdout_printer(p);
    if (!mp_obj_print_helper(p, o, PRINT_REPR)) return fail(mark);
    mp_print_str(p, "\n");
    // `_` holds the last result (stored into builtins, MICROPY_CAN_OVERRIDE_BUILTINS)
    const ok = mp_store_attr(mp_module_builtins, Q.MP_QSTR__, o);
    mp_root_release(mark);
    if (!ok || mp_pending_exception() != MP_OBJ_NULL) return MP_OBJ_NULL;
  }
  return mp_const_none;
}

// Points printer `print` (2 words) at sys.stdout (MP_PYTHON_PRINTER).
function sys_stdout_printer(print: usize): void {
  const f = sys_stdout();
  if (f == 0 || f == mp_const_none) memory.copy(print, stdout_printer(), 8);
  else file_printer_init(print, f);
}

function mp_builtin_repr(o: mp_obj_t): mp_obj_t {
  return mp_obj_print_to_str(o, PRINT_REPR);
}

function mp_builtin_round(n_args: usize, args: usize): mp_obj_t {
  const o = load<usize>(args);
  if (mp_obj_is_int(o) || o == mp_const_false || o == mp_const_true) {
    const x = o == mp_const_false ? MP_OBJ_NEW_SMALL_INT(0) : o == mp_const_true ? MP_OBJ_NEW_SMALL_INT(1) : o;
    if (n_args <= 1 || load<usize>(args + 4) == mp_const_none) return x;
    const num_dig = mp_obj_get_int(load<usize>(args + 4));
    if (num_dig == MP_INT_ERROR) return MP_OBJ_NULL;
    if (num_dig >= 0) return x;
    return round_int(x, <i32>(-num_dig));
  }
  const fv = mp_root_alloc_f64();
  if (fv == 0) return mp_raise_recursion_depth();
  const mark = fv;
  if (!mp_obj_get_float_to(o, fv)) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  const val = load<f64>(fv);
  mp_root_release(mark);
  if (n_args > 1 && load<usize>(args + 4) != mp_const_none) {
    const num_dig = mp_obj_get_int(load<usize>(args + 4));
    if (num_dig == MP_INT_ERROR) return MP_OBJ_NULL;
    const mult = Math.pow(10, <f64>num_dig);
    const rounded = nearest<f64>(val * mult) / mult;
    return mp_obj_new_float(isFinite(rounded) ? rounded : val);
  }
  return mp_obj_new_int_from_float(nearest<f64>(val));
}

// 8 bytes (aligned) on the root stack for a float out-parameter; release with the returned address.
function mp_root_alloc_f64(): usize {
  const p = mp_root_alloc(3);
  if (p == 0) return 0;
  return p;
}

// round(int, -n): to a multiple of 10**n, halves to even (as MicroPython).
function round_int(o: mp_obj_t, n: i32): mp_obj_t {
  const mark = mp_root_mark();
  const t = mp_root_alloc(5);
  if (t == 0) return mp_raise_recursion_depth();
  mp_root_push(o);
  const mult = mp_binary_op(
    R.MP_BINARY_OP_POWER,
    MP_OBJ_NEW_SMALL_INT(10),
    MP_OBJ_NEW_SMALL_INT(n),
  );
  if (mult == MP_OBJ_NULL) return fail(mark);
  store<usize>(t, mult);
  const half = mp_binary_op(R.MP_BINARY_OP_FLOOR_DIVIDE, mult, MP_OBJ_NEW_SMALL_INT(2));
  if (half == MP_OBJ_NULL) return fail(mark);
  store<usize>(t + 4, half);
  const modulo = mp_binary_op(R.MP_BINARY_OP_MODULO, o, mult);
  if (modulo == MP_OBJ_NULL) return fail(mark);
  store<usize>(t + 8, modulo);
  const rounded = mp_binary_op(R.MP_BINARY_OP_SUBTRACT, o, modulo);
  if (rounded == MP_OBJ_NULL) return fail(mark);
  store<usize>(t + 12, rounded);
  const c1 = mp_binary_op(R.MP_BINARY_OP_MORE, half, modulo);
  if (c1 == MP_OBJ_NULL) return fail(mark);
  if (c1 == mp_const_true) {
    mp_root_release(mark);
    return rounded;
  }
  const c2 = mp_binary_op(R.MP_BINARY_OP_MORE, modulo, half);
  if (c2 == MP_OBJ_NULL) return fail(mark);
  let up = c2 == mp_const_true;
  if (!up) {
    // a tie: round to even
    const fl = mp_binary_op(R.MP_BINARY_OP_FLOOR_DIVIDE, o, mult);
    if (fl == MP_OBJ_NULL) return fail(mark);
    const odd = mp_binary_op(R.MP_BINARY_OP_AND, fl, MP_OBJ_NEW_SMALL_INT(1));
    if (odd == MP_OBJ_NULL) return fail(mark);
    up = odd != MP_OBJ_NEW_SMALL_INT(0);
  }
  const r = up ? mp_binary_op(R.MP_BINARY_OP_ADD, rounded, mult) : rounded;
  mp_root_release(mark);
  return r;
}

function fail(mark: usize): mp_obj_t {
  mp_root_release(mark);
  return MP_OBJ_NULL;
}

function mp_builtin_sum(n_args: usize, args: usize): mp_obj_t {
  const mark = mp_root_mark();
  const st = mp_root_alloc(6);
  if (st == 0) return mp_raise_recursion_depth();
  store<usize>(st, n_args == 1 ? MP_OBJ_NEW_SMALL_INT(0) : load<usize>(args + 4));
  const it = mp_getiter(load<usize>(args), st + 8);
  if (it == MP_OBJ_NULL) return fail(mark);
  store<usize>(st + 4, it);
  while (true) {
    const item = mp_iternext(it);
    if (item == MP_OBJ_STOP_ITERATION) break;
    if (item == MP_OBJ_NULL) return fail(mark);
    const v = mp_binary_op(R.MP_BINARY_OP_ADD, load<usize>(st), item);
    if (v == MP_OBJ_NULL) return fail(mark);
    store<usize>(st, v);
  }
  const r = load<usize>(st);
  mp_root_release(mark);
  return r;
}

function mp_builtin_sorted(n_args: usize, args: usize, kwargs: usize): mp_obj_t {
  if (n_args > 1) return mp_raise_TypeError("must use keyword argument for key function");
  const mark = mp_root_mark();
  const a = mp_root_alloc(1);
  if (a == 0) return mp_raise_recursion_depth();
  const lst = mp_call_function_n_kw(mp_type_list, 1, 0, args);
  if (lst == MP_OBJ_NULL) return fail(mark);
  store<usize>(a, lst);
  const r = mp_obj_list_sort(1, a, kwargs);
  mp_root_release(mark);
  if (r == MP_OBJ_NULL) return MP_OBJ_NULL;
  return lst;
}

// ---- attributes ----

function mp_builtin_getattr(n_args: usize, args: usize): mp_obj_t {
  const base = load<usize>(args);
  const attr = mp_obj_str_get_qstr_checked(load<usize>(args + 4));
  if (attr == 0) return MP_OBJ_NULL;
  const defval: mp_obj_t = n_args > 2 ? load<usize>(args + 8) : MP_OBJ_NULL;
  const mark = mp_root_mark();
  const dest = mp_root_alloc(2);
  if (dest == 0) return mp_raise_recursion_depth();
  if (defval == MP_OBJ_NULL) {
    if (!mp_load_method(base, attr, dest)) return fail(mark);
  } else if (!mp_load_method_maybe(base, attr, dest)) {
    if (!is_attribute_error(mp_pending_exception())) return fail(mark);
    mp_take_exception();
    store<usize>(dest, MP_OBJ_NULL);
  }
  const d0 = load<usize>(dest);
  const d1 = load<usize>(dest + 4);
  mp_root_release(mark);
  if (d0 == MP_OBJ_NULL) return defval;
  if (d1 == MP_OBJ_NULL) return d0;
  return mp_obj_new_bound_meth(d0, d1);
}

import { mp_obj_new_bound_meth } from "./objboundmeth";

function mp_builtin_setattr(base: mp_obj_t, attr_in: mp_obj_t, value: mp_obj_t): mp_obj_t {
  const attr = mp_obj_str_get_qstr_checked(attr_in);
  if (attr == 0) return MP_OBJ_NULL;
  if (!mp_store_attr(base, attr, value)) return MP_OBJ_NULL;
  return mp_const_none;
}

function mp_builtin_delattr(base: mp_obj_t, attr_in: mp_obj_t): mp_obj_t {
  return mp_builtin_setattr(base, attr_in, MP_OBJ_NULL);
}

function mp_builtin_hasattr(base: mp_obj_t, attr_in: mp_obj_t): mp_obj_t {
  const attr = mp_obj_str_get_qstr_checked(attr_in);
  if (attr == 0) return MP_OBJ_NULL;
  const mark = mp_root_mark();
  const dest = mp_root_alloc(2);
  if (dest == 0) return mp_raise_recursion_depth();
  if (!mp_load_method_maybe(base, attr, dest)) {
    if (!is_attribute_error(mp_pending_exception())) return fail(mark);
    mp_take_exception();
    mp_root_release(mark);
    return mp_const_false;
  }
  const r = load<usize>(dest) != MP_OBJ_NULL;
  mp_root_release(mark);
  return mp_obj_new_bool(r);
}

function mp_builtin_globals(): mp_obj_t {
  return mp_globals_get();
}

function mp_builtin_locals(): mp_obj_t {
  return mp_locals_get();
}

// ---- the function objects ----

const mp_builtin___build_class___obj: usize = memory.data(16, 16);
const mp_builtin_abs_obj: usize = memory.data(16, 16);
const mp_builtin_all_obj: usize = memory.data(16, 16);
const mp_builtin_any_obj: usize = memory.data(16, 16);
const mp_builtin_bin_obj: usize = memory.data(16, 16);
const mp_builtin_callable_obj: usize = memory.data(16, 16);
const mp_builtin_chr_obj: usize = memory.data(16, 16);
const mp_builtin_delattr_obj: usize = memory.data(16, 16);
const mp_builtin_dir_obj: usize = memory.data(16, 16);
const mp_builtin_divmod_obj: usize = memory.data(16, 16);
const mp_builtin_getattr_obj: usize = memory.data(16, 16);
const mp_builtin_setattr_obj: usize = memory.data(16, 16);
const mp_builtin_globals_obj: usize = memory.data(16, 16);
const mp_builtin_hasattr_obj: usize = memory.data(16, 16);
const mp_builtin_hash_obj: usize = memory.data(16, 16);
const mp_builtin_hex_obj: usize = memory.data(16, 16);
const mp_builtin_id_obj: usize = memory.data(16, 16);
const mp_builtin_input_obj: usize = memory.data(16, 16);
const mp_builtin_iter_obj: usize = memory.data(16, 16);
const mp_builtin_len_obj: usize = memory.data(16, 16);
const mp_builtin_locals_obj: usize = memory.data(16, 16);
const mp_builtin_max_obj: usize = memory.data(16, 16);
const mp_builtin_min_obj: usize = memory.data(16, 16);
/** next(iterator[, default]). */
export const mp_builtin_next_obj: usize = memory.data(16, 16);
const mp_builtin_oct_obj: usize = memory.data(16, 16);
const mp_builtin_ord_obj: usize = memory.data(16, 16);
const mp_builtin_pow_obj: usize = memory.data(16, 16);
/** print(*args, sep=' ', end='\n', file=sys.stdout). */
export const mp_builtin_print_obj: usize = memory.data(16, 16);
const mp_builtin___repl_print___obj: usize = memory.data(16, 16);
/** repr(o). */
export const mp_builtin_repr_obj: usize = memory.data(16, 16);
const mp_builtin_round_obj: usize = memory.data(16, 16);
const mp_builtin_sorted_obj: usize = memory.data(16, 16);
const mp_builtin_sum_obj: usize = memory.data(16, 16);

/** Set-up of this file's static objects (functions, the builtins dict); run once by mp_init. */
export function modbuiltins_static_init(): void {
  mp_fun_var_at(mp_builtin___build_class___obj, 2, 0xffff, mp_builtin___build_class__);
  mp_fun_1_at(mp_builtin_abs_obj, mp_builtin_abs);
  mp_fun_1_at(mp_builtin_all_obj, mp_builtin_all);
  mp_fun_1_at(mp_builtin_any_obj, mp_builtin_any);
  mp_fun_1_at(mp_builtin_bin_obj, mp_builtin_bin);
  mp_fun_1_at(mp_builtin_callable_obj, mp_builtin_callable);
  mp_fun_1_at(mp_builtin_chr_obj, mp_builtin_chr);
  mp_fun_2_at(mp_builtin_delattr_obj, mp_builtin_delattr);
  mp_fun_var_at(mp_builtin_dir_obj, 0, 1, mp_builtin_dir);
  mp_fun_2_at(mp_builtin_divmod_obj, mp_builtin_divmod);
  mp_fun_var_at(mp_builtin_getattr_obj, 2, 3, mp_builtin_getattr);
  mp_fun_3_at(mp_builtin_setattr_obj, mp_builtin_setattr);
  mp_fun_0_at(mp_builtin_globals_obj, mp_builtin_globals);
  mp_fun_2_at(mp_builtin_hasattr_obj, mp_builtin_hasattr);
  mp_fun_1_at(mp_builtin_hash_obj, mp_builtin_hash);
  mp_fun_1_at(mp_builtin_hex_obj, mp_builtin_hex);
  mp_fun_1_at(mp_builtin_id_obj, mp_builtin_id);
  mp_fun_var_at(mp_builtin_input_obj, 0, 1, mp_builtin_input);
  mp_fun_1_at(mp_builtin_iter_obj, mp_builtin_iter);
  mp_fun_1_at(mp_builtin_len_obj, mp_builtin_len);
  mp_fun_0_at(mp_builtin_locals_obj, mp_builtin_locals);
  mp_fun_kw_at(mp_builtin_max_obj, 1, mp_builtin_max);
  mp_fun_kw_at(mp_builtin_min_obj, 1, mp_builtin_min);
  mp_fun_var_at(mp_builtin_next_obj, 1, 2, mp_builtin_next);
  mp_fun_1_at(mp_builtin_oct_obj, mp_builtin_oct);
  mp_fun_1_at(mp_builtin_ord_obj, mp_builtin_ord);
  mp_fun_var_at(mp_builtin_pow_obj, 2, 3, mp_builtin_pow);
  mp_fun_kw_at(mp_builtin_print_obj, 0, mp_builtin_print);
  mp_fun_1_at(mp_builtin___repl_print___obj, mp_builtin___repl_print__);
  mp_fun_1_at(mp_builtin_repr_obj, mp_builtin_repr);
  mp_fun_var_at(mp_builtin_round_obj, 1, 2, mp_builtin_round);
  mp_fun_kw_at(mp_builtin_sorted_obj, 1, mp_builtin_sorted);
  mp_fun_var_at(mp_builtin_sum_obj, 1, 2, mp_builtin_sum);

  mp_arg_set(print_args, 0, Q.MP_QSTR_sep, MP_ARG_KW_ONLY | MP_ARG_OBJ, mp_const_none);
  mp_arg_set(print_args, 1, Q.MP_QSTR_end, MP_ARG_KW_ONLY | MP_ARG_OBJ, mp_const_none);
  mp_arg_set(print_args, 2, Q.MP_QSTR_file, MP_ARG_KW_ONLY | MP_ARG_OBJ, mp_const_none);

  const d = mp_module_builtins_globals;
  mp_static_dict_at(d, 120);
  mp_static_dict_add(d, Q.MP_QSTR___name__, MP_OBJ_NEW_QSTR(Q.MP_QSTR_builtins));
  // core functions
  mp_static_dict_add(d, Q.MP_QSTR___build_class__, mp_builtin___build_class___obj);
  mp_static_dict_add(d, Q.MP_QSTR___import__, mp_builtin___import___obj);
  mp_static_dict_add(d, Q.MP_QSTR___repl_print__, mp_builtin___repl_print___obj);
  // types
  mp_static_dict_add(d, Q.MP_QSTR_bool, mp_type_bool);
  mp_static_dict_add(d, Q.MP_QSTR_bytearray, mp_type_bytearray);
  mp_static_dict_add(d, Q.MP_QSTR_bytes, mp_type_bytes);
  mp_static_dict_add(d, Q.MP_QSTR_complex, mp_type_complex);
  mp_static_dict_add(d, Q.MP_QSTR_dict, mp_type_dict);
  mp_static_dict_add(d, Q.MP_QSTR_enumerate, mp_type_enumerate);
  mp_static_dict_add(d, Q.MP_QSTR_filter, mp_type_filter);
  mp_static_dict_add(d, Q.MP_QSTR_float, mp_type_float);
  mp_static_dict_add(d, Q.MP_QSTR_frozenset, mp_type_frozenset);
  mp_static_dict_add(d, Q.MP_QSTR_int, mp_type_int);
  mp_static_dict_add(d, Q.MP_QSTR_list, mp_type_list);
  mp_static_dict_add(d, Q.MP_QSTR_map, mp_type_map);
  mp_static_dict_add(d, Q.MP_QSTR_memoryview, mp_type_memoryview);
  mp_static_dict_add(d, Q.MP_QSTR_object, mp_type_object);
  mp_static_dict_add(d, Q.MP_QSTR_property, mp_type_property);
  mp_static_dict_add(d, Q.MP_QSTR_range, mp_type_range);
  mp_static_dict_add(d, Q.MP_QSTR_reversed, mp_type_reversed);
  mp_static_dict_add(d, Q.MP_QSTR_set, mp_type_set);
  mp_static_dict_add(d, Q.MP_QSTR_slice, mp_type_slice);
  mp_static_dict_add(d, Q.MP_QSTR_str, mp_type_str);
  mp_static_dict_add(d, Q.MP_QSTR_super, mp_type_super);
  mp_static_dict_add(d, Q.MP_QSTR_tuple, mp_type_tuple);
  mp_static_dict_add(d, Q.MP_QSTR_type, mp_type_type);
  mp_static_dict_add(d, Q.MP_QSTR_zip, mp_type_zip);
  mp_static_dict_add(d, Q.MP_QSTR_classmethod, mp_type_classmethod);
  mp_static_dict_add(d, Q.MP_QSTR_staticmethod, mp_type_staticmethod);
  // objects
  mp_static_dict_add(d, Q.MP_QSTR_Ellipsis, mp_const_ellipsis);
  mp_static_dict_add(d, Q.MP_QSTR_NotImplemented, mp_const_notimplemented);
  // functions
  mp_static_dict_add(d, Q.MP_QSTR_abs, mp_builtin_abs_obj);
  mp_static_dict_add(d, Q.MP_QSTR_all, mp_builtin_all_obj);
  mp_static_dict_add(d, Q.MP_QSTR_any, mp_builtin_any_obj);
  mp_static_dict_add(d, Q.MP_QSTR_bin, mp_builtin_bin_obj);
  mp_static_dict_add(d, Q.MP_QSTR_callable, mp_builtin_callable_obj);
  mp_static_dict_add(d, Q.MP_QSTR_chr, mp_builtin_chr_obj);
  mp_static_dict_add(d, Q.MP_QSTR_compile, mp_builtin_compile_obj);
  mp_static_dict_add(d, Q.MP_QSTR_delattr, mp_builtin_delattr_obj);
  mp_static_dict_add(d, Q.MP_QSTR_dir, mp_builtin_dir_obj);
  mp_static_dict_add(d, Q.MP_QSTR_divmod, mp_builtin_divmod_obj);
  mp_static_dict_add(d, Q.MP_QSTR_eval, mp_builtin_eval_obj);
  mp_static_dict_add(d, Q.MP_QSTR_exec, mp_builtin_exec_obj);
  mp_static_dict_add(d, Q.MP_QSTR_execfile, mp_builtin_execfile_obj);
  mp_static_dict_add(d, Q.MP_QSTR_getattr, mp_builtin_getattr_obj);
  mp_static_dict_add(d, Q.MP_QSTR_setattr, mp_builtin_setattr_obj);
  mp_static_dict_add(d, Q.MP_QSTR_globals, mp_builtin_globals_obj);
  mp_static_dict_add(d, Q.MP_QSTR_hasattr, mp_builtin_hasattr_obj);
  mp_static_dict_add(d, Q.MP_QSTR_hash, mp_builtin_hash_obj);
  mp_static_dict_add(d, Q.MP_QSTR_help, mp_builtin_help_obj);
  mp_static_dict_add(d, Q.MP_QSTR_hex, mp_builtin_hex_obj);
  mp_static_dict_add(d, Q.MP_QSTR_id, mp_builtin_id_obj);
  mp_static_dict_add(d, Q.MP_QSTR_input, mp_builtin_input_obj);
  mp_static_dict_add(d, Q.MP_QSTR_isinstance, mp_builtin_isinstance_obj);
  mp_static_dict_add(d, Q.MP_QSTR_issubclass, mp_builtin_issubclass_obj);
  mp_static_dict_add(d, Q.MP_QSTR_iter, mp_builtin_iter_obj);
  mp_static_dict_add(d, Q.MP_QSTR_len, mp_builtin_len_obj);
  mp_static_dict_add(d, Q.MP_QSTR_locals, mp_builtin_locals_obj);
  mp_static_dict_add(d, Q.MP_QSTR_max, mp_builtin_max_obj);
  mp_static_dict_add(d, Q.MP_QSTR_min, mp_builtin_min_obj);
  mp_static_dict_add(d, Q.MP_QSTR_next, mp_builtin_next_obj);
  mp_static_dict_add(d, Q.MP_QSTR_oct, mp_builtin_oct_obj);
  mp_static_dict_add(d, Q.MP_QSTR_open, mp_builtin_open_obj);
  mp_static_dict_add(d, Q.MP_QSTR_ord, mp_builtin_ord_obj);
  mp_static_dict_add(d, Q.MP_QSTR_pow, mp_builtin_pow_obj);
  mp_static_dict_add(d, Q.MP_QSTR_print, mp_builtin_print_obj);
  mp_static_dict_add(d, Q.MP_QSTR_repr, mp_builtin_repr_obj);
  mp_static_dict_add(d, Q.MP_QSTR_round, mp_builtin_round_obj);
  mp_static_dict_add(d, Q.MP_QSTR_sorted, mp_builtin_sorted_obj);
  mp_static_dict_add(d, Q.MP_QSTR_sum, mp_builtin_sum_obj);
  // exceptions
  mp_static_dict_add(d, Q.MP_QSTR_BaseException, mp_type_BaseException);
  mp_static_dict_add(d, Q.MP_QSTR_ArithmeticError, mp_type_ArithmeticError);
  mp_static_dict_add(d, Q.MP_QSTR_AssertionError, mp_type_AssertionError);
  mp_static_dict_add(d, Q.MP_QSTR_AttributeError, mp_type_AttributeError);
  mp_static_dict_add(d, Q.MP_QSTR_EOFError, mp_type_EOFError);
  mp_static_dict_add(d, Q.MP_QSTR_Exception, mp_type_Exception);
  mp_static_dict_add(d, Q.MP_QSTR_GeneratorExit, mp_type_GeneratorExit);
  mp_static_dict_add(d, Q.MP_QSTR_ImportError, mp_type_ImportError);
  mp_static_dict_add(d, Q.MP_QSTR_IndentationError, mp_type_IndentationError);
  mp_static_dict_add(d, Q.MP_QSTR_IndexError, mp_type_IndexError);
  mp_static_dict_add(d, Q.MP_QSTR_KeyboardInterrupt, mp_type_KeyboardInterrupt);
  mp_static_dict_add(d, Q.MP_QSTR_KeyError, mp_type_KeyError);
  mp_static_dict_add(d, Q.MP_QSTR_LookupError, mp_type_LookupError);
  mp_static_dict_add(d, Q.MP_QSTR_MemoryError, mp_type_MemoryError);
  mp_static_dict_add(d, Q.MP_QSTR_NameError, mp_type_NameError);
  mp_static_dict_add(d, Q.MP_QSTR_NotImplementedError, mp_type_NotImplementedError);
  mp_static_dict_add(d, Q.MP_QSTR_OSError, mp_type_OSError);
  mp_static_dict_add(d, Q.MP_QSTR_OverflowError, mp_type_OverflowError);
  mp_static_dict_add(d, Q.MP_QSTR_RuntimeError, mp_type_RuntimeError);
  mp_static_dict_add(d, Q.MP_QSTR_StopAsyncIteration, mp_type_StopAsyncIteration);
  mp_static_dict_add(d, Q.MP_QSTR_StopIteration, mp_type_StopIteration);
  mp_static_dict_add(d, Q.MP_QSTR_SyntaxError, mp_type_SyntaxError);
  mp_static_dict_add(d, Q.MP_QSTR_SystemExit, mp_type_SystemExit);
  mp_static_dict_add(d, Q.MP_QSTR_TypeError, mp_type_TypeError);
  mp_static_dict_add(d, Q.MP_QSTR_UnicodeError, mp_type_UnicodeError);
  mp_static_dict_add(d, Q.MP_QSTR_ValueError, mp_type_ValueError);
  mp_static_dict_add(d, Q.MP_QSTR_ViperTypeError, mp_type_ViperTypeError);
  mp_static_dict_add(d, Q.MP_QSTR_ZeroDivisionError, mp_type_ZeroDivisionError);

  mp_module_static_at(mp_module_builtins, d);
  mp_module_set_builtins_globals(d);
  mp_runtime_set_builtins_dict(builtins_dict);
}
