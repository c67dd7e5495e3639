import iconv from "iconv-lite";
import { detectEncoding } from "./detectEncoding.js";

/** A whole file's bytes as text, in the encoding its first bytes suggest (byte-order mark removed). */
export function decodeText(head: Uint8Array, bytes: Buffer): string {
    const encoding = detectEncoding(head);
    return iconv.decode(bytes, encoding === "binary" ? "utf-8" : encoding);
}
