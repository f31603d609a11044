/**
 * Loads the core wasm module and instantiates it with the host imports. The
 * only file that reads `instance.exports`.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { makeHalImports, HalContext } from "./mphal";

export interface CoreExports {
  memory: WebAssembly.Memory;
  _start(): void;
  mp_init(heapBytes: number, pystackBytes: number): number;
  mp_set_gc_stress(on: number): void;
  mp_host_buffer(n: number): number;
  mp_host_name(n: number): number;
  mp_sys_path_append(ptr: number, len: number): void;
  mp_sys_path_set0(ptr: number, len: number): void;
  mp_sys_argv_append(ptr: number, len: number): void;
  mp_set_opt_level(n: number): void;
  mp_set_compile_only(on: number): void;
  mp_exec_src_start(src: number, srcLen: number, name: number, nameLen: number, kind: number): number;
  mp_exec_src_resume(): number;
  mp_keyboard_interrupt(): void;
  mp_exec_set_timeout(ms: number): void;
  mp_exec_module(name: number, len: number): number;
  mp_repl_continue_with_input(src: number, len: number): number;
  mp_run_atexit(): number;
  mp_cross_compile(src: number, srcLen: number, name: number, nameLen: number): number;
  mp_host_buffer_addr(): number;
  /** The ROM address a firmware image sets (0 in the plain core). */
  mp_rom_base: WebAssembly.Global;
  mp_rom_default_base(): number;
  mp_rom_header_word(off: number): number;
  mp_frozen_count(): number;
  mp_qstr_set_alloc(chunkInit: number, entriesInit: number): void;
  mp_freeze_begin(base: number): number;
  mp_freeze_add(path: number, pathLen: number, kind: number, data: number, len: number): number;
  mp_freeze_end(): number;
  mp_exec_frozen_start(name: number, len: number): number;
  mp_gc_peak_reset(): void;
  mp_set_verbose_flag(n: number): void;
  mp_set_default_emit_opt(opt: number): void;
}

export interface LoadOptions {
  /** Use the debug build (names in stack traces). */
  debug?: boolean;
  /** The wasm to run instead of the built core: a firmware image (path or bytes). */
  wasm?: string | Uint8Array;
  write?(fd: number, bytes: Uint8Array): void;
  readByte?(): number;
}

/**
 * Path of the wasm to run, beside the bundled host (build/): the standard
 * firmware image (the core with lib/manifest.py frozen: asyncio, as
 * MicroPython's ports freeze it) when the build made one, else the plain
 * core; the debug core with `debug`.
 */
export function wasmPath(debug = false): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  if (debug) return path.join(here, "mpy-debug.wasm");
  const standard = path.join(here, "mpy-standard.wasm");
  return fs.existsSync(standard) ? standard : path.join(here, "mpy.wasm");
}

const stdinBuf = Buffer.alloc(4096);
let stdinLen = 0;
let stdinPos = 0;

/** One byte of the process's stdin, read synchronously (as the unix port's read(0)); -1 at end. */
function stdinByte(): number {
  if (stdinPos >= stdinLen) {
    for (;;) {
      try {
        stdinLen = fs.readSync(0, stdinBuf, 0, stdinBuf.length, null);
        break;
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === "EAGAIN") continue;
        return -1;
      }
    }
    stdinPos = 0;
    if (stdinLen <= 0) return -1;
  }
  return stdinBuf[stdinPos++];
}

export class Core {
  constructor(
    readonly exports: CoreExports,
    readonly memory: WebAssembly.Memory,
  ) {}
}

export function loadCore(opts: LoadOptions = {}): Core {
  const ctx: HalContext = {
    memory: null,
    write: opts.write ?? ((fd, b) => fs.writeSync(fd, b)),
    readByte: opts.readByte ?? stdinByte,
  };
  const bytes =
    opts.wasm instanceof Uint8Array ? opts.wasm : fs.readFileSync(opts.wasm ?? wasmPath(opts.debug));
  const mod = new WebAssembly.Module(bytes);
  const instance = new WebAssembly.Instance(mod, {
    mphal: makeHalImports(ctx),
    env: {
      abort(msg: number, file: number, line: number, col: number): never {
        throw new Error(`mpy-wasm core abort at ${line}:${col} (an internal bug)`);
      },
    },
  });
  const ex = instance.exports as unknown as CoreExports;
  ctx.memory = ex.memory;
  ex._start();
  return new Core(ex, ex.memory);
}
