// The whole Python behaviour suite again in GC stress mode: a collection
// before every allocation (-X gcstress) on a 256 KiB heap, which turns any
// object held in an unscanned place (a wasm local) across an allocation into
// a visible failure.
process.env.MPY_TEST_GCSTRESS = "1";
await import("./python.test.mjs");
