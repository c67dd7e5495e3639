import type { TrainingPoint } from "@common/contract/personalizeTypes.js";

/**
 * The points of a run's loss chart, at most `maxPoints` however long the run: when full, every other
 * point is dropped (validation points are kept first) and from then on only every `stride`-th step is
 * recorded, so the points stay evenly spread over the whole run.
 */
export class LossCurve {
    #points: TrainingPoint[] = [];
    #stride = 1;

    constructor(private readonly maxPoints = 300) {
        if (maxPoints < 4) throw new RangeError("A loss curve needs room for at least 4 points.");
    }

    get points(): TrainingPoint[] {
        return this.#points.map((point) => ({ ...point }));
    }

    /**
     * Adds the point of a step. `validationLoss` is a validation that ran after the previous step: it is
     * drawn on that step's point when it is the last one kept, else on this one (always kept then).
     */
    add(point: Omit<TrainingPoint, "validationLoss">, validationLoss: number | null): void {
        const last = this.#points.at(-1);
        let own = validationLoss;
        if (own !== null && last !== undefined && last.step === point.step - 1 && last.validationLoss === null) {
            last.validationLoss = own;
            own = null;
        }
        if (own === null && last !== undefined && point.step % this.#stride !== 0) return;
        this.#points.push({ ...point, validationLoss: own });
        if (this.#points.length > this.maxPoints) this.#thin();
    }

    /**
     * The validation that ran after the last step (the run's final check, which no step report carries):
     * drawn on that step's point, or on a new one when thinning dropped it.
     */
    addFinalValidation(point: Omit<TrainingPoint, "validationLoss">, validationLoss: number): void {
        const last = this.#points.at(-1);
        if (last !== undefined && last.step === point.step) {
            last.validationLoss ??= validationLoss;
            return;
        }
        if (last !== undefined && last.step > point.step) return;
        this.#points.push({ ...point, validationLoss });
        if (this.#points.length > this.maxPoints) this.#thin();
    }

    #thin(): void {
        this.#stride *= 2;
        const last = this.#points.length - 1;
        const kept = this.#points.filter((point, i) => i === 0 || i === last || point.step % this.#stride === 0 || point.validationLoss !== null);
        this.#points = kept.length <= this.maxPoints ? kept : kept.filter((_, i) => i === 0 || i === kept.length - 1 || i % 2 === 0);
    }
}
