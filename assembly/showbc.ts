// Debug views of compiled code, as MicroPython's showbc.c: mp_bytecode_print
// disassembles a raw code (what `micropython -v -v` prints for each compiled
// scope), and mp_compile_dump compiles source text and prints the module's constant
// tables and every raw code's bytes (prelude and opcodes) in hex, in the
// order a .mpy file stores them. Used to compare our compiler's output byte
// for byte with mpy-cross: a .mpy file read into the same text form must
// print the same lines.
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
import { mp_raise_memory_error } from "./runtime";
import { mp_lexer_new_from_str_len } from "./lexer";
import { mp_parse } from "./parse";
import { mp_compile_to_raw_code, mp_compile_last_n_qstr, mp_compile_last_n_obj } from "./compile";
import {
  mp_raw_code_kind,
  mp_raw_code_fun_data,
  mp_raw_code_fun_data_len,
  mp_raw_code_n_children,
  mp_raw_code_child,
  mp_raw_code_children,
  mp_context_qstr,
  mp_context_obj,
  MP_MODULE_CONTEXT_SIZE,
} from "./emitglue";
import { mp_type_str, mp_type_bytes, mp_obj_str_get_data_ptr, mp_obj_str_get_len } from "./objstr";
import { mp_type_tuple } from "./objtuple";
import { mp_const_ellipsis } from "./objsingleton";
import { mp_obj_get_type } from "./objtype";
import * as BC from "./bc0";
import {
  mp_bc_prelude_sig_decode,
  mp_bc_prelude_size_decode,
  mp_decode_uint_value,
  mp_decode_uint_skip,
  bc_n_state,
  bc_n_exc_stack,
  bc_n_pos_args,
  bc_n_kwonly_args,
  bc_n_info,
  bc_n_cell,
} from "./bc";
import { MP_UNARY_OP_NUM_BYTECODE, MP_BINARY_OP_NUM_BYTECODE } from "./runtime0";
import { mp_unary_op_method_name, mp_binary_op_method_name } from "./runtime";
import { mp_printf } from "./mpprint";
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
    if (!ok) mp_raise_memory_error(MP_MODULE_CONTEXT_SIZE);
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
    else if (source_file == 0) mp_print_str(mp_plat_print, "MemoryError (name)\n");
    else if (lex == 0) mp_print_str(mp_plat_print, "lexer failed without an exception\n");
    else if (tree == 0) mp_print_str(mp_plat_print, "parser failed without an exception\n");
    else mp_print_str(mp_plat_print, "compiler failed without an exception\n");
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

// ---- the disassembler (showbc.c) ----

// Decoding state of the instruction being printed.
let sb_ip: usize = 0;

function decode_uint(): u32 {
  let unum: u32 = 0;
  let b: u32;
  do {
    b = <u32>load<u8>(sb_ip++);
    unum = (unum << 7) + (b & 0x7f);
  } while ((b & 0x80) != 0);
  return unum;
}

function decode_ulabel(): i32 {
  const b0 = <u32>load<u8>(sb_ip);
  if ((b0 & 0x80) != 0) {
    const v = (b0 & 0x7f) | (<u32>load<u8>(sb_ip + 1) << 7);
    sb_ip += 2;
    return <i32>v;
  }
  sb_ip += 1;
  return <i32>b0;
}

function decode_slabel(): i32 {
  const b0 = <u32>load<u8>(sb_ip);
  if ((b0 & 0x80) != 0) {
    const v = (b0 & 0x7f) | (<u32>load<u8>(sb_ip + 1) << 7);
    sb_ip += 2;
    return <i32>v - 0x4000;
  }
  sb_ip += 1;
  return <i32>b0 - 0x40;
}

/**
 * Prints raw code `rc` of module context `ctx`: header, raw bytes, argument
 * names, state sizes, cells, line table and the disassembly, in the format of
 * MicroPython's mp_bytecode_print.
 */
export function mp_bytecode_print(print: usize, rc: usize, ctx: usize): void {
  const ip_start = mp_raw_code_fun_data(rc);
  const fun_data_len = mp_raw_code_fun_data_len(rc);
  let ip = mp_bc_prelude_sig_decode(ip_start);
  const n_state = bc_n_state;
  const n_exc_stack = bc_n_exc_stack;
  const n_args = bc_n_pos_args + bc_n_kwonly_args;
  ip = mp_bc_prelude_size_decode(ip);
  const n_info = <usize>bc_n_info;
  const n_cell = <usize>bc_n_cell;
  let code_info = ip;

  const block_name = mp_context_qstr(ctx, mp_decode_uint_value(code_info));
  code_info = mp_decode_uint_skip(code_info);
  const source_file = mp_context_qstr(ctx, 0);
  mp_printf(print, "File %q, code block '%q' (descriptor: %p, bytecode @%p %u bytes)\n", source_file, block_name, rc, ip_start, fun_data_len);

  // the raw bytes
  const prelude_size = ip - ip_start + n_info + n_cell;
  mp_printf(print, "Raw bytecode (code_info_size=%u, bytecode_size=%u):\n", prelude_size, fun_data_len - prelude_size);
  for (let i: usize = 0; i < fun_data_len; i++) {
    if (i > 0 && i % 16 == 0) mp_print_str(print, "\n");
    mp_printf(print, " %02x", <usize>load<u8>(ip_start + i));
  }
  mp_print_str(print, "\n");

  // argument names
  mp_print_str(print, "arg names:");
  for (let i: u32 = 0; i < n_args; i++) {
    const q = mp_context_qstr(ctx, mp_decode_uint_value(code_info));
    code_info = mp_decode_uint_skip(code_info);
    mp_printf(print, " %q", q);
  }
  mp_print_str(print, "\n");
  mp_printf(print, "(N_STATE %u)\n", n_state);
  mp_printf(print, "(N_EXC_STACK %u)\n", n_exc_stack);

  // skip the source info; then the cells
  ip += n_info;
  const line_info_top = ip;
  for (let i: usize = 0; i < n_cell; ++i) {
    mp_printf(print, "(INIT_CELL %u)\n", <usize>load<u8>(ip++));
  }

  // the line-number table
  let bc: usize = 0;
  let source_line: usize = 1;
  mp_printf(print, "  bc=%d line=%u\n", bc, source_line);
  let ci = code_info;
  while (ci < line_info_top) {
    const c = <usize>load<u8>(ci);
    if ((c & 0x80) == 0) {
      bc += c & 0x1f;
      source_line += c >> 5;
      ci += 1;
    } else {
      bc += c & 0xf;
      source_line += ((c << 4) & 0x700) | <usize>load<u8>(ci + 1);
      ci += 2;
    }
    mp_printf(print, "  bc=%d line=%u\n", bc, source_line);
  }
  mp_bytecode_print2(print, ip, fun_data_len - prelude_size, mp_raw_code_children(rc), ctx);
}

/** Prints `len` bytes of opcodes at `ip`, one instruction a line (mp_bytecode_print2). */
export function mp_bytecode_print2(print: usize, ip: usize, len: usize, child_table: usize, ctx: usize): void {
  const ip_start = ip;
  while (ip < ip_start + len) {
    mp_printf(print, "%02u ", ip - ip_start);
    ip = mp_bytecode_print_str(print, ip_start, ip, child_table, ctx);
    mp_print_str(print, "\n");
  }
}

/** Prints the instruction at `ip`; returns the address of the next one (mp_bytecode_print_str). */
export function mp_bytecode_print_str(print: usize, ip_start: usize, ip: usize, child_table: usize, ctx: usize): usize {
  const op = <u32>load<u8>(ip);
  sb_ip = ip + 1;
  switch (op) {
    case BC.MP_BC_LOAD_CONST_FALSE:
      mp_print_str(print, "LOAD_CONST_FALSE");
      break;
    case BC.MP_BC_LOAD_CONST_NONE:
      mp_print_str(print, "LOAD_CONST_NONE");
      break;
    case BC.MP_BC_LOAD_CONST_TRUE:
      mp_print_str(print, "LOAD_CONST_TRUE");
      break;
    case BC.MP_BC_LOAD_CONST_SMALL_INT: {
      let num: i32 = 0;
      if ((load<u8>(sb_ip) & 0x40) != 0) num--; // negative
      let b: u32;
      do {
        b = <u32>load<u8>(sb_ip++);
        num = <i32>((<u32>num << 7) | (b & 0x7f));
      } while ((b & 0x80) != 0);
      mp_printf(print, "LOAD_CONST_SMALL_INT %d", <usize>num);
      break;
    }
    case BC.MP_BC_LOAD_CONST_STRING:
      mp_printf(print, "LOAD_CONST_STRING '%q'", mp_context_qstr(ctx, decode_uint()));
      break;
    case BC.MP_BC_LOAD_CONST_OBJ: {
      const o = mp_context_obj(ctx, decode_uint());
      mp_printf(print, "LOAD_CONST_OBJ %p=", o);
      mp_obj_print_helper(print, o, PRINT_REPR);
      break;
    }
    case BC.MP_BC_LOAD_NULL:
      mp_print_str(print, "LOAD_NULL");
      break;
    case BC.MP_BC_LOAD_FAST_N:
      mp_printf(print, "LOAD_FAST_N %u", decode_uint());
      break;
    case BC.MP_BC_LOAD_DEREF:
      mp_printf(print, "LOAD_DEREF %u", decode_uint());
      break;
    case BC.MP_BC_LOAD_NAME:
      mp_printf(print, "LOAD_NAME %q", mp_context_qstr(ctx, decode_uint()));
      break;
    case BC.MP_BC_LOAD_GLOBAL:
      mp_printf(print, "LOAD_GLOBAL %q", mp_context_qstr(ctx, decode_uint()));
      break;
    case BC.MP_BC_LOAD_ATTR:
      mp_printf(print, "LOAD_ATTR %q", mp_context_qstr(ctx, decode_uint()));
      break;
    case BC.MP_BC_LOAD_METHOD:
      mp_printf(print, "LOAD_METHOD %q", mp_context_qstr(ctx, decode_uint()));
      break;
    case BC.MP_BC_LOAD_SUPER_METHOD:
      mp_printf(print, "LOAD_SUPER_METHOD %q", mp_context_qstr(ctx, decode_uint()));
      break;
    case BC.MP_BC_LOAD_BUILD_CLASS:
      mp_print_str(print, "LOAD_BUILD_CLASS");
      break;
    case BC.MP_BC_LOAD_SUBSCR:
      mp_print_str(print, "LOAD_SUBSCR");
      break;
    case BC.MP_BC_STORE_FAST_N:
      mp_printf(print, "STORE_FAST_N %u", decode_uint());
      break;
    case BC.MP_BC_STORE_DEREF:
      mp_printf(print, "STORE_DEREF %u", decode_uint());
      break;
    case BC.MP_BC_STORE_NAME:
      mp_printf(print, "STORE_NAME %q", mp_context_qstr(ctx, decode_uint()));
      break;
    case BC.MP_BC_STORE_GLOBAL:
      mp_printf(print, "STORE_GLOBAL %q", mp_context_qstr(ctx, decode_uint()));
      break;
    case BC.MP_BC_STORE_ATTR:
      mp_printf(print, "STORE_ATTR %q", mp_context_qstr(ctx, decode_uint()));
      break;
    case BC.MP_BC_STORE_SUBSCR:
      mp_print_str(print, "STORE_SUBSCR");
      break;
    case BC.MP_BC_DELETE_FAST:
      mp_printf(print, "DELETE_FAST %u", decode_uint());
      break;
    case BC.MP_BC_DELETE_DEREF:
      mp_printf(print, "DELETE_DEREF %u", decode_uint());
      break;
    case BC.MP_BC_DELETE_NAME:
      mp_printf(print, "DELETE_NAME %q", mp_context_qstr(ctx, decode_uint()));
      break;
    case BC.MP_BC_DELETE_GLOBAL:
      mp_printf(print, "DELETE_GLOBAL %q", mp_context_qstr(ctx, decode_uint()));
      break;
    case BC.MP_BC_DUP_TOP:
      mp_print_str(print, "DUP_TOP");
      break;
    case BC.MP_BC_DUP_TOP_TWO:
      mp_print_str(print, "DUP_TOP_TWO");
      break;
    case BC.MP_BC_POP_TOP:
      mp_print_str(print, "POP_TOP");
      break;
    case BC.MP_BC_ROT_TWO:
      mp_print_str(print, "ROT_TWO");
      break;
    case BC.MP_BC_ROT_THREE:
      mp_print_str(print, "ROT_THREE");
      break;
    case BC.MP_BC_JUMP: {
      const u = decode_slabel();
      mp_printf(print, "JUMP %u", <usize>(<isize>sb_ip + u - <isize>ip_start));
      break;
    }
    case BC.MP_BC_POP_JUMP_IF_TRUE: {
      const u = decode_slabel();
      mp_printf(print, "POP_JUMP_IF_TRUE %u", <usize>(<isize>sb_ip + u - <isize>ip_start));
      break;
    }
    case BC.MP_BC_POP_JUMP_IF_FALSE: {
      const u = decode_slabel();
      mp_printf(print, "POP_JUMP_IF_FALSE %u", <usize>(<isize>sb_ip + u - <isize>ip_start));
      break;
    }
    case BC.MP_BC_JUMP_IF_TRUE_OR_POP: {
      const u = decode_ulabel();
      mp_printf(print, "JUMP_IF_TRUE_OR_POP %u", <usize>(<isize>sb_ip + u - <isize>ip_start));
      break;
    }
    case BC.MP_BC_JUMP_IF_FALSE_OR_POP: {
      const u = decode_ulabel();
      mp_printf(print, "JUMP_IF_FALSE_OR_POP %u", <usize>(<isize>sb_ip + u - <isize>ip_start));
      break;
    }
    case BC.MP_BC_SETUP_WITH: {
      const u = decode_ulabel();
      mp_printf(print, "SETUP_WITH %u", <usize>(<isize>sb_ip + u - <isize>ip_start));
      break;
    }
    case BC.MP_BC_WITH_CLEANUP:
      mp_print_str(print, "WITH_CLEANUP");
      break;
    case BC.MP_BC_UNWIND_JUMP: {
      const u = decode_slabel();
      mp_printf(print, "UNWIND_JUMP %u %d", <usize>(<isize>sb_ip + u - <isize>ip_start), <usize>load<u8>(sb_ip));
      sb_ip += 1;
      break;
    }
    case BC.MP_BC_SETUP_EXCEPT: {
      const u = decode_ulabel();
      mp_printf(print, "SETUP_EXCEPT %u", <usize>(<isize>sb_ip + u - <isize>ip_start));
      break;
    }
    case BC.MP_BC_SETUP_FINALLY: {
      const u = decode_ulabel();
      mp_printf(print, "SETUP_FINALLY %u", <usize>(<isize>sb_ip + u - <isize>ip_start));
      break;
    }
    case BC.MP_BC_END_FINALLY:
      mp_print_str(print, "END_FINALLY");
      break;
    case BC.MP_BC_GET_ITER:
      mp_print_str(print, "GET_ITER");
      break;
    case BC.MP_BC_GET_ITER_STACK:
      mp_print_str(print, "GET_ITER_STACK");
      break;
    case BC.MP_BC_FOR_ITER: {
      const u = decode_ulabel();
      mp_printf(print, "FOR_ITER %u", <usize>(<isize>sb_ip + u - <isize>ip_start));
      break;
    }
    case BC.MP_BC_POP_EXCEPT_JUMP: {
      const u = decode_ulabel();
      mp_printf(print, "POP_EXCEPT_JUMP %u", <usize>(<isize>sb_ip + u - <isize>ip_start));
      break;
    }
    case BC.MP_BC_BUILD_TUPLE:
      mp_printf(print, "BUILD_TUPLE %u", decode_uint());
      break;
    case BC.MP_BC_BUILD_LIST:
      mp_printf(print, "BUILD_LIST %u", decode_uint());
      break;
    case BC.MP_BC_BUILD_MAP:
      mp_printf(print, "BUILD_MAP %u", decode_uint());
      break;
    case BC.MP_BC_STORE_MAP:
      mp_print_str(print, "STORE_MAP");
      break;
    case BC.MP_BC_BUILD_SET:
      mp_printf(print, "BUILD_SET %u", decode_uint());
      break;
    case BC.MP_BC_BUILD_SLICE:
      mp_printf(print, "BUILD_SLICE %u", decode_uint());
      break;
    case BC.MP_BC_STORE_COMP:
      mp_printf(print, "STORE_COMP %u", decode_uint());
      break;
    case BC.MP_BC_UNPACK_SEQUENCE:
      mp_printf(print, "UNPACK_SEQUENCE %u", decode_uint());
      break;
    case BC.MP_BC_UNPACK_EX:
      mp_printf(print, "UNPACK_EX %u", decode_uint());
      break;
    case BC.MP_BC_MAKE_FUNCTION:
      mp_printf(print, "MAKE_FUNCTION %p", load<usize>(child_table + (<usize>decode_uint() << 2)));
      break;
    case BC.MP_BC_MAKE_FUNCTION_DEFARGS:
      mp_printf(print, "MAKE_FUNCTION_DEFARGS %p", load<usize>(child_table + (<usize>decode_uint() << 2)));
      break;
    case BC.MP_BC_MAKE_CLOSURE: {
      const c = load<usize>(child_table + (<usize>decode_uint() << 2));
      const n_closed_over = <usize>load<u8>(sb_ip++);
      mp_printf(print, "MAKE_CLOSURE %p %u", c, n_closed_over);
      break;
    }
    case BC.MP_BC_MAKE_CLOSURE_DEFARGS: {
      const c = load<usize>(child_table + (<usize>decode_uint() << 2));
      const n_closed_over = <usize>load<u8>(sb_ip++);
      mp_printf(print, "MAKE_CLOSURE_DEFARGS %p %u", c, n_closed_over);
      break;
    }
    case BC.MP_BC_CALL_FUNCTION: {
      const u = decode_uint();
      mp_printf(print, "CALL_FUNCTION n=%u nkw=%u", u & 0xff, (u >> 8) & 0xff);
      break;
    }
    case BC.MP_BC_CALL_FUNCTION_VAR_KW: {
      const u = decode_uint();
      mp_printf(print, "CALL_FUNCTION_VAR_KW n=%u nkw=%u", u & 0xff, (u >> 8) & 0xff);
      break;
    }
    case BC.MP_BC_CALL_METHOD: {
      const u = decode_uint();
      mp_printf(print, "CALL_METHOD n=%u nkw=%u", u & 0xff, (u >> 8) & 0xff);
      break;
    }
    case BC.MP_BC_CALL_METHOD_VAR_KW: {
      const u = decode_uint();
      mp_printf(print, "CALL_METHOD_VAR_KW n=%u nkw=%u", u & 0xff, (u >> 8) & 0xff);
      break;
    }
    case BC.MP_BC_RETURN_VALUE:
      mp_print_str(print, "RETURN_VALUE");
      break;
    case BC.MP_BC_RAISE_LAST:
      mp_print_str(print, "RAISE_LAST");
      break;
    case BC.MP_BC_RAISE_OBJ:
      mp_print_str(print, "RAISE_OBJ");
      break;
    case BC.MP_BC_RAISE_FROM:
      mp_print_str(print, "RAISE_FROM");
      break;
    case BC.MP_BC_YIELD_VALUE:
      mp_print_str(print, "YIELD_VALUE");
      break;
    case BC.MP_BC_YIELD_FROM:
      mp_print_str(print, "YIELD_FROM");
      break;
    case BC.MP_BC_IMPORT_NAME:
      mp_printf(print, "IMPORT_NAME '%q'", mp_context_qstr(ctx, decode_uint()));
      break;
    case BC.MP_BC_IMPORT_FROM:
      mp_printf(print, "IMPORT_FROM '%q'", mp_context_qstr(ctx, decode_uint()));
      break;
    case BC.MP_BC_IMPORT_STAR:
      mp_print_str(print, "IMPORT_STAR");
      break;
    default:
      if (op < BC.MP_BC_LOAD_CONST_SMALL_INT_MULTI + 64) {
        mp_printf(print, "LOAD_CONST_SMALL_INT %d", <usize>(<i32>op - <i32>BC.MP_BC_LOAD_CONST_SMALL_INT_MULTI - 16));
      } else if (op < BC.MP_BC_LOAD_FAST_MULTI + 16) {
        mp_printf(print, "LOAD_FAST %u", op - BC.MP_BC_LOAD_FAST_MULTI);
      } else if (op < BC.MP_BC_STORE_FAST_MULTI + 16) {
        mp_printf(print, "STORE_FAST %u", op - BC.MP_BC_STORE_FAST_MULTI);
      } else if (op < BC.MP_BC_UNARY_OP_MULTI + MP_UNARY_OP_NUM_BYTECODE) {
        const u = op - BC.MP_BC_UNARY_OP_MULTI;
        mp_printf(print, "UNARY_OP %u %q", u, mp_unary_op_method_name(u));
      } else if (op < BC.MP_BC_BINARY_OP_MULTI + MP_BINARY_OP_NUM_BYTECODE) {
        const u = op - BC.MP_BC_BINARY_OP_MULTI;
        mp_printf(print, "BINARY_OP %u %q", u, mp_binary_op_method_name(u));
      } else {
        mp_printf(print, "code %p, byte code 0x%02x not implemented\n", ip, op);
      }
      break;
  }
  return sb_ip;
}
