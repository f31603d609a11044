// .mpy files: loading and saving compiled modules, per MicroPython's .mpy v6
// format (py/persistentcode.c; docs/reference/mpyfiles.rst).
//
//   header   'M', 6 (MPY_VERSION), feature byte (arch << 2 | sub-version,
//            0x40 = arch flags follow), small-int bits (31 here, as 32-bit ports)
//   [arch flags]                     var-uint, only with feature bit 0x40
//   n_qstr, n_obj                    var-uints
//   n_qstr qstrs                     var-uint (idx << 1 | 1) for MicroPython's
//                                    static qstrs (<= QSTR_LAST_STATIC), else
//                                    (len << 1) then len bytes and a NUL
//   n_obj constant objects           type byte (MP_PERSISTENT_OBJ_*), then for
//                                    str/bytes: len, bytes, NUL; int/float/
//                                    complex: len, repr text; tuple: n, items
//   the module's raw code            var-uint (fun_data_len << 3 | has_children
//                                    << 2 | kind - MP_CODE_BYTECODE), fun_data
//                                    (prelude + opcodes), [n_children, children]
//
// Loading never trusts the file: every read is bounded by the buffer, sizes
// are checked before allocating, nesting is bounded, and each function's
// bytecode passes mp_bytecode_verify before it can run. A short, corrupted
// or foreign file raises ValueError("incompatible .mpy file") (MicroPython
// raises the same for empty, short and bad-version files); native code gives
// "native code in .mpy unsupported" or "incompatible .mpy arch" as
// MicroPython's ports without a native emitter do.
//
// Execute in place (MicroPython's MICROPY_VFS_ROM paths): a .mpy file that
// the VFS maps from a ROMFS image outside the GC heap (extmod/vfs_reader.ts
// mp_vfs_map_file) is not copied. The functions' bytecode, the bytes of its
// qstrs (qstr_from_strn_static) and of its str/bytes constants (str objects
// whose data point into the image) stay in ROM; only the raw code
// structures, the tables and the small objects go on the heap. The checks
// and the bytecode verifier run all the same: the image is user data.

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_OBJ_NEW_QSTR,
  mp_obj_is_type,
  mp_const_none,
  mp_const_false,
  mp_const_true,
  mp_obj_print_helper,
  PRINT_REPR,
} from "./obj";
import { gc_alloc } from "./gc";
import {
  qstr,
  qstr_from_strn,
  qstr_from_strn_static,
  qstr_find_strn,
  qstr_compute_hash,
  qstr_str,
  qstr_len,
} from "./qstr";
import { QSTR_LAST_STATIC } from "./genhdr";
import { mp_root_mark, mp_root_push, mp_root_release, mp_root_alloc } from "./rootstack";
import { mp_raise_msg, mp_type_ValueError } from "./objexcept";
import { mp_raise_memory_error, mp_raise_recursion_depth } from "./runtime";
import {
  mp_type_str,
  mp_type_bytes,
  mp_const_empty_bytes,
  mp_obj_new_str_of_type,
  mp_obj_new_bytes,
  mp_obj_is_str,
  mp_obj_is_str_or_bytes,
  mp_obj_str_get_data_ptr,
  mp_obj_str_get_len,
} from "./objstr";
import { mp_type_tuple, mp_obj_new_tuple } from "./objtuple";
import { mp_obj_is_int } from "./objint";
import { mp_type_complex } from "./objcomplex";
import { mp_const_ellipsis } from "./objsingleton";
import { mp_parse_num_integer, mp_parse_num_float } from "./parsenum";
import { utf8_check } from "./unicode";
import {
  MP_CODE_BYTECODE,
  mp_emit_glue_new_raw_code,
  mp_emit_glue_assign_bytecode,
  mp_module_context_alloc_tables,
  mp_raw_code_kind,
  mp_raw_code_fun_data,
  mp_raw_code_fun_data_len,
  mp_raw_code_n_children,
  mp_raw_code_child,
  mp_context_qstr_table,
  mp_context_obj_table,
} from "./emitglue";
import { mp_bc_prelude_sig_decode, bc_scope_flags } from "./bc";
import { mp_bytecode_verify, mp_bytecode_verify_oom } from "./bcverify";
import { CM_context, CM_rc, CM_has_native, CM_n_qstr, CM_n_obj } from "./compile";
import { vstr_add_byte, vstr_add_strn, vstr_init_print, vstr_str, vstr_len, VSTR_SIZE_WORDS } from "./vstr";
import { MPY_VERSION, MPY_SUB_VERSION, MPY_FEATURE_ARCH } from "./modsys";
import { mp_vfs_map_file, mp_vfs_file_mapped } from "./extmod/vfs_reader";

/** Bits of a small int, written in the header (MP_SMALL_INT_BITS of 32-bit ports). */
@inline export const MP_SMALL_INT_BITS: u32 = 31;

// MP_PERSISTENT_OBJ_* type bytes of the constant table
@inline const OBJ_FUN_TABLE: u32 = 0;
@inline const OBJ_NONE: u32 = 1;
@inline const OBJ_FALSE: u32 = 2;
@inline const OBJ_TRUE: u32 = 3;
@inline const OBJ_ELLIPSIS: u32 = 4;
@inline const OBJ_STR: u32 = 5;
@inline const OBJ_BYTES: u32 = 6;
@inline const OBJ_INT: u32 = 7;
@inline const OBJ_FLOAT: u32 = 8;
@inline const OBJ_COMPLEX: u32 = 9;
@inline const OBJ_TUPLE: u32 = 10;

/** The header's feature byte flag: arch flags follow (MPY_FEATURE_ARCH_FLAGS). */
@inline const MPY_FEATURE_ARCH_FLAGS: u32 = 0x40;

/** Nesting limit of constant tuples and of functions in a loaded file. */
@inline const MAX_NESTING: u32 = 64;

// ---- reading (the file is a byte buffer in memory) ----
//
// Loading runs no Python code, so these globals cannot be re-entered. The
// buffer itself is a GC block the caller keeps rooted.
let rd_pos: usize = 0;
let rd_top: usize = 0;
let rd_bad: bool = false;
// the buffer is memory-mapped ROM outside the GC heap: refer to it in place
let rd_rom: bool = false;

// Bytes left to read.
@inline function rd_left(): usize {
  return rd_top - rd_pos;
}

// The next byte, or 0 (with rd_bad set) past the end of the buffer.
function read_byte(): u32 {
  if (rd_pos >= rd_top) {
    rd_bad = true;
    return 0;
  }
  return <u32>load<u8>(rd_pos++);
}

// A var-uint (7 bits per byte, high bit = more follows); rd_bad if it is cut
// short or does not fit 32 bits.
function read_uint(): usize {
  let v: usize = 0;
  for (let i = 0; ; i++) {
    const b = read_byte();
    if (i == 4 && (v >> 25) != 0) rd_bad = true;
    v = (v << 7) | (b & 0x7f);
    if ((b & 0x80) == 0 || rd_bad) break;
  }
  return v;
}

// Claims `n` bytes of the buffer: their address, or 0 (rd_bad) if fewer are left.
function read_span(n: usize): usize {
  if (n > rd_left()) {
    rd_bad = true;
    return 0;
  }
  const p = rd_pos;
  rd_pos += n;
  return p;
}

function incompatible(): usize {
  mp_raise_msg(mp_type_ValueError, "incompatible .mpy file");
  return 0;
}

// A qstr of the qstr table (load_qstr); 0 with the exception pending.
function load_qstr(): qstr {
  const n = read_uint();
  if (rd_bad) return <qstr>incompatible();
  if ((n & 1) != 0) {
    const q = n >> 1;
    if (q == 0 || q > QSTR_LAST_STATIC) return <qstr>incompatible();
    return q;
  }
  const len = n >> 1;
  const p = read_span(len + 1);
  if (rd_bad || load<u8>(p + len) != 0 || !utf8_check(p, len)) return <qstr>incompatible();
  const q = rd_rom ? qstr_from_strn_static(p, len) : qstr_from_strn(p, len);
  if (q == 0) mp_raise_memory_error(len);
  return q;
}

// A constant object of the obj table (load_obj); MP_OBJ_NULL with the
// exception pending.
function load_obj(depth: u32): mp_obj_t {
  const t = read_byte();
  if (rd_bad) return incompatible();
  if (t == OBJ_NONE) return mp_const_none;
  if (t == OBJ_FALSE) return mp_const_false;
  if (t == OBJ_TRUE) return mp_const_true;
  if (t == OBJ_ELLIPSIS) return mp_const_ellipsis;
  if (t == OBJ_FUN_TABLE || t > OBJ_TUPLE) return incompatible(); // native code only
  const len = read_uint();
  if (rd_bad) return incompatible();
  if (t == OBJ_TUPLE) {
    // each item takes at least one byte
    if (len > rd_left() || depth >= MAX_NESTING) return incompatible();
    const tuple = mp_obj_new_tuple(len, 0);
    if (tuple == MP_OBJ_NULL) return MP_OBJ_NULL;
    const mark = mp_root_mark();
    mp_root_push(tuple);
    for (let i: usize = 0; i < len; i++) {
      const item = load_obj(depth + 1);
      if (item == MP_OBJ_NULL) {
        mp_root_release(mark);
        return MP_OBJ_NULL;
      }
      store<usize>(tuple + 8 + (i << 2), item);
    }
    mp_root_release(mark);
    return tuple;
  }
  if (t == OBJ_STR || t == OBJ_BYTES) {
    const p = read_span(len + 1);
    if (rd_bad || load<u8>(p + len) != 0) return incompatible();
    if (t == OBJ_BYTES && len == 0) return mp_const_empty_bytes;
    if (t == OBJ_STR && !utf8_check(p, len)) return incompatible();
    if (rd_rom) return new_str_static(t == OBJ_STR ? mp_type_str : mp_type_bytes, p, len);
    if (t == OBJ_BYTES) return mp_obj_new_bytes(p, len);
    return mp_obj_new_str_of_type(mp_type_str, p, len);
  }
  const p = read_span(len);
  if (rd_bad) return incompatible();
  if (t == OBJ_INT) return mp_parse_num_integer(p, len, 10, 0);
  return mp_parse_num_float(p, len, t == OBJ_COMPLEX, false, 0);
}

// A str or bytes object whose `len` bytes (NUL-terminated) stay in ROM at
// `p` (mp_obj_new_str_static); a str that is already a qstr is that qstr.
function new_str_static(type: usize, p: usize, len: usize): mp_obj_t {
  if (type == mp_type_str) {
    const q = qstr_find_strn(p, len);
    if (q != 0) return MP_OBJ_NEW_QSTR(q);
  }
  const o = gc_alloc(16, 0);
  if (o == 0) return mp_raise_memory_error(16);
  store<usize>(o, type);
  store<u32>(o + 4, qstr_compute_hash(p, len));
  store<usize>(o + 8, len);
  store<usize>(o + 12, p);
  return o;
}

// One raw code and its children (load_raw_code); 0 with the exception pending.
function load_raw_code(ctx: usize, n_qstr: usize, n_obj: usize, depth: u32): usize {
  const kind_len = read_uint();
  if (rd_bad) return incompatible();
  // MicroPython without native emitters loads bytecode only
  if ((kind_len & 3) + MP_CODE_BYTECODE != MP_CODE_BYTECODE) return incompatible();
  const has_children = (kind_len & 4) != 0;
  const fun_data_len = kind_len >> 3;
  const src = read_span(fun_data_len);
  if (rd_bad || fun_data_len == 0 || depth >= MAX_NESTING) return incompatible();

  const mark = mp_root_mark();
  let fun_data = src;
  if (!rd_rom) {
    fun_data = gc_alloc(fun_data_len, 0);
    if (fun_data == 0) {
      mp_root_release(mark);
      return mp_raise_memory_error(fun_data_len);
    }
    mp_root_push(fun_data);
    memory.copy(fun_data, src, fun_data_len);
  }

  let n_children: usize = 0;
  let children: usize = 0;
  if (has_children) {
    n_children = read_uint();
    // each child takes at least two bytes
    if (rd_bad || n_children == 0 || n_children > rd_left() / 2) {
      mp_root_release(mark);
      return incompatible();
    }
    children = gc_alloc(n_children << 2, 0);
    if (children == 0) {
      mp_root_release(mark);
      return mp_raise_memory_error(n_children << 2);
    }
    mp_root_push(children);
    for (let i: usize = 0; i < n_children; i++) {
      const child = load_raw_code(ctx, n_qstr, n_obj, depth + 1);
      if (child == 0) {
        mp_root_release(mark);
        return 0;
      }
      store<usize>(children + (i << 2), child);
    }
  }

  if (!mp_bytecode_verify(fun_data, fun_data_len, mp_context_qstr_table(ctx), n_qstr, n_obj, n_children)) {
    mp_root_release(mark);
    if (mp_bytecode_verify_oom) return mp_raise_memory_error(fun_data_len);
    return incompatible();
  }

  const rc = mp_emit_glue_new_raw_code();
  if (rc == 0) {
    mp_root_release(mark);
    return 0;
  }
  mp_bc_prelude_sig_decode(fun_data);
  mp_emit_glue_assign_bytecode(rc, fun_data, children, fun_data_len, n_children, bc_scope_flags);
  mp_root_release(mark);
  return rc;
}

/**
 * Loads the .mpy image of `len` bytes at `buf` (a GC block the caller keeps
 * rooted, or static data) into the compiled module `cm` (mp_compiled_module_t,
 * rooted; its context must be allocated): fills the context's qstr and obj
 * tables and stores the module's raw code at CM_rc. As mp_raw_code_load.
 * Returns false with the exception pending: ValueError "incompatible .mpy
 * file" (wrong magic, version or small-int size; truncated or corrupted
 * data; bytecode that fails verification), "native code in .mpy
 * unsupported" (a native architecture), MemoryError.
 */
export function mp_raw_code_load_mem(buf: usize, len: usize, cm: usize): bool {
  return raw_code_load(buf, len, cm, false);
}

// mp_raw_code_load_mem; `rom`: the buffer is ROM outside the heap, run in place.
function raw_code_load(buf: usize, len: usize, cm: usize, rom: bool): bool {
  rd_pos = buf;
  rd_top = buf + len;
  rd_bad = false;
  rd_rom = rom;
  const m0 = read_byte();
  const ver = read_byte();
  const feat = read_byte();
  const bits = read_byte();
  if (rd_bad || m0 != 77 || ver != <u32>MPY_VERSION || bits > MP_SMALL_INT_BITS) {
    incompatible();
    return false;
  }
  const arch = (feat >> 2) & 0x2f;
  if (arch != 0) {
    if ((feat & 3) != <u32>MPY_SUB_VERSION) {
      incompatible();
      return false;
    }
    // as MicroPython's ports without a native emitter (MPY_FEATURE_ARCH none)
    if (arch != <u32>MPY_FEATURE_ARCH) {
      mp_raise_msg(mp_type_ValueError, "native code in .mpy unsupported");
      return false;
    }
  }
  if ((feat & MPY_FEATURE_ARCH_FLAGS) != 0) {
    incompatible(); // arch flags are for RISC-V extensions only
    return false;
  }
  const n_qstr = read_uint();
  const n_obj = read_uint();
  // each qstr and each object takes at least one byte
  if (rd_bad || n_qstr > rd_left() || n_obj > rd_left() - n_qstr) {
    incompatible();
    return false;
  }
  const ctx = load<usize>(cm + CM_context);
  if (!mp_module_context_alloc_tables(ctx, n_qstr, n_obj)) return false;
  const qt = mp_context_qstr_table(ctx);
  for (let i: usize = 0; i < n_qstr; i++) {
    const q = load_qstr();
    if (q == 0) return false;
    store<u16>(qt + (i << 1), <u16>q);
  }
  const ot = mp_context_obj_table(ctx);
  for (let i: usize = 0; i < n_obj; i++) {
    const o = load_obj(0);
    if (o == MP_OBJ_NULL) return false;
    store<usize>(ot + (i << 2), o);
  }
  const rc = load_raw_code(ctx, n_qstr, n_obj, 0);
  if (rc == 0) return false;
  if (rd_pos != rd_top) {
    // trailing bytes: not something mpy-cross writes
    incompatible();
    return false;
  }
  store<usize>(cm + CM_rc, rc);
  store<u32>(cm + CM_has_native, 0);
  store<usize>(cm + CM_n_qstr, n_qstr);
  store<usize>(cm + CM_n_obj, n_obj);
  return true;
}

// ---- saving ----

// Appends var-uint `n` to vstr `v` (mp_print_uint).
function save_uint(v: usize, n: usize): void {
  const tmp = save_uint_buf;
  let p = tmp + 8;
  store<u8>(--p, <u8>(n & 0x7f));
  n >>= 7;
  for (; n != 0; n >>= 7) store<u8>(--p, <u8>(0x80 | (n & 0x7f)));
  vstr_add_strn(v, p, tmp + 8 - p);
}
const save_uint_buf: usize = memory.data(8, 4);

function save_qstr(v: usize, q: qstr): void {
  if (q <= QSTR_LAST_STATIC) {
    save_uint(v, (q << 1) | 1);
    return;
  }
  const len = qstr_len(q);
  save_uint(v, len << 1);
  vstr_add_strn(v, qstr_str(q), len);
  vstr_add_byte(v, 0);
}

// Appends constant `o` (save_obj); false with the exception pending.
function save_obj(v: usize, o: mp_obj_t): bool {
  if (mp_obj_is_str_or_bytes(o)) {
    vstr_add_byte(v, mp_obj_is_str(o) ? OBJ_STR : OBJ_BYTES);
    const len = mp_obj_str_get_len(o);
    save_uint(v, len);
    vstr_add_strn(v, mp_obj_str_get_data_ptr(o), len);
    vstr_add_byte(v, 0);
    return true;
  }
  if (o == mp_const_none) {
    vstr_add_byte(v, OBJ_NONE);
    return true;
  }
  if (o == mp_const_false) {
    vstr_add_byte(v, OBJ_FALSE);
    return true;
  }
  if (o == mp_const_true) {
    vstr_add_byte(v, OBJ_TRUE);
    return true;
  }
  if (o == mp_const_ellipsis) {
    vstr_add_byte(v, OBJ_ELLIPSIS);
    return true;
  }
  if (mp_obj_is_type(o, mp_type_tuple)) {
    const n = load<usize>(o + 4);
    vstr_add_byte(v, OBJ_TUPLE);
    save_uint(v, n);
    for (let i: usize = 0; i < n; i++) {
      if (!save_obj(v, load<usize>(o + 8 + (i << 2)))) return false;
    }
    return true;
  }
  // numbers are saved as their repr text
  const t: u32 = mp_obj_is_int(o) ? OBJ_INT : mp_obj_is_type(o, mp_type_complex) ? OBJ_COMPLEX : OBJ_FLOAT;
  const mark = mp_root_mark();
  const tv = mp_root_alloc(VSTR_SIZE_WORDS + 2);
  if (tv == 0) {
    mp_raise_recursion_depth();
    return false;
  }
  const pr = tv + (VSTR_SIZE_WORDS << 2);
  if (!vstr_init_print(tv, 16, pr) || !mp_obj_print_helper(pr, o, PRINT_REPR)) {
    mp_root_release(mark);
    return false;
  }
  vstr_add_byte(v, t);
  save_uint(v, vstr_len(tv));
  vstr_add_strn(v, vstr_str(tv), vstr_len(tv));
  mp_root_release(mark);
  return true;
}

function save_raw_code(v: usize, rc: usize): void {
  const len = mp_raw_code_fun_data_len(rc);
  const n_children = mp_raw_code_n_children(rc);
  save_uint(v, (len << 3) | (n_children != 0 ? 4 : 0) | (mp_raw_code_kind(rc) - MP_CODE_BYTECODE));
  vstr_add_strn(v, mp_raw_code_fun_data(rc), len);
  if (n_children != 0) {
    save_uint(v, n_children);
    for (let i: usize = 0; i < n_children; i++) save_raw_code(v, mp_raw_code_child(rc, i));
  }
}

/**
 * Appends the .mpy image of compiled module `cm` (filled by
 * mp_compile_to_raw_code_cm or mp_raw_code_load_mem) to vstr `v` (rooted).
 * As mp_raw_code_save. Returns false with the exception pending (MemoryError
 * while printing a number); a vstr allocation failure shows in the vstr.
 */
export function mp_raw_code_save(cm: usize, v: usize): bool {
  vstr_add_byte(v, 77);
  vstr_add_byte(v, <u32>MPY_VERSION);
  vstr_add_byte(v, 0); // bytecode only: no arch, no sub-version
  vstr_add_byte(v, MP_SMALL_INT_BITS);
  const n_qstr = load<usize>(cm + CM_n_qstr);
  const n_obj = load<usize>(cm + CM_n_obj);
  save_uint(v, n_qstr);
  save_uint(v, n_obj);
  const ctx = load<usize>(cm + CM_context);
  const qt = mp_context_qstr_table(ctx);
  for (let i: usize = 0; i < n_qstr; i++) save_qstr(v, <usize>load<u16>(qt + (i << 1)));
  const ot = mp_context_obj_table(ctx);
  for (let i: usize = 0; i < n_obj; i++) {
    if (!save_obj(v, load<usize>(ot + (i << 2)))) return false;
  }
  save_raw_code(v, load<usize>(cm + CM_rc));
  return true;
}

/**
 * Loads the .mpy file named by qstr `filename` (read whole through the VFS,
 * as mp_raw_code_load_file) into compiled module `cm` (see
 * mp_raw_code_load_mem); a file of a ROMFS outside the heap is executed in
 * place (see above). False with the exception pending: OSError from the
 * filesystem, or as mp_raw_code_load_mem.
 */
export function mp_raw_code_load_file(filename: qstr, cm: usize): bool {
  const mark = mp_root_mark();
  const slot = mp_root_alloc(1);
  if (slot == 0) {
    mp_raise_recursion_depth();
    return false;
  }
  const n = mp_vfs_map_file(qstr_str(filename), qstr_len(filename), slot);
  const ok = n >= 0 && raw_code_load(load<usize>(slot), <usize>n, cm, mp_vfs_file_mapped);
  mp_root_release(mark);
  return ok;
}
