// The re1.5 regular-expression engine behind the re module, as MicroPython's
// lib/re1.5 (compilecode.c, recursiveloop.c, charclass.c, dumpcode.c): a
// pattern compiles in two passes (size, then code) to a byte program, run by
// a backtracking matcher over the bytes of the subject (UTF-8 for str).
//
// Byte program (ByteProg, at `prog`):
//
//   +0 bytelen   bytes of code
//   +4 len       instructions (for the DEBUG listing)
//   +8 sub       capture groups (group 0 not counted)
//   +12 insts    code: opcode byte, then its operand byte(s)
//
//   Char c | Any | Class n (lo hi)*n | ClassNot n (lo hi)*n | NamedClass c
//   Bol | Eol | Jmp off | Split off | RSplit off | Save slot | Match
//
// Jump offsets are signed bytes counted from the end of the instruction;
// a pattern whose jumps, class sizes or group numbers do not fit is an error.
// The code starts with a 5-byte prefix (RSplit 3, Any, Jmp -5) that makes a
// search; an anchored match starts after it (NON_ANCHORED_PREFIX).
//
// C's recursion (one frame per Split, RSplit and Save, and one per nested
// group when compiling) is an explicit stack here, kept in the free part of
// the root stack: neither pass nor the matcher allocates, so the collector
// never runs while it is in use. A pattern or subject needing more entries
// than fit raises RuntimeError("maximum recursion depth exceeded"), as
// MicroPython's C-stack check does, instead of overflowing the wasm stack.
//
// Bytes compare as C's signed `char` (the unix and webassembly ports), so
// a range such as [\x01-\xff] is empty there and here.

import { mp_print_str, mp_print_strn, mp_printf, mp_plat_print } from "../mpprint";
import { mp_root_mark } from "../rootstack";
import { mem_rootstack_end } from "../memmap";
import { mp_raise_recursion_depth } from "../runtime";

// ---- opcodes (re1.5.h) ----
@inline export const RE_Char: u32 = 1;
@inline export const RE_Any: u32 = 2;
@inline export const RE_Class: u32 = 3;
@inline export const RE_ClassNot: u32 = 4;
@inline export const RE_NamedClass: u32 = 5;
/** Opcodes below this consume a byte of the subject. */
@inline export const RE_ASSERTS: u32 = 0x50;
@inline export const RE_Bol: u32 = 0x50;
@inline export const RE_Eol: u32 = 0x51;
@inline export const RE_Jmp: u32 = 0x60;
@inline export const RE_Split: u32 = 0x61;
@inline export const RE_RSplit: u32 = 0x62;
@inline export const RE_Save: u32 = 0x7e;
@inline export const RE_Match: u32 = 0x7f;

/** Bytes of the search prefix an anchored match skips. */
@inline export const NON_ANCHORED_PREFIX: usize = 5;
/** Class pair whose first byte is this holds a named class (\d \s \w ...) in its second. */
@inline const RE15_CLASS_NAMED_CLASS_INDICATOR: u32 = 0;

// ByteProg fields
@inline export const PROG_bytelen: usize = 0;
@inline export const PROG_len: usize = 4;
@inline export const PROG_sub: usize = 8;
@inline export const PROG_insts: usize = 12;

/** Results of the compile passes besides a size or success. */
@inline export const RE_COMPILE_ERROR: i32 = -1;
/** An exception (RuntimeError: nesting too deep) is pending. */
@inline export const RE_COMPILE_RAISED: i32 = -2;

/** True for the letters of the named classes: d D s S w W. */
@inline function is_named_class_char(c: u32): bool {
  return (c | 0x20) == 0x64 || (c | 0x24) == 0x77;
}

/** Byte `i` of the pattern, 0 past its end (C's NUL terminator). */
@inline function pat(re: usize, re_len: usize, i: usize): u32 {
  return i < re_len ? <u32>load<u8>(re + i) : 0;
}

/** A byte as C's signed char. */
@inline function schar(b: u32): i32 {
  return <i32>(<i8>b);
}

// ---------------------------------------------------------------------------
// compiling (compilecode.c)

// A nesting frame of the group compiler, 5 words on the scratch stack.
@inline const FRAME_BYTES: usize = 20;

// Compile-pass state; the passes never nest or re-enter, so plain globals
// (no heap objects) serve as C's ByteProg fields and `err` flag.
let cc_code: usize = 0; // code bytes, or 0 in the sizing pass
let cc_pc: i32 = 0;
let cc_len: i32 = 0;
let cc_sub: i32 = 0;
let cc_err: bool = false;

@inline function emit(at: i32, b: i32): void {
  if (cc_code != 0) store<u8>(cc_code + <usize>at, <u8>b);
}

/** Emits a byte that must fit a signed char; otherwise the pattern is in error. */
@inline function emit_checked(at: i32, v: i32): void {
  if (v != <i32>(<i8>v)) cc_err = true;
  if (cc_code != 0) store<u8>(cc_code + <usize>at, <u8>v);
}

/** Opens a 2-byte gap at `at`, moving the code after it (INSERT_CODE). */
@inline function insert_code(at: i32): void {
  if (cc_code != 0) {
    memory.copy(cc_code + <usize>at + 2, cc_code + <usize>at, <usize>(cc_pc - at));
  }
  cc_pc += 2;
}

/** Offset from the end of the 2-byte instruction at `at` to `to` (REL). */
@inline function rel(at: i32, to: i32): i32 {
  return to - at - 2;
}

/** A Split (the next instruction first) or, `jump_first`, an RSplit at `at` to `to`. */
@inline function emit_split(at: i32, to: i32, jump_first: bool): void {
  emit(at, jump_first ? RE_RSplit : RE_Split);
  emit_checked(at + 1, rel(at, to));
}

/**
 * Compiles the pattern bytes [re, re+re_len) from cc_pc on (_compilecode
 * with its recursion unrolled). Returns the index where it stopped (the end,
 * a NUL or an unmatched ')'), RE_COMPILE_ERROR for a bad pattern or a
 * value that does not fit a byte, RE_COMPILE_RAISED with RuntimeError
 * pending when groups nest deeper than the scratch stack holds.
 */
function compile_pass(re: usize, re_len: usize): i32 {
  const frames = mp_root_mark();
  const frames_end = mem_rootstack_end;
  let fp = frames;
  let start = cc_pc;
  let term = cc_pc;
  let alt_label: i32 = 0;
  let i: usize = 0;
  while (true) {
    let c = pat(re, re_len, i);
    if (c == 0 || c == 0x29 /* ) */) {
      // the end of a (sub)pattern
      if (alt_label != 0) emit_checked(alt_label, rel(alt_label, cc_pc) + 1);
      if (fp == frames) return <i32>i;
      if (c == 0 || cc_err) return RE_COMPILE_ERROR; // no matching paren, or a bad group
      fp -= FRAME_BYTES;
      start = load<i32>(fp);
      term = load<i32>(fp + 4);
      alt_label = load<i32>(fp + 8);
      cc_err = load<i32>(fp + 12) != 0;
      const sub = load<i32>(fp + 16);
      if (sub != 0) {
        emit(cc_pc++, RE_Save);
        emit_checked(cc_pc++, 2 * sub + 1);
        cc_len++;
      }
      i++;
      continue;
    }
    let op = RE_Char;
    switch (c) {
      case 0x2e: {
        // .
        term = cc_pc;
        emit(cc_pc++, RE_Any);
        cc_len++;
        break;
      }
      case 0x5b: {
        // [ set ]
        term = cc_pc;
        i++;
        if (pat(re, re_len, i) == 0x5e /* ^ */) {
          emit(cc_pc++, RE_ClassNot);
          i++;
        } else {
          emit(cc_pc++, RE_Class);
        }
        cc_pc++; // the pair count
        cc_len++;
        let cnt: i32 = 0;
        for (; pat(re, re_len, i) != 0x5d /* ] */; i++, cnt++) {
          let lo = pat(re, re_len, i);
          if (lo == 0x5c) {
            i++;
            lo = pat(re, re_len, i);
            if (is_named_class_char(lo)) {
              emit(cc_pc++, RE15_CLASS_NAMED_CLASS_INDICATOR);
              emit(cc_pc++, lo);
              continue;
            }
          }
          if (lo == 0) return RE_COMPILE_ERROR; // unterminated set
          if (pat(re, re_len, i + 1) == 0x2d /* - */ && pat(re, re_len, i + 2) != 0x5d) {
            i += 2;
            // C would read past the terminator for "[a-"; here it is an error
            if (pat(re, re_len, i) == 0) return RE_COMPILE_ERROR;
          }
          emit(cc_pc++, lo);
          emit(cc_pc++, pat(re, re_len, i));
        }
        emit_checked(term + 1, cnt);
        break;
      }
      case 0x28: {
        // ( group )
        term = cc_pc;
        let sub: i32 = 0;
        const capture = pat(re, re_len, i + 1) != 0x3f || pat(re, re_len, i + 2) != 0x3a;
        if (capture) {
          sub = ++cc_sub;
          emit(cc_pc++, RE_Save);
          emit_checked(cc_pc++, 2 * sub);
          cc_len++;
        } else {
          i += 2; // (?:
        }
        if (fp + FRAME_BYTES > frames_end) {
          mp_raise_recursion_depth();
          return RE_COMPILE_RAISED;
        }
        store<i32>(fp, start);
        store<i32>(fp + 4, term);
        store<i32>(fp + 8, alt_label);
        store<i32>(fp + 12, cc_err ? 1 : 0);
        store<i32>(fp + 16, sub);
        fp += FRAME_BYTES;
        start = cc_pc;
        term = cc_pc;
        alt_label = 0;
        cc_err = false;
        break;
      }
      case 0x3f:
      case 0x2a:
      case 0x2b: {
        // ? ?? * *? + +? (a trailing ? makes them lazy)
        if (cc_pc == term) return RE_COMPILE_ERROR; // nothing to repeat
        const lazy = pat(re, re_len, i + 1) == 0x3f;
        if (lazy) i++;
        if (c == 0x2b) {
          // loop back to the term
          emit_split(cc_pc, term, !lazy);
          cc_pc += 2;
        } else {
          insert_code(term);
          if (c == 0x2a) {
            emit(cc_pc, RE_Jmp);
            emit_checked(cc_pc + 1, rel(cc_pc, term));
            cc_pc += 2;
            cc_len++;
          }
          // skip the term
          emit_split(term, cc_pc, lazy);
        }
        cc_len++;
        term = cc_pc;
        break;
      }
      case 0x7c: {
        // |
        if (alt_label != 0) emit_checked(alt_label, rel(alt_label, cc_pc) + 1);
        insert_code(start);
        emit(cc_pc++, RE_Jmp);
        alt_label = cc_pc++;
        emit_split(start, cc_pc, false);
        cc_len += 2;
        term = cc_pc;
        break;
      }
      case 0x5e:
      case 0x24: {
        // ^ and $
        emit(cc_pc++, c == 0x5e ? RE_Bol : RE_Eol);
        cc_len++;
        term = cc_pc;
        break;
      }
      case 0x5c: {
        // backslash
        i++;
        c = pat(re, re_len, i);
        if (c == 0) return RE_COMPILE_ERROR; // trailing backslash
        // \d \s \w and their negations; any other escaped byte is itself
        if (is_named_class_char(c)) op = RE_NamedClass;
        // falls through
      }
      default: {
        // a byte, or a named class
        term = cc_pc;
        emit(cc_pc++, op);
        emit(cc_pc++, c);
        cc_len++;
        break;
      }
    }
    i++;
  }
  return RE_COMPILE_ERROR; // not reached
}

/**
 * Bytes of code for pattern [re, re+re_len) including the search prefix,
 * Save 0/1 and Match (re1_5_sizecode); RE_COMPILE_ERROR for a bad pattern
 * (MicroPython: "regex too complex"), RE_COMPILE_RAISED with RuntimeError
 * pending. An unmatched ')' is not detected here.
 */
export function re1_5_sizecode(re: usize, re_len: usize): i32 {
  cc_code = 0;
  cc_pc = 5 + <i32>NON_ANCHORED_PREFIX;
  cc_len = 0;
  cc_sub = 0;
  cc_err = false;
  const r = compile_pass(re, re_len);
  if (r < 0) return r;
  if (cc_err) return RE_COMPILE_ERROR;
  return cc_pc;
}

/**
 * Compiles the pattern into `prog`, whose code area has re1_5_sizecode
 * bytes (re1_5_compilecode). Returns 0, RE_COMPILE_ERROR (MicroPython:
 * "error in regex") or RE_COMPILE_RAISED.
 */
export function re1_5_compilecode(prog: usize, re: usize, re_len: usize): i32 {
  const code = prog + PROG_insts;
  // the search prefix: try the rest here, else skip a byte and retry
  store<u8>(code, <u8>RE_RSplit);
  store<u8>(code + 1, 3);
  store<u8>(code + 2, <u8>RE_Any);
  store<u8>(code + 3, <u8>RE_Jmp);
  store<u8>(code + 4, <u8>-5);
  store<u8>(code + 5, <u8>RE_Save);
  store<u8>(code + 6, 0);
  cc_code = code;
  cc_pc = 7;
  cc_len = 4;
  cc_sub = 0;
  cc_err = false;
  const r = compile_pass(re, re_len);
  if (r == RE_COMPILE_RAISED) return r;
  if (r < 0 || cc_err || pat(re, re_len, <usize>r) != 0) {
    cc_code = 0;
    return RE_COMPILE_ERROR;
  }
  store<u8>(code + <usize>(cc_pc++), <u8>RE_Save);
  store<u8>(code + <usize>(cc_pc++), 1);
  store<u8>(code + <usize>(cc_pc++), <u8>RE_Match);
  cc_len += 2;
  store<i32>(prog + PROG_bytelen, cc_pc);
  store<i32>(prog + PROG_len, cc_len);
  store<i32>(prog + PROG_sub, cc_sub);
  cc_code = 0;
  return 0;
}

// ---------------------------------------------------------------------------
// character classes (charclass.c)

/** True if byte `ch` is in named class `name` (d D s S w W; upper case negates). */
function namedclassmatch(name: u32, ch: u32): bool {
  const c = schar(ch);
  let m: bool;
  const lower = name | 0x20;
  if (lower == 0x64) {
    m = c >= 0x30 && c <= 0x39;
  } else if (lower == 0x73) {
    m = c == 0x20 || (c >= 0x09 && c <= 0x0d);
  } else {
    m =
      (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c == 0x5f;
  }
  // bit 5 set: lower-case name, the class itself
  return ((name >> 5) & 1) != 0 ? m : !m;
}

/** True if byte `ch` passes the Class/ClassNot whose count byte is at `pc`. */
function classmatch(pc: usize, ch: u32): bool {
  const is_positive = <u32>load<u8>(pc - 1) == RE_Class;
  let cnt = <i32>load<i8>(pc);
  let p = pc + 1;
  const c = schar(ch);
  while (cnt-- > 0) {
    const lo = <u32>load<u8>(p);
    if (lo == RE15_CLASS_NAMED_CLASS_INDICATOR) {
      if (namedclassmatch(<u32>load<u8>(p + 1), ch)) return is_positive;
    } else if (c >= schar(lo) && c <= schar(<u32>load<u8>(p + 1))) {
      return is_positive;
    }
    p += 2;
  }
  return !is_positive;
}

// ---------------------------------------------------------------------------
// matching (recursiveloop.c)

// Backtrack entries, 2 words: a thread to resume (code offset, subject
// pointer) or a capture slot to restore (slot | RESTORE, old pointer).
@inline const RESTORE: u32 = 0x80000000;

/**
 * Runs `prog` on the subject bytes [begin, end) whose line starts at
 * `begin_line` (for ^), writing capture pointers into `subp` (`nsubp`
 * words, NULL for unset); anchored skips the search prefix
 * (re1_5_recursiveloopprog). Returns 1 on a match, 0 on none, -1 with
 * RuntimeError pending when backtracking needs more entries than the free
 * root stack holds (C: the stack check in recursiveloop).
 */
export function re1_5_recursiveloopprog(
  prog: usize,
  begin_line: usize,
  begin: usize,
  end: usize,
  subp: usize,
  nsubp: u32,
  is_anchored: bool,
): i32 {
  const code = prog + PROG_insts;
  const stack = mp_root_mark();
  const stack_end = mem_rootstack_end - 8;
  let top = stack;
  let pc = code + (is_anchored ? NON_ANCHORED_PREFIX : 0);
  let sp = begin;
  while (true) {
    let ok = true;
    const op = <u32>load<u8>(pc);
    if (op < RE_ASSERTS && sp >= end) {
      ok = false; // a consumer with nothing left
    } else {
      switch (op) {
        case RE_Any: {
          pc++;
          sp++;
          break;
        }
        case RE_Char:
        case RE_Class:
        case RE_ClassNot:
        case RE_NamedClass: {
          const ch = <u32>load<u8>(sp);
          const arg = <u32>load<u8>(pc + 1);
          let len: usize = 2;
          if (op == RE_Char) {
            ok = ch == arg;
          } else if (op == RE_NamedClass) {
            ok = namedclassmatch(arg, ch);
          } else {
            ok = classmatch(pc + 1, ch);
            len += <usize>arg * 2;
          }
          if (!ok) break;
          pc += len;
          sp++;
          break;
        }
        case RE_Match:
          return 1;
        case RE_Jmp: {
          pc = pc + 2 + <isize>load<i8>(pc + 1);
          break;
        }
        case RE_Split:
        case RE_RSplit: {
          // Split tries the next instruction first, RSplit the jump target
          if (top > stack_end) {
            mp_raise_recursion_depth();
            return -1;
          }
          const next = pc + 2;
          const target = next + <isize>load<i8>(pc + 1);
          const later = op == RE_Split ? target : next;
          store<u32>(top, <u32>(later - code));
          store<usize>(top + 4, sp);
          top += 8;
          pc = op == RE_Split ? next : target;
          break;
        }
        case RE_Save: {
          const slot = <u32>load<u8>(pc + 1);
          pc += 2;
          if (slot >= nsubp) break;
          if (top > stack_end) {
            mp_raise_recursion_depth();
            return -1;
          }
          const at = subp + (<usize>slot << 2);
          store<u32>(top, slot | RESTORE);
          store<usize>(top + 4, load<usize>(at));
          top += 8;
          store<usize>(at, sp);
          break;
        }
        case RE_Bol: {
          if (sp != begin_line) ok = false;
          else pc++;
          break;
        }
        case RE_Eol: {
          if (sp != end) ok = false;
          else pc++;
          break;
        }
        default:
          ok = false; // not produced by the compiler
      }
    }
    if (ok) continue;
    // fail: undo captures back to the latest choice point and resume it
    while (true) {
      if (top == stack) return 0;
      top -= 8;
      const w = load<u32>(top);
      if ((w & RESTORE) != 0) {
        store<usize>(subp + (<usize>(w & ~RESTORE) << 2), load<usize>(top + 4));
        continue;
      }
      pc = code + <usize>w;
      sp = load<usize>(top + 4);
      break;
    }
  }
  return 0; // not reached
}

// ---------------------------------------------------------------------------
// the DEBUG listing (dumpcode.c)

/** Prints the code of `prog` to stdout, one instruction a line (re1_5_dumpcode). */
export function re1_5_dumpcode(prog: usize): void {
  const p = mp_plat_print;
  const code = prog + PROG_insts;
  const bytelen = load<i32>(prog + PROG_bytelen);
  let pc: i32 = 0;
  while (pc < bytelen) {
    mp_printf(p, "%2d: ", <usize>pc);
    const op = <u32>load<u8>(code + <usize>(pc++));
    const arg = <i32>load<i8>(code + <usize>pc);
    switch (op) {
      case RE_Split:
      case RE_RSplit:
      case RE_Jmp: {
        mp_print_str(p, op == RE_Split ? "split" : op == RE_RSplit ? "rsplit" : "jmp");
        mp_printf(p, " %d (%d)\n", <usize>(pc + arg + 1), <usize>arg);
        pc++;
        break;
      }
      case RE_Char:
      case RE_NamedClass: {
        mp_print_str(p, op == RE_Char ? "char " : "namedclass ");
        mp_print_strn(p, code + <usize>(pc++), 1);
        mp_print_str(p, "\n");
        break;
      }
      case RE_Any:
        mp_print_str(p, "any\n");
        break;
      case RE_Class:
      case RE_ClassNot: {
        let num = arg;
        mp_print_str(p, op == RE_ClassNot ? "classnot" : "class");
        mp_printf(p, " %d", <usize>num);
        pc++;
        while (num-- > 0) {
          mp_printf(
            p,
            " 0x%02x-0x%02x",
            <usize>(<i32>load<i8>(code + <usize>pc)),
            <usize>(<i32>load<i8>(code + <usize>pc + 1)),
          );
          pc += 2;
        }
        mp_print_str(p, "\n");
        break;
      }
      case RE_Match:
        mp_print_str(p, "match\n");
        break;
      case RE_Save: {
        mp_printf(p, "save %d\n", <usize>load<u8>(code + <usize>(pc++)));
        break;
      }
      case RE_Bol:
      case RE_Eol:
        mp_print_str(p, op == RE_Bol ? "assert bol\n" : "assert eol\n");
        break;
      default:
        mp_print_str(p, "?\n");
    }
  }
  mp_printf(p, "Bytes: %d, insts: %d\n", <usize>bytelen, <usize>load<i32>(prog + PROG_len));
}
