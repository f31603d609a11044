// ROMFS (host/freeze/romfs.ts, assembly/extmod/vfs_rom*.ts): images byte
// for byte as MicroPython's `mpremote romfs build`, a firmware's ROMFS
// partition mounted at /rom with vfs.rom_ioctl, .mpy files imported from it
// in place (less heap than the same .mpy from a heap-backed VfsRom), and
// corrupted partitions that raise OSError/ValueError with the runtime
// still usable.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const build = path.join(root, "build");
const { buildRomfs, buildRomfsFromDir, RomfsError } = await import(path.join(build, "romfs.mjs"));
const { buildFirmware } = await import(path.join(build, "firmware.mjs"));
const { Runtime } = await import(path.join(build, "index.mjs"));
const core = fs.readFileSync(path.join(build, "mpy.wasm"));
const board = { name: "romfs-test", heapBytes: 128 * 1024, pystackBytes: 16 * 1024 };
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "mpyromfs-"));

const enc = new TextEncoder();
const compiler = Runtime.create({ write: () => {} });
const mpy = (src, name) => compiler.crossCompile(enc.encode(src), name);

// the modules of the partition
const romod = `
greeting = "a str constant that stays in ROM"
blob = b"a bytes constant that stays in ROM"
big = 1234567890123456789012345
def long_function_name_in_rom(a, b):
    return (a + b) * 2
class RomClass:
    attribute_name_in_rom = 7
    def method_name_in_rom(self):
        return self.attribute_name_in_rom
values = [long_function_name_in_rom(i, i) for i in range(5)]
`;
const libmod = "from romod import greeting\nwhere = 'lib'\n";

function romfsImage() {
  return buildRomfs([
    { path: "romod.mpy", data: mpy(romod, "romod.py") },
    { path: "lib/libmod.mpy", data: mpy(libmod, "libmod.py") },
    { path: "text.txt", data: enc.encode("hello from ROMFS\n") },
    { path: "srcmod.py", data: enc.encode("answer = 6 * 7\n") },
  ]);
}

function writeImage(name, romfs) {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, buildFirmware({ core, items: [], board, romfs }));
  return file;
}

function run(args) {
  return spawnSync(process.execPath, [path.join(build, "cli.mjs"), ...args], { encoding: "utf8", input: "", cwd: tmp });
}

/** Runs `code` in a fresh runtime booted from `wasm`; returns stdout (throws with stderr on failure). */
function exec(wasm, code) {
  let out = "";
  let err = "";
  const dec = new TextDecoder();
  const rt = Runtime.create({
    wasm,
    write: (fd, b) => {
      if (fd === 1) out += dec.decode(b);
      else err += dec.decode(b);
    },
  });
  const rc = rt.execString(code, "<test>", "file");
  if (rc !== 0) throw new Error(`exit ${rc}: ${err}`);
  return out;
}

test("buildRomfs writes the bytes of MicroPython's VfsRomWriter (romfs.py)", () => {
  const img = buildRomfs([
    { path: "z.txt", data: Uint8Array.from({ length: 200 }, (_, i) => i) },
    { path: "mod.mpy", data: Uint8Array.from([0x4d, 6, 0, 0x1f]) },
    { path: "lib/util.py", data: new Uint8Array(0) },
    { path: "/lib/pkg/__init__.py", data: enc.encode("y = 2\n") },
  ]);
  // romfs.py's VfsRomWriter for the same tree (entries sorted by name)
  const head =
    "d2cd31808212042c036c6962041a03706b6705140b5f5f696e69745f5f2e7079020679203d20320a050a077574696c2e7079" +
    "0200050e076d6f642e6d707902044d06001f058151057a2e74787402814800";
  const tail = Buffer.from(Uint8Array.from({ length: 199 }, (_, i) => i + 1)).toString("hex");
  assert.equal(Buffer.from(img).toString("hex"), head + tail);
  assert.equal(img.length % 2, 0);
  // the empty image, as MicroPython's empty ROMFS
  assert.deepEqual([...buildRomfs([])], [0xd2, 0xcd, 0x31, 0x00]);
  assert.throws(() => buildRomfs([{ path: "a//b", data: new Uint8Array(1) }]), RomfsError);
  assert.throws(
    () => buildRomfs([{ path: "a", data: new Uint8Array(1) }, { path: "a/b", data: new Uint8Array(1) }]),
    RomfsError,
  );
});

test("buildRomfsFromDir matches `mpremote romfs build --no-mpy` of the same directory", () => {
  const dir = path.join(tmp, "sample");
  const put = (rel, data) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), data);
  };
  put("mod.py", "x = 1\n");
  put("data.bin", "abc");
  put("a_file", "a\n");
  put("B/z.txt", "hi\n");
  put("lib/pkg/__init__.py", "y=2\n");
  put("lib/big.bin", Uint8Array.from({ length: 300 }, (_, i) => i % 256));
  fs.mkdirSync(path.join(dir, "empty"));
  const img = buildRomfsFromDir(dir);
  // romfs.py make_romfs(dir, mpy_cross=False) of this tree: 424 bytes
  assert.equal(img.length, 424);
  assert.equal(
    createHash("sha256").update(img).digest("hex"),
    "3f79052746bc76e6ad1fee3463b7ff36eac44fe43d3d844854a0bb0a6d5e5062",
  );
  // with a compiler, x.py goes in as x.mpy
  const withMpy = buildRomfsFromDir(dir, { mpyCross: (src, file) => mpy(new TextDecoder().decode(src), file) });
  const out = exec(undefined, `import vfs\nfs = vfs.VfsRom(${pyBytes(withMpy)})\nprint(sorted(fs.ilistdir("")), sorted(n for n, *_ in fs.ilistdir("lib/pkg")))\n`);
  assert.match(out, /'mod\.mpy'/);
  assert.match(out, /\['__init__\.mpy'\]/);
});

function pyBytes(b) {
  return "b'" + [...b].map((x) => "\\x" + x.toString(16).padStart(2, "0")).join("") + "'";
}

test("a firmware's ROMFS partition is mounted at /rom and its modules import from sys.path", () => {
  const fw = writeImage("romfs.wasm", romfsImage());
  const r = run([
    "--firmware",
    fw,
    "-c",
    "import sys, vfs, os\n" +
      "print(sys.path[0], sys.path[1], sys.path[-2:])\n" +
      "print(vfs.rom_ioctl(1), type(vfs.rom_ioctl(2, 0)).__name__, vfs.rom_ioctl(2, 1), vfs.rom_ioctl(3, 0, 10))\n" +
      "print(sorted(os.listdir('/rom')), os.listdir('/rom/lib'))\n" +
      "import romod, libmod, srcmod\n" +
      "print(romod.__file__, romod.values, romod.RomClass().method_name_in_rom(), romod.big)\n" +
      "print(libmod.__file__, libmod.where, libmod.greeting is romod.greeting, srcmod.answer)\n" +
      "print(open('/rom/text.txt').read(), end='')\n" +
      "try:\n    open('/rom/new.txt', 'w')\nexcept OSError as e:\n    print('OSError', e.errno)\n",
  ]);
  assert.equal(r.stderr, "");
  assert.equal(
    r.stdout,
    " .frozen ['/rom', '/rom/lib']\n" +
      "1 memoryview -22 -22\n" +
      "['lib', 'romod.mpy', 'srcmod.py', 'text.txt'] ['libmod.mpy']\n" +
      "/rom/romod.mpy [0, 4, 8, 12, 16] 7 1234567890123456789012345\n" +
      "/rom/lib/libmod.mpy lib True 42\n" +
      "hello from ROMFS\n" +
      "OSError 30\n",
  );
  assert.equal(r.status, 0);
  // a script's directory still comes first, /rom last
  fs.writeFileSync(path.join(tmp, "script.py"), "import sys, romod\nprint(sys.path[0] == __file__.rsplit('/', 1)[0], sys.path[-2:])\n");
  const s = run(["--firmware", fw, path.join(tmp, "script.py")]);
  assert.equal(s.stderr, "");
  assert.equal(s.stdout, "True ['/rom', '/rom/lib']\n");
});

test("an embedding Runtime of the image finds /rom too, and the plain core has no /rom", () => {
  const fw = fs.readFileSync(writeImage("romfs2.wasm", romfsImage()));
  assert.equal(exec(fw, "import sys, romod\nprint(sys.path, romod.greeting)\n"), "['/rom', '/rom/lib'] a str constant that stays in ROM\n");
  assert.equal(exec(undefined, "import sys, vfs\nprint(sys.path, vfs.rom_ioctl(1), vfs.mount()[0][1])\n"), "[] 0 /\n");
});

test("ROMFS .mpy runs in place: bytecode, strings and qstrs stay in the partition", () => {
  const fw = fs.readFileSync(writeImage("romfs3.wasm", romfsImage()));
  const out = exec(
    fw,
    "import vfs, uctypes, romod\n" +
      "m = vfs.rom_ioctl(2, 0)\n" +
      "lo = uctypes.addressof(m); hi = lo + len(m)\n" +
      "print(lo <= uctypes.addressof(romod.greeting) < hi, lo <= uctypes.addressof(romod.blob) < hi)\n" +
      "print(romod.greeting, romod.blob, hash(romod.greeting) == hash('a str constant that stays in ROM'))\n" +
      "print(romod.greeting.upper()[:5], romod.blob.decode()[-4:], romod.RomClass.attribute_name_in_rom)\n",
  );
  assert.equal(
    out,
    "True True\n" +
      "a str constant that stays in ROM b'a bytes constant that stays in ROM' True\n" +
      "A STR  ROM 7\n",
  );
});

test("importing from the ROM partition uses less heap than the same .mpy from a heap-backed VfsRom", () => {
  const fw = fs.readFileSync(writeImage("romfs4.wasm", romfsImage()));
  const measure = (setup) =>
    Number(
      exec(
        fw,
        "import gc, sys, vfs, micropython\n" +
          setup +
          "gc.collect()\n" +
          "a0 = gc.mem_alloc()\n" +
          "import romod\n" +
          "gc.collect()\n" +
          "print(gc.mem_alloc() - a0)\n",
      ),
    );
  const inPlace = measure("");
  const copied = measure(
    "vfs.mount(vfs.VfsRom(bytes(vfs.rom_ioctl(2, 0))), '/hrom')\n" + "sys.path.insert(0, '/hrom')\n",
  );
  assert.ok(inPlace > 0 && copied > 0);
  assert.ok(inPlace < copied, `in place ${inPlace} bytes, copied ${copied} bytes`);
  // the copy holds the bytecode, the qstr bytes and the str/bytes constants' data
  assert.ok(copied - inPlace >= 128, `in place ${inPlace} bytes, copied ${copied} bytes`);
  // the heap-backed module works all the same
  assert.equal(
    exec(fw, "import sys, vfs\nvfs.mount(vfs.VfsRom(bytes(vfs.rom_ioctl(2, 0))), '/hrom')\nsys.path.insert(0, '/hrom')\nimport romod\nprint(romod.__file__, romod.values)\n"),
    "/hrom/romod.mpy [0, 4, 8, 12, 16]\n",
  );
});

test("corrupted partitions: /rom is not mounted or its files fail with OSError/ValueError; the runtime lives on", () => {
  const good = romfsImage();
  // wrong magic: no /rom, rom_ioctl still reports the partition, VfsRom refuses it
  const badMagic = Uint8Array.from(good);
  badMagic[0] = 0x00;
  let out = exec(
    fs.readFileSync(writeImage("bad1.wasm", badMagic)),
    "import sys, vfs, errno\n" +
      "print(sys.path, [m[1] for m in vfs.mount()], vfs.rom_ioctl(1))\n" +
      "try:\n    vfs.VfsRom(vfs.rom_ioctl(2, 0))\nexcept OSError as e:\n    print('OSError', errno.errorcode[e.errno])\n" +
      "try:\n    import romod\nexcept ImportError as e:\n    print('ImportError', e)\n" +
      "print(sum(range(10)))\n",
  );
  assert.equal(out, "[] ['/'] 1\nOSError ENODEV\nImportError no module named 'romod'\n45\n");

  // a length past the end of the partition (truncated image)
  out = exec(
    fs.readFileSync(writeImage("bad2.wasm", good.slice(0, good.length >> 1))),
    "import sys, vfs\nprint('/rom' in sys.path, [m[1] for m in vfs.mount()])\nprint([1, 2] * 2)\n",
  );
  assert.equal(out, "False ['/']\n[1, 2, 1, 2]\n");

  // every byte of the payload overwritten: mounted, but nothing can be found
  const garbage = Uint8Array.from(good);
  garbage.fill(0xff, 6);
  out = exec(
    fs.readFileSync(writeImage("bad3.wasm", garbage)),
    "import os\nprint(os.listdir('/rom'))\n" +
      "try:\n    os.stat('/rom/romod.mpy')\nexcept OSError as e:\n    print('OSError', e.errno)\n" +
      "try:\n    import romod\nexcept ImportError as e:\n    print('ImportError')\n" +
      "print('alive')\n",
  );
  assert.equal(out, "[]\nOSError 2\nImportError\nalive\n");

  // a .mpy inside the partition whose bytecode is damaged: ValueError from the loader
  const mod = mpy(romod, "romod.py");
  const damaged = Uint8Array.from(mod);
  damaged.fill(0xff, mod.length - 40);
  const truncated = mod.slice(0, mod.length - 10);
  const img = buildRomfs([
    { path: "damaged.mpy", data: damaged },
    { path: "truncated.mpy", data: truncated },
    { path: "romod.mpy", data: mod },
  ]);
  out = exec(
    fs.readFileSync(writeImage("bad4.wasm", img)),
    "for name in ('damaged', 'truncated'):\n" +
      "    try:\n        __import__(name)\n    except ValueError as e:\n        print(name, e)\n" +
      "import romod\nprint(romod.values)\n",
  );
  assert.equal(out, "damaged incompatible .mpy file\ntruncated incompatible .mpy file\n[0, 4, 8, 12, 16]\n");
});
