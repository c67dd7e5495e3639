import type { ChatMessage } from "@common/contract/types.js";
import type { StoredMessage } from "../store/MessageRepository.js";
import { activeBranch } from "./branches/activeBranch.js";

/** The messages a chat shows (its chosen branch), each with its versions when it has more than one. */
export function branchMessages(all: readonly StoredMessage[]): ChatMessage[] {
    return activeBranch(all).map(({ message, versions }) => toChatMessage(message, versions));
}

/** A stored message as the renderer gets it: its tree bookkeeping left out, its versions listed when there are several. */
export function toChatMessage(message: StoredMessage, versions: readonly string[]): ChatMessage {
    const { seq: _seq, chosenAt: _chosenAt, ...shown } = message;
    return { ...shown, ...(versions.length > 1 ? { versions: [...versions] } : {}) };
}
