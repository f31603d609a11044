// Frozen modules and the ROM of a firmware image, as MicroPython's frozenmod.c
// with MICROPY_MODULE_FROZEN_STR and MICROPY_MODULE_FROZEN_MPY.
//
// A firmware image (host/freeze/firmware.ts) is this core's wasm with one
// more data segment, the ROM, at address `mp_rom_base` (an exported global
// the image sets; 0 in the plain core). The ROM lies above the core's static
// data; mp_init lays the pystack, root stack and GC heap out above it.
// Nothing writes to the ROM at run time.
//
//   ROM header (ROM_HEADER_SIZE bytes, at mp_rom_base; all pointers absolute):
//     +0  magic "MPWR"           +24 ROMFS partition address (0: none)
//     +4  version (1)            +28 ROMFS partition length in bytes
//     +8  total ROM bytes        +32 board heap bytes     \  the board profile
//     +12 frozen qstr pool       +36 board pystack bytes   |  the image was built
//     +16 module table           +40 qstr chunk init       |  for (0: host default)
//     +20 number of modules      +44 qstr entries init    /
//     +48 board name: NUL-terminated, 16 bytes
//
//   module table entry (MOD_ENTRY_SIZE bytes), sorted by path:
//     +0 path (NUL-terminated UTF-8: "foo.py", "pkg/__init__.py", "main.py")
//     +4 path length   +8 kind (MP_FROZEN_STR / MP_FROZEN_MPY)
//     +12 data: the source text (MP_FROZEN_STR), or an mp_frozen_module_t
//     +16 data length (source bytes; 0 for MP_FROZEN_MPY)
//
//   mp_frozen_module_t (12 bytes), as MicroPython's:
//     +0 qstr_table (u16 global qstr ids)   +4 obj_table (mp_obj_t words)
//     +8 proto_fun: the module's raw code
//
// The frozen qstr pool has the layout of a dynamic pool (qstr.ts) and is
// chained first, right after the static pool, as MicroPython's
// mp_qstr_frozen_const_pool; qstr_pool_info does not count it. Frozen
// bytecode refers to its qstrs by those fixed ids and to its constant
// objects (str, bytes, long ints, floats, complex, tuples) as ROM objects,
// so importing it allocates only the module's globals and function objects.

import { MP_IMPORT_STAT_NO_EXIST, MP_IMPORT_STAT_FILE, MP_IMPORT_STAT_DIR } from "./builtinimport";
import { bytes_cmp } from "./qstr";

// mp_frozen_type
@inline export const MP_FROZEN_NONE: u32 = 0;
@inline export const MP_FROZEN_STR: u32 = 1;
@inline export const MP_FROZEN_MPY: u32 = 2;

@inline export const ROM_MAGIC: u32 = 0x5257504d; // "MPWR" little-endian
@inline export const ROM_VERSION: u32 = 1;
@inline export const ROM_HEADER_SIZE: usize = 64;
@inline export const ROM_total: usize = 8;
@inline export const ROM_qstr_pool: usize = 12;
@inline export const ROM_modules: usize = 16;
@inline export const ROM_n_modules: usize = 20;
@inline export const ROM_romfs_addr: usize = 24;
@inline export const ROM_romfs_len: usize = 28;
@inline export const ROM_board_heap: usize = 32;
@inline export const ROM_board_pystack: usize = 36;
@inline export const ROM_qstr_chunk_init: usize = 40;
@inline export const ROM_qstr_entries_init: usize = 44;
@inline export const ROM_board_name: usize = 48;

@inline export const MOD_ENTRY_SIZE: usize = 20;
@inline export const MOD_path: usize = 0;
@inline export const MOD_path_len: usize = 4;
@inline export const MOD_kind: usize = 8;
@inline export const MOD_data: usize = 12;
@inline export const MOD_data_len: usize = 16;

// mp_frozen_module_t
@inline export const FM_qstr_table: usize = 0;
@inline export const FM_obj_table: usize = 4;
@inline export const FM_proto_fun: usize = 8;
@inline export const MP_FROZEN_MODULE_SIZE: usize = 12;

/** Address of the ROM, set by the firmware image (an exported mutable global); 0 without one. */
export let mp_rom_base: usize = 0;

/** True if the image has a valid ROM (checked once by mp_init through mp_rom_end). */
function rom_valid(): bool {
  const r = mp_rom_base;
  return r != 0 && load<u32>(r) == ROM_MAGIC && load<u32>(r + 4) == ROM_VERSION;
}

/**
 * First byte past the ROM (where mp_init starts the pystack), or 0 when the
 * image has no ROM. Returns usize.MAX_VALUE for a ROM whose header is not
 * this core's (the host then refuses the image).
 */
export function mp_rom_end(): usize {
  if (mp_rom_base == 0) return 0;
  if (!rom_valid()) return usize.MAX_VALUE;
  return mp_rom_base + load<u32>(mp_rom_base + ROM_total);
}

/** A word of the ROM header at `off` (ROM_*), 0 without a ROM: lets the host read the board profile. */
export function mp_rom_header_word(off: usize): u32 {
  if (!rom_valid() || off + 4 > ROM_HEADER_SIZE) return 0;
  return load<u32>(mp_rom_base + off);
}

/** The frozen qstr pool (qstr.ts pool layout) or 0. */
export function mp_rom_qstr_pool(): usize {
  return rom_valid() ? load<usize>(mp_rom_base + ROM_qstr_pool) : 0;
}

/** Address of the ROMFS partition in the ROM, 0 if the image has none (vfs.rom_ioctl). */
export function mp_romfs_partition_addr(): usize {
  return rom_valid() ? load<usize>(mp_rom_base + ROM_romfs_addr) : 0;
}

/** Length in bytes of the ROMFS partition, 0 if none. */
export function mp_romfs_partition_len(): usize {
  return rom_valid() ? load<usize>(mp_rom_base + ROM_romfs_len) : 0;
}

/** True if `p` points into the ROM (objects there are never freed or written). */
export function mp_rom_contains(p: usize): bool {
  const r = mp_rom_base;
  return r != 0 && p >= r && p < r + load<u32>(r + ROM_total);
}

/** Number of frozen modules (for help('modules') and tests). */
export function mp_frozen_count(): usize {
  return rom_valid() ? load<usize>(mp_rom_base + ROM_n_modules) : 0;
}

/** The module-table entry `i` (see the layout above). */
export function mp_frozen_entry(i: usize): usize {
  return load<usize>(mp_rom_base + ROM_modules) + i * MOD_ENTRY_SIZE;
}

/** Result of mp_find_frozen_module besides its return value: the entry found (0 if none). */
export let mp_frozen_found: usize = 0;

/**
 * Looks up the `len` bytes of path at `p` (relative to ".frozen/", e.g.
 * "foo.py" or "pkg") among the frozen modules, as MicroPython's
 * mp_find_frozen_module: MP_IMPORT_STAT_FILE with the entry in
 * mp_frozen_found, MP_IMPORT_STAT_DIR if some frozen path starts with
 * "<path>/", else MP_IMPORT_STAT_NO_EXIST.
 */
export function mp_find_frozen_module(p: usize, len: usize): i32 {
  mp_frozen_found = 0;
  const n = mp_frozen_count();
  if (n == 0) return MP_IMPORT_STAT_NO_EXIST;
  // binary search for the path itself; a directory's files follow "<path>/"
  // in sort order ('/' sorts before the bytes of most names, so check around)
  let lo: usize = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const e = mp_frozen_entry(mid);
    const c = bytes_cmp(load<usize>(e + MOD_path), load<usize>(e + MOD_path_len), p, len);
    if (c == 0) {
      mp_frozen_found = e;
      return MP_IMPORT_STAT_FILE;
    }
    if (c < 0) lo = mid + 1;
    else hi = mid;
  }
  // lo is where `p` would go: entries starting with "<p>/" sort at or after it
  for (let i = lo; i < n; i++) {
    const e = mp_frozen_entry(i);
    const ep = load<usize>(e + MOD_path);
    const el = load<usize>(e + MOD_path_len);
    if (el <= len || bytes_cmp(ep, len, p, len) != 0) break;
    if (load<u8>(ep + len) == 47) return MP_IMPORT_STAT_DIR; // '/'
  }
  return MP_IMPORT_STAT_NO_EXIST;
}
