// The uctypes module, as MicroPython's extmod/moductypes.c: C-like structures
// laid over raw memory, described by dicts of type constants, plus sizeof,
// addressof, bytes_at and bytearray_at. Addresses are linear-memory
// addresses of this 32-bit machine.
//
// A descriptor field is either a scalar (a small int: type in the top 4 of
// its 31 bits, offset below; bitfields also carry BF_POS/BF_LEN) or a tuple
// whose first item holds the aggregate kind (STRUCT 0, PTR, ARRAY in the top
// 2 bits) and the offset:
//
//   scalar   0bTTTT_ooooooooooooooooooooooooooo           (T = UINT8..FLOAT64)
//   bitfield 0bTTTT_lllll_ppppp_ooooooooooooooooo          (l = length, p = bit position)
//   (STRUCT | off, desc)  (PTR | off, scalar or desc)
//   (ARRAY | off, scalar | n)  (ARRAY | off, n, desc)
//
//   struct object (16 bytes, one block):
//     +0 type   +4 descriptor   +8 address (u32)   +12 layout (NATIVE,
//     LITTLE_ENDIAN, BIG_ENDIAN; any other value reads as big endian, as
//     MicroPython)
//
// Unlike MicroPython, which lets Python read and write any address (a fault
// on a board, a crash on unix), every access is checked against the size of
// linear memory: an access beyond it raises ValueError "address out of
// range: 0x%08x (%u bytes)" instead of trapping the wasm instance.
// bytearray_at() checks its whole range when it is created (the bytearray's
// own accesses are not checked later), so an out-of-memory range raises
// there. Writes anywhere inside linear memory are allowed, the core's own
// data included, as on a board.
//
// Also unlike MicroPython: storing through a pointer to a scalar writes it
// (`S.ptr[0] = v`, as C's `*p = v`), and storing a struct through a pointer
// or deleting a field raises, where MicroPython silently does nothing; a
// malformed descriptor (a tuple without a small int first, an array length
// that is not one) or a non-int index raises TypeError where MicroPython
// reads it unchecked; descriptors nested more than MAX_DEPTH deep (or
// recursive ones) raise RuntimeError "maximum recursion depth exceeded"
// instead of overflowing the stack.

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_OBJ_SENTINEL,
  MP_OBJ_NOT_SUPPORTED,
  MP_OBJ_NEW_QSTR,
  MP_OBJ_NEW_SMALL_INT,
  MP_OBJ_SMALL_INT_VALUE,
  MP_TYPE_SIZE,
  MP_TYPE_FLAG_NONE,
  MP_INT_ERROR,
  mp_obj_is_small_int,
  mp_obj_is_type,
  mp_obj_get_int,
  mp_obj_len,
  mp_type_setup,
  mp_type_set_make_new,
  mp_type_set_print,
  mp_type_set_attr,
  mp_type_set_subscr,
  mp_type_set_unary_op,
  mp_type_set_buffer,
  mp_fun_1_at,
  mp_fun_2_at,
  mp_fun_var_at,
} from "../obj";
import { qstr } from "../qstr";
import { gc_alloc } from "../gc";
import { mp_raise_memory_error, mp_raise_recursion_depth } from "../runtime";
import {
  mp_raise_msg,
  mp_raise_arg1,
  mp_take_exception,
  mp_raise_type,
  mp_raise_TypeError,
  mp_type_TypeError,
  mp_type_IndexError,
  mp_type_ValueError,
} from "../objexcept";
import {
  mp_static_dict_at,
  mp_static_dict_add,
  mp_obj_is_dict_or_ordereddict,
  mp_obj_dict_get,
} from "../objdict";
import { mp_map_entries, mp_map_filled, mp_map_slot_is_filled } from "../map";
import { mp_module_static_at } from "../objmodule";
import { mp_arg_check_num } from "../argcheck";
import { mp_type_tuple } from "../objtuple";
import {
  mp_type_int,
  mp_obj_new_int,
  mp_obj_new_int_from_uint,
  mp_obj_int_get_truncated,
} from "../objint";
import { mp_obj_new_str, mp_obj_new_bytes } from "../objstr";
import { mp_printf, mp_print_str } from "../mpprint";
import { vstr_init_fixed_buf, vstr_printer_init, vstr_str, vstr_len } from "../vstr";
import { mp_get_buffer_raise } from "../stream";
import {
  mp_type_bytearray,
  mp_obj_new_bytearray_by_ref,
  MP_BUFFER_READ,
  MP_BUFINFO_WORDS,
} from "../objarray";
import { mp_root_mark, mp_root_alloc, mp_root_release } from "../rootstack";
import {
  BYTEARRAY_TYPECODE,
  mp_binary_get_val,
  mp_binary_set_val,
  mp_binary_get_val_array,
  mp_binary_set_val_array,
  mp_binary_get_int,
  mp_binary_set_int,
} from "../binary";
import * as Q from "../genhdr";

/** The uctypes module (`import uctypes`; not extensible, as in MicroPython). */
export const mp_module_uctypes: mp_obj_t = memory.data(8, 8);

/** The struct type (`uctypes.struct`). */
export const mp_type_uctypes_struct: usize = memory.data(<i32>MP_TYPE_SIZE, 16);

// ---- layouts and the descriptor encoding (values as moductypes.c) ----

@inline const LAYOUT_LITTLE_ENDIAN: u32 = 0;
@inline const LAYOUT_BIG_ENDIAN: u32 = 1;
@inline const LAYOUT_NATIVE: u32 = 2;

@inline const VAL_TYPE_BITS: i32 = 4;
@inline const AGG_TYPE_BITS: i32 = 2;
@inline const OFFSET_BITS: i32 = 17;
@inline const LEN_BITS: i32 = 22; // OFFSET_BITS + 5 bits of bit position

// scalar types (the top 4 bits); bit 0 is "signed"
@inline const UINT8: u32 = 0;
@inline const INT8: u32 = 1;
@inline const UINT16: u32 = 2;
@inline const INT16: u32 = 3;
@inline const UINT32: u32 = 4;
@inline const INT32: u32 = 5;
@inline const UINT64: u32 = 6;
@inline const INT64: u32 = 7;
@inline const BFUINT8: u32 = 8;
@inline const BFINT8: u32 = 9;
@inline const BFUINT16: u32 = 10;
@inline const BFINT16: u32 = 11;
@inline const BFUINT32: u32 = 12;
@inline const BFINT32: u32 = 13;
@inline const FLOAT32: u32 = 14;
@inline const FLOAT64: u32 = 15;

// aggregate kinds (the top 2 bits of a tuple's first item)
@inline const STRUCT: u32 = 0;
@inline const PTR: u32 = 1;
@inline const ARRAY: u32 = 2;

/** Bytes of a pointer on this 32-bit machine. */
@inline const PTR_SIZE: u32 = 4;
/** Deepest nesting of descriptors that sizeof follows. */
@inline const MAX_DEPTH: i32 = 64;

/** The constant of type `t` in a field of `nbits` type bits (TYPE2SMALLINT). */
@inline function type2smallint(t: u32, nbits: i32): mp_obj_t {
  return MP_OBJ_NEW_SMALL_INT((<i32>t << (32 - nbits)) >> 1);
}

/** The type in the top `nbits` of a 31-bit field value (GET_TYPE). */
@inline function get_type(x: i32, nbits: i32): u32 {
  return <u32>(x >> (31 - nbits)) & ((1 << nbits) - 1);
}

/** The offset bits below a type of `nbits` bits (VALUE_MASK). */
@inline function value_mask(nbits: i32): i32 {
  return ~(<i32>0x80000000 >> nbits);
}

/** The struct char of each scalar type ('-' for bitfields), as moductypes.c's type2char. */
const type2char: usize = memory.data<u8>([
  66, 98, 72, 104, 73, 105, 81, 113, 45, 45, 45, 45, 45, 45, 102, 100,
]);

@inline function is_bitfield(val_type: u32): bool {
  return val_type >= BFUINT8 && val_type <= BFINT32;
}

/** Bytes of a scalar (uctypes_struct_scalar_size); bitfields have their container's size. */
@inline function scalar_size(val_type: u32): u32 {
  if (val_type == FLOAT32) return 4;
  return <u32>1 << ((val_type & 7) >> 1);
}

// ---- struct objects ----

@inline function s_desc(o: mp_obj_t): mp_obj_t {
  return load<usize>(o + 4);
}
@inline function s_addr(o: mp_obj_t): u32 {
  return load<u32>(o + 8);
}
@inline function s_layout(o: mp_obj_t): u32 {
  return load<u32>(o + 12);
}

/** A new struct over `addr` described by `desc` (which its owner keeps alive). */
function struct_new(desc: mp_obj_t, addr: u32, layout: u32): mp_obj_t {
  const o = gc_alloc(16, 0);
  if (o == 0) return mp_raise_memory_error(16);
  store<usize>(o, mp_type_uctypes_struct);
  store<usize>(o + 4, desc);
  store<u32>(o + 8, addr);
  store<u32>(o + 12, layout);
  return o;
}

function syntax_error(): mp_obj_t {
  return mp_raise_TypeError("syntax error in uctypes descriptor");
}

// Scratch: the cursor word of mp_binary_get_val/set_val (+0), a printer
// (+8, 2 words), a vstr header (+16, 4 words) and its fixed buffer (+32).
const scratch: usize = memory.data(128, 8);
@inline const MSG_BUF_SIZE: usize = 96;

/**
 * Checks that the `size` bytes at `addr` (computed without wrapping; may be
 * negative) lie inside linear memory. Raises ValueError "address out of
 * range: 0x%08x (%u bytes)" and returns false otherwise. Ours: MicroPython
 * accesses any address.
 */
export function uctypes_check_range(addr: i64, size: u64): bool {
  const end = (<u64>memory.size()) << 16;
  if (addr >= 0 && <u64>addr <= end && size <= end - <u64>addr) return true;
  const print = scratch + 8;
  const v = scratch + 16;
  vstr_init_fixed_buf(v, MSG_BUF_SIZE, scratch + 32);
  vstr_printer_init(print, v);
  const a = <usize>(<u32>addr);
  mp_printf(print, "address out of range: 0x%08x (%u bytes)", a, <usize>(<u32>size));
  const s = mp_obj_new_str(vstr_str(v), vstr_len(v));
  if (s != MP_OBJ_NULL) mp_raise_arg1(mp_type_ValueError, s);
  return false;
}

/**
 * The low 32 bits of an int argument (mp_obj_get_int_truncated): any int
 * is accepted and truncated, other int-like objects must fit a machine
 * word. MP_INT_ERROR with TypeError pending for a non-int.
 */
function get_int_truncated(o: mp_obj_t): i64 {
  if (mp_obj_is_small_int(o)) return <i64>MP_OBJ_SMALL_INT_VALUE(o);
  if (mp_obj_is_type(o, mp_type_int)) return <i64>mp_obj_int_get_truncated(o);
  return mp_obj_get_int(o);
}

// ---- sizes ----

// The largest scalar met while sizing (the alignment of native layouts);
// set by the entry points, as the max_field_size argument of moductypes.c.
let max_field_size: u32 = 0;

/**
 * The tuple `t` with at least `min_len` items, the first a small int: its
 * value, or MP_INT_ERROR with the syntax error pending.
 */
function agg_header(t: mp_obj_t, min_len: usize): i64 {
  if (load<usize>(t + 4) < min_len || !mp_obj_is_small_int(load<usize>(t + 8))) {
    syntax_error();
    return MP_INT_ERROR;
  }
  return <i64>MP_OBJ_SMALL_INT_VALUE(load<usize>(t + 8));
}

/** Item `i` of tuple `t`. */
@inline function t_item(t: mp_obj_t, i: usize): mp_obj_t {
  return load<usize>(t + 8 + (i << 2));
}

/**
 * Size of an aggregate descriptor (a tuple), as uctypes_struct_agg_size;
 * -1 with an exception pending. Sizes wrap at 32 bits as on a board.
 */
function agg_size(t: mp_obj_t, layout: u32, depth: i32): i64 {
  const h = agg_header(t, 2);
  if (h == MP_INT_ERROR) return -1;
  const len = load<usize>(t + 4);
  switch (get_type(<i32>h, AGG_TYPE_BITS)) {
    case STRUCT:
      if (len != 2) break;
      return struct_size(t_item(t, 1), layout, depth + 1);
    case PTR:
      // the second item (the type pointed to) is not looked at, but must be there
      if (len != 2) break;
      if (PTR_SIZE > max_field_size) max_field_size = PTR_SIZE;
      return PTR_SIZE;
    case ARRAY: {
      const n_obj = t_item(t, 1);
      if (!mp_obj_is_small_int(n_obj)) break;
      const n_val = MP_OBJ_SMALL_INT_VALUE(n_obj);
      const arr_sz = <u32>(n_val & value_mask(VAL_TYPE_BITS));
      let item_s: u32 = 0;
      if (len == 2) {
        // scalar items
        item_s = scalar_size(get_type(n_val, VAL_TYPE_BITS));
        if (item_s > max_field_size) max_field_size = item_s;
      } else if (len == 3) {
        // aggregate items
        const s = struct_size(t_item(t, 2), layout, depth + 1);
        if (s < 0) return -1;
        item_s = <u32>s;
      } else {
        break;
      }
      return <i64>(item_s * arr_sz);
    }
  }
  syntax_error();
  return -1;
}

/**
 * Size of any descriptor (uctypes_struct_size): a dict (or OrderedDict) of
 * fields, or an aggregate tuple; native layouts round a dict's size up to
 * its largest scalar. TypeError for a scalar ("can't unambiguously get
 * sizeof scalar") or a bad descriptor; -1 with the exception pending.
 */
function struct_size(desc: mp_obj_t, layout: u32, depth: i32): i64 {
  if (depth > MAX_DEPTH) {
    mp_raise_recursion_depth();
    return -1;
  }
  if (!mp_obj_is_dict_or_ordereddict(desc)) {
    if (mp_obj_is_type(desc, mp_type_tuple)) return agg_size(desc, layout, depth);
    if (mp_obj_is_small_int(desc)) {
      // a scalar field loads as a plain int, so its type is unknown here
      mp_raise_TypeError("can't unambiguously get sizeof scalar");
      return -1;
    }
    syntax_error();
    return -1;
  }
  const map = desc + 4;
  const e0 = mp_map_entries(map);
  const filled = mp_map_filled(map);
  let total: u32 = 0;
  for (let i: usize = 0; i < filled; i++) {
    const e = e0 + (i << 3);
    if (!mp_map_slot_is_filled(e)) continue;
    const v = load<usize>(e + 4);
    if (mp_obj_is_small_int(v)) {
      const f = MP_OBJ_SMALL_INT_VALUE(v);
      const val_type = get_type(f, VAL_TYPE_BITS);
      let offset = <u32>(f & value_mask(VAL_TYPE_BITS));
      if (is_bitfield(val_type)) offset &= (1 << OFFSET_BITS) - 1;
      const s = scalar_size(val_type);
      if (s > max_field_size) max_field_size = s;
      if (offset + s > total) total = offset + s;
    } else {
      if (!mp_obj_is_type(v, mp_type_tuple)) {
        syntax_error();
        return -1;
      }
      const h = agg_header(v, 1);
      if (h == MP_INT_ERROR) return -1;
      const offset = <u32>(<i32>h & value_mask(AGG_TYPE_BITS));
      const s = agg_size(v, layout, depth);
      if (s < 0) return -1;
      if (offset + <u32>s > total) total = offset + <u32>s;
    }
  }
  if (layout == LAYOUT_NATIVE) {
    // round up to the alignment of the largest field (0 when there is none)
    total = (total + max_field_size - 1) & ~(max_field_size - 1);
  }
  return <i64>total;
}

/** Size of `desc` from scratch (a fresh max_field_size); -1 with an exception pending. */
function desc_size(desc: mp_obj_t, layout: u32): i64 {
  max_field_size = 0;
  return struct_size(desc, layout, 0);
}

/** uctypes.sizeof(struct or descriptor[, layout]) (uctypes_struct_sizeof). */
function uctypes_sizeof(n_args: usize, args: usize): mp_obj_t {
  let obj = load<usize>(args);
  if (mp_obj_is_type(obj, mp_type_bytearray)) return mp_obj_len(obj);
  let layout = LAYOUT_NATIVE;
  if (mp_obj_is_type(obj, mp_type_uctypes_struct)) {
    // a struct has its own layout
    if (n_args != 1) return mp_raise_type(mp_type_TypeError);
    layout = s_layout(obj);
    obj = s_desc(obj);
  } else if (n_args == 2) {
    const l = mp_obj_get_int(load<usize>(args + 4));
    if (l == MP_INT_ERROR) return MP_OBJ_NULL;
    layout = <u32>l;
  }
  const size = desc_size(obj, layout);
  if (size < 0) return MP_OBJ_NULL;
  return mp_obj_new_int_from_uint(<u32>size);
}

// ---- scalar access ----

/**
 * Loads (`value` MP_OBJ_SENTINEL) or stores `value` as item `index` of the
 * scalars of `val_type` at `addr` in `layout` (get_aligned / set_aligned,
 * get_unaligned / set_unaligned): the value loaded, or `value`;
 * MP_OBJ_NULL with an exception pending. The range is checked first.
 */
function scalar_item(val_type: u32, addr: i64, index: i64, layout: u32, value: mp_obj_t): mp_obj_t {
  if (is_bitfield(val_type)) return syntax_error();
  const size = scalar_size(val_type);
  const p = addr + index * <i64>size;
  if (!uctypes_check_range(p, size)) return MP_OBJ_NULL;
  const tc = <u32>load<u8>(type2char + val_type);
  const fmt: u32 = layout == LAYOUT_LITTLE_ENDIAN ? 60 : 62;
  store<usize>(scratch, <usize>p);
  if (value == MP_OBJ_SENTINEL) {
    if (layout == LAYOUT_NATIVE) return mp_binary_get_val_array(tc, <usize>p, 0);
    return mp_binary_get_val(fmt, tc, <usize>p, scratch);
  }
  const ok =
    layout == LAYOUT_NATIVE
      ? mp_binary_set_val_array(tc, <usize>p, 0, value)
      : mp_binary_set_val(fmt, tc, value, <usize>p, scratch);
  return ok ? value : MP_OBJ_NULL;
}

/** The container word of a bitfield: 1, 2 or 4 bytes at `p` (checked by the caller). */
function bitfield_container_load(val_type: u32, p: usize, layout: u32): u32 {
  const size = scalar_size(val_type);
  if (layout == LAYOUT_NATIVE) {
    if (size == 1) return <u32>load<u8>(p);
    if (size == 2) return <u32>load<u16>(p);
    return load<u32>(p);
  }
  return <u32>mp_binary_get_int(size, (val_type & 1) != 0, layout != LAYOUT_LITTLE_ENDIAN, p);
}

/** Loads (`set_val` 0) or stores the bitfield whose field value is `f` (uctypes_struct_attr_op). */
function bitfield_op(self: mp_obj_t, val_type: u32, f: i32, set_val: mp_obj_t): mp_obj_t {
  const bit_offset = <u32>(f >> OFFSET_BITS) & 31;
  const bit_len = <u32>(f >> LEN_BITS) & 31;
  const offset = <u32>f & ((1 << OFFSET_BITS) - 1);
  const layout = s_layout(self);
  const size = scalar_size(val_type);
  const p = <i64>s_addr(self) + <i64>offset;
  if (set_val == MP_OBJ_NULL) {
    if (!uctypes_check_range(p, size)) return MP_OBJ_NULL;
    let val = bitfield_container_load(val_type, <usize>p, layout);
    val >>= bit_offset;
    val &= (<u32>1 << bit_len) - 1;
    // signed bitfields load unsigned, as in MicroPython
    return mp_obj_new_int(<i32>val);
  }
  const v = mp_obj_get_int(set_val);
  if (v == MP_INT_ERROR) return MP_OBJ_NULL;
  if (!uctypes_check_range(p, size)) return MP_OBJ_NULL;
  let val = bitfield_container_load(val_type, <usize>p, layout);
  let mask = (<u32>1 << bit_len) - 1;
  const bits = (<u32>v & mask) << bit_offset;
  mask <<= bit_offset;
  val = (val & ~mask) | bits;
  if (layout == LAYOUT_NATIVE) {
    if (size == 1) store<u8>(<usize>p, <u8>val);
    else if (size == 2) store<u16>(<usize>p, <u16>val);
    else store<u32>(<usize>p, val);
  } else {
    mp_binary_set_int(size, <usize>p, size, <u64>val, layout != LAYOUT_LITTLE_ENDIAN);
  }
  return set_val;
}

// ---- the struct type ----

/** uctypes.struct(addr, descriptor[, layout]) (uctypes_struct_make_new). */
function uctypes_struct_make_new(type: usize, n_args: usize, n_kw: usize, args: usize): mp_obj_t {
  if (!mp_arg_check_num(n_args, n_kw, 2, 3, false)) return MP_OBJ_NULL;
  const addr = get_int_truncated(load<usize>(args));
  if (addr == MP_INT_ERROR) return MP_OBJ_NULL;
  let layout = LAYOUT_NATIVE;
  if (n_args == 3) {
    const l = mp_obj_get_int(load<usize>(args + 8));
    if (l == MP_INT_ERROR) return MP_OBJ_NULL;
    layout = <u32>l;
  }
  return struct_new(load<usize>(args + 4), <u32>addr, layout);
}

/** print slot: <struct STRUCT|PTR|ARRAY|unk|ERROR address-in-hex> (uctypes_struct_print). */
function uctypes_struct_print(print: usize, self: mp_obj_t, kind: u32): bool {
  const desc = s_desc(self);
  mp_print_str(print, "<struct ");
  if (mp_obj_is_dict_or_ordereddict(desc)) {
    mp_print_str(print, "STRUCT");
  } else if (mp_obj_is_type(desc, mp_type_tuple)) {
    let agg = STRUCT;
    if (load<usize>(desc + 4) > 0 && mp_obj_is_small_int(t_item(desc, 0))) {
      agg = get_type(MP_OBJ_SMALL_INT_VALUE(t_item(desc, 0)), AGG_TYPE_BITS);
    }
    if (agg == PTR) mp_print_str(print, "PTR");
    else if (agg == ARRAY) mp_print_str(print, "ARRAY");
    else mp_print_str(print, "unk");
  } else {
    mp_print_str(print, "ERROR");
  }
  mp_printf(print, " %p>", s_addr(self));
  return true;
}

/**
 * Loads (`set_val` MP_OBJ_NULL) or stores field `attr` (uctypes_struct_attr_op).
 * A load returns the value, a store `set_val`; MP_OBJ_NULL with an exception.
 */
function struct_attr_op(self: mp_obj_t, attr: qstr, set_val: mp_obj_t): mp_obj_t {
  const desc = s_desc(self);
  if (!mp_obj_is_dict_or_ordereddict(desc)) return mp_raise_TypeError("struct: no fields");
  const deref = mp_obj_dict_get(desc, MP_OBJ_NEW_QSTR(attr));
  if (deref == MP_OBJ_NULL) return MP_OBJ_NULL;
  if (mp_obj_is_small_int(deref)) {
    const f = MP_OBJ_SMALL_INT_VALUE(deref);
    const val_type = get_type(f, VAL_TYPE_BITS);
    if (is_bitfield(val_type)) return bitfield_op(self, val_type, f, set_val);
    const addr = <i64>s_addr(self) + <i64>(f & value_mask(VAL_TYPE_BITS));
    const value = set_val == MP_OBJ_NULL ? MP_OBJ_SENTINEL : set_val;
    return scalar_item(val_type, addr, 0, s_layout(self), value);
  }
  if (!mp_obj_is_type(deref, mp_type_tuple)) return syntax_error();
  // aggregates cannot be assigned to
  if (set_val != MP_OBJ_NULL) return syntax_error();
  const h = agg_header(deref, 2);
  if (h == MP_INT_ERROR) return MP_OBJ_NULL;
  const addr = s_addr(self) + <u32>(<i32>h & value_mask(AGG_TYPE_BITS));
  switch (get_type(<i32>h, AGG_TYPE_BITS)) {
    case STRUCT:
      return struct_new(t_item(deref, 1), addr, s_layout(self));
    case ARRAY: {
      const n_obj = t_item(deref, 1);
      if (
        load<usize>(deref + 4) == 2 &&
        mp_obj_is_small_int(n_obj) &&
        get_type(MP_OBJ_SMALL_INT_VALUE(n_obj), VAL_TYPE_BITS) == UINT8
      ) {
        // an array of UINT8 is a bytearray over the memory (not INT8: its range differs)
        max_field_size = 0;
        const size = agg_size(deref, s_layout(self), 0);
        if (size < 0) return MP_OBJ_NULL;
        if (!uctypes_check_range(<i64>addr, <u64>size)) return MP_OBJ_NULL;
        return mp_obj_new_bytearray_by_ref(<usize>size, addr);
      }
      return struct_new(deref, addr, s_layout(self));
    }
    case PTR:
      return struct_new(deref, addr, s_layout(self));
  }
  return syntax_error();
}

/** attr slot: field loads and stores (uctypes_struct_attr); fields cannot be deleted. */
function uctypes_struct_attr(self: mp_obj_t, attr: qstr, dest: usize): bool {
  if (load<usize>(dest) == MP_OBJ_NULL) {
    const v = struct_attr_op(self, attr, MP_OBJ_NULL);
    if (v == MP_OBJ_NULL) return false;
    store<usize>(dest, v);
    return true;
  }
  const val = load<usize>(dest + 4);
  if (val == MP_OBJ_NULL) return true; // delete: unsupported, the caller raises
  if (struct_attr_op(self, attr, val) == MP_OBJ_NULL) return false;
  store<usize>(dest, MP_OBJ_NULL);
  return true;
}

/** Reads the pointer a PTR struct's address holds; -1 with an exception pending. */
function load_ptr(self: mp_obj_t): i64 {
  const a = <i64>s_addr(self);
  if (!uctypes_check_range(a, PTR_SIZE)) return -1;
  return <i64>load<u32>(<usize>a);
}

/** Struct `index` of the structs described by `desc` laid out from `base`. */
function struct_item(desc: mp_obj_t, base: i64, index: i64, layout: u32): mp_obj_t {
  max_field_size = 0;
  const size = struct_size(desc, layout, 0);
  if (size < 0) return MP_OBJ_NULL;
  return struct_new(desc, <u32>(base + size * index), layout);
}

/**
 * subscr slot: items of ARRAY structs and what PTR structs point to
 * (uctypes_struct_subscr). Negative indices are not checked, as in
 * MicroPython (they address memory before the array).
 */
function uctypes_struct_subscr(self: mp_obj_t, index_in: mp_obj_t, value: mp_obj_t): mp_obj_t {
  if (value == MP_OBJ_NULL) return MP_OBJ_NOT_SUPPORTED; // delete
  const t = s_desc(self);
  if (!mp_obj_is_type(t, mp_type_tuple)) return mp_raise_TypeError("struct: can't index");
  const h = agg_header(t, 2);
  if (h == MP_INT_ERROR) return MP_OBJ_NULL;
  const index = mp_obj_get_int(index_in);
  if (index == MP_INT_ERROR) return MP_OBJ_NULL;
  const layout = s_layout(self);
  const agg = get_type(<i32>h, AGG_TYPE_BITS);
  const len = load<usize>(t + 4);
  if (agg == ARRAY) {
    const n_obj = t_item(t, 1);
    if (!mp_obj_is_small_int(n_obj)) return syntax_error();
    const n_val = MP_OBJ_SMALL_INT_VALUE(n_obj);
    const arr_sz = <i64>(n_val & value_mask(VAL_TYPE_BITS));
    if (index >= arr_sz) return mp_raise_msg(mp_type_IndexError, "struct: index out of range");
    if (len == 2) {
      // scalars
      const val_type = get_type(n_val, VAL_TYPE_BITS);
      return scalar_item(val_type, <i64>s_addr(self), index, layout, value);
    }
    if (value != MP_OBJ_SENTINEL) return MP_OBJ_NOT_SUPPORTED;
    if (len != 3) return syntax_error();
    return struct_item(t_item(t, 2), <i64>s_addr(self), index, layout);
  }
  if (agg == PTR) {
    const p = load_ptr(self);
    if (p < 0) return MP_OBJ_NULL;
    const target = t_item(t, 1);
    if (mp_obj_is_small_int(target)) {
      const val_type = get_type(MP_OBJ_SMALL_INT_VALUE(target), VAL_TYPE_BITS);
      // what a pointer points to is read in native layout, as in MicroPython
      return scalar_item(val_type, p, index, LAYOUT_NATIVE, value);
    }
    if (value != MP_OBJ_SENTINEL) return MP_OBJ_NOT_SUPPORTED;
    return struct_item(target, p, index, layout);
  }
  return mp_raise_TypeError("struct: can't index");
}

/** unary_op slot: int(ptr) is the address a PTR holds (uctypes_struct_unary_op). */
function uctypes_struct_unary_op(op: u32, self: mp_obj_t): mp_obj_t {
  if (op != 8 /* MP_UNARY_OP_INT_MAYBE */) return MP_OBJ_NOT_SUPPORTED;
  const t = s_desc(self);
  if (!mp_obj_is_type(t, mp_type_tuple) || load<usize>(t + 4) == 0) return MP_OBJ_NOT_SUPPORTED;
  const first = t_item(t, 0);
  if (!mp_obj_is_small_int(first)) return MP_OBJ_NOT_SUPPORTED;
  if (get_type(MP_OBJ_SMALL_INT_VALUE(first), AGG_TYPE_BITS) != PTR) return MP_OBJ_NOT_SUPPORTED;
  const p = load_ptr(self);
  if (p < 0) return MP_OBJ_NULL;
  return mp_obj_new_int_from_uint(<u32>p);
}

/**
 * buffer slot: the struct's bytes (uctypes_get_buffer). A bad descriptor
 * or a range outside memory gives no buffer (the exception is dropped; the
 * caller raises its own TypeError).
 */
function uctypes_struct_get_buffer(self: mp_obj_t, bufinfo: usize, flags: u32): i32 {
  const size = desc_size(s_desc(self), s_layout(self));
  if (size < 0) {
    mp_take_exception();
    return 1;
  }
  const end = (<u64>memory.size()) << 16;
  if (<u64>s_addr(self) + <u64>size > end) return 1;
  store<usize>(bufinfo, s_addr(self));
  store<usize>(bufinfo + 4, <usize>size);
  store<usize>(bufinfo + 8, BYTEARRAY_TYPECODE);
  return 0;
}

// ---- the functions ----

/** uctypes.addressof(obj): the address of an object's buffer (uctypes_struct_addressof). */
function uctypes_addressof(buf: mp_obj_t): mp_obj_t {
  const mark = mp_root_mark();
  const bi = mp_root_alloc(MP_BUFINFO_WORDS);
  if (bi == 0) return mp_raise_recursion_depth();
  const ok = mp_get_buffer_raise(buf, bi, MP_BUFFER_READ);
  const p = load<usize>(bi);
  mp_root_release(mark);
  if (!ok) return MP_OBJ_NULL;
  return mp_obj_new_int_from_uint(<u32>p);
}

/**
 * The (address, size) arguments of bytes_at/bytearray_at, truncated to 32
 * bits as on a board and checked against memory: the address, or -1 with
 * an exception pending; the size is left in `at_size`.
 */
let at_size: u32 = 0;
function at_args(ptr: mp_obj_t, size_in: mp_obj_t): i64 {
  const a = get_int_truncated(ptr);
  if (a == MP_INT_ERROR) return -1;
  const n = get_int_truncated(size_in);
  if (n == MP_INT_ERROR) return -1;
  at_size = <u32>n;
  if (!uctypes_check_range(<i64>(<u32>a), <u64>(<u32>n))) return -1;
  return <i64>(<u32>a);
}

/** uctypes.bytearray_at(addr, size): a bytearray over the memory, no copy (bytearray_at). */
function uctypes_bytearray_at(ptr: mp_obj_t, size: mp_obj_t): mp_obj_t {
  const a = at_args(ptr, size);
  if (a < 0) return MP_OBJ_NULL;
  return mp_obj_new_bytearray_by_ref(at_size, <usize>a);
}

/** uctypes.bytes_at(addr, size): a copy of the memory as bytes (uctypes_struct_bytes_at). */
function uctypes_bytes_at(ptr: mp_obj_t, size: mp_obj_t): mp_obj_t {
  const a = at_args(ptr, size);
  if (a < 0) return MP_OBJ_NULL;
  return mp_obj_new_bytes(<usize>a, at_size);
}

// ---- set-up ----

const uctypes_sizeof_obj: usize = memory.data(16, 16);
const uctypes_addressof_obj: usize = memory.data(16, 16);
const uctypes_bytes_at_obj: usize = memory.data(16, 16);
const uctypes_bytearray_at_obj: usize = memory.data(16, 16);
const uctypes_globals: usize = memory.data(16, 16);

function add_type(q: qstr, t: u32): void {
  mp_static_dict_add(uctypes_globals, q, type2smallint(t, VAL_TYPE_BITS));
}

/** Set-up of the uctypes module (run once by mp_init). */
export function moductypes_static_init(): void {
  mp_type_setup(mp_type_uctypes_struct, Q.MP_QSTR_struct, MP_TYPE_FLAG_NONE, 0);
  mp_type_set_make_new(mp_type_uctypes_struct, uctypes_struct_make_new);
  mp_type_set_print(mp_type_uctypes_struct, uctypes_struct_print);
  mp_type_set_attr(mp_type_uctypes_struct, uctypes_struct_attr);
  mp_type_set_subscr(mp_type_uctypes_struct, uctypes_struct_subscr);
  mp_type_set_unary_op(mp_type_uctypes_struct, uctypes_struct_unary_op);
  mp_type_set_buffer(mp_type_uctypes_struct, uctypes_struct_get_buffer);

  mp_fun_var_at(uctypes_sizeof_obj, 1, 2, uctypes_sizeof);
  mp_fun_1_at(uctypes_addressof_obj, uctypes_addressof);
  mp_fun_2_at(uctypes_bytes_at_obj, uctypes_bytes_at);
  mp_fun_2_at(uctypes_bytearray_at_obj, uctypes_bytearray_at);

  const d = uctypes_globals;
  mp_static_dict_at(d, 38);
  mp_static_dict_add(d, Q.MP_QSTR___name__, MP_OBJ_NEW_QSTR(Q.MP_QSTR_uctypes));
  mp_static_dict_add(d, Q.MP_QSTR_struct, mp_type_uctypes_struct);
  mp_static_dict_add(d, Q.MP_QSTR_sizeof, uctypes_sizeof_obj);
  mp_static_dict_add(d, Q.MP_QSTR_addressof, uctypes_addressof_obj);
  mp_static_dict_add(d, Q.MP_QSTR_bytes_at, uctypes_bytes_at_obj);
  mp_static_dict_add(d, Q.MP_QSTR_bytearray_at, uctypes_bytearray_at_obj);

  mp_static_dict_add(d, Q.MP_QSTR_NATIVE, MP_OBJ_NEW_SMALL_INT(<i32>LAYOUT_NATIVE));
  mp_static_dict_add(d, Q.MP_QSTR_LITTLE_ENDIAN, MP_OBJ_NEW_SMALL_INT(<i32>LAYOUT_LITTLE_ENDIAN));
  mp_static_dict_add(d, Q.MP_QSTR_BIG_ENDIAN, MP_OBJ_NEW_SMALL_INT(<i32>LAYOUT_BIG_ENDIAN));

  add_type(Q.MP_QSTR_VOID, UINT8);
  add_type(Q.MP_QSTR_UINT8, UINT8);
  add_type(Q.MP_QSTR_INT8, INT8);
  add_type(Q.MP_QSTR_UINT16, UINT16);
  add_type(Q.MP_QSTR_INT16, INT16);
  add_type(Q.MP_QSTR_UINT32, UINT32);
  add_type(Q.MP_QSTR_INT32, INT32);
  add_type(Q.MP_QSTR_UINT64, UINT64);
  add_type(Q.MP_QSTR_INT64, INT64);
  add_type(Q.MP_QSTR_BFUINT8, BFUINT8);
  add_type(Q.MP_QSTR_BFINT8, BFINT8);
  add_type(Q.MP_QSTR_BFUINT16, BFUINT16);
  add_type(Q.MP_QSTR_BFINT16, BFINT16);
  add_type(Q.MP_QSTR_BFUINT32, BFUINT32);
  add_type(Q.MP_QSTR_BFINT32, BFINT32);
  mp_static_dict_add(d, Q.MP_QSTR_BF_POS, MP_OBJ_NEW_SMALL_INT(OFFSET_BITS));
  mp_static_dict_add(d, Q.MP_QSTR_BF_LEN, MP_OBJ_NEW_SMALL_INT(LEN_BITS));
  add_type(Q.MP_QSTR_FLOAT32, FLOAT32);
  add_type(Q.MP_QSTR_FLOAT64, FLOAT64);

  // C type aliases of this ILP32 machine (MICROPY_PY_UCTYPES_NATIVE_C_TYPES)
  add_type(Q.MP_QSTR_SHORT, INT16);
  add_type(Q.MP_QSTR_USHORT, UINT16);
  add_type(Q.MP_QSTR_INT, INT32);
  add_type(Q.MP_QSTR_UINT, UINT32);
  add_type(Q.MP_QSTR_LONG, INT32);
  add_type(Q.MP_QSTR_ULONG, UINT32);
  add_type(Q.MP_QSTR_LONGLONG, INT64);
  add_type(Q.MP_QSTR_ULONGLONG, UINT64);

  mp_static_dict_add(d, Q.MP_QSTR_PTR, type2smallint(PTR, AGG_TYPE_BITS));
  mp_static_dict_add(d, Q.MP_QSTR_ARRAY, type2smallint(ARRAY, AGG_TYPE_BITS));
  mp_module_static_at(mp_module_uctypes, d);
}
