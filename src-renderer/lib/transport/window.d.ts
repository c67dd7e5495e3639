import type { LocusBridge } from "@common/contract";

declare global {
    interface Window {
        /** Present only in Electron, where the preload provides it; absent in the browser host. */
        readonly locusBridge?: LocusBridge;
    }
}

export {};
