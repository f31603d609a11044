/**
 * ROMFS images, byte for byte as MicroPython's `mpremote romfs build`
 * (tools/mpremote/mpremote/romfs.py) writes them: the read-only filesystem
 * that `vfs.VfsRom` mounts and that a firmware image carries as its ROMFS
 * partition (host/freeze/firmware.ts `romfs`), mounted at /rom at start-up.
 * The format is described in assembly/extmod/vfs_rom.ts.
 *
 * Entries of a directory are written sorted by name (as romfs.py sorts
 * os.listdir), each file's data as one verbatim record; the image is padded
 * to an even length with a 0x80 byte in front of its length.
 */
import * as fs from "node:fs";
import * as path from "node:path";

/** A file of the image: its path in the image ("mod.mpy", "lib/pkg/__init__.mpy") and its bytes. */
export interface RomfsFile {
  path: string;
  data: Uint8Array;
}

/** A ROMFS image could not be built (a bad path, or a path both a file and a directory). */
export class RomfsError extends Error {}

// record kinds
const KIND_DATA_VERBATIM = 2;
const KIND_DIRECTORY = 4;
const KIND_FILE = 5;
const HEADER = [0xd2, 0xcd, 0x31]; // the filesystem record's kind 0x14a6b1

interface Dir {
  dirs: Map<string, Dir>;
  files: Map<string, Uint8Array>;
}

const enc = new TextEncoder();

/** A var-uint: 7 bits a byte, most significant first, the high bit set on all but the last. */
function encodeUint(v: number): number[] {
  const out = [v & 0x7f];
  for (v = Math.floor(v / 128); v !== 0; v = Math.floor(v / 128)) out.unshift(0x80 | (v & 0x7f));
  return out;
}

/** A record: kind, payload length, payload. */
function record(kind: number, payload: Uint8Array): Uint8Array {
  const head = [...encodeUint(kind), ...encodeUint(payload.length)];
  return concat([Uint8Array.from(head), payload]);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A name record's payload head: the UTF-8 name's length and the name. */
function named(name: string): Uint8Array {
  const b = enc.encode(name);
  return concat([Uint8Array.from(encodeUint(b.length)), b]);
}

/** Byte order of the UTF-8 names (code point order, as Python sorts str). */
function byName(a: string, b: string): number {
  const x = enc.encode(a);
  const y = enc.encode(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

function newDir(): Dir {
  return { dirs: new Map(), files: new Map() };
}

/** The records of directory `d`'s entries, sorted by name. */
function encodeDir(d: Dir): Uint8Array {
  const names = [...d.dirs.keys(), ...d.files.keys()].sort(byName);
  const parts: Uint8Array[] = [];
  for (const name of names) {
    const sub = d.dirs.get(name);
    if (sub !== undefined) {
      parts.push(record(KIND_DIRECTORY, concat([named(name), encodeDir(sub)])));
    } else {
      const data = d.files.get(name)!;
      parts.push(record(KIND_FILE, concat([named(name), record(KIND_DATA_VERBATIM, data)])));
    }
  }
  return concat(parts);
}

/** The image of a directory tree (VfsRomWriter.finalise). */
function encodeImage(root: Dir): Uint8Array {
  const payload = encodeDir(root);
  let len = encodeUint(payload.length);
  // the whole image must have an even length: pad the length var-uint
  if ((HEADER.length + len.length + payload.length) % 2 === 1) len = [0x80, ...len];
  return concat([Uint8Array.from(HEADER), Uint8Array.from(len), payload]);
}

/**
 * Builds a ROMFS image of `files` (paths with "/" between directories; a
 * leading "/" is ignored). Directories are made as the paths need them.
 * Throws RomfsError for an empty path component or a path given twice or
 * used both as a file and a directory.
 */
export function buildRomfs(files: RomfsFile[]): Uint8Array {
  const root = newDir();
  for (const f of files) {
    const parts = f.path.replace(/^\/+/, "").split("/");
    if (parts.some((p) => p === "" || p === "." || p === "..")) {
      throw new RomfsError(`bad ROMFS path: ${f.path}`);
    }
    let d = root;
    for (const p of parts.slice(0, -1)) {
      if (d.files.has(p)) throw new RomfsError(`ROMFS path is a file and a directory: ${f.path}`);
      let sub = d.dirs.get(p);
      if (sub === undefined) {
        sub = newDir();
        d.dirs.set(p, sub);
      }
      d = sub;
    }
    const name = parts[parts.length - 1];
    if (d.files.has(name) || d.dirs.has(name)) {
      throw new RomfsError(`ROMFS path given twice: ${f.path}`);
    }
    d.files.set(name, f.data);
  }
  return encodeImage(root);
}

/** Options of buildRomfsFromDir. */
export interface RomfsDirOptions {
  /**
   * Compiles a .py file to .mpy (our mpy-cross), as `mpremote romfs build`
   * does with mpy-cross: each `x.py` without an `x.mpy` beside it goes in
   * the image as `x.mpy`. Without it files are copied as they are
   * (`--no-mpy`).
   */
  mpyCross?: (src: Uint8Array, file: string) => Uint8Array;
}

/**
 * Builds the ROMFS image of host directory `dir` (all its files and
 * directories, empty ones too), as `mpremote romfs build [--no-mpy] DIR`.
 */
export function buildRomfsFromDir(dir: string, opts: RomfsDirOptions = {}): Uint8Array {
  const walk = (src: string): Dir => {
    const d = newDir();
    const names = fs.readdirSync(src);
    for (const name of names) {
      const file = path.join(src, name);
      const mpyName = name.slice(0, -3) + ".mpy";
      if (fs.statSync(file).isDirectory()) {
        d.dirs.set(name, walk(file));
      } else if (opts.mpyCross && name.endsWith(".py") && !names.includes(mpyName)) {
        // compiled (a .py with its .mpy beside it goes in as it is, as romfs.py does)
        d.files.set(mpyName, opts.mpyCross(fs.readFileSync(file), file));
      } else {
        d.files.set(name, fs.readFileSync(file));
      }
    }
    return d;
  };
  return encodeImage(walk(dir));
}
