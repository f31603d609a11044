/**
 * Implements the core's host imports (assembly/mphal.ts), module "mphal", for
 * node. Nothing else crosses the boundary. Each function catches host errors
 * and returns a negative errno instead of throwing into wasm.
 */
import * as fs from "node:fs";
import * as nodePath from "node:path";
import { randomFillSync } from "node:crypto";

export interface HalContext {
  /** Linear memory of the instance (set after instantiation). */
  memory: WebAssembly.Memory | null;
  /** Called with bytes written to fd 1 or 2. */
  write(fd: number, bytes: Uint8Array): void;
  /** Reads one byte of stdin, or -1 at end. */
  readByte(): number;
}

const ERRNO: Record<string, number> = {
  EPERM: 1, ENOENT: 2, EIO: 5, EBADF: 9, EAGAIN: 11, ENOMEM: 12, EACCES: 13, EEXIST: 17,
  ENODEV: 19, ENOTDIR: 20, EISDIR: 21, EINVAL: 22, ENOSPC: 28, ENOTEMPTY: 39,
  EBUSY: 16, EXDEV: 18, ENFILE: 23, EMFILE: 24, ETXTBSY: 26, EFBIG: 27, ESPIPE: 29, EROFS: 30,
  EMLINK: 31, ERANGE: 34, ENAMETOOLONG: 36, ENOSYS: 38, ELOOP: 40, EOVERFLOW: 75,
  EOPNOTSUPP: 95, ETIMEDOUT: 110, ERR_INVALID_ARG_VALUE: 22,
};

/** st_mode type bits of a directory entry (DTTOIF of its d_type). */
function direntMode(d: fs.Dirent): number {
  if (d.isDirectory()) return 0o040000;
  if (d.isFile()) return 0o100000;
  if (d.isSymbolicLink()) return 0o120000;
  if (d.isFIFO()) return 0o010000;
  if (d.isCharacterDevice()) return 0o020000;
  if (d.isBlockDevice()) return 0o060000;
  if (d.isSocket()) return 0o140000;
  return 0;
}

/** readSync that waits out EAGAIN (a non-blocking stdin pipe). */
function readRetry(fd: number, mem: Uint8Array, buf: number, len: number, pos: number | null): number {
  for (;;) {
    try {
      return fs.readSync(fd, mem, buf, len, pos);
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === "EOF") return 0;
      if (code !== "EAGAIN") throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
}

function errno(e: unknown): number {
  const code = (e as { code?: string }).code ?? "EIO";
  return -(ERRNO[code] ?? 5);
}

const t0 = process.hrtime.bigint();
const wall0 = BigInt(Date.now()) * 1000000n;

export function makeHalImports(ctx: HalContext): Record<string, (...args: number[]) => number | bigint | void> {
  const mem = (): Uint8Array => new Uint8Array(ctx.memory!.buffer);
  const text = (ptr: number, len: number): string => Buffer.from(mem().subarray(ptr, ptr + len)).toString("utf8");
  // our fd -> node fd and the file position (node has no lseek)
  const files = new Map<number, { nfd: number; pos: number; append: boolean; dir: boolean }>();
  // directory handles of posix_opendir
  const dirs = new Map<number, { dir: fs.Dir; path: string }>();
  let nextDir = 1;
  const f64s = (out: number, vals: number[]): void => {
    const dv = new DataView(ctx.memory!.buffer);
    vals.forEach((v, i) => dv.setFloat64(out + 8 * i, v, true));
  };
  const putText = (s: string, buf: number, bufLen: number): number => {
    const b = Buffer.from(s, "utf8");
    if (b.length <= bufLen) mem().set(b, buf);
    return b.length;
  };
  // runs a host call that returns nothing; 0 or -errno
  const call0 = (f: () => void): number => {
    try {
      f();
      return 0;
    } catch (e) {
      return errno(e);
    }
  };
  return {
    stdout_tx_strn(fd: number, ptr: number, len: number): void {
      ctx.write(fd, mem().slice(ptr, ptr + len));
    },
    stdin_rx_chr(): number {
      return ctx.readByte();
    },
    ticks_ms(): number {
      return Number((process.hrtime.bigint() - t0) / 1000000n) >>> 0;
    },
    ticks_us(): number {
      return Number(((process.hrtime.bigint() - t0) / 1000n) & 0xffffffffn) >>> 0;
    },
    ticks_cpu(): number {
      return Number((process.hrtime.bigint() - t0) & 0xffffffffn) >>> 0;
    },
    time_s(): number {
      return Date.now() / 1000;
    },
    time_ns(): bigint {
      // the wall clock at start-up, advanced by the monotonic clock
      return wall0 + (process.hrtime.bigint() - t0);
    },
    time_tm(t: number, local: number, out: number): number {
      const d = new Date(t * 1000);
      if (!Number.isFinite(t) || Number.isNaN(d.getTime())) return -1;
      const dv = new DataView(ctx.memory!.buffer);
      const year = local ? d.getFullYear() : d.getUTCFullYear();
      const month = local ? d.getMonth() : d.getUTCMonth();
      const mday = local ? d.getDate() : d.getUTCDate();
      const jan1 = local ? new Date(year, 0, 1) : new Date(Date.UTC(year, 0, 1));
      jan1.setFullYear(year);
      const dayStart = local ? new Date(year, month, mday) : new Date(Date.UTC(year, month, mday));
      dayStart.setFullYear(year, month, mday);
      const yday = Math.round((dayStart.getTime() - jan1.getTime()) / 86400000) + 1;
      const wday = ((local ? d.getDay() : d.getUTCDay()) + 6) % 7;
      let isdst = 0;
      if (local) {
        // DST if the offset differs from the larger of January's and July's
        const jan = new Date(year, 0, 1).getTimezoneOffset();
        const jul = new Date(year, 6, 1).getTimezoneOffset();
        isdst = jan !== jul && d.getTimezoneOffset() === Math.min(jan, jul) ? 1 : 0;
      }
      const vals = [
        year,
        month + 1,
        mday,
        local ? d.getHours() : d.getUTCHours(),
        local ? d.getMinutes() : d.getUTCMinutes(),
        local ? d.getSeconds() : d.getUTCSeconds(),
        wday,
        yday,
        isdst,
      ];
      vals.forEach((v, i) => dv.setInt32(out + 4 * i, v, true));
      return 0;
    },
    time_mktime(year: number, month: number, mday: number, hour: number, minute: number, second: number): number {
      const d = new Date(2000, 0, 1);
      d.setFullYear(year, month - 1, mday);
      d.setHours(hour, minute, second, 0);
      const ms = d.getTime();
      return Number.isNaN(ms) ? NaN : Math.floor(ms / 1000);
    },
    delay_ms(ms: number): void {
      if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
    },
    file_open(ptr: number, len: number, mode: number): number {
      try {
        let flags = 0;
        const rd = (mode & 1) !== 0;
        const wr = (mode & 2) !== 0;
        flags |= rd && wr ? fs.constants.O_RDWR : wr ? fs.constants.O_WRONLY : fs.constants.O_RDONLY;
        if (mode & 4) flags |= fs.constants.O_APPEND;
        if (mode & 8) flags |= fs.constants.O_CREAT;
        if (mode & 16) flags |= fs.constants.O_TRUNC;
        if (mode & 32) flags |= fs.constants.O_EXCL;
        const nfd = fs.openSync(text(ptr, len), flags, 0o666);
        const st = fs.fstatSync(nfd);
        if (st.isDirectory() && wr) {
          fs.closeSync(nfd);
          return -21;
        }
        // the lowest free number, as POSIX open() (a file closed by the GC
        // finaliser frees its number for the next open)
        let fd = 3;
        while (files.has(fd)) fd++;
        files.set(fd, { nfd, pos: 0, append: (mode & 4) !== 0, dir: st.isDirectory() });
        return fd;
      } catch (e) {
        return errno(e);
      }
    },
    file_read(fd: number, buf: number, len: number): number {
      try {
        if (fd === 0) return readRetry(0, mem(), buf, len, null);
        const f = files.get(fd);
        if (f === undefined) return -9;
        if (f.dir) return -21;
        const n = fs.readSync(f.nfd, mem(), buf, len, f.pos);
        f.pos += n;
        return n;
      } catch (e) {
        return errno(e);
      }
    },
    file_write(fd: number, buf: number, len: number): number {
      try {
        if (fd === 1 || fd === 2) {
          ctx.write(fd, mem().slice(buf, buf + len));
          return len;
        }
        const f = files.get(fd);
        if (f === undefined) return -9;
        if (f.append) {
          const n = fs.writeSync(f.nfd, mem(), buf, len);
          f.pos = fs.fstatSync(f.nfd).size;
          return n;
        }
        const n = fs.writeSync(f.nfd, mem(), buf, len, f.pos);
        f.pos += n;
        return n;
      } catch (e) {
        return errno(e);
      }
    },
    file_seek(fd: number, offset: number, whence: number): number {
      // positions live here: reads and writes go to explicit offsets
      try {
        const f = files.get(fd);
        if (f === undefined) return fd >= 0 && fd <= 2 ? -29 : -9;
        let pos: number;
        if (whence === 0) pos = offset;
        else if (whence === 1) pos = f.pos + offset;
        else if (whence === 2) pos = fs.fstatSync(f.nfd).size + offset;
        else return -22;
        if (pos < 0) return -22;
        f.pos = pos;
        return pos;
      } catch (e) {
        return errno(e);
      }
    },
    file_close(fd: number): number {
      try {
        const f = files.get(fd);
        if (f === undefined) return -9;
        files.delete(fd);
        fs.closeSync(f.nfd);
        return 0;
      } catch (e) {
        return errno(e);
      }
    },
    stat(ptr: number, len: number, out: number): number {
      try {
        const st = fs.statSync(text(ptr, len));
        if (out) {
          const dv = new DataView(ctx.memory!.buffer);
          dv.setFloat64(out, st.size, true);
          dv.setFloat64(out + 8, Math.floor(st.mtimeMs / 1000), true);
        }
        return st.isDirectory() ? 2 : 1;
      } catch (e) {
        const code = (e as { code?: string }).code;
        return code === "ENOENT" || code === "ENOTDIR" ? 0 : errno(e);
      }
    },
    posix_stat(ptr: number, len: number, out: number): number {
      try {
        // a missing file is the common case (imports search sys.path): no exception for it
        const st = fs.statSync(text(ptr, len), { throwIfNoEntry: false });
        if (st === undefined) return -ERRNO.ENOENT;
        const sec = (ms: number): number => Math.floor(ms / 1000);
        f64s(out, [st.mode, st.ino, st.dev, st.nlink, st.uid, st.gid, st.size, sec(st.atimeMs), sec(st.mtimeMs), sec(st.ctimeMs)]);
        return 0;
      } catch (e) {
        return errno(e);
      }
    },
    posix_statvfs(ptr: number, len: number, out: number): number {
      try {
        const st = fs.statfsSync(text(ptr, len));
        // node reports no f_frsize, f_favail or f_flag: f_frsize is f_bsize on
        // Linux, f_favail f_ffree; the flags are unknown (0); f_namemax 255
        f64s(out, [st.bsize, st.bsize, st.blocks, st.bfree, st.bavail, st.files, st.ffree, st.ffree, 0, 255]);
        return 0;
      } catch (e) {
        return errno(e);
      }
    },
    posix_mkdir(ptr: number, len: number): number {
      return call0(() => fs.mkdirSync(text(ptr, len), 0o777));
    },
    posix_rmdir(ptr: number, len: number): number {
      return call0(() => fs.rmdirSync(text(ptr, len)));
    },
    posix_unlink(ptr: number, len: number): number {
      return call0(() => fs.unlinkSync(text(ptr, len)));
    },
    posix_rename(p1: number, l1: number, p2: number, l2: number): number {
      return call0(() => fs.renameSync(text(p1, l1), text(p2, l2)));
    },
    posix_chdir(ptr: number, len: number): number {
      return call0(() => process.chdir(text(ptr, len)));
    },
    posix_getcwd(buf: number, bufLen: number): number {
      try {
        const n = putText(process.cwd(), buf, bufLen);
        return n <= bufLen ? n : -ERRNO.ERANGE;
      } catch (e) {
        return errno(e);
      }
    },
    posix_opendir(ptr: number, len: number): number {
      try {
        const p = text(ptr, len);
        const dir = fs.opendirSync(p);
        const h = nextDir++;
        dirs.set(h, { dir, path: p });
        return h;
      } catch (e) {
        return errno(e);
      }
    },
    posix_readdir(h: number, buf: number, bufLen: number, out: number): number {
      try {
        const d = dirs.get(h);
        if (d === undefined) return -ERRNO.EBADF;
        const ent = d.dir.readSync();
        if (ent === null) return 0;
        let ino = 0;
        try {
          ino = fs.lstatSync(nodePath.join(d.path, ent.name)).ino;
        } catch {
          // removed meanwhile: no inode number
        }
        f64s(out, [direntMode(ent), ino]);
        const n = putText(ent.name, buf, bufLen);
        return n <= bufLen ? n : -ERRNO.ENAMETOOLONG;
      } catch (e) {
        return errno(e);
      }
    },
    posix_closedir(h: number): number {
      const d = dirs.get(h);
      if (d === undefined) return -ERRNO.EBADF;
      dirs.delete(h);
      return call0(() => d.dir.closeSync());
    },
    get_random(buf: number, len: number): void {
      randomFillSync(mem(), buf, len);
    },
    getenv(ptr: number, len: number, buf: number, bufLen: number): number {
      const v = process.env[text(ptr, len)];
      return v === undefined ? -1 : putText(v, buf, bufLen);
    },
    setenv(p1: number, l1: number, p2: number, l2: number): number {
      const k = text(p1, l1);
      if (k.length === 0 || k.includes("=")) return -ERRNO.EINVAL;
      process.env[k] = text(p2, l2);
      return 0;
    },
    unsetenv(ptr: number, len: number): number {
      const k = text(ptr, len);
      if (k.length === 0 || k.includes("=")) return -ERRNO.EINVAL;
      delete process.env[k];
      return 0;
    },
    exit(code: number): void {
      process.exit(code);
    },
  };
}
