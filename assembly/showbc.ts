// Debug views of compiled code, in the spirit of MicroPython's showbc.c:
// mp_compile_dump compiles source text and prints the module's constant
// tables and every raw code's bytes (prelude and opcodes) in hex, in the
// order a .mpy file stores them. Used to compare our compiler's output byte
// for byte with mpy-cross (tools/mpy_dump.py reads a .mpy into the same
// text form).
//
// Output lines:
//   qstr <i> <utf-8 bytes in hex>
//   obj <i> <kind> <hex>       kind: s str, b bytes, t tuple(n), e Ellipsis,
//                               r other (hex of its repr)
//   rc <depth> <kind> <n_children> <fun_data in hex>

import { mp_obj_t, mp_obj_print_helper, PRINT_REPR, mp_const_none, mp_const_true, mp_const_false } from "./obj";
import { gc_alloc } from "./gc";
import { mp_state_set, MPS_host_buffer } from "./mpstate";
import { qstr, qstr_from_strn, qstr_str, qstr_len } from "./qstr";
import { mp_root_mark, mp_root_push, mp_root_release } from "./rootstack";
import { mp_print_str, mp_print_int, mp_print_strn, mp_plat_print } from "./mpprint";
import { mp_take_exception, mp_obj_print_exception } from "./objexcept";
import { mp_lexer_new_from_str_len } from "./lexer";
import { mp_parse } from "./parse";
import { mp_compile_to_raw_code, mp_compile_last_n_qstr, mp_compile_last_n_obj } from "./compile";
import {
  mp_raw_code_kind,
  mp_raw_code_fun_data,
  mp_raw_code_fun_data_len,
  mp_raw_code_n_children,
  mp_raw_code_child,
  mp_context_qstr,
  mp_context_obj,
  MP_MODULE_CONTEXT_SIZE,
} from "./emitglue";
import { mp_type_str, mp_type_bytes, mp_obj_str_get_data_ptr, mp_obj_str_get_len } from "./objstr";
import { mp_type_tuple } from "./objtuple";
import { mp_const_ellipsis } from "./objsingleton";
import { mp_obj_get_type } from "./objtype";
import { vstr_new_root, vstr_printer_init, vstr_str, vstr_len } from "./vstr";
import { mp_root_alloc } from "./rootstack";

const HEX: string = "0123456789abcdef";
const hex_buf: usize = memory.data(2, 1);

function print_hex(p: usize, n: usize): void {
  for (let i: usize = 0; i < n; i++) {
    const b = <u32>load<u8>(p + i);
    store<u8>(hex_buf, <u8>HEX.charCodeAt(b >> 4));
    store<u8>(hex_buf + 1, <u8>HEX.charCodeAt(b & 15));
    mp_print_strn(mp_plat_print, hex_buf, 2);
  }
  if (n == 0) mp_print_str(mp_plat_print, "-");
}

function dump_obj(o: mp_obj_t): void {
  const t = mp_obj_get_type(o);
  if (t == mp_type_str) {
    mp_print_str(mp_plat_print, "s ");
    print_hex(mp_obj_str_get_data_ptr(o), mp_obj_str_get_len(o));
  } else if (t == mp_type_bytes) {
    mp_print_str(mp_plat_print, "b ");
    print_hex(mp_obj_str_get_data_ptr(o), mp_obj_str_get_len(o));
  } else if (t == mp_type_tuple) {
    const n = load<usize>(o + 4);
    mp_print_str(mp_plat_print, "t");
    mp_print_int(mp_plat_print, <i64>n);
    for (let i: usize = 0; i < n; i++) {
      mp_print_str(mp_plat_print, " (");
      dump_obj(load<usize>(o + 8 + (i << 2)));
      mp_print_str(mp_plat_print, ")");
    }
  } else if (o == mp_const_ellipsis) {
    mp_print_str(mp_plat_print, "e");
  } else if (o == mp_const_none || o == mp_const_true || o == mp_const_false) {
    mp_print_str(mp_plat_print, o == mp_const_none ? "n" : o == mp_const_true ? "T" : "F");
  } else {
    // numbers: their repr, as a .mpy file stores them
    const mark = mp_root_mark();
    const vs = vstr_new_root(16);
    const pr = mp_root_alloc(2);
    mp_print_str(mp_plat_print, "r ");
    if (vs != 0 && pr != 0) {
      vstr_printer_init(pr, vs);
      mp_obj_print_helper(pr, o, PRINT_REPR);
      print_hex(vstr_str(vs), vstr_len(vs));
    } else {
      mp_take_exception();
      mp_print_str(mp_plat_print, "?");
    }
    mp_root_release(mark);
  }
}

function dump_rc(rc: usize, depth: i32): void {
  mp_print_str(mp_plat_print, "rc ");
  mp_print_int(mp_plat_print, depth);
  mp_print_str(mp_plat_print, " ");
  mp_print_int(mp_plat_print, <i64>mp_raw_code_kind(rc));
  mp_print_str(mp_plat_print, " ");
  const n = mp_raw_code_n_children(rc);
  mp_print_int(mp_plat_print, <i64>n);
  mp_print_str(mp_plat_print, " ");
  print_hex(mp_raw_code_fun_data(rc), mp_raw_code_fun_data_len(rc));
  mp_print_str(mp_plat_print, "\n");
  for (let i: usize = 0; i < n; i++) dump_rc(mp_raw_code_child(rc, i), depth + 1);
}

/**
 * A GC-rooted buffer of `n` bytes for the host to put mp_compile_dump's
 * source and name in (the slot of main.ts's mp_host_buffer, which it mirrors).
 */
export function mp_compile_dump_buffer(n: usize): usize {
  mp_state_set(MPS_host_buffer, 0);
  const p = gc_alloc(n, 0);
  mp_state_set(MPS_host_buffer, p);
  return p;
}

/**
 * Compiles `len` bytes of Python source at `src` as file `name` and prints the
 * module's qstr table, constant table and raw codes (format above); on an
 * error prints the exception. Returns 0, or 1 after an error.
 */
export function mp_compile_dump(src: usize, len: usize, name: usize, name_len: usize): i32 {
  const mark = mp_root_mark();
  const source_file = qstr_from_strn(name, name_len);
  let ok = source_file != 0;
  let lex: usize = 0;
  if (ok) {
    lex = mp_lexer_new_from_str_len(source_file, src, len);
    ok = lex != 0;
  }
  let tree: usize = 0;
  if (ok) {
    tree = mp_parse(lex, 1); // MP_PARSE_FILE_INPUT
    ok = tree != 0;
  }
  let ctx: usize = 0;
  if (ok) {
    mp_root_push(tree);
    ctx = gc_alloc(MP_MODULE_CONTEXT_SIZE, 0);
    ok = ctx != 0;
  }
  let rc: usize = 0;
  if (ok) {
    mp_root_push(ctx);
    rc = mp_compile_to_raw_code(tree, source_file, false, ctx);
    ok = rc != 0;
  }
  if (!ok) {
    const exc = mp_take_exception();
    mp_root_release(mark);
    if (exc != 0) mp_obj_print_exception(mp_plat_print, exc);
    return 1;
  }
  mp_root_push(rc);
  const nq = mp_compile_last_n_qstr;
  const no = mp_compile_last_n_obj;
  for (let i: usize = 0; i < nq; i++) {
    const q: qstr = mp_context_qstr(ctx, i);
    mp_print_str(mp_plat_print, "qstr ");
    mp_print_int(mp_plat_print, <i64>i);
    mp_print_str(mp_plat_print, " ");
    print_hex(qstr_str(q), qstr_len(q));
    mp_print_str(mp_plat_print, "\n");
  }
  for (let i: usize = 0; i < no; i++) {
    mp_print_str(mp_plat_print, "obj ");
    mp_print_int(mp_plat_print, <i64>i);
    mp_print_str(mp_plat_print, " ");
    dump_obj(mp_context_obj(ctx, i));
    mp_print_str(mp_plat_print, "\n");
  }
  dump_rc(rc, 0);
  mp_root_release(mark);
  return 0;
}
