// as-pect runs the unit tests of core internals (tests/unit/*.spec.ts): the GC,
// qstr pools, long ints. Its abort hook only records, so env.abort throws here
// (see ../shared/TOOLCHAIN.md); host imports of the core are stubbed.
export default {
  entries: ["tests/unit/**/*.spec.ts"],
  include: [],
  disclude: [/node_modules/],
  async instantiate(memory, createImports, instantiate, binary) {
    const mphal = new Proxy(
      {},
      {
        get: (_t, name) =>
          name === "stdout_tx_strn"
            ? () => {}
            : name === "time_s"
              ? () => Date.now() / 1000
              : () => 0,
      },
    );
    const imports = createImports({ env: { memory }, mphal });
    const abort = imports.env.abort;
    imports.env.abort = (...args) => {
      abort(...args);
      throw new Error("abort");
    };
    return instantiate(binary, imports);
  },
  outputBinary: false,
};
