// The benchmarks' shared helpers, one module per concern; import from here.
export * from "./support-core";
export * from "./server";
export * from "./cpu";
export * from "./stats";
