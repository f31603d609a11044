/**
 * The `mpy-wasm-freeze` command: builds a firmware image from a MicroPython
 * manifest, and benchmarks frozen against filesystem imports.
 *
 *   mpy-wasm-freeze MANIFEST -o FIRMWARE.wasm [--board NAME] [--lib DIR]... [--var NAME=VALUE]... [-O N]
 *   mpy-wasm-freeze bench [MODULE_OR_PACKAGE...] [--board NAME] [--runs N] [--json FILE] [--svg FILE] [--markdown FILE]
 *
 * The manifest (host/freeze/manifest.ts) selects files; .py files to freeze
 * as bytecode are compiled by our mpy-cross (with the entry's opt=, else -O),
 * .mpy files are frozen as they are, freeze_as_str files stay source. The
 * image (host/freeze/firmware.ts) records the board profile (host/boards.ts,
 * default unix), which `mpy-wasm --firmware` then boots with. $(BOARD_DIR)
 * is host/boards/<board>, $(PORT_DIR) this repository; --var sets others
 * (e.g. MPY_LIB_DIR=<micropython-lib checkout>, which require() searches).
 * Exit status 0, or 1 after a one-line error.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { findBoard } from "../boards";
import { freezeManifest } from "../freeze/image";
import { benchMain } from "../freeze/bench";

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  if (argv[0] === "bench") return benchMain(argv.slice(1));
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      output: { type: "string", short: "o" },
      board: { type: "string", default: "unix" },
      lib: { type: "string", multiple: true },
      var: { type: "string", multiple: true },
      O: { type: "string", short: "O" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(
      "usage: mpy-wasm-freeze MANIFEST -o FIRMWARE.wasm [--board NAME] [--lib DIR]... [--var NAME=VALUE]... [-O N]\n" +
        "       mpy-wasm-freeze bench [MODULE_OR_PACKAGE...] [--board NAME] [--runs N] [--json FILE] [--svg FILE] [--markdown FILE]\n",
    );
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError("give one manifest (see -h)");
  if (!values.output) throw new UsageError("give the output file with -o");
  const vars: Record<string, string> = {};
  for (const v of values.var ?? []) {
    const i = v.indexOf("=");
    if (i <= 0) throw new UsageError(`--var wants NAME=VALUE, not '${v}'`);
    vars[v.slice(0, i)] = v.slice(i + 1);
  }
  const opt = values.O === undefined ? 0 : Number(values.O);
  if (!Number.isInteger(opt) || opt < 0 || opt > 3) throw new UsageError("-O wants 0..3");
  const board = findBoard(values.board!);
  const { image, items } = freezeManifest(positionals[0], board, { vars, libs: values.lib, opt });
  fs.mkdirSync(path.dirname(path.resolve(values.output)), { recursive: true });
  fs.writeFileSync(values.output, image);
  const src = items.filter((i) => i.kind === "source").length;
  process.stdout.write(
    `${values.output}: ${items.length} frozen files (${items.length - src} bytecode, ${src} source), ` +
      `board ${board.name}, ${image.length} bytes\n`,
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`mpy-wasm-freeze: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
