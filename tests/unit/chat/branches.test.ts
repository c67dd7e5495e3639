import { describe, expect, it } from "vitest";
import { activeBranch, ancestors, planPairDeletion, type TreeNode } from "../../../src-main/chat/branches/index.js";

let seq = 0;
function node(id: string, parentId: string | null, role: TreeNode["role"], chosenAt = ++seq): TreeNode {
    return { id, parentId, role, seq: ++seq, chosenAt };
}

/** q1 -> a1 -> q2 -> a2, then a1 regenerated as a1b (chosen), and q2 edited as q2b under a1 (older than a1b). */
function tree(): TreeNode[] {
    seq = 0;
    const q1 = node("q1", null, "user");
    const a1 = node("a1", "q1", "assistant");
    const q2 = node("q2", "a1", "user");
    const a2 = node("a2", "q2", "assistant");
    const q2b = node("q2b", "a1", "user");
    const a2b = node("a2b", "q2b", "assistant");
    const a1b = node("a1b", "q1", "assistant");
    return [q1, a1, q2, a2, q2b, a2b, a1b];
}

const ids = (steps: ReturnType<typeof activeBranch>) => steps.map((step) => step.message.id);

describe("chat branches", () => {
    it("shows a straight conversation in order, each message with one version", () => {
        seq = 0;
        const messages = [node("q1", null, "user"), node("a1", "q1", "assistant"), node("q2", "a1", "user")];
        const branch = activeBranch(messages);
        expect(ids(branch)).toEqual(["q1", "a1", "q2"]);
        expect(branch.map((step) => step.versions)).toEqual([["q1"], ["a1"], ["q2"]]);
    });

    it("after a regenerate shows the new answer, listing both versions oldest first", () => {
        const branch = activeBranch(tree());
        expect(ids(branch)).toEqual(["q1", "a1b"]);
        expect(branch[1]!.versions).toEqual(["a1", "a1b"]);
    });

    it("switching back to the old answer brings back the branch that followed it, its latest question version included", () => {
        const messages = tree().map((m) => (m.id === "a1" ? { ...m, chosenAt: 100 } : m));
        const branch = activeBranch(messages);
        expect(ids(branch)).toEqual(["q1", "a1", "q2b", "a2b"]);
        expect(branch[2]!.versions).toEqual(["q2", "q2b"]);
        const older = messages.map((m) => (m.id === "q2" ? { ...m, chosenAt: 101 } : m));
        expect(ids(activeBranch(older))).toEqual(["q1", "a1", "q2", "a2"]);
    });

    it("gives the history an answer is made from, whatever version is shown", () => {
        expect(ancestors(tree(), "a2b").map((m) => m.id)).toEqual(["q1", "a1", "q2b", "a2b"]);
        expect(ancestors(tree(), "missing")).toEqual([]);
    });

    it("treats a message whose parent is gone as a first question instead of losing it", () => {
        seq = 0;
        const branch = activeBranch([node("orphan", "deleted", "user"), node("reply", "orphan", "assistant")]);
        expect(ids(branch)).toEqual(["orphan", "reply"]);
    });

    it("deleting a pair removes the question and all its answers, keeps what followed the chosen answer and moves it up", () => {
        const messages = tree().map((m) => (m.id === "a1" ? { ...m, chosenAt: 100 } : m));
        const plan = planPairDeletion(messages, "q1")!;
        expect(plan.remove.sort()).toEqual(["a1", "a1b", "q1"]);
        expect(plan.reattach).toEqual(["q2", "q2b"]);
        expect(plan.to).toBeNull();
        expect(plan.chosen).toBe("q2b");
    });

    it("deleting a pair by its answer keeps what followed that answer, even when another version is shown", () => {
        const plan = planPairDeletion(tree(), "a1")!;
        expect(plan.remove.sort()).toEqual(["a1", "a1b", "q1"]);
        expect(plan.reattach).toEqual(["q2", "q2b"]);
    });

    it("deleting a pair in the middle joins the messages before and after it", () => {
        const plan = planPairDeletion(tree(), "q2b")!;
        expect(plan.remove.sort()).toEqual(["a2b", "q2b"]);
        expect(plan.reattach).toEqual([]);
        expect(plan.to).toBe("a1");
        expect(planPairDeletion(tree(), "nope")).toBeNull();
    });
});
