import type { MethodName } from "./methods.js";

/**
 * The contract's method names as plain data, so front ends can build the typed client without
 * bundling the schema library; the types below fail to compile if this list and `methods` drift apart.
 */
export const methodNames = [
    "app.info",
    "models.list", "models.addWithDialog", "models.addFromPath", "models.remove", "models.load", "models.unload", "models.status",
    "setup.hardware", "setup.catalog", "setup.fit", "setup.recommend",
    "settings.get", "settings.update",
    "downloads.list", "downloads.start", "downloads.pause", "downloads.resume", "downloads.cancel",
    "library.list", "library.addWithDialog", "library.addPaths", "library.remove", "library.reindex", "library.cancel",
    "library.progress", "library.source", "library.openFile", "library.setCollection", "library.messages",
    "collections.list", "collections.create", "collections.rename", "collections.delete",
    "chats.list", "chats.create", "chats.get", "chats.rename", "chats.delete", "chats.send", "chats.stop",
    "chats.regenerate", "chats.edit", "chats.switchVersion", "chats.deletePair", "chats.configure", "chats.samplingDefaults", "chats.search",
    "chats.export", "attachments.begin", "attachments.chunk", "attachments.finish", "attachments.cancel",
    "training.status", "training.start", "training.cancel", "training.pairsWithDialog", "training.pairsFromPath",
    "adapters.list", "adapters.activate", "adapters.deactivate", "adapters.setScale", "adapters.rename", "adapters.remove",
    "api.status", "api.configure", "api.rotateToken",
    "remote.get", "remote.configure", "remote.check",
    "advisor.status", "advisor.list", "advisor.start", "advisor.cancel", "advisor.apply", "advisor.remove",
    "backups.list", "backups.create", "backups.restore"
] as const satisfies readonly MethodName[];

type Missing = Exclude<MethodName, (typeof methodNames)[number]>;
const everyMethodListed: [Missing] extends [never] ? true : Missing = true;
void everyMethodListed;
