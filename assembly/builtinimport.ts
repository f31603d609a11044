// The import machinery, as MicroPython's builtinimport.c and the built-in
// module registry of objmodule.c: __import__ resolves a dotted name one
// component at a time, each from sys.modules, the built-in modules, or the
// filesystem along sys.path (a directory is a package, with or without an
// __init__.py; a file is <name>.py); relative imports are resolved against
// the importing module's __name__. A module is entered in sys.modules before
// its body runs (so circular imports see the partly made module) and removed
// again if loading fails.
//
// The built-in modules are listed by the generated
// build/genhdr/moduledefs.generated.ts (every `export const mp_module_<name>`
// under assembly/; host/gen/makemoduledefs.ts). Extensible ones (time, io...)
// yield to a <name>.py on sys.path and answer to `u<name>` too.

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_OBJ_NEW_QSTR,
  MP_OBJ_QSTR_VALUE,
  mp_obj_is_qstr,
  mp_obj_is_small_int,
  MP_OBJ_SMALL_INT_VALUE,
  mp_obj_is_obj,
  mp_obj_is_type,
  mp_const_none,
  mp_const_false,
  mp_fun_var_at,
} from "./obj";
import { qstr, qstr_from_strn, qstr_find_strn, qstr_str, qstr_len } from "./qstr";
import { mp_state_get, MPS_loaded_modules, MPS_dict_main } from "./mpstate";
import { mp_root_mark, mp_root_push, mp_root_release, mp_root_alloc } from "./rootstack";
import {
  mp_map_lookup,
  mp_map_is_fixed,
  MP_MAP_LOOKUP,
  MP_MAP_LOOKUP_REMOVE_IF_FOUND,
  MP_MAP_ERROR,
} from "./map";
import { mp_type_dict, mp_obj_dict_get_map, mp_obj_dict_get, mp_obj_dict_store } from "./objdict";
import {
  mp_obj_is_str,
  mp_obj_str_get_data_ptr,
  mp_obj_str_get_len,
  mp_obj_new_str,
  mp_type_bytes,
} from "./objstr";
import { mp_obj_list_len, mp_obj_list_items } from "./objlist";
import {
  mp_type_module,
  mp_obj_new_module,
  mp_obj_module_get_globals,
  mp_module_static_at,
} from "./objmodule";
import {
  mp_raise_msg,
  mp_raise_msg_varg,
  mp_raise_type,
  mp_type_ImportError,
  mp_type_ValueError,
  mp_type_TypeError,
} from "./objexcept";
import {
  mp_globals_get,
  mp_store_attr,
  mp_load_method_maybe,
  mp_call_function_0,
  mp_raise_recursion_depth,
  mp_raise_memory_error,
  mp_runtime_set_import_hook,
} from "./runtime";
import { mp_obj_get_type_qstr } from "./obj";
import { mp_lexer_source_name } from "./lexer";
import { MP_PARSE_FILE_INPUT } from "./parse";
import { mp_parse_compile_execute, mp_call_function_0_in } from "./builtinevex";
import { mp_lexer_new_from_file } from "./reader";
import { mp_sys_path } from "./modsys";
import { mp_vfs_import_stat } from "./extmod/vfs";
import {
  vstr_new_root,
  vstr_add_strn,
  vstr_add_byte,
  vstr_str,
  vstr_len,
  vstr_set_len,
  vstr_had_error,
  vstr_ins_byte,
} from "./vstr";
import { mp_builtin_module_lookup } from "../build/genhdr/moduledefs.generated";
import { mp_raw_code_load_file } from "./persistentcode";
import { MP_COMPILED_MODULE_SIZE, CM_context, CM_rc } from "./compile";
import { mp_module_context_new, CTX_globals, CTX_qstr_table, CTX_obj_table } from "./emitglue";
import { mp_lexer_new_from_str_len } from "./lexer";
import {
  mp_find_frozen_module,
  mp_frozen_found,
  MP_FROZEN_STR,
  MOD_kind,
  MOD_data,
  MOD_data_len,
  FM_qstr_table,
  FM_obj_table,
  FM_proto_fun,
} from "./frozenmod";
import { mp_make_function_from_proto_fun } from "./objfun";
import * as Q from "./genhdr";

// mp_import_stat_t
@inline export const MP_IMPORT_STAT_NO_EXIST: i32 = 0;
@inline export const MP_IMPORT_STAT_DIR: i32 = 1;
@inline export const MP_IMPORT_STAT_FILE: i32 = 2;

// stat_top_level's result when a sys.path entry is not a str
@inline const STAT_ERROR: i32 = -1;

/** The path separator of sys.path entries and packages. */
@inline const PATH_SEP_CHAR: u32 = 47; // '/'

/**
 * What is at the `len` bytes of path at `p` (mp_import_stat): a file, a
 * directory, or nothing, as the filesystem mounted there says
 * (mp_vfs_import_stat; errors count as nothing).
 */
export function mp_import_stat(p: usize, len: usize): i32 {
  return mp_vfs_import_stat(p, len);
}

// ".frozen/": sys.path's name for the frozen modules (MP_FROZEN_PATH_PREFIX)
const frozen_prefix: usize = memory.data<u8>([46, 102, 114, 111, 122, 101, 110, 47]);
@inline const FROZEN_PREFIX_LEN: usize = 8;

// True if the path in `v` starts with ".frozen/".
function is_frozen_path(v: usize): bool {
  if (vstr_len(v) < FROZEN_PREFIX_LEN) return false;
  const p = vstr_str(v);
  for (let i: usize = 0; i < FROZEN_PREFIX_LEN; i++) {
    if (load<u8>(p + i) != load<u8>(frozen_prefix + i)) return false;
  }
  return true;
}

// stat of the path in vstr `v` (stat_path): paths under ".frozen/" are looked
// up among the frozen modules (mp_find_frozen_module), others in the VFS.
function stat_path(v: usize): i32 {
  if (is_frozen_path(v)) {
    return mp_find_frozen_module(vstr_str(v) + FROZEN_PREFIX_LEN, vstr_len(v) - FROZEN_PREFIX_LEN);
  }
  return mp_import_stat(vstr_str(v), vstr_len(v));
}

// A file at the path in `v`, which ends in ".py" (stat_file_py_or_mpy): the
// .py file if it exists, else the .mpy file (`v` then ends in ".mpy"), as
// MicroPython with MICROPY_PERSISTENT_CODE_LOAD.
function stat_file_py_or_mpy(v: usize): i32 {
  const s = stat_path(v);
  if (s == MP_IMPORT_STAT_FILE) return s;
  vstr_ins_byte(v, vstr_len(v) - 2, 109); // ".py" -> ".mpy"
  if (vstr_had_error(v)) return MP_IMPORT_STAT_NO_EXIST;
  if (stat_path(v) == MP_IMPORT_STAT_FILE) return MP_IMPORT_STAT_FILE;
  return MP_IMPORT_STAT_NO_EXIST;
}

// A package directory or module file at the path in `v` (stat_module): on a
// file, ".py" is left appended to `v`.
function stat_module(v: usize): i32 {
  const s = stat_path(v);
  if (s == MP_IMPORT_STAT_DIR) return s;
  vstr_add_strn(v, dot_py, 3);
  return stat_file_py_or_mpy(v);
}

const dot_py: usize = memory.data<u8>([46, 112, 121]); // ".py"
// "/__init__.py"
const init_py: usize = memory.data<u8>([47, 95, 95, 105, 110, 105, 116, 95, 95, 46, 112, 121]);
const dot_main: usize = memory.data<u8>([46, 95, 95, 109, 97, 105, 110, 95, 95]); // ".__main__"

// Searches each sys.path entry for "<entry>/<mod_name>" (stat_top_level);
// on success `dest` holds the path found. STAT_ERROR (TypeError pending) for
// an entry that is not a str.
function stat_top_level(mod_name: qstr, dest: usize): i32 {
  const path = mp_sys_path();
  if (path == 0) return MP_IMPORT_STAT_NO_EXIST;
  const n = mp_obj_list_len(path);
  for (let i: usize = 0; i < n; i++) {
    // sys.path may be changed by nothing here, but read it afresh anyway
    if (i >= mp_obj_list_len(path)) break;
    const entry = load<usize>(mp_obj_list_items(path) + (i << 2));
    vstr_set_len(dest, 0);
    if (!mp_obj_is_str(entry) && !mp_obj_is_type(entry, mp_type_bytes)) {
      str_expected(entry);
      return STAT_ERROR;
    }
    const len = mp_obj_str_get_len(entry);
    if (len > 0) {
      vstr_add_strn(dest, mp_obj_str_get_data_ptr(entry), len);
      vstr_add_byte(dest, PATH_SEP_CHAR);
    }
    vstr_add_strn(dest, qstr_str(mod_name), qstr_len(mod_name));
    if (vstr_had_error(dest)) return MP_IMPORT_STAT_NO_EXIST;
    const s = stat_module(dest);
    if (s != MP_IMPORT_STAT_NO_EXIST) return s;
  }
  return MP_IMPORT_STAT_NO_EXIST;
}

/** `import __main__`: the module of the main script's globals (runtime.c's mp_module___main__). */
export const mp_module___main__: mp_obj_t = memory.data(8, 8);

// The built-in module `module_name` (as mp_module_get_builtin), without
// running its __init__; 0 if there is none.
function builtin_lookup(module_name: qstr, extensible: bool): mp_obj_t {
  let m = mp_builtin_module_lookup(module_name, extensible);
  if (m == 0) {
    if (module_name == Q.MP_QSTR_usys) {
      m = mp_builtin_module_lookup(Q.MP_QSTR_sys, false);
    } else if (!extensible) {
      // `ufoo` forces the built-in `foo` (the old u-prefix convention)
      const s = qstr_str(module_name);
      const len = qstr_len(module_name);
      if (len < 2 || load<u8>(s) != 117) return 0; // 'u'
      const q = qstr_find_strn(s + 1, len - 1);
      if (q == 0) return 0;
      m = mp_builtin_module_lookup(q, true);
    }
    if (m == 0) return 0;
  }
  if (m == mp_module___main__) {
    // the main globals are made at start-up, after the static module
    const main = mp_state_get(MPS_dict_main);
    if (main == 0) return 0;
    mp_module_static_at(mp_module___main__, main);
  }
  return m;
}

/** The __main__ module (its globals are the main script's dict), or MP_OBJ_NULL before mp_init. */
export function mp_module_main(): mp_obj_t {
  return builtin_lookup(Q.MP_QSTR___main__, false);
}

// Calls the __init__ of a built-in module found by an import, if it has one
// (MICROPY_MODULE_BUILTIN_INIT). False with the exception pending.
function builtin_init(m: mp_obj_t): bool {
  const map = mp_obj_dict_get_map(mp_obj_module_get_globals(m));
  const e = mp_map_lookup(map, MP_OBJ_NEW_QSTR(Q.MP_QSTR___init__), MP_MAP_LOOKUP);
  if (e == MP_MAP_ERROR) return false;
  if (e == 0) return true;
  return mp_call_function_0(load<usize>(e + 4)) != MP_OBJ_NULL;
}

/**
 * The built-in module `module_name` among the non-extensible (extensible
 * false) or extensible modules, or MP_OBJ_NULL (mp_module_get_builtin).
 * `usys` is sys; looking for a non-extensible `u<name>` finds the extensible
 * `<name>`. A module with an `__init__` function has it called each time it
 * is found here; if that raises, the result is MP_OBJ_NULL too, with the
 * exception pending.
 */
export function mp_module_get_builtin(module_name: qstr, extensible: bool): mp_obj_t {
  const m = builtin_lookup(module_name, extensible);
  if (m == 0 || !builtin_init(m)) return MP_OBJ_NULL;
  return m;
}

// Runs what `lex` reads as the body of `module_obj` (do_load_from_lexer):
// __file__ is the lexer's source name. False with the exception pending.
function do_load_from_lexer(module_obj: mp_obj_t, lex: usize): bool {
  if (lex == 0) return false;
  const mark = mp_root_mark();
  mp_root_push(lex);
  const source_name = mp_lexer_source_name(lex);
  if (!mp_store_attr(module_obj, Q.MP_QSTR___file__, MP_OBJ_NEW_QSTR(source_name))) {
    mp_root_release(mark);
    return false;
  }
  const g = mp_obj_module_get_globals(module_obj);
  const r = mp_parse_compile_execute(lex, MP_PARSE_FILE_INPUT, g, g);
  mp_root_release(mark);
  return r != MP_OBJ_NULL;
}

// Runs the .mpy file named by `file` as the body of `module_obj`: its
// constants go into a new module context whose globals are the module's
// (do_load with persistent code, then do_execute_proto_fun). False with the
// exception pending.
function do_load_mpy(module_obj: mp_obj_t, file: qstr): bool {
  const mark = mp_root_mark();
  const cm = mp_root_alloc(MP_COMPILED_MODULE_SIZE >> 2);
  if (cm == 0) {
    mp_raise_recursion_depth();
    return false;
  }
  const g = mp_obj_module_get_globals(module_obj);
  const ctx = mp_module_context_new(mp_type_module, 0, 0);
  if (ctx == 0) {
    mp_root_release(mark);
    return false;
  }
  store<usize>(ctx + CTX_globals, g);
  store<usize>(cm + CM_context, ctx);
  if (
    !mp_raw_code_load_file(file, cm) ||
    !mp_store_attr(module_obj, Q.MP_QSTR___file__, MP_OBJ_NEW_QSTR(file))
  ) {
    mp_root_release(mark);
    return false;
  }
  const fun = mp_make_function_from_proto_fun(load<usize>(cm + CM_rc), ctx, 0);
  if (fun == MP_OBJ_NULL) {
    mp_root_release(mark);
    return false;
  }
  mp_root_push(fun);
  const r = mp_call_function_0_in(fun, g, g);
  mp_root_release(mark);
  return r != MP_OBJ_NULL;
}

// Runs the frozen module `entry` (frozenmod.ts) as the body of `module_obj`
// (do_load's frozen branch): frozen source is compiled from the ROM text;
// frozen bytecode runs in place, the module context taking the ROM's qstr
// and obj tables, so only the context, the globals and the function objects
// are allocated. __file__ is the path without ".frozen/", as MicroPython's.
// False with the exception pending.
function do_load_frozen(module_obj: mp_obj_t, entry: usize, file: qstr): bool {
  if (load<u32>(entry + MOD_kind) == MP_FROZEN_STR) {
    return do_load_from_lexer(
      module_obj,
      mp_lexer_new_from_str_len(file, load<usize>(entry + MOD_data), load<usize>(entry + MOD_data_len)),
    );
  }
  return mp_exec_frozen_module_in(module_obj, load<usize>(entry + MOD_data), file);
}

/**
 * Runs the frozen bytecode module `fm` (an mp_frozen_module_t in ROM) in the
 * globals of `module_obj`, storing __file__ = `file` first (MicroPython's
 * do_execute_proto_fun for MP_FROZEN_MPY). False with the exception pending.
 */
export function mp_exec_frozen_module_in(module_obj: mp_obj_t, fm: usize, file: qstr): bool {
  if (!mp_store_attr(module_obj, Q.MP_QSTR___file__, MP_OBJ_NEW_QSTR(file))) return false;
  const g = mp_obj_module_get_globals(module_obj);
  const fun = mp_make_frozen_module_fun(g, fm);
  if (fun == MP_OBJ_NULL) return false;
  const mark = mp_root_mark();
  mp_root_push(fun);
  const r = mp_call_function_0_in(fun, g, g);
  mp_root_release(mark);
  return r != MP_OBJ_NULL;
}

/**
 * The function object of the frozen bytecode module `fm` with globals `g`
 * (a dict): a new module context takes the ROM's qstr and obj tables.
 * MP_OBJ_NULL with the exception pending.
 */
export function mp_make_frozen_module_fun(g: mp_obj_t, fm: usize): mp_obj_t {
  const mark = mp_root_mark();
  mp_root_push(g);
  const ctx = mp_module_context_new(mp_type_module, 0, 0);
  if (ctx == 0) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  store<usize>(ctx + CTX_globals, g);
  store<usize>(ctx + CTX_qstr_table, load<usize>(fm + FM_qstr_table));
  store<usize>(ctx + CTX_obj_table, load<usize>(fm + FM_obj_table));
  mp_root_push(ctx);
  const fun = mp_make_function_from_proto_fun(load<usize>(fm + FM_proto_fun), ctx, 0);
  mp_root_release(mark);
  return fun;
}

// Loads the file at the path in `v` into `module_obj` (do_load): a path
// under ".frozen/" is a frozen module, a path ending in ".mpy" is compiled
// code, anything else source.
function do_load(module_obj: mp_obj_t, v: usize): bool {
  if (is_frozen_path(v) && mp_find_frozen_module(vstr_str(v) + FROZEN_PREFIX_LEN, vstr_len(v) - FROZEN_PREFIX_LEN) == MP_IMPORT_STAT_FILE) {
    const entry = mp_frozen_found;
    const file = qstr_from_strn(vstr_str(v) + FROZEN_PREFIX_LEN, vstr_len(v) - FROZEN_PREFIX_LEN);
    if (file == 0) {
      mp_raise_memory_error(vstr_len(v));
      return false;
    }
    return do_load_frozen(module_obj, entry, file);
  }
  const len = vstr_len(v);
  const q = qstr_from_strn(vstr_str(v), len);
  if (q == 0) {
    mp_raise_memory_error(len);
    return false;
  }
  if (len >= 4 && load<u8>(vstr_str(v) + len - 3) == 109) return do_load_mpy(module_obj, q);
  return do_load_from_lexer(module_obj, mp_lexer_new_from_file(q));
}

// Turns a relative import of `name` (`len` bytes at `p`) `level` dots up
// into an absolute name (evaluate_relative_import); returns its qstr, or 0
// with the exception pending.
function evaluate_relative_import(level: i32, p: usize, len: usize, globals: mp_obj_t): qstr {
  let cur = mp_obj_dict_get(globals, MP_OBJ_NEW_QSTR(Q.MP_QSTR___name__));
  if (cur == MP_OBJ_NULL) return 0;
  if (mp_obj_is_qstr(cur) && MP_OBJ_QSTR_VALUE(cur) == Q.MP_QSTR___main__) {
    // run with -m: the real name is stored under __main__
    cur = mp_obj_dict_get(globals, MP_OBJ_NEW_QSTR(Q.MP_QSTR___main__));
    if (cur == MP_OBJ_NULL) return 0;
  }
  if (!mp_obj_is_str(cur)) {
    mp_raise_msg(mp_type_ImportError, "can't perform relative import");
    return 0;
  }
  // a package (it has __path__) counts one level fewer: the search starts inside it
  const gmap = mp_obj_dict_get_map(globals);
  const pe = mp_map_lookup(gmap, MP_OBJ_NEW_QSTR(Q.MP_QSTR___path__), MP_MAP_LOOKUP);
  if (pe == MP_MAP_ERROR) return 0;
  if (pe != 0) --level;
  const cp = mp_obj_str_get_data_ptr(cur);
  let cl = mp_obj_str_get_len(cur);
  // walk back `level` dots
  while (level != 0 && cl > 0) {
    cl--;
    if (load<u8>(cp + cl) == 46) --level;
  }
  if (cl == 0) {
    mp_raise_msg(mp_type_ImportError, "can't perform relative import");
    return 0;
  }
  const mark = mp_root_mark();
  mp_root_push(cur);
  const v = vstr_new_root(cl + 1 + len);
  if (v == 0) {
    mp_root_release(mark);
    return 0;
  }
  vstr_add_strn(v, cp, cl);
  if (len != 0) {
    vstr_add_byte(v, 46);
    vstr_add_strn(v, p, len);
  }
  if (vstr_had_error(v)) {
    mp_root_release(mark);
    return 0;
  }
  const q = qstr_from_strn(vstr_str(v), vstr_len(v));
  mp_root_release(mark);
  if (q == 0) mp_raise_memory_error(cl + 1 + len);
  return q;
}

// Removes `name` from sys.modules (after a failed load).
function unregister_module(name: qstr): void {
  const loaded = mp_state_get(MPS_loaded_modules);
  if (loaded == 0) return;
  const e = mp_map_lookup(mp_obj_dict_get_map(loaded), MP_OBJ_NEW_QSTR(name), MP_MAP_LOOKUP_REMOVE_IF_FOUND);
  // do not keep the failed module alive through the removed entry
  if (e != 0 && e != MP_MAP_ERROR) store<usize>(e + 4, MP_OBJ_NULL);
}

/**
 * Finds or loads one level of a dotted import (process_import_at_level):
 * `full_mod_name` ("a.b.c") whose last component is `level_mod_name` ("c"),
 * inside package `outer_module_obj` (MP_OBJ_NULL at the top). With
 * `override_main` (-m) a module is run as __main__. Returns the module or
 * MP_OBJ_NULL with the exception pending.
 */
function process_import_at_level(
  full_mod_name: qstr,
  level_mod_name: qstr,
  outer_module_obj: mp_obj_t,
  override_main: bool,
): mp_obj_t {
  // An empty sys.path asks for built-ins only, so sys.modules (which may
  // hold modules loaded from the filesystem) is not consulted.
  const sys_path = mp_sys_path();
  if (sys_path != 0 && mp_obj_list_len(sys_path) != 0) {
    const loaded = mp_state_get(MPS_loaded_modules);
    if (loaded != 0) {
      const key = MP_OBJ_NEW_QSTR(full_mod_name);
      const e = mp_map_lookup(mp_obj_dict_get_map(loaded), key, MP_MAP_LOOKUP);
      if (e == MP_MAP_ERROR) return MP_OBJ_NULL;
      if (e != 0) return load<usize>(e + 4);
    }
  }

  const mark = mp_root_mark();
  const path = vstr_new_root(64);
  if (path == 0) return MP_OBJ_NULL;
  let stat = MP_IMPORT_STAT_NO_EXIST;

  if (outer_module_obj == MP_OBJ_NULL) {
    // a non-extensible built-in (sys, micropython, gc...) always wins
    let m = builtin_lookup(level_mod_name, false);
    if (m != 0) {
      mp_root_release(mark);
      return builtin_init(m) ? m : MP_OBJ_NULL;
    }
    stat = stat_top_level(level_mod_name, path);
    if (stat == STAT_ERROR) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    if (stat == MP_IMPORT_STAT_NO_EXIST) {
      // then an extensible built-in (time, io...)
      m = builtin_lookup(level_mod_name, true);
      if (m != 0) {
        mp_root_release(mark);
        return builtin_init(m) ? m : MP_OBJ_NULL;
      }
    }
  } else {
    // a built-in package: its static globals may hold the submodule
    const og = mp_obj_module_get_globals(outer_module_obj);
    if (mp_map_is_fixed(mp_obj_dict_get_map(og))) {
      const key = MP_OBJ_NEW_QSTR(level_mod_name);
      const e = mp_map_lookup(mp_obj_dict_get_map(og), key, MP_MAP_LOOKUP);
      if (e != 0 && e != MP_MAP_ERROR) {
        const sub = load<usize>(e + 4);
        if (mp_obj_is_obj(sub) && load<usize>(sub) == mp_type_module) {
          mp_root_release(mark);
          return sub;
        }
      }
    }
    // a package has __path__: look for the submodule in it
    const dest = mp_root_alloc(2);
    if (dest == 0) return mp_raise_recursion_depth();
    if (!mp_load_method_maybe(outer_module_obj, Q.MP_QSTR___path__, dest)) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    const pp = load<usize>(dest);
    if (pp != MP_OBJ_NULL && mp_obj_is_str(pp)) {
      vstr_add_strn(path, mp_obj_str_get_data_ptr(pp), mp_obj_str_get_len(pp));
      vstr_add_byte(path, PATH_SEP_CHAR);
      vstr_add_strn(path, qstr_str(level_mod_name), qstr_len(level_mod_name));
      if (vstr_had_error(path)) {
        mp_root_release(mark);
        return MP_OBJ_NULL;
      }
      stat = stat_module(path);
    }
  }

  if (stat == MP_IMPORT_STAT_NO_EXIST) {
    mp_root_release(mark);
    return mp_raise_msg_varg(mp_type_ImportError, "no module named '%q'", full_mod_name);
  }

  // A new, empty module, entered in sys.modules; removed again on failure.
  const module_obj = mp_obj_new_module(full_mod_name);
  if (module_obj == MP_OBJ_NULL) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  mp_root_push(module_obj);

  if (override_main && stat != MP_IMPORT_STAT_DIR) {
    // -m runs a module (not a package) as __main__; its real name stays
    // under __main__ for relative imports
    const g = mp_obj_module_get_globals(module_obj);
    const loaded = mp_state_get(MPS_loaded_modules);
    const main = MP_OBJ_NEW_QSTR(Q.MP_QSTR___main__);
    if (
      mp_obj_dict_store(g, MP_OBJ_NEW_QSTR(Q.MP_QSTR___name__), main) == MP_OBJ_NULL ||
      (loaded != 0 && mp_obj_dict_store(loaded, main, module_obj) == MP_OBJ_NULL) ||
      mp_obj_dict_store(g, main, MP_OBJ_NEW_QSTR(full_mod_name)) == MP_OBJ_NULL
    ) {
      unregister_module(full_mod_name);
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
  }

  let ok = true;
  if (stat == MP_IMPORT_STAT_DIR) {
    // a package: __path__ is its directory; run its __init__.py if any
    const ps = mp_obj_new_str(vstr_str(path), vstr_len(path));
    ok = ps != MP_OBJ_NULL && mp_store_attr(module_obj, Q.MP_QSTR___path__, ps);
    if (ok) {
      const orig_len = vstr_len(path);
      vstr_add_strn(path, init_py, 12);
      if (vstr_had_error(path)) ok = false;
      else if (stat_file_py_or_mpy(path) == MP_IMPORT_STAT_FILE) ok = do_load(module_obj, path);
      vstr_set_len(path, orig_len);
    }
  } else {
    // a file: run "<path>.py"; later components find no __path__ here
    ok = do_load(module_obj, path);
  }

  if (ok && outer_module_obj != MP_OBJ_NULL) {
    // a submodule is an attribute of its package
    ok = mp_store_attr(outer_module_obj, level_mod_name, module_obj);
  }

  if (!ok) {
    unregister_module(full_mod_name);
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  mp_root_release(mark);
  return module_obj;
}

/**
 * __import__(name, globals=None, locals=None, fromlist=None, level=0)
 * (mp_builtin___import___default): imports each component of the dotted
 * `name` (after resolving `level` leading dots against globals' __name__);
 * returns the top-level package, or the last module when `fromlist` is
 * given (not None). A fromlist of False marks the -m module (run as
 * __main__). MP_OBJ_NULL with the exception pending: ImportError "no module
 * named '%q'", "can't perform relative import", ValueError for a bad level
 * or an empty name, or whatever the module's code raised.
 */
export function mp_builtin___import__(n_args: usize, args: usize): mp_obj_t {
  const module_name_obj = load<usize>(args);
  let fromtuple: mp_obj_t = mp_const_none;
  let level: i32 = 0;
  if (n_args >= 4) {
    fromtuple = load<usize>(args + 12);
    if (n_args >= 5) {
      const lv = load<usize>(args + 16);
      level = mp_obj_is_small_int(lv) ? MP_OBJ_SMALL_INT_VALUE(lv) : -1;
      if (level < 0) return mp_raise_type(mp_type_ValueError);
    }
  }
  if (!mp_obj_is_str(module_name_obj)) return str_expected(module_name_obj);
  let name = mp_obj_str_get_data_ptr(module_name_obj);
  let name_len = mp_obj_str_get_len(module_name_obj);

  if (level != 0) {
    let globals = mp_globals_get();
    if (n_args >= 2 && load<usize>(args + 4) != mp_const_none) {
      globals = load<usize>(args + 4);
      if (!mp_obj_is_obj(globals) || load<usize>(globals) != mp_type_dict) {
        return mp_raise_type(mp_type_TypeError);
      }
    }
    const q = evaluate_relative_import(level, name, name_len, globals);
    if (q == 0) return MP_OBJ_NULL;
    name = qstr_str(q);
    name_len = qstr_len(q);
  }

  if (name_len == 0) return mp_raise_type(mp_type_ValueError);

  const mark = mp_root_mark();
  // the name's bytes may be in a heap str: keep it alive
  mp_root_push(module_name_obj);
  const mods = mp_root_alloc(2); // top-level module, outer (parent) module
  if (mods == 0) return mp_raise_recursion_depth();
  let start: usize = 0;
  for (let i: usize = 1; i <= name_len; i++) {
    if (i == name_len || load<u8>(name + i) == 46) {
      const full = qstr_from_strn(name, i);
      if (full == 0) {
        mp_root_release(mark);
        return mp_raise_memory_error(i);
      }
      const lvl = qstr_from_strn(name + start, i - start);
      if (lvl == 0) {
        mp_root_release(mark);
        return mp_raise_memory_error(i - start);
      }
      const override_main = i == name_len && fromtuple == mp_const_false;
      const m = process_import_at_level(full, lvl, load<usize>(mods + 4), override_main);
      if (m == MP_OBJ_NULL) {
        mp_root_release(mark);
        return MP_OBJ_NULL;
      }
      store<usize>(mods + 4, m);
      if (load<usize>(mods) == MP_OBJ_NULL) store<usize>(mods, m);
      start = i + 1;
    }
  }
  const r = fromtuple != mp_const_none ? load<usize>(mods + 4) : load<usize>(mods);
  mp_root_release(mark);
  return r;
}

// TypeError for a name or path that is not a str (mp_obj_str_get_str's message).
function str_expected(o: mp_obj_t): mp_obj_t {
  const t = mp_obj_get_type_qstr(o);
  return mp_raise_msg_varg(mp_type_TypeError, "can't convert '%q' object to %q implicitly", t, Q.MP_QSTR_str);
}

/** __import__ as a built-in function object (builtins.__import__). */
export const mp_builtin___import___obj: usize = memory.data(16, 16);

/**
 * Runs module `len` bytes of name at `p` as __main__, as the unix port's
 * `-m MODULE`: a package runs its `__main__` submodule. Returns the module,
 * or MP_OBJ_NULL with the exception pending.
 */
export function mp_exec_module_str(p: usize, len: usize): mp_obj_t {
  const mark = mp_root_mark();
  const args = mp_root_alloc(4);
  if (args == 0) return mp_raise_recursion_depth();
  const name = mp_obj_new_str(p, len);
  if (name == MP_OBJ_NULL) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  store<usize>(args, name);
  store<usize>(args + 4, mp_const_none);
  store<usize>(args + 8, mp_const_none);
  // False: run the leaf module as __main__ and return it
  store<usize>(args + 12, mp_const_false);
  let mod = mp_builtin___import__(4, args);
  if (mod == MP_OBJ_NULL) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  mp_root_push(mod);
  // a package runs its __main__ submodule
  const dest = mp_root_alloc(2);
  if (dest == 0) return mp_raise_recursion_depth();
  if (!mp_load_method_maybe(mod, Q.MP_QSTR___path__, dest)) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  if (load<usize>(dest) != MP_OBJ_NULL) {
    const v = vstr_new_root(len + 9);
    if (v == 0) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    vstr_add_strn(v, p, len);
    vstr_add_strn(v, dot_main, 9);
    const sub = vstr_had_error(v) ? MP_OBJ_NULL : mp_obj_new_str(vstr_str(v), vstr_len(v));
    if (sub == MP_OBJ_NULL) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    store<usize>(args, sub);
    mod = mp_builtin___import__(4, args);
  }
  mp_root_release(mark);
  return mod;
}

/**
 * A lexer over the file named by qstr `q` (the unix port's do_file):
 * mp_lexer_new_from_file. 0 with OSError or MemoryError pending.
 */
export function mp_lexer_new_from_file_str(q: qstr): usize {
  return mp_lexer_new_from_file(q);
}

/** Set-up of this file's static objects; run once by mp_init. */
export function builtinimport_static_init(): void {
  mp_fun_var_at(mp_builtin___import___obj, 1, 5, mp_builtin___import__);
  mp_runtime_set_import_hook(mp_builtin___import__);
  // globals are set when first imported (the main dict is made at start-up)
  store<usize>(mp_module___main__, mp_type_module);
}
