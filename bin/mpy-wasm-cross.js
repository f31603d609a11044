#!/usr/bin/env node
// The mpy-wasm-cross command (see host/cli/mpycross.ts): MicroPython's mpy-cross, on our compiler.
import "../build/mpycross.mjs";
