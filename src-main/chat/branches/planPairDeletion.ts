import { childrenByParent } from "./childrenByParent.js";
import type { TreeNode } from "./types.js";

/** What deleting a question-answer pair changes: messages removed, and messages that move up to the pair's parent. */
export type PairDeletion = {
    remove: string[];
    reattach: string[];
    to: string | null;
    /** The reattached message that was shown; chosen again so the conversation still shows it where the pair was. */
    chosen: string | null;
};

/**
 * Deleting a pair (given the question or one of its answers) removes the question, that answer and the
 * question's other answers with everything that follows them; what followed the chosen answer (`answerId`,
 * else the answer chosen last) stays, moved up to the question's parent, so the conversation goes on
 * without the pair. Returns null when `messageId` is not in the chat.
 */
export function planPairDeletion<T extends TreeNode>(messages: readonly T[], messageId: string): PairDeletion | null {
    const byId = new Map(messages.map((message) => [message.id, message]));
    const target = byId.get(messageId);
    if (target === undefined) return null;
    const question = target.role === "user" ? target : target.parentId == null ? undefined : byId.get(target.parentId);
    const children = childrenByParent(messages);
    if (question === undefined || question.role !== "user") {
        // An answer with no question (a damaged chat): remove the answer alone, keeping what follows it.
        const next = children.get(target.id) ?? [];
        return { remove: [target.id], reattach: next.map((node) => node.id), to: target.parentId, chosen: latest(next)?.id ?? null };
    }
    const answers = children.get(question.id) ?? [];
    const kept = target.role === "assistant" ? target : latest(answers);
    const next = kept === undefined ? [] : (children.get(kept.id) ?? []);
    const reattach = next.map((node) => node.id);
    const remove: string[] = [question.id];
    const stack = answers.map((node) => node.id);
    const keep = new Set(reattach);
    while (stack.length > 0) {
        const id = stack.pop()!;
        if (keep.has(id)) continue;
        remove.push(id);
        for (const child of children.get(id) ?? []) stack.push(child.id);
    }
    return { remove, reattach, to: question.parentId, chosen: latest(next)?.id ?? null };
}

function latest<T extends TreeNode>(nodes: readonly T[]): T | undefined {
    return nodes.reduce<T | undefined>((best, node) =>
        best === undefined || node.chosenAt > best.chosenAt || (node.chosenAt === best.chosenAt && node.seq > best.seq) ? node : best, undefined);
}
