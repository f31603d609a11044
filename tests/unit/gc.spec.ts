// Unit tests of assembly/gc.ts: allocation, freeing, collection from roots,
// reallocation, heap exhaustion and the heap lock.
import { memmap_init_at, mem_heap_start, mem_heap_end } from "../../assembly/memmap";
import {
  gc_init,
  gc_alloc,
  gc_free,
  gc_nbytes,
  gc_realloc,
  gc_collect,
  gc_lock,
  gc_unlock,
  gc_used_bytes,
  gc_total_bytes,
  gc_is_heap_ptr,
} from "../../assembly/gc";
import { rootstack_init, mp_root_mark, mp_root_push, mp_root_release } from "../../assembly/rootstack";
import { pystack_init } from "../../assembly/pystack";
import { mp_state_set, MPS_gc_stress_spare } from "../../assembly/mpstate";

// Our regions sit 64 MiB above the test framework's heap.
const base: usize = (<usize>memory.size() << 16) + (64 << 20);
memmap_init_at(base, 4096, 4096, 64 * 1024);
rootstack_init();
pystack_init();

function fresh(): void {
  mp_state_set(MPS_gc_stress_spare, 0);
  gc_init(mem_heap_start, mem_heap_end);
}

describe("gc", () => {
  test("allocates zeroed blocks rounded to 16 bytes", () => {
    fresh();
    const p = gc_alloc(20, 0);
    expect(p).toBeGreaterThan(0);
    expect(gc_nbytes(p)).toBe(32);
    expect(load<u32>(p)).toBe(0);
    expect(gc_is_heap_ptr(p)).toBe(true);
    expect(gc_is_heap_ptr(p + 16)).toBe(false);
  });

  test("first fit reuses freed blocks", () => {
    fresh();
    const a = gc_alloc(16, 0);
    const b = gc_alloc(16, 0);
    gc_free(a);
    const c = gc_alloc(16, 0);
    expect(c).toBe(a);
    expect(b).toBe(a + 16);
  });

  test("collect frees unreachable blocks and keeps rooted ones and their children", () => {
    fresh();
    const mark = mp_root_mark();
    const keep = gc_alloc(32, 0);
    const child = gc_alloc(64, 0);
    store<usize>(keep + 8, child); // keep -> child
    mp_root_push(keep);
    const lost = gc_alloc(48, 0);
    store<u32>(lost, 0xdeadbeef);
    const used_before = gc_used_bytes();
    gc_collect();
    expect(gc_used_bytes()).toBe(used_before - 48);
    expect(gc_is_heap_ptr(keep)).toBe(true);
    expect(gc_is_heap_ptr(child)).toBe(true);
    expect(gc_is_heap_ptr(lost)).toBe(false);
    mp_root_release(mark);
    gc_collect();
    expect(gc_used_bytes()).toBe(0);
  });

  test("interior pointers do not keep a block alive", () => {
    fresh();
    const mark = mp_root_mark();
    const a = gc_alloc(64, 0);
    mp_root_push(a + 16);
    gc_collect();
    expect(gc_is_heap_ptr(a)).toBe(false);
    mp_root_release(mark);
  });

  test("deep chains are marked despite the bounded mark stack", () => {
    fresh();
    const mark = mp_root_mark();
    const head = gc_alloc(16, 0);
    mp_root_push(head);
    let prev = head;
    for (let i = 0; i < 500; i++) {
      const n = gc_alloc(16, 0);
      store<usize>(prev, n);
      prev = n;
    }
    // a wide node: 200 children, more than the 64-entry mark stack
    const wide = gc_alloc(200 * 4, 0);
    store<usize>(prev, wide);
    for (let i: usize = 0; i < 200; i++) store<usize>(wide + i * 4, gc_alloc(16, 0));
    const used = gc_used_bytes();
    gc_collect();
    expect(gc_used_bytes()).toBe(used);
    mp_root_release(mark);
  });

  test("realloc grows in place and moves when it must", () => {
    fresh();
    const mark = mp_root_mark();
    const a = gc_alloc(16, 0);
    mp_root_push(a);
    store<u32>(a, 1234);
    const a2 = gc_realloc(a, 64, true);
    expect(a2).toBe(a);
    expect(gc_nbytes(a2)).toBe(64);
    const blocker = gc_alloc(16, 0);
    mp_root_push(blocker);
    const a3 = gc_realloc(a2, 256, true);
    expect(a3).not.toBe(a2);
    expect(load<u32>(a3)).toBe(1234);
    expect(gc_realloc(a3, 512, false)).toBeGreaterThan(0); // free space follows a3
    mp_root_release(mark);
  });

  test("exhaustion returns 0 instead of trapping", () => {
    fresh();
    expect(gc_alloc(gc_total_bytes() + 16, 0)).toBe(0);
    const mark = mp_root_mark();
    let n = 0;
    while (true) {
      const p = gc_alloc(1024, 0);
      if (p == 0) break;
      mp_root_push(p);
      n++;
    }
    expect(n).toBeGreaterThan(50);
    expect(gc_alloc(1024, 0)).toBe(0);
    mp_root_release(mark);
    expect(gc_alloc(1024, 0)).toBeGreaterThan(0); // collects, then fits
  });

  test("a locked heap refuses allocation", () => {
    fresh();
    gc_lock();
    expect(gc_alloc(16, 0)).toBe(0);
    gc_unlock();
    expect(gc_alloc(16, 0)).toBeGreaterThan(0);
  });
});
