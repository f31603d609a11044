// Characters and UTF-8, as MicroPython's unicode.c: ASCII character classes
// (the unichar_is* tests are ASCII-only, as in MicroPython), UTF-8 decoding
// and walking, and the encoding check used when bytes become str.
//
// A unichar is a code point in a u32. UTF-8 text is a pointer plus a byte
// length; these helpers never read past the end they are given, except
// utf8_next_char/utf8_get_char which, like MicroPython's, rely on the
// NUL byte that ends every str buffer.

export type unichar = u32;

// Attribute bits of the ASCII table.
@inline const FL_PRINT: u32 = 0x01;
@inline const FL_SPACE: u32 = 0x02;
@inline const FL_DIGIT: u32 = 0x04;
@inline const FL_ALPHA: u32 = 0x08;
@inline const FL_UPPER: u32 = 0x10;
@inline const FL_LOWER: u32 = 0x20;
@inline const FL_XDIGIT: u32 = 0x40;

// Combined attributes, one per ASCII character (filled below).
@inline const A_PR: u8 = 0x01;
@inline const A_SP: u8 = 0x03;
@inline const A_DI: u8 = 0x45;
@inline const A_UP: u8 = 0x19;
@inline const A_LO: u8 = 0x29;
@inline const A_UX: u8 = 0x59;
@inline const A_LX: u8 = 0x69;

// prettier-ignore
const attr: usize = memory.data<u8>([
  0, 0, 0, 0, 0, 0, 0, 0,
  0, A_SP, A_SP, A_SP, A_SP, A_SP, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0,
  A_SP, A_PR, A_PR, A_PR, A_PR, A_PR, A_PR, A_PR,
  A_PR, A_PR, A_PR, A_PR, A_PR, A_PR, A_PR, A_PR,
  A_DI, A_DI, A_DI, A_DI, A_DI, A_DI, A_DI, A_DI,
  A_DI, A_DI, A_PR, A_PR, A_PR, A_PR, A_PR, A_PR,
  A_PR, A_UX, A_UX, A_UX, A_UX, A_UX, A_UX, A_UP,
  A_UP, A_UP, A_UP, A_UP, A_UP, A_UP, A_UP, A_UP,
  A_UP, A_UP, A_UP, A_UP, A_UP, A_UP, A_UP, A_UP,
  A_UP, A_UP, A_UP, A_PR, A_PR, A_PR, A_PR, A_PR,
  A_PR, A_LX, A_LX, A_LX, A_LX, A_LX, A_LX, A_LO,
  A_LO, A_LO, A_LO, A_LO, A_LO, A_LO, A_LO, A_LO,
  A_LO, A_LO, A_LO, A_LO, A_LO, A_LO, A_LO, A_LO,
  A_LO, A_LO, A_LO, A_PR, A_PR, A_PR, A_PR, 0,
]);

@inline function attr_of(c: unichar): u32 {
  return c < 128 ? <u32>load<u8>(attr + c) : 0;
}

/** True for a UTF-8 byte with the high bit set (lead or continuation). */
@inline export function UTF8_IS_NONASCII(b: u32): bool {
  return (b & 0x80) != 0;
}

/** True for a UTF-8 continuation byte (10xxxxxx). */
@inline export function UTF8_IS_CONT(b: u32): bool {
  return (b & 0xc0) == 0x80;
}

/** ASCII whitespace: space, \t \n \v \f \r. */
export function unichar_isspace(c: unichar): bool {
  return (attr_of(c) & FL_SPACE) != 0;
}

/** ASCII letter. */
export function unichar_isalpha(c: unichar): bool {
  return (attr_of(c) & FL_ALPHA) != 0;
}

/** ASCII printable (space to ~). */
export function unichar_isprint(c: unichar): bool {
  return (attr_of(c) & FL_PRINT) != 0;
}

/** ASCII decimal digit. */
export function unichar_isdigit(c: unichar): bool {
  return (attr_of(c) & FL_DIGIT) != 0;
}

/** ASCII hex digit. */
export function unichar_isxdigit(c: unichar): bool {
  return (attr_of(c) & FL_XDIGIT) != 0;
}

/** ASCII letter, digit or underscore. */
export function unichar_isident(c: unichar): bool {
  return (attr_of(c) & (FL_ALPHA | FL_DIGIT)) != 0 || c == 95;
}

/** ASCII letter or digit. */
export function unichar_isalnum(c: unichar): bool {
  return (attr_of(c) & (FL_ALPHA | FL_DIGIT)) != 0;
}

/** ASCII upper-case letter. */
export function unichar_isupper(c: unichar): bool {
  return (attr_of(c) & FL_UPPER) != 0;
}

/** ASCII lower-case letter. */
export function unichar_islower(c: unichar): bool {
  return (attr_of(c) & FL_LOWER) != 0;
}

/** Lower case of an ASCII letter; other characters unchanged. */
export function unichar_tolower(c: unichar): unichar {
  return unichar_isupper(c) ? c + 0x20 : c;
}

/** Upper case of an ASCII letter; other characters unchanged. */
export function unichar_toupper(c: unichar): unichar {
  return unichar_islower(c) ? c - 0x20 : c;
}

/** Value 0..15 of a hex digit (the caller checked unichar_isxdigit). */
export function unichar_xdigit_value(c: unichar): u32 {
  let n = c - 48;
  if (n > 9) {
    n &= ~(<u32>0x20);
    n -= 7;
  }
  return n;
}

/**
 * The code point starting at `s` (a lead byte), as utf8_get_char: decodes the
 * lead byte's payload and every continuation byte that follows.
 */
export function utf8_get_char(s: usize): unichar {
  let ord = <u32>load<u8>(s++);
  if (!UTF8_IS_NONASCII(ord)) return ord;
  ord &= 0x7f;
  for (let mask: u32 = 0x40; (ord & mask) != 0; mask >>= 1) ord &= ~mask;
  while (UTF8_IS_CONT(<u32>load<u8>(s))) {
    ord = (ord << 6) | (<u32>load<u8>(s++) & 0x3f);
  }
  return ord;
}

/** The address of the character after the one starting at `s`. */
export function utf8_next_char(s: usize): usize {
  s++;
  while (UTF8_IS_CONT(<u32>load<u8>(s))) s++;
  return s;
}

/** As utf8_next_char, but never beyond `top`. */
export function utf8_next_char_bounded(s: usize, top: usize): usize {
  s++;
  while (s < top && UTF8_IS_CONT(<u32>load<u8>(s))) s++;
  return s;
}

/** Number of characters in [s, ptr): the character index of `ptr`. */
export function utf8_ptr_to_index(s: usize, ptr: usize): usize {
  let i: usize = 0;
  while (ptr > s) {
    ptr--;
    if (!UTF8_IS_CONT(<u32>load<u8>(ptr))) i++;
  }
  return i;
}

/** Number of characters in `len` bytes of UTF-8 at `p`. */
export function utf8_charlen(p: usize, len: usize): usize {
  let n: usize = 0;
  const top = p + len;
  for (; p < top; p++) {
    if (!UTF8_IS_CONT(<u32>load<u8>(p))) n++;
  }
  return n;
}

/** Bytes of the UTF-8 encoding of `c` (1..4). */
export function utf8_encoded_len(c: unichar): usize {
  if (c < 0x80) return 1;
  if (c < 0x800) return 2;
  if (c < 0x10000) return 3;
  return 4;
}

/** Writes the UTF-8 encoding of `c` at `dst`; returns the byte count (1..4). */
export function utf8_encode(c: unichar, dst: usize): usize {
  if (c < 0x80) {
    store<u8>(dst, <u8>c);
    return 1;
  }
  if (c < 0x800) {
    store<u8>(dst, <u8>((c >> 6) | 0xc0));
    store<u8>(dst + 1, <u8>((c & 0x3f) | 0x80));
    return 2;
  }
  if (c < 0x10000) {
    store<u8>(dst, <u8>((c >> 12) | 0xe0));
    store<u8>(dst + 1, <u8>(((c >> 6) & 0x3f) | 0x80));
    store<u8>(dst + 2, <u8>((c & 0x3f) | 0x80));
    return 3;
  }
  store<u8>(dst, <u8>((c >> 18) | 0xf0));
  store<u8>(dst + 1, <u8>(((c >> 12) & 0x3f) | 0x80));
  store<u8>(dst + 2, <u8>(((c >> 6) & 0x3f) | 0x80));
  store<u8>(dst + 3, <u8>((c & 0x3f) | 0x80));
  return 4;
}

/** Encodings known to bytes.decode/str.encode (mp_encoding_t). */
@inline export const MP_ENCODING_UTF8: u32 = 0;
@inline export const MP_ENCODING_ASCII: u32 = 1;

/**
 * True if `len` bytes at `p` are valid in `encoding`, as MicroPython's
 * unicode_encoding_check: lead bytes announce 1..3 continuation bytes and no
 * sequence may be left incomplete (overlong forms are not rejected).
 */
export function unicode_encoding_check(encoding: u32, p: usize, len: usize): bool {
  let need: u32 = 0;
  const end = p + len;
  for (; p < end; p++) {
    const c = <u32>load<u8>(p);
    if (need != 0) {
      if (UTF8_IS_CONT(c)) need--;
      else return false;
    } else if (encoding == MP_ENCODING_UTF8 && c >= 0xc0) {
      if (c >= 0xf8) return false;
      need = (0xe5 >> ((c >> 3) & 0x6)) & 3;
    } else if (c >= 0x80) {
      return false;
    }
  }
  return need == 0;
}

/** True if `len` bytes at `p` are well-formed UTF-8 (utf8_check). */
export function utf8_check(p: usize, len: usize): bool {
  return unicode_encoding_check(MP_ENCODING_UTF8, p, len);
}
