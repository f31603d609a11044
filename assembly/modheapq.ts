// The heapq module, as MicroPython's modheapq.c: heappush, heappop and
// heapify on a list (a min-heap ordered by `<`), with the sift algorithms of
// CPython's heapq.py.
//
// Comparisons may run Python code (__lt__) that raises or changes the list.
// An exception stops the sift with the held item put back, so the list keeps
// all its items; a list that changed size under a sift raises RuntimeError
// (as CPython) instead of reading stale slots.

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_OBJ_NEW_QSTR,
  mp_const_none,
  mp_const_true,
  mp_obj_is_type,
  mp_fun_1_at,
  mp_fun_2_at,
} from "./obj";
import { mp_root_mark, mp_root_push, mp_root_release } from "./rootstack";
import { mp_binary_op } from "./runtime";
import { MP_BINARY_OP_LESS } from "./runtime0";
import {
  mp_raise_msg,
  mp_raise_TypeError,
  mp_type_IndexError,
  mp_type_RuntimeError,
} from "./objexcept";
import { mp_static_dict_at, mp_static_dict_add } from "./objdict";
import { mp_module_static_at } from "./objmodule";
import { mp_type_list, mp_obj_list_append } from "./objlist";
import * as Q from "./genhdr";

/** The heapq module (`import heapq` / `import uheapq`). */
export const mp_module_heapq: mp_obj_t = memory.data(8, 8);
export const mp_module_heapq_extensible = true;

// mp_obj_list_t: +4 alloc, +8 len, +12 items
@inline function list_len(l: mp_obj_t): usize {
  return load<usize>(l + 8);
}
@inline function list_get(l: mp_obj_t, i: usize): mp_obj_t {
  return load<usize>(load<usize>(l + 12) + (i << 2));
}
@inline function list_set(l: mp_obj_t, i: usize, v: mp_obj_t): void {
  store<usize>(load<usize>(l + 12) + (i << 2), v);
}

/** False with TypeError "heap must be a list" pending unless `o` is a list (heapq_get_heap). */
function heap_check(o: mp_obj_t): bool {
  if (mp_obj_is_type(o, mp_type_list)) return true;
  mp_raise_TypeError("heap must be a list");
  return false;
}

/**
 * a < b as 1 (true), 0 (false), or -1 with an exception pending; -1 with
 * RuntimeError when the heap no longer has `len` items afterwards.
 */
function heap_less(heap: mp_obj_t, len: usize, a: mp_obj_t, b: mp_obj_t): i32 {
  const r = mp_binary_op(MP_BINARY_OP_LESS, a, b);
  if (r == MP_OBJ_NULL) return -1;
  if (list_len(heap) != len) {
    mp_raise_msg(mp_type_RuntimeError, "list changed size during iteration");
    return -1;
  }
  return r == mp_const_true ? 1 : 0;
}

/**
 * Moves the item at `pos` towards the root while it is less than its
 * parent, stopping at `start_pos` (heapq_heap_siftdown). False with an
 * exception pending; the item is back in the list either way.
 */
function heap_siftdown(heap: mp_obj_t, start_pos: usize, pos: usize): bool {
  const len = list_len(heap);
  const item = list_get(heap, pos);
  const mark = mp_root_mark();
  mp_root_push(item);
  let ok = true;
  while (pos > start_pos) {
    const parent_pos = (pos - 1) >> 1;
    const parent = list_get(heap, parent_pos);
    const lt = heap_less(heap, len, item, parent);
    if (lt < 0) {
      ok = false;
      if (list_len(heap) != len) {
        mp_root_release(mark);
        return false;
      }
      break;
    }
    if (lt == 0) break;
    list_set(heap, pos, parent);
    pos = parent_pos;
  }
  list_set(heap, pos, item);
  mp_root_release(mark);
  return ok;
}

/**
 * Moves the smaller child up into `pos` down to a leaf, puts the item of
 * `pos` there and sifts it back down (heapq_heap_siftup). False with an
 * exception pending.
 */
function heap_siftup(heap: mp_obj_t, pos: usize): bool {
  const start_pos = pos;
  const end_pos = list_len(heap);
  const item = list_get(heap, pos);
  const mark = mp_root_mark();
  mp_root_push(item);
  let child_pos: usize = 2 * pos + 1;
  while (child_pos < end_pos) {
    // the right child when it is not greater than the left one
    if (child_pos + 1 < end_pos) {
      const lt = heap_less(heap, end_pos, list_get(heap, child_pos), list_get(heap, child_pos + 1));
      if (lt < 0) {
        if (list_len(heap) == end_pos) list_set(heap, pos, item);
        mp_root_release(mark);
        return false;
      }
      if (lt == 0) child_pos++;
    }
    list_set(heap, pos, list_get(heap, child_pos));
    pos = child_pos;
    child_pos = 2 * pos + 1;
  }
  list_set(heap, pos, item);
  mp_root_release(mark);
  return heap_siftdown(heap, start_pos, pos);
}

/** heappush(heap, item): appends and restores the heap order. */
function heapq_heappush(heap: mp_obj_t, item: mp_obj_t): mp_obj_t {
  if (!heap_check(heap)) return MP_OBJ_NULL;
  if (mp_obj_list_append(heap, item) == MP_OBJ_NULL) return MP_OBJ_NULL;
  if (!heap_siftdown(heap, 0, list_len(heap) - 1)) return MP_OBJ_NULL;
  return mp_const_none;
}

/** heappop(heap): removes and returns the smallest item; IndexError "empty heap". */
function heapq_heappop(heap: mp_obj_t): mp_obj_t {
  if (!heap_check(heap)) return MP_OBJ_NULL;
  let len = list_len(heap);
  if (len == 0) return mp_raise_msg(mp_type_IndexError, "empty heap");
  const item = list_get(heap, 0);
  len--;
  store<usize>(heap + 8, len);
  list_set(heap, 0, list_get(heap, len));
  list_set(heap, len, MP_OBJ_NULL); // so the list does not keep it alive
  if (len != 0) {
    const mark = mp_root_mark();
    mp_root_push(item);
    const ok = heap_siftup(heap, 0);
    mp_root_release(mark);
    if (!ok) return MP_OBJ_NULL;
  }
  return item;
}

/** heapify(list): puts the list in heap order in place. */
function heapq_heapify(heap: mp_obj_t): mp_obj_t {
  if (!heap_check(heap)) return MP_OBJ_NULL;
  for (let i = list_len(heap) >> 1; i > 0; ) {
    if (!heap_siftup(heap, --i)) return MP_OBJ_NULL;
  }
  return mp_const_none;
}

// ---- the module ----

const heapq_heappush_obj: usize = memory.data(16, 16);
const heapq_heappop_obj: usize = memory.data(16, 16);
const heapq_heapify_obj: usize = memory.data(16, 16);
const heapq_globals: usize = memory.data(16, 16);

/** Set-up of the heapq module; run once by mp_init. */
export function modheapq_static_init(): void {
  mp_fun_2_at(heapq_heappush_obj, heapq_heappush);
  mp_fun_1_at(heapq_heappop_obj, heapq_heappop);
  mp_fun_1_at(heapq_heapify_obj, heapq_heapify);
  const d = heapq_globals;
  mp_static_dict_at(d, 4);
  mp_static_dict_add(d, Q.MP_QSTR___name__, MP_OBJ_NEW_QSTR(Q.MP_QSTR_heapq));
  mp_static_dict_add(d, Q.MP_QSTR_heappush, heapq_heappush_obj);
  mp_static_dict_add(d, Q.MP_QSTR_heappop, heapq_heappop_obj);
  mp_static_dict_add(d, Q.MP_QSTR_heapify, heapq_heapify_obj);
  mp_module_static_at(mp_module_heapq, d);
}
