import chardet from "chardet";
import iconv from "iconv-lite";

/** What Western "ANSI" and Latin-1 files decode as (Latin-1 is its subset for printable text). */
const westernFallback = "windows-1252";
/** chardet confuses the single-byte code pages easily; below this confidence it is guessing. */
const minConfidence = 50;

/**
 * Guesses the text encoding of a file from its first bytes, or says it is not text at all.
 * Order: byte-order mark; valid UTF-8 (ASCII included); UTF-16 without a mark (every other byte
 * zero); more than a stray NUL byte otherwise means binary; then chardet's guess, with
 * Windows-1252 as the default.
 */
export function detectEncoding(head: Uint8Array): string | "binary" {
    if (startsWith(head, [0xef, 0xbb, 0xbf])) return "utf-8";
    if (startsWith(head, [0xff, 0xfe])) return "utf-16le";
    if (startsWith(head, [0xfe, 0xff])) return "utf-16be";
    // A stray NUL happens in text; binary formats are full of them.
    const binaryLooking = countZeros(head) > head.length / 1000;
    if (!binaryLooking && isValidUtf8Prefix(head)) return "utf-8";
    const utf16 = utf16WithoutBom(head);
    if (utf16 !== undefined) return utf16;
    if (binaryLooking) return "binary";
    const [best] = chardet.analyse(head);
    if (best === undefined || best.confidence < minConfidence) return westernFallback;
    const name = best.name.toLowerCase();
    if (name === "iso-8859-1" || name === "ascii") return westernFallback;
    return iconv.encodingExists(name) ? name : westernFallback;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
    return prefix.every((byte, index) => bytes[index] === byte);
}

function countZeros(bytes: Uint8Array): number {
    let zeros = 0;
    for (const byte of bytes) if (byte === 0) zeros++;
    return zeros;
}

function isValidUtf8Prefix(head: Uint8Array): boolean {
    try {
        // stream: true, so a character cut in two at the end of the sample is not an error.
        new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
        return true;
    } catch {
        return false;
    }
}

function utf16WithoutBom(head: Uint8Array): "utf-16le" | "utf-16be" | undefined {
    const pairs = Math.floor(head.length / 2);
    if (pairs < 2) return undefined;
    let zeroEven = 0;
    let zeroOdd = 0;
    for (let i = 0; i < pairs * 2; i += 2) {
        if (head[i] === 0) zeroEven++;
        if (head[i + 1] === 0) zeroOdd++;
    }
    // Mostly-Latin text in UTF-16 has a zero in one half of almost every pair and none in the other.
    if (zeroOdd > pairs * 0.4 && zeroEven < pairs * 0.05) return "utf-16le";
    if (zeroEven > pairs * 0.4 && zeroOdd < pairs * 0.05) return "utf-16be";
    return undefined;
}
