// Build options of the core, as MicroPython's mpconfig.h. Targets in
// asconfig.json may override them with `--use NAME=value`.

/** Bytes per GC block: 4 words of 32 bits, as on a 32-bit board (MicroPython's default). */
@inline export const MICROPY_BYTES_PER_GC_BLOCK: usize = 16;
/** Entries of the GC mark stack; on overflow the heap is rescanned (gc.c). */
@inline export const MICROPY_ALLOC_GC_STACK_SIZE: i32 = 64;
/** First chunk for interned qstr bytes (MicroPython default). */
@inline export const MICROPY_ALLOC_QSTR_CHUNK_INIT: usize = 128;
/** First size of a dynamic qstr pool (MicroPython default). */
@inline export const MICROPY_ALLOC_QSTR_ENTRIES_INIT: usize = 10;
/** Strings at most this long are interned by the parser. */
@inline export const MICROPY_ALLOC_PARSE_INTERN_STRING_LEN: usize = 10;
/** Bytes of the static arena (built-in type method tables, static function objects). */
@inline export const MICROPY_STATIC_ARENA_SIZE: usize = 512 * 1024;
/** Bytes of the root stack (temporaries held across allocation). */
@inline export const MICROPY_ROOT_STACK_SIZE: usize = 128 * 1024;
/** Default pystack bytes (VM frames); the host may pass another size to mp_init. */
@inline export const MICROPY_PYSTACK_SIZE_DEFAULT: usize = 256 * 1024;
/** Max nesting of VM re-entry from built-ins (calls from AS back into Python). */
@inline export const MICROPY_NLR_DEPTH_MAX: i32 = 200;
/** Support for arbitrary-precision ints (MICROPY_LONGINT_IMPL_MPZ). */
@inline export const MICROPY_LONGINT_IMPL_MPZ: bool = true;
/** Floats are IEEE doubles (MICROPY_FLOAT_IMPL_DOUBLE). */
@inline export const MICROPY_FLOAT_IMPL_DOUBLE: bool = true;
/** Qstr hash bytes (2) and length bytes (1), as MicroPython's defaults for boards. */
@inline export const MICROPY_QSTR_BYTES_IN_HASH: usize = 2;
@inline export const MICROPY_QSTR_BYTES_IN_LEN: usize = 1;
/** Enable the gc module and friends. */
@inline export const MICROPY_PY_GC: bool = true;
