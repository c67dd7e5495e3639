export * from "./result.js";
export * from "./types.js";
// The schemas (and so zod) stay out of this barrel: front ends import only names and types.
export type { MethodInput, MethodName, MethodOutput, Methods, MethodSpec, SendResult } from "./methods.js";
export * from "./methodNames.js";
export * from "./events.js";
export * from "./transport.js";
export * from "./client.js";
export * from "./setupTypes.js";
export * from "./settingsTypes.js";
export * from "./libraryTypes.js";
export * from "./personalizeTypes.js";
export * from "./apiTypes.js";
export * from "./chatTypes.js";
export * from "./advisorTypes.js";
export * from "./backupTypes.js";
