import type { Migration } from "../Migration.js";
import { migration001 } from "./001_chats_and_models.js";
import { migration002 } from "./002_library.js";
import { migration003 } from "./003_downloads.js";
import { migration004 } from "./004_settings.js";
import { migration005 } from "./005_message_citations.js";
import { migration006 } from "./006_model_roles.js";
import { migration007 } from "./007_cjk_keyword_search.js";
import { migration008 } from "./008_adapters.js";
import { migration009 } from "./009_model_hashes.js";
import { migration010 } from "./010_advisor_runs.js";
import { migration011 } from "./011_library_scale.js";
import { migration012 } from "./012_chat_branches_and_search.js";
import { migration013 } from "./013_document_parts.js";

/** Every migration, in order. Add a file per version; never edit one that has shipped. */
export const migrations: readonly Migration[] = [
    migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration009, migration010, migration011,
    migration012, migration013
];
