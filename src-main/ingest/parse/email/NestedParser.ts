import type { ParsedDocument } from "../types.js";

/** Parses a file found inside another (an e-mail's attachment) under the same limits; absent when nesting is too deep. */
export type NestedParser = ((filePath: string) => Promise<ParsedDocument>) | undefined;
