/** Parses "256k", "2M", "1000", "64wK" (w = words of 4 bytes) as the unix port's -X heapsize does; null if malformed. */
export function parseSize(s: string): number | null {
  const m = /^(0x[0-9a-fA-F]+|\d+)(w?)([kKmM]?)$/.exec(s);
  if (!m) return null;
  let n = Number(m[1]);
  if (m[2]) n *= 4;
  if (m[3] === "k" || m[3] === "K") n *= 1024;
  if (m[3] === "m" || m[3] === "M") n *= 1024 * 1024;
  return n;
}
