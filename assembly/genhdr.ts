// Re-exports the generated headers (build/genhdr/, made by `npm run gen`).
export * from "../build/genhdr/qstrdefs.generated";
