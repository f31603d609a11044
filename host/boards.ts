/**
 * Board profiles: the heap, pystack and qstr allocation policy of the boards
 * MicroPython runs on, so an application can be tried on a heap the size of
 * its board's (`mpy-wasm -X board=NAME`, `mpy-wasm-freeze --board NAME`).
 * The data is in host/boards/<name>/board.json, each with the MicroPython
 * source of its numbers.
 */
import unix from "./boards/unix/board.json";
import esp8266 from "./boards/esp8266/board.json";
import esp32 from "./boards/esp32/board.json";
import rp2040 from "./boards/rp2040/board.json";
import stm32 from "./boards/stm32/board.json";

export interface BoardProfile {
  name: string;
  description: string;
  /** GC heap in bytes (fixed for the life of the runtime, as on the board). */
  heapBytes: number;
  /** Pystack in bytes: our VM frames, standing for the board's C stack. */
  pystackBytes: number;
  /** Bytes of a new qstr string chunk (MICROPY_ALLOC_QSTR_CHUNK_INIT). */
  qstrChunkInit: number;
  /** Entries of the first dynamic qstr pool (MICROPY_ALLOC_QSTR_ENTRIES_INIT). */
  qstrEntriesInit: number;
  /** Where the numbers come from. */
  source: string;
  aliases?: string[];
}

/** Every profile, the default (unix) first. */
export const BOARDS: readonly BoardProfile[] = [unix, esp8266, esp32, rp2040, stm32];

/** The profile called `name` (or one of its aliases, e.g. "pyboard"); throws with the known names otherwise. */
export function findBoard(name: string): BoardProfile {
  const n = name.toLowerCase();
  const b = BOARDS.find((x) => x.name === n || (x.aliases ?? []).includes(n));
  if (!b) throw new Error(`unknown board '${name}' (known: ${BOARDS.map((x) => x.name).join(", ")}, pyboard)`);
  return b;
}
