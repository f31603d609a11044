// collections.deque, as MicroPython's objdeque.c with the unix port's options
// (MICROPY_PY_COLLECTIONS_DEQUE_ITER and _SUBSCR on): a fixed-size ring
// buffer. deque(iterable, maxlen[, flags]); when full, append drops the
// leftmost item and appendleft the rightmost one, unless flags bit 0
// (FLAG_CHECK_OVERFLOW) asks for IndexError("full") instead.
//
//   mp_obj_deque_t (one GC block chain, 20 + 4 * alloc bytes):
//     +0 type   +4 alloc (maxlen + 1 slots)   +8 i_get   +12 i_put   +16 flags
//     +20 items[alloc]   (live items run from i_get up to, not including,
//                         i_put, wrapping at alloc; i_get == i_put: empty)
//
//   iterator (polymorph iter, fits an iter_buf): +8 deque   +12 cur slot

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_OBJ_SENTINEL,
  MP_OBJ_NOT_SUPPORTED,
  MP_OBJ_STOP_ITERATION,
  MP_TYPE_SIZE,
  MP_TYPE_FLAG_NONE,
  MP_OBJ_NEW_SMALL_INT,
  MP_INT_ERROR,
  mp_obj_is_obj,
  mp_const_none,
  mp_obj_new_bool,
  mp_type_setup,
  mp_type_set_make_new,
  mp_type_set_unary_op,
  mp_type_set_subscr,
  mp_type_set_getiter,
  mp_type_set_locals_dict,
  mp_fun_1_at,
  mp_fun_2_at,
  mp_obj_get_int,
  mp_get_index,
} from "./obj";
import { gc_alloc } from "./gc";
import { mp_raise_memory_error, mp_getiter, mp_iternext } from "./runtime";
import {
  mp_raise_msg,
  mp_raise_type,
  mp_raise_TypeError,
  mp_type_IndexError,
  mp_type_ValueError,
} from "./objexcept";
import { mp_arg_check_num } from "./argcheck";
import { mp_root_mark, mp_root_push, mp_root_alloc, mp_root_release } from "./rootstack";
import { mp_obj_new_polymorph_iter } from "./objpolyiter";
import { mp_static_dict_at, mp_static_dict_add } from "./objdict";
import {
  mp_obj_is_instance_type,
  mp_obj_instance_subobj,
  mp_obj_type_native_base,
} from "./objtype";
import * as R from "./runtime0";
import * as Q from "./genhdr";

export const mp_type_deque: usize = memory.data(<i32>MP_TYPE_SIZE, 16);

@inline const D_ALLOC: usize = 4;
@inline const D_GET: usize = 8;
@inline const D_PUT: usize = 12;
@inline const D_FLAGS: usize = 16;
@inline const D_ITEMS: usize = 20;
@inline const FLAG_CHECK_OVERFLOW: u32 = 1;

/** Largest deque we try to allocate (keeps byte counts far from 32-bit overflow). */
@inline const DEQUE_MAX_BYTES: u64 = 0x7fffffff;

@inline function item_addr(d: mp_obj_t, i: usize): usize {
  return d + D_ITEMS + (i << 2);
}

function deque_len(d: mp_obj_t): usize {
  const get = load<usize>(d + D_GET);
  const put = load<usize>(d + D_PUT);
  return put >= get ? put - get : put + load<usize>(d + D_ALLOC) - get;
}

/**
 * The deque behind a method's self: the deque itself, or the native
 * sub-object of an instance of a user subclass (methods reached through
 * the subclass are called unbound with the instance). 0 with TypeError
 * "argument has wrong type" pending otherwise (mp_check_self).
 */
function deque_self(o: mp_obj_t): mp_obj_t {
  if (mp_obj_is_obj(o)) {
    const t = load<usize>(o);
    if (t == mp_type_deque) return o;
    if (mp_obj_is_instance_type(t) && mp_obj_type_native_base(t) == mp_type_deque) {
      const sub = mp_obj_instance_subobj(o);
      if (mp_obj_is_obj(sub) && load<usize>(sub) == mp_type_deque) return sub;
    }
  }
  mp_raise_TypeError("argument has wrong type");
  return 0;
}

/** deque(iterable, maxlen[, flags]) (deque_make_new); maxlen < 0 is ValueError(). */
function deque_make_new(type: usize, n_args: usize, n_kw: usize, args: usize): mp_obj_t {
  if (!mp_arg_check_num(n_args, n_kw, 2, 3, false)) return MP_OBJ_NULL;
  const maxlen = mp_obj_get_int(load<usize>(args + 4));
  if (maxlen == MP_INT_ERROR) return MP_OBJ_NULL;
  if (maxlen < 0) return mp_raise_type(mp_type_ValueError);
  const alloc = <u64>maxlen + 1;
  const n_bytes64 = <u64>D_ITEMS + (alloc << 2);
  if (n_bytes64 > DEQUE_MAX_BYTES) {
    // far beyond any heap; the size, cut to 32 bits, is only for the message
    return mp_raise_memory_error(n_bytes64 > 0xffffffff ? 0xffffffff : <usize>n_bytes64);
  }
  const n_bytes = <usize>n_bytes64;
  const o = gc_alloc(n_bytes, 0);
  if (o == 0) return mp_raise_memory_error(n_bytes);
  store<usize>(o, type);
  store<usize>(o + D_ALLOC, <usize>alloc);
  const mark = mp_root_mark();
  mp_root_push(o);
  if (n_args > 2) {
    const flags = mp_obj_get_int(load<usize>(args + 8));
    if (flags == MP_INT_ERROR) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
    store<u32>(o + D_FLAGS, <u32>flags);
  }
  const r = deque_extend_iter(o, load<usize>(args));
  mp_root_release(mark);
  return r == MP_OBJ_NULL ? MP_OBJ_NULL : o;
}

function deque_unary_op(op: u32, self: mp_obj_t): mp_obj_t {
  switch (op) {
    case R.MP_UNARY_OP_BOOL:
      return mp_obj_new_bool(load<usize>(self + D_GET) != load<usize>(self + D_PUT));
    case R.MP_UNARY_OP_LEN:
      return MP_OBJ_NEW_SMALL_INT(<i32>deque_len(self));
    case R.MP_UNARY_OP_SIZEOF:
      return MP_OBJ_NEW_SMALL_INT(<i32>(D_ITEMS + (load<usize>(self + D_ALLOC) << 2)));
  }
  return MP_OBJ_NOT_SUPPORTED;
}

/** Appends on the right of deque `d` (not a subclass instance); MP_OBJ_NULL on "full". */
function deque_append_raw(d: mp_obj_t, arg: mp_obj_t): mp_obj_t {
  const alloc = load<usize>(d + D_ALLOC);
  const put = load<usize>(d + D_PUT);
  let new_put = put + 1;
  if (new_put == alloc) new_put = 0;
  const get = load<usize>(d + D_GET);
  if ((load<u32>(d + D_FLAGS) & FLAG_CHECK_OVERFLOW) != 0 && new_put == get) {
    return mp_raise_msg(mp_type_IndexError, "full");
  }
  store<usize>(item_addr(d, put), arg);
  store<usize>(d + D_PUT, new_put);
  if (get == new_put) {
    // full: the leftmost item goes
    store<usize>(d + D_GET, get + 1 == alloc ? 0 : get + 1);
  }
  return mp_const_none;
}

function deque_append(self_in: mp_obj_t, arg: mp_obj_t): mp_obj_t {
  const d = deque_self(self_in);
  if (d == 0) return MP_OBJ_NULL;
  return deque_append_raw(d, arg);
}

function deque_appendleft(self_in: mp_obj_t, arg: mp_obj_t): mp_obj_t {
  const d = deque_self(self_in);
  if (d == 0) return MP_OBJ_NULL;
  const alloc = load<usize>(d + D_ALLOC);
  const get = load<usize>(d + D_GET);
  const new_get = get == 0 ? alloc - 1 : get - 1;
  const put = load<usize>(d + D_PUT);
  if ((load<u32>(d + D_FLAGS) & FLAG_CHECK_OVERFLOW) != 0 && new_get == put) {
    return mp_raise_msg(mp_type_IndexError, "full");
  }
  store<usize>(d + D_GET, new_get);
  store<usize>(item_addr(d, new_get), arg);
  if (put == new_get) {
    // full: the rightmost item goes
    store<usize>(d + D_PUT, put == 0 ? alloc - 1 : put - 1);
  }
  return mp_const_none;
}

/** Appends every item of `iterable` to deque `d` (rooted by the caller). */
function deque_extend_iter(d: mp_obj_t, iterable: mp_obj_t): mp_obj_t {
  if (iterable == d) {
    // d.extend(d): append a snapshot of the current items. Writes land
    // behind the read position, so nothing unread is overwritten.
    const n = deque_len(d);
    const alloc = load<usize>(d + D_ALLOC);
    let i = load<usize>(d + D_GET);
    for (let k: usize = 0; k < n; k++) {
      if (deque_append_raw(d, load<usize>(item_addr(d, i))) == MP_OBJ_NULL) return MP_OBJ_NULL;
      if (++i == alloc) i = 0;
    }
    return mp_const_none;
  }
  const mark = mp_root_mark();
  mp_root_push(iterable);
  const buf = mp_root_alloc(4);
  const iter = mp_getiter(iterable, buf);
  if (iter == MP_OBJ_NULL) {
    mp_root_release(mark);
    return MP_OBJ_NULL;
  }
  mp_root_push(iter);
  while (true) {
    const item = mp_iternext(iter);
    if (item == MP_OBJ_STOP_ITERATION) break;
    if (item == MP_OBJ_NULL || deque_append_raw(d, item) == MP_OBJ_NULL) {
      mp_root_release(mark);
      return MP_OBJ_NULL;
    }
  }
  mp_root_release(mark);
  return mp_const_none;
}

function deque_extend(self_in: mp_obj_t, iterable: mp_obj_t): mp_obj_t {
  const d = deque_self(self_in);
  if (d == 0) return MP_OBJ_NULL;
  const mark = mp_root_mark();
  mp_root_push(d);
  const r = deque_extend_iter(d, iterable == self_in ? d : iterable);
  mp_root_release(mark);
  return r;
}

function deque_popleft(self_in: mp_obj_t): mp_obj_t {
  const d = deque_self(self_in);
  if (d == 0) return MP_OBJ_NULL;
  const get = load<usize>(d + D_GET);
  if (get == load<usize>(d + D_PUT)) return mp_raise_msg(mp_type_IndexError, "empty");
  const p = item_addr(d, get);
  const ret = load<usize>(p);
  store<usize>(p, MP_OBJ_NULL);
  store<usize>(d + D_GET, get + 1 == load<usize>(d + D_ALLOC) ? 0 : get + 1);
  return ret;
}

function deque_pop(self_in: mp_obj_t): mp_obj_t {
  const d = deque_self(self_in);
  if (d == 0) return MP_OBJ_NULL;
  let put = load<usize>(d + D_PUT);
  if (load<usize>(d + D_GET) == put) return mp_raise_msg(mp_type_IndexError, "empty");
  put = put == 0 ? load<usize>(d + D_ALLOC) - 1 : put - 1;
  store<usize>(d + D_PUT, put);
  const p = item_addr(d, put);
  const ret = load<usize>(p);
  store<usize>(p, MP_OBJ_NULL);
  return ret;
}

/**
 * d[i] and d[i] = v for an int index counted from the left (negative from
 * the right): IndexError "deque index out of range"; slices are TypeError;
 * del d[i] is not supported (deque_subscr).
 */
function deque_subscr(self: mp_obj_t, index: mp_obj_t, value: mp_obj_t): mp_obj_t {
  if (value == MP_OBJ_NULL) return MP_OBJ_NOT_SUPPORTED;
  const offset = mp_get_index(load<usize>(self), deque_len(self), index, false);
  if (offset < 0) return MP_OBJ_NULL;
  let i = load<usize>(self + D_GET) + <usize>offset;
  const alloc = load<usize>(self + D_ALLOC);
  if (i >= alloc) i -= alloc;
  if (value == MP_OBJ_SENTINEL) return load<usize>(item_addr(self, i));
  store<usize>(item_addr(self, i), value);
  return mp_const_none;
}

function deque_it_iternext(self: mp_obj_t): mp_obj_t {
  const d = load<usize>(self + 8);
  const cur = load<usize>(self + 12);
  if (cur == load<usize>(d + D_PUT)) return MP_OBJ_STOP_ITERATION;
  const next = cur + 1;
  store<usize>(self + 12, next == load<usize>(d + D_ALLOC) ? 0 : next);
  return load<usize>(item_addr(d, cur));
}

function deque_getiter(self: mp_obj_t, iter_buf: usize): mp_obj_t {
  const mark = mp_root_mark();
  mp_root_push(self);
  const get = load<usize>(self + D_GET);
  const it = mp_obj_new_polymorph_iter(deque_it_iternext, self, get, iter_buf);
  mp_root_release(mark);
  return it;
}

const deque_append_obj: usize = memory.data(16, 16);
const deque_appendleft_obj: usize = memory.data(16, 16);
const deque_extend_obj: usize = memory.data(16, 16);
const deque_pop_obj: usize = memory.data(16, 16);
const deque_popleft_obj: usize = memory.data(16, 16);
const deque_locals_dict: usize = memory.data(16, 16);

/** Set-up of this file's static objects (the type and its methods); run once by mp_init. */
export function objdeque_static_init(): void {
  mp_fun_2_at(deque_append_obj, deque_append);
  mp_fun_2_at(deque_appendleft_obj, deque_appendleft);
  mp_fun_2_at(deque_extend_obj, deque_extend);
  mp_fun_1_at(deque_pop_obj, deque_pop);
  mp_fun_1_at(deque_popleft_obj, deque_popleft);
  const d = deque_locals_dict;
  mp_static_dict_at(d, 5);
  mp_static_dict_add(d, Q.MP_QSTR_append, deque_append_obj);
  mp_static_dict_add(d, Q.MP_QSTR_appendleft, deque_appendleft_obj);
  mp_static_dict_add(d, Q.MP_QSTR_extend, deque_extend_obj);
  mp_static_dict_add(d, Q.MP_QSTR_pop, deque_pop_obj);
  mp_static_dict_add(d, Q.MP_QSTR_popleft, deque_popleft_obj);
  mp_type_setup(mp_type_deque, Q.MP_QSTR_deque, MP_TYPE_FLAG_NONE, 0);
  mp_type_set_make_new(mp_type_deque, deque_make_new);
  mp_type_set_unary_op(mp_type_deque, deque_unary_op);
  mp_type_set_subscr(mp_type_deque, deque_subscr);
  mp_type_set_getiter(mp_type_deque, deque_getiter);
  mp_type_set_locals_dict(mp_type_deque, deque_locals_dict);
}
