// State and helpers shared by the code emitters, as MicroPython's
// emitcommon.c and the mp_emit_common_t part of emit.h: the module's qstr
// table (with MICROPY_EMIT_BYTECODE_USES_QSTR_TABLE, qstr operands are
// indices into it; entry 0 is the source file), the module's constant-object
// table, the children (raw codes) of the scope being emitted, and the
// identifier resolution that picks fast/deref/name/global opcodes.
//
// mp_emit_common_t (36 bytes, GC heap, reached from the compiler state):
//
//   +0  pass            MP_PASS_* of the scope being compiled
//   +4  ct_cur_child    children counted (or filled) so far in this pass
//   +8  children        GC block of child raw-code pointers (from MP_PASS_CODE_SIZE on)
//   +12 qstr_map        mp_map_t (3 words): qstr -> small int index (its order of first use)
//   +24 const_items     GC block of constant objects
//   +28 const_len
//   +32 const_alloc

import { mp_obj_t, MP_OBJ_NEW_QSTR, MP_OBJ_NEW_SMALL_INT, MP_OBJ_SMALL_INT_VALUE, MP_OBJ_QSTR_VALUE } from "./obj";
import { gc_alloc, gc_realloc } from "./gc";
import { qstr } from "./qstr";
import {
  mp_map_init,
  mp_map_lookup,
  mp_map_used,
  mp_map_entries,
  mp_map_filled,
  mp_map_slot_is_filled,
  MP_MAP_LOOKUP_ADD_IF_NOT_FOUND,
  MP_MAP_ERROR,
} from "./map";
import { mp_raise_memory_error, mp_obj_equal_checked } from "./runtime";
import { mp_obj_get_type } from "./objtype";
import { mp_type_tuple } from "./objtuple";
import { mp_type_float, mp_obj_float_get } from "./objfloat";
import { mp_type_str, mp_type_bytes, mp_obj_str_get_data_ptr, mp_obj_str_get_len } from "./objstr";
import { mp_take_exception } from "./objexcept";
import {
  scope_t,
  id_info_t,
  scope_find,
  scope_find_or_add_id,
  SCOPE_IS_FUNC_LIKE,
  ID_INFO_KIND_GLOBAL_IMPLICIT,
  ID_INFO_KIND_GLOBAL_IMPLICIT_ASSIGNED,
  ID_INFO_KIND_GLOBAL_EXPLICIT,
  ID_INFO_KIND_LOCAL,
} from "./scope";
import { CTX_qstr_table, CTX_obj_table, mp_module_context_alloc_tables } from "./emitglue";

// pass_kind_t (emit.h)
@inline export const MP_PASS_SCOPE: u32 = 1; // work out ids, their kind, and the number of labels
@inline export const MP_PASS_STACK_SIZE: u32 = 2; // work out the maximum stack size
@inline export const MP_PASS_CODE_SIZE: u32 = 3; // work out code size and label offsets
@inline export const MP_PASS_EMIT: u32 = 4; // emit code (repeated while the code shrinks)

// Kinds for the emitter's id ops (emit.h).
@inline export const MP_EMIT_IDOP_LOCAL_FAST: u32 = 0;
@inline export const MP_EMIT_IDOP_LOCAL_DEREF: u32 = 1;
@inline export const MP_EMIT_IDOP_GLOBAL_NAME: u32 = 0;
@inline export const MP_EMIT_IDOP_GLOBAL_GLOBAL: u32 = 1;

@unmanaged
export class mp_emit_common_t {
  pass: u32;
  ct_cur_child: u32;
  children: usize;
  qstr_map_0: u32;
  qstr_map_1: u32;
  qstr_map_2: u32;
  const_items: usize;
  const_len: u32;
  const_alloc: u32;
}
@inline export const MP_EMIT_COMMON_SIZE: usize = 36;
@inline function qstr_map(emit: mp_emit_common_t): usize {
  return changetype<usize>(emit) + 12;
}

/**
 * Allocates the shared emitter state with `source_file` as qstr-table entry 0.
 * Returns 0 with MemoryError pending. The caller stores it in rooted memory at
 * once (it is not rooted here). As mp_emit_common_init.
 */
export function mp_emit_common_new(): usize {
  const p = gc_alloc(MP_EMIT_COMMON_SIZE, 0);
  if (p == 0) {
    mp_raise_memory_error(MP_EMIT_COMMON_SIZE);
    return 0;
  }
  return p;
}

/** Second half of mp_emit_common_init, once `emit` is rooted: adds the source file. */
export function mp_emit_common_init(emit: mp_emit_common_t, source_file: qstr): bool {
  mp_map_init(qstr_map(emit));
  return mp_emit_common_use_qstr(emit, source_file) != 0xffffffff;
}

/**
 * Starts pass `pass`: at MP_PASS_CODE_SIZE allocates the children table
 * sized by the count of the previous pass. Returns false on MemoryError.
 * As mp_emit_common_start_pass.
 */
export function mp_emit_common_start_pass(emit: mp_emit_common_t, pass: u32): bool {
  emit.pass = pass;
  if (pass == MP_PASS_CODE_SIZE) {
    if (emit.ct_cur_child == 0) {
      emit.children = 0;
    } else {
      const n = <usize>emit.ct_cur_child << 2;
      const c = gc_alloc(n, 0);
      if (c == 0) {
        mp_raise_memory_error(n);
        return false;
      }
      emit.children = c;
    }
  }
  emit.ct_cur_child = 0;
  return true;
}

/**
 * Index of `qst` in the module's qstr table, adding it if new; 0xffffffff with
 * MemoryError pending. As mp_emit_common_use_qstr.
 */
export function mp_emit_common_use_qstr(emit: mp_emit_common_t, qst: qstr): u32 {
  const map = qstr_map(emit);
  const e = mp_map_lookup(map, MP_OBJ_NEW_QSTR(qst), MP_MAP_LOOKUP_ADD_IF_NOT_FOUND);
  if (e == 0 || e == MP_MAP_ERROR) return 0xffffffff;
  let v = load<usize>(e + 4);
  if (v == 0) {
    v = MP_OBJ_NEW_SMALL_INT(<i32>mp_map_used(map) - 1);
    store<usize>(e + 4, v);
  }
  return <u32>MP_OBJ_SMALL_INT_VALUE(v);
}

/** Number of entries in the module's qstr table. */
export function mp_emit_common_n_qstr(emit: mp_emit_common_t): usize {
  return mp_map_used(qstr_map(emit));
}

/**
 * Equality of constants including their type, so (True,) and (1,) or 0.0 and
 * -0.0 stay distinct entries of the constant table. As strictly_equal.
 */
function strictly_equal(a: mp_obj_t, b: mp_obj_t): bool {
  if (a == b) return true;
  const ta = mp_obj_get_type(a);
  const tb = mp_obj_get_type(b);
  if (ta != tb) return false;
  if (ta == mp_type_tuple) {
    const n = load<usize>(a + 4);
    if (n != load<usize>(b + 4)) return false;
    for (let i: usize = 0; i < n; i++) {
      if (!strictly_equal(load<usize>(a + 8 + (i << 2)), load<usize>(b + 8 + (i << 2)))) return false;
    }
    return true;
  }
  if (ta == mp_type_str || ta == mp_type_bytes) {
    // str (not interned) and bytes constants: equal bytes
    const n = mp_obj_str_get_len(a);
    if (n != mp_obj_str_get_len(b)) return false;
    return memory.compare(mp_obj_str_get_data_ptr(a), mp_obj_str_get_data_ptr(b), n) == 0;
  }
  const r = mp_obj_equal_checked(a, b);
  if (r < 0) {
    mp_take_exception(); // constants compare without side effects; treat as different
    return false;
  }
  if (r == 0) return false;
  return !mp_emit_common_float_zero_signs_differ(ta, a, b);
}

/**
 * For two equal float constants: true if one is 0.0 and the other -0.0 (they
 * must be two entries of a .mpy file's constant table).
 */
function mp_emit_common_float_zero_signs_differ(t: usize, a: mp_obj_t, b: mp_obj_t): bool {
  if (t != mp_type_float) return false;
  const av = mp_obj_float_get(a);
  if (av != 0.0) return false;
  return (reinterpret<u64>(av) >> 63) != (reinterpret<u64>(mp_obj_float_get(b)) >> 63);
}

/**
 * Index of `obj` in the module's constant table, adding it if no strictly
 * equal constant is there; 0xffffffff with MemoryError pending. As
 * mp_emit_common_use_const_obj.
 */
export function mp_emit_common_use_const_obj(emit: mp_emit_common_t, obj: mp_obj_t): u32 {
  const n = emit.const_len;
  for (let i: u32 = 0; i < n; i++) {
    if (strictly_equal(load<usize>(emit.const_items + (<usize>i << 2)), obj)) return i;
  }
  if (n >= emit.const_alloc) {
    const alloc: u32 = emit.const_alloc == 0 ? 4 : emit.const_alloc * 2;
    const items = gc_realloc(emit.const_items, <usize>alloc << 2, true);
    if (items == 0) {
      mp_raise_memory_error(<usize>alloc << 2);
      return 0xffffffff;
    }
    emit.const_items = items;
    emit.const_alloc = alloc;
  }
  store<usize>(emit.const_items + (<usize>n << 2), obj);
  emit.const_len = n + 1;
  return n;
}

/**
 * Allocates `context`'s constant tables and fills them from the compiled
 * module's qstr map and constant list. Returns false on MemoryError. As
 * mp_emit_common_populate_module_context.
 */
export function mp_emit_common_populate_module_context(emit: mp_emit_common_t, context: usize): bool {
  const map = qstr_map(emit);
  if (!mp_module_context_alloc_tables(context, mp_map_used(map), emit.const_len)) return false;
  const qt = load<usize>(context + CTX_qstr_table);
  const filled = mp_map_filled(map);
  const entries = mp_map_entries(map);
  for (let i: usize = 0; i < filled; i++) {
    const e = entries + (i << 3);
    if (mp_map_slot_is_filled(e)) {
      const idx = <usize>MP_OBJ_SMALL_INT_VALUE(load<usize>(e + 4));
      store<u16>(qt + (idx << 1), <u16>MP_OBJ_QSTR_VALUE(load<usize>(e)));
    }
  }
  const ot = load<usize>(context + CTX_obj_table);
  for (let i: usize = 0; i < <usize>emit.const_len; i++) {
    store<usize>(ot + (i << 2), load<usize>(emit.const_items + (i << 2)));
  }
  return true;
}

/** Adds `qst` to `scope` as an implicit global if unknown (mp_emit_common_get_id_for_load). */
export function mp_emit_common_get_id_for_load(scope: scope_t, qst: qstr): bool {
  return scope_find_or_add_id(scope, qst, ID_INFO_KIND_GLOBAL_IMPLICIT) != null;
}

/**
 * The identifier `qst` of `scope` for a store or delete: unknown names become
 * locals in function-like scopes and assigned globals elsewhere. Null on
 * MemoryError. As mp_emit_common_get_id_for_modification.
 */
export function mp_emit_common_get_id_for_modification(scope: scope_t, qst: qstr): id_info_t | null {
  const id = scope_find_or_add_id(scope, qst, ID_INFO_KIND_GLOBAL_IMPLICIT);
  if (id == null) return null;
  if (id.kind == ID_INFO_KIND_GLOBAL_IMPLICIT) {
    if (SCOPE_IS_FUNC_LIKE(<u32>scope.kind)) {
      id.kind = <u8>ID_INFO_KIND_LOCAL;
    } else {
      id.kind = <u8>ID_INFO_KIND_GLOBAL_IMPLICIT_ASSIGNED;
    }
  }
  return id;
}

// Which kind of access mp_emit_common_id_op emits.
@inline export const MP_EMIT_ID_LOAD: u32 = 0;
@inline export const MP_EMIT_ID_STORE: u32 = 1;
@inline export const MP_EMIT_ID_DELETE: u32 = 2;

/** Result of mp_emit_common_resolve_id: the op kind and local number to emit. */
export let id_op_is_local: bool = false;
export let id_op_kind: u32 = 0;
export let id_op_local_num: u32 = 0;

/**
 * Resolves `qst` in `scope` (after the scope pass) into the global/local op
 * an emitter must emit: sets id_op_is_local, id_op_kind (MP_EMIT_IDOP_*) and
 * id_op_local_num. The emitter (emitbc.ts, later the native emitter) then
 * emits its own load/store/delete. As mp_emit_common_id_op.
 */
export function mp_emit_common_resolve_id(scope: scope_t, qst: qstr): void {
  const id = scope_find(scope, qst);
  let kind: u32 = id == null ? ID_INFO_KIND_GLOBAL_IMPLICIT : <u32>id.kind;
  if (kind == ID_INFO_KIND_GLOBAL_IMPLICIT || kind == ID_INFO_KIND_GLOBAL_IMPLICIT_ASSIGNED) {
    id_op_is_local = false;
    id_op_kind = MP_EMIT_IDOP_GLOBAL_NAME;
  } else if (kind == ID_INFO_KIND_GLOBAL_EXPLICIT) {
    id_op_is_local = false;
    id_op_kind = MP_EMIT_IDOP_GLOBAL_GLOBAL;
  } else if (kind == ID_INFO_KIND_LOCAL) {
    id_op_is_local = true;
    id_op_kind = MP_EMIT_IDOP_LOCAL_FAST;
    id_op_local_num = <u32>id!.local_num;
  } else {
    // ID_INFO_KIND_CELL or ID_INFO_KIND_FREE
    id_op_is_local = true;
    id_op_kind = MP_EMIT_IDOP_LOCAL_DEREF;
    id_op_local_num = <u32>id!.local_num;
  }
}
