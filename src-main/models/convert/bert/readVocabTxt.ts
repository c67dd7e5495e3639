import { readCheckpointText } from "./readCheckpointText.js";

/** vocab.txt's tokens, one a line, the line number being the token id (as BertTokenizer's load_vocab reads it). */
export async function readVocabTxt(vocabPath: string): Promise<string[]> {
    const text = await readCheckpointText(vocabPath, "WordPiece vocabulary (vocab.txt)");
    const lines = text.split("\n");
    // the file's final newline ends the last token rather than starting another
    if (lines.at(-1) === "") lines.pop();
    return lines.map((line) => (line.endsWith("\r") ? line.slice(0, -1) : line));
}
