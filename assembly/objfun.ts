// Function objects, as MicroPython's objfun.c and the function-making half of
// emitglue.c: built-in functions (their call slots), bytecode functions
// (mp_type_fun_bc) and their argument setup entry points.
//
//   mp_obj_fun_bc_t (16 + 4*n_extra bytes):
//     +0  type (mp_type_fun_bc, or mp_type_gen_wrap for generator functions)
//     +4  context     mp_module_context_t (module globals + constant tables)
//     +8  child_table raw codes of the nested functions (MAKE_FUNCTION's index)
//     +12 bytecode    prelude then opcodes
//     +16 extra_args  default positional args, then the default kw-only dict if any
//
// Built-in function objects (obj.ts): +4 table index, +8 n_args_min |
// takes_kw << 31, +12 n_args_max (var kind only).

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_TYPE_SIZE,
  MP_TYPE_FLAG_BINDS_SELF,
  MP_TYPE_FLAG_BUILTIN_FUN,
  MP_OBJ_NEW_QSTR,
  MP_FUN_TAKES_KW,
  mp_type_setup,
  mp_type_set_call,
  mp_type_set_print,
  mp_type_set_attr,
  mp_type_fun_builtin_0,
  mp_type_fun_builtin_1,
  mp_type_fun_builtin_2,
  mp_type_fun_builtin_3,
  mp_type_fun_builtin_var,
  mp_obj_is_obj,
  mp_obj_is_type,
} from "./obj";
import { gc_alloc } from "./gc";
import { mp_print_str, mp_print_hex, mp_print_strn } from "./mpprint";
import { qstr, qstr_str, qstr_len } from "./qstr";
import { mp_raise_memory_error } from "./runtime";
import { mp_root_mark, mp_root_push, mp_root_release } from "./rootstack";
import { mp_obj_tuple_len, mp_type_tuple } from "./objtuple";
import { mp_type_dict } from "./objdict";
import { mp_arg_check_num, mp_arg_check_num_var, mp_map_fixed_from_kw } from "./argcheck";
import {
  mp_raw_code_kind,
  mp_raw_code_is_generator,
  mp_raw_code_fun_data,
  mp_raw_code_children,
  mp_proto_fun_is_bytecode,
  mp_context_qstr,
  CTX_globals,
  MP_CODE_BYTECODE,
} from "./emitglue";
import {
  mp_bc_prelude_sig_decode,
  mp_bc_prelude_size_decode,
  mp_decode_uint_value,
  bc_scope_flags,
  bc_n_def_pos_args,
} from "./bc";
import { MP_SCOPE_FLAG_GENERATOR, MP_SCOPE_FLAG_DEFKWARGS } from "./runtime0";
import { mp_raise_NotImplementedError, mp_raise_msg, mp_type_RuntimeError } from "./objexcept";
import { MP_QSTR_function, MP_QSTR___name__, MP_QSTR___globals__ } from "./genhdr";

// ---- built-in functions ----


function fun_builtin_0_call(self: mp_obj_t, n_args: usize, n_kw: usize, args: usize): mp_obj_t {
  if (!mp_arg_check_num(n_args, n_kw, 0, 0, false)) return MP_OBJ_NULL;
  return call_indirect<usize>(load<u32>(self + 4));
}

function fun_builtin_1_call(self: mp_obj_t, n_args: usize, n_kw: usize, args: usize): mp_obj_t {
  if (!mp_arg_check_num(n_args, n_kw, 1, 1, false)) return MP_OBJ_NULL;
  return call_indirect<usize>(load<u32>(self + 4), load<usize>(args));
}

function fun_builtin_2_call(self: mp_obj_t, n_args: usize, n_kw: usize, args: usize): mp_obj_t {
  if (!mp_arg_check_num(n_args, n_kw, 2, 2, false)) return MP_OBJ_NULL;
  return call_indirect<usize>(load<u32>(self + 4), load<usize>(args), load<usize>(args + 4));
}

function fun_builtin_3_call(self: mp_obj_t, n_args: usize, n_kw: usize, args: usize): mp_obj_t {
  if (!mp_arg_check_num(n_args, n_kw, 3, 3, false)) return MP_OBJ_NULL;
  return call_indirect<usize>(
    load<u32>(self + 4),
    load<usize>(args),
    load<usize>(args + 4),
    load<usize>(args + 8),
  );
}

function fun_builtin_var_call(self: mp_obj_t, n_args: usize, n_kw: usize, args: usize): mp_obj_t {
  const sig = load<u32>(self + 8);
  const takes_kw = (sig & MP_FUN_TAKES_KW) != 0;
  const min = <usize>(sig & ~MP_FUN_TAKES_KW);
  const max = <usize>load<u32>(self + 12);
  if (!mp_arg_check_num_var(n_args, n_kw, min, max, takes_kw)) return MP_OBJ_NULL;
  if (takes_kw) {
    // the kw pairs after the positional args become a fixed map (on the root stack)
    const mark = mp_root_mark();
    const map = mp_map_fixed_from_kw(n_kw, args + (n_args << 2));
    if (map == 0) {
      mp_root_release(mark);
      return mp_raise_memory_error(n_kw << 3);
    }
    const r = call_indirect<usize>(load<u32>(self + 4), n_args, args, map);
    mp_root_release(mark);
    return r;
  }
  return call_indirect<usize>(load<u32>(self + 4), n_args, args);
}

// ---- bytecode functions ----

export const mp_type_fun_bc: usize = memory.data(<i32>MP_TYPE_SIZE, 16);
// the call slot is set in vm.ts (fun_bc_call runs the VM)

@inline export const FUN_BC_context: usize = 4;
@inline export const FUN_BC_child_table: usize = 8;
@inline export const FUN_BC_bytecode: usize = 12;
@inline export const FUN_BC_extra_args: usize = 16;

/** The name of bytecode function `f` (its prelude's simple_name), as mp_obj_fun_bc_get_name. */
export function mp_obj_fun_bc_get_name(f: mp_obj_t): qstr {
  let bc = load<usize>(f + FUN_BC_bytecode);
  bc = mp_bc_prelude_sig_decode(bc);
  bc = mp_bc_prelude_size_decode(bc);
  const idx = mp_decode_uint_value(bc);
  return mp_context_qstr(load<usize>(f + FUN_BC_context), idx);
}

function fun_bc_print(print: usize, o: mp_obj_t, kind: u32): bool {
  const q = mp_obj_fun_bc_get_name(o);
  mp_print_str(print, "<function ");
  mp_print_strn(print, qstr_str(q), qstr_len(q));
  mp_print_str(print, " at 0x");
  mp_print_hex(print, <u32>o);
  mp_print_str(print, ">");
  return true;
}

/** attr slot of bytecode functions and generator functions: __name__, __globals__ (mp_obj_fun_bc_attr). */
export function mp_obj_fun_bc_attr(self: mp_obj_t, attr: qstr, dest: usize): bool {
  if (load<usize>(dest) != MP_OBJ_NULL) return true; // store/delete: not supported
  if (attr == MP_QSTR___name__) {
    store<usize>(dest, MP_OBJ_NEW_QSTR(mp_obj_fun_bc_get_name(self)));
  } else if (attr == MP_QSTR___globals__) {
    store<usize>(dest, load<usize>(load<usize>(self + FUN_BC_context) + CTX_globals));
  }
  return true;
}

/**
 * A new bytecode function over `code` in `context`, with nested raw codes
 * `child_table`. `def_args` is 0 or points at two words: a tuple of default
 * positional args (or MP_OBJ_NULL) and a dict of default kw-only args (or
 * MP_OBJ_NULL); it must be rooted (the VM stack). MP_OBJ_NULL on MemoryError
 * (mp_obj_new_fun_bc).
 */
export function mp_obj_new_fun_bc(def_args: usize, code: usize, context: usize, child_table: usize): mp_obj_t {
  let n_def: usize = 0;
  let n_extra: usize = 0;
  let def_pos: mp_obj_t = MP_OBJ_NULL;
  let def_kw: mp_obj_t = MP_OBJ_NULL;
  if (def_args != 0) {
    def_pos = load<usize>(def_args);
    def_kw = load<usize>(def_args + 4);
    if (def_pos != MP_OBJ_NULL) {
      n_def = mp_obj_tuple_len(def_pos);
      n_extra = n_def;
    }
    if (def_kw != MP_OBJ_NULL) n_extra += 1;
  }
  const o = gc_alloc(FUN_BC_extra_args + (n_extra << 2), 0);
  if (o == 0) return mp_raise_memory_error(FUN_BC_extra_args + (n_extra << 2));
  store<usize>(o, mp_type_fun_bc);
  store<usize>(o + FUN_BC_context, context);
  store<usize>(o + FUN_BC_child_table, child_table);
  store<usize>(o + FUN_BC_bytecode, code);
  if (n_def != 0) memory.copy(o + FUN_BC_extra_args, def_pos + 8, n_def << 2);
  if (def_kw != MP_OBJ_NULL) store<usize>(o + FUN_BC_extra_args + (n_def << 2), def_kw);
  return o;
}

import { mp_type_gen_wrap } from "./objgenerator";

// True if the defaults given to MAKE_FUNCTION(_DEFARGS) (`def_args`: 0, or
// the (positional tuple or NULL, keyword dict or NULL) pair) are what the
// prelude of `fun_data` says the calls will read: a tuple of exactly
// n_def_pos_args items, and a dict exactly when MP_SCOPE_FLAG_DEFKWARGS is set.
// Compiled code always agrees; a corrupted .mpy may not, and the VM would
// then read defaults past the function object.
function def_args_match(fun_data: usize, def_args: usize): bool {
  mp_bc_prelude_sig_decode(fun_data);
  let n_def: u32 = 0;
  let have_kw = false;
  if (def_args != 0) {
    const pos = load<usize>(def_args);
    const kw = load<usize>(def_args + 4);
    if (pos != MP_OBJ_NULL) {
      if (!mp_obj_is_type(pos, mp_type_tuple)) return false;
      n_def = <u32>mp_obj_tuple_len(pos);
    }
    if (kw != MP_OBJ_NULL) {
      if (!mp_obj_is_type(kw, mp_type_dict)) return false;
      have_kw = true;
    }
  }
  return n_def == bc_n_def_pos_args && have_kw == ((bc_scope_flags & MP_SCOPE_FLAG_DEFKWARGS) != 0);
}

/**
 * Instantiates a proto-function (a raw code, or a pointer to bytecode for
 * frozen code) as a function object in `context`, with `def_args` as for
 * mp_obj_new_fun_bc (0 if none). Generator functions get mp_type_gen_wrap.
 * MP_OBJ_NULL with an exception pending on failure. As emitglue.c's
 * mp_make_function_from_proto_fun.
 */
export function mp_make_function_from_proto_fun(proto_fun: usize, context: usize, def_args: usize): mp_obj_t {
  let fun: mp_obj_t;
  let is_gen: bool;
  if (!mp_proto_fun_is_bytecode(proto_fun) && mp_raw_code_kind(proto_fun) != MP_CODE_BYTECODE) {
    // TODO(native): native and viper raw codes are made by nativeglue.ts
    return mp_raise_NotImplementedError("native code");
  }
  if (!def_args_match(mp_proto_fun_is_bytecode(proto_fun) ? proto_fun : mp_raw_code_fun_data(proto_fun), def_args)) {
    return mp_raise_msg(mp_type_RuntimeError, "corrupted bytecode");
  }
  if (mp_proto_fun_is_bytecode(proto_fun)) {
    fun = mp_obj_new_fun_bc(def_args, proto_fun, context, 0);
    if (fun == MP_OBJ_NULL) return MP_OBJ_NULL;
    mp_bc_prelude_sig_decode(proto_fun);
    is_gen = (bc_scope_flags & MP_SCOPE_FLAG_GENERATOR) != 0;
  } else {
    fun = mp_obj_new_fun_bc(def_args, mp_raw_code_fun_data(proto_fun), context, mp_raw_code_children(proto_fun));
    if (fun == MP_OBJ_NULL) return MP_OBJ_NULL;
    is_gen = mp_raw_code_is_generator(proto_fun);
  }
  if (is_gen) store<usize>(fun, mp_type_gen_wrap);
  return fun;
}

/**
 * MAKE_CLOSURE: a function from `proto_fun` wrapped in a closure over
 * `n_closed_over & 0xff` cells. With bit 0x100 set, `args` starts with the
 * default-args pair, then the cells; otherwise it holds just the cells.
 * As emitglue.c's mp_make_closure_from_proto_fun.
 */
export function mp_make_closure_from_proto_fun(
  proto_fun: usize,
  context: usize,
  n_closed_over: usize,
  args: usize,
): mp_obj_t {
  const ffun = mp_make_function_from_proto_fun(proto_fun, context, (n_closed_over & 0x100) != 0 ? args : 0);
  if (ffun == MP_OBJ_NULL) return MP_OBJ_NULL;
  const mark = mp_root_mark();
  mp_root_push(ffun);
  const r = mp_obj_new_closure(ffun, n_closed_over & 0xff, args + (((n_closed_over >> 7) & 2) << 2));
  mp_root_release(mark);
  return r;
}

import { mp_obj_new_closure } from "./objclosure";

/** True if `o` is a bytecode function object (not a generator function). */
@inline export function mp_obj_is_fun_bc(o: mp_obj_t): bool {
  return mp_obj_is_obj(o) && load<usize>(o) == mp_type_fun_bc;
}

/** Set-up of this file's static objects (types, methods); run once by mp_init. */
export function objfun_static_init(): void {
  mp_type_setup(mp_type_fun_builtin_0, MP_QSTR_function, MP_TYPE_FLAG_BINDS_SELF | MP_TYPE_FLAG_BUILTIN_FUN, 0);
  mp_type_setup(mp_type_fun_builtin_1, MP_QSTR_function, MP_TYPE_FLAG_BINDS_SELF | MP_TYPE_FLAG_BUILTIN_FUN, 0);
  mp_type_setup(mp_type_fun_builtin_2, MP_QSTR_function, MP_TYPE_FLAG_BINDS_SELF | MP_TYPE_FLAG_BUILTIN_FUN, 0);
  mp_type_setup(mp_type_fun_builtin_3, MP_QSTR_function, MP_TYPE_FLAG_BINDS_SELF | MP_TYPE_FLAG_BUILTIN_FUN, 0);
  mp_type_setup(mp_type_fun_builtin_var, MP_QSTR_function, MP_TYPE_FLAG_BINDS_SELF | MP_TYPE_FLAG_BUILTIN_FUN, 0);
  mp_type_set_call(mp_type_fun_builtin_0, fun_builtin_0_call);
  mp_type_set_call(mp_type_fun_builtin_1, fun_builtin_1_call);
  mp_type_set_call(mp_type_fun_builtin_2, fun_builtin_2_call);
  mp_type_set_call(mp_type_fun_builtin_3, fun_builtin_3_call);
  mp_type_set_call(mp_type_fun_builtin_var, fun_builtin_var_call);
  mp_type_setup(mp_type_fun_bc, MP_QSTR_function, MP_TYPE_FLAG_BINDS_SELF, 0);
  mp_type_set_print(mp_type_fun_bc, fun_bc_print);
  mp_type_set_attr(mp_type_fun_bc, mp_obj_fun_bc_attr);
}
