// mp_repl_continue_with_input (assembly/repl.ts): whether the REPL reads
// another line, as MicroPython's repl.c decides it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadCore } from "../../build/index.mjs";

const core = loadCore().exports;
assert.equal(core.mp_init(256 * 1024, 64 * 1024), 0);
const enc = new TextEncoder();

function cont(src) {
  const b = enc.encode(src);
  const p = core.mp_host_buffer(b.length + 1);
  const m = new Uint8Array(core.memory.buffer);
  m.set(b, p);
  m[p + b.length] = 0;
  return core.mp_repl_continue_with_input(p, b.length) !== 0;
}

const cases = [
  ["", false],
  ["x = 1", false],
  ["print(1)", false],
  ["if x:", true],
  ["if x:\n    y = 1", true],
  ["if x:\n    y = 1\n", false],
  ["while True:", true],
  ["for i in range(3):", true],
  ["try:", true],
  ["with f:", true],
  ["def f():", true],
  ["class A:", true],
  ["async def f():", true],
  ["@decorator", true],
  ["ifx = 1", false],
  ["iffy", false],
  ["classes = 1", false],
  ["(1,", true],
  ["[1, 2", true],
  ["{1: 2", true],
  ["[1, 2]", false],
  ["f(1)\n", false],
  ["x = (1 +\n2)", false],
  ["x = ')'", false],
  ["x = '('", false],
  ["x = '(", false],
  ["'''abc", true],
  ['"""abc', true],
  ["'''abc'''", false],
  ["s = '''a\nb'''", false],
  ["'ab\\'(", false],
  ["x = 1 + \\", true],
  ["x = '\\\\'", false],
];

for (const [src, want] of cases) {
  test(JSON.stringify(src), () => {
    assert.equal(cont(src), want);
  });
}
