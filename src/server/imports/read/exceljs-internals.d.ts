// The exceljs parts the XLSX reader (xlsx.ts) drives itself: the public streaming reader loses parts of a workbook
// under load (decision 035). exceljs 4.4 ships no types for these modules.
declare module 'exceljs/lib/xlsx/xform/core/relationships-xform.js' {
  export default class RelationshipsXform {
    parseStream(text: AsyncIterable<string>): Promise<{ Id: string; Target: string; Type: string }[] | undefined>;
  }
}

declare module 'exceljs/lib/xlsx/xform/book/workbook-xform.js' {
  export default class WorkbookXform {
    parseStream(text: AsyncIterable<string>): Promise<unknown>;
    model?: { sheets?: { name: string; rId: string; id: number }[] };
    map: { workbookPr: unknown };
  }
}

declare module 'exceljs/lib/xlsx/xform/strings/shared-strings-xform.js' {
  export default class SharedStringsXform {
    parseStream(text: AsyncIterable<string>): Promise<unknown>;
    model?: { values: unknown[] };
  }
}

declare module 'exceljs/lib/xlsx/xform/style/styles-xform.js' {
  export default class StylesXform {
    init(): void;
    parseStream(text: AsyncIterable<string>): Promise<unknown>;
  }
}

declare module 'exceljs/lib/stream/xlsx/worksheet-reader.js' {
  import type { Row } from 'exceljs';
  export default class WorksheetReader implements AsyncIterable<Row> {
    constructor(options: {
      workbook: { sharedStrings: unknown[]; styles: unknown; properties: unknown };
      id: number;
      iterator: AsyncIterable<string>;
      options: { worksheets: 'emit' };
    });
    [Symbol.asyncIterator](): AsyncIterator<Row>;
  }
}
