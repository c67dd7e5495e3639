import net from "node:net";

/** Whether an address (as given to listen) only accepts connections from this computer. */
export function isLoopbackAddress(address: string): boolean {
    if (address === "localhost") return true;
    if (net.isIPv4(address)) return address.startsWith("127.");
    return address === "::1";
}
