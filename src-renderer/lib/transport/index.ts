export { forgetAccessToken, takeAccessToken, type TokenHome } from "./accessToken.js";
export { connectLocus, type LocusConnection } from "./connectLocus.js";
export {
    describeConnection,
    isConnectionError,
    lostConnectionError,
    missingTokenError,
    unauthorizedError,
    type ConnectionStatus
} from "./connectionStatus.js";
export { createBridgeTransport } from "./createBridgeTransport.js";
export { parseWireResponse } from "./parseWireResponse.js";
export { defaultRetryDelay, SocketTransport, unauthorizedCloseCode, type SocketTransportOptions } from "./SocketTransport.js";
