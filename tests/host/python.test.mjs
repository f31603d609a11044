// Python behaviour tests: every tests/<dir>/*.py runs on our CLI and must
// print exactly what CPython 3 prints for it, or what its hand-checked
// `<name>.py.exp` says where MicroPython differs on purpose (the method of
// MicroPython's tests/run-tests.py). A test printing only "SKIP" is reported
// as skipped. With MPY_TEST_GCSTRESS=1 every test runs in GC stress mode
// (a collection before every allocation) on a small heap.
//
//   node --test tests/host/            all suites
//   MPY_TEST_FILTER=list_ node --test tests/host/python.test.mjs
//   MPY_TEST_CLI=/tmp/x/cli.mjs MPY_TEST_FILTER=json node --test tests/host/python.test.mjs
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..");
// MPY_TEST_CLI runs the suite on another build (e.g. MPY_BUILD_DIR=/tmp/x's /tmp/x/cli.mjs)
const cli = process.env.MPY_TEST_CLI ?? path.join(root, "bin", "mpy-wasm.js");
const DIRS = [
  "basics",
  "float",
  "unicode",
  "misc",
  "micropython",
  "import",
  "extmod",
  "cmdline",
  "io",
  "stress",
];
const gcstress = process.env.MPY_TEST_GCSTRESS === "1";
const filter = process.env.MPY_TEST_FILTER ?? "";
const python = process.env.MICROPY_CPYTHON3 ?? "python3";

function run(cmd, args, cwd, input) {
  return new Promise((resolve) => {
    const child = execFile(
      cmd,
      args,
      {
        cwd,
        timeout: 60000,
        maxBuffer: 16 << 20,
        // a fixed hash seed: CPython's set order of str items depends on it
        env: { ...process.env, PYTHONIOENCODING: "utf-8", PYTHONHASHSEED: "0" },
      },
      (err, stdout, stderr) => {
        resolve({ code: err ? (typeof err.code === "number" ? err.code : -1) : 0, out: stdout + stderr });
      },
    );
    if (input !== undefined) child.stdin.end(input);
  });
}

/** Our CLI's arguments for a test: `# cmdline: ...` in the first line adds options. */
function cliArgs(file) {
  const first = fs.readFileSync(file, "utf8").split("\n", 1)[0];
  const m = /^# cmdline: (.*)$/.exec(first);
  const extra = m ? m[1].split(" ").filter(Boolean) : [];
  const stress = gcstress ? ["-X", "gcstress", "-X", "heapsize=256k"] : [];
  // as MicroPython's run-tests.py, the file comes last even after `-m mod`
  return [cli, ...stress, ...extra, file];
}

for (const dir of DIRS) {
  const full = path.join(root, "tests", dir);
  if (!fs.existsSync(full)) continue;
  const files = fs
    .readdirSync(full)
    .filter((f) => f.endsWith(".py") && f.includes(filter))
    .sort();
  if (files.length === 0) continue;
  describe(`${dir}${gcstress ? " (gc stress)" : ""}`, { concurrency: 2 }, () => {
    for (const f of files) {
      const file = path.join(full, f);
      test(f, async (t) => {
        const expFile = file + ".exp";
        // the reference runs first, never alongside ours: I/O tests share files
        let expected;
        if (fs.existsSync(expFile)) {
          expected = fs.readFileSync(expFile, "utf8");
        } else {
          const ref = await run(python, ["-B", file], full);
          expected = ref.code === 0 || ref.out.length ? ref.out : "";
          if (ref.out === "SKIP\n") expected = "SKIP\n";
        }
        const got = await run(process.execPath, cliArgs(file), full);
        if (got.out === "SKIP\n") {
          t.skip("prints SKIP");
          return;
        }
        assert.equal(got.out.replace(/\r\n/g, "\n"), expected.replace(/\r\n/g, "\n"));
      });
    }
  });
}
