// The hashlib module, as MicroPython's extmod/modhashlib.c: the hash types
// sha256, sha1 and md5, each with update(data) and digest(). As there (and
// unlike CPython) there is no hexdigest() or copy(), and a hash is final
// after digest(): a second digest() or a later update() raises ValueError
// "hash is final". Any object with the buffer protocol may be hashed
// (str too, as in MicroPython). The algorithms are ours (FIPS 180-4 for
// SHA-256 and SHA-1, RFC 1321 for MD5); the whole context lives in the
// hash object, no other memory is used.
//
//   mp_obj_hash_t (112 bytes, 7 GC blocks):
//     +0  type (sha256 / sha1 / md5)
//     +4  final u8 (1 after digest())
//     +5  algo u8 (ALGO_*)
//     +8  state words H[8] (SHA-256: 8, SHA-1: 5, MD5: 4 used)
//     +40 bytes hashed so far (u64)
//     +48 block buffer (64 bytes; count % 64 of them in use)

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_OBJ_NEW_QSTR,
  MP_TYPE_SIZE,
  MP_TYPE_FLAG_NONE,
  mp_const_none,
  mp_type_setup,
  mp_type_set_make_new,
  mp_type_set_locals_dict,
  mp_fun_1_at,
  mp_fun_2_at,
} from "../obj";
import { gc_alloc } from "../gc";
import { mp_root_mark, mp_root_push, mp_root_alloc, mp_root_release } from "../rootstack";
import { mp_raise_memory_error, mp_raise_recursion_depth } from "../runtime";
import { mp_raise_ValueError } from "../objexcept";
import { mp_static_dict_at, mp_static_dict_add } from "../objdict";
import { mp_module_static_at } from "../objmodule";
import { mp_arg_check_num } from "../argcheck";
import { mp_type_bytes, mp_obj_new_str_of_type_uninit } from "../objstr";
import { mp_get_buffer_raise } from "../stream";
import { MP_BUFFER_READ, MP_BUFINFO_WORDS } from "../objarray";
import * as Q from "../genhdr";

/** The hashlib module (`import hashlib` / `import uhashlib`). */
export const mp_module_hashlib: mp_obj_t = memory.data(8, 8);
export const mp_module_hashlib_extensible = true;

export const mp_type_hashlib_sha256: usize = memory.data(<i32>MP_TYPE_SIZE, 16);
export const mp_type_hashlib_sha1: usize = memory.data(<i32>MP_TYPE_SIZE, 16);
export const mp_type_hashlib_md5: usize = memory.data(<i32>MP_TYPE_SIZE, 16);

@inline const ALGO_SHA256: u32 = 0;
@inline const ALGO_SHA1: u32 = 1;
@inline const ALGO_MD5: u32 = 2;

@inline const HASH_SIZE: usize = 112;
@inline const H_final: usize = 4;
@inline const H_algo: usize = 5;
@inline const H_state: usize = 8;
@inline const H_count: usize = 40;
@inline const H_buf: usize = 48;

// SHA-256 round constants: the first 32 bits of the fractional parts of the
// cube roots of the first 64 primes (FIPS 180-4, 4.2.2)
const sha256_k: usize = memory.data<u32>([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
  0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
  0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
  0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

// Initial state words: SHA-256's (square roots of the first 8 primes), then
// SHA-1's, whose first four are also MD5's
const sha256_init: usize = memory.data<u32>([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c,
  0x1f83d9ab, 0x5be0cd19,
]);
const sha1_init: usize = memory.data<u32>([
  0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0,
]);

// MD5's sine table: floor(abs(sin(i + 1)) * 2**32) (RFC 1321, 3.4)
const md5_t: usize = memory.data<u32>([
  0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a,
  0xa8304613, 0xfd469501, 0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be,
  0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821, 0xf61e2562, 0xc040b340,
  0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
  0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8,
  0x676f02d9, 0x8d2a4c8a, 0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c,
  0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70, 0x289b7ec6, 0xeaa127fa,
  0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
  0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92,
  0xffeff47d, 0x85845dd1, 0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1,
  0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
]);

// MD5's rotation counts, four per round
const md5_s: usize = memory.data<u8>([7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21]);

// The message schedule of one block (80 words for SHA-1). Compression never
// allocates nor calls out, so one static schedule serves every hash.
const schedule: usize = memory.data(320, 4);

@inline function be32(p: usize): u32 {
  return bswap<u32>(load<u32>(p));
}

// ---- the compression functions: fold one 64-byte block at `p` into H ----

/** The first 16 schedule words: the block's big-endian words (SHA). */
@inline function schedule_load_be(p: usize): void {
  for (let i: usize = 0; i < 16; i++) store<u32>(schedule + (i << 2), be32(p + (i << 2)));
}

/** Adds a, b, c, d into the four state words at `h` (the end of a compression). */
@inline function state_add4(h: usize, a: u32, b: u32, c: u32, d: u32): void {
  store<u32>(h, load<u32>(h) + a);
  store<u32>(h + 4, load<u32>(h + 4) + b);
  store<u32>(h + 8, load<u32>(h + 8) + c);
  store<u32>(h + 12, load<u32>(h + 12) + d);
}

function sha256_block(h: usize, p: usize): void {
  const w = schedule;
  schedule_load_be(p);
  for (let i: usize = 16; i < 64; i++) {
    const w15 = load<u32>(w + ((i - 15) << 2));
    const w2 = load<u32>(w + ((i - 2) << 2));
    const s0 = rotr<u32>(w15, 7) ^ rotr<u32>(w15, 18) ^ (w15 >> 3);
    const s1 = rotr<u32>(w2, 17) ^ rotr<u32>(w2, 19) ^ (w2 >> 10);
    const w16 = load<u32>(w + ((i - 16) << 2));
    store<u32>(w + (i << 2), w16 + s0 + load<u32>(w + ((i - 7) << 2)) + s1);
  }
  let a = load<u32>(h);
  let b = load<u32>(h + 4);
  let c = load<u32>(h + 8);
  let d = load<u32>(h + 12);
  let e = load<u32>(h + 16);
  let f = load<u32>(h + 20);
  let g = load<u32>(h + 24);
  let hh = load<u32>(h + 28);
  for (let i: usize = 0; i < 64; i++) {
    const S1 = rotr<u32>(e, 6) ^ rotr<u32>(e, 11) ^ rotr<u32>(e, 25);
    const ch = (e & f) ^ (~e & g);
    const t1 = hh + S1 + ch + load<u32>(sha256_k + (i << 2)) + load<u32>(w + (i << 2));
    const S0 = rotr<u32>(a, 2) ^ rotr<u32>(a, 13) ^ rotr<u32>(a, 22);
    const maj = (a & b) ^ (a & c) ^ (b & c);
    const t2 = S0 + maj;
    hh = g;
    g = f;
    f = e;
    e = d + t1;
    d = c;
    c = b;
    b = a;
    a = t1 + t2;
  }
  state_add4(h, a, b, c, d);
  state_add4(h + 16, e, f, g, hh);
}

function sha1_block(h: usize, p: usize): void {
  const w = schedule;
  schedule_load_be(p);
  for (let i: usize = 16; i < 80; i++) {
    const x =
      load<u32>(w + ((i - 3) << 2)) ^
      load<u32>(w + ((i - 8) << 2)) ^
      load<u32>(w + ((i - 14) << 2)) ^
      load<u32>(w + ((i - 16) << 2));
    store<u32>(w + (i << 2), rotl<u32>(x, 1));
  }
  let a = load<u32>(h);
  let b = load<u32>(h + 4);
  let c = load<u32>(h + 8);
  let d = load<u32>(h + 12);
  let e = load<u32>(h + 16);
  for (let i: usize = 0; i < 80; i++) {
    let f: u32;
    let k: u32;
    if (i < 20) {
      f = (b & c) | (~b & d);
      k = 0x5a827999;
    } else if (i < 40) {
      f = b ^ c ^ d;
      k = 0x6ed9eba1;
    } else if (i < 60) {
      f = (b & c) | (b & d) | (c & d);
      k = 0x8f1bbcdc;
    } else {
      f = b ^ c ^ d;
      k = 0xca62c1d6;
    }
    const t = rotl<u32>(a, 5) + f + e + k + load<u32>(w + (i << 2));
    e = d;
    d = c;
    c = rotl<u32>(b, 30);
    b = a;
    a = t;
  }
  state_add4(h, a, b, c, d);
  store<u32>(h + 16, load<u32>(h + 16) + e);
}

function md5_block(h: usize, p: usize): void {
  // MD5 words are little-endian, as wasm's loads
  let a = load<u32>(h);
  let b = load<u32>(h + 4);
  let c = load<u32>(h + 8);
  let d = load<u32>(h + 12);
  for (let i: u32 = 0; i < 64; i++) {
    const round = i >> 4;
    let f: u32;
    let g: u32;
    if (round == 0) {
      f = (b & c) | (~b & d);
      g = i;
    } else if (round == 1) {
      f = (d & b) | (~d & c);
      g = (5 * i + 1) & 15;
    } else if (round == 2) {
      f = b ^ c ^ d;
      g = (3 * i + 5) & 15;
    } else {
      f = c ^ (b | ~d);
      g = (7 * i) & 15;
    }
    const s = <u32>load<u8>(md5_s + ((round << 2) | (i & 3)));
    const x = a + f + load<u32>(md5_t + (<usize>i << 2)) + load<u32>(p + (<usize>g << 2));
    a = d;
    d = c;
    c = b;
    b = b + rotl<u32>(x, s);
  }
  state_add4(h, a, b, c, d);
}

function hash_block(algo: u32, h: usize, p: usize): void {
  if (algo == ALGO_SHA256) sha256_block(h, p);
  else if (algo == ALGO_SHA1) sha1_block(h, p);
  else md5_block(h, p);
}

// ---- the context ----

/** Feeds `len` bytes at `data` into hash object `o` (no allocation). */
function hash_feed(o: mp_obj_t, data: usize, len: usize): void {
  const algo = <u32>load<u8>(o + H_algo);
  const h = o + H_state;
  const buf = o + H_buf;
  const count = load<u64>(o + H_count);
  store<u64>(o + H_count, count + <u64>len);
  let used = <usize>(count & 63);
  if (used != 0) {
    const take = len < 64 - used ? len : 64 - used;
    memory.copy(buf + used, data, take);
    data += take;
    len -= take;
    used += take;
    if (used < 64) return;
    hash_block(algo, h, buf);
  }
  while (len >= 64) {
    hash_block(algo, h, data);
    data += 64;
    len -= 64;
  }
  if (len != 0) memory.copy(buf, data, len);
}

/**
 * Pads the message (0x80, zeros, the bit length in the last 8 bytes of a
 * block: big-endian for SHA, little-endian for MD5) and writes the digest to
 * `out` (32, 20 or 16 bytes).
 */
function hash_finish(o: mp_obj_t, out: usize): void {
  const algo = <u32>load<u8>(o + H_algo);
  const h = o + H_state;
  const buf = o + H_buf;
  const count = load<u64>(o + H_count);
  let used = <usize>(count & 63);
  store<u8>(buf + used, 0x80);
  used++;
  if (used > 56) {
    memory.fill(buf + used, 0, 64 - used);
    hash_block(algo, h, buf);
    used = 0;
  }
  memory.fill(buf + used, 0, 56 - used);
  const bits = count << 3;
  store<u64>(buf + 56, algo == ALGO_MD5 ? bits : bswap<u64>(bits));
  hash_block(algo, h, buf);
  const n: usize = algo == ALGO_SHA256 ? 8 : algo == ALGO_SHA1 ? 5 : 4;
  for (let i: usize = 0; i < n; i++) {
    const v = load<u32>(h + (i << 2));
    store<u32>(out + (i << 2), algo == ALGO_MD5 ? v : bswap<u32>(v));
  }
}

@inline function digest_size(algo: u32): usize {
  return algo == ALGO_SHA256 ? 32 : algo == ALGO_SHA1 ? 20 : 16;
}

// ---- the methods ----

/** update(data): feeds a buffer; ValueError "hash is final" after digest(). */
function hashlib_update(self: mp_obj_t, arg: mp_obj_t): mp_obj_t {
  if (load<u8>(self + H_final) != 0) return mp_raise_ValueError("hash is final");
  const mark = mp_root_mark();
  const bi = mp_root_alloc(MP_BUFINFO_WORDS);
  if (bi == 0) return mp_raise_recursion_depth();
  const ok = mp_get_buffer_raise(arg, bi, MP_BUFFER_READ);
  const data = load<usize>(bi);
  const len = load<usize>(bi + 4);
  mp_root_release(mark);
  if (!ok) return MP_OBJ_NULL;
  // the data belongs to `arg`, rooted by our caller, and feeding never allocates
  hash_feed(self, data, len);
  return mp_const_none;
}

/**
 * digest(): the hash of everything fed, as bytes. The hash is final from
 * then on (set before the result is allocated, as MicroPython).
 */
function hashlib_digest(self: mp_obj_t): mp_obj_t {
  if (load<u8>(self + H_final) != 0) return mp_raise_ValueError("hash is final");
  store<u8>(self + H_final, 1);
  const algo = <u32>load<u8>(self + H_algo);
  const mark = mp_root_mark();
  mp_root_push(self);
  const r = mp_obj_new_str_of_type_uninit(mp_type_bytes, digest_size(algo));
  mp_root_release(mark);
  if (r == MP_OBJ_NULL) return MP_OBJ_NULL;
  hash_finish(self, load<usize>(r + 12));
  return r;
}

/** sha256([data]) / sha1([data]) / md5([data]): a new hash, fed `data` if given. */
function hash_make_new(algo: u32, type: usize, n_args: usize, n_kw: usize, args: usize): mp_obj_t {
  if (!mp_arg_check_num(n_args, n_kw, 0, 1, false)) return MP_OBJ_NULL;
  const o = gc_alloc(HASH_SIZE, 0);
  if (o == 0) return mp_raise_memory_error(HASH_SIZE);
  store<usize>(o, type);
  store<u8>(o + H_final, 0);
  store<u8>(o + H_algo, <u8>algo);
  if (algo == ALGO_SHA256) memory.copy(o + H_state, sha256_init, 32);
  else memory.copy(o + H_state, sha1_init, algo == ALGO_SHA1 ? 20 : 16);
  store<u64>(o + H_count, 0);
  if (n_args == 1) {
    const mark = mp_root_mark();
    mp_root_push(o);
    const r = hashlib_update(o, load<usize>(args));
    mp_root_release(mark);
    if (r == MP_OBJ_NULL) return MP_OBJ_NULL;
  }
  return o;
}

function sha256_make_new(type: usize, n_args: usize, n_kw: usize, args: usize): mp_obj_t {
  return hash_make_new(ALGO_SHA256, type, n_args, n_kw, args);
}

function sha1_make_new(type: usize, n_args: usize, n_kw: usize, args: usize): mp_obj_t {
  return hash_make_new(ALGO_SHA1, type, n_args, n_kw, args);
}

function md5_make_new(type: usize, n_args: usize, n_kw: usize, args: usize): mp_obj_t {
  return hash_make_new(ALGO_MD5, type, n_args, n_kw, args);
}

// ---- the module ----

const hashlib_update_obj: usize = memory.data(16, 16);
const hashlib_digest_obj: usize = memory.data(16, 16);
const hashlib_locals_dict: usize = memory.data(16, 16);
const hashlib_globals: usize = memory.data(16, 16);

/** Set-up of the hashlib module and its three types; run once by mp_init. */
export function modhashlib_static_init(): void {
  mp_fun_2_at(hashlib_update_obj, hashlib_update);
  mp_fun_1_at(hashlib_digest_obj, hashlib_digest);
  // the methods read the algorithm from the object, so the types share them
  mp_static_dict_at(hashlib_locals_dict, 2);
  mp_static_dict_add(hashlib_locals_dict, Q.MP_QSTR_update, hashlib_update_obj);
  mp_static_dict_add(hashlib_locals_dict, Q.MP_QSTR_digest, hashlib_digest_obj);

  mp_type_setup(mp_type_hashlib_sha256, Q.MP_QSTR_sha256, MP_TYPE_FLAG_NONE, 0);
  mp_type_set_make_new(mp_type_hashlib_sha256, sha256_make_new);
  mp_type_set_locals_dict(mp_type_hashlib_sha256, hashlib_locals_dict);
  mp_type_setup(mp_type_hashlib_sha1, Q.MP_QSTR_sha1, MP_TYPE_FLAG_NONE, 0);
  mp_type_set_make_new(mp_type_hashlib_sha1, sha1_make_new);
  mp_type_set_locals_dict(mp_type_hashlib_sha1, hashlib_locals_dict);
  mp_type_setup(mp_type_hashlib_md5, Q.MP_QSTR_md5, MP_TYPE_FLAG_NONE, 0);
  mp_type_set_make_new(mp_type_hashlib_md5, md5_make_new);
  mp_type_set_locals_dict(mp_type_hashlib_md5, hashlib_locals_dict);

  const d = hashlib_globals;
  mp_static_dict_at(d, 4);
  mp_static_dict_add(d, Q.MP_QSTR___name__, MP_OBJ_NEW_QSTR(Q.MP_QSTR_hashlib));
  mp_static_dict_add(d, Q.MP_QSTR_sha256, mp_type_hashlib_sha256);
  mp_static_dict_add(d, Q.MP_QSTR_sha1, mp_type_hashlib_sha1);
  mp_static_dict_add(d, Q.MP_QSTR_md5, mp_type_hashlib_md5);
  mp_module_static_at(mp_module_hashlib, d);
}
