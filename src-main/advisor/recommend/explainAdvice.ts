import type { AdvisorConfig, AdvisorLevel, AdvisorMethod, AdvisorRecommendation } from "@common/contract/advisorTypes.js";
import { chooseConfig } from "./chooseConfig.js";

const methodWords: Record<AdvisorMethod, string> = {
    none: "answering without them", rag: "searching them (RAG)", lora: "learning them", "rag+lora": "searching and learning them"
};
const levelWords: Record<AdvisorLevel, string> = { easy: "facts worded as in your documents", medium: "the same facts asked in other words", hard: "questions needing two facts" };

/**
 * The recommendation in plain words, tied to the factors measured, and where this library agrees or
 * disagrees with the findings Locus's defaults rest on (Qin et al. 2024; Ovadia et al. 2024; Salemi & Zamani
 * 2024; Gekhman et al. 2024). Points are how readily the model gives the right answer, out of 100.
 */
export function explainAdvice(configs: readonly AdvisorConfig[]): AdvisorRecommendation | null {
    const chosen = chooseConfig(configs);
    if (chosen == null) return null;
    const best = (filter: (c: AdvisorConfig) => boolean) => configs.filter(filter).reduce<AdvisorConfig | null>((top, c) => (top == null || c.quality.points > top.quality.points ? c : top), null);
    const byMethod = (method: AdvisorMethod) => best((c) => c.method === method && !c.forgetting?.flagged);
    const points = (config: AdvisorConfig | null) => (config == null ? "" : String(Math.round(config.quality.points)));
    const learning = (config: AdvisorConfig | null) => (config == null ? "" : ` for ${minutes(config.learningSeconds)}`);

    const parts = (["rag", "lora", "rag+lora", "none"] as const)
        .map((method) => [method, byMethod(method)] as const)
        .filter(([, config]) => config != null)
        .map(([method, config], index) => `${methodWords[method]}${method === "lora" || method === "rag+lora" ? learning(config) : ""} ${index === 0 ? "scored " : ""}${points(config)}${index === 0 ? " points out of 100" : ""}`);
    const action = chosen.method === "rag" ? "Locus will search your documents and keep any adapter off"
        : chosen.method === "rag+lora" ? `Locus will search your documents and use the adapter learned in ${minutes(chosen.learningSeconds)}`
            : chosen.method === "lora" ? `Locus will use the adapter learned in ${minutes(chosen.learningSeconds)} and answer without searching`
                : "Locus will answer without searching your documents or learning them";
    const model = `${chosen.modelName}${chosen.compression === "original" ? "" : ` in a smaller ${chosen.compression} copy`}`;
    const summary = `On your documents, ${joinWords(parts)}. ${action}, with ${model}.`;

    const findings: string[] = [];
    const levels: AdvisorLevel[] = ["easy", "medium", "hard"];
    const bestPerLevel = levels.map((level) => {
        const top = configs.filter((c) => !c.forgetting?.flagged).reduce<AdvisorConfig | null>((t, c) => (t == null || c.perLevel[level].points > t.perLevel[level].points ? c : t), null);
        return [level, top?.method ?? null] as const;
    });
    const methods = new Set(bestPerLevel.map(([, method]) => method));
    findings.push(methods.size > 1
        ? `The best method depended on the question, as Qin et al. found: ${bestPerLevel.map(([level, method]) => `${method == null ? "" : methodWords[method]} for ${levelWords[level]}`).join("; ")}.`
        : `One method was best at every difficulty on your documents (${methodWords[[...methods][0] ?? "rag"]}); Qin et al. found the best method depends on task difficulty.`);

    const rag = byMethod("rag");
    const lora = byMethod("lora");
    if (rag != null && lora != null) {
        const gap = rag.quality.points - lora.quality.points;
        findings.push(gap >= 0
            ? `Searching beat learning by ${String(Math.round(gap))} points, as on new facts elsewhere (Ovadia et al.: RAG 0.88 against fine-tuning 0.50-0.59).`
            : `Learning beat searching by ${String(Math.round(-gap))} points on your documents, unlike on new facts elsewhere (Ovadia et al.: RAG 0.88 against fine-tuning 0.50-0.59).`);
    }
    const both = byMethod("rag+lora");
    if (rag != null && both != null) {
        const gain = both.quality.points - rag.quality.points;
        findings.push(`Learning on top of searching changed the score by ${signed(gain)} points (Salemi & Zamani found about one point over search alone).`);
    }
    const curve = longestCurve(configs);
    if (curve.length >= 3) {
        const peak = curve.reduce((top, c) => (c.quality.points > top.quality.points ? c : top));
        const last = curve.at(-1)!;
        findings.push(peak !== last && peak.quality.points - last.quality.points >= 1
            ? `Learning longer did not help: ${methodWords[peak.method]} peaked after ${minutes(peak.learningSeconds)} and lost ${String(Math.round(peak.quality.points - last.quality.points))} points by ${minutes(last.learningSeconds)}, as Qin et al. and Gekhman et al. found.`
            : `Each extra minute of learning helped up to ${minutes(last.learningSeconds)}, the longest measured; Qin et al. found longer is not always better.`);
    }
    const original = best((c) => c.compression === "original" && !c.forgetting?.flagged);
    const smaller = best((c) => c.compression !== "original" && !c.forgetting?.flagged);
    if (original != null && smaller != null) {
        const difference = smaller.quality.points - original.quality.points;
        findings.push(difference >= -0.5
            ? `The smaller ${smaller.compression} copy did as well or better (${signed(difference)} points), as Qin et al. found a compressed model can with little personal data.`
            : `The smaller ${smaller.compression} copy lost ${String(Math.round(-difference))} points: compression cost quality on your documents.`);
    }
    const flagged = configs.filter((c) => c.forgetting?.flagged);
    if (flagged.length > 0)
        findings.push(`${String(flagged.length)} learned setups made ordinary prose markedly harder for the model (forgetting) and were not considered.`);
    return { configKey: chosen.key, method: chosen.method, summary, findings };
}

/** The measured points of the learning method and arm with the most learning times, in time order. */
function longestCurve(configs: readonly AdvisorConfig[]): AdvisorConfig[] {
    const curves = new Map<string, AdvisorConfig[]>();
    for (const config of configs) {
        if (config.method !== "lora" && config.method !== "rag+lora") continue;
        const key = `${config.modelId}|${config.compression}|${config.method}|${String(config.dataFraction)}`;
        curves.set(key, [...(curves.get(key) ?? []), config]);
    }
    const longest = [...curves.values()].sort((a, b) => b.length - a.length || Math.max(...b.map((c) => c.quality.points)) - Math.max(...a.map((c) => c.quality.points)))[0] ?? [];
    return [...longest].sort((a, b) => a.learningSeconds - b.learningSeconds);
}

function minutes(seconds: number): string {
    return seconds < 90 ? `${String(Math.round(seconds))} seconds` : `${String(Math.round(seconds / 60))} minutes`;
}

function signed(value: number): string {
    const rounded = Math.round(value * 10) / 10;
    return rounded > 0 ? `+${String(rounded)}` : String(rounded);
}

function joinWords(parts: readonly string[]): string {
    return parts.length <= 1 ? parts.join("") : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)!}`;
}
