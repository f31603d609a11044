// .mpy files (assembly/persistentcode.ts, bcverify.ts) and the mpy-wasm-cross
// command (host/cli/mpycross.ts):
// - every tests/basics program, compiled to .mpy by our compiler and
//   imported, prints what its .py prints;
// - the command line of MicroPython's mpy-cross (-o, -s, -O, --version, stdin,
//   errors);
// - bad .mpy files (MicroPython's invalid headers, native code, every
//   truncation, a bounded fuzzer over the header and constant tables) end in
//   a Python exception, never a wasm trap, and the runtime stays usable.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const cli = path.join(root, "bin", "mpy-wasm.js");
const cross = path.join(root, "bin", "mpy-wasm-cross.js");
const { Runtime } = await import(path.join(root, "build", "index.mjs"));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "mpy-mpy-"));

function run(cmd, args, opts = {}) {
  const r = spawnSync(process.execPath, [cmd, ...args], {
    cwd: opts.cwd ?? tmp,
    input: opts.input ?? "",
    env: { ...process.env, MICROPYPATH: "" },
    timeout: 120000,
    maxBuffer: 64 << 20,
  });
  return { code: r.status, out: r.stdout.toString("latin1"), err: r.stderr.toString() };
}

// A driver that imports each module in turn, as a test runner would.
function driver(names) {
  return [
    "import sys, gc",
    `for name in ${JSON.stringify(names)}:`,
    "    print('==', name)",
    "    try:",
    "        __import__(name)",
    "    except SystemExit:",
    "        pass",
    "    except Exception as e:",
    "        print('EXC', type(e).__name__)",
    "    sys.modules.pop(name, None)",
    "    gc.collect()",
    "",
  ].join("\n");
}

test("tests/basics compiled to .mpy by mpy-wasm-cross print what their .py print", () => {
  const src = path.join(root, "tests", "basics");
  const pyDir = path.join(tmp, "py");
  const mpyDir = path.join(tmp, "mpy");
  fs.mkdirSync(pyDir);
  fs.mkdirSync(mpyDir);
  const rt = Runtime.create({ heapBytes: 8 << 20 });
  const names = [];
  for (const f of fs.readdirSync(src).filter((f) => f.endsWith(".py")).sort()) {
    const text = fs.readFileSync(path.join(src, f));
    // (as run-tests.py --via-mpy, programs that print their file name are left out)
    if (/input\(|sys\.stdin|__file__/.test(text.toString())) continue;
    const name = "t_" + f.slice(0, -3);
    fs.writeFileSync(path.join(pyDir, name + ".py"), text);
    const mpy = rt.crossCompile(text, name + ".py");
    assert.ok(mpy, `${f} compiles`);
    fs.writeFileSync(path.join(mpyDir, name + ".mpy"), mpy);
    names.push(name);
  }
  assert.ok(names.length > 100);
  const prog = driver(names);
  const a = run(cli, ["-X", "heapsize=16m", "-c", prog], { cwd: pyDir });
  const b = run(cli, ["-X", "heapsize=16m", "-c", prog], { cwd: mpyDir });
  assert.equal(a.code, 0, a.err);
  assert.equal(b.err, a.err);
  assert.equal(b.out, a.out);
  assert.equal(b.code, 0);
});

test("import prefers foo.py to foo.mpy and sets __file__ to the file found", () => {
  const d = path.join(tmp, "pref");
  fs.mkdirSync(d);
  const rt = Runtime.create({});
  fs.writeFileSync(path.join(d, "both.mpy"), rt.crossCompile(Buffer.from("print('from mpy')"), "both.py"));
  fs.writeFileSync(path.join(d, "both.py"), "print('from py')\n");
  fs.writeFileSync(path.join(d, "only.mpy"), rt.crossCompile(Buffer.from("print('only mpy', __name__)"), "only.py"));
  const r = run(cli, ["-c", "import both, only; print(both.__file__, only.__file__)"], { cwd: d });
  assert.equal(r.out, "from py\nonly mpy only\nboth.py only.mpy\n");
});

test("mpy-wasm-cross: -o, -s (the name in tracebacks), -O, --version, stdin to stdout", () => {
  const p = path.join(tmp, "prog.py");
  fs.writeFileSync(p, "assert False, 'kept'\n");
  let r = run(cross, ["--version"]);
  assert.equal(r.code, 0);
  assert.match(r.out, /mpy v6\.3/);
  r = run(cross, [p]);
  assert.equal(r.code, 0, r.err);
  assert.ok(fs.existsSync(path.join(tmp, "prog.mpy")));
  r = run(cli, ["-c", "import prog"]);
  assert.equal(r.code, 1);
  assert.match(r.err, /File "[^"]*prog\.py", line 1, in <module>\nAssertionError: kept\n$/);
  // -s names the source; -O drops asserts
  r = run(cross, ["-s", "named.py", "-o", path.join(tmp, "prog2.mpy"), p]);
  assert.equal(r.code, 0, r.err);
  r = run(cli, ["-c", "import prog2"]);
  assert.match(r.err, /File "named\.py", line 1, in <module>/);
  r = run(cross, ["-O1", "-o", path.join(tmp, "prog3.mpy"), p]);
  assert.equal(r.code, 0, r.err);
  r = run(cli, ["-c", "import prog3; print('no assert')"]);
  assert.equal(r.out, "no assert\n");
  r = run(cross, ["-"], { input: "print(6 * 7)\n" });
  assert.equal(r.code, 0, r.err);
  assert.equal(r.out.slice(0, 2), "M\x06");
  fs.writeFileSync(path.join(tmp, "fromstdin.mpy"), Buffer.from(r.out, "latin1"));
  assert.equal(run(cli, ["-c", "import fromstdin"]).out, "42\n");
});

test("mpy-wasm-cross: syntax errors, missing files and bad options fail with status 1", () => {
  const bad = path.join(tmp, "bad.py");
  fs.writeFileSync(bad, "x = (\n");
  let r = run(cross, [bad]);
  assert.equal(r.code, 1);
  assert.equal(r.err, `Traceback (most recent call last):\n  File "${bad}", line 2\nSyntaxError: invalid syntax\n`);
  assert.ok(!fs.existsSync(path.join(tmp, "bad.mpy")));
  r = run(cross, ["no_such_file.py"]);
  assert.equal(r.code, 1);
  assert.equal(r.err, `OSError: (2, "can't open no_such_file.py")\n`);
  assert.equal(run(cross, []).code, 1);
  assert.equal(run(cross, ["-march=z80", bad]).code, 1);
  assert.equal(run(cross, ["-X", "emit=native", bad]).code, 1);
});

// One runtime imports many bad files; each import must raise, and the runtime
// must still run code afterwards.
function importAll(files, timeoutMs) {
  const dir = fs.mkdtempSync(path.join(tmp, "bad-"));
  let out = "";
  const rt = Runtime.create({
    heapBytes: 2 << 20,
    write: (fd, b) => (out += Buffer.from(b).toString("latin1")),
    readByte: () => -1, // stdin at EOF, should a mutation reach input()
  });
  assert.equal(rt.execString(`import sys\nsys.path.insert(0, ${JSON.stringify(dir)})`, "<setup>", "file"), 0);
  const results = [];
  files.forEach((bytes, i) => {
    fs.writeFileSync(path.join(dir, `m${i}.mpy`), bytes);
    out = "";
    // __import__ binds no name, so each module can be collected
    const code = [
      "import sys, gc",
      "try:",
      `    __import__('m${i}')`,
      "    print('OK')",
      "except Exception as e:",
      "    print('EXC', type(e).__name__, e)",
      `sys.modules.pop('m${i}', None)`,
      "gc.collect()",
      "",
    ].join("\n");
    let status;
    try {
      status = rt.execString(code, "<import>", "file", timeoutMs);
    } catch (e) {
      assert.fail(`file ${i} trapped: ${e.message} (bytes ${Buffer.from(bytes).toString("hex")})`);
    }
    results.push({ status, out });
  });
  out = "";
  assert.equal(rt.execString("print(sum(range(10)))", "<after>", "file"), 0);
  assert.equal(out, "45\n");
  return results;
}

test("MicroPython's invalid .mpy headers and native code raise ValueError", () => {
  const res = importAll(
    [
      Buffer.from(""),
      Buffer.from("M"),
      Buffer.from("M\x00\x00\x00"),
      Buffer.from("M\x06\x00\x3f\x00\x00"), // 63-bit small ints
      Buffer.from("M\x06\x0b\x1f"), // x64 native code, sub-version 3
      Buffer.from("M\x06\x08\x1f"), // x64 native code, wrong sub-version
      Buffer.from("M\x06\x40\x1f\x00"), // arch flags without an arch
    ],
    1000,
  );
  assert.deepEqual(
    res.map((r) => r.out),
    [
      "EXC ValueError incompatible .mpy file\n",
      "EXC ValueError incompatible .mpy file\n",
      "EXC ValueError incompatible .mpy file\n",
      "EXC ValueError incompatible .mpy file\n",
      "EXC ValueError native code in .mpy unsupported\n",
      "EXC ValueError incompatible .mpy file\n",
      "EXC ValueError incompatible .mpy file\n",
    ],
  );
});

test("functions made with defaults their code does not expect raise RuntimeError", () => {
  const rt = Runtime.create({});
  const src = "def g(a, b=2):\n    return a\n\n\ndef h():\n    return 1\n\n\nh()\ng(1)\n";
  const good = Buffer.from(rt.crossCompile(Buffer.from(src), "defs.py"));
  // MAKE_FUNCTION 1 (h) -> MAKE_FUNCTION 0 (g, whose code reads a default that is not there)
  const noDefaults = Buffer.from(good);
  const at1 = noDefaults.indexOf(Buffer.from([0x32, 0x01, 0x16]));
  assert.ok(at1 > 0);
  noDefaults[at1 + 1] = 0x00;
  // MAKE_FUNCTION_DEFARGS 0 (g) -> MAKE_FUNCTION_DEFARGS 1 (h, which takes none)
  const extraDefaults = Buffer.from(good);
  const at2 = extraDefaults.indexOf(Buffer.from([0x33, 0x00, 0x16]));
  assert.ok(at2 > 0);
  extraDefaults[at2 + 1] = 0x01;
  const res = importAll([good, noDefaults, extraDefaults], 1000);
  assert.deepEqual(
    res.map((r) => r.out),
    ["OK\n", "EXC RuntimeError corrupted bytecode\n", "EXC RuntimeError corrupted bytecode\n"],
  );
});

test("a cell access on a non-cell and a comprehension into the wrong type raise RuntimeError", () => {
  const rt = Runtime.create({});
  // (g() runs when g is a closure; made as a plain function it takes the cell as an argument)
  const closure =
    "def f():\n    x = 1\n\n    def g():\n        return x\n\n    return g\n\n\n" +
    "g = f()\ntry:\n    g()\nexcept TypeError:\n    g(5)\n";
  const good1 = Buffer.from(rt.crossCompile(Buffer.from(closure), "cl.py"));
  // LOAD_FAST 1; MAKE_CLOSURE 0 (1 cell) -> LOAD_FAST 1; POP_TOP; MAKE_FUNCTION 0: g's
  // LOAD_DEREF then reads its argument (an int) as a cell
  const noCell = Buffer.from(good1);
  const at1 = noCell.indexOf(Buffer.from([0xb1, 0x20, 0x00, 0x01]));
  assert.ok(at1 > 0);
  noCell.set([0x59, 0x32, 0x00], at1 + 1);
  const comp = "[i for i in range(3)]\n";
  const good2 = Buffer.from(rt.crossCompile(Buffer.from(comp), "lc.py"));
  // the comprehension's BUILD_LIST 0 -> BUILD_MAP 0: STORE_COMP appends to a dict
  const wrongType = Buffer.from(good2);
  const at2 = wrongType.lastIndexOf(Buffer.from([0x2b, 0x00]));
  assert.ok(at2 > 0);
  wrongType[at2] = 0x2c;
  const res = importAll([good1, noCell, good2, wrongType], 1000);
  assert.deepEqual(
    res.map((r) => r.out),
    ["OK\n", "EXC RuntimeError corrupted bytecode\n", "OK\n", "EXC RuntimeError corrupted bytecode\n"],
  );
});

const seed = (() => {
  const rt = Runtime.create({ heapBytes: 4 << 20 });
  return rt.crossCompile(fs.readFileSync(path.join(root, "tests", "mpy", "fuzz_seed.py")), "fuzz_seed.py");
})();

test("the fuzz seed runs from .mpy", () => {
  const [r] = importAll([seed], 5000);
  assert.equal(r.out, "OK\n");
});

test("every truncation of a .mpy file and trailing bytes raise ValueError", () => {
  const files = [];
  for (let n = 0; n < seed.length; n++) files.push(seed.subarray(0, n));
  files.push(Buffer.concat([seed, Buffer.from([0])]));
  for (const r of importAll(files, 1000)) assert.equal(r.out, "EXC ValueError incompatible .mpy file\n");
});

// Offset of the module's raw code: after the header and the constant tables.
function tablesEnd(b) {
  let p = 4;
  const uint = () => {
    let v = 0;
    for (;;) {
      const c = b[p++];
      v = v * 128 + (c & 0x7f);
      if (!(c & 0x80)) return v;
    }
  };
  const nq = uint();
  const no = uint();
  for (let i = 0; i < nq; i++) {
    const n = uint();
    if (!(n & 1)) p += (n >> 1) + 1;
  }
  const obj = () => {
    const t = b[p++];
    if (t < 5) return;
    const n = uint();
    if (t === 10) for (let i = 0; i < n; i++) obj();
    else p += t === 5 || t === 6 ? n + 1 : n;
  };
  for (let i = 0; i < no; i++) obj();
  return p;
}

// A deterministic LCG, so a failure is reproducible.
function lcg(seed) {
  let s = seed;
  return (n) => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s % n;
  };
}

// 1 to 4 random byte changes (bit flips or new values) in [from, to).
function mutate(rnd, from, to) {
  const b = Buffer.from(seed);
  const n = 1 + rnd(4);
  for (let k = 0; k < n; k++) {
    const at = from + rnd(to - from);
    if (rnd(2)) b[at] ^= 1 << rnd(8);
    else b[at] = rnd(256);
  }
  return b;
}

// Each mutated file either loads and runs (the program may then raise
// anything, exit, or loop until the time limit's KeyboardInterrupt) or is refused
// with a Python exception; a wasm trap fails the test in importAll.
function checkFuzz(files) {
  const res = importAll(files, 200);
  const kinds = new Map();
  for (const [i, r] of res.entries()) {
    const m = /^(OK|EXC (\w+))/m.exec(r.out);
    if (process.env.MPY_FUZZ_DUMP && !m) fs.writeFileSync(`${process.env.MPY_FUZZ_DUMP}/case${i}.mpy`, files[i]);
    // (a mutation may also make the program raise SystemExit)
    const k = m ? (m[2] ?? "OK") : /KeyboardInterrupt/.test(r.out) ? "timeout" : r.status & 0x100 ? "exit" : "other";
    assert.notEqual(k, "other", `status ${r.status}: ${r.out}`);
    kinds.set(k, (kinds.get(k) ?? 0) + 1);
  }
  return kinds;
}

test("fuzzer: mutated headers and constant tables raise an exception or load, never trap", () => {
  const rnd = lcg(20261122);
  const end = tablesEnd(seed);
  assert.ok(end > 100 && end < seed.length);
  const files = [];
  for (let i = 0; i < 600; i++) files.push(mutate(rnd, 0, end));
  const kinds = checkFuzz(files);
  assert.ok(kinds.has("ValueError"), [...kinds.keys()].join());
});

test("fuzzer: mutated bytecode is refused by the verifier or runs safely, never traps", () => {
  const rnd = lcg(4242);
  const end = tablesEnd(seed);
  const files = [];
  for (let i = 0; i < 2000; i++) files.push(mutate(rnd, end, seed.length));
  const kinds = checkFuzz(files);
  // the verifier refuses many; many others still load and run
  assert.ok(kinds.get("ValueError") > 200, [...kinds].join());
  assert.ok(kinds.get("OK") > 200, [...kinds].join());
});
