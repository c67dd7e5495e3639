import type { EventMessage, EventName, Events } from "@common/contract/events.js";

type Listener = (message: EventMessage) => void;

/** Fans service events out to every connected front end (Electron window, browser tabs, CLI). */
export class EventHub {
    readonly #listeners = new Set<Listener>();

    emit<E extends EventName>(event: E, payload: Events[E]): void {
        const message = { event, payload } as EventMessage;
        for (const listener of this.#listeners) {
            try {
                listener(message);
            } catch (error) {
                console.error(`Locus: an event listener failed on ${event}:`, error);
            }
        }
    }

    subscribe(listener: Listener): () => void {
        this.#listeners.add(listener);
        return () => this.#listeners.delete(listener);
    }
}
