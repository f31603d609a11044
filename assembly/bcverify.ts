// Verification of bytecode from outside (a loaded .mpy file) before the VM
// may run it. MicroPython trusts .mpy contents; we do not, because a wasm
// trap is never an acceptable outcome of bad input. The checks are
// structural: the prelude decodes inside the function's data with sane
// sizes, every argument names an existing qstr, constant, child or local,
// every opcode is one of MicroPython's v6 opcodes, and every jump lands on an
// instruction of the same function.
//
// Bytecode layout (MicroPython's bc.h): prelude signature (var-length),
// prelude size (n_info, n_cell), n_info bytes of source info (simple name,
// argument names as qstr-table indices, line-number table), n_cell bytes of
// cell local numbers, then the opcodes up to the end of the function data.

import {
  MP_BC_FORMAT,
  MP_BC_FORMAT_QSTR,
  MP_BC_FORMAT_VAR_UINT,
  MP_BC_FORMAT_OFFSET,
  MP_BC_MASK_EXTRA_BYTE,
  MP_BC_LOAD_CONST_OBJ,
  MP_BC_LOAD_CONST_SMALL_INT,
  MP_BC_MAKE_FUNCTION,
  MP_BC_MAKE_FUNCTION_DEFARGS,
  MP_BC_MAKE_CLOSURE,
  MP_BC_MAKE_CLOSURE_DEFARGS,
  MP_BC_LOAD_FAST_N,
  MP_BC_LOAD_DEREF,
  MP_BC_STORE_FAST_N,
  MP_BC_STORE_DEREF,
  MP_BC_DELETE_FAST,
  MP_BC_DELETE_DEREF,
  MP_BC_UNWIND_JUMP,
  MP_BC_POP_JUMP_IF_FALSE,
  MP_BC_LOAD_FAST_MULTI,
  MP_BC_STORE_FAST_MULTI,
  MP_BC_LOAD_FAST_MULTI_NUM,
  MP_BC_STORE_FAST_MULTI_NUM,
  MP_BC_BUILD_MAP,
  MP_BC_STORE_COMP,
  MP_BC_UNPACK_EX,
  MP_BC_CALL_FUNCTION,
  MP_BC_CALL_METHOD_VAR_KW,
} from "./bc0";
import { MP_SCOPE_FLAG_VARARGS, MP_SCOPE_FLAG_VARKEYWORDS, MP_SCOPE_FLAG_GENERATOR } from "./runtime0";
import {
  mp_bc_prelude_sig_decode,
  mp_bc_prelude_size_decode,
  bc_n_state,
  bc_n_exc_stack,
  bc_scope_flags,
  bc_n_pos_args,
  bc_n_kwonly_args,
  bc_n_def_pos_args,
  bc_n_info,
  bc_n_cell,
} from "./bc";
import { gc_alloc, gc_free } from "./gc";
import { mp_root_mark, mp_root_push, mp_root_release } from "./rootstack";
import { mp_bytecode_check_stack, mp_bytecode_stack_oom } from "./bcverifystack";

/** Set when the last mp_bytecode_verify failed for want of heap. */
export let mp_bytecode_verify_oom: bool = false;

// Locals the function uses (arguments, cells, LOAD/STORE/DELETE_FAST/DEREF
// numbers), found by the structural pass; the stack may use the rest.
let v_n_locals: u32 = 0;

/** Largest n_state (locals + stack words) accepted from a file. */
@inline const MAX_N_STATE: u32 = 0x4000;
/** Largest exception-stack depth accepted from a file. */
@inline const MAX_N_EXC_STACK: u32 = 0x400;

// opcodes of MicroPython's v6 set, one bit each (bc0.h)
const valid_opcodes: usize = memory.data(32, 4);
let valid_opcodes_ready: bool = false;

function opcode_set(lo: u32, hi: u32): void {
  for (let op = lo; op <= hi; op++) {
    const w = valid_opcodes + ((op >> 5) << 2);
    store<u32>(w, load<u32>(w) | (<u32>1 << (op & 31)));
  }
}

function opcode_valid(op: u32): bool {
  if (!valid_opcodes_ready) {
    opcode_set(0x10, 0x1c); // qstr-argument opcodes
    opcode_set(0x20, 0x2f); // var-uint (closures, constants, locals, builds)
    opcode_set(0x30, 0x37); // unpack, make function, calls
    opcode_set(0x40, 0x40); // UNWIND_JUMP
    opcode_set(0x42, 0x4b); // jumps, setups, FOR_ITER
    opcode_set(0x50, 0x5f); // byte opcodes
    opcode_set(0x62, 0x69);
    opcode_set(0x70, 0xaf); // LOAD_CONST_SMALL_INT_MULTI
    opcode_set(0xb0, 0xcf); // LOAD_FAST_MULTI, STORE_FAST_MULTI
    opcode_set(0xd0, 0xd3); // UNARY_OP_MULTI (4 bytecode ops)
    opcode_set(0xd7, 0xd7 + 34); // BINARY_OP_MULTI (35 bytecode ops)
    valid_opcodes_ready = true;
  }
  return (load<u32>(valid_opcodes + ((op >> 5) << 2)) & (<u32>1 << (op & 31))) != 0;
}

// ---- a bounded cursor over the function data ----
let vp: usize = 0;
let vtop: usize = 0;
let vbad: bool = false;

function vbyte(): u32 {
  if (vp >= vtop) {
    vbad = true;
    return 0;
  }
  return <u32>load<u8>(vp++);
}

// The end of a field of at most 5 bytes whose high bits say "more follows"
// (the prelude's encodings), or 0 if it does not end before `top`.
function varlen_end(p: usize, top: usize): usize {
  for (let n = 0; n < 5 && p < top; n++) {
    if ((load<u8>(p++) & 0x80) == 0) return p;
  }
  return 0;
}

function vuint(): u32 {
  let v: u32 = 0;
  for (let i = 0; ; i++) {
    const b = vbyte();
    if (i == 4 && (v >> 25) != 0) vbad = true;
    v = (v << 7) | (b & 0x7f);
    if ((b & 0x80) == 0 || vbad) break;
  }
  return v;
}

/**
 * True if the `len` bytes of function data at `fun_data` are well-formed
 * bytecode for a module with `n_qstr` qstrs (the u16 table at `qstr_table`),
 * `n_obj` constants, and a
 * function with `n_children` children (see the file comment). Allocates
 * scratch tables on the GC heap; when that fails the result is false and
 * mp_bytecode_verify_oom is set (no exception is raised).
 */
export function mp_bytecode_verify(
  fun_data: usize,
  len: usize,
  qstr_table: usize,
  n_qstr: usize,
  n_obj: usize,
  n_children: usize,
): bool {
  mp_bytecode_verify_oom = false;
  vp = fun_data;
  vtop = fun_data + len;
  vbad = false;

  // the prelude's signature and size fields: bc.ts decodes them once their
  // bytes are known to lie inside the data (at most 5 bytes each)
  const sig_end = varlen_end(fun_data, vtop);
  if (sig_end == 0) return false;
  mp_bc_prelude_sig_decode(fun_data);
  const n_state = bc_n_state;
  const E = bc_n_exc_stack;
  const F = bc_scope_flags;
  const A = bc_n_pos_args;
  const K = bc_n_kwonly_args;
  if (n_state > MAX_N_STATE || E > MAX_N_EXC_STACK || bc_n_def_pos_args > A) return false;
  let n_args = A + K;
  if ((F & MP_SCOPE_FLAG_VARARGS) != 0) n_args++;
  if ((F & MP_SCOPE_FLAG_VARKEYWORDS) != 0) n_args++;
  if (n_args > n_state) return false;
  vp = varlen_end(sig_end, vtop);
  if (vp == 0) return false;
  mp_bc_prelude_size_decode(sig_end);
  const I = bc_n_info;
  const C = bc_n_cell;
  if (<usize>I > vtop - vp || <usize>C > vtop - vp - <usize>I) return false;
  const info = vp;
  const code = info + I + C;

  // source info: the simple name and the argument names, all qstr indices
  vtop = info + I;
  for (let i: u32 = 0; i <= A + K; i++) {
    if (vuint() >= <u32>n_qstr) return false;
  }
  if (vbad) return false;
  // the line-number table runs to the end of the info section; its entries
  // are read with bounds by mp_bytecode_get_source_line

  // cells: local numbers
  v_n_locals = n_args;
  for (let p = info + I; p < code; p++) {
    const c = <u32>load<u8>(p);
    if (c >= n_state) return false;
    if (c + 1 > v_n_locals) v_n_locals = c + 1;
  }

  // opcodes: one pass marking instruction starts, then the jump targets
  const top = fun_data + len;
  const code_len = top - code;
  const nwords = (code_len + 32) >> 5;
  // two bitmaps: instruction starts, then labels (jump and handler targets)
  const starts = gc_alloc(nwords << 3, 0);
  if (starts == 0) {
    mp_bytecode_verify_oom = true;
    return false;
  }
  const mark = mp_root_mark();
  mp_root_push(starts);
  let ok = check_opcodes(code, top, starts, n_qstr, n_obj, n_children, n_state, false);
  if (ok) ok = check_opcodes(code, top, starts, n_qstr, n_obj, n_children, n_state, true);
  // the stack may use what the locals leave of the frame
  if (ok) {
    const is_gen = (F & MP_SCOPE_FLAG_GENERATOR) != 0;
    ok = mp_bytecode_check_stack(code, top, starts + (nwords << 2), n_state - v_n_locals, E, qstr_table, is_gen);
    if (mp_bytecode_stack_oom) mp_bytecode_verify_oom = true;
  }
  mp_root_release(mark);
  gc_free(starts);
  return ok;
}

// One pass over the opcodes in [code, top): with `jumps` false, checks each
// instruction and marks its start in the bitmap `starts`; with `jumps` true,
// checks that every jump lands on a marked start (or at `top`).
function check_opcodes(
  code: usize,
  top: usize,
  starts: usize,
  n_qstr: usize,
  n_obj: usize,
  n_children: usize,
  n_state: u32,
  jumps: bool,
): bool {
  vp = code;
  vtop = top;
  vbad = false;
  while (vp < top) {
    const at = vp - code;
    if (!jumps) {
      const w = starts + ((at >> 5) << 2);
      store<u32>(w, load<u32>(w) | (<u32>1 << (<u32>at & 31)));
    }
    const op = vbyte();
    if (!opcode_valid(op)) return false;
    const fmt = MP_BC_FORMAT(op);
    if (fmt == MP_BC_FORMAT_QSTR) {
      if (vuint() >= <u32>n_qstr) return false;
    } else if (fmt == MP_BC_FORMAT_VAR_UINT) {
      if (op == MP_BC_LOAD_CONST_SMALL_INT) {
        // a signed var-int: any value fits a small int after sign extension,
        // but not more than 5 bytes
        let n = 0;
        while ((vbyte() & 0x80) != 0) {
          if (++n >= 5) return false;
        }
      } else {
        const arg = vuint();
        if (op == MP_BC_LOAD_CONST_OBJ) {
          if (arg >= <u32>n_obj) return false;
        } else if (
          op == MP_BC_MAKE_FUNCTION ||
          op == MP_BC_MAKE_FUNCTION_DEFARGS ||
          op == MP_BC_MAKE_CLOSURE ||
          op == MP_BC_MAKE_CLOSURE_DEFARGS
        ) {
          if (arg >= <u32>n_children) return false;
        } else if (
          op == MP_BC_LOAD_FAST_N ||
          op == MP_BC_STORE_FAST_N ||
          op == MP_BC_DELETE_FAST ||
          op == MP_BC_LOAD_DEREF ||
          op == MP_BC_STORE_DEREF ||
          op == MP_BC_DELETE_DEREF
        ) {
          if (arg >= n_state) return false;
          if (arg + 1 > v_n_locals) v_n_locals = arg + 1;
        } else if (op == MP_BC_BUILD_MAP) {
          // a size hint, not a count of stack items
        } else if (op == MP_BC_STORE_COMP) {
          // stack position << 2 | kind
          if (arg >> 2 > n_state) return false;
        } else if (op == MP_BC_UNPACK_EX) {
          // n_left | n_right << 8, pushing n_left + 1 + n_right items
          if (arg > 0xffff || (arg & 0xff) + (arg >> 8) + 1 > n_state) return false;
        } else if (op >= MP_BC_CALL_FUNCTION && op <= MP_BC_CALL_METHOD_VAR_KW) {
          // n_pos | n_kw << 8, taking n_pos + 2 * n_kw items
          if (arg > 0xffff || (arg & 0xff) + ((arg >> 8) << 1) > n_state) return false;
        } else if (arg > n_state) {
          // counts of stack items (builds, unpacks, slices, comprehension depth)
          return false;
        }
      }
    } else if (fmt == MP_BC_FORMAT_OFFSET) {
      let off: i32;
      const b0 = vbyte();
      if ((b0 & 0x80) == 0) {
        off = <i32>b0;
        if (op >= MP_BC_UNWIND_JUMP && op <= MP_BC_POP_JUMP_IF_FALSE) off -= 0x40;
      } else {
        off = <i32>((b0 & 0x7f) | (vbyte() << 7));
        if (op >= MP_BC_UNWIND_JUMP && op <= MP_BC_POP_JUMP_IF_FALSE) off -= 0x4000;
      }
      // relative to the end of the offset (UNWIND_JUMP's count byte follows it)
      const dest = <isize>(vp - code) + <isize>off;
      if ((op & MP_BC_MASK_EXTRA_BYTE) == 0) vbyte();
      if (vbad) return false;
      if (jumps) {
        if (dest < 0 || <usize>dest > top - code) return false;
        if (<usize>dest < top - code) {
          const d = <usize>dest;
          if ((load<u32>(starts + ((d >> 5) << 2)) & (<u32>1 << (<u32>d & 31))) == 0) return false;
          const lw = starts + (((top - code + 32) >> 5) << 2) + ((d >> 5) << 2);
          store<u32>(lw, load<u32>(lw) | (<u32>1 << (<u32>d & 31)));
        }
      }
      continue;
    } else if (op >= MP_BC_LOAD_FAST_MULTI && op < MP_BC_LOAD_FAST_MULTI + MP_BC_LOAD_FAST_MULTI_NUM) {
      if (op - MP_BC_LOAD_FAST_MULTI >= n_state) return false;
      if (op - MP_BC_LOAD_FAST_MULTI + 1 > v_n_locals) v_n_locals = op - MP_BC_LOAD_FAST_MULTI + 1;
    } else if (op >= MP_BC_STORE_FAST_MULTI && op < MP_BC_STORE_FAST_MULTI + MP_BC_STORE_FAST_MULTI_NUM) {
      if (op - MP_BC_STORE_FAST_MULTI >= n_state) return false;
      if (op - MP_BC_STORE_FAST_MULTI + 1 > v_n_locals) v_n_locals = op - MP_BC_STORE_FAST_MULTI + 1;
    }
    if ((op & MP_BC_MASK_EXTRA_BYTE) == 0) vbyte(); // MAKE_CLOSURE's n_closed_over
    if (vbad) return false;
  }
  return true;
}

