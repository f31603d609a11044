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
@inline export const MPS_sched_queue_base: usize = 19; // 8 words (19..26): scheduler queue (fun, arg) x 4
@inline export const MPS_stop_iteration_arg: usize = 27; // value of the last optimised StopIteration
@inline export const MPS_builtins_override: usize = 28; // dict: names added to builtins at run time, or 0
@inline export const MPS_vm_exec_fun: usize = 29; // function run by mp_exec_start (sliced execution)
@inline export const MPS_kbd_exception: usize = 30; // the KeyboardInterrupt instance raised on Ctrl-C
@inline export const MPS_vm_exec_result: usize = 31; // result/exception of the last sliced execution
@inline export const MPS_host_buffer: usize = 32; // input buffer the host copies source/paths into
@inline export const MPS_host_name: usize = 33; // second host buffer (a source's name)
@inline export const MPS_sys_globals: usize = 34; // dict: the sys module's globals (modsys.ts)
@inline export const MPS_sys_exitfunc: usize = 35; // sys.atexit callback, None if unset
@inline export const MPS_handled_exception: usize = 36; // exception an except clause is handling (sys.exc_info), 0 if none: the VM sets it on entering a handler, clears it on leaving
@inline export const MPS_vfs_cur: usize = 37; // current VFS mount (extmod/vfs.ts): 0 the root directory, else a mount entry
@inline export const MPS_freeze_list: usize = 39; // list of files added to a firmware build (frozenbuild.ts), 0 if none
@inline export const MPS_vfs_mount_table: usize = 38; // first entry of the VFS mount table (extmod/vfs.ts), 0 if none
// Words 92..127 hold the emergency exception (objexcept.ts), inside the root
// block so the objects it refers to stay alive: an exception object (4 words)
// and a buffer for its traceback, args tuple and message when the heap is full
// or locked (MicroPython's mp_emergency_exception_obj and emergency buffer).
// New slots must stay below 92.
@inline export const MPS_emg_exc_obj: usize = 92; // 4 words
@inline export const MPS_emg_exc_buf: usize = 96; // 32 words, to the end of the block
// 39.. free for new slots

/** Reads root slot `i`. */
@inline export function mp_state_get(i: usize): usize {
  return load<usize>(MP_STATE + (i << 2));
}

/** Writes root slot `i`. */
@inline export function mp_state_set(i: usize, v: usize): void {
  store<usize>(MP_STATE + (i << 2), v);
}

/**
 * Optimisation level (micropython.opt_level(), MP_STATE_VM(mp_optimise_value)):
 * 0 keeps asserts and __debug__ is True; the lexer and compiler read it. Not a
 * heap object, so an ordinary global.
 */
export let mp_optimise_value: u32 = 0;

/** Sets the optimisation level (micropython.opt_level(n), -O). */
export function mp_set_optimise_value(v: u32): void {
  mp_optimise_value = v;
}

/**
 * Verbosity (-v on the command line, MP_STATE_VM(mp_verbose_flag)): at 2 or
 * more the compiler prints each compiled raw code (showbc.ts).
 */
export let mp_verbose_flag: u32 = 0;

/** Sets the verbosity (-v, -v -v). */
export function mp_set_verbose_flag(v: u32): void {
  mp_verbose_flag = v;
}
