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
      if ((in_quote == Q_NONE || in_quote == Q_3_SINGLE) && at(p, len, i + 1) == 39 && at(p, len, i + 2) == 39) {
        i += 2;
        in_quote = Q_3_SINGLE - in_quote;
      } else if (in_quote == Q_NONE || in_quote == Q_1_SINGLE) {
        in_quote = Q_1_SINGLE - in_quote;
      }
    } else if (c == 34) {
      // "
      if ((in_quote == Q_NONE || in_quote == Q_3_DOUBLE) && at(p, len, i + 1) == 34 && at(p, len, i + 2) == 34) {
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
