import { fail, type LocusBridge, type Result, type Transport } from "@common/contract";

/** Electron: the preload bridge already speaks the contract; this only turns a rejection into data. */
export function createBridgeTransport(bridge: LocusBridge): Transport {
    return {
        async invoke(method: string, args: unknown): Promise<Result<unknown>> {
            try {
                return await bridge.invoke(method, args);
            } catch (error) {
                const reason = error instanceof Error ? error.message : String(error);
                return fail({ kind: "internal", message: `Locus could not complete ${method}: ${reason}` });
            }
        },
        subscribe: (listener) => bridge.subscribe(listener)
    };
}
