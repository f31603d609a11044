// Test entry for the lexer and parser: the core's exports plus functions that
// lex or parse source placed in `test_src_buf` and print the tokens or the
// parse tree (mp_parse_node_print format) or the exception raised. Built by
// tests/unit/parser.test.mjs (and usable by hand: see test_lex).

export * from "../../assembly/index";
import {
  mp_lexer_new_from_str_len,
  mp_lexer_to_next,
  mp_lexer_free,
  mp_lexer_t,
  MP_TOKEN_END,
} from "../../assembly/lexer";
import {
  mp_parse,
  mp_parse_tree_root,
  mp_parse_tree_clear,
  mp_parse_node_print,
} from "../../assembly/parse";
import { mp_plat_print, mp_print_str, mp_print_int, mp_print_char } from "../../assembly/mpprint";
import { mp_take_exception, mp_obj_exception_args } from "../../assembly/objexcept";
import { mp_obj_str_get_data_ptr, mp_obj_str_get_len } from "../../assembly/objstr";
import { mp_type_name } from "../../assembly/obj";
import { qstr_str, qstr_len, qstr_from_as } from "../../assembly/qstr";
import { gc_collect, gc_set_stress } from "../../assembly/gc";
import { mp_obj_tuple_len, mp_obj_tuple_get } from "../../assembly/objtuple";

/** 4 MiB for the source text written by the host. */
export const test_src_buf: usize = memory.data(4 * 1024 * 1024, 16);

function print_bytes(p: usize, n: usize): void {
  for (let i: usize = 0; i < n; i++) mp_print_char(mp_plat_print, load<u8>(p + i));
}

function print_exception(): void {
  const exc = mp_take_exception();
  const t = load<usize>(exc);
  const q = mp_type_name(t);
  print_bytes(qstr_str(q), qstr_len(q));
  const args = mp_obj_exception_args(exc);
  if (mp_obj_tuple_len(args) > 0) {
    const m = mp_obj_tuple_get(args, 0);
    mp_print_str(mp_plat_print, ": ");
    print_bytes(mp_obj_str_get_data_ptr(m), mp_obj_str_get_len(m));
  }
  const tb_len = <usize>load<u16>(exc + 6);
  const tb = load<usize>(exc + 8);
  for (let i: usize = 0; i < tb_len; i += 3) {
    mp_print_str(mp_plat_print, " @");
    const f = load<usize>(tb + (i << 2));
    print_bytes(qstr_str(f), qstr_len(f));
    mp_print_str(mp_plat_print, ":");
    mp_print_int(mp_plat_print, <i64>load<usize>(tb + ((i + 1) << 2)));
  }
  mp_print_str(mp_plat_print, "\n");
}

/** Parses `len` bytes of test_src_buf as `kind` and prints the tree or the error. */
export function test_parse(len: usize, kind: u32, stress: bool): void {
  gc_set_stress(stress);
  const lex = mp_lexer_new_from_str_len(qstr_from_as("<stdin>"), test_src_buf, len);
  if (lex == 0) {
    gc_set_stress(false);
    print_exception();
    return;
  }
  const tree = mp_parse(lex, kind);
  if (tree == 0) {
    gc_set_stress(false);
    print_exception();
    return;
  }
  gc_collect();
  gc_set_stress(false);
  mp_print_str(mp_plat_print, "----------------\n");
  mp_parse_node_print(mp_plat_print, mp_parse_tree_root(tree), 0);
  mp_print_str(mp_plat_print, "----------------\n");
  mp_parse_tree_clear(tree);
}

/** Prints the tokens of `len` bytes of test_src_buf, one per line: line:col kind text. */
export function test_lex(len: usize): void {
  const lex = mp_lexer_new_from_str_len(qstr_from_as("<stdin>"), test_src_buf, len);
  if (lex == 0) {
    print_exception();
    return;
  }
  const l = changetype<mp_lexer_t>(lex);
  while (true) {
    mp_print_int(mp_plat_print, l.tok_line);
    mp_print_str(mp_plat_print, ":");
    mp_print_int(mp_plat_print, l.tok_column);
    mp_print_str(mp_plat_print, " ");
    mp_print_int(mp_plat_print, l.tok_kind);
    mp_print_str(mp_plat_print, " ");
    print_bytes(l.vstr_buf, l.vstr_len);
    mp_print_str(mp_plat_print, "\n");
    if (l.tok_kind == MP_TOKEN_END) break;
    if (!mp_lexer_to_next(lex)) {
      print_exception();
      break;
    }
  }
  mp_lexer_free(lex);
}
