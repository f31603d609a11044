// The collections module, as MicroPython's modcollections.c (registered as
// extensible, so `import ucollections` works too): deque (objdeque.ts),
// namedtuple (objnamedtuple.ts) and OrderedDict, defined here.
//
// OrderedDict is dict's layout and slots with parent dict and the name
// OrderedDict, as MicroPython's mp_type_ordereddict; dict's make_new gives it
// an ordered map (map.ts: an array in insertion order, searched linearly).
// Two OrderedDicts are equal only with the same items in the same order;
// against a plain dict order does not count (CPython's rules).

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_TYPE_SIZE,
  MP_TYPE_FLAG_EQ_CHECKS_OTHER_TYPE,
  MP_OBJ_NEW_QSTR,
  mp_const_true,
  mp_const_false,
  mp_type_setup,
  mp_type_slot,
  mp_type_set_binary_op,
  mp_type_locals_dict,
  mp_type_set_locals_dict,
  SLOT_make_new,
  SLOT_print,
  SLOT_unary_op,
  SLOT_binary_op,
  SLOT_subscr,
  SLOT_getiter,
  call_binary_op,
} from "./obj";
import { mp_type_dict, mp_static_dict_at, mp_static_dict_add } from "./objdict";
import { mp_map_filled, mp_map_entries, mp_map_slot_is_filled } from "./map";
import { mp_obj_equal_checked } from "./runtime";
import { mp_obj_native_of, mp_rec_enter, mp_rec_leave } from "./sequence";
import { mp_root_mark, mp_root_push, mp_root_release } from "./rootstack";
import { mp_module_static_at } from "./objmodule";
import { mp_type_deque } from "./objdeque";
import { mp_namedtuple_obj } from "./objnamedtuple";
import * as R from "./runtime0";
import * as Q from "./genhdr";

export const mp_module_collections: mp_obj_t = memory.data(8, 8);
export const mp_module_collections_extensible = true;

export const mp_type_ordereddict: usize = memory.data(<i32>MP_TYPE_SIZE, 16);

const collections_globals: usize = memory.data(16, 16);

/** Entry index >= `cur` of the next live entry of the dict's map, or `filled` at the end. */
function next_live(d: mp_obj_t, cur: usize): usize {
  const map = d + 4;
  const filled = mp_map_filled(map);
  while (cur < filled && !mp_map_slot_is_filled(mp_map_entries(map) + (cur << 3))) cur++;
  return cur;
}

/**
 * Ordered equality of two OrderedDicts: 1, 0, or -1 with an exception
 * pending. Positions are re-read after every comparison, which may run
 * Python code that changes either dict.
 */
function ordereddict_equal(lhs: mp_obj_t, rhs: mp_obj_t): i32 {
  if (lhs == rhs) return 1;
  if (!mp_rec_enter()) return -1;
  const mark = mp_root_mark();
  mp_root_push(lhs);
  mp_root_push(rhs);
  let c1: usize = 0;
  let c2: usize = 0;
  let r: i32 = 1;
  while (true) {
    c1 = next_live(lhs, c1);
    c2 = next_live(rhs, c2);
    const end1 = c1 >= mp_map_filled(lhs + 4);
    const end2 = c2 >= mp_map_filled(rhs + 4);
    if (end1 || end2) {
      r = end1 && end2 ? 1 : 0;
      break;
    }
    const e1 = mp_map_entries(lhs + 4) + (c1 << 3);
    const e2 = mp_map_entries(rhs + 4) + (c2 << 3);
    const m2 = mp_root_mark();
    mp_root_push(load<usize>(e1 + 4));
    mp_root_push(load<usize>(e2 + 4));
    r = mp_obj_equal_checked(load<usize>(e1), load<usize>(e2));
    if (r > 0) r = mp_obj_equal_checked(load<usize>(m2), load<usize>(m2 + 4));
    mp_root_release(m2);
    if (r <= 0) break;
    c1++;
    c2++;
  }
  mp_root_release(mark);
  mp_rec_leave();
  return r;
}

/** binary_op slot: ordered == between OrderedDicts, everything else as dict. */
function ordereddict_binary_op(op: u32, lhs: mp_obj_t, rhs: mp_obj_t): mp_obj_t {
  if (op == R.MP_BINARY_OP_EQUAL) {
    const other = mp_obj_native_of(rhs, mp_type_ordereddict);
    if (other != 0) {
      const r = ordereddict_equal(lhs, other);
      if (r < 0) return MP_OBJ_NULL;
      return r != 0 ? mp_const_true : mp_const_false;
    }
  }
  return call_binary_op(mp_type_slot(mp_type_dict, SLOT_binary_op), op, lhs, rhs);
}

@inline function copy_slot(slot: usize): void {
  store<u32>(mp_type_ordereddict + slot, mp_type_slot(mp_type_dict, slot));
}

/** Set-up of OrderedDict and the module (run once by mp_init, after the obj*.ts files). */
export function modcollections_static_init(): void {
  const od = mp_type_ordereddict;
  mp_type_setup(od, Q.MP_QSTR_OrderedDict, MP_TYPE_FLAG_EQ_CHECKS_OTHER_TYPE, mp_type_dict);
  // dict's make_new marks the type a dict (mp_obj_is_dict_or_ordereddict)
  copy_slot(SLOT_make_new);
  copy_slot(SLOT_print);
  copy_slot(SLOT_unary_op);
  copy_slot(SLOT_subscr);
  copy_slot(SLOT_getiter);
  mp_type_set_binary_op(od, ordereddict_binary_op);
  mp_type_set_locals_dict(od, mp_type_locals_dict(mp_type_dict));

  const d = collections_globals;
  mp_static_dict_at(d, 4);
  mp_static_dict_add(d, Q.MP_QSTR___name__, MP_OBJ_NEW_QSTR(Q.MP_QSTR_collections));
  mp_static_dict_add(d, Q.MP_QSTR_deque, mp_type_deque);
  mp_static_dict_add(d, Q.MP_QSTR_namedtuple, mp_namedtuple_obj);
  mp_static_dict_add(d, Q.MP_QSTR_OrderedDict, mp_type_ordereddict);
  mp_module_static_at(mp_module_collections, d);
}
