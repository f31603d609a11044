#!/usr/bin/env node
// The mpy-wasm-freeze command (see host/cli/freeze.ts): firmware images from manifests, and the freeze benchmark.
import "../build/freeze.mjs";
