/**
 * `mpy-wasm-freeze bench`: what freezing buys, measured on a board's heap.
 *
 *   mpy-wasm-freeze bench [MODULE_OR_PACKAGE...] [--board NAME] [--runs N] [--json FILE] [--svg FILE]
 *                         [--markdown FILE]
 *
 * For each module (a .py file) or package (a directory with __init__.py) —
 * by default the demo set in host/freeze/demo: a large module (sensors.py),
 * a module of constant data (tables.py) and a package of several modules
 * (netproto) — and for each way of shipping it:
 *
 *   py               .py files on the filesystem, compiled on import
 *   mpy              .mpy files on the filesystem (mpy-wasm-cross), loaded on import
 *   frozen-source    frozen into a firmware image as source, compiled on import
 *   frozen-bytecode  frozen into a firmware image as bytecode, run in place from ROM
 *   romfs            .mpy files in a ROMFS partition of the image (vfs.VfsRom at /rom),
 *                    bytecode executed in place (images by host/freeze/romfs.ts)
 *
 * it boots a fresh runtime with the board's heap, pystack and qstr policy,
 * collects, then imports the module and records:
 *
 *   import_us    time of the import statement (time.ticks_us; median of --runs runs)
 *   heap_after   heap bytes the import leaves after gc.collect() (gc.mem_alloc delta)
 *   heap_peak    highest heap use during the import above the collected base
 *                (micropython.mem_peak, restarted just before the import)
 *   qstr_bytes   bytes the dynamic qstr pools grew by (micropython.qstr_info's n_total_bytes)
 *   fits         false when the import raised MemoryError on that heap
 *
 * Output: a table on stdout, optionally a JSON list of those records, an
 * SVG chart (vega-lite, rendered headless by vega), and the table as a block
 * of a Markdown file (BENCHMARKS.md: between <!-- freeze:begin --> and
 * <!-- freeze:end -->, with the machine, date and command).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { Runtime } from "../runtime";
import { buildFirmware, FrozenItem } from "./firmware";
import { findBoard, BoardProfile } from "../boards";
import { buildRomfs } from "./romfs";

export type Variant = "py" | "mpy" | "frozen-source" | "frozen-bytecode" | "romfs";
export const VARIANTS: Variant[] = ["py", "mpy", "frozen-source", "frozen-bytecode", "romfs"];

/** One measurement, as the JSON output lists them. */
export interface BenchRecord {
  module: string;
  variant: Variant;
  board: string;
  import_us: number;
  heap_after: number;
  heap_peak: number;
  qstr_bytes: number;
  fits: boolean;
}

/** A module or package to measure: its import name and its files (paths relative to the sys.path entry). */
export interface Subject {
  name: string;
  files: { rel: string; data: Uint8Array }[];
}

const here = path.dirname(fileURLToPath(import.meta.url));

/** The demo set's folder: beside the bundle (build/) in the source tree. */
function demoDir(): string {
  for (const d of [path.join(here, "../host/freeze/demo"), path.join(here, "demo"), path.join(here, "../freeze/demo")]) {
    if (fs.existsSync(path.join(d, "sensors.py"))) return d;
  }
  throw new Error("the demo set (host/freeze/demo) is missing");
}

/** The demo set: a large module, a module of constant data, a package. */
export function demoSubjects(): Subject[] {
  return ["sensors.py", "tables.py", "netproto"].map((p) => readSubject(path.join(demoDir(), p)));
}

/** Reads a .py file or a package directory (all its .py files) as a subject. */
export function readSubject(p: string): Subject {
  const st = fs.statSync(p);
  const name = path.basename(p).replace(/\.py$/, "");
  if (st.isFile()) {
    if (!p.endsWith(".py")) throw new Error(`${p}: not a .py file`);
    return { name, files: [{ rel: name + ".py", data: fs.readFileSync(p) }] };
  }
  if (!fs.existsSync(path.join(p, "__init__.py"))) throw new Error(`${p}: a package needs an __init__.py`);
  const files: Subject["files"] = [];
  const walk = (dir: string, rel: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const r = rel + "/" + e.name;
      if (e.isDirectory()) walk(path.join(dir, e.name), r);
      else if (e.name.endsWith(".py")) files.push({ rel: r, data: fs.readFileSync(path.join(dir, e.name)) });
    }
  };
  walk(p, name);
  return { name, files };
}

// The measuring program: run in three steps so that compiling it does not
// count in the import's peak (the host restarts the peak between steps 1 and 2).
const STEP1 = (dirs: string[]) =>
  "import gc, micropython, sys, time\n" +
  dirs.map((d) => `sys.path.append(${JSON.stringify(d)})\n`).join("") +
  "def _imp(name):\n" +
  "    t0 = time.ticks_us()\n" +
  "    try:\n" +
  "        __import__(name)\n" +
  "        ok = 1\n" +
  "    except MemoryError:\n" +
  "        ok = 0\n" +
  "    return time.ticks_diff(time.ticks_us(), t0), ok\n" +
  "micropython.qstr_info()\n" +
  "gc.collect()\n" +
  "_a0 = gc.mem_alloc()\n";
const STEP2 = (name: string) => `_r = _imp(${JSON.stringify(name)})\n`;
const STEP3 =
  "_p = micropython.mem_peak()\n" +
  "gc.collect()\n" +
  "micropython.qstr_info()\n" +
  "print('BENCH', _r[0], _r[1], gc.mem_alloc() - _a0, _p - _a0)\n";

interface Target {
  wasm?: Uint8Array;
  dirs: string[];
}

function measureOnce(subject: Subject, variant: Variant, board: BoardProfile, t: Target): BenchRecord {
  let out = "";
  let err = "";
  const dec = new TextDecoder();
  const rt = Runtime.create({
    wasm: t.wasm,
    board,
    write: (fd, b) => {
      if (fd === 1) out += dec.decode(b);
      else err += dec.decode(b);
    },
  });
  if (rt.execString(STEP1(t.dirs), "<bench>", "file") !== 0) throw new Error(`bench set-up failed: ${err}`);
  rt.core.mp_gc_peak_reset();
  if (rt.execString(STEP2(subject.name), "<bench>", "file") !== 0) {
    throw new Error(`import ${subject.name} (${variant}) failed:\n${err}`);
  }
  if (rt.execString(STEP3, "<bench>", "file") !== 0) throw new Error(`bench read-out failed: ${err}`);
  const m = /BENCH (-?\d+) (\d) (-?\d+) (-?\d+)/.exec(out);
  const q = [...out.matchAll(/n_total_bytes=(\d+)/g)].map((x) => Number(x[1]));
  if (!m || q.length < 2) throw new Error(`unexpected bench output: ${out}${err}`);
  return {
    module: subject.name,
    variant,
    board: board.name,
    import_us: Number(m[1]),
    heap_after: Number(m[3]),
    heap_peak: Number(m[4]),
    qstr_bytes: q[q.length - 1] - q[0],
    fits: m[2] === "1",
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

/** A compiler for .mpy files (our mpy-cross). */
function compiler(): (src: Uint8Array, name: string) => Uint8Array {
  let err = "";
  const rt = Runtime.create({ write: (fd, b) => (err += new TextDecoder().decode(b)) });
  return (src, name) => {
    const mpy = rt.crossCompile(src, name);
    if (mpy === null) throw new Error(`${name}: ${err.trim().split("\n").pop()}`);
    return mpy;
  };
}

/** A ROMFS image builder (host/freeze/romfs.ts buildRomfs). */
type RomfsBuilder = (files: { path: string; data: Uint8Array }[]) => Uint8Array;

/**
 * Measures `subjects` in every variant on `board`; `romfs` builds ROMFS
 * images (host/freeze/romfs.ts by default; the romfs variant is skipped
 * when it is undefined).
 */
export function runBenchRecords(
  subjects: Subject[],
  board: BoardProfile,
  core: Uint8Array,
  runs: number,
  romfs: RomfsBuilder | undefined = buildRomfs,
): BenchRecord[] {
  const compile = compiler();
  const records: BenchRecord[] = [];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "mpy-freeze-bench-"));
  try {
    for (const s of subjects) {
      const mpys = s.files.map((f) => ({ rel: f.rel.replace(/\.py$/, ".mpy"), data: compile(f.data, f.rel) }));
      const pyDir = path.join(tmp, s.name, "py");
      const mpyDir = path.join(tmp, s.name, "mpy");
      for (const f of s.files) write(path.join(pyDir, f.rel), f.data);
      for (const f of mpys) write(path.join(mpyDir, f.rel), f.data);
      const frozen = (kind: "source" | "mpy"): FrozenItem[] =>
        s.files.map((f, i) => ({ path: f.rel, kind, data: kind === "source" ? f.data : mpys[i].data }));
      const fwBoard = board;
      const targets: [Variant, Target | null][] = [
        ["py", { dirs: [pyDir] }],
        ["mpy", { dirs: [mpyDir] }],
        ["frozen-source", { wasm: buildFirmware({ core, items: frozen("source"), board: fwBoard }), dirs: [".frozen"] }],
        ["frozen-bytecode", { wasm: buildFirmware({ core, items: frozen("mpy"), board: fwBoard }), dirs: [".frozen"] }],
        [
          "romfs",
          romfs
            ? {
                wasm: buildFirmware({
                  core,
                  items: [],
                  board: fwBoard,
                  romfs: romfs(mpys.map((f) => ({ path: f.rel, data: f.data }))),
                }),
                dirs: ["/rom"],
              }
            : null,
        ],
      ];
      for (const [variant, t] of targets) {
        if (t === null) continue;
        const rs: BenchRecord[] = [];
        for (let i = 0; i < runs; i++) rs.push(measureOnce(s, variant, board, t));
        records.push({ ...rs[0], import_us: median(rs.map((r) => r.import_us)) });
      }
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return records;
}

function write(file: string, data: Uint8Array): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, data);
}

/** The terminal table: one row per module and variant. */
export function formatTable(records: BenchRecord[]): string {
  const head = ["module", "variant", "import_us", "heap_after", "heap_peak", "qstr_bytes", "fits"];
  const rows = records.map((r) => [
    r.module,
    r.variant,
    String(r.import_us),
    String(r.heap_after),
    String(r.heap_peak),
    String(r.qstr_bytes),
    r.fits ? "yes" : "NO",
  ]);
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(w[i]) : c.padStart(w[i]))).join("  ").trimEnd();
  return [line(head), w.map((n) => "-".repeat(n)).join("  "), ...rows.map(line)].join("\n") + "\n";
}

/** An SVG chart of heap_after and heap_peak per module and variant (vega-lite, rendered by vega). */
export async function renderSvg(records: BenchRecord[]): Promise<string> {
  const vega = await import("vega");
  const vl = await import("vega-lite");
  const values = records.flatMap((r) => [
    { module: r.module, variant: r.variant, measure: "heap after import (bytes)", bytes: r.heap_after },
    { module: r.module, variant: r.variant, measure: "heap peak during import (bytes)", bytes: r.heap_peak },
  ]);
  const spec = {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    title: `Import cost by way of shipping (board ${records[0]?.board ?? ""})`,
    data: { values },
    facet: { row: { field: "measure", type: "nominal", title: null }, column: { field: "module", type: "nominal" } },
    spec: {
      width: 160,
      height: 140,
      mark: "bar",
      encoding: {
        x: { field: "variant", type: "nominal", sort: VARIANTS, axis: { labelAngle: -40 }, title: null },
        y: { field: "bytes", type: "quantitative", title: "bytes" },
        color: { field: "variant", type: "nominal", sort: VARIANTS },
      },
    },
    resolve: { scale: { y: "independent" } },
  };
  const compiled = vl.compile(spec as never).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  return view.toSVG();
}

/** The `bench` subcommand: returns the exit status. */
export async function benchMain(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        board: { type: "string", default: "unix" },
        runs: { type: "string", default: "5" },
        json: { type: "string" },
        svg: { type: "string" },
        markdown: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    process.stderr.write(`mpy-wasm-freeze bench: ${(e as Error).message}\n`);
    return 1;
  }
  if (args.values.help) {
    process.stdout.write(
      "usage: mpy-wasm-freeze bench [MODULE_OR_PACKAGE...] [--board NAME] [--runs N] [--json FILE] [--svg FILE] [--markdown FILE]\n",
    );
    return 0;
  }
  const runs = Number(args.values.runs);
  if (!Number.isInteger(runs) || runs < 1) {
    process.stderr.write("mpy-wasm-freeze bench: --runs needs a positive integer\n");
    return 1;
  }
  let board: BoardProfile;
  let subjects: Subject[];
  try {
    board = findBoard(args.values.board!);
    subjects = args.positionals.length ? args.positionals.map(readSubject) : demoSubjects();
  } catch (e) {
    process.stderr.write(`mpy-wasm-freeze bench: ${(e as Error).message}\n`);
    return 1;
  }
  const core = fs.readFileSync(path.join(here, "mpy.wasm"));
  const records = runBenchRecords(subjects, board, core, runs);
  process.stdout.write(`board ${board.name}: heap ${board.heapBytes} bytes, pystack ${board.pystackBytes} bytes\n`);
  process.stdout.write(formatTable(records));
  if (args.values.json) fs.writeFileSync(args.values.json, JSON.stringify(records, null, 2) + "\n");
  if (args.values.svg) fs.writeFileSync(args.values.svg, await renderSvg(records));
  if (args.values.markdown) writeMarkdown(args.values.markdown, records, board, ["bench", ...argv].join(" "));
  return 0;
}

/** Replaces (or appends) the freeze block of a Markdown file with `records` for one board. */
export function writeMarkdown(file: string, records: BenchRecord[], board: BoardProfile, command: string): void {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  const tag = `freeze:${board.name}`;
  const lines = [
    `<!-- ${tag}:begin -->`,
    `### Frozen vs filesystem imports, board ${board.name} — ${new Date().toISOString().slice(0, 10)}`,
    "",
    `- Machine: ${os.cpus().length} × ${cpu}, ${os.platform()} ${os.release()}, node ${process.version}`,
    `- Command: \`mpy-wasm-freeze ${command.replace(/--markdown \S+/, "").trim()}\``,
    `- Board: heap ${board.heapBytes} bytes, pystack ${board.pystackBytes} bytes. A fresh runtime per import; ` +
      "import_us is the median of the runs; heap_after = gc.mem_alloc() growth after the import and gc.collect(); " +
      "heap_peak = highest heap use during the import above the collected base (micropython.mem_peak); " +
      "qstr_bytes = growth of the dynamic qstr pools (micropython.qstr_info).",
    "",
    "| module | variant | import (µs) | heap after (B) | heap peak (B) | qstr (B) | fits |",
    "| --- | --- | ---: | ---: | ---: | ---: | --- |",
    ...records.map(
      (r) =>
        `| ${r.module} | ${r.variant} | ${r.import_us} | ${r.heap_after} | ${r.heap_peak} | ${r.qstr_bytes} | ${r.fits ? "yes" : "**no**"} |`,
    ),
    `<!-- ${tag}:end -->`,
  ];
  const block = lines.join("\n");
  let text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "# Benchmarks\n";
  const re = new RegExp(`<!-- ${tag}:begin -->[\\s\\S]*<!-- ${tag}:end -->`);
  text = re.test(text) ? text.replace(re, block) : text.trimEnd() + "\n\n" + block + "\n";
  fs.writeFileSync(file, text);
}
