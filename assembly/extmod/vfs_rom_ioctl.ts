// The ROMFS partition of a firmware image, as a MicroPython port's
// vfs_rom_ioctl.c (ports/qemu, ports/stm32) and extmod/vfs.c's
// mp_vfs_mount_romfs_protected: vfs.rom_ioctl(op, ...) reports the
// partition the image's ROM header names (frozenmod.ts: one partition, or
// none in the plain core), and mp_init mounts it at /rom, so that `import
// mod` finds /rom/mod.mpy and runs its bytecode in place from ROM.
//
// The partition lives in the ROM, outside the GC heap; the memoryview of it
// is a static object (as a port's const romfs_obj), read-only.

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_OBJ_NEW_SMALL_INT,
  MP_OBJ_NEW_QSTR,
  MP_INT_ERROR,
  mp_obj_get_int,
  mp_fun_var_at,
} from "../obj";
import { mp_type_memoryview } from "../objarray";
import { mp_take_exception } from "../objexcept";
import { mp_root_mark, mp_root_release, mp_root_alloc } from "../rootstack";
import { mp_obj_list_append, mp_obj_list_len, mp_obj_list_items } from "../objlist";
import { mp_sys_path } from "../modsys";
import { mp_romfs_partition_addr, mp_romfs_partition_len } from "../frozenmod";
import { MP_EINVAL } from "../stream";
import { mp_vfs_mount } from "./vfs";
import { mp_vfs_rom_new } from "./vfs_rom";
import * as Q from "../genhdr";

// rom_ioctl commands (MP_VFS_ROM_IOCTL_*)
@inline const GET_NUMBER_OF_SEGMENTS: i64 = 1;
@inline const GET_SEGMENT: i64 = 2;

/** The memoryview of partition 0 (mp_obj_array_t layout, objarray.ts): a static object. */
const romfs0_obj: usize = memory.data(16, 16);

/**
 * vfs.rom_ioctl(op, ...) (mp_vfs_rom_ioctl of a port with one partition):
 * op 1 gives the number of partitions (0 or 1); op 2 with id 0 a read-only
 * memoryview of the partition; anything else, or a bad id, -EINVAL (as an
 * int, not raised: MicroPython's ports return it). The write ops (3 to 6)
 * are refused the same way: the ROM is not writable at run time.
 */
export function mp_vfs_rom_ioctl(n_args: usize, args: usize): mp_obj_t {
  const cmd = mp_obj_get_int(load<usize>(args));
  if (cmd == MP_INT_ERROR) return MP_OBJ_NULL;
  const len = mp_romfs_partition_len();
  const n_parts = mp_romfs_partition_addr() != 0 && len != 0 ? 1 : 0;
  if (cmd == GET_NUMBER_OF_SEGMENTS) return MP_OBJ_NEW_SMALL_INT(n_parts);
  if (n_args < 2) return MP_OBJ_NEW_SMALL_INT(-MP_EINVAL);
  const id = mp_obj_get_int(load<usize>(args + 4));
  if (id == MP_INT_ERROR) return MP_OBJ_NULL;
  if (!(0 <= id && id < n_parts)) return MP_OBJ_NEW_SMALL_INT(-MP_EINVAL);
  if (cmd == GET_SEGMENT) {
    store<usize>(romfs0_obj, mp_type_memoryview);
    store<u32>(romfs0_obj + 4, 66); // 'B', read-only, offset 0
    store<usize>(romfs0_obj + 8, len);
    store<usize>(romfs0_obj + 12, mp_romfs_partition_addr());
    return romfs0_obj;
  }
  return MP_OBJ_NEW_SMALL_INT(-MP_EINVAL);
}

/**
 * Mounts the firmware's ROMFS partition at /rom and appends "/rom" and
 * "/rom/lib" to sys.path (mp_vfs_mount_romfs_protected, run at the end of
 * mp_init). Any failure (no partition, a bad image) is swallowed: the
 * runtime starts without /rom. Returns 0, or -EIO (MicroPython's value) if
 * nothing was mounted. Without a partition nothing is allocated.
 */
export function mp_vfs_mount_romfs_protected(): i32 {
  if (mp_romfs_partition_addr() == 0 || mp_romfs_partition_len() == 0) return -5;
  const mark = mp_root_mark();
  const a = mp_root_alloc(2);
  if (a == 0) return -5;
  store<usize>(a, MP_OBJ_NEW_SMALL_INT(<i32>GET_SEGMENT));
  store<usize>(a + 4, MP_OBJ_NEW_SMALL_INT(0));
  let ok = false;
  const rom = mp_vfs_rom_ioctl(2, a);
  if (rom != MP_OBJ_NULL) {
    const fs = mp_vfs_rom_new(rom);
    if (fs != MP_OBJ_NULL) {
      store<usize>(a, fs);
      store<usize>(a + 4, MP_OBJ_NEW_QSTR(Q.MP_QSTR__slash_rom));
      if (mp_vfs_mount(2, a, 0) != MP_OBJ_NULL) {
        const path = mp_sys_path();
        ok =
          path != 0 &&
          mp_obj_list_append(path, MP_OBJ_NEW_QSTR(Q.MP_QSTR__slash_rom)) != MP_OBJ_NULL &&
          mp_obj_list_append(path, MP_OBJ_NEW_QSTR(Q.MP_QSTR__slash_rom_slash_lib)) != MP_OBJ_NULL;
      }
    }
  }
  mp_root_release(mark);
  if (!ok) {
    mp_take_exception();
    return -5; // -MP_EIO
  }
  return 0;
}

// True if sys.path `path` ends with the two entries mp_vfs_mount_romfs_protected appended.
function ends_with_romfs(path: mp_obj_t): bool {
  if (path == 0) return false;
  const n = mp_obj_list_len(path);
  if (n < 2) return false;
  const items = mp_obj_list_items(path);
  return (
    load<usize>(items + ((n - 2) << 2)) == MP_OBJ_NEW_QSTR(Q.MP_QSTR__slash_rom) &&
    load<usize>(items + ((n - 1) << 2)) == MP_OBJ_NEW_QSTR(Q.MP_QSTR__slash_rom_slash_lib)
  );
}

/**
 * Keeps "/rom" and "/rom/lib" last in sys.path after the host appended an
 * entry (the CLI sets sys.path after mp_init, where a board sets it before
 * mounting the ROMFS): moves the last item in front of them. MicroPython's
 * order is then kept: "", ".frozen", ..., "/rom", "/rom/lib".
 */
export function mp_vfs_romfs_sys_path_appended(): void {
  const path = mp_sys_path();
  if (path == 0) return;
  const n = mp_obj_list_len(path);
  if (n < 3) return;
  const items = mp_obj_list_items(path);
  // the list as it was before the append must end with the ROMFS entries
  const last = load<usize>(items + ((n - 1) << 2));
  const a = load<usize>(items + ((n - 3) << 2));
  const b = load<usize>(items + ((n - 2) << 2));
  if (a != MP_OBJ_NEW_QSTR(Q.MP_QSTR__slash_rom)) return;
  if (b != MP_OBJ_NEW_QSTR(Q.MP_QSTR__slash_rom_slash_lib)) return;
  store<usize>(items + ((n - 3) << 2), last);
  store<usize>(items + ((n - 2) << 2), a);
  store<usize>(items + ((n - 1) << 2), b);
}

/**
 * True if sys.path holds only the ROMFS entries (then the host's "set
 * sys.path[0]" must insert in front of them, not replace "/rom").
 */
export function mp_vfs_romfs_sys_path_only(): bool {
  const path = mp_sys_path();
  return path != 0 && mp_obj_list_len(path) == 2 && ends_with_romfs(path);
}

/** vfs.rom_ioctl as a function object (1 to 4 arguments). */
export const mp_vfs_rom_ioctl_obj: usize = memory.data(16, 16);

/** Set-up of vfs.rom_ioctl (run once by mp_init). */
export function vfs_rom_ioctl_static_init(): void {
  mp_fun_var_at(mp_vfs_rom_ioctl_obj, 1, 4, mp_vfs_rom_ioctl);
}
