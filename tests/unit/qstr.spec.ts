// Unit tests of assembly/qstr.ts: the static pool (MicroPython's list first,
// in its order), interning into dynamic pools on the GC heap, hashes, and
// pools surviving collections.
import { memmap_init_at, mem_heap_start, mem_heap_end } from "../../assembly/memmap";
import { gc_init, gc_collect } from "../../assembly/gc";
import { rootstack_init } from "../../assembly/rootstack";
import { pystack_init } from "../../assembly/pystack";
import {
  qstr_init,
  qstr_find_strn,
  qstr_from_strn,
  qstr_str,
  qstr_len,
  qstr_hash,
  qstr_compute_hash,
  qstr_from_as,
  qstr_total,
} from "../../assembly/qstr";
import {
  MP_QSTR_,
  MP_QSTR___dir__,
  MP_QSTR__lt_module_gt_,
  MP_QSTR_zip,
  MP_QSTR_append,
  QSTR_LAST_STATIC,
  QSTR_STATIC_COUNT,
} from "../../assembly/genhdr";

const base: usize = (<usize>memory.size() << 16) + (64 << 20);
memmap_init_at(base, 4096, 4096, 64 * 1024);
rootstack_init();
pystack_init();
gc_init(mem_heap_start, mem_heap_end);
qstr_init();

const buf: usize = memory.data(256);

function put(s: string): usize {
  for (let i = 0; i < s.length; i++) store<u8>(buf + i, <u8>s.charCodeAt(i));
  return s.length;
}

describe("qstr", () => {
  test("static qstrs keep MicroPython's numbering (.mpy v6)", () => {
    expect(MP_QSTR_).toBe(1);
    expect(MP_QSTR___dir__).toBe(2);
    expect(MP_QSTR__lt_module_gt_).toBe(7);
    expect(MP_QSTR_zip).toBe(QSTR_LAST_STATIC);
    expect(QSTR_LAST_STATIC).toBe(165); // the length of MicroPython's static list
    expect(qstr_len(MP_QSTR__lt_module_gt_)).toBe(8);
  });

  test("finds static qstrs in both parts of the pool", () => {
    expect(qstr_find_strn(buf, put("append"))).toBe(MP_QSTR_append);
    expect(qstr_find_strn(buf, put("<module>"))).toBe(MP_QSTR__lt_module_gt_);
    expect(qstr_find_strn(buf, put("no_such_qstr_anywhere"))).toBe(0);
  });

  test("hash is MicroPython's: djb2-xor, 16 bits, never 0", () => {
    const n = put("append");
    expect(qstr_compute_hash(buf, n)).toBe(qstr_hash(MP_QSTR_append));
    // computed by hand: h = 5381; h = (h * 33) ^ c for "a"
    expect(qstr_compute_hash(buf, put("a"))).toBe(((5381 * 33) ^ 97) & 0xffff);
  });

  test("interns new strings once, in dynamic pools that survive a collection", () => {
    const n = put("hello_world_qstr");
    const q = qstr_from_strn(buf, n);
    expect(q).toBeGreaterThanOrEqual(QSTR_STATIC_COUNT);
    expect(qstr_from_strn(buf, n)).toBe(q);
    expect(qstr_len(q)).toBe(16);
    gc_collect();
    expect(qstr_find_strn(buf, put("hello_world_qstr"))).toBe(q);
    expect(load<u8>(qstr_str(q))).toBe(104); // 'h'
    expect(load<u8>(qstr_str(q) + 16)).toBe(0); // NUL-terminated
  });

  test("many qstrs grow the pools and chunks", () => {
    const first = qstr_total();
    for (let i = 0; i < 300; i++) {
      store<u8>(buf, 120);
      store<u8>(buf + 1, <u8>(48 + (i % 10)));
      store<u8>(buf + 2, <u8>(48 + ((i / 10) % 10)));
      store<u8>(buf + 3, <u8>(48 + i / 100));
      qstr_from_strn(buf, 4);
    }
    gc_collect();
    expect(qstr_total()).toBe(first + 300);
    store<u8>(buf, 120);
    store<u8>(buf + 1, 55);
    store<u8>(buf + 2, 52);
    store<u8>(buf + 3, 49);
    const q = qstr_find_strn(buf, 4); // "x741" = i 147
    expect(q).toBe(first + 147);
  });

  test("qstr_from_as encodes UTF-8", () => {
    const q = qstr_from_as("caf\u00e9");
    expect(qstr_len(q)).toBe(5);
  });
});
