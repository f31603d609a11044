// The binascii module, as MicroPython's modbinascii.c: hexlify/unhexlify
// (bytes.hex and bytes.fromhex returning bytes), a2b_base64/b2a_base64 and
// crc32 (the CRC-32 of zlib, extmod/deflate_chksum.ts's).
//
// MicroPython's rules, not CPython's: a2b_base64 skips every non-alphabet
// byte and stops at a complete pad; its only error is ValueError "incorrect
// padding". unhexlify skips whitespace between digit pairs and raises
// ValueError "non-hex digit" (odd lengths too). b2a_base64's newline may be
// given by position.

import { deflate_crc32 } from "./extmod/deflate_chksum";
import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_OBJ_NEW_QSTR,
  MP_INT_ERROR,
  mp_obj_get_int,
  mp_fun_1_at,
  mp_fun_var_at,
  mp_fun_kw_at,
} from "./obj";
import { mp_root_mark, mp_root_alloc, mp_root_release } from "./rootstack";
import { mp_raise_recursion_depth } from "./runtime";
import { mp_raise_ValueError } from "./objexcept";
import { mp_static_dict_at, mp_static_dict_add } from "./objdict";
import { mp_module_static_at } from "./objmodule";
import { mp_arg_set, mp_arg_parse_all, MP_ARG_BOOL } from "./argcheck";
import { mp_obj_is_int, mp_obj_int_get_truncated, mp_obj_new_int_from_uint } from "./objint";
import {
  mp_type_bytes,
  mp_obj_bytes_hex,
  mp_obj_bytes_fromhex,
  mp_obj_new_str_type_from_vstr,
} from "./objstr";
import { mp_get_buffer_raise, MP_BUFFER_READ, MP_BUFINFO_WORDS } from "./objarray";
import { vstr_new_root, vstr_new_root_len, vstr_str, vstr_set_len } from "./vstr";
import * as Q from "./genhdr";

/** The binascii module (`import binascii` / `import ubinascii`). */
export const mp_module_binascii: mp_obj_t = memory.data(8, 8);
export const mp_module_binascii_extensible = true;

/** hexlify(data[, sep]): bytes of two lower-case hex digits per byte, sep's first byte between. */
function binascii_hexlify(n_args: usize, args: usize): mp_obj_t {
  return mp_obj_bytes_hex(n_args, args, mp_type_bytes);
}

/** unhexlify(data): the bytes of hex digit pairs (bytes.fromhex). */
function binascii_unhexlify(data: mp_obj_t): mp_obj_t {
  return mp_obj_bytes_fromhex(mp_type_bytes, data);
}

/** The value 0..63 of base64 alphabet byte `ch`, or -1 (pad and everything else). */
function base64_sextet(ch: u32): i32 {
  if (ch - 65 < 26) return <i32>ch - 65; // A-Z
  if (ch - 97 < 26) return <i32>ch - 97 + 26; // a-z
  if (ch - 48 < 10) return <i32>ch - 48 + 52; // 0-9
  if (ch == 43) return 62; // +
  if (ch == 47) return 63; // /
  return -1;
}

/**
 * a2b_base64(data): the decoded bytes. Bytes outside the alphabet are
 * skipped; a pad that completes a group ends the data; leftover bits raise
 * ValueError "incorrect padding" (mod_binascii_a2b_base64).
 */
function binascii_a2b_base64(data: mp_obj_t): mp_obj_t {
  const mark = mp_root_mark();
  const bi = mp_root_alloc(MP_BUFINFO_WORDS);
  if (bi == 0) {
    mp_root_release(mark);
    return mp_raise_recursion_depth();
  }
  if (!mp_get_buffer_raise(data, bi, MP_BUFFER_READ)) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  const len = load<usize>(bi + 4);
  const v = vstr_new_root((len * 3) / 4 + 1);
  if (v == 0) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  // the data's owner is the caller's (rooted) argument; the heap never moves
  const inp = load<usize>(bi);
  const out = vstr_str(v);
  let n: usize = 0;
  let shift: u32 = 0;
  let nbits: u32 = 0;
  let hadpad = false;
  for (let i: usize = 0; i < len; i++) {
    const ch = <u32>load<u8>(inp + i);
    if (ch == 61) {
      // '=': the group is complete after 2 data bits, or 4 and a pad already
      if (nbits == 2 || (nbits == 4 && hadpad)) {
        nbits = 0;
        break;
      }
      hadpad = true;
    }
    const sextet = base64_sextet(ch);
    if (sextet < 0) continue;
    hadpad = false;
    shift = (shift << 6) | <u32>sextet;
    nbits += 6;
    if (nbits >= 8) {
      nbits -= 8;
      store<u8>(out + n++, <u8>(shift >> nbits));
    }
  }
  if (nbits != 0) {
    mp_root_release(mark);
    return mp_raise_ValueError("incorrect padding");
  }
  vstr_set_len(v, n);
  const r = mp_obj_new_str_type_from_vstr(mp_type_bytes, v);
  mp_root_release(mark);
  return r;
}

// b2a_base64's allowed arguments: newline=True.
const b2a_base64_args: usize = memory.data(8, 4);

/** The base64 alphabet char of sextet `s` (64 is the pad). */
function base64_char(s: u32): u8 {
  if (s < 26) return <u8>(s + 65);
  if (s < 52) return <u8>(s - 26 + 97);
  if (s < 62) return <u8>(s - 52 + 48);
  if (s == 62) return 43;
  if (s == 63) return 47;
  return 61;
}

/**
 * b2a_base64(data, newline=True): base64 bytes padded with '=' to a multiple
 * of 4, then b"\n" unless newline is false (mod_binascii_b2a_base64).
 */
function binascii_b2a_base64(n_args: usize, args: usize, kw: usize): mp_obj_t {
  const mark = mp_root_mark();
  const vals = mp_root_alloc(1 + MP_BUFINFO_WORDS);
  if (vals == 0) {
    mp_root_release(mark);
    return mp_raise_recursion_depth();
  }
  if (!mp_arg_parse_all(n_args - 1, args + 4, kw, 1, b2a_base64_args, vals)) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  const newline: usize = load<usize>(vals) != 0 ? 1 : 0;
  const bi = vals + 4;
  if (!mp_get_buffer_raise(load<usize>(args), bi, MP_BUFFER_READ)) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  const len = load<usize>(bi + 4);
  const out_len = (len != 0 ? ((len - 1) / 3 + 1) * 4 : 0) + newline;
  const v = vstr_new_root_len(out_len);
  if (v == 0) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  let inp = load<usize>(bi);
  let out = vstr_str(v);
  let i = len;
  for (; i >= 3; i -= 3) {
    const a = <u32>load<u8>(inp);
    const b = <u32>load<u8>(inp + 1);
    const c = <u32>load<u8>(inp + 2);
    store<u8>(out, base64_char(a >> 2));
    store<u8>(out + 1, base64_char(((a & 3) << 4) | (b >> 4)));
    store<u8>(out + 2, base64_char(((b & 15) << 2) | (c >> 6)));
    store<u8>(out + 3, base64_char(c & 63));
    out += 4;
    inp += 3;
  }
  if (i != 0) {
    const a = <u32>load<u8>(inp);
    store<u8>(out, base64_char(a >> 2));
    if (i == 2) {
      const b = <u32>load<u8>(inp + 1);
      store<u8>(out + 1, base64_char(((a & 3) << 4) | (b >> 4)));
      store<u8>(out + 2, base64_char((b & 15) << 2));
    } else {
      store<u8>(out + 1, base64_char((a & 3) << 4));
      store<u8>(out + 2, base64_char(64));
    }
    store<u8>(out + 3, base64_char(64));
    out += 4;
  }
  if (newline != 0) store<u8>(out, 10);
  const r = mp_obj_new_str_type_from_vstr(mp_type_bytes, v);
  mp_root_release(mark);
  return r;
}

/**
 * crc32(data, value=0): the CRC-32 of data continuing from `value` (any
 * int, truncated to 32 bits), as an unsigned int (mod_binascii_crc32).
 */
function binascii_crc32(n_args: usize, args: usize): mp_obj_t {
  const mark = mp_root_mark();
  const bi = mp_root_alloc(MP_BUFINFO_WORDS);
  if (bi == 0) {
    mp_root_release(mark);
    return mp_raise_recursion_depth();
  }
  const data = load<usize>(args);
  if (!mp_get_buffer_raise(data, bi, MP_BUFFER_READ)) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  let crc: u32 = 0;
  if (n_args > 1) {
    const c = load<usize>(args + 4);
    if (mp_obj_is_int(c)) {
      crc = <u32>mp_obj_int_get_truncated(c);
    } else {
      // may run __int__, which may resize `data`: its buffer is read again below
      const v = mp_obj_get_int(c);
      if (v == MP_INT_ERROR) {
        mp_root_release(mark);
        return MP_OBJ_NULL;
      }
      crc = <u32>v;
      mp_get_buffer_raise(data, bi, MP_BUFFER_READ);
    }
  }
  const p = load<usize>(bi);
  const len = load<usize>(bi + 4);
  mp_root_release(mark);
  return mp_obj_new_int_from_uint(~deflate_crc32(p, len, ~crc));
}

// ---- the module ----

const binascii_hexlify_obj: usize = memory.data(16, 16);
const binascii_unhexlify_obj: usize = memory.data(16, 16);
const binascii_a2b_base64_obj: usize = memory.data(16, 16);
const binascii_b2a_base64_obj: usize = memory.data(16, 16);
const binascii_crc32_obj: usize = memory.data(16, 16);
const binascii_globals: usize = memory.data(16, 16);

/** Set-up of the binascii module; run once by mp_init. */
export function modbinascii_static_init(): void {
  mp_arg_set(b2a_base64_args, 0, Q.MP_QSTR_newline, MP_ARG_BOOL, 1);
  mp_fun_var_at(binascii_hexlify_obj, 1, 2, binascii_hexlify);
  mp_fun_1_at(binascii_unhexlify_obj, binascii_unhexlify);
  mp_fun_1_at(binascii_a2b_base64_obj, binascii_a2b_base64);
  mp_fun_kw_at(binascii_b2a_base64_obj, 1, binascii_b2a_base64);
  mp_fun_var_at(binascii_crc32_obj, 1, 2, binascii_crc32);
  const d = binascii_globals;
  mp_static_dict_at(d, 6);
  mp_static_dict_add(d, Q.MP_QSTR___name__, MP_OBJ_NEW_QSTR(Q.MP_QSTR_binascii));
  mp_static_dict_add(d, Q.MP_QSTR_hexlify, binascii_hexlify_obj);
  mp_static_dict_add(d, Q.MP_QSTR_unhexlify, binascii_unhexlify_obj);
  mp_static_dict_add(d, Q.MP_QSTR_a2b_base64, binascii_a2b_base64_obj);
  mp_static_dict_add(d, Q.MP_QSTR_b2a_base64, binascii_b2a_base64_obj);
  mp_static_dict_add(d, Q.MP_QSTR_crc32, binascii_crc32_obj);
  mp_module_static_at(mp_module_binascii, d);
}
