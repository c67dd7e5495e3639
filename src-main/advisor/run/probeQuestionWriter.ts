import type { Llama } from "node-llama-cpp";
import type { ProbeFact } from "../probes/ProbeFact.js";
import { ProbeScorer } from "../score/ProbeScorer.js";
import type { AdvisorDeps } from "./types.js";

/**
 * The chat model asked to put each fact in other words, as a question whose answer is the fact's span.
 * Its questions are checked before use (probes/acceptModelQuestion.ts); a template replaces any that fail.
 */
export async function probeQuestionWriter(llama: Llama, modelPath: string, deps: Pick<AdvisorDeps, "threads" | "gpu">) {
    const scorer = await ProbeScorer.open(llama, modelPath, { threads: deps.threads, contextSize: 1024, gpu: deps.gpu });
    return {
        write: async (fact: ProbeFact): Promise<string | null> => {
            const generated = await scorer.generate(
                "You write quiz questions. Reply with one question only.",
                `Sentence: ${fact.sentence}\nWrite a question about this sentence, in other words, whose answer is "${fact.span.text}". Do not include the answer.`,
                48
            );
            const line = generated.text.split("\n").map((text) => text.trim()).find((text) => text.endsWith("?"));
            return line?.replace(/^(?:question:\s*)/i, "") ?? null;
        },
        dispose: () => scorer.dispose()
    };
}
