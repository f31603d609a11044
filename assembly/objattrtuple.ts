// Tuples whose items can also be read as named attributes, as MicroPython's
// objattrtuple.c (sys.implementation, os.uname()): a tuple for indexing,
// iteration and comparison, printed as "(name=value, ...)".
//
//   mp_obj_attrtuple_t: a tuple (+0 type, +4 len, +8 items[len]) followed by
//   +8+4*len a pointer to `len` u16 field qstrs (static data)

import {
  mp_obj_t,
  MP_OBJ_NULL,
  MP_TYPE_SIZE,
  MP_TYPE_FLAG_NONE,
  PRINT_REPR,
  mp_type_setup,
  mp_type_set_print,
  mp_type_set_attr,
  mp_type_set_unary_op,
  mp_type_set_binary_op,
  mp_type_set_subscr,
  mp_type_set_getiter,
  mp_obj_print_helper,
} from "./obj";
import { gc_alloc } from "./gc";
import { qstr } from "./qstr";
import { mp_print_str, mp_printf } from "./mpprint";
import {
  mp_type_tuple,
  mp_obj_tuple_unary_op,
  mp_obj_tuple_binary_op,
  mp_obj_tuple_subscr,
  tuple_getiter,
} from "./objtuple";
import { mp_raise_memory_error } from "./runtime";
import * as Q from "./genhdr";

export const mp_type_attrtuple: usize = memory.data(<i32>MP_TYPE_SIZE, 16);

@inline function attrtuple_fields(o: mp_obj_t): usize {
  return load<usize>(o + 8 + (load<usize>(o + 4) << 2));
}

/** Prints "(f0=repr0, f1=repr1, ...)" (mp_obj_attrtuple_print_helper). */
export function mp_obj_attrtuple_print_helper(print: usize, fields: usize, o: mp_obj_t): bool {
  mp_print_str(print, "(");
  const n = load<usize>(o + 4);
  for (let i: usize = 0; i < n; i++) {
    if (i > 0) mp_print_str(print, ", ");
    mp_printf(print, "%q=", <usize>load<u16>(fields + (i << 1)));
    if (!mp_obj_print_helper(print, load<usize>(o + 8 + (i << 2)), PRINT_REPR)) return false;
  }
  mp_print_str(print, ")");
  return true;
}

function attrtuple_print(print: usize, o: mp_obj_t, kind: u32): bool {
  return mp_obj_attrtuple_print_helper(print, attrtuple_fields(o), o);
}

function attrtuple_attr(o: mp_obj_t, attr: qstr, dest: usize): bool {
  if (load<usize>(dest) != MP_OBJ_NULL) return true; // read-only
  const n = load<usize>(o + 4);
  const fields = attrtuple_fields(o);
  for (let i: usize = 0; i < n; i++) {
    if (<usize>load<u16>(fields + (i << 1)) == attr) {
      store<usize>(dest, load<usize>(o + 8 + (i << 2)));
      return true;
    }
  }
  return true;
}

/**
 * A new attrtuple of `n` items copied from `items` (rooted), named by the `n`
 * u16 qstrs at `fields` (static data). MP_OBJ_NULL on MemoryError
 * (mp_obj_new_attrtuple).
 */
export function mp_obj_new_attrtuple(fields: usize, n: usize, items: usize): mp_obj_t {
  const o = gc_alloc(8 + n * 4 + 4, 0);
  if (o == 0) return mp_raise_memory_error(12 + n * 4);
  store<usize>(o, mp_type_attrtuple);
  store<usize>(o + 4, n);
  memory.copy(o + 8, items, n << 2);
  store<usize>(o + 8 + (n << 2), fields);
  return o;
}

/** Set-up of this file's static objects (the type); run once by mp_init. */
export function objattrtuple_static_init(): void {
  mp_type_setup(mp_type_attrtuple, Q.MP_QSTR_tuple, MP_TYPE_FLAG_NONE, mp_type_tuple);
  mp_type_set_print(mp_type_attrtuple, attrtuple_print);
  mp_type_set_attr(mp_type_attrtuple, attrtuple_attr);
  mp_type_set_unary_op(mp_type_attrtuple, mp_obj_tuple_unary_op);
  mp_type_set_binary_op(mp_type_attrtuple, mp_obj_tuple_binary_op);
  mp_type_set_subscr(mp_type_attrtuple, mp_obj_tuple_subscr);
  mp_type_set_getiter(mp_type_attrtuple, tuple_getiter);
}
