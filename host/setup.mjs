// Runs before `npm start` / `npm test` / `npm run bench`: installs the
// dependencies from package-lock.json when node_modules is missing or older
// than the lock file, so one command works on a fresh clone. Plain JS on
// purpose: it runs before anything is installed. It calls the npm that
// launched the script (npm_execpath), not node_modules/.bin/npm (as-pect
// links an old npm 6 there).
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const lock = path.join(root, "package-lock.json");
const installed = path.join(root, "node_modules", ".package-lock.json");
const stale = !fs.existsSync(installed) || fs.statSync(installed).mtimeMs < fs.statSync(lock).mtimeMs;
if (stale) {
  const npm = process.env.npm_execpath;
  const [cmd, args] = npm ? [process.execPath, [npm, "ci"]] : ["npm", ["ci"]];
  process.stderr.write("mpy-wasm: installing dependencies (npm ci)\n");
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
