import type { LatencyPreference, TaskDifficulty } from "@common/setup/types.js";

/** One answer the wizard offers, in the person's words. */
export type GoalOption<T> = { value: T; label: string; hint: string };

export const difficultyOptions: readonly GoalOption<TaskDifficulty>[] = [
    { value: "find-facts", label: "Find facts in my documents", hint: "Short answers, with the passage each one comes from." },
    { value: "summarize-compare", label: "Summarize and compare documents", hint: "Reading across several documents and pulling them together." },
    { value: "domain-reasoning", label: "Write or reason in my own field", hint: "Drafting and thinking in the language of your work." }
];

export const budgetOptions: readonly GoalOption<number>[] = [
    { value: 0, label: "None", hint: "Just look things up in your documents." },
    { value: 10, label: "10 minutes", hint: "A short training run." },
    { value: 30, label: "30 minutes", hint: "Enough for a few hundred pages." },
    { value: 60, label: "1 hour", hint: "For a large collection." },
    { value: 120, label: "2 hours", hint: "Worth it only with many documents." }
];

export const latencyOptions: readonly GoalOption<LatencyPreference>[] = [
    { value: "fast", label: "Fast", hint: "Answers start quickly; a smaller model." },
    { value: "balanced", label: "Balanced", hint: "A good answer without a long wait." },
    { value: "quality", label: "Best quality", hint: "A larger model; you wait longer for each answer." }
];
