/**
 * The memory table ("memory as on a board"): heap bytes that mpy-wasm's GC
 * reports for the same Python operations as MicroPython's official
 * WebAssembly port (npm @micropython/micropython-webassembly-pyscript, also a
 * 32-bit heap of 16-byte blocks), side by side.
 *
 *   node build/memory.mjs [--no-write] [--ours-only]      (also run by build/bench.mjs)
 *
 * Method. Each operation is one Python expression `<expr>` with optional set-up
 * code; both runtimes run the identical snippet (`memorySnippet`): it defines
 * `_op()` returning the expression and four step functions. A fresh runtime per
 * operation (ours: the Runtime class, fixed 1 MiB heap; the port: loadMicroPython
 * with a 1 MiB heap, which that port grows on demand) then runs the steps
 *
 *   _m_warm()     calls _op() once and drops the result (first-use effects)
 *   _m_collect()  gc.collect()
 *   _m_before()   _b = gc.mem_alloc()
 *   _m_run()      _x = _op(); _g = gc.mem_alloc()      (the result stays alive in _x)
 *   _m_collect()  gc.collect()
 *   _m_after()    _a = gc.mem_alloc()
 *
 * and reports `retained` = _a - _b (the bytes the live result holds, the figure
 * compared) and `allocated` = _g - _b (every byte allocated while computing it,
 * temporaries included, minus what was freed explicitly, e.g. by a list's
 * realloc). The globals _x, _b, _g, _a exist before the first step, so the
 * steps never grow the globals dict.
 *
 * Why steps: in the port's pyscript variant (MICROPY_GC_SPLIT_HEAP_AUTO)
 * gc.collect() only marks a collection as pending; it runs when control goes
 * back to JavaScript. So the port's steps are called one by one from JS (each
 * call ends with that collection); ours collects at once and runs the same
 * steps from one line of Python. Neither side compiles anything between
 * `_m_before` and `_m_after`.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Runtime } from "../runtime";

/** One measured operation. */
export interface MemOp {
  name: string;
  /** Python run once before the measurement (defines what `expr` uses). */
  setup?: string;
  /** The expression whose result is measured (evaluated inside a function). */
  expr: string;
  /** No warm-up call (an import would be a lookup in sys.modules the second time). */
  noWarm?: boolean;
  /** Files put beside the program (name -> text), importable from sys.path[0]. */
  files?: Record<string, string>;
}

/** A small module (imported from a file, or run with exec). */
export const SMALL_MODULE = [
  "MEMMOD_LIMIT = 10",
  "def memmod_scale(a, b=2):",
  "    return a * b + MEMMOD_LIMIT",
  "class MemmodPoint:",
  "    def __init__(self, x, y):",
  "        self.x = x",
  "        self.y = y",
  "    def norm1(self):",
  "        return abs(self.x) + abs(self.y)",
  "memmod_table = [memmod_scale(i) for i in range(4)]",
  "",
].join("\n");

const CLASSES = [
  "class C0:",
  "    pass",
  "class C3:",
  "    def __init__(self):",
  "        self.a = 1",
  "        self.b = 2",
  "        self.c = 3",
  "    def m(self):",
  "        return self.a",
].join("\n");

function grow(k: number): MemOp {
  return {
    name: `list: [] then ${k} appends`,
    setup: "def grow(k):\n    l = []\n    for i in range(k):\n        l.append(i)\n    return l",
    expr: `grow(${k})`,
  };
}

/** The operations of the table, in its order. */
export const MEMORY_OPS: MemOp[] = [
  { name: "int, small (n + 1)", setup: "n = 7", expr: "n + 1" },
  { name: "int, big (n << 100)", setup: "n = 7", expr: "n << 100" },
  { name: "float (f * 2.0)", setup: "f = 1.5", expr: "f * 2.0" },
  { name: "complex (c * 2)", setup: "c = 1+2j", expr: "c * 2" },
  { name: "str, short (6 chars)", setup: "s = 'xyz'", expr: "s * 2" },
  { name: "str, long (200 chars)", setup: "s = 'wxyz'", expr: "s * 50" },
  { name: "bytes (10)", setup: "b = b'01234'", expr: "b * 2" },
  { name: "bytearray(10)", expr: "bytearray(10)" },
  { name: "list, empty ([])", expr: "[]" },
  { name: "list, 3 items", setup: "a = 1", expr: "[a, a, a]" },
  grow(4),
  grow(5),
  grow(9),
  { name: "tuple, 3 items", setup: "a = 1", expr: "(a, a, a)" },
  { name: "dict, empty ({})", expr: "{}" },
  { name: "dict, 3 items", setup: "a = 1", expr: "{'p': a, 'q': a, 'r': a}" },
  { name: "set, 3 items", setup: "a = 1", expr: "{a, a + 1, a + 2}" },
  { name: "frozenset, 3 items", setup: "t = (1, 2, 3)", expr: "frozenset(t)" },
  { name: "range(n)", setup: "n = 7", expr: "range(n)" },
  {
    // MicroPython's slice type has no constructor: a subscript hands one to __getitem__
    name: "slice (s[1:n] via __getitem__)",
    setup: "n = 7\nclass S:\n    def __getitem__(self, k):\n        return k\ns = S()",
    expr: "s[1:n]",
  },
  ...[10, 100, 1000].map((n) => ({
    name: `list of ${n} ints (comprehension)`,
    expr: `[i for i in range(${n})]`,
  })),
  ...[10, 100, 1000].map((n) => ({ name: `list of ${n} ints ([0] * ${n})`, expr: `[0] * ${n}` })),
  ...[10, 100, 1000].map((n) => ({
    name: `dict of ${n} int entries (comprehension)`,
    expr: `{i: i for i in range(${n})}`,
  })),
  { name: "instance, 0 attributes", setup: CLASSES, expr: "C0()" },
  { name: "instance, 3 attributes", setup: CLASSES, expr: "C3()" },
  {
    name: "closure (1 cell)",
    setup: "def outer(x):\n    def inner():\n        return x\n    return inner",
    expr: "outer(1)",
  },
  { name: "bound method", setup: CLASSES + "\no = C3()", expr: "o.m" },
  { name: "generator", setup: "def gen(k):\n    yield k\n    yield k + 1", expr: "gen(1)" },
  { name: "exception instance", expr: "ValueError('bad value')" },
  {
    name: "import small module (file)",
    expr: "__import__('memmod')",
    noWarm: true,
    files: { "memmod.py": SMALL_MODULE },
  },
  {
    // the same with every name of the module (and "memmod.py") interned beforehand by compiling
    // them: no qstr pool or chunk growth, only the module's objects
    name: "import small module (file), names pre-interned",
    setup:
      "def _names(MEMMOD_LIMIT, memmod_scale, MemmodPoint, norm1, memmod_table, a, b, x, y, i, self):\n" +
      "    return 'memmod.py'",
    expr: "__import__('memmod')",
    noWarm: true,
    files: { "memmod.py": SMALL_MODULE },
  },
  {
    name: "exec small module body (string)",
    setup:
      "def run_body(src):\n    d = {}\n    exec(src, d)\n    return d\n" +
      "body = " +
      JSON.stringify(SMALL_MODULE),
    expr: "run_body(body)",
  },
];

/**
 * The Python text both runtimes run for `op` before the steps (see the file
 * comment). Uses only names a plain MicroPython has.
 */
export function memorySnippet(op: MemOp): string {
  const lines = ["import gc"];
  if (op.setup) lines.push(op.setup);
  lines.push(
    "def _op():",
    `    return ${op.expr}`,
    "_x = None",
    "_b = 0",
    "_g = 0",
    "_a = 0",
    "def _m_warm():",
    "    _op()",
    "def _m_collect():",
    "    gc.collect()",
    "def _m_before():",
    "    global _b",
    "    _b = gc.mem_alloc()",
    "def _m_run():",
    "    global _x, _g",
    "    _x = _op()",
    "    _g = gc.mem_alloc()",
    "def _m_after():",
    "    global _a",
    "    _a = gc.mem_alloc()",
    "",
  );
  return lines.join("\n");
}

/** The steps, in order (the warm-up only where the operation allows it). */
function steps(op: MemOp): string[] {
  const s = ["_m_collect", "_m_before", "_m_run", "_m_collect", "_m_after"];
  return op.noWarm ? s : ["_m_warm", ...s];
}

export interface MemResult {
  /** Bytes still allocated after a collection, the result alive. */
  retained: number;
  /** Bytes allocated while computing the result (no collection in between). */
  allocated: number;
  /** Set when the snippet failed (the numbers are then meaningless). */
  error?: string;
}

/** mpy-wasm's heap for the table: fixed, as a board's. */
export const OUR_HEAP_BYTES = 1024 * 1024;

/** Measures `op` on a fresh mpy-wasm runtime (1 MiB heap). */
export function measureOurs(op: MemOp): MemResult {
  let out = "";
  const dec = new TextDecoder();
  const rt = Runtime.create({
    heapBytes: OUR_HEAP_BYTES,
    write: (_fd, b) => {
      out += dec.decode(b);
    },
  });
  let dir: string | null = null;
  const cwd = process.cwd();
  try {
    if (op.files) {
      // imported from sys.path[0] = '' in a temporary current directory, so that the
      // module's __file__ is "memmod.py" as on the port (its qstr has the same length)
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "mpy-mem-"));
      for (const [name, text] of Object.entries(op.files)) fs.writeFileSync(path.join(dir, name), text);
      process.chdir(dir);
    }
    rt.sysPathAppend("");
    const driver = steps(op).map((s) => s + "()").join("\n") + "\nprint('@mem', _b, _g, _a)\n";
    const failed =
      rt.execString(memorySnippet(op), "<stdin>", "file") !== 0 ||
      rt.execString(driver, "<stdin>", "file") !== 0;
    if (failed) {
      return { retained: NaN, allocated: NaN, error: lastLine(out) };
    }
  } finally {
    if (dir) {
      process.chdir(cwd);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  const m = /@mem (-?\d+) (-?\d+) (-?\d+)/.exec(out);
  if (!m) return { retained: NaN, allocated: NaN, error: "no result: " + lastLine(out) };
  const [b, g, a] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return { retained: a - b, allocated: g - b };
}

function lastLine(s: string): string {
  return (s.trim().split("\n").pop() ?? "").slice(0, 80);
}

interface PortInstance {
  runPython(code: string): unknown;
  globals: { get(key: string): unknown };
  FS: { writeFile(path: string, data: string): void };
}

export type PortLoader = (opts: object) => Promise<PortInstance>;

/** Loads the port's loadMicroPython (the dev dependency), only when asked for. */
export async function loadPort(): Promise<PortLoader> {
  const mod = (await import("@micropython/micropython-webassembly-pyscript")) as unknown as {
    loadMicroPython: PortLoader;
  };
  return mod.loadMicroPython;
}

/** Measures `op` on a fresh instance of MicroPython's WebAssembly port (1 MiB first heap area). */
export async function measurePort(load: PortLoader, op: MemOp): Promise<MemResult> {
  let out = "";
  const dec = new TextDecoder();
  const take = (d: string | Uint8Array): void => {
    out += typeof d === "string" ? d : dec.decode(d, { stream: true });
  };
  const mp = await load({ heapsize: OUR_HEAP_BYTES, linebuffer: false, stdout: take, stderr: take });
  try {
    // its file system is an in-memory one; cwd is "/" and sys.path[0] is ''
    for (const [name, text] of Object.entries(op.files ?? {})) mp.FS.writeFile("/" + name, text);
    mp.runPython(memorySnippet(op));
    // look every function up first: a lookup allocates (the port's proxy table)
    const fns = steps(op).map((s) => mp.globals.get(s) as () => unknown);
    for (const f of fns) f();
    const [b, g, a] = ["_b", "_g", "_a"].map((k) => Number(mp.globals.get(k)));
    return { retained: a - b, allocated: g - b };
  } catch (e) {
    const msg = String((e as Error).message ?? e) || out;
    return { retained: NaN, allocated: NaN, error: lastLine(msg) };
  }
}

export interface MemRow {
  op: MemOp;
  ours: MemResult;
  port: MemResult | null;
}

/** ours / port, 1 when both are 0. */
export function ratio(ours: number, port: number): number {
  if (ours === port) return 1;
  return ours / port;
}

/** Within 10% of the port's figure (exactly equal when the port's is 0). */
export function within10(ours: number, port: number): boolean {
  return Math.abs(ours - port) <= 0.1 * Math.abs(port);
}

function fmtRatio(r: number): string {
  return Number.isFinite(r) ? r.toFixed(3) : "∞";
}

function fmtBytes(r: MemResult | null, key: "retained" | "allocated"): string {
  if (!r) return "-";
  if (r.error) return "error";
  return String(r[key]);
}

/** Runs every operation on both runtimes (or ours only); prints rows as it goes. */
export async function memoryTable(
  opts: { port: boolean; print?: boolean; only?: string | null } = { port: true },
): Promise<MemRow[]> {
  const load = opts.port ? await loadPort() : null;
  const rows: MemRow[] = [];
  for (const op of MEMORY_OPS) {
    if (opts.only && !op.name.includes(opts.only)) continue;
    const ours = measureOurs(op);
    const port = load ? await measurePort(load, op) : null;
    rows.push({ op, ours, port });
    if (opts.print !== false) process.stdout.write(rowText({ op, ours, port }) + "\n");
  }
  return rows;
}

function rowText(r: MemRow): string {
  const ours = fmtBytes(r.ours, "retained");
  let s = `${r.op.name.padEnd(48)} ours ${ours.padStart(6)} B`;
  if (r.port) {
    s += `  wasm port ${fmtBytes(r.port, "retained").padStart(6)} B`;
    if (!r.ours.error && !r.port.error) {
      const ok = within10(r.ours.retained, r.port.retained);
      const q = fmtRatio(ratio(r.ours.retained, r.port.retained));
      s += `  ratio ${q.padStart(6)}  ${ok ? "within 10%" : "DIFFERS"}`;
    }
    const a = [fmtBytes(r.ours, "allocated"), fmtBytes(r.port, "allocated")];
    s += `   (allocated: ours ${a[0]}, port ${a[1]})`;
  }
  if (r.ours.error) s += `  ours error: ${r.ours.error}`;
  if (r.port?.error) s += `  port error: ${r.port.error}`;
  return s;
}

/** The markdown block (between <!-- memory:begin/end -->) for BENCHMARKS.md. */
export function memoryReport(rows: MemRow[], command: string): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  const date = new Date().toISOString().slice(0, 10);
  const both = rows.filter((r) => r.port && !r.ours.error && !r.port.error);
  const good = both.filter((r) => within10(r.ours.retained, r.port!.retained));
  const L: string[] = [];
  L.push("<!-- memory:begin -->");
  L.push(`### Heap bytes: mpy-wasm vs MicroPython's WebAssembly port — ${date}`);
  L.push("");
  const gib = (os.totalmem() / 2 ** 30).toFixed(0);
  L.push(
    `- Machine: ${os.cpus().length} × ${cpu}, ${gib} GiB, ${os.platform()} ${os.release()}, node ${process.version}`,
  );
  L.push(`- Command: \`${command}\``);
  L.push(
    "- Method: a fresh runtime per operation (mpy-wasm: fixed 1 MiB heap; wasm port: 1 MiB " +
      "first heap area, grown on demand); both run the identical snippet: `_op()` returns the " +
      "expression, called once to warm up (not for the imports), then `gc.collect()`, " +
      "`gc.mem_alloc()`, `_x = _op()` (kept alive), `gc.mem_alloc()`, `gc.collect()`, " +
      "`gc.mem_alloc()`. **Retained** = bytes still allocated after the second collection (the " +
      "figure compared: within 10% of the port's?); **allocated** = bytes allocated while " +
      "computing the result, temporaries included. Both heaps are 32-bit with 16-byte blocks. " +
      "The port's `gc.collect()` is deferred to its return to JavaScript, so its steps are " +
      "called from JS one by one. The imports read `memmod.py` from sys.path[0] (the port's " +
      "in-memory file system; mpy-wasm: a temporary current directory).",
  );
  L.push("");
  L.push(
    "| operation | mpy-wasm retained (B) | wasm port retained (B) | ratio | within 10% " +
      "| mpy-wasm allocated (B) | wasm port allocated (B) |",
  );
  L.push("| --- | ---: | ---: | ---: | --- | ---: | ---: |");
  for (const r of rows) {
    let cmp = ["-", r.ours.error || r.port?.error ? "error" : "-"];
    if (r.port && !r.ours.error && !r.port.error) {
      const ok = within10(r.ours.retained, r.port.retained);
      cmp = [fmtRatio(ratio(r.ours.retained, r.port.retained)), ok ? "yes" : "**no**"];
    }
    const cells = [
      r.op.name,
      fmtBytes(r.ours, "retained"),
      fmtBytes(r.port, "retained"),
      ...cmp,
      fmtBytes(r.ours, "allocated"),
      fmtBytes(r.port, "allocated"),
    ];
    L.push(`| ${cells.join(" | ")} |`);
  }
  L.push("");
  L.push(`**${good.length} of ${rows.length} operations within 10% of the wasm port (retained bytes).**`);
  L.push("<!-- memory:end -->");
  return L.join("\n");
}

/** Replaces (or appends) the memory block of BENCHMARKS.md. */
export function writeMemoryReport(file: string, block: string): void {
  let text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "# Benchmarks\n\n";
  const re = /<!-- memory:begin -->[\s\S]*<!-- memory:end -->/;
  if (re.test(text)) text = text.replace(re, () => block);
  else text += "\n" + block + "\n";
  fs.writeFileSync(file, text);
}

/** The repository root (this file is bundled into build/). */
export function repoRoot(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
}

/** Used by bench.ts and by `node build/memory.mjs`: runs the table, prints it, writes BENCHMARKS.md. */
export async function runMemoryBench(opts: {
  write: boolean;
  port: boolean;
  only?: string | null;
  command: string;
}): Promise<MemRow[]> {
  process.stdout.write(`heap bytes per operation (mpy-wasm: ${OUR_HEAP_BYTES >> 10} KiB heap)\n`);
  const rows = await memoryTable({ port: opts.port, only: opts.only });
  const both = rows.filter((r) => r.port && !r.ours.error && !r.port.error);
  if (opts.port) {
    const good = both.filter((r) => within10(r.ours.retained, r.port!.retained)).length;
    process.stdout.write(
      `${good} of ${rows.length} operations within 10% of the wasm port (retained bytes)\n`,
    );
  }
  if (opts.write && opts.port) {
    const file = path.join(repoRoot(), "BENCHMARKS.md");
    writeMemoryReport(file, memoryReport(rows, opts.command));
    process.stdout.write(`wrote ${file}\n`);
  }
  return rows;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  let write = true;
  let port = true;
  let only: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--no-write") write = false;
    else if (argv[i] === "--ours-only") port = false;
    else if (argv[i] === "--only") only = argv[++i];
    else throw new Error(`unknown option ${argv[i]}`);
  }
  await runMemoryBench({ write, port, only, command: "node build/memory.mjs" });
}

// run as a program only as build/memory.mjs itself (bench.mjs bundles this file too)
const self = fileURLToPath(import.meta.url);
const invoked = process.argv[1] ? pathToFileURL(path.resolve(process.argv[1])).href : "";
if (path.basename(self) === "memory.mjs" && invoked === import.meta.url) {
  main().catch((e) => {
    process.stderr.write(`memory: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 1;
  });
}
