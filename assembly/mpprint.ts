// Printers, as MicroPython's mpprint.c: an mp_print_t is two words,
//   +0 data (a vstr, an fd, ...)   +4 table index of print_strn(data, ptr, len)
// Objects print themselves through their type's print slot into any printer.

import { mp_hal_stdout_tx_strn } from "./mphal";
import { utf8_encode } from "./unicode";
import { mp_utf8_from_as_range, qstr_str, qstr_len } from "./qstr";
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
export let mp_plat_print: usize = 0;
/** Printer to the host's stderr (mp_stderr_print). */
export let mp_stderr_print: usize = 0;

// ---- formatted printing (mpprint.c's mp_print_strn with padding, mp_printf) ----

/** Flags of the padded printers (mpprint.h's PF_FLAG_*; values match). */
@inline export const PF_FLAG_LEFT_ADJUST: u32 = 0x001;
@inline export const PF_FLAG_SHOW_SIGN: u32 = 0x002;
@inline export const PF_FLAG_SPACE_SIGN: u32 = 0x004;
@inline export const PF_FLAG_SHOW_PREFIX: u32 = 0x008;
@inline export const PF_FLAG_PAD_AFTER_SIGN: u32 = 0x010;
@inline export const PF_FLAG_CENTER_ADJUST: u32 = 0x020;
@inline export const PF_FLAG_ADD_PERCENT: u32 = 0x040;
@inline export const PF_FLAG_SHOW_OCTAL_LETTER: u32 = 0x080;
@inline export const PF_FLAG_ALWAYS_DECIMAL: u32 = 0x100;
/** The digit-group separator (',' or '_') is stored in the flags from this bit up (8 bits). */
@inline export const PF_FLAG_SEP_POS: u32 = 9;
/** Ours: digits are grouped by 4 (bases 2, 8, 16), not 3, for '0' padding with a separator. */
@inline export const PF_FLAG_SEP_GROUP4: u32 = 1 << 17;

// 16 spaces, then 16 zeros with the grouping patterns after them: zeros at
// +16, "0000_000" at +28 (5-byte period), "000,00" at +33 and "000_00" at
// +39 (4-byte periods).
const pad_chars_data: usize = memory.data<u8>([
  32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
  48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48,
  95, 48, 48, 48, 44, 48, 48, 48, 48, 48, 95, 48, 48, 0,
]);

/**
 * Prints `len` bytes at `str` padded to `width` with `fill` (0 = space),
 * left/right/centre adjusted by `flags`; a '0' fill with a separator in the
 * flags repeats the grouping pattern ("000,000"), as MicroPython's
 * mp_print_strn. Width counts bytes, as there; callers padding UTF-8 text
 * by characters add (bytes - characters) to `width`. `fill` is a code point
 * (printed UTF-8 encoded). `str` must not point into memory the printer may
 * move (the vstr being printed into). Returns the number of cells printed.
 */
export function mp_print_strn_pad(
  print: usize,
  str: usize,
  len: usize,
  flags: u32,
  fill: u32,
  width: i32,
): i32 {
  let left_pad: i32 = 0;
  let right_pad: i32 = 0;
  let pad: i32 = width - <i32>len;
  let pad_chars: usize;
  let pad_size: i32;
  let total: i32 = 0;
  const grouping = (flags >> PF_FLAG_SEP_POS) & 0xff;
  const fill_cell = scratch + 256;
  if (fill == 0 || fill == 32) {
    pad_chars = pad_chars_data;
    pad_size = 16;
  } else if (fill == 48 && grouping == 0) {
    pad_chars = pad_chars_data + 16;
    pad_size = 16;
  } else if (fill == 48) {
    // (MicroPython groups '_' by 4 even in decimal; CPython by 3 there)
    if ((flags & PF_FLAG_SEP_GROUP4) != 0) {
      pad_chars = pad_chars_data + 28;
      pad_size = 5;
    } else if (grouping == 95) {
      pad_chars = pad_chars_data + 39;
      pad_size = 4;
    } else {
      pad_chars = pad_chars_data + 33;
      pad_size = 4;
    }
    // never start with a separator: one more leading zero instead
    if (width % pad_size == 0) {
      pad++;
      width++;
    }
    pad_chars += <usize>(pad_size - 1 - (width % pad_size));
  } else {
    // other fill characters may be multi-byte (UTF-8 in str.format)
    pad_size = <i32>utf8_encode(fill, fill_cell);
    pad_chars = fill_cell;
  }
  if (flags & PF_FLAG_CENTER_ADJUST) {
    left_pad = pad / 2;
    right_pad = pad - left_pad;
  } else if (flags & PF_FLAG_LEFT_ADJUST) {
    right_pad = pad;
  } else {
    left_pad = pad;
  }
  // a custom fill character is printed one at a time (it may be several bytes)
  const one_by_one = pad_chars == fill_cell;
  if (left_pad > 0) {
    total += left_pad;
    print_pad(print, pad_chars, pad_size, left_pad, one_by_one);
  }
  if (len != 0) {
    mp_print_strn(print, str, len);
    total += <i32>len;
  }
  if (right_pad > 0) {
    total += right_pad;
    print_pad(print, pad_chars, pad_size, right_pad, one_by_one);
  }
  return total;
}

function print_pad(print: usize, chars: usize, size: i32, n: i32, one_by_one: bool): void {
  while (n > 0) {
    if (one_by_one) {
      mp_print_strn(print, chars, <usize>size);
      n--;
    } else {
      const p = n > size ? size : n;
      mp_print_strn(print, chars, <usize>p);
      n -= p;
    }
  }
}


function cstr_len(p: usize): usize {
  let n: usize = 0;
  while (load<u8>(p + n) != 0) n++;
  return n;
}

/**
 * Prints machine integer `x` in `base` (10 or 16) with the padding rules of
 * mpprint.c's mp_print_int (used by mp_printf). `sgn`: treat `x` as signed.
 */
function print_machine_int(
  print: usize,
  x: u32,
  sgn: bool,
  base: u32,
  base_char: u32,
  flags: u32,
  fill: u32,
  width: i32,
): i32 {
  let sign: u32 = 0;
  if (sgn) {
    if (<i32>x < 0) {
      sign = 45;
      x = <u32>(-<i32>x);
    } else if (flags & PF_FLAG_SHOW_SIGN) {
      sign = 43;
    } else if (flags & PF_FLAG_SPACE_SIGN) {
      sign = 32;
    }
  }
  const buf = scratch + 384; // 16 bytes of digits at most, ends at +400
  let b = buf + 16;
  if (x == 0) {
    b--;
    store<u8>(b, 48);
  } else {
    while (b > buf && x != 0) {
      let c = x % base;
      x /= base;
      c += c >= 10 ? base_char - 10 : 48;
      b--;
      store<u8>(b, <u8>c);
    }
  }
  let len: i32 = 0;
  if (flags & PF_FLAG_PAD_AFTER_SIGN) {
    if (sign != 0) {
      store<u8>(scratch + 400, <u8>sign);
      len += mp_print_strn_pad(print, scratch + 400, 1, flags, fill, 1);
      width--;
    }
  } else if (sign != 0 && b > buf) {
    b--;
    store<u8>(b, <u8>sign);
  }
  // copy out of the shared scratch before printing (the printer may print too)
  const n = buf + 16 - b;
  const tmp = scratch + 404;
  memory.copy(tmp, b, n);
  len += mp_print_strn_pad(print, tmp, n, flags, fill, width);
  return len;
}

/**
 * printf-style output to `print`, as MicroPython's mp_printf, with `fmt` an
 * AssemblyScript literal and up to six word arguments a0..a5 taken in order:
 * flags `-` `+` ` ` `0`, a width, `.prec` or `.*`, then
 *   %d (i32)  %u (u32)  %x %X (hex)  %p %P (pointer, hex)  %c (a code point,
 *   UTF-8 encoded)  %q (a qstr)  %s (a NUL-terminated byte string)
 *   %b (bool: "true"/"false")  %% (a percent sign).
 * Returns the number of bytes printed.
 */
export function mp_printf(
  print: usize,
  fmt: string,
  a0: usize = 0,
  a1: usize = 0,
  a2: usize = 0,
  a3: usize = 0,
  a4: usize = 0,
  a5: usize = 0,
): i32 {
  let chrs: i32 = 0;
  let ai = 0;
  const n = fmt.length;
  let i = 0;
  while (i < n) {
    // literal run
    let j = i;
    while (j < n && fmt.charCodeAt(j) != 37) j++;
    if (j > i) {
      const end = j;
      let k = i;
      while (k < end) {
        const e = k + 120 < end ? k + 120 : end;
        const len = mp_utf8_from_as_range(fmt, k, e, scratch, 512);
        mp_print_strn(print, scratch, len);
        chrs += <i32>len;
        k = e;
      }
      i = j;
    }
    if (i >= n) break;
    i++; // past '%'
    let flags: u32 = 0;
    let fill: u32 = 32;
    while (i < n) {
      const c = fmt.charCodeAt(i);
      if (c == 45) flags |= PF_FLAG_LEFT_ADJUST;
      else if (c == 43) flags |= PF_FLAG_SHOW_SIGN;
      else if (c == 32) flags |= PF_FLAG_SPACE_SIGN;
      else if (c == 48) {
        flags |= PF_FLAG_PAD_AFTER_SIGN;
        fill = 48;
      } else break;
      i++;
    }
    let width: i32 = 0;
    while (i < n && fmt.charCodeAt(i) >= 48 && fmt.charCodeAt(i) <= 57) {
      width = width * 10 + fmt.charCodeAt(i) - 48;
      i++;
    }
    let prec: i32 = -1;
    if (i < n && fmt.charCodeAt(i) == 46) {
      i++;
      if (i < n && fmt.charCodeAt(i) == 42) {
        i++;
        prec = <i32>printf_arg(ai++, a0, a1, a2, a3, a4, a5);
      } else {
        prec = 0;
        while (i < n && fmt.charCodeAt(i) >= 48 && fmt.charCodeAt(i) <= 57) {
          prec = prec * 10 + fmt.charCodeAt(i) - 48;
          i++;
        }
      }
      if (prec < 0) prec = 0;
    }
    while (i < n && fmt.charCodeAt(i) == 108) i++; // 'l' modifiers: words are 32-bit
    if (i >= n) break;
    const f = fmt.charCodeAt(i);
    i++;
    if (f == 37) {
      store<u8>(scratch + 420, 37);
      mp_print_strn(print, scratch + 420, 1);
      chrs++;
      continue;
    }
    const a = printf_arg(ai++, a0, a1, a2, a3, a4, a5);
    if (f == 98) {
      // %b
      if (a != 0) {
        store<u32>(scratch + 420, 0x65757274); // "true"
        chrs += mp_print_strn_pad(print, scratch + 420, 4, flags, fill, width);
      } else {
        store<u32>(scratch + 420, 0x736c6166); // "fals"
        store<u8>(scratch + 424, 101);
        chrs += mp_print_strn_pad(print, scratch + 420, 5, flags, fill, width);
      }
    } else if (f == 99) {
      const cl = utf8_encode(<u32>a, scratch + 420);
      chrs += mp_print_strn_pad(print, scratch + 420, cl, flags, fill, width);
    } else if (f == 113) {
      let len = qstr_len(a);
      if (prec >= 0 && <usize>prec < len) len = <usize>prec;
      chrs += mp_print_strn_pad(print, qstr_str(a), len, flags, fill, width);
    } else if (f == 115) {
      let len = cstr_len(a);
      if (prec >= 0 && <usize>prec < len) len = <usize>prec;
      chrs += mp_print_strn_pad(print, a, len, flags, fill, width);
    } else if (f == 100 || f == 117) {
      chrs += print_machine_int(print, <u32>a, f == 100, 10, 97, flags, fill, width);
    } else if (f == 120 || f == 112) {
      chrs += print_machine_int(print, <u32>a, false, 16, 97, flags, fill, width);
    } else if (f == 88 || f == 80) {
      chrs += print_machine_int(print, <u32>a, false, 16, 65, flags, fill, width);
    } else {
      // unknown directive: print it as is
      store<u8>(scratch + 420, <u8>f);
      mp_print_strn(print, scratch + 420, 1);
      chrs++;
    }
  }
  return chrs;
}

@inline function printf_arg(i: i32, a0: usize, a1: usize, a2: usize, a3: usize, a4: usize, a5: usize): usize {
  return i == 0 ? a0 : i == 1 ? a1 : i == 2 ? a2 : i == 3 ? a3 : i == 4 ? a4 : a5;
}

// ---- JSON printers (mpprint.h's mp_print_ext_t) ----
//
// A printer that objects print to in PRINT_JSON kind carries the separators
// json.dump/dumps was given (MICROPY_PY_JSON_SEPARATORS):
//   +0 data   +4 print_strn index   (an ordinary printer, as above)
//   +8 item separator: address   +12 its length in bytes
//   +16 key separator: address   +20 its length in bytes
// The separators' owner (a str) must stay rooted while the printer is used.
// Only json makes PRINT_JSON printers, so printers given PRINT_JSON may read
// the separators.

/** Words of an mp_print_ext_t (on the root stack: mp_root_alloc(MP_PRINT_EXT_WORDS)). */
@inline export const MP_PRINT_EXT_WORDS: usize = 6;

/** Sets the item (", ") and key (": ") separators of JSON printer `p`. */
export function mp_print_ext_set_separators(
  p: usize,
  item: usize,
  item_len: usize,
  key: usize,
  key_len: usize,
): void {
  store<usize>(p + 8, item);
  store<usize>(p + 12, item_len);
  store<usize>(p + 16, key);
  store<usize>(p + 20, key_len);
}

/** Prints the item separator of JSON printer `p` (between list items and dict entries). */
export function mp_print_ext_item_sep(p: usize): void {
  mp_print_strn(p, load<usize>(p + 8), load<usize>(p + 12));
}

/** Prints the key separator of JSON printer `p` (between a dict key and its value). */
export function mp_print_ext_key_sep(p: usize): void {
  mp_print_strn(p, load<usize>(p + 16), load<usize>(p + 20));
}

/** Set-up of this file's static objects (types, methods); run once by mp_init. */
export function mpprint_static_init(): void {
  mp_plat_print = mp_static_alloc(8);
  mp_print_init(mp_plat_print, 1, fd_print_strn);
  mp_stderr_print = mp_static_alloc(8);
  mp_print_init(mp_stderr_print, 2, fd_print_strn);
}
