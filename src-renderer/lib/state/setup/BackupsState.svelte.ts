import type { BackupInfo, LocusApi } from "@common/contract";

/** Settings > Backups: the copies of the library kept in the data folder, a backup on request, and a restore. */
export class BackupsState {
    readonly #api: LocusApi;

    backups = $state.raw<BackupInfo[]>([]);
    busy = $state(false);
    problem = $state<string | null>(null);
    /** The backup the person asked to restore, waiting for confirmation. */
    confirming = $state<string | null>(null);
    /** What happened, in words, after a backup or a restore. */
    notice = $state<string | null>(null);

    constructor(api: LocusApi) {
        this.#api = api;
    }

    async load(): Promise<void> {
        this.confirming = null;
        this.notice = null;
        const result = await this.#api.backups.list({});
        if (result.ok) {
            this.backups = result.value;
            this.problem = null;
        } else this.problem = result.error.message;
    }

    async backUpNow(): Promise<void> {
        await this.#run(async () => {
            const result = await this.#api.backups.create({});
            if (!result.ok) return result.error.message;
            this.notice = "Backed up.";
            await this.#refresh();
            return null;
        });
    }

    async restore(backupId: string): Promise<void> {
        this.confirming = null;
        await this.#run(async () => {
            const result = await this.#api.backups.restore({ backupId });
            if (!result.ok) return result.error.message;
            this.notice = result.value.restart === "now"
                ? "Locus is restarting with the restored library…"
                : "The backup will be restored when Locus next starts: quit Locus and start it again.";
            await this.#refresh();
            return null;
        });
    }

    async #refresh(): Promise<void> {
        const result = await this.#api.backups.list({});
        if (result.ok) this.backups = result.value;
    }

    async #run(work: () => Promise<string | null>): Promise<void> {
        this.busy = true;
        this.problem = null;
        this.notice = null;
        try {
            this.problem = await work();
        } finally {
            this.busy = false;
        }
    }
}
