export { activeBranch } from "./activeBranch.js";
export { ancestors } from "./ancestors.js";
export { childrenByParent } from "./childrenByParent.js";
export { planPairDeletion, type PairDeletion } from "./planPairDeletion.js";
export type { BranchStep, TreeNode } from "./types.js";
