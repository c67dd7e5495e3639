import type { ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import type { HubFaults, ServedRequest } from "./fakeHubTypes.js";

export type BodyContext = {
    faults: HubFaults;
    /** Whether faults meant for data requests (drop, stall) apply to this response. */
    dataRequest: boolean;
    record: ServedRequest;
    /** Called when a one-shot fault fired, so the hub stops injecting it. */
    consumeDrop: () => void;
    /** A stalled response is parked here until the hub heals or stops. */
    park: (response: ServerResponse) => void;
};

const sliceBytes = (throttled: boolean) => (throttled ? 64 * 1024 : 256 * 1024);

/** Resolves when the socket takes more data or the response is gone, leaving no listener behind. */
function drainedOrClosed(response: ServerResponse): Promise<void> {
    return new Promise((resolve) => {
        const done = () => {
            response.off("drain", done).off("close", done);
            resolve();
        };
        response.on("drain", done).on("close", done);
    });
}

/** Sends bytes [start, end) of `file`, applying the hub's faults, and counts what reached the socket. */
export async function writeBody(response: ServerResponse, file: Buffer, start: number, end: number, context: BodyContext): Promise<void> {
    const { faults, dataRequest, record } = context;
    const stallAt = dataRequest ? faults.stallAtOffset : undefined;
    const dropAt = dataRequest ? faults.dropAtOffset : undefined;
    let offset = start;
    while (offset < end) {
        if (response.destroyed) return;
        if (stallAt != null && offset >= stallAt) return context.park(response);
        if (dropAt != null && offset >= dropAt) {
            context.consumeDrop();
            response.socket?.destroy();
            return;
        }
        let sliceEnd = Math.min(end, offset + sliceBytes(faults.bytesPerSecond != null));
        for (const limit of [stallAt, dropAt]) if (limit != null && limit > offset) sliceEnd = Math.min(sliceEnd, limit);

        let slice = file.subarray(offset, sliceEnd);
        const flip = faults.flipByteAt;
        if (flip != null && flip >= offset && flip < sliceEnd) {
            slice = Buffer.from(slice);
            slice[flip - offset] = slice[flip - offset]! ^ 0xff;
        }
        const flushed = response.write(slice);
        record.bytesSent += slice.length;
        offset = sliceEnd;
        if (!flushed) await drainedOrClosed(response);
        if (faults.bytesPerSecond != null) await sleep((slice.length / faults.bytesPerSecond) * 1000);
    }
    response.end();
}
