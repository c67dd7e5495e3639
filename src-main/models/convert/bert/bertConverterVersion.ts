/**
 * The BERT converter's output version: raise it whenever a change alters the GGUF it writes, so starter
 * models converted by an older version are converted again at the next `npm run setup`.
 */
export const bertConverterVersion = "1";
