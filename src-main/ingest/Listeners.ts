/** A set of listeners called in turn; one that throws is logged and does not stop the others. */
export class Listeners<T> {
    readonly #listeners = new Set<(value: T) => void>();

    constructor(private readonly name: string) {}

    add(listener: (value: T) => void): () => void {
        this.#listeners.add(listener);
        return () => this.#listeners.delete(listener);
    }

    emit(value: T): void {
        for (const listener of this.#listeners) {
            try {
                listener(value);
            } catch (error) {
                console.error(`Locus: a ${this.name} listener failed:`, error);
            }
        }
    }
}
