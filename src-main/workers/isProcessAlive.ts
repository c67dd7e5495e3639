/** A process with this pid exists (one we may not signal counts: it is someone else's, but alive). */
export function isProcessAlive(pid: number): boolean {
    if (pid === process.pid) return true;
    try {
        process.kill(pid, 0);
        return true;
    } catch (error) {
        return (error as NodeJS.ErrnoException).code === "EPERM";
    }
}
