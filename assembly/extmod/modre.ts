// The re module, as MicroPython's extmod/modre.c over the re1.5 engine
// (re1_5.ts): compile, match, search and sub; compiled patterns with
// match, search, split and sub; match objects with group, groups, span,
// start and end; the DEBUG flag that lists the compiled code.
//
// MicroPython's rules, not CPython's: patterns and subjects are str or
// bytes and may be mixed; positions given to match/search are byte offsets;
// split and sub stop at the first empty match; split raises
// NotImplementedError when the pattern has groups; group() needs its index;
// flags other than DEBUG are ignored. A bad pattern raises ValueError
// "regex too complex" (found while sizing) or "error in regex" (an
// unmatched ')').
//
//   re object:     +0 type  +4 ByteProg (bytelen, len, sub, code...)
//   match object:  +0 type  +4 num_matches  +8 subject  +12 caps[2 * num_matches]
//
// caps are pointers into the subject's bytes (0 for a group that did not
// take part); the subject object keeps them valid.

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_OBJ_NEW_QSTR,
  MP_OBJ_NEW_SMALL_INT,
  MP_TYPE_SIZE,
  MP_TYPE_FLAG_NONE,
  MP_INT_ERROR,
  mp_const_none,
  mp_obj_is_obj,
  mp_obj_is_type,
  mp_obj_get_int,
  mp_obj_is_callable,
  mp_type_setup,
  mp_type_set_print,
  mp_type_set_locals_dict,
  mp_fun_1_at,
  mp_fun_2_at,
  mp_fun_var_at,
  fun_var,
} from "../obj";
import { qstr } from "../qstr";
import { gc_alloc, gc_free } from "../gc";
import { mp_root_mark, mp_root_push, mp_root_release } from "../rootstack";
import { mp_printf } from "../mpprint";
import { mp_static_dict_at, mp_static_dict_add } from "../objdict";
import { mp_module_static_at } from "../objmodule";
import { mp_obj_get_type } from "../objtype";
import { mp_obj_new_tuple, mp_const_empty_tuple } from "../objtuple";
import { mp_obj_new_list, mp_obj_list_append } from "../objlist";
import {
  mp_type_str,
  mp_obj_str_check,
  mp_obj_str_get_data_ptr,
  mp_obj_str_get_len,
  mp_obj_new_str,
  mp_obj_new_str_of_type,
  mp_obj_new_str_from_utf8_vstr,
  mp_obj_new_bytes_from_vstr,
} from "../objstr";
import { vstr_new_root, vstr_add_strn, vstr_add_byte } from "../vstr";
import { utf8_ptr_to_index } from "../unicode";
import { mp_call_function_1, mp_raise_memory_error } from "../runtime";
import {
  mp_raise_arg1,
  mp_raise_TypeError,
  mp_raise_ValueError,
  mp_raise_NotImplementedError,
  mp_type_IndexError,
} from "../objexcept";
import {
  re1_5_sizecode,
  re1_5_compilecode,
  re1_5_recursiveloopprog,
  re1_5_dumpcode,
  RE_COMPILE_RAISED,
  PROG_sub,
  PROG_insts,
} from "./re1_5";
import * as Q from "../genhdr";

/** The re module (`import re` / `import ure`). */
export const mp_module_re: mp_obj_t = memory.data(8, 8);
export const mp_module_re_extensible = true;

/** List the compiled code when this bit is in compile's flags (MICROPY_PY_RE_DEBUG). */
@inline const FLAG_DEBUG: i32 = 0x1000;

const re_type: usize = memory.data(<i32>MP_TYPE_SIZE, 16);
const match_type: usize = memory.data(<i32>MP_TYPE_SIZE, 16);

// re object fields
@inline const RE_prog: usize = 4;
// match object fields
@inline const MATCH_num: usize = 4;
@inline const MATCH_str: usize = 8;
@inline const MATCH_caps: usize = 12;

@inline function re_sub_count(self: mp_obj_t): u32 {
  return load<u32>(self + RE_prog + PROG_sub);
}
@inline function match_num(self: mp_obj_t): i32 {
  return load<i32>(self + MATCH_num);
}
@inline function match_cap(self: mp_obj_t, i: i32): usize {
  return load<usize>(self + MATCH_caps + (<usize>i << 2));
}

/**
 * A str (UTF-8 checked: UnicodeError for a match that splits a character)
 * or bytes of `len` bytes at `p`, as MicroPython's mp_obj_new_str_of_type.
 */
function new_str_of_type(type: usize, p: usize, len: usize): mp_obj_t {
  if (type == mp_type_str) return mp_obj_new_str(p, len);
  return mp_obj_new_str_of_type(type, p, len);
}

/**
 * `o` if it is an object of `type`, else 0 with TypeError "argument has
 * wrong type" (mp_check_self; for methods called unbound).
 */
function check_self(o: mp_obj_t, type: usize): mp_obj_t {
  if (mp_obj_is_obj(o) && load<usize>(o) == type) return o;
  mp_raise_TypeError("argument has wrong type");
  return 0;
}

/**
 * A new match object for `caps_num` capture pointers (zeroed) over
 * `subject`, or 0 with MemoryError pending.
 */
function match_alloc(subject: mp_obj_t, caps_num: u32): mp_obj_t {
  const n = MATCH_caps + (<usize>caps_num << 2);
  const m = gc_alloc(n, 0);
  if (m == 0) {
    mp_raise_memory_error(n);
    return 0;
  }
  store<usize>(m, match_type);
  store<i32>(m + MATCH_num, <i32>(caps_num >> 1));
  store<usize>(m + MATCH_str, subject);
  return m;
}

// ---------------------------------------------------------------------------
// match objects

function match_print(print: usize, self: mp_obj_t, kind: u32): bool {
  mp_printf(print, "<match num=%d>", <usize>match_num(self));
  return true;
}

/**
 * The index `no_in` as a group number of `self`, or -1 with TypeError or
 * IndexError(no_in) pending.
 */
function match_group_index(self: mp_obj_t, no_in: mp_obj_t): i32 {
  const no = mp_obj_get_int(no_in);
  if (no == MP_INT_ERROR) return -1;
  if (no < 0 || no >= <i64>match_num(self)) {
    mp_raise_arg1(mp_type_IndexError, no_in);
    return -1;
  }
  return <i32>no;
}

/** match.group(n): the text of group n (same type as the subject), None if it did not match. */
function match_group(self_in: mp_obj_t, no_in: mp_obj_t): mp_obj_t {
  const self = check_self(self_in, match_type);
  if (self == 0) return MP_OBJ_NULL;
  const no = match_group_index(self, no_in);
  if (no < 0) return MP_OBJ_NULL;
  const start = match_cap(self, no * 2);
  if (start == 0) return mp_const_none;
  const subject = load<usize>(self + MATCH_str);
  const len = match_cap(self, no * 2 + 1) - start;
  return new_str_of_type(mp_obj_get_type(subject), start, len);
}

/** match.groups(): a tuple of groups 1.. (None for those that did not match). */
function match_groups(self_in: mp_obj_t): mp_obj_t {
  const self = check_self(self_in, match_type);
  if (self == 0) return MP_OBJ_NULL;
  const num = match_num(self);
  if (num <= 1) return mp_const_empty_tuple;
  const t = mp_obj_new_tuple(<usize>(num - 1), 0);
  if (t == MP_OBJ_NULL) return MP_OBJ_NULL;
  const mark = mp_root_mark();
  mp_root_push(t);
  for (let i = 1; i < num; i++) {
    const g = match_group(self, MP_OBJ_NEW_SMALL_INT(i));
    if (g == MP_OBJ_NULL) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    store<usize>(t + 8 + (<usize>(i - 1) << 2), g);
  }
  mp_root_release(mark);
  return t;
}

// span scratch: the start and end found by match_span_helper
let span_s: i32 = 0;
let span_e: i32 = 0;

/**
 * Sets span_s/span_e to the start and end of group args[1] (default 0) of
 * match args[0]: character indices for a str subject, byte offsets for
 * bytes, -1 for a group that did not match (match_span_helper). False with
 * an exception pending.
 */
function match_span_helper(n_args: usize, args: usize): bool {
  const self = check_self(load<usize>(args), match_type);
  if (self == 0) return false;
  let no: i32 = 0;
  if (n_args == 2) {
    no = match_group_index(self, load<usize>(args + 4));
    if (no < 0) return false;
  }
  let s: i32 = -1;
  let e: i32 = -1;
  const start = match_cap(self, no * 2);
  if (start != 0) {
    const subject = load<usize>(self + MATCH_str);
    const begin = mp_obj_str_get_data_ptr(subject);
    const end = match_cap(self, no * 2 + 1);
    if (mp_obj_get_type(subject) == mp_type_str) {
      s = <i32>utf8_ptr_to_index(begin, start);
      e = <i32>utf8_ptr_to_index(begin, end);
    } else {
      s = <i32>(start - begin);
      e = <i32>(end - begin);
    }
  }
  span_s = s;
  span_e = e;
  return true;
}

/** match.span([n]): (start, end) of group n. */
function match_span(n_args: usize, args: usize): mp_obj_t {
  if (!match_span_helper(n_args, args)) return MP_OBJ_NULL;
  const mark = mp_root_mark();
  mp_root_push(MP_OBJ_NEW_SMALL_INT(span_s));
  mp_root_push(MP_OBJ_NEW_SMALL_INT(span_e));
  const t = mp_obj_new_tuple(2, mark);
  mp_root_release(mark);
  return t;
}

/** match.start([n]): where group n starts, -1 if it did not match. */
function match_start(n_args: usize, args: usize): mp_obj_t {
  if (!match_span_helper(n_args, args)) return MP_OBJ_NULL;
  return MP_OBJ_NEW_SMALL_INT(span_s);
}

/** match.end([n]): where group n ends, -1 if it did not match. */
function match_end(n_args: usize, args: usize): mp_obj_t {
  if (!match_span_helper(n_args, args)) return MP_OBJ_NULL;
  return MP_OBJ_NEW_SMALL_INT(span_e);
}

// ---------------------------------------------------------------------------
// compiled patterns

function re_print(print: usize, self: mp_obj_t, kind: u32): bool {
  mp_printf(print, "<re %p>", self);
  return true;
}

/**
 * The compiled pattern of args[0]: itself if it is one, else compiled from
 * the str/bytes pattern (pushed on the root stack). 0 with an exception
 * pending.
 */
function re_get_compiled(args: usize): mp_obj_t {
  const pattern = load<usize>(args);
  if (mp_obj_is_type(pattern, re_type)) return pattern;
  const self = mod_re_compile(1, args);
  if (self != MP_OBJ_NULL) mp_root_push(self);
  return self;
}

/**
 * match/search (re_exec_helper): args are (pattern or compiled, subject
 * [, pos[, endpos]]); pos and endpos (byte offsets, clamped) only apply to a
 * compiled pattern. A match object or None.
 */
function re_exec_helper(is_anchored: bool, n_args: usize, args: usize): mp_obj_t {
  const mark = mp_root_mark();
  const was_compiled = mp_obj_is_type(load<usize>(args), re_type);
  const self = re_get_compiled(args);
  if (self == MP_OBJ_NULL) return MP_OBJ_NULL;
  const subject = load<usize>(args + 4);
  if (!mp_obj_str_check(subject)) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  const len = <i64>mp_obj_str_get_len(subject);
  const begin_line = mp_obj_str_get_data_ptr(subject);
  let begin = begin_line;
  let end = begin_line + <usize>len;
  if (was_compiled && n_args > 2) {
    // (self is the argument itself here: nothing is on the root stack)
    let startpos = mp_obj_get_int(load<usize>(args + 8));
    if (startpos == MP_INT_ERROR) return MP_OBJ_NULL;
    if (startpos > len) startpos = len;
    else if (startpos < 0) startpos = 0;
    begin = begin_line + <usize>startpos;
    if (n_args > 3) {
      let endpos = mp_obj_get_int(load<usize>(args + 12));
      if (endpos == MP_INT_ERROR) return MP_OBJ_NULL;
      if (endpos > len) endpos = len;
      else if (endpos < startpos) endpos = startpos;
      end = begin_line + <usize>endpos;
    }
  }
  const caps_num = (re_sub_count(self) + 1) * 2;
  const match = match_alloc(subject, caps_num);
  mp_root_release(mark);
  if (match == 0) return MP_OBJ_NULL;
  // rooted while matching: raising RecursionError allocates, and a GC then
  // must not free (and gc_free below must not hit) a block reused meanwhile
  const mark2 = mp_root_mark();
  mp_root_push(match);
  const res = re_run(self, match, begin_line, begin, end, is_anchored);
  mp_root_release(mark2);
  if (res <= 0) {
    gc_free(match);
    return res < 0 ? MP_OBJ_NULL : mp_const_none;
  }
  return match;
}

/**
 * Runs compiled pattern `self` over [begin, end) of a subject whose line
 * starts at `begin_line`, into the captures of match object `m` (cleared
 * first): 1 on a match, 0 on none, -1 with RuntimeError pending.
 */
function re_run(
  self: mp_obj_t,
  m: mp_obj_t,
  begin_line: usize,
  begin: usize,
  end: usize,
  is_anchored: bool,
): i32 {
  const caps_num = <u32>match_num(m) << 1;
  const caps = m + MATCH_caps;
  memory.fill(caps, 0, <usize>caps_num << 2);
  const prog = self + RE_prog;
  return re1_5_recursiveloopprog(prog, begin_line, begin, end, caps, caps_num, is_anchored);
}

/** match(pattern, string) / pattern.match(string[, pos[, endpos]]): a match at the start. */
function re_match(n_args: usize, args: usize): mp_obj_t {
  return re_exec_helper(true, n_args, args);
}

/** search(pattern, string) / pattern.search(string[, pos[, endpos]]): the first match. */
function re_search(n_args: usize, args: usize): mp_obj_t {
  return re_exec_helper(false, n_args, args);
}

/**
 * Appends the `len` bytes at `p` as a str or bytes to list `l` (rooted);
 * false with an exception pending.
 */
function split_append(l: mp_obj_t, str_type: usize, p: usize, len: usize): bool {
  const s = new_str_of_type(str_type, p, len);
  return s != MP_OBJ_NULL && mp_obj_list_append(l, s) != MP_OBJ_NULL;
}

/**
 * pattern.split(string[, maxsplit]): the pieces between matches; stops at
 * an empty match; NotImplementedError "splitting with sub-captures" once a
 * pattern with groups matches (re_split).
 */
function re_split(n_args: usize, args: usize): mp_obj_t {
  const self = check_self(load<usize>(args), re_type);
  if (self == 0) return MP_OBJ_NULL;
  const subject = load<usize>(args + 4);
  if (!mp_obj_str_check(subject)) return MP_OBJ_NULL;
  const str_type = mp_obj_get_type(subject);
  const begin_line = mp_obj_str_get_data_ptr(subject);
  const end = begin_line + mp_obj_str_get_len(subject);
  let begin = begin_line;
  const caps_num = (re_sub_count(self) + 1) * 2;
  let maxsplit: i64 = 0;
  if (n_args > 2) {
    maxsplit = mp_obj_get_int(load<usize>(args + 8));
    if (maxsplit == MP_INT_ERROR) return MP_OBJ_NULL;
  }
  const mark = mp_root_mark();
  const retval = mp_obj_new_list(0, 0);
  if (retval == MP_OBJ_NULL) return MP_OBJ_NULL;
  mp_root_push(retval);
  // the captures: a match object only as scratch (rooted, never returned)
  const caps_obj = match_alloc(subject, caps_num);
  if (caps_obj == 0) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  mp_root_push(caps_obj);
  const caps = caps_obj + MATCH_caps;
  while (true) {
    const res = re_run(self, caps_obj, begin_line, begin, end, false);
    if (res < 0) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    // stop at no match or an empty one
    const cap0 = load<usize>(caps);
    const cap1 = load<usize>(caps + 4);
    if (res == 0 || cap0 == cap1) break;
    if (!split_append(retval, str_type, begin, cap0 - begin)) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    if (re_sub_count(self) > 0) {
      mp_root_release(mark);
      return mp_raise_NotImplementedError("splitting with sub-captures");
    }
    begin = cap1;
    if (maxsplit > 0 && --maxsplit == 0) break;
  }
  const ok = split_append(retval, str_type, begin, end - begin);
  mp_root_release(mark);
  return ok ? retval : MP_OBJ_NULL;
}

/**
 * Appends replacement `repl` (str/bytes) for one match to vstr `v`:
 * \n and \g<n> insert group n (nothing if it did not match), \\ a
 * backslash; any other backslash is dropped. IndexError(n) for a group the
 * pattern does not have. Stops at a NUL byte, as MicroPython's C string
 * walk. False with an exception pending.
 */
function sub_expand(v: usize, repl: usize, rlen: usize, caps: usize, num_matches: u32): bool {
  let j: usize = 0;
  while (j < rlen) {
    let c = <u32>load<u8>(repl + j);
    if (c == 0) break;
    if (c != 0x5c) {
      vstr_add_byte(v, c);
      j++;
      continue;
    }
    j++;
    c = j < rlen ? <u32>load<u8>(repl + j) : 0;
    let is_g_format = false;
    if (c == 0x67 /* g */ && j + 1 < rlen && load<u8>(repl + j + 1) == 0x3c /* < */) {
      j += 2;
      is_g_format = true;
      c = j < rlen ? <u32>load<u8>(repl + j) : 0;
    }
    if (c - 0x30 < 10) {
      // saturating, so a huge number stays out of range (C wraps)
      let match_no: u32 = 0;
      do {
        match_no = match_no * 10 + (c - 0x30);
        if (match_no > 0x3fffffff) match_no = 0x3fffffff;
        j++;
        c = j < rlen ? <u32>load<u8>(repl + j) : 0;
      } while (c - 0x30 < 10);
      if (is_g_format && c == 0x3e /* > */) j++;
      if (match_no >= num_matches) {
        mp_raise_arg1(mp_type_IndexError, MP_OBJ_NEW_SMALL_INT(<i32>match_no));
        return false;
      }
      const start = load<usize>(caps + (<usize>match_no << 3));
      if (start != 0) {
        vstr_add_strn(v, start, load<usize>(caps + (<usize>match_no << 3) + 4) - start);
      }
    } else if (c == 0x5c) {
      vstr_add_byte(v, c);
      j++;
    }
  }
  return true;
}

/**
 * sub(pattern, repl, string[, count[, flags]]) / pattern.sub(repl, string
 * [, count]): `string` with matches replaced by `repl` (a str/bytes with
 * group references, or a function of the match object), at most `count`
 * times when positive; stops at an empty match; returns `string` itself
 * when nothing matched (re_sub_helper).
 */
function re_sub(n_args: usize, args: usize): mp_obj_t {
  const mark = mp_root_mark();
  const self = re_get_compiled(args);
  if (self == MP_OBJ_NULL) return MP_OBJ_NULL;
  const replace = load<usize>(args + 4);
  const where = load<usize>(args + 8);
  let count: i64 = 0;
  if (n_args > 3) {
    count = mp_obj_get_int(load<usize>(args + 12));
    if (count == MP_INT_ERROR) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
  }
  if (!mp_obj_str_check(where)) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  const begin_line = mp_obj_str_get_data_ptr(where);
  const end = begin_line + mp_obj_str_get_len(where);
  let begin = begin_line;
  const caps_num = (re_sub_count(self) + 1) * 2;
  const is_callable = mp_obj_is_callable(replace);
  const match = match_alloc(where, caps_num);
  if (match == 0) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  mp_root_push(match);
  const caps = match + MATCH_caps;
  let v: usize = 0; // made at the first match
  while (true) {
    const res = re_run(self, match, begin_line, begin, end, false);
    if (res < 0) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    const cap0 = load<usize>(caps);
    if (res == 0 || cap0 == load<usize>(caps + 4)) break;
    if (v == 0) {
      v = vstr_new_root(cap0 - begin);
      if (v == 0) {
        mp_root_release(mark);
        return MP_OBJ_NULL;
      }
    }
    vstr_add_strn(v, begin, cap0 - begin);
    const inner = mp_root_mark();
    let repl = replace;
    if (is_callable) {
      // each call gets a match object of its own, as CPython's
      const m = match_alloc(where, caps_num);
      if (m == 0) {
        mp_root_release(mark);
        return MP_OBJ_NULL;
      }
      memory.copy(m + MATCH_caps, caps, <usize>caps_num << 2);
      repl = mp_call_function_1(replace, m);
      if (repl == MP_OBJ_NULL) {
        mp_root_release(mark);
        return MP_OBJ_NULL;
      }
      mp_root_push(repl);
    }
    if (!mp_obj_str_check(repl)) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    const rlen = mp_obj_str_get_len(repl);
    const ok = sub_expand(v, mp_obj_str_get_data_ptr(repl), rlen, caps, caps_num >> 1);
    mp_root_release(inner);
    if (!ok) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    begin = load<usize>(caps + 4);
    if (count > 0 && --count == 0) break;
  }
  if (v == 0) {
    // nothing replaced
    mp_root_release(mark);
    return where;
  }
  vstr_add_strn(v, begin, end - begin);
  // as MicroPython, a str result is not checked for UTF-8 split by a match
  const r =
    mp_obj_get_type(where) == mp_type_str
      ? mp_obj_new_str_from_utf8_vstr(v)
      : mp_obj_new_bytes_from_vstr(v);
  mp_root_release(mark);
  return r;
}

// ---------------------------------------------------------------------------
// the module

/**
 * compile(pattern[, flags]): a compiled pattern object (mod_re_compile).
 * ValueError "regex too complex" or "error in regex" for a bad pattern,
 * RuntimeError when groups nest too deeply; flags DEBUG lists the code.
 */
function mod_re_compile(n_args: usize, args: usize): mp_obj_t {
  const pattern = load<usize>(args);
  if (!mp_obj_str_check(pattern)) return MP_OBJ_NULL;
  const re = mp_obj_str_get_data_ptr(pattern);
  const re_len = mp_obj_str_get_len(pattern);
  const size = re1_5_sizecode(re, re_len);
  if (size == RE_COMPILE_RAISED) return MP_OBJ_NULL;
  if (size < 0) return mp_raise_ValueError("regex too complex");
  const n = RE_prog + PROG_insts + <usize>size;
  const o = gc_alloc(n, 0);
  if (o == 0) return mp_raise_memory_error(n);
  store<usize>(o, re_type);
  let flags: i64 = 0;
  if (n_args > 1) {
    const mark = mp_root_mark();
    mp_root_push(o);
    flags = mp_obj_get_int(load<usize>(args + 4));
    mp_root_release(mark);
    if (flags == MP_INT_ERROR) return MP_OBJ_NULL;
  }
  const error = re1_5_compilecode(o + RE_prog, re, re_len);
  if (error == RE_COMPILE_RAISED) return MP_OBJ_NULL;
  if (error != 0) return mp_raise_ValueError("error in regex");
  if ((flags & FLAG_DEBUG) != 0) re1_5_dumpcode(o + RE_prog);
  return o;
}

const mod_re_compile_obj: usize = memory.data(16, 16);
const re_match_obj: usize = memory.data(16, 16);
const re_search_obj: usize = memory.data(16, 16);
const re_split_obj: usize = memory.data(16, 16);
const re_sub_obj: usize = memory.data(16, 16);
const match_group_obj: usize = memory.data(16, 16);
const match_groups_obj: usize = memory.data(16, 16);
const match_span_obj: usize = memory.data(16, 16);
const match_start_obj: usize = memory.data(16, 16);
const match_end_obj: usize = memory.data(16, 16);
const match_locals_dict: usize = memory.data(16, 16);
const re_locals_dict: usize = memory.data(16, 16);
const re_globals: usize = memory.data(16, 16);

/** Makes `o` the function `f` taking min..max args and adds it to `dict` as `q`. */
function add_var(dict: usize, q: qstr, o: usize, min: u32, max: u32, f: fun_var): void {
  mp_fun_var_at(o, min, max, f);
  mp_static_dict_add(dict, q, o);
}

/** Set-up of the re module and its pattern and match types; run once by mp_init. */
export function modre_static_init(): void {
  const ml = match_locals_dict;
  mp_fun_2_at(match_group_obj, match_group);
  mp_fun_1_at(match_groups_obj, match_groups);
  mp_static_dict_at(ml, 5);
  mp_static_dict_add(ml, Q.MP_QSTR_group, match_group_obj);
  mp_static_dict_add(ml, Q.MP_QSTR_groups, match_groups_obj);
  add_var(ml, Q.MP_QSTR_span, match_span_obj, 1, 2, match_span);
  add_var(ml, Q.MP_QSTR_start, match_start_obj, 1, 2, match_start);
  add_var(ml, Q.MP_QSTR_end, match_end_obj, 1, 2, match_end);
  mp_type_setup(match_type, Q.MP_QSTR_match, MP_TYPE_FLAG_NONE, 0);
  mp_type_set_print(match_type, match_print);
  mp_type_set_locals_dict(match_type, match_locals_dict);

  const rl = re_locals_dict;
  mp_static_dict_at(rl, 4);
  add_var(rl, Q.MP_QSTR_match, re_match_obj, 2, 4, re_match);
  add_var(rl, Q.MP_QSTR_search, re_search_obj, 2, 4, re_search);
  add_var(rl, Q.MP_QSTR_split, re_split_obj, 2, 3, re_split);
  add_var(rl, Q.MP_QSTR_sub, re_sub_obj, 3, 5, re_sub);
  mp_type_setup(re_type, Q.MP_QSTR_re, MP_TYPE_FLAG_NONE, 0);
  mp_type_set_print(re_type, re_print);
  mp_type_set_locals_dict(re_type, re_locals_dict);

  mp_fun_var_at(mod_re_compile_obj, 1, 2, mod_re_compile);
  const d = re_globals;
  mp_static_dict_at(d, 6);
  mp_static_dict_add(d, Q.MP_QSTR___name__, MP_OBJ_NEW_QSTR(Q.MP_QSTR_re));
  mp_static_dict_add(d, Q.MP_QSTR_compile, mod_re_compile_obj);
  mp_static_dict_add(d, Q.MP_QSTR_match, re_match_obj);
  mp_static_dict_add(d, Q.MP_QSTR_search, re_search_obj);
  mp_static_dict_add(d, Q.MP_QSTR_sub, re_sub_obj);
  mp_static_dict_add(d, Q.MP_QSTR_DEBUG, MP_OBJ_NEW_SMALL_INT(FLAG_DEBUG));
  mp_module_static_at(mp_module_re, d);
}
