// The termly governor report as a Word document (docs/rules/governor-report.md): a cover block, sections 1 to 8,
// the four charts as pictures with their tables and alt text, page numbers, and the word DRAFT on a draft.
// Aggregates only: no pupil's name, UPN or date of birth is in the figures this is built from.
import { AlignmentType, BorderStyle, Document, Header, LevelFormat, Packer, Paragraph, TextRun } from 'docx';
import { formatLongDate, formatUkDate } from '../../../shared/dates';
import type { GovernorFigures } from './report-data';
import type { ChartPicture } from './charts';
import { GREY, NAVY, note, pageFooter } from './docx-parts';
import { groups, headline, reasons, summary } from './sections-figures';
import { actions, compliance, movement, questions } from './sections-actions';

export interface ReportDocInput {
  figures: GovernorFigures;
  charts: ChartPicture[];
  keyMessages: string[];
  final: boolean;
  producedBy: string;
  position: string;
  producedOn: string;
}

/** "Autumn term 2025/26" when the period lies within one term's months of one school year, else the dates. */
export function periodTitle(from: string, to: string): string {
  const y = (d: string) => (Number(d.slice(5, 7)) >= 9 ? Number(d.slice(0, 4)) : Number(d.slice(0, 4)) - 1);
  const m = (d: string) => Number(d.slice(5, 7));
  const year = `${y(from)}/${String(y(from) + 1).slice(2)}`;
  if (y(from) === y(to)) {
    if (m(from) >= 9 && m(to) <= 12) {
      return `Autumn term ${year}`;
    }
    if (m(from) >= 1 && m(from) <= 4 && m(to) <= 4) {
      return `Spring term ${year}`;
    }
    if (m(from) >= 4 && m(to) <= 8 && m(from) <= m(to)) {
      return `Summer term ${year}`;
    }
    if (from.endsWith('-09-01') && m(to) >= 7 && m(to) <= 8) {
      return `School year ${year}`;
    }
  }
  return `${formatUkDate(from)} to ${formatUkDate(to)}`;
}

function cover(i: ReportDocInput): Paragraph[] {
  const f = i.figures;
  const line = (text: string, size: number, opts: { bold?: boolean; color?: string; after?: number } = {}) =>
    new Paragraph({
      spacing: { after: opts.after ?? 80 },
      children: [new TextRun({ text, size, bold: opts.bold, color: opts.color ?? NAVY })],
    });
  return [
    line(f.schoolName, 36, { bold: true }),
    line('Attendance report to the governing board', 30),
    line(`${periodTitle(f.from, f.to)}: ${formatUkDate(f.from)} to ${formatUkDate(f.to)}`, 24, {
      color: GREY,
    }),
    new Paragraph({
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: NAVY, space: 6 } },
      spacing: { after: 200 },
      children: [
        new TextRun({
          text:
            `${i.final ? 'Final' : 'DRAFT'} · figures as at ${formatUkDate(f.asOf)} · prepared by ` +
            `${i.producedBy}${i.position ? `, ${i.position}` : ''}, ${formatLongDate(i.producedOn)}`,
          size: 20,
          color: i.final ? GREY : 'C50F1F',
          bold: !i.final,
        }),
      ],
    }),
    note(
      'This report holds aggregate figures only: no pupil is named or can be identified. ' +
        'Any group of fewer than 5 pupils is shown as "fewer than 5". ' +
        'Figures follow the DfE definitions: absence rates are sessions missed out of possible ' +
        'sessions; persistent absence is missing 10% or more of possible sessions, severe absence 50% ' +
        'or more.',
    ),
  ];
}

/** The report's two heading styles: navy, the first ruled off below. */
const HEADING_STYLES = [
  {
    id: 'Heading1',
    name: 'Heading 1',
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { size: 28, bold: true, color: NAVY },
    paragraph: {
      spacing: { before: 360, after: 120 },
      keepNext: true,
      border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'BFBFBF', space: 4 } },
    },
  },
  {
    id: 'Heading2',
    name: 'Heading 2',
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { size: 23, bold: true, color: NAVY },
    paragraph: { spacing: { before: 240, after: 80 }, keepNext: true },
  },
];

/** The numbered list of questions for governors to ask. */
const QUESTION_NUMBERING = {
  config: [
    {
      reference: 'questions',
      levels: [
        {
          level: 0,
          format: LevelFormat.DECIMAL,
          text: '%1.',
          alignment: AlignmentType.START,
          style: { paragraph: { indent: { left: 500, hanging: 360 } } },
        },
      ],
    },
  ],
};

const PAGE_MARGINS = { top: 1300, bottom: 1100, left: 1050, right: 1050, header: 560, footer: 500 };

/** The running header: school, report and period, and on a draft a red "not for circulation". */
function reportHeader(i: ReportDocInput): Header {
  const f = i.figures;
  const text =
    `${f.schoolName} · Attendance report to governors · ` +
    `${periodTitle(f.from, f.to)}${i.final ? '' : ' · DRAFT, not for circulation'}`;
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [new TextRun({ text, size: 16, color: i.final ? GREY : 'C50F1F' })],
      }),
    ],
  });
}

export function buildReportDocument(i: ReportDocInput): Document {
  const f = i.figures;
  return new Document({
    title: `${f.schoolName}: attendance report to governors, ${periodTitle(f.from, f.to)}`,
    subject: 'Termly attendance report to the governing board',
    creator: f.schoolName,
    lastModifiedBy: f.schoolName,
    description: `Aggregate attendance figures ${f.from} to ${f.to}, as at ${f.asOf}.`,
    keywords: 'attendance; governors',
    styles: { default: { document: { run: { font: 'Arial', size: 20 } } }, paragraphStyles: HEADING_STYLES },
    numbering: QUESTION_NUMBERING,
    sections: [
      {
        properties: { page: { margin: PAGE_MARGINS } },
        headers: { default: reportHeader(i) },
        footers: { default: pageFooter() },
        children: [
          ...cover(i),
          ...summary(f, i.keyMessages),
          ...headline(f, i.charts),
          ...groups(f, i.charts),
          ...reasons(f, i.charts),
          ...movement(f),
          ...actions(f),
          ...compliance(f),
          ...questions(f),
        ],
      },
    ],
  });
}

export async function reportDocx(i: ReportDocInput): Promise<Buffer> {
  return Packer.toBuffer(buildReportDocument(i));
}
