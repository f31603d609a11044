// Packing Python values into binary data and back, as MicroPython's
// binary.c: the typecodes of array.array and the struct module, native
// ('@': sizes and alignment of this 32-bit target) or standard ('<' little,
// '>' big endian) layouts.
//
// Typecodes: b B h H i I l L q Q (ints), e f d (half, single, double
// floats), and MicroPython's extensions O (an object reference), P (a
// pointer-sized unsigned int) and S (a pointer to a NUL-terminated string).
// BYTEARRAY_TYPECODE (1) is 'B' for bytearray.

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_OBJ_NEW_SMALL_INT,
  mp_obj_is_type,
  mp_obj_get_int,
  MP_INT_ERROR,
  MP_SMALL_INT_MIN,
  MP_SMALL_INT_MAX,
} from "./obj";
import { mp_raise_ValueError } from "./objexcept";
import {
  mp_type_int,
  mp_obj_new_int,
  mp_obj_new_int_from_uint,
  mp_obj_new_int_from_ll,
  mp_obj_new_int_from_ull,
  mp_obj_int_get_truncated,
  mp_obj_int_to_bytes,
} from "./objint";
import { mp_obj_new_float, mp_obj_get_float_to, mp_float_scratch } from "./objfloat";
import { mp_obj_new_str } from "./objstr";
import { mp_obj_is_small_int, mp_obj_is_qstr, MP_OBJ_QSTR_VALUE, mp_const_none, mp_const_false, mp_const_true, mp_type_type } from "./obj";
import { gc_is_heap_ptr, gc_block_kind, gc_pool_base } from "./gc";
import { qstr_total } from "./qstr";
import { mem_heap_start } from "./memmap";

// True if `p` is a word-aligned address with `n` bytes of linear memory from it (above the reserved page).
@inline function mem_ok(p: usize, n: usize): bool {
  return (p & 3) == 0 && p >= 1024 && <u64>p + <u64>n <= (<u64>memory.size()) << 16;
}

/**
 * The object a raw 'O' word names (struct 'O', array('O')), or MP_OBJ_NULL
 * with ValueError pending. MicroPython trusts the word and faults on a bad
 * one; a wasm instance must not trap, so the word must be a small int, a
 * qstr that exists, None/False/True, or point to a GC block head or to static
 * data (below the heap) whose first word is a type object (a type's type is
 * `type` or a metaclass of it).
 */
export function mp_obj_from_raw_word(v: usize): mp_obj_t {
  if (mp_obj_is_small_int(v) || v == mp_const_none || v == mp_const_false || v == mp_const_true) return v;
  if (mp_obj_is_qstr(v)) {
    const q = MP_OBJ_QSTR_VALUE(v);
    if (q != 0 && q < qstr_total()) return v;
  } else if (mem_ok(v, 8)) {
    let live = false;
    if (gc_is_heap_ptr(v)) {
      live = ((v - gc_pool_base()) & 15) == 0 && gc_block_kind((v - gc_pool_base()) >> 4) == 1;
    } else {
      live = v < mem_heap_start;
    }
    if (live) {
      const t = load<usize>(v);
      if (mem_ok(t, 8)) {
        const tt = load<usize>(t);
        if (tt == mp_type_type || (mem_ok(tt, 8) && load<usize>(tt) == mp_type_type)) return v;
      }
    }
  }
  mp_raise_ValueError("invalid object reference");
  return MP_OBJ_NULL;
}

/** Typecode of bytearray (as 'B' but printed as bytearray). */
@inline export const BYTEARRAY_TYPECODE: u32 = 1;

// Second result of mp_binary_get_size: the alignment.
let size_align: usize = 1;

/**
 * Byte size of `val_type` in layout `struct_type` ('@' native, '<' or '>'
 * standard), as mp_binary_get_size; the alignment is returned through
 * `palign` (a word address) when it is not 0. Returns 0 with ValueError
 * "bad typecode" pending for unknown typecodes.
 */
export function mp_binary_get_size(struct_type: u32, val_type: u32, palign: usize): usize {
  let size: usize = 0;
  let align: usize = 1;
  if (struct_type == 60 || struct_type == 62) {
    switch (val_type) {
      case 98:
      case 66:
        size = 1;
        break;
      case 104:
      case 72:
      case 101:
        size = 2;
        break;
      case 105:
      case 73:
      case 108:
      case 76:
      case 102:
        size = 4;
        break;
      case 113:
      case 81:
      case 100:
        size = 8;
        break;
      case 80:
      case 79:
      case 83:
        size = 4;
        break;
    }
  } else if (struct_type == 64) {
    switch (val_type) {
      case BYTEARRAY_TYPECODE:
      case 98:
      case 66:
        size = 1;
        align = 1;
        break;
      case 104:
      case 72:
      case 101:
        size = 2;
        align = 2;
        break;
      case 105:
      case 73:
      case 108:
      case 76:
      case 102:
      case 80:
      case 79:
      case 83:
        size = 4;
        align = 4;
        break;
      case 113:
      case 81:
      case 100:
        size = 8;
        align = 8;
        break;
    }
  }
  if (size == 0) {
    mp_raise_ValueError("bad typecode");
    return 0;
  }
  if (palign != 0) store<usize>(palign, align);
  size_align = align;
  return size;
}

/** Size of an element of array typecode `typecode` ('@' layout); 0 with ValueError for bad codes. */
export function mp_binary_array_item_size(typecode: u32): usize {
  return mp_binary_get_size(64, typecode, 0);
}

/** A half-precision float's value (mp_decode_half_float). */
export function mp_decode_half_float(hf: u32): f32 {
  let m = hf & 0x3ff;
  let e = <i32>((hf >> 10) & 0x1f);
  if (e == 0x1f) {
    e = 0xff;
  } else if (e != 0) {
    e += 127 - 15;
  } else if (m != 0) {
    // subnormal: normalise
    e = 127 - 15;
    while ((m & 0x400) == 0) {
      m <<= 1;
      e--;
    }
    m -= 0x400;
    e++;
  }
  const bits = ((hf & 0x8000) << 16) | (<u32>e << 23) | (m << 13);
  return reinterpret<f32>(bits);
}

/** `x` rounded to half precision (mp_encode_half_float). */
export function mp_encode_half_float(x: f32): u32 {
  const i = reinterpret<u32>(x);
  let m = (i >> 13) & 0x3ff;
  if ((i & (1 << 12)) != 0) m++;
  let e = <i32>((i >> 23) & 0xff);
  if (e == 0xff) {
    e = 0x1f;
  } else if (e != 0) {
    e -= 127 - 15;
    if (e < 0) {
      if (e >= -11) {
        m = (m | 0x400) >> <u32>-e;
        if ((m & 1) != 0) m = (m >> 1) + 1;
        else m >>= 1;
      } else {
        m = 0;
      }
      e = 0;
    } else if (e > 0x3f) {
      e = 0x1f;
      m = 0;
    }
  }
  return (((i >> 16) & 0x8000) | (<u32>e << 10) | m) & 0xffff;
}

/**
 * Item `index` of the array of `typecode` at `p`, as an object
 * (mp_binary_get_val_array). MP_OBJ_NULL on MemoryError (big ints, floats).
 */
export function mp_binary_get_val_array(typecode: u32, p: usize, index: usize): mp_obj_t {
  switch (typecode) {
    case 98:
      return MP_OBJ_NEW_SMALL_INT(<i32>load<i8>(p + index));
    case BYTEARRAY_TYPECODE:
    case 66:
      return MP_OBJ_NEW_SMALL_INT(<i32>load<u8>(p + index));
    case 104:
      return MP_OBJ_NEW_SMALL_INT(<i32>load<i16>(p + (index << 1)));
    case 72:
      return MP_OBJ_NEW_SMALL_INT(<i32>load<u16>(p + (index << 1)));
    case 105:
    case 108:
      return mp_obj_new_int(load<i32>(p + (index << 2)));
    case 73:
    case 76:
    case 80:
      return mp_obj_new_int_from_uint(load<u32>(p + (index << 2)));
    case 113:
      return mp_obj_new_int_from_ll(load<i64>(p + (index << 3)));
    case 81:
      return mp_obj_new_int_from_ull(load<u64>(p + (index << 3)));
    case 102:
      return mp_obj_new_float(<f64>load<f32>(p + (index << 2)));
    case 100:
      return mp_obj_new_float(load<f64>(p + (index << 3)));
    case 101:
      return mp_obj_new_float(<f64>mp_decode_half_float(<u32>load<u16>(p + (index << 1))));
    case 79:
      return mp_obj_from_raw_word(load<usize>(p + (index << 2)));
  }
  return MP_OBJ_NEW_SMALL_INT(0);
}

/**
 * The integer of `size` bytes (at most 8) at `src`, sign-extended when
 * `is_signed`, in big- or little-endian order (mp_binary_get_int).
 */
export function mp_binary_get_int(size: usize, is_signed: bool, big_endian: bool, src: usize): i64 {
  let delta: isize = 1;
  if (!big_endian) {
    delta = -1;
    src += size - 1;
  }
  let val: u64 = 0;
  if (is_signed && (load<u8>(src) & 0x80) != 0) val = <u64>-1;
  for (let i: usize = 0; i < size; i++) {
    val = (val << 8) | <u64>load<u8>(src);
    src += delta;
  }
  return <i64>val;
}

@inline function is_signed_code(c: u32): bool {
  return c > 90;
}

/**
 * Reads a `val_type` value at the word `ptr_p` points to, in layout
 * `struct_type` (native layouts align relative to `p_base`), and advances
 * the word past it (mp_binary_get_val). Returns the object or MP_OBJ_NULL
 * (bad typecode, MemoryError).
 */
export function mp_binary_get_val(struct_type: u32, val_type: u32, p_base: usize, ptr_p: usize): mp_obj_t {
  let p = load<usize>(ptr_p);
  const size = mp_binary_get_size(struct_type, val_type, 0);
  if (size == 0) return MP_OBJ_NULL;
  if (struct_type == 64) {
    const align = size_align;
    p = p_base + ((p - p_base + align - 1) & ~(align - 1));
    struct_type = 60; // wasm is little endian
  }
  store<usize>(ptr_p, p + size);
  const val = mp_binary_get_int(size, is_signed_code(val_type), struct_type == 62, p);
  if (val_type == 79) return mp_obj_from_raw_word(<usize>(<u32>val));
  if (val_type == 83) {
    const s = <usize>(<u32>val);
    // the pointer comes from the data: stop at the end of linear memory
    // rather than trap (MicroPython would fault)
    const end = (<u64>memory.size()) << 16;
    let n: usize = 0;
    while (<u64>s + <u64>n < end && load<u8>(s + n) != 0) n++;
    return mp_obj_new_str(s, n);
  }
  if (val_type == 101) return mp_obj_new_float(<f64>mp_decode_half_float(<u32>val));
  if (val_type == 102) return mp_obj_new_float(<f64>reinterpret<f32>(<u32>val));
  if (val_type == 100) return mp_obj_new_float(reinterpret<f64>(<u64>val));
  if (is_signed_code(val_type)) {
    if (val >= <i64>MP_SMALL_INT_MIN && val <= <i64>MP_SMALL_INT_MAX) return MP_OBJ_NEW_SMALL_INT(<i32>val);
    return mp_obj_new_int_from_ll(val);
  }
  if (<u64>val <= <u64>MP_SMALL_INT_MAX) return MP_OBJ_NEW_SMALL_INT(<i32>val);
  return mp_obj_new_int_from_ull(<u64>val);
}

/**
 * Writes the low `val_sz` bytes of `val` into `dest_sz` bytes at `dest`,
 * sign/zero-extending or truncating, big- or little-endian (mp_binary_set_int).
 */
export function mp_binary_set_int(dest_sz: usize, dest: usize, val_sz: usize, val: u64, big_endian: bool): void {
  if (dest_sz > val_sz) {
    const fill: u8 = (<i64>val < 0 && val_sz == 8) || (val_sz < 8 && ((val >> (val_sz * 8 - 1)) & 1) != 0) ? 0xff : 0;
    memory.fill(dest, fill, dest_sz);
    if (big_endian) dest += dest_sz - val_sz;
  } else if (dest_sz < val_sz) {
    val_sz = dest_sz;
  }
  for (let i: usize = 0; i < val_sz; i++) {
    const b = <u8>(val >> (i * 8));
    if (big_endian) store<u8>(dest + val_sz - 1 - i, b);
    else store<u8>(dest + i, b);
  }
}

/** The float value of `o` (a number); NaN-free false with TypeError pending. */
function get_float(o: mp_obj_t): bool {
  return mp_obj_get_float_to(o, mp_float_scratch);
}

/**
 * Writes `val_in` as a `val_type` value at the word `ptr_p` points to (native
 * layouts align relative to `p_base`) and advances it (mp_binary_set_val).
 * Ints are truncated to the field as MicroPython 1.x does. Returns false with
 * an exception pending (bad typecode, non-number).
 */
export function mp_binary_set_val(struct_type: u32, val_type: u32, val_in: mp_obj_t, p_base: usize, ptr_p: usize): bool {
  let p = load<usize>(ptr_p);
  const size = mp_binary_get_size(struct_type, val_type, 0);
  if (size == 0) return false;
  if (struct_type == 64) {
    const align = size_align;
    p = p_base + ((p - p_base + align - 1) & ~(align - 1));
    struct_type = 60;
  }
  store<usize>(ptr_p, p + size);
  const be = struct_type == 62;
  let val: u64;
  switch (val_type) {
    case 79:
      val = <u64>(<u32>val_in);
      break;
    case 101:
      if (!get_float(val_in)) return false;
      val = <u64>mp_encode_half_float(<f32>load<f64>(mp_float_scratch));
      break;
    case 102:
      if (!get_float(val_in)) return false;
      val = <u64>reinterpret<u32>(<f32>load<f64>(mp_float_scratch));
      break;
    case 100:
      if (!get_float(val_in)) return false;
      val = reinterpret<u64>(load<f64>(mp_float_scratch));
      break;
    default:
      if (mp_obj_is_type(val_in, mp_type_int)) {
        if (size <= 4) {
          val = <u64>(<i64>mp_obj_int_get_truncated(val_in));
          break;
        }
        return mp_obj_int_to_bytes(val_in, size, p, be, is_signed_code(val_type), false);
      }
      const v = mp_obj_get_int(val_in);
      if (v == MP_INT_ERROR) return false;
      val = <u64>v;
      break;
  }
  mp_binary_set_int(size, p, 8, val, be);
  return true;
}

/**
 * Stores `val_in` as item `index` of the array of `typecode` at `p`
 * (mp_binary_set_val_array); ints are truncated to the item size (no
 * overflow check, as MicroPython 1.x). Returns false with an exception
 * pending (non-number).
 */
export function mp_binary_set_val_array(typecode: u32, p: usize, index: usize, val_in: mp_obj_t): bool {
  switch (typecode) {
    case 102:
      if (!get_float(val_in)) return false;
      store<f32>(p + (index << 2), <f32>load<f64>(mp_float_scratch));
      return true;
    case 100:
      if (!get_float(val_in)) return false;
      store<f64>(p + (index << 3), load<f64>(mp_float_scratch));
      return true;
    case 101:
      if (!get_float(val_in)) return false;
      store<u16>(p + (index << 1), <u16>mp_encode_half_float(<f32>load<f64>(mp_float_scratch)));
      return true;
    case 79:
      store<usize>(p + (index << 2), val_in);
      return true;
  }
  if (mp_obj_is_type(val_in, mp_type_int)) {
    if (typecode == 113 || typecode == 81) {
      return mp_obj_int_to_bytes(val_in, 8, p + (index << 3), false, typecode == 113, false);
    }
    set_val_array_from_int(typecode, p, index, <i64>mp_obj_int_get_truncated(val_in));
    return true;
  }
  const v = mp_obj_get_int(val_in);
  if (v == MP_INT_ERROR) return false;
  set_val_array_from_int(typecode, p, index, v);
  return true;
}

/** Stores machine int `val` (truncated) as item `index` (mp_binary_set_val_array_from_int). */
export function set_val_array_from_int(typecode: u32, p: usize, index: usize, val: i64): void {
  switch (typecode) {
    case 98:
    case 66:
    case BYTEARRAY_TYPECODE:
      store<u8>(p + index, <u8>val);
      break;
    case 104:
    case 72:
    case 101:
      store<u16>(p + (index << 1), <u16>val);
      break;
    case 105:
    case 73:
    case 108:
    case 76:
    case 80:
      store<u32>(p + (index << 2), <u32>val);
      break;
    case 113:
    case 81:
      store<i64>(p + (index << 3), val);
      break;
  }
}
