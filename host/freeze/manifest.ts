/**
 * Reads a MicroPython manifest.py (docs/reference/manifest.rst;
 * tools/manifestfile.py in freeze mode): `freeze`, `freeze_as_str`,
 * `freeze_as_mpy`, `freeze_mpy`, `module`, `package`, `include`, `require`
 * (from library directories laid out like micropython-lib), `add_library`,
 * `metadata`, `options`, and the `$(MPY_DIR)`, `$(MPY_LIB_DIR)`,
 * `$(PORT_DIR)`, `$(BOARD_DIR)` path variables.
 *
 * A manifest is Python, so mpy-wasm runs it: manifest.py beside this file
 * defines those functions with manifestfile.py's semantics and prints the
 * files they select. Errors (a missing file, an unknown package, a bad call,
 * a syntax error) become a ManifestError naming the manifest file and line.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { Runtime } from "../runtime";
import readerSource from "./manifest.py";

/** How a selected file is frozen. */
export type EntryKind = "source" | "mpy-compile" | "mpy-file";

/** One file a manifest selects. */
export interface ManifestEntry {
  /** "source": frozen as text, compiled on import; "mpy-compile": compiled to bytecode by us; "mpy-file": a .mpy frozen as it is. */
  kind: EntryKind;
  /** The file on the host (absolute). */
  sourcePath: string;
  /** Its path inside .frozen ("pkg/mod.py"; a .mpy is named as its .py). */
  targetPath: string;
  /** The optimisation level given with opt=, or null. */
  opt: number | null;
}

export interface ManifestOptions {
  /** Values of $(NAME) path variables; MPY_LIB_DIR also registers micropython-lib's libraries for require(). */
  vars?: Record<string, string>;
  /** More library directories for require(), searched in order (as add_library). */
  libs?: string[];
}

/** A manifest could not be read: the message names the file and line. */
export class ManifestError extends Error {}

/**
 * The files `manifestPath` selects, in manifest order; a later entry for the
 * same target path replaces an earlier one (as a firmware can hold only one).
 */
export function readManifest(manifestPath: string, opts: ManifestOptions = {}): ManifestEntry[] {
  const abs = path.resolve(manifestPath);
  if (!fs.existsSync(abs)) throw new ManifestError(`${manifestPath}: no such manifest`);
  const vars: Record<string, string> = {};
  for (const [k, v] of Object.entries(opts.vars ?? {})) vars[k] = path.resolve(v);
  const libs = (opts.libs ?? []).map((d, i) => [`lib${i}`, path.resolve(d)]);
  let out = "";
  let err = "";
  const dec = new TextDecoder();
  const rt = Runtime.create({
    heapBytes: 8 << 20,
    write: (fd, b) => {
      if (fd === 1) out += dec.decode(b);
      else err += dec.decode(b);
    },
  });
  const prelude =
    `_MANIFEST = ${JSON.stringify(abs)}\n` + `_VARS = ${JSON.stringify(vars)}\n` + `_LIBS = ${JSON.stringify(libs)}\n`;
  const status = rt.execString(prelude + readerSource, "<manifest reader>", "file");
  const line = out.split("\n").find((l) => l.startsWith("MANIFEST-"));
  if (status !== 0 || line === undefined) throw new ManifestError(`${manifestPath}: manifest reader failed: ${err || out}`);
  if (line.startsWith("MANIFEST-ERROR ")) {
    const [where, type, msg] = JSON.parse(line.slice(15)) as [string, string, string];
    const at = /File "([^"]*)", line (\d+)/.exec(where);
    const loc = at ? `${path.relative(process.cwd(), at[1]) || at[1]}:${at[2]}: ` : `${manifestPath}: `;
    throw new ManifestError(`${loc}${type}: ${msg}`);
  }
  const rows = JSON.parse(line.slice(15)) as [EntryKind, string, string, number | null][];
  const byTarget = new Map<string, ManifestEntry>();
  for (const [kind, sourcePath, targetPath, opt] of rows) {
    byTarget.delete(targetPath);
    byTarget.set(targetPath, { kind, sourcePath, targetPath, opt });
  }
  return [...byTarget.values()];
}
