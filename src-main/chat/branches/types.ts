/** What the branch logic needs of a stored message: its place in the tree and when it was chosen. */
export type TreeNode = {
    id: string;
    parentId: string | null;
    role: "user" | "assistant";
    /** Order of writing; versions are listed in it. */
    seq: number;
    /** When this version was last chosen (created, regenerated, switched to): the latest wins. */
    chosenAt: number;
};

/** A message on the branch shown, with its versions (itself included, oldest first). */
export type BranchStep<T extends TreeNode> = { message: T; versions: string[] };
