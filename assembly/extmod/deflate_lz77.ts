// DEFLATE compression as MicroPython's uzlib (lz77.c, defl_static.c): one
// final block of fixed Huffman codes, filled by a greedy LZ77 search over a
// sliding history window (the longest match of 3..258 bytes, the most recent
// one on a tie), written bit by bit to a byte callback. Its output is byte
// for byte MicroPython's, which the tests compare.
//
//   lz77 state (LZ77_STATE_SIZE bytes, one GC block, zeroed):
//     +0  write_data  word passed to write_cb (an object: keep it reachable)
//     +4  write_cb    table index of (data, byte) => bool: false when it
//                     raised (the exception is pending)
//     +8  outbits     bits not yet written, first bit lowest
//     +12 noutbits    how many
//     +16 hist_buf    the history window (hist_max bytes, a power of 2)
//     +20 hist_max
//     +24 hist_start  ring index of the oldest history byte
//     +28 hist_len    history bytes held
//     +32 error       u8: write_cb failed; nothing more is written

export type lz77_write_fn = (data: usize, byte: u32) => bool;

@inline const S_write_data: usize = 0;
@inline const S_write_cb: usize = 4;
@inline const S_outbits: usize = 8;
@inline const S_noutbits: usize = 12;
@inline const S_hist_buf: usize = 16;
@inline const S_hist_max: usize = 20;
@inline const S_hist_start: usize = 24;
@inline const S_hist_len: usize = 28;
@inline const S_error: usize = 32;

/** Bytes of an lz77 state. */
@inline export const LZ77_STATE_SIZE: usize = 36;

@inline const MATCH_LEN_MIN: usize = 3;
@inline const MATCH_LEN_MAX: usize = 258;

// Bit reversal of each nibble.
const mirrornibbles: usize = memory.data<u8>([
  0x0, 0x8, 0x4, 0xc, 0x2, 0xa, 0x6, 0xe, 0x1, 0x9, 0x5, 0xd, 0x3, 0xb, 0x7, 0xf,
]);

/**
 * Prepares the state `s` (LZ77_STATE_SIZE zeroed bytes) with the history
 * window `hist` of `hist_max` bytes (a power of 2) and the output callback
 * (uzlib_lz77_init).
 */
export function lz77_init(
  s: usize,
  hist: usize,
  hist_max: usize,
  write_cb: lz77_write_fn,
  write_data: usize,
): void {
  memory.fill(s, 0, LZ77_STATE_SIZE);
  store<usize>(s + S_hist_buf, hist);
  store<usize>(s + S_hist_max, hist_max);
  store<u32>(s + S_write_cb, write_cb.index);
  store<usize>(s + S_write_data, write_data);
}

/** True once the output callback has failed (its exception was raised). */
@inline export function lz77_failed(s: usize): bool {
  return load<u8>(s + S_error) != 0;
}

// Appends `nbits` bits (value `bits`, first bit lowest) and writes whole bytes (outbits).
function outbits(s: usize, bits: u32, nbits: u32): void {
  if (load<u8>(s + S_error) != 0) return;
  let n = load<u32>(s + S_noutbits);
  let out = load<u32>(s + S_outbits) | (bits << n);
  n += nbits;
  const cb = load<u32>(s + S_write_cb);
  while (n >= 8) {
    if (!call_indirect<bool>(cb, load<usize>(s + S_write_data), out & 0xff)) {
      // the byte stays unwritten, as when uzlib's callback raises
      store<u8>(s + S_error, 1);
      break;
    }
    out >>= 8;
    n -= 8;
  }
  store<u32>(s + S_outbits, out);
  store<u32>(s + S_noutbits, n);
}

@inline function mirrorbyte(b: u32): u32 {
  const hi = <u32>load<u8>(mirrornibbles + (b & 0xf));
  return (hi << 4) | <u32>load<u8>(mirrornibbles + (b >> 4));
}

function int_log2(x: u32): u32 {
  let r: u32 = 0;
  while ((x >>= 1) != 0) r++;
  return r;
}

// A literal byte in the fixed code (uzlib_literal).
function literal(s: usize, c: u32): void {
  if (c <= 143) {
    // 8 bits from 00110000
    outbits(s, mirrorbyte(0x30 + c), 8);
  } else {
    // 9 bits from 110010000
    outbits(s, 1 + 2 * mirrorbyte(c - 144 + 0x90), 9);
  }
}

// A back-reference of `len` bytes at `distance` (1..32768) (uzlib_match).
function match(s: usize, distance: u32, len: u32): void {
  distance -= 1;
  while (len > 0) {
    // at most 258 per code; never leave fewer than 3 for the next one
    let thislen: u32 = len > 260 ? 258 : len <= 258 ? len : len - 3;
    len -= thislen;
    thislen -= 3;
    let lcode: u32 = 28;
    let x = int_log2(thislen);
    if (thislen < 255) {
      if (x != 0) x--;
      const y = (thislen >> (x != 0 ? x - 1 : 0)) & 3;
      lcode = x * 4 + y;
    }
    // length codes 256-279 are 7 bits from 0000000, 280-287 8 bits from 11000000
    if (lcode <= 22) outbits(s, mirrorbyte((lcode + 1) * 2), 7);
    else outbits(s, mirrorbyte(lcode + 169), 8);
    if (thislen < 255 && x > 1) {
      const extrabits = x - 1;
      const lmin = (thislen >> extrabits) << extrabits;
      outbits(s, thislen - lmin, extrabits);
    }
    // distance codes: 5 bits from 00000, then extra bits
    const dx = int_log2(distance);
    const dy = (distance >> (dx != 0 ? dx - 1 : 0)) & 1;
    outbits(s, mirrorbyte((dx * 2 + dy) * 8), 5);
    if (dx > 1) {
      const dextrabits = dx - 1;
      const dmin = (distance >> dextrabits) << dextrabits;
      outbits(s, distance - dmin, dextrabits);
    }
  }
}

/** Starts the single block: final, fixed Huffman codes (uzlib_start_block). */
export function lz77_start_block(s: usize): void {
  outbits(s, 3, 3);
}

/**
 * Ends the block (the end-of-block code) and flushes the last bits
 * (uzlib_finish_block). Returns false if the callback raised.
 */
export function lz77_finish_block(s: usize): bool {
  outbits(s, 0, 14);
  return load<u8>(s + S_error) == 0;
}

// The longest match (at least MATCH_LEN_MIN) of the `len` bytes at `src` in
// the history followed by `src` itself; writes its distance at `offset_out`.
// The latest of equally long matches wins: it is nearer, so shorter to code
// (uzlib_lz77_search_max_match).
function search_max_match(s: usize, src: usize, len: usize, offset_out: usize): usize {
  const hist_len = load<usize>(s + S_hist_len);
  const hist_buf = load<usize>(s + S_hist_buf);
  const hist_start = load<usize>(s + S_hist_start);
  const mask = load<usize>(s + S_hist_max) - 1;
  let longest_len: usize = 0;
  for (let hist_search: usize = 0; hist_search < hist_len; hist_search++) {
    let match_len: usize = 0;
    while (match_len <= MATCH_LEN_MAX && match_len < len) {
      const i = hist_search + match_len;
      const h = i < hist_len
        ? load<u8>(hist_buf + ((hist_start + i) & mask))
        : load<u8>(src + i - hist_len);
      if (load<u8>(src + match_len) != h) break;
      match_len++;
    }
    if (match_len >= MATCH_LEN_MIN && match_len >= longest_len) {
      longest_len = match_len;
      store<usize>(offset_out, hist_len - hist_search);
    }
  }
  return longest_len;
}

/**
 * Compresses `len` bytes at `src` (uzlib_lz77_compress). `offset_tmp` is one
 * scratch word. Returns false if the output callback raised.
 */
export function lz77_compress(s: usize, src: usize, len: usize, offset_tmp: usize): bool {
  const top = src + len;
  while (src < top) {
    store<usize>(offset_tmp, 0);
    let match_len = search_max_match(s, src, top - src, offset_tmp);
    if (match_len == 0) {
      literal(s, <u32>load<u8>(src));
      match_len = 1;
    } else {
      match(s, <u32>load<usize>(offset_tmp), <u32>match_len);
    }
    if (load<u8>(s + S_error) != 0) return false;
    // push the bytes coded into the history
    const hist_buf = load<usize>(s + S_hist_buf);
    const hist_max = load<usize>(s + S_hist_max);
    const mask = hist_max - 1;
    let start = load<usize>(s + S_hist_start);
    let hlen = load<usize>(s + S_hist_len);
    while (match_len-- > 0) {
      store<u8>(hist_buf + ((start + hlen) & mask), load<u8>(src));
      src++;
      if (hlen == hist_max) start = (start + 1) & mask;
      else hlen++;
    }
    store<usize>(s + S_hist_start, start);
    store<usize>(s + S_hist_len, hlen);
  }
  return true;
}
