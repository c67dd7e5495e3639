import { createHash } from "node:crypto";

/** Longer Message-IDs (hostile or broken) are hashed, so a key stays short. */
const maxIdLength = 200;

/**
 * Gives each message of a mailbox a key that survives edits of the mailbox around it (messages added
 * or removed elsewhere): its Message-ID, or a hash of its bytes when it has none. Different messages
 * sharing one Message-ID (a broken client, a forged header) get "#2", "#3" in mailbox order; a message
 * saved twice, byte for byte, is recognised as a repeat and left out.
 */
export class MessageKeys {
    readonly #seen = new Map<string, Set<string>>();

    /** The message's key and content hash, or null when the very same message came earlier. */
    next(messageId: string, bytes: Buffer): { key: string; contentHash: string } | null {
        const contentHash = createHash("sha256").update(bytes).digest("hex");
        const base = messageId === "" ? `sha256:${contentHash.slice(0, 32)}`
            : messageId.length > maxIdLength ? `id-sha256:${createHash("sha256").update(messageId).digest("hex").slice(0, 32)}` : messageId;
        const hashes = this.#seen.get(base) ?? new Set<string>();
        if (hashes.has(contentHash)) return null;
        hashes.add(contentHash);
        this.#seen.set(base, hashes);
        return { key: hashes.size === 1 ? base : `${base}#${String(hashes.size)}`, contentHash };
    }
}
