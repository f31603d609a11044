/**
 * Writes a firmware image: the core's wasm with frozen modules (and an
 * optional ROMFS partition) in one more data segment, the ROM, as a board's
 * firmware carries its frozen modules in flash (MicroPython's
 * frozen_content.c, built by tools/mpy-tool.py). Uses binaryen to rewrite the
 * module: the ROM goes at the core's `mp_rom_default_base()` (the first
 * 64 KiB page above its static data), the memory's initial size grows to
 * hold it, and the exported global `mp_rom_base` is set to its address.
 *
 * The ROM's contents are laid out by the core itself (assembly/frozenbuild.ts),
 * which knows its object layouts; this file only adds the ROMFS partition and
 * the board profile to the ROM header (layout in assembly/frozenmod.ts).
 */
import binaryen from "binaryen";
import { Runtime } from "../runtime";

/** One frozen file: its path inside `.frozen` and its content. */
export interface FrozenItem {
  /** Path inside .frozen, e.g. "foo.py", "pkg/__init__.py", "main.py" (always the .py name). */
  path: string;
  /** Frozen source (compiled on import) or frozen bytecode (a .mpy v6 file, run in place from ROM). */
  kind: "source" | "mpy";
  /** UTF-8 source text, or the .mpy bytes. */
  data: Uint8Array;
}

/** What a firmware image records of the board it was built for (a host/boards.ts profile fits). */
export interface FirmwareBoard {
  name: string;
  heapBytes: number;
  pystackBytes: number;
  qstrChunkInit?: number;
  qstrEntriesInit?: number;
}

export interface FirmwareOptions {
  /** The core's wasm (build/mpy.wasm). */
  core: Uint8Array;
  items: FrozenItem[];
  board: FirmwareBoard;
  /** A ROMFS image (host/freeze/romfs.ts) to carry as the ROM partition vfs.rom_ioctl reports. */
  romfs?: Uint8Array;
}

// ROM header offsets (assembly/frozenmod.ts)
const ROM_total = 8;
const ROM_romfs_addr = 24;
const ROM_romfs_len = 28;
const ROM_board_heap = 32;
const ROM_board_pystack = 36;
const ROM_qstr_chunk_init = 40;
const ROM_qstr_entries_init = 44;
const ROM_board_name = 48;
const ROM_board_name_max = 15;

const PAGE = 65536;

/** A firmware build failed: a frozen file could not be loaded or laid out (the message says which). */
export class FirmwareError extends Error {}

/**
 * Lays the ROM out with the core: every item is loaded (each .mpy verified)
 * in a scratch instance of the core and written as ROM at `base`. Throws
 * FirmwareError with the core's message (e.g. "ValueError: incompatible
 * .mpy file") naming the file.
 */
export function buildRom(core: Uint8Array, base: number, items: FrozenItem[]): Uint8Array {
  let err = "";
  const total = items.reduce((n, it) => n + it.data.length, 0);
  const rt = Runtime.create({
    wasm: core,
    heapBytes: Math.max(8 << 20, total * 16),
    write: (fd, b) => {
      if (fd === 2) err += new TextDecoder().decode(b);
    },
  });
  const seen = new Set<string>();
  for (const it of items) {
    if (seen.has(it.path)) throw new FirmwareError(`frozen path given twice: ${it.path}`);
    seen.add(it.path);
  }
  const rom = rt.freezeRom(base, items);
  if (typeof rom === "string") {
    const msg = err.trim().split("\n").pop() ?? "firmware build failed";
    throw new FirmwareError(rom ? `${rom}: ${msg}` : msg);
  }
  return rom;
}

/**
 * Builds the firmware image. The result is a complete wasm module that the
 * runner boots with `mpy-wasm --firmware IMAGE` (or `Runtime.create({ wasm })`).
 */
export function buildFirmware(opts: FirmwareOptions): Uint8Array {
  const probe = Runtime.create({ wasm: opts.core, heapBytes: 64 * 1024 });
  const base = probe.core.mp_rom_default_base() >>> 0;
  if (probe.core.mp_rom_header_word(0) !== 0) throw new FirmwareError("the core is already a firmware image");

  const frozen = buildRom(opts.core, base, opts.items);
  const romfs = opts.romfs ?? new Uint8Array(0);
  const romfsAt = (frozen.length + 15) & ~15;
  const size = (romfsAt + romfs.length + 15) & ~15;
  const rom = new Uint8Array(size);
  rom.set(frozen, 0);
  rom.set(romfs, romfsAt);
  const dv = new DataView(rom.buffer);
  dv.setUint32(ROM_total, size, true);
  if (romfs.length > 0) {
    dv.setUint32(ROM_romfs_addr, base + romfsAt, true);
    dv.setUint32(ROM_romfs_len, romfs.length, true);
  }
  const b = opts.board;
  dv.setUint32(ROM_board_heap, b.heapBytes, true);
  dv.setUint32(ROM_board_pystack, b.pystackBytes, true);
  dv.setUint32(ROM_qstr_chunk_init, b.qstrChunkInit ?? 0, true);
  dv.setUint32(ROM_qstr_entries_init, b.qstrEntriesInit ?? 0, true);
  rom.set(new TextEncoder().encode(b.name).slice(0, ROM_board_name_max), ROM_board_name);

  return withRomSegment(opts.core, base, rom);
}

/** The core's module with `rom` as one more active data segment at `base` and mp_rom_base = base. */
function withRomSegment(core: Uint8Array, base: number, rom: Uint8Array): Uint8Array {
  const mod = binaryen.readBinary(core);
  try {
    // everything the core may use, but not the newer binary encodings (compact imports) V8 cannot read
    mod.setFeatures(binaryen.Features.All & ~binaryen.Features.CompactImports & ~binaryen.Features.CallIndirectOverlong);
    const mem = mod.getMemoryInfo();
    const segments: binaryen.MemorySegment[] = [];
    const n = mod.getNumDataSegments();
    for (let i = 0; i < n; i++) {
      const info = mod.getDataSegmentInfo(mod.getDataSegmentByIndex(i)) as unknown as {
        offset: number | null;
        data: ArrayBuffer;
        passive: boolean;
      };
      if (!info.passive && info.offset !== null && info.offset + info.data.byteLength > base) {
        throw new FirmwareError("the core's static data overlaps the ROM address");
      }
      segments.push({
        offset: mod.i32.const(info.passive ? 0 : (info.offset ?? 0)),
        data: new Uint8Array(info.data),
        passive: info.passive,
      });
    }
    segments.push({ offset: mod.i32.const(base), data: rom, passive: false });
    const initial = Math.max(mem.initial, Math.ceil((base + rom.length) / PAGE));
    const max = mem.max === undefined ? 65536 : Math.max(mem.max, initial);
    // setMemory replaces the memory and all its segments; the old export must go first
    mod.removeExport("memory");
    mod.setMemory(initial, max, "memory", segments, mem.shared, mem.is64);

    const ex = binaryen.getExportInfo(mod.getExport("mp_rom_base"));
    const g = binaryen.getGlobalInfo(mod.getGlobal(ex.value));
    mod.removeGlobal(ex.value);
    mod.addGlobal(ex.value, g.type, true, mod.i32.const(base));
    if (!mod.validate()) throw new FirmwareError("the rewritten module does not validate");
    return mod.emitBinary();
  } finally {
    mod.dispose();
  }
}
