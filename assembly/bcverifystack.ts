// The stack pass of bytecode verification (see bcverify.ts): an abstract
// interpretation of vm.ts over one function, proving that no instruction can
// make the VM read a non-object as an object, run off its stacks, or reach
// the locals with its value stack.
//
// The abstract state is the kind of every value-stack slot plus the
// exception-stack entries (handler offset, saved stack depth, kind). States
// are stored at labels (jump and handler targets); a label keeps up to
// MAX_VARIANTS states of different shapes (a finally block is entered with
// one, two or three slots on top), merges states of the same shape, and the
// pass ends when no state changes.
//
// The VM's rules are followed exactly:
// - a handler is active once execution is at or past its offset (vm.ts
//   compares code addresses);
// - an exception resets the stack to the topmost inactive handler's saved
//   depth and pushes the exception (so handler states are made at SETUP_*,
//   and code in a try body may not pop below the saved depth);
// - RETURN_VALUE and UNWIND_JUMP walk the exception stack: an inactive
//   finally runs with (return value, -1) or (destination, count) on top, a
//   raw code address among them; an active one is cancelled, dropping its
//   marker; END_FINALLY then resumes the walk. The walk is simulated at each
//   of these points, so a finally block is verified for every way into it.
// Instructions that only read a slot (DUP_TOP, IMPORT_FROM...) may read below
// that depth; those that pop or rewrite slots may not.
// Operands must be of the kind the opcode expects: iterator slots only for
// FOR_ITER, code addresses never as objects, NULL only where MicroPython's
// compiler puts it (defaults, a method call's self, a `**` key, the value of
// a delete), a small-int unwind marker only where the VM's unwinding reads it.
//
// One fact about values is used: the exception a handler receives is an
// instance of BaseException, so MicroPython's `async with`/`async for`
// handlers (`exception match` against the global BaseException, then a
// jump) take one way only. A module that stores or deletes a global named
// BaseException is therefore rejected.

import {
  MP_BC_FORMAT,
  MP_BC_FORMAT_QSTR,
  MP_BC_FORMAT_VAR_UINT,
  MP_BC_FORMAT_OFFSET,
  MP_BC_MASK_EXTRA_BYTE,
  MP_BC_UNWIND_JUMP,
  MP_BC_POP_JUMP_IF_FALSE,
} from "./bc0";
import { gc_alloc, gc_realloc } from "./gc";
import { mp_root_mark, mp_root_push, mp_root_release, mp_root_alloc, mp_root_set } from "./rootstack";
import { MP_BINARY_OP_EXCEPTION_MATCH } from "./runtime0";
import { MP_QSTR_BaseException } from "./genhdr";

// slot kinds (low 8 bits of a slot; an unwind marker keeps its context above)
@inline const K_OBJ: u32 = 1; // any object
@inline const K_NONE: u32 = 2; // None
@inline const K_NUL: u32 = 3; // an object or NULL
@inline const K_NULLK: u32 = 4; // NULL (LOAD_NULL)
@inline const K_EXC: u32 = 5; // None or an exception: a finally block's entry value
@inline const K_EXCI: u32 = 6; // an exception: a handler's entry value
@inline const K_BASEEXC: u32 = 14; // LOAD_GLOBAL BaseException
@inline const K_TRUE: u32 = 15; // an exception matched against BaseException
@inline const K_FALSE: u32 = 16; // None or a small int matched against BaseException
@inline const K_W1: u32 = 7; // a with statement's __exit__
@inline const K_W2: u32 = 8; // its self (or NULL)
@inline const K_IT0: u32 = 9; // first slot of an iterator made by GET_ITER_STACK
@inline const K_IT: u32 = 10; // its other three slots
@inline const K_ADDR: u32 = 11; // a code address (an unwind's destination)
@inline const K_UNW: u32 = 12; // small int: unwind marker; << 8: site << 7 | levels left
@inline const K_RET: u32 = 13; // small int -1: a return through a finally

// exception-stack entry kinds
@inline const EK_EXCEPT: u8 = 1;
@inline const EK_FINALLY: u8 = 2;
@inline const EK_WITH: u8 = 3;

/** States kept per label before verification gives up (shapes of finally entry). */
@inline const MAX_VARIANTS: u32 = 32;
/** Longest code verified (unwind markers keep the site's offset in 17 bits). */
@inline const MAX_CODE: u32 = 1 << 17;

// state: depth u32, n_exc u32, next state of the label (usize), slots u32[cap],
// then n_exc entries of 8 bytes: handler offset u32, saved depth u16, kind u8
@inline const ST_HDR: usize = 12;
let st_cap: u32 = 0;
let st_emax: u32 = 0;
let st_size: usize = 0;
let W: usize = 0; // the working state
let W2: usize = 0; // scratch for an exception edge
let cur_off: u32 = 0; // offset of the instruction being run
let v_code: usize = 0;
let v_code_len: u32 = 0;
let v_labels: usize = 0;
let v_states: usize = 0;
let v_work: usize = 0; // the worklist: GC block of state pointers
let v_work_cap: u32 = 0;
let v_work_root: usize = 0; // its root-stack slot
let v_nwork: u32 = 0;
let v_nstates: u32 = 0;
let v_floor: u32 = 0;
/** Set when the last stack pass failed for want of heap. */
export let mp_bytecode_stack_oom: bool = false;
let v_qstr_table: usize = 0;
let v_is_gen: bool = false; // YIELD_VALUE/YIELD_FROM only in generators

// The qstr that entry `i` of the module's qstr table names (checked < n_qstr).
@inline function qstr_at(i: u32): usize {
  return <usize>load<u16>(v_qstr_table + (<usize>i << 1));
}

@inline function st_d(s: usize): u32 {
  return load<u32>(s);
}
@inline function st_ne(s: usize): u32 {
  return load<u32>(s + 4);
}
@inline function st_slot(s: usize, i: u32): u32 {
  return load<u32>(s + ST_HDR + (<usize>i << 2));
}
@inline function st_kind(s: usize, i: u32): u32 {
  return st_slot(s, i) & 0xff;
}
@inline function set_slot(i: u32, v: u32): void {
  store<u32>(W + ST_HDR + (<usize>i << 2), v);
}
@inline function st_entry(s: usize, i: u32): usize {
  return s + ST_HDR + (<usize>st_cap << 2) + (<usize>i << 3);
}
@inline function set_d(d: u32): void {
  store<u32>(W, d);
}
@inline function set_ne(n: u32): void {
  store<u32>(W + 4, n);
}
@inline function e_handler(e: usize): u32 {
  return load<u32>(e);
}
@inline function e_base(e: usize): u32 {
  return <u32>load<u16>(e + 4);
}
@inline function e_kind(e: usize): u8 {
  return load<u8>(e + 6);
}
@inline function e_active(e: usize): bool {
  return cur_off >= e_handler(e);
}

// kinds an operation may use as an object (unwind markers are small ints)
function is_obj(k: u32): bool {
  return is_obj_family(k) || k == K_UNW || k == K_RET;
}
// kinds that merge into K_OBJ
function is_obj_family(k: u32): bool {
  return k == K_OBJ || k == K_NONE || k == K_EXC || k == K_EXCI || k == K_BASEEXC || k == K_TRUE || k == K_FALSE;
}
function is_maybe_null(k: u32): bool {
  return is_obj(k) || k == K_NUL || k == K_NULLK;
}

// The lowest slot an instruction may pop: inactive handlers' saved depths
// (an exception would reset the stack to them).
function floor(): u32 {
  let f: u32 = 0;
  const ne = st_ne(W);
  for (let i: u32 = 0; i < ne; i++) {
    const e = st_entry(W, i);
    if (!e_active(e) && e_base(e) > f) f = e_base(e);
  }
  return f;
}

function pop_obj(): bool {
  const d = st_d(W);
  if (d <= v_floor || !is_obj(st_kind(W, d - 1))) return false;
  set_d(d - 1);
  return true;
}
function pop_maybe_null(): bool {
  const d = st_d(W);
  if (d <= v_floor || !is_maybe_null(st_kind(W, d - 1))) return false;
  set_d(d - 1);
  return true;
}
function pop_objs(n: u32): bool {
  for (let i: u32 = 0; i < n; i++) if (!pop_obj()) return false;
  return true;
}
function push(v: u32): bool {
  const d = st_d(W);
  if (d >= st_cap) return false;
  set_slot(d, v);
  set_d(d + 1);
  return true;
}

// The top four slots are an iterator: GET_ITER_STACK's, or a generator
// expression's NULL, iterator, NULL, NULL.
function top_is_iter(): bool {
  const d = st_d(W);
  if (d < 4 || d - 4 < v_floor) return false;
  const k0 = st_kind(W, d - 4);
  if (k0 == K_IT0) return st_kind(W, d - 3) == K_IT && st_kind(W, d - 2) == K_IT && st_kind(W, d - 1) == K_IT;
  return k0 == K_NULLK && is_obj(st_kind(W, d - 3)) && st_kind(W, d - 2) == K_NULLK && st_kind(W, d - 1) == K_NULLK;
}

// The least kind covering both slot values, or 0 if there is none.
function join(a: u32, b: u32): u32 {
  if (a == b) return a;
  const none_or_exc = (a == K_NONE || a == K_EXC || a == K_EXCI) && (b == K_NONE || b == K_EXC || b == K_EXCI);
  if (none_or_exc) return K_EXC;
  if (is_obj_family(a) && is_obj_family(b)) return K_OBJ;
  const an = is_obj_family(a) || a == K_NUL || a == K_NULLK;
  const bn = is_obj_family(b) || b == K_NUL || b == K_NULLK;
  if (an && bn) return K_NUL;
  return 0;
}

// ---- label states ----

// Queues state `s` (at most once: its depth word's top bit marks it); false
// if the worklist cannot grow (mp_bytecode_stack_oom set).
function work_push(s: usize): bool {
  const d = load<u32>(s);
  if ((d & 0x80000000) != 0) return true;
  if (v_nwork == v_work_cap) {
    const nw = gc_realloc(v_work, <usize>v_work_cap << 3, true);
    if (nw == 0) {
      mp_bytecode_stack_oom = true;
      return false;
    }
    v_work = nw;
    v_work_cap <<= 1;
    mp_root_set(v_work_root, nw);
  }
  store<u32>(s, d | 0x80000000);
  store<usize>(v_work + (<usize>v_nwork << 2), s);
  v_nwork++;
  return true;
}

// Do states `a` and `b` have the same shape (depth and exception stack)?
function same_shape(a: usize, b: usize): bool {
  const d = st_d(a) & 0x7fffffff;
  const ne = st_ne(a);
  if (d != st_d(b) || ne != st_ne(b)) return false;
  for (let i: u32 = 0; i < ne; i++) {
    if (load<u64>(st_entry(a, i)) != load<u64>(st_entry(b, i))) return false;
  }
  for (let i: u32 = 0; i < d; i++) {
    if (join(st_slot(a, i), st_slot(b, i)) == 0) return false;
  }
  return true;
}

// Merges the working state into label `t`; false if it cannot be (or for
// want of heap, with mp_bytecode_stack_oom set).
function merge_into(t: u32): bool {
  return merge_state(t, W);
}

// Merges state `ws` into label `t` (see merge_into).
function merge_state(t: u32, ws: usize): bool {
  if (t >= v_code_len) return false; // running off the end of the code
  const head = v_states + (<usize>t << 2);
  let n: u32 = 0;
  for (let s = load<usize>(head); s != 0; s = load<usize>(s + 8)) {
    const queued = load<u32>(s) & 0x80000000;
    store<u32>(s, load<u32>(s) & 0x7fffffff);
    const same = same_shape(s, ws);
    store<u32>(s, load<u32>(s) | queued);
    if (same) {
      let changed = false;
      const d = st_d(ws);
      for (let i: u32 = 0; i < d; i++) {
        const a = st_slot(s, i);
        const j = join(a, st_slot(ws, i));
        if (j != a) {
          store<u32>(s + ST_HDR + (<usize>i << 2), j);
          changed = true;
        }
      }
      return changed ? work_push(s) : true;
    }
    n++;
  }
  if (n >= MAX_VARIANTS || v_nstates >= v_code_len * 4 + 64) return false;
  const s = gc_alloc(st_size, 0);
  if (s == 0) {
    mp_bytecode_stack_oom = true;
    return false;
  }
  memory.copy(s, ws, st_size);
  // states are kept alive by the label table (scanned by the GC) and the list
  store<usize>(s + 8, load<usize>(head));
  store<usize>(head, s);
  // remember the label of the state for the worklist
  store<u32>(s + ST_HDR + (<usize>st_cap << 2) + (<usize>st_emax << 3), t);
  v_nstates++;
  return work_push(s);
}

// ---- instructions ----

let i_op: u32 = 0;
let i_arg: u32 = 0;
let i_extra: u32 = 0;
let i_dest: u32 = 0;
let i_next: u32 = 0;

// Decodes the (structurally checked) instruction at offset `off`.
function decode(off: u32): void {
  let p = v_code + off;
  const op = <u32>load<u8>(p++);
  i_op = op;
  i_arg = 0;
  i_dest = 0;
  const fmt = MP_BC_FORMAT(op);
  if (fmt == MP_BC_FORMAT_QSTR || fmt == MP_BC_FORMAT_VAR_UINT) {
    let v: u32 = 0;
    let b: u32;
    do {
      b = <u32>load<u8>(p++);
      v = (v << 7) | (b & 0x7f);
    } while ((b & 0x80) != 0);
    i_arg = v;
  } else if (fmt == MP_BC_FORMAT_OFFSET) {
    let o: i32;
    const b0 = <u32>load<u8>(p++);
    if ((b0 & 0x80) == 0) {
      o = <i32>b0;
      if (op >= MP_BC_UNWIND_JUMP && op <= MP_BC_POP_JUMP_IF_FALSE) o -= 0x40;
    } else {
      o = <i32>((b0 & 0x7f) | (<u32>load<u8>(p++) << 7));
      if (op >= MP_BC_UNWIND_JUMP && op <= MP_BC_POP_JUMP_IF_FALSE) o -= 0x4000;
    }
    i_dest = <u32>(<i32>(p - v_code) + o);
  }
  i_extra = (op & MP_BC_MASK_EXTRA_BYTE) == 0 ? <u32>load<u8>(p++) : 0;
  i_next = <u32>(p - v_code);
}

@inline function is_label(off: u32): bool {
  return (load<u32>(v_labels + ((<usize>off >> 5) << 2)) & (<u32>1 << (off & 31))) != 0;
}

/**
 * Runs the stack pass over the code at [code, top) whose jump and handler
 * targets are marked in the bitmap `labels`, with `cap` value-stack slots
 * (the frame's n_state less its locals) and `emax` exception-stack entries;
 * `qstr_table` is the module's, `is_generator` the prelude's generator flag.
 * True if every path is safe; false if not, or for want of heap
 * (mp_bytecode_stack_oom set).
 */
export function mp_bytecode_check_stack(
  code: usize,
  top: usize,
  labels: usize,
  cap: u32,
  emax: u32,
  qstr_table: usize,
  is_generator: bool,
): bool {
  v_qstr_table = qstr_table;
  v_is_gen = is_generator;
  mp_bytecode_stack_oom = false;
  const code_len = <u32>(top - code);
  if (code_len == 0 || code_len >= MAX_CODE) return false;
  v_code = code;
  v_code_len = code_len;
  v_labels = labels;
  st_cap = cap;
  st_emax = emax;
  // + a word for the state's label
  st_size = ST_HDR + (<usize>cap << 2) + (<usize>emax << 3) + 4;
  v_nstates = 0;
  const mark = mp_root_mark();
  // the worklist starts with room for a state per label and grows on demand
  let n_labels: u32 = 1;
  const nwords = (code_len + 32) >> 5;
  for (let i: u32 = 0; i < nwords; i++) n_labels += <u32>popcnt(load<u32>(labels + (<usize>i << 2)));
  v_work_cap = n_labels + 8;
  v_work_root = mp_root_alloc(1);
  v_work = gc_alloc(<usize>v_work_cap << 2, 0);
  if (v_work_root == 0 || v_work == 0) {
    mp_bytecode_stack_oom = true;
    mp_root_release(mark);
    return false;
  }
  mp_root_set(v_work_root, v_work);
  const tables = gc_alloc((<usize>code_len << 2) + st_size * 2, 0);
  if (tables == 0) {
    mp_bytecode_stack_oom = true;
    mp_root_release(mark);
    return false;
  }
  mp_root_push(tables);
  v_states = tables;
  W = tables + (<usize>code_len << 2);
  W2 = W + st_size;
  v_nwork = 0;
  memory.fill(W, 0, st_size);
  cur_off = 0;
  let ok = merge_into(0);
  while (ok && v_nwork > 0) {
    const s = load<usize>(v_work + (<usize>--v_nwork << 2));
    store<u32>(s, load<u32>(s) & 0x7fffffff);
    memory.copy(W, s, st_size);
    ok = run_block(load<u32>(s + ST_HDR + (<usize>st_cap << 2) + (<usize>st_emax << 3)));
  }
  mp_root_release(mark);
  return ok;
}

@inline const STEP_FAIL: i32 = 0;
@inline const STEP_NEXT: i32 = 1;
@inline const STEP_END: i32 = 2;

// Runs straight-line code from label `off` until a jump, a terminal
// instruction or the next label.
function run_block(off: u32): bool {
  while (true) {
    cur_off = off;
    decode(off);
    v_floor = floor();
    if (!exception_edge()) return false;
    const r = step();
    if (r == STEP_FAIL) return false;
    if (r == STEP_END) return true;
    off = i_next;
    cur_off = off;
    if (off >= v_code_len) return false;
    if (is_label(off)) return merge_into(off);
  }
  return false;
}

// An exception raised here goes to the topmost inactive handler with the
// stack cut to its saved depth plus the exception (entries above it dropped).
function exception_edge(): bool {
  let ne = st_ne(W);
  while (ne > 0 && e_active(st_entry(W, ne - 1))) ne--;
  if (ne == 0) return true;
  const e = st_entry(W, ne - 1);
  const base = e_base(e);
  if (st_d(W) < base || base >= st_cap) return false;
  memory.copy(W2, W, st_size);
  store<u32>(W2, base + 1);
  store<u32>(W2 + 4, ne);
  store<u32>(W2 + ST_HDR + (<usize>base << 2), K_EXCI);
  const save = cur_off;
  cur_off = e_handler(e);
  const ok = merge_state(e_handler(e), W2);
  cur_off = save;
  return ok;
}

function branch(): bool {
  const save = cur_off;
  cur_off = i_dest;
  const ok = merge_into(i_dest);
  cur_off = save;
  return ok;
}

function step(): i32 {
  const op = i_op;
  if (op >= 0x70 && op < 0xb0) return push(K_OBJ) ? STEP_NEXT : STEP_FAIL; // LOAD_CONST_SMALL_INT_MULTI
  if (op >= 0xb0 && op < 0xc0) return push(K_OBJ) ? STEP_NEXT : STEP_FAIL; // LOAD_FAST_MULTI
  if (op >= 0xc0 && op < 0xd0) return pop_obj() ? STEP_NEXT : STEP_FAIL; // STORE_FAST_MULTI
  if (op >= 0xd0 && op < 0xd7) return pop_obj() && push(K_OBJ) ? STEP_NEXT : STEP_FAIL; // UNARY_OP
  if (op >= 0xd7) {
    // BINARY_OP; an exception handler's value always matches BaseException,
    // None and the small ints of unwinds never do
    const d = st_d(W);
    let res = K_OBJ;
    if (op == 0xd7 + MP_BINARY_OP_EXCEPTION_MATCH && d >= 2 && st_kind(W, d - 1) == K_BASEEXC) {
      const l = st_kind(W, d - 2);
      if (l == K_EXCI) res = K_TRUE;
      else if (l == K_NONE || l == K_UNW || l == K_RET) res = K_FALSE;
    }
    return pop_objs(2) && push(res) ? STEP_NEXT : STEP_FAIL;
  }
  let ok = true;
  switch (op) {
    case 0x12: // LOAD_GLOBAL
      ok = push(qstr_at(i_arg) == MP_QSTR_BaseException ? K_BASEEXC : K_OBJ);
      break;
    case 0x10: // LOAD_CONST_STRING
    case 0x11: // LOAD_NAME
    case 0x22: // LOAD_CONST_SMALL_INT
    case 0x23: // LOAD_CONST_OBJ
    case 0x24: // LOAD_FAST_N
    case 0x25: // LOAD_DEREF
    case 0x2c: // BUILD_MAP
    case 0x32: // MAKE_FUNCTION
    case 0x50: // LOAD_CONST_FALSE
    case 0x52: // LOAD_CONST_TRUE
    case 0x54: // LOAD_BUILD_CLASS
      ok = push(K_OBJ);
      break;
    case 0x51: // LOAD_CONST_NONE
      ok = push(K_NONE);
      break;
    case 0x53: // LOAD_NULL
      ok = push(K_NULLK);
      break;
    case 0x13: // LOAD_ATTR
    case 0x5e: // GET_ITER
    case 0x67: // YIELD_VALUE
      ok = (op != 0x67 || v_is_gen) && pop_obj() && push(K_OBJ);
      break;
    case 0x14: // LOAD_METHOD: (obj) -> (method, self or NULL)
      ok = pop_obj() && push(K_OBJ) && push(K_NUL);
      break;
    case 0x15: // LOAD_SUPER_METHOD: (super, class, self) -> (method, self)
      ok = pop_objs(3) && push(K_OBJ) && push(K_NUL);
      break;
    case 0x16: // STORE_NAME
    case 0x17: // STORE_GLOBAL
      // the pruning of exception matches needs BaseException to be the built-in
      ok = qstr_at(i_arg) != MP_QSTR_BaseException && pop_obj();
      break;
    case 0x26: // STORE_FAST_N
    case 0x27: // STORE_DEREF
    case 0x69: // IMPORT_STAR
      ok = pop_obj();
      break;
    case 0x59: {
      // POP_TOP: an object, a NULL, or a slot of an iterator (`break` out of a for loop)
      const d = st_d(W);
      const k = d > 0 ? st_kind(W, d - 1) : 0;
      ok = (k == K_IT0 || k == K_IT) && d > v_floor ? (set_d(d - 1), true) : pop_maybe_null();
      break;
    }
    case 0x18: // STORE_ATTR: (value or NULL to delete, obj)
      ok = pop_obj() && pop_maybe_null();
      break;
    case 0x19: // DELETE_NAME
    case 0x1a: // DELETE_GLOBAL
      ok = qstr_at(i_arg) != MP_QSTR_BaseException;
      break;
    case 0x28: // DELETE_FAST
    case 0x29: // DELETE_DEREF
      break;
    case 0x1b: // IMPORT_NAME: (level, fromlist) -> module
    case 0x55: // LOAD_SUBSCR
    case 0x68: // YIELD_FROM: (gen, send_value) -> result
      ok = (op != 0x68 || v_is_gen) && pop_objs(2) && push(K_OBJ);
      break;
    case 0x1c: {
      // IMPORT_FROM: (module) -> (module, value)
      const d = st_d(W);
      ok = d > 0 && is_obj(st_kind(W, d - 1)) && push(K_OBJ);
      break;
    }
    case 0x20: // MAKE_CLOSURE: (cells...) -> fun
      ok = pop_objs(i_extra) && push(K_OBJ);
      break;
    case 0x21: // MAKE_CLOSURE_DEFARGS: (pos_defaults, kw_defaults, cells...) -> fun
      ok = pop_objs(i_extra) && pop_maybe_null() && pop_maybe_null() && push(K_OBJ);
      break;
    case 0x33: // MAKE_FUNCTION_DEFARGS: (pos_defaults, kw_defaults) -> fun
      ok = pop_maybe_null() && pop_maybe_null() && push(K_OBJ);
      break;
    case 0x2a: // BUILD_TUPLE
    case 0x2b: // BUILD_LIST
    case 0x2d: // BUILD_SET
      ok = pop_objs(i_arg) && push(K_OBJ);
      break;
    case 0x2e: // BUILD_SLICE
      ok = (i_arg == 2 || i_arg == 3) && pop_objs(i_arg) && push(K_OBJ);
      break;
    case 0x2f: {
      // STORE_COMP: into the list/dict/set `arg >> 2` slots down
      const kind = i_arg & 3;
      const pos = i_arg >> 2;
      const d = st_d(W);
      ok = kind != 3 && pos < d && pos >= (kind == 1 ? 2 : 1) && is_obj(st_kind(W, d - 1 - pos));
      if (ok) ok = pop_objs(kind == 1 ? 2 : 1);
      break;
    }
    case 0x30: // UNPACK_SEQUENCE
      ok = pop_obj();
      for (let i: u32 = 0; ok && i < i_arg; i++) ok = push(K_OBJ);
      break;
    case 0x31: {
      // UNPACK_EX: n_left | n_right << 8, and the starred list
      const n = (i_arg & 0xff) + ((i_arg >> 8) & 0xff) + 1;
      ok = pop_obj();
      for (let i: u32 = 0; ok && i < n; i++) ok = push(K_OBJ);
      break;
    }
    case 0x34: // CALL_FUNCTION: (fun, args..., kw pairs...)
    case 0x35: // CALL_FUNCTION_VAR_KW: (fun, args..., kw pairs..., bitmap)
    case 0x36: // CALL_METHOD: (method, self, args..., kw pairs...)
    case 0x37: {
      // CALL_METHOD_VAR_KW; a `**` argument has a NULL key
      const var_kw = op == 0x35 || op == 0x37;
      if (var_kw) ok = pop_obj();
      const n_kw = (i_arg >> 8) & 0xff;
      for (let i: u32 = 0; ok && i < n_kw; i++) ok = pop_obj() && (var_kw ? pop_maybe_null() : pop_obj());
      if (ok) ok = pop_objs(i_arg & 0xff);
      if (ok && op >= 0x36) ok = pop_maybe_null();
      if (ok) ok = pop_obj() && push(K_OBJ);
      break;
    }
    case 0x40: {
      // UNWIND_JUMP: the VM pushes the destination, then walks the handlers
      if (!push(K_ADDR)) return STEP_FAIL;
      return unwind(i_extra & 0x7f, cur_off) ? STEP_END : STEP_FAIL;
    }
    case 0x42: // JUMP
      return branch() ? STEP_END : STEP_FAIL;
    case 0x43: // POP_JUMP_IF_TRUE
    case 0x44: {
      // POP_JUMP_IF_FALSE; a known-true match takes one way only
      const d = st_d(W);
      const k = d > 0 ? st_kind(W, d - 1) : 0;
      ok = pop_obj();
      if (ok && (k == K_TRUE || k == K_FALSE)) {
        // the jump is taken when the value is what the opcode jumps on
        if ((k == K_TRUE) == (op == 0x43)) return branch() ? STEP_END : STEP_FAIL;
        return STEP_NEXT;
      }
      ok = ok && branch();
      break;
    }
    case 0x45: // JUMP_IF_TRUE_OR_POP
    case 0x46: {
      // JUMP_IF_FALSE_OR_POP
      const d = st_d(W);
      ok = d > 0 && is_obj(st_kind(W, d - 1)) && branch() && pop_obj();
      break;
    }
    case 0x47: // SETUP_WITH: (ctx_mgr) -> (__exit__, self, as_value)
      ok = pop_obj() && push(K_W1) && push(K_W2) && setup(EK_WITH) && push(K_OBJ);
      break;
    case 0x48: // SETUP_EXCEPT
      ok = setup(EK_EXCEPT);
      break;
    case 0x49: // SETUP_FINALLY
      ok = setup(EK_FINALLY);
      break;
    case 0x4a: {
      // POP_EXCEPT_JUMP: leaves an except block
      const ne = st_ne(W);
      if (ne == 0 || e_kind(st_entry(W, ne - 1)) != EK_EXCEPT) return STEP_FAIL;
      set_ne(ne - 1);
      return branch() ? STEP_END : STEP_FAIL;
    }
    case 0x4b: {
      // FOR_ITER: the next item, or the iterator dropped and a jump
      if (!top_is_iter()) return STEP_FAIL;
      const d = st_d(W);
      set_d(d - 4);
      ok = branch();
      set_d(d);
      if (ok) ok = push(K_OBJ);
      break;
    }
    case 0x56: // STORE_SUBSCR: (value or NULL to delete, obj, index)
      ok = pop_objs(2) && pop_maybe_null();
      break;
    case 0x57: {
      // DUP_TOP
      const d = st_d(W);
      ok = d > 0 && is_obj(st_kind(W, d - 1)) && push(st_slot(W, d - 1));
      break;
    }
    case 0x58: {
      // DUP_TOP_TWO
      const d = st_d(W);
      ok = d >= 2 && is_obj(st_kind(W, d - 2)) && is_obj(st_kind(W, d - 1));
      if (ok) ok = push(st_slot(W, d - 2)) && push(st_slot(W, d - 1));
      break;
    }
    case 0x5a: // ROT_TWO
    case 0x5b: {
      // ROT_THREE (MicroPython's async with also moves an unwind's address)
      const n: u32 = op == 0x5a ? 2 : 3;
      const d = st_d(W);
      if (d < n) return STEP_FAIL;
      for (let i: u32 = 1; i <= n; i++) {
        const k = st_kind(W, d - i);
        if (!is_maybe_null(k) && k != K_ADDR) return STEP_FAIL;
      }
      const a = st_slot(W, d - n);
      const b = st_slot(W, d - n + 1);
      if (n == 2) {
        set_slot(d - 2, b);
        set_slot(d - 1, a);
      } else {
        // (a, b, c) -> (c, a, b)
        const c = st_slot(W, d - 1);
        set_slot(d - 3, c);
        set_slot(d - 2, a);
        set_slot(d - 1, b);
      }
      break;
    }
    case 0x5c:
      ok = with_cleanup();
      break;
    case 0x5d:
      return end_finally();
    case 0x5f: // GET_ITER_STACK
      ok = pop_obj() && push(K_IT0) && push(K_IT) && push(K_IT) && push(K_IT);
      break;
    case 0x62: {
      // STORE_MAP: (map, value, key) -> (map)
      ok = pop_objs(2);
      const d = st_d(W);
      ok = ok && d > 0 && is_obj(st_kind(W, d - 1));
      break;
    }
    case 0x63: {
      // RETURN_VALUE
      const d = st_d(W);
      if (d == 0 || d - 1 < v_floor || !is_obj(st_kind(W, d - 1))) return STEP_FAIL;
      return do_return() ? STEP_END : STEP_FAIL;
    }
    case 0x64: // RAISE_LAST
      return STEP_END;
    case 0x65: // RAISE_OBJ
      return pop_obj() ? STEP_END : STEP_FAIL;
    case 0x66: // RAISE_FROM
      return pop_objs(2) ? STEP_END : STEP_FAIL;
    default:
      return STEP_FAIL;
  }
  return ok ? STEP_NEXT : STEP_FAIL;
}

// SETUP_EXCEPT/FINALLY/WITH: a new exception-stack entry; an exception
// reaches its handler with the stack as it is now plus the exception.
function setup(kind: u8): bool {
  const ne = st_ne(W);
  const d = st_d(W);
  if (ne >= st_emax || i_dest <= cur_off) return false;
  const e = st_entry(W, ne);
  store<u32>(e, i_dest);
  store<u16>(e + 4, <u16>d);
  store<u8>(e + 6, kind);
  store<u8>(e + 7, 0);
  set_ne(ne + 1);
  if (!push(K_EXCI)) return false;
  const ok = branch();
  set_d(d);
  return ok;
}

// Enters the finally/with handler of entry `e` (the top of the exception
// stack) from an unwind or a return: the VM jumps there keeping the stack.
function enter_finally(e: usize): bool {
  const save = cur_off;
  cur_off = e_handler(e);
  const ok = merge_into(e_handler(e));
  cur_off = save;
  return ok;
}

// Removes the slot(s) of an active finally's marker right below the top
// slot, as the VM's CANCEL_ACTIVE_FINALLY: a marker with an address or
// return value under it takes both.
function cancel_active_finally(): bool {
  const d = st_d(W);
  if (d < 2) return false;
  const k = st_kind(W, d - 2);
  const top = st_slot(W, d - 1);
  if (k == K_UNW || k == K_RET) {
    if (d < 3) return false;
    set_slot(d - 3, top);
    set_d(d - 2);
    return true;
  }
  if (k != K_NONE && k != K_EXC && k != K_EXCI) return false;
  set_slot(d - 2, top);
  set_d(d - 1);
  return true;
}

// The VM's unwind walk (WHY_UNWIND_JUMP) from UNWIND_JUMP at `site`, with
// `levels` handlers to leave and the destination address on top.
function unwind(levels: u32, site: u32): bool {
  if (st_d(W) == 0 || st_kind(W, st_d(W) - 1) != K_ADDR) return false;
  let ne = st_ne(W);
  if (levels > ne) return false;
  while (levels > 0) {
    levels--;
    const e = st_entry(W, ne - 1);
    if (e_kind(e) != EK_EXCEPT) {
      if (!e_active(e)) {
        // run this finally first; its END_FINALLY resumes the walk
        return push(K_UNW | (((site << 7) | levels) << 8)) && enter_finally(e);
      }
      if (!cancel_active_finally()) return false;
    }
    ne--;
    set_ne(ne);
  }
  // the destination, and with 0x80 the for loop's iterator
  decode(site);
  set_d(st_d(W) - 1);
  if ((i_extra & 0x80) != 0) {
    v_floor = 0;
    if (!top_is_iter()) return false;
    set_d(st_d(W) - 4);
  }
  return branch();
}

// The VM's return walk (WHY_RETURN) with the return value on top.
function do_return(): bool {
  let ne = st_ne(W);
  while (ne > 0) {
    const e = st_entry(W, ne - 1);
    if (e_kind(e) != EK_EXCEPT) {
      if (!e_active(e)) {
        // run this finally with (return value, -1) at its saved depth
        const base = e_base(e);
        const ret = st_slot(W, st_d(W) - 1);
        if (base + 2 > st_cap) return false;
        set_d(base);
        return push(ret) && push(K_RET) && enter_finally(e);
      }
      if (!cancel_active_finally()) return false;
    }
    ne--;
    set_ne(ne);
  }
  return true;
}

// WITH_CLEANUP: (__exit__, self, None or exception) -> (None or exception);
// (__exit__, self, data, marker) -> (data, marker) for an unwind or return.
function with_cleanup(): bool {
  const d = st_d(W);
  if (d < 3 || d - 3 < v_floor) return false;
  const top = st_slot(W, d - 1);
  const k = top & 0xff;
  if (k == K_NONE || k == K_EXC || k == K_EXCI) {
    if (st_kind(W, d - 3) != K_W1 || st_kind(W, d - 2) != K_W2) return false;
    set_slot(d - 3, top);
    set_d(d - 2);
    return true;
  }
  if (k == K_UNW || k == K_RET) {
    if (d < 4 || d - 4 < v_floor) return false;
    if (st_kind(W, d - 4) != K_W1 || st_kind(W, d - 3) != K_W2) return false;
    set_slot(d - 4, st_slot(W, d - 2));
    set_slot(d - 3, top);
    set_d(d - 2);
    return true;
  }
  return false;
}

// END_FINALLY: pops the marker and the top handler; None goes on, an
// exception is raised, an unwind or return marker resumes its walk.
function end_finally(): i32 {
  const d = st_d(W);
  const ne = st_ne(W);
  if (d == 0 || d - 1 < v_floor || ne == 0) return STEP_FAIL;
  const top = st_slot(W, d - 1);
  const k = top & 0xff;
  set_d(d - 1);
  set_ne(ne - 1);
  if (k == K_NONE || k == K_EXC || k == K_EXCI) return STEP_NEXT;
  // the walks use the address after END_FINALLY for active handlers
  cur_off = i_next;
  if (k == K_UNW) {
    const ctx = top >> 8;
    return unwind(ctx & 0x7f, ctx >> 7) ? STEP_END : STEP_FAIL;
  }
  if (k == K_RET) {
    if (d < 2 || !is_obj(st_kind(W, d - 2))) return STEP_FAIL;
    return do_return() ? STEP_END : STEP_FAIL;
  }
  return STEP_FAIL;
}
