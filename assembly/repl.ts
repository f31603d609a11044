// Helpers for the REPL, as MicroPython's repl.c: whether the input typed so
// far is complete or needs another line.

import { unichar_isident } from "./unicode";

// Byte `i` of the input, 0 past its end (the C code reads a NUL-terminated string).
@inline function at(p: usize, len: usize, i: usize): u32 {
  return i < len ? <u32>load<u8>(p + i) : 0;
}

// True if the input starts with keyword `head` as a whole word (str_startswith_word).
function starts_with_word(p: usize, len: usize, head: string): bool {
  const n = <usize>head.length;
  if (len < n) return false;
  for (let i: usize = 0; i < n; i++) {
    if (at(p, len, i) != <u32>head.charCodeAt(<i32>i)) return false;
  }
  const c = at(p, len, n);
  return c == 0 || !unichar_isident(c);
}

@inline const Q_NONE: i32 = 0;
@inline const Q_1_SINGLE: i32 = 1;
@inline const Q_1_DOUBLE: i32 = 2;
@inline const Q_3_SINGLE: i32 = 3;
@inline const Q_3_DOUBLE: i32 = 4;

/**
 * True if the REPL input (`len` bytes of UTF-8 at `p`, lines joined by '\n')
 * is incomplete and another line should be read: an open triple-quoted
 * string, unclosed brackets outside a one-quote string, a trailing
 * backslash, or a compound statement (if/while/for/try/with/def/class/async
 * or a decorator) not yet ended by an empty line. As MicroPython's
 * mp_repl_continue_with_input.
 */
export function mp_repl_continue_with_input_str(p: usize, len: usize): bool {
  // blank input
  if (len == 0 || at(p, len, 0) == 0) return false;

  const starts_with_compound_keyword =
    at(p, len, 0) == 64 || // '@'
    starts_with_word(p, len, "if") ||
    starts_with_word(p, len, "while") ||
    starts_with_word(p, len, "for") ||
    starts_with_word(p, len, "try") ||
    starts_with_word(p, len, "with") ||
    starts_with_word(p, len, "def") ||
    starts_with_word(p, len, "class") ||
    starts_with_word(p, len, "async");

  // unmatched brackets, quotes or escaped quotes
  let n_paren: i32 = 0;
  let n_brack: i32 = 0;
  let n_brace: i32 = 0;
  let in_quote = Q_NONE;
  let i: usize = 0;
  for (; i < len && at(p, len, i) != 0; i++) {
    const c = at(p, len, i);
    if (c == 39) {
      // '
      const triple = at(p, len, i + 1) == 39 && at(p, len, i + 2) == 39;
      if ((in_quote == Q_NONE || in_quote == Q_3_SINGLE) && triple) {
        i += 2;
        in_quote = Q_3_SINGLE - in_quote;
      } else if (in_quote == Q_NONE || in_quote == Q_1_SINGLE) {
        in_quote = Q_1_SINGLE - in_quote;
      }
    } else if (c == 34) {
      // "
      const triple = at(p, len, i + 1) == 34 && at(p, len, i + 2) == 34;
      if ((in_quote == Q_NONE || in_quote == Q_3_DOUBLE) && triple) {
        i += 2;
        in_quote = Q_3_DOUBLE - in_quote;
      } else if (in_quote == Q_NONE || in_quote == Q_1_DOUBLE) {
        in_quote = Q_1_DOUBLE - in_quote;
      }
    } else if (c == 92) {
      // backslash before a quote or a backslash
      const d = at(p, len, i + 1);
      if (d == 39 || d == 34 || d == 92) {
        if (in_quote != Q_NONE) i++;
      }
    } else if (in_quote == Q_NONE) {
      if (c == 40) n_paren += 1;
      else if (c == 41) n_paren -= 1;
      else if (c == 91) n_brack += 1;
      else if (c == 93) n_brack -= 1;
      else if (c == 123) n_brace += 1;
      else if (c == 125) n_brace -= 1;
    }
  }

  // an unfinished triple-quoted string
  if (in_quote == Q_3_SINGLE || in_quote == Q_3_DOUBLE) return true;

  // open brackets, unless inside a one-quote string (an error)
  if ((n_paren > 0 || n_brack > 0 || n_brace > 0) && in_quote == Q_NONE) return true;

  // the scan stops at the end; i - 1 is the last byte (i >= 1: the input is not blank)
  const last = at(p, len, i - 1);

  // line continuation
  if (last == 92) return true;

  // a compound statement goes on until an empty line
  if (starts_with_compound_keyword && last != 10) return true;

  return false;
}

// ---- tab completion (repl.c's mp_repl_autocomplete) ----

import { mp_obj_t, MP_OBJ_NULL } from "./obj";
import { qstr, qstr_find_strn, qstr_str, qstr_len, qstr_total } from "./qstr";
import { MP_QSTR_ } from "./genhdr";
import { mp_root_mark, mp_root_push, mp_root_release, mp_root_alloc } from "./rootstack";
import { mp_load_method_maybe } from "./runtime";
import { mp_take_exception } from "./objexcept";
import { mp_print_str, mp_print_strn, mp_plat_print } from "./mpprint";
import { mp_module_main } from "./builtinimport";
import { mp_builtin_module_lookup } from "../build/genhdr/moduledefs.generated";

// "import " (offered when the first word of the line is a prefix of it)
const import_str: usize = memory.data<u8>([105, 109, 112, 111, 114, 116, 32]);
@inline const IMPORT_LEN: usize = 7;

// obj.name, any exception swallowed (mp_load_method_protected); dest[0] NULL if absent.
function load_protected(obj: mp_obj_t, name: qstr, dest: usize): void {
  if (!mp_load_method_maybe(obj, name, dest)) {
    mp_take_exception();
    store<usize>(dest, MP_OBJ_NULL);
    store<usize>(dest + 4, MP_OBJ_NULL);
  }
}

// Whether `name` is an attribute of `obj`, or a built-in module when obj is NULL (test_qstr).
function test_qstr(obj: mp_obj_t, name: qstr, dest: usize): bool {
  if (obj != MP_OBJ_NULL) {
    load_protected(obj, name, dest);
    return load<usize>(dest) != MP_OBJ_NULL;
  }
  return mp_builtin_module_lookup(name, false) != 0 || mp_builtin_module_lookup(name, true) != 0;
}

@inline function bytes_eq(a: usize, b: usize, n: usize): bool {
  return memory.compare(a, b, n) == 0;
}

// The qstrs that extend the `s_len` bytes at `s` and name an attribute of
// `obj` (find_completions): writes their longest common prefix length at
// out+0, the first and last matching qstr at out+4, out+8; returns the
// bytes of the first match or 0.
function find_completions(s: usize, s_len: usize, obj: mp_obj_t, out: usize, dest: usize): usize {
  let match_str: usize = 0;
  let match_len: usize = 0;
  let q_first: qstr = 0;
  let q_last: qstr = 0;
  const n = qstr_total();
  for (let q: qstr = MP_QSTR_ + 1; q < n; q++) {
    const d = qstr_str(q);
    const d_len = qstr_len(q);
    // names starting with '_' only once something is typed
    if (s_len == 0 && load<u8>(d) == 95) continue;
    if (s_len <= d_len && bytes_eq(s, d, s_len)) {
      if (test_qstr(obj, q, dest)) {
        if (match_str == 0) {
          match_str = d;
          match_len = d_len;
        } else {
          // the longest common prefix (both are NUL-terminated)
          for (let j = s_len; j <= match_len && j <= d_len; j++) {
            if (load<u8>(match_str + j) != load<u8>(d + j)) {
              match_len = j;
              break;
            }
          }
        }
        if (q_first == 0) q_first = q;
        q_last = q;
      }
    }
  }
  store<usize>(out, match_len);
  store<usize>(out + 4, q_first);
  store<usize>(out + 8, q_last);
  return match_str;
}

@inline const WORD_SLOT_LEN: i32 = 16;
@inline const MAX_LINE_LEN: i32 = 4 * WORD_SLOT_LEN;

// Lists the matches in columns of 16 (print_completions).
function print_completions(
  print: usize,
  s: usize,
  s_len: usize,
  obj: mp_obj_t,
  q_first: qstr,
  q_last: qstr,
  dest: usize,
): void {
  let line_len = MAX_LINE_LEN; // the first word starts a line
  for (let q = q_first; q <= q_last; q++) {
    const d = qstr_str(q);
    const d_len = qstr_len(q);
    if (s_len == 0 && load<u8>(d) == 95) continue;
    if (s_len <= d_len && bytes_eq(s, d, s_len)) {
      if (test_qstr(obj, q, dest)) {
        let gap = ((line_len + WORD_SLOT_LEN - 1) / WORD_SLOT_LEN) * WORD_SLOT_LEN - line_len;
        if (gap < 2) gap += WORD_SLOT_LEN;
        if (line_len + gap + <i32>d_len <= MAX_LINE_LEN) {
          for (let j = 0; j < gap; j++) mp_print_str(print, " ");
          mp_print_strn(print, d, d_len);
          line_len += gap + <i32>d_len;
        } else {
          mp_print_str(print, "\n");
          mp_print_strn(print, d, d_len);
          line_len = <i32>d_len;
        }
      }
    }
  }
  mp_print_str(print, "\n");
}

/**
 * Tab completion of the `len` bytes of input at `str` (the line up to the
 * cursor), as MicroPython's mp_repl_autocomplete: completes the last
 * "a.b.c" chain against the __main__ globals and builtins, or built-in module
 * names after "import ". Returns the number of bytes to insert, with their
 * address stored at `compl_out` (they live in static data, never on the
 * heap); 0 if nothing matches; -1 if several names match with nothing in
 * common to add, after printing them to `print` in columns.
 */
export function mp_repl_autocomplete(str: usize, len: usize, print: usize, compl_out: usize): isize {
  const org = str;
  const top = str + len;
  // back to the start of the "a.b.c" chain
  for (let s = top; s > org; ) {
    s--;
    const c = <u32>load<u8>(s);
    const alnum = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
    const ok = alnum || c == 95 || c == 46;
    if (!ok) {
      str = s + 1;
      break;
    }
  }
  const mark = mp_root_mark();
  const dest = mp_root_alloc(2);
  const objs = mp_root_alloc(1);
  const res = mp_root_alloc(3);
  if (dest == 0 || objs == 0 || res == 0) {
    mp_root_release(mark);
    return 0;
  }
  // the search starts in the main module (its globals, then builtins)
  let obj: mp_obj_t = mp_module_main();
  store<usize>(objs, obj);
  let s_start: usize;
  let s_len: usize;
  while (true) {
    s_start = str;
    while (str < top && load<u8>(str) != 46) str++;
    s_len = str - s_start;
    if (str == top) break;
    // a whole word: look it up in the current object
    const q = qstr_find_strn(s_start, s_len);
    if (q == 0) {
      mp_root_release(mark);
      return 0;
    }
    load_protected(obj, q, dest);
    obj = load<usize>(dest);
    store<usize>(objs, obj);
    if (obj == MP_OBJ_NULL) {
      mp_root_release(mark);
      return 0;
    }
    str++; // past the '.'
  }
  // after "import ", offer built-in modules
  if (len >= IMPORT_LEN && bytes_eq(org, import_str, IMPORT_LEN)) {
    obj = MP_OBJ_NULL;
    store<usize>(objs, obj);
  }
  const match_str = find_completions(s_start, s_len, obj, res, dest);
  const match_len = load<usize>(res);
  const q_first = load<usize>(res + 4);
  const q_last = load<usize>(res + 8);
  if (q_first == 0) {
    // nothing: the first word may be the start of "import"
    if (s_start == org && s_len > 0 && s_len < IMPORT_LEN && bytes_eq(s_start, import_str, s_len)) {
      store<usize>(compl_out, import_str + s_len);
      mp_root_release(mark);
      return <isize>(IMPORT_LEN - s_len);
    }
    mp_root_release(mark);
    return 0;
  }
  // one match, or several sharing more than what is typed
  if (q_first == q_last || match_len > s_len) {
    store<usize>(compl_out, match_str + s_len);
    mp_root_release(mark);
    return <isize>(match_len - s_len);
  }
  print_completions(print, s_start, s_len, obj, q_first, q_last, dest);
  mp_root_release(mark);
  return -1;
}

/**
 * For the host's line editor: tab completion of the `len` bytes at `str`
 * (a GC-rooted host buffer), printing several matches to stdout. Returns the
 * number of bytes to insert (their address is stored at `compl_out`, 4 bytes
 * the host provides), 0, or -1 when matches were printed.
 */
export function mp_repl_autocomplete_host(str: usize, len: usize, compl_out: usize): i32 {
  return <i32>mp_repl_autocomplete(str, len, mp_plat_print, compl_out);
}
