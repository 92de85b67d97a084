/**
 * The XLSX template of an import: a data sheet first (title, the Thai header with the English name on a second line,
 * one example row the reader skips when left as it is) and an instructions sheet. Every data column is formatted as
 * text, so citizen IDs and phone numbers keep their leading zeros and dates stay as the person typed them.
 */
import type ExcelJS from 'exceljs';
import { finishSheet, THAI_FONT, thaiWorkbook } from '../../documents/xlsx';
import type { ImportColumn } from './columns';

const HEADER_ROW = 4;
/** Rows below the header that get the column's drop-down list. */
const LIST_ROWS = 5000;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

const widthOf = (texts: (string | undefined)[]) => Math.min(40, Math.max(12, ...texts.map((text) => (text ?? '').length + 4)));

export async function importTemplate(options: {
  title: { th: string; en: string };
  columns: readonly ImportColumn[];
  instructions: { th: string; en: string }[];
}): Promise<Buffer> {
  const { title, columns, instructions } = options;
  const book = await thaiWorkbook();
  const data = book.addWorksheet('ข้อมูล');
  const guide = book.addWorksheet('คำแนะนำ');
  const lists = columns.some((column) => column.options?.length) ? book.addWorksheet('รายการ', { state: 'hidden' }) : null;

  data.getCell('A1').value = title.th;
  data.getCell('A2').value = title.en;
  data.getCell('A3').value = 'ช่องที่มีเครื่องหมาย * ต้องกรอก / Columns marked * are required';
  const header = data.getRow(HEADER_ROW);
  const example = data.getRow(HEADER_ROW + 1);
  columns.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.value = `${column.th}${column.required ? ' *' : ''}\n${column.en}`;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    if (column.help) cell.note = `${column.help.th}\n${column.help.en}`;
    example.getCell(i + 1).value = column.example ?? null;
    const sheetColumn = data.getColumn(i + 1);
    sheetColumn.width = widthOf([column.th, column.en, column.example]);
    sheetColumn.numFmt = '@';
    if (lists && column.options?.length) {
      const listColumn = lists.getColumn(i + 1);
      column.options.forEach((option, row) => {
        lists.getCell(row + 1, i + 1).value = option;
      });
      const letter = listColumn.letter;
      const range = `${data.getColumn(i + 1).letter}${HEADER_ROW + 1}:${data.getColumn(i + 1).letter}${HEADER_ROW + LIST_ROWS}`;
      (data as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(
        range,
        {
          type: 'list',
          allowBlank: true,
          formulae: [`'รายการ'!$${letter}$1:$${letter}$${column.options.length}`],
          showErrorMessage: true,
          errorTitle: 'ค่าไม่อยู่ในรายการ / Not in the list',
          error: 'กรุณาเลือกจากรายการ / Choose from the list',
        },
      );
    }
  });
  header.height = 42;
  finishSheet(data, HEADER_ROW);
  data.getCell('A1').font = { ...THAI_FONT, bold: true, size: 18 };
  example.eachCell((cell) => {
    cell.font = { ...THAI_FONT, italic: true, color: { argb: 'FF808080' } };
  });

  guide.columns = [{ width: 28 }, { width: 14 }, { width: 60 }, { width: 24 }];
  guide.addRow([title.th]).font = { bold: true, size: 16 };
  guide.addRow([title.en]);
  guide.addRow([]);
  for (const line of instructions) {
    guide.addRow([line.th]);
    guide.addRow([line.en]).font = { italic: true };
  }
  guide.addRow([]);
  guide.addRow(['หัวตาราง / Header', 'ต้องกรอก / Required', 'คำอธิบาย / Explanation', 'ตัวอย่าง / Example']).font = { bold: true };
  for (const column of columns) {
    const help = column.help ? `${column.help.th}\n${column.help.en}` : '';
    const choices = column.options?.length ? `\nเลือกจาก / One of: ${column.options.join(', ')}` : '';
    const row = guide.addRow([
      `${column.th}\n${column.en}`,
      column.required ? 'ต้องกรอก / Yes' : '',
      `${help}${choices}`.trim(),
      column.example ?? '',
    ]);
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  guide.eachRow((row) => {
    row.eachCell((cell) => {
      cell.font = { ...THAI_FONT, ...cell.font };
    });
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
