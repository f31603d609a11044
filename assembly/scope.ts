// Scopes of the compiler, as MicroPython's scope.c/.h: one per module, class,
// function, lambda and comprehension, with the identifiers each one uses and
// how they resolve (local, cell, free, global).
//
// scope_t (48 bytes, GC heap; linked from the compiler so it stays rooted):
//
//   +0  parent       scope_t of the enclosing code (0 for the module)
//   +4  next         next scope in compile order (the compiler's list)
//   +8  pn           parse node of the definition (funcdef, classdef, ...)
//   +12 raw_code     mp_raw_code_t this scope compiles to
//   +16 id_info      pointer to id_info_alloc id_info_t entries
//   +20 kind u16     SCOPE_*
//   +22 simple_name  u16 qstr
//   +24 scope_flags  u16 MP_SCOPE_FLAG_*
//   +26 emit_options u16 MP_EMIT_OPT_*
//   +28 num_pos_args, +30 num_kwonly_args, +32 num_def_pos_args, +34 num_locals  (u16)
//   +36 stack_size, +38 exc_stack_size, +40 id_info_alloc, +42 id_info_len       (u16)
//   +44 raw_code_data_len u32
//
// id_info_t (8 bytes): +0 kind u8, +1 flags u8, +2 local_num u16, +4 qst u32

import { gc_alloc, gc_realloc } from "./gc";
import { qstr } from "./qstr";
import { mp_raise_memory_error } from "./runtime";
import { mp_emit_glue_new_raw_code } from "./emitglue";
import { mp_root_mark, mp_root_push, mp_root_release } from "./rootstack";
import {
  MP_QSTR__lt_module_gt_,
  MP_QSTR__lt_lambda_gt_,
  MP_QSTR__lt_listcomp_gt_,
  MP_QSTR__lt_dictcomp_gt_,
  MP_QSTR__lt_setcomp_gt_,
  MP_QSTR__lt_genexpr_gt_,
} from "./genhdr";

// id_info_kind_t
@inline export const ID_INFO_KIND_UNDECIDED: u32 = 0;
@inline export const ID_INFO_KIND_GLOBAL_IMPLICIT: u32 = 1;
@inline export const ID_INFO_KIND_GLOBAL_IMPLICIT_ASSIGNED: u32 = 2;
@inline export const ID_INFO_KIND_GLOBAL_EXPLICIT: u32 = 3;
@inline export const ID_INFO_KIND_LOCAL: u32 = 4; // in a function f, written and only referenced by f
@inline export const ID_INFO_KIND_CELL: u32 = 5; // in a function f, read/written by children of f
@inline export const ID_INFO_KIND_FREE: u32 = 6; // in a function f, belongs to the parent of f

// id_info_t flags
@inline export const ID_FLAG_IS_PARAM: u32 = 0x01;
@inline export const ID_FLAG_IS_STAR_PARAM: u32 = 0x02;
@inline export const ID_FLAG_IS_DBL_STAR_PARAM: u32 = 0x04;
@inline export const ID_FLAG_VIPER_TYPE_POS: u32 = 4;

// scope_kind_t
@inline export const SCOPE_MODULE: u32 = 0;
@inline export const SCOPE_CLASS: u32 = 1;
@inline export const SCOPE_LAMBDA: u32 = 2;
@inline export const SCOPE_LIST_COMP: u32 = 3;
@inline export const SCOPE_DICT_COMP: u32 = 4;
@inline export const SCOPE_SET_COMP: u32 = 5;
@inline export const SCOPE_GEN_EXPR: u32 = 6;
@inline export const SCOPE_FUNCTION: u32 = 7;

@inline export function SCOPE_IS_FUNC_LIKE(k: u32): bool {
  return k >= SCOPE_LAMBDA;
}
@inline export function SCOPE_IS_COMP_LIKE(k: u32): bool {
  return SCOPE_LIST_COMP <= k && k <= SCOPE_GEN_EXPR;
}

/** First size of a scope's identifier table (MICROPY_ALLOC_SCOPE_ID_INIT). */
@inline const MICROPY_ALLOC_SCOPE_ID_INIT: usize = 4;
/** Growth of a scope's identifier table (MICROPY_ALLOC_SCOPE_ID_INC). */
@inline const MICROPY_ALLOC_SCOPE_ID_INC: usize = 6;

@unmanaged
export class id_info_t {
  kind: u8;
  flags: u8;
  local_num: u16;
  qst: u32;
}
@inline export const ID_INFO_SIZE: usize = 8;

@unmanaged
export class scope_t {
  parent: usize;
  next: usize;
  pn: usize;
  raw_code: usize;
  id_info: usize;
  kind: u16;
  simple_name: u16;
  scope_flags: u16;
  emit_options: u16;
  num_pos_args: u16;
  num_kwonly_args: u16;
  num_def_pos_args: u16;
  num_locals: u16;
  stack_size: u16;
  exc_stack_size: u16;
  id_info_alloc: u16;
  id_info_len: u16;
  raw_code_data_len: u32;
}
@inline export const SCOPE_SIZE: usize = 48;

/** Entry `i` of the identifier table of `scope`. */
@inline export function scope_id(scope: scope_t, i: usize): id_info_t {
  return changetype<id_info_t>(scope.id_info + i * ID_INFO_SIZE);
}

function scope_simple_name(kind: u32): qstr {
  switch (kind) {
    case SCOPE_MODULE:
      return MP_QSTR__lt_module_gt_;
    case SCOPE_LAMBDA:
      return MP_QSTR__lt_lambda_gt_;
    case SCOPE_LIST_COMP:
      return MP_QSTR__lt_listcomp_gt_;
    case SCOPE_DICT_COMP:
      return MP_QSTR__lt_dictcomp_gt_;
    case SCOPE_SET_COMP:
      return MP_QSTR__lt_setcomp_gt_;
    default:
      return MP_QSTR__lt_genexpr_gt_;
  }
}

/**
 * A new scope of `kind` for parse node `pn` (for functions and classes its
 * name is the struct's first node), with a fresh raw code and an empty
 * identifier table. Returns 0 with MemoryError pending. The caller links it
 * into a rooted list at once. As scope_new.
 */
export function scope_new(kind: u32, pn: usize, emit_options: u32): scope_t {
  const p = gc_alloc(SCOPE_SIZE, 0);
  if (p == 0) {
    mp_raise_memory_error(SCOPE_SIZE);
    return changetype<scope_t>(0);
  }
  const mark = mp_root_mark();
  mp_root_push(p);
  const scope = changetype<scope_t>(p);
  scope.kind = <u16>kind;
  scope.pn = pn;
  if (kind == SCOPE_FUNCTION || kind == SCOPE_CLASS) {
    // the name is an identifier leaf: qstr in bits 4 and up
    scope.simple_name = <u16>(load<usize>(pn + 8) >> 4);
  } else {
    scope.simple_name = <u16>scope_simple_name(kind);
  }
  scope.emit_options = <u16>emit_options;
  const rc = mp_emit_glue_new_raw_code();
  if (rc == 0) {
    mp_root_release(mark);
    return changetype<scope_t>(0);
  }
  scope.raw_code = rc;
  const ids = gc_alloc(MICROPY_ALLOC_SCOPE_ID_INIT * ID_INFO_SIZE, 0);
  mp_root_release(mark);
  if (ids == 0) {
    mp_raise_memory_error(MICROPY_ALLOC_SCOPE_ID_INIT * ID_INFO_SIZE);
    return changetype<scope_t>(0);
  }
  scope.id_info = ids;
  scope.id_info_alloc = <u16>MICROPY_ALLOC_SCOPE_ID_INIT;
  return scope;
}

/** The identifier `qst` of `scope`, or null. As scope_find. */
export function scope_find(scope: scope_t, qst: qstr): id_info_t | null {
  const n = <usize>scope.id_info_len;
  for (let i: usize = 0; i < n; i++) {
    const id = scope_id(scope, i);
    if (<usize>id.qst == qst) return id;
  }
  return null;
}

/**
 * The identifier `qst` of `scope`, added with `kind` if absent (the table may
 * move: earlier id_info_t pointers of this scope become stale). Returns null
 * with MemoryError pending. As scope_find_or_add_id.
 */
export function scope_find_or_add_id(scope: scope_t, qst: qstr, kind: u32): id_info_t | null {
  const found = scope_find(scope, qst);
  if (found != null) return found;
  if (scope.id_info_len >= scope.id_info_alloc) {
    const n = (<usize>scope.id_info_alloc + MICROPY_ALLOC_SCOPE_ID_INC) * ID_INFO_SIZE;
    const ids = gc_realloc(scope.id_info, n, true);
    if (ids == 0) {
      mp_raise_memory_error(n);
      return null;
    }
    scope.id_info = ids;
    scope.id_info_alloc += <u16>MICROPY_ALLOC_SCOPE_ID_INC;
  }
  const id = scope_id(scope, scope.id_info_len);
  scope.id_info_len++;
  id.kind = <u8>kind;
  id.flags = 0;
  id.local_num = 0;
  id.qst = <u32>qst;
  return id;
}

/** The identifier `qst` of the module scope above `scope`, or null. As scope_find_global. */
export function scope_find_global(scope: scope_t, qst: qstr): id_info_t | null {
  while (scope.parent != 0) scope = changetype<scope_t>(scope.parent);
  return scope_find(scope, qst);
}

/** Marks `qst` free in the scopes between `scope` and the one that binds it, which gets a cell. */
function scope_close_over_in_parents(scope: scope_t, qst: qstr): bool {
  let s = changetype<scope_t>(scope.parent);
  while (true) {
    const id = scope_find_or_add_id(s, qst, ID_INFO_KIND_UNDECIDED);
    if (id == null) return false;
    if (id.kind == ID_INFO_KIND_UNDECIDED) {
      // not bound here: free in this scope, keep looking outwards
      id.kind = <u8>ID_INFO_KIND_FREE;
    } else {
      if (id.kind == ID_INFO_KIND_LOCAL) id.kind = <u8>ID_INFO_KIND_CELL;
      return true;
    }
    s = changetype<scope_t>(s.parent);
  }
  return true;
}

/**
 * If `id` (of `scope`) is bound by an enclosing function-like scope, makes it
 * free here and closes it over in the parents. Returns false with MemoryError
 * pending. As scope_check_to_close_over.
 */
export function scope_check_to_close_over(scope: scope_t, id: id_info_t): bool {
  if (scope.parent != 0) {
    let s = changetype<scope_t>(scope.parent);
    while (s.parent != 0) {
      const id2 = scope_find(s, <usize>id.qst);
      if (id2 != null) {
        const k = <u32>id2.kind;
        if (k == ID_INFO_KIND_LOCAL || k == ID_INFO_KIND_CELL || k == ID_INFO_KIND_FREE) {
          id.kind = <u8>ID_INFO_KIND_FREE;
          return scope_close_over_in_parents(scope, <usize>id.qst);
        }
        break;
      }
      s = changetype<scope_t>(s.parent);
    }
  }
  return true;
}
