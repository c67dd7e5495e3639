import { describeConnection, type ConnectionStatus, type LocusConnection } from "../transport/index.js";

/** The link to the services, as reactive state for the banner. */
export class ConnectionState {
    status = $state<ConnectionStatus>("connecting");
    readonly problem = $derived(describeConnection(this.status));
    readonly open = $derived(this.status === "open");

    constructor(connection: LocusConnection) {
        this.status = connection.status;
        connection.onStatus((status) => {
            this.status = status;
        });
    }
}
