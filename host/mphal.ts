/**
 * Implements the core's host imports (assembly/mphal.ts), module "mphal", for
 * node. Nothing else crosses the boundary. Each function catches host errors
 * and returns a negative errno instead of throwing into wasm.
 */
import * as fs from "node:fs";

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
};

function errno(e: unknown): number {
  const code = (e as { code?: string }).code ?? "EIO";
  return -(ERRNO[code] ?? 5);
}

const t0 = process.hrtime.bigint();

export function makeHalImports(ctx: HalContext): Record<string, (...args: number[]) => number | void> {
  const mem = (): Uint8Array => new Uint8Array(ctx.memory!.buffer);
  const text = (ptr: number, len: number): string => Buffer.from(mem().subarray(ptr, ptr + len)).toString("utf8");
  const fds = new Map<number, number>(); // our fd -> node fd
  let nextFd = 3;
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
        if (st.isDirectory()) {
          fs.closeSync(nfd);
          return -21;
        }
        const fd = nextFd++;
        fds.set(fd, nfd);
        return fd;
      } catch (e) {
        return errno(e);
      }
    },
    file_read(fd: number, buf: number, len: number): number {
      try {
        const nfd = fd === 0 ? 0 : fds.get(fd);
        if (nfd === undefined) return -9;
        return fs.readSync(nfd, mem(), buf, len, null);
      } catch (e) {
        return errno(e);
      }
    },
    file_write(fd: number, buf: number, len: number): number {
      try {
        const nfd = fd === 1 || fd === 2 ? fd : fds.get(fd);
        if (nfd === undefined) return -9;
        return fs.writeSync(nfd, mem(), buf, len);
      } catch (e) {
        return errno(e);
      }
    },
    file_seek(fd: number, offset: number, whence: number): number {
      // node has no lseek; positions are tracked by the core's file object
      return -22;
    },
    file_close(fd: number): number {
      try {
        const nfd = fds.get(fd);
        if (nfd === undefined) return -9;
        fds.delete(fd);
        fs.closeSync(nfd);
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
    exit(code: number): void {
      process.exit(code);
    },
  };
}
