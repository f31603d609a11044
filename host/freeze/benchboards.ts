/** Board settings the freeze benchmark needs (a shim until host/boards.ts). */
export interface BenchBoard {
  name: string;
  heapBytes: number;
  pystackBytes: number;
}

const BOARDS: Record<string, BenchBoard> = {
  unix: { name: "unix", heapBytes: 1024 * 1024, pystackBytes: 256 * 1024 },
  esp8266: { name: "esp8266", heapBytes: 38 * 1024, pystackBytes: 8 * 1024 },
};

export function resolveBoard(name: string): BenchBoard {
  const b = BOARDS[name];
  if (!b) throw new Error(`unknown board '${name}' (known: ${Object.keys(BOARDS).join(", ")})`);
  return b;
}
