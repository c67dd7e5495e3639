import { tiePoints } from "../recommend/chooseConfig.js";
import type { HalvingOptions } from "./successiveHalving.js";

type Policy = Pick<HalvingOptions<unknown>, "eta" | "minSurvivors" | "margin" | "mustBeatWithoutLearningBy">;

/**
 * How learning arms are cut. "search" (the Advisor): successive halving's defaults, and an arm that cannot
 * beat the best setup without learning by the recommendation's tie stops, since it could never be chosen.
 * "sweep" (the benchmark's reference): every arm learns to every rung, nothing is cut.
 */
export function halvingPolicy(mode: "search" | "sweep"): Policy {
    return mode === "sweep"
        ? { eta: 1, minSurvivors: Number.POSITIVE_INFINITY, margin: Number.POSITIVE_INFINITY }
        : { mustBeatWithoutLearningBy: tiePoints };
}
