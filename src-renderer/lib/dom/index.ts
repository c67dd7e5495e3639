export { copyText } from "./copyText.js";
export { saveTextFile } from "./saveTextFile.js";
