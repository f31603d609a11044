// The parser, as MicroPython's py/parse.c: a table-driven, non-recursive
// parser over the rules of grammar.ts that builds MicroPython's compact parse
// tree, simplifying as it goes (single-child rules collapse, parentheses
// around one expression vanish), folding constant expressions, `const()`
// definitions and constant tuples, and dropping lonely constants such as doc
// strings. The compiler (compile.ts) walks the tree.
//
// A parse node (mp_parse_node_t) is one word:
//   0                   MP_PARSE_NODE_NULL
//   xxxx...xxx1         small int: value = (i32)pn >> 1
//   xxxx...xx00         pointer to a struct node (below)
//   xx...xx0010         identifier: qstr = pn >> 4
//   xx...xx0110         string: qstr = pn >> 4 holds the value
//   xx...xx1010         token: token kind (lexer.ts) = pn >> 4
//
// Struct node, 4-byte aligned inside a parse chunk:
//   +0 source_line   +4 kind_num_nodes = rule id | (n_nodes << 8)   +8 nodes[n]
// A RULE_const_object node has one child: the object (long int, float,
// complex, str too long to intern, bytes, or a constant tuple).
//
// Node memory comes from chunks on the GC heap, as parse.c's
// parser_alloc: a chunk is { +0 alloc, +4 used | next, +8 data }; full chunks
// are chained. The tree handle returned by mp_parse is a GC block
//   +0 root node   +4 chunk chain   +8 previous tree (stack of live trees)
// kept in mpstate slot MPS_parse_tree until mp_parse_tree_clear, so the tree
// and its constant objects survive collections during compilation.

import {
  mp_obj_t,
  MP_OBJ_NULL,
  mp_obj_is_small_int,
  MP_OBJ_SMALL_INT_VALUE,
  MP_OBJ_NEW_SMALL_INT,
  MP_OBJ_NEW_QSTR,
  mp_obj_is_obj,
  mp_obj_is_type,
  mp_const_none,
  mp_const_true,
  mp_const_false,
  mp_obj_is_true,
  mp_obj_print_helper,
  PRINT_REPR,
} from "./obj";
import { gc_alloc, gc_realloc, gc_free } from "./gc";
import { qstr, qstr_from_strn, qstr_find_strn, qstr_str, qstr_len } from "./qstr";
import { mp_state_get, mp_state_set, MPS_parse_tree } from "./mpstate";
import { mp_root_mark, mp_root_push, mp_root_release, mp_root_alloc } from "./rootstack";
import {
  mp_raise_msg,
  mp_take_exception,
  mp_pending_exception,
  mp_obj_exception_add_traceback,
  mp_type_SyntaxError,
  mp_type_IndentationError,
  mp_type_RuntimeError,
} from "./objexcept";
import { mp_obj_new_str_copy, mp_type_str, mp_type_bytes } from "./objstr";
import { mp_obj_new_tuple, mp_const_empty_tuple } from "./objtuple";
import { mp_obj_new_dict, mp_obj_dict_get_map } from "./objdict";
import { mp_map_lookup, MP_MAP_LOOKUP, MP_MAP_LOOKUP_ADD_IF_NOT_FOUND, MP_MAP_ERROR } from "./map";
import { mp_raise_memory_error, mp_binary_op, mp_unary_op, mp_load_method_maybe } from "./runtime";
import * as R from "./runtime0";
import { mp_type_int } from "./objtype";
import { mp_print_str, mp_print_int, mp_print_char, mp_print_hex } from "./mpprint";
import { MP_QSTR_const, MP_QSTR_math, MP_QSTR_errno, MP_QSTR_uctypes } from "./genhdr";
import { mp_builtin_module_lookup } from "../build/genhdr/moduledefs.generated";
import { mp_type_float } from "./objfloat";
import { mp_type_complex } from "./objcomplex";
import { mp_const_ellipsis } from "./objsingleton";
import { mp_parse_num_integer, mp_parse_num_float } from "./parsenum";
import {
  mp_lexer_to_next,
  mp_lexer_free,
  mp_lexer_t,
  MP_TOKEN_END,
  MP_TOKEN_INDENT,
  MP_TOKEN_DEDENT_MISMATCH,
  MP_TOKEN_MALFORMED_FSTRING,
  MP_TOKEN_NAME,
  MP_TOKEN_INTEGER,
  MP_TOKEN_FLOAT_OR_IMAG,
  MP_TOKEN_STRING,
  MP_TOKEN_BYTES,
  MP_TOKEN_ELLIPSIS,
  MP_TOKEN_KW_NONE,
  MP_TOKEN_KW_FALSE,
  MP_TOKEN_KW_TRUE,
  MP_TOKEN_OP_TILDE,
  MP_TOKEN_OP_PLUS,
  MP_TOKEN_OP_DBL_LESS,
} from "./lexer";
import {
  RULE_file_input,
  RULE_single_input,
  RULE_eval_input,
  RULE_const_object,
  RULE_atom,
  RULE_atom_paren,
  RULE_testlist_comp,
  RULE_testlist_comp_3b,
  RULE_testlist_comp_3c,
  RULE_comp_for,
  RULE_or_test,
  RULE_and_test,
  RULE_not_test_2,
  RULE_expr,
  RULE_xor_expr,
  RULE_and_expr,
  RULE_power,
  RULE_shift_expr,
  RULE_arith_expr,
  RULE_term,
  RULE_factor_2,
  RULE_expr_stmt,
  RULE_expr_stmt_augassign,
  RULE_expr_stmt_assign_list,
  RULE_annassign,
  RULE_atom_expr_normal,
  RULE_trailer_paren,
  RULE_trailer_period,
  RULE_pass_stmt,
  RULE_testlist_star_expr,
  RULE_testlist,
  RULE_subscriptlist,
  RULE_ACT_ARG_MASK,
  RULE_ACT_KIND_MASK,
  RULE_ACT_ALLOW_IDENT,
  RULE_ACT_ADD_BLANK,
  RULE_ACT_OR,
  RULE_ACT_AND,
  RULE_ARG_KIND_MASK,
  RULE_ARG_ARG_MASK,
  RULE_ARG_TOK,
  RULE_ARG_RULE,
  RULE_ARG_OPT_RULE,
  rule_act,
  rule_arg_ptr,
  rule_name,
} from "./grammar";
import { MICROPY_ALLOC_PARSE_INTERN_STRING_LEN } from "./mpconfig";

// ---- parse nodes (parse.h) ----

export type mp_parse_node_t = usize;

@inline export const MP_PARSE_NODE_NULL: usize = 0;
@inline export const MP_PARSE_NODE_SMALL_INT: usize = 0x1;
@inline export const MP_PARSE_NODE_ID: usize = 0x02;
@inline export const MP_PARSE_NODE_STRING: usize = 0x06;
@inline export const MP_PARSE_NODE_TOKEN: usize = 0x0a;

@inline export function MP_PARSE_NODE_IS_NULL(pn: usize): bool {
  return pn == 0;
}
@inline export function MP_PARSE_NODE_IS_LEAF(pn: usize): bool {
  return (pn & 3) != 0;
}
@inline export function MP_PARSE_NODE_IS_STRUCT(pn: usize): bool {
  return pn != 0 && (pn & 3) == 0;
}
@inline export function MP_PARSE_NODE_IS_STRUCT_KIND(pn: usize, k: u32): bool {
  return pn != 0 && (pn & 3) == 0 && (load<u32>(pn + 4) & 0xff) == k;
}
@inline export function MP_PARSE_NODE_IS_SMALL_INT(pn: usize): bool {
  return (pn & 1) == MP_PARSE_NODE_SMALL_INT;
}
@inline export function MP_PARSE_NODE_IS_ID(pn: usize): bool {
  return (pn & 0x0f) == MP_PARSE_NODE_ID;
}
@inline export function MP_PARSE_NODE_IS_TOKEN(pn: usize): bool {
  return (pn & 0x0f) == MP_PARSE_NODE_TOKEN;
}
@inline export function MP_PARSE_NODE_IS_TOKEN_KIND(pn: usize, k: u32): bool {
  return pn == (MP_PARSE_NODE_TOKEN | (<usize>k << 4));
}
@inline export function MP_PARSE_NODE_LEAF_KIND(pn: usize): usize {
  return pn & 0x0f;
}
@inline export function MP_PARSE_NODE_LEAF_ARG(pn: usize): usize {
  return pn >> 4;
}
@inline export function MP_PARSE_NODE_LEAF_SMALL_INT(pn: usize): i32 {
  return (<i32>pn) >> 1;
}
/** Rule id of struct node `pns`. */
@inline export function MP_PARSE_NODE_STRUCT_KIND(pns: usize): u32 {
  return load<u32>(pns + 4) & 0xff;
}
/** Number of children of struct node `pns`. */
@inline export function MP_PARSE_NODE_STRUCT_NUM_NODES(pns: usize): u32 {
  return load<u32>(pns + 4) >> 8;
}
/** Source line of struct node `pns`. */
@inline export function mp_parse_node_source_line(pns: usize): u32 {
  return load<u32>(pns);
}
/** Child `i` of struct node `pns` (pns->nodes[i]). */
@inline export function mp_parse_node_child(pns: usize, i: u32): usize {
  return load<usize>(pns + 8 + (<usize>i << 2));
}
/** Address of the children array of struct node `pns` (pns->nodes). */
@inline export function mp_parse_node_nodes(pns: usize): usize {
  return pns + 8;
}
@inline export function mp_parse_node_new_small_int(val: i32): usize {
  return MP_PARSE_NODE_SMALL_INT | (<usize>val << 1);
}
@inline export function mp_parse_node_new_leaf(kind: usize, arg: usize): usize {
  return kind | (arg << 4);
}
/** The object held by a RULE_const_object node. */
@inline export function mp_parse_node_extract_const_object(pns: usize): mp_obj_t {
  return load<usize>(pns + 8);
}

// input kinds (mp_parse_input_kind_t)
@inline export const MP_PARSE_SINGLE_INPUT: u32 = 0;
@inline export const MP_PARSE_FILE_INPUT: u32 = 1;
@inline export const MP_PARSE_EVAL_INPUT: u32 = 2;

// ---- the tree handle ----

@inline const TREE_SIZE: usize = 16;

/** Root node of a parse tree handle returned by mp_parse. */
@inline export function mp_parse_tree_root(tree: usize): mp_parse_node_t {
  return load<usize>(tree);
}

// ---- parser state (one GC block, rooted on the root stack while parsing) ----
//
//   +0 rule_stack (GC block of 2-word entries: rule_id | src_line << 8, arg_i)
//   +4 rule_stack_alloc (entries)   +8 rule_stack_top
//   +12 result_stack (GC block of nodes)   +16 result_stack_alloc   +20 result_stack_top
//   +24 lexer   +28 tree chunk chain   +32 cur_chunk   +36 consts (dict) or 0

@unmanaged
class parser_t {
  rule_stack: usize;
  rule_stack_alloc: usize;
  rule_stack_top: usize;
  result_stack: usize;
  result_stack_alloc: usize;
  result_stack_top: usize;
  lexer: usize;
  tree_chunk: usize;
  cur_chunk: usize;
  consts: usize;
}

@inline const PARSER_SIZE: usize = 48;

@inline const MICROPY_ALLOC_PARSE_RULE_INIT: usize = 64;
@inline const MICROPY_ALLOC_PARSE_RULE_INC: usize = 16;
@inline const MICROPY_ALLOC_PARSE_RESULT_INIT: usize = 32;
@inline const MICROPY_ALLOC_PARSE_RESULT_INC: usize = 16;
@inline const MICROPY_ALLOC_PARSE_CHUNK_INIT: usize = 128;

@inline const CHUNK_HDR: usize = 8;

@inline function P(parser: usize): parser_t {
  return changetype<parser_t>(parser);
}

/**
 * Bump-allocates `num_bytes` of node memory (parse.c's parser_alloc): grows
 * the current chunk in place, else closes it (shrunk to fit) into the chain
 * and starts a new one. Returns 0 with MemoryError pending.
 */
function parser_alloc(parser: usize, num_bytes: usize): usize {
  const p = P(parser);
  let chunk = p.cur_chunk;
  if (chunk != 0) {
    const alloc = load<usize>(chunk);
    const used = load<usize>(chunk + 4);
    if (used + num_bytes > alloc) {
      const nd = gc_realloc(chunk, CHUNK_HDR + alloc + num_bytes, false);
      if (nd == 0) {
        // cannot grow in place: shrink to what is used and chain it
        gc_realloc(chunk, CHUNK_HDR + used, false);
        store<usize>(chunk, used);
        store<usize>(chunk + 4, p.tree_chunk);
        p.tree_chunk = chunk;
        p.cur_chunk = 0;
        chunk = 0;
      } else {
        store<usize>(chunk, alloc + num_bytes);
      }
    }
  }
  if (chunk == 0) {
    let alloc = MICROPY_ALLOC_PARSE_CHUNK_INIT;
    if (alloc < num_bytes) alloc = num_bytes;
    chunk = gc_alloc(CHUNK_HDR + alloc, 0);
    if (chunk == 0) {
      mp_raise_memory_error(CHUNK_HDR + alloc);
      return 0;
    }
    store<usize>(chunk, alloc);
    store<usize>(chunk + 4, 0);
    p.cur_chunk = chunk;
  }
  const used = load<usize>(chunk + 4);
  store<usize>(chunk + 4, used + num_bytes);
  return chunk + CHUNK_HDR + used;
}

/** Gives back the memory of struct node `pns` if it is the newest in the current chunk. */
function parser_free_parse_node_struct(parser: usize, pns: usize): void {
  const chunk = P(parser).cur_chunk;
  if (chunk == 0) return;
  const data = chunk + CHUNK_HDR;
  const used = load<usize>(chunk + 4);
  if (data <= pns && pns < data + used) {
    const num_bytes: usize = 8 + (<usize>MP_PARSE_NODE_STRUCT_NUM_NODES(pns) << 2);
    store<usize>(chunk + 4, used - num_bytes);
  }
}

function push_rule(parser: usize, src_line: u32, rule_id: u32, arg_i: usize): bool {
  const p = P(parser);
  if (p.rule_stack_top >= p.rule_stack_alloc) {
    const na = p.rule_stack_alloc + MICROPY_ALLOC_PARSE_RULE_INC;
    const ns = gc_realloc(p.rule_stack, na << 3, true);
    if (ns == 0) {
      mp_raise_memory_error(na << 3);
      return false;
    }
    p.rule_stack = ns;
    p.rule_stack_alloc = na;
  }
  const e = p.rule_stack + (p.rule_stack_top << 3);
  store<u32>(e, (rule_id & 0xff) | (src_line << 8));
  store<usize>(e + 4, arg_i);
  p.rule_stack_top += 1;
  return true;
}

function push_rule_from_arg(parser: usize, arg: u32): bool {
  const lex = P(parser).lexer;
  return push_rule(parser, changetype<mp_lexer_t>(lex).tok_line, arg & RULE_ARG_ARG_MASK, 0);
}

/** Rule id of the rule `n` below the top of the rule stack (peek_rule). */
function peek_rule(parser: usize, n: usize): u32 {
  const p = P(parser);
  return load<u32>(p.rule_stack + ((p.rule_stack_top - 1 - n) << 3)) & 0xff;
}

function pop_result(parser: usize): usize {
  const p = P(parser);
  p.result_stack_top -= 1;
  return load<usize>(p.result_stack + (p.result_stack_top << 2));
}

function peek_result(parser: usize, pos: usize): usize {
  const p = P(parser);
  return load<usize>(p.result_stack + ((p.result_stack_top - 1 - pos) << 2));
}

function set_result(parser: usize, pos_from_bottom: usize, pn: usize): void {
  store<usize>(P(parser).result_stack + (pos_from_bottom << 2), pn);
}

function push_result_node(parser: usize, pn: usize): bool {
  const p = P(parser);
  if (p.result_stack_top >= p.result_stack_alloc) {
    // the node may be an unrooted struct in a chunk: chunks are rooted via the parser
    const na = p.result_stack_alloc + MICROPY_ALLOC_PARSE_RESULT_INC;
    const ns = gc_realloc(p.result_stack, na << 2, true);
    if (ns == 0) {
      mp_raise_memory_error(na << 2);
      return false;
    }
    p.result_stack = ns;
    p.result_stack_alloc = na;
  }
  store<usize>(p.result_stack + (p.result_stack_top << 2), pn);
  p.result_stack_top += 1;
  return true;
}

/** A RULE_const_object node holding `obj`; 0 with MemoryError pending. */
function make_node_const_object(parser: usize, src_line: u32, obj: mp_obj_t): usize {
  const mark = mp_root_mark();
  mp_root_push(obj);
  const pn = parser_alloc(parser, 12);
  mp_root_release(mark);
  if (pn == 0) return 0;
  store<u32>(pn, src_line);
  store<u32>(pn + 4, RULE_const_object | (1 << 8));
  store<usize>(pn + 8, obj);
  return pn;
}

/** A small-int leaf if `obj` is a small int, else a const object node. */
function make_node_const_object_optimised(parser: usize, src_line: u32, obj: mp_obj_t): usize {
  if (mp_obj_is_small_int(obj)) {
    return mp_parse_node_new_small_int(MP_OBJ_SMALL_INT_VALUE(obj));
  }
  return make_node_const_object(parser, src_line, obj);
}

/** Pushes the node for the lexer's current token; false with an exception pending. */
function push_result_token(parser: usize, rule_id: u32): bool {
  const p = P(parser);
  const lex = p.lexer;
  const l = changetype<mp_lexer_t>(lex);
  const kind = l.tok_kind;
  let pn: usize = 0;
  if (kind == MP_TOKEN_NAME) {
    const id = intern(l.vstr_buf, l.vstr_len);
    if (id == 0) return false;
    pn = mp_parse_node_new_leaf(MP_PARSE_NODE_ID, id);
    if (rule_id == RULE_atom && p.consts != 0) {
      // a bare name defined by const() is replaced by its value
      const e = mp_map_lookup(mp_obj_dict_get_map(p.consts), MP_OBJ_NEW_QSTR(id), MP_MAP_LOOKUP);
      if (e == MP_MAP_ERROR) return false;
      if (e != 0) {
        pn = make_node_const_object_optimised(parser, l.tok_line, load<usize>(e + 4));
        if (pn == 0) return false;
      }
    }
  } else if (kind == MP_TOKEN_INTEGER) {
    const o = mp_parse_num_integer(l.vstr_buf, l.vstr_len, 0, lex);
    if (o == MP_OBJ_NULL) return false;
    pn = make_node_const_object_optimised(parser, l.tok_line, o);
    if (pn == 0) return false;
  } else if (kind == MP_TOKEN_FLOAT_OR_IMAG) {
    const o = mp_parse_num_float(l.vstr_buf, l.vstr_len, true, false, lex);
    if (o == MP_OBJ_NULL) return false;
    pn = make_node_const_object(parser, l.tok_line, o);
    if (pn == 0) return false;
  } else if (kind == MP_TOKEN_STRING) {
    // short strings are interned; long ones (doc strings, mostly dropped by
    // the compiler) only if they already are
    let qst: qstr = 0;
    if (l.vstr_len <= MICROPY_ALLOC_PARSE_INTERN_STRING_LEN) {
      qst = qstr_from_strn(l.vstr_buf, l.vstr_len);
      if (qst == 0) {
        mp_raise_memory_error(l.vstr_len);
        return false;
      }
    } else {
      qst = qstr_find_strn(l.vstr_buf, l.vstr_len);
    }
    if (qst != 0) {
      pn = mp_parse_node_new_leaf(MP_PARSE_NODE_STRING, qst);
    } else {
      const o = mp_obj_new_str_copy(mp_type_str, l.vstr_buf, l.vstr_len);
      if (o == MP_OBJ_NULL) return false;
      pn = make_node_const_object(parser, l.tok_line, o);
      if (pn == 0) return false;
    }
  } else if (kind == MP_TOKEN_BYTES) {
    const o = mp_obj_new_str_copy(mp_type_bytes, l.vstr_buf, l.vstr_len);
    if (o == MP_OBJ_NULL) return false;
    pn = make_node_const_object(parser, l.tok_line, o);
    if (pn == 0) return false;
  } else {
    pn = mp_parse_node_new_leaf(MP_PARSE_NODE_TOKEN, kind);
  }
  return push_result_node(parser, pn);
}

/**
 * Interns an identifier; 0 with an exception pending (RuntimeError "name too
 * long" past 255 bytes, as qstr.c, or MemoryError).
 */
function intern(p: usize, len: usize): qstr {
  if (len > 255) {
    mp_raise_msg(mp_type_RuntimeError, "name too long");
    return 0;
  }
  const q = qstr_from_strn(p, len);
  if (q == 0) mp_raise_memory_error(len);
  return q;
}

// ---- constants ----

/** float test, as mp_obj_is_float. */
@inline function obj_is_float_hook(o: mp_obj_t): bool {
  return mp_obj_is_type(o, mp_type_float);
}

/** complex test (folding never produces a complex constant). */
@inline function obj_is_complex_hook(o: mp_obj_t): bool {
  return mp_obj_is_type(o, mp_type_complex);
}

/**
 * MICROPY_COMP_MODULE_CONST folds `errno.X` and `uctypes.X` too (as the unix
 * port does); mpy-cross (core features) folds only `math.X`. The
 * mpy-cross-compatible compiler turns this off with mp_parse_set_fold_port_consts.
 */
let fold_port_consts: bool = true;

/**
 * Whether `errno.NAME` and `uctypes.NAME` are folded to their values by the
 * parser (default true, as the unix port; false to match mpy-cross output).
 */
export function mp_parse_set_fold_port_consts(on: bool): void {
  fold_port_consts = on;
}

/**
 * The value of `base.attr` when `base` names a built-in module whose
 * constants the parser may fold (mp_constants_table: errno, uctypes, math), else
 * MP_OBJ_NULL (never an exception: lookup errors just mean "not folded").
 */
function mp_module_get_const_attr(q_base: qstr, q_attr: qstr): mp_obj_t {
  const port = q_base == MP_QSTR_errno || q_base == MP_QSTR_uctypes;
  if (!(q_base == MP_QSTR_math || (port && fold_port_consts))) return MP_OBJ_NULL;
  let m = mp_builtin_module_lookup(q_base, false);
  if (m == 0) m = mp_builtin_module_lookup(q_base, true);
  if (m == 0) return MP_OBJ_NULL;
  const mark = mp_root_mark();
  const dest = mp_root_alloc(2);
  if (dest == 0) return MP_OBJ_NULL;
  let r: mp_obj_t = MP_OBJ_NULL;
  if (!mp_load_method_maybe(m, q_attr, dest)) {
    mp_take_exception();
  } else if (load<usize>(dest + 4) == MP_OBJ_NULL) {
    r = load<usize>(dest);
  }
  mp_root_release(mark);
  return r;
}

/** int (small or long) test, as mp_obj_is_int. */
@inline function obj_is_int(o: mp_obj_t): bool {
  return mp_obj_is_small_int(o) || mp_obj_is_type(o, mp_type_int);
}

/** pn is a number literal (int or float); returns the object or MP_OBJ_NULL. */
function mp_parse_node_get_number_maybe(pn: usize): mp_obj_t {
  if (MP_PARSE_NODE_IS_SMALL_INT(pn)) {
    return MP_OBJ_NEW_SMALL_INT(MP_PARSE_NODE_LEAF_SMALL_INT(pn));
  } else if (MP_PARSE_NODE_IS_STRUCT_KIND(pn, RULE_const_object)) {
    const o = mp_parse_node_extract_const_object(pn);
    if (obj_is_int(o) || obj_is_float_hook(o)) return o;
  }
  return MP_OBJ_NULL;
}

/** True if `pn` is a constant the parser can turn into an object (mp_parse_node_is_const). */
function mp_parse_node_is_const(pn: usize): bool {
  if (MP_PARSE_NODE_IS_SMALL_INT(pn)) {
    return true;
  } else if (MP_PARSE_NODE_IS_LEAF(pn)) {
    const kind = MP_PARSE_NODE_LEAF_KIND(pn);
    if (kind == MP_PARSE_NODE_STRING) {
      return true;
    } else if (kind == MP_PARSE_NODE_TOKEN) {
      const arg = <u32>MP_PARSE_NODE_LEAF_ARG(pn);
      return (
        arg == MP_TOKEN_KW_NONE ||
        arg == MP_TOKEN_KW_FALSE ||
        arg == MP_TOKEN_KW_TRUE ||
        arg == MP_TOKEN_ELLIPSIS
      );
    }
  } else if (MP_PARSE_NODE_IS_STRUCT_KIND(pn, RULE_const_object)) {
    return true;
  } else if (MP_PARSE_NODE_IS_STRUCT_KIND(pn, RULE_atom_paren)) {
    // () is the empty tuple
    return MP_PARSE_NODE_IS_NULL(mp_parse_node_child(pn, 0));
  }
  return false;
}

/** The object of a constant node (pn must satisfy mp_parse_node_is_const). */
function mp_parse_node_convert_to_obj(pn: usize): mp_obj_t {
  if (MP_PARSE_NODE_IS_SMALL_INT(pn)) {
    return MP_OBJ_NEW_SMALL_INT(MP_PARSE_NODE_LEAF_SMALL_INT(pn));
  } else if (MP_PARSE_NODE_IS_LEAF(pn)) {
    const kind = MP_PARSE_NODE_LEAF_KIND(pn);
    const arg = MP_PARSE_NODE_LEAF_ARG(pn);
    if (kind == MP_PARSE_NODE_STRING) return MP_OBJ_NEW_QSTR(arg);
    if (arg == MP_TOKEN_KW_NONE) return mp_const_none;
    if (arg == MP_TOKEN_KW_FALSE) return mp_const_false;
    if (arg == MP_TOKEN_KW_TRUE) return mp_const_true;
    return mp_const_ellipsis;
  } else if (MP_PARSE_NODE_IS_STRUCT_KIND(pn, RULE_const_object)) {
    return mp_parse_node_extract_const_object(pn);
  }
  return mp_const_empty_tuple;
}

function parse_node_is_const_bool(pn: usize, value: bool): bool {
  if (!mp_parse_node_is_const(pn)) return false;
  const t = mp_obj_is_true(mp_parse_node_convert_to_obj(pn));
  if (t < 0) {
    mp_take_exception();
    return false;
  }
  return (t == 1) == value;
}

/** True if `pn` is a constant whose truth value is False (mp_parse_node_is_const_false). */
export function mp_parse_node_is_const_false(pn: usize): bool {
  return parse_node_is_const_bool(pn, false);
}

/** True if `pn` is a constant whose truth value is True (mp_parse_node_is_const_true). */
export function mp_parse_node_is_const_true(pn: usize): bool {
  return parse_node_is_const_bool(pn, true);
}

/**
 * The children of `*pn` seen as a list of kind `pn_kind` (mp_parse_node_extract_list):
 * stores the address of the first node at `nodes_out` and returns the count
 * (0 for NULL; 1 with `pn` itself for a leaf or another kind of struct).
 * `pn` is the address of a node word.
 */
export function mp_parse_node_extract_list(pn: usize, pn_kind: u32, nodes_out: usize): usize {
  const n = load<usize>(pn);
  if (MP_PARSE_NODE_IS_NULL(n)) {
    store<usize>(nodes_out, 0);
    return 0;
  } else if (MP_PARSE_NODE_IS_LEAF(n)) {
    store<usize>(nodes_out, pn);
    return 1;
  } else if (MP_PARSE_NODE_STRUCT_KIND(n) != pn_kind) {
    store<usize>(nodes_out, pn);
    return 1;
  }
  store<usize>(nodes_out, n + 8);
  return MP_PARSE_NODE_STRUCT_NUM_NODES(n);
}

/**
 * For the inline assembler: if `pn` is an integer constant returns it as an
 * object, else MP_OBJ_NULL (mp_parse_node_get_int_maybe).
 */
export function mp_parse_node_get_int_maybe(pn: usize): mp_obj_t {
  const o = mp_parse_node_get_number_maybe(pn);
  if (o != MP_OBJ_NULL && obj_is_int(o)) return o;
  return MP_OBJ_NULL;
}

// ---- folding ----

/** lhs op rhs for folding: the result, or MP_OBJ_NULL if it raised or is complex (not folded). */
function binary_op_maybe(op: u32, lhs: mp_obj_t, rhs: mp_obj_t): mp_obj_t {
  const mark = mp_root_mark();
  mp_root_push(lhs);
  mp_root_push(rhs);
  const r = mp_binary_op(op, lhs, rhs);
  mp_root_release(mark);
  if (r == MP_OBJ_NULL) {
    mp_take_exception();
    return MP_OBJ_NULL;
  }
  if (obj_is_complex_hook(r)) return MP_OBJ_NULL;
  return r;
}

/** Folds `or`/`and`/`not` of constants; updates *num_args_ptr (fold_logical_constants). */
function fold_logical_constants(parser: usize, rule_id: u32, num_args_ptr: usize): bool {
  if (rule_id == RULE_or_test || rule_id == RULE_and_test) {
    const num_args = load<usize>(num_args_ptr);
    let copy_to = num_args;
    const top = P(parser).result_stack_top;
    for (let i = copy_to; i > 0; ) {
      const pn = peek_result(parser, --i);
      set_result(parser, top - copy_to, pn);
      if (i == 0) break; // the last value always stays
      if (rule_id == RULE_or_test) {
        if (mp_parse_node_is_const_true(pn)) {
          break;
        } else if (!mp_parse_node_is_const_false(pn)) {
          copy_to -= 1;
        }
      } else {
        if (mp_parse_node_is_const_false(pn)) {
          break;
        } else if (!mp_parse_node_is_const_true(pn)) {
          copy_to -= 1;
        }
      }
    }
    copy_to -= 1; // number of args to pop
    for (let i: usize = 0; i < copy_to; ++i) pop_result(parser);
    store<usize>(num_args_ptr, num_args - copy_to);
    return num_args - copy_to == 1;
  } else if (rule_id == RULE_not_test_2) {
    let pn = peek_result(parser, 0);
    if (mp_parse_node_is_const_false(pn)) {
      pn = mp_parse_node_new_leaf(MP_PARSE_NODE_TOKEN, MP_TOKEN_KW_TRUE);
    } else if (mp_parse_node_is_const_true(pn)) {
      pn = mp_parse_node_new_leaf(MP_PARSE_NODE_TOKEN, MP_TOKEN_KW_FALSE);
    } else {
      return false;
    }
    pop_result(parser);
    push_result_node(parser, pn); // cannot fail: a slot was just freed
    return true;
  }
  return false;
}

// fold_constants results
@inline const FOLD_NO: i32 = 0;
@inline const FOLD_YES: i32 = 1;
@inline const FOLD_ERROR: i32 = -1;

/**
 * Folds numeric expressions over constant operands (1 + 2 * 3, -5, 1 << 40,
 * math.pi), records `X = const(value)` definitions, as parse.c's
 * fold_constants. Returns FOLD_YES if the rule was replaced on the result
 * stack, FOLD_NO to build it normally, FOLD_ERROR with an exception pending.
 */
function fold_constants(parser: usize, rule_id: u32, num_args: usize): i32 {
  let arg0: mp_obj_t = MP_OBJ_NULL;
  if (
    rule_id == RULE_expr ||
    rule_id == RULE_xor_expr ||
    rule_id == RULE_and_expr ||
    rule_id == RULE_power
  ) {
    // | ^ & **
    arg0 = mp_parse_node_get_number_maybe(peek_result(parser, num_args - 1));
    if (arg0 == MP_OBJ_NULL) return FOLD_NO;
    let op: u32;
    if (rule_id == RULE_expr) op = R.MP_BINARY_OP_OR;
    else if (rule_id == RULE_xor_expr) op = R.MP_BINARY_OP_XOR;
    else if (rule_id == RULE_and_expr) op = R.MP_BINARY_OP_AND;
    else op = R.MP_BINARY_OP_POWER;
    for (let i = <isize>num_args - 2; i >= 0; --i) {
      const arg1 = mp_parse_node_get_number_maybe(peek_result(parser, <usize>i));
      if (arg1 == MP_OBJ_NULL) return FOLD_NO;
      arg0 = binary_op_maybe(op, arg0, arg1);
      if (arg0 == MP_OBJ_NULL) return FOLD_NO;
    }
  } else if (rule_id == RULE_shift_expr || rule_id == RULE_arith_expr || rule_id == RULE_term) {
    // << >> + - * @ / % //
    arg0 = mp_parse_node_get_number_maybe(peek_result(parser, num_args - 1));
    if (arg0 == MP_OBJ_NULL) return FOLD_NO;
    for (let i = <isize>num_args - 2; i >= 1; i -= 2) {
      const arg1 = mp_parse_node_get_number_maybe(peek_result(parser, <usize>(i - 1)));
      if (arg1 == MP_OBJ_NULL) return FOLD_NO;
      const tok = <u32>MP_PARSE_NODE_LEAF_ARG(peek_result(parser, <usize>i));
      const op = R.MP_BINARY_OP_LSHIFT + (tok - MP_TOKEN_OP_DBL_LESS);
      arg0 = binary_op_maybe(op, arg0, arg1);
      if (arg0 == MP_OBJ_NULL) return FOLD_NO;
    }
  } else if (rule_id == RULE_factor_2) {
    // unary + - ~
    arg0 = mp_parse_node_get_number_maybe(peek_result(parser, 0));
    if (arg0 == MP_OBJ_NULL) return FOLD_NO;
    const tok = <u32>MP_PARSE_NODE_LEAF_ARG(peek_result(parser, 1));
    let op: u32;
    if (tok == MP_TOKEN_OP_TILDE) {
      if (!obj_is_int(arg0)) return FOLD_NO;
      op = R.MP_UNARY_OP_INVERT;
    } else {
      op = R.MP_UNARY_OP_POSITIVE + (tok - MP_TOKEN_OP_PLUS);
    }
    const mark = mp_root_mark();
    mp_root_push(arg0);
    const r = mp_unary_op(op, arg0);
    mp_root_release(mark);
    if (r == MP_OBJ_NULL) {
      // only a type without the operator gets here; leave it to run time
      mp_take_exception();
      return FOLD_NO;
    }
    arg0 = r;
  } else if (rule_id == RULE_expr_stmt) {
    return fold_const_assignment(parser);
  } else if (rule_id == RULE_atom_expr_normal) {
    // module.CONST (math.pi, errno.ENOENT...)
    const pn0 = peek_result(parser, 1);
    const pn1 = peek_result(parser, 0);
    if (!(MP_PARSE_NODE_IS_ID(pn0) && MP_PARSE_NODE_IS_STRUCT_KIND(pn1, RULE_trailer_period))) {
      return FOLD_NO;
    }
    const q_base = MP_PARSE_NODE_LEAF_ARG(pn0);
    const q_attr = MP_PARSE_NODE_LEAF_ARG(mp_parse_node_child(pn1, 0));
    arg0 = mp_module_get_const_attr(q_base, q_attr);
    if (arg0 == MP_OBJ_NULL) return FOLD_NO;
    if (!(obj_is_int(arg0) || obj_is_float_hook(arg0))) return FOLD_NO;
  } else {
    return FOLD_NO;
  }

  // success: replace the operands by the value
  for (let i = num_args; i > 0; i--) pop_result(parser);
  const pn = make_node_const_object_optimised(parser, 0, arg0);
  if (pn == 0) return FOLD_ERROR;
  if (!push_result_node(parser, pn)) return FOLD_ERROR;
  return FOLD_YES;
}

/** `X = const(value)` (or `X: T = const(value)`): record X; private `_X` becomes `pass`. */
function fold_const_assignment(parser: usize): i32 {
  let pn1 = peek_result(parser, 0);
  if (
    MP_PARSE_NODE_IS_NULL(pn1) ||
    MP_PARSE_NODE_IS_STRUCT_KIND(pn1, RULE_expr_stmt_augassign) ||
    MP_PARSE_NODE_IS_STRUCT_KIND(pn1, RULE_expr_stmt_assign_list)
  ) {
    return FOLD_NO;
  }
  const pn0 = peek_result(parser, 1);
  if (!MP_PARSE_NODE_IS_ID(pn0)) return FOLD_NO;
  if (MP_PARSE_NODE_IS_STRUCT_KIND(pn1, RULE_annassign)) {
    pn1 = mp_parse_node_child(pn1, 1);
  }
  if (
    !(
      MP_PARSE_NODE_IS_STRUCT_KIND(pn1, RULE_atom_expr_normal) &&
      MP_PARSE_NODE_IS_ID(mp_parse_node_child(pn1, 0)) &&
      MP_PARSE_NODE_LEAF_ARG(mp_parse_node_child(pn1, 0)) == MP_QSTR_const &&
      MP_PARSE_NODE_IS_STRUCT_KIND(mp_parse_node_child(pn1, 1), RULE_trailer_paren)
    )
  ) {
    return FOLD_NO;
  }
  const id = MP_PARSE_NODE_LEAF_ARG(pn0);
  const pn_value = mp_parse_node_child(mp_parse_node_child(pn1, 1), 0);
  if (!mp_parse_node_is_const(pn_value)) {
    mp_raise_msg(mp_type_SyntaxError, "not a constant");
    const exc = mp_pending_exception();
    const lex = P(parser).lexer;
    const file = changetype<mp_lexer_t>(lex).source_name;
    mp_obj_exception_add_traceback(exc, file, mp_parse_node_source_line(pn1), 0);
    return FOLD_ERROR;
  }
  const value = mp_parse_node_convert_to_obj(pn_value);

  const p = P(parser);
  if (p.consts == 0) {
    const mark = mp_root_mark();
    mp_root_push(value);
    const d = mp_obj_new_dict(0);
    mp_root_release(mark);
    if (d == MP_OBJ_NULL) return FOLD_ERROR;
    p.consts = d;
  }
  const mark = mp_root_mark();
  mp_root_push(value);
  const map = mp_obj_dict_get_map(p.consts);
  const e = mp_map_lookup(map, MP_OBJ_NEW_QSTR(id), MP_MAP_LOOKUP_ADD_IF_NOT_FOUND);
  mp_root_release(mark);
  if (e == MP_MAP_ERROR || e == 0) return FOLD_ERROR;
  store<usize>(e + 4, value);

  if (load<u8>(qstr_str(id)) == 95) {
    // `_X = const(v)`: private, no store is emitted
    pop_result(parser);
    pop_result(parser);
    if (!push_result_rule(parser, 0, RULE_pass_stmt, 0)) return FOLD_ERROR;
    return FOLD_YES;
  }
  // keep the assignment, with const(v) replaced by v
  pop_result(parser);
  push_result_node(parser, pn_value); // cannot fail: a slot was just freed
  return FOLD_NO;
}

// ---- constant tuples ----

/** Replaces the top `num_args` nodes by one tuple constant if all are constants; -1 on error. */
function build_tuple_from_stack(parser: usize, src_line: u32, num_args: usize): i32 {
  for (let i = num_args; i > 0; ) {
    if (!mp_parse_node_is_const(peek_result(parser, --i))) return 0;
  }
  const tuple = mp_obj_new_tuple(num_args, 0);
  if (tuple == MP_OBJ_NULL) return -1;
  for (let i = num_args; i > 0; ) {
    const pn = pop_result(parser);
    store<usize>(tuple + 8 + (--i << 2), mp_parse_node_convert_to_obj(pn));
    if (MP_PARSE_NODE_IS_STRUCT(pn)) parser_free_parse_node_struct(parser, pn);
  }
  const pn = make_node_const_object(parser, src_line, tuple);
  if (pn == 0) return -1;
  if (!push_result_node(parser, pn)) return -1;
  return 1;
}

/** Folds constant tuples: (a,), (a, b), x = a, b, return a, b, x[a, b] (build_tuple). */
function build_tuple(parser: usize, src_line: u32, rule_id: u32, num_args: usize): i32 {
  if (rule_id == RULE_testlist_comp) {
    if (peek_rule(parser, 0) == RULE_atom_paren) {
      return build_tuple_from_stack(parser, src_line, num_args);
    }
  }
  if (rule_id == RULE_testlist_comp_3c) {
    if (peek_rule(parser, 2) == RULE_atom_paren) {
      const r = build_tuple_from_stack(parser, src_line, num_args);
      if (r == 1) P(parser).rule_stack_top -= 2; // drop testlist_comp_3b and testlist_comp
      if (r != 0) return r;
    }
  }
  if (
    rule_id == RULE_testlist_star_expr ||
    rule_id == RULE_testlist ||
    rule_id == RULE_subscriptlist
  ) {
    return build_tuple_from_stack(parser, src_line, num_args);
  }
  return 0;
}

/**
 * Pops `num_args` results into a new struct node of `rule_id` and pushes it,
 * after the simplifications and foldings of parse.c's push_result_rule.
 * False with an exception pending.
 */
function push_result_rule(parser: usize, src_line: u32, rule_id: u32, num_args: usize): bool {
  if (rule_id == RULE_atom_paren) {
    // (x) is just x; () and (a, b...) keep their parentheses
    const pn = peek_result(parser, 0);
    if (MP_PARSE_NODE_IS_NULL(pn)) {
      // ()
    } else if (MP_PARSE_NODE_IS_STRUCT_KIND(pn, RULE_testlist_comp)) {
      // (a, b, ...)
    } else {
      return true;
    }
  } else if (rule_id == RULE_testlist_comp) {
    // sole argument of atom_paren or atom_bracket
    const pn = peek_result(parser, 0);
    if (MP_PARSE_NODE_IS_STRUCT(pn)) {
      const k = MP_PARSE_NODE_STRUCT_KIND(pn);
      if (k == RULE_testlist_comp_3b) {
        // one item with a trailing comma
        pop_result(parser);
        --num_args;
      } else if (k == RULE_testlist_comp_3c) {
        // many items: the testlist_comp_3c node becomes the testlist_comp
        pop_result(parser);
        store<u32>(pn + 4, rule_id | (MP_PARSE_NODE_STRUCT_NUM_NODES(pn) << 8));
        return true;
      }
    }
  } else if (rule_id == RULE_testlist_comp_3c) {
    // take in the first item of the enclosing testlist_comp
    ++num_args;
  }

  const na = mp_root_mark();
  const num_args_box = na;
  mp_root_push(num_args); // a scratch word for fold_logical_constants (not a pointer)
  if (fold_logical_constants(parser, rule_id, num_args_box)) {
    mp_root_release(na);
    return true;
  }
  num_args = load<usize>(num_args_box);
  mp_root_release(na);

  const f = fold_constants(parser, rule_id, num_args);
  if (f == FOLD_YES) return true;
  if (f == FOLD_ERROR) return false;

  const t = build_tuple(parser, src_line, rule_id, num_args);
  if (t == 1) return true;
  if (t < 0) return false;

  const pn = parser_alloc(parser, 8 + (num_args << 2));
  if (pn == 0) return false;
  store<u32>(pn, src_line);
  store<u32>(pn + 4, (rule_id & 0xff) | (<u32>num_args << 8));
  for (let i = num_args; i > 0; i--) {
    store<usize>(pn + 8 + ((i - 1) << 2), pop_result(parser));
  }
  if (rule_id == RULE_testlist_comp_3c) {
    // stand-in for the item taken from testlist_comp
    if (!push_result_node(parser, pn)) return false;
  }
  return push_result_node(parser, pn);
}

/** Raises the SyntaxError (or IndentationError) for the lexer's current token, with its line. */
function raise_syntax_error(lex: usize): void {
  const l = changetype<mp_lexer_t>(lex);
  const k = l.tok_kind;
  if (k == MP_TOKEN_INDENT) {
    mp_raise_msg(mp_type_IndentationError, "unexpected indent");
  } else if (k == MP_TOKEN_DEDENT_MISMATCH) {
    mp_raise_msg(mp_type_IndentationError, "unindent doesn't match any outer indent level");
  } else if (k == MP_TOKEN_MALFORMED_FSTRING) {
    mp_raise_msg(mp_type_SyntaxError, "malformed f-string");
  } else {
    mp_raise_msg(mp_type_SyntaxError, "invalid syntax");
  }
  // file and line, no block name (MP_QSTRnull)
  mp_obj_exception_add_traceback(mp_pending_exception(), l.source_name, l.tok_line, 0);
}

/** Frees the lexer given to mp_parse (which drops its MPS_lexer root). */
function parse_free_lexer(lex: usize): void {
  mp_lexer_free(lex);
}

/**
 * Parses the token stream of `lex` (from mp_lexer_new_from_str_len) as
 * `input_kind` (MP_PARSE_SINGLE_INPUT, MP_PARSE_FILE_INPUT,
 * MP_PARSE_EVAL_INPUT), as MicroPython's mp_parse. Always frees the lexer.
 * Returns a tree handle (read the root with mp_parse_tree_root; free with
 * mp_parse_tree_clear; it stays rooted in MPS_parse_tree until then), or 0
 * with the exception pending: SyntaxError / IndentationError with a
 * traceback entry (file, line), MemoryError, or an error from a literal
 * (ValueError/SyntaxError from number parsing, NotImplementedError for \N).
 */
export function mp_parse(lex: usize, input_kind: u32): usize {
  if (lex == 0) return 0; // mp_lexer_new_* failed: its exception is pending
  const mark = mp_root_mark();
  mp_root_push(lex);
  const parser = gc_alloc(PARSER_SIZE, 0);
  if (parser == 0) {
    mp_raise_memory_error(PARSER_SIZE);
    parse_free_lexer(lex);
    mp_root_release(mark);
    return 0;
  }
  mp_root_push(parser);
  memory.fill(parser, 0, PARSER_SIZE);
  const p = P(parser);
  p.lexer = lex;
  p.rule_stack = gc_alloc(MICROPY_ALLOC_PARSE_RULE_INIT << 3, 0);
  p.rule_stack_alloc = MICROPY_ALLOC_PARSE_RULE_INIT;
  p.result_stack = p.rule_stack == 0 ? 0 : gc_alloc(MICROPY_ALLOC_PARSE_RESULT_INIT << 2, 0);
  p.result_stack_alloc = MICROPY_ALLOC_PARSE_RESULT_INIT;
  const tree: usize = p.result_stack == 0 ? 0 : gc_alloc(TREE_SIZE, 0);
  if (tree == 0) {
    mp_raise_memory_error(MICROPY_ALLOC_PARSE_RESULT_INIT << 2);
    parse_free_lexer(lex);
    mp_root_release(mark);
    return 0;
  }
  mp_root_push(tree);

  const ok = parse_run(parser, lex, input_kind);

  // close the current chunk (shrunk to fit) into the chain
  const chunk = p.cur_chunk;
  if (chunk != 0) {
    const used = load<usize>(chunk + 4);
    gc_realloc(chunk, CHUNK_HDR + used, false);
    store<usize>(chunk, used);
    store<usize>(chunk + 4, p.tree_chunk);
    p.tree_chunk = chunk;
    p.cur_chunk = 0;
  }

  let result: usize = 0;
  if (ok) {
    store<usize>(tree, load<usize>(p.result_stack));
    store<usize>(tree + 4, p.tree_chunk);
    store<usize>(tree + 8, mp_state_get(MPS_parse_tree));
    mp_state_set(MPS_parse_tree, tree);
    result = tree;
  }

  gc_free(p.rule_stack);
  gc_free(p.result_stack);
  p.rule_stack = 0;
  p.result_stack = 0;
  parse_free_lexer(lex);
  gc_free(parser);
  mp_root_release(mark);
  return result;
}

/** The parse loop of mp_parse; false with an exception pending. */
function parse_run(parser: usize, lex: usize, input_kind: u32): bool {
  const p = P(parser);
  const l = changetype<mp_lexer_t>(lex);

  let top_level_rule: u32;
  if (input_kind == MP_PARSE_SINGLE_INPUT) top_level_rule = RULE_single_input;
  else if (input_kind == MP_PARSE_EVAL_INPUT) top_level_rule = RULE_eval_input;
  else top_level_rule = RULE_file_input;
  if (!push_rule(parser, l.tok_line, top_level_rule, 0)) return false;

  let backtrack = false;

  while (p.rule_stack_top != 0) {
    // pop the next rule
    p.rule_stack_top -= 1;
    const e = p.rule_stack + (p.rule_stack_top << 3);
    const w0 = load<u32>(e);
    const rule_id = w0 & 0xff;
    const rule_src_line = w0 >> 8;
    let i = load<usize>(e + 4);
    const act = rule_act(rule_id);
    const rule_arg = rule_arg_ptr(rule_id);
    const n = <usize>(act & RULE_ACT_ARG_MASK);

    const kind = act & RULE_ACT_KIND_MASK;
    if (kind == RULE_ACT_OR) {
      if (i > 0 && !backtrack) continue;
      backtrack = false;
      let matched = false;
      for (; i < n; ++i) {
        const arg = <u32>load<u16>(rule_arg + (i << 1));
        if ((arg & RULE_ARG_KIND_MASK) == RULE_ARG_TOK) {
          if (l.tok_kind == (arg & RULE_ARG_ARG_MASK)) {
            if (!push_result_token(parser, rule_id)) return false;
            if (!mp_lexer_to_next(lex)) return false;
            matched = true;
            break;
          }
        } else {
          if (i + 1 < n) {
            if (!push_rule(parser, rule_src_line, rule_id, i + 1)) return false;
          }
          if (!push_rule_from_arg(parser, arg)) return false;
          matched = true;
          break;
        }
      }
      if (!matched) backtrack = true;
    } else if (kind == RULE_ACT_AND) {
      if (backtrack) {
        const prev = <u32>load<u16>(rule_arg + ((i - 1) << 1));
        if ((prev & RULE_ARG_KIND_MASK) == RULE_ARG_OPT_RULE) {
          // an optional rule failed: a NULL node, and go on
          if (!push_result_node(parser, MP_PARSE_NODE_NULL)) return false;
          backtrack = false;
        } else {
          // a mandatory rule failed
          if (i > 1) {
            raise_syntax_error(lex); // tokens were consumed: cannot backtrack
            return false;
          }
          continue;
        }
      }

      let pushed_child = false;
      for (; i < n; ++i) {
        const arg = <u32>load<u16>(rule_arg + (i << 1));
        if ((arg & RULE_ARG_KIND_MASK) == RULE_ARG_TOK) {
          const tok_kind = arg & RULE_ARG_ARG_MASK;
          if (l.tok_kind == tok_kind) {
            if (tok_kind == MP_TOKEN_NAME) {
              if (!push_result_token(parser, rule_id)) return false;
            }
            if (!mp_lexer_to_next(lex)) return false;
          } else {
            if (i > 0) {
              raise_syntax_error(lex);
              return false;
            }
            backtrack = true;
            pushed_child = true; // i.e. leave this rule
            break;
          }
        } else {
          if (!push_rule(parser, rule_src_line, rule_id, i + 1)) return false;
          if (!push_rule_from_arg(parser, arg)) return false;
          pushed_child = true;
          break;
        }
      }
      if (pushed_child) continue;

      // matched: build the node

      // lonely constant statements (doc strings...) are dropped (no doc strings)
      if (
        input_kind != MP_PARSE_SINGLE_INPUT &&
        rule_id == RULE_expr_stmt &&
        peek_result(parser, 0) == MP_PARSE_NODE_NULL
      ) {
        const pn = peek_result(parser, 1);
        if (
          (MP_PARSE_NODE_IS_LEAF(pn) && !MP_PARSE_NODE_IS_ID(pn)) ||
          MP_PARSE_NODE_IS_STRUCT_KIND(pn, RULE_const_object)
        ) {
          pop_result(parser);
          pop_result(parser);
          if (!push_result_rule(parser, rule_src_line, RULE_pass_stmt, 0)) return false;
          continue;
        }
      }

      // count the node's arguments: rules always pushed one, tokens only names
      i = 0;
      let num_not_nil: usize = 0;
      for (let x = n; x > 0; ) {
        --x;
        const arg = <u32>load<u16>(rule_arg + (x << 1));
        if ((arg & RULE_ARG_KIND_MASK) == RULE_ARG_TOK) {
          if ((arg & RULE_ARG_ARG_MASK) == MP_TOKEN_NAME) {
            i += 1;
            num_not_nil += 1;
          }
        } else {
          if (peek_result(parser, i) != MP_PARSE_NODE_NULL) num_not_nil += 1;
          i += 1;
        }
      }

      if (num_not_nil == 1 && (act & RULE_ACT_ALLOW_IDENT) != 0) {
        // one real argument: it stands for the whole rule
        let pn: usize = MP_PARSE_NODE_NULL;
        for (let x: usize = 0; x < i; ++x) {
          const pn2 = pop_result(parser);
          if (pn2 != MP_PARSE_NODE_NULL) pn = pn2;
        }
        if (!push_result_node(parser, pn)) return false;
      } else {
        if ((act & RULE_ACT_ADD_BLANK) != 0) {
          // an extra NULL node the compiler uses for its own data
          if (!push_result_node(parser, MP_PARSE_NODE_NULL)) return false;
          i += 1;
        }
        if (!push_result_rule(parser, rule_src_line, rule_id, i)) return false;
      }
    } else {
      // list rules: n == 2 item+; n == 1 item (sep item)*; n == 3 item (sep item)* [sep]
      let had_trailing_sep = false;
      let go_next_rule = false;
      let fail_list = false;
      if (!backtrack) {
        while (true) {
          const arg = <u32>load<u16>(rule_arg + ((i & 1 & n) << 1));
          if ((arg & RULE_ARG_KIND_MASK) == RULE_ARG_TOK) {
            if (l.tok_kind == (arg & RULE_ARG_ARG_MASK)) {
              if ((i & 1 & n) == 0) {
                if (!push_result_token(parser, rule_id)) return false;
              }
              if (!mp_lexer_to_next(lex)) return false;
              i += 1;
            } else {
              i += 1;
              backtrack = true;
              fail_list = true;
              break;
            }
          } else {
            if (!push_rule(parser, rule_src_line, rule_id, i + 1)) return false;
            if (!push_rule_from_arg(parser, arg)) return false;
            go_next_rule = true;
            break;
          }
        }
        if (go_next_rule) continue;
      } else {
        fail_list = true;
      }
      if (fail_list) {
        // an item or separator failed to match
        had_trailing_sep = false;
        if (n == 2) {
          if (i == 1) continue; // first item failed: propagate backtrack
          backtrack = false;
        } else {
          if (i == 1) {
            continue;
          } else if ((i & 1) == 1) {
            // an item after a separator failed
            if (n == 3) {
              had_trailing_sep = true;
              backtrack = false;
            } else {
              raise_syntax_error(lex);
              return false;
            }
          } else {
            // a separator failed: the list is complete
            backtrack = false;
          }
        }
      }

      // number of elements
      i -= 1;
      if ((n & 1) != 0 && (<u32>load<u16>(rule_arg + 2) & RULE_ARG_KIND_MASK) == RULE_ARG_TOK) {
        // separators that are tokens were not pushed
        i = (i + 1) / 2;
      }
      if (i == 1) {
        if (had_trailing_sep) {
          // "x," is a one-element list
          if (!push_result_rule(parser, rule_src_line, rule_id, i)) return false;
        }
        // else a single item stands for the list
      } else {
        if (!push_result_rule(parser, rule_src_line, rule_id, i)) return false;
      }
    }
  }

  if (l.tok_kind != MP_TOKEN_END || p.result_stack_top == 0) {
    raise_syntax_error(lex);
    return false;
  }
  return true;
}

/**
 * Frees a parse tree (its chunks) and unroots it (mp_parse_tree_clear). The
 * constant objects in it stay alive if the compiled code refers to them.
 */
export function mp_parse_tree_clear(tree: usize): void {
  if (tree == 0) return;
  let chunk = load<usize>(tree + 4);
  while (chunk != 0) {
    const next = load<usize>(chunk + 4);
    gc_free(chunk);
    chunk = next;
  }
  store<usize>(tree + 4, 0);
  store<usize>(tree, 0);
  // unlink from the stack of live trees
  let prev_slot: usize = 0;
  let t = mp_state_get(MPS_parse_tree);
  while (t != 0 && t != tree) {
    prev_slot = t;
    t = load<usize>(t + 8);
  }
  if (t == tree) {
    const below = load<usize>(tree + 8);
    if (prev_slot == 0) mp_state_set(MPS_parse_tree, below);
    else store<usize>(prev_slot + 8, below);
  }
  gc_free(tree);
}

// ---- debug printing (mp_parse_node_print, with rule names) ----

/**
 * Prints the tree under `pn` to printer `print`, one node per line, as
 * MicroPython's mp_parse_node_print with MICROPY_DEBUG_PARSE_RULE_NAME:
 * "[  12] rule_name(5) (n=2)" for struct nodes, "id(x)", "str(abc)",
 * "int(7)", "tok(14)" and "literal const(...)=repr" for leaves.
 */
export function mp_parse_node_print(print: usize, pn: usize, indent: usize): void {
  if (MP_PARSE_NODE_IS_STRUCT(pn)) {
    mp_print_str(print, "[");
    print_padded(print, <i32>mp_parse_node_source_line(pn), 4);
    mp_print_str(print, "] ");
  } else {
    mp_print_str(print, "       ");
  }
  for (let i: usize = 0; i < indent; i++) mp_print_char(print, 32);
  if (MP_PARSE_NODE_IS_NULL(pn)) {
    mp_print_str(print, "NULL\n");
  } else if (MP_PARSE_NODE_IS_SMALL_INT(pn)) {
    mp_print_str(print, "int(");
    mp_print_int(print, MP_PARSE_NODE_LEAF_SMALL_INT(pn));
    mp_print_str(print, ")\n");
  } else if (MP_PARSE_NODE_IS_LEAF(pn)) {
    const arg = MP_PARSE_NODE_LEAF_ARG(pn);
    const k = MP_PARSE_NODE_LEAF_KIND(pn);
    if (k == MP_PARSE_NODE_ID || k == MP_PARSE_NODE_STRING) {
      mp_print_str(print, k == MP_PARSE_NODE_ID ? "id(" : "str(");
      print_bytes(print, qstr_str(arg), qstr_len(arg));
      mp_print_str(print, ")\n");
    } else {
      mp_print_str(print, "tok(");
      mp_print_int(print, <i64>arg);
      mp_print_str(print, ")\n");
    }
  } else if (MP_PARSE_NODE_STRUCT_KIND(pn) == RULE_const_object) {
    const obj = mp_parse_node_extract_const_object(pn);
    mp_print_str(print, "literal const(0x");
    mp_print_hex(print, <u32>obj);
    mp_print_str(print, ")=");
    if (!mp_obj_print_helper(print, obj, PRINT_REPR)) mp_take_exception();
    mp_print_str(print, "\n");
  } else {
    const k = MP_PARSE_NODE_STRUCT_KIND(pn);
    const n = MP_PARSE_NODE_STRUCT_NUM_NODES(pn);
    const name = rule_name(k);
    let len: usize = 0;
    while (load<u8>(name + len) != 0) len++;
    print_bytes(print, name, len);
    mp_print_str(print, "(");
    mp_print_int(print, k);
    mp_print_str(print, ") (n=");
    mp_print_int(print, n);
    mp_print_str(print, ")\n");
    for (let i: u32 = 0; i < n; i++) {
      mp_parse_node_print(print, mp_parse_node_child(pn, i), indent + 2);
    }
  }
}

function print_bytes(print: usize, p: usize, len: usize): void {
  for (let i: usize = 0; i < len; i++) mp_print_char(print, load<u8>(p + i));
}

/** Prints `v` as C's printf("% *d", width, v): a sign or space, right-aligned in `width`. */
function print_padded(print: usize, v: i32, width: i32): void {
  let digits = 1;
  let t = v < 0 ? -v : v;
  while (t >= 10) {
    t /= 10;
    digits++;
  }
  digits++; // the sign or the space
  for (let i = digits; i < width; i++) mp_print_char(print, 32);
  if (v >= 0) mp_print_char(print, 32);
  mp_print_int(print, v);
}
