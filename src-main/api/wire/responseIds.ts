import { randomBytes } from "node:crypto";

/** An id in OpenAI's style, e.g. `chatcmpl-…`. */
export function responseId(prefix: "chatcmpl" | "cmpl"): string {
    return `${prefix}-${randomBytes(15).toString("base64url")}`;
}

export function unixSeconds(ms = Date.now()): number {
    return Math.floor(ms / 1000);
}
