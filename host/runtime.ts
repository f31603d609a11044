/**
 * A running mpy-wasm core: memory laid out, qstrs and the VM initialised.
 * Wraps the core's exports with strings and exit codes; used by the CLI,
 * the REPL and the JS embedding API.
 */
import * as fs from "node:fs";
import { loadCore, CoreExports, LoadOptions } from "./loader";
import { BoardProfile, findBoard } from "./boards";

export interface RuntimeOptions extends LoadOptions {
  /**
   * A board profile (or its name, host/boards.ts): its heap, pystack and qstr
   * policy, unless heapBytes/pystackBytes say otherwise. Without one, a
   * firmware image uses the board it was built for, the plain core 1 MiB/256 KiB.
   */
  board?: string | BoardProfile;
  /** GC heap in bytes (fixed for the life of the runtime). */
  heapBytes?: number;
  /** Pystack (VM frames) in bytes. */
  pystackBytes?: number;
  /** Collect before every allocation (finds missing GC roots). */
  gcStress?: boolean;
}

/** Exit status bit for SystemExit (low 8 bits: its code), as the unix port's FORCED_EXIT. */
export const FORCED_EXIT = 0x100;

/** Parse input kinds, as MicroPython's mp_parse_input_kind_t. */
const INPUT_KIND = { single: 0, file: 1, eval: 2 } as const;

export class Runtime {
  private enc = new TextEncoder();

  private constructor(readonly core: CoreExports) {}

  static create(opts: RuntimeOptions = {}): Runtime {
    const core = loadCore(opts).exports;
    // a firmware image carries the board profile it was built for (ROM header words 32..44)
    const rom = (off: number) => core.mp_rom_header_word(off) >>> 0;
    const board = typeof opts.board === "string" ? findBoard(opts.board) : opts.board;
    core.mp_qstr_set_alloc(board?.qstrChunkInit ?? rom(40), board?.qstrEntriesInit ?? rom(44));
    const heap = opts.heapBytes ?? board?.heapBytes ?? (rom(32) || 1024 * 1024);
    const pystack = opts.pystackBytes ?? board?.pystackBytes ?? (rom(36) || 256 * 1024);
    const rc = core.mp_init(heap, pystack);
    if (rc === -2) throw new Error("mpy-wasm: the firmware image's ROM does not belong to this core");
    if (rc !== 0) throw new Error("mpy-wasm: cannot lay out memory for that heap size");
    if (opts.gcStress) core.mp_set_gc_stress(1);
    return new Runtime(core);
  }

  /** Copies bytes into a core-owned, GC-rooted transfer buffer; returns its address. */
  private put(bytes: Uint8Array): number {
    const p = this.core.mp_host_buffer(bytes.length + 1);
    if (p === 0) throw new Error("mpy-wasm: heap too small for the input");
    const m = new Uint8Array(this.core.memory.buffer);
    m.set(bytes, p);
    m[p + bytes.length] = 0;
    return p;
  }

  private withString<T>(s: string, f: (ptr: number, len: number) => T): T {
    const b = this.enc.encode(s);
    return f(this.put(b), b.length);
  }

  sysPathAppend(s: string): void {
    this.withString(s, (p, n) => this.core.mp_sys_path_append(p, n));
  }

  /** Replaces sys.path[0] (the script's directory), as the unix port. */
  sysPathSet0(s: string): void {
    this.withString(s, (p, n) => this.core.mp_sys_path_set0(p, n));
  }

  sysArgvAppend(s: string): void {
    this.withString(s, (p, n) => this.core.mp_sys_argv_append(p, n));
  }

  setOptLevel(n: number): void {
    this.core.mp_set_opt_level(n);
  }

  /** -v: the compiler prints bytecode of what it compiles (verbosity 2 and up). */
  setVerbose(n: number): void {
    this.core.mp_set_verbose_flag(n);
  }

  setCompileOnly(on: boolean): void {
    this.core.mp_set_compile_only(on ? 1 : 0);
  }

  /**
   * Runs source text; returns 0, 1 (uncaught exception, already printed to
   * stderr) or FORCED_EXIT | code for SystemExit.
   */
  execString(src: string, name: string, kind: keyof typeof INPUT_KIND, timeoutMs?: number): number {
    return this.execBytes(this.enc.encode(src), name, kind, timeoutMs);
  }

  /**
   * As execString on bytes. With `timeoutMs`, a program still running after
   * that long gets a KeyboardInterrupt (as Ctrl-C) at the VM's next poll.
   */
  execBytes(src: Uint8Array, name: string, kind: keyof typeof INPUT_KIND, timeoutMs?: number): number {
    const nb = this.enc.encode(name);
    // the name goes first: the source buffer must stay the rooted one
    const np = this.core.mp_host_name(nb.length);
    new Uint8Array(this.core.memory.buffer).set(nb, np);
    const sp = this.put(src);
    this.core.mp_exec_set_timeout(timeoutMs ?? 0);
    let status = this.core.mp_exec_src_start(sp, src.length, np, nb.length, INPUT_KIND[kind]);
    // the core returns every few ms (time slices, so V8 tiers the VM up)
    while (status === -1) status = this.core.mp_exec_src_resume();
    this.core.mp_exec_set_timeout(0);
    return status;
  }

  /** Runs a file (do_file): its text under its path as given, as the unix port names it in tracebacks. */
  execFile(file: string): number {
    return this.execBytes(fs.readFileSync(file), file, "file");
  }

  /**
   * Compiles source to a .mpy v6 image (mpy-cross); `sourceName` is the file
   * name stored in it. Returns the image, or null after the exception (e.g.
   * SyntaxError with its traceback) was printed to stderr.
   */
  crossCompile(src: Uint8Array, sourceName: string): Uint8Array | null {
    const nb = this.enc.encode(sourceName);
    const np = this.core.mp_host_name(nb.length);
    new Uint8Array(this.core.memory.buffer).set(nb, np);
    const sp = this.put(src);
    const n = this.core.mp_cross_compile(sp, src.length, np, nb.length);
    if (n < 0) return null;
    const out = this.core.mp_host_buffer_addr() + 4;
    return new Uint8Array(this.core.memory.buffer).slice(out, out + n);
  }

  /**
   * Runs the frozen file `name` ("boot.py", "main.py") of a firmware image in
   * __main__, as a board does at start-up (pyexec_frozen_module). Returns the
   * exit code as execString, or null if the image has no such frozen file.
   */
  execFrozen(name: string): number | null {
    let status = this.withString(name, (p, n) => this.core.mp_exec_frozen_start(p, n));
    if (status === -2) return null;
    while (status === -1) status = this.core.mp_exec_src_resume();
    return status;
  }

  /** Number of frozen modules in the image (0 for the plain core). */
  frozenCount(): number {
    return this.core.mp_frozen_count();
  }

  /**
   * Lays out `items` as the ROM of a firmware image whose ROM starts at
   * `base` (frozenbuild.ts). Returns the ROM bytes, or, after the exception
   * (e.g. ValueError 'incompatible .mpy file') was printed to stderr, the
   * path of the file that failed ("" when laying out failed).
   */
  freezeRom(base: number, items: { path: string; kind: "source" | "mpy"; data: Uint8Array }[]): Uint8Array | string {
    if (this.core.mp_freeze_begin(base) !== 0) return "";
    for (const it of items) {
      const nb = this.enc.encode(it.path);
      const np = this.core.mp_host_name(nb.length);
      new Uint8Array(this.core.memory.buffer).set(nb, np);
      const dp = this.put(it.data);
      if (this.core.mp_freeze_add(np, nb.length, it.kind === "source" ? 1 : 2, dp, it.data.length) !== 0) return it.path;
    }
    if (this.core.mp_freeze_end() !== 0) return "";
    const at = this.core.mp_host_buffer_addr();
    const view = new DataView(this.core.memory.buffer);
    const n = view.getUint32(at, true);
    return new Uint8Array(this.core.memory.buffer).slice(at + 4, at + 4 + n);
  }

  /** Imports a module as __main__ (-m). */
  execModule(name: string): number {
    return this.withString(name, (p, n) => this.core.mp_exec_module(p, n));
  }

  /** Runs sys.atexit's function (at the end of the program or REPL); returns its exit code. */
  runAtExit(): number {
    return this.core.mp_run_atexit();
  }

  /**
   * Whether `src` is an incomplete REPL input that needs more lines
   * (mp_repl_continue_with_input).
   */
  replContinue(src: string): boolean {
    return this.withString(src, (p, n) => this.core.mp_repl_continue_with_input(p, n)) !== 0;
  }

}
