import type { Services } from "../../../src-main/services/createServices.js";
import type { SoakChildConfig, SoakChildLine } from "../soakTypes.js";

/** The app under test as the workloads see it: contract calls, events, and a line to the harness. */
export class ChildApp {
    constructor(readonly services: Services, readonly config: SoakChildConfig) {}

    /** Calls a contract method; a typed error becomes an exception carrying its message. */
    async call<T>(method: string, args: unknown = {}): Promise<T> {
        const answer = await this.services.dispatcher.dispatch(method, args);
        if (!answer.ok) throw new Error(`${method}: ${answer.error.message}`);
        return answer.value as T;
    }

    /** Writes one JSON line to the harness (a pipe: written synchronously, so it is out before a kill). */
    emit(line: SoakChildLine): void {
        process.stdout.write(`${JSON.stringify(line)}\n`);
    }

    problem(workload: string, error: unknown): void {
        this.emit({ t: "problem", workload, message: error instanceof Error ? error.message : String(error) });
    }

    on<T>(event: string, listener: (payload: T) => void): () => void {
        return this.services.events.subscribe((message) => {
            if (message.event === event) listener(message.payload as T);
        });
    }
}
