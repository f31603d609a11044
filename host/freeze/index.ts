/**
 * The firmware tools as a library (build/firmware.mjs): manifests, images,
 * board profiles and the freeze benchmark, for tests and JS callers.
 */
export { buildFirmware, buildRom, FirmwareError } from "./firmware";
export type { FrozenItem, FirmwareOptions, FirmwareBoard } from "./firmware";
export { readManifest, ManifestError } from "./manifest";
export type { ManifestEntry, ManifestOptions } from "./manifest";
export { findBoard, BOARDS } from "../boards";
export type { BoardProfile } from "../boards";
export { runBenchRecords, readSubject, formatTable, renderSvg, VARIANTS } from "./bench";
export type { BenchRecord, Variant } from "./bench";
