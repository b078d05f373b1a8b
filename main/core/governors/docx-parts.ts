// The building blocks of the governor report's Word document (the `docx` library): headings, paragraphs, tables
// with a shaded header row and right-aligned numbers, and a chart picture with its title and alt text.
import {
  AlignmentType,
  BorderStyle,
  Footer,
  HeadingLevel,
  ImageRun,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
} from 'docx';
import type { ChartPicture } from './charts';

export const NAVY = '1F3864';
export const GREY = '595959';
const RULE = 'BFBFBF';
const HEAD_FILL = 'DCE6F1';

// Headings and the italic notes that introduce a table or chart stay on the page of what follows them.
export const h1 = (text: string) => new Paragraph({ text, heading: HeadingLevel.HEADING_1, keepNext: true });
export const h2 = (text: string) => new Paragraph({ text, heading: HeadingLevel.HEADING_2, keepNext: true });
export const para = (text: string, opts: Partial<IParagraphOptions> = {}) =>
  new Paragraph({ children: [new TextRun(text)], spacing: { after: 120 }, ...opts });
export const note = (text: string) =>
  new Paragraph({
    children: [new TextRun({ text, italics: true, color: GREY, size: 18 })],
    spacing: { after: 160 },
    keepNext: true,
  });
export const bullet = (text: string) => new Paragraph({ text, bullet: { level: 0 }, spacing: { after: 80 } });
export const numbered = (text: string) =>
  new Paragraph({ text, numbering: { reference: 'questions', level: 0 }, spacing: { after: 100 } });

const border = { style: BorderStyle.SINGLE, size: 4, color: RULE };
const borders = { top: border, bottom: border, left: border, right: border };

export interface Column {
  head: string;
  /** Right-aligned (numbers). */
  num?: boolean;
  /** Share of the table's width, in per cent. */
  width?: number;
}

function cell(text: string, col: Column, header: boolean, bold = false): TableCell {
  return new TableCell({
    borders,
    width: col.width ? { size: col.width, type: WidthType.PERCENTAGE } : undefined,
    shading: header ? { type: ShadingType.CLEAR, color: 'auto', fill: HEAD_FILL } : undefined,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: [
      new Paragraph({
        alignment: col.num ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [new TextRun({ text, bold: header || bold, size: 18 })],
      }),
    ],
  });
}

/** A table: the header row repeats on each page; `bold` rows (totals) are set in bold. */
export function table(columns: Column[], rows: string[][], opts: { bold?: number[] } = {}): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: columns.map((c) => cell(c.head, c, true)) }),
      ...rows.map(
        (r, k) =>
          new TableRow({
            cantSplit: true,
            children: r.map((t, j) => cell(t, columns[j], false, opts.bold?.includes(k))),
          }),
      ),
    ],
  });
}

/** The chart picture, its caption above, and the alt text in the picture's properties. */
export function chart(pic: ChartPicture, figureNo: number): Paragraph[] {
  return [
    new Paragraph({
      keepNext: true,
      spacing: { before: 200, after: 80 },
      children: [
        new TextRun({ text: `Figure ${figureNo}. ${pic.title}`, bold: true, color: NAVY, size: 20 }),
      ],
    }),
    new Paragraph({
      keepNext: true,
      alignment: AlignmentType.CENTER,
      children: [
        new ImageRun({
          type: 'png',
          data: pic.png,
          transformation: { width: pic.width, height: pic.height },
          altText: { name: `Figure ${figureNo}`, title: pic.title, description: pic.alt },
        }),
      ],
    }),
  ];
}

export const spacer = () => new Paragraph({ text: '', spacing: { after: 120 } });

/** "Page n of m", centred and grey: the footer of the governor report and the self-audit. */
export function pageFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            size: 16,
            color: GREY,
            children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES],
          }),
        ],
      }),
    ],
  });
}
