/**
 * The `mpy-wasm` command, compatible with MicroPython's unix port
 * (ports/unix/main.c):
 *
 *   mpy-wasm [--firmware IMAGE] [-X opt] [-i] [-O[N]] [-v] [-c CMD | -m MODULE | FILE] [ARGS...]
 *
 * -X board=NAME (or --board NAME) takes the heap, pystack and qstr policy of
 * a board profile (host/boards.ts: unix, esp8266, esp32, rp2040, stm32 or
 * pyboard); -X heapsize= and -X pystack= still override.
 *
 * --firmware IMAGE boots a firmware image built by mpy-wasm-freeze instead of
 * the plain core: its heap and pystack are those of the board it was built
 * for (unless -X sets them), and its frozen boot.py then main.py run first,
 * as on a board; without a program, the REPL follows on a terminal (a frozen
 * main.py's status ends the run otherwise).
 *
 * -X heapsize=N[w][k|m] sets the GC heap (default 1 MiB; it never grows),
 * -X emit=bytecode the default emitter, -X gcstress collects before every
 * allocation (our test mode), -X pystack=N the pystack size. sys.argv,
 * sys.path (script dir or "", then MICROPYPATH entries), __file__, the exit
 * status (1 after an uncaught exception, SystemExit's code) and traceback
 * output on stderr follow the unix port. Without a program, a terminal gets
 * the REPL and a pipe is executed as a file.
 *
 * Options are parsed by hand: the unix port's grammar (options end at -c/-m
 * or the first file name, everything after belongs to sys.argv) is not what
 * option-parsing libraries model.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { Runtime } from "../runtime";
import { runRepl } from "./repl";
import { parseSize } from "./size";
import { findBoard, BoardProfile } from "../boards";

const DEFAULT_HEAP = 1024 * 1024;
const DEFAULT_PATH = ".frozen:~/.micropython/lib:/usr/lib/micropython";

function invalidArgs(): number {
  process.stderr.write("Invalid command line arguments. Use -h option for help.\n");
  return 1;
}

function usage(prog: string): void {
  process.stdout.write(
    `usage: ${prog} [<opts>] [-X <implopt>] [-c <command> | -m <module> | <filename>]\n` +
      "Options:\n" +
      "-h : print this help message\n" +
      "-i : enable inspection via REPL after running command/module/file\n" +
      "-v : verbose (trace various operations); can be multiple\n" +
      "-O[N] : apply bytecode optimizations of level N\n" +
      "\n" +
      "Implementation specific options (-X):\n" +
      "  compile-only                 -- parse and compile only\n" +
      "  emit=bytecode                -- set the default code emitter\n" +
      "  heapsize=<n>[w][K|M] -- set the heap size for the GC (default 1048576)\n" +
      "  pystack=<n>[K|M]     -- set the size of the pystack (default 262144)\n" +
      "  board=<name>         -- heap, pystack and qstr policy of a board (unix, esp8266, esp32, rp2040, stm32)\n" +
      "  gcstress                     -- collect before every allocation\n",
  );
}

interface Options {
  heap: number | undefined;
  pystack: number | undefined;
  firmware?: string;
  board?: string;
  gcStress: boolean;
  compileOnly: boolean;
  optLevel: number;
  verbose: number;
}

async function main(argv: string[]): Promise<number> {
  const prog = "mpy-wasm";
  const opts: Options = {
    heap: undefined,
    pystack: undefined,
    gcStress: false,
    compileOnly: false,
    optLevel: 0,
    verbose: 0,
  };
  // pre-pass: implementation options (pre_process_options in main.c)
  for (let a = 0; a < argv.length; a++) {
    const arg = argv[a];
    if (arg[0] !== "-") break;
    if (arg === "-c" || arg === "-m") break;
    if (arg === "-h") {
      usage(prog);
      return 0;
    }
    if (arg === "--firmware") {
      if (argv[a + 1] === undefined) return invalidArgs();
      opts.firmware = argv[++a];
      continue;
    }
    if (arg === "--board") {
      if (argv[a + 1] === undefined) return invalidArgs();
      opts.board = argv[++a];
      continue;
    }
    if (arg === "-X") {
      const x = argv[a + 1];
      if (x === undefined) return invalidArgs();
      if (x === "compile-only") opts.compileOnly = true;
      else if (x === "emit=bytecode") {
        /* the only emitter so far */
      } else if (x === "gcstress") opts.gcStress = true;
      else if (x.startsWith("heapsize=")) {
        const n = parseSize(x.slice(9));
        if (n === null || n < 16 * 1024) return invalidArgs();
        opts.heap = n;
      } else if (x.startsWith("board=")) {
        opts.board = x.slice(6);
      } else if (x.startsWith("pystack=")) {
        const n = parseSize(x.slice(8));
        if (n === null || n < 4096) return invalidArgs();
        opts.pystack = n;
      } else return invalidArgs();
      a++;
    }
  }

  if (opts.firmware !== undefined && !fs.existsSync(opts.firmware)) {
    process.stderr.write(`${prog}: can't open firmware '${opts.firmware}': No such file\n`);
    return 1;
  }
  let board: BoardProfile | undefined;
  if (opts.board !== undefined) {
    try {
      board = findBoard(opts.board);
    } catch (e) {
      process.stderr.write(`${prog}: ${(e as Error).message}\n`);
      return 1;
    }
  }
  const rt = Runtime.create({
    wasm: opts.firmware,
    board,
    heapBytes: opts.heap ?? (opts.firmware === undefined && board === undefined ? DEFAULT_HEAP : undefined),
    pystackBytes: opts.pystack,
    gcStress: opts.gcStress,
  });
  rt.setCompileOnly(opts.compileOnly);

  // sys.path: "" then MICROPYPATH (or the default), "~/" expanded
  rt.sysPathAppend("");
  let mpath = process.env.MICROPYPATH ?? DEFAULT_PATH;
  if (mpath.startsWith(":")) mpath = mpath.slice(1);
  if (mpath.length > 0) {
    for (const entry of mpath.split(":")) {
      const home = process.env.HOME;
      rt.sysPathAppend(entry.startsWith("~/") && home ? home + entry.slice(1) : entry);
    }
  }

  const NOTHING = -2;
  let ret = NOTHING;
  let inspect = false;
  let frozenMain = NOTHING;
  if (opts.firmware !== undefined) {
    // as a board's start-up (e.g. ports/rp2/main.c): boot.py, then main.py
    rt.execFrozen("boot.py");
    frozenMain = rt.execFrozen("main.py") ?? NOTHING;
  }
  for (let a = 0; a < argv.length; a++) {
    const arg = argv[a];
    if (arg[0] === "-") {
      if (arg === "-i") inspect = true;
      else if (arg === "--firmware" || arg === "--board") a++;
      else if (arg === "-c") {
        if (a + 1 >= argv.length) return invalidArgs();
        rt.sysArgvAppend("-c");
        for (const x of argv.slice(a + 2)) rt.sysArgvAppend(x);
        ret = rt.execString(argv[a + 1], "<stdin>", "file");
        break;
      } else if (arg === "-m") {
        if (a + 1 >= argv.length) return invalidArgs();
        for (const x of argv.slice(a + 1)) rt.sysArgvAppend(x);
        ret = rt.execModule(argv[a + 1]);
        break;
      } else if (arg === "-X") a++;
      else if (arg === "-v") rt.setVerbose(++opts.verbose);
      else if (arg.startsWith("-O")) {
        const d = arg.slice(2);
        opts.optLevel = /^\d$/.test(d) ? Number(d) : /^O*$/.test(d) ? d.length + 1 : 0;
        rt.setOptLevel(opts.optLevel);
      } else return invalidArgs();
    } else {
      let real: string;
      try {
        real = fs.realpathSync(arg);
        fs.accessSync(real, fs.constants.R_OK);
      } catch (e) {
        const err = e as NodeJS.ErrnoException;
        const errno = err.code === "ENOENT" ? 2 : err.code === "EACCES" ? 13 : 5;
        const text = err.code === "ENOENT" ? "No such file or directory" : err.code === "EACCES" ? "Permission denied" : "I/O error";
        process.stderr.write(`${prog}: can't open file '${arg}': [Errno ${errno}] ${text}\n`);
        ret = 2;
        break;
      }
      rt.sysPathSet0(path.dirname(real));
      for (const x of argv.slice(a)) rt.sysArgvAppend(x);
      ret = rt.execFile(arg);
      break;
    }
  }

  if (process.env.MICROPYINSPECT) inspect = true;
  if (ret === NOTHING && frozenMain !== NOTHING && !process.stdin.isTTY && !inspect) ret = frozenMain;
  if (ret === NOTHING || inspect) {
    if (process.stdin.isTTY || inspect) {
      ret = await runRepl(rt);
    } else {
      ret = rt.execBytes(fs.readFileSync(0), "<stdin>", "file");
    }
  }
  // sys.atexit's function runs last; its failure decides the status only when
  // the program itself succeeded (ports/unix/main.c)
  const atexit = rt.runAtExit();
  if (ret === 0 && atexit !== 0) ret = atexit;
  return ret & 0xff;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`mpy-wasm: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
