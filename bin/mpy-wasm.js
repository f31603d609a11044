#!/usr/bin/env node
// The mpy-wasm command (see host/cli/micropython.ts); runs the bundled host.
import "../build/cli.mjs";
