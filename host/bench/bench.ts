/**
 * `npm run bench`: runs benchmark programs on mpy-wasm, on MicroPython's
 * official WebAssembly port (npm @micropython/micropython-webassembly-pyscript)
 * and on Pyodide (npm pyodide, CPython 3 compiled to wasm) side by side in
 * this node process, alternating runs, and writes the per-program time
 * ratios and their geometric means to BENCHMARKS.md.
 *
 *   node build/bench.mjs [--runs N] [--micropython DIR] [--no-write] [--only NAME] [--memory-only | --no-memory]
 *                        [--no-pyodide] [--no-freeze]
 *
 * Programs: tests/perf_bench/*.py (ours), and with --micropython DIR (or
 * $MICROPY_DIR) also DIR/tests/perf_bench/*.py wrapped as MicroPython's
 * run-perfbench.py does (program + benchrun.py + `bm_run(N, M)`), skipping
 * those that need the native emitter. Each run gets a fresh runtime; only the execution of the program is timed, with
 * performance.now(). The median of N runs per side is compared. Outputs of
 * the two ports must agree (perf_bench: the result field; ours: the whole
 * output), or the program is reported as wrong.
 *
 * Then the memory table of memory.ts (heap bytes per operation on both
 * runtimes, its own block in BENCHMARKS.md): `--memory-only` runs just that
 * table (`--only` then filters its operations), `--no-memory` skips it. Then
 * the freeze benchmark (host/freeze/bench.ts: the demo set imported as .py,
 * .mpy, frozen source and frozen bytecode) on the unix and esp8266 boards,
 * one block each (`--no-freeze` skips it).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { Runtime } from "../runtime";
import { runMemoryBench } from "./memory";
import { runBenchRecords, readSubject, formatTable, writeMarkdown, demoSubjects } from "../freeze/bench";
import { findBoard } from "../boards";

interface Program {
  name: string;
  source: string;
  /** Compare only the third field of the output (perf_bench's result). */
  perfBench: boolean;
}

interface Row {
  name: string;
  ours: number;
  theirs: number;
  ok: boolean;
  note: string;
  /** Pyodide's median time, when it ran the program with the same result. */
  pyodide: number | null;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function parseArgs(argv: string[]): {
  runs: number;
  mp: string | null;
  write: boolean;
  only: string | null;
  memory: "also" | "only" | "none";
  pyodide: boolean;
  freeze: boolean;
} {
  let memory: "also" | "only" | "none" = "also";
  let runs = 5;
  let mp: string | null = process.env.MICROPY_DIR ?? null;
  let write = true;
  let only: string | null = null;
  let pyodide = true;
  let freeze = true;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--runs") runs = Number(argv[++i]);
    else if (argv[i] === "--micropython") mp = argv[++i];
    else if (argv[i] === "--no-write") write = false;
    else if (argv[i] === "--only") only = argv[++i];
    else if (argv[i] === "--memory-only") memory = "only";
    else if (argv[i] === "--no-memory") memory = "none";
    else if (argv[i] === "--no-pyodide") pyodide = false;
    else if (argv[i] === "--no-freeze") freeze = false;
    else throw new Error(`unknown option ${argv[i]}`);
  }
  return { runs, mp, write, only, memory, pyodide, freeze: freeze && only === null && memory !== "only" };
}

function ourPrograms(): Program[] {
  const dir = path.join(root, "tests", "perf_bench");
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".py"))
    .sort()
    .map((f) => ({ name: f.replace(/\.py$/, ""), source: fs.readFileSync(path.join(dir, f), "utf8"), perfBench: false }));
}

/** MicroPython's perf_bench programs that need no native emitter, wrapped as run-perfbench.py does. */
function perfBenchPrograms(mpDir: string): Program[] {
  const dir = path.join(mpDir, "tests", "perf_bench");
  const benchrun = fs.readFileSync(path.join(dir, "benchrun.py"), "utf8");
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".py") && f !== "benchrun.py" && !f.startsWith("viper_"))
    .sort()
    .map((f) => ({
      name: "perf_bench/" + f.replace(/\.py$/, ""),
      source: fs.readFileSync(path.join(dir, f), "utf8") + "\n" + benchrun + "\nbm_run(1000, 1000)\n",
      perfBench: true,
    }));
}

/**
 * Our heap: fixed at 4 MiB. The wasm port is given 1 MiB, but its heap grows
 * on demand (MicroPython's webassembly port splits the heap and adds areas),
 * so a fixed heap of ours needs headroom to run the same programs.
 */
const OUR_HEAP = 4 * 1024 * 1024;

function runOurs(src: string): { ms: number; out: string } {
  let out = "";
  const dec = new TextDecoder();
  const rt = Runtime.create({
    heapBytes: OUR_HEAP,
    write: (_fd, b) => {
      out += dec.decode(b);
    },
  });
  rt.sysPathAppend("");
  const t0 = performance.now();
  rt.execString(src, "<stdin>", "file");
  return { ms: performance.now() - t0, out };
}

type Loader = (opts: object) => Promise<{ runPython(code: string): unknown }>;

async function runTheirs(load: Loader, src: string): Promise<{ ms: number; out: string }> {
  let out = "";
  const dec = new TextDecoder();
  // without line buffering the port hands over byte arrays
  const take = (d: string | Uint8Array): void => {
    out += typeof d === "string" ? d : dec.decode(d, { stream: true });
  };
  const mp = await load({ heapsize: 1024 * 1024, linebuffer: false, stdout: take, stderr: take });
  const t0 = performance.now();
  try {
    mp.runPython(src);
  } catch (e) {
    out += String((e as Error).message ?? e);
  }
  return { ms: performance.now() - t0, out };
}

/** The part of Pyodide's API the benchmark uses (npm `pyodide`: CPython compiled to wasm). */
interface Pyodide {
  runPython(code: string, opts?: { globals?: unknown }): unknown;
  setStdout(o: { batched: (s: string) => void }): void;
  setStderr(o: { batched: (s: string) => void }): void;
  toPy(x: object): unknown;
}

let pyodideSink = "";

/** One Pyodide instance (loading takes seconds); null when the package is not installed. */
async function loadPyodideOnce(): Promise<Pyodide | null> {
  try {
    const mod = (await import("pyodide" as string)) as { loadPyodide(o?: object): Promise<Pyodide> };
    const py = await mod.loadPyodide();
    py.setStdout({ batched: (s) => (pyodideSink += s + "\n") });
    py.setStderr({ batched: (s) => (pyodideSink += s + "\n") });
    return py;
  } catch {
    return null;
  }
}

/** Runs `src` in a fresh __main__ namespace of the Pyodide instance. */
function runPyodide(py: Pyodide, src: string): { ms: number; out: string } {
  pyodideSink = "";
  const globals = py.toPy({ __name__: "__main__" });
  const t0 = performance.now();
  try {
    py.runPython(src, { globals });
  } catch (e) {
    pyodideSink += "Traceback: " + String((e as Error).message ?? e);
  }
  return { ms: performance.now() - t0, out: pyodideSink };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function resultOf(p: Program, out: string): string {
  if (!p.perfBench) return out;
  const parts = out.trim().split(/\s+/);
  return parts.slice(2).join(" ");
}

function geomean(xs: number[]): number {
  return Math.exp(xs.reduce((a, x) => a + Math.log(x), 0) / xs.length);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.memory === "only") {
    const cmd = `node build/bench.mjs --memory-only${args.only ? " --only " + JSON.stringify(args.only) : ""}`;
    await runMemoryBench({ write: args.write, port: true, only: args.only, command: cmd });
    return;
  }
  const { loadMicroPython } = (await import("@micropython/micropython-webassembly-pyscript")) as unknown as {
    loadMicroPython: Loader;
  };
  const py = args.pyodide ? await loadPyodideOnce() : null;
  if (args.pyodide && !py) process.stdout.write("(pyodide not installed: no Pyodide column)\n");
  let programs = ourPrograms();
  if (args.mp) programs = programs.concat(perfBenchPrograms(args.mp));
  if (args.only) programs = programs.filter((p) => p.name.includes(args.only!));
  const rows: Row[] = [];
  for (const p of programs) {
    const ours: number[] = [];
    const theirs: number[] = [];
    const pys: number[] = [];
    let outOurs = "";
    let outTheirs = "";
    let outPy = "";
    for (let i = 0; i < args.runs; i++) {
      const a = runOurs(p.source);
      const b = await runTheirs(loadMicroPython, p.source);
      ours.push(a.ms);
      theirs.push(b.ms);
      outOurs = a.out;
      outTheirs = b.out;
      if (py) {
        const c = runPyodide(py, p.source);
        pys.push(c.ms);
        outPy = c.out;
      }
    }
    const ok = resultOf(p, outOurs) === resultOf(p, outTheirs) && !/Traceback|SKIP/.test(outOurs);
    const row: Row = {
      name: p.name,
      ours: median(ours),
      theirs: median(theirs),
      ok,
      note: ok ? "" : `ours: ${outOurs.trim().split("\n").pop()?.slice(0, 60)}`,
      pyodide: py && ok && resultOf(p, outPy) === resultOf(p, outOurs) ? median(pys) : null,
    };
    rows.push(row);
    process.stdout.write(
      `${p.name.padEnd(32)} ours ${row.ours.toFixed(1).padStart(8)} ms  wasm port ${row.theirs.toFixed(1).padStart(8)} ms  ratio ${(row.ours / row.theirs).toFixed(3)}` +
        (row.pyodide !== null ? `  pyodide ${row.pyodide.toFixed(1).padStart(8)} ms  ratio ${(row.ours / row.pyodide).toFixed(3)}` : py ? "  pyodide: not comparable" : "") +
        `${ok ? "" : "  WRONG OUTPUT"}\n`,
    );
  }
  const good = rows.filter((r) => r.ok);
  const gm = good.length ? geomean(good.map((r) => r.ours / r.theirs)) : NaN;
  const both = rows.filter((r) => r.pyodide !== null);
  const gmPy = both.length ? geomean(both.map((r) => r.ours / r.pyodide!)) : NaN;
  process.stdout.write(`geometric mean of time ratios (correct programs only): ${gm.toFixed(3)}\n`);
  if (py) process.stdout.write(`geometric mean vs Pyodide (${both.length} programs both run): ${gmPy.toFixed(3)}\n`);
  if (args.write) writeReport(rows, gm, py ? gmPy : null, args);
  if (args.memory === "also") await runMemoryBench({ write: args.write, port: true, command: "npm run bench" });
  if (args.freeze) freezeTables(args.write);
}

/**
 * The freeze benchmark (host/freeze/bench.ts) on the demo set for a roomy
 * and a small board, each as its own block of BENCHMARKS.md.
 */
function freezeTables(write: boolean): void {
  const core = fs.readFileSync(path.join(root, "build", "mpy.wasm"));
  for (const name of ["unix", "esp8266"]) {
    const board = findBoard(name);
    const records = runBenchRecords(demoSubjects(), board, core, 5);
    process.stdout.write(`freeze benchmark, board ${name}:\n${formatTable(records)}`);
    if (write) writeMarkdown(path.join(root, "BENCHMARKS.md"), records, board, `bench --board ${name} --runs 5`);
  }
}

function writeReport(rows: Row[], gm: number, gmPy: number | null, args: { runs: number; mp: string | null }): void {
  const file = path.join(root, "BENCHMARKS.md");
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  const date = new Date().toISOString().slice(0, 10);
  const lines: string[] = [];
  lines.push("<!-- bench:begin -->");
  lines.push(`### mpy-wasm vs MicroPython's WebAssembly port — ${date}`);
  lines.push("");
  lines.push(`- Machine: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}, node ${process.version}`);
  lines.push(`- Command: \`npm run bench -- --runs ${args.runs}${args.mp ? " --micropython <checkout>" : ""}\``);
  lines.push("- Method: the runtimes in one node process, runs alternating; mpy-wasm and the wasm port get a fresh instance per run (mpy-wasm: fixed 4 MiB heap; wasm port: 1 MiB initial heap, which it grows on demand); Pyodide (npm `pyodide`, CPython compiled to wasm), which takes seconds to load, is loaded once and runs each program in a fresh `__main__` namespace. The median execution time of each side; ratio = mpy-wasm time / other time (below 1: mpy-wasm is faster). A Pyodide figure is given only where CPython prints the same result.");
  lines.push("");
  lines.push("| program | mpy-wasm (ms) | wasm port (ms) | ratio | Pyodide (ms) | ratio vs Pyodide | output |");
  lines.push("| --- | ---: | ---: | ---: | ---: | ---: | --- |");
  for (const r of rows) {
    const pyCells = r.pyodide !== null ? `${r.pyodide.toFixed(1)} | ${(r.ours / r.pyodide).toFixed(3)}` : "– | –";
    lines.push(`| ${r.name} | ${r.ours.toFixed(1)} | ${r.theirs.toFixed(1)} | ${(r.ours / r.theirs).toFixed(3)} | ${pyCells} | ${r.ok ? "same" : "WRONG: " + r.note.replace(/\|/g, "\\|")} |`);
  }
  lines.push("");
  lines.push(`**Geometric mean of the time ratios (programs with correct output): ${gm.toFixed(3)}** over ${rows.filter((r) => r.ok).length} of ${rows.length} programs.`);
  if (gmPy !== null) {
    const n = rows.filter((r) => r.pyodide !== null).length;
    lines.push("");
    lines.push(`**Geometric mean of the time ratios against Pyodide: ${gmPy.toFixed(3)}** over the ${n} programs both run with the same result.`);
  }
  lines.push("<!-- bench:end -->");
  const block = lines.join("\n");
  let text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "# Benchmarks\n\n";
  if (/<!-- bench:begin -->[\s\S]*<!-- bench:end -->/.test(text)) {
    text = text.replace(/<!-- bench:begin -->[\s\S]*<!-- bench:end -->/, block);
  } else {
    text += "\n" + block + "\n";
  }
  fs.writeFileSync(file, text);
  process.stdout.write(`wrote ${file}\n`);
}

main().catch((e) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
