// Operator numbering, as MicroPython's runtime0.h (bytecode encodes these,
// so the values are part of the .mpy format).

@inline export const MP_UNARY_OP_POSITIVE: u32 = 0;
@inline export const MP_UNARY_OP_NEGATIVE: u32 = 1;
@inline export const MP_UNARY_OP_INVERT: u32 = 2;
@inline export const MP_UNARY_OP_NOT: u32 = 3;
@inline export const MP_UNARY_OP_BOOL: u32 = 4;
@inline export const MP_UNARY_OP_LEN: u32 = 5;
@inline export const MP_UNARY_OP_HASH: u32 = 6;
@inline export const MP_UNARY_OP_ABS: u32 = 7;
@inline export const MP_UNARY_OP_INT_MAYBE: u32 = 8;
@inline export const MP_UNARY_OP_FLOAT_MAYBE: u32 = 9;
@inline export const MP_UNARY_OP_COMPLEX_MAYBE: u32 = 10;
@inline export const MP_UNARY_OP_SIZEOF: u32 = 11;
/** Unary ops that have a bytecode (POSITIVE..NOT). */
@inline export const MP_UNARY_OP_NUM_BYTECODE: u32 = 4;

@inline export const MP_BINARY_OP_LESS: u32 = 0;
@inline export const MP_BINARY_OP_MORE: u32 = 1;
@inline export const MP_BINARY_OP_EQUAL: u32 = 2;
@inline export const MP_BINARY_OP_LESS_EQUAL: u32 = 3;
@inline export const MP_BINARY_OP_MORE_EQUAL: u32 = 4;
@inline export const MP_BINARY_OP_NOT_EQUAL: u32 = 5;
@inline export const MP_BINARY_OP_IN: u32 = 6;
@inline export const MP_BINARY_OP_IS: u32 = 7;
@inline export const MP_BINARY_OP_EXCEPTION_MATCH: u32 = 8;
@inline export const MP_BINARY_OP_INPLACE_OR: u32 = 9;
@inline export const MP_BINARY_OP_INPLACE_XOR: u32 = 10;
@inline export const MP_BINARY_OP_INPLACE_AND: u32 = 11;
@inline export const MP_BINARY_OP_INPLACE_LSHIFT: u32 = 12;
@inline export const MP_BINARY_OP_INPLACE_RSHIFT: u32 = 13;
@inline export const MP_BINARY_OP_INPLACE_ADD: u32 = 14;
@inline export const MP_BINARY_OP_INPLACE_SUBTRACT: u32 = 15;
@inline export const MP_BINARY_OP_INPLACE_MULTIPLY: u32 = 16;
@inline export const MP_BINARY_OP_INPLACE_MAT_MULTIPLY: u32 = 17;
@inline export const MP_BINARY_OP_INPLACE_FLOOR_DIVIDE: u32 = 18;
@inline export const MP_BINARY_OP_INPLACE_TRUE_DIVIDE: u32 = 19;
@inline export const MP_BINARY_OP_INPLACE_MODULO: u32 = 20;
@inline export const MP_BINARY_OP_INPLACE_POWER: u32 = 21;
@inline export const MP_BINARY_OP_OR: u32 = 22;
@inline export const MP_BINARY_OP_XOR: u32 = 23;
@inline export const MP_BINARY_OP_AND: u32 = 24;
@inline export const MP_BINARY_OP_LSHIFT: u32 = 25;
@inline export const MP_BINARY_OP_RSHIFT: u32 = 26;
@inline export const MP_BINARY_OP_ADD: u32 = 27;
@inline export const MP_BINARY_OP_SUBTRACT: u32 = 28;
@inline export const MP_BINARY_OP_MULTIPLY: u32 = 29;
@inline export const MP_BINARY_OP_MAT_MULTIPLY: u32 = 30;
@inline export const MP_BINARY_OP_FLOOR_DIVIDE: u32 = 31;
@inline export const MP_BINARY_OP_TRUE_DIVIDE: u32 = 32;
@inline export const MP_BINARY_OP_MODULO: u32 = 33;
@inline export const MP_BINARY_OP_POWER: u32 = 34;
/** Binary ops that have a bytecode (LESS..POWER). */
@inline export const MP_BINARY_OP_NUM_BYTECODE: u32 = 35;
@inline export const MP_BINARY_OP_DIVMOD: u32 = 35;
@inline export const MP_BINARY_OP_CONTAINS: u32 = 36;
@inline export const MP_BINARY_OP_REVERSE_OR: u32 = 37;
@inline export const MP_BINARY_OP_REVERSE_XOR: u32 = 38;
@inline export const MP_BINARY_OP_REVERSE_AND: u32 = 39;
@inline export const MP_BINARY_OP_REVERSE_LSHIFT: u32 = 40;
@inline export const MP_BINARY_OP_REVERSE_RSHIFT: u32 = 41;
@inline export const MP_BINARY_OP_REVERSE_ADD: u32 = 42;
@inline export const MP_BINARY_OP_REVERSE_SUBTRACT: u32 = 43;
@inline export const MP_BINARY_OP_REVERSE_MULTIPLY: u32 = 44;
@inline export const MP_BINARY_OP_REVERSE_MAT_MULTIPLY: u32 = 45;
@inline export const MP_BINARY_OP_REVERSE_FLOOR_DIVIDE: u32 = 46;
@inline export const MP_BINARY_OP_REVERSE_TRUE_DIVIDE: u32 = 47;
@inline export const MP_BINARY_OP_REVERSE_MODULO: u32 = 48;
@inline export const MP_BINARY_OP_REVERSE_POWER: u32 = 49;
@inline export const MP_BINARY_OP_NOT_IN: u32 = 50;
@inline export const MP_BINARY_OP_IS_NOT: u32 = 51;

// Scope flags (runtime0.h); part of the bytecode prelude signature.
@inline export const MP_SCOPE_FLAG_ALL_SIG: u32 = 0x0f;
@inline export const MP_SCOPE_FLAG_GENERATOR: u32 = 0x01;
@inline export const MP_SCOPE_FLAG_VARKEYWORDS: u32 = 0x02;
@inline export const MP_SCOPE_FLAG_VARARGS: u32 = 0x04;
@inline export const MP_SCOPE_FLAG_DEFKWARGS: u32 = 0x08;
@inline export const MP_SCOPE_FLAG_REFGLOBALS: u32 = 0x10;
@inline export const MP_SCOPE_FLAG_HASCONSTS: u32 = 0x20;
