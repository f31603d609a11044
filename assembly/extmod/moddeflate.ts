// The deflate module, as MicroPython's extmod/moddeflate.c with compression
// (MICROPY_PY_DEFLATE_COMPRESS): DeflateIO(stream, format=AUTO, wbits=0,
// close=False) wraps a stream; reading inflates from it (inflate.ts),
// writing deflates into it (deflate_lz77.ts). Formats RAW, ZLIB, GZIP and
// AUTO (reading: zlib or gzip from the header; writing: raw).
//
// The source stream is read one byte at a time, so no byte past the end of
// the compressed data is taken from it; each compressed byte is written to
// the destination with its own write call. A stream that ends early raises
// EOFError; corrupt data (bad header, block type, code, distance or
// checksum) raises OSError(EINVAL). After an error the decoder stays as
// MicroPython's is left, and reading again goes on from there.
//
//   mp_obj_deflateio_t (32 bytes, 2 blocks):
//     +0  type (deflateio_type)
//     +4  stream (MP_OBJ_NULL once closed)
//     +8  format u8, +9 window_bits u8 (0: default), +10 close u8,
//     +11 read_state u8 (READ_*)
//     +12 read: inflate state (inflate.ts) or 0; its window is its dict_ring
//     +16 write: lz77 state (deflate_lz77.ts) or 0; its window is its hist_buf
//     +20 input_len (bytes written so far, mod 2**32)
//     +24 input_checksum (Adler-32 or CRC-32 register of the input)

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_OBJ_NEW_QSTR,
  MP_OBJ_NEW_SMALL_INT,
  MP_TYPE_SIZE,
  MP_TYPE_FLAG_NONE,
  MP_INT_ERROR,
  mp_type_setup,
  mp_type_set_make_new,
  mp_type_set_locals_dict,
  mp_type_set_protocol,
  mp_obj_get_int,
  mp_obj_is_true,
} from "../obj";
import { gc_alloc } from "../gc";
import { mp_root_mark, mp_root_push, mp_root_release, mp_root_alloc } from "../rootstack";
import { mp_static_dict_at, mp_static_dict_add } from "../objdict";
import { mp_module_static_at } from "../objmodule";
import { mp_raise_ValueError, mp_raise_type, mp_type_EOFError } from "../objexcept";
import { mp_raise_memory_error, mp_raise_OSError, mp_raise_recursion_depth } from "../runtime";
import { mp_arg_check_num } from "../argcheck";
import {
  MP_STREAM_ERROR,
  MP_STREAM_RAISED,
  MP_STREAM_CLOSE,
  MP_STREAM_OP_READ,
  MP_STREAM_OP_WRITE,
  MP_EINVAL,
  mp_stream_p_init,
  mp_get_stream,
  mp_get_stream_raise,
  mp_stream_call_rw,
  mp_stream_raise_error,
  mp_stream_close,
  mp_stream_read_obj,
  mp_stream_readinto_obj,
  mp_stream_unbuffered_readline_obj,
  mp_stream_write_obj,
  mp_stream_close_obj,
  mp_stream___exit___obj,
  mp_stream_identity_obj,
} from "../stream";
import {
  INFLATE_STATE_SIZE,
  INFLATE_READ_RAISED,
  INFLATE_DONE,
  INFLATE_RAISED,
  INFLATE_HEADER_ZLIB,
  INFLATE_HEADER_GZIP,
  inflate_set_source,
  inflate_parse_zlib_gzip_header,
  inflate_init,
  inflate_set_dest,
  inflate_dest,
  inflate_uncompress_chksum,
} from "./inflate";
import {
  LZ77_STATE_SIZE,
  lz77_init,
  lz77_start_block,
  lz77_finish_block,
  lz77_compress,
} from "./deflate_lz77";
import { deflate_adler32, deflate_crc32 } from "./deflate_chksum";
import * as Q from "../genhdr";

/** The deflate module. */
export const mp_module_deflate: mp_obj_t = memory.data(8, 8);

const deflateio_type: usize = memory.data(<i32>MP_TYPE_SIZE, 16);

// Formats (DEFLATEIO_FORMAT_*).
@inline const FORMAT_AUTO: i64 = 0;
@inline const FORMAT_RAW: i64 = 1;
@inline const FORMAT_ZLIB: i64 = 2;
@inline const FORMAT_GZIP: i64 = 3;

// Window bits used when the constructor is given 0: the smallest window
// worth having (DEFLATEIO_DEFAULT_WBITS).
@inline const DEFAULT_WBITS: u32 = 8;

@inline const O_stream: usize = 4;
@inline const O_format: usize = 8;
@inline const O_window_bits: usize = 9;
@inline const O_close: usize = 10;
@inline const O_read_state: usize = 11;
@inline const O_read: usize = 12;
@inline const O_write: usize = 16;
@inline const O_input_len: usize = 20;
@inline const O_input_checksum: usize = 24;
@inline const DEFLATEIO_SIZE: usize = 28;

// read_state: reading not started, decoding, stream ended
@inline const READ_NONE: u8 = 0;
@inline const READ_ACTIVE: u8 = 1;
@inline const READ_EOF: u8 = 2;

// Results of the init functions.
@inline const INIT_OK: i32 = 1;
@inline const INIT_FAILED: i32 = 0;
@inline const INIT_RAISED: i32 = -1;

// DeflateIO(stream, format=AUTO, wbits=0, close=False) (deflateio_make_new).
function deflateio_make_new(type: usize, n_args: usize, n_kw: usize, args: usize): mp_obj_t {
  if (!mp_arg_check_num(n_args, n_kw, 1, 4, false)) return MP_OBJ_NULL;
  let format = FORMAT_AUTO;
  if (n_args > 1) {
    format = mp_obj_get_int(load<usize>(args + 4));
    if (format == MP_INT_ERROR) return MP_OBJ_NULL;
  }
  let wbits: i64 = 0;
  if (n_args > 2) {
    wbits = mp_obj_get_int(load<usize>(args + 8));
    if (wbits == MP_INT_ERROR) return MP_OBJ_NULL;
  }
  if (format < FORMAT_AUTO || format > FORMAT_GZIP) return mp_raise_ValueError("format");
  if (wbits != 0 && (wbits < 5 || wbits > 15)) return mp_raise_ValueError("wbits");
  const o = gc_alloc(DEFLATEIO_SIZE, 0);
  if (o == 0) return mp_raise_memory_error(DEFLATEIO_SIZE);
  store<usize>(o, type);
  store<usize>(o + O_stream, load<usize>(args));
  store<u8>(o + O_format, <u8>format);
  store<u8>(o + O_window_bits, <u8>wbits);
  if (n_args > 3) {
    const mark = mp_root_mark();
    mp_root_push(o);
    const t = mp_obj_is_true(load<usize>(args + 12));
    mp_root_release(mark);
    if (t < 0) return MP_OBJ_NULL;
    store<u8>(o + O_close, <u8>t);
  }
  return o;
}

// ---- reading ----

// The inflate read callback: the next byte of the source stream; EOFError
// when it ends, its error when it fails (deflateio_read_stream).
function deflateio_read_stream(self: usize): i32 {
  const stream = load<usize>(self + O_stream);
  // closed by code the stream ran
  if (stream == MP_OBJ_NULL) {
    mp_raise_OSError(MP_EINVAL);
    return INFLATE_READ_RAISED;
  }
  const p = mp_get_stream(stream);
  const mark = mp_root_mark();
  const w = mp_root_alloc(2);
  if (w == 0) {
    mp_raise_recursion_depth();
    return INFLATE_READ_RAISED;
  }
  const out_sz = mp_stream_call_rw(load<u32>(p), stream, w + 4, 1, w);
  const err = load<i32>(w);
  const c = <i32>load<u8>(w + 4);
  mp_root_release(mark);
  if (out_sz == MP_STREAM_ERROR) {
    mp_stream_raise_error(err);
    return INFLATE_READ_RAISED;
  }
  if (out_sz == 0) {
    mp_raise_type(mp_type_EOFError);
    return INFLATE_READ_RAISED;
  }
  return c;
}

// Sets up decoding on the first read: reads the zlib/gzip header unless RAW
// and allocates the window, the header's size if that is smaller than asked
// (deflateio_init_read). INIT_FAILED for a header that does not fit the
// format. Whatever the outcome, later reads use the state as it was left (as
// MicroPython: after a failure that is a zeroed state, without a window).
function deflateio_init_read(self: usize): i32 {
  if (load<u8>(self + O_read_state) != READ_NONE) return INIT_OK;
  if (mp_get_stream_raise(load<usize>(self + O_stream), MP_STREAM_OP_READ) == 0) return INIT_RAISED;
  const d = gc_alloc(INFLATE_STATE_SIZE, 0);
  if (d == 0) {
    mp_raise_memory_error(INFLATE_STATE_SIZE);
    return INIT_RAISED;
  }
  // reachable from self from here on
  store<usize>(self + O_read, d);
  store<u8>(self + O_read_state, READ_ACTIVE);
  inflate_set_source(d, deflateio_read_stream, self);

  let wbits = <u32>load<u8>(self + O_window_bits);
  const format = <i64>load<u8>(self + O_format);
  if (format == FORMAT_RAW) {
    // RAW streams should give wbits; a default is allowed all the same
    if (wbits == 0) wbits = DEFAULT_WBITS;
  } else {
    const h = inflate_parse_zlib_gzip_header(d);
    if (h == INFLATE_RAISED) return INIT_RAISED;
    if (h < 0) return INIT_FAILED;
    const kind = h & 0xff;
    if (
      (format == FORMAT_ZLIB && kind != INFLATE_HEADER_ZLIB) ||
      (format == FORMAT_GZIP && kind != INFLATE_HEADER_GZIP)
    ) {
      return INIT_FAILED;
    }
    // no bigger window than the stream needs
    const header_wbits = <u32>(h >> 8);
    if (wbits == 0 || header_wbits < wbits) wbits = header_wbits;
  }
  const window_len: usize = 1 << wbits;
  const window = gc_alloc(window_len, 0);
  if (window == 0) {
    mp_raise_memory_error(window_len);
    return INIT_RAISED;
  }
  inflate_init(d, window, window_len);
  return INIT_OK;
}

// The stream read function (deflateio_read).
function deflateio_read(self: mp_obj_t, buf: usize, size: usize, errcode: usize): usize {
  if (load<usize>(self + O_stream) == MP_OBJ_NULL) return stream_error(errcode, MP_EINVAL);
  const r = deflateio_init_read(self);
  if (r == INIT_RAISED) return stream_error(errcode, MP_STREAM_RAISED);
  if (r == INIT_FAILED) return stream_error(errcode, MP_EINVAL);
  if (load<u8>(self + O_read_state) == READ_EOF || size == 0) return 0;
  const d = load<usize>(self + O_read);
  inflate_set_dest(d, buf, size);
  const st = inflate_uncompress_chksum(d);
  if (st == INFLATE_RAISED) return stream_error(errcode, MP_STREAM_RAISED);
  if (st == INFLATE_DONE) store<u8>(self + O_read_state, READ_EOF);
  if (st < 0) return stream_error(errcode, MP_EINVAL);
  return inflate_dest(d) - buf;
}

@inline function stream_error(errcode: usize, e: i32): usize {
  store<i32>(errcode, e);
  return MP_STREAM_ERROR;
}

// ---- writing ----

// The lz77 output callback: writes one byte to the destination stream
// (deflateio_out_byte). False with the exception raised.
function deflateio_out_byte(self: usize, b: u32): bool {
  const stream = load<usize>(self + O_stream);
  if (stream == MP_OBJ_NULL) {
    mp_raise_OSError(MP_EINVAL);
    return false;
  }
  const p = mp_get_stream(stream);
  const mark = mp_root_mark();
  const w = mp_root_alloc(2);
  if (w == 0) {
    mp_raise_recursion_depth();
    return false;
  }
  store<u8>(w + 4, <u8>b);
  const ret = mp_stream_call_rw(load<u32>(p + 4), stream, w + 4, 1, w);
  const err = load<i32>(w);
  mp_root_release(mark);
  if (ret == MP_STREAM_ERROR) {
    mp_stream_raise_error(err);
    return false;
  }
  return true;
}

// Writes `len` bytes at `buf` to the destination stream with one write call;
// INIT_FAILED if the stream reports an error, INIT_RAISED if it raised.
function write_raw(self: usize, p: usize, buf: usize, len: usize): i32 {
  const mark = mp_root_mark();
  const e = mp_root_alloc(1);
  if (e == 0) {
    mp_raise_recursion_depth();
    return INIT_RAISED;
  }
  const ret = mp_stream_call_rw(load<u32>(p + 4), load<usize>(self + O_stream), buf, len, e);
  const err = load<i32>(e);
  mp_root_release(mark);
  if (ret != MP_STREAM_ERROR) return INIT_OK;
  return err == MP_STREAM_RAISED ? INIT_RAISED : INIT_FAILED;
}

// Sets up compression on the first write: the window, then the state, then
// the zlib/gzip header and the start of the block (deflateio_init_write).
function deflateio_init_write(self: usize): i32 {
  if (load<usize>(self + O_write) != 0) return INIT_OK;
  const p = mp_get_stream_raise(load<usize>(self + O_stream), MP_STREAM_OP_WRITE);
  if (p == 0) return INIT_RAISED;
  let wbits = <u32>load<u8>(self + O_window_bits);
  if (wbits == 0) wbits = DEFAULT_WBITS;
  // the window first: if it cannot be had, the object is left as it was
  const window_len: usize = 1 << wbits;
  const window = gc_alloc(window_len, 0);
  if (window == 0) {
    mp_raise_memory_error(window_len);
    return INIT_RAISED;
  }
  const mark = mp_root_mark();
  mp_root_push(window);
  const s = gc_alloc(LZ77_STATE_SIZE, 0);
  if (s == 0) {
    mp_root_release(mark);
    mp_raise_memory_error(LZ77_STATE_SIZE);
    return INIT_RAISED;
  }
  lz77_init(s, window, window_len, deflateio_out_byte, self);
  store<usize>(self + O_write, s);
  store<usize>(self + O_input_len, 0);
  const hdr = mp_root_alloc(3);
  if (hdr == 0) {
    mp_root_release(mark);
    mp_raise_recursion_depth();
    return INIT_RAISED;
  }
  let r = INIT_OK;
  const format = <i64>load<u8>(self + O_format);
  if (format == FORMAT_ZLIB) {
    // CMF: deflate, log2(window) - 8 (at least 1); FLG: default level, no
    // dictionary, check bits making CMF*256 + FLG a multiple of 31
    const cmf: u32 = 0x08 | ((wbits > 9 ? wbits - 8 : 1) << 4);
    let flg: u32 = 0x80;
    flg |= 31 - ((cmf * 256 + flg) % 31);
    store<u8>(hdr, <u8>cmf);
    store<u8>(hdr + 1, <u8>flg);
    r = write_raw(self, p, hdr, 2);
    store<u32>(self + O_input_checksum, 1);
  } else if (format == FORMAT_GZIP) {
    // id, deflate, no flags, mtime 0, XFL 4 (fastest), OS 3 (unix)
    store<u32>(hdr, 0x00088b1f);
    store<u32>(hdr + 4, 0);
    store<u8>(hdr + 8, 4);
    store<u8>(hdr + 9, 3);
    r = write_raw(self, p, hdr, 10);
    store<u32>(self + O_input_checksum, 0xffffffff);
  }
  mp_root_release(mark);
  if (r != INIT_OK) return r;
  lz77_start_block(s);
  return INIT_OK;
}

// The stream write function (deflateio_write).
function deflateio_write(self: mp_obj_t, buf: usize, size: usize, errcode: usize): usize {
  if (load<usize>(self + O_stream) == MP_OBJ_NULL) return stream_error(errcode, MP_EINVAL);
  const r = deflateio_init_write(self);
  if (r == INIT_RAISED) return stream_error(errcode, MP_STREAM_RAISED);
  if (r == INIT_FAILED) return stream_error(errcode, MP_EINVAL);
  store<u32>(self + O_input_len, load<u32>(self + O_input_len) + <u32>size);
  const format = <i64>load<u8>(self + O_format);
  const sum = load<u32>(self + O_input_checksum);
  if (format == FORMAT_ZLIB) {
    store<u32>(self + O_input_checksum, deflate_adler32(buf, size, sum));
  } else if (format == FORMAT_GZIP) {
    store<u32>(self + O_input_checksum, deflate_crc32(buf, size, sum));
  }
  const mark = mp_root_mark();
  const tmp = mp_root_alloc(1);
  if (tmp == 0) {
    mp_raise_recursion_depth();
    return stream_error(errcode, MP_STREAM_RAISED);
  }
  const ok = lz77_compress(load<usize>(self + O_write), buf, size, tmp);
  mp_root_release(mark);
  if (!ok) return stream_error(errcode, MP_STREAM_RAISED);
  return size;
}

// ---- closing ----

// MP_STREAM_CLOSE: ends the compressed stream (block end, zlib/gzip
// trailer), closes the wrapped stream if asked to, and lets go of it
// (deflateio_ioctl). Other requests: EINVAL.
function deflateio_ioctl(self: mp_obj_t, request: u32, arg: usize, errcode: usize): usize {
  if (request != MP_STREAM_CLOSE) return stream_error(errcode, MP_EINVAL);
  let ret: usize = 0;
  const stream = load<usize>(self + O_stream);
  if (stream == MP_OBJ_NULL) return 0;
  const s = load<usize>(self + O_write);
  if (s != 0) {
    // raising here leaves the stream attached, as MicroPython
    if (!lz77_finish_block(s)) return stream_error(errcode, MP_STREAM_RAISED);
    const format = <i64>load<u8>(self + O_format);
    if (format == FORMAT_ZLIB || format == FORMAT_GZIP) {
      const mark = mp_root_mark();
      const footer = mp_root_alloc(2);
      if (footer == 0) {
        mp_raise_recursion_depth();
        return stream_error(errcode, MP_STREAM_RAISED);
      }
      let footer_len: usize = 4;
      const sum = load<u32>(self + O_input_checksum);
      if (format == FORMAT_ZLIB) {
        // big-endian Adler-32
        store<u32>(footer, bswap<u32>(sum));
      } else {
        // little-endian CRC-32 and length
        store<u32>(footer, ~sum);
        store<u32>(footer + 4, load<u32>(self + O_input_len));
        footer_len = 8;
      }
      const p = mp_get_stream(stream);
      const w = mp_stream_call_rw(load<u32>(p + 4), stream, footer, footer_len, errcode);
      mp_root_release(mark);
      if (w == MP_STREAM_ERROR) {
        if (load<i32>(errcode) == MP_STREAM_RAISED) return MP_STREAM_ERROR;
        ret = MP_STREAM_ERROR;
      }
    }
  }
  // the wrapped stream stays open unless asked (BytesIO.getvalue() needs it)
  if (load<u8>(self + O_close) != 0) {
    if (mp_stream_close(stream) == MP_OBJ_NULL) return stream_error(errcode, MP_STREAM_RAISED);
  }
  store<usize>(self + O_stream, MP_OBJ_NULL);
  return ret;
}

const deflateio_stream_p: usize = memory.data(16, 4);
const deflateio_locals_dict: usize = memory.data(16, 16);
const deflate_globals: usize = memory.data(16, 16);

/** Set-up of this file's static objects (DeflateIO, the module); run once by mp_init. */
export function moddeflate_static_init(): void {
  mp_stream_p_init(deflateio_stream_p, deflateio_read, deflateio_write, deflateio_ioctl, false);
  const l = deflateio_locals_dict;
  mp_static_dict_at(l, 7);
  mp_static_dict_add(l, Q.MP_QSTR_read, mp_stream_read_obj);
  mp_static_dict_add(l, Q.MP_QSTR_readinto, mp_stream_readinto_obj);
  mp_static_dict_add(l, Q.MP_QSTR_readline, mp_stream_unbuffered_readline_obj);
  mp_static_dict_add(l, Q.MP_QSTR_write, mp_stream_write_obj);
  mp_static_dict_add(l, Q.MP_QSTR_close, mp_stream_close_obj);
  mp_static_dict_add(l, Q.MP_QSTR___enter__, mp_stream_identity_obj);
  mp_static_dict_add(l, Q.MP_QSTR___exit__, mp_stream___exit___obj);
  mp_type_setup(deflateio_type, Q.MP_QSTR_DeflateIO, MP_TYPE_FLAG_NONE, 0);
  mp_type_set_make_new(deflateio_type, deflateio_make_new);
  mp_type_set_protocol(deflateio_type, deflateio_stream_p);
  mp_type_set_locals_dict(deflateio_type, l);

  const d = deflate_globals;
  mp_static_dict_at(d, 6);
  mp_static_dict_add(d, Q.MP_QSTR___name__, MP_OBJ_NEW_QSTR(Q.MP_QSTR_deflate));
  mp_static_dict_add(d, Q.MP_QSTR_DeflateIO, deflateio_type);
  mp_static_dict_add(d, Q.MP_QSTR_AUTO, MP_OBJ_NEW_SMALL_INT(<i32>FORMAT_AUTO));
  mp_static_dict_add(d, Q.MP_QSTR_RAW, MP_OBJ_NEW_SMALL_INT(<i32>FORMAT_RAW));
  mp_static_dict_add(d, Q.MP_QSTR_ZLIB, MP_OBJ_NEW_SMALL_INT(<i32>FORMAT_ZLIB));
  mp_static_dict_add(d, Q.MP_QSTR_GZIP, MP_OBJ_NEW_SMALL_INT(<i32>FORMAT_GZIP));
  mp_module_static_at(mp_module_deflate, d);
}
