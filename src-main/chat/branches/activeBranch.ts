import { childrenByParent } from "./childrenByParent.js";
import type { BranchStep, TreeNode } from "./types.js";

/**
 * The conversation a chat shows: from its first question, each step takes the version chosen last
 * among the children of the step before (ties: the one written last). A regenerated answer or an edited
 * question is a sibling, so switching versions switches the whole branch that follows.
 */
export function activeBranch<T extends TreeNode>(messages: readonly T[]): BranchStep<T>[] {
    const children = childrenByParent(messages);
    const branch: BranchStep<T>[] = [];
    const seen = new Set<string>();
    let siblings = children.get(null) ?? [];
    while (siblings.length > 0) {
        const chosen = siblings.reduce((best, node) =>
            node.chosenAt > best.chosenAt || (node.chosenAt === best.chosenAt && node.seq > best.seq) ? node : best);
        // A cycle can only come from a damaged database; stop rather than loop.
        if (seen.has(chosen.id)) break;
        seen.add(chosen.id);
        branch.push({ message: chosen, versions: siblings.map((node) => node.id) });
        siblings = children.get(chosen.id) ?? [];
    }
    return branch;
}
