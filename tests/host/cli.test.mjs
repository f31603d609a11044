// End-to-end tests of the mpy-wasm command (host/cli/micropython.ts): the
// unix port's command line, exit statuses, traceback output, sys.argv and
// sys.path, and bad input (unknown files, syntax errors, bad options) that
// must end in a clear error, never a crash of the host.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const cli = path.join(root, "bin", "mpy-wasm.js");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "mpy-cli-"));

function run(args, opts = {}) {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd: opts.cwd ?? tmp,
    input: opts.input ?? "",
    encoding: "utf8",
    env: { ...process.env, ...(opts.env ?? {}) },
    timeout: 60000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function write(name, text) {
  const p = path.join(tmp, name);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, text);
  return p;
}

test("-c runs a command and sets sys.argv like the unix port", () => {
  const r = run(["-c", "import sys; print(sys.argv)", "a", "b"]);
  assert.equal(r.out, "['-c', 'a', 'b']\n");
  assert.equal(r.code, 0);
});

test("a file gets sys.argv, sys.path[0] and __file__", () => {
  const p = write("prog.py", "import sys\nprint(sys.argv[1:])\nprint(sys.path[0])\nprint(__file__)\n");
  const r = run([p, "x", "--y"]);
  assert.equal(r.out, `['x', '--y']\n${fs.realpathSync(tmp)}\n${p}\n`);
  assert.equal(r.code, 0);
});

test("uncaught exception: traceback on stderr with file and line, exit 1", () => {
  const p = write("boom.py", "x = 1\n\ndef f():\n    raise ValueError('bad thing')\n\nf()\n");
  const r = run([p]);
  assert.equal(r.code, 1);
  assert.equal(
    r.err,
    `Traceback (most recent call last):\n  File "${p}", line 6, in <module>\n  File "${p}", line 4, in f\nValueError: bad thing\n`,
  );
  assert.equal(r.out, "");
});

test("SystemExit sets the exit status", () => {
  assert.equal(run(["-c", "import sys; sys.exit(3)"]).code, 3);
  assert.equal(run(["-c", "raise SystemExit"]).code, 0);
  assert.equal(run(["-c", "raise SystemExit('msg')"]).code, 1);
  assert.equal(run(["-c", "import sys; print('out'); sys.exit(0)"]).out, "out\n");
});

test("syntax error: SyntaxError with the line, exit 1, no host crash", () => {
  const p = write("bad.py", "a = 1\nb = (2,\nc = 3 3\n");
  const r = run([p]);
  assert.equal(r.code, 1);
  assert.match(r.err, /^Traceback \(most recent call last\):\n  File ".*bad\.py", line 3\nSyntaxError: invalid syntax\n$/);
});

test("unknown file: the unix port's message and exit 2", () => {
  const r = run(["no_such_file.py"]);
  assert.equal(r.code, 2);
  assert.equal(r.err, "mpy-wasm: can't open file 'no_such_file.py': [Errno 2] No such file or directory\n");
});

test("bad options are refused", () => {
  const r = run(["-X", "heapsize=lots", "-c", "print(1)"]);
  assert.equal(r.code, 1);
  assert.match(r.err, /Invalid command line arguments/);
  assert.equal(run(["-Z"]).code, 1);
});

test("a program on stdin runs when stdin is not a terminal", () => {
  const r = run([], { input: "import sys\nprint('' in sys.path, 6 * 7)\n" });
  assert.equal(r.out, "True 42\n");
  assert.equal(r.code, 0);
});

test("MICROPYPATH sets the module search path", () => {
  write("lib/mymod.py", "VALUE = 'from lib'\n");
  const r = run(["-c", "import mymod, sys; print(mymod.VALUE, sys.path[1:])"], {
    env: { MICROPYPATH: path.join(tmp, "lib") + ":/nonexistent" },
  });
  assert.equal(r.out, `from lib ['${path.join(tmp, "lib")}', '/nonexistent']\n`);
});

test("-m runs a module as __main__", () => {
  write("mainmod.py", "print(__name__)\n");
  const r = run(["-m", "mainmod"], { env: { MICROPYPATH: tmp } });
  assert.equal(r.out, "__main__\n");
});

test("-X heapsize bounds the heap: MemoryError, not a crash", () => {
  const r = run(["-X", "heapsize=64k", "-c", "l = []\ntry:\n  while True: l.append(bytearray(100))\nexcept MemoryError:\n  print('MemoryError')\n"]);
  assert.equal(r.out, "MemoryError\n");
  assert.equal(r.code, 0);
});

test("an unhandled MemoryError is reported like any exception", () => {
  const r = run(["-X", "heapsize=64k", "-c", "x = bytearray(1 << 20)"]);
  assert.equal(r.code, 1);
  assert.match(r.err, /MemoryError/);
});
