import { maxColumns } from "../table/describeRow.js";

/**
 * The rows of one sheet as they are read, cell by cell, keeping each row's number as the spreadsheet
 * shows it. Empty rows are not kept; columns past `maxColumns` are dropped as they arrive.
 */
export class SheetRows {
    readonly rows: string[][] = [];
    readonly rowNumbers: number[] = [];
    #cells: string[] = [];
    #rowNumber = 0;

    /** Starts row `number` (1-based), or the row after the last one. */
    public startRow(number?: number): void {
        this.#rowNumber = number !== undefined && Number.isInteger(number) && number > this.#rowNumber ? number : this.#rowNumber + 1;
        this.#cells = [];
    }

    public setCell(column: number, value: string): void {
        if (column < 0 || column >= maxColumns || value === "") return;
        while (this.#cells.length < column) this.#cells.push("");
        this.#cells[column] = value;
    }

    /** Ends the row; `repeat` copies of it when a sheet says the row repeats (OpenDocument), kept up to `maxRepeats`. */
    public endRow(repeat = 1, maxRepeats = 1): void {
        const kept = this.#cells.some((cell) => cell !== "") ? Math.min(repeat, maxRepeats) : 0;
        for (let copy = 0; copy < kept; copy++) {
            this.rows.push(copy === 0 ? this.#cells : [...this.#cells]);
            this.rowNumbers.push(this.#rowNumber + copy);
        }
        this.#rowNumber += Math.max(0, repeat - 1);
        this.#cells = [];
    }
}
