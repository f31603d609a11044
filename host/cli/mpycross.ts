/**
 * The `mpy-wasm-cross` command, compatible with MicroPython's mpy-cross
 * (mpy-cross/main.c): compiles a Python source file to a .mpy v6 file that
 * MicroPython and mpy-wasm load.
 *
 *   mpy-wasm-cross [-o OUT] [-s NAME] [-v] [-O[N]] [-march=ARCH]
 *                  [-msmall-int-bits=31] [-X opt] [--version] [--] INPUT
 *
 * INPUT "-" reads stdin (the .mpy then goes to stdout unless -o is given);
 * otherwise the output defaults to INPUT with ".py" replaced by ".mpy". -s sets
 * the source name stored in the file (default: INPUT as given). -O sets the
 * optimisation level (assert and __debug__, as MicroPython). Exit status 0, or
 * 1 after an error (a SyntaxError prints MicroPython's traceback).
 *
 * The compiler is the core's own (the same one that runs programs), so a .mpy
 * from here is what `import` compiles in memory. Only bytecode is emitted:
 * -X emit=native/viper and -march are accepted for MicroPython's command lines
 * but native code waits for the wasm32 native emitter.
 *
 * Options are parsed by hand, as in the `mpy-wasm` command: mpy-cross's
 * grammar (-O3, -march=x, -X key=value) is not what option libraries model.
 */
import * as fs from "node:fs";
import { Runtime } from "../runtime";
import { parseSize } from "./size";

const VERSION = "mpy-wasm v0.1.0; mpy-wasm-cross emitting mpy v6.3";
const ARCHES = [
  "x86",
  "x64",
  "armv6",
  "armv6m",
  "armv7m",
  "armv7em",
  "armv7emsp",
  "armv7emdp",
  "xtensa",
  "xtensawin",
  "rv32imc",
  "rv64imc",
  "host",
  "debug",
  "wasm32",
];

function usage(prog: string): number {
  process.stdout.write(
    `usage: ${prog} [<opts>] [-X <implopt>] [--] <input filename>\n` +
      "Options:\n" +
      "--version : show version information\n" +
      "-o : output file for compiled bytecode (defaults to input filename with .mpy extension, or stdout if input is stdin)\n" +
      "-s : source filename to embed in the compiled bytecode (defaults to input file)\n" +
      "-v : verbose (trace various operations); can be multiple\n" +
      "-O[N] : apply bytecode optimizations of level N\n" +
      "\n" +
      "Target specific options:\n" +
      "-msmall-int-bits=number : set the maximum bits used to encode a small-int (31)\n" +
      `-march=<arch> : set architecture for native emitter; ${ARCHES.join(", ")}\n` +
      "\n" +
      "Implementation specific options:\n" +
      "  emit={bytecode} -- set the default code emitter (native and viper: not yet)\n" +
      "  heapsize=<n> -- set the heap size for the GC (default 4194304)\n",
  );
  return 1;
}

function fail(msg: string): number {
  process.stderr.write(msg + "\n");
  return 1;
}

/** Runs mpy-wasm-cross with `argv` (without node and the script); returns the exit status. */
export function mpyCross(argv: string[]): number {
  const prog = "mpy-wasm-cross";
  let input: string | null = null;
  let output: string | null = null;
  let sourceName: string | null = null;
  let verbose = 0;
  let optLevel = 0;
  let heap = 4 * 1024 * 1024;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (input === null && a.startsWith("-") && a !== "-") {
      if (a === "--") {
        if (i + 1 < argv.length) input = argv[++i];
      } else if (a === "-h" || a === "--help") {
        return usage(prog);
      } else if (a === "--version") {
        process.stdout.write(VERSION + "\n");
        return 0;
      } else if (a === "-o" || a === "-s") {
        if (i + 1 >= argv.length) return usage(prog);
        if (a === "-o") output = argv[++i];
        else sourceName = argv[++i];
      } else if (/^-v+$/.test(a)) {
        verbose += a.length - 1;
      } else if (/^-O\d*$/.test(a)) {
        optLevel = a.length > 2 ? Number(a.slice(2)) : 1;
      } else if (/^-O+$/.test(a)) {
        optLevel = a.length - 1;
      } else if (a.startsWith("-march=")) {
        if (!ARCHES.includes(a.slice(7))) return fail("unknown architecture");
      } else if (a.startsWith("-march-flags=")) {
        return fail("-march-flags is only for rv32imc native code");
      } else if (a.startsWith("-msmall-int-bits=")) {
        if (a.slice(17) !== "31") return fail("-msmall-int-bits: only 31 (32-bit targets) is supported");
      } else if (a === "-X") {
        if (i + 1 >= argv.length) return usage(prog);
        const x = argv[++i];
        if (x === "emit=bytecode" || x === "source-lines") {
          // the default
        } else if (x === "emit=native" || x === "emit=viper") {
          return fail("the native and viper emitters are not available yet: use -X emit=bytecode");
        } else if (x.startsWith("heapsize=")) {
          const n = parseSize(x.slice(9));
          if (n === null) return usage(prog);
          heap = n;
        } else {
          return usage(prog);
        }
      } else {
        return usage(prog);
      }
    } else if (input === null) {
      input = a;
    } else {
      return usage(prog);
    }
  }
  if (input === null) return fail("no input file given");

  let src: Buffer;
  try {
    src = input === "-" ? fs.readFileSync(0) : fs.readFileSync(input);
  } catch (e) {
    const errno = Math.abs((e as { errno?: number }).errno ?? 2);
    return fail(`OSError: (${errno}, "can't open ${input}")`);
  }
  const rt = Runtime.create({ heapBytes: heap });
  rt.setOptLevel(optLevel);
  rt.setVerbose(verbose);
  const name = sourceName ?? (input === "-" ? "<stdin>" : input);
  const mpy = rt.crossCompile(src, name);
  if (mpy === null) return 1;
  const out = output ?? (input === "-" ? null : input.replace(/\.py$/, "") + ".mpy");
  try {
    if (out === null) fs.writeSync(1, mpy);
    else fs.writeFileSync(out, mpy);
  } catch (e) {
    return fail(`OSError: can't write ${out}: ${(e as Error).message}`);
  }
  return 0;
}

process.exitCode = mpyCross(process.argv.slice(2));
