export * from "./chat/index.js";
export * from "./dialog/index.js";
export * from "./feedback/index.js";
export * from "./library/index.js";
export * from "./models/index.js";
export * from "./personalize/index.js";
export * from "./setup/index.js";
export * from "./sidebar/index.js";
