// The two checksums of the zlib and gzip formats, as uzlib's adler32.c and
// crc32.c: Adler-32 (RFC 1950, the zlib trailer) and CRC-32 (RFC 1952, the
// gzip trailer; zlib's polynomial, computed a nibble at a time from a
// 16-entry table). Both run incrementally over a stream's chunks.

// Adler-32 modulus, and the largest run of bytes whose sums cannot overflow 32 bits.
@inline const A32_BASE: u32 = 65521;
@inline const A32_NMAX: usize = 5552;

/**
 * Continues the Adler-32 sum `prev_sum` (1 for a new stream) over `len`
 * bytes at `buf` and returns it (uzlib_adler32).
 */
export function deflate_adler32(buf: usize, len: usize, prev_sum: u32): u32 {
  let s1 = prev_sum & 0xffff;
  let s2 = prev_sum >> 16;
  while (len > 0) {
    const k = len < A32_NMAX ? len : A32_NMAX;
    const end = buf + k;
    while (buf < end) {
      s1 += <u32>load<u8>(buf);
      s2 += s1;
      buf++;
    }
    s1 %= A32_BASE;
    s2 %= A32_BASE;
    len -= k;
  }
  return (s2 << 16) | s1;
}

// CRC-32 (reflected polynomial 0xedb88320) of each nibble value.
const crc32_nibble_tab: usize = memory.data<u32>([
  0x00000000, 0x1db71064, 0x3b6e20c8, 0x26d930ac, 0x76dc4190, 0x6b6b51f4, 0x4db26158, 0x5005713c,
  0xedb88320, 0xf00f9344, 0xd6d6a3e8, 0xcb61b38c, 0x9b64c2b0, 0x86d3d2d4, 0xa00ae278, 0xbdbdf21c,
]);

/**
 * Continues the CRC-32 register `crc` (0xffffffff for a new stream) over
 * `len` bytes at `buf` and returns the register; the CRC itself is its
 * complement (uzlib_crc32).
 */
export function deflate_crc32(buf: usize, len: usize, crc: u32): u32 {
  const end = buf + len;
  while (buf < end) {
    crc ^= <u32>load<u8>(buf);
    crc = load<u32>(crc32_nibble_tab + ((crc & 15) << 2)) ^ (crc >> 4);
    crc = load<u32>(crc32_nibble_tab + ((crc & 15) << 2)) ^ (crc >> 4);
    buf++;
  }
  return crc;
}
