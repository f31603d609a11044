/**
 * From a manifest to a firmware image: the manifest's files become frozen
 * items (sources read, .py compiled by our mpy-cross with the entry's opt=,
 * .mpy files read) and host/freeze/firmware.ts writes the image.
 * $(PORT_DIR) is this repository and $(BOARD_DIR) host/boards/<board>
 * unless `vars` says otherwise.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { Runtime } from "../runtime";
import { BoardProfile } from "../boards";
import { readManifest, ManifestEntry, ManifestError } from "./manifest";
import { buildFirmware, FrozenItem } from "./firmware";

/** The repository root, from the bundle in build/ (or from host/freeze when run from source). */
function repoRoot(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const up of ["..", "../.."]) {
    const r = path.resolve(here, up);
    if (fs.existsSync(path.join(r, "host", "boards"))) return r;
  }
  return path.resolve(here, "..");
}

/** The plain core: beside this bundle (build/), else in the repository's build/. */
function defaultCore(repo: string): string {
  const here = path.join(path.dirname(fileURLToPath(import.meta.url)), "mpy.wasm");
  return fs.existsSync(here) ? here : path.join(repo, "build", "mpy.wasm");
}

/** The frozen items of `entries`: sources read, .py compiled to .mpy, .mpy files read. */
export function frozenItems(entries: ManifestEntry[], defaultOpt: number, core?: Uint8Array): FrozenItem[] {
  let err = "";
  const rt = Runtime.create({ wasm: core, write: (fd, b) => (err += new TextDecoder().decode(b)) });
  return entries.map((e) => {
    const data = fs.readFileSync(e.sourcePath);
    if (e.kind === "source") return { path: e.targetPath, kind: "source", data };
    if (e.kind === "mpy-file") return { path: e.targetPath, kind: "mpy", data };
    rt.setOptLevel(e.opt ?? defaultOpt);
    err = "";
    const mpy = rt.crossCompile(data, e.targetPath);
    if (mpy === null) throw new ManifestError(`${e.sourcePath}: ${err.trim().split("\n").pop()}`);
    return { path: e.targetPath, kind: "mpy", data: mpy };
  });
}

/** Builds the image for `manifest` on `board`; returns it with the items it holds. */
export function freezeManifest(
  manifest: string,
  board: BoardProfile,
  opts: { vars?: Record<string, string>; libs?: string[]; opt?: number; core?: Uint8Array } = {},
): { image: Uint8Array; items: FrozenItem[] } {
  const repo = repoRoot();
  const vars = {
    PORT_DIR: repo,
    BOARD_DIR: path.join(repo, "host", "boards", board.name),
    ...opts.vars,
  };
  const entries = readManifest(manifest, { vars, libs: opts.libs });
  const core = opts.core ?? fs.readFileSync(defaultCore(repo));
  const items = frozenItems(entries, opts.opt ?? 0, core);
  return { image: buildFirmware({ core, items, board }), items };
}

