import { isEventName, type Result, type WireResponse } from "@common/contract";

/** A message from the browser host's socket, or null when it is not one we understand. */
export function parseWireResponse(data: unknown): WireResponse | null {
    if (typeof data !== "string") return null;
    let message: unknown;
    try {
        message = JSON.parse(data);
    } catch {
        return null;
    }
    if (!isRecord(message)) return null;
    if (message.type === "result" && typeof message.id === "number" && isResult(message.result)) {
        return { type: "result", id: message.id, result: message.result };
    }
    if (message.type === "event" && isEventName(message.event)) {
        return { type: "event", event: message.event, payload: message.payload } as WireResponse;
    }
    return null;
}

function isResult(value: unknown): value is Result<unknown> {
    if (!isRecord(value)) return false;
    if (value.ok === true) return true;
    return value.ok === false && isRecord(value.error) && typeof value.error.message === "string";
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null;
}
