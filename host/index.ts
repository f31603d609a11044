/** The JS embedding API (names of MicroPython's WebAssembly port). */
export { loadCore } from "./loader";
export { Runtime, FORCED_EXIT } from "./runtime";
