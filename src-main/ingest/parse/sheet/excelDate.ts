const dayMs = 86_400_000;
/** Day 0 of Excel's 1900 date system, 1899-12-30 (which absorbs Excel's phantom 1900-02-29). */
const epoch1900 = Date.UTC(1899, 11, 30);
const epoch1904 = Date.UTC(1904, 0, 1);

/** A date serial number as a readable date ("2024-03-01", or "2024-03-01 14:30" when it has a time). */
export function excelDate(serial: number, date1904: boolean): string | undefined {
    if (!Number.isFinite(serial) || serial < 0 || serial > 2_958_465) return undefined;
    const time = new Date((date1904 ? epoch1904 : epoch1900) + Math.round(serial * dayMs / 60_000) * 60_000);
    const iso = time.toISOString();
    return serial % 1 === 0 ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}
