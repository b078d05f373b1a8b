// Previewing, drafting and producing the governor report (docs/rules/governor-report.md). The figures are worked
// out in the caller's transaction; the charts and the document are rendered in a job (the docx library is
// asynchronous) that the screen polls for its progress bar. A final report is kept with its figures and SHA-256.
import crypto from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { Input, Output } from '../../../shared/contract';
import type { Ctx } from '../context';
import type { Store } from '../db/connection';
import { AppError } from '../errors';
import { governorReportDrafts, governorReports } from '../db/schema-governors';
import { governorFigures, governorJson, type GovernorFigures } from './report-data';
import { reportCharts } from './charts';
import { periodTitle, reportDocx } from './report-docx';

export const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

function savedMessages(ctx: Ctx, from: string, to: string): string[] | null {
  const row = ctx.store.orm
    .select()
    .from(governorReportDrafts)
    .where(and(eq(governorReportDrafts.periodFrom, from), eq(governorReportDrafts.periodTo, to)))
    .get();
  return row ? (JSON.parse(row.keyMessages) as string[]) : null;
}

export function previewReport(ctx: Ctx, i: Input<'governors.preview'>): Output<'governors.preview'> {
  const figures = governorFigures(ctx, i);
  const saved = savedMessages(ctx, figures.from, figures.to);
  return { figures, keyMessages: saved ?? figures.suggestedMessages, saved: saved !== null };
}

export function saveMessages(ctx: Ctx, i: Input<'governors.saveMessages'>): Output<'governors.saveMessages'> {
  const values = {
    periodFrom: i.from,
    periodTo: i.to,
    keyMessages: JSON.stringify(i.keyMessages),
    updatedBy: ctx.session.displayName ?? ctx.session.userName,
    updatedAt: ctx.now(),
  };
  ctx.store.orm
    .insert(governorReportDrafts)
    .values(values)
    .onConflictDoUpdate({
      target: [governorReportDrafts.periodFrom, governorReportDrafts.periodTo],
      set: values,
    })
    .run();
  return { ok: true };
}

export function reportFileName(f: Pick<GovernorFigures, 'from' | 'to'>, final: boolean): string {
  const t = periodTitle(f.from, f.to)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `governors-${t}${final ? '' : '-draft'}.docx`;
}

export interface Rendered {
  bytes: Buffer;
  fileName: string;
}

/** Charts, then the document: the steps a job reports. */
export async function renderReport(
  figures: GovernorFigures,
  opts: { keyMessages: string[]; final: boolean; producedBy: string; position: string; producedOn: string },
  step: (name: string) => void = () => {},
): Promise<Rendered> {
  step('Drawing the charts');
  const charts = reportCharts(figures);
  step('Writing the document');
  const bytes = await reportDocx({ figures, charts, ...opts });
  return { bytes, fileName: reportFileName(figures, opts.final) };
}

/** Keeps a final report: the document, the figures it shows and its SHA-256 (append-only). */
export function keepFinal(
  store: Store,
  figures: GovernorFigures,
  messages: string[],
  r: Rendered,
  by: { name: string; position: string; at: string },
) {
  return store.orm
    .insert(governorReports)
    .values({
      periodFrom: figures.from,
      periodTo: figures.to,
      asOf: figures.asOf,
      title: `Attendance report to governors, ${periodTitle(figures.from, figures.to)}`,
      keyMessages: JSON.stringify(messages),
      figures: JSON.stringify(governorJson(figures, r.fileName)),
      fileName: r.fileName,
      bytes: r.bytes,
      sha256: sha256(r.bytes),
      producedBy: by.name,
      position: by.position,
      producedAt: by.at,
    })
    .returning({ id: governorReports.id })
    .get().id;
}

export function listReports(ctx: Ctx): Output<'governors.reports'> {
  const rows = ctx.store.orm
    .select({
      id: governorReports.id,
      from: governorReports.periodFrom,
      to: governorReports.periodTo,
      asOf: governorReports.asOf,
      title: governorReports.title,
      fileName: governorReports.fileName,
      sha256: governorReports.sha256,
      producedBy: governorReports.producedBy,
      producedAt: governorReports.producedAt,
    })
    .from(governorReports)
    .orderBy(desc(governorReports.periodTo), desc(governorReports.id))
    .all();
  return { reports: rows };
}

export function reportFile(ctx: Ctx, i: Input<'governors.file'>): Output<'governors.file'> {
  const row = ctx.store.orm.select().from(governorReports).where(eq(governorReports.id, i.id)).get();
  if (!row) {
    throw new AppError('not_found', 'There is no such governor report.');
  }
  return { fileName: row.fileName, base64: row.bytes.toString('base64'), sha256: row.sha256 };
}
