// Arbitrary-precision integers, as MicroPython's mpz.c with 16-bit digits
// (MPZ_DIG_SIZE 16, the 32-bit board configuration). Differences: products
// of long operands use Karatsuba's method, powers that cannot fit the heap
// fail at once, and conversion to double is correctly rounded. The mpn_*
// helpers work on little-endian digit arrays; the mpz_* functions on an mpz_t:
//
//   mpz_t (12 bytes, inside an int object at +4, or on the root stack):
//     +0 neg (bit 0) | fixed_dig (bit 1) | alloc << 2    (alloc: digits in `dig`)
//     +4 len   digits in use (normalised: the top digit is non-zero; 0 has len 0)
//     +8 dig   pointer to u16 digits (a GC block, or fixed storage)
//
// Functions that may allocate return false when the heap is full (no
// exception is set here: the int layer raises MemoryError). Digit buffers
// are GC blocks reachable only through their mpz_t, so an mpz_t must live
// where the collector scans it (in a rooted object or on the root stack)
// while anything allocates.

import { gc_alloc, gc_realloc, gc_free, gc_total_bytes } from "./gc";
import { mp_root_mark, mp_root_push, mp_root_alloc, mp_root_release } from "./rootstack";

export type mpz_t = usize;

@inline export const MPZ_DIG_SIZE: u32 = 16;
@inline const DIG_SIZE: u32 = 16;
@inline const DIG_MASK: u32 = 0xffff;
@inline const DIG_MSB: u32 = 0x8000;
@inline const MIN_ALLOC: usize = 2;
/** Digits needed for a 32-bit machine int. */
@inline export const MPZ_NUM_DIG_FOR_INT: usize = 2;
/** Digits needed for a 64-bit int. */
@inline export const MPZ_NUM_DIG_FOR_LL: usize = 4;
/** Bytes of an mpz_t. */
@inline export const MPZ_SIZE: usize = 12;

// ---- field access ----

@inline export function mpz_neg(z: mpz_t): u32 {
  return load<u32>(z) & 1;
}
@inline function set_neg(z: mpz_t, n: u32): void {
  store<u32>(z, (load<u32>(z) & ~(<u32>1)) | (n & 1));
}
@inline function mpz_fixed(z: mpz_t): bool {
  return (load<u32>(z) & 2) != 0;
}
@inline export function mpz_alloc(z: mpz_t): usize {
  return load<u32>(z) >> 2;
}
@inline function set_alloc(z: mpz_t, a: usize): void {
  store<u32>(z, (load<u32>(z) & 3) | ((<u32>a) << 2));
}
@inline export function mpz_len(z: mpz_t): usize {
  return load<usize>(z + 4);
}
@inline function set_len(z: mpz_t, n: usize): void {
  store<usize>(z + 4, n);
}
@inline export function mpz_dig(z: mpz_t): usize {
  return load<usize>(z + 8);
}
@inline function set_dig(z: mpz_t, d: usize): void {
  store<usize>(z + 8, d);
}
@inline function dg(p: usize, i: usize): u32 {
  return <u32>load<u16>(p + (i << 1));
}
@inline function sdg(p: usize, i: usize, v: u32): void {
  store<u16>(p + (i << 1), <u16>v);
}

@inline export function mpz_is_zero(z: mpz_t): bool {
  return mpz_len(z) == 0;
}
@inline export function mpz_is_neg(z: mpz_t): bool {
  return mpz_neg(z) != 0;
}
/** Upper bound of the number of significant bits (len * 16). */
@inline export function mpz_max_num_bits(z: mpz_t): usize {
  return mpz_len(z) * DIG_SIZE;
}

// ---- mpn: unsigned digit arrays ----

/** Length of the array [p, p + 2*n) without its top zero digits. */
function mpn_remove_trailing_zeros(p: usize, n: usize): usize {
  while (n > 0 && dg(p, n - 1) == 0) n--;
  return n;
}

/** sign(i - j) of normalised arrays. */
function mpn_cmp(i: usize, ilen: usize, j: usize, jlen: usize): i32 {
  if (ilen < jlen) return -1;
  if (ilen > jlen) return 1;
  for (let k = ilen; k > 0; k--) {
    const a = dg(i, k - 1);
    const b = dg(j, k - 1);
    if (a < b) return -1;
    if (a > b) return 1;
  }
  return 0;
}

/** i = j << n (n > 0, j normalised, i may alias j); returns len of i. */
function mpn_shl(i: usize, j: usize, jlen: usize, n: usize): usize {
  const n_whole = (n + DIG_SIZE - 1) / DIG_SIZE;
  let n_part = <u32>(n % DIG_SIZE);
  if (n_part == 0) n_part = DIG_SIZE;
  let ii = jlen + n_whole - 1;
  let jj = jlen - 1;
  let d: u32 = 0;
  for (let k = jlen; k > 0; k--) {
    d |= dg(j, jj);
    sdg(i, ii, (d >> (DIG_SIZE - n_part)) & DIG_MASK);
    d <<= DIG_SIZE;
    ii--;
    jj--;
  }
  sdg(i, ii, (d >> (DIG_SIZE - n_part)) & DIG_MASK);
  // ii == n_whole - 1 here: the whole-digit part below is zero
  memory.fill(i, 0, (n_whole - 1) << 1);
  let len = jlen + n_whole;
  while (len != 0 && dg(i, len - 1) == 0) len--;
  return len;
}

/** i = j >> n (n > 0, j normalised, i may alias j); returns len of i. */
function mpn_shr(i: usize, j: usize, jlen: usize, n: usize): usize {
  const n_whole = n / DIG_SIZE;
  const n_part = <u32>(n % DIG_SIZE);
  if (n_whole >= jlen) return 0;
  j += n_whole << 1;
  jlen -= n_whole;
  for (let k: usize = 0; k < jlen; k++) {
    let d = dg(j, k);
    if (k + 1 < jlen) d |= dg(j, k + 1) << DIG_SIZE;
    d >>= n_part;
    sdg(i, k, d & DIG_MASK);
  }
  if (dg(i, jlen - 1) == 0) jlen--;
  return jlen;
}

/** i = j + k (jlen >= klen; may alias); returns len of i. */
function mpn_add(i: usize, j: usize, jlen: usize, k: usize, klen: usize): usize {
  let carry: u32 = 0;
  let x: usize = 0;
  for (; x < klen; x++) {
    carry += dg(j, x) + dg(k, x);
    sdg(i, x, carry & DIG_MASK);
    carry >>= DIG_SIZE;
  }
  for (; x < jlen; x++) {
    carry += dg(j, x);
    sdg(i, x, carry & DIG_MASK);
    carry >>= DIG_SIZE;
  }
  if (carry != 0) sdg(i, x++, carry);
  return x;
}

/** i = j - k (j >= k; may alias); returns len of i. */
function mpn_sub(i: usize, j: usize, jlen: usize, k: usize, klen: usize): usize {
  let borrow: i32 = 0;
  let x: usize = 0;
  for (; x < klen; x++) {
    borrow += <i32>dg(j, x) - <i32>dg(k, x);
    sdg(i, x, (<u32>borrow) & DIG_MASK);
    borrow >>= DIG_SIZE;
  }
  for (; x < jlen; x++) {
    borrow += <i32>dg(j, x);
    sdg(i, x, (<u32>borrow) & DIG_MASK);
    borrow >>= DIG_SIZE;
  }
  return mpn_remove_trailing_zeros(i, x);
}

/** i = j & k, both non-negative (klen <= jlen). */
function mpn_and(i: usize, j: usize, k: usize, klen: usize): usize {
  for (let x: usize = 0; x < klen; x++) sdg(i, x, dg(j, x) & dg(k, x));
  return mpn_remove_trailing_zeros(i, klen);
}

/**
 * Two's complement and with sign handling (mpn_and_neg):
 * i = (im ^ (((j ^ jm) + jc) & ((k ^ km) + kc))) + ic, Xm = Xc ? DIG_MASK : 0.
 */
function mpn_and_neg(
  i: usize,
  j: usize,
  jlen: usize,
  k: usize,
  klen: usize,
  carryi: u32,
  carryj: u32,
  carryk: u32,
): usize {
  const imask: u32 = carryi == 0 ? 0 : DIG_MASK;
  const jmask: u32 = carryj == 0 ? 0 : DIG_MASK;
  const kmask: u32 = carryk == 0 ? 0 : DIG_MASK;
  let x: usize = 0;
  for (; x < jlen; x++) {
    carryj += dg(j, x) ^ jmask;
    carryk += x < klen ? dg(k, x) ^ kmask : kmask;
    carryi += ((carryj & carryk) ^ imask) & DIG_MASK;
    sdg(i, x, carryi & DIG_MASK);
    carryk >>= DIG_SIZE;
    carryj >>= DIG_SIZE;
    carryi >>= DIG_SIZE;
  }
  if (carryi != 0) sdg(i, x++, carryi);
  return mpn_remove_trailing_zeros(i, x);
}

/** i = j | k, both non-negative (klen <= jlen). */
function mpn_or(i: usize, j: usize, jlen: usize, k: usize, klen: usize): usize {
  let x: usize = 0;
  for (; x < klen; x++) sdg(i, x, dg(j, x) | dg(k, x));
  for (; x < jlen; x++) sdg(i, x, dg(j, x));
  return x;
}

/** i = ~(((j ^ jm) + jc) | ((k ^ km) + kc)) + 1, at least one negative (mpn_or_neg). */
function mpn_or_neg(
  i: usize,
  j: usize,
  jlen: usize,
  k: usize,
  klen: usize,
  carryj: u32,
  carryk: u32,
): usize {
  let carryi: u32 = 1;
  const jmask: u32 = carryj == 0 ? 0 : DIG_MASK;
  const kmask: u32 = carryk == 0 ? 0 : DIG_MASK;
  let x: usize = 0;
  for (; x < jlen; x++) {
    carryj += dg(j, x) ^ jmask;
    carryk += x < klen ? dg(k, x) ^ kmask : kmask;
    carryi += ((carryj | carryk) ^ DIG_MASK) & DIG_MASK;
    sdg(i, x, carryi & DIG_MASK);
    carryk >>= DIG_SIZE;
    carryj >>= DIG_SIZE;
    carryi >>= DIG_SIZE;
  }
  return mpn_remove_trailing_zeros(i, x);
}

/** i = j ^ k, both non-negative (klen <= jlen). */
function mpn_xor(i: usize, j: usize, jlen: usize, k: usize, klen: usize): usize {
  let x: usize = 0;
  for (; x < klen; x++) sdg(i, x, dg(j, x) ^ dg(k, x));
  for (; x < jlen; x++) sdg(i, x, dg(j, x));
  return mpn_remove_trailing_zeros(i, x);
}

/** i = ((j - 1 + jc) ^ (k - 1 + kc)) + ic (mpn_xor_neg). */
function mpn_xor_neg(
  i: usize,
  j: usize,
  jlen: usize,
  k: usize,
  klen: usize,
  carryi: u32,
  carryj: u32,
  carryk: u32,
): usize {
  let x: usize = 0;
  for (; x < jlen; x++) {
    carryj += dg(j, x) + DIG_MASK;
    carryk += x < klen ? dg(k, x) + DIG_MASK : DIG_MASK;
    carryi += (carryj ^ carryk) & DIG_MASK;
    sdg(i, x, carryi & DIG_MASK);
    carryk >>= DIG_SIZE;
    carryj >>= DIG_SIZE;
    carryi >>= DIG_SIZE;
  }
  if (carryi != 0) sdg(i, x++, carryi);
  return mpn_remove_trailing_zeros(i, x);
}

/** i = i * dmul + dadd (dmul != 0); returns len of i. */
function mpn_mul_dig_add_dig(i: usize, ilen: usize, dmul: u32, dadd: u32): usize {
  let carry: u32 = dadd;
  let x: usize = 0;
  for (; x < ilen; x++) {
    carry += dg(i, x) * dmul;
    sdg(i, x, carry & DIG_MASK);
    carry >>= DIG_SIZE;
  }
  if (carry != 0) sdg(i, x++, carry);
  return x;
}

/** i = j * k (i zeroed, not aliasing j or k); returns len of i. */
function mpn_mul(i: usize, j: usize, jlen: usize, k: usize, klen: usize): usize {
  let ilen: usize = 0;
  for (let kx: usize = 0; kx < klen; kx++) {
    const kd = dg(k, kx);
    let id = kx;
    let carry: u32 = 0;
    if (kd != 0) {
      for (let jx: usize = 0; jx < jlen; jx++, id++) {
        carry += dg(i, id) + dg(j, jx) * kd;
        sdg(i, id, carry & DIG_MASK);
        carry >>= DIG_SIZE;
      }
    } else {
      id += jlen;
    }
    if (carry != 0) sdg(i, id++, carry);
    if (id > ilen) ilen = id;
  }
  return mpn_remove_trailing_zeros(i, ilen);
}

/** Digits (each operand) from which multiplication splits the operands (Karatsuba). */
@inline const KARATSUBA_THRESHOLD: usize = 40;

/** i[off..) += t[0..tlen), carrying upwards (i has room for the sum). */
function mpn_add_at(i: usize, off: usize, t: usize, tlen: usize): void {
  let carry: u32 = 0;
  let x: usize = 0;
  for (; x < tlen; x++) {
    carry += dg(i, off + x) + dg(t, x);
    sdg(i, off + x, carry & DIG_MASK);
    carry >>= DIG_SIZE;
  }
  while (carry != 0) {
    carry += dg(i, off + x);
    sdg(i, off + x, carry & DIG_MASK);
    carry >>= DIG_SIZE;
    x++;
  }
}

/**
 * i = j * k (i zeroed with room for jlen + klen digits, not aliasing j or k),
 * by Karatsuba's method above KARATSUBA_THRESHOLD digits (MicroPython only
 * has the schoolbook product, quadratic for big powers). Temporary digits
 * are GC blocks held on the root stack. Returns the length of i, or -1 if
 * the heap is full.
 */
function mpn_mul_fast(i: usize, j: usize, jlen: usize, k: usize, klen: usize): isize {
  if (jlen < klen) {
    const tp = j;
    j = k;
    k = tp;
    const tl = jlen;
    jlen = klen;
    klen = tl;
  }
  if (klen < KARATSUBA_THRESHOLD) return <isize>mpn_mul(i, j, jlen, k, klen);
  const mark = mp_root_mark();
  const h = (jlen + 1) >> 1;
  if (klen <= h) {
    // unbalanced: k times slices of j as long as k
    const t = gc_alloc((klen << 2) + 4, 0);
    if (t == 0) return -1;
    mp_root_push(t);
    for (let off: usize = 0; off < jlen; off += klen) {
      const n = jlen - off < klen ? jlen - off : klen;
      memory.fill(t, 0, (n + klen) << 1);
      const tl = mpn_mul_fast(t, j + (off << 1), n, k, klen);
      if (tl < 0) {
        mp_root_release(mark);
        gc_free(t);
        return -1;
      }
      mpn_add_at(i, off, t, <usize>tl);
    }
    mp_root_release(mark);
    gc_free(t);
    return <isize>mpn_remove_trailing_zeros(i, jlen + klen);
  }
  // j = j1 * B**h + j0, k = k1 * B**h + k0 (k1 has klen - h > 0 digits)
  const j1len = jlen - h;
  const k1len = klen - h;
  // scratch: sj (h + 1), sk (h + 1), z1 (2h + 2)
  const t = gc_alloc((h + 1) << 3, 0);
  if (t == 0) return -1;
  mp_root_push(t);
  const sj = t;
  const sk = t + ((h + 1) << 1);
  const z1 = t + ((h + 1) << 2);
  // z0 = j0 * k0 into i[0..2h), z2 = j1 * k1 into i[2h..)
  const j0len = mpn_remove_trailing_zeros(j, h);
  const k0len = mpn_remove_trailing_zeros(k, h);
  let z0len: isize = 0;
  if (j0len != 0 && k0len != 0) z0len = mpn_mul_fast(i, j, j0len, k, k0len);
  let z2len: isize = 0;
  if (z0len >= 0) z2len = mpn_mul_fast(i + (h << 2), j + (h << 1), j1len, k + (h << 1), k1len);
  if (z0len < 0 || z2len < 0) {
    mp_root_release(mark);
    gc_free(t);
    return -1;
  }
  // z1 = (j0 + j1) * (k0 + k1) - z0 - z2
  const sjlen = j0len >= j1len ? mpn_add(sj, j, j0len, j + (h << 1), j1len) : mpn_add(sj, j + (h << 1), j1len, j, j0len);
  const sklen = k0len >= k1len ? mpn_add(sk, k, k0len, k + (h << 1), k1len) : mpn_add(sk, k + (h << 1), k1len, k, k0len);
  memory.fill(z1, 0, (h + 1) << 2);
  let z1len = mpn_mul_fast(z1, sj, sjlen, sk, sklen);
  if (z1len < 0) {
    mp_root_release(mark);
    gc_free(t);
    return -1;
  }
  z1len = <isize>mpn_sub(z1, z1, <usize>z1len, i, <usize>z0len);
  z1len = <isize>mpn_sub(z1, z1, <usize>z1len, i + (h << 2), <usize>z2len);
  mpn_add_at(i, h, z1, <usize>z1len);
  mp_root_release(mark);
  gc_free(t);
  return <isize>mpn_remove_trailing_zeros(i, jlen + klen);
}

/**
 * Schoolbook long division (Knuth D, as mpn_div): num becomes the remainder,
 * quo (zeroed, as many digits as num) the quotient. num must have room for
 * one more digit. Lengths are read and written through num_len_p/quo_len_p.
 */
function mpn_div(
  num: usize,
  num_len_p: usize,
  den: usize,
  den_len: usize,
  quo: usize,
  quo_len_p: usize,
): void {
  let num_len = load<usize>(num_len_p);
  const cmp = mpn_cmp(num, num_len, den, den_len);
  if (cmp == 0) {
    store<usize>(num_len_p, 0);
    sdg(quo, 0, 1);
    store<usize>(quo_len_p, 1);
    return;
  } else if (cmp < 0) {
    store<usize>(quo_len_p, 0);
    return;
  }

  // normalise on the fly: shift so the top bit of den's top digit is set
  let norm_shift: u32 = 0;
  {
    let d = dg(den, den_len - 1);
    while ((d & DIG_MSB) == 0) {
      d <<= 1;
      norm_shift++;
    }
  }
  sdg(num, num_len, 0);
  num_len++;
  {
    let carry: u32 = 0;
    for (let x: usize = 0; x < num_len; x++) {
      const n = dg(num, x);
      sdg(num, x, ((n << norm_shift) | carry) & DIG_MASK);
      carry = (n >> (DIG_SIZE - norm_shift)) & DIG_MASK;
    }
  }
  let lead_den_digit: u32 = dg(den, den_len - 1) << norm_shift;
  if (den_len >= 2) lead_den_digit |= dg(den, den_len - 2) >> (DIG_SIZE - norm_shift);
  lead_den_digit &= 0xffffffff;

  let nd = num_len - 1; // index of the top digit of num
  let quo_len = num_len - den_len;
  let qd = quo_len - 1;

  while (num_len > den_len) {
    let q: u32 = ((dg(num, nd) << DIG_SIZE) | dg(num, nd - 1)) / (lead_den_digit & DIG_MASK);

    // num -= q * den (normalised), tracking a signed borrow
    let d_norm: u32 = 0;
    let borrow: i32 = 0;
    let dx: usize = 0;
    for (let n = nd - den_len; n < nd; n++, dx++) {
      d_norm = (dg(den, dx) << norm_shift) | (d_norm >> DIG_SIZE);
      const x: u32 = q * (d_norm & DIG_MASK);
      const low_digs: i32 = (borrow & (<i32>DIG_MASK)) + <i32>dg(num, n) - <i32>(x & DIG_MASK);
      sdg(num, n, (<u32>low_digs) & DIG_MASK);
      borrow = (borrow >> DIG_SIZE) - <i32>(x >> DIG_SIZE) + (low_digs >> DIG_SIZE);
    }
    borrow += <i32>dg(num, nd);
    // q was too large: add den back until the borrow cancels
    for (; borrow != 0; q--) {
      d_norm = 0;
      let carry: u32 = 0;
      dx = 0;
      for (let n = nd - den_len; n < nd; n++, dx++) {
        d_norm = (dg(den, dx) << norm_shift) | (d_norm >> DIG_SIZE);
        carry += dg(num, n) + (d_norm & DIG_MASK);
        sdg(num, n, carry & DIG_MASK);
        carry >>= DIG_SIZE;
      }
      borrow += <i32>carry;
    }
    sdg(quo, qd, q & DIG_MASK);
    qd--;
    nd--;
    num_len--;
  }

  // unnormalise the remainder
  {
    let carry: u32 = 0;
    for (let x = <isize>num_len - 1; x >= 0; x--) {
      const n = dg(num, <usize>x);
      sdg(num, <usize>x, ((n >> norm_shift) | carry) & DIG_MASK);
      carry = (n << (DIG_SIZE - norm_shift)) & DIG_MASK;
    }
  }
  while (quo_len > 0 && dg(quo, quo_len - 1) == 0) quo_len--;
  while (num_len > 0 && dg(num, num_len - 1) == 0) num_len--;
  store<usize>(num_len_p, num_len);
  store<usize>(quo_len_p, quo_len);
}

// ---- mpz: signed, with storage ----

/** Sets z to zero with no digit storage. */
export function mpz_init_zero(z: mpz_t): void {
  store<u32>(z, 0);
  set_len(z, 0);
  set_dig(z, 0);
}

/**
 * Sets z to `val` using the fixed storage `dig` of `alloc` digits (never
 * reallocated), as mpz_init_fixed_from_int.
 */
export function mpz_init_fixed_from_int(z: mpz_t, dig: usize, alloc: usize, val: i32): void {
  store<u32>(z, 2 | ((<u32>alloc) << 2));
  set_len(z, 0);
  set_dig(z, dig);
  let u: u32 = val < 0 ? <u32>-val : <u32>val;
  set_neg(z, val < 0 ? 1 : 0);
  let n: usize = 0;
  while (u > 0) {
    sdg(dig, n++, u & DIG_MASK);
    u >>= DIG_SIZE;
  }
  set_len(z, n);
}

/** Frees z's digit storage if it owns some (mpz_deinit). */
export function mpz_deinit(z: mpz_t): void {
  if (!mpz_fixed(z) && mpz_dig(z) != 0) {
    gc_free(mpz_dig(z));
    set_dig(z, 0);
    set_alloc(z, 0);
  }
}

/** Ensures room for `need` digits; false if the heap is full. */
export function mpz_need_dig(z: mpz_t, need: usize): bool {
  if (need < MIN_ALLOC) need = MIN_ALLOC;
  const d = mpz_dig(z);
  if (d == 0 || mpz_alloc(z) < need) {
    assert(!mpz_fixed(z), "mpz: fixed digits too small");
    if (need > 0x3fffffff / 2) {
      return false;
    }
    const nd = d == 0 ? gc_alloc(need << 1, 0) : gc_realloc(d, need << 1, true);
    if (nd == 0) {
      return false;
    }
    set_dig(z, nd);
    set_alloc(z, need);
  }
  return true;
}

/** dest = src (may be the same). */
export function mpz_set(dest: mpz_t, src: mpz_t): bool {
  if (dest == src) return true;
  const n = mpz_len(src);
  if (!mpz_need_dig(dest, n)) return false;
  set_neg(dest, mpz_neg(src));
  set_len(dest, n);
  memory.copy(mpz_dig(dest), mpz_dig(src), n << 1);
  return true;
}

/**
 * Initialises the mpz_t at `z` (fresh, e.g. on the root stack) as a copy of
 * src with src's allocation (mpz_clone).
 */
function mpz_clone_into(z: mpz_t, src: mpz_t): bool {
  mpz_init_zero(z);
  let a = mpz_alloc(src);
  if (a < mpz_len(src)) a = mpz_len(src);
  if (!mpz_need_dig(z, a)) return false;
  set_neg(z, mpz_neg(src));
  set_len(z, mpz_len(src));
  memory.copy(mpz_dig(z), mpz_dig(src), mpz_len(src) << 1);
  return true;
}

/** z = val. */
export function mpz_set_from_int(z: mpz_t, val: i32): bool {
  if (val == 0) {
    set_neg(z, 0);
    set_len(z, 0);
    return true;
  }
  return mpz_set_from_ll(z, <i64>val, true);
}

/** z = val, read as signed or unsigned 64-bit (mpz_set_from_ll). */
export function mpz_set_from_ll(z: mpz_t, val: i64, is_signed: bool): bool {
  if (!mpz_need_dig(z, MPZ_NUM_DIG_FOR_LL)) return false;
  let u: u64;
  if (is_signed && val < 0) {
    set_neg(z, 1);
    u = <u64>-val;
  } else {
    set_neg(z, 0);
    u = <u64>val;
  }
  const d = mpz_dig(z);
  let n: usize = 0;
  while (u > 0) {
    sdg(d, n++, <u32>(u & DIG_MASK));
    u >>= DIG_SIZE;
  }
  set_len(z, n);
  return true;
}

/** z = trunc(src) for a finite double (mpz_set_from_float); inf/nan give 0. */
export function mpz_set_from_float(z: mpz_t, src: f64): bool {
  const bits = reinterpret<u64>(src);
  const exp = <i32>((bits >> 52) & 0x7ff);
  const sgn = <u32>(bits >> 63);
  if (exp == 0 || exp == 0x7ff) return mpz_set_from_int(z, 0);
  const adj_exp = exp - 1023;
  if (adj_exp < 0) return mpz_set_from_int(z, 0);
  let frc: u64 = (bits & 0xfffffffffffff) | ((<u64>1) << 52);
  let shift: i32 = adj_exp - 52; // value = frc * 2**shift
  if (shift < 0) {
    frc >>= <u64>-shift;
    shift = 0;
  }
  const n_bits = 64 - <i32>clz(frc) + shift;
  const dig_cnt = <usize>((n_bits + 15) / 16);
  if (!mpz_need_dig(z, dig_cnt + 1)) return false;
  const d = mpz_dig(z);
  memory.fill(d, 0, (dig_cnt + 1) << 1);
  // place frc at bit `shift`
  let pos = <usize>shift;
  while (frc != 0) {
    const di = pos >> 4;
    const bi = <u64>(pos & 15);
    const chunk = <u32>((frc << bi) & DIG_MASK);
    sdg(d, di, dg(d, di) | chunk);
    const used = 16 - bi;
    frc = used >= 64 ? 0 : frc >> used;
    pos += <usize>used;
  }
  set_len(z, mpn_remove_trailing_zeros(d, dig_cnt + 1));
  set_neg(z, mpz_len(z) != 0 ? sgn : 0);
  return true;
}

/**
 * z = the digits at str[0..len) in `base` (2..36), stopping at the first
 * non-digit; returns the number of bytes consumed, or -1 if the heap is full.
 */
export function mpz_set_from_str(z: mpz_t, str: usize, len: usize, neg: bool, base: u32): isize {
  if (!mpz_need_dig(z, (len * 8) / DIG_SIZE + 1)) return -1;
  set_neg(z, 0);
  set_len(z, 0);
  const d = mpz_dig(z);
  let n: usize = 0;
  let i: usize = 0;
  for (; i < len; i++) {
    let v = <u32>load<u8>(str + i);
    if (v == 95) continue; // underscores between digits, as MicroPython accepts them
    if (v >= 48 && v <= 57) v -= 48;
    else if (v >= 65 && v <= 90) v -= 65 - 10;
    else if (v >= 97 && v <= 122) v -= 97 - 10;
    else break;
    if (v >= base) break;
    n = mpn_mul_dig_add_dig(d, n, base, v);
  }
  set_len(z, n);
  set_neg(z, neg && n != 0 ? 1 : 0);
  return <isize>i;
}

/** z = the unsigned integer in `len` bytes at buf (mpz_set_from_bytes). */
export function mpz_set_from_bytes(z: mpz_t, big_endian: bool, len: usize, buf: usize): bool {
  if (!mpz_need_dig(z, (len * 8 + DIG_SIZE - 1) / DIG_SIZE)) return false;
  const d = mpz_dig(z);
  let n: usize = 0;
  // digit k holds bytes 2k (low) and 2k+1 (high) of the little-endian value
  for (let b: usize = 0; b < len; b += 2) {
    const lo = <u32>load<u8>(big_endian ? buf + len - 1 - b : buf + b);
    let hi: u32 = 0;
    if (b + 1 < len) hi = <u32>load<u8>(big_endian ? buf + len - 2 - b : buf + b + 1);
    sdg(d, n++, lo | (hi << 8));
  }
  set_neg(z, 0);
  set_len(z, mpn_remove_trailing_zeros(d, n));
  return true;
}

/** sign(z1 - z2). */
export function mpz_cmp(z1: mpz_t, z2: mpz_t): i32 {
  let cmp = <i32>mpz_neg(z2) - <i32>mpz_neg(z1);
  if (cmp != 0) return cmp;
  cmp = mpn_cmp(mpz_dig(z1), mpz_len(z1), mpz_dig(z2), mpz_len(z2));
  if (mpz_neg(z1) != 0) cmp = -cmp;
  return cmp;
}

/** dest = abs(z). */
export function mpz_abs_inpl(dest: mpz_t, z: mpz_t): bool {
  if (!mpz_set(dest, z)) return false;
  set_neg(dest, 0);
  return true;
}

/** dest = -z. */
export function mpz_neg_inpl(dest: mpz_t, z: mpz_t): bool {
  if (!mpz_set(dest, z)) return false;
  if (mpz_len(dest) != 0) set_neg(dest, 1 - mpz_neg(dest));
  return true;
}

const one_dig: usize = memory.data<u16>([1, 0]);

/** dest = ~z = -z - 1. */
export function mpz_not_inpl(dest: mpz_t, z: mpz_t): bool {
  if (!mpz_set(dest, z)) return false;
  if (mpz_len(dest) == 0) {
    if (!mpz_need_dig(dest, 1)) return false;
    sdg(mpz_dig(dest), 0, 1);
    set_len(dest, 1);
    set_neg(dest, 1);
  } else if (mpz_neg(dest) != 0) {
    set_neg(dest, 0);
    set_len(dest, mpn_sub(mpz_dig(dest), mpz_dig(dest), mpz_len(dest), one_dig, 1));
  } else {
    if (!mpz_need_dig(dest, mpz_len(dest) + 1)) return false;
    set_len(dest, mpn_add(mpz_dig(dest), mpz_dig(dest), mpz_len(dest), one_dig, 1));
    set_neg(dest, 1);
  }
  return true;
}

/** dest = lhs << rhs. */
export function mpz_shl_inpl(dest: mpz_t, lhs: mpz_t, rhs: usize): bool {
  if (mpz_len(lhs) == 0 || rhs == 0) return mpz_set(dest, lhs);
  const need = <u64>mpz_len(lhs) + (<u64>rhs + DIG_SIZE - 1) / DIG_SIZE;
  if (need > 0x10000000) {
    return false;
  }
  if (!mpz_need_dig(dest, <usize>need)) return false;
  set_len(dest, mpn_shl(mpz_dig(dest), mpz_dig(lhs), mpz_len(lhs), rhs));
  set_neg(dest, mpz_neg(lhs));
  return true;
}

/** dest = lhs >> rhs, rounding towards -infinity for negative lhs. */
export function mpz_shr_inpl(dest: mpz_t, lhs: mpz_t, rhs: usize): bool {
  if (mpz_len(lhs) == 0 || rhs == 0) return mpz_set(dest, lhs);
  if (!mpz_need_dig(dest, mpz_len(lhs))) return false;
  // decide on rounding before dest (which may alias lhs) is overwritten
  let round_up = false;
  if (mpz_neg(lhs) != 0) {
    const n_whole = rhs / DIG_SIZE;
    const n_part = <u32>(rhs % DIG_SIZE);
    const ld = mpz_dig(lhs);
    const llen = mpz_len(lhs);
    for (let i: usize = 0; i < llen && i < n_whole; i++) {
      if (dg(ld, i) != 0) {
        round_up = true;
        break;
      }
    }
    if (n_whole < llen && (dg(ld, n_whole) & (((<u32>1) << n_part) - 1)) != 0) round_up = true;
  }
  const neg = mpz_neg(lhs);
  set_len(dest, mpn_shr(mpz_dig(dest), mpz_dig(lhs), mpz_len(lhs), rhs));
  set_neg(dest, neg);
  if (round_up) {
    if (mpz_len(dest) == 0) {
      sdg(mpz_dig(dest), 0, 1);
      set_len(dest, 1);
    } else {
      if (!mpz_need_dig(dest, mpz_len(dest) + 1)) return false;
      set_len(dest, mpn_add(mpz_dig(dest), mpz_dig(dest), mpz_len(dest), one_dig, 1));
    }
  }
  return true;
}

/** dest = lhs + rhs (any may alias). */
export function mpz_add_inpl(dest: mpz_t, lhs: mpz_t, rhs: mpz_t): bool {
  if (mpn_cmp(mpz_dig(lhs), mpz_len(lhs), mpz_dig(rhs), mpz_len(rhs)) < 0) {
    const t = lhs;
    lhs = rhs;
    rhs = t;
  }
  const lneg = mpz_neg(lhs);
  if (lneg == mpz_neg(rhs)) {
    if (!mpz_need_dig(dest, mpz_len(lhs) + 1)) return false;
    set_len(dest, mpn_add(mpz_dig(dest), mpz_dig(lhs), mpz_len(lhs), mpz_dig(rhs), mpz_len(rhs)));
  } else {
    if (!mpz_need_dig(dest, mpz_len(lhs))) return false;
    set_len(dest, mpn_sub(mpz_dig(dest), mpz_dig(lhs), mpz_len(lhs), mpz_dig(rhs), mpz_len(rhs)));
  }
  set_neg(dest, mpz_len(dest) != 0 ? lneg : 0);
  return true;
}

/** dest = lhs - rhs (any may alias). */
export function mpz_sub_inpl(dest: mpz_t, lhs: mpz_t, rhs: mpz_t): bool {
  let neg = false;
  if (mpn_cmp(mpz_dig(lhs), mpz_len(lhs), mpz_dig(rhs), mpz_len(rhs)) < 0) {
    const t = lhs;
    lhs = rhs;
    rhs = t;
    neg = true;
  }
  const lneg = mpz_neg(lhs);
  if (lneg != mpz_neg(rhs)) {
    if (!mpz_need_dig(dest, mpz_len(lhs) + 1)) return false;
    set_len(dest, mpn_add(mpz_dig(dest), mpz_dig(lhs), mpz_len(lhs), mpz_dig(rhs), mpz_len(rhs)));
  } else {
    if (!mpz_need_dig(dest, mpz_len(lhs))) return false;
    set_len(dest, mpn_sub(mpz_dig(dest), mpz_dig(lhs), mpz_len(lhs), mpz_dig(rhs), mpz_len(rhs)));
  }
  if (mpz_len(dest) == 0) set_neg(dest, 0);
  else if (neg) set_neg(dest, 1 - lneg);
  else set_neg(dest, lneg);
  return true;
}

/** dest = lhs & rhs (two's complement semantics for negatives). */
export function mpz_and_inpl(dest: mpz_t, lhs: mpz_t, rhs: mpz_t): bool {
  if (mpz_len(lhs) < mpz_len(rhs)) {
    const t = lhs;
    lhs = rhs;
    rhs = t;
  }
  const ln = mpz_neg(lhs);
  const rn = mpz_neg(rhs);
  if (ln == 0 && rn == 0) {
    if (!mpz_need_dig(dest, mpz_len(lhs))) return false;
    set_len(dest, mpn_and(mpz_dig(dest), mpz_dig(lhs), mpz_dig(rhs), mpz_len(rhs)));
    set_neg(dest, 0);
  } else {
    if (!mpz_need_dig(dest, mpz_len(lhs) + 1)) return false;
    set_len(
      dest,
      mpn_and_neg(
        mpz_dig(dest),
        mpz_dig(lhs),
        mpz_len(lhs),
        mpz_dig(rhs),
        mpz_len(rhs),
        ln == rn ? 1 : 0,
        ln,
        rn,
      ),
    );
    set_neg(dest, ln & rn);
  }
  return true;
}

/** dest = lhs | rhs. */
export function mpz_or_inpl(dest: mpz_t, lhs: mpz_t, rhs: mpz_t): bool {
  if (mpz_len(lhs) < mpz_len(rhs)) {
    const t = lhs;
    lhs = rhs;
    rhs = t;
  }
  const ln = mpz_neg(lhs);
  const rn = mpz_neg(rhs);
  if (ln == 0 && rn == 0) {
    if (!mpz_need_dig(dest, mpz_len(lhs))) return false;
    set_len(dest, mpn_or(mpz_dig(dest), mpz_dig(lhs), mpz_len(lhs), mpz_dig(rhs), mpz_len(rhs)));
    set_neg(dest, 0);
  } else {
    if (!mpz_need_dig(dest, mpz_len(lhs) + 1)) return false;
    set_len(
      dest,
      mpn_or_neg(mpz_dig(dest), mpz_dig(lhs), mpz_len(lhs), mpz_dig(rhs), mpz_len(rhs), ln, rn),
    );
    set_neg(dest, 1);
  }
  return true;
}

/** dest = lhs ^ rhs. */
export function mpz_xor_inpl(dest: mpz_t, lhs: mpz_t, rhs: mpz_t): bool {
  if (mpz_len(lhs) < mpz_len(rhs)) {
    const t = lhs;
    lhs = rhs;
    rhs = t;
  }
  const ln = mpz_neg(lhs);
  const rn = mpz_neg(rhs);
  if (ln == rn) {
    if (!mpz_need_dig(dest, mpz_len(lhs))) return false;
    if (ln == 0) {
      set_len(dest, mpn_xor(mpz_dig(dest), mpz_dig(lhs), mpz_len(lhs), mpz_dig(rhs), mpz_len(rhs)));
    } else {
      set_len(
        dest,
        mpn_xor_neg(mpz_dig(dest), mpz_dig(lhs), mpz_len(lhs), mpz_dig(rhs), mpz_len(rhs), 0, 0, 0),
      );
    }
    set_neg(dest, 0);
  } else {
    if (!mpz_need_dig(dest, mpz_len(lhs) + 1)) return false;
    set_len(
      dest,
      mpn_xor_neg(
        mpz_dig(dest),
        mpz_dig(lhs),
        mpz_len(lhs),
        mpz_dig(rhs),
        mpz_len(rhs),
        1,
        ln == 0 ? 1 : 0,
        rn == 0 ? 1 : 0,
      ),
    );
    set_neg(dest, 1);
  }
  if (mpz_len(dest) == 0) set_neg(dest, 0);
  return true;
}

/** dest = lhs * rhs (any may alias). */
export function mpz_mul_inpl(dest: mpz_t, lhs: mpz_t, rhs: mpz_t): bool {
  if (mpz_len(lhs) == 0 || mpz_len(rhs) == 0) return mpz_set_from_int(dest, 0);
  const mark = mp_root_mark();
  let temp: usize = 0;
  if (lhs == dest || rhs == dest) {
    temp = mp_root_alloc(3);
    if (temp == 0 || !mpz_clone_into(temp, dest)) {
      mp_root_release(mark);
      return false;
    }
    if (lhs == dest) lhs = temp;
    if (rhs == dest) rhs = temp;
  }
  let ok = mpz_need_dig(dest, mpz_len(lhs) + mpz_len(rhs));
  if (ok) {
    memory.fill(mpz_dig(dest), 0, mpz_alloc(dest) << 1);
    const n = mpn_mul_fast(mpz_dig(dest), mpz_dig(lhs), mpz_len(lhs), mpz_dig(rhs), mpz_len(rhs));
    if (n < 0) {
      ok = false;
    } else {
      set_len(dest, <usize>n);
      set_neg(dest, mpz_neg(lhs) == mpz_neg(rhs) ? 0 : 1);
    }
  }
  if (temp != 0) mpz_deinit(temp);
  mp_root_release(mark);
  return ok;
}

/** dest = lhs ** rhs (rhs >= 0; negative rhs gives 0). */
export function mpz_pow_inpl(dest: mpz_t, lhs: mpz_t, rhs: mpz_t): bool {
  if (mpz_len(rhs) == 0) return mpz_set_from_int(dest, 1);
  if (mpz_len(lhs) == 0 || mpz_neg(rhs) != 0) return mpz_set_from_int(dest, 0);
  if (mpz_len(lhs) == 1 && dg(mpz_dig(lhs), 0) == 1) {
    // +-1 to any power
    const odd = (dg(mpz_dig(rhs), 0) & 1) != 0;
    return mpz_set_from_int(dest, mpz_neg(lhs) != 0 && odd ? -1 : 1);
  }
  {
    // a result that cannot fit the heap (it needs about three times its size
    // while squaring) fails at once instead of after minutes of work
    const e = mpz_as_uint_checked(rhs);
    if (e == MPZ_NO_FIT) return false;
    const len = mpz_len(lhs);
    let top: f64 = <f64>dg(mpz_dig(lhs), len - 1);
    if (len >= 2) top += <f64>dg(mpz_dig(lhs), len - 2) / 65536.0;
    const result_bits = <f64>e * (<f64>(len - 1) * 16 + Math.log2(top));
    if (result_bits * 3 > <f64>gc_total_bytes() * 8) return false;
  }
  const mark = mp_root_mark();
  const x = mp_root_alloc(3);
  const n = mp_root_alloc(3);
  let ok = x != 0 && n != 0;
  ok = ok && mpz_clone_into(x, lhs) && mpz_clone_into(n, rhs) && mpz_set_from_int(dest, 1);
  while (ok && mpz_len(n) > 0) {
    if ((dg(mpz_dig(n), 0) & 1) != 0) {
      if (!mpz_mul_inpl(dest, dest, x)) {
        ok = false;
        break;
      }
    }
    set_len(n, mpn_shr(mpz_dig(n), mpz_dig(n), mpz_len(n), 1));
    if (mpz_len(n) == 0) break;
    if (!mpz_mul_inpl(x, x, x)) ok = false;
  }
  if (x != 0) mpz_deinit(x);
  if (n != 0) mpz_deinit(n);
  mp_root_release(mark);
  return ok;
}

/** dest = (lhs ** rhs) % mod, Python-style sign (mod != dest, mod != 0). */
export function mpz_pow3_inpl(dest: mpz_t, lhs: mpz_t, rhs: mpz_t, mod: mpz_t): bool {
  if (mpz_neg(rhs) != 0 || (mpz_len(mod) == 1 && dg(mpz_dig(mod), 0) == 1))
    return mpz_set_from_int(dest, 0);
  const mark = mp_root_mark();
  const x = mp_root_alloc(3);
  const n = mp_root_alloc(3);
  const quo = mp_root_alloc(3);
  if (x == 0 || n == 0 || quo == 0) {
    mp_root_release(mark);
    return false;
  }
  let ok = mpz_clone_into(x, lhs) && mpz_clone_into(n, rhs);
  if (ok) {
    if (mpz_len(rhs) == 0) {
      // 1 % mod: Python semantics, abs(mod) >= 2 here
      ok = mpz_set_from_int(dest, 1);
      if (ok && mpz_neg(mod) != 0) ok = mpz_add_inpl(dest, dest, mod);
    } else if (mpz_len(lhs) == 0) {
      ok = mpz_set_from_int(dest, 0);
    } else {
      ok = mpz_set_from_int(dest, 1);
      while (ok && mpz_len(n) > 0) {
        if ((dg(mpz_dig(n), 0) & 1) != 0) {
          ok = mpz_mul_inpl(dest, dest, x) && mpz_divmod_inpl(quo, dest, dest, mod);
          if (!ok) break;
        }
        set_len(n, mpn_shr(mpz_dig(n), mpz_dig(n), mpz_len(n), 1));
        if (mpz_len(n) == 0) break;
        ok = mpz_mul_inpl(x, x, x) && mpz_divmod_inpl(quo, x, x, mod);
      }
    }
  }
  mpz_deinit(x);
  mpz_deinit(n);
  mpz_deinit(quo);
  mp_root_release(mark);
  return ok;
}

/**
 * quo, rem such that quo * rhs + rem = lhs with rem having rhs's sign
 * (Python floor division); rhs != 0. quo and rem must be distinct from each
 * other and from rhs; lhs may alias either.
 */
export function mpz_divmod_inpl(dest_quo: mpz_t, dest_rem: mpz_t, lhs: mpz_t, rhs: mpz_t): bool {
  assert(mpz_len(rhs) != 0);
  const lneg = mpz_neg(lhs);
  const rneg = mpz_neg(rhs);
  const llen = mpz_len(lhs);
  // copy lhs into rem first (lhs may alias quo)
  if (!mpz_need_dig(dest_rem, llen + 1)) return false;
  if (!mpz_set(dest_rem, lhs)) return false;
  if (!mpz_need_dig(dest_quo, llen + 1)) return false;
  memory.fill(mpz_dig(dest_quo), 0, (llen + 1) << 1);
  set_neg(dest_quo, 0);
  set_len(dest_quo, 0);
  mpn_div(
    mpz_dig(dest_rem),
    dest_rem + 4,
    mpz_dig(rhs),
    mpz_len(rhs),
    mpz_dig(dest_quo),
    dest_quo + 4,
  );
  if (mpz_len(dest_rem) == 0) set_neg(dest_rem, 0);
  if (lneg != rneg) {
    set_neg(dest_quo, mpz_len(dest_quo) != 0 ? 1 : 0);
    if (mpz_len(dest_rem) != 0) {
      // quo -= 1; rem += rhs
      const mark = mp_root_mark();
      const m1 = mp_root_alloc(4);
      if (m1 == 0) {
        return false;
      }
      mpz_init_fixed_from_int(m1, m1 + 12, 2, -1);
      const ok = mpz_add_inpl(dest_quo, dest_quo, m1) && mpz_add_inpl(dest_rem, dest_rem, rhs);
      mp_root_release(mark);
      return ok;
    }
  }
  return true;
}

/** Hash: the value modulo 2**32 as a signed int (equal to the value when it fits). */
export function mpz_hash(z: mpz_t): i32 {
  let val: u32 = 0;
  const d = mpz_dig(z);
  for (let i = mpz_len(z); i > 0; i--) val = (val << DIG_SIZE) | dg(d, i - 1);
  if (mpz_neg(z) != 0) val = -val;
  return <i32>val;
}

/** Sentinel of the *_checked conversions: the value does not fit. */
@inline export const MPZ_NO_FIT: i64 = i64.MIN_VALUE;

/** The value as a 32-bit signed int, or MPZ_NO_FIT (mpz_as_int_checked: |z| < 2**31). */
export function mpz_as_int_checked(z: mpz_t): i64 {
  let val: u32 = 0;
  const d = mpz_dig(z);
  for (let i = mpz_len(z); i > 0; i--) {
    if (val > 0x7fffffff >> DIG_SIZE) return MPZ_NO_FIT;
    val = (val << DIG_SIZE) | dg(d, i - 1);
  }
  return mpz_neg(z) != 0 ? -(<i64>val) : <i64>val;
}

/** The value as a 32-bit unsigned int, or MPZ_NO_FIT if negative or too big. */
export function mpz_as_uint_checked(z: mpz_t): i64 {
  if (mpz_neg(z) != 0) return MPZ_NO_FIT;
  let val: u32 = 0;
  const d = mpz_dig(z);
  for (let i = mpz_len(z); i > 0; i--) {
    if (val > 0xffffffff >> DIG_SIZE) return MPZ_NO_FIT;
    val = (val << DIG_SIZE) | dg(d, i - 1);
  }
  return <i64>val;
}

/** True if z fits in a signed 64-bit int; its value is then mpz_as_ll_unchecked(z). */
export function mpz_fits_ll(z: mpz_t): bool {
  const len = mpz_len(z);
  if (len < 4) return true;
  if (len > 4) return false;
  const top = dg(mpz_dig(z), 3);
  if (top < 0x8000) return true;
  // only -2**63 fits with the top bit set
  if (mpz_neg(z) == 0 || top != 0x8000) return false;
  const d = mpz_dig(z);
  return dg(d, 0) == 0 && dg(d, 1) == 0 && dg(d, 2) == 0;
}

/** The low 64 bits of z as a signed two's complement value. */
export function mpz_as_ll_unchecked(z: mpz_t): i64 {
  let val: u64 = 0;
  const d = mpz_dig(z);
  for (let i = mpz_len(z); i > 0; i--) val = (val << DIG_SIZE) | (<u64>dg(d, i - 1));
  return mpz_neg(z) != 0 ? -(<i64>val) : <i64>val;
}

/**
 * Writes z into `len` bytes at buf in two's complement (mpz_as_bytes);
 * returns false if it did not fit (buf then holds the truncated value).
 */
export function mpz_as_bytes(
  z: mpz_t,
  big_endian: bool,
  as_signed: bool,
  len: usize,
  buf: usize,
): bool {
  let b = big_endian ? buf + len : buf;
  const zd = mpz_dig(z);
  const neg = mpz_neg(z) != 0;
  const fill_byte: u32 = neg ? 0xff : 0;
  let bits: i32 = 0;
  let d: u32 = 0;
  let carry: u32 = 1;
  let val: u32 = 0;
  let last: u32 = 0;
  let olen = len;
  const zlen = mpz_len(z);
  for (let zi: usize = 0; zi < zlen; zi++) {
    bits += DIG_SIZE;
    d = (d << DIG_SIZE) | dg(zd, zi);
    // the C code shifts d left by a digit; bytes come out from the low end
    for (; bits >= 8; bits -= 8, d >>= 8) {
      val = d & 0xffff;
      if (neg) {
        val = (~val & 0xff) + carry;
        carry = val >> 8;
      }
      if (olen == 0) {
        if ((val & 0xff) != fill_byte) return false;
        continue;
      }
      if (big_endian) {
        b--;
        store<u8>(b, <u8>val);
      } else {
        store<u8>(b, <u8>val);
        b++;
      }
      last = val;
      olen--;
    }
  }
  // the sign must survive in the top byte written (MicroPython checks the last byte seen)
  if (olen == 0 && as_signed && (last & 0x80) != (fill_byte & 0x80)) return false;
  if (olen > 0) memory.fill(big_endian ? buf : b, <u8>fill_byte, olen);
  return true;
}

/**
 * z as the nearest double, rounding half to even (as CPython's int.__float__;
 * MicroPython's mpz_as_float accumulates with rounding at each step). Returns
 * +-inf when the magnitude is >= 2**1024 (the caller raises OverflowError if
 * it wants to).
 */
export function mpz_as_float(z: mpz_t): f64 {
  const len = mpz_len(z);
  const d = mpz_dig(z);
  if (len == 0) return 0.0;
  const nbits = <i64>(len - 1) * 16 + <i64>(32 - clz(dg(d, len - 1)));
  let r: f64;
  if (nbits <= 64) {
    let v: u64 = 0;
    for (let i = len; i > 0; i--) v = (v << 16) | (<u64>dg(d, i - 1));
    r = <f64>v; // f64.convert_i64_u rounds half to even
  } else {
    // the top 64 bits, and a sticky bit for any set bit below them
    const shift = nbits - 64;
    const lo_dig = <usize>(shift >> 4);
    const lo_bit = <u64>(shift & 15);
    let hi: u64 = 0;
    for (let i: usize = 4; i >= 1; i--) {
      const idx = lo_dig + i;
      hi = (hi << 16) | (idx < len ? <u64>dg(d, idx) : 0);
    }
    const v: u64 = (hi << (16 - lo_bit)) | ((<u64>dg(d, lo_dig)) >> lo_bit);
    let sticky = ((<u64>dg(d, lo_dig)) & (((<u64>1) << lo_bit) - 1)) != 0;
    for (let i: usize = 0; !sticky && i < lo_dig; i++) sticky = dg(d, i) != 0;
    let m = v >> 11;
    const rest = v & 0x7ff;
    if (rest > 0x400 || (rest == 0x400 && (sticky || (m & 1) != 0))) m++;
    const e = shift + 11;
    r = e > 1100 ? Infinity : ldexp_exact(<f64>m, <i32>e);
  }
  return mpz_neg(z) != 0 ? -r : r;
}

/** m * 2**e for an exactly representable m and 0 <= e <= 1100 (overflows to inf). */
function ldexp_exact(m: f64, e: i32): f64 {
  if (e > 1000) {
    m *= reinterpret<f64>((<u64>(1000 + 1023)) << 52);
    e -= 1000;
  }
  return m * reinterpret<f64>((<u64>(e + 1023)) << 52);
}

/**
 * Writes z in `base` (2..36) into str (room from mp_int_format_size), with
 * optional prefix (NUL-terminated bytes, 0 for none), digit letters from
 * `base_char` ('a' or 'A') and a thousands separator `comma` (0 for none).
 * Returns the length, or -1 if the heap is full. str must not be an unrooted
 * heap block (a scratch copy of the digits is allocated).
 */
export function mpz_as_str_inpl(
  z: mpz_t,
  base: u32,
  prefix: usize,
  base_char: u32,
  comma: u32,
  str: usize,
): isize {
  const ilen = mpz_len(z);
  const n_comma: usize = base == 10 ? 3 : 4;
  let s = str;
  if (ilen == 0) {
    if (prefix != 0) {
      for (let p = prefix; load<u8>(p) != 0; p++) store<u8>(s++, load<u8>(p));
    }
    store<u8>(s++, 48);
    store<u8>(s, 0);
    return <isize>(s - str);
  }
  const dig = gc_alloc(ilen << 1, 0);
  if (dig == 0) {
    return -1;
  }
  memory.copy(dig, mpz_dig(z), ilen << 1);
  // divide by base**k (fits a digit) per pass; characters come out lowest first
  let chunk: u32 = base;
  let k: u32 = 1;
  while (chunk * base <= 0xffff) {
    chunk *= base;
    k++;
  }
  let len = ilen;
  while (len > 0) {
    let a: u32 = 0;
    for (let i = len; i > 0; i--) {
      a = (a << DIG_SIZE) | dg(dig, i - 1);
      sdg(dig, i - 1, a / chunk);
      a %= chunk;
    }
    while (len > 0 && dg(dig, len - 1) == 0) len--;
    for (let j: u32 = 0; j < k; j++) {
      if (len == 0 && a == 0) break;
      let c = a % base;
      a /= base;
      c += 48;
      if (c > 57) c += base_char - 57 - 1;
      store<u8>(s++, <u8>c);
    }
  }
  gc_free(dig);
  if (comma != 0) {
    // spread the digits apart (from the top down) to make room for separators
    const nd = s - str;
    for (let i = nd; i > 0; i--) {
      const src = i - 1;
      const dst = src + src / n_comma;
      store<u8>(str + dst, load<u8>(str + src));
      if (src != 0 && src % n_comma == 0) store<u8>(str + dst - 1, <u8>comma);
    }
    s = str + nd + (nd - 1) / n_comma;
  }
  if (prefix != 0) {
    let pe = prefix;
    while (load<u8>(pe) != 0) pe++;
    while (pe > prefix) store<u8>(s++, load<u8>(--pe));
  }
  if (mpz_neg(z) != 0) store<u8>(s++, 45);
  // reverse
  let u = str;
  let v = s - 1;
  while (u < v) {
    const t = load<u8>(u);
    store<u8>(u, load<u8>(v));
    store<u8>(v, t);
    u++;
    v--;
  }
  store<u8>(s, 0);
  return <isize>(s - str);
}
