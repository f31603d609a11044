// Growable byte buffers, as MicroPython's vstr.c, and a printer that writes
// into one (vstr_init_print), so any object's print slot can render into a
// string.
//
//   vstr_t (4 words; put the header on the root stack with vstr_new_root so
//   the buffer stays rooted while it is built):
//     +0 alloc   bytes allocated for buf
//     +4 len     bytes in use
//     +8 buf     GC block (or a fixed buffer)
//     +12 flags  VSTR_FIXED: buf is not on the heap and never grows
//                VSTR_ERROR: an allocation failed (MemoryError is pending)
//
// Errors: MicroPython's vstr raises MemoryError from inside vstr_add_*. Here
// the first failed growth raises MemoryError (the exception is pending) and
// marks the vstr; later additions are ignored, and every function that turns
// a vstr into an object (mp_obj_new_str_from_vstr ...) returns MP_OBJ_NULL
// for a marked vstr. So builders may add freely and check once at the end.
// Functions that hand out a pointer into the buffer return 0 on failure.

import { gc_alloc, gc_realloc, gc_free } from "./gc";
import { mp_root_alloc } from "./rootstack";
import { mp_print_init } from "./mpprint";
import { mp_raise_memory_error, mp_raise_recursion_depth } from "./runtime";
import { mp_raise_type, mp_type_RuntimeError } from "./objexcept";
import { utf8_encode } from "./unicode";

@inline export const VSTR_SIZE_WORDS: usize = 4;
@inline export const VSTR_FIXED: u32 = 1;
@inline export const VSTR_ERROR: u32 = 2;

@inline export function vstr_alloc(v: usize): usize {
  return load<usize>(v);
}
/** Bytes in use. */
@inline export function vstr_len(v: usize): usize {
  return load<usize>(v + 4);
}
/** Address of the bytes (may move when the vstr grows). */
@inline export function vstr_str(v: usize): usize {
  return load<usize>(v + 8);
}
@inline export function vstr_flags(v: usize): u32 {
  return load<u32>(v + 12);
}
/** True once an allocation failed (MemoryError pending). */
@inline export function vstr_had_error(v: usize): bool {
  return (load<u32>(v + 12) & VSTR_ERROR) != 0;
}
@inline export function vstr_set_len(v: usize, n: usize): void {
  store<usize>(v + 4, n);
}
/** Sets the length to 0 (keeps the buffer). */
@inline export function vstr_reset(v: usize): void {
  store<usize>(v + 4, 0);
}

function vstr_fail(v: usize, n: usize): void {
  if (!vstr_had_error(v)) {
    store<u32>(v + 12, load<u32>(v + 12) | VSTR_ERROR);
    mp_raise_memory_error(n);
  }
}

/**
 * Initialises `v` with a buffer of exactly `alloc` bytes (at least 1) and
 * length 0. Returns false with MemoryError pending if the heap is full.
 */
export function vstr_init(v: usize, alloc: usize): bool {
  if (alloc < 1) alloc = 1;
  store<usize>(v, 0);
  store<usize>(v + 4, 0);
  store<usize>(v + 8, 0);
  store<u32>(v + 12, 0);
  const buf = gc_alloc(alloc, 0);
  if (buf == 0) {
    vstr_fail(v, alloc);
    return false;
  }
  store<usize>(v, alloc);
  store<usize>(v + 8, buf);
  return true;
}

/**
 * Initialises `v` with room for `len` bytes plus a NUL and sets its length
 * to `len` (contents zero), for callers that fill the buffer directly.
 * Returns false with MemoryError pending.
 */
export function vstr_init_len(v: usize, len: usize): bool {
  if (!vstr_init(v, len + 1)) return false;
  store<usize>(v + 4, len);
  return true;
}

/** Initialises `v` over a caller-owned buffer of `alloc` bytes that never grows (VSTR_FIXED). */
export function vstr_init_fixed_buf(v: usize, alloc: usize, buf: usize): void {
  store<usize>(v, alloc);
  store<usize>(v + 4, 0);
  store<usize>(v + 8, buf);
  store<u32>(v + 12, VSTR_FIXED);
}

/**
 * A vstr header on the root stack (released with the caller's root mark),
 * initialised with `alloc` bytes. Returns 0 with MemoryError (or
 * RuntimeError if the root stack is full) pending.
 */
export function vstr_new_root(alloc: usize): usize {
  const v = mp_root_alloc(VSTR_SIZE_WORDS);
  if (v == 0) {
    mp_raise_recursion_depth();
    return 0;
  }
  if (!vstr_init(v, alloc)) return 0;
  return v;
}

/** As vstr_new_root with length `len` (vstr_init_len). */
export function vstr_new_root_len(len: usize): usize {
  const v = vstr_new_root(len + 1);
  if (v == 0) return 0;
  store<usize>(v + 4, len);
  return v;
}

/** Frees the buffer (if on the heap) and forgets it (vstr_clear). */
export function vstr_clear(v: usize): void {
  if ((vstr_flags(v) & VSTR_FIXED) == 0) {
    const buf = vstr_str(v);
    if (buf != 0) gc_free(buf);
  }
  store<usize>(v + 8, 0);
  store<usize>(v, 0);
  store<usize>(v + 4, 0);
}

/** Makes room for `size` more bytes; false (and the vstr marked) on failure. */
function vstr_ensure_extra(v: usize, size: usize): bool {
  const flags = vstr_flags(v);
  if ((flags & VSTR_ERROR) != 0) return false;
  const len = vstr_len(v);
  const alloc = vstr_alloc(v);
  if (len + size <= alloc) return true;
  if ((flags & VSTR_FIXED) != 0) {
    store<u32>(v + 12, flags | VSTR_ERROR);
    mp_raise_type(mp_type_RuntimeError);
    return false;
  }
  // same growth rule as MicroPython (ROUND_ALLOC(len + size + 16))
  const want = ((len + size + 16) & ~(<usize>7)) + 8;
  const nb = gc_realloc(vstr_str(v), want, true);
  if (nb == 0) {
    vstr_fail(v, want);
    return false;
  }
  store<usize>(v, want);
  store<usize>(v + 8, nb);
  return true;
}

/** Ensures room for `size` more bytes (vstr_hint_size). */
export function vstr_hint_size(v: usize, size: usize): void {
  vstr_ensure_extra(v, size);
}

/**
 * Grows the allocation by exactly `size` bytes (length unchanged); returns
 * the address of the new bytes or 0 on failure (vstr_extend).
 */
export function vstr_extend(v: usize, size: usize): usize {
  const flags = vstr_flags(v);
  if ((flags & VSTR_ERROR) != 0) return 0;
  if ((flags & VSTR_FIXED) != 0) {
    store<u32>(v + 12, flags | VSTR_ERROR);
    mp_raise_type(mp_type_RuntimeError);
    return 0;
  }
  const alloc = vstr_alloc(v);
  const nb = gc_realloc(vstr_str(v), alloc + size, true);
  if (nb == 0) {
    vstr_fail(v, alloc + size);
    return 0;
  }
  store<usize>(v, alloc + size);
  store<usize>(v + 8, nb);
  return nb + alloc;
}

/** Appends `len` uninitialised bytes; returns their address, or 0 on failure (vstr_add_len). */
export function vstr_add_len(v: usize, len: usize): usize {
  if (!vstr_ensure_extra(v, len)) return 0;
  const l = vstr_len(v);
  store<usize>(v + 4, l + len);
  return vstr_str(v) + l;
}

/** Adds a NUL after the contents (length unchanged) and returns the buffer, or 0 on failure. */
export function vstr_null_terminated_str(v: usize): usize {
  if (vstr_alloc(v) == vstr_len(v)) {
    if (vstr_extend(v, 1) == 0) return 0;
  }
  const b = vstr_str(v);
  store<u8>(b + vstr_len(v), 0);
  return b;
}

/** Appends one byte. */
export function vstr_add_byte(v: usize, b: u32): void {
  const p = vstr_add_len(v, 1);
  if (p != 0) store<u8>(p, <u8>b);
}

/** Appends code point `c` encoded as UTF-8 (vstr_add_char). */
export function vstr_add_char(v: usize, c: u32): void {
  if (c < 0x80) {
    vstr_add_byte(v, c);
    return;
  }
  const n: usize = c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  const p = vstr_add_len(v, n);
  if (p != 0) utf8_encode(c, p);
}

/**
 * Appends `len` bytes from `p` (vstr_add_strn). `p` may point into this
 * vstr's own buffer only if no growth is needed.
 */
export function vstr_add_strn(v: usize, p: usize, len: usize): void {
  if (!vstr_ensure_extra(v, len)) return;
  const l = vstr_len(v);
  memory.copy(vstr_str(v) + l, p, len);
  store<usize>(v + 4, l + len);
}

/** Appends `n` copies of byte `b`. */
export function vstr_add_fill(v: usize, b: u32, n: usize): void {
  const p = vstr_add_len(v, n);
  if (p != 0) memory.fill(p, <u8>b, n);
}

/**
 * Inserts `byte_len` blank bytes at `byte_pos` (clamped to the length) and
 * returns their address, or 0 on failure (vstr_ins_blank_bytes).
 */
export function vstr_ins_blank_bytes(v: usize, byte_pos: usize, byte_len: usize): usize {
  const l = vstr_len(v);
  if (byte_pos > l) byte_pos = l;
  if (!vstr_ensure_extra(v, byte_len)) return 0;
  const b = vstr_str(v);
  memory.copy(b + byte_pos + byte_len, b + byte_pos, l - byte_pos);
  store<usize>(v + 4, l + byte_len);
  return b + byte_pos;
}

/** Inserts one byte at `byte_pos`. */
export function vstr_ins_byte(v: usize, byte_pos: usize, b: u32): void {
  const p = vstr_ins_blank_bytes(v, byte_pos, 1);
  if (p != 0) store<u8>(p, <u8>b);
}

/** Inserts `len` bytes from `s` at `byte_pos` (`s` must not point into this vstr). */
export function vstr_ins_strn(v: usize, byte_pos: usize, s: usize, len: usize): void {
  const p = vstr_ins_blank_bytes(v, byte_pos, len);
  if (p != 0) memory.copy(p, s, len);
}

/** Removes `n` bytes at `byte_pos` (vstr_cut_out_bytes). */
export function vstr_cut_out_bytes(v: usize, byte_pos: usize, n: usize): void {
  const l = vstr_len(v);
  if (byte_pos >= l) return;
  if (byte_pos + n >= l) {
    store<usize>(v + 4, byte_pos);
    return;
  }
  const b = vstr_str(v);
  memory.copy(b + byte_pos, b + byte_pos + n, l - byte_pos - n);
  store<usize>(v + 4, l - n);
}

/** Removes the first `n` bytes. */
export function vstr_cut_head_bytes(v: usize, n: usize): void {
  vstr_cut_out_bytes(v, 0, n);
}

/** Removes the last `n` bytes (all if fewer). */
export function vstr_cut_tail_bytes(v: usize, n: usize): void {
  const l = vstr_len(v);
  store<usize>(v + 4, n > l ? 0 : l - n);
}

function vstr_print_strn(data: usize, p: usize, len: usize): void {
  vstr_add_strn(data, p, len);
}

/** Points printer `print` (2 words) at vstr `v`: everything printed is appended. */
export function vstr_printer_init(print: usize, v: usize): void {
  mp_print_init(print, v, vstr_print_strn);
}

/**
 * Initialises vstr `v` with `alloc` bytes and points printer `print` at it
 * (vstr_init_print). Returns false with MemoryError pending.
 */
export function vstr_init_print(v: usize, alloc: usize, print: usize): bool {
  vstr_printer_init(print, v);
  return vstr_init(v, alloc);
}

/**
 * Detaches the buffer of `v`, sized to exactly len+1 bytes with a NUL at
 * [len], for an object to own; returns 0 if the vstr failed or the heap is
 * full (MemoryError pending). The vstr keeps pointing at the buffer (so it
 * stays rooted while the owner is allocated) and must not be used again.
 */
export function vstr_detach_buf(v: usize): usize {
  if (vstr_had_error(v)) return 0;
  const len = vstr_len(v);
  let b = vstr_str(v);
  if ((vstr_flags(v) & VSTR_FIXED) != 0) {
    const nb = gc_alloc(len + 1, 0);
    if (nb == 0) {
      vstr_fail(v, len + 1);
      return 0;
    }
    memory.copy(nb, b, len);
    b = nb;
  } else if (vstr_alloc(v) != len + 1) {
    const nb = gc_realloc(b, len + 1, true);
    if (nb == 0) {
      vstr_fail(v, len + 1);
      return 0;
    }
    b = nb;
  }
  store<u8>(b + len, 0);
  // the buffer stays in the header, so it remains rooted until the caller's
  // object owns it; the vstr must not be used afterwards
  store<usize>(v + 8, b);
  store<usize>(v, len + 1);
  return b;
}
