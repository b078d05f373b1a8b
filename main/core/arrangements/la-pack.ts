// The LA meeting pack as a Word document (docx) and a CSV (docs/rules/arrangements.md, "The LA meeting"). It holds
// pupils' names: only the lead and the head make it, for the LA officer; governors never see it. The Word file
// is built as a job (docx packs asynchronously); the screen polls letters.job, then fetches the file.
import {
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Input, Output } from '../../../shared/contract';
import { formatLongDate, formatUkDate } from '../../../shared/dates';
import { formatPct1 } from '../../../shared/statistics/rates';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { csvLine } from '../import/csv';
import { readSchool } from '../school/school.service';
import { laPacks } from '../db/schema-arrangements';
import { getJob, startJob } from '../letters/jobs';
import { packData, type PackData } from './la-meeting';

const cell = (text: string, bold = false) =>
  new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold, size: 20 })] })] });

/** Column widths in per cent of the page width (docx wants twips: 9638 across an A4 page with 2 cm margins). */
function table(header: string[], rows: string[][], empty: string, widths: number[]): Table | Paragraph {
  if (!rows.length) {
    return new Paragraph({ children: [new TextRun({ text: empty, italics: true })] });
  }
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: widths.map((w) => Math.round((w * 9638) / 100)),
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c) => cell(c)) })),
    ],
  });
}

export function packDocument(school: string, d: PackData): Document {
  const h = (text: string, heading: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
    new Paragraph({ heading, spacing: { before: 240, after: 120 }, children: [new TextRun(text)] });
  return new Document({
    creator: school,
    title: 'LA targeting support meeting pack',
    sections: [
      {
        children: [
          h(`${school}: termly targeting support meeting with the local authority`, HeadingLevel.HEADING_1),
          new Paragraph({
            children: [
              new TextRun(
                `Figures for the school year from ${formatUkDate(d.from)} to ${formatUkDate(d.asOf)}, ` +
                  `prepared on ${formatLongDate(d.asOf)}. This pack names pupils: it is for the LA ` +
                  "attendance officer and the school's attendance lead, not for governors.",
              ),
            ],
          }),
          ...d.bands.flatMap((b) => [
            h(`${b.label} (${b.pupils.length})`, HeadingLevel.HEADING_2),
            table(
              ['Pupil', 'Year', 'Group', 'Attendance', 'Latest support step', 'Open actions'],
              b.pupils.map((p) => [
                p.name,
                p.yearGroup,
                p.regGroup,
                formatPct1(p.attendancePct),
                p.latestStep,
                p.openActions.join('; ') || 'none',
              ]),
              'No pupil in this band.',
              [20, 7, 9, 12, 27, 25],
            ),
          ]),
          h(
            `Part-time timetables and flexi-schooling agreements in force (${d.arrangements.length})`,
            HeadingLevel.HEADING_2,
          ),
          table(
            ['Pupil', 'Arrangement', 'Not in school', 'From', 'To', 'Next review'],
            d.arrangements.map((a) => [a.name, a.kind, a.pattern, a.from, a.to, a.nextReview]),
            'None in force.',
            [22, 22, 20, 12, 12, 12],
          ),
          h('Actions from the last meeting', HeadingLevel.HEADING_2),
          table(
            ['Pupil', 'Action', 'Owner', 'Due', 'Status'],
            d.lastActions.map((a) => [a.name, a.what, a.owner, a.due, a.status]),
            'No earlier meeting is recorded.',
            [20, 40, 15, 12, 13],
          ),
        ],
      },
    ],
  });
}

export function packCsv(d: PackData): string {
  const lines = [
    csvLine([
      'section',
      'pupil',
      'upn',
      'year_group',
      'reg_group',
      'attendance_pct',
      'latest_step',
      'open_actions',
    ]),
  ];
  for (const b of d.bands) {
    for (const p of b.pupils) {
      lines.push(
        csvLine([
          b.band,
          p.name,
          p.upn,
          p.yearGroup,
          p.regGroup,
          p.attendancePct,
          p.latestStep,
          p.openActions.join('; '),
        ]),
      );
    }
  }
  return lines.join('');
}

const files = new Map<string, { fileName: string; bytes: Uint8Array }>();

export function makeLaPack(ctx: Ctx, i: Input<'arrangements.laPack'>): Output<'arrangements.laPack'> {
  const school = readSchool(ctx.store.db);
  if (!school) {
    throw new AppError('not_found', 'Set the school up first.');
  }
  const asOf = i.asOf ?? ctx.today();
  const d = packData(ctx.store.db, asOf);
  const count = d.bands.reduce((n, b) => n + b.pupils.length, 0);
  const fileName = `la-meeting-pack-${asOf}.docx`;
  ctx.store.orm
    .insert(laPacks)
    .values({
      asOf,
      pupils: count,
      madeBy: ctx.session.displayName ?? ctx.session.userName,
      madeAt: ctx.now(),
    })
    .run();
  ctx.audit('arrangements.laPack', 'la_pack', null, { asOf, pupils: count });
  const job = startJob(1, async (j) => {
    if (files.size >= 20) {
      files.delete(files.keys().next().value!);
    }
    files.set(j.id, { fileName, bytes: new Uint8Array(await Packer.toBuffer(packDocument(school.name, d))) });
    j.done = 1;
    return { letters: [], folder: null, combinedFile: null, batchId: null };
  });
  return { jobId: job.id, fileName, csv: packCsv(d), pupils: count };
}

export function laPackFile(
  _ctx: Ctx,
  i: Input<'arrangements.laPackFile'>,
): Output<'arrangements.laPackFile'> {
  const f = files.get(i.jobId);
  if (!f) {
    const job = getJob(i.jobId);
    throw new AppError(
      job?.status === 'running' ? 'conflict' : 'not_found',
      job?.status === 'running'
        ? 'The pack is still being made: try again in a moment.'
        : 'That pack is no longer held: make it again.',
    );
  }
  return { fileName: f.fileName, base64: Buffer.from(f.bytes).toString('base64') };
}
