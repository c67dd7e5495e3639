import type { TreeNode } from "./types.js";

/** Each message's children (versions of the next step), oldest first; the key null holds the first questions. */
export function childrenByParent<T extends TreeNode>(messages: readonly T[]): Map<string | null, T[]> {
    const ids = new Set(messages.map((message) => message.id));
    const children = new Map<string | null, T[]>();
    for (const message of [...messages].sort((a, b) => a.seq - b.seq)) {
        // A parent that no longer exists makes its children first questions, so nothing becomes unreachable.
        const parent = message.parentId != null && ids.has(message.parentId) ? message.parentId : null;
        const list = children.get(parent);
        if (list) list.push(message);
        else children.set(parent, [message]);
    }
    return children;
}
