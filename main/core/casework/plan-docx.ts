// The reintegration plan as a Word document for the family and the file (docs/rules/casework.md): the plan's
// template (the school's own, else the shipped one) filled with the current version, its figures before, during
// and after, and the weekly chart as a picture. Every export is logged (casework_plan_exports) with the template
// it was made from, and so shows on the pupil's timeline.
import { createHash } from 'node:crypto';
import type { Input, Output } from '../../../shared/contract';
import { caseworkPlanExports } from '../db/schema-casework';
import type { Ctx } from '../context';
import { getPlan } from './read';
import { barChartPng, type Bar } from './chart-png';
import { planValues } from './plan-fields';
import { mergePlan } from './plan-merge';
import { loadPlanTemplate } from './plan-template';

type Plan = Output<'casework.plan.get'>;

/** Grey before, blue each week of the plan, green after; the attendance target as red dashes. */
function chart(p: Plan): Buffer {
  const bars: Bar[] = p.weeks.map((w) => ({ value: w.attendancePct, colour: [46, 117, 182] }));
  const pctTarget = p.plan.content.measures.find((m) => m.kind === 'attendance_pct')?.target ?? null;
  const lead: Bar[] = [{ value: p.before.attendancePct, colour: [165, 165, 165] }];
  const tail: Bar[] = p.after ? [{ value: p.after.attendancePct, colour: [112, 173, 71] }] : [];
  return barChartPng([...lead, ...bars, ...tail], pctTarget);
}

export function exportPlan(ctx: Ctx, i: Input<'casework.plan.export'>): Output<'casework.plan.export'> {
  const p = getPlan(ctx, { planId: i.planId });
  const template = loadPlanTemplate(ctx);
  const bytes = mergePlan(template.bytes, planValues(ctx, p), chart(p));
  const fileName = `Reintegration plan - ${p.plan.pupilName} - v${p.plan.version}.docx`.replace(
    /[\\/:*?"<>|]/g,
    '',
  );
  const sha = createHash('sha256').update(bytes).digest('hex');
  const r = ctx.store.orm
    .insert(caseworkPlanExports)
    .values({
      planId: p.plan.id,
      version: p.plan.version,
      fileName,
      sha256: sha,
      generatedBy: ctx.session.userName,
      generatedAt: ctx.now(),
      template: template.version,
    })
    .returning({ id: caseworkPlanExports.id })
    .get();
  ctx.audit('casework.plan.export', 'casework_plans', p.plan.id, {
    version: p.plan.version,
    sha256: sha,
    template: template.version,
  });
  return { id: r.id, fileName, base64: Buffer.from(bytes).toString('base64') };
}
