// Every host import of the core, named as MicroPython's HAL. host/mphal.ts
// implements exactly these. Text crosses as pointer + byte length (UTF-8).
// A host import never throws into wasm: failures come back as a negative errno.

/** Writes `len` bytes at `ptr` to stdout (fd 1) or stderr (fd 2). */
// @ts-ignore: decorator
@external("mphal", "stdout_tx_strn")
export declare function mp_hal_stdout_tx_strn(fd: i32, ptr: usize, len: usize): void;

/** Reads one byte from stdin; returns -1 at end of input. */
// @ts-ignore: decorator
@external("mphal", "stdin_rx_chr")
export declare function mp_hal_stdin_rx_chr(): i32;

/** Milliseconds of a monotonic clock (wraps). */
// @ts-ignore: decorator
@external("mphal", "ticks_ms")
export declare function mp_hal_ticks_ms(): u32;

/** Microseconds of a monotonic clock (wraps). */
// @ts-ignore: decorator
@external("mphal", "ticks_us")
export declare function mp_hal_ticks_us(): u32;

/** CPU ticks (nanosecond resolution counter, wraps). */
// @ts-ignore: decorator
@external("mphal", "ticks_cpu")
export declare function mp_hal_ticks_cpu(): u32;

/** Seconds since the Unix epoch, as a double (for time.time()). */
// @ts-ignore: decorator
@external("mphal", "time_s")
export declare function mp_hal_time_s(): f64;

/** Nanoseconds since the Unix epoch (time.time_ns). */
// @ts-ignore: decorator
@external("mphal", "time_ns")
export declare function mp_hal_time_ns(): i64;

/**
 * Breaks `t` seconds since the epoch down as C's localtime (`local` != 0) or
 * gmtime: writes 9 i32 at `out`: year, month 1-12, mday 1-31, hour, minute,
 * second, weekday 0-6 (Monday 0), yearday 1-366, isdst (0/1; 0 for UTC).
 * Returns 0, or -1 if `t` is out of the host's range.
 */
// @ts-ignore: decorator
@external("mphal", "time_tm")
export declare function mp_hal_time_tm(t: f64, local: i32, out: usize): i32;

/**
 * Seconds since the epoch of a local time, as C's mktime: out-of-range
 * fields are normalised (month 13 is January of the next year). NaN if the
 * result is out of the host's range.
 */
// @ts-ignore: decorator
@external("mphal", "time_mktime")
export declare function mp_hal_time_mktime(year: i32, month: i32, mday: i32, hour: i32, minute: i32, second: i32): f64;

/** Sleeps (blocks the host thread) for `ms` milliseconds. */
// @ts-ignore: decorator
@external("mphal", "delay_ms")
export declare function mp_hal_delay_ms(ms: u32): void;

/** Opens a host file; mode bits: 1 read, 2 write, 4 append, 8 create, 16 truncate, 32 exclusive. Returns fd >= 0 or -errno. */
// @ts-ignore: decorator
@external("mphal", "file_open")
export declare function mp_hal_file_open(path: usize, path_len: usize, mode: u32): i32;

/** Reads up to `len` bytes; returns the count (0 at EOF) or -errno. */
// @ts-ignore: decorator
@external("mphal", "file_read")
export declare function mp_hal_file_read(fd: i32, buf: usize, len: usize): i32;

/** Writes `len` bytes; returns the count or -errno. */
// @ts-ignore: decorator
@external("mphal", "file_write")
export declare function mp_hal_file_write(fd: i32, buf: usize, len: usize): i32;

/** Moves the file position (whence as lseek); returns the new position or -errno. */
// @ts-ignore: decorator
@external("mphal", "file_seek")
export declare function mp_hal_file_seek(fd: i32, offset: f64, whence: i32): f64;

/** Closes a host fd; returns 0 or -errno. */
// @ts-ignore: decorator
@external("mphal", "file_close")
export declare function mp_hal_file_close(fd: i32): i32;

/**
 * stat() of a host path: returns 0 for missing, 1 for a file, 2 for a directory,
 * or -errno. Writes size (f64) at `out` and mtime seconds (f64) at `out + 8` when non-zero.
 */
// @ts-ignore: decorator
@external("mphal", "stat")
export declare function mp_hal_stat(path: usize, path_len: usize, out: usize): i32;

/** Terminates the process with `code` (after flushing). */
// @ts-ignore: decorator
@external("mphal", "exit")
export declare function mp_hal_exit(code: i32): void;

// ---- POSIX filesystem calls of VfsPosix (extmod/vfs_posix.ts) and os ----

/**
 * stat() of a host path (following symlinks): writes 10 f64 at `out`:
 * st_mode, st_ino, st_dev, st_nlink, st_uid, st_gid, st_size, st_atime,
 * st_mtime, st_ctime (times in whole seconds since 1970). Returns 0 or -errno.
 */
// @ts-ignore: decorator
@external("mphal", "posix_stat")
export declare function mp_hal_posix_stat(path: usize, path_len: usize, out: usize): i32;

/**
 * statvfs() of the filesystem holding a host path: writes 10 f64 at `out`:
 * f_bsize, f_frsize, f_blocks, f_bfree, f_bavail, f_files, f_ffree,
 * f_favail, f_flag, f_namemax. Returns 0 or -errno.
 */
// @ts-ignore: decorator
@external("mphal", "posix_statvfs")
export declare function mp_hal_posix_statvfs(path: usize, path_len: usize, out: usize): i32;

/** mkdir(path, 0777): 0 or -errno. */
// @ts-ignore: decorator
@external("mphal", "posix_mkdir")
export declare function mp_hal_posix_mkdir(path: usize, path_len: usize): i32;

/** rmdir(path): 0 or -errno. */
// @ts-ignore: decorator
@external("mphal", "posix_rmdir")
export declare function mp_hal_posix_rmdir(path: usize, path_len: usize): i32;

/** unlink(path): 0 or -errno. */
// @ts-ignore: decorator
@external("mphal", "posix_unlink")
export declare function mp_hal_posix_unlink(path: usize, path_len: usize): i32;

/** rename(old, new): 0 or -errno. */
// @ts-ignore: decorator
@external("mphal", "posix_rename")
export declare function mp_hal_posix_rename(old_path: usize, old_len: usize, new_path: usize, new_len: usize): i32;

/** chdir(path) of the host process: 0 or -errno. */
// @ts-ignore: decorator
@external("mphal", "posix_chdir")
export declare function mp_hal_posix_chdir(path: usize, path_len: usize): i32;

/**
 * getcwd() of the host process into `buf` (UTF-8, no NUL): returns the length,
 * or -errno (ERANGE if it needs more than `buf_len` bytes).
 */
// @ts-ignore: decorator
@external("mphal", "posix_getcwd")
export declare function mp_hal_posix_getcwd(buf: usize, buf_len: usize): i32;

/** opendir(path): a directory handle >= 0, or -errno. */
// @ts-ignore: decorator
@external("mphal", "posix_opendir")
export declare function mp_hal_posix_opendir(path: usize, path_len: usize): i32;

/**
 * readdir() of a directory handle, skipping "." and "..": writes the next
 * entry's name (UTF-8) into `buf` and returns its length, 0 at the end of the
 * directory, or -errno (ENAMETOOLONG if longer than `buf_len`). Writes 2 f64 at
 * `out`: the entry's type as st_mode bits (S_IFDIR, S_IFREG..., 0 if unknown)
 * and its inode number (0 if unknown).
 */
// @ts-ignore: decorator
@external("mphal", "posix_readdir")
export declare function mp_hal_posix_readdir(handle: i32, buf: usize, buf_len: usize, out: usize): i32;

/** closedir() of a directory handle: 0 or -errno. */
// @ts-ignore: decorator
@external("mphal", "posix_closedir")
export declare function mp_hal_posix_closedir(handle: i32): i32;

/** Fills `len` bytes at `buf` with cryptographically random bytes (mp_hal_get_random). */
// @ts-ignore: decorator
@external("mphal", "get_random")
export declare function mp_hal_get_random(buf: usize, len: usize): void;

/**
 * getenv(name): copies the value (UTF-8) into `buf` when it fits in `buf_len`
 * bytes and returns its length (a larger length means "call again with a
 * bigger buffer"), or -1 if the variable is not set.
 */
// @ts-ignore: decorator
@external("mphal", "getenv")
export declare function mp_hal_getenv(name: usize, name_len: usize, buf: usize, buf_len: usize): i32;

/** setenv(name, value, 1): 0 or -errno (EINVAL for an empty name or one with "="). */
// @ts-ignore: decorator
@external("mphal", "setenv")
export declare function mp_hal_setenv(name: usize, name_len: usize, value: usize, value_len: usize): i32;

/** unsetenv(name): 0 or -errno (EINVAL for an empty name or one with "="). */
// @ts-ignore: decorator
@external("mphal", "unsetenv")
export declare function mp_hal_unsetenv(name: usize, name_len: usize): i32;
