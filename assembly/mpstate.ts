// The VM's global state that holds heap objects, as MicroPython's mp_state_ctx.
// Every word here is a GC root: the collector scans the whole block. No
// AssemblyScript global may hold a heap object; put it here instead.
//
//   MP_STATE ──► +0  word 0   cur_exception
//                +4  word 1   loaded_modules (sys.modules dict)
//                ...          one word per slot below
//                +4*N         (MP_STATE_ROOT_WORDS words in all)

/** Number of root words in the state block. */
@inline export const MP_STATE_ROOT_WORDS: usize = 128;

/** Base address of the root words (static data, zero at start). */
export const MP_STATE: usize = memory.data(<i32>(MP_STATE_ROOT_WORDS * 4), 16);

// Slot indices. Append new slots at the end; never reuse an index.
@inline export const MPS_cur_exception: usize = 0; // pending exception object, 0 if none
@inline export const MPS_loaded_modules: usize = 1; // dict: sys.modules
@inline export const MPS_dict_main: usize = 2; // dict: __main__ globals
@inline export const MPS_sys_path: usize = 3; // list: sys.path
@inline export const MPS_sys_argv: usize = 4; // list: sys.argv
@inline export const MPS_qstr_last_pool: usize = 5; // newest dynamic qstr pool
@inline export const MPS_qstr_last_chunk: usize = 6; // current chunk for qstr bytes
@inline export const MPS_dict_globals: usize = 7; // dict: globals of the running code
@inline export const MPS_dict_locals: usize = 8; // dict: locals of the running code
@inline export const MPS_pending_exception: usize = 9; // exception to raise at next VM poll
@inline export const MPS_sys_stdin: usize = 10;
@inline export const MPS_sys_stdout: usize = 11;
@inline export const MPS_sys_stderr: usize = 12;
@inline export const MPS_sys_exitcode: usize = 13;
@inline export const MPS_parse_tree: usize = 14; // parse tree being compiled
@inline export const MPS_lexer: usize = 15; // lexer being used by the parser
@inline export const MPS_repl_last: usize = 16; // `_` in the REPL
@inline export const MPS_sched_queue: usize = 17; // scheduled callbacks
@inline export const MPS_gc_stress_spare: usize = 18;
// 19.. free for new slots

/** Reads root slot `i`. */
@inline export function mp_state_get(i: usize): usize {
  return load<usize>(MP_STATE + (i << 2));
}

/** Writes root slot `i`. */
@inline export function mp_state_set(i: usize, v: usize): void {
  store<usize>(MP_STATE + (i << 2), v);
}
