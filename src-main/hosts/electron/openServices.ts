import { dialog } from "electron";
import { createServices, type Services, type ServicesOptions } from "../../services/createServices.js";
import { DatabaseDamagedError } from "../../store/backup/DatabaseDamagedError.js";

/**
 * Builds the services; when the library database cannot be read, says so and offers its latest good
 * backup (the damaged file is kept beside it). Null when the person chose to quit.
 */
export async function openServices(options: ServicesOptions): Promise<Services | null> {
    try {
        return await createServices(options);
    } catch (error) {
        if (!(error instanceof DatabaseDamagedError)) throw error;
        const backup = error.latestGood;
        const { response } = await dialog.showMessageBox({
            type: "error", title: "Locus: the library cannot be read", message: "Your library database cannot be read.", detail: error.message,
            buttons: backup === null ? ["Quit"] : [`Restore the backup of ${new Date(backup.createdAt).toLocaleString()}`, "Quit"],
            defaultId: 0, cancelId: backup === null ? 0 : 1, noLink: true
        });
        if (backup === null || response !== 0) return null;
        return createServices({ ...options, restoreBackup: backup.id });
    }
}
