// DEFLATE decompression (RFC 1951) and the zlib (RFC 1950) / gzip (RFC 1952)
// headers, as MicroPython's uzlib (tinflate.c, header.c): a streaming
// decoder that pulls compressed bytes one at a time from a callback and
// produces output bytes until the destination is full, keeping the last
// `dict_size` bytes in a ring (the LZ77 window) for back-references. Stored,
// fixed-Huffman and dynamic-Huffman blocks; Adler-32/CRC-32 trailers are
// checked at the end of the stream.
//
//   inflate state (INFLATE_STATE_SIZE bytes, one GC block, zeroed):
//     +0    read_data   word passed to read_cb (an object: keep it reachable)
//     +4    read_cb     table index of (data) => i32: the next byte 0..255,
//                       INFLATE_READ_EOF, or INFLATE_READ_RAISED (exception pending)
//     +8    tag         bits of the current input byte not yet used
//     +12   bitcount    number of those bits
//     +16   dest        next output byte
//     +20   dest_limit  end of the output buffer
//     +24   checksum    running Adler-32 or CRC-32 register
//     +28   checksum_type u8 (INFLATE_CHKSUM_*)
//     +29   eof         u8: the callback reported the end of input (sticky)
//     +30   raised      u8: the callback raised; reads give 0 until the next call
//     +31   bfinal      u8: the current block is the last one
//     +32   btype       i32: current block type, -1 before the first block
//     +36   curlen      bytes left to copy from a back-reference / stored block
//     +40   lz_off      i32: ring index of the next back-reference byte
//     +44   dict_ring   the window (dict_size bytes)
//     +48   dict_size
//     +52   dict_idx    next write position in the ring
//     +56   ltree       literal/length tree (TREE_SIZE)
//     +664  dtree       distance tree (TREE_SIZE)
//     +1272 lengths     u8[320] code lengths while reading dynamic trees
//
//   tree (TREE_SIZE = 608 bytes): +0 table u16[16] (codes of each length),
//     +32 trans u16[288] (symbols sorted by code)
//
// uzlib leaves with a C exception (a long jump) when the read callback
// raises; here the callback returns INFLATE_READ_RAISED and every function
// returns at once, before storing anything more, up to the caller
// (INFLATE_RAISED): the state is left as uzlib leaves it, and the next call
// goes on from there as MicroPython's does.

import { deflate_adler32, deflate_crc32 } from "./deflate_chksum";

export type inflate_read_fn = (data: usize) => i32;

/** Read callback results other than a byte. */
@inline export const INFLATE_READ_EOF: i32 = -1;
@inline export const INFLATE_READ_RAISED: i32 = -2;

/** Results of the decoder (uzlib's codes, plus INFLATE_RAISED). */
@inline export const INFLATE_OK: i32 = 0;
@inline export const INFLATE_DONE: i32 = 1;
@inline export const INFLATE_DATA_ERROR: i32 = -3;
@inline export const INFLATE_CHKSUM_ERROR: i32 = -4;
@inline export const INFLATE_DICT_ERROR: i32 = -5;
/** The read callback raised: its exception is pending. */
@inline export const INFLATE_RAISED: i32 = -100;

/** Checksum kinds. */
@inline export const INFLATE_CHKSUM_NONE: u8 = 0;
@inline export const INFLATE_CHKSUM_ADLER: u8 = 1;
@inline export const INFLATE_CHKSUM_CRC: u8 = 2;

/** Header kinds returned by inflate_parse_zlib_gzip_header (low byte). */
@inline export const INFLATE_HEADER_ZLIB: i32 = 0;
@inline export const INFLATE_HEADER_GZIP: i32 = 1;

@inline const D_read_data: usize = 0;
@inline const D_read_cb: usize = 4;
@inline const D_tag: usize = 8;
@inline const D_bitcount: usize = 12;
@inline const D_dest: usize = 16;
@inline const D_dest_limit: usize = 20;
@inline const D_checksum: usize = 24;
@inline const D_checksum_type: usize = 28;
@inline const D_eof: usize = 29;
@inline const D_raised: usize = 30;
@inline const D_bfinal: usize = 31;
@inline const D_btype: usize = 32;
@inline const D_curlen: usize = 36;
@inline const D_lz_off: usize = 40;
@inline const D_dict_ring: usize = 44;
@inline const D_dict_size: usize = 48;
@inline const D_dict_idx: usize = 52;
@inline const D_ltree: usize = 56;
@inline const D_dtree: usize = 664;
@inline const D_lengths: usize = 1272;

@inline const TREE_SIZE: usize = 608;
@inline const T_trans: usize = 32;
@inline const TREE_TRANS_LEN: i32 = 288;

/** Bytes of an inflate state. */
@inline export const INFLATE_STATE_SIZE: usize = 1592;

// Per length/distance code: extra bits and base value (RFC 1951 3.2.5).
const length_bits: usize = memory.data<u8>([
  0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0, 0,
]);
const length_base: usize = memory.data<u16>([
  3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
  163, 195, 227, 258, 0,
]);
const dist_bits: usize = memory.data<u8>([
  0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
]);
const dist_base: usize = memory.data<u16>([
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049,
  3073, 4097, 6145, 8193, 12289, 16385, 24577,
]);
// The order in which code length code lengths are stored.
const clcidx: usize = memory.data<u8>([
  16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
]);
// Scratch for tree building (offsets of each code length); never re-entered.
const build_offs: usize = memory.data(32, 4);

/**
 * Prepares the state `d` (INFLATE_STATE_SIZE zeroed bytes) to read from
 * `read_cb(read_data)`. Call before parsing a header. A state used without
 * inflate_init decodes as uzlib's zeroed one does: a stored block first, and
 * no window.
 */
export function inflate_set_source(d: usize, read_cb: inflate_read_fn, read_data: usize): void {
  store<u32>(d + D_read_cb, read_cb.index);
  store<usize>(d + D_read_data, read_data);
}

/**
 * Starts decoding with the window `dict` of `dict_len` bytes (a power of 2,
 * at most 32768); keeps a checksum set up by a header (uzlib_uncompress_init).
 */
export function inflate_init(d: usize, dict: usize, dict_len: usize): void {
  store<u8>(d + D_eof, 0);
  store<u32>(d + D_bitcount, 0);
  store<u8>(d + D_bfinal, 0);
  store<i32>(d + D_btype, -1);
  store<usize>(d + D_dict_size, dict_len);
  store<usize>(d + D_dict_ring, dict);
  store<usize>(d + D_dict_idx, 0);
  store<u32>(d + D_curlen, 0);
}

/** Sets the output buffer of the next inflate_uncompress_chksum call. */
export function inflate_set_dest(d: usize, buf: usize, len: usize): void {
  store<usize>(d + D_dest, buf);
  store<usize>(d + D_dest_limit, buf + len);
}

/** The next output position (after a call, minus the buffer start = bytes produced). */
@inline export function inflate_dest(d: usize): usize {
  return load<usize>(d + D_dest);
}

// ---- input ----

/** The next input byte; 0 once the input has ended or the callback raised (uzlib_get_byte). */
function get_byte(d: usize): u32 {
  if (load<u8>(d + D_raised) != 0) return 0;
  if (load<u8>(d + D_eof) == 0) {
    const v = call_indirect<i32>(load<u32>(d + D_read_cb), load<usize>(d + D_read_data));
    if (v >= 0) return <u32>v & 0xff;
    if (v == INFLATE_READ_RAISED) {
      store<u8>(d + D_raised, 1);
      return 0;
    }
  }
  // end of input is sticky
  store<u8>(d + D_eof, 1);
  return 0;
}

@inline function raised(d: usize): bool {
  return load<u8>(d + D_raised) != 0;
}

function get_le_uint32(d: usize): u32 {
  let val: u32 = 0;
  for (let i = 0; i < 4; i++) val = (val >> 8) | (get_byte(d) << 24);
  return val;
}

function get_be_uint32(d: usize): u32 {
  let val: u32 = 0;
  for (let i = 0; i < 4; i++) val = (val << 8) | get_byte(d);
  return val;
}

function get_uint16(d: usize): u32 {
  const v = get_byte(d);
  return (get_byte(d) << 8) | v;
}

// One bit, least significant first (tinf_getbit). After a raise the count
// has wrapped (uzlib decrements it first) and the tag is unchanged.
function getbit(d: usize): u32 {
  let bc = load<u32>(d + D_bitcount);
  if (bc == 0) {
    store<u32>(d + D_bitcount, 0xffffffff);
    const b = get_byte(d);
    if (raised(d)) return 0;
    store<u32>(d + D_tag, b);
    bc = 8;
  }
  store<u32>(d + D_bitcount, bc - 1);
  const tag = load<u32>(d + D_tag);
  store<u32>(d + D_tag, tag >> 1);
  return tag & 1;
}

// `num` bits (first bit lowest) plus `base` (tinf_read_bits).
function read_bits(d: usize, num: u32, base: u32): u32 {
  let val: u32 = 0;
  if (num != 0) {
    const limit: u32 = 1 << num;
    for (let mask: u32 = 1; mask < limit; mask <<= 1) {
      if (getbit(d) != 0) val += mask;
      if (raised(d)) return 0;
    }
  }
  return val + base;
}

// ---- Huffman trees ----

// The fixed trees of block type 1 (tinf_build_fixed_trees).
function build_fixed_trees(lt: usize, dt: usize): void {
  memory.fill(lt, 0, 32);
  store<u16>(lt + 14, 24);
  store<u16>(lt + 16, 152);
  store<u16>(lt + 18, 112);
  const tr = lt + T_trans;
  let j: usize = 0;
  for (let i: u32 = 0; i < 24; i++) store<u16>(tr + (j++ << 1), <u16>(256 + i));
  for (let i: u32 = 0; i < 144; i++) store<u16>(tr + (j++ << 1), <u16>i);
  for (let i: u32 = 0; i < 8; i++) store<u16>(tr + (j++ << 1), <u16>(280 + i));
  for (let i: u32 = 0; i < 112; i++) store<u16>(tr + (j++ << 1), <u16>(144 + i));

  memory.fill(dt, 0, 32);
  store<u16>(dt + 10, 32);
  for (let i: u32 = 0; i < 32; i++) store<u16>(dt + T_trans + (i << 1), <u16>i);
}

// A canonical Huffman tree from `num` code lengths (0..15) at `lengths` (tinf_build_tree).
function build_tree(t: usize, lengths: usize, num: u32): void {
  memory.fill(t, 0, 32);
  for (let i: u32 = 0; i < num; i++) {
    const l = <usize>load<u8>(lengths + i);
    store<u16>(t + (l << 1), load<u16>(t + (l << 1)) + 1);
  }
  // length 0 means "unused": no codes of length 0
  store<u16>(t, 0);
  let sum: u32 = 0;
  for (let i: usize = 0; i < 16; i++) {
    store<u16>(build_offs + (i << 1), <u16>sum);
    sum += <u32>load<u16>(t + (i << 1));
  }
  for (let i: u32 = 0; i < num; i++) {
    const l = <usize>load<u8>(lengths + i);
    if (l != 0) {
      const o = <usize>load<u16>(build_offs + (l << 1));
      store<u16>(build_offs + (l << 1), <u16>(o + 1));
      store<u16>(t + T_trans + (o << 1), <u16>i);
    }
  }
}

// The next symbol coded with tree `t`, or INFLATE_DATA_ERROR for a code
// longer than 15 bits (tinf_decode_symbol).
function decode_symbol(d: usize, t: usize): i32 {
  let sum: i32 = 0;
  let cur: i32 = 0;
  let len: usize = 0;
  do {
    cur = 2 * cur + <i32>getbit(d);
    if (raised(d)) return INFLATE_RAISED;
    if (++len == 16) return INFLATE_DATA_ERROR;
    const n = <i32>load<u16>(t + (len << 1));
    sum += n;
    cur -= n;
  } while (cur >= 0);
  sum += cur;
  // always within the codes counted; checked all the same
  if (sum < 0 || sum >= TREE_TRANS_LEN) return INFLATE_DATA_ERROR;
  return <i32>load<u16>(t + T_trans + (<usize>sum << 1));
}

// Reads the code lengths of a dynamic block and builds its trees (tinf_decode_trees).
function decode_trees(d: usize, lt: usize, dt: usize): i32 {
  const lengths = d + D_lengths;
  const hlit = read_bits(d, 5, 257);
  if (raised(d)) return INFLATE_RAISED;
  const hdist = read_bits(d, 5, 1);
  if (raised(d)) return INFLATE_RAISED;
  const hclen = read_bits(d, 4, 4);
  if (raised(d)) return INFLATE_RAISED;
  memory.fill(lengths, 0, 19);
  for (let i: u32 = 0; i < hclen; i++) {
    const clen = read_bits(d, 3, 0);
    if (raised(d)) return INFLATE_RAISED;
    store<u8>(lengths + <usize>load<u8>(clcidx + i), <u8>clen);
  }
  // the code length tree lives in `lt` for a while
  build_tree(lt, lengths, 19);

  const hlimit = hlit + hdist;
  let num: u32 = 0;
  while (num < hlimit) {
    const sym = decode_symbol(d, lt);
    if (sym < 0) return sym;
    let fill_value: u8 = 0;
    let lbits: u32 = 0;
    let lbase: u32 = 3;
    if (sym == 16) {
      // repeat the previous length 3-6 times
      if (num == 0) return INFLATE_DATA_ERROR;
      fill_value = load<u8>(lengths + num - 1);
      lbits = 2;
    } else if (sym == 17) {
      // 3-10 zeros
      lbits = 3;
    } else if (sym == 18) {
      // 11-138 zeros
      lbits = 7;
      lbase = 11;
    } else {
      store<u8>(lengths + num, <u8>sym);
      num++;
      continue;
    }
    let length = read_bits(d, lbits, lbase);
    if (raised(d)) return INFLATE_RAISED;
    if (num + length > hlimit) return INFLATE_DATA_ERROR;
    for (; length != 0; length--) {
      store<u8>(lengths + num, fill_value);
      num++;
    }
  }
  build_tree(lt, lengths, hlit);
  build_tree(dt, lengths + hlit, hdist);
  return INFLATE_OK;
}

// ---- blocks ----

// Writes one output byte, also into the window ring if there is one (TINF_PUT).
@inline function put(d: usize, c: u32): void {
  const dest = load<usize>(d + D_dest);
  store<u8>(dest, <u8>c);
  store<usize>(d + D_dest, dest + 1);
  const ring = load<usize>(d + D_dict_ring);
  if (ring == 0) return;
  let idx = load<usize>(d + D_dict_idx);
  store<u8>(ring + idx, <u8>c);
  idx++;
  if (idx == load<usize>(d + D_dict_size)) idx = 0;
  store<usize>(d + D_dict_idx, idx);
}

// One output byte of a Huffman-coded block (tinf_inflate_block_data).
function inflate_block_data(d: usize, lt: usize, dt: usize): i32 {
  if (load<u32>(d + D_curlen) == 0) {
    let sym = decode_symbol(d, lt);
    if (raised(d)) return INFLATE_RAISED;
    if (load<u8>(d + D_eof) != 0) return INFLATE_DATA_ERROR;
    // a bad code (negative) is written as a byte, as uzlib does
    if (sym < 256) {
      put(d, <u32>sym);
      return INFLATE_OK;
    }
    if (sym == 256) return INFLATE_DONE;
    sym -= 257;
    if (sym >= 29) return INFLATE_DATA_ERROR;
    const lbits = <u32>load<u8>(length_bits + sym);
    const len = read_bits(d, lbits, <u32>load<u16>(length_base + (sym << 1)));
    if (raised(d)) return INFLATE_RAISED;
    store<u32>(d + D_curlen, len);
    const dist = decode_symbol(d, dt);
    if (raised(d)) return INFLATE_RAISED;
    if (dist >= 30) return INFLATE_DATA_ERROR;
    // a bad distance code (negative) makes uzlib read the zero bytes before
    // its table: no extra bits, offset 0
    const offs =
      dist < 0
        ? 0
        : read_bits(d, <u32>load<u8>(dist_bits + dist), <u32>load<u16>(dist_base + (dist << 1)));
    if (raised(d)) return INFLATE_RAISED;
    // no window (a state never given one by inflate_init): uzlib would copy
    // from before the output buffer; that is refused here
    if (load<usize>(d + D_dict_ring) == 0) return INFLATE_DATA_ERROR;
    const size = load<usize>(d + D_dict_size);
    if (<usize>offs > size) return INFLATE_DICT_ERROR;
    // an offset into the part of the window not yet written reads what is there
    let off = <i32>load<usize>(d + D_dict_idx) - <i32>offs;
    if (off < 0) off += <i32>size;
    store<i32>(d + D_lz_off, off);
  }
  let off = load<i32>(d + D_lz_off);
  put(d, <u32>load<u8>(load<usize>(d + D_dict_ring) + <usize>off));
  off++;
  if (<usize>off == load<usize>(d + D_dict_size)) off = 0;
  store<i32>(d + D_lz_off, off);
  store<u32>(d + D_curlen, load<u32>(d + D_curlen) - 1);
  return INFLATE_OK;
}

// One output byte of a stored block (tinf_inflate_uncompressed_block).
function inflate_uncompressed_block(d: usize): i32 {
  if (load<u32>(d + D_curlen) == 0) {
    let length = get_byte(d);
    length += 256 * get_byte(d);
    let invlength = get_byte(d);
    invlength += 256 * get_byte(d);
    if (raised(d)) return INFLATE_RAISED;
    if (length != (~invlength & 0xffff)) return INFLATE_DATA_ERROR;
    // one more, so that the end of the block is reported without data
    store<u32>(d + D_curlen, length + 1);
    // the next block starts on a byte boundary
    store<u32>(d + D_bitcount, 0);
  }
  const n = load<u32>(d + D_curlen) - 1;
  store<u32>(d + D_curlen, n);
  if (n == 0) return INFLATE_DONE;
  const c = get_byte(d);
  if (raised(d)) return INFLATE_RAISED;
  put(d, c);
  return INFLATE_OK;
}

/**
 * Decodes until the output buffer (inflate_set_dest, at least 1 byte) is
 * full or the stream ends (uzlib_uncompress): INFLATE_OK, INFLATE_DONE, a
 * negative error, or INFLATE_RAISED.
 */
export function inflate_uncompress(d: usize): i32 {
  let next_block = load<i32>(d + D_btype) == -1;
  while (true) {
    if (next_block) {
      const bfinal = getbit(d);
      if (raised(d)) return INFLATE_RAISED;
      store<u8>(d + D_bfinal, <u8>bfinal);
      const btype = <i32>read_bits(d, 2, 0);
      if (raised(d)) return INFLATE_RAISED;
      store<i32>(d + D_btype, btype);
      if (btype == 1) {
        build_fixed_trees(d + D_ltree, d + D_dtree);
      } else if (btype == 2) {
        const r = decode_trees(d, d + D_ltree, d + D_dtree);
        if (r != INFLATE_OK) return r;
      }
    }
    const btype = load<i32>(d + D_btype);
    let res: i32;
    if (btype == 0) {
      res = inflate_uncompressed_block(d);
    } else if (btype == 1 || btype == 2) {
      res = inflate_block_data(d, d + D_ltree, d + D_dtree);
    } else {
      return INFLATE_DATA_ERROR;
    }
    if (res == INFLATE_DONE && load<u8>(d + D_bfinal) == 0) {
      // the block ended without output: go straight on to the next one
      next_block = true;
      continue;
    }
    next_block = false;
    if (res != INFLATE_OK) return res;
    if (load<usize>(d + D_dest) >= load<usize>(d + D_dest_limit)) return INFLATE_OK;
  }
  return INFLATE_OK;
}

/**
 * As inflate_uncompress, also updating the checksum over the output and, at
 * the end of the stream, checking the zlib/gzip trailer (the gzip length is
 * read but not checked): INFLATE_CHKSUM_ERROR on a mismatch
 * (uzlib_uncompress_chksum).
 */
export function inflate_uncompress_chksum(d: usize): i32 {
  store<u8>(d + D_raised, 0);
  const data = load<usize>(d + D_dest);
  const res = inflate_uncompress(d);
  if (res < 0) return res;
  const n = load<usize>(d + D_dest) - data;
  const kind = load<u8>(d + D_checksum_type);
  if (kind == INFLATE_CHKSUM_ADLER) {
    store<u32>(d + D_checksum, deflate_adler32(data, n, load<u32>(d + D_checksum)));
  } else if (kind == INFLATE_CHKSUM_CRC) {
    store<u32>(d + D_checksum, deflate_crc32(data, n, load<u32>(d + D_checksum)));
  }
  if (res == INFLATE_DONE) {
    if (kind == INFLATE_CHKSUM_ADLER) {
      const val = get_be_uint32(d);
      if (raised(d)) return INFLATE_RAISED;
      if (load<u32>(d + D_checksum) != val) return INFLATE_CHKSUM_ERROR;
    } else if (kind == INFLATE_CHKSUM_CRC) {
      const val = get_le_uint32(d);
      if (raised(d)) return INFLATE_RAISED;
      if (~load<u32>(d + D_checksum) != val) return INFLATE_CHKSUM_ERROR;
      // the length of the data (mod 2**32): read, not checked
      get_le_uint32(d);
      if (raised(d)) return INFLATE_RAISED;
    }
  }
  return res;
}

// gzip header flags
@inline const FHCRC: u32 = 2;
@inline const FEXTRA: u32 = 4;
@inline const FNAME: u32 = 8;
@inline const FCOMMENT: u32 = 16;

/**
 * Reads a zlib or gzip header and sets up the matching checksum
 * (uzlib_parse_zlib_gzip_header). Returns the header kind
 * (INFLATE_HEADER_ZLIB/GZIP) with the window bits it announces in bits 8..15
 * (8-15 for zlib, 15 for gzip), INFLATE_DATA_ERROR, or INFLATE_RAISED.
 */
export function inflate_parse_zlib_gzip_header(d: usize): i32 {
  store<u8>(d + D_raised, 0);
  const cmf = get_byte(d);
  let flg = get_byte(d);
  if (raised(d)) return INFLATE_RAISED;
  if (cmf == 0x1f && flg == 0x8b) {
    // gzip: method must be deflate, reserved flags clear
    if (get_byte(d) != 8) return raised(d) ? INFLATE_RAISED : INFLATE_DATA_ERROR;
    flg = get_byte(d);
    if (raised(d)) return INFLATE_RAISED;
    if ((flg & 0xe0) != 0) return INFLATE_DATA_ERROR;
    // mtime, xfl, os
    for (let i = 0; i < 6; i++) get_byte(d);
    if ((flg & FEXTRA) != 0) {
      const xlen = get_uint16(d);
      for (let i: u32 = 0; i < xlen && !raised(d); i++) get_byte(d);
    }
    if ((flg & FNAME) != 0) {
      while (get_byte(d) != 0) {}
    }
    if ((flg & FCOMMENT) != 0) {
      while (get_byte(d) != 0) {}
    }
    // the header CRC is skipped, not checked (as uzlib)
    if ((flg & FHCRC) != 0) get_uint16(d);
    if (raised(d)) return INFLATE_RAISED;
    store<u8>(d + D_checksum_type, INFLATE_CHKSUM_CRC);
    store<u32>(d + D_checksum, 0xffffffff);
    // gzip has no window size: compressors use 32 KiB
    return INFLATE_HEADER_GZIP | (15 << 8);
  }
  if ((256 * cmf + flg) % 31 != 0) return INFLATE_DATA_ERROR;
  if ((cmf & 0x0f) != 8) return INFLATE_DATA_ERROR;
  if (cmf >> 4 > 7) return INFLATE_DATA_ERROR;
  // no preset dictionary
  if ((flg & 0x20) != 0) return INFLATE_DATA_ERROR;
  store<u8>(d + D_checksum_type, INFLATE_CHKSUM_ADLER);
  store<u32>(d + D_checksum, 1);
  return INFLATE_HEADER_ZLIB | <i32>(((cmf >> 4) + 8) << 8);
}
