// Bytecode opcodes, as MicroPython's bc0.h. The values are part of the .mpy
// v6 format: do not change them.
//
// An opcode is one byte, optionally followed by an argument whose format is
// given by the opcode's high nibble (MP_BC_FORMAT):
//   BYTE      no argument (or, for MP_BC_MASK_EXTRA_BYTE opcodes, one more byte)
//   QSTR      var-uint: index into the module's qstr table
//   VAR_UINT  var-uint (7 bits per byte, big-endian, high bit = more follows)
//   OFFSET    relative jump: 1 byte (< 0x80) or 2 bytes (lo | 0x80, hi), signed ones biased
//             by 0x40 / 0x4000, measured from the end of the instruction

import { MP_UNARY_OP_NUM_BYTECODE, MP_BINARY_OP_NUM_BYTECODE } from "./runtime0";

@inline export const MP_BC_MASK_FORMAT: u32 = 0xf0;
@inline export const MP_BC_MASK_EXTRA_BYTE: u32 = 0x9e;

@inline export const MP_BC_FORMAT_BYTE: u32 = 0;
@inline export const MP_BC_FORMAT_QSTR: u32 = 1;
@inline export const MP_BC_FORMAT_VAR_UINT: u32 = 2;
@inline export const MP_BC_FORMAT_OFFSET: u32 = 3;

/** Argument format of opcode `op` (one of MP_BC_FORMAT_*). */
@inline export function MP_BC_FORMAT(op: u32): u32 {
  return (0x000003a4 >> (2 * (op >> 4))) & 3;
}

@inline export const MP_BC_BASE_RESERVED: u32 = 0x00;
@inline export const MP_BC_BASE_QSTR_O: u32 = 0x10;
@inline export const MP_BC_BASE_VINT_E: u32 = 0x20;
@inline export const MP_BC_BASE_VINT_O: u32 = 0x30;
@inline export const MP_BC_BASE_JUMP_E: u32 = 0x40;
@inline export const MP_BC_BASE_BYTE_O: u32 = 0x50;
@inline export const MP_BC_BASE_BYTE_E: u32 = 0x60;
@inline export const MP_BC_LOAD_CONST_SMALL_INT_MULTI: u32 = 0x70;
@inline export const MP_BC_LOAD_FAST_MULTI: u32 = 0xb0;
@inline export const MP_BC_STORE_FAST_MULTI: u32 = 0xc0;
@inline export const MP_BC_UNARY_OP_MULTI: u32 = 0xd0;
@inline export const MP_BC_BINARY_OP_MULTI: u32 = 0xd7;

@inline export const MP_BC_LOAD_CONST_SMALL_INT_MULTI_NUM: u32 = 64;
@inline export const MP_BC_LOAD_CONST_SMALL_INT_MULTI_EXCESS: u32 = 16;
@inline export const MP_BC_LOAD_FAST_MULTI_NUM: u32 = 16;
@inline export const MP_BC_STORE_FAST_MULTI_NUM: u32 = 16;
@inline export const MP_BC_UNARY_OP_MULTI_NUM: u32 = MP_UNARY_OP_NUM_BYTECODE;
@inline export const MP_BC_BINARY_OP_MULTI_NUM: u32 = MP_BINARY_OP_NUM_BYTECODE;

@inline export const MP_BC_LOAD_CONST_FALSE: u32 = 0x50;
@inline export const MP_BC_LOAD_CONST_NONE: u32 = 0x51;
@inline export const MP_BC_LOAD_CONST_TRUE: u32 = 0x52;
@inline export const MP_BC_LOAD_CONST_SMALL_INT: u32 = 0x22; // signed var-int
@inline export const MP_BC_LOAD_CONST_STRING: u32 = 0x10; // qstr
@inline export const MP_BC_LOAD_CONST_OBJ: u32 = 0x23; // index into the obj table
@inline export const MP_BC_LOAD_NULL: u32 = 0x53;

@inline export const MP_BC_LOAD_FAST_N: u32 = 0x24; // uint
@inline export const MP_BC_LOAD_DEREF: u32 = 0x25; // uint
@inline export const MP_BC_LOAD_NAME: u32 = 0x11; // qstr
@inline export const MP_BC_LOAD_GLOBAL: u32 = 0x12; // qstr
@inline export const MP_BC_LOAD_ATTR: u32 = 0x13; // qstr
@inline export const MP_BC_LOAD_METHOD: u32 = 0x14; // qstr
@inline export const MP_BC_LOAD_SUPER_METHOD: u32 = 0x15; // qstr
@inline export const MP_BC_LOAD_BUILD_CLASS: u32 = 0x54;
@inline export const MP_BC_LOAD_SUBSCR: u32 = 0x55;

@inline export const MP_BC_STORE_FAST_N: u32 = 0x26; // uint
@inline export const MP_BC_STORE_DEREF: u32 = 0x27; // uint
@inline export const MP_BC_STORE_NAME: u32 = 0x16; // qstr
@inline export const MP_BC_STORE_GLOBAL: u32 = 0x17; // qstr
@inline export const MP_BC_STORE_ATTR: u32 = 0x18; // qstr
@inline export const MP_BC_STORE_SUBSCR: u32 = 0x56;

@inline export const MP_BC_DELETE_FAST: u32 = 0x28; // uint
@inline export const MP_BC_DELETE_DEREF: u32 = 0x29; // uint
@inline export const MP_BC_DELETE_NAME: u32 = 0x19; // qstr
@inline export const MP_BC_DELETE_GLOBAL: u32 = 0x1a; // qstr

@inline export const MP_BC_DUP_TOP: u32 = 0x57;
@inline export const MP_BC_DUP_TOP_TWO: u32 = 0x58;
@inline export const MP_BC_POP_TOP: u32 = 0x59;
@inline export const MP_BC_ROT_TWO: u32 = 0x5a;
@inline export const MP_BC_ROT_THREE: u32 = 0x5b;

@inline export const MP_BC_UNWIND_JUMP: u32 = 0x40; // signed offset, then a byte
@inline export const MP_BC_JUMP: u32 = 0x42; // signed offset
@inline export const MP_BC_POP_JUMP_IF_TRUE: u32 = 0x43; // signed offset
@inline export const MP_BC_POP_JUMP_IF_FALSE: u32 = 0x44; // signed offset
@inline export const MP_BC_JUMP_IF_TRUE_OR_POP: u32 = 0x45; // unsigned offset
@inline export const MP_BC_JUMP_IF_FALSE_OR_POP: u32 = 0x46; // unsigned offset
@inline export const MP_BC_SETUP_WITH: u32 = 0x47; // unsigned offset
@inline export const MP_BC_SETUP_EXCEPT: u32 = 0x48; // unsigned offset
@inline export const MP_BC_SETUP_FINALLY: u32 = 0x49; // unsigned offset
@inline export const MP_BC_POP_EXCEPT_JUMP: u32 = 0x4a; // unsigned offset
@inline export const MP_BC_FOR_ITER: u32 = 0x4b; // unsigned offset
@inline export const MP_BC_WITH_CLEANUP: u32 = 0x5c;
@inline export const MP_BC_END_FINALLY: u32 = 0x5d;
@inline export const MP_BC_GET_ITER: u32 = 0x5e;
@inline export const MP_BC_GET_ITER_STACK: u32 = 0x5f;

@inline export const MP_BC_BUILD_TUPLE: u32 = 0x2a; // uint
@inline export const MP_BC_BUILD_LIST: u32 = 0x2b; // uint
@inline export const MP_BC_BUILD_MAP: u32 = 0x2c; // uint
@inline export const MP_BC_STORE_MAP: u32 = 0x62;
@inline export const MP_BC_BUILD_SET: u32 = 0x2d; // uint
@inline export const MP_BC_BUILD_SLICE: u32 = 0x2e; // uint
@inline export const MP_BC_STORE_COMP: u32 = 0x2f; // uint
@inline export const MP_BC_UNPACK_SEQUENCE: u32 = 0x30; // uint
@inline export const MP_BC_UNPACK_EX: u32 = 0x31; // uint

@inline export const MP_BC_RETURN_VALUE: u32 = 0x63;
@inline export const MP_BC_RAISE_LAST: u32 = 0x64;
@inline export const MP_BC_RAISE_OBJ: u32 = 0x65;
@inline export const MP_BC_RAISE_FROM: u32 = 0x66;
@inline export const MP_BC_YIELD_VALUE: u32 = 0x67;
@inline export const MP_BC_YIELD_FROM: u32 = 0x68;

@inline export const MP_BC_MAKE_FUNCTION: u32 = 0x32; // uint: child index
@inline export const MP_BC_MAKE_FUNCTION_DEFARGS: u32 = 0x33; // uint
@inline export const MP_BC_MAKE_CLOSURE: u32 = 0x20; // uint; extra byte (n_closed_over)
@inline export const MP_BC_MAKE_CLOSURE_DEFARGS: u32 = 0x21; // uint; extra byte
@inline export const MP_BC_CALL_FUNCTION: u32 = 0x34; // uint: n_pos | n_kw << 8
@inline export const MP_BC_CALL_FUNCTION_VAR_KW: u32 = 0x35; // uint
@inline export const MP_BC_CALL_METHOD: u32 = 0x36; // uint
@inline export const MP_BC_CALL_METHOD_VAR_KW: u32 = 0x37; // uint

@inline export const MP_BC_IMPORT_NAME: u32 = 0x1b; // qstr
@inline export const MP_BC_IMPORT_FROM: u32 = 0x1c; // qstr
@inline export const MP_BC_IMPORT_STAR: u32 = 0x69;
