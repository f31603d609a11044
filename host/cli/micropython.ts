/**
 * The `mpy-wasm` command, compatible with MicroPython's unix port:
 *   mpy-wasm [-c CMD | -m MODULE | FILE] [ARGS]
 */
import { loadCore } from "../loader";

const core = loadCore();
if (core.exports.mp_init(1024 * 1024, 256 * 1024) !== 0) {
  process.stderr.write("mpy-wasm: cannot allocate the heap\n");
  process.exit(1);
}
core.exports.mp_hello();
