// The framebuf module, as MicroPython's extmod/modframebuf.c: FrameBuffer
// draws into any writable buffer in one of seven pixel formats (mono
// vertical/horizontal, RGB565, 2/4/8-bit greyscale) with fill, pixel,
// lines, rectangles, ellipses, polygons, text in the built-in 8x8 font,
// scrolling and blitting (with a transparent key and a palette); plus the
// legacy FrameBuffer1(buf, w, h[, stride]) factory (MONO_VLSB).
//
//   mp_obj_framebuf_t (32 bytes, 2 blocks):
//     +0 type (mp_type_framebuf)   +4 buffer object (keeps it alive)
//     +8 buf: the buffer's address, fetched again before each drawing
//     +12 width   +16 height   +20 stride (pixels, rounded up to whole bytes
//     for the formats below 8 bits per pixel)   +24 format   +28 bytes needed
//
// The same layout, on the root stack, describes the read-only sources and
// palettes of blit() given as (buffer, width, height, format[, stride]).
//
// Beyond MicroPython, for the safety of the wasm instance: the buffer's
// address and size are read again (and checked against the size the
// framebuffer needs and against the end of linear memory) before every
// drawing, so a buffer that was resized or moved since the FrameBuffer was
// made raises ValueError "buffer too small" instead of writing to freed
// memory; a blit() source colour beyond the palette's width maps to the
// palette's first pixel instead of reading past the palette; coordinates
// are computed in 64 bits (as the unix port), and stride is not truncated
// to 16 bits after rounding.

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_OBJ_NEW_QSTR,
  MP_OBJ_NEW_SMALL_INT,
  MP_TYPE_SIZE,
  MP_TYPE_FLAG_NONE,
  MP_INT_ERROR,
  mp_const_none,
  mp_obj_is_type,
  mp_obj_is_true,
  mp_obj_get_int,
  mp_type_setup,
  mp_type_set_make_new,
  mp_type_set_buffer,
  mp_type_set_locals_dict,
  mp_fun_2_at,
  mp_fun_3_at,
  mp_fun_var_at,
  fun_var,
  mp_type_name,
} from "../obj";
import { qstr } from "../qstr";
import { gc_alloc } from "../gc";
import { mp_raise_memory_error, mp_raise_recursion_depth } from "../runtime";
import {
  mp_raise_type,
  mp_raise_msg_varg,
  mp_raise_TypeError,
  mp_raise_ValueError,
  mp_type_TypeError,
  mp_type_ValueError,
} from "../objexcept";
import { mp_static_dict_at, mp_static_dict_add } from "../objdict";
import { mp_module_static_at } from "../objmodule";
import { mp_arg_check_num } from "../argcheck";
import {
  mp_obj_get_type,
  mp_obj_cast_to_native_base,
} from "../objtype";
import { mp_type_tuple } from "../objtuple";
import { mp_type_list, mp_obj_list_items } from "../objlist";
import { mp_obj_str_get_str, mp_obj_str_get_len } from "../objstr";
import { mp_get_buffer, mp_get_buffer_raise } from "../stream";
import { MP_BUFFER_READ, MP_BUFFER_WRITE, MP_BUFINFO_WORDS } from "../objarray";
import { mp_binary_get_size, mp_binary_get_val_array } from "../binary";
import { mp_root_mark, mp_root_push, mp_root_alloc, mp_root_release } from "../rootstack";
import {
  font_petme128_8x8,
  FONT_8X8_GLYPH_BYTES,
  FONT_8X8_FIRST,
  FONT_8X8_LAST,
} from "./font_petme128_8x8";
import * as Q from "../genhdr";

/** The framebuf module (`import framebuf`). */
export const mp_module_framebuf: mp_obj_t = memory.data(8, 8);

/** The FrameBuffer type. */
export const mp_type_framebuf: usize = memory.data(<i32>MP_TYPE_SIZE, 16);

// Formats (the module constants), as modframebuf.c.
@inline const FRAMEBUF_MVLSB: u32 = 0;
@inline const FRAMEBUF_RGB565: u32 = 1;
@inline const FRAMEBUF_GS4_HMSB: u32 = 2;
@inline const FRAMEBUF_MHLSB: u32 = 3;
@inline const FRAMEBUF_MHMSB: u32 = 4;
@inline const FRAMEBUF_GS2_HMSB: u32 = 5;
@inline const FRAMEBUF_GS8: u32 = 6;

// ---- the framebuffer layout ----

@inline const FB_SIZE: usize = 32;
@inline const FB_WORDS: usize = 8;
@inline const FB_BUF_OBJ: usize = 4;
@inline const FB_BUF: usize = 8;
@inline const FB_WIDTH: usize = 12;
@inline const FB_HEIGHT: usize = 16;
@inline const FB_STRIDE: usize = 20;
@inline const FB_FORMAT: usize = 24;
@inline const FB_NEEDED: usize = 28;

@inline function fb_buf(fb: usize): usize {
  return load<usize>(fb + FB_BUF);
}
@inline function fb_width(fb: usize): u32 {
  return load<u32>(fb + FB_WIDTH);
}
@inline function fb_height(fb: usize): u32 {
  return load<u32>(fb + FB_HEIGHT);
}
@inline function fb_stride(fb: usize): u32 {
  return load<u32>(fb + FB_STRIDE);
}
@inline function fb_format(fb: usize): u32 {
  return load<u32>(fb + FB_FORMAT);
}

// ---- pixels, per format (x, y inside the framebuffer) ----

/** Sets bit `off` of the byte at `p` to `bit` (0 or 1), for the mono formats. */
@inline function store_bit(p: usize, off: u8, bit: u8): void {
  store<u8>(p, (load<u8>(p) & ~(<u8>1 << off)) | (bit << off));
}

/** The bit of column x in its byte for MONO_HLSB (leftmost pixel in bit 7) or MONO_HMSB. */
@inline function mono_h_bit(fb: usize, x: u32): u32 {
  return fb_format(fb) == FRAMEBUF_MHMSB ? x & 7 : 7 - (x & 7);
}

/** Sets pixel (x, y) to `col` (setpixel). */
function setpixel(fb: usize, x: u32, y: u32, col: u32): void {
  const buf = fb_buf(fb);
  const stride = fb_stride(fb);
  switch (fb_format(fb)) {
    case FRAMEBUF_MVLSB: {
      store_bit(buf + (y >> 3) * stride + x, <u8>(y & 7), <u8>(col != 0));
      break;
    }
    case FRAMEBUF_MHLSB:
    case FRAMEBUF_MHMSB: {
      store_bit(buf + ((x + y * stride) >> 3), <u8>mono_h_bit(fb, x), <u8>(col != 0));
      break;
    }
    case FRAMEBUF_RGB565:
      store<u16>(buf + ((x + y * stride) << 1), <u16>col);
      break;
    case FRAMEBUF_GS2_HMSB: {
      const p = buf + ((x + y * stride) >> 2);
      const shift = (x & 3) << 1;
      const mask = <u8>((<u32>3) << shift);
      store<u8>(p, <u8>((col & 3) << shift) | (load<u8>(p) & ~mask));
      break;
    }
    case FRAMEBUF_GS4_HMSB: {
      const p = buf + ((x + y * stride) >> 1);
      if ((x & 1) != 0) store<u8>(p, (<u8>col & 0x0f) | (load<u8>(p) & 0xf0));
      else store<u8>(p, (<u8>col << 4) | (load<u8>(p) & 0x0f));
      break;
    }
    case FRAMEBUF_GS8:
      store<u8>(buf + x + y * stride, <u8>col);
      break;
  }
}

/** The colour of pixel (x, y) (getpixel). */
function getpixel(fb: usize, x: u32, y: u32): u32 {
  const buf = fb_buf(fb);
  const stride = fb_stride(fb);
  switch (fb_format(fb)) {
    case FRAMEBUF_MVLSB:
      return (<u32>load<u8>(buf + (y >> 3) * stride + x) >> (y & 7)) & 1;
    case FRAMEBUF_MHLSB:
    case FRAMEBUF_MHMSB: {
      return (<u32>load<u8>(buf + ((x + y * stride) >> 3)) >> mono_h_bit(fb, x)) & 1;
    }
    case FRAMEBUF_RGB565:
      return <u32>load<u16>(buf + ((x + y * stride) << 1));
    case FRAMEBUF_GS2_HMSB:
      return (<u32>load<u8>(buf + ((x + y * stride) >> 2)) >> ((x & 3) << 1)) & 3;
    case FRAMEBUF_GS4_HMSB: {
      const b = <u32>load<u8>(buf + ((x + y * stride) >> 1));
      return (x & 1) != 0 ? b & 0x0f : b >> 4;
    }
    case FRAMEBUF_GS8:
      return <u32>load<u8>(buf + x + y * stride);
  }
  return 0;
}

/** Fills the w x h rectangle at (x, y), all inside, with `col` (the formats' fill_rect). */
function fill_rect_unclipped(fb: usize, x: u32, y: u32, w: u32, h: u32, col: u32): void {
  const buf = fb_buf(fb);
  const stride = fb_stride(fb);
  switch (fb_format(fb)) {
    case FRAMEBUF_MVLSB: {
      const bit = <u8>(col != 0);
      for (let yy = y; yy < y + h; yy++) {
        let p = buf + (yy >> 3) * stride + x;
        const off = <u8>(yy & 7);
        for (let i: u32 = 0; i < w; i++) store_bit(p++, off, bit);
      }
      break;
    }
    case FRAMEBUF_MHLSB:
    case FRAMEBUF_MHMSB: {
      const advance = stride >> 3;
      const bit = <u8>(col != 0);
      for (let xx = x; xx < x + w; xx++) {
        let p = buf + (xx >> 3) + y * advance;
        const off = <u8>mono_h_bit(fb, xx);
        for (let i: u32 = 0; i < h; i++) {
          store_bit(p, off, bit);
          p += advance;
        }
      }
      break;
    }
    case FRAMEBUF_RGB565: {
      for (let yy = y; yy < y + h; yy++) {
        let p = buf + ((x + yy * stride) << 1);
        for (let i: u32 = 0; i < w; i++) {
          store<u16>(p, <u16>col);
          p += 2;
        }
      }
      break;
    }
    case FRAMEBUF_GS2_HMSB: {
      for (let xx = x; xx < x + w; xx++) {
        for (let yy = y; yy < y + h; yy++) setpixel(fb, xx, yy, col);
      }
      break;
    }
    case FRAMEBUF_GS4_HMSB: {
      // whole bytes in the middle of each row, a nibble at either end
      const c = <u8>(col & 0x0f);
      const hi = <u8>(c << 4);
      const pair = hi | c;
      const odd_x = (x & 1) != 0;
      const next_line = (stride - w) >> 1;
      let p = buf + ((x + y * stride) >> 1);
      for (let yy: u32 = 0; yy < h; yy++) {
        let ww = w;
        if (odd_x && ww > 0) {
          store<u8>(p, (load<u8>(p) & 0xf0) | c);
          p++;
          ww--;
        }
        memory.fill(p, pair, ww >> 1);
        p += ww >> 1;
        if ((ww & 1) != 0) {
          store<u8>(p, hi | (load<u8>(p) & 0x0f));
          if (!odd_x) p++;
        }
        p += next_line;
      }
      break;
    }
    case FRAMEBUF_GS8: {
      let p = buf + x + y * stride;
      for (let yy: u32 = 0; yy < h; yy++) {
        memory.fill(p, <u8>col, w);
        p += stride;
      }
      break;
    }
  }
}

/** Fills a rectangle clipped to the framebuffer (fill_rect); nothing when empty or outside. */
function fill_rect(fb: usize, x: i64, y: i64, w: i64, h: i64, col: u32): void {
  const width = <i64>fb_width(fb);
  const height = <i64>fb_height(fb);
  if (h < 1 || w < 1 || x + w <= 0 || y + h <= 0 || y >= height || x >= width) return;
  const xend = width < x + w ? width : x + w;
  const yend = height < y + h ? height : y + h;
  if (x < 0) x = 0;
  if (y < 0) y = 0;
  fill_rect_unclipped(fb, <u32>x, <u32>y, <u32>(xend - x), <u32>(yend - y), col);
}

/** Sets pixel (x, y) when `mask` is not 0 and the pixel is inside (setpixel_checked). */
function setpixel_checked(fb: usize, x: i64, y: i64, col: u32, mask: i64): void {
  if (mask != 0 && x >= 0 && x < <i64>fb_width(fb) && y >= 0 && y < <i64>fb_height(fb)) {
    setpixel(fb, <u32>x, <u32>y, col);
  }
}

/** A Bresenham line from (x1, y1) to (x2, y2), both ends included (line). */
function line(fb: usize, x1: i64, y1: i64, x2: i64, y2: i64, col: u32): void {
  let dx = x2 - x1;
  let sx: i64 = 1;
  if (dx <= 0) {
    dx = -dx;
    sx = -1;
  }
  let dy = y2 - y1;
  let sy: i64 = 1;
  if (dy <= 0) {
    dy = -dy;
    sy = -1;
  }
  let steep = false;
  if (dy > dx) {
    let t = x1;
    x1 = y1;
    y1 = t;
    t = dx;
    dx = dy;
    dy = t;
    t = sx;
    sx = sy;
    sy = t;
    steep = true;
  }
  const width = <i64>fb_width(fb);
  const height = <i64>fb_height(fb);
  let e = 2 * dy - dx;
  for (let i: i64 = 0; i < dx; ++i) {
    if (steep) {
      if (y1 >= 0 && y1 < width && x1 >= 0 && x1 < height) setpixel(fb, <u32>y1, <u32>x1, col);
    } else {
      if (x1 >= 0 && x1 < width && y1 >= 0 && y1 < height) setpixel(fb, <u32>x1, <u32>y1, col);
    }
    while (e >= 0) {
      y1 += sy;
      e -= 2 * dx;
    }
    x1 += sx;
    e += 2 * dy;
  }
  setpixel_checked(fb, x2, y2, col, 1);
}

// ---- construction and buffers ----

/**
 * Gets the buffer of `obj` for `flags` (mp_get_buffer_raise), storing its
 * address at `buf_out`; returns its length in bytes, or -1 with an
 * exception pending.
 */
function fb_get_buffer(obj: mp_obj_t, flags: u32, buf_out: usize): i64 {
  const mark = mp_root_mark();
  const bi = mp_root_alloc(MP_BUFINFO_WORDS);
  if (bi == 0) {
    mp_raise_recursion_depth();
    return -1;
  }
  const ok = mp_get_buffer_raise(obj, bi, flags);
  store<usize>(buf_out, load<usize>(bi));
  const len = <i64>load<usize>(bi + 4);
  mp_root_release(mark);
  return ok ? len : -1;
}

/**
 * Fills `fb` (FB_WORDS words, rooted) from (buffer, width, height, format[,
 * stride]) at `args` (framebuf_make_new_helper): ValueError (no message) for
 * bad sizes or a buffer too small, "invalid format", TypeError when the
 * buffer lacks the protocol (or is read-only and `buf_flags` asks to
 * write). Returns false with the exception pending.
 */
function framebuf_init(fb: usize, n_args: usize, args: usize, buf_flags: u32): bool {
  const width = mp_obj_get_int(load<usize>(args + 4));
  if (width == MP_INT_ERROR) return false;
  const height = mp_obj_get_int(load<usize>(args + 8));
  if (height == MP_INT_ERROR) return false;
  const format = mp_obj_get_int(load<usize>(args + 12));
  if (format == MP_INT_ERROR) return false;
  let stride = width;
  if (n_args >= 5) {
    stride = mp_obj_get_int(load<usize>(args + 16));
    if (stride == MP_INT_ERROR) return false;
  }
  if (
    width < 1 ||
    height < 1 ||
    width > 0xffff ||
    height > 0xffff ||
    stride > 0xffff ||
    stride < width
  ) {
    mp_raise_type(mp_type_ValueError);
    return false;
  }
  let bpp: i64 = 1;
  let height_required = height;
  let width_required = width;
  let strides_required = height - 1;
  switch (<i32>format) {
    case FRAMEBUF_MVLSB:
      height_required = (height + 7) & ~7;
      strides_required = height_required - 8;
      break;
    case FRAMEBUF_MHLSB:
    case FRAMEBUF_MHMSB:
      stride = (stride + 7) & ~7;
      width_required = (width + 7) & ~7;
      break;
    case FRAMEBUF_GS2_HMSB:
      stride = (stride + 3) & ~3;
      width_required = (width + 3) & ~3;
      bpp = 2;
      break;
    case FRAMEBUF_GS4_HMSB:
      stride = (stride + 1) & ~1;
      width_required = (width + 1) & ~1;
      bpp = 4;
      break;
    case FRAMEBUF_GS8:
      bpp = 8;
      break;
    case FRAMEBUF_RGB565:
      bpp = 16;
      break;
    default:
      mp_raise_ValueError("invalid format");
      return false;
  }
  const buf_obj = load<usize>(args);
  const len = fb_get_buffer(buf_obj, buf_flags, fb + FB_BUF);
  if (len < 0) return false;
  const rows = strides_required * stride + (height_required - strides_required) * width_required;
  const needed = (rows * bpp) / 8;
  if (needed > len) {
    mp_raise_type(mp_type_ValueError);
    return false;
  }
  store<usize>(fb, mp_type_framebuf);
  store<usize>(fb + FB_BUF_OBJ, buf_obj);
  store<u32>(fb + FB_WIDTH, <u32>width);
  store<u32>(fb + FB_HEIGHT, <u32>height);
  store<u32>(fb + FB_STRIDE, <u32>stride);
  store<u32>(fb + FB_FORMAT, <u32>format);
  store<u32>(fb + FB_NEEDED, <u32>needed);
  return true;
}

/**
 * Fetches the buffer of `fb` again just before drawing (ours, see the top
 * of the file): false with TypeError (no buffer) or ValueError "buffer too
 * small" pending when it no longer holds the framebuffer.
 */
function framebuf_bind(fb: usize, flags: u32): bool {
  // a failed bind leaves FB_BUF stale, which nothing reads before the next bind
  const len = fb_get_buffer(load<usize>(fb + FB_BUF_OBJ), flags, fb + FB_BUF);
  if (len < 0) return false;
  const needed = load<u32>(fb + FB_NEEDED);
  const end = (<u64>memory.size()) << 16;
  if (<i64>needed > len || <u64>fb_buf(fb) + <u64>needed > end) {
    mp_raise_ValueError("buffer too small");
    return false;
  }
  return true;
}

/** FrameBuffer(buffer, width, height, format[, stride]) (framebuf_make_new). */
function framebuf_make_new(type: usize, n_args: usize, n_kw: usize, args: usize): mp_obj_t {
  if (!mp_arg_check_num(n_args, n_kw, 4, 5, false)) return MP_OBJ_NULL;
  const mark = mp_root_mark();
  const tmp = mp_root_alloc(FB_WORDS);
  if (tmp == 0) return mp_raise_recursion_depth();
  if (!framebuf_init(tmp, n_args, args, MP_BUFFER_WRITE)) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  const o = gc_alloc(FB_SIZE, 0);
  if (o != 0) memory.copy(o, tmp, FB_SIZE);
  mp_root_release(mark);
  if (o == 0) return mp_raise_memory_error(FB_SIZE);
  return o;
}

/** buffer slot: the buffer the framebuffer draws into (framebuf_get_buffer). */
function framebuf_get_buffer(self: mp_obj_t, bufinfo: usize, flags: u32): i32 {
  return mp_get_buffer(load<usize>(self + FB_BUF_OBJ), bufinfo, flags) ? 0 : 1;
}

/**
 * The framebuffer behind a method's self: itself, or the native part of an
 * instance of a user subclass; 0 with TypeError "argument has wrong type"
 * otherwise (a method called unbound on another object).
 */
function fb_self(o: mp_obj_t): usize {
  // a subclass instance whose __init__ did not make the FrameBuffer is wrong too
  const native = mp_obj_cast_to_native_base(o, mp_type_framebuf);
  if (native != MP_OBJ_NULL && mp_obj_is_type(native, mp_type_framebuf)) return native;
  mp_raise_TypeError("argument has wrong type");
  return 0;
}

/** fb_self(args[0]) with its buffer fetched for writing; 0 with an exception pending. */
function fb_self_bound(args: usize): usize {
  const fb = fb_self(load<usize>(args));
  if (fb == 0 || !framebuf_bind(fb, MP_BUFFER_WRITE)) return 0;
  return fb;
}

// Integer arguments of the methods, converted before anything is drawn
// (framebuf_args), into words on the root stack: converting one may run
// Python code, which may draw too. A method runs no Python code after it
// binds its buffer.

/**
 * Converts args[1..n] to ints into a root-stack area (an i64 each) and
 * returns it, or 0 with an exception pending. The area is released on
 * return: the caller reads the values before anything else uses the root
 * stack.
 */
function framebuf_args(args: usize, n: usize): usize {
  const mark = mp_root_mark();
  let ia = mp_root_alloc(n << 1);
  if (ia == 0) mp_raise_recursion_depth();
  for (let i: usize = 0; ia != 0 && i < n; i++) {
    const v = mp_obj_get_int(load<usize>(args + ((i + 1) << 2)));
    if (v == MP_INT_ERROR) ia = 0;
    else store<i64>(ia + (i << 3), v);
  }
  mp_root_release(mark);
  return ia;
}

/** The truth of the optional args[i] (false when absent); -1 with an exception pending. */
function opt_bool(n_args: usize, args: usize, i: usize): i32 {
  return n_args > i ? mp_obj_is_true(load<usize>(args + (i << 2))) : 0;
}

@inline function iarg(ia: usize, i: usize): i64 {
  return load<i64>(ia + (i << 3));
}

// ---- the methods ----

/** fill(c) (framebuf_fill). */
function framebuf_fill(self_in: mp_obj_t, col_in: mp_obj_t): mp_obj_t {
  const self = fb_self(self_in);
  if (self == 0) return MP_OBJ_NULL;
  const col = mp_obj_get_int(col_in);
  if (col == MP_INT_ERROR) return MP_OBJ_NULL;
  if (!framebuf_bind(self, MP_BUFFER_WRITE)) return MP_OBJ_NULL;
  fill_rect_unclipped(self, 0, 0, fb_width(self), fb_height(self), <u32>col);
  return mp_const_none;
}

/** pixel(x, y[, c]): the colour of a pixel, or sets it; None outside (framebuf_pixel). */
function framebuf_pixel(n_args: usize, args: usize): mp_obj_t {
  const self = fb_self(load<usize>(args));
  if (self == 0) return MP_OBJ_NULL;
  const x = mp_obj_get_int(load<usize>(args + 4));
  if (x == MP_INT_ERROR) return MP_OBJ_NULL;
  const y = mp_obj_get_int(load<usize>(args + 8));
  if (y == MP_INT_ERROR) return MP_OBJ_NULL;
  if (x >= 0 && x < <i64>fb_width(self) && y >= 0 && y < <i64>fb_height(self)) {
    if (n_args == 3) {
      if (!framebuf_bind(self, MP_BUFFER_WRITE)) return MP_OBJ_NULL;
      return MP_OBJ_NEW_SMALL_INT(<i32>getpixel(self, <u32>x, <u32>y));
    }
    const col = mp_obj_get_int(load<usize>(args + 12));
    if (col == MP_INT_ERROR) return MP_OBJ_NULL;
    if (!framebuf_bind(self, MP_BUFFER_WRITE)) return MP_OBJ_NULL;
    setpixel(self, <u32>x, <u32>y, <u32>col);
  }
  return mp_const_none;
}

// The shapes drawn by framebuf_shape.
@inline const SHAPE_FILL_RECT: u32 = 0;
@inline const SHAPE_HLINE: u32 = 1;
@inline const SHAPE_VLINE: u32 = 2;
@inline const SHAPE_RECT: u32 = 3;
@inline const SHAPE_LINE: u32 = 4;

/**
 * fill_rect(x, y, w, h, c), hline(x, y, w, c), vline(x, y, h, c),
 * rect(x, y, w, h, c[, f]) (an outline, or filled when f is true) and
 * line(x1, y1, x2, y2, c), as framebuf_fill_rect, _hline, _vline, _rect
 * and _line.
 */
function framebuf_shape(n_args: usize, args: usize, shape: u32): mp_obj_t {
  const n: usize = shape == SHAPE_HLINE || shape == SHAPE_VLINE ? 4 : 5;
  const ia = framebuf_args(args, n);
  if (ia == 0) return MP_OBJ_NULL;
  const x = iarg(ia, 0);
  const y = iarg(ia, 1);
  const w = iarg(ia, 2);
  const h = n == 5 ? iarg(ia, 3) : 1;
  const col = <u32>iarg(ia, n - 1);
  const fill = shape == SHAPE_RECT ? opt_bool(n_args, args, 6) : 1;
  if (fill < 0) return MP_OBJ_NULL;
  const self = fb_self_bound(args);
  if (self == 0) return MP_OBJ_NULL;
  if (shape == SHAPE_LINE) {
    line(self, x, y, w, h, col);
  } else if (shape == SHAPE_VLINE) {
    fill_rect(self, x, y, 1, w, col);
  } else if (fill != 0) {
    fill_rect(self, x, y, w, h, col);
  } else {
    fill_rect(self, x, y, w, 1, col);
    fill_rect(self, x, y + h - 1, w, 1, col);
    fill_rect(self, x, y, 1, h, col);
    fill_rect(self, x + w - 1, y, 1, h, col);
  }
  return mp_const_none;
}

function framebuf_fill_rect(n_args: usize, args: usize): mp_obj_t {
  return framebuf_shape(n_args, args, SHAPE_FILL_RECT);
}
function framebuf_hline(n_args: usize, args: usize): mp_obj_t {
  return framebuf_shape(n_args, args, SHAPE_HLINE);
}
function framebuf_vline(n_args: usize, args: usize): mp_obj_t {
  return framebuf_shape(n_args, args, SHAPE_VLINE);
}
function framebuf_rect(n_args: usize, args: usize): mp_obj_t {
  return framebuf_shape(n_args, args, SHAPE_RECT);
}
function framebuf_line(n_args: usize, args: usize): mp_obj_t {
  return framebuf_shape(n_args, args, SHAPE_LINE);
}

// Ellipse quadrants (Q2 Q1 above, Q3 Q4 below) and the fill flag.
@inline const ELLIPSE_MASK_FILL: i64 = 0x10;
@inline const ELLIPSE_MASK_ALL: i64 = 0x0f;
@inline const ELLIPSE_MASK_Q1: i64 = 0x01;
@inline const ELLIPSE_MASK_Q2: i64 = 0x02;
@inline const ELLIPSE_MASK_Q3: i64 = 0x04;
@inline const ELLIPSE_MASK_Q4: i64 = 0x08;

/** The four symmetric points (or spans when filling) of an ellipse (draw_ellipse_points). */
function draw_ellipse_points(
  fb: usize,
  cx: i64,
  cy: i64,
  x: i64,
  y: i64,
  col: u32,
  mask: i64,
): void {
  if ((mask & ELLIPSE_MASK_FILL) != 0) {
    if ((mask & ELLIPSE_MASK_Q1) != 0) fill_rect(fb, cx, cy - y, x + 1, 1, col);
    if ((mask & ELLIPSE_MASK_Q2) != 0) fill_rect(fb, cx - x, cy - y, x + 1, 1, col);
    if ((mask & ELLIPSE_MASK_Q3) != 0) fill_rect(fb, cx - x, cy + y, x + 1, 1, col);
    if ((mask & ELLIPSE_MASK_Q4) != 0) fill_rect(fb, cx, cy + y, x + 1, 1, col);
  } else {
    setpixel_checked(fb, cx + x, cy - y, col, mask & ELLIPSE_MASK_Q1);
    setpixel_checked(fb, cx - x, cy - y, col, mask & ELLIPSE_MASK_Q2);
    setpixel_checked(fb, cx - x, cy + y, col, mask & ELLIPSE_MASK_Q3);
    setpixel_checked(fb, cx + x, cy + y, col, mask & ELLIPSE_MASK_Q4);
  }
}

/**
 * One of the two sets of points of the midpoint ellipse with radii `a`
 * across and `b` along the stepped axis: y steps from 0 while the slope is
 * above -1 (x when `swap`, with the radii swapped, for the other set).
 */
function ellipse_half(
  fb: usize,
  cx: i64,
  cy: i64,
  a: i64,
  b: i64,
  col: u32,
  mask: i64,
  swap: bool,
): void {
  const two_asquare = 2 * a * a;
  const two_bsquare = 2 * b * b;
  let v = a;
  let u: i64 = 0;
  let vchange = b * b * (1 - 2 * a);
  let uchange = a * a;
  let err: i64 = 0;
  let stopping_v = two_bsquare * a;
  let stopping_u: i64 = 0;
  while (stopping_v >= stopping_u) {
    if (swap) draw_ellipse_points(fb, cx, cy, u, v, col, mask);
    else draw_ellipse_points(fb, cx, cy, v, u, col, mask);
    u += 1;
    stopping_u += two_asquare;
    err += uchange;
    uchange += two_asquare;
    if (2 * err + vchange > 0) {
      v -= 1;
      stopping_v -= two_bsquare;
      err += vchange;
      vchange += two_bsquare;
    }
  }
}

/**
 * ellipse(x, y, xr, yr, c[, f[, m]]): the midpoint algorithm in two sets of
 * points, as framebuf_ellipse; m selects quadrants (bit 0 top right, then
 * anticlockwise).
 */
function framebuf_ellipse(n_args: usize, args: usize): mp_obj_t {
  const ia = framebuf_args(args, 5);
  if (ia == 0) return MP_OBJ_NULL;
  const cx = iarg(ia, 0);
  const cy = iarg(ia, 1);
  const a = iarg(ia, 2);
  const b = iarg(ia, 3);
  const col = <u32>iarg(ia, 4);
  const f = opt_bool(n_args, args, 6);
  if (f < 0) return MP_OBJ_NULL;
  let mask: i64 = f != 0 ? ELLIPSE_MASK_FILL : 0;
  if (n_args > 7) {
    const m = mp_obj_get_int(load<usize>(args + 28));
    if (m == MP_INT_ERROR) return MP_OBJ_NULL;
    mask |= m & ELLIPSE_MASK_ALL;
  } else {
    mask |= ELLIPSE_MASK_ALL;
  }
  const self = fb_self_bound(args);
  if (self == 0) return MP_OBJ_NULL;
  if (a == 0 && b == 0) {
    setpixel_checked(self, cx, cy, col, mask & ELLIPSE_MASK_ALL);
    return mp_const_none;
  }
  ellipse_half(self, cx, cy, a, b, col, mask, false);
  ellipse_half(self, cx, cy, b, a, col, mask, true);
  return mp_const_none;
}

// poly()'s points: x and y of point i at pts + 8 * i (i32 each)
@inline function poly_x(pts: usize, i: usize): i64 {
  return <i64>load<i32>(pts + (i << 3));
}
@inline function poly_y(pts: usize, i: usize): i64 {
  return <i64>load<i32>(pts + (i << 3) + 4);
}

/**
 * The first point of edge k of n: the edges run from point 0 to the last,
 * then down to point 0 again (as MicroPython walks them); edge k ends at
 * point n - 1 - k.
 */
@inline function edge_start(n: usize, k: usize): usize {
  return k == 0 ? 0 : n - k;
}

/**
 * Reads the 2 * n coordinates of a poly() array into `pts` (i32 each),
 * fetching the buffer again for each (converting an item may run Python
 * code that resizes it). False with an exception pending.
 */
function poly_read(arr: mp_obj_t, pts: usize, n: usize, bi: usize): bool {
  for (let i: usize = 0; i < n; i++) {
    if (!mp_get_buffer_raise(arr, bi, MP_BUFFER_READ)) return false;
    const tc = <u32>load<usize>(bi + 8);
    const sz = mp_binary_get_size(64, tc, 0);
    if (sz == 0) return false;
    if ((i + 1) * sz > load<usize>(bi + 4)) {
      mp_raise_ValueError("buffer too small");
      return false;
    }
    const v = mp_binary_get_val_array(tc, load<usize>(bi), i);
    if (v == MP_OBJ_NULL) return false;
    const iv = mp_obj_get_int(v);
    if (iv == MP_INT_ERROR) return false;
    store<i32>(pts + (i << 2), <i32>iv);
  }
  return true;
}

/**
 * poly(x, y, coords, c[, f]): a closed polygon through the (x, y) pairs of
 * an array, outlined or filled by scan lines with nodes rounded as in
 * MicroPython (framebuf_poly).
 */
function framebuf_poly(n_args: usize, args: usize): mp_obj_t {
  if (fb_self(load<usize>(args)) == 0) return MP_OBJ_NULL;
  const x0 = mp_obj_get_int(load<usize>(args + 4));
  if (x0 == MP_INT_ERROR) return MP_OBJ_NULL;
  const y0 = mp_obj_get_int(load<usize>(args + 8));
  if (y0 == MP_INT_ERROR) return MP_OBJ_NULL;
  const mark = mp_root_mark();
  const bi = mp_root_alloc(MP_BUFINFO_WORDS + 1);
  if (bi == 0) return mp_raise_recursion_depth();
  const r = poly_draw(n_args, args, x0, y0, bi);
  mp_root_release(mark);
  return r;
}

/**
 * The rest of poly() after x and y, with `bi` MP_BUFINFO_WORDS + 1 rooted
 * words (the array's buffer, then the points).
 */
function poly_draw(n_args: usize, args: usize, x0: i64, y0: i64, bi: usize): mp_obj_t {
  const arr = load<usize>(args + 12);
  if (!mp_get_buffer_raise(arr, bi, MP_BUFFER_READ)) return MP_OBJ_NULL;
  const isz = mp_binary_get_size(64, <u32>load<usize>(bi + 8), 0);
  if (isz == 0) return MP_OBJ_NULL;
  // an odd number of values rounds down to whole points
  const n_poly = load<usize>(bi + 4) / (isz * 2);
  if (n_poly == 0) return mp_const_none;
  const col_i = mp_obj_get_int(load<usize>(args + 16));
  if (col_i == MP_INT_ERROR) return MP_OBJ_NULL;
  const col = <u32>col_i;
  const fill = opt_bool(n_args, args, 5);
  if (fill < 0) return MP_OBJ_NULL;
  // the points, then room for a scan line's nodes
  const n_bytes = <u64>n_poly * 12;
  if (n_bytes > 0x7fff0000) return mp_raise_memory_error(0);
  const pts = gc_alloc(<usize>n_bytes, 0);
  if (pts == 0) return mp_raise_memory_error(<usize>n_bytes);
  store<usize>(bi + (MP_BUFINFO_WORDS << 2), pts);
  if (!poly_read(arr, pts, n_poly * 2, bi)) return MP_OBJ_NULL;
  const self = fb_self_bound(args);
  if (self == 0) return MP_OBJ_NULL;
  if (fill != 0) {
    // an integer version of the scan-line fill of alienryderflex.com/polygon_fill
    const nodes = pts + n_poly * 8;
    let y_min = i64.MAX_VALUE;
    let y_max = i64.MIN_VALUE;
    for (let i: usize = 0; i < n_poly; i++) {
      const py = poly_y(pts, i);
      if (py < y_min) y_min = py;
      if (py > y_max) y_max = py;
    }
    for (let row = y_min; row <= y_max; row++) {
      let n_nodes: usize = 0;
      for (let k: usize = 0; k < n_poly; k++) {
        const px1 = poly_x(pts, edge_start(n_poly, k));
        const py1 = poly_y(pts, edge_start(n_poly, k));
        const px2 = poly_x(pts, n_poly - 1 - k);
        const py2 = poly_y(pts, n_poly - 1 - k);
        // an edge's bottom pixel is left out, so that it does not repeat the
        // next edge's top node; local minima are drawn separately
        if (py1 != py2 && ((py1 > row && py2 <= row) || (py1 <= row && py2 > row))) {
          const node = (32 * px1 + (32 * (px2 - px1) * (row - py1)) / (py2 - py1) + 16) / 32;
          store<i32>(nodes + (n_nodes << 2), <i32>node);
          n_nodes++;
        } else if (row == (py1 > py2 ? py1 : py2)) {
          if (py1 < py2) setpixel_checked(self, x0 + px2, y0 + py2, col, 1);
          else if (py2 < py1) setpixel_checked(self, x0 + px1, y0 + py1, col, 1);
          else line(self, x0 + px1, y0 + py1, x0 + px2, y0 + py2, col);
        }
      }
      if (n_nodes == 0) continue;
      // sort the nodes left to right (a gnome sort, as MicroPython)
      let j: usize = 0;
      while (j + 1 < n_nodes) {
        const a = load<i32>(nodes + (j << 2));
        const b = load<i32>(nodes + ((j + 1) << 2));
        if (a > b) {
          store<i32>(nodes + (j << 2), b);
          store<i32>(nodes + ((j + 1) << 2), a);
          if (j > 0) j--;
        } else {
          j++;
        }
      }
      for (let k: usize = 0; k + 1 < n_nodes; k += 2) {
        const a = <i64>load<i32>(nodes + (k << 2));
        const b = <i64>load<i32>(nodes + ((k + 1) << 2));
        fill_rect(self, x0 + a, y0 + row, b - a + 1, 1, col);
      }
    }
  } else {
    // outline only
    for (let k: usize = 0; k < n_poly; k++) {
      const px1 = poly_x(pts, edge_start(n_poly, k));
      const py1 = poly_y(pts, edge_start(n_poly, k));
      const px2 = poly_x(pts, n_poly - 1 - k);
      const py2 = poly_y(pts, n_poly - 1 - k);
      line(self, x0 + px1, y0 + py1, x0 + px2, y0 + py2, col);
    }
  }
  return mp_const_none;
}

/**
 * Fills `fb` (FB_WORDS rooted words) with a read-only view of a blit()
 * source or palette: a FrameBuffer (or subclass instance), or a tuple/list
 * (buffer, width, height, format[, stride]) (get_readonly_framebuffer).
 * TypeError "object '%s' isn't a tuple or list", ValueError for a wrong
 * length; false with the exception pending.
 */
function get_readonly_framebuffer(arg: mp_obj_t, fb: usize): bool {
  if (mp_obj_cast_to_native_base(arg, mp_type_framebuf) != MP_OBJ_NULL) {
    const native = fb_self(arg);
    if (native == 0) return false;
    memory.copy(fb, native, FB_SIZE);
    return true;
  }
  let len: usize;
  let items: usize;
  if (mp_obj_is_type(arg, mp_type_tuple)) {
    len = load<usize>(arg + 4);
    items = arg + 8;
  } else if (mp_obj_is_type(arg, mp_type_list)) {
    len = load<usize>(arg + 8);
    items = mp_obj_list_items(arg);
  } else {
    const tn = mp_type_name(mp_obj_get_type(arg));
    mp_raise_msg_varg(mp_type_TypeError, "object '%s' isn't a tuple or list", tn);
    return false;
  }
  if (len < 4 || len > 5) {
    mp_raise_type(mp_type_ValueError);
    return false;
  }
  // copy the items: the list may change while they are converted
  const mark = mp_root_mark();
  const a = mp_root_alloc(5);
  if (a == 0) {
    mp_raise_recursion_depth();
    return false;
  }
  memory.copy(a, items, len << 2);
  const ok = framebuf_init(fb, len, a, MP_BUFFER_READ);
  mp_root_release(mark);
  return ok;
}

/**
 * blit(fbuf, x, y[, key[, palette]]): copies another framebuffer (or a
 * (buffer, width, height, format[, stride]) tuple) at (x, y), leaving out
 * pixels of colour `key`, mapping colours through the palette's pixels
 * (framebuf_blit).
 */
function framebuf_blit(n_args: usize, args: usize): mp_obj_t {
  const self = fb_self(load<usize>(args));
  if (self == 0) return MP_OBJ_NULL;
  const mark = mp_root_mark();
  const src = mp_root_alloc(FB_WORDS * 2);
  if (src == 0) return mp_raise_recursion_depth();
  const r = blit_draw(self, n_args, args, src);
  mp_root_release(mark);
  return r;
}

/** The rest of blit() after self, with `src` 2 * FB_WORDS rooted words (source, palette). */
function blit_draw(self: usize, n_args: usize, args: usize, src: usize): mp_obj_t {
  const pal = src + (FB_WORDS << 2);
  if (!get_readonly_framebuffer(load<usize>(args + 4), src)) return MP_OBJ_NULL;
  const x = mp_obj_get_int(load<usize>(args + 8));
  const y = x == MP_INT_ERROR ? MP_INT_ERROR : mp_obj_get_int(load<usize>(args + 12));
  if (y == MP_INT_ERROR) return MP_OBJ_NULL;
  let key: i64 = -1;
  if (n_args > 4) {
    key = mp_obj_get_int(load<usize>(args + 16));
    if (key == MP_INT_ERROR) return MP_OBJ_NULL;
  }
  let has_pal = false;
  if (n_args > 5 && load<usize>(args + 20) != mp_const_none) {
    if (!get_readonly_framebuffer(load<usize>(args + 20), pal)) return MP_OBJ_NULL;
    has_pal = true;
  }
  const width = <i64>fb_width(self);
  const height = <i64>fb_height(self);
  const sw = <i64>fb_width(src);
  const sh = <i64>fb_height(src);
  if (x >= width || y >= height || -x >= sw || -y >= sh) {
    // entirely outside
    return mp_const_none;
  }
  if (
    !framebuf_bind(self, MP_BUFFER_WRITE) ||
    !framebuf_bind(src, MP_BUFFER_READ) ||
    (has_pal && !framebuf_bind(pal, MP_BUFFER_READ))
  ) {
    return MP_OBJ_NULL;
  }
  // clip
  let y0 = y > 0 ? y : 0;
  const x0 = x > 0 ? x : 0;
  let y1 = -y > 0 ? -y : 0;
  const x1 = -x > 0 ? -x : 0;
  const x0end = width < x + sw ? width : x + sw;
  const y0end = height < y + sh ? height : y + sh;
  const pal_w = has_pal ? fb_width(pal) : 0;
  for (; y0 < y0end; ++y0) {
    let cx1 = x1;
    for (let cx0 = x0; cx0 < x0end; ++cx0) {
      let col = getpixel(src, <u32>cx1, <u32>y1);
      if (has_pal) col = getpixel(pal, col < pal_w ? col : 0, 0);
      if (col != <u32>key) setpixel(self, <u32>cx0, <u32>y0, col);
      ++cx1;
    }
    ++y1;
  }
  return mp_const_none;
}

/** scroll(xstep, ystep): shifts the contents; the area left behind is unchanged (scroll). */
function framebuf_scroll(self_in: mp_obj_t, xstep_in: mp_obj_t, ystep_in: mp_obj_t): mp_obj_t {
  const self = fb_self(self_in);
  if (self == 0) return MP_OBJ_NULL;
  const xstep = mp_obj_get_int(xstep_in);
  if (xstep == MP_INT_ERROR) return MP_OBJ_NULL;
  const ystep = mp_obj_get_int(ystep_in);
  if (ystep == MP_INT_ERROR) return MP_OBJ_NULL;
  const width = <i64>fb_width(self);
  const height = <i64>fb_height(self);
  if ((xstep < 0 ? -xstep : xstep) >= width || (ystep < 0 ? -ystep : ystep) >= height) {
    return mp_const_none;
  }
  // each axis is walked away from where its pixels come from
  const sx: i64 = xstep < 0 ? 0 : width - 1;
  const xend: i64 = xstep < 0 ? width + xstep : xstep - 1;
  const dx: i64 = xstep < 0 ? 1 : -1;
  let y: i64 = ystep < 0 ? 0 : height - 1;
  const yend: i64 = ystep < 0 ? height + ystep : ystep - 1;
  const dy: i64 = ystep < 0 ? 1 : -1;
  if (!framebuf_bind(self, MP_BUFFER_WRITE)) return MP_OBJ_NULL;
  for (; y != yend; y += dy) {
    for (let x = sx; x != xend; x += dx) {
      setpixel(self, <u32>x, <u32>y, getpixel(self, <u32>(x - xstep), <u32>(y - ystep)));
    }
  }
  return mp_const_none;
}

/**
 * text(s, x, y[, c]): draws the bytes of s in the 8x8 font, each outside
 * 32..127 as 127 (a checkerboard), stopping at a NUL (framebuf_text).
 */
function framebuf_text(n_args: usize, args: usize): mp_obj_t {
  const s_obj = load<usize>(args + 4);
  if (fb_self(load<usize>(args)) == 0) return MP_OBJ_NULL;
  const str = mp_obj_str_get_str(s_obj);
  if (str == 0) return MP_OBJ_NULL;
  let x0 = mp_obj_get_int(load<usize>(args + 8));
  if (x0 == MP_INT_ERROR) return MP_OBJ_NULL;
  const y0 = mp_obj_get_int(load<usize>(args + 12));
  if (y0 == MP_INT_ERROR) return MP_OBJ_NULL;
  let col: i64 = 1;
  if (n_args >= 5) {
    col = mp_obj_get_int(load<usize>(args + 16));
    if (col == MP_INT_ERROR) return MP_OBJ_NULL;
  }
  const self = fb_self_bound(args);
  if (self == 0) return MP_OBJ_NULL;
  const width = <i64>fb_width(self);
  const height = <i64>fb_height(self);
  const n = mp_obj_str_get_len(s_obj);
  for (let k: usize = 0; k < n; k++) {
    let chr = <u32>load<u8>(str + k);
    if (chr == 0) break;
    if (chr < FONT_8X8_FIRST || chr > FONT_8X8_LAST) chr = FONT_8X8_LAST;
    const glyph = font_petme128_8x8 + <usize>(chr - FONT_8X8_FIRST) * FONT_8X8_GLYPH_BYTES;
    for (let j: usize = 0; j < FONT_8X8_GLYPH_BYTES; j++, x0++) {
      if (x0 < 0 || x0 >= width) continue;
      // a column of 8 pixels, top row in bit 0
      let column = <u32>load<u8>(glyph + j);
      for (let y = y0; column != 0; column >>= 1, y++) {
        if ((column & 1) != 0 && y >= 0 && y < height) setpixel(self, <u32>x0, <u32>y, <u32>col);
      }
    }
  }
  return mp_const_none;
}

/** FrameBuffer1(buffer, width, height[, stride]): a MONO_VLSB FrameBuffer (legacy_framebuffer1). */
function legacy_framebuffer1(n_args: usize, args: usize): mp_obj_t {
  const mark = mp_root_mark();
  const a = mp_root_alloc(5);
  if (a == 0) return mp_raise_recursion_depth();
  memory.copy(a, args, 12);
  store<usize>(a + 12, MP_OBJ_NEW_SMALL_INT(<i32>FRAMEBUF_MVLSB));
  store<usize>(a + 16, load<usize>(args + (n_args >= 4 ? 12 : 4)));
  const o = framebuf_make_new(mp_type_framebuf, 5, 0, a);
  mp_root_release(mark);
  return o;
}

// ---- set-up ----

const framebuf_fill_obj: usize = memory.data(16, 16);
const framebuf_fill_rect_obj: usize = memory.data(16, 16);
const framebuf_pixel_obj: usize = memory.data(16, 16);
const framebuf_hline_obj: usize = memory.data(16, 16);
const framebuf_vline_obj: usize = memory.data(16, 16);
const framebuf_rect_obj: usize = memory.data(16, 16);
const framebuf_line_obj: usize = memory.data(16, 16);
const framebuf_ellipse_obj: usize = memory.data(16, 16);
const framebuf_poly_obj: usize = memory.data(16, 16);
const framebuf_blit_obj: usize = memory.data(16, 16);
const framebuf_scroll_obj: usize = memory.data(16, 16);
const framebuf_text_obj: usize = memory.data(16, 16);
const legacy_framebuffer1_obj: usize = memory.data(16, 16);
const framebuf_locals_dict: usize = memory.data(16, 16);
const framebuf_globals: usize = memory.data(16, 16);

function add_var(q: qstr, o: usize, min: u32, max: u32, f: fun_var): void {
  mp_fun_var_at(o, min, max, f);
  mp_static_dict_add(framebuf_locals_dict, q, o);
}

/** Set-up of the framebuf module (run once by mp_init). */
export function modframebuf_static_init(): void {
  const l = framebuf_locals_dict;
  mp_static_dict_at(l, 12);
  mp_fun_2_at(framebuf_fill_obj, framebuf_fill);
  mp_static_dict_add(l, Q.MP_QSTR_fill, framebuf_fill_obj);
  add_var(Q.MP_QSTR_fill_rect, framebuf_fill_rect_obj, 6, 6, framebuf_fill_rect);
  add_var(Q.MP_QSTR_pixel, framebuf_pixel_obj, 3, 4, framebuf_pixel);
  add_var(Q.MP_QSTR_hline, framebuf_hline_obj, 5, 5, framebuf_hline);
  add_var(Q.MP_QSTR_vline, framebuf_vline_obj, 5, 5, framebuf_vline);
  add_var(Q.MP_QSTR_rect, framebuf_rect_obj, 6, 7, framebuf_rect);
  add_var(Q.MP_QSTR_line, framebuf_line_obj, 6, 6, framebuf_line);
  add_var(Q.MP_QSTR_ellipse, framebuf_ellipse_obj, 6, 8, framebuf_ellipse);
  add_var(Q.MP_QSTR_poly, framebuf_poly_obj, 5, 6, framebuf_poly);
  add_var(Q.MP_QSTR_blit, framebuf_blit_obj, 4, 6, framebuf_blit);
  mp_fun_3_at(framebuf_scroll_obj, framebuf_scroll);
  mp_static_dict_add(l, Q.MP_QSTR_scroll, framebuf_scroll_obj);
  add_var(Q.MP_QSTR_text, framebuf_text_obj, 4, 5, framebuf_text);

  mp_type_setup(mp_type_framebuf, Q.MP_QSTR_FrameBuffer, MP_TYPE_FLAG_NONE, 0);
  mp_type_set_make_new(mp_type_framebuf, framebuf_make_new);
  mp_type_set_buffer(mp_type_framebuf, framebuf_get_buffer);
  mp_type_set_locals_dict(mp_type_framebuf, l);

  mp_fun_var_at(legacy_framebuffer1_obj, 3, 4, legacy_framebuffer1);

  const d = framebuf_globals;
  mp_static_dict_at(d, 11);
  mp_static_dict_add(d, Q.MP_QSTR___name__, MP_OBJ_NEW_QSTR(Q.MP_QSTR_framebuf));
  mp_static_dict_add(d, Q.MP_QSTR_FrameBuffer, mp_type_framebuf);
  mp_static_dict_add(d, Q.MP_QSTR_FrameBuffer1, legacy_framebuffer1_obj);
  mp_static_dict_add(d, Q.MP_QSTR_MVLSB, MP_OBJ_NEW_SMALL_INT(<i32>FRAMEBUF_MVLSB));
  mp_static_dict_add(d, Q.MP_QSTR_MONO_VLSB, MP_OBJ_NEW_SMALL_INT(<i32>FRAMEBUF_MVLSB));
  mp_static_dict_add(d, Q.MP_QSTR_RGB565, MP_OBJ_NEW_SMALL_INT(<i32>FRAMEBUF_RGB565));
  mp_static_dict_add(d, Q.MP_QSTR_GS2_HMSB, MP_OBJ_NEW_SMALL_INT(<i32>FRAMEBUF_GS2_HMSB));
  mp_static_dict_add(d, Q.MP_QSTR_GS4_HMSB, MP_OBJ_NEW_SMALL_INT(<i32>FRAMEBUF_GS4_HMSB));
  mp_static_dict_add(d, Q.MP_QSTR_GS8, MP_OBJ_NEW_SMALL_INT(<i32>FRAMEBUF_GS8));
  mp_static_dict_add(d, Q.MP_QSTR_MONO_HLSB, MP_OBJ_NEW_SMALL_INT(<i32>FRAMEBUF_MHLSB));
  mp_static_dict_add(d, Q.MP_QSTR_MONO_HMSB, MP_OBJ_NEW_SMALL_INT(<i32>FRAMEBUF_MHMSB));
  mp_module_static_at(mp_module_framebuf, d);
}
