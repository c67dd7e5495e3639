import type { TreeNode } from "./types.js";

/** The messages from the chat's first question down to `id`, inclusive: what a model sees before answering there. */
export function ancestors<T extends TreeNode>(messages: readonly T[], id: string): T[] {
    const byId = new Map(messages.map((message) => [message.id, message]));
    const path: T[] = [];
    const seen = new Set<string>();
    let node = byId.get(id);
    while (node !== undefined && !seen.has(node.id)) {
        seen.add(node.id);
        path.push(node);
        node = node.parentId == null ? undefined : byId.get(node.parentId);
    }
    return path.reverse();
}
