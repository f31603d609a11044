/** The JS embedding API (names of MicroPython's WebAssembly port). */
export { loadCore } from "./loader";
