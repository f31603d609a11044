// The memory table of host/bench/memory.ts (build/memory.mjs), on mpy-wasm
// only (the WebAssembly port it is compared with in BENCHMARKS.md is not
// needed here): every operation runs, and the heap bytes of objects whose
// layout is MicroPython's are exactly those of a 32-bit MicroPython heap
// (16-byte blocks; py/obj*.h sizes), so the measurement cannot pass vacuously.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
// MPY_BUILD_DIR tests another build (as host/build.ts writes it)
const buildDir = process.env.MPY_BUILD_DIR
  ? path.resolve(process.env.MPY_BUILD_DIR)
  : path.join(root, "build");
const mem = await import(path.join(buildDir, "memory.mjs"));
const { MEMORY_OPS, measureOurs, memoryTable, memoryReport, writeMemoryReport, within10 } = mem;

const rows = await memoryTable({ port: false, print: false });
const byName = new Map(rows.map((r) => [r.op.name, r.ours]));

function ours(prefix) {
  const hits = [...byName.keys()].filter((k) => k.startsWith(prefix));
  assert.equal(hits.length, 1, `one operation named ${prefix}...`);
  return byName.get(hits[0]);
}

const ceil16 = (n) => (n + 15) & ~15;

test("the table measures every operation on a 1 MiB heap", () => {
  assert.equal(mem.OUR_HEAP_BYTES, 1024 * 1024);
  assert.equal(rows.length, MEMORY_OPS.length);
  for (const r of rows) {
    assert.equal(r.ours.error, undefined, `${r.op.name}: ${r.ours.error}`);
    assert.equal(r.port, null);
    for (const k of ["retained", "allocated"]) {
      const v = r.ours[k];
      assert.ok(Number.isInteger(v) && v % 16 === 0, `${r.op.name} ${k} = ${v}: whole blocks`);
    }
    // what stays after the collection was allocated while computing it
    const { retained, allocated } = r.ours;
    assert.ok(0 <= retained && retained <= allocated, `${r.op.name}: ${JSON.stringify(r.ours)}`);
  }
});

test("immediates and boxed scalars", () => {
  assert.deepEqual(ours("int, small"), { retained: 0, allocated: 0 }); // a small int is a tagged word
  assert.deepEqual(ours("float"), { retained: 16, allocated: 16 }); // type + pad + double
  assert.equal(ours("complex").retained, 32); // type + pad + 2 doubles = 24 B
  assert.equal(ours("int, big").retained, 32); // mpz header block + digits block (107 bits)
});

test("strings and buffers: a 16-byte header plus the data block", () => {
  assert.equal(ours("str, short").retained, 16 + ceil16(6 + 1));
  assert.equal(ours("str, long").retained, 16 + ceil16(200 + 1));
  assert.equal(ours("bytes (10)").retained, 16 + ceil16(10 + 1));
  assert.equal(ours("bytearray(10)").retained, 16 + ceil16(10));
});

test("lists: 4 slots at least, doubling on append (py/objlist.c)", () => {
  assert.equal(ours("list, empty").retained, 16 + 4 * 4);
  assert.equal(ours("list, 3 items").retained, 16 + 4 * 4);
  assert.equal(ours("list: [] then 4 appends").retained, 16 + 4 * 4);
  assert.equal(ours("list: [] then 5 appends").retained, 16 + 8 * 4);
  assert.equal(ours("list: [] then 9 appends").retained, 16 + 16 * 4);
  for (const n of [10, 100, 1000]) {
    const slots = Math.max(4, 2 ** Math.ceil(Math.log2(n)));
    const comp = ours(`list of ${n} ints (comprehension)`).retained;
    assert.equal(comp, 16 + ceil16(slots * 4), `comprehension of ${n}`);
    assert.equal(ours(`list of ${n} ints ([0]`).retained, 16 + ceil16(n * 4), `[0] * ${n}`);
  }
});

test("fixed-size objects", () => {
  assert.equal(ours("tuple, 3 items").retained, ceil16(8 + 3 * 4));
  assert.equal(ours("dict, empty").retained, 16); // no table until the first key
  assert.equal(ours("range(n)").retained, 16);
  assert.equal(ours("slice").retained, 16);
  assert.equal(ours("instance, 0 attributes").retained, 16);
  assert.equal(ours("bound method").retained, 16);
  assert.equal(ours("exception instance").retained, 16 + 16); // exception + its args tuple
  assert.equal(ours("closure").retained, 48); // function + closure + cell
  assert.equal(ours("generator").retained, 48);
});

test("a result that is not held alive is not counted as retained", () => {
  const r = measureOurs({ name: "dropped", expr: "[0] * 1000 and None" });
  assert.equal(r.retained, 0);
  assert.ok(r.allocated >= 4016, `allocated ${r.allocated}`);
});

test("the report block replaces only its own markers in BENCHMARKS.md", () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "mpy-memtest-")), "BENCHMARKS.md");
  const bench = "<!-- bench:begin -->\ntimes\n<!-- bench:end -->";
  fs.writeFileSync(file, `# Benchmarks\n\n${bench}\n\n<!-- memory:begin -->\nold\n<!-- memory:end -->\n`);
  const fake = rows.map((r) => ({ ...r, port: { retained: r.ours.retained, allocated: r.ours.allocated } }));
  fake[0] = { ...fake[0], port: { retained: 100, allocated: 100 } };
  writeMemoryReport(file, memoryReport(fake, "test"));
  const text = fs.readFileSync(file, "utf8");
  assert.ok(text.includes(bench));
  assert.ok(!text.includes("\nold\n"));
  const tableRows = text
    .split("\n")
    .filter((l) => l.startsWith("| ") && !l.startsWith("| operation") && !l.startsWith("| ---"));
  assert.equal(tableRows.length, rows.length);
  assert.match(tableRows[0], /\| \*\*no\*\* \|/);
  assert.match(text, new RegExp(`\\*\\*${rows.length - 1} of ${rows.length} operations within 10%`));
  assert.ok(within10(110, 100) && !within10(111, 100) && within10(0, 0) && !within10(16, 0));
});
