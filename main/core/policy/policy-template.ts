// The shipped attendance policy template (docs/rules/policy.md) as a Word document, built with the docx library
// from policy-wording.ts: a title block, sections 1 to 11 with tables for the school day and the support bands,
// and a footer with the review date and page numbers. Placeholders stay literal, one run each, so the letters
// engine's merge fills them like any letter template's.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { A4_PAGE, BODY_SIZE, FONT, TEXT_WIDTH } from '../letters/page';
import { POLICY_INTRO, POLICY_SECTIONS, type PolicyBlock } from './policy-wording';

const BLUE = '1F4E79';

const run = (text: string, o: { bold?: boolean; size?: number; color?: string } = {}) =>
  new TextRun({ text, font: FONT, ...o });

function para(text: string, spacingAfter = 120): Paragraph {
  return new Paragraph({ spacing: { after: spacingAfter, line: 276 }, children: [run(text)] });
}

function cell(text: string, header: boolean, width: number): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    shading: header ? { type: ShadingType.CLEAR, fill: 'E7EEF6', color: 'auto' } : undefined,
    children: [new Paragraph({ children: [run(text, { bold: header, size: 20 })] })],
  });
}

function table(rows: string[][], widths: number[]): Table {
  const dxa = widths.map((w) => Math.round((w * TEXT_WIDTH) / 100));
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: dxa,
    rows: rows.map(
      (r, i) =>
        new TableRow({
          tableHeader: i === 0,
          cantSplit: true,
          children: r.map((c, j) => cell(c, i === 0, dxa[j])),
        }),
    ),
  });
}

function blocks(list: PolicyBlock[]): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  for (const b of list) {
    if (typeof b === 'string') {
      out.push(para(b));
    } else if ('sub' in b) {
      out.push(
        new Paragraph({ spacing: { before: 120, after: 60 }, children: [run(b.sub, { bold: true })] }),
      );
    } else if ('bullets' in b) {
      b.bullets.forEach((x, i) =>
        out.push(
          new Paragraph({
            bullet: { level: 0 },
            spacing: { after: i === b.bullets.length - 1 ? 120 : 60, line: 276 },
            children: [run(x)],
          }),
        ),
      );
    } else if ('numbered' in b) {
      b.numbered.forEach((x, i) =>
        out.push(
          new Paragraph({
            indent: { left: 425, hanging: 425 },
            spacing: { after: i === b.numbered.length - 1 ? 120 : 60, line: 276 },
            children: [run(`${i + 1}.\t${x}`)],
            tabStops: [{ type: 'left', position: 425 }],
          }),
        ),
      );
    } else {
      out.push(table(b.table, b.widths), new Paragraph({ spacing: { after: 120 }, children: [] }));
    }
  }
  return out;
}

function titleBlock(): Paragraph[] {
  return [
    new Paragraph({ alignment: AlignmentType.RIGHT, children: [run('{{school.logo}}')] }),
    new Paragraph({ spacing: { after: 60 }, children: [run('{{school.name}}', { bold: true, size: 28 })] }),
    new Paragraph({
      spacing: { after: 120 },
      children: [run('Attendance policy', { bold: true, size: 44, color: BLUE })],
    }),
    new Paragraph({
      spacing: { after: 240 },
      border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: BLUE, space: 6 } },
      children: [run('{{policy.approval}} Next review by {{policy.nextReview}}.', { size: 18 })],
    }),
  ];
}

function sectionHeading(n: number, title: string): Paragraph {
  return new Paragraph({
    keepNext: true,
    spacing: { before: 240, after: 100 },
    children: [run(`${n}. ${title}`, { bold: true, size: 26, color: BLUE })],
  });
}

export function policyTemplateDocument(): Document {
  const body: (Paragraph | Table)[] = [
    ...titleBlock(),
    ...blocks(POLICY_INTRO),
    ...POLICY_SECTIONS.flatMap((s, i) => [sectionHeading(i + 1, s.title), ...blocks(s.body)]),
  ];
  return new Document({
    creator: 'Attendance',
    title: 'attendance-policy',
    description: 'Attendance policy template: edit the wording in Word; keep the {{placeholders}}.',
    styles: { default: { document: { run: { font: FONT, size: BODY_SIZE } } } },
    sections: [
      {
        properties: {
          page: A4_PAGE,
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  run('{{school.name}} · Attendance policy · next review by {{policy.nextReview}} · page ', {
                    size: 16,
                  }),
                  new TextRun({ children: [PageNumber.CURRENT], size: 16, font: FONT }),
                  run(' of ', { size: 16 }),
                  new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 16, font: FONT }),
                ],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
}

export async function buildPolicyTemplateDocx(): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(policyTemplateDocument()));
}
