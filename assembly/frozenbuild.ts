// The firmware builder's half in the core: lays out frozen modules as the
// ROM of a firmware image (frozenmod.ts gives the layout), as MicroPython's
// tools/mpy-tool.py --freeze turns .mpy files into C data. Only this core
// knows its object layouts, so the host (host/freeze/firmware.ts) hands it
// the modules and gets back the ROM bytes, with every pointer already
// relocated to the address the ROM will have in the image.
//
//   mp_freeze_begin(rom_base)             start a build for a ROM at rom_base
//   mp_freeze_add(path, kind, data)       a frozen source text or a .mpy file
//   mp_freeze_end()                       lay out; [u32 length][ROM bytes]
//
// A .mpy is loaded (and its bytecode verified) as an import would, then its
// qstrs move to the frozen qstr pool (ids from QSTR_STATIC_COUNT on, in the
// order first met), its constant objects become ROM objects (str and bytes
// with their hash computed, long ints with fixed digits, floats, complex,
// tuples), and its raw codes ROM raw codes; functions without children are
// represented by their bytecode alone (mp_proto_fun_is_bytecode).

import { mp_obj_t, MP_OBJ_NULL, mp_obj_is_obj, mp_obj_is_qstr, MP_OBJ_QSTR_VALUE, MP_OBJ_NEW_QSTR } from "./obj";
import { mp_obj_is_small_int, MP_OBJ_NEW_SMALL_INT, MP_OBJ_SMALL_INT_VALUE } from "./obj";
import { gc_alloc, gc_is_heap_ptr } from "./gc";
import { mp_state_get, mp_state_set, MPS_freeze_list, MPS_host_buffer } from "./mpstate";
import { mp_root_mark, mp_root_push, mp_root_release, mp_root_alloc } from "./rootstack";
import { qstr, qstr_total, qstr_str, qstr_len, qstr_hash, qstr_compute_hash, bytes_cmp } from "./qstr";
import { QSTR_STATIC_COUNT } from "./genhdr";
import { vstr_new_root, vstr_len, vstr_str, vstr_add_strn, vstr_add_fill, vstr_had_error } from "./vstr";
import { mp_obj_new_list, mp_obj_list_append, mp_obj_list_len, mp_obj_list_items } from "./objlist";
import { mp_obj_new_tuple } from "./objtuple";
import { mp_obj_new_bytes, mp_type_str, mp_type_bytes } from "./objstr";
import { mp_type_tuple } from "./objtuple";
import { mp_type_int } from "./objint";
import { mp_type_float } from "./objfloat";
import { mp_type_complex } from "./objcomplex";
import { mp_type_module } from "./objmodule";
import { mp_raise_msg, mp_type_ValueError } from "./objexcept";
import { mp_raise_memory_error } from "./runtime";
import { pyexec_handle_uncaught_exception } from "./pyexec";
import { mp_host_buffer } from "./main";
import { mp_raw_code_load_mem } from "./persistentcode";
import { MP_COMPILED_MODULE_SIZE, CM_context, CM_rc, CM_n_qstr, CM_n_obj } from "./compile";
import {
  mp_module_context_new,
  mp_context_qstr_table,
  mp_context_obj_table,
  RC_kind,
  RC_is_generator,
  RC_fun_data,
  RC_children,
  RC_fun_data_len,
  RC_n_children,
  MP_RAW_CODE_SIZE,
  mp_raw_code_fun_data,
  mp_raw_code_fun_data_len,
  mp_raw_code_n_children,
  mp_raw_code_child,
} from "./emitglue";
import {
  MP_FROZEN_STR,
  MP_FROZEN_MPY,
  ROM_MAGIC,
  ROM_VERSION,
  ROM_HEADER_SIZE,
  ROM_total,
  ROM_qstr_pool,
  ROM_modules,
  ROM_n_modules,
  MOD_ENTRY_SIZE,
  MP_FROZEN_MODULE_SIZE,
} from "./frozenmod";

// Record of one frozen file in MPS_freeze_list: a tuple (path bytes, kind, payload)
// with payload the source bytes (MP_FROZEN_STR) or an mp_compiled_module_t block.

let rom_base: usize = 0;
let out: usize = 0; // the vstr the ROM is built in (root stack, mp_freeze_end only)
let qmap: usize = 0; // u16 per builder qstr id: its frozen id, 0 if not assigned yet
let qlist: usize = 0; // u32 builder qstr ids in frozen-id order
let qcount: usize = 0;
let failed: bool = false;

/**
 * Host export: starts a ROM build for a ROM that will sit at `base` in the
 * image (mp_rom_default_base of this core). Returns 0, or 1 after printing
 * MemoryError.
 */
export function mp_freeze_begin(base: usize): i32 {
  rom_base = base;
  const list = mp_obj_new_list(0, 0);
  if (list == MP_OBJ_NULL) return pyexec_handle_uncaught_exception();
  mp_state_set(MPS_freeze_list, list);
  return 0;
}

/**
 * Host export: adds the frozen file whose path (relative to ".frozen/", e.g.
 * "pkg/mod.py") is the `path_len` bytes at `path` (mp_host_name) and whose
 * content is the `len` bytes at `data` (mp_host_buffer): source text for
 * `kind` MP_FROZEN_STR (1), a .mpy file for MP_FROZEN_MPY (2), which is
 * loaded and verified now. Returns 0, or 1 after printing the exception
 * (ValueError "incompatible .mpy file", SyntaxError is not checked for source).
 */
export function mp_freeze_add(path: usize, path_len: usize, kind: u32, data: usize, len: usize): i32 {
  const list = mp_state_get(MPS_freeze_list);
  if (list == 0) {
    mp_raise_msg(mp_type_ValueError, "no freeze in progress");
    return pyexec_handle_uncaught_exception();
  }
  const mark = mp_root_mark();
  const items = mp_root_alloc(3);
  if (items == 0) return pyexec_handle_uncaught_exception();
  const p = mp_obj_new_bytes(path, path_len);
  if (p == MP_OBJ_NULL) return fail(mark);
  store<usize>(items, p);
  store<usize>(items + 4, MP_OBJ_NEW_SMALL_INT(<i32>kind));
  if (kind == MP_FROZEN_STR) {
    const s = mp_obj_new_bytes(data, len);
    if (s == MP_OBJ_NULL) return fail(mark);
    store<usize>(items + 8, s);
  } else if (kind == MP_FROZEN_MPY) {
    const cm = gc_alloc(MP_COMPILED_MODULE_SIZE, 0);
    if (cm == 0) {
      mp_raise_memory_error(MP_COMPILED_MODULE_SIZE);
      return fail(mark);
    }
    store<usize>(items + 8, cm);
    const ctx = mp_module_context_new(mp_type_module, 0, 0);
    if (ctx == 0) return fail(mark);
    store<usize>(cm + CM_context, ctx);
    if (!mp_raw_code_load_mem(data, len, cm)) return fail(mark);
  } else {
    mp_raise_msg(mp_type_ValueError, "bad frozen kind");
    return fail(mark);
  }
  const t = mp_obj_new_tuple(3, items);
  if (t == MP_OBJ_NULL || mp_obj_list_append(list, t) == MP_OBJ_NULL) return fail(mark);
  mp_root_release(mark);
  return 0;
}

function fail(mark: usize): i32 {
  mp_root_release(mark);
  return pyexec_handle_uncaught_exception();
}

// ---- the output buffer: offsets, and ROM addresses = rom_base + offset ----

@inline function pos(): usize {
  return vstr_len(out);
}

function align(n: usize): void {
  const pad = (n - (vstr_len(out) & (n - 1))) & (n - 1);
  if (pad != 0) vstr_add_fill(out, 0, pad);
}

function put_u32(v: u32): void {
  const scratch = memory.data(8, 8);
  store<u32>(scratch, v);
  vstr_add_strn(out, scratch, 4);
}

function put_u16(v: u32): void {
  const scratch = memory.data(8, 8);
  store<u16>(scratch, <u16>v);
  vstr_add_strn(out, scratch, 2);
}

function put_f64(v: f64): void {
  const scratch = memory.data(8, 8);
  store<f64>(scratch, v);
  vstr_add_strn(out, scratch, 8);
}

@inline function patch_u32(off: usize, v: u32): void {
  store<u32>(vstr_str(out) + off, v);
}

@inline function addr(off: usize): usize {
  return rom_base + off;
}

// Bytes plus a NUL; returns their ROM address.
function put_cstr(p: usize, n: usize): usize {
  const at = pos();
  vstr_add_strn(out, p, n);
  vstr_add_fill(out, 0, 1);
  return addr(at);
}

// ---- qstrs ----

// The frozen id of builder qstr `q` (static qstrs keep theirs), assigning one.
function map_qstr(q: qstr): qstr {
  if (q < QSTR_STATIC_COUNT) return q;
  const f = <usize>load<u16>(qmap + (q << 1));
  if (f != 0) return f;
  const id = QSTR_STATIC_COUNT + qcount;
  store<u32>(qlist + (qcount << 2), <u32>q);
  qcount++;
  store<u16>(qmap + (q << 1), <u16>id);
  return id;
}

// Assigns frozen ids to the qstrs among the constant `o` (tuples nest).
function collect_obj_qstrs(o: mp_obj_t): void {
  if (mp_obj_is_qstr(o)) {
    map_qstr(MP_OBJ_QSTR_VALUE(o));
  } else if (mp_obj_is_obj(o) && gc_is_heap_ptr(o) && load<usize>(o) == mp_type_tuple) {
    const n = load<usize>(o + 4);
    for (let i: usize = 0; i < n; i++) collect_obj_qstrs(load<usize>(o + 8 + (i << 2)));
  }
}

// Renumbers the collected qstrs in byte order of their text (shell sort), so
// that qstr_find_strn can binary-search the frozen pool.
function sort_qstrs(): void {
  let gap = qcount >> 1;
  while (gap > 0) {
    for (let i = gap; i < qcount; i++) {
      const q = <usize>load<u32>(qlist + (i << 2));
      let j = i;
      while (j >= gap) {
        const p = <usize>load<u32>(qlist + ((j - gap) << 2));
        if (bytes_cmp(qstr_str(p), qstr_len(p), qstr_str(q), qstr_len(q)) <= 0) break;
        store<u32>(qlist + (j << 2), <u32>p);
        j -= gap;
      }
      store<u32>(qlist + (j << 2), <u32>q);
    }
    gap >>= 1;
  }
  for (let i: usize = 0; i < qcount; i++) {
    store<u16>(qmap + (<usize>load<u32>(qlist + (i << 2)) << 1), <u16>(QSTR_STATIC_COUNT + i));
  }
}

// The frozen qstr pool (qstr.ts layout, entries in byte order): the strings,
// then the pool; its ROM address.
function put_qstr_pool(): usize {
  if (qcount == 0) return 0;
  const mark = mp_root_mark();
  const strs = gc_alloc(qcount << 2, 0);
  if (strs == 0) {
    failed = true;
    return 0;
  }
  mp_root_push(strs);
  for (let i: usize = 0; i < qcount; i++) {
    const q = <usize>load<u32>(qlist + (i << 2));
    store<usize>(strs + (i << 2), put_cstr(qstr_str(q), qstr_len(q)));
  }
  align(8);
  const at = pos();
  put_u32(0); // prev: the static pool
  put_u32(<u32>QSTR_STATIC_COUNT);
  put_u32(<u32>qcount); // alloc
  put_u32(<u32>qcount); // len
  for (let i: usize = 0; i < qcount; i++) put_u32(<u32>load<usize>(strs + (i << 2)));
  for (let i: usize = 0; i < qcount; i++) put_u16(qstr_hash(<usize>load<u32>(qlist + (i << 2))));
  for (let i: usize = 0; i < qcount; i++) {
    vstr_add_fill(out, <u32>qstr_len(<usize>load<u32>(qlist + (i << 2))), 1);
  }
  mp_root_release(mark);
  return addr(at);
}

// ---- constant objects ----

// The ROM copy of constant `o` (MP_OBJ_NULL with ValueError pending for an
// object that cannot be frozen). Immediates and static objects stay as they are.
function put_obj(o: mp_obj_t): mp_obj_t {
  if (mp_obj_is_qstr(o)) return MP_OBJ_NEW_QSTR(map_qstr(MP_OBJ_QSTR_VALUE(o)));
  if (!mp_obj_is_obj(o) || !gc_is_heap_ptr(o)) return o;
  const type = load<usize>(o);
  if (type == mp_type_str || type == mp_type_bytes) {
    const len = load<usize>(o + 8);
    const data = put_cstr(load<usize>(o + 12), len);
    align(8);
    const at = pos();
    put_u32(<u32>type);
    put_u32(qstr_compute_hash(load<usize>(o + 12), len));
    put_u32(<u32>len);
    put_u32(<u32>data);
    return addr(at);
  }
  if (type == mp_type_int) {
    // mpz_t at +4: flags (neg | fixed_dig << 1 | alloc << 2), len, dig
    const len = load<usize>(o + 8);
    align(2);
    const dig = addr(pos());
    vstr_add_strn(out, load<usize>(o + 12), len << 1);
    align(8);
    const at = pos();
    put_u32(<u32>type);
    put_u32((load<u32>(o + 4) & 1) | 2 | (<u32>len << 2));
    put_u32(<u32>len);
    put_u32(<u32>dig);
    return addr(at);
  }
  if (type == mp_type_float) {
    align(8);
    const at = pos();
    put_u32(<u32>type);
    put_u32(0);
    put_f64(load<f64>(o + 8));
    return addr(at);
  }
  if (type == mp_type_complex) {
    align(8);
    const at = pos();
    put_u32(<u32>type);
    put_u32(0);
    put_f64(load<f64>(o + 8));
    put_f64(load<f64>(o + 16));
    return addr(at);
  }
  if (type == mp_type_tuple) {
    const n = load<usize>(o + 4);
    const mark = mp_root_mark();
    const items = gc_alloc(n == 0 ? 4 : n << 2, 0);
    if (items == 0) {
      mp_raise_memory_error(n << 2);
      return MP_OBJ_NULL;
    }
    mp_root_push(items);
    for (let i: usize = 0; i < n; i++) {
      const it = put_obj(load<usize>(o + 8 + (i << 2)));
      if (it == MP_OBJ_NULL) {
        mp_root_release(mark);
        return MP_OBJ_NULL;
      }
      store<usize>(items + (i << 2), it);
    }
    align(8);
    const at = pos();
    put_u32(<u32>type);
    put_u32(<u32>n);
    for (let i: usize = 0; i < n; i++) put_u32(<u32>load<usize>(items + (i << 2)));
    mp_root_release(mark);
    return addr(at);
  }
  return mp_raise_msg(mp_type_ValueError, "can't freeze this constant");
}

// ---- raw codes ----

// The ROM proto-fun of raw code `rc`: its bytecode alone when it has no
// children, else a raw code over ROM bytecode and a ROM children table.
function put_raw_code(rc: usize): usize {
  const n = mp_raw_code_n_children(rc);
  const len = mp_raw_code_fun_data_len(rc);
  const code_at = pos();
  vstr_add_strn(out, mp_raw_code_fun_data(rc), len);
  if (n == 0) return addr(code_at);
  const mark = mp_root_mark();
  const kids = gc_alloc(n << 2, 0);
  if (kids == 0) {
    failed = true;
    return 0;
  }
  mp_root_push(kids);
  for (let i: usize = 0; i < n; i++) store<usize>(kids + (i << 2), put_raw_code(mp_raw_code_child(rc, i)));
  align(4);
  const table = addr(pos());
  for (let i: usize = 0; i < n; i++) put_u32(<u32>load<usize>(kids + (i << 2)));
  align(8);
  const at = pos();
  vstr_add_fill(out, 0, MP_RAW_CODE_SIZE);
  const p = vstr_str(out) + at;
  store<u8>(p + RC_kind, load<u8>(rc + RC_kind));
  store<u8>(p + RC_is_generator, load<u8>(rc + RC_is_generator));
  store<u32>(p + RC_fun_data, <u32>addr(code_at));
  store<u32>(p + RC_children, <u32>table);
  store<u32>(p + RC_fun_data_len, <u32>len);
  store<u16>(p + RC_n_children, <u16>n);
  mp_root_release(mark);
  return addr(at);
}

// The ROM mp_frozen_module_t of compiled module `cm`; 0 with the exception pending.
function put_frozen_module(cm: usize): usize {
  const ctx = load<usize>(cm + CM_context);
  const n_qstr = load<usize>(cm + CM_n_qstr);
  const n_obj = load<usize>(cm + CM_n_obj);
  const mark = mp_root_mark();
  const objs = gc_alloc(n_obj == 0 ? 4 : n_obj << 2, 0);
  if (objs == 0) {
    mp_raise_memory_error(n_obj << 2);
    return 0;
  }
  mp_root_push(objs);
  for (let i: usize = 0; i < n_obj; i++) {
    const o = put_obj(load<usize>(mp_context_obj_table(ctx) + (i << 2)));
    if (o == MP_OBJ_NULL) {
      mp_root_release(mark);
      return 0;
    }
    store<usize>(objs + (i << 2), o);
  }
  const rc = put_raw_code(load<usize>(cm + CM_rc));
  align(4);
  const qt = addr(pos());
  for (let i: usize = 0; i < n_qstr; i++) put_u16(map_qstr(<usize>load<u16>(mp_context_qstr_table(ctx) + (i << 1))));
  align(4);
  const ot = addr(pos());
  for (let i: usize = 0; i < n_obj; i++) put_u32(<u32>load<usize>(objs + (i << 2)));
  align(4);
  const at = pos();
  put_u32(<u32>qt);
  put_u32(<u32>ot);
  put_u32(<u32>rc);
  mp_root_release(mark);
  return addr(at);
}

// Byte order of two path objects (bytes), for the sorted module table.
function path_cmp(a: mp_obj_t, b: mp_obj_t): i32 {
  return bytes_cmp(load<usize>(a + 12), load<usize>(a + 8), load<usize>(b + 12), load<usize>(b + 8));
}

/**
 * Host export: lays out the ROM of everything added and puts it in the host
 * buffer as [u32 length][bytes] (mp_host_buffer_addr). Returns 0, or 1 after
 * printing the exception (MemoryError; ValueError for a constant that
 * cannot be frozen or a path given twice).
 */
export function mp_freeze_end(): i32 {
  const list = mp_state_get(MPS_freeze_list);
  if (list == 0) {
    mp_raise_msg(mp_type_ValueError, "no freeze in progress");
    return pyexec_handle_uncaught_exception();
  }
  const mark = mp_root_mark();
  mp_root_push(list);
  mp_state_set(MPS_freeze_list, 0);
  const n = mp_obj_list_len(list);
  const items = mp_obj_list_items(list);
  // sort by path (insertion sort: a manifest has tens of files)
  for (let i: usize = 1; i < n; i++) {
    const t = load<usize>(items + (i << 2));
    let j = i;
    while (j > 0 && path_cmp(load<usize>(load<usize>(items + ((j - 1) << 2)) + 8), load<usize>(t + 8)) > 0) {
      store<usize>(items + (j << 2), load<usize>(items + ((j - 1) << 2)));
      j--;
    }
    store<usize>(items + (j << 2), t);
  }
  for (let i: usize = 1; i < n; i++) {
    if (path_cmp(load<usize>(load<usize>(items + ((i - 1) << 2)) + 8), load<usize>(load<usize>(items + (i << 2)) + 8)) == 0) {
      mp_raise_msg(mp_type_ValueError, "frozen path given twice");
      return fail(mark);
    }
  }
  // frozen qstr ids
  const nq = qstr_total();
  qmap = gc_alloc((nq << 1) + 4, 0);
  if (qmap == 0) {
    mp_raise_memory_error(nq << 1);
    return fail(mark);
  }
  mp_root_push(qmap);
  qlist = gc_alloc((nq << 2) + 4, 0);
  if (qlist == 0) {
    mp_raise_memory_error(nq << 2);
    return fail(mark);
  }
  mp_root_push(qlist);
  qcount = 0;
  failed = false;
  for (let i: usize = 0; i < n; i++) {
    const t = load<usize>(items + (i << 2));
    if (MP_OBJ_SMALL_INT_VALUE(load<usize>(t + 12)) != <i32>MP_FROZEN_MPY) continue;
    const cm = load<usize>(t + 16);
    const ctx = load<usize>(cm + CM_context);
    const n_qstr = load<usize>(cm + CM_n_qstr);
    for (let k: usize = 0; k < n_qstr; k++) map_qstr(<usize>load<u16>(mp_context_qstr_table(ctx) + (k << 1)));
    const n_obj = load<usize>(cm + CM_n_obj);
    for (let k: usize = 0; k < n_obj; k++) collect_obj_qstrs(load<usize>(mp_context_obj_table(ctx) + (k << 2)));
  }
  sort_qstrs();
  out = vstr_new_root(4096);
  if (out == 0) return fail(mark);
  vstr_add_fill(out, 0, ROM_HEADER_SIZE);
  const pool = put_qstr_pool();
  // the files, then the module table
  const entries = gc_alloc((n * MOD_ENTRY_SIZE) + 4, 0);
  if (entries == 0) {
    mp_raise_memory_error(n * MOD_ENTRY_SIZE);
    return fail(mark);
  }
  mp_root_push(entries);
  for (let i: usize = 0; i < n; i++) {
    const t = load<usize>(items + (i << 2));
    const path = load<usize>(t + 8);
    const kind = <u32>MP_OBJ_SMALL_INT_VALUE(load<usize>(t + 12));
    const payload = load<usize>(t + 16);
    const e = entries + i * MOD_ENTRY_SIZE;
    store<usize>(e, put_cstr(load<usize>(path + 12), load<usize>(path + 8)));
    store<usize>(e + 4, load<usize>(path + 8));
    store<u32>(e + 8, kind);
    if (kind == MP_FROZEN_STR) {
      store<usize>(e + 12, put_cstr(load<usize>(payload + 12), load<usize>(payload + 8)));
      store<usize>(e + 16, load<usize>(payload + 8));
    } else {
      const fm = put_frozen_module(payload);
      if (fm == 0) return fail(mark);
      store<usize>(e + 12, fm);
      store<usize>(e + 16, 0);
    }
  }
  align(4);
  const table = pos();
  vstr_add_strn(out, entries, n * MOD_ENTRY_SIZE);
  align(16);
  if (failed || vstr_had_error(out)) {
    mp_raise_memory_error(vstr_len(out));
    return fail(mark);
  }
  const total = pos();
  patch_u32(0, ROM_MAGIC);
  patch_u32(4, ROM_VERSION);
  patch_u32(ROM_total, <u32>total);
  patch_u32(ROM_qstr_pool, <u32>pool);
  patch_u32(ROM_modules, <u32>addr(table));
  patch_u32(ROM_n_modules, <u32>n);
  const res = mp_host_buffer(total + 4);
  if (res == 0) return fail(mark);
  store<u32>(res, <u32>total);
  memory.copy(res + 4, vstr_str(out), total);
  mp_root_release(mark);
  return 0;
}
