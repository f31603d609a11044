// The bytecode emitter, as MicroPython's emitbc.c: turns the compiler's emit
// calls into MicroPython v6 bytecode (bc0.ts opcodes, bc.ts prelude). Each
// scope is emitted in passes: MP_PASS_STACK_SIZE counts the stack,
// MP_PASS_CODE_SIZE sizes the code and places labels, MP_PASS_EMIT writes it
// (repeated while jumps shrink from 2-byte to 1-byte offsets).
//
// emit_t (72 bytes, GC heap, reached from the compiler state):
//
//   +0  pass            +4  suppress (dead code after a jump/return/raise)
//   +8  stack_size (i32, current depth)
//   +12 emit_common     mp_emit_common_t
//   +16 scope           scope_t being emitted
//   +20 last_source_line_offset   +24 last_source_line
//   +28 max_num_labels  +32 label_offsets (GC block of u32)
//   +36 code_info_offset +40 code_info_size +44 bytecode_offset +48 bytecode_size
//   +52 code_base       GC block: code info (prelude) then bytecode
//   +56 overflow        a jump offset did not fit
//   +60 n_info          +64 n_cell
//   +68 alloc_failed    MemoryError while emitting (the compiler turns it into its error)

import { gc_alloc } from "./gc";
import { mp_obj_t } from "./obj";
import { qstr } from "./qstr";
import { mp_raise_memory_error } from "./runtime";
import {
  mp_encode_uint_len,
  mp_encode_uint_to,
  mp_bc_prelude_sig_encode,
  mp_bc_prelude_size_encode,
} from "./bc";
import * as BC from "./bc0";
import { scope_t, scope_id, ID_FLAG_IS_PARAM, ID_INFO_KIND_CELL, SCOPE_LIST_COMP, SCOPE_DICT_COMP } from "./scope";
import {
  mp_emit_common_t,
  mp_emit_common_use_qstr,
  mp_emit_common_use_const_obj,
  MP_PASS_SCOPE,
  MP_PASS_STACK_SIZE,
  MP_PASS_CODE_SIZE,
  MP_PASS_EMIT,
  MP_EMIT_IDOP_LOCAL_FAST,
} from "./emitcommon";
import { mp_emit_glue_assign_bytecode } from "./emitglue";
import { MP_UNARY_OP_NOT, MP_BINARY_OP_NOT_IN, MP_BINARY_OP_IN, MP_BINARY_OP_IS_NOT, MP_BINARY_OP_IS, MP_BINARY_OP_EXCEPTION_MATCH, MP_SCOPE_FLAG_GENERATOR } from "./runtime0";
import { mp_optimise_value } from "./mpstate";
import { MP_QSTR__star_, MP_QSTR_BaseException } from "./genhdr";
import { MP_TOKEN_KW_FALSE, MP_TOKEN_KW_NONE, MP_TOKEN_ELLIPSIS } from "./lexer";
import { mp_const_ellipsis } from "./objsingleton";

/** Slots an iterator takes on the value stack (MP_OBJ_ITER_BUF_NSLOTS). */
@inline export const MP_OBJ_ITER_BUF_NSLOTS: i32 = 4;
/** Marks a break label as leaving a for loop (the iterator must be popped). */
@inline export const MP_EMIT_BREAK_FROM_FOR: u32 = 0x8000;

// Kinds for the emit calls (emit.h).
@inline export const MP_EMIT_IMPORT_NAME: u32 = 0;
@inline export const MP_EMIT_IMPORT_FROM: u32 = 1;
@inline export const MP_EMIT_IMPORT_STAR: u32 = 2;
@inline export const MP_EMIT_SUBSCR_LOAD: u32 = 0;
@inline export const MP_EMIT_SUBSCR_STORE: u32 = 1;
@inline export const MP_EMIT_SUBSCR_DELETE: u32 = 2;
@inline export const MP_EMIT_ATTR_LOAD: u32 = 0;
@inline export const MP_EMIT_ATTR_STORE: u32 = 1;
@inline export const MP_EMIT_ATTR_DELETE: u32 = 2;
@inline export const MP_EMIT_SETUP_BLOCK_WITH: u32 = 0;
@inline export const MP_EMIT_SETUP_BLOCK_EXCEPT: u32 = 1;
@inline export const MP_EMIT_SETUP_BLOCK_FINALLY: u32 = 2;
@inline export const MP_EMIT_BUILD_TUPLE: u32 = 0;
@inline export const MP_EMIT_BUILD_LIST: u32 = 1;
@inline export const MP_EMIT_BUILD_MAP: u32 = 2;
@inline export const MP_EMIT_BUILD_SET: u32 = 3;
@inline export const MP_EMIT_BUILD_SLICE: u32 = 4;
@inline export const MP_EMIT_YIELD_VALUE: u32 = 0;
@inline export const MP_EMIT_YIELD_FROM: u32 = 1;
@inline export const MP_EMIT_STAR_FLAG_SINGLE: u32 = 0x01;
@inline export const MP_EMIT_STAR_FLAG_DOUBLE: u32 = 0x02;

@unmanaged
export class emit_t {
  pass: u32;
  suppress: u32;
  stack_size: i32;
  emit_common: usize;
  scope: usize;
  last_source_line_offset: u32;
  last_source_line: u32;
  max_num_labels: u32;
  label_offsets: usize;
  code_info_offset: u32;
  code_info_size: u32;
  bytecode_offset: u32;
  bytecode_size: u32;
  code_base: usize;
  overflow: u32;
  n_info: u32;
  n_cell: u32;
  alloc_failed: u32;
}
@inline const EMIT_SIZE: usize = 72;

// Writes of passes before MP_PASS_EMIT (and of suppressed code) land here.
const dummy_data: usize = memory.data(16, 4);

@inline function common(emit: emit_t): mp_emit_common_t {
  return changetype<mp_emit_common_t>(emit.emit_common);
}
@inline function cur_scope(emit: emit_t): scope_t {
  return changetype<scope_t>(emit.scope);
}

/** A new bytecode emitter over `emit_common`; 0 with MemoryError pending. As emit_bc_new. */
export function emit_bc_new(emit_common: usize): usize {
  const e = gc_alloc(EMIT_SIZE, 0);
  if (e == 0) {
    mp_raise_memory_error(EMIT_SIZE);
    return 0;
  }
  store<usize>(e + 12, emit_common);
  return e;
}

/** Allocates the label table; false with MemoryError pending. `emit` must be rooted. */
export function emit_bc_set_max_num_labels(emit: emit_t, max_num_labels: u32): bool {
  emit.max_num_labels = max_num_labels;
  const n = (<usize>max_num_labels << 2) + 4;
  const p = gc_alloc(n, 0);
  if (p == 0) {
    mp_raise_memory_error(n);
    return false;
  }
  emit.label_offsets = p;
  return true;
}

// ---- low-level writers ----

function emit_get_cur_to_write_code_info(emit: emit_t, n: u32): usize {
  if (emit.pass < MP_PASS_EMIT || emit.code_base == 0) {
    emit.code_info_offset += n;
    return dummy_data;
  }
  const c = emit.code_base + <usize>emit.code_info_offset;
  emit.code_info_offset += n;
  return c;
}

function emit_write_code_info_byte(emit: emit_t, val: u32): void {
  store<u8>(emit_get_cur_to_write_code_info(emit, 1), <u8>val);
}

function emit_write_code_info_qstr(emit: emit_t, qst: qstr): void {
  let idx = mp_emit_common_use_qstr(common(emit), qst);
  if (idx == 0xffffffff) {
    emit.alloc_failed = 1;
    idx = 0;
  }
  const n = <u32>mp_encode_uint_len(idx);
  mp_encode_uint_to(emit_get_cur_to_write_code_info(emit, n), idx);
}

function emit_write_code_info_bytes_lines(emit: emit_t, bytes_to_skip: u32, lines_to_skip: u32): void {
  while (bytes_to_skip > 0 || lines_to_skip > 0) {
    let b: u32;
    let l: u32;
    if (lines_to_skip <= 6 || bytes_to_skip > 0xf) {
      // 0b0LLBBBBB
      b = bytes_to_skip < 0x1f ? bytes_to_skip : 0x1f;
      if (b < bytes_to_skip) {
        l = 0; // no lines can be skipped until all the bytes are
      } else {
        l = lines_to_skip < 0x3 ? lines_to_skip : 0x3;
      }
      store<u8>(emit_get_cur_to_write_code_info(emit, 1), <u8>(b | (l << 5)));
    } else {
      // 0b1LLLBBBB 0bLLLLLLLL
      b = bytes_to_skip < 0xf ? bytes_to_skip : 0xf;
      l = lines_to_skip < 0x7ff ? lines_to_skip : 0x7ff;
      const ci = emit_get_cur_to_write_code_info(emit, 2);
      store<u8>(ci, <u8>(0x80 | b | ((l >> 4) & 0x70)));
      store<u8>(ci + 1, <u8>l);
    }
    bytes_to_skip -= b;
    lines_to_skip -= l;
  }
}

function emit_get_cur_to_write_bytecode(emit: emit_t, n: u32): usize {
  if (emit.suppress != 0) return dummy_data;
  if (emit.pass < MP_PASS_EMIT || emit.code_base == 0) {
    emit.bytecode_offset += n;
    return dummy_data;
  }
  const c = emit.code_base + <usize>emit.code_info_size + <usize>emit.bytecode_offset;
  emit.bytecode_offset += n;
  return c;
}

function emit_write_bytecode_raw_byte(emit: emit_t, b1: u32): void {
  store<u8>(emit_get_cur_to_write_bytecode(emit, 1), <u8>b1);
}

function emit_write_bytecode_byte(emit: emit_t, stack_adj: i32, b1: u32): void {
  mp_emit_bc_adjust_stack_size(emit, stack_adj);
  store<u8>(emit_get_cur_to_write_bytecode(emit, 1), <u8>b1);
}

const int_buf: usize = memory.data(8, 4);

// A signed var-int: 7 bits per byte, most significant first, the top data bit
// (0x40) of the first byte giving the sign.
function emit_write_bytecode_byte_int(emit: emit_t, stack_adj: i32, b1: u32, num: i32): void {
  emit_write_bytecode_byte(emit, stack_adj, b1);
  const end = int_buf + 8;
  let p = end;
  do {
    p--;
    store<u8>(p, <u8>(num & 0x7f));
    num >>= 7;
  } while (num != 0 && num != -1);
  if (num == -1 && (load<u8>(p) & 0x40) == 0) {
    p--;
    store<u8>(p, 0x7f);
  } else if (num == 0 && (load<u8>(p) & 0x40) != 0) {
    p--;
    store<u8>(p, 0);
  }
  let c = emit_get_cur_to_write_bytecode(emit, <u32>(end - p));
  while (p != end - 1) {
    store<u8>(c++, load<u8>(p++) | 0x80);
  }
  store<u8>(c, load<u8>(p));
}

function emit_write_bytecode_byte_uint(emit: emit_t, stack_adj: i32, b: u32, val: u32): void {
  emit_write_bytecode_byte(emit, stack_adj, b);
  const n = <u32>mp_encode_uint_len(val);
  mp_encode_uint_to(emit_get_cur_to_write_bytecode(emit, n), val);
}

function emit_write_bytecode_byte_qstr(emit: emit_t, stack_adj: i32, b: u32, qst: qstr): void {
  let idx = mp_emit_common_use_qstr(common(emit), qst);
  if (idx == 0xffffffff) {
    emit.alloc_failed = 1;
    idx = 0;
  }
  emit_write_bytecode_byte_uint(emit, stack_adj, b, idx);
}

function emit_write_bytecode_byte_obj(emit: emit_t, stack_adj: i32, b: u32, obj: mp_obj_t): void {
  let idx = mp_emit_common_use_const_obj(common(emit), obj);
  if (idx == 0xffffffff) {
    emit.alloc_failed = 1;
    idx = 0;
  }
  emit_write_bytecode_byte_uint(emit, stack_adj, b, idx);
}

function emit_write_bytecode_byte_child(emit: emit_t, stack_adj: i32, b: u32, rc: usize): void {
  const ec = common(emit);
  if (ec.pass == MP_PASS_EMIT && ec.children != 0) {
    store<usize>(ec.children + (<usize>ec.ct_cur_child << 2), rc);
  }
  const idx = ec.ct_cur_child++;
  emit_write_bytecode_byte_uint(emit, stack_adj, b, idx);
}

// A jump to `label`, relative to the end of this instruction, in 1 or 2
// bytes; the encoding may only shrink from one pass to the next.
function emit_write_bytecode_byte_label(emit: emit_t, stack_adj: i32, b1: u32, label: u32): void {
  mp_emit_bc_adjust_stack_size(emit, stack_adj);
  if (emit.suppress != 0) return;
  const is_signed = b1 <= BC.MP_BC_POP_JUMP_IF_FALSE;
  let jump_encoding_size: i32 = 1;
  let bytecode_offset: i32 = 0;
  if (emit.pass >= MP_PASS_CODE_SIZE) {
    bytecode_offset = <i32>load<u32>(emit.label_offsets + (<usize>label << 2)) - <i32>emit.bytecode_offset - 2;
    if ((is_signed && -64 <= bytecode_offset && bytecode_offset <= 63) || (!is_signed && <u32>bytecode_offset <= 127)) {
      jump_encoding_size = 0;
    }
    bytecode_offset -= jump_encoding_size;
  }
  const c = emit_get_cur_to_write_bytecode(emit, <u32>(2 + jump_encoding_size));
  store<u8>(c, <u8>b1);
  if (jump_encoding_size == 0) {
    if (is_signed) bytecode_offset += 0x40;
    store<u8>(c + 1, <u8>bytecode_offset);
  } else {
    if (is_signed) bytecode_offset += 0x4000;
    if (emit.pass == MP_PASS_EMIT && !(0 <= bytecode_offset && bytecode_offset <= 0x7fff)) {
      emit.overflow = 1;
    }
    store<u8>(c + 1, <u8>(0x80 | (bytecode_offset & 0x7f)));
    store<u8>(c + 2, <u8>(bytecode_offset >> 7));
  }
}

// ---- passes ----

/** Starts a pass over `scope`: writes the prelude (signature, size, names). As mp_emit_bc_start_pass. */
export function mp_emit_bc_start_pass(emit: emit_t, pass: u32, scope: scope_t): void {
  emit.pass = pass;
  emit.stack_size = 0;
  emit.suppress = 0;
  emit.scope = changetype<usize>(scope);
  emit.last_source_line_offset = 0;
  emit.last_source_line = 1;
  emit.bytecode_offset = 0;
  emit.code_info_offset = 0;
  emit.overflow = 0;

  // local state size, exception stack size, scope flags and argument counts
  let n_state = <u32>scope.num_locals + <u32>scope.stack_size;
  if (n_state == 0) {
    // an exception propagating out is returned in the highest slot of the state
    n_state = 1;
  }
  const sig_len = <u32>mp_bc_prelude_sig_encode(
    0,
    n_state,
    scope.exc_stack_size,
    scope.scope_flags,
    scope.num_pos_args,
    scope.num_kwonly_args,
    scope.num_def_pos_args,
  );
  mp_bc_prelude_sig_encode(
    emit_get_cur_to_write_code_info(emit, sig_len),
    n_state,
    scope.exc_stack_size,
    scope.scope_flags,
    scope.num_pos_args,
    scope.num_kwonly_args,
    scope.num_def_pos_args,
  );

  // sizes of the source-info and closure sections (known from the previous pass)
  if (emit.pass >= MP_PASS_CODE_SIZE) {
    const size_len = <u32>mp_bc_prelude_size_encode(0, emit.n_info, emit.n_cell);
    mp_bc_prelude_size_encode(emit_get_cur_to_write_code_info(emit, size_len), emit.n_info, emit.n_cell);
  }

  emit.n_info = emit.code_info_offset;

  // the function's name, then the name of each positional/keyword-only
  // argument ("*" where a slot is a closed-over variable, not a parameter)
  emit_write_code_info_qstr(emit, <usize>scope.simple_name);
  const n_args = <i32>scope.num_pos_args + <i32>scope.num_kwonly_args;
  for (let i: i32 = 0; i < n_args; i++) {
    let qst: qstr = MP_QSTR__star_;
    for (let j: usize = 0; j < <usize>scope.id_info_len; j++) {
      const id = scope_id(scope, j);
      if ((<u32>id.flags & ID_FLAG_IS_PARAM) != 0 && <i32>id.local_num == i) {
        qst = <usize>id.qst;
        break;
      }
    }
    emit_write_code_info_qstr(emit, qst);
  }
}

/**
 * Ends a pass: writes the closure section; after MP_PASS_CODE_SIZE allocates
 * the code; after MP_PASS_EMIT assigns the code to the scope's raw code.
 * Returns false if another MP_PASS_EMIT is needed (the code shrank). Sets
 * emit.alloc_failed on MemoryError and emit.overflow on a jump too far (the
 * compiler raises). As mp_emit_bc_end_pass.
 */
export function mp_emit_bc_end_pass(emit: emit_t): bool {
  if (emit.pass == MP_PASS_SCOPE) return true;
  const scope = cur_scope(emit);

  emit.n_info = emit.code_info_offset - emit.n_info;

  // closure section: the locals that become cells
  emit.n_cell = 0;
  for (let i: usize = 0; i < <usize>scope.id_info_len; i++) {
    const id = scope_id(scope, i);
    if (<u32>id.kind == ID_INFO_KIND_CELL) {
      emit_write_code_info_byte(emit, <u32>id.local_num);
      emit.n_cell++;
    }
  }

  if (emit.pass == MP_PASS_CODE_SIZE) {
    emit.code_info_size = emit.code_info_offset;
    emit.bytecode_size = emit.bytecode_offset;
    const n = <usize>emit.code_info_size + <usize>emit.bytecode_size;
    const p = gc_alloc(n, 0);
    if (p == 0) {
      mp_raise_memory_error(n);
      emit.alloc_failed = 1;
    }
    emit.code_base = p;
  } else if (emit.pass == MP_PASS_EMIT) {
    if (emit.code_info_offset != emit.code_info_size || emit.bytecode_offset != emit.bytecode_size) {
      // the code shrank: emit again with the new sizes
      emit.code_info_size = emit.code_info_offset;
      emit.bytecode_size = emit.bytecode_offset;
      return false;
    }
    if (emit.overflow != 0 || emit.code_base == 0) return true;
    const len = <usize>emit.code_info_size + <usize>emit.bytecode_size;
    scope.raw_code_data_len = <u32>len;
    const ec = common(emit);
    mp_emit_glue_assign_bytecode(scope.raw_code, emit.code_base, ec.children, len, ec.ct_cur_child, scope.scope_flags);
  }
  return true;
}

/** Adjusts the tracked stack depth by `delta`, raising the scope's maximum. */
export function mp_emit_bc_adjust_stack_size(emit: emit_t, delta: i32): void {
  if (emit.pass == MP_PASS_SCOPE) return;
  emit.stack_size += delta;
  const scope = cur_scope(emit);
  if (emit.stack_size > <i32>scope.stack_size) scope.stack_size = <u16>emit.stack_size;
}

/** Records that the following opcodes come from `source_line`. */
export function mp_emit_bc_set_source_line(emit: emit_t, source_line: u32): void {
  if (mp_optimise_value >= 3) return; // -O3 drops line numbers
  if (source_line > emit.last_source_line) {
    const bytes_to_skip = emit.bytecode_offset - emit.last_source_line_offset;
    const lines_to_skip = source_line - emit.last_source_line;
    emit_write_code_info_bytes_lines(emit, bytes_to_skip, lines_to_skip);
    emit.last_source_line_offset = emit.bytecode_offset;
    emit.last_source_line = source_line;
  }
}

export function mp_emit_bc_label_assign(emit: emit_t, l: u32): void {
  // a label ends a dead-code region
  emit.suppress = 0;
  if (emit.pass == MP_PASS_SCOPE) return;
  store<u32>(emit.label_offsets + (<usize>l << 2), emit.bytecode_offset);
}

// ---- opcodes ----

export function mp_emit_bc_import(emit: emit_t, qst: qstr, kind: u32): void {
  const stack_adj: i32 = kind == MP_EMIT_IMPORT_FROM ? 1 : -1;
  if (kind == MP_EMIT_IMPORT_STAR) {
    emit_write_bytecode_byte(emit, stack_adj, BC.MP_BC_IMPORT_STAR);
  } else {
    emit_write_bytecode_byte_qstr(emit, stack_adj, BC.MP_BC_IMPORT_NAME + kind, qst);
  }
}

export function mp_emit_bc_load_const_tok(emit: emit_t, tok: u32): void {
  if (tok == MP_TOKEN_ELLIPSIS) {
    emit_write_bytecode_byte_obj(emit, 1, BC.MP_BC_LOAD_CONST_OBJ, mp_const_ellipsis);
  } else {
    emit_write_bytecode_byte(emit, 1, BC.MP_BC_LOAD_CONST_FALSE + (tok - MP_TOKEN_KW_FALSE));
  }
}

export function mp_emit_bc_load_const_small_int(emit: emit_t, arg: i32): void {
  if (
    -(<i32>BC.MP_BC_LOAD_CONST_SMALL_INT_MULTI_EXCESS) <= arg &&
    arg < <i32>(BC.MP_BC_LOAD_CONST_SMALL_INT_MULTI_NUM - BC.MP_BC_LOAD_CONST_SMALL_INT_MULTI_EXCESS)
  ) {
    emit_write_bytecode_byte(
      emit,
      1,
      <u32>(<i32>(BC.MP_BC_LOAD_CONST_SMALL_INT_MULTI + BC.MP_BC_LOAD_CONST_SMALL_INT_MULTI_EXCESS) + arg),
    );
  } else {
    emit_write_bytecode_byte_int(emit, 1, BC.MP_BC_LOAD_CONST_SMALL_INT, arg);
  }
}

export function mp_emit_bc_load_const_str(emit: emit_t, qst: qstr): void {
  emit_write_bytecode_byte_qstr(emit, 1, BC.MP_BC_LOAD_CONST_STRING, qst);
}

export function mp_emit_bc_load_const_obj(emit: emit_t, obj: mp_obj_t): void {
  emit_write_bytecode_byte_obj(emit, 1, BC.MP_BC_LOAD_CONST_OBJ, obj);
}

export function mp_emit_bc_load_null(emit: emit_t): void {
  emit_write_bytecode_byte(emit, 1, BC.MP_BC_LOAD_NULL);
}

export function mp_emit_bc_load_local(emit: emit_t, qst: qstr, local_num: u32, kind: u32): void {
  if (kind == MP_EMIT_IDOP_LOCAL_FAST && local_num <= 15) {
    emit_write_bytecode_byte(emit, 1, BC.MP_BC_LOAD_FAST_MULTI + local_num);
  } else {
    emit_write_bytecode_byte_uint(emit, 1, BC.MP_BC_LOAD_FAST_N + kind, local_num);
  }
}

export function mp_emit_bc_load_global(emit: emit_t, qst: qstr, kind: u32): void {
  emit_write_bytecode_byte_qstr(emit, 1, BC.MP_BC_LOAD_NAME + kind, qst);
}

export function mp_emit_bc_load_method(emit: emit_t, qst: qstr, is_super: bool): void {
  const stack_adj: i32 = is_super ? -1 : 1;
  emit_write_bytecode_byte_qstr(emit, stack_adj, is_super ? BC.MP_BC_LOAD_SUPER_METHOD : BC.MP_BC_LOAD_METHOD, qst);
}

export function mp_emit_bc_load_build_class(emit: emit_t): void {
  emit_write_bytecode_byte(emit, 1, BC.MP_BC_LOAD_BUILD_CLASS);
}

export function mp_emit_bc_subscr(emit: emit_t, kind: u32): void {
  if (kind == MP_EMIT_SUBSCR_LOAD) {
    emit_write_bytecode_byte(emit, -1, BC.MP_BC_LOAD_SUBSCR);
  } else {
    if (kind == MP_EMIT_SUBSCR_DELETE) {
      mp_emit_bc_load_null(emit);
      mp_emit_bc_rot_three(emit);
    }
    emit_write_bytecode_byte(emit, -3, BC.MP_BC_STORE_SUBSCR);
  }
}

export function mp_emit_bc_attr(emit: emit_t, qst: qstr, kind: u32): void {
  if (kind == MP_EMIT_ATTR_LOAD) {
    emit_write_bytecode_byte_qstr(emit, 0, BC.MP_BC_LOAD_ATTR, qst);
  } else {
    if (kind == MP_EMIT_ATTR_DELETE) {
      mp_emit_bc_load_null(emit);
      mp_emit_bc_rot_two(emit);
    }
    emit_write_bytecode_byte_qstr(emit, -2, BC.MP_BC_STORE_ATTR, qst);
  }
}

export function mp_emit_bc_store_local(emit: emit_t, qst: qstr, local_num: u32, kind: u32): void {
  if (kind == MP_EMIT_IDOP_LOCAL_FAST && local_num <= 15) {
    emit_write_bytecode_byte(emit, -1, BC.MP_BC_STORE_FAST_MULTI + local_num);
  } else {
    emit_write_bytecode_byte_uint(emit, -1, BC.MP_BC_STORE_FAST_N + kind, local_num);
  }
}

export function mp_emit_bc_store_global(emit: emit_t, qst: qstr, kind: u32): void {
  emit_write_bytecode_byte_qstr(emit, -1, BC.MP_BC_STORE_NAME + kind, qst);
}

export function mp_emit_bc_delete_local(emit: emit_t, qst: qstr, local_num: u32, kind: u32): void {
  emit_write_bytecode_byte_uint(emit, 0, BC.MP_BC_DELETE_FAST + kind, local_num);
}

export function mp_emit_bc_delete_global(emit: emit_t, qst: qstr, kind: u32): void {
  emit_write_bytecode_byte_qstr(emit, 0, BC.MP_BC_DELETE_NAME + kind, qst);
}

export function mp_emit_bc_dup_top(emit: emit_t): void {
  emit_write_bytecode_byte(emit, 1, BC.MP_BC_DUP_TOP);
}

export function mp_emit_bc_dup_top_two(emit: emit_t): void {
  emit_write_bytecode_byte(emit, 2, BC.MP_BC_DUP_TOP_TWO);
}

export function mp_emit_bc_pop_top(emit: emit_t): void {
  emit_write_bytecode_byte(emit, -1, BC.MP_BC_POP_TOP);
}

export function mp_emit_bc_rot_two(emit: emit_t): void {
  emit_write_bytecode_byte(emit, 0, BC.MP_BC_ROT_TWO);
}

export function mp_emit_bc_rot_three(emit: emit_t): void {
  emit_write_bytecode_byte(emit, 0, BC.MP_BC_ROT_THREE);
}

export function mp_emit_bc_jump(emit: emit_t, label: u32): void {
  emit_write_bytecode_byte_label(emit, 0, BC.MP_BC_JUMP, label);
  emit.suppress = 1;
}

export function mp_emit_bc_pop_jump_if(emit: emit_t, cond: bool, label: u32): void {
  emit_write_bytecode_byte_label(emit, -1, cond ? BC.MP_BC_POP_JUMP_IF_TRUE : BC.MP_BC_POP_JUMP_IF_FALSE, label);
}

export function mp_emit_bc_jump_if_or_pop(emit: emit_t, cond: bool, label: u32): void {
  emit_write_bytecode_byte_label(emit, -1, cond ? BC.MP_BC_JUMP_IF_TRUE_OR_POP : BC.MP_BC_JUMP_IF_FALSE_OR_POP, label);
}

export function mp_emit_bc_unwind_jump(emit: emit_t, label: u32, except_depth: u32): void {
  if (except_depth == 0) {
    if ((label & MP_EMIT_BREAK_FROM_FOR) != 0) {
      // breaking out of a for loop pops the iterator and its iter_buf
      emit_write_bytecode_raw_byte(emit, BC.MP_BC_POP_TOP);
      for (let i: i32 = 0; i < MP_OBJ_ITER_BUF_NSLOTS - 1; ++i) {
        emit_write_bytecode_raw_byte(emit, BC.MP_BC_POP_TOP);
      }
    }
    emit_write_bytecode_byte_label(emit, 0, BC.MP_BC_JUMP, label & ~MP_EMIT_BREAK_FROM_FOR);
  } else {
    emit_write_bytecode_byte_label(emit, 0, BC.MP_BC_UNWIND_JUMP, label & ~MP_EMIT_BREAK_FROM_FOR);
    emit_write_bytecode_raw_byte(emit, ((label & MP_EMIT_BREAK_FROM_FOR) != 0 ? 0x80 : 0) | except_depth);
  }
  emit.suppress = 1;
}

export function mp_emit_bc_setup_block(emit: emit_t, label: u32, kind: u32): void {
  // SETUP_WITH pops the context manager and pushes __exit__, ctx_mgr, as_value
  const stack_adj: i32 = kind == MP_EMIT_SETUP_BLOCK_WITH ? 2 : 0;
  emit_write_bytecode_byte_label(emit, stack_adj, BC.MP_BC_SETUP_WITH + kind, label);
}

export function mp_emit_bc_with_cleanup(emit: emit_t, label: u32): void {
  mp_emit_bc_load_const_tok(emit, MP_TOKEN_KW_NONE);
  mp_emit_bc_label_assign(emit, label);
  // +2 to have room to call __exit__, then cancel it and SETUP_WITH's +2
  emit_write_bytecode_byte(emit, 2, BC.MP_BC_WITH_CLEANUP);
  mp_emit_bc_adjust_stack_size(emit, -4);
}

export function mp_emit_bc_async_with_setup_finally(
  emit: emit_t,
  label_aexit_no_exc: u32,
  label_finally_block: u32,
  label_ret_unwind_jump: u32,
): void {
  // the body finished without exception: stack (..., ctx_mgr)
  mp_emit_bc_load_const_tok(emit, MP_TOKEN_KW_NONE);
  mp_emit_bc_rot_two(emit);
  mp_emit_bc_jump(emit, label_aexit_no_exc);
  // the finally block, entered by an exception, a return or an unwind jump
  mp_emit_bc_label_assign(emit, label_finally_block);
  mp_emit_bc_dup_top(emit);
  mp_emit_bc_load_global(emit, MP_QSTR_BaseException, 1);
  mp_emit_bc_binary_op(emit, MP_BINARY_OP_EXCEPTION_MATCH);
  mp_emit_bc_pop_jump_if(emit, false, label_ret_unwind_jump);
}

export function mp_emit_bc_end_finally(emit: emit_t): void {
  emit_write_bytecode_byte(emit, -1, BC.MP_BC_END_FINALLY);
}

export function mp_emit_bc_get_iter(emit: emit_t, use_stack: bool): void {
  const stack_adj: i32 = use_stack ? MP_OBJ_ITER_BUF_NSLOTS - 1 : 0;
  emit_write_bytecode_byte(emit, stack_adj, use_stack ? BC.MP_BC_GET_ITER_STACK : BC.MP_BC_GET_ITER);
}

export function mp_emit_bc_for_iter(emit: emit_t, label: u32): void {
  emit_write_bytecode_byte_label(emit, 1, BC.MP_BC_FOR_ITER, label);
}

export function mp_emit_bc_for_iter_end(emit: emit_t): void {
  mp_emit_bc_adjust_stack_size(emit, -MP_OBJ_ITER_BUF_NSLOTS);
}

export function mp_emit_bc_pop_except_jump(emit: emit_t, label: u32, within_exc_handler: bool): void {
  emit_write_bytecode_byte_label(emit, 0, BC.MP_BC_POP_EXCEPT_JUMP, label);
  emit.suppress = 1;
}

export function mp_emit_bc_unary_op(emit: emit_t, op: u32): void {
  emit_write_bytecode_byte(emit, 0, BC.MP_BC_UNARY_OP_MULTI + op);
}

export function mp_emit_bc_binary_op(emit: emit_t, op: u32): void {
  let invert = false;
  if (op == MP_BINARY_OP_NOT_IN) {
    invert = true;
    op = MP_BINARY_OP_IN;
  } else if (op == MP_BINARY_OP_IS_NOT) {
    invert = true;
    op = MP_BINARY_OP_IS;
  }
  emit_write_bytecode_byte(emit, -1, BC.MP_BC_BINARY_OP_MULTI + op);
  if (invert) emit_write_bytecode_byte(emit, 0, BC.MP_BC_UNARY_OP_MULTI + MP_UNARY_OP_NOT);
}

export function mp_emit_bc_build(emit: emit_t, n_args: u32, kind: u32): void {
  const stack_adj: i32 = kind == MP_EMIT_BUILD_MAP ? 1 : 1 - <i32>n_args;
  emit_write_bytecode_byte_uint(emit, stack_adj, BC.MP_BC_BUILD_TUPLE + kind, n_args);
}

export function mp_emit_bc_store_map(emit: emit_t): void {
  emit_write_bytecode_byte(emit, -2, BC.MP_BC_STORE_MAP);
}

export function mp_emit_bc_store_comp(emit: emit_t, kind: u32, collection_stack_index: u32): void {
  let t: u32;
  let n: u32;
  if (kind == SCOPE_LIST_COMP) {
    n = 0;
    t = 0;
  } else if (kind == SCOPE_DICT_COMP) {
    n = 1;
    t = 1;
  } else {
    n = 0;
    t = 2;
  }
  // the low 2 bits of the argument give the collection type
  emit_write_bytecode_byte_uint(emit, -1 - <i32>n, BC.MP_BC_STORE_COMP, ((collection_stack_index + n) << 2) | t);
}

export function mp_emit_bc_unpack_sequence(emit: emit_t, n_args: u32): void {
  emit_write_bytecode_byte_uint(emit, -1 + <i32>n_args, BC.MP_BC_UNPACK_SEQUENCE, n_args);
}

export function mp_emit_bc_unpack_ex(emit: emit_t, n_left: u32, n_right: u32): void {
  emit_write_bytecode_byte_uint(emit, -1 + <i32>n_left + <i32>n_right + 1, BC.MP_BC_UNPACK_EX, n_left | (n_right << 8));
}

export function mp_emit_bc_make_function(emit: emit_t, scope: scope_t, n_pos_defaults: u32, n_kw_defaults: u32): void {
  if (n_pos_defaults == 0 && n_kw_defaults == 0) {
    emit_write_bytecode_byte_child(emit, 1, BC.MP_BC_MAKE_FUNCTION, scope.raw_code);
  } else {
    emit_write_bytecode_byte_child(emit, -1, BC.MP_BC_MAKE_FUNCTION_DEFARGS, scope.raw_code);
  }
}

export function mp_emit_bc_make_closure(
  emit: emit_t,
  scope: scope_t,
  n_closed_over: u32,
  n_pos_defaults: u32,
  n_kw_defaults: u32,
): void {
  if (n_pos_defaults == 0 && n_kw_defaults == 0) {
    emit_write_bytecode_byte_child(emit, 1 - <i32>n_closed_over, BC.MP_BC_MAKE_CLOSURE, scope.raw_code);
    emit_write_bytecode_raw_byte(emit, n_closed_over);
  } else {
    emit_write_bytecode_byte_child(emit, -2 - <i32>n_closed_over + 1, BC.MP_BC_MAKE_CLOSURE_DEFARGS, scope.raw_code);
    emit_write_bytecode_raw_byte(emit, n_closed_over);
  }
}

function emit_bc_call_function_method_helper(
  emit: emit_t,
  stack_adj: i32,
  bytecode_base: u32,
  n_positional: u32,
  n_keyword: u32,
  star_flags: u32,
): void {
  if (star_flags != 0) {
    // positional args, key/value pairs, and the star-args bitmap
    stack_adj -= <i32>n_positional + 2 * <i32>n_keyword + 1;
    emit_write_bytecode_byte_uint(emit, stack_adj, bytecode_base + 1, (n_keyword << 8) | n_positional);
  } else {
    stack_adj -= <i32>n_positional + 2 * <i32>n_keyword;
    emit_write_bytecode_byte_uint(emit, stack_adj, bytecode_base, (n_keyword << 8) | n_positional);
  }
}

export function mp_emit_bc_call_function(emit: emit_t, n_positional: u32, n_keyword: u32, star_flags: u32): void {
  emit_bc_call_function_method_helper(emit, 0, BC.MP_BC_CALL_FUNCTION, n_positional, n_keyword, star_flags);
}

export function mp_emit_bc_call_method(emit: emit_t, n_positional: u32, n_keyword: u32, star_flags: u32): void {
  emit_bc_call_function_method_helper(emit, -1, BC.MP_BC_CALL_METHOD, n_positional, n_keyword, star_flags);
}

export function mp_emit_bc_return_value(emit: emit_t): void {
  emit_write_bytecode_byte(emit, -1, BC.MP_BC_RETURN_VALUE);
  emit.suppress = 1;
}

export function mp_emit_bc_raise_varargs(emit: emit_t, n_args: u32): void {
  emit_write_bytecode_byte(emit, -(<i32>n_args), BC.MP_BC_RAISE_LAST + n_args);
  emit.suppress = 1;
}

export function mp_emit_bc_yield(emit: emit_t, kind: u32): void {
  emit_write_bytecode_byte(emit, -(<i32>kind), BC.MP_BC_YIELD_VALUE + kind);
  const scope = cur_scope(emit);
  scope.scope_flags |= <u16>MP_SCOPE_FLAG_GENERATOR;
}

export function mp_emit_bc_start_except_handler(emit: emit_t): void {
  // the exception instance, plus 3 for a possible UNWIND_JUMP state
  mp_emit_bc_adjust_stack_size(emit, 4);
}

export function mp_emit_bc_end_except_handler(emit: emit_t): void {
  mp_emit_bc_adjust_stack_size(emit, -3);
}
