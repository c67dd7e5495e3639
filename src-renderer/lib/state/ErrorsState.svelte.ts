import type { ErrorInfo, Result } from "@common/contract";
import { isConnectionError } from "../transport/index.js";

export type ErrorNotice = { id: number; message: string };

/** At most this many banners at once; older ones give way to newer. */
const maxNotices = 4;

/** Errors the person should see until they dismiss them. The app keeps working meanwhile. */
export class ErrorsState {
    items = $state<ErrorNotice[]>([]);
    #nextId = 1;

    report(error: ErrorInfo | string): void {
        // A lost or refused connection has its own banner; one per failed call would only repeat it.
        if (typeof error !== "string" && isConnectionError(error)) return;
        const message = typeof error === "string" ? error : error.message;
        // The same failure reported twice (a call's result and a status event) shows once.
        if (this.items.some((notice) => notice.message === message)) return;
        this.items = [...this.items, { id: this.#nextId++, message }].slice(-maxNotices);
    }

    dismiss(id: number): void {
        this.items = this.items.filter((notice) => notice.id !== id);
    }

    /** The value of a successful result; reports a failure and returns undefined. */
    unwrap<T>(result: Result<T>): T | undefined {
        if (result.ok) return result.value;
        this.report(result.error);
        return undefined;
    }
}
