import type { Migration } from "../Migration.js";
import { migration001 } from "./001_chats_and_models.js";

/** Every migration, in order. Add a file per version; never edit one that has shipped. */
export const migrations: readonly Migration[] = [migration001];
