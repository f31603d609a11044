// Bytecode layout helpers shared by the emitter and the VM, as MicroPython's
// bc.h/bc.c: variable-length unsigned ints, the prelude's signature and size
// encodings, and the line-number table.
//
// Bytecode of one function (fun_data of an MP_CODE_BYTECODE raw code):
//
//   signature     var-uint, six values bit-interleaved (MP_BC_PRELUDE_SIG_ENCODE):
//                   first byte  xSSSSEAA
//                   next bytes  xFSSKAED ...      (x = another byte follows)
//                   S = n_state - 1, E = n_exc_stack, F = scope flags (4 bits),
//                   A = n_pos_args, K = n_kwonly_args, D = n_def_pos_args
//   prelude size  bytes xIIIIIIC ...  I = n_info (bytes of the source-info
//                 section), C = n_cell (bytes of the closure section)
//   source info   var-uint qstr-table index of the function name, then one per
//                 positional and keyword-only argument name, then the
//                 line-number table (see mp_bytecode_get_source_line)
//   closure       n_cell bytes: locals to turn into cells on entry
//   opcodes       (bc0.ts)
//
// A var-uint stores 7 bits per byte, most significant group first; every byte
// but the last has its high bit set.

/** Most bytes a var-uint of a 32-bit word can take. */
@inline export const MP_ENCODE_UINT_MAX_BYTES: usize = 5;

/** Bytes `val` takes as a var-uint. */
export function mp_encode_uint_len(val: u32): usize {
  let n: usize = 1;
  while ((val >>= 7) != 0) n++;
  return n;
}

/** Writes `val` as a var-uint at `p`; returns the address after it. */
export function mp_encode_uint_to(p: usize, val: u32): usize {
  const n = mp_encode_uint_len(val);
  let q = p + n - 1;
  store<u8>(q, <u8>(val & 0x7f));
  val >>= 7;
  while (val != 0) {
    q--;
    store<u8>(q, <u8>(0x80 | (val & 0x7f)));
    val >>= 7;
  }
  return p + n;
}

/** Reads the var-uint at `p` (mp_decode_uint_value). */
export function mp_decode_uint_value(p: usize): u32 {
  let v: u32 = 0;
  let b: u32;
  do {
    b = <u32>load<u8>(p++);
    v = (v << 7) | (b & 0x7f);
  } while ((b & 0x80) != 0);
  return v;
}

/** Address just after the var-uint at `p` (mp_decode_uint_skip). */
export function mp_decode_uint_skip(p: usize): usize {
  while ((load<u8>(p++) & 0x80) != 0) {}
  return p;
}

// ---- prelude signature ----

/**
 * Bytes of the prelude signature for these values, written at `out` unless
 * `out` is 0 (then only counted). `n_state` >= 1. As MP_BC_PRELUDE_SIG_ENCODE.
 */
export function mp_bc_prelude_sig_encode(
  out: usize,
  n_state: u32,
  n_exc_stack: u32,
  scope_flags: u32,
  n_pos_args: u32,
  n_kwonly_args: u32,
  n_def_pos_args: u32,
): usize {
  let S = n_state - 1;
  let E = n_exc_stack;
  let F = scope_flags & 0x0f; // MP_SCOPE_FLAG_ALL_SIG
  let A = n_pos_args;
  let K = n_kwonly_args;
  let D = n_def_pos_args;
  let n: usize = 0;
  let z: u32 = ((S & 0xf) << 3) | ((E & 1) << 2) | (A & 3);
  S >>= 4;
  E >>= 1;
  A >>= 2;
  while ((S | E | F | A | K | D) != 0) {
    if (out != 0) store<u8>(out + n, <u8>(0x80 | z));
    n++;
    z = ((F & 1) << 6) | ((S & 3) << 4) | ((K & 1) << 3) | ((A & 1) << 2) | ((E & 1) << 1) | (D & 1);
    S >>= 2;
    E >>= 1;
    F >>= 1;
    A >>= 1;
    K >>= 1;
    D >>= 1;
  }
  if (out != 0) store<u8>(out + n, <u8>z);
  return n + 1;
}

// Decoded prelude signature, filled by mp_bc_prelude_sig_decode (static
// scratch: read the fields right after the call).
export let bc_n_state: u32 = 0;
export let bc_n_exc_stack: u32 = 0;
export let bc_scope_flags: u32 = 0;
export let bc_n_pos_args: u32 = 0;
export let bc_n_kwonly_args: u32 = 0;
export let bc_n_def_pos_args: u32 = 0;

/**
 * Decodes the prelude signature at `ip` into the bc_n_* / bc_scope_flags globals and returns
 * the address after it. As MP_BC_PRELUDE_SIG_DECODE_INTO.
 */
export function mp_bc_prelude_sig_decode(ip: usize): usize {
  let z = <u32>load<u8>(ip++);
  let S = (z >> 3) & 0xf;
  let E = (z >> 2) & 1;
  let F: u32 = 0;
  let A = z & 3;
  let K: u32 = 0;
  let D: u32 = 0;
  for (let n: u32 = 0; (z & 0x80) != 0; n++) {
    z = <u32>load<u8>(ip++);
    S |= (z & 0x30) << (2 * n);
    E |= (z & 0x02) << n;
    F |= ((z & 0x40) >> 6) << n;
    A |= (z & 0x4) << n;
    K |= ((z & 0x08) >> 3) << n;
    D |= (z & 0x1) << n;
  }
  bc_n_state = S + 1;
  bc_n_exc_stack = E;
  bc_scope_flags = F;
  bc_n_pos_args = A;
  bc_n_kwonly_args = K;
  bc_n_def_pos_args = D;
  return ip;
}

// ---- prelude size ----

/**
 * Bytes of the prelude size field for n_info/n_cell, written at `out` unless
 * `out` is 0. As MP_BC_PRELUDE_SIZE_ENCODE.
 */
export function mp_bc_prelude_size_encode(out: usize, n_info: u32, n_cell: u32): usize {
  let I = n_info;
  let C = n_cell;
  let n: usize = 0;
  do {
    let z: u32 = ((I & 0x3f) << 1) | (C & 1);
    C >>= 1;
    I >>= 6;
    if ((C | I) != 0) z |= 0x80;
    if (out != 0) store<u8>(out + n, <u8>z);
    n++;
  } while ((C | I) != 0);
  return n;
}

export let bc_n_info: u32 = 0;
export let bc_n_cell: u32 = 0;

/**
 * Decodes the prelude size at `ip` into bc_n_info/bc_n_cell and
 * returns the address after it. As MP_BC_PRELUDE_SIZE_DECODE_INTO.
 */
export function mp_bc_prelude_size_decode(ip: usize): usize {
  let C: u32 = 0;
  let I: u32 = 0;
  for (let n: u32 = 0; ; n++) {
    const z = <u32>load<u8>(ip++);
    C |= (z & 1) << n;
    I |= ((z & 0x7e) >> 1) << (6 * n);
    if ((z & 0x80) == 0) break;
  }
  bc_n_info = I;
  bc_n_cell = C;
  return ip;
}

// ---- line numbers ----
//
// After the names in the source-info section, a run of entries each adding
// (bytecode bytes, source lines) to a running (offset, line) pair from (0, 1):
//   0b0LLBBBBB           B bytes (0..31), L lines (0..3)
//   0b1LLLBBBB LLLLLLLL  B bytes (0..15), L lines (0..2047; high 3 bits first)

/**
 * The source line of bytecode offset `bc_offset`, from the line-number table
 * in [line_info, line_info_top). As mp_bytecode_get_source_line.
 */
export function mp_bytecode_get_source_line(line_info: usize, line_info_top: usize, bc_offset: usize): usize {
  let source_line: usize = 1;
  while (line_info < line_info_top) {
    const c = <usize>load<u8>(line_info);
    let b: usize;
    let l: usize;
    if ((c & 0x80) == 0) {
      b = c & 0x1f;
      l = c >> 5;
      line_info += 1;
    } else {
      b = c & 0xf;
      l = ((c << 4) & 0x700) | <usize>load<u8>(line_info + 1);
      line_info += 2;
    }
    if (bc_offset >= b) {
      bc_offset -= b;
      source_line += l;
    } else {
      break;
    }
  }
  return source_line;
}

// ---- the state of a running function (mp_code_state_t), used by the VM ----
//
//   +0  fun_bc        the function object (keeps the bytecode alive)
//   +4  ip            next opcode (saved when the frame is suspended)
//   +8  sp            address of the top of the value stack (state - 4 when empty)
//   +12 n_state u16 | +14 exc_sp_idx u16  (0 = no active handler; i = exc_stack[i-1])
//   +16 old_globals   globals dict to restore when the function returns
//   +20 prev          calling frame (stackless calls), 0 for a VM entry frame
//   +24 free_ptr      pystack address to free when the frame is popped (the
//                     frame itself, or the *args/closure/self array below it)
//   +28 state[n_state]   locals in reverse order (local 0 is the last word),
//                        then the value stack growing upwards from state[0]
//   ..  exc_stack[n_exc_stack]  3 words each: handler ip, value-stack pointer
//                        (bit 1 set for SETUP_WITH/SETUP_FINALLY), saved exception

@inline export const CS_fun_bc: usize = 0;
@inline export const CS_ip: usize = 4;
@inline export const CS_sp: usize = 8;
@inline export const CS_n_state: usize = 12;
@inline export const CS_exc_sp_idx: usize = 14;
@inline export const CS_old_globals: usize = 16;
@inline export const CS_prev: usize = 20;
@inline export const CS_free_ptr: usize = 24;
@inline export const CS_state: usize = 28;
/** Bytes of the code-state header before state[]. */
@inline export const MP_CODE_STATE_HDR: usize = 28;
/** Bytes of one exception-stack entry. */
@inline export const MP_EXC_STACK_ENTRY: usize = 12;
