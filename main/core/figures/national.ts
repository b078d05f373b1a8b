// Reference figures for comparison (docs/rules/letters.md §2): the national table shipped in
// resources/national-figures.json, and the school's own rows (local authority figures, newer DfE releases) and
// edits of shipped rows, kept in reference_figures. The shipped file is never written.
import fs from 'node:fs';
import path from 'node:path';
import type { Input, Output } from '../../../shared/contract';
import type { Ctx } from '../context';
import type { Db, Orm } from '../db/connection';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { referenceFigures } from '../db/schema-figures';
import { AppError } from '../errors';
import { resourcesDir } from '../paths';

type Row = Output<'figures.national.list'>['rows'][number];
interface ShippedRow {
  id: string;
  period: string;
  area: string;
  dataKind: 'census' | 'daily' | 'local';
  overall: number | null;
  authorised: number | null;
  unauthorised: number | null;
  persistent: number | null;
  severe: number | null;
  primary: number | null;
  secondary: number | null;
  special: number | null;
  source: string;
}
interface Shipped {
  note: string;
  rows: ShippedRow[];
}

let shippedCache: Shipped | null = null;
export function shippedFigures(): Shipped {
  if (!shippedCache) {
    shippedCache = JSON.parse(
      fs.readFileSync(path.join(resourcesDir(), 'national-figures.json'), 'utf8'),
    ) as Shipped;
  }
  return shippedCache;
}

/** A stored row of reference_figures, as drizzle reads it. */
type DbRow = typeof referenceFigures.$inferSelect;

const FIELDS = [
  'overall',
  'authorised',
  'unauthorised',
  'persistent',
  'severe',
  'primary',
  'secondary',
  'special',
] as const;

/** Shipped rows (replaced by the school's edit where there is one), then the school's own rows, oldest first. */
export function listReferenceFigures(db: Db, includeHidden: boolean): Row[] {
  const own = drizzle(db).select().from(referenceFigures).orderBy(asc(referenceFigures.id)).all();
  const edits = new Map(own.filter((r) => r.shippedId).map((r) => [r.shippedId!, r]));
  const pick = (r: DbRow | ShippedRow) =>
    Object.fromEntries(FIELDS.map((f) => [f, r[f] ?? null])) as Pick<Row, (typeof FIELDS)[number]>;
  const rows: Row[] = [];
  for (const s of shippedFigures().rows) {
    const e = edits.get(s.id);
    rows.push(
      e
        ? {
            key: `school:${e.id}`,
            shippedId: s.id,
            schoolId: e.id,
            origin: 'edited',
            period: e.period,
            area: e.area,
            dataKind: e.dataKind,
            ...pick(e),
            source: e.source,
            hidden: e.hidden,
          }
        : {
            key: `shipped:${s.id}`,
            shippedId: s.id,
            schoolId: null,
            origin: 'shipped',
            period: s.period,
            area: s.area,
            dataKind: s.dataKind,
            ...pick(s),
            source: s.source,
            hidden: false,
          },
    );
  }
  for (const e of own.filter((r) => !r.shippedId)) {
    rows.push({
      key: `school:${e.id}`,
      shippedId: null,
      schoolId: e.id,
      origin: 'school',
      period: e.period,
      area: e.area,
      dataKind: e.dataKind,
      ...pick(e),
      source: e.source,
      hidden: e.hidden,
    });
  }
  return includeHidden ? rows : rows.filter((r) => !r.hidden);
}

export function listNational(ctx: Ctx, i: Input<'figures.national.list'>): Output<'figures.national.list'> {
  return { rows: listReferenceFigures(ctx.store.db, !!i.includeHidden), note: shippedFigures().note };
}

/** Adds a row, edits one the school saved, or edits or hides a shipped row (stored beside it; audited). */
export function saveNational(ctx: Ctx, i: Input<'figures.national.save'>): Output<'figures.national.save'> {
  const db = ctx.store.db;
  if (i.schoolId !== undefined && i.shippedId !== undefined) {
    throw new AppError('invalid', "Edit either a shipped row or one of the school's rows, not both.");
  }
  if (i.shippedId !== undefined && !shippedFigures().rows.some((r) => r.id === i.shippedId)) {
    throw new AppError('not_found', `There is no shipped row ${i.shippedId}.`);
  }
  const values = [
    i.period,
    i.area,
    i.dataKind,
    ...FIELDS.map((f) => i[f] ?? null),
    i.source,
    i.hidden ? 1 : 0,
    ctx.session.userName,
    ctx.now(),
  ];
  let id: number;
  const existing =
    i.schoolId !== undefined
      ? (db.prepare('SELECT id FROM reference_figures WHERE id = ?').get(i.schoolId) as
          { id: number } | undefined)
      : i.shippedId !== undefined
        ? (db.prepare('SELECT id FROM reference_figures WHERE shipped_id = ?').get(i.shippedId) as
            { id: number } | undefined)
        : undefined;
  if (i.schoolId !== undefined && !existing) {
    throw new AppError('not_found', 'That row of figures no longer exists.');
  }
  if (existing) {
    db.prepare(
      `UPDATE reference_figures SET period = ?, area = ?, data_kind = ?, overall = ?, authorised = ?,
        unauthorised = ?, persistent = ?, severe = ?, primary_pct = ?, secondary_pct = ?, special_pct = ?,
        source = ?, hidden = ?, updated_by = ?, updated_at = ? WHERE id = ?`,
    ).run(...values, existing.id);
    id = existing.id;
  } else {
    id = Number(
      db
        .prepare(
          `INSERT INTO reference_figures (shipped_id, period, area, data_kind, overall, authorised, unauthorised,
            persistent, severe, primary_pct, secondary_pct, special_pct, source, hidden, updated_by, updated_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(i.shippedId ?? null, ...values).lastInsertRowid,
    );
  }
  ctx.audit('figures.reference.save', 'reference_figures', id, i);
  return { schoolId: id };
}

/** Saves one imported (not shipped) reference row: updates the row for the same period and area, else adds one.
 * The figures area owns reference_figures; the governors' DfE import writes through this. */
export function saveReferenceRow(
  orm: Orm,
  values: typeof referenceFigures.$inferInsert,
): 'added' | 'updated' {
  const old = orm
    .select({ id: referenceFigures.id })
    .from(referenceFigures)
    .where(
      and(
        isNull(referenceFigures.shippedId),
        eq(referenceFigures.period, values.period),
        eq(referenceFigures.area, values.area),
      ),
    )
    .get();
  if (old) {
    orm.update(referenceFigures).set(values).where(eq(referenceFigures.id, old.id)).run();
    return 'updated';
  }
  orm.insert(referenceFigures).values(values).run();
  return 'added';
}
