/**
 * Why a model file's fit could not be worked out, in words that name the file but never its full path
 * (the renderer only ever sees file names).
 */
export function fitFailureReason(filePath: string, fileName: string, error: unknown): string {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === "ENOENT") return `${fileName} is no longer where it was added. Add it again from its new place.`;
    if (code === "EACCES" || code === "EPERM") return `Locus is not allowed to read ${fileName}. Check the file's permissions.`;
    const message = error instanceof Error ? error.message : String(error);
    const named = message.split(filePath).join(fileName).trim();
    return named === "" ? `${fileName} could not be read.` : named;
}
