// Manifests (host/freeze/manifest.ts run by mpy-wasm itself), board profiles
// (host/boards.ts), the mpy-wasm-freeze command and its benchmark.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const lib = await import(path.join(root, "build/firmware.mjs"));
const { readManifest, ManifestError, findBoard, BOARDS, runBenchRecords, readSubject } = lib;
const fx = path.join(root, "tests/freeze");
const vars = { PORT_DIR: root, MPY_LIB_DIR: path.join(fx, "lib") };
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "mpyfreeze-"));

const rel = (entries) => entries.map((e) => [e.kind, path.relative(root, e.sourcePath), e.targetPath, e.opt]);

test("a manifest selects files as MicroPython's manifestfile.py does", () => {
  const entries = readManifest(path.join(fx, "app/manifest.py"), { vars });
  assert.deepEqual(rel(entries), [
    // include() of a directory runs its manifest.py, relative to that directory
    ["mpy-compile", "tests/firmware/app/boot.py", "boot.py", null],
    ["mpy-compile", "tests/firmware/app/consts.py", "consts.py", null],
    ["mpy-compile", "tests/firmware/app/main.py", "main.py", null],
    ["mpy-compile", "tests/firmware/app/pkg/sub.py", "pkg/sub.py", null],
    ["source", "tests/firmware/app_src/broken.py", "broken.py", null],
    ["source", "tests/firmware/app_src/pkg/__init__.py", "pkg/__init__.py", null],
    // module() with opt=, freeze_as_str(), require() from MPY_LIB_DIR's python-stdlib
    ["mpy-compile", "tests/freeze/app/extra.py", "extra.py", 1],
    ["source", "tests/freeze/app/strs/asstr.py", "asstr.py", null],
    ["mpy-compile", "tests/freeze/lib/python-stdlib/tinylib/tinylib/__init__.py", "tinylib/__init__.py", null],
  ]);
});

test("include() passes options; freeze() takes a script, a list or a directory; freeze_mpy() takes .mpy files", () => {
  const entries = readManifest(path.join(fx, "app/with_options.py"), { vars });
  assert.deepEqual(rel(entries), [
    // a later entry for the same target replaces the earlier one (here with opt=2)
    ["mpy-compile", "tests/freeze/app/more.py", "more.py", 2],
    ["mpy-compile", "tests/freeze/app/extra.py", "extra.py", 2],
    ["mpy-compile", "tests/freeze/app/strs/asstr.py", "strs/asstr.py", null],
    ["mpy-file", "tests/freeze/app/mpys/premade.mpy", "premade.py", null],
  ]);
});

test("require() searches nested library folders and requires from required manifests", () => {
  const m = path.join(tmp, "req.py");
  fs.writeFileSync(m, 'require("deeplib")\n');
  assert.deepEqual(rel(readManifest(m, { vars })), [
    ["mpy-compile", "tests/freeze/lib/python-stdlib/tinylib/tinylib/__init__.py", "tinylib/__init__.py", null],
    ["mpy-compile", "tests/freeze/lib/micropython/nested/deeplib/deeplib/__init__.py", "deeplib/__init__.py", 3],
  ]);
  // --lib directories are searched too, without MPY_LIB_DIR
  fs.writeFileSync(m, 'require("tinylib")\n');
  assert.equal(readManifest(m, { libs: [path.join(fx, "lib")] }).length, 1);
});

test("bad manifests are clear errors naming the file and line", () => {
  const bad = (name, re) => {
    assert.throws(
      () => readManifest(path.join(fx, "bad", name), { vars }),
      (e) => e instanceof ManifestError && re.test(e.message),
      name,
    );
  };
  bad("syntax.py", /tests\/freeze\/bad\/syntax\.py:2: SyntaxError/);
  bad("missing.py", /missing\.py:2: ManifestError: Cannot stat .*nothere\.py/);
  bad("unknownpkg.py", /unknownpkg\.py:1: ValueError: Package 'no_such_package' not found in any known library\./);
  bad("badvar.py", /badvar\.py:1: ManifestError: unknown variable \$\(NO_SUCH_VAR\)/);
  bad("notpy.py", /notpy\.py:1: ManifestError: module must be \.py file/);
  bad("twice.py", /twice\.py:2: ManifestError: Duplicate call to metadata\(\)\./);
  bad("cmod.py", /cmod\.py:1: ManifestError: c_module\(\) is not supported/);
  assert.throws(() => readManifest(path.join(fx, "bad", "nothing.py")), /no such manifest/);
});

test("board profiles give each board's heap, pystack and qstr policy, with their sources", () => {
  assert.deepEqual(
    BOARDS.map((b) => b.name),
    ["unix", "esp8266", "esp32", "rp2040", "stm32"],
  );
  for (const b of BOARDS) {
    assert.ok(b.heapBytes >= 16 * 1024 && b.pystackBytes >= 4096 && b.source.length > 20, b.name);
  }
  assert.equal(findBoard("esp8266").heapBytes, 38 * 1024);
  assert.equal(findBoard("pyboard").name, "stm32");
  assert.throws(() => findBoard("arduino"), /unknown board 'arduino' \(known: unix, esp8266, esp32, rp2040, stm32, pyboard\)/);
  const cli = (args) => spawnSync(process.execPath, [path.join(root, "bin/mpy-wasm.js"), ...args], { encoding: "utf8" });
  const total = "import gc; print(gc.mem_free() + gc.mem_alloc())";
  const small = cli(["-X", "board=esp8266", "-c", total]);
  const big = cli(["--board", "rp2040", "-c", total]);
  assert.equal(small.stderr, "");
  // gc.mem_free() + gc.mem_alloc() is the heap less its allocation tables (1/64 + a block)
  assert.ok(Number(small.stdout) > 0.97 * 38 * 1024 && Number(small.stdout) <= 38 * 1024, small.stdout);
  assert.ok(Number(big.stdout) > 0.97 * 192 * 1024, big.stdout);
  // a program that fits the default heap does not fit the esp8266's
  const hog = "x = bytearray(60000)\nprint('fits')";
  assert.equal(cli(["-c", hog]).stdout, "fits\n");
  const r = cli(["-X", "board=esp8266", "-c", hog]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /MemoryError/);
  const u = cli(["-X", "board=nosuch", "-c", "1"]);
  assert.equal(u.status, 1);
  assert.match(u.stderr, /unknown board 'nosuch'/);
});

test("mpy-wasm-freeze: usage errors exit 1 with one line", () => {
  const freeze = (args) =>
    spawnSync(process.execPath, [path.join(root, "bin/mpy-wasm-freeze.js"), ...args], { encoding: "utf8", cwd: root });
  for (const [args, re] of [
    [[], /give one manifest/],
    [[path.join(fx, "app/manifest.py")], /give the output file with -o/],
    [[path.join(fx, "bad/syntax.py"), "-o", path.join(tmp, "x.wasm")], /syntax\.py:2: SyntaxError/],
    [[path.join(fx, "app/manifest.py"), "-o", path.join(tmp, "x.wasm"), "--board", "zx81"], /unknown board 'zx81'/],
    [["bench", "/nonexistent.py"], /nonexistent\.py/],
  ]) {
    const r = freeze(args);
    assert.equal(r.status, 1, args.join(" "));
    assert.match(r.stderr, re);
    assert.equal(r.stderr.trim().split("\n").length, 1, r.stderr);
  }
});

test("the freeze benchmark: frozen bytecode takes less heap than .py and .mpy for every demo module", async () => {
  const demo = path.join(root, "host/freeze/demo");
  const subjects = ["sensors.py", "tables.py", "netproto"].map((p) => readSubject(path.join(demo, p)));
  const core = fs.readFileSync(path.join(root, "build/mpy.wasm"));
  const records = runBenchRecords(subjects, findBoard("unix"), core, 1);
  for (const s of subjects) {
    const by = Object.fromEntries(records.filter((r) => r.module === s.name).map((r) => [r.variant, r]));
    for (const v of ["py", "mpy", "frozen-source", "frozen-bytecode"]) {
      assert.ok(by[v], `${s.name} ${v}`);
      assert.equal(by[v].fits, true);
      assert.deepEqual(Object.keys(by[v]), ["module", "variant", "board", "import_us", "heap_after", "heap_peak", "qstr_bytes", "fits"]);
    }
    const fb = by["frozen-bytecode"];
    assert.ok(fb.heap_after < by.py.heap_after && fb.heap_after < by.mpy.heap_after, JSON.stringify(by));
    assert.ok(fb.heap_peak < by.py.heap_peak && fb.heap_peak < by.mpy.heap_peak, JSON.stringify(by));
    assert.ok(fb.qstr_bytes < by.py.qstr_bytes, JSON.stringify(by));
  }
  // on the esp8266's heap the large module fits only frozen as bytecode
  const small = runBenchRecords([subjects[0]], findBoard("esp8266"), core, 1);
  const fits = Object.fromEntries(small.map((r) => [r.variant, r.fits]));
  assert.equal(fits["frozen-bytecode"], true);
  assert.equal(fits.py, false);
});

test("mpy-wasm-freeze bench writes the table, JSON and an SVG chart", () => {
  const json = path.join(tmp, "b.json");
  const svg = path.join(tmp, "b.svg");
  const r = spawnSync(
    process.execPath,
    [path.join(root, "bin/mpy-wasm-freeze.js"), "bench", path.join(root, "host/freeze/demo/tables.py"), "--runs", "1", "--board", "esp32", "--json", json, "--svg", svg],
    { encoding: "utf8" },
  );
  assert.equal(r.stderr, "");
  assert.match(r.stdout, /^board esp32: heap 114688 bytes/);
  assert.match(r.stdout, /tables\s+frozen-bytecode\s+\d+\s+\d+/);
  const recs = JSON.parse(fs.readFileSync(json, "utf8"));
  assert.deepEqual(
    recs.map((x) => x.variant),
    ["py", "mpy", "frozen-source", "frozen-bytecode"].concat(recs.length > 4 ? ["romfs"] : []),
  );
  const text = fs.readFileSync(svg, "utf8");
  assert.match(text, /^<svg/);
  assert.match(text, /frozen-bytecode/);
});
