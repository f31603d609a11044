/**
 * The build: generates build/genhdr (qstrs, the built-in module table), compiles the core with asc
 * (release and debug targets of asconfig.json) and bundles the host with
 * esbuild. Usage: node build/host-build.mjs [--debug-only|--release-only]
 */
import * as path from "node:path";
import * as fs from "node:fs";
import { fileURLToPath } from "node:url";
import { writeQstrDefs } from "./gen/makeqstrdata";
import { writeModuleDefs } from "./gen/makemoduledefs";
import { writeInitDefs } from "./gen/makeinitdefs";
import * as esbuild from "esbuild";
import { freezeManifest } from "./freeze/image";
import { findBoard } from "./boards";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Output folder: build/, or $MPY_BUILD_DIR (lets several builds run side by side). */
const outDir = process.env.MPY_BUILD_DIR ? path.resolve(process.env.MPY_BUILD_DIR) : path.join(root, "build");

async function asc(target: string): Promise<void> {
  const asc = await import("assemblyscript/asc");
  const base = target === "debug" ? "mpy-debug" : "mpy";
  const extra = ["--outFile", path.join(outDir, base + ".wasm")];
  if (target === "debug") extra.push("--textFile", path.join(outDir, base + ".wat"));
  const { error, stderr } = await asc.main(["--config", "asconfig.json", "--target", target, ...extra], {
    stdout: process.stdout,
    stderr: process.stderr,
  });
  if (error) {
    throw new Error(`asc ${target} failed: ${error.message}\n${stderr.toString()}`);
  }
}

/**
 * build/mpy-standard.wasm: the release core with lib/manifest.py frozen into
 * it (the port's standard library, e.g. asyncio), which the CLI and the JS
 * API run by default; the plain core stays build/mpy.wasm (the firmware
 * builder's input). Without lib/manifest.py there is no standard image.
 */
function standardImage(): void {
  const manifest = path.join(root, "lib", "manifest.py");
  const out = path.join(outDir, "mpy-standard.wasm");
  fs.rmSync(out, { force: true });
  if (!fs.existsSync(manifest)) return;
  const core = fs.readFileSync(path.join(outDir, "mpy.wasm"));
  const { image } = freezeManifest(manifest, findBoard("unix"), { core });
  fs.writeFileSync(out, image);
}

async function main(): Promise<void> {
  process.chdir(root);
  const args = process.argv.slice(2);
  writeQstrDefs(root);
  writeModuleDefs(root);
  writeInitDefs(root);
  if (args.includes("--gen-only")) return;
  if (!args.includes("--debug-only")) {
    await asc("release");
    standardImage();
  }
  if (!args.includes("--release-only")) await asc("debug");
  const common: esbuild.BuildOptions = {
    bundle: true,
    platform: "node",
    format: "esm",
    target: ["es2022", "node20"],
    logLevel: "warning",
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    // Python sources the host runs (host/freeze/manifest.py) are bundled as text
    loader: { ".py": "text" },
  };
  fs.mkdirSync(outDir, { recursive: true });
  await esbuild.build({ ...common, entryPoints: ["host/cli/micropython.ts"], outfile: path.join(outDir, "cli.mjs") });
  await esbuild.build({ ...common, entryPoints: ["host/cli/mpycross.ts"], outfile: path.join(outDir, "mpycross.mjs") });
  await esbuild.build({ ...common, entryPoints: ["host/index.ts"], outfile: path.join(outDir, "index.mjs") });
  await esbuild.build({ ...common, packages: "external", entryPoints: ["host/bench/bench.ts"], outfile: path.join(outDir, "bench.mjs") });
  await esbuild.build({ ...common, packages: "external", entryPoints: ["host/bench/memory.ts"], outfile: path.join(outDir, "memory.mjs") });
  await esbuild.build({ ...common, packages: "external", entryPoints: ["host/freeze/index.ts"], outfile: path.join(outDir, "firmware.mjs") });
  await esbuild.build({ ...common, packages: "external", entryPoints: ["host/cli/freeze.ts"], outfile: path.join(outDir, "freeze.mjs") });
  await esbuild.build({ ...common, packages: "external", entryPoints: ["host/freeze/romfs.ts"], outfile: path.join(outDir, "romfs.mjs") });
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
