// compile(), eval(), exec() and execfile(), as MicroPython's builtinevex.c
// (MICROPY_PY_BUILTINS_CODE minimum: a code object is the compiled module
// function, run later with the globals it is given).
//
//   mp_obj_code_t (8 bytes): +0 type (mp_type_code)   +4 module function

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_TYPE_SIZE,
  MP_TYPE_FLAG_NONE,
  mp_const_none,
  mp_obj_is_type,
  mp_obj_is_obj,
  mp_type_setup,
  mp_fun_var_at,
} from "./obj";
import { gc_alloc } from "./gc";
import { qstr } from "./qstr";
import { mp_root_mark, mp_root_push, mp_root_release, mp_root_alloc } from "./rootstack";
import {
  mp_globals_get,
  mp_globals_set,
  mp_locals_get,
  mp_locals_set,
  mp_call_function_0,
  mp_raise_memory_error,
  mp_raise_recursion_depth,
} from "./runtime";
import { mp_raise_ValueError, mp_raise_type, mp_type_TypeError } from "./objexcept";
import { mp_type_dict } from "./objdict";
import { mp_type_fun_bc } from "./objfun";
import { mp_get_buffer_raise } from "./stream";
import { mp_lexer_new_from_str_len, mp_lexer_source_name } from "./lexer";
import { mp_parse, MP_PARSE_SINGLE_INPUT, MP_PARSE_FILE_INPUT, MP_PARSE_EVAL_INPUT } from "./parse";
import { mp_compile } from "./compile";
import { mp_lexer_new_from_file_str } from "./builtinimport";
import { mp_obj_str_get_qstr_checked } from "./modbuiltins";
import * as Q from "./genhdr";

export const mp_type_code: usize = memory.data(<i32>MP_TYPE_SIZE, 16);

/**
 * Parses and compiles what lexer `lex` reads as `input_kind`, then runs it
 * with `globals` and `locals` (dict objects) as the context, restoring the
 * caller's afterwards; with globals 0 returns the module function without
 * running it (mp_parse_compile_execute). MP_OBJ_NULL with the exception
 * pending on error.
 */
export function mp_parse_compile_execute(
  lex: usize,
  input_kind: u32,
  globals: mp_obj_t,
  locals: mp_obj_t,
): mp_obj_t {
  if (lex == 0) return MP_OBJ_NULL;
  const mark = mp_root_mark();
  const old_globals = mp_globals_get();
  const old_locals = mp_locals_get();
  mp_root_push(old_globals);
  mp_root_push(old_locals);
  if (globals != 0) {
    mp_globals_set(globals);
    mp_locals_set(locals);
  }
  let ret: mp_obj_t = MP_OBJ_NULL;
  const source_name = mp_lexer_source_name(lex); // mp_parse frees the lexer
  const tree = mp_parse(lex, input_kind);
  if (tree != 0) {
    const fun = mp_compile(tree, source_name, input_kind == MP_PARSE_SINGLE_INPUT);
    if (fun != MP_OBJ_NULL) {
      if (globals == 0) {
        ret = fun;
      } else {
        mp_root_push(fun);
        ret = mp_call_function_0(fun);
      }
    }
  }
  mp_globals_set(old_globals);
  mp_locals_set(old_locals);
  mp_root_release(mark);
  return ret;
}

/**
 * Calls `fun` with no arguments while `globals` and `locals` are the current
 * dicts, restoring the previous ones afterwards (the core of code_execute and
 * of running a loaded module). The result, or MP_OBJ_NULL with the exception
 * pending.
 */
export function mp_call_function_0_in(fun: mp_obj_t, globals: mp_obj_t, locals: mp_obj_t): mp_obj_t {
  const mark = mp_root_mark();
  const old_globals = mp_globals_get();
  const old_locals = mp_locals_get();
  mp_root_push(old_globals);
  mp_root_push(old_locals);
  mp_globals_set(globals);
  mp_locals_set(locals);
  const ret = mp_call_function_0(fun);
  mp_globals_set(old_globals);
  mp_locals_set(old_locals);
  mp_root_release(mark);
  return ret;
}

// Runs code object `code` with the given context (code_execute).
function code_execute(code: mp_obj_t, globals: mp_obj_t, locals: mp_obj_t): mp_obj_t {
  const fun = load<usize>(code + 4);
  if (mp_obj_is_type(fun, mp_type_fun_bc)) {
    // the module context's globals (+4 of the context) become the given ones
    const ctx = load<usize>(fun + 4);
    if (ctx != 0) store<usize>(ctx + 4, globals);
  }
  return mp_call_function_0_in(fun, globals, locals);
}

// The source of args[0] (str, bytes or any buffer) as a lexer named `name`.
function lexer_from_source(src: mp_obj_t, name: qstr): usize {
  const mark = mp_root_mark();
  const buf = mp_root_alloc(3);
  if (buf == 0) {
    mp_raise_recursion_depth();
    return 0;
  }
  if (!mp_get_buffer_raise(src, buf, 1)) {
    mp_root_release(mark);
    return 0;
  }
  const lex = mp_lexer_new_from_str_len(name, load<usize>(buf), load<usize>(buf + 4));
  mp_root_release(mark);
  return lex;
}

// compile(source, filename, mode[, flags, dont_inherit, optimize])
function mp_builtin_compile(n_args: usize, args: usize): mp_obj_t {
  const mark = mp_root_mark();
  mp_root_push(load<usize>(args));
  const filename = mp_obj_str_get_qstr_checked(load<usize>(args + 4));
  if (filename == 0) return fail(mark);
  const mode = mp_obj_str_get_qstr_checked(load<usize>(args + 8));
  if (mode == 0) return fail(mark);
  let kind: u32;
  if (mode == Q.MP_QSTR_single) kind = MP_PARSE_SINGLE_INPUT;
  else if (mode == Q.MP_QSTR_exec) kind = MP_PARSE_FILE_INPUT;
  else if (mode == Q.MP_QSTR_eval) kind = MP_PARSE_EVAL_INPUT;
  else {
    mp_root_release(mark);
    return mp_raise_ValueError("bad compile mode");
  }
  const lex = lexer_from_source(load<usize>(args), filename);
  if (lex == 0) return fail(mark);
  const fun = mp_parse_compile_execute(lex, kind, 0, 0);
  if (fun == MP_OBJ_NULL) return fail(mark);
  mp_root_push(fun);
  const o = gc_alloc(8, 0);
  mp_root_release(mark);
  if (o == 0) return mp_raise_memory_error(8);
  store<usize>(o, mp_type_code);
  store<usize>(o + 4, fun);
  return o;
}

function fail(mark: usize): mp_obj_t {
  mp_root_release(mark);
  return MP_OBJ_NULL;
}

// The shared part of eval(), exec() and execfile(); `execfile` reads the
// file named by args[0].
function eval_exec_helper(n_args: usize, args: usize, input_kind: u32, execfile: bool): mp_obj_t {
  let globals = mp_globals_get();
  let locals = mp_locals_get();
  for (let i: usize = 1; i < 3 && i < n_args; i++) {
    const a = load<usize>(args + i * 4);
    if (a != mp_const_none) {
      if (!mp_obj_is_type(a, mp_type_dict)) return mp_raise_type(mp_type_TypeError);
      locals = a;
      if (i == 1) globals = a;
    }
  }
  const src = load<usize>(args);
  if (mp_obj_is_type(src, mp_type_code)) return code_execute(src, globals, locals);
  let lex: usize;
  if (execfile) {
    const q = mp_obj_str_get_qstr_checked(src);
    if (q == 0) return MP_OBJ_NULL;
    lex = lexer_from_file(q);
  } else {
    lex = lexer_from_source(src, Q.MP_QSTR__lt_string_gt_);
  }
  if (lex == 0) return MP_OBJ_NULL;
  return mp_parse_compile_execute(lex, input_kind, globals, locals);
}

// A lexer over the file `name` (execfile); 0 with OSError pending.
function lexer_from_file(name: qstr): usize {
  return mp_lexer_new_from_file_str(name);
}

function mp_builtin_eval(n_args: usize, args: usize): mp_obj_t {
  return eval_exec_helper(n_args, args, MP_PARSE_EVAL_INPUT, false);
}

function mp_builtin_exec(n_args: usize, args: usize): mp_obj_t {
  return eval_exec_helper(n_args, args, MP_PARSE_FILE_INPUT, false);
}

function mp_builtin_execfile(n_args: usize, args: usize): mp_obj_t {
  return eval_exec_helper(n_args, args, MP_PARSE_FILE_INPUT, true);
}

/** compile(source, filename, mode). */
export const mp_builtin_compile_obj: usize = memory.data(16, 16);
/** eval(source[, globals[, locals]]). */
export const mp_builtin_eval_obj: usize = memory.data(16, 16);
/** exec(source[, globals[, locals]]). */
export const mp_builtin_exec_obj: usize = memory.data(16, 16);
/** execfile(filename[, globals[, locals]]). */
export const mp_builtin_execfile_obj: usize = memory.data(16, 16);

/** Set-up of this file's static objects (types, methods); run once by mp_init. */
export function builtinevex_static_init(): void {
  mp_type_setup(mp_type_code, Q.MP_QSTR_code, MP_TYPE_FLAG_NONE, 0);
  mp_fun_var_at(mp_builtin_compile_obj, 3, 6, mp_builtin_compile);
  mp_fun_var_at(mp_builtin_eval_obj, 1, 3, mp_builtin_eval);
  mp_fun_var_at(mp_builtin_exec_obj, 1, 3, mp_builtin_exec);
  mp_fun_var_at(mp_builtin_execfile_obj, 1, 3, mp_builtin_execfile);
}
