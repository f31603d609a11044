// Unit tests of the lexer and parser (assembly/lexer.ts, assembly/parse.ts):
// builds tests/unit/parser_entry.ts with the AssemblyScript compiler, parses
// each tests/unit/parser/<case>.py and compares the printed tree with
// <case>.py.exp. The expected trees are MicroPython's own (its coverage build
// prints them with -v -v -v), with constant objects shown as "literal const";
// for bad source the .exp holds the exception and its line. Also parses every
// case under GC stress and a few inputs that must not trap.
//
//   node --test tests/unit/parser.test.mjs
import { test, before } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..");
const casesDir = path.join(here, "parser");
let wasmModule;

before(async () => {
  const asc = await import("assemblyscript/asc");
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "mpy-parser-")), "parser.wasm");
  const cwd = process.cwd();
  process.chdir(root);
  try {
    const { error, stderr } = await asc.main(
      [
        "tests/unit/parser_entry.ts",
        ...["--runtime", "stub", "--exportTable", "--exportStart", "_start", "-O1"],
        ...["--outFile", out],
      ],
      { stdout: { write() {} }, stderr: { write() {} } },
    );
    if (error) throw new Error(`asc failed: ${error.message}\n${stderr.toString()}`);
  } finally {
    process.chdir(cwd);
  }
  wasmModule = new WebAssembly.Module(fs.readFileSync(out));
});

/** A new instance (4 MiB heap); host imports are stubs except stdout. */
function instance() {
  const chunks = [];
  let memory = null;
  const mphal = new Proxy(
    {},
    {
      get: (_t, name) =>
        name === "stdout_tx_strn"
          ? (fd, ptr, len) => chunks.push(Buffer.from(new Uint8Array(memory.buffer, ptr, len)))
          : () => 0,
    },
  );
  const inst = new WebAssembly.Instance(wasmModule, {
    mphal,
    env: {
      abort(m, f, l, c) {
        throw new Error(`core abort at ${l}:${c}`);
      },
    },
  });
  const ex = inst.exports;
  memory = ex.memory;
  ex._start();
  assert.equal(ex.mp_init(4 * 1024 * 1024, 64 * 1024), 0);
  return {
    ex,
    take() {
      const s = Buffer.concat(chunks).toString("utf8");
      chunks.length = 0;
      return s;
    },
  };
}

let shared = null;

/**
 * Parses `src` as `kind` (0 single, 1 file, 2 eval) and returns what the
 * entry printed. One instance serves all parses: each parse frees its tree
 * or takes its exception, so the next starts clean.
 */
function parse(src, kind = 1, stress = false) {
  shared ??= instance();
  const { ex, take } = shared;
  const bytes = Buffer.from(src, "utf8");
  new Uint8Array(ex.memory.buffer).set(bytes, ex.test_src_buf.value);
  ex.test_parse(bytes.length, kind, stress ? 1 : 0);
  return take();
}

function normalise(s) {
  return s
    .split("\n")
    .map((l) => l.replace(/literal const\((0x)?[0-9a-f]+\)=.*$/, "literal const"))
    .join("\n");
}

const cases = fs
  .readdirSync(casesDir)
  .filter((f) => f.endsWith(".py"))
  .sort();

for (const f of cases) {
  test(`parse ${f}`, () => {
    const src = fs.readFileSync(path.join(casesDir, f), "utf8");
    const exp = fs.readFileSync(path.join(casesDir, f + ".exp"), "utf8");
    assert.equal(normalise(parse(src)), exp);
    assert.equal(normalise(parse(src, 1, true)), exp, "under GC stress");
  });
}

test("input kinds", () => {
  assert.match(parse("1 +", 2), /^SyntaxError: invalid syntax @<stdin>:1/);
  assert.match(parse("", 0), /^SyntaxError: invalid syntax/);
  assert.match(parse("x\n", 0), /expr_stmt/);
  // eval input keeps the NEWLINE the lexer adds, as eval_input_2
  assert.match(parse("(x)", 2), /^----------------\n\[ {3}1\] eval_input\(63\) \(n=2\)\n {9}id\(x\)\n/);
});

test("hostile input never traps", () => {
  const inputs = [
    "\0\0\0",
    "\xff\xfe(",
    "'\\",
    "f'{",
    "f'{x!",
    "'''",
    "\\",
    "if 1:\n\tx\n        y\n",
    "x = " + "(".repeat(5000),
    "x = " + "-".repeat(5000) + "1",
    "(" + "[".repeat(200) + "]".repeat(200) + ")",
    "\r\r\r\n\n\r",
    "a = 1\n".repeat(3000),
    "'\\N{DASH}'",
  ];
  for (const s of inputs) {
    for (const kind of [0, 1, 2]) {
      const out = parse(s, kind);
      const what = `${JSON.stringify(s.slice(0, 40))}: ${out.slice(0, 200)}`;
      assert.ok(out.startsWith("----") || /^[A-Za-z]*Error/.test(out), what);
    }
  }
});
