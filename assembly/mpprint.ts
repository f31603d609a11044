// Printers, as MicroPython's mpprint.c: an mp_print_t is two words,
//   +0 data (a vstr, an fd, ...)   +4 table index of print_strn(data, ptr, len)
// Objects print themselves through their type's print slot into any printer.

import { mp_hal_stdout_tx_strn } from "./mphal";
import { mp_utf8_from_as_range } from "./qstr";
import { mp_static_alloc } from "./memmap";

export type print_strn_fn = (data: usize, ptr: usize, len: usize) => void;

/** Fills the printer at `p` (2 words, e.g. from mp_root_alloc). */
export function mp_print_init(p: usize, data: usize, f: print_strn_fn): void {
  store<usize>(p, data);
  store<u32>(p + 4, f.index);
}

/** Writes `len` bytes at `ptr` to printer `p`. */
@inline export function mp_print_strn(p: usize, ptr: usize, len: usize): void {
  call_indirect<void>(load<u32>(p + 4), load<usize>(p), ptr, len);
}

const scratch: usize = memory.data(512, 4);

/** Writes an AssemblyScript string literal (encoded as UTF-8). */
export function mp_print_str(p: usize, s: string): void {
  let i = 0;
  const n = s.length;
  while (i < n) {
    // encode in pieces so long literals do not overflow the scratch buffer
    const end = i + 120 < n ? i + 120 : n;
    const len = mp_utf8_from_as_range(s, i, end, scratch, 512);
    mp_print_strn(p, scratch, len);
    i = end;
  }
}

/** Writes one byte. */
export function mp_print_char(p: usize, c: u32): void {
  store<u8>(scratch, <u8>c);
  mp_print_strn(p, scratch, 1);
}

/** Writes a signed decimal integer. */
export function mp_print_int(p: usize, v: i64): void {
  let n: usize = 0;
  let neg = v < 0;
  let u: u64 = neg ? <u64>(-v) : <u64>v;
  const buf = scratch + 64;
  do {
    store<u8>(buf + 30 - n, <u8>(48 + <u32>(u % 10)));
    u /= 10;
    n++;
  } while (u != 0);
  if (neg) {
    store<u8>(buf + 30 - n, 45);
    n++;
  }
  mp_print_strn(p, buf + 31 - n, n);
}

/** Writes an unsigned integer in hex (lower case), no prefix. */
export function mp_print_hex(p: usize, v: u32): void {
  let n: usize = 0;
  const buf = scratch + 128;
  do {
    const d = v & 15;
    store<u8>(buf + 30 - n, <u8>(d < 10 ? 48 + d : 87 + d));
    v >>= 4;
    n++;
  } while (v != 0);
  mp_print_strn(p, buf + 31 - n, n);
}

function fd_print_strn(data: usize, ptr: usize, len: usize): void {
  mp_hal_stdout_tx_strn(<i32>data, ptr, len);
}

/** Printer to the host's stdout (mp_plat_print). */
export const mp_plat_print: usize = mp_static_alloc(8);
mp_print_init(mp_plat_print, 1, fd_print_strn);
/** Printer to the host's stderr (mp_stderr_print). */
export const mp_stderr_print: usize = mp_static_alloc(8);
mp_print_init(mp_stderr_print, 2, fd_print_strn);
