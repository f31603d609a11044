// Finalisers run by the collector for blocks allocated with
// GC_ALLOC_FLAG_HAS_FINALISER, before the block is freed. The heap is locked
// while they run (allocation fails), as in MicroPython.

import { mp_obj_get_type_ptr, MP_TYPE_FLAG_HAS_FINALISER, mp_type_flags, mp_type_slot, SLOT_unary_op } from "./obj";
import { mp_state_get, mp_state_set, MPS_cur_exception } from "./mpstate";
import { gc_set_finaliser_hook } from "./gc";

/** The unary-op code a type receives to finalise an object (closes files, sockets). */
@inline export const MP_UNARY_OP_FINALISE: u32 = 255;

/**
 * Calls the finaliser of the dead object at `p`: its type's unary_op slot with
 * MP_UNARY_OP_FINALISE when the type has MP_TYPE_FLAG_HAS_FINALISER. An
 * exception raised by it is discarded (as MicroPython ignores __del__ errors).
 */
export function gc_run_finaliser(p: usize): void {
  const t = mp_obj_get_type_ptr(p);
  if (t == 0) return;
  if ((mp_type_flags(t) & MP_TYPE_FLAG_HAS_FINALISER) == 0) return;
  const f = mp_type_slot(t, SLOT_unary_op);
  if (f == 0) return;
  const saved = mp_state_get(MPS_cur_exception);
  call_indirect<usize>(f, MP_UNARY_OP_FINALISE, p);
  mp_state_set(MPS_cur_exception, saved);
}

/** Set-up: installs gc_run_finaliser as the collector's finaliser hook. */
export function gcfinal_static_init(): void {
  gc_set_finaliser_hook(gc_run_finaliser);
}
