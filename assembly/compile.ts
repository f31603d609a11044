// The compiler, as MicroPython's compile.c: walks the parse tree (parse.ts,
// rule ids from grammar.ts) scope by scope and drives the bytecode emitter
// (emitbc.ts) through MicroPython's passes:
//   MP_PASS_SCOPE       find the scopes and their identifiers
//   (scope_compute_things: number locals, cells and frees)
//   MP_PASS_STACK_SIZE  maximum value-stack and exception-stack depths
//   MP_PASS_CODE_SIZE   code size and label offsets
//   MP_PASS_EMIT        write the code (repeated while it shrinks)
// The output is MicroPython's v6 bytecode, byte for byte what mpy-cross
// writes: raw codes (emitglue.ts) plus the module's qstr and constant tables.
//
// Only the bytecode emitter exists (as MicroPython with MICROPY_EMIT_NATIVE
// off: @micropython.native/viper/asm_* are invalid decorators), so the
// compiler calls mp_emit_bc_* directly, as compile.c does without a method
// table. A native emitter plugs in where compile_scope_emit picks the emitter
// for a scope (scope.emit_options), in compile_built_in_decorator, and with
// compile.c's MICROPY_EMIT_NATIVE parts (reserve_labels_for_native, the
// REFGLOBALS/HASCONSTS scope flags), which do not change bytecode.
//
// compiler_t (64 bytes, GC heap, on the root stack while compiling; every
// heap object the compiler makes is reachable from it):
//
//   +0  compile_error   SyntaxError (or other) exception, 0 if none
//   +4  scope_head      first scope_t (the module); scopes chain by .next
//   +8  scope_cur       scope being compiled
//   +12 emit            emit_t (bytecode emitter)
//   +16 emit_common     mp_emit_common_t (qstr/const tables, children)
//   +20 parse_tree      the parse tree being compiled (kept alive)
//   +24 source_file     qstr         +28 compile_error_line
//   +32 next_label      +36 is_repl  +40 pass  +44 have_star
//   +48 num_dict_params | num_default_params << 16
//   +52 break_label     +56 continue_label (0xffff: none)
//   +60 cur_except_level | break_continue_except_level << 16

import { gc_alloc } from "./gc";
import {
  mp_obj_t,
  MP_OBJ_NULL,
} from "./obj";
import { qstr, qstr_len, qstr_str, qstr_from_strn } from "./qstr";
import { mp_root_mark, mp_root_push, mp_root_release, mp_root_alloc } from "./rootstack";
import { mp_state_get, MPS_dict_globals, mp_optimise_value, mp_verbose_flag } from "./mpstate";
import { mp_bytecode_print } from "./showbc";
import { mp_plat_print } from "./mpprint";
import {
  mp_type_SyntaxError,
  mp_type_RuntimeError,
  mp_raise_msg,
  mp_raise_obj,
  mp_take_exception,
  mp_obj_exception_add_traceback,
  mp_const_MemoryError_obj,
} from "./objexcept";
import { mp_raise_memory_error } from "./runtime";
import * as R from "./runtime0";
import * as G from "./grammar";
import * as T from "./lexer";
import * as Q from "./genhdr";
import { mp_parse_node_is_const_false, mp_parse_node_is_const_true, mp_parse_tree_clear } from "./parse";
import {
  scope_t,
  id_info_t,
  scope_new,
  scope_id,
  scope_find,
  scope_find_or_add_id,
  scope_find_global,
  scope_check_to_close_over,
  SCOPE_MODULE,
  SCOPE_CLASS,
  SCOPE_LAMBDA,
  SCOPE_LIST_COMP,
  SCOPE_DICT_COMP,
  SCOPE_SET_COMP,
  SCOPE_GEN_EXPR,
  SCOPE_FUNCTION,
  SCOPE_IS_FUNC_LIKE,
  SCOPE_IS_COMP_LIKE,
  ID_INFO_KIND_UNDECIDED,
  ID_INFO_KIND_GLOBAL_IMPLICIT,
  ID_INFO_KIND_GLOBAL_EXPLICIT,
  ID_INFO_KIND_LOCAL,
  ID_INFO_KIND_CELL,
  ID_INFO_KIND_FREE,
  ID_FLAG_IS_PARAM,
  ID_FLAG_IS_STAR_PARAM,
  ID_FLAG_IS_DBL_STAR_PARAM,
  ID_INFO_SIZE,
} from "./scope";
import {
  mp_emit_common_t,
  mp_emit_common_new,
  mp_emit_common_init,
  mp_emit_common_start_pass,
  mp_emit_common_populate_module_context,
  mp_emit_common_get_id_for_load,
  mp_emit_common_get_id_for_modification,
  mp_emit_common_resolve_id,
  mp_emit_common_n_qstr,
  id_op_is_local,
  id_op_kind,
  id_op_local_num,
  MP_PASS_SCOPE,
  MP_PASS_STACK_SIZE,
  MP_PASS_CODE_SIZE,
  MP_PASS_EMIT,
  MP_EMIT_IDOP_LOCAL_FAST,
  MP_EMIT_IDOP_GLOBAL_GLOBAL,
} from "./emitcommon";
import {
  emit_t,
  emit_bc_new,
  emit_bc_set_max_num_labels,
  mp_emit_bc_start_pass,
  mp_emit_bc_end_pass,
  mp_emit_bc_adjust_stack_size,
  mp_emit_bc_set_source_line,
  mp_emit_bc_load_local,
  mp_emit_bc_load_global,
  mp_emit_bc_store_local,
  mp_emit_bc_store_global,
  mp_emit_bc_delete_local,
  mp_emit_bc_delete_global,
  mp_emit_bc_label_assign,
  mp_emit_bc_import,
  mp_emit_bc_load_const_tok,
  mp_emit_bc_load_const_small_int,
  mp_emit_bc_load_const_str,
  mp_emit_bc_load_const_obj,
  mp_emit_bc_load_null,
  mp_emit_bc_load_method,
  mp_emit_bc_load_build_class,
  mp_emit_bc_subscr,
  mp_emit_bc_attr,
  mp_emit_bc_dup_top,
  mp_emit_bc_dup_top_two,
  mp_emit_bc_pop_top,
  mp_emit_bc_rot_two,
  mp_emit_bc_rot_three,
  mp_emit_bc_jump,
  mp_emit_bc_pop_jump_if,
  mp_emit_bc_jump_if_or_pop,
  mp_emit_bc_unwind_jump,
  mp_emit_bc_setup_block,
  mp_emit_bc_with_cleanup,
  mp_emit_bc_async_with_setup_finally,
  mp_emit_bc_end_finally,
  mp_emit_bc_get_iter,
  mp_emit_bc_for_iter,
  mp_emit_bc_for_iter_end,
  mp_emit_bc_pop_except_jump,
  mp_emit_bc_unary_op,
  mp_emit_bc_binary_op,
  mp_emit_bc_build,
  mp_emit_bc_store_map,
  mp_emit_bc_store_comp,
  mp_emit_bc_unpack_sequence,
  mp_emit_bc_unpack_ex,
  mp_emit_bc_make_function,
  mp_emit_bc_make_closure,
  mp_emit_bc_call_function,
  mp_emit_bc_call_method,
  mp_emit_bc_return_value,
  mp_emit_bc_raise_varargs,
  mp_emit_bc_yield,
  mp_emit_bc_start_except_handler,
  mp_emit_bc_end_except_handler,
  MP_EMIT_BREAK_FROM_FOR,
  MP_EMIT_IMPORT_NAME,
  MP_EMIT_IMPORT_FROM,
  MP_EMIT_IMPORT_STAR,
  MP_EMIT_SUBSCR_LOAD,
  MP_EMIT_SUBSCR_STORE,
  MP_EMIT_SUBSCR_DELETE,
  MP_EMIT_ATTR_LOAD,
  MP_EMIT_ATTR_STORE,
  MP_EMIT_ATTR_DELETE,
  MP_EMIT_SETUP_BLOCK_WITH,
  MP_EMIT_SETUP_BLOCK_EXCEPT,
  MP_EMIT_SETUP_BLOCK_FINALLY,
  MP_EMIT_BUILD_TUPLE,
  MP_EMIT_BUILD_LIST,
  MP_EMIT_BUILD_MAP,
  MP_EMIT_BUILD_SET,
  MP_EMIT_BUILD_SLICE,
  MP_EMIT_YIELD_VALUE,
  MP_EMIT_YIELD_FROM,
  MP_EMIT_STAR_FLAG_SINGLE,
  MP_EMIT_STAR_FLAG_DOUBLE,
} from "./emitbc";
import { MP_EMIT_OPT_NONE, MP_EMIT_OPT_BYTECODE, CTX_globals, mp_raw_code_kind, MP_CODE_BYTECODE } from "./emitglue";
import { mp_make_function_from_proto_fun } from "./objfun";


/** Emitter options new module scopes start with (MP_STATE_VM(default_emit_opt); -X emit=). */
export let mp_default_emit_opt: u32 = MP_EMIT_OPT_NONE;
export function mp_set_default_emit_opt(opt: u32): void {
  mp_default_emit_opt = opt;
}

@inline const INVALID_LABEL: u32 = 0xffff;

@unmanaged
class compiler_t {
  compile_error: usize;
  scope_head: usize;
  scope_cur: usize;
  emit: usize;
  emit_common: usize;
  parse_tree: usize;
  source_file: u32;
  compile_error_line: u32;
  next_label: u32;
  is_repl: u32;
  pass: u32;
  have_star: u32;
  num_dict_params: u16;
  num_default_params: u16;
  break_label: u32;
  continue_label: u32;
  cur_except_level: u16;
  break_continue_except_level: u16;
}
@inline const COMPILER_SIZE: usize = 64;

// ---- parse nodes (parse.h) ----
//   0                 no node
//   xxxx...xxx1       small int (value = word >> 1, signed)
//   xxxx...xx00       pointer to a struct node: +0 source_line, +4 kind | n_nodes << 8, +8 nodes[]
//   xx...xx0010       identifier (qstr in bits 4+)
//   xx...xx0110       string (qstr in bits 4+)
//   xx...xx1010       token (kind in bits 4+)

@inline const PN_ID: usize = 0x02;
@inline const PN_STRING: usize = 0x06;
@inline const PN_TOKEN: usize = 0x0a;

@inline function PN_IS_NULL(pn: usize): bool {
  return pn == 0;
}
@inline function PN_IS_LEAF(pn: usize): bool {
  return (pn & 3) != 0;
}
@inline function PN_IS_STRUCT(pn: usize): bool {
  return pn != 0 && (pn & 3) == 0;
}
@inline function PN_KIND(pns: usize): u32 {
  return load<u32>(pns + 4) & 0xff;
}
@inline function PN_IS_STRUCT_KIND(pn: usize, k: u32): bool {
  return pn != 0 && (pn & 3) == 0 && (load<u32>(pn + 4) & 0xff) == k;
}
@inline function PN_IS_SMALL_INT(pn: usize): bool {
  return (pn & 1) != 0;
}
@inline function PN_IS_ID(pn: usize): bool {
  return (pn & 0x0f) == PN_ID;
}
@inline function PN_IS_TOKEN(pn: usize): bool {
  return (pn & 0x0f) == PN_TOKEN;
}
@inline function PN_IS_TOKEN_KIND(pn: usize, k: u32): bool {
  return pn == (PN_TOKEN | (<usize>k << 4));
}
@inline function PN_LEAF_KIND(pn: usize): usize {
  return pn & 0x0f;
}
@inline function PN_LEAF_ARG(pn: usize): usize {
  return pn >> 4;
}
@inline function PN_LEAF_SMALL_INT(pn: usize): i32 {
  return (<i32>pn) >> 1;
}
@inline function PN_NUM_NODES(pns: usize): u32 {
  return load<u32>(pns + 4) >> 8;
}
@inline function PN_LINE(pns: usize): u32 {
  return load<u32>(pns);
}
@inline function N(pns: usize, i: u32): usize {
  return load<usize>(pns + 8 + (<usize>i << 2));
}
/** Address of node slot `i` of struct `pns`. */
@inline function NA(pns: usize, i: u32): usize {
  return pns + 8 + (<usize>i << 2);
}
@inline function pn_new_small_int(v: i32): usize {
  return <usize>(1 | (v << 1));
}

/** True if a testlist_comp struct is a comprehension (2 nodes, the second a comp_for). */
@inline function TESTLIST_COMP_HAS_COMP_FOR(pns: usize): bool {
  return PN_NUM_NODES(pns) == 2 && PN_IS_STRUCT_KIND(N(pns, 1), G.RULE_comp_for);
}

// Result of extract_list: the address of the first node of the list.
let el_nodes: usize = 0;

/**
 * The nodes of the list in the node slot at `slot` if it is a struct of
 * `kind`, else the slot itself as a list of one (none if null). Returns the
 * count; el_nodes holds their address (read it at once). As
 * mp_parse_node_extract_list.
 */
function extract_list(slot: usize, kind: u32): u32 {
  const pn = load<usize>(slot);
  if (pn == 0) {
    el_nodes = 0;
    return 0;
  }
  if (PN_IS_LEAF(pn) || PN_KIND(pn) != kind) {
    el_nodes = slot;
    return 1;
  }
  el_nodes = pn + 8;
  return PN_NUM_NODES(pn);
}

@inline function L(nodes: usize, i: u32): usize {
  return load<usize>(nodes + (<usize>i << 2));
}

// A null node slot, for calls with an absent argument list.
const null_slot: usize = memory.data(4, 4);

// ---- compiler helpers ----

@inline function E(comp: compiler_t): emit_t {
  return changetype<emit_t>(comp.emit);
}
@inline function SC(comp: compiler_t): scope_t {
  return changetype<scope_t>(comp.scope_cur);
}
@inline function EC(comp: compiler_t): mp_emit_common_t {
  return changetype<mp_emit_common_t>(comp.emit_common);
}
@inline function scope_of(p: usize): scope_t {
  return changetype<scope_t>(p);
}

/** Records a pending MemoryError (or other raised exception) as the compile error. */
function compile_take_error(comp: compiler_t): void {
  const exc = mp_take_exception();
  if (comp.compile_error == 0) comp.compile_error = exc;
}

function compile_error_set_line(comp: compiler_t, pn: usize): void {
  if (comp.compile_error_line == 0 && PN_IS_STRUCT(pn)) {
    comp.compile_error_line = PN_LINE(pn);
  }
}

function compile_syntax_error(comp: compiler_t, pn: usize, msg: string): void {
  // only the first error is reported
  if (comp.compile_error == 0) {
    mp_raise_msg(mp_type_SyntaxError, msg);
    comp.compile_error = mp_take_exception();
    compile_error_set_line(comp, pn);
  }
}

@inline function comp_next_label(comp: compiler_t): u32 {
  return comp.next_label++;
}

function compile_increase_except_level(comp: compiler_t, label: u32, kind: u32): void {
  mp_emit_bc_setup_block(E(comp), label, kind);
  comp.cur_except_level += 1;
  const sc = SC(comp);
  if (comp.cur_except_level > sc.exc_stack_size) sc.exc_stack_size = comp.cur_except_level;
}

function compile_decrease_except_level(comp: compiler_t): void {
  comp.cur_except_level -= 1;
  mp_emit_bc_end_finally(E(comp));
}

function scope_new_and_link(comp: compiler_t, kind: u32, pn: usize, emit_options: u32): scope_t {
  const scope = scope_new(kind, pn, emit_options);
  if (changetype<usize>(scope) == 0) {
    compile_take_error(comp);
    return scope;
  }
  scope.parent = comp.scope_cur;
  scope.next = 0;
  if (comp.scope_head == 0) {
    comp.scope_head = changetype<usize>(scope);
  } else {
    let s = scope_of(comp.scope_head);
    while (s.next != 0) s = scope_of(s.next);
    s.next = changetype<usize>(scope);
  }
  return scope;
}

// What apply_to_single_or_list applies (C passes a function pointer).
@inline const APPLY_FUNCDEF_LAMBDEF_PARAM: u32 = 0;
@inline const APPLY_DEL_STMT: u32 = 1;
@inline const APPLY_DOTTED_AS_NAME: u32 = 2;
@inline const APPLY_SCOPE_FUNC_PARAM: u32 = 3;
@inline const APPLY_SCOPE_LAMBDA_PARAM: u32 = 4;

function apply_one(comp: compiler_t, pn: usize, f: u32): void {
  switch (f) {
    case APPLY_FUNCDEF_LAMBDEF_PARAM:
      compile_funcdef_lambdef_param(comp, pn);
      break;
    case APPLY_DEL_STMT:
      c_del_stmt(comp, pn);
      break;
    case APPLY_DOTTED_AS_NAME:
      compile_dotted_as_name(comp, pn);
      break;
    case APPLY_SCOPE_FUNC_PARAM:
      compile_scope_func_lambda_param(comp, pn, G.RULE_typedargslist_name, G.RULE_typedargslist_star, G.RULE_typedargslist_dbl_star);
      break;
    default:
      compile_scope_func_lambda_param(comp, pn, G.RULE_varargslist_name, G.RULE_varargslist_star, G.RULE_varargslist_dbl_star);
      break;
  }
}

function apply_to_single_or_list(comp: compiler_t, pn: usize, pn_list_kind: u32, f: u32): void {
  if (PN_IS_STRUCT_KIND(pn, pn_list_kind)) {
    const n = PN_NUM_NODES(pn);
    for (let i: u32 = 0; i < n; i++) apply_one(comp, N(pn, i), f);
  } else if (!PN_IS_NULL(pn)) {
    apply_one(comp, pn, f);
  }
}

function compile_generic_all_nodes(comp: compiler_t, pns: usize): void {
  const n = PN_NUM_NODES(pns);
  for (let i: u32 = 0; i < n; i++) {
    compile_node(comp, N(pns, i));
    if (comp.compile_error != 0) {
      // give the error a line if it has none yet
      compile_error_set_line(comp, N(pns, i));
      return;
    }
  }
}

function emit_id_op(comp: compiler_t, qst: qstr, op: u32): void {
  mp_emit_common_resolve_id(SC(comp), qst);
  const e = E(comp);
  if (id_op_is_local) {
    if (op == 0) mp_emit_bc_load_local(e, qst, id_op_local_num, id_op_kind);
    else if (op == 1) mp_emit_bc_store_local(e, qst, id_op_local_num, id_op_kind);
    else mp_emit_bc_delete_local(e, qst, id_op_local_num, id_op_kind);
  } else {
    if (op == 0) mp_emit_bc_load_global(e, qst, id_op_kind);
    else if (op == 1) mp_emit_bc_store_global(e, qst, id_op_kind);
    else mp_emit_bc_delete_global(e, qst, id_op_kind);
  }
}

function compile_load_id(comp: compiler_t, qst: qstr): void {
  if (comp.pass == MP_PASS_SCOPE) {
    if (!mp_emit_common_get_id_for_load(SC(comp), qst)) compile_take_error(comp);
  } else {
    emit_id_op(comp, qst, 0);
  }
}

function compile_store_id(comp: compiler_t, qst: qstr): void {
  if (comp.pass == MP_PASS_SCOPE) {
    if (mp_emit_common_get_id_for_modification(SC(comp), qst) == null) compile_take_error(comp);
  } else {
    emit_id_op(comp, qst, 1);
  }
}

function compile_delete_id(comp: compiler_t, qst: qstr): void {
  if (comp.pass == MP_PASS_SCOPE) {
    if (mp_emit_common_get_id_for_modification(SC(comp), qst) == null) compile_take_error(comp);
  } else {
    emit_id_op(comp, qst, 2);
  }
}

function compile_generic_tuple(comp: compiler_t, pns: usize): void {
  const n = PN_NUM_NODES(pns);
  for (let i: u32 = 0; i < n; i++) compile_node(comp, N(pns, i));
  mp_emit_bc_build(E(comp), n, MP_EMIT_BUILD_TUPLE);
}

function c_if_cond(comp: compiler_t, pn: usize, jump_if: bool, label: u32): void {
  if (mp_parse_node_is_const_false(pn)) {
    if (jump_if == false) mp_emit_bc_jump(E(comp), label);
    return;
  } else if (mp_parse_node_is_const_true(pn)) {
    if (jump_if == true) mp_emit_bc_jump(E(comp), label);
    return;
  } else if (PN_IS_STRUCT(pn)) {
    const n = PN_NUM_NODES(pn);
    const kind = PN_KIND(pn);
    if (kind == G.RULE_or_test || kind == G.RULE_and_test) {
      // "or" with jump_if false and "and" with jump_if true need a skip label
      const logic1 = (kind == G.RULE_or_test) == (jump_if == false);
      if (logic1) {
        const label2 = comp_next_label(comp);
        for (let i: u32 = 0; i + 1 < n; i++) c_if_cond(comp, N(pn, i), !jump_if, label2);
        c_if_cond(comp, N(pn, n - 1), jump_if, label);
        mp_emit_bc_label_assign(E(comp), label2);
      } else {
        for (let i: u32 = 0; i < n; i++) c_if_cond(comp, N(pn, i), jump_if, label);
      }
      return;
    } else if (kind == G.RULE_not_test_2) {
      c_if_cond(comp, N(pn, 0), !jump_if, label);
      return;
    }
  }
  // nothing special: compile the node and jump on its value
  compile_node(comp, pn);
  mp_emit_bc_pop_jump_if(E(comp), jump_if, label);
}

@inline const ASSIGN_STORE: u32 = 0;
@inline const ASSIGN_AUG_LOAD: u32 = 1;
@inline const ASSIGN_AUG_STORE: u32 = 2;

function c_assign_atom_expr(comp: compiler_t, pns: usize, assign_kind: u32): void {
  if (assign_kind != ASSIGN_AUG_STORE) compile_node(comp, N(pns, 0));
  if (PN_IS_STRUCT(N(pns, 1))) {
    let pns1 = N(pns, 1);
    if (PN_KIND(pns1) == G.RULE_atom_expr_trailers) {
      const n = PN_NUM_NODES(pns1);
      if (assign_kind != ASSIGN_AUG_STORE) {
        for (let i: u32 = 0; i + 1 < n; i++) compile_node(comp, N(pns1, i));
      }
      pns1 = N(pns1, n - 1);
    }
    const k1 = PN_KIND(pns1);
    if (k1 == G.RULE_trailer_bracket) {
      if (assign_kind == ASSIGN_AUG_STORE) {
        mp_emit_bc_rot_three(E(comp));
        mp_emit_bc_subscr(E(comp), MP_EMIT_SUBSCR_STORE);
      } else {
        compile_node(comp, N(pns1, 0));
        if (assign_kind == ASSIGN_AUG_LOAD) {
          mp_emit_bc_dup_top_two(E(comp));
          mp_emit_bc_subscr(E(comp), MP_EMIT_SUBSCR_LOAD);
        } else {
          mp_emit_bc_subscr(E(comp), MP_EMIT_SUBSCR_STORE);
        }
      }
      return;
    } else if (k1 == G.RULE_trailer_period) {
      if (assign_kind == ASSIGN_AUG_LOAD) {
        mp_emit_bc_dup_top(E(comp));
        mp_emit_bc_attr(E(comp), PN_LEAF_ARG(N(pns1, 0)), MP_EMIT_ATTR_LOAD);
      } else {
        if (assign_kind == ASSIGN_AUG_STORE) mp_emit_bc_rot_two(E(comp));
        mp_emit_bc_attr(E(comp), PN_LEAF_ARG(N(pns1, 0)), MP_EMIT_ATTR_STORE);
      }
      return;
    }
  }
  compile_syntax_error(comp, pns, "can't assign to expression");
}

function c_assign_tuple(comp: compiler_t, num_tail: u32, nodes_tail: usize): void {
  // look for a star expression
  let have_star_index: u32 = 0xffffffff;
  for (let i: u32 = 0; i < num_tail; i++) {
    if (PN_IS_STRUCT_KIND(L(nodes_tail, i), G.RULE_star_expr)) {
      if (have_star_index == 0xffffffff) {
        mp_emit_bc_unpack_ex(E(comp), i, num_tail - i - 1);
        have_star_index = i;
      } else {
        compile_syntax_error(comp, L(nodes_tail, i), "multiple *x in assignment");
        return;
      }
    }
  }
  if (have_star_index == 0xffffffff) mp_emit_bc_unpack_sequence(E(comp), num_tail);
  for (let i: u32 = 0; i < num_tail; i++) {
    if (i == have_star_index) {
      c_assign(comp, N(L(nodes_tail, i), 0), ASSIGN_STORE);
    } else {
      c_assign(comp, L(nodes_tail, i), ASSIGN_STORE);
    }
  }
}

/** Assigns the top of the stack to `pn`. */
function c_assign(comp: compiler_t, pn: usize, assign_kind: u32): void {
  if (PN_IS_LEAF(pn)) {
    if (PN_IS_ID(pn)) {
      const arg = PN_LEAF_ARG(pn);
      if (assign_kind == ASSIGN_AUG_LOAD) compile_load_id(comp, arg);
      else compile_store_id(comp, arg);
      return;
    }
  } else {
    let pns = pn;
    const kind = PN_KIND(pns);
    if (kind == G.RULE_atom_expr_normal) {
      // lhs is an index or attribute
      c_assign_atom_expr(comp, pns, assign_kind);
      return;
    } else if (kind == G.RULE_testlist_star_expr || kind == G.RULE_exprlist) {
      // lhs is a tuple
      if (assign_kind == ASSIGN_STORE) {
        c_assign_tuple(comp, PN_NUM_NODES(pns), NA(pns, 0));
        return;
      }
    } else if (kind == G.RULE_atom_paren) {
      // lhs is something in parentheses; () cannot be assigned
      if (!PN_IS_NULL(N(pns, 0)) && assign_kind == ASSIGN_STORE) {
        pns = N(pns, 0);
        if (!TESTLIST_COMP_HAS_COMP_FOR(pns)) {
          c_assign_tuple(comp, PN_NUM_NODES(pns), NA(pns, 0));
          return;
        }
      }
    } else if (kind == G.RULE_atom_bracket) {
      // lhs is something in brackets
      if (assign_kind == ASSIGN_STORE) {
        if (PN_IS_NULL(N(pns, 0))) {
          // empty list, assignment allowed
          c_assign_tuple(comp, 0, 0);
          return;
        } else if (PN_IS_STRUCT_KIND(N(pns, 0), G.RULE_testlist_comp)) {
          pns = N(pns, 0);
          if (!TESTLIST_COMP_HAS_COMP_FOR(pns)) {
            c_assign_tuple(comp, PN_NUM_NODES(pns), NA(pns, 0));
            return;
          }
        } else {
          // brackets around one item
          c_assign_tuple(comp, 1, NA(pns, 0));
          return;
        }
      }
    }
  }
  compile_syntax_error(comp, pn, "can't assign to expression");
}

// Makes a function or closure of `this_scope` from the current scope. With
// n_pos_defaults > 0 a tuple of positional defaults is on the stack; with
// n_kw_defaults > 0 a dict of keyword defaults (the tuple above the dict).
function close_over_variables_etc(comp: compiler_t, this_scope: scope_t, n_pos_defaults: u32, n_kw_defaults: u32): void {
  if (n_kw_defaults > 0) this_scope.scope_flags |= <u16>R.MP_SCOPE_FLAG_DEFKWARGS;
  this_scope.num_def_pos_args = <u16>n_pos_defaults;

  // closed-over variables, in the order of the outer scope (as CPython)
  let nfree: u32 = 0;
  const cur = SC(comp);
  if (cur.kind != SCOPE_MODULE) {
    for (let i: usize = 0; i < <usize>cur.id_info_len; i++) {
      const id = scope_id(cur, i);
      if (id.kind == ID_INFO_KIND_CELL || id.kind == ID_INFO_KIND_FREE) {
        for (let j: usize = 0; j < <usize>this_scope.id_info_len; j++) {
          const id2 = scope_id(this_scope, j);
          if (id2.kind == ID_INFO_KIND_FREE && id.qst == id2.qst) {
            // closures are loaded with LOAD_FAST in MicroPython
            mp_emit_bc_load_local(E(comp), <usize>id.qst, id.local_num, MP_EMIT_IDOP_LOCAL_FAST);
            nfree += 1;
          }
        }
      }
    }
  }

  if (nfree == 0) {
    mp_emit_bc_make_function(E(comp), this_scope, n_pos_defaults, n_kw_defaults);
  } else {
    mp_emit_bc_make_closure(E(comp), this_scope, nfree, n_pos_defaults, n_kw_defaults);
  }
}

function compile_funcdef_lambdef_param(comp: compiler_t, pn: usize): void {
  let pn_kind: i32;
  if (PN_IS_ID(pn)) {
    pn_kind = -1;
  } else {
    pn_kind = <i32>PN_KIND(pn);
  }

  if (pn_kind == <i32>G.RULE_typedargslist_star || pn_kind == <i32>G.RULE_varargslist_star) {
    comp.have_star = 1;
  } else if (pn_kind == <i32>G.RULE_typedargslist_dbl_star || pn_kind == <i32>G.RULE_varargslist_dbl_star) {
    // named double star: nothing to do here
  } else {
    let pn_id: usize;
    let pn_equal: usize;
    if (pn_kind == -1) {
      // just an identifier
      pn_id = pn;
      pn_equal = 0;
    } else if (pn_kind == <i32>G.RULE_typedargslist_name) {
      // with a colon and/or an equal specifier
      pn_id = N(pn, 0);
      pn_equal = N(pn, 2);
    } else {
      // varargslist_name: with an equal specifier
      pn_id = N(pn, 0);
      pn_equal = N(pn, 1);
    }

    if (PN_IS_NULL(pn_equal)) {
      // no default value: the parser allows this after defaults, Python does not
      if (comp.have_star == 0 && comp.num_default_params != 0) {
        compile_syntax_error(comp, pn, "non-default argument follows default argument");
        return;
      }
    } else {
      if (comp.have_star != 0) {
        comp.num_dict_params += 1;
        // keyword-only defaults go into a dict built by the bytecode
        if (comp.num_dict_params == 1) {
          // first build the tuple of positional defaults (or a NULL for none)
          if (comp.num_default_params > 0) {
            mp_emit_bc_build(E(comp), comp.num_default_params, MP_EMIT_BUILD_TUPLE);
          } else {
            mp_emit_bc_load_null(E(comp));
          }
          mp_emit_bc_build(E(comp), 0, MP_EMIT_BUILD_MAP);
        }
        // value, then key, then store into the dict
        compile_node(comp, pn_equal);
        mp_emit_bc_load_const_str(E(comp), PN_LEAF_ARG(pn_id));
        mp_emit_bc_store_map(E(comp));
      } else {
        comp.num_default_params += 1;
        compile_node(comp, pn_equal);
      }
    }
  }
}

function compile_funcdef_lambdef(comp: compiler_t, scope: scope_t, pn_params: usize, pn_list_kind: u32): void {
  // default values may contain lambdas that come back here: save the state
  const orig_have_star = comp.have_star;
  const orig_num_dict_params = comp.num_dict_params;
  const orig_num_default_params = comp.num_default_params;

  comp.have_star = 0;
  comp.num_dict_params = 0;
  comp.num_default_params = 0;
  apply_to_single_or_list(comp, pn_params, pn_list_kind, APPLY_FUNCDEF_LAMBDEF_PARAM);

  if (comp.compile_error != 0) return;

  // the positional defaults tuple, unless the keyword defaults made it already
  if (comp.num_default_params > 0 && comp.num_dict_params == 0) {
    mp_emit_bc_build(E(comp), comp.num_default_params, MP_EMIT_BUILD_TUPLE);
    mp_emit_bc_load_null(E(comp)); // no keyword defaults
  }

  close_over_variables_etc(comp, scope, comp.num_default_params, comp.num_dict_params);

  comp.have_star = orig_have_star;
  comp.num_dict_params = orig_num_dict_params;
  comp.num_default_params = orig_num_default_params;
}

// Leaves the function object on the stack and returns its name.
function compile_funcdef_helper(comp: compiler_t, pns: usize, emit_options: u32): qstr {
  if (comp.pass == MP_PASS_SCOPE) {
    // a new scope for this function, remembered in the parse tree for later passes
    const s = scope_new_and_link(comp, SCOPE_FUNCTION, pns, emit_options);
    store<usize>(NA(pns, 4), changetype<usize>(s));
  }
  const fscope = scope_of(N(pns, 4));
  if (changetype<usize>(fscope) == 0) return 0;
  compile_funcdef_lambdef(comp, fscope, N(pns, 1), G.RULE_typedargslist);
  return <usize>fscope.simple_name;
}

// Leaves the class object on the stack and returns its name.
function compile_classdef_helper(comp: compiler_t, pns: usize, emit_options: u32): qstr {
  if (comp.pass == MP_PASS_SCOPE) {
    const s = scope_new_and_link(comp, SCOPE_CLASS, pns, emit_options);
    store<usize>(NA(pns, 3), changetype<usize>(s));
  }
  mp_emit_bc_load_build_class(E(comp));
  const cscope = scope_of(N(pns, 3));
  if (changetype<usize>(cscope) == 0) return 0;
  close_over_variables_etc(comp, cscope, 0, 0);
  mp_emit_bc_load_const_str(E(comp), <usize>cscope.simple_name);
  // nodes[1] has the parent classes; "class C():" gives an empty classdef_2
  let parents_slot = NA(pns, 1);
  if (PN_IS_STRUCT_KIND(N(pns, 1), G.RULE_classdef_2)) parents_slot = null_slot;
  compile_trailer_paren_helper(comp, parents_slot, false, 2);
  return <usize>cscope.simple_name;
}

// Set by compile_built_in_decorator.
let decorator_emit_options: u32 = 0;

// Returns true for a built-in (micropython.*) decorator, even an invalid one.
function compile_built_in_decorator(comp: compiler_t, name_len: u32, name_nodes: usize): bool {
  if (PN_LEAF_ARG(L(name_nodes, 0)) != Q.MP_QSTR_micropython) return false;
  if (name_len != 2) {
    compile_syntax_error(comp, L(name_nodes, 0), "invalid micropython decorator");
    return true;
  }
  const attr = PN_LEAF_ARG(L(name_nodes, 1));
  if (attr == Q.MP_QSTR_bytecode) {
    decorator_emit_options = MP_EMIT_OPT_BYTECODE;
  } else {
    // native, viper and asm_* need a native emitter (see the top of this file)
    compile_syntax_error(comp, L(name_nodes, 1), "invalid micropython decorator");
  }
  return true;
}

function compile_decorated(comp: compiler_t, pns: usize): void {
  const n = extract_list(NA(pns, 0), G.RULE_decorators);
  const nodes = el_nodes;

  // the function/class inherits the emit options, unless a decorator changes them
  decorator_emit_options = SC(comp).emit_options;
  let emit_options = decorator_emit_options;

  let num_built_in_decorators: u32 = 0;
  for (let i: u32 = 0; i < n; i++) {
    const pns_decorator = L(nodes, i);
    // nodes[0] is the decorator function, a dotted name
    const name_len = extract_list(NA(pns_decorator, 0), G.RULE_dotted_name);
    const name_nodes = el_nodes;
    decorator_emit_options = emit_options;
    if (compile_built_in_decorator(comp, name_len, name_nodes)) {
      emit_options = decorator_emit_options;
      num_built_in_decorators += 1;
    } else {
      compile_node(comp, L(name_nodes, 0));
      for (let j: u32 = 1; j < name_len; j++) {
        mp_emit_bc_attr(E(comp), PN_LEAF_ARG(L(name_nodes, j)), MP_EMIT_ATTR_LOAD);
      }
      // nodes[1] holds the decorator's call arguments, if any
      if (!PN_IS_NULL(N(pns_decorator, 1))) compile_node(comp, N(pns_decorator, 1));
    }
  }

  // the body: funcdef, async funcdef or classdef
  const pns_body = N(pns, 1);
  let body_name: qstr = 0;
  const kb = PN_KIND(pns_body);
  if (kb == G.RULE_funcdef) {
    body_name = compile_funcdef_helper(comp, pns_body, emit_options);
  } else if (kb == G.RULE_async_funcdef) {
    const pns0 = N(pns_body, 0);
    body_name = compile_funcdef_helper(comp, pns0, emit_options);
    const fscope = scope_of(N(pns0, 4));
    if (changetype<usize>(fscope) != 0) fscope.scope_flags |= <u16>R.MP_SCOPE_FLAG_GENERATOR;
  } else {
    body_name = compile_classdef_helper(comp, pns_body, emit_options);
  }

  // apply the decorators
  for (let i: u32 = 0; i < n - num_built_in_decorators; i++) {
    mp_emit_bc_call_function(E(comp), 1, 0, 0);
  }

  compile_store_id(comp, body_name);
}

function compile_funcdef(comp: compiler_t, pns: usize): void {
  const fname = compile_funcdef_helper(comp, pns, SC(comp).emit_options);
  compile_store_id(comp, fname);
}

function c_del_stmt(comp: compiler_t, pn: usize): void {
  if (PN_IS_ID(pn)) {
    compile_delete_id(comp, PN_LEAF_ARG(pn));
    return;
  } else if (PN_IS_STRUCT_KIND(pn, G.RULE_atom_expr_normal)) {
    const pns = pn;
    compile_node(comp, N(pns, 0)); // base of the atom_expr_normal node
    if (PN_IS_STRUCT(N(pns, 1))) {
      let pns1 = N(pns, 1);
      if (PN_KIND(pns1) == G.RULE_atom_expr_trailers) {
        const n = PN_NUM_NODES(pns1);
        for (let i: u32 = 0; i + 1 < n; i++) compile_node(comp, N(pns1, i));
        pns1 = N(pns1, n - 1);
      }
      if (PN_KIND(pns1) == G.RULE_trailer_bracket) {
        compile_node(comp, N(pns1, 0));
        mp_emit_bc_subscr(E(comp), MP_EMIT_SUBSCR_DELETE);
        return;
      } else if (PN_KIND(pns1) == G.RULE_trailer_period) {
        mp_emit_bc_attr(E(comp), PN_LEAF_ARG(N(pns1, 0)), MP_EMIT_ATTR_DELETE);
        return;
      }
    }
  } else if (PN_IS_STRUCT_KIND(pn, G.RULE_atom_paren)) {
    const pn0 = N(pn, 0);
    if (!PN_IS_NULL(pn0)) {
      const pns = pn0;
      if (!TESTLIST_COMP_HAS_COMP_FOR(pns)) {
        const n = PN_NUM_NODES(pns);
        for (let i: u32 = 0; i < n; ++i) c_del_stmt(comp, N(pns, i));
        return;
      }
    }
    pn = pn0;
  }
  // something that cannot be deleted (eg del 1)
  compile_syntax_error(comp, pn, "can't delete expression");
}

function compile_del_stmt(comp: compiler_t, pns: usize): void {
  apply_to_single_or_list(comp, N(pns, 0), G.RULE_exprlist, APPLY_DEL_STMT);
}

function compile_break_cont_stmt(comp: compiler_t, pns: usize): void {
  let label: u32;
  if (PN_KIND(pns) == G.RULE_break_stmt) {
    label = comp.break_label;
  } else {
    label = comp.continue_label;
  }
  if (label == INVALID_LABEL) {
    compile_syntax_error(comp, pns, "'break'/'continue' outside loop");
  }
  mp_emit_bc_unwind_jump(E(comp), label, <u32>comp.cur_except_level - <u32>comp.break_continue_except_level);
}

function compile_return_stmt(comp: compiler_t, pns: usize): void {
  if (SC(comp).kind != SCOPE_FUNCTION) {
    compile_syntax_error(comp, pns, "'return' outside function");
    return;
  }
  const pn0 = N(pns, 0);
  if (PN_IS_NULL(pn0)) {
    // return None
    mp_emit_bc_load_const_tok(E(comp), T.MP_TOKEN_KW_NONE);
  } else if (PN_IS_STRUCT_KIND(pn0, G.RULE_test_if_expr)) {
    // returning an if-expression: one return per branch, as CPython
    const pns_test_if_else = N(pn0, 1);
    const l_fail = comp_next_label(comp);
    c_if_cond(comp, N(pns_test_if_else, 0), false, l_fail);
    compile_node(comp, N(pn0, 0));
    mp_emit_bc_return_value(E(comp));
    mp_emit_bc_label_assign(E(comp), l_fail);
    compile_node(comp, N(pns_test_if_else, 1));
  } else {
    compile_node(comp, pn0);
  }
  mp_emit_bc_return_value(E(comp));
}

function compile_yield_stmt(comp: compiler_t, pns: usize): void {
  compile_node(comp, N(pns, 0));
  mp_emit_bc_pop_top(E(comp));
}

function compile_raise_stmt(comp: compiler_t, pns: usize): void {
  const pn0 = N(pns, 0);
  if (PN_IS_NULL(pn0)) {
    // raise
    mp_emit_bc_raise_varargs(E(comp), 0);
  } else if (PN_IS_STRUCT_KIND(pn0, G.RULE_raise_stmt_arg)) {
    // raise x from y
    compile_node(comp, N(pn0, 0));
    compile_node(comp, N(pn0, 1));
    mp_emit_bc_raise_varargs(E(comp), 2);
  } else {
    // raise x
    compile_node(comp, pn0);
    mp_emit_bc_raise_varargs(E(comp), 1);
  }
}

// Scratch for dotted names (a.b.c): at most 255 bytes make a qstr.
const dotted_buf: usize = memory.data(512, 4);

// Imports the (dotted) name `pn`; returns the name to bind (q_base):
//   a -> a;  a.b.c -> a;  a.b as c -> c (and the attributes b are loaded)
function do_import_name(comp: compiler_t, pn: usize): qstr {
  let is_as = false;
  let q_base: qstr = 0;
  if (PN_IS_STRUCT_KIND(pn, G.RULE_dotted_as_name)) {
    // "x as y": unwrap
    q_base = PN_LEAF_ARG(N(pn, 1));
    pn = N(pn, 0);
    is_as = true;
  }
  if (PN_IS_NULL(pn)) {
    // empty name (from . import x)
    q_base = Q.MP_QSTR_;
    mp_emit_bc_import(E(comp), Q.MP_QSTR_, MP_EMIT_IMPORT_NAME);
  } else if (PN_IS_ID(pn)) {
    const q_full = PN_LEAF_ARG(pn);
    if (!is_as) q_base = q_full;
    mp_emit_bc_import(E(comp), q_full, MP_EMIT_IMPORT_NAME);
  } else {
    // a.b.c
    const pns = pn;
    if (!is_as) q_base = PN_LEAF_ARG(N(pns, 0));
    const n = PN_NUM_NODES(pns);
    let len: usize = 0;
    for (let i: u32 = 0; i < n; i++) {
      const q = PN_LEAF_ARG(N(pns, i));
      const ql = qstr_len(q);
      if (i > 0 && len < 512) store<u8>(dotted_buf + len++, 46); // '.'
      if (len + ql <= 512) memory.copy(dotted_buf + len, qstr_str(q), ql);
      len += ql;
    }
    let q_full: qstr = 0;
    if (len <= 255) {
      q_full = qstr_from_strn(dotted_buf, len);
      if (q_full == 0) {
        mp_raise_memory_error(len);
        compile_take_error(comp);
      }
    } else {
      // longer than a qstr can be
      compile_syntax_error(comp, pns, "name too long");
    }
    mp_emit_bc_import(E(comp), q_full, MP_EMIT_IMPORT_NAME);
    if (is_as) {
      for (let i: u32 = 1; i < n; i++) {
        mp_emit_bc_attr(E(comp), PN_LEAF_ARG(N(pns, i)), MP_EMIT_ATTR_LOAD);
      }
    }
  }
  return q_base;
}

function compile_dotted_as_name(comp: compiler_t, pn: usize): void {
  mp_emit_bc_load_const_small_int(E(comp), 0); // level 0 import
  mp_emit_bc_load_const_tok(E(comp), T.MP_TOKEN_KW_NONE); // not importing from anything
  const q_base = do_import_name(comp, pn);
  compile_store_id(comp, q_base);
}

function compile_import_name(comp: compiler_t, pns: usize): void {
  apply_to_single_or_list(comp, N(pns, 0), G.RULE_dotted_as_names, APPLY_DOTTED_AS_NAME);
}

function compile_import_from(comp: compiler_t, pns: usize): void {
  let pn_import_source = N(pns, 0);

  // count the leading dots of a relative import: the import level
  let import_level: u32 = 0;
  let rel_slot: usize = 0;
  if (PN_IS_TOKEN(pn_import_source) || PN_IS_STRUCT_KIND(pn_import_source, G.RULE_one_or_more_period_or_ellipsis)) {
    // dots only: "from .. import"
    rel_slot = NA(pns, 0);
    pn_import_source = 0;
  } else if (PN_IS_STRUCT_KIND(pn_import_source, G.RULE_import_from_2b)) {
    // dots then a name: "from .foo import"
    rel_slot = NA(pn_import_source, 0);
    pn_import_source = N(pn_import_source, 1);
  }
  if (rel_slot != 0) {
    const n = extract_list(rel_slot, G.RULE_one_or_more_period_or_ellipsis);
    const nodes = el_nodes;
    for (let i: u32 = 0; i < n; i++) {
      if (PN_IS_TOKEN_KIND(L(nodes, i), T.MP_TOKEN_DEL_PERIOD)) {
        import_level++;
      } else {
        // an ellipsis
        import_level += 3;
      }
    }
  }

  if (PN_IS_TOKEN_KIND(N(pns, 1), T.MP_TOKEN_OP_STAR)) {
    if (SC(comp).kind != SCOPE_MODULE) {
      compile_syntax_error(comp, pns, "import * not at module level");
      return;
    }
    mp_emit_bc_load_const_small_int(E(comp), <i32>import_level);
    // the fromlist ('*',)
    mp_emit_bc_load_const_str(E(comp), Q.MP_QSTR__star_);
    mp_emit_bc_build(E(comp), 1, MP_EMIT_BUILD_TUPLE);
    do_import_name(comp, pn_import_source);
    mp_emit_bc_import(E(comp), 0, MP_EMIT_IMPORT_STAR);
  } else {
    mp_emit_bc_load_const_small_int(E(comp), <i32>import_level);
    // the fromlist tuple
    const n = extract_list(NA(pns, 1), G.RULE_import_as_names);
    const pn_nodes = el_nodes;
    for (let i: u32 = 0; i < n; i++) {
      const pns3 = L(pn_nodes, i);
      mp_emit_bc_load_const_str(E(comp), PN_LEAF_ARG(N(pns3, 0)));
    }
    mp_emit_bc_build(E(comp), n, MP_EMIT_BUILD_TUPLE);
    do_import_name(comp, pn_import_source);
    for (let i: u32 = 0; i < n; i++) {
      const pns3 = L(pn_nodes, i);
      const id2 = PN_LEAF_ARG(N(pns3, 0));
      mp_emit_bc_import(E(comp), id2, MP_EMIT_IMPORT_FROM);
      if (PN_IS_NULL(N(pns3, 1))) {
        compile_store_id(comp, id2);
      } else {
        compile_store_id(comp, PN_LEAF_ARG(N(pns3, 1)));
      }
    }
    mp_emit_bc_pop_top(E(comp));
  }
}

function compile_declare_global(comp: compiler_t, pn: usize, id_info: id_info_t): void {
  if (id_info.kind != ID_INFO_KIND_UNDECIDED && id_info.kind != ID_INFO_KIND_GLOBAL_EXPLICIT) {
    compile_syntax_error(comp, pn, "identifier redefined as global");
    return;
  }
  id_info.kind = <u8>ID_INFO_KIND_GLOBAL_EXPLICIT;
  // if the name exists in the module scope, it is an explicit global there too
  const g = scope_find_global(SC(comp), <usize>id_info.qst);
  if (g != null) g.kind = <u8>ID_INFO_KIND_GLOBAL_EXPLICIT;
}

function compile_declare_nonlocal(comp: compiler_t, pn: usize, id_info: id_info_t): void {
  if (id_info.kind == ID_INFO_KIND_UNDECIDED) {
    id_info.kind = <u8>ID_INFO_KIND_GLOBAL_IMPLICIT;
    if (!scope_check_to_close_over(SC(comp), id_info)) {
      compile_take_error(comp);
      return;
    }
    if (id_info.kind == ID_INFO_KIND_GLOBAL_IMPLICIT) {
      compile_syntax_error(comp, pn, "no binding for nonlocal found");
    }
  } else if (id_info.kind != ID_INFO_KIND_FREE) {
    compile_syntax_error(comp, pn, "identifier redefined as nonlocal");
  }
}

function compile_declare_global_or_nonlocal(comp: compiler_t, pn: usize, id_info: id_info_t, is_global: bool): void {
  if (is_global) compile_declare_global(comp, pn, id_info);
  else compile_declare_nonlocal(comp, pn, id_info);
}

function compile_global_nonlocal_stmt(comp: compiler_t, pns: usize): void {
  if (comp.pass != MP_PASS_SCOPE) return;
  const is_global = PN_KIND(pns) == G.RULE_global_stmt;
  if (!is_global && SC(comp).kind == SCOPE_MODULE) {
    compile_syntax_error(comp, pns, "can't declare nonlocal in outer code");
    return;
  }
  const n = extract_list(NA(pns, 0), G.RULE_name_list);
  const nodes = el_nodes;
  for (let i: u32 = 0; i < n; i++) {
    const qst = PN_LEAF_ARG(L(nodes, i));
    const id_info = scope_find_or_add_id(SC(comp), qst, ID_INFO_KIND_UNDECIDED);
    if (id_info == null) {
      compile_take_error(comp);
      return;
    }
    compile_declare_global_or_nonlocal(comp, pns, id_info, is_global);
  }
}

function compile_assert_stmt(comp: compiler_t, pns: usize): void {
  // assertions are not compiled when optimising
  if (mp_optimise_value != 0) return;
  const l_end = comp_next_label(comp);
  c_if_cond(comp, N(pns, 0), true, l_end);
  // a LOAD_GLOBAL rather than a name lookup, as CPython
  mp_emit_bc_load_global(E(comp), Q.MP_QSTR_AssertionError, MP_EMIT_IDOP_GLOBAL_GLOBAL);
  if (!PN_IS_NULL(N(pns, 1))) {
    // the assertion message
    compile_node(comp, N(pns, 1));
    mp_emit_bc_call_function(E(comp), 1, 0, 0);
  }
  mp_emit_bc_raise_varargs(E(comp), 1);
  mp_emit_bc_label_assign(E(comp), l_end);
}

function compile_if_stmt(comp: compiler_t, pns: usize): void {
  const l_end = comp_next_label(comp);

  // "if False" emits nothing
  if (!mp_parse_node_is_const_false(N(pns, 0))) {
    const l_fail = comp_next_label(comp);
    c_if_cond(comp, N(pns, 0), false, l_fail);
    compile_node(comp, N(pns, 1));
    // "if True" skips everything else
    if (mp_parse_node_is_const_true(N(pns, 0))) {
      mp_emit_bc_label_assign(E(comp), l_end);
      return;
    }
    // jump over the elif/else blocks, if there are any
    if (!(PN_IS_NULL(N(pns, 2)) && PN_IS_NULL(N(pns, 3)))) {
      mp_emit_bc_jump(E(comp), l_end);
    }
    mp_emit_bc_label_assign(E(comp), l_fail);
  }

  // elif blocks
  const n_elif = extract_list(NA(pns, 2), G.RULE_if_stmt_elif_list);
  const pn_elif = el_nodes;
  for (let i: u32 = 0; i < n_elif; i++) {
    const pns_elif = L(pn_elif, i);
    if (!mp_parse_node_is_const_false(N(pns_elif, 0))) {
      const l_fail = comp_next_label(comp);
      c_if_cond(comp, N(pns_elif, 0), false, l_fail);
      compile_node(comp, N(pns_elif, 1));
      if (mp_parse_node_is_const_true(N(pns_elif, 0))) {
        mp_emit_bc_label_assign(E(comp), l_end);
        return;
      }
      mp_emit_bc_jump(E(comp), l_end);
      mp_emit_bc_label_assign(E(comp), l_fail);
    }
  }

  // else block (may be null)
  compile_node(comp, N(pns, 3));
  mp_emit_bc_label_assign(E(comp), l_end);
}

function compile_while_stmt(comp: compiler_t, pns: usize): void {
  const old_break_label = comp.break_label;
  const old_continue_label = comp.continue_label;
  const old_level = comp.break_continue_except_level;
  const break_label = comp_next_label(comp);
  const continue_label = comp_next_label(comp);
  comp.break_label = break_label;
  comp.continue_label = continue_label;
  comp.break_continue_except_level = comp.cur_except_level;

  // "while False" emits nothing
  if (!mp_parse_node_is_const_false(N(pns, 0))) {
    const top_label = comp_next_label(comp);
    // "while True" does not jump to the condition
    if (!mp_parse_node_is_const_true(N(pns, 0))) mp_emit_bc_jump(E(comp), continue_label);
    mp_emit_bc_label_assign(E(comp), top_label);
    compile_node(comp, N(pns, 1)); // body
    mp_emit_bc_label_assign(E(comp), continue_label);
    c_if_cond(comp, N(pns, 0), true, top_label); // condition
  }

  // break/continue in the else block apply to an outer loop
  comp.break_label = old_break_label;
  comp.continue_label = old_continue_label;
  comp.break_continue_except_level = old_level;

  compile_node(comp, N(pns, 2)); // else
  mp_emit_bc_label_assign(E(comp), break_label);
}

// for <var> in range(<start>, <end>, <step>) with an identifier <var> and a
// constant small-int <step>: counts in a stack slot instead of iterating a
// range object. The stack holds the current value (and <end> when it is not a
// constant). Assignments in the body do not change the loop.
function compile_for_stmt_optimised_range(
  comp: compiler_t,
  pn_var: usize,
  pn_start: usize,
  pn_end: usize,
  pn_step: usize,
  pn_body: usize,
  pn_else: usize,
): void {
  const old_break_label = comp.break_label;
  const old_continue_label = comp.continue_label;
  const old_level = comp.break_continue_except_level;
  const break_label = comp_next_label(comp);
  const continue_label = comp_next_label(comp);
  comp.break_label = break_label;
  comp.continue_label = continue_label;
  comp.break_continue_except_level = comp.cur_except_level;

  const top_label = comp_next_label(comp);
  const entry_label = comp_next_label(comp);

  // the end value goes on the stack unless it is a small-int constant
  const end_on_stack = !PN_IS_SMALL_INT(pn_end);
  if (end_on_stack) compile_node(comp, pn_end);

  compile_node(comp, pn_start);

  mp_emit_bc_jump(E(comp), entry_label);
  mp_emit_bc_label_assign(E(comp), top_label);

  // store a copy of the current value in the variable
  mp_emit_bc_dup_top(E(comp));
  c_assign(comp, pn_var, ASSIGN_STORE);

  compile_node(comp, pn_body);

  mp_emit_bc_label_assign(E(comp), continue_label);

  // var + step
  compile_node(comp, pn_step);
  mp_emit_bc_binary_op(E(comp), R.MP_BINARY_OP_INPLACE_ADD);

  mp_emit_bc_label_assign(E(comp), entry_label);

  // if var <cond> end: goto top
  if (end_on_stack) {
    mp_emit_bc_dup_top_two(E(comp));
    mp_emit_bc_rot_two(E(comp));
  } else {
    mp_emit_bc_dup_top(E(comp));
    compile_node(comp, pn_end);
  }
  if (PN_LEAF_SMALL_INT(pn_step) >= 0) {
    mp_emit_bc_binary_op(E(comp), R.MP_BINARY_OP_LESS);
  } else {
    mp_emit_bc_binary_op(E(comp), R.MP_BINARY_OP_MORE);
  }
  mp_emit_bc_pop_jump_if(E(comp), true, top_label);

  comp.break_label = old_break_label;
  comp.continue_label = old_continue_label;
  comp.break_continue_except_level = old_level;

  // the else block runs after popping the loop values (it may break/continue)
  let end_label: u32 = 0;
  if (!PN_IS_NULL(pn_else)) {
    mp_emit_bc_pop_top(E(comp));
    if (end_on_stack) mp_emit_bc_pop_top(E(comp));
    compile_node(comp, pn_else);
    end_label = comp_next_label(comp);
    mp_emit_bc_jump(E(comp), end_label);
    mp_emit_bc_adjust_stack_size(E(comp), 1 + (end_on_stack ? 1 : 0));
  }

  mp_emit_bc_label_assign(E(comp), break_label);

  // the value that failed the condition, and the end value
  mp_emit_bc_pop_top(E(comp));
  if (end_on_stack) mp_emit_bc_pop_top(E(comp));

  if (!PN_IS_NULL(pn_else)) mp_emit_bc_label_assign(E(comp), end_label);
}

function range_arg_ok(pn: usize): bool {
  if (PN_IS_STRUCT(pn)) {
    const k = PN_KIND(pn);
    if (k == G.RULE_arglist_star || k == G.RULE_arglist_dbl_star || k == G.RULE_argument) return false;
  }
  return true;
}

function compile_for_stmt(comp: compiler_t, pns: usize): void {
  // for <x> in range(...): counted loop without a range object
  if (PN_IS_ID(N(pns, 0)) && PN_IS_STRUCT_KIND(N(pns, 1), G.RULE_atom_expr_normal)) {
    const pns_it = N(pns, 1);
    if (
      PN_IS_ID(N(pns_it, 0)) &&
      PN_LEAF_ARG(N(pns_it, 0)) == Q.MP_QSTR_range &&
      PN_KIND(N(pns_it, 1)) == G.RULE_trailer_paren
    ) {
      const n_args = extract_list(NA(N(pns_it, 1), 0), G.RULE_arglist);
      const args = el_nodes;
      let pn_range_start: usize = 0;
      let pn_range_end: usize = 0;
      let pn_range_step: usize = 0;
      let optimize = false;
      if (1 <= n_args && n_args <= 3) {
        optimize = true;
        if (n_args == 1) {
          pn_range_start = pn_new_small_int(0);
          pn_range_end = L(args, 0);
          pn_range_step = pn_new_small_int(1);
        } else if (n_args == 2) {
          pn_range_start = L(args, 0);
          pn_range_end = L(args, 1);
          pn_range_step = pn_new_small_int(1);
        } else {
          pn_range_start = L(args, 0);
          pn_range_end = L(args, 1);
          pn_range_step = L(args, 2);
          // the step must be a non-zero constant small int
          if (!PN_IS_SMALL_INT(pn_range_step) || PN_LEAF_SMALL_INT(pn_range_step) == 0) optimize = false;
        }
        // the arguments must be plain expressions
        if (optimize && !range_arg_ok(pn_range_start)) optimize = false;
        if (optimize && !range_arg_ok(pn_range_end)) optimize = false;
      }
      if (optimize) {
        compile_for_stmt_optimised_range(comp, N(pns, 0), pn_range_start, pn_range_end, pn_range_step, N(pns, 2), N(pns, 3));
        return;
      }
    }
  }

  const old_break_label = comp.break_label;
  const old_continue_label = comp.continue_label;
  const old_level = comp.break_continue_except_level;
  const break_label = comp_next_label(comp);
  const continue_label = comp_next_label(comp);
  comp.break_label = break_label;
  comp.continue_label = continue_label;
  comp.break_continue_except_level = comp.cur_except_level;
  comp.break_label |= MP_EMIT_BREAK_FROM_FOR;

  const pop_label = comp_next_label(comp);

  compile_node(comp, N(pns, 1)); // iterator
  mp_emit_bc_get_iter(E(comp), true);
  mp_emit_bc_label_assign(E(comp), continue_label);
  mp_emit_bc_for_iter(E(comp), pop_label);
  c_assign(comp, N(pns, 0), ASSIGN_STORE); // variable
  compile_node(comp, N(pns, 2)); // body
  mp_emit_bc_jump(E(comp), continue_label);
  mp_emit_bc_label_assign(E(comp), pop_label);
  mp_emit_bc_for_iter_end(E(comp));

  comp.break_label = old_break_label;
  comp.continue_label = old_continue_label;
  comp.break_continue_except_level = old_level;

  compile_node(comp, N(pns, 3)); // else (may be empty)
  mp_emit_bc_label_assign(E(comp), break_label);
}

function compile_try_except(comp: compiler_t, pn_body: usize, n_except: u32, pn_excepts: usize, pn_else: usize): void {
  const l1 = comp_next_label(comp);
  const success_label = comp_next_label(comp);

  compile_increase_except_level(comp, l1, MP_EMIT_SETUP_BLOCK_EXCEPT);

  compile_node(comp, pn_body);
  mp_emit_bc_pop_except_jump(E(comp), success_label, false); // jump over the handlers

  mp_emit_bc_label_assign(E(comp), l1); // start of the handlers
  mp_emit_bc_start_except_handler(E(comp));

  // the raised exception instance is on top of the stack

  const l2 = comp_next_label(comp);

  for (let i: u32 = 0; i < n_except; i++) {
    const pns_except = L(pn_excepts, i);

    let qstr_exception_local: qstr = 0;
    const end_finally_label = comp_next_label(comp);

    if (PN_IS_NULL(N(pns_except, 0))) {
      // a catch-all handler, which must be last
      if (i + 1 != n_except) {
        compile_syntax_error(comp, pns_except, "default 'except' must be last");
        compile_decrease_except_level(comp);
        return;
      }
    } else {
      // a handler matching an exception type
      let pns_exception_expr = N(pns_except, 0);
      if (PN_IS_STRUCT(pns_exception_expr)) {
        if (PN_KIND(pns_exception_expr) == G.RULE_try_stmt_as_name) {
          // "except E as name"
          qstr_exception_local = PN_LEAF_ARG(N(pns_exception_expr, 1));
          pns_exception_expr = N(pns_exception_expr, 0);
        }
      }
      mp_emit_bc_dup_top(E(comp));
      compile_node(comp, pns_exception_expr);
      mp_emit_bc_binary_op(E(comp), R.MP_BINARY_OP_EXCEPTION_MATCH);
      mp_emit_bc_pop_jump_if(E(comp), false, end_finally_label);
    }

    // discard or bind the exception instance
    if (qstr_exception_local == 0) {
      mp_emit_bc_pop_top(E(comp));
    } else {
      compile_store_id(comp, qstr_exception_local);
    }

    // with "as name" the handler body runs in a try/finally that clears name:
    //   try: <body> finally: name = None; del name
    let l3: u32 = 0;
    if (qstr_exception_local != 0) {
      l3 = comp_next_label(comp);
      compile_increase_except_level(comp, l3, MP_EMIT_SETUP_BLOCK_FINALLY);
    }
    compile_node(comp, N(pns_except, 1));
    if (qstr_exception_local != 0) {
      mp_emit_bc_load_const_tok(E(comp), T.MP_TOKEN_KW_NONE);
      mp_emit_bc_label_assign(E(comp), l3);
      mp_emit_bc_adjust_stack_size(E(comp), 1); // for a possible return value
      mp_emit_bc_load_const_tok(E(comp), T.MP_TOKEN_KW_NONE);
      compile_store_id(comp, qstr_exception_local);
      compile_delete_id(comp, qstr_exception_local);
      mp_emit_bc_adjust_stack_size(E(comp), -1);
      compile_decrease_except_level(comp);
    }

    mp_emit_bc_pop_except_jump(E(comp), l2, true);
    mp_emit_bc_label_assign(E(comp), end_finally_label);
    mp_emit_bc_adjust_stack_size(E(comp), 1); // the exception instance
  }

  compile_decrease_except_level(comp);
  mp_emit_bc_end_except_handler(E(comp));

  mp_emit_bc_label_assign(E(comp), success_label);
  compile_node(comp, pn_else); // else block (may be null)
  mp_emit_bc_label_assign(E(comp), l2);
}

function compile_try_finally(
  comp: compiler_t,
  pn_body: usize,
  n_except: u32,
  pn_except: usize,
  pn_else: usize,
  pn_finally: usize,
): void {
  const l_finally_block = comp_next_label(comp);

  compile_increase_except_level(comp, l_finally_block, MP_EMIT_SETUP_BLOCK_FINALLY);

  if (n_except == 0) {
    mp_emit_bc_adjust_stack_size(E(comp), 3); // for a possible UNWIND_JUMP state
    compile_node(comp, pn_body);
    mp_emit_bc_adjust_stack_size(E(comp), -3);
  } else {
    compile_try_except(comp, pn_body, n_except, pn_except, pn_else);
  }

  // reaching here, the try part ended normally: None on the stack says so
  mp_emit_bc_load_const_tok(E(comp), T.MP_TOKEN_KW_NONE);

  // the finally block; +1 for a return value it may be running under
  mp_emit_bc_label_assign(E(comp), l_finally_block);
  mp_emit_bc_adjust_stack_size(E(comp), 1);
  compile_node(comp, pn_finally);
  mp_emit_bc_adjust_stack_size(E(comp), -1);

  compile_decrease_except_level(comp);
}

function compile_try_stmt(comp: compiler_t, pns: usize): void {
  const pns2 = N(pns, 1);
  const k2 = PN_KIND(pns2);
  if (k2 == G.RULE_try_stmt_finally) {
    // try/finally
    compile_try_finally(comp, N(pns, 0), 0, 0, 0, N(pns2, 0));
  } else if (k2 == G.RULE_try_stmt_except_and_more) {
    // try/except with else and/or finally
    const n_except = extract_list(NA(pns2, 0), G.RULE_try_stmt_except_list);
    const pn_excepts = el_nodes;
    if (PN_IS_NULL(N(pns2, 2))) {
      compile_try_except(comp, N(pns, 0), n_except, pn_excepts, N(pns2, 1));
    } else {
      compile_try_finally(comp, N(pns, 0), n_except, pn_excepts, N(pns2, 1), N(N(pns2, 2), 0));
    }
  } else {
    // try/except
    const n_except = extract_list(NA(pns, 1), G.RULE_try_stmt_except_list);
    compile_try_except(comp, N(pns, 0), n_except, el_nodes, 0);
  }
}

function compile_with_stmt_helper(comp: compiler_t, n: u32, nodes: usize, body: usize): void {
  if (n == 0) {
    // no more context managers: the body
    compile_node(comp, body);
  } else {
    const l_end = comp_next_label(comp);
    const pn0 = L(nodes, 0);
    if (PN_IS_STRUCT_KIND(pn0, G.RULE_with_item)) {
      // "a as b"
      compile_node(comp, N(pn0, 0));
      compile_increase_except_level(comp, l_end, MP_EMIT_SETUP_BLOCK_WITH);
      c_assign(comp, N(pn0, 1), ASSIGN_STORE);
    } else {
      // just an expression
      compile_node(comp, pn0);
      compile_increase_except_level(comp, l_end, MP_EMIT_SETUP_BLOCK_WITH);
      mp_emit_bc_pop_top(E(comp));
    }
    compile_with_stmt_helper(comp, n - 1, nodes + 4, body);
    mp_emit_bc_with_cleanup(E(comp), l_end);
    compile_decrease_except_level(comp);
  }
}

function compile_with_stmt(comp: compiler_t, pns: usize): void {
  const n = extract_list(NA(pns, 0), G.RULE_with_stmt_list);
  compile_with_stmt_helper(comp, n, el_nodes, N(pns, 1));
}

function compile_yield_from(comp: compiler_t): void {
  mp_emit_bc_get_iter(E(comp), false);
  mp_emit_bc_load_const_tok(E(comp), T.MP_TOKEN_KW_NONE);
  mp_emit_bc_yield(E(comp), MP_EMIT_YIELD_FROM);
}

function compile_await_object_method(comp: compiler_t, method: qstr): void {
  mp_emit_bc_load_method(E(comp), method, false);
  mp_emit_bc_call_method(E(comp), 0, 0, 0);
  compile_yield_from(comp);
}

function compile_async_for_stmt(comp: compiler_t, pns: usize): void {
  const while_else_label = comp_next_label(comp);
  const try_exception_label = comp_next_label(comp);
  const try_else_label = comp_next_label(comp);
  const try_finally_label = comp_next_label(comp);

  // iterable = iterator.__aiter__()
  compile_node(comp, N(pns, 1));
  mp_emit_bc_load_method(E(comp), Q.MP_QSTR___aiter__, false);
  mp_emit_bc_call_method(E(comp), 0, 0, 0);

  const old_break_label = comp.break_label;
  const old_continue_label = comp.continue_label;
  const old_level = comp.break_continue_except_level;
  const break_label = comp_next_label(comp);
  const continue_label = comp_next_label(comp);
  comp.break_label = break_label;
  comp.continue_label = continue_label;
  comp.break_continue_except_level = comp.cur_except_level;

  mp_emit_bc_label_assign(E(comp), continue_label);

  compile_increase_except_level(comp, try_exception_label, MP_EMIT_SETUP_BLOCK_EXCEPT);

  mp_emit_bc_dup_top(E(comp));
  // yield from iterable.__anext__()
  compile_await_object_method(comp, Q.MP_QSTR___anext__);
  c_assign(comp, N(pns, 0), ASSIGN_STORE);
  mp_emit_bc_pop_except_jump(E(comp), try_else_label, false);

  mp_emit_bc_label_assign(E(comp), try_exception_label);
  mp_emit_bc_start_except_handler(E(comp));
  mp_emit_bc_dup_top(E(comp));
  mp_emit_bc_load_global(E(comp), Q.MP_QSTR_StopAsyncIteration, MP_EMIT_IDOP_GLOBAL_GLOBAL);
  mp_emit_bc_binary_op(E(comp), R.MP_BINARY_OP_EXCEPTION_MATCH);
  mp_emit_bc_pop_jump_if(E(comp), false, try_finally_label);
  mp_emit_bc_pop_top(E(comp)); // the exception instance
  mp_emit_bc_pop_except_jump(E(comp), while_else_label, true);

  mp_emit_bc_label_assign(E(comp), try_finally_label);
  mp_emit_bc_adjust_stack_size(E(comp), 1); // the exception is on the stack when jumping here
  compile_decrease_except_level(comp);
  mp_emit_bc_end_except_handler(E(comp));

  mp_emit_bc_label_assign(E(comp), try_else_label);
  compile_node(comp, N(pns, 2)); // body

  mp_emit_bc_jump(E(comp), continue_label);
  comp.break_label = old_break_label;
  comp.continue_label = old_continue_label;
  comp.break_continue_except_level = old_level;

  mp_emit_bc_label_assign(E(comp), while_else_label);
  compile_node(comp, N(pns, 3)); // else

  mp_emit_bc_label_assign(E(comp), break_label);
  mp_emit_bc_pop_top(E(comp)); // the iterable
}

function compile_async_with_stmt_helper(comp: compiler_t, n: u32, nodes: usize, body: usize): void {
  if (n == 0) {
    compile_node(comp, body);
    return;
  }
  const l_finally_block = comp_next_label(comp);
  const l_aexit_no_exc = comp_next_label(comp);
  const l_ret_unwind_jump = comp_next_label(comp);
  const l_end = comp_next_label(comp);

  const pn0 = L(nodes, 0);
  if (PN_IS_STRUCT_KIND(pn0, G.RULE_with_item)) {
    // "a as b"
    compile_node(comp, N(pn0, 0));
    mp_emit_bc_dup_top(E(comp));
    compile_await_object_method(comp, Q.MP_QSTR___aenter__);
    c_assign(comp, N(pn0, 1), ASSIGN_STORE);
  } else {
    compile_node(comp, pn0);
    mp_emit_bc_dup_top(E(comp));
    compile_await_object_method(comp, Q.MP_QSTR___aenter__);
    mp_emit_bc_pop_top(E(comp));
  }

  // __aexit__ is loaded only when needed, to keep the stack small

  compile_increase_except_level(comp, l_finally_block, MP_EMIT_SETUP_BLOCK_FINALLY);

  mp_emit_bc_adjust_stack_size(E(comp), 3); // for a possible UNWIND_JUMP state
  compile_async_with_stmt_helper(comp, n - 1, nodes + 4, body);
  mp_emit_bc_adjust_stack_size(E(comp), -3);

  // three ways on: (1) fell through: (..., ctx_mgr); (2) an exception:
  // (..., ctx_mgr, exc); (3) a return or unwind jump: (..., ctx_mgr, X, INT)

  // case 1
  mp_emit_bc_async_with_setup_finally(E(comp), l_aexit_no_exc, l_finally_block, l_ret_unwind_jump);

  // case 2: call __aexit__, then swallow or re-raise the exception
  mp_emit_bc_dup_top(E(comp));
  mp_emit_bc_rot_three(E(comp));
  mp_emit_bc_rot_two(E(comp));
  mp_emit_bc_load_method(E(comp), Q.MP_QSTR___aexit__, false);
  mp_emit_bc_rot_three(E(comp));
  mp_emit_bc_rot_three(E(comp));
  mp_emit_bc_dup_top(E(comp));
  mp_emit_bc_attr(E(comp), Q.MP_QSTR___class__, MP_EMIT_ATTR_LOAD); // type(exc)
  mp_emit_bc_rot_two(E(comp));
  mp_emit_bc_load_const_tok(E(comp), T.MP_TOKEN_KW_NONE); // traceback
  mp_emit_bc_call_method(E(comp), 3, 0, 0);
  compile_yield_from(comp);
  mp_emit_bc_pop_jump_if(E(comp), false, l_end);
  mp_emit_bc_pop_top(E(comp)); // the exception
  mp_emit_bc_load_const_tok(E(comp), T.MP_TOKEN_KW_NONE); // swallowed
  mp_emit_bc_jump(E(comp), l_end);
  mp_emit_bc_adjust_stack_size(E(comp), 2);

  // case 3
  mp_emit_bc_label_assign(E(comp), l_ret_unwind_jump);
  mp_emit_bc_rot_three(E(comp));
  mp_emit_bc_rot_three(E(comp));
  mp_emit_bc_label_assign(E(comp), l_aexit_no_exc);
  // from case 1 (a jump) or case 3 (falling through)
  mp_emit_bc_load_method(E(comp), Q.MP_QSTR___aexit__, false);
  mp_emit_bc_load_const_tok(E(comp), T.MP_TOKEN_KW_NONE);
  mp_emit_bc_dup_top(E(comp));
  mp_emit_bc_dup_top(E(comp));
  mp_emit_bc_call_method(E(comp), 3, 0, 0);
  compile_yield_from(comp);
  mp_emit_bc_pop_top(E(comp));
  mp_emit_bc_adjust_stack_size(E(comp), -1);

  // end of the finally block
  mp_emit_bc_label_assign(E(comp), l_end);
  compile_decrease_except_level(comp);
}

function compile_async_with_stmt(comp: compiler_t, pns: usize): void {
  const n = extract_list(NA(pns, 0), G.RULE_with_stmt_list);
  compile_async_with_stmt_helper(comp, n, el_nodes, N(pns, 1));
}

function compile_async_stmt(comp: compiler_t, pns: usize): void {
  const pns0 = N(pns, 0);
  if (PN_KIND(pns0) == G.RULE_funcdef) {
    // async def
    compile_funcdef(comp, pns0);
    const fscope = scope_of(N(pns0, 4));
    if (changetype<usize>(fscope) != 0) fscope.scope_flags |= <u16>R.MP_SCOPE_FLAG_GENERATOR;
  } else {
    // async for/with must be inside an async function
    if ((<u32>SC(comp).scope_flags & R.MP_SCOPE_FLAG_GENERATOR) == 0) {
      compile_syntax_error(comp, pns0, "async for/with outside async function");
      return;
    }
    if (PN_KIND(pns0) == G.RULE_for_stmt) {
      compile_async_for_stmt(comp, pns0);
    } else {
      compile_async_with_stmt(comp, pns0);
    }
  }
}

function compile_expr_stmt(comp: compiler_t, pns: usize): void {
  let pn_rhs = N(pns, 1);
  if (PN_IS_NULL(pn_rhs)) {
    if (comp.is_repl != 0 && SC(comp).kind == SCOPE_MODULE) {
      // REPL: evaluate and print the expression
      compile_load_id(comp, Q.MP_QSTR___repl_print__);
      compile_node(comp, N(pns, 0));
      mp_emit_bc_call_function(E(comp), 1, 0, 0);
      mp_emit_bc_pop_top(E(comp));
    } else {
      const pn0 = N(pns, 0);
      if ((PN_IS_LEAF(pn0) && !PN_IS_ID(pn0)) || PN_IS_STRUCT_KIND(pn0, G.RULE_const_object)) {
        // a lone constant does nothing
      } else {
        compile_node(comp, pn0);
        mp_emit_bc_pop_top(E(comp));
      }
    }
    return;
  }
  if (PN_IS_STRUCT(pn_rhs)) {
    const pns1 = pn_rhs;
    const kind = PN_KIND(pns1);
    if (kind == G.RULE_annassign) {
      // the annotation (nodes[0]) is ignored
      if (PN_IS_NULL(N(pns1, 1))) {
        // "x: y" declares x a local inside a function
        if (SC(comp).kind == SCOPE_FUNCTION && PN_IS_ID(N(pns, 0))) {
          if (scope_find_or_add_id(SC(comp), PN_LEAF_ARG(N(pns, 0)), ID_INFO_KIND_LOCAL) == null) {
            compile_take_error(comp);
          }
        }
        return;
      }
      // "x: y = z"
      pn_rhs = N(pns1, 1);
    } else if (kind == G.RULE_expr_stmt_augassign) {
      c_assign(comp, N(pns, 0), ASSIGN_AUG_LOAD); // lhs load
      compile_node(comp, N(pns1, 1)); // rhs
      const tok = <u32>PN_LEAF_ARG(N(pns1, 0));
      const op = R.MP_BINARY_OP_INPLACE_OR + (tok - T.MP_TOKEN_DEL_PIPE_EQUAL);
      mp_emit_bc_binary_op(E(comp), op);
      c_assign(comp, N(pns, 0), ASSIGN_AUG_STORE); // lhs store
      return;
    } else if (kind == G.RULE_expr_stmt_assign_list) {
      const rhs = PN_NUM_NODES(pns1) - 1;
      compile_node(comp, N(pns1, rhs));
      // left-most target first, as CPython
      if (rhs > 0) mp_emit_bc_dup_top(E(comp));
      c_assign(comp, N(pns, 0), ASSIGN_STORE);
      for (let i: u32 = 0; i < rhs; i++) {
        if (i + 1 < rhs) mp_emit_bc_dup_top(E(comp));
        c_assign(comp, N(pns1, i), ASSIGN_STORE);
      }
      return;
    }
  }

  // plain assignment
  if (PN_IS_STRUCT_KIND(pn_rhs, G.RULE_testlist_star_expr) && PN_IS_STRUCT_KIND(N(pns, 0), G.RULE_testlist_star_expr)) {
    // a, b = c, d and a, b, c = d, e, f without a tuple, if no star targets
    const pns0 = N(pns, 0);
    const pns1 = pn_rhs;
    const n_pns0 = PN_NUM_NODES(pns0);
    if (
      n_pns0 == PN_NUM_NODES(pns1) &&
      (n_pns0 == 2 || n_pns0 == 3) &&
      !PN_IS_STRUCT_KIND(N(pns0, 0), G.RULE_star_expr) &&
      !PN_IS_STRUCT_KIND(N(pns0, 1), G.RULE_star_expr) &&
      (n_pns0 == 2 || !PN_IS_STRUCT_KIND(N(pns0, 2), G.RULE_star_expr))
    ) {
      compile_node(comp, N(pns1, 0));
      compile_node(comp, N(pns1, 1));
      if (n_pns0 == 3) {
        compile_node(comp, N(pns1, 2));
        mp_emit_bc_rot_three(E(comp));
      }
      mp_emit_bc_rot_two(E(comp));
      c_assign(comp, N(pns0, 0), ASSIGN_STORE);
      c_assign(comp, N(pns0, 1), ASSIGN_STORE);
      if (n_pns0 == 3) c_assign(comp, N(pns0, 2), ASSIGN_STORE);
      return;
    }
  }
  compile_node(comp, pn_rhs);
  c_assign(comp, N(pns, 0), ASSIGN_STORE);
}

function compile_test_if_expr(comp: compiler_t, pns: usize): void {
  const pns_test_if_else = N(pns, 1);
  const l_fail = comp_next_label(comp);
  const l_end = comp_next_label(comp);
  c_if_cond(comp, N(pns_test_if_else, 0), false, l_fail); // condition
  compile_node(comp, N(pns, 0)); // value if true
  mp_emit_bc_jump(E(comp), l_end);
  mp_emit_bc_label_assign(E(comp), l_fail);
  mp_emit_bc_adjust_stack_size(E(comp), -1);
  compile_node(comp, N(pns_test_if_else, 1)); // value if false
  mp_emit_bc_label_assign(E(comp), l_end);
}

function compile_lambdef(comp: compiler_t, pns: usize): void {
  if (comp.pass == MP_PASS_SCOPE) {
    const s = scope_new_and_link(comp, SCOPE_LAMBDA, pns, SC(comp).emit_options);
    store<usize>(NA(pns, 2), changetype<usize>(s));
  }
  const this_scope = scope_of(N(pns, 2));
  if (changetype<usize>(this_scope) == 0) return;
  compile_funcdef_lambdef(comp, this_scope, N(pns, 0), G.RULE_varargslist);
}

function compile_namedexpr_helper(comp: compiler_t, pn_name: usize, pn_expr: usize): void {
  if (!PN_IS_ID(pn_name)) {
    compile_syntax_error(comp, pn_name, "can't assign to expression");
  }
  compile_node(comp, pn_expr);
  mp_emit_bc_dup_top(E(comp));

  const target = PN_LEAF_ARG(pn_name);

  // a := target inside a comprehension binds in the enclosing scope, honouring
  // its global/nonlocal declarations (PEP 572)
  const sc = SC(comp);
  if (comp.pass == MP_PASS_SCOPE && SCOPE_IS_COMP_LIKE(<u32>sc.kind)) {
    const id_info_parent = mp_emit_common_get_id_for_modification(scope_of(sc.parent), target);
    if (id_info_parent == null) {
      compile_take_error(comp);
      return;
    }
    if (id_info_parent.kind == ID_INFO_KIND_GLOBAL_EXPLICIT) {
      if (scope_find_or_add_id(sc, target, ID_INFO_KIND_GLOBAL_EXPLICIT) == null) compile_take_error(comp);
    } else {
      const id_info = scope_find_or_add_id(sc, target, ID_INFO_KIND_UNDECIDED);
      if (id_info == null) {
        compile_take_error(comp);
        return;
      }
      const is_global = scope_of(sc.parent).parent == 0; // the comprehension is at module level
      if (!is_global && id_info.kind == ID_INFO_KIND_GLOBAL_IMPLICIT) {
        // already referenced, but must now be closed over
        id_info.kind = <u8>ID_INFO_KIND_UNDECIDED;
      }
      compile_declare_global_or_nonlocal(comp, pn_name, id_info, is_global);
    }
  }

  compile_store_id(comp, target);
}

function compile_namedexpr(comp: compiler_t, pns: usize): void {
  compile_namedexpr_helper(comp, N(pns, 0), N(pns, 1));
}

function compile_or_and_test(comp: compiler_t, pns: usize): void {
  const cond = PN_KIND(pns) == G.RULE_or_test;
  const l_end = comp_next_label(comp);
  const n = PN_NUM_NODES(pns);
  for (let i: u32 = 0; i < n; i += 1) {
    compile_node(comp, N(pns, i));
    if (i + 1 < n) mp_emit_bc_jump_if_or_pop(E(comp), cond, l_end);
  }
  mp_emit_bc_label_assign(E(comp), l_end);
}

function compile_not_test_2(comp: compiler_t, pns: usize): void {
  compile_node(comp, N(pns, 0));
  mp_emit_bc_unary_op(E(comp), R.MP_UNARY_OP_NOT);
}

function compile_comparison(comp: compiler_t, pns: usize): void {
  const num_nodes = PN_NUM_NODES(pns);
  compile_node(comp, N(pns, 0));
  const multi = num_nodes > 3;
  let l_fail: u32 = 0;
  if (multi) l_fail = comp_next_label(comp);
  for (let i: u32 = 1; i + 1 < num_nodes; i += 2) {
    compile_node(comp, N(pns, i + 1));
    if (i + 2 < num_nodes) {
      mp_emit_bc_dup_top(E(comp));
      mp_emit_bc_rot_three(E(comp));
    }
    const pn_op = N(pns, i);
    if (PN_IS_TOKEN(pn_op)) {
      const tok = <u32>PN_LEAF_ARG(pn_op);
      let op: u32;
      if (tok == T.MP_TOKEN_KW_IN) {
        op = R.MP_BINARY_OP_IN;
      } else {
        op = R.MP_BINARY_OP_LESS + (tok - T.MP_TOKEN_OP_LESS);
      }
      mp_emit_bc_binary_op(E(comp), op);
    } else {
      const kind = PN_KIND(pn_op);
      if (kind == G.RULE_comp_op_not_in) {
        mp_emit_bc_binary_op(E(comp), R.MP_BINARY_OP_NOT_IN);
      } else {
        // comp_op_is: "is" or "is not"
        if (PN_IS_NULL(N(pn_op, 0))) {
          mp_emit_bc_binary_op(E(comp), R.MP_BINARY_OP_IS);
        } else {
          mp_emit_bc_binary_op(E(comp), R.MP_BINARY_OP_IS_NOT);
        }
      }
    }
    if (i + 2 < num_nodes) mp_emit_bc_jump_if_or_pop(E(comp), false, l_fail);
  }
  if (multi) {
    const l_end = comp_next_label(comp);
    mp_emit_bc_jump(E(comp), l_end);
    mp_emit_bc_label_assign(E(comp), l_fail);
    mp_emit_bc_adjust_stack_size(E(comp), 1);
    mp_emit_bc_rot_two(E(comp));
    mp_emit_bc_pop_top(E(comp));
    mp_emit_bc_label_assign(E(comp), l_end);
  }
}

function compile_star_expr(comp: compiler_t, pns: usize): void {
  compile_syntax_error(comp, pns, "*x must be assignment target");
}

function compile_binary_op(comp: compiler_t, pns: usize): void {
  // expr, xor_expr, and_expr are consecutive rules, as OR, XOR, AND are ops
  const binary_op = R.MP_BINARY_OP_OR + PN_KIND(pns) - G.RULE_expr;
  const n = PN_NUM_NODES(pns);
  compile_node(comp, N(pns, 0));
  for (let i: u32 = 1; i < n; ++i) {
    compile_node(comp, N(pns, i));
    mp_emit_bc_binary_op(E(comp), binary_op);
  }
}

function compile_term(comp: compiler_t, pns: usize): void {
  const n = PN_NUM_NODES(pns);
  compile_node(comp, N(pns, 0));
  for (let i: u32 = 1; i + 1 < n; i += 2) {
    compile_node(comp, N(pns, i + 1));
    const tok = <u32>PN_LEAF_ARG(N(pns, i));
    mp_emit_bc_binary_op(E(comp), R.MP_BINARY_OP_LSHIFT + (tok - T.MP_TOKEN_OP_DBL_LESS));
  }
}

function compile_factor_2(comp: compiler_t, pns: usize): void {
  compile_node(comp, N(pns, 1));
  const tok = <u32>PN_LEAF_ARG(N(pns, 0));
  let op: u32;
  if (tok == T.MP_TOKEN_OP_TILDE) {
    op = R.MP_UNARY_OP_INVERT;
  } else {
    op = R.MP_UNARY_OP_POSITIVE + (tok - T.MP_TOKEN_OP_PLUS);
  }
  mp_emit_bc_unary_op(E(comp), op);
}

function compile_atom_expr_normal(comp: compiler_t, pns: usize): void {
  // the subject of the expression
  compile_node(comp, N(pns, 0));

  // compile_atom_expr_await may pass a null trailer
  if (PN_IS_NULL(N(pns, 1))) return;

  // the trailers (all struct nodes)
  let num_trail: u32 = 1;
  let trail = NA(pns, 1);
  if (PN_KIND(L(trail, 0)) == G.RULE_atom_expr_trailers) {
    num_trail = PN_NUM_NODES(L(trail, 0));
    trail = NA(L(trail, 0), 0);
  }

  let i: u32 = 0;

  // super() inside a function
  const sc = SC(comp);
  if (
    sc.kind == SCOPE_FUNCTION &&
    PN_IS_ID(N(pns, 0)) &&
    PN_LEAF_ARG(N(pns, 0)) == Q.MP_QSTR_super &&
    PN_KIND(L(trail, 0)) == G.RULE_trailer_paren &&
    PN_IS_NULL(N(L(trail, 0), 0))
  ) {
    // the class to search from
    compile_load_id(comp, Q.MP_QSTR___class__);

    // the first argument of the function (assumed to be "self")
    let found = false;
    for (let k: usize = 0; k < <usize>SC(comp).id_info_len; k++) {
      const id = scope_id(SC(comp), k);
      if ((<u32>id.flags & ID_FLAG_IS_PARAM) != 0) {
        compile_load_id(comp, <usize>id.qst);
        found = true;
        break;
      }
    }
    if (!found) {
      compile_syntax_error(comp, L(trail, 0), "super() can't find self"); // really a TypeError
      return;
    }

    if (
      num_trail >= 3 &&
      PN_KIND(L(trail, 1)) == G.RULE_trailer_period &&
      PN_KIND(L(trail, 2)) == G.RULE_trailer_paren
    ) {
      // super().f(...) without making a super object
      const pns_period = L(trail, 1);
      const pns_paren = L(trail, 2);
      mp_emit_bc_load_method(E(comp), PN_LEAF_ARG(N(pns_period, 0)), true);
      compile_trailer_paren_helper(comp, NA(pns_paren, 0), true, 0);
      i = 3;
    } else {
      // a super() call
      mp_emit_bc_call_function(E(comp), 2, 0, 0);
      i = 1;
    }
  }

  // the remaining trailers
  for (; i < num_trail; i++) {
    if (
      i + 1 < num_trail &&
      PN_KIND(L(trail, i)) == G.RULE_trailer_period &&
      PN_KIND(L(trail, i + 1)) == G.RULE_trailer_paren
    ) {
      // a.f(...) as a method call
      const pns_period = L(trail, i);
      const pns_paren = L(trail, i + 1);
      mp_emit_bc_load_method(E(comp), PN_LEAF_ARG(N(pns_period, 0)), false);
      compile_trailer_paren_helper(comp, NA(pns_paren, 0), true, 0);
      i += 1;
    } else {
      // trailer_paren, trailer_bracket or trailer_period
      compile_node(comp, L(trail, i));
    }
  }
}

function compile_power(comp: compiler_t, pns: usize): void {
  compile_generic_all_nodes(comp, pns); // the 2 operands
  mp_emit_bc_binary_op(E(comp), R.MP_BINARY_OP_POWER);
}

/** Calls the function on the stack with the arguments in the node slot `arglist_slot`. */
function compile_trailer_paren_helper(comp: compiler_t, arglist_slot: usize, is_method_call: bool, n_positional_extra: u32): void {
  const n_args = extract_list(arglist_slot, G.RULE_arglist);
  const args = el_nodes;

  // the arguments, one by one, to count them and report errors
  let n_positional = n_positional_extra;
  let n_keyword: u32 = 0;
  let star_flags: u32 = 0;
  let star_args: u32 = 0;
  for (let i: u32 = 0; i < n_args; i++) {
    const arg = L(args, i);
    let normal = true;
    if (PN_IS_STRUCT(arg)) {
      const kind = PN_KIND(arg);
      if (kind == G.RULE_arglist_star) {
        normal = false;
        if ((star_flags & MP_EMIT_STAR_FLAG_DOUBLE) != 0) {
          compile_syntax_error(comp, arg, "* arg after **");
          return;
        }
        if (n_keyword != 0) {
          // *arg after a keyword argument is not supported (MicroPython issue 11439)
          compile_syntax_error(comp, arg, "* arg after kwarg");
          return;
        }
        if (i >= 31 - 1) {
          // the star-args bitmap is a small int
          compile_syntax_error(comp, arg, "too many args");
          return;
        }
        star_flags |= MP_EMIT_STAR_FLAG_SINGLE;
        star_args |= (<u32>1) << i;
        compile_node(comp, N(arg, 0));
        n_positional++;
      } else if (kind == G.RULE_arglist_dbl_star) {
        normal = false;
        star_flags |= MP_EMIT_STAR_FLAG_DOUBLE;
        // **x is passed as a keyword argument with a NULL key
        mp_emit_bc_load_null(E(comp));
        compile_node(comp, N(arg, 0));
        n_keyword++;
      } else if (kind == G.RULE_argument) {
        normal = false;
        if (PN_IS_STRUCT_KIND(N(arg, 1), G.RULE_argument_3)) {
          // f(x := y)
          compile_namedexpr_helper(comp, N(arg, 0), N(N(arg, 1), 0));
          n_positional++;
        } else if (!PN_IS_STRUCT_KIND(N(arg, 1), G.RULE_comp_for)) {
          if (!PN_IS_ID(N(arg, 0))) {
            compile_syntax_error(comp, arg, "LHS of keyword arg must be an id");
            return;
          }
          mp_emit_bc_load_const_str(E(comp), PN_LEAF_ARG(N(arg, 0)));
          compile_node(comp, N(arg, 1));
          n_keyword++;
        } else {
          compile_comprehension(comp, arg, SCOPE_GEN_EXPR);
          n_positional++;
        }
      }
    }
    if (normal) {
      if ((star_flags & MP_EMIT_STAR_FLAG_DOUBLE) != 0) {
        compile_syntax_error(comp, arg, "positional arg after **");
        return;
      }
      if (n_keyword > 0) {
        compile_syntax_error(comp, arg, "positional arg after keyword arg");
        return;
      }
      compile_node(comp, arg);
      n_positional++;
    }
  }

  if (star_flags != 0) {
    // the bitmap of which positional args are *args
    mp_emit_bc_load_const_small_int(E(comp), <i32>star_args);
  }

  if (is_method_call) {
    mp_emit_bc_call_method(E(comp), n_positional, n_keyword, star_flags);
  } else {
    mp_emit_bc_call_function(E(comp), n_positional, n_keyword, star_flags);
  }
}

// pns has 2 nodes: the comprehension's element and a comp_for.
function compile_comprehension(comp: compiler_t, pns: usize, kind: u32): void {
  const pns_comp_for = N(pns, 1);
  if (comp.pass == MP_PASS_SCOPE) {
    const s = scope_new_and_link(comp, kind, pns, SC(comp).emit_options);
    store<usize>(NA(pns_comp_for, 3), changetype<usize>(s));
  }
  const this_scope = scope_of(N(pns_comp_for, 3));
  if (changetype<usize>(this_scope) == 0) return;

  close_over_variables_etc(comp, this_scope, 0, 0);

  compile_node(comp, N(pns_comp_for, 1)); // the iterable
  if (kind == SCOPE_GEN_EXPR) mp_emit_bc_get_iter(E(comp), false);
  mp_emit_bc_call_function(E(comp), 1, 0, 0);
}

function compile_atom_paren(comp: compiler_t, pns: usize): void {
  if (PN_IS_NULL(N(pns, 0))) {
    // ()
    mp_emit_bc_build(E(comp), 0, MP_EMIT_BUILD_TUPLE);
  } else {
    const p = N(pns, 0);
    if (TESTLIST_COMP_HAS_COMP_FOR(p)) {
      compile_comprehension(comp, p, SCOPE_GEN_EXPR);
    } else {
      compile_generic_tuple(comp, p);
    }
  }
}

function compile_atom_bracket(comp: compiler_t, pns: usize): void {
  const p = N(pns, 0);
  if (PN_IS_NULL(p)) {
    // []
    mp_emit_bc_build(E(comp), 0, MP_EMIT_BUILD_LIST);
  } else if (PN_IS_STRUCT_KIND(p, G.RULE_testlist_comp)) {
    if (TESTLIST_COMP_HAS_COMP_FOR(p)) {
      compile_comprehension(comp, p, SCOPE_LIST_COMP);
    } else {
      compile_generic_all_nodes(comp, p);
      mp_emit_bc_build(E(comp), PN_NUM_NODES(p), MP_EMIT_BUILD_LIST);
    }
  } else {
    // one item
    compile_node(comp, p);
    mp_emit_bc_build(E(comp), 1, MP_EMIT_BUILD_LIST);
  }
}

function compile_atom_brace_helper(comp: compiler_t, pns: usize, create_map: bool): void {
  const pn = N(pns, 0);
  if (PN_IS_NULL(pn)) {
    // {}
    if (create_map) mp_emit_bc_build(E(comp), 0, MP_EMIT_BUILD_MAP);
    return;
  }
  if (PN_IS_STRUCT(pn)) {
    const p = pn;
    if (PN_KIND(p) == G.RULE_dictorsetmaker_item) {
      // a dict with one entry
      if (create_map) mp_emit_bc_build(E(comp), 1, MP_EMIT_BUILD_MAP);
      compile_node(comp, pn);
      mp_emit_bc_store_map(E(comp));
      return;
    } else if (PN_KIND(p) == G.RULE_dictorsetmaker) {
      const pns1 = N(p, 1);
      if (PN_KIND(pns1) == G.RULE_dictorsetmaker_list) {
        // a dict or set of several elements; the rest after the first
        const n = extract_list(NA(pns1, 0), G.RULE_dictorsetmaker_list2);
        const nodes = el_nodes;

        // the first element decides between dict and set
        let is_dict: bool;
        if (PN_IS_STRUCT_KIND(N(p, 0), G.RULE_dictorsetmaker_item)) {
          if (create_map) mp_emit_bc_build(E(comp), 1 + n, MP_EMIT_BUILD_MAP);
          compile_node(comp, N(p, 0));
          mp_emit_bc_store_map(E(comp));
          is_dict = true;
        } else {
          compile_node(comp, N(p, 0));
          is_dict = false;
        }

        for (let i: u32 = 0; i < n; i++) {
          const pn_i = L(nodes, i);
          const is_key_value = PN_IS_STRUCT_KIND(pn_i, G.RULE_dictorsetmaker_item);
          compile_node(comp, pn_i);
          if (is_dict) {
            if (!is_key_value) {
              compile_syntax_error(comp, p, "expecting key:value for dict");
              return;
            }
            mp_emit_bc_store_map(E(comp));
          } else {
            if (is_key_value) {
              compile_syntax_error(comp, p, "expecting just a value for set");
              return;
            }
          }
        }

        if (!is_dict) mp_emit_bc_build(E(comp), 1 + n, MP_EMIT_BUILD_SET);
      } else {
        // a dict or set comprehension
        if (PN_IS_STRUCT_KIND(N(p, 0), G.RULE_dictorsetmaker_item)) {
          compile_comprehension(comp, p, SCOPE_DICT_COMP);
        } else {
          compile_comprehension(comp, p, SCOPE_SET_COMP);
        }
      }
      return;
    }
  }
  // a set with one element
  compile_node(comp, pn);
  mp_emit_bc_build(E(comp), 1, MP_EMIT_BUILD_SET);
}

function compile_atom_brace(comp: compiler_t, pns: usize): void {
  compile_atom_brace_helper(comp, pns, true);
}

function compile_trailer_paren(comp: compiler_t, pns: usize): void {
  compile_trailer_paren_helper(comp, NA(pns, 0), false, 0);
}

function compile_trailer_bracket(comp: compiler_t, pns: usize): void {
  // the object to index is on the stack
  compile_node(comp, N(pns, 0));
  mp_emit_bc_subscr(E(comp), MP_EMIT_SUBSCR_LOAD);
}

function compile_trailer_period(comp: compiler_t, pns: usize): void {
  // the object is on the stack
  mp_emit_bc_attr(E(comp), PN_LEAF_ARG(N(pns, 0)), MP_EMIT_ATTR_LOAD);
}

function compile_subscript(comp: compiler_t, pns: usize): void {
  if (PN_KIND(pns) == G.RULE_subscript_2) {
    compile_node(comp, N(pns, 0)); // start of the slice
    pns = N(pns, 1);
  } else {
    // subscript_3: no start
    mp_emit_bc_load_const_tok(E(comp), T.MP_TOKEN_KW_NONE);
  }

  // pns is a subscript_3
  let pn = N(pns, 0);
  if (PN_IS_NULL(pn)) {
    // [?:]
    mp_emit_bc_load_const_tok(E(comp), T.MP_TOKEN_KW_NONE);
    mp_emit_bc_build(E(comp), 2, MP_EMIT_BUILD_SLICE);
  } else if (PN_IS_STRUCT(pn)) {
    const p = pn;
    if (PN_KIND(p) == G.RULE_subscript_3c) {
      mp_emit_bc_load_const_tok(E(comp), T.MP_TOKEN_KW_NONE);
      pn = N(p, 0);
      if (PN_IS_NULL(pn)) {
        // [?::]
        mp_emit_bc_build(E(comp), 2, MP_EMIT_BUILD_SLICE);
      } else {
        // [?::x]
        compile_node(comp, pn);
        mp_emit_bc_build(E(comp), 3, MP_EMIT_BUILD_SLICE);
      }
    } else if (PN_KIND(p) == G.RULE_subscript_3d) {
      compile_node(comp, N(p, 0));
      const sliceop = N(p, 1);
      if (PN_IS_NULL(N(sliceop, 0))) {
        // [?:x:]
        mp_emit_bc_build(E(comp), 2, MP_EMIT_BUILD_SLICE);
      } else {
        // [?:x:x]
        compile_node(comp, N(sliceop, 0));
        mp_emit_bc_build(E(comp), 3, MP_EMIT_BUILD_SLICE);
      }
    } else {
      // [?:x]
      compile_node(comp, pn);
      mp_emit_bc_build(E(comp), 2, MP_EMIT_BUILD_SLICE);
    }
  } else {
    // [?:x]
    compile_node(comp, pn);
    mp_emit_bc_build(E(comp), 2, MP_EMIT_BUILD_SLICE);
  }
}

function compile_dictorsetmaker_item(comp: compiler_t, pns: usize): void {
  // a key:value pair of a dict
  compile_node(comp, N(pns, 1)); // value
  compile_node(comp, N(pns, 0)); // key
}

function compile_classdef(comp: compiler_t, pns: usize): void {
  const cname = compile_classdef_helper(comp, pns, SC(comp).emit_options);
  compile_store_id(comp, cname);
}

function compile_yield_expr(comp: compiler_t, pns: usize): void {
  const k = SC(comp).kind;
  if (k != SCOPE_FUNCTION && k != SCOPE_LAMBDA) {
    compile_syntax_error(comp, pns, "'yield' outside function");
    return;
  }
  const pn0 = N(pns, 0);
  if (PN_IS_NULL(pn0)) {
    mp_emit_bc_load_const_tok(E(comp), T.MP_TOKEN_KW_NONE);
    mp_emit_bc_yield(E(comp), MP_EMIT_YIELD_VALUE);
  } else if (PN_IS_STRUCT_KIND(pn0, G.RULE_yield_arg_from)) {
    compile_node(comp, N(pn0, 0));
    compile_yield_from(comp);
  } else {
    compile_node(comp, pn0);
    mp_emit_bc_yield(E(comp), MP_EMIT_YIELD_VALUE);
  }
}

function compile_atom_expr_await(comp: compiler_t, pns: usize): void {
  const k = SC(comp).kind;
  if (k != SCOPE_FUNCTION && k != SCOPE_LAMBDA) {
    compile_syntax_error(comp, pns, "'await' outside function");
    return;
  }
  compile_atom_expr_normal(comp, pns);
  compile_yield_from(comp);
}

function compile_const_object(comp: compiler_t, pns: usize): void {
  mp_emit_bc_load_const_obj(E(comp), N(pns, 0));
}

function compile_node(comp: compiler_t, pn: usize): void {
  if (comp.compile_error != 0) return; // the first error ends compilation
  if (PN_IS_NULL(pn)) {
    // nothing
  } else if (PN_IS_SMALL_INT(pn)) {
    mp_emit_bc_load_const_small_int(E(comp), PN_LEAF_SMALL_INT(pn));
  } else if (PN_IS_LEAF(pn)) {
    const arg = PN_LEAF_ARG(pn);
    const k = PN_LEAF_KIND(pn);
    if (k == PN_ID) {
      compile_load_id(comp, arg);
    } else if (k == PN_STRING) {
      mp_emit_bc_load_const_str(E(comp), arg);
    } else {
      // a NEWLINE token can come through file_input or single_input: nothing to do
      if (<u32>arg != T.MP_TOKEN_NEWLINE) mp_emit_bc_load_const_tok(E(comp), <u32>arg);
    }
  } else {
    mp_emit_bc_set_source_line(E(comp), PN_LINE(pn));
    compile_struct(comp, pn, PN_KIND(pn));
  }
}

function compile_struct(comp: compiler_t, pns: usize, kind: u32): void {
  switch (kind) {
    case G.RULE_file_input:
    case G.RULE_file_input_2:
    case G.RULE_simple_stmt_2:
    case G.RULE_pass_stmt:
    case G.RULE_suite_block_stmts:
      compile_generic_all_nodes(comp, pns);
      break;
    case G.RULE_decorated:
      compile_decorated(comp, pns);
      break;
    case G.RULE_funcdef:
      compile_funcdef(comp, pns);
      break;
    case G.RULE_expr_stmt:
      compile_expr_stmt(comp, pns);
      break;
    case G.RULE_testlist_star_expr:
    case G.RULE_subscriptlist:
    case G.RULE_testlist:
      compile_generic_tuple(comp, pns);
      break;
    case G.RULE_del_stmt:
      compile_del_stmt(comp, pns);
      break;
    case G.RULE_break_stmt:
    case G.RULE_continue_stmt:
      compile_break_cont_stmt(comp, pns);
      break;
    case G.RULE_return_stmt:
      compile_return_stmt(comp, pns);
      break;
    case G.RULE_yield_stmt:
      compile_yield_stmt(comp, pns);
      break;
    case G.RULE_raise_stmt:
      compile_raise_stmt(comp, pns);
      break;
    case G.RULE_import_name:
      compile_import_name(comp, pns);
      break;
    case G.RULE_import_from:
      compile_import_from(comp, pns);
      break;
    case G.RULE_global_stmt:
    case G.RULE_nonlocal_stmt:
      compile_global_nonlocal_stmt(comp, pns);
      break;
    case G.RULE_assert_stmt:
      compile_assert_stmt(comp, pns);
      break;
    case G.RULE_async_stmt:
      compile_async_stmt(comp, pns);
      break;
    case G.RULE_if_stmt:
      compile_if_stmt(comp, pns);
      break;
    case G.RULE_while_stmt:
      compile_while_stmt(comp, pns);
      break;
    case G.RULE_for_stmt:
      compile_for_stmt(comp, pns);
      break;
    case G.RULE_try_stmt:
      compile_try_stmt(comp, pns);
      break;
    case G.RULE_with_stmt:
      compile_with_stmt(comp, pns);
      break;
    case G.RULE_namedexpr_test:
      compile_namedexpr(comp, pns);
      break;
    case G.RULE_test_if_expr:
      compile_test_if_expr(comp, pns);
      break;
    case G.RULE_lambdef:
    case G.RULE_lambdef_nocond:
      compile_lambdef(comp, pns);
      break;
    case G.RULE_or_test:
    case G.RULE_and_test:
      compile_or_and_test(comp, pns);
      break;
    case G.RULE_not_test_2:
      compile_not_test_2(comp, pns);
      break;
    case G.RULE_comparison:
      compile_comparison(comp, pns);
      break;
    case G.RULE_star_expr:
      compile_star_expr(comp, pns);
      break;
    case G.RULE_expr:
    case G.RULE_xor_expr:
    case G.RULE_and_expr:
      compile_binary_op(comp, pns);
      break;
    case G.RULE_shift_expr:
    case G.RULE_arith_expr:
    case G.RULE_term:
      compile_term(comp, pns);
      break;
    case G.RULE_factor_2:
      compile_factor_2(comp, pns);
      break;
    case G.RULE_power:
      compile_power(comp, pns);
      break;
    case G.RULE_atom_expr_await:
      compile_atom_expr_await(comp, pns);
      break;
    case G.RULE_atom_expr_normal:
      compile_atom_expr_normal(comp, pns);
      break;
    case G.RULE_atom_paren:
      compile_atom_paren(comp, pns);
      break;
    case G.RULE_atom_bracket:
      compile_atom_bracket(comp, pns);
      break;
    case G.RULE_atom_brace:
      compile_atom_brace(comp, pns);
      break;
    case G.RULE_trailer_paren:
      compile_trailer_paren(comp, pns);
      break;
    case G.RULE_trailer_bracket:
      compile_trailer_bracket(comp, pns);
      break;
    case G.RULE_trailer_period:
      compile_trailer_period(comp, pns);
      break;
    case G.RULE_subscript_2:
    case G.RULE_subscript_3:
      compile_subscript(comp, pns);
      break;
    case G.RULE_dictorsetmaker_item:
      compile_dictorsetmaker_item(comp, pns);
      break;
    case G.RULE_classdef:
      compile_classdef(comp, pns);
      break;
    case G.RULE_yield_expr:
      compile_yield_expr(comp, pns);
      break;
    case G.RULE_const_object:
      compile_const_object(comp, pns);
      break;
    default:
      // a rule without a compile function cannot reach here from a valid tree
      compile_syntax_error(comp, pns, "invalid syntax");
      break;
  }
}

function compile_scope_func_lambda_param(comp: compiler_t, pn: usize, pn_name: u32, pn_star: u32, pn_dbl_star: u32): void {
  const sc = SC(comp);
  // **kw must be last
  if ((<u32>sc.scope_flags & R.MP_SCOPE_FLAG_VARKEYWORDS) != 0) {
    compile_syntax_error(comp, pn, "invalid syntax");
    return;
  }

  let param_name: qstr = 0;
  let param_flag: u32 = ID_FLAG_IS_PARAM;
  if (PN_IS_ID(pn)) {
    param_name = PN_LEAF_ARG(pn);
    if (comp.have_star != 0) {
      // after a star: keyword-only
      sc.num_kwonly_args += 1;
    } else {
      sc.num_pos_args += 1;
    }
  } else {
    const kind = PN_KIND(pn);
    if (kind == pn_name) {
      // a named parameter, maybe annotated
      param_name = PN_LEAF_ARG(N(pn, 0));
      if (comp.have_star != 0) {
        sc.num_kwonly_args += 1;
      } else {
        sc.num_pos_args += 1;
      }
    } else if (kind == pn_star) {
      if (comp.have_star != 0) {
        // more than one star
        compile_syntax_error(comp, pn, "invalid syntax");
        return;
      }
      comp.have_star = 1;
      param_flag = ID_FLAG_IS_PARAM | ID_FLAG_IS_STAR_PARAM;
      const p0 = N(pn, 0);
      if (PN_IS_NULL(p0)) {
        // a bare star
      } else if (PN_IS_ID(p0)) {
        // *name
        sc.scope_flags |= <u16>R.MP_SCOPE_FLAG_VARARGS;
        param_name = PN_LEAF_ARG(p0);
      } else {
        // *name with an annotation (tfpdef)
        sc.scope_flags |= <u16>R.MP_SCOPE_FLAG_VARARGS;
        param_name = PN_LEAF_ARG(N(p0, 0));
      }
    } else {
      // **name, maybe annotated
      param_name = PN_LEAF_ARG(N(pn, 0));
      param_flag = ID_FLAG_IS_PARAM | ID_FLAG_IS_DBL_STAR_PARAM;
      sc.scope_flags |= <u16>R.MP_SCOPE_FLAG_VARKEYWORDS;
    }
  }

  if (param_name != 0) {
    const id_info = scope_find_or_add_id(sc, param_name, ID_INFO_KIND_UNDECIDED);
    if (id_info == null) {
      compile_take_error(comp);
      return;
    }
    if (id_info.kind != ID_INFO_KIND_UNDECIDED) {
      compile_syntax_error(comp, pn, "argument name reused");
      return;
    }
    id_info.kind = <u8>ID_INFO_KIND_LOCAL;
    id_info.flags = <u8>param_flag;
  }
}

function compile_scope_comp_iter(comp: compiler_t, pns_comp_for: usize, pn_inner_expr: usize, for_depth: u32): void {
  const l_top = comp_next_label(comp);
  const l_end = comp_next_label(comp);
  mp_emit_bc_label_assign(E(comp), l_top);
  mp_emit_bc_for_iter(E(comp), l_end);
  c_assign(comp, N(pns_comp_for, 0), ASSIGN_STORE);
  let pn_iter = N(pns_comp_for, 2);

  while (true) {
    if (PN_IS_NULL(pn_iter)) {
      // no more if/for: the element
      compile_node(comp, pn_inner_expr);
      if (SC(comp).kind == SCOPE_GEN_EXPR) {
        mp_emit_bc_yield(E(comp), MP_EMIT_YIELD_VALUE);
        mp_emit_bc_pop_top(E(comp));
      } else {
        mp_emit_bc_store_comp(E(comp), SC(comp).kind, 4 * for_depth + 5);
      }
    } else if (PN_KIND(pn_iter) == G.RULE_comp_if) {
      // an if condition
      c_if_cond(comp, N(pn_iter, 0), false, l_top);
      pn_iter = N(pn_iter, 1);
      continue;
    } else {
      // a nested for
      compile_node(comp, N(pn_iter, 1));
      mp_emit_bc_get_iter(E(comp), true);
      compile_scope_comp_iter(comp, pn_iter, pn_inner_expr, for_depth + 1);
    }
    break;
  }

  mp_emit_bc_jump(E(comp), l_top);
  mp_emit_bc_label_assign(E(comp), l_end);
  mp_emit_bc_for_iter_end(E(comp));
}

// MICROPY_ENABLE_DOC_STRING is off (as mpy-cross and the unix port): doc
// strings are not stored, so check_for_doc_string does nothing.

/** Runs `pass` over `scope`; false if the emitter needs another MP_PASS_EMIT. */
function compile_scope(comp: compiler_t, scope: scope_t, pass: u32): bool {
  comp.pass = pass;
  comp.scope_cur = changetype<usize>(scope);
  comp.next_label = 0;
  if (!mp_emit_common_start_pass(EC(comp), pass)) {
    compile_take_error(comp);
    return true;
  }
  mp_emit_bc_start_pass(E(comp), pass, scope);

  if (comp.pass == MP_PASS_SCOPE) {
    // the maximum stack sizes are computed in this pass
    scope.stack_size = 0;
    scope.exc_stack_size = 0;
  }

  const spn = scope.pn;
  if (PN_IS_STRUCT_KIND(spn, G.RULE_eval_input)) {
    compile_node(comp, N(spn, 0)); // the expression
    mp_emit_bc_return_value(E(comp));
  } else if (scope.kind == SCOPE_MODULE) {
    compile_node(comp, spn);
    mp_emit_bc_load_const_tok(E(comp), T.MP_TOKEN_KW_NONE);
    mp_emit_bc_return_value(E(comp));
  } else if (scope.kind == SCOPE_FUNCTION) {
    // the parameters, numbered first (before the body's locals)
    if (comp.pass == MP_PASS_SCOPE) {
      comp.have_star = 0;
      apply_to_single_or_list(comp, N(spn, 1), G.RULE_typedargslist, APPLY_SCOPE_FUNC_PARAM);
    }
    compile_node(comp, N(spn, 3)); // the body
    mp_emit_bc_load_const_tok(E(comp), T.MP_TOKEN_KW_NONE);
    mp_emit_bc_return_value(E(comp));
  } else if (scope.kind == SCOPE_LAMBDA) {
    mp_emit_bc_set_source_line(E(comp), PN_LINE(spn));
    if (comp.pass == MP_PASS_SCOPE) {
      comp.have_star = 0;
      apply_to_single_or_list(comp, N(spn, 0), G.RULE_varargslist, APPLY_SCOPE_LAMBDA_PARAM);
    }
    compile_node(comp, N(spn, 1)); // the body
    // a generator lambda returns None, not its expression's value
    if ((<u32>scope.scope_flags & R.MP_SCOPE_FLAG_GENERATOR) != 0) {
      mp_emit_bc_pop_top(E(comp));
      mp_emit_bc_load_const_tok(E(comp), T.MP_TOKEN_KW_NONE);
    }
    mp_emit_bc_return_value(E(comp));
  } else if (SCOPE_IS_COMP_LIKE(<u32>scope.kind)) {
    const pns_comp_for = N(spn, 1);
    // the iterator argument needs a name no user variable can have: the empty qstr
    const qstr_arg = Q.MP_QSTR_;
    if (comp.pass == MP_PASS_SCOPE) {
      if (scope_find_or_add_id(SC(comp), qstr_arg, ID_INFO_KIND_LOCAL) == null) compile_take_error(comp);
      scope.num_pos_args = 1;
    }
    mp_emit_bc_set_source_line(E(comp), PN_LINE(spn));

    if (scope.kind == SCOPE_LIST_COMP) {
      mp_emit_bc_build(E(comp), 0, MP_EMIT_BUILD_LIST);
    } else if (scope.kind == SCOPE_DICT_COMP) {
      mp_emit_bc_build(E(comp), 0, MP_EMIT_BUILD_MAP);
    } else if (scope.kind == SCOPE_SET_COMP) {
      mp_emit_bc_build(E(comp), 0, MP_EMIT_BUILD_SET);
    }

    // 4 stack slots for the iterator; a NULL first says the second is the iterator object
    if (scope.kind == SCOPE_GEN_EXPR) {
      mp_emit_bc_load_null(E(comp));
      compile_load_id(comp, qstr_arg);
      mp_emit_bc_load_null(E(comp));
      mp_emit_bc_load_null(E(comp));
    } else {
      compile_load_id(comp, qstr_arg);
      mp_emit_bc_get_iter(E(comp), true);
    }

    compile_scope_comp_iter(comp, pns_comp_for, N(spn, 0), 0);

    if (scope.kind == SCOPE_GEN_EXPR) mp_emit_bc_load_const_tok(E(comp), T.MP_TOKEN_KW_NONE);
    mp_emit_bc_return_value(E(comp));
  } else {
    // SCOPE_CLASS
    if (comp.pass == MP_PASS_SCOPE) {
      if (scope_find_or_add_id(scope, Q.MP_QSTR___class__, ID_INFO_KIND_LOCAL) == null) compile_take_error(comp);
    }
    compile_load_id(comp, Q.MP_QSTR___name__);
    compile_store_id(comp, Q.MP_QSTR___module__);
    mp_emit_bc_load_const_str(E(comp), PN_LEAF_ARG(N(spn, 0))); // the class name
    compile_store_id(comp, Q.MP_QSTR___qualname__);

    compile_node(comp, N(spn, 2)); // the class body

    const id = scope_find(scope, Q.MP_QSTR___class__);
    if (id == null || id.kind == ID_INFO_KIND_LOCAL) {
      mp_emit_bc_load_const_tok(E(comp), T.MP_TOKEN_KW_NONE);
    } else {
      mp_emit_bc_load_local(E(comp), Q.MP_QSTR___class__, id.local_num, MP_EMIT_IDOP_LOCAL_FAST);
    }
    mp_emit_bc_return_value(E(comp));
  }

  const pass_complete = mp_emit_bc_end_pass(E(comp));
  if (E(comp).alloc_failed != 0) {
    E(comp).alloc_failed = 0;
    compile_take_error(comp);
  }
  return pass_complete;
}

function id_swap(a: id_info_t, b: id_info_t): void {
  const t0 = load<u32>(changetype<usize>(a));
  const t1 = load<u32>(changetype<usize>(a) + 4);
  store<u32>(changetype<usize>(a), load<u32>(changetype<usize>(b)));
  store<u32>(changetype<usize>(a) + 4, load<u32>(changetype<usize>(b) + 4));
  store<u32>(changetype<usize>(b), t0);
  store<u32>(changetype<usize>(b) + 4, t1);
}

// Numbers the locals, cells and free variables of `scope` (after MP_PASS_SCOPE).
function scope_compute_things(scope: scope_t): void {
  // *x goes after all other parameters (except **y)
  if ((<u32>scope.scope_flags & R.MP_SCOPE_FLAG_VARARGS) != 0) {
    let id_param: usize = 0;
    for (let i = <i32>scope.id_info_len - 1; i >= 0; i--) {
      const id = scope_id(scope, <usize>i);
      if ((<u32>id.flags & ID_FLAG_IS_STAR_PARAM) != 0) {
        if (id_param != 0) {
          // swap the star param with the last param
          id_swap(changetype<id_info_t>(id_param), id);
        }
        break;
      } else if (id_param == 0 && <u32>id.flags == ID_FLAG_IS_PARAM) {
        id_param = changetype<usize>(id);
      }
    }
  }

  // in functions implicit globals become explicit; number each local
  scope.num_locals = 0;
  for (let i: usize = 0; i < <usize>scope.id_info_len; i++) {
    const id = scope_id(scope, i);
    if (scope.kind == SCOPE_CLASS && <usize>id.qst == Q.MP_QSTR___class__) {
      // not a local; a cell if used
      continue;
    }
    if (SCOPE_IS_FUNC_LIKE(<u32>scope.kind) && id.kind == ID_INFO_KIND_GLOBAL_IMPLICIT) {
      id.kind = <u8>ID_INFO_KIND_GLOBAL_EXPLICIT;
    }
    // a parameter takes a local slot even if it is a cell
    if (id.kind == ID_INFO_KIND_LOCAL || (<u32>id.flags & ID_FLAG_IS_PARAM) != 0) {
      id.local_num = scope.num_locals++;
    }
  }

  // cells come right after the fast locals (parameters keep their slots)
  for (let i: usize = 0; i < <usize>scope.id_info_len; i++) {
    const id = scope_id(scope, i);
    if (id.kind == ID_INFO_KIND_CELL && (<u32>id.flags & ID_FLAG_IS_PARAM) == 0) {
      id.local_num = scope.num_locals;
      scope.num_locals += 1;
    }
  }

  // free variables, in the order of the parent scope, come first of all
  if (scope.parent != 0) {
    const parent = scope_of(scope.parent);
    let num_free: u32 = 0;
    for (let i: usize = 0; i < <usize>parent.id_info_len; i++) {
      const id = scope_id(parent, i);
      if (id.kind == ID_INFO_KIND_CELL || id.kind == ID_INFO_KIND_FREE) {
        for (let j: usize = 0; j < <usize>scope.id_info_len; j++) {
          const id2 = scope_id(scope, j);
          if (id2.kind == ID_INFO_KIND_FREE && id.qst == id2.qst) {
            id2.local_num = <u16>num_free;
            num_free += 1;
          }
        }
      }
    }
    // shift the other locals after the free ones
    if (num_free > 0) {
      for (let i: usize = 0; i < <usize>scope.id_info_len; i++) {
        const id = scope_id(scope, i);
        if (id.kind != ID_INFO_KIND_FREE || (<u32>id.flags & ID_FLAG_IS_PARAM) != 0) {
          id.local_num += <u16>num_free;
        }
      }
      // free variables are passed in like parameters
      scope.num_pos_args += <u16>num_free;
      scope.num_locals += <u16>num_free;
    }
  }
}

// ---- entry points ----

/**
 * The result of mp_compile_to_raw_code_cm (mp_compiled_module_t, 20 bytes;
 * the caller provides it in rooted memory):
 *   +0 context (in: an allocated mp_module_context_t)  +4 rc (out)
 *   +8 has_native  +12 n_qstr  +16 n_obj
 */
@inline export const CM_context: usize = 0;
@inline export const CM_rc: usize = 4;
@inline export const CM_has_native: usize = 8;
@inline export const CM_n_qstr: usize = 12;
@inline export const CM_n_obj: usize = 16;
@inline export const MP_COMPILED_MODULE_SIZE: usize = 20;

/** Table sizes of the last successful compile (for .mpy saving). */
export let mp_compile_last_n_qstr: usize = 0;
export let mp_compile_last_n_obj: usize = 0;

/**
 * Compiles `parse_tree` (mp_parse_tree_t: +0 root node) to raw codes and fills
 * the constant tables of the module context in `cm` (which must be rooted).
 * Returns false with the exception pending: SyntaxError (with a traceback
 * entry giving the file, line and scope name, as MicroPython), MemoryError
 * or RuntimeError("bytecode overflow"). As mp_compile_to_raw_code.
 */
export function mp_compile_to_raw_code_cm(parse_tree: usize, source_file: qstr, is_repl: bool, cm: usize): bool {
  const mark = mp_root_mark();
  const cp = gc_alloc(COMPILER_SIZE, 0);
  if (cp == 0) {
    mp_raise_memory_error(COMPILER_SIZE);
    return false;
  }
  mp_root_push(cp);
  const comp = changetype<compiler_t>(cp);
  compile_error_no_traceback = false;
  comp.parse_tree = parse_tree;
  comp.source_file = <u32>source_file;
  comp.is_repl = is_repl ? 1 : 0;
  comp.break_label = INVALID_LABEL;
  comp.continue_label = INVALID_LABEL;

  const ecp = mp_emit_common_new();
  if (ecp == 0) {
    mp_root_release(mark);
    return false;
  }
  comp.emit_common = ecp;
  if (!mp_emit_common_init(EC(comp), source_file)) {
    mp_root_release(mark);
    return false;
  }

  // the module scope
  const module_scope = scope_new_and_link(comp, SCOPE_MODULE, load<usize>(parse_tree), mp_default_emit_opt);
  if (comp.compile_error != 0) return compile_fail(comp, mark);

  // the bytecode emitter, used for MP_PASS_SCOPE of every scope
  const ep = emit_bc_new(ecp);
  if (ep == 0) {
    compile_take_error(comp);
    return compile_fail(comp, mark);
  }
  comp.emit = ep;

  // MP_PASS_SCOPE; new scopes are appended while this runs
  let max_num_labels: u32 = 0;
  for (let s = comp.scope_head; s != 0 && comp.compile_error == 0; s = scope_of(s).next) {
    const sc = scope_of(s);
    compile_scope(comp, sc, MP_PASS_SCOPE);
    // implicit globals that an enclosing function binds are closed over
    for (let i: usize = 0; i < <usize>sc.id_info_len; ++i) {
      const id = scope_id(sc, i);
      if (id.kind == ID_INFO_KIND_GLOBAL_IMPLICIT) {
        if (!scope_check_to_close_over(sc, id)) compile_take_error(comp);
      }
    }
    if (comp.next_label > max_num_labels) max_num_labels = comp.next_label;
  }

  // number the identifiers of each scope
  for (let s = comp.scope_head; s != 0 && comp.compile_error == 0; s = scope_of(s).next) {
    scope_compute_things(scope_of(s));
  }

  if (comp.compile_error == 0 && !emit_bc_set_max_num_labels(E(comp), max_num_labels)) compile_take_error(comp);

  // MP_PASS_STACK_SIZE, MP_PASS_CODE_SIZE, MP_PASS_EMIT, scope by scope
  for (let s = comp.scope_head; s != 0 && comp.compile_error == 0; s = scope_of(s).next) {
    compile_scope_emit(comp, scope_of(s));
  }

  if (comp.compile_error != 0) return compile_fail(comp, mark);

  // the module's constant tables
  const context = load<usize>(cm + CM_context);
  store<usize>(cm + CM_rc, module_scope.raw_code);
  store<u32>(cm + CM_has_native, 0);
  const n_qstr = mp_emit_common_n_qstr(EC(comp));
  const n_obj = <usize>EC(comp).const_len;
  store<usize>(cm + CM_n_qstr, n_qstr);
  store<usize>(cm + CM_n_obj, n_obj);
  mp_compile_last_n_qstr = n_qstr;
  mp_compile_last_n_obj = n_obj;
  if (!mp_emit_common_populate_module_context(EC(comp), context)) {
    mp_root_release(mark);
    return false;
  }

  // with -v -v, print each scope's bytecode now that the tables exist
  if (mp_verbose_flag >= 2) {
    for (let s = comp.scope_head; s != 0; s = scope_of(s).next) {
      const rc = scope_of(s).raw_code;
      if (mp_raw_code_kind(rc) == MP_CODE_BYTECODE) mp_bytecode_print(mp_plat_print, rc, context);
    }
  }

  // the parse tree is no longer needed
  mp_parse_tree_clear(parse_tree);
  mp_root_release(mark);
  return true;
}

// Emits one scope with the emitter its options ask for. Only bytecode exists;
// a native emitter would be chosen here for MP_EMIT_OPT_NATIVE_PYTHON/VIPER.
function compile_scope_emit(comp: compiler_t, s: scope_t): void {
  compile_scope(comp, s, MP_PASS_STACK_SIZE);
  if (comp.compile_error == 0) compile_scope(comp, s, MP_PASS_CODE_SIZE);
  if (comp.compile_error == 0) {
    // the emitter may ask for more passes while jumps shrink
    while (!compile_scope(comp, s, MP_PASS_EMIT)) {
      if (comp.compile_error != 0) break;
    }
    if (comp.compile_error == 0 && E(comp).overflow != 0) {
      // raised by the emitter itself in MicroPython: no traceback entry
      mp_raise_msg(mp_type_RuntimeError, "bytecode overflow");
      compile_take_error(comp);
      compile_error_no_traceback = true;
    }
  }
}

// Set when the compile error is the emitter's own (bytecode overflow).
let compile_error_no_traceback: bool = false;

function compile_fail(comp: compiler_t, mark: usize): bool {
  let exc = comp.compile_error;
  if (exc == 0) exc = mp_const_MemoryError_obj; // an allocation failed without raising
  // errors without a line take the line of the scope being compiled, and get
  // a traceback entry (file, line, scope name) as MicroPython gives them
  if (comp.scope_cur != 0 && !compile_error_no_traceback) {
    compile_error_set_line(comp, SC(comp).pn);
    mp_obj_exception_add_traceback(exc, comp.source_file, comp.compile_error_line, SC(comp).simple_name);
  }
  mp_parse_tree_clear(comp.parse_tree);
  mp_root_release(mark);
  mp_raise_obj(exc);
  return false;
}

/**
 * Compiles `parse_tree` for module context `context` (an allocated
 * mp_module_context_t, rooted by the caller): fills its constant tables and
 * returns the module's raw code, or 0 with the exception pending.
 */
export function mp_compile_to_raw_code(parse_tree: usize, source_file: qstr, is_repl: bool, context: usize): usize {
  const mark = mp_root_mark();
  const cm = mp_root_alloc(5);
  if (cm == 0) {
    mp_raise_memory_error(20);
    return 0;
  }
  store<usize>(cm + CM_context, context);
  const ok = mp_compile_to_raw_code_cm(parse_tree, source_file, is_repl, cm);
  const rc = ok ? load<usize>(cm + CM_rc) : 0;
  mp_root_release(mark);
  return rc;
}

/**
 * Compiles `parse_tree` and returns a function object that runs the module
 * body with the current globals, or MP_OBJ_NULL with the exception pending.
 * As mp_compile.
 */
export function mp_compile(parse_tree: usize, source_file: qstr, is_repl: bool): mp_obj_t {
  const mark = mp_root_mark();
  mp_root_push(parse_tree);
  const context = gc_alloc(16, 0);
  if (context == 0) {
    mp_root_release(mark);
    return mp_raise_memory_error(16);
  }
  mp_root_push(context);
  store<usize>(context + CTX_globals, mp_state_get(MPS_dict_globals));
  const rc = mp_compile_to_raw_code(parse_tree, source_file, is_repl, context);
  if (rc == 0) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  mp_root_push(rc);
  const f = mp_make_function_from_proto_fun(rc, context, 0);
  mp_root_release(mark);
  return f;
}
