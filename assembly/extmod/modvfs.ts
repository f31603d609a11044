// The vfs module, as MicroPython's extmod/modvfs.c: mount, umount, rom_ioctl
// and the filesystem types (VfsPosix: the host's filesystem; VfsRom: a ROMFS
// image). The functions are those of the VFS layer (extmod/vfs.ts), shared
// with the os module.

import { mp_obj_t, MP_OBJ_NEW_QSTR } from "../obj";
import { mp_static_dict_at, mp_static_dict_add } from "../objdict";
import { mp_module_static_at } from "../objmodule";
import { mp_vfs_mount_obj, mp_vfs_umount_obj } from "./vfs";
import { mp_type_vfs_posix } from "./vfs_posix";
import { mp_type_vfs_rom } from "./vfs_rom";
import { mp_vfs_rom_ioctl_obj } from "./vfs_rom_ioctl";
import * as Q from "../genhdr";

/** The vfs module. */
export const mp_module_vfs: mp_obj_t = memory.data(8, 8);

const vfs_globals: usize = memory.data(16, 16);

/** Set-up of the vfs module (run once by mp_init). */
export function modvfs_static_init(): void {
  const d = vfs_globals;
  mp_static_dict_at(d, 6);
  mp_static_dict_add(d, Q.MP_QSTR___name__, MP_OBJ_NEW_QSTR(Q.MP_QSTR_vfs));
  mp_static_dict_add(d, Q.MP_QSTR_mount, mp_vfs_mount_obj);
  mp_static_dict_add(d, Q.MP_QSTR_umount, mp_vfs_umount_obj);
  mp_static_dict_add(d, Q.MP_QSTR_rom_ioctl, mp_vfs_rom_ioctl_obj);
  mp_static_dict_add(d, Q.MP_QSTR_VfsRom, mp_type_vfs_rom);
  mp_static_dict_add(d, Q.MP_QSTR_VfsPosix, mp_type_vfs_posix);
  mp_module_static_at(mp_module_vfs, d);
}
