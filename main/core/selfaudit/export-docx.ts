// The self-audit as a Word document (docs/rules/self-audit.md): a cover block, a summary table of every item with
// its evidence and status (and the previous term's, when there is one), the actions, then each item's evidence
// list. Built with the governor report's building blocks (main/core/governors/docx-parts.ts).
import { Document, Packer, Paragraph, TextRun } from 'docx';
import {
  AUDIT_STATUS_LABELS,
  AUDIT_TIER_LABELS,
  type AuditStatus,
  type AuditView,
} from '../../../shared/channels/selfaudit';
import { formatLongDate, formatUkDate } from '../../../shared/dates';
import { plural } from '../../../shared/names';
import { GREY, NAVY, h1, h2, note, pageFooter, para, spacer, table } from '../governors/docx-parts';

/** Rows of an item's list printed in the document; the app shows them all. */
const MAX_ROWS = 25;
const status = (s: AuditStatus | null) => (s ? AUDIT_STATUS_LABELS[s] : 'to be answered');

function cover(school: string, a: AuditView, by: string, on: string): Paragraph[] {
  const line = (text: string, size: number, bold = false, color = NAVY) =>
    new Paragraph({ spacing: { after: 80 }, children: [new TextRun({ text, size, bold, color })] });
  return [
    line(school, 36, true),
    line('Attendance self-audit against the DfE expectations', 30),
    line(`${a.termLabel}: ${formatUkDate(a.from)} to ${formatUkDate(a.to)}`, 24, false, GREY),
    note(
      `Evidence measured from the attendance records on ${formatUkDate(a.asOf)} (run by ${a.runBy}); ` +
        `exported by ${by}, ${formatLongDate(on)}. Each status was proposed by the app from the ` +
        'threshold shown and confirmed or changed by the school with a note.',
    ),
  ];
}

function summary(a: AuditView): (Paragraph | ReturnType<typeof table>)[] {
  const cols = [
    { head: 'Expectation', width: 34 },
    { head: 'Evidence', width: 30 },
    { head: 'Status', width: 12 },
    ...(a.previous ? [{ head: a.previous.termLabel, width: 24 }] : []),
  ];
  const rows = a.items.map((i) => [
    i.wording,
    i.figure,
    status(i.status),
    ...(a.previous
      ? [i.previous ? `${i.previous.figure} (${status(i.previous.status)})` : 'not audited']
      : []),
  ]);
  const counts = (s: AuditStatus) => a.items.filter((i) => i.status === s).length;
  return [
    h1('1. Summary'),
    para(
      `${plural(counts('met'), 'expectation')} met, ${counts('partly_met')} partly met, ` +
        `${counts('not_met')} not met, ${a.items.filter((i) => !i.status).length} still to be answered.`,
    ),
    table(cols, rows),
    spacer(),
  ];
}

function actions(a: AuditView): (Paragraph | ReturnType<typeof table>)[] {
  const wording = new Map(a.items.map((i) => [i.itemId, i.wording]));
  return [
    h1('2. Actions'),
    a.actions.length
      ? table(
          [
            { head: 'Action', width: 32 },
            { head: 'For', width: 24 },
            { head: 'Owner', width: 14 },
            { head: 'Due', width: 15 },
            { head: 'Done', width: 15 },
          ],
          a.actions.map((x) => [
            x.what,
            wording.get(x.itemId) ?? '',
            x.owner,
            formatUkDate(x.dueOn),
            x.doneOn ? formatUkDate(x.doneOn) : '',
          ]),
        )
      : para('No actions were added.'),
    spacer(),
  ];
}

function details(a: AuditView): (Paragraph | ReturnType<typeof table>)[] {
  const out: (Paragraph | ReturnType<typeof table>)[] = [h1('3. The evidence, item by item')];
  a.items.forEach((i, k) => {
    const last = i.reviews.at(-1);
    out.push(
      h2(`3.${k + 1} ${i.wording}`),
      para(`${AUDIT_TIER_LABELS[i.tier]}. ${i.how}`),
      para(`Evidence: ${i.figure}. ${i.threshold}`),
      para(
        `Status: ${status(i.status)}` +
          `${i.proposed ? ` (proposed: ${status(i.proposed)})` : ''}` +
          `${last ? `. Note (${last.by}, ${formatUkDate(last.at.slice(0, 10))}): ${last.note}` : ''}`,
      ),
    );
    if (i.evidence.length) {
      out.push(
        table(
          [
            { head: 'Who or what', width: 35 },
            { head: 'Detail', width: 65 },
          ],
          i.evidence.slice(0, MAX_ROWS).map((e) => [e.label, e.detail]),
        ),
        i.evidence.length > MAX_ROWS
          ? note(`…and ${plural(i.evidence.length - MAX_ROWS, 'more row')}: the full list is in the app.`)
          : spacer(),
      );
    }
  });
  return out;
}

export function auditDocument(school: string, a: AuditView, by: string, on: string): Document {
  return new Document({
    title: `${school}: attendance self-audit, ${a.termLabel}`,
    creator: school,
    styles: {
      default: { document: { run: { font: 'Arial', size: 20 } } },
      paragraphStyles: [
        {
          id: 'Heading1',
          name: 'Heading 1',
          basedOn: 'Normal',
          next: 'Normal',
          run: { size: 28, bold: true, color: NAVY },
          paragraph: { spacing: { before: 320, after: 120 }, keepNext: true },
        },
        {
          id: 'Heading2',
          name: 'Heading 2',
          basedOn: 'Normal',
          next: 'Normal',
          run: { size: 22, bold: true, color: NAVY },
          paragraph: { spacing: { before: 220, after: 80 }, keepNext: true },
        },
      ],
    },
    sections: [
      {
        properties: { page: { margin: { top: 1100, bottom: 1100, left: 1050, right: 1050 } } },
        footers: { default: pageFooter() },
        children: [...cover(school, a, by, on), ...summary(a), ...actions(a), ...details(a)],
      },
    ],
  });
}

export async function auditDocx(school: string, a: AuditView, by: string, on: string): Promise<Buffer> {
  return Packer.toBuffer(auditDocument(school, a, by, on));
}
