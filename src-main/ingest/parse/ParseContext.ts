import type { NestedParser } from "./email/NestedParser.js";
import type { ParseProgress } from "./parseSchemas.js";

/** What a format's reader may use beyond its file: reading files found inside it, and reporting long work. */
export interface ParseContext {
    parseNested: NestedParser;
    /** Scanned pages read so far; each report also restarts the parser's time limit (see ParseLimits.timeoutMs). */
    reportProgress: (progress: ParseProgress) => void;
}
