// The lexer (tokeniser), as MicroPython's py/lexer.c: turns UTF-8 source bytes
// into tokens for the parser, tracking indentation (INDENT/DEDENT), bracket
// nesting (implicit line joining), string prefixes and escapes, numbers and
// operators. Adjacent string literals are joined here, and f-strings are
// rewritten into a call of str.format by injecting characters into the
// stream: f"a{x}b" lexes as "a{}b".format((x),).
//
// The lexer state lives in one GC block (mp_lexer_t below); its growable
// buffers (token text, indent stack, injected characters, f-string arguments)
// are separate GC blocks reached from it. The newest lexer is rooted in
// mpstate slot MPS_lexer from its creation until mp_lexer_free (mp_parse
// frees it), so a caller may allocate between creating and parsing. The
// source text is read in place from linear memory; if it lives on the GC
// heap the lexer holds its head pointer, which keeps it alive.
//
// Errors in the source never raise here: they become token kinds
// (MP_TOKEN_INVALID, MP_TOKEN_DEDENT_MISMATCH, MP_TOKEN_LONELY_STRING_OPEN,
// MP_TOKEN_MALFORMED_FSTRING) that the parser reports as SyntaxError. Only
// MemoryError and NotImplementedError ("\N{...}" escapes) are raised:
// mp_lexer_to_next then returns false with the exception pending.

import { gc_alloc, gc_realloc, gc_free } from "./gc";
import { qstr } from "./qstr";
import { mp_raise_memory_error } from "./runtime";
import { mp_raise_NotImplementedError } from "./objexcept";
import { mp_root_mark, mp_root_push, mp_root_release } from "./rootstack";
import { mp_optimise_value, mp_state_get, mp_state_set, MPS_lexer } from "./mpstate";

// ---- token kinds (lexer.h's mp_token_kind_t, with f-strings and async/await) ----
@inline export const MP_TOKEN_END: u32 = 0;
@inline export const MP_TOKEN_INVALID: u32 = 1;
@inline export const MP_TOKEN_DEDENT_MISMATCH: u32 = 2;
@inline export const MP_TOKEN_LONELY_STRING_OPEN: u32 = 3;
@inline export const MP_TOKEN_MALFORMED_FSTRING: u32 = 4;
@inline export const MP_TOKEN_NEWLINE: u32 = 5;
@inline export const MP_TOKEN_INDENT: u32 = 6;
@inline export const MP_TOKEN_DEDENT: u32 = 7;
@inline export const MP_TOKEN_NAME: u32 = 8;
@inline export const MP_TOKEN_INTEGER: u32 = 9;
@inline export const MP_TOKEN_FLOAT_OR_IMAG: u32 = 10;
@inline export const MP_TOKEN_STRING: u32 = 11;
@inline export const MP_TOKEN_BYTES: u32 = 12;
@inline export const MP_TOKEN_ELLIPSIS: u32 = 13;
@inline export const MP_TOKEN_KW_FALSE: u32 = 14;
@inline export const MP_TOKEN_KW_NONE: u32 = 15;
@inline export const MP_TOKEN_KW_TRUE: u32 = 16;
@inline export const MP_TOKEN_KW___DEBUG__: u32 = 17;
@inline export const MP_TOKEN_KW_AND: u32 = 18;
@inline export const MP_TOKEN_KW_AS: u32 = 19;
@inline export const MP_TOKEN_KW_ASSERT: u32 = 20;
@inline export const MP_TOKEN_KW_ASYNC: u32 = 21;
@inline export const MP_TOKEN_KW_AWAIT: u32 = 22;
@inline export const MP_TOKEN_KW_BREAK: u32 = 23;
@inline export const MP_TOKEN_KW_CLASS: u32 = 24;
@inline export const MP_TOKEN_KW_CONTINUE: u32 = 25;
@inline export const MP_TOKEN_KW_DEF: u32 = 26;
@inline export const MP_TOKEN_KW_DEL: u32 = 27;
@inline export const MP_TOKEN_KW_ELIF: u32 = 28;
@inline export const MP_TOKEN_KW_ELSE: u32 = 29;
@inline export const MP_TOKEN_KW_EXCEPT: u32 = 30;
@inline export const MP_TOKEN_KW_FINALLY: u32 = 31;
@inline export const MP_TOKEN_KW_FOR: u32 = 32;
@inline export const MP_TOKEN_KW_FROM: u32 = 33;
@inline export const MP_TOKEN_KW_GLOBAL: u32 = 34;
@inline export const MP_TOKEN_KW_IF: u32 = 35;
@inline export const MP_TOKEN_KW_IMPORT: u32 = 36;
@inline export const MP_TOKEN_KW_IN: u32 = 37;
@inline export const MP_TOKEN_KW_IS: u32 = 38;
@inline export const MP_TOKEN_KW_LAMBDA: u32 = 39;
@inline export const MP_TOKEN_KW_NONLOCAL: u32 = 40;
@inline export const MP_TOKEN_KW_NOT: u32 = 41;
@inline export const MP_TOKEN_KW_OR: u32 = 42;
@inline export const MP_TOKEN_KW_PASS: u32 = 43;
@inline export const MP_TOKEN_KW_RAISE: u32 = 44;
@inline export const MP_TOKEN_KW_RETURN: u32 = 45;
@inline export const MP_TOKEN_KW_TRY: u32 = 46;
@inline export const MP_TOKEN_KW_WHILE: u32 = 47;
@inline export const MP_TOKEN_KW_WITH: u32 = 48;
@inline export const MP_TOKEN_KW_YIELD: u32 = 49;
@inline export const MP_TOKEN_OP_ASSIGN: u32 = 50;
@inline export const MP_TOKEN_OP_TILDE: u32 = 51;
@inline export const MP_TOKEN_OP_LESS: u32 = 52;
@inline export const MP_TOKEN_OP_MORE: u32 = 53;
@inline export const MP_TOKEN_OP_DBL_EQUAL: u32 = 54;
@inline export const MP_TOKEN_OP_LESS_EQUAL: u32 = 55;
@inline export const MP_TOKEN_OP_MORE_EQUAL: u32 = 56;
@inline export const MP_TOKEN_OP_NOT_EQUAL: u32 = 57;
@inline export const MP_TOKEN_OP_PIPE: u32 = 58;
@inline export const MP_TOKEN_OP_CARET: u32 = 59;
@inline export const MP_TOKEN_OP_AMPERSAND: u32 = 60;
@inline export const MP_TOKEN_OP_DBL_LESS: u32 = 61;
@inline export const MP_TOKEN_OP_DBL_MORE: u32 = 62;
@inline export const MP_TOKEN_OP_PLUS: u32 = 63;
@inline export const MP_TOKEN_OP_MINUS: u32 = 64;
@inline export const MP_TOKEN_OP_STAR: u32 = 65;
@inline export const MP_TOKEN_OP_AT: u32 = 66;
@inline export const MP_TOKEN_OP_DBL_SLASH: u32 = 67;
@inline export const MP_TOKEN_OP_SLASH: u32 = 68;
@inline export const MP_TOKEN_OP_PERCENT: u32 = 69;
@inline export const MP_TOKEN_OP_DBL_STAR: u32 = 70;
@inline export const MP_TOKEN_DEL_PIPE_EQUAL: u32 = 71;
@inline export const MP_TOKEN_DEL_CARET_EQUAL: u32 = 72;
@inline export const MP_TOKEN_DEL_AMPERSAND_EQUAL: u32 = 73;
@inline export const MP_TOKEN_DEL_DBL_LESS_EQUAL: u32 = 74;
@inline export const MP_TOKEN_DEL_DBL_MORE_EQUAL: u32 = 75;
@inline export const MP_TOKEN_DEL_PLUS_EQUAL: u32 = 76;
@inline export const MP_TOKEN_DEL_MINUS_EQUAL: u32 = 77;
@inline export const MP_TOKEN_DEL_STAR_EQUAL: u32 = 78;
@inline export const MP_TOKEN_DEL_AT_EQUAL: u32 = 79;
@inline export const MP_TOKEN_DEL_DBL_SLASH_EQUAL: u32 = 80;
@inline export const MP_TOKEN_DEL_SLASH_EQUAL: u32 = 81;
@inline export const MP_TOKEN_DEL_PERCENT_EQUAL: u32 = 82;
@inline export const MP_TOKEN_DEL_DBL_STAR_EQUAL: u32 = 83;
@inline export const MP_TOKEN_DEL_PAREN_OPEN: u32 = 84;
@inline export const MP_TOKEN_DEL_PAREN_CLOSE: u32 = 85;
@inline export const MP_TOKEN_DEL_BRACKET_OPEN: u32 = 86;
@inline export const MP_TOKEN_DEL_BRACKET_CLOSE: u32 = 87;
@inline export const MP_TOKEN_DEL_BRACE_OPEN: u32 = 88;
@inline export const MP_TOKEN_DEL_BRACE_CLOSE: u32 = 89;
@inline export const MP_TOKEN_DEL_COMMA: u32 = 90;
@inline export const MP_TOKEN_DEL_COLON: u32 = 91;
@inline export const MP_TOKEN_DEL_PERIOD: u32 = 92;
@inline export const MP_TOKEN_DEL_SEMICOLON: u32 = 93;
@inline export const MP_TOKEN_DEL_EQUAL: u32 = 94;
@inline export const MP_TOKEN_DEL_MINUS_MORE: u32 = 95;
@inline export const MP_TOKEN_NUMBER_OF: u32 = 96;

/** Columns per tab stop, for indentation (as MicroPython). */
@inline const TAB_SIZE: u32 = 8;
/** Byte value meaning end of input (NUL bytes in the source become 1). */
@inline const MP_LEXER_EOF: u32 = 0;
@inline const MP_LEXER_INVALID_BYTE: u32 = 1;

@inline const MICROPY_ALLOC_LEXER_INDENT_INIT: u32 = 10;
@inline const MICROPY_ALLOC_LEXEL_INDENT_INC: u32 = 8;

/**
 * The lexer state (one GC block). Public fields, as MicroPython's: source_name,
 * tok_line, tok_column, tok_kind and the token text vstr_buf/vstr_len.
 *
 *   +0 source_name qstr      +4 src (head of the source block)   +8 src_pos   +12 src_len
 *   +16 chr0 +20 chr1 +24 chr2 (the next three bytes of input)
 *   +28 line +32 column +36 emit_dent +40 nested_bracket_level
 *   +44 alloc_indent_level +48 num_indent_level +52 indent_level (u16[], GC block)
 *   +56 tok_line +60 tok_column +64 tok_kind
 *   +68 vstr_buf +72 vstr_len +76 vstr_alloc          (token text, not NUL-terminated)
 *   +80 inject_buf +84 inject_len +88 inject_alloc +92 inject_idx
 *   +96 fargs_buf +100 fargs_len +104 fargs_alloc     (f-string .format( arguments)
 *   +108 failed (an exception is pending)
 */
@unmanaged
export class mp_lexer_t {
  source_name: qstr;
  src: usize;
  src_pos: usize;
  src_len: usize;
  chr0: u32;
  chr1: u32;
  chr2: u32;
  line: u32;
  column: u32;
  emit_dent: i32;
  nested_bracket_level: i32;
  alloc_indent_level: u32;
  num_indent_level: u32;
  indent_level: usize;
  tok_line: u32;
  tok_column: u32;
  tok_kind: u32;
  vstr_buf: usize;
  vstr_len: usize;
  vstr_alloc: usize;
  inject_buf: usize;
  inject_len: usize;
  inject_alloc: usize;
  inject_idx: usize;
  fargs_buf: usize;
  fargs_len: usize;
  fargs_alloc: usize;
  failed: u32;
}

@inline const LEXER_SIZE: usize = 112;

// Growable byte buffers inside the lexer: `off` is the field offset of the
// buffer's {buf, len, alloc} triple (68 token text, 80 injected chars, 96 f-string args).
@inline const VSTR: usize = 68;
@inline const INJECT: usize = 80;
@inline const FARGS: usize = 96;

/**
 * Makes room for `n` more bytes in buffer `off` of `lex`; false (MemoryError
 * pending) if the heap is full.
 */
function buf_reserve(lex: usize, off: usize, n: usize): bool {
  const len = load<usize>(lex + off + 4);
  const alloc = load<usize>(lex + off + 8);
  if (len + n <= alloc) return true;
  let na = alloc * 2;
  if (na < 16) na = 16;
  if (na < len + n) na = len + n + 16;
  const old = load<usize>(lex + off);
  let nb: usize;
  if (old == 0) {
    nb = gc_alloc(na, 0);
  } else {
    nb = gc_realloc(old, na, true);
  }
  if (nb == 0) {
    store<u32>(lex + 108, 1);
    mp_raise_memory_error(na);
    return false;
  }
  store<usize>(lex + off, nb);
  store<usize>(lex + off + 8, na);
  return true;
}

function buf_add_byte(lex: usize, off: usize, b: u32): void {
  if (!buf_reserve(lex, off, 1)) return;
  const len = load<usize>(lex + off + 4);
  store<u8>(load<usize>(lex + off) + len, <u8>b);
  store<usize>(lex + off + 4, len + 1);
}

function buf_add_strn(lex: usize, off: usize, p: usize, n: usize): void {
  if (n == 0 || !buf_reserve(lex, off, n)) return;
  const len = load<usize>(lex + off + 4);
  memory.copy(load<usize>(lex + off) + len, p, n);
  store<usize>(lex + off + 4, len + n);
}

/** Inserts `n` bytes from `p` at index `at` of buffer `off` (`p` not inside that buffer). */
function buf_ins_strn(lex: usize, off: usize, at: usize, p: usize, n: usize): void {
  if (n == 0 || !buf_reserve(lex, off, n)) return;
  const len = load<usize>(lex + off + 4);
  const b = load<usize>(lex + off);
  memory.copy(b + at + n, b + at, len - at);
  memory.copy(b + at, p, n);
  store<usize>(lex + off + 4, len + n);
}

/** Appends an AS string literal (ASCII only) to buffer `off`. */
function buf_add_as(lex: usize, off: usize, s: string): void {
  for (let i = 0; i < s.length; i++) buf_add_byte(lex, off, <u32>s.charCodeAt(i));
}

/** Appends code point `c` as UTF-8 (vstr_add_char). */
function buf_add_char(lex: usize, off: usize, c: u32): void {
  if (c < 0x80) {
    buf_add_byte(lex, off, c);
  } else if (c < 0x800) {
    buf_add_byte(lex, off, 0xc0 | (c >> 6));
    buf_add_byte(lex, off, 0x80 | (c & 0x3f));
  } else if (c < 0x10000) {
    buf_add_byte(lex, off, 0xe0 | (c >> 12));
    buf_add_byte(lex, off, 0x80 | ((c >> 6) & 0x3f));
    buf_add_byte(lex, off, 0x80 | (c & 0x3f));
  } else {
    buf_add_byte(lex, off, 0xf0 | (c >> 18));
    buf_add_byte(lex, off, 0x80 | ((c >> 12) & 0x3f));
    buf_add_byte(lex, off, 0x80 | ((c >> 6) & 0x3f));
    buf_add_byte(lex, off, 0x80 | (c & 0x3f));
  }
}

// ---- character classes (unicode.c's unichar_* on ASCII; bytes >= 0x80 are none of them) ----

@inline function unichar_isspace(c: u32): bool {
  return c == 32 || (c >= 9 && c <= 13);
}
@inline function unichar_isalpha(c: u32): bool {
  return (c | 0x20) >= 97 && (c | 0x20) <= 122;
}
@inline function unichar_isdigit(c: u32): bool {
  return c >= 48 && c <= 57;
}
@inline function unichar_isxdigit(c: u32): bool {
  return unichar_isdigit(c) || ((c | 0x20) >= 97 && (c | 0x20) <= 102);
}
@inline function unichar_xdigit_value(c: u32): u32 {
  let n = c - 48;
  if (n > 9) n = (c | 0x20) - 87;
  return n;
}

@inline function L(lex: usize): mp_lexer_t {
  return changetype<mp_lexer_t>(lex);
}

@inline function is_end(lex: usize): bool {
  return L(lex).chr0 == MP_LEXER_EOF;
}
@inline function is_physical_newline(lex: usize): bool {
  return L(lex).chr0 == 10;
}
@inline function is_char(lex: usize, c: u32): bool {
  return L(lex).chr0 == c;
}
@inline function is_char_or(lex: usize, c1: u32, c2: u32): bool {
  const c = L(lex).chr0;
  return c == c1 || c == c2;
}
@inline function is_char_or3(lex: usize, c1: u32, c2: u32, c3: u32): bool {
  const c = L(lex).chr0;
  return c == c1 || c == c2 || c == c3;
}
@inline function is_char_or4(lex: usize, c1: u32, c2: u32, c3: u32, c4: u32): bool {
  const c = L(lex).chr0;
  return c == c1 || c == c2 || c == c3 || c == c4;
}
@inline function is_char_following(lex: usize, c: u32): bool {
  return L(lex).chr1 == c;
}
@inline function is_char_following_or(lex: usize, c1: u32, c2: u32): bool {
  const c = L(lex).chr1;
  return c == c1 || c == c2;
}
@inline function is_char_following_following_or(lex: usize, c1: u32, c2: u32): bool {
  const c = L(lex).chr2;
  return c == c1 || c == c2;
}
@inline function is_char_and(lex: usize, c1: u32, c2: u32): bool {
  return L(lex).chr0 == c1 && L(lex).chr1 == c2;
}
@inline function is_whitespace(lex: usize): bool {
  return unichar_isspace(L(lex).chr0);
}
@inline function is_letter(lex: usize): bool {
  return unichar_isalpha(L(lex).chr0);
}
@inline function is_digit(lex: usize): bool {
  return unichar_isdigit(L(lex).chr0);
}
@inline function is_following_digit(lex: usize): bool {
  return unichar_isdigit(L(lex).chr1);
}
@inline function is_following_base_char(lex: usize): bool {
  const c = L(lex).chr1 | 0x20;
  return c == 98 || c == 111 || c == 120; // b o x
}
@inline function is_following_odigit(lex: usize): bool {
  const c = L(lex).chr1;
  return c >= 48 && c <= 55;
}

// quote characters
@inline const SQ: u32 = 39; // '
@inline const DQ: u32 = 34; // "

function is_string_or_bytes(lex: usize): bool {
  return (
    is_char_or(lex, SQ, DQ) ||
    (is_char_or4(lex, 114, 117, 98, 102) && is_char_following_or(lex, SQ, DQ)) || // r u b f
    // rf fr
    ((is_char_and(lex, 114, 102) || is_char_and(lex, 102, 114)) &&
      is_char_following_following_or(lex, SQ, DQ)) ||
    // rb br
    ((is_char_and(lex, 114, 98) || is_char_and(lex, 98, 114)) &&
      is_char_following_following_or(lex, SQ, DQ))
  );
}

// Raw bytes >= 0x80 are allowed in identifiers so UTF-8 names lex simply.
@inline function is_head_of_identifier(lex: usize): bool {
  const c = L(lex).chr0;
  return unichar_isalpha(c) || c == 95 || c >= 0x80;
}
@inline function is_tail_of_identifier(lex: usize): bool {
  return is_head_of_identifier(lex) || is_digit(lex);
}

function next_char(lex: usize): void {
  const l = L(lex);
  const c0 = l.chr0;
  if (c0 == 10) {
    l.line += 1;
    l.column = 1;
  } else if (c0 == 9) {
    l.column = ((l.column - 1 + TAB_SIZE) / TAB_SIZE) * TAB_SIZE + 1;
  } else {
    l.column += 1;
  }

  l.chr0 = l.chr1;
  l.chr1 = l.chr2;

  let chr2: u32;
  while (true) {
    const idx = l.inject_idx;
    if (idx != 0) {
      chr2 = <u32>load<u8>(l.inject_buf + idx);
      l.inject_idx = idx + 1;
      if (idx + 1 >= l.inject_len) {
        l.inject_len = 0;
        l.inject_idx = 0;
      }
    } else {
      const pos = l.src_pos;
      if (pos >= l.src_len) {
        chr2 = MP_LEXER_EOF;
      } else {
        chr2 = <u32>load<u8>(l.src + pos);
        l.src_pos = pos + 1;
        if (chr2 == MP_LEXER_EOF) chr2 = MP_LEXER_INVALID_BYTE;
      }
    }
    if (l.chr1 == 13) {
      // CR is a newline; CR LF is one newline
      l.chr1 = 10;
      if (chr2 == 10) continue;
    }
    break;
  }

  // make sure the input ends with a newline
  if (chr2 == MP_LEXER_EOF && l.chr1 != MP_LEXER_EOF && l.chr1 != 10) {
    chr2 = 10;
  }
  l.chr2 = chr2;
}

function indent_push(lex: usize, indent: u32): void {
  const l = L(lex);
  if (l.num_indent_level >= l.alloc_indent_level) {
    const na = l.alloc_indent_level + MICROPY_ALLOC_LEXEL_INDENT_INC;
    const nb = gc_realloc(l.indent_level, <usize>na * 2, true);
    if (nb == 0) {
      l.failed = 1;
      mp_raise_memory_error(<usize>na * 2);
      return;
    }
    l.indent_level = nb;
    l.alloc_indent_level = na;
  }
  store<u16>(l.indent_level + (<usize>l.num_indent_level << 1), <u16>indent);
  l.num_indent_level += 1;
}

@inline function indent_top(lex: usize): u32 {
  const l = L(lex);
  return <u32>load<u16>(l.indent_level + (<usize>(l.num_indent_level - 1) << 1));
}

@inline function indent_pop(lex: usize): void {
  L(lex).num_indent_level -= 1;
}

// Operators and delimiters, as lexer.c's tok_enc: a plain char starts a token,
// "e<c>" ends it if <c> follows, "c<c>" continues matching if <c> follows.
const tok_enc: string = "()[]{},;~:e=<e=c<e=>e=c>e=*e=c*e=+e=-e=e>&e=|e=/e=c/e=%e=^e=@e==e=!.";

const tok_enc_kind: usize = memory.data<u8>([
  84, 85, // DEL_PAREN_OPEN DEL_PAREN_CLOSE
  86, 87, // DEL_BRACKET_OPEN DEL_BRACKET_CLOSE
  88, 89, // DEL_BRACE_OPEN DEL_BRACE_CLOSE
  90, 93, 51, // DEL_COMMA DEL_SEMICOLON OP_TILDE
  91, 50, // DEL_COLON OP_ASSIGN
  52, 55, 61, 74, // OP_LESS OP_LESS_EQUAL OP_DBL_LESS DEL_DBL_LESS_EQUAL
  53, 56, 62, 75, // OP_MORE OP_MORE_EQUAL OP_DBL_MORE DEL_DBL_MORE_EQUAL
  65, 78, 70, 83, // OP_STAR DEL_STAR_EQUAL OP_DBL_STAR DEL_DBL_STAR_EQUAL
  63, 76, // OP_PLUS DEL_PLUS_EQUAL
  64, 77, 95, // OP_MINUS DEL_MINUS_EQUAL DEL_MINUS_MORE
  60, 73, // OP_AMPERSAND DEL_AMPERSAND_EQUAL
  58, 71, // OP_PIPE DEL_PIPE_EQUAL
  68, 81, 67, 80, // OP_SLASH DEL_SLASH_EQUAL OP_DBL_SLASH DEL_DBL_SLASH_EQUAL
  69, 82, // OP_PERCENT DEL_PERCENT_EQUAL
  59, 72, // OP_CARET DEL_CARET_EQUAL
  66, 79, // OP_AT DEL_AT_EQUAL
  94, 54, // DEL_EQUAL OP_DBL_EQUAL
]);

/** True if the `len` bytes at `p` spell the ASCII literal `s`. */
function bytes_eq_as(p: usize, len: usize, s: string): bool {
  if (<usize>s.length != len) return false;
  for (let i: usize = 0; i < len; i++) {
    if (<u32>load<u8>(p + i) != <u32>s.charCodeAt(<i32>i)) return false;
  }
  return true;
}

/** The keyword token for the name of `len` bytes at `p`, or MP_TOKEN_NAME (tok_kw in lexer.c). */
function keyword_kind(p: usize, len: usize): u32 {
  if (len < 2 || len > 9) return MP_TOKEN_NAME;
  switch (<u32>load<u8>(p)) {
    case 70: // F
      if (bytes_eq_as(p, len, "False")) return MP_TOKEN_KW_FALSE;
      break;
    case 78: // N
      if (bytes_eq_as(p, len, "None")) return MP_TOKEN_KW_NONE;
      break;
    case 84: // T
      if (bytes_eq_as(p, len, "True")) return MP_TOKEN_KW_TRUE;
      break;
    case 95: // _
      if (bytes_eq_as(p, len, "__debug__")) return MP_TOKEN_KW___DEBUG__;
      break;
    case 97: // a
      if (bytes_eq_as(p, len, "and")) return MP_TOKEN_KW_AND;
      if (bytes_eq_as(p, len, "as")) return MP_TOKEN_KW_AS;
      if (bytes_eq_as(p, len, "assert")) return MP_TOKEN_KW_ASSERT;
      if (bytes_eq_as(p, len, "async")) return MP_TOKEN_KW_ASYNC;
      if (bytes_eq_as(p, len, "await")) return MP_TOKEN_KW_AWAIT;
      break;
    case 98: // b
      if (bytes_eq_as(p, len, "break")) return MP_TOKEN_KW_BREAK;
      break;
    case 99: // c
      if (bytes_eq_as(p, len, "class")) return MP_TOKEN_KW_CLASS;
      if (bytes_eq_as(p, len, "continue")) return MP_TOKEN_KW_CONTINUE;
      break;
    case 100: // d
      if (bytes_eq_as(p, len, "def")) return MP_TOKEN_KW_DEF;
      if (bytes_eq_as(p, len, "del")) return MP_TOKEN_KW_DEL;
      break;
    case 101: // e
      if (bytes_eq_as(p, len, "elif")) return MP_TOKEN_KW_ELIF;
      if (bytes_eq_as(p, len, "else")) return MP_TOKEN_KW_ELSE;
      if (bytes_eq_as(p, len, "except")) return MP_TOKEN_KW_EXCEPT;
      break;
    case 102: // f
      if (bytes_eq_as(p, len, "finally")) return MP_TOKEN_KW_FINALLY;
      if (bytes_eq_as(p, len, "for")) return MP_TOKEN_KW_FOR;
      if (bytes_eq_as(p, len, "from")) return MP_TOKEN_KW_FROM;
      break;
    case 103: // g
      if (bytes_eq_as(p, len, "global")) return MP_TOKEN_KW_GLOBAL;
      break;
    case 105: // i
      if (bytes_eq_as(p, len, "if")) return MP_TOKEN_KW_IF;
      if (bytes_eq_as(p, len, "import")) return MP_TOKEN_KW_IMPORT;
      if (bytes_eq_as(p, len, "in")) return MP_TOKEN_KW_IN;
      if (bytes_eq_as(p, len, "is")) return MP_TOKEN_KW_IS;
      break;
    case 108: // l
      if (bytes_eq_as(p, len, "lambda")) return MP_TOKEN_KW_LAMBDA;
      break;
    case 110: // n
      if (bytes_eq_as(p, len, "nonlocal")) return MP_TOKEN_KW_NONLOCAL;
      if (bytes_eq_as(p, len, "not")) return MP_TOKEN_KW_NOT;
      break;
    case 111: // o
      if (bytes_eq_as(p, len, "or")) return MP_TOKEN_KW_OR;
      break;
    case 112: // p
      if (bytes_eq_as(p, len, "pass")) return MP_TOKEN_KW_PASS;
      break;
    case 114: // r
      if (bytes_eq_as(p, len, "raise")) return MP_TOKEN_KW_RAISE;
      if (bytes_eq_as(p, len, "return")) return MP_TOKEN_KW_RETURN;
      break;
    case 116: // t
      if (bytes_eq_as(p, len, "try")) return MP_TOKEN_KW_TRY;
      break;
    case 119: // w
      if (bytes_eq_as(p, len, "while")) return MP_TOKEN_KW_WHILE;
      if (bytes_eq_as(p, len, "with")) return MP_TOKEN_KW_WITH;
      break;
    case 121: // y
      if (bytes_eq_as(p, len, "yield")) return MP_TOKEN_KW_YIELD;
      break;
  }
  return MP_TOKEN_NAME;
}

/**
 * Reads `num_digits` hex digits (CUR_CHAR before the first, after: on the
 * last); returns the value, or -1 if a non-hex character was met.
 */
function get_hex(lex: usize, num_digits: u32): i64 {
  let num: i64 = 0;
  while (num_digits-- != 0) {
    next_char(lex);
    const c = L(lex).chr0;
    if (!unichar_isxdigit(c)) return -1;
    num = (num << 4) + <i64>unichar_xdigit_value(c);
  }
  return num;
}

function parse_string_literal(lex: usize, is_raw: bool, is_fstring: bool): void {
  const l = L(lex);
  let quote_char: u32 = SQ;
  if (is_char(lex, DQ)) quote_char = DQ;
  next_char(lex);

  let num_quotes: u32;
  if (is_char_and(lex, quote_char, quote_char)) {
    next_char(lex);
    next_char(lex);
    num_quotes = 3;
  } else {
    num_quotes = 1;
  }

  let n_closing: u32 = 0;
  if (is_fstring) {
    // a new f-string starts the argument list; a following one (implicit
    // concatenation) appends to it
    if (l.fargs_len == 0) buf_add_as(lex, FARGS, ".format(");
  }

  while (!is_end(lex) && (num_quotes > 1 || !is_char(lex, 10)) && n_closing < num_quotes) {
    if (l.failed) return;
    if (is_char(lex, quote_char)) {
      n_closing += 1;
      buf_add_char(lex, VSTR, l.chr0);
    } else {
      n_closing = 0;

      let injected = false;
      while (is_fstring && is_char(lex, 123)) {
        // '{'
        next_char(lex);
        if (is_char(lex, 123)) {
          // "{{" stays for str.format
          buf_add_byte(lex, VSTR, 123);
          next_char(lex);
        } else {
          // each argument is wrapped in (): f"{a,b}" -> "{}".format((a,b),)
          buf_add_byte(lex, FARGS, 40);
          const i = l.fargs_len;
          // copy up to the closing '}', a format spec ':' or a conversion
          // "!r"/"!s" at bracket level 0 (the expression syntax is not parsed)
          let nested_bracket_level: i32 = 0;
          while (
            !is_end(lex) &&
            (nested_bracket_level != 0 ||
              !(
                is_char_or(lex, 58, 125) ||
                (is_char(lex, 33) &&
                  is_char_following_or(lex, 114, 115) &&
                  is_char_following_following_or(lex, 58, 125))
              ))
          ) {
            const c = l.chr0;
            if (c == 91 || c == 123) {
              nested_bracket_level += 1;
            } else if (c == 93 || c == 125) {
              nested_bracket_level -= 1;
            }
            buf_add_byte(lex, FARGS, c);
            next_char(lex);
            if (l.failed) return;
          }
          if (l.fargs_len > 0 && load<u8>(l.fargs_buf + l.fargs_len - 1) == 61) {
            // f'{a=}' -> 'a={}'.format(a)
            buf_add_strn(lex, VSTR, l.fargs_buf + i, l.fargs_len - i);
            l.fargs_len -= 1;
          }
          if (l.fargs_len == i) {
            // empty expression, f'{}'
            l.tok_kind = MP_TOKEN_MALFORMED_FSTRING;
          }
          buf_add_byte(lex, FARGS, 41); // )
          buf_add_byte(lex, FARGS, 44); // ,
        }
        buf_add_byte(lex, VSTR, 123);
        injected = true;
        break;
      }
      if (injected) continue; // the current char was not consumed: re-examine it

      if (is_char(lex, 92)) {
        // backslash
        next_char(lex);
        let c = l.chr0;
        let add = true;
        if (is_raw) {
          // raw strings keep the backslash (and it still escapes a quote)
          buf_add_byte(lex, VSTR, 92);
        } else {
          switch (c) {
            case 10: // escaped newline: dropped
              add = false;
              break;
            case 92:
            case SQ:
            case DQ:
              break;
            case 97:
              c = 0x07;
              break; // a
            case 98:
              c = 0x08;
              break; // b
            case 116:
              c = 0x09;
              break; // t
            case 110:
              c = 0x0a;
              break; // n
            case 118:
              c = 0x0b;
              break; // v
            case 102:
              c = 0x0c;
              break; // f
            case 114:
              c = 0x0d;
              break; // r
            case 117: // u
            case 85: // U
            case 120: {
              // x
              if (c != 120 && l.tok_kind == MP_TOKEN_BYTES) {
                // b'\u1234' is b'\\u1234'
                buf_add_byte(lex, VSTR, 92);
                break;
              }
              const num = get_hex(lex, c == 120 ? 2 : c == 117 ? 4 : 8);
              if (num < 0) {
                l.tok_kind = MP_TOKEN_INVALID;
                c = 0;
              } else if (num > 0xffffffff) {
                c = 0xffffffff;
              } else {
                c = <u32>num;
              }
              break;
            }
            case 78: // N
              mp_raise_NotImplementedError("unicode name escapes");
              l.failed = 1;
              return;
            default:
              if (c >= 48 && c <= 55) {
                // octal, 1 to 3 digits
                let digits: u32 = 3;
                let num = c - 48;
                while (is_following_odigit(lex) && --digits != 0) {
                  next_char(lex);
                  num = num * 8 + (l.chr0 - 48);
                }
                c = num;
              } else {
                // unknown escape: kept verbatim, backslash included
                buf_add_byte(lex, VSTR, 92);
              }
              break;
          }
        }
        if (add) {
          if (c < 0x110000 && l.tok_kind == MP_TOKEN_STRING) {
            buf_add_char(lex, VSTR, c);
          } else if (c < 0x100 && l.tok_kind == MP_TOKEN_BYTES) {
            buf_add_byte(lex, VSTR, c);
          } else {
            // out of range for this literal: a SyntaxError
            l.tok_kind = MP_TOKEN_INVALID;
          }
        }
      } else {
        // bytes are copied as they are (UTF-8 passes through)
        buf_add_byte(lex, VSTR, l.chr0);
      }
    }
    next_char(lex);
  }

  if (n_closing < num_quotes) {
    l.tok_kind = MP_TOKEN_LONELY_STRING_OPEN;
  }
  // drop the closing quotes from the token text
  l.vstr_len -= n_closing;
}

/** Skips spaces, comments and line continuations; true if it stopped at a newline. */
function skip_whitespace(lex: usize, stop_at_newline: bool): bool {
  while (!is_end(lex)) {
    if (is_physical_newline(lex)) {
      if (stop_at_newline && L(lex).nested_bracket_level == 0) return true;
      next_char(lex);
    } else if (is_whitespace(lex)) {
      next_char(lex);
    } else if (is_char(lex, 35)) {
      // '#': comment to end of line
      next_char(lex);
      while (!is_end(lex) && !is_physical_newline(lex)) next_char(lex);
    } else if (is_char_and(lex, 92, 10)) {
      // backslash-newline: line continuation
      next_char(lex);
      next_char(lex);
    } else {
      break;
    }
  }
  return false;
}

/**
 * Advances to the next token (tok_kind, tok_line, tok_column, token text in
 * vstr_buf/vstr_len). Returns false if an exception (MemoryError,
 * NotImplementedError) is pending.
 */
export function mp_lexer_to_next(lex: usize): bool {
  const l = L(lex);
  l.vstr_len = 0;

  const had_physical_newline = skip_whitespace(lex, true);

  l.tok_line = l.line;
  l.tok_column = l.column;

  if (l.emit_dent < 0) {
    l.tok_kind = MP_TOKEN_DEDENT;
    l.emit_dent += 1;
  } else if (l.emit_dent > 0) {
    l.tok_kind = MP_TOKEN_INDENT;
    l.emit_dent -= 1;
  } else if (had_physical_newline) {
    // at the newline ending the previous line: skip blank lines and comments,
    // then compare this line's indentation with the stack
    skip_whitespace(lex, false);
    l.tok_kind = MP_TOKEN_NEWLINE;
    const num_spaces = l.column - 1;
    if (num_spaces == indent_top(lex)) {
      // same level
    } else if (num_spaces > indent_top(lex)) {
      indent_push(lex, num_spaces);
      l.emit_dent += 1;
    } else {
      while (num_spaces < indent_top(lex)) {
        indent_pop(lex);
        l.emit_dent -= 1;
      }
      if (num_spaces != indent_top(lex)) {
        l.tok_kind = MP_TOKEN_DEDENT_MISMATCH;
      }
    }
  } else if (is_end(lex)) {
    l.tok_kind = MP_TOKEN_END;
  } else if (is_string_or_bytes(lex)) {
    // adjacent literals are joined here, in the token text
    l.tok_kind = MP_TOKEN_END; // marks "first literal"
    do {
      let is_raw = false;
      let is_fstring = false;
      let kind = MP_TOKEN_STRING;
      let n_char = 0;
      if (is_char(lex, 117)) {
        // u
        n_char = 1;
      } else if (is_char(lex, 98)) {
        // b
        kind = MP_TOKEN_BYTES;
        n_char = 1;
        if (is_char_following(lex, 114)) {
          is_raw = true;
          n_char = 2;
        }
      } else if (is_char(lex, 114)) {
        // r
        is_raw = true;
        n_char = 1;
        if (is_char_following(lex, 98)) {
          kind = MP_TOKEN_BYTES;
          n_char = 2;
        } else if (is_char_following(lex, 102)) {
          is_fstring = true;
          n_char = 2;
        }
      } else if (is_char(lex, 102)) {
        // f
        is_fstring = true;
        n_char = 1;
        if (is_char_following(lex, 114)) {
          is_raw = true;
          n_char = 2;
        }
      }

      if (l.tok_kind == MP_TOKEN_END) {
        l.tok_kind = kind;
      } else if (l.tok_kind != kind) {
        // str and bytes do not join
        break;
      }

      if (n_char != 0) {
        next_char(lex);
        if (n_char == 2) next_char(lex);
      }

      parse_string_literal(lex, is_raw, is_fstring);
      if (l.failed) return false;

      skip_whitespace(lex, true);
    } while (is_string_or_bytes(lex));

    if (l.fargs_len != 0) {
      // an f-string is complete: inject ".format(args)" into the input
      buf_add_byte(lex, FARGS, 41); // )
      if (l.failed) return false;
      if (l.inject_idx == 0) {
        // switch from the source to the injected chars, keeping the 3 cached ones
        l.inject_len = 0;
        if (!buf_reserve(lex, INJECT, 3)) return false;
        store<u8>(l.inject_buf, <u8>l.chr0);
        store<u8>(l.inject_buf + 1, <u8>l.chr1);
        store<u8>(l.inject_buf + 2, <u8>l.chr2);
        l.inject_len = 3;
      } else {
        // already injecting: rewind over the cached chars
        l.inject_idx -= 3;
      }
      buf_ins_strn(lex, INJECT, l.inject_idx, l.fargs_buf, l.fargs_len);
      if (l.failed) return false;
      l.fargs_len = 0;
      const b = l.inject_buf;
      l.chr0 = <u32>load<u8>(b + l.inject_idx);
      l.chr1 = <u32>load<u8>(b + l.inject_idx + 1);
      l.chr2 = <u32>load<u8>(b + l.inject_idx + 2);
      l.inject_idx += 3;
    }
  } else if (is_head_of_identifier(lex)) {
    l.tok_kind = MP_TOKEN_NAME;
    buf_add_byte(lex, VSTR, l.chr0);
    next_char(lex);
    while (!is_end(lex) && is_tail_of_identifier(lex)) {
      buf_add_byte(lex, VSTR, l.chr0);
      next_char(lex);
    }
    if (l.failed) return false;
    // keywords; __debug__ becomes its value so x.__debug__ is a syntax error
    const k = keyword_kind(l.vstr_buf, l.vstr_len);
    if (k == MP_TOKEN_KW___DEBUG__) {
      l.tok_kind = mp_optimise_value == 0 ? MP_TOKEN_KW_TRUE : MP_TOKEN_KW_FALSE;
    } else {
      l.tok_kind = k;
    }
  } else if (is_digit(lex) || (is_char(lex, 46) && is_following_digit(lex))) {
    let forced_integer = false;
    if (is_char(lex, 46)) {
      l.tok_kind = MP_TOKEN_FLOAT_OR_IMAG;
    } else {
      l.tok_kind = MP_TOKEN_INTEGER;
      if (is_char(lex, 48) && is_following_base_char(lex)) forced_integer = true;
    }
    buf_add_char(lex, VSTR, l.chr0);
    next_char(lex);
    while (!is_end(lex)) {
      if (!forced_integer && is_char_or(lex, 101, 69)) {
        // e E
        l.tok_kind = MP_TOKEN_FLOAT_OR_IMAG;
        buf_add_byte(lex, VSTR, 101);
        next_char(lex);
        if (is_char(lex, 43) || is_char(lex, 45)) {
          buf_add_byte(lex, VSTR, l.chr0);
          next_char(lex);
        }
      } else if (is_letter(lex) || is_digit(lex) || is_char(lex, 46)) {
        if (is_char_or3(lex, 46, 106, 74)) l.tok_kind = MP_TOKEN_FLOAT_OR_IMAG; // . j J
        buf_add_byte(lex, VSTR, l.chr0);
        next_char(lex);
      } else if (is_char(lex, 95)) {
        next_char(lex);
      } else {
        break;
      }
    }
    if (l.failed) return false;
  } else {
    // operators and delimiters
    let t: i32 = 0;
    const n = tok_enc.length;
    let tok_enc_index: u32 = 0;
    while (t < n && <u32>tok_enc.charCodeAt(t) != l.chr0) {
      const tc = tok_enc.charCodeAt(t);
      if (tc == 101 || tc == 99) t += 1; // e c
      tok_enc_index += 1;
      t += 1;
    }
    next_char(lex);
    if (t >= n) {
      l.tok_kind = MP_TOKEN_INVALID;
    } else if (tok_enc.charCodeAt(t) == 33) {
      // '!': only "!=" is valid
      if (is_char(lex, 61)) {
        next_char(lex);
        l.tok_kind = MP_TOKEN_OP_NOT_EQUAL;
      } else {
        l.tok_kind = MP_TOKEN_INVALID;
      }
    } else if (tok_enc.charCodeAt(t) == 46) {
      // '.' or '...' (".." is not an operator)
      if (is_char_and(lex, 46, 46)) {
        next_char(lex);
        next_char(lex);
        l.tok_kind = MP_TOKEN_ELLIPSIS;
      } else {
        l.tok_kind = MP_TOKEN_DEL_PERIOD;
      }
    } else {
      // the longest operator starting here
      t += 1;
      let t_index = tok_enc_index;
      while (t < n && (tok_enc.charCodeAt(t) == 99 || tok_enc.charCodeAt(t) == 101)) {
        t_index += 1;
        if (t + 1 < n && is_char(lex, <u32>tok_enc.charCodeAt(t + 1))) {
          next_char(lex);
          tok_enc_index = t_index;
          if (tok_enc.charCodeAt(t) == 101) break;
        } else if (tok_enc.charCodeAt(t) == 99) {
          break;
        }
        t += 2;
      }
      const k = <u32>load<u8>(tok_enc_kind + tok_enc_index);
      l.tok_kind = k;
      if (
        k == MP_TOKEN_DEL_PAREN_OPEN ||
        k == MP_TOKEN_DEL_BRACKET_OPEN ||
        k == MP_TOKEN_DEL_BRACE_OPEN
      ) {
        l.nested_bracket_level += 1;
      } else if (
        k == MP_TOKEN_DEL_PAREN_CLOSE ||
        k == MP_TOKEN_DEL_BRACKET_CLOSE ||
        k == MP_TOKEN_DEL_BRACE_CLOSE
      ) {
        l.nested_bracket_level -= 1;
      }
    }
  }
  return l.failed == 0;
}

/**
 * A new lexer over `len` bytes of UTF-8 source at `str` (which must stay
 * valid while the lexer is used; a GC heap block is kept alive by the lexer),
 * named `src_name` for error messages. Reads the first token. Returns the
 * lexer (a GC block, rooted in MPS_lexer until mp_lexer_free or the next
 * lexer) or 0 with MemoryError (or NotImplementedError for \N) pending.
 */
export function mp_lexer_new_from_str_len(src_name: qstr, str: usize, len: usize): usize {
  const mark = mp_root_mark();
  const lex = gc_alloc(LEXER_SIZE, 0);
  if (lex == 0) return mp_raise_memory_error(LEXER_SIZE);
  mp_root_push(lex);
  memory.fill(lex, 0, LEXER_SIZE);
  const l = L(lex);
  l.source_name = src_name;
  l.src = str;
  l.src_pos = 0;
  l.src_len = len;
  l.line = 1;
  l.column = <u32>-2; // the 3 priming next_char calls bring it to 1
  l.alloc_indent_level = MICROPY_ALLOC_LEXER_INDENT_INIT;
  l.num_indent_level = 1;
  const il = gc_alloc(<usize>MICROPY_ALLOC_LEXER_INDENT_INIT * 2, 0);
  if (il == 0) {
    mp_root_release(mark);
    return mp_raise_memory_error(<usize>MICROPY_ALLOC_LEXER_INDENT_INIT * 2);
  }
  l.indent_level = il;
  store<u16>(il, 0); // sentinel: column 0
  if (!buf_reserve(lex, VSTR, 32)) {
    mp_root_release(mark);
    return 0;
  }

  l.chr0 = 0;
  l.chr1 = 0;
  l.chr2 = 0;
  next_char(lex);
  next_char(lex);
  next_char(lex);

  if (!mp_lexer_to_next(lex)) {
    mp_root_release(mark);
    return 0;
  }
  // a first token not in column 1 is an unexpected indent
  if (l.tok_column != 1 && l.tok_kind != MP_TOKEN_NEWLINE) {
    l.tok_kind = MP_TOKEN_INDENT;
  }
  mp_state_set(MPS_lexer, lex);
  mp_root_release(mark);
  return lex;
}

/** Source name of the lexer (qstr). */
@inline export function mp_lexer_source_name(lex: usize): qstr {
  return L(lex).source_name;
}
/** Kind of the current token. */
@inline export function mp_lexer_tok_kind(lex: usize): u32 {
  return L(lex).tok_kind;
}
/** Source line of the current token. */
@inline export function mp_lexer_tok_line(lex: usize): u32 {
  return L(lex).tok_line;
}
/** Address of the current token's text (valid until the next token). */
@inline export function mp_lexer_tok_str(lex: usize): usize {
  return L(lex).vstr_buf;
}
/** Byte length of the current token's text. */
@inline export function mp_lexer_tok_len(lex: usize): usize {
  return L(lex).vstr_len;
}

/**
 * Releases the lexer's memory (mp_lexer_free): its buffers and the lexer
 * block are freed and its MPS_lexer root dropped. Safe to call with 0.
 */
export function mp_lexer_free(lex: usize): void {
  if (lex == 0) return;
  if (mp_state_get(MPS_lexer) == lex) mp_state_set(MPS_lexer, 0);
  const l = L(lex);
  if (l.vstr_buf != 0) gc_free(l.vstr_buf);
  if (l.inject_buf != 0) gc_free(l.inject_buf);
  if (l.fargs_buf != 0) gc_free(l.fargs_buf);
  if (l.indent_level != 0) gc_free(l.indent_level);
  l.vstr_buf = 0;
  l.inject_buf = 0;
  l.fargs_buf = 0;
  l.indent_level = 0;
  gc_free(lex);
}
