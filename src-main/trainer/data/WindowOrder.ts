import { seededRandom } from "./seededRandom.js";

/** Visits every training window once per epoch, in a new seeded random order each epoch. */
export class WindowOrder {
    readonly #count: number;
    readonly #random: () => number;
    #order: number[] = [];
    #position = 0;
    #epoch = 0;

    public constructor(count: number, seed: number) {
        if (!Number.isInteger(count) || count < 1) throw new RangeError("WindowOrder needs at least one window");
        this.#count = count;
        this.#random = seededRandom(seed);
    }

    /** Completed passes over the data. */
    public get epoch(): number {
        return this.#epoch;
    }

    public next(): number {
        if (this.#position === this.#order.length) {
            if (this.#order.length > 0) this.#epoch++;
            this.#order = this.#shuffled();
            this.#position = 0;
        }
        return this.#order[this.#position++] as number;
    }

    #shuffled(): number[] {
        const order = Array.from({ length: this.#count }, (_, index) => index);
        for (let i = order.length - 1; i > 0; i--) {
            const j = Math.floor(this.#random() * (i + 1));
            [order[i], order[j]] = [order[j] as number, order[i] as number];
        }
        return order;
    }
}
