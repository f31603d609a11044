/**
 * The interactive REPL of the CLI on a terminal, as the unix port's simple
 * REPL: a banner, ">>> " and "... " prompts, continuation lines until the
 * input is complete, Ctrl-D (end of input) to exit. Line editing and history
 * come from node's readline.
 */
import * as readline from "node:readline";
import { Runtime, FORCED_EXIT } from "../runtime";

export const BANNER = "MicroPython (mpy-wasm) on wasm32; node with mpy-wasm\nUse Ctrl-D to exit, Ctrl-E for paste mode\n";

export async function runRepl(rt: Runtime): Promise<number> {
  process.stdout.write(BANNER);
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const lines = rl[Symbol.asyncIterator]();
  const ask = async (prompt: string): Promise<string | null> => {
    rl.setPrompt(prompt);
    rl.prompt();
    const r = await lines.next();
    return r.done ? null : r.value;
  };
  try {
    for (;;) {
      let line = await ask(">>> ");
      if (line === null) {
        process.stdout.write("\n");
        return 0;
      }
      while (rt.replContinue(line)) {
        const more = await ask("... ");
        if (more === null) break;
        line += "\n" + more;
      }
      const ret = rt.execString(line, "<stdin>", "single");
      if (ret & FORCED_EXIT) return ret & 0xff;
    }
  } finally {
    rl.close();
  }
}
