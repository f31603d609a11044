// Firmware images (host/freeze/firmware.ts, assembly/frozenbuild.ts,
// assembly/frozenmod.ts): frozen source and frozen bytecode in a ROM data
// segment, boot.py/main.py at start-up, imports through ".frozen", objects
// used in place, and the errors of bad input.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const build = path.join(root, "build");
const { buildFirmware, FirmwareError } = await import(path.join(build, "firmware.mjs"));
const { Runtime } = await import(path.join(build, "index.mjs"));
const core = fs.readFileSync(path.join(build, "mpy.wasm"));
const app = path.join(root, "tests/firmware/app");
const appSrc = path.join(root, "tests/firmware/app_src");
const probe = path.join(root, "tests/firmware/outside/probe.py");
const board = { name: "test", heapBytes: 96 * 1024, pystackBytes: 16 * 1024 };
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "mpyfw-"));

/**
 * The test app's files as frozen items: app/ as bytecode and app_src/ as
 * source (what tests/firmware/manifest.py says), or everything as source.
 */
function appItems(allSource = false) {
  const rt = Runtime.create({ write: () => {} });
  const items = [];
  const walk = (dir, rel, source) => {
    for (const name of fs.readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      const r = rel ? rel + "/" + name : name;
      if (fs.statSync(full).isDirectory()) walk(full, r, source);
      else if (name.endsWith(".py")) {
        const src = fs.readFileSync(full);
        if (source || allSource) items.push({ path: r, kind: "source", data: src });
        else items.push({ path: r, kind: "mpy", data: rt.crossCompile(src, r) });
      }
    }
  };
  walk(app, "", false);
  walk(appSrc, "", true);
  return items;
}

function writeImage(name, items, b = board) {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, buildFirmware({ core, items, board: b }));
  return file;
}

function run(args, opts = {}) {
  return spawnSync(process.execPath, [path.join(build, "cli.mjs"), ...args], {
    encoding: "utf8",
    input: opts.input ?? "",
    cwd: opts.cwd ?? tmp,
  });
}

test("a firmware image runs its frozen boot.py then main.py, and imports frozen modules", () => {
  const fw = writeImage("app.wasm", appItems());
  const r = run(["--firmware", fw]);
  assert.equal(r.stderr, "");
  assert.equal(
    r.stdout,
    "boot.py ran\n" +
      "main: __main__ 123456789012345678901234567890 -98765432109876543210 0.0025 (1.5-2j) " +
      "(1, 'two', b'three', (4.5, None, True, Ellipsis), 100000000000000000000) 144\n" +
      "pkg: pkg from frozen source 42 pkg/sub.py\n" +
      "True\n" +
      "SyntaxError SyntaxError\n",
  );
  assert.equal(r.status, 7, "main.py's SystemExit code is the exit status");
});

test("mpy-wasm-freeze builds the same firmware from tests/firmware/manifest.py", () => {
  const out = path.join(tmp, "manifest.wasm");
  const r = spawnSync(
    process.execPath,
    [path.join(root, "bin/mpy-wasm-freeze.js"), path.join(root, "tests/firmware/manifest.py"), "-o", out, "--board", "esp32"],
    { encoding: "utf8" },
  );
  assert.equal(r.stderr, "");
  assert.match(r.stdout, /6 frozen files \(4 bytecode, 2 source\), board esp32, \d+ bytes/);
  const run1 = run(["--firmware", out]);
  assert.equal(run1.status, 7);
  assert.match(run1.stdout, /^boot\.py ran\nmain: __main__ 1234567890/);
  // the image boots with the esp32 profile's heap: the same total as the plain core given that board
  const total = "import gc; print(gc.mem_free() + gc.mem_alloc())";
  const withBoard = run(["-X", "board=esp32", "-c", total]);
  assert.equal(withBoard.stderr, "");
  assert.equal(run(["--firmware", out, "-c", total]).stdout.split("\n").slice(-2)[0], withBoard.stdout.trim());
  assert.notEqual(withBoard.stdout, run(["-c", total]).stdout);
});

test("a program given after --firmware runs after main.py, with the board's heap", () => {
  const fw = writeImage("noboot.wasm", appItems().filter((it) => it.path !== "main.py" && it.path !== "boot.py"));
  const total = "import gc; print(gc.mem_free() + gc.mem_alloc())";
  const r = run(["--firmware", fw, "-c", total]);
  assert.equal(r.stderr, "");
  assert.equal(r.stdout, run(["-X", "heapsize=96k", "-c", total]).stdout);
  // -X heapsize overrides the board
  const r2 = run(["--firmware", fw, "-X", "heapsize=200k", "-c", total]);
  assert.equal(r2.stdout, run(["-X", "heapsize=200k", "-c", total]).stdout);
  assert.notEqual(r.stdout, r2.stdout);
});

test("frozen bytecode is used in place: its constants and qstrs take no heap", () => {
  const items = appItems().filter((it) => it.path !== "main.py" && it.path !== "boot.py");
  const fwMpy = writeImage("mpy.wasm", items);
  const fwSrc = writeImage("src.wasm", appItems(true).filter((it) => it.path !== "main.py" && it.path !== "boot.py"));
  const heap = (out) => Number(/heap (\d+)/.exec(out)[1]);
  const frozenMpy = run(["--firmware", fwMpy, probe]);
  const frozenSrc = run(["--firmware", fwSrc, probe]);
  // the same module from the filesystem, in the plain core
  const fsdir = path.join(tmp, "fs");
  fs.mkdirSync(fsdir, { recursive: true });
  fs.copyFileSync(path.join(app, "consts.py"), path.join(fsdir, "consts.py"));
  const fromFs = spawnSync(process.execPath, [path.join(build, "cli.mjs"), "-X", "heapsize=96k", probe], {
    encoding: "utf8",
    env: { ...process.env, MICROPYPATH: fsdir },
    cwd: tmp,
  });
  for (const r of [frozenMpy, frozenSrc, fromFs]) {
    assert.equal(r.stderr, "");
    assert.match(r.stdout, /123456789012345678901234567891 100000000000000000000 b'bytes in ROM' \[0, 1, 4, 9\] Point\(1, 2\)/);
  }
  assert.match(frozenMpy.stdout, /\nconsts\.py\n/, "__file__ is the path inside .frozen");
  assert.ok(heap(frozenMpy.stdout) < heap(frozenSrc.stdout), `${heap(frozenMpy.stdout)} < ${heap(frozenSrc.stdout)}`);
  assert.ok(heap(frozenMpy.stdout) < heap(fromFs.stdout), `${heap(frozenMpy.stdout)} < ${heap(fromFs.stdout)}`);
  // no qstr of the frozen bytecode went into the heap's pools (qstr_info counts dynamic pools only)
  const nq = (out) => Number(/n_qstr=(\d+)/.exec(out)[1]);
  assert.ok(nq(frozenMpy.stdout) < nq(fromFs.stdout) - 10, frozenMpy.stdout);
});

test("the JS API boots an image the same way", () => {
  const fw = writeImage("api.wasm", appItems());
  let out = "";
  const rt = Runtime.create({ wasm: fs.readFileSync(fw), write: (fd, b) => (out += new TextDecoder().decode(b)) });
  assert.equal(rt.frozenCount(), 6);
  assert.equal(rt.execFrozen("boot.py"), 0);
  assert.equal(rt.execFrozen("nothing.py"), null);
  rt.sysPathAppend(".frozen");
  assert.equal(rt.execString("import pkg.sub\nprint(pkg.sub.twice(4))", "<api>", "file"), 0);
  assert.equal(out, "boot.py ran\n8\n");
  // help('modules') lists the frozen modules among the built-in ones, sorted, without ".py"
  out = "";
  assert.equal(rt.execString("help('modules')", "<api>", "file"), 0);
  for (const name of ["consts", "main", "pkg/__init__", "pkg/sub", "builtins"]) {
    assert.match(out, new RegExp(`(^|\\s)${name}(\\s|$)`), name);
  }
  assert.doesNotMatch(out, /\.py\b/);
  // qstr_info(1) lists only qstrs made at run time, not the frozen pool's (as MicroPython's qstr_dump_data)
  out = "";
  assert.equal(rt.execString("import micropython\nmicropython.qstr_info(1)", "<api>", "file"), 0);
  assert.match(out, /^qstr pool: n_pool=\d+, n_qstr=\d+/);
  assert.doesNotMatch(out, /Q\(consts\.py\)|Q\(Point\)/);
});

test("bad input to the firmware builder is a clear error", () => {
  const bad = new Uint8Array([77, 6, 0, 31, 0xff, 0xff]);
  assert.throws(
    () => buildFirmware({ core, items: [{ path: "bad.py", kind: "mpy", data: bad }], board }),
    (e) => e instanceof FirmwareError && /bad\.py: ValueError: incompatible \.mpy file/.test(e.message),
  );
  const one = { path: "a.py", kind: "source", data: new TextEncoder().encode("x = 1\n") };
  assert.throws(() => buildFirmware({ core, items: [one, one], board }), /frozen path given twice: a\.py/);
  const fw = fs.readFileSync(writeImage("one.wasm", [one]));
  assert.throws(() => buildFirmware({ core: fw, items: [one], board }), /already a firmware image/);
});

test("an image whose ROM header does not match its core is refused, not run", () => {
  const one = { path: "a.py", kind: "source", data: new TextEncoder().encode("x = 1\n") };
  const fw = fs.readFileSync(writeImage("hdr.wasm", [one]));
  // corrupt the ROM magic: find "MPWR" in the image
  const at = Buffer.from(fw).indexOf("MPWR");
  assert.ok(at > 0);
  fw[at] = 0x58;
  fs.writeFileSync(path.join(tmp, "corrupt.wasm"), fw);
  const r = run(["--firmware", path.join(tmp, "corrupt.wasm"), "-c", "print(1)"]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /ROM does not belong to this core/);
  const r2 = run(["--firmware", path.join(tmp, "missing.wasm"), "-c", "print(1)"]);
  assert.equal(r2.status, 1);
  assert.match(r2.stderr, /can't open firmware/);
});
