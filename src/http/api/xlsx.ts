/**
 * XLSX beside every CSV, for spreadsheets on systems whose list separator is `;` (where a CSV
 * opens as one column): the same table (`src/public/table.ts`) written with exceljs, cells typed
 * (days and instants as dates, numbers as numbers) and text kept as Unicode, Vietnamese included.
 * A text cell a spreadsheet would read as a formula gets the same leading apostrophe as in the
 * CSV (`csv.ts`), so a CAB named `=HYPERLINK(…)` stays text if the sheet is saved as CSV again.
 */
import ExcelJS from 'exceljs';
import { isDay, isInstant, type Cell, type TableColumn } from '../../public/table.js';
import { neutralised } from './csv.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const DAY_FORMAT = 'yyyy-mm-dd';
const INSTANT_FORMAT = 'yyyy-mm-dd hh:mm';

/** A cell's value as exceljs writes it: a Date for a day (its UTC midnight) or an instant. */
function valueOf(cell: Cell): ExcelJS.CellValue {
  if (cell === undefined || cell === null) return null;
  if (typeof cell === 'string') return cell === '' ? null : neutralised(cell);
  if (typeof cell === 'number' || typeof cell === 'boolean') return cell;
  if (Array.isArray(cell)) return cell.length === 0 ? null : neutralised(cell.join('; '));
  if (isDay(cell)) return new Date(`${new Date(cell.day).toISOString().slice(0, 10)}T00:00:00Z`);
  if (isInstant(cell)) return new Date(cell.instant);
  return null;
}

function formatOf(cell: Cell): string | undefined {
  if (isDay(cell)) return DAY_FORMAT;
  if (isInstant(cell)) return INSTANT_FORMAT;
  return undefined;
}

/**
 * One sheet named `sheet` (at most 31 characters, as Excel allows): a bold, frozen header row in
 * the reader's words, then one row per item.
 */
export async function toXlsx<T>(sheet: string, columns: ReadonlyArray<TableColumn<T>>, rows: Iterable<T> | AsyncIterable<T>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'MRA Engine';
  const worksheet = workbook.addWorksheet(sheet.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  worksheet.columns = columns.map((c) => ({ header: neutralised(c.header), width: c.width ?? Math.max(12, Math.min(40, c.header.length + 2)) }));
  worksheet.getRow(1).font = { bold: true };
  for await (const item of rows) {
    const cells = columns.map((c) => c.value(item));
    const row = worksheet.addRow(cells.map(valueOf));
    cells.forEach((cell, index) => {
      const format = formatOf(cell);
      if (format) row.getCell(index + 1).numFmt = format;
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
