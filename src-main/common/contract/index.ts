export * from "./result.js";
export * from "./types.js";
export * from "./methods.js";
export * from "./events.js";
export * from "./transport.js";
export * from "./client.js";
