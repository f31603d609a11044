// Glue between the code emitters and the runtime, as MicroPython's
// emitglue.c/.h: the raw code structure (an uninstantiated function) and the
// module context (a module object plus the constants its bytecode refers to).
//
// mp_raw_code_t (20 bytes, GC heap; static data for frozen code):
//
//   +0  proto_fun_indicator u8[2] = 0, 0   (bytecode never starts with two zero
//                                           bytes, so a proto-fun pointer to raw
//                                           bytecode is told apart from a raw code)
//   +2  kind u8            MP_CODE_*
//   +3  is_generator u8    0 / 1
//   +4  fun_data           pointer: bytecode = prelude + opcodes (MP_CODE_BYTECODE)
//   +8  children           pointer to n_children words, each an mp_raw_code_t
//                          pointer (0 if n_children == 0); MAKE_FUNCTION's
//                          argument indexes this table
//   +12 fun_data_len u32   bytes at fun_data (for .mpy saving)
//   +16 n_children u16
//   +18 prelude_offset u16 (native code only; 0 for bytecode)
//
// mp_module_context_t (16 bytes, GC heap; one per compiled or loaded module):
//
//   +0  base type          mp_type_module     \  an mp_obj_module_t, so the
//   +4  globals            dict object        /  context IS the module object
//   +8  qstr_table         pointer to u16 entries (qstr_short_t); entry 0 is
//                          the source file name. QSTR bytecode arguments and
//                          the prelude's names are indices into this table
//   +12 obj_table          pointer to mp_obj_t words: LOAD_CONST_OBJ's argument
//                          indexes this table (strings too long to intern,
//                          bytes, big ints, floats, constant tuples, ...)
//
// As in MicroPython with MICROPY_EMIT_BYTECODE_USES_QSTR_TABLE, the two tables
// share one allocation: qstr_table first (rounded up to whole words), then
// obj_table (mp_module_context_alloc_tables). Both pointers point at the head
// of that block or inside it: the context's qstr_table word keeps it alive.

import { gc_alloc } from "./gc";
import { mp_obj_t } from "./obj";
import { mp_raise_memory_error } from "./runtime";
import { MP_SCOPE_FLAG_GENERATOR } from "./runtime0";

// mp_raw_code_kind_t
@inline export const MP_CODE_UNUSED: u32 = 0;
@inline export const MP_CODE_RESERVED: u32 = 1;
@inline export const MP_CODE_BYTECODE: u32 = 2;
@inline export const MP_CODE_NATIVE_PY: u32 = 3;
@inline export const MP_CODE_NATIVE_VIPER: u32 = 4;
@inline export const MP_CODE_NATIVE_ASM: u32 = 5;

// Emitter options (scope.emit_options), as emitglue.h.
@inline export const MP_EMIT_OPT_NONE: u32 = 0;
@inline export const MP_EMIT_OPT_BYTECODE: u32 = 1;
@inline export const MP_EMIT_OPT_NATIVE_PYTHON: u32 = 2;
@inline export const MP_EMIT_OPT_VIPER: u32 = 3;
@inline export const MP_EMIT_OPT_ASM: u32 = 4;

// mp_raw_code_t field offsets.
@inline export const RC_kind: usize = 2;
@inline export const RC_is_generator: usize = 3;
@inline export const RC_fun_data: usize = 4;
@inline export const RC_children: usize = 8;
@inline export const RC_fun_data_len: usize = 12;
@inline export const RC_n_children: usize = 16;
@inline export const RC_prelude_offset: usize = 18;
@inline export const MP_RAW_CODE_SIZE: usize = 20;

// mp_module_context_t field offsets.
@inline export const CTX_module_type: usize = 0;
@inline export const CTX_globals: usize = 4;
@inline export const CTX_qstr_table: usize = 8;
@inline export const CTX_obj_table: usize = 12;
@inline export const MP_MODULE_CONTEXT_SIZE: usize = 16;

@inline export function mp_raw_code_kind(rc: usize): u32 {
  return <u32>load<u8>(rc + RC_kind);
}
@inline export function mp_raw_code_is_generator(rc: usize): bool {
  return load<u8>(rc + RC_is_generator) != 0;
}
@inline export function mp_raw_code_fun_data(rc: usize): usize {
  return load<usize>(rc + RC_fun_data);
}
@inline export function mp_raw_code_children(rc: usize): usize {
  return load<usize>(rc + RC_children);
}
@inline export function mp_raw_code_fun_data_len(rc: usize): usize {
  return <usize>load<u32>(rc + RC_fun_data_len);
}
@inline export function mp_raw_code_n_children(rc: usize): usize {
  return <usize>load<u16>(rc + RC_n_children);
}
/** Child `i` of raw code `rc` (the raw code made by MAKE_FUNCTION `i`). */
@inline export function mp_raw_code_child(rc: usize, i: usize): usize {
  return load<usize>(load<usize>(rc + RC_children) + (i << 2));
}

@inline export function mp_context_qstr_table(ctx: usize): usize {
  return load<usize>(ctx + CTX_qstr_table);
}
@inline export function mp_context_obj_table(ctx: usize): usize {
  return load<usize>(ctx + CTX_obj_table);
}
/** The qstr that entry `i` of the context's qstr table names. */
@inline export function mp_context_qstr(ctx: usize, i: usize): usize {
  return <usize>load<u16>(load<usize>(ctx + CTX_qstr_table) + (i << 1));
}
/** Entry `i` of the context's constant-object table. */
@inline export function mp_context_obj(ctx: usize, i: usize): mp_obj_t {
  return load<usize>(load<usize>(ctx + CTX_obj_table) + (i << 2));
}

/** True if `proto_fun` points at bytecode rather than at an mp_raw_code_t (emitglue.h). */
@inline export function mp_proto_fun_is_bytecode(proto_fun: usize): bool {
  return (<u32>load<u8>(proto_fun) | (<u32>load<u8>(proto_fun + 1) << 8)) != 0;
}

/**
 * A new raw code of kind MP_CODE_RESERVED (all other fields zero), or 0 with
 * MemoryError pending. As mp_emit_glue_new_raw_code.
 */
export function mp_emit_glue_new_raw_code(): usize {
  const rc = gc_alloc(MP_RAW_CODE_SIZE, 0);
  if (rc == 0) {
    mp_raise_memory_error(MP_RAW_CODE_SIZE);
    return 0;
  }
  store<u8>(rc + RC_kind, <u8>MP_CODE_RESERVED);
  return rc;
}

/**
 * Makes `rc` a bytecode raw code over `code` (`len` bytes: prelude then
 * opcodes) with `n_children` children at `children`. As
 * mp_emit_glue_assign_bytecode with MICROPY_PERSISTENT_CODE_SAVE.
 */
export function mp_emit_glue_assign_bytecode(
  rc: usize,
  code: usize,
  children: usize,
  len: usize,
  n_children: usize,
  scope_flags: u32,
): void {
  store<u8>(rc + RC_kind, <u8>MP_CODE_BYTECODE);
  store<u8>(rc + RC_is_generator, (scope_flags & MP_SCOPE_FLAG_GENERATOR) != 0 ? 1 : 0);
  store<usize>(rc + RC_fun_data, code);
  store<usize>(rc + RC_children, children);
  store<u32>(rc + RC_fun_data_len, <u32>len);
  store<u16>(rc + RC_n_children, <u16>n_children);
}

/**
 * Makes `rc` native code (a seam for the native emitter, TODO in a later
 * slice): as mp_emit_glue_assign_native without the inline-asm fields.
 */
export function mp_emit_glue_assign_native(
  rc: usize,
  kind: u32,
  fun_data: usize,
  fun_len: usize,
  children: usize,
  n_children: usize,
  prelude_offset: usize,
  scope_flags: u32,
): void {
  store<u8>(rc + RC_kind, <u8>kind);
  store<u8>(rc + RC_is_generator, (scope_flags & MP_SCOPE_FLAG_GENERATOR) != 0 ? 1 : 0);
  store<usize>(rc + RC_fun_data, fun_data);
  store<usize>(rc + RC_children, children);
  store<u32>(rc + RC_fun_data_len, <u32>fun_len);
  store<u16>(rc + RC_n_children, <u16>n_children);
  store<u16>(rc + RC_prelude_offset, <u16>prelude_offset);
}

/**
 * A new module context (module object with no globals yet) and, when
 * n_qstr + n_obj > 0, its constant tables in one block: qstr_table (n_qstr u16
 * entries, rounded up to words) then obj_table (n_obj words). Returns 0 with
 * MemoryError pending. `module_type` is mp_type_module (passed in so this
 * file does not depend on objmodule.ts). As mp_module_context_alloc_tables.
 * The caller roots the result.
 */
export function mp_module_context_new(module_type: usize, n_qstr: usize, n_obj: usize): usize {
  const ctx = gc_alloc(MP_MODULE_CONTEXT_SIZE, 0);
  if (ctx == 0) {
    mp_raise_memory_error(MP_MODULE_CONTEXT_SIZE);
    return 0;
  }
  store<usize>(ctx + CTX_module_type, module_type);
  if (n_qstr + n_obj > 0 && !mp_module_context_alloc_tables(ctx, n_qstr, n_obj)) return 0;
  return ctx;
}

/**
 * Allocates the qstr and obj tables of `ctx` (one block, zeroed) and stores
 * their pointers; returns false with MemoryError pending. `ctx` must be rooted.
 */
export function mp_module_context_alloc_tables(ctx: usize, n_qstr: usize, n_obj: usize): bool {
  const nq = (n_qstr * 2 + 3) >> 2;
  const n = (nq + n_obj) << 2;
  const mem = gc_alloc(n == 0 ? 4 : n, 0);
  if (mem == 0) {
    mp_raise_memory_error(n);
    return false;
  }
  store<usize>(ctx + CTX_qstr_table, mem);
  store<usize>(ctx + CTX_obj_table, mem + (nq << 2));
  return true;
}
