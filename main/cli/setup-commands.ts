// The commands that make a school's file and bring data into it (docs/cli.md): init, demo and the three
// imports, which go through the same channels (and checks) as the app.
import { SchoolSchema } from '../../shared/contract';
import { NEW_SCHOOL } from '../../shared/channels/school';
import { AppError } from '../core/errors';
import { createSchool, readSchool } from '../core/school/school.service';
import { createDemoSchool } from '../core/demo/demo';
import { COMMON, UsageError, readInput, type Command, type CommandArgs } from './command-kit';

function initCommand({ db, v, store, ctx, emit }: CommandArgs): number {
  if (!v.school) {
    throw new UsageError('--school NAME is required');
  }
  if ((v.la === undefined) !== (v.estab === undefined)) {
    throw new UsageError('--la and --estab go together');
  }
  const school = {
    ...NEW_SCHOOL,
    name: v.school as string,
    urn: (v.urn as string) ?? null,
    laCode: (v.la as string) ?? null,
    estab: (v.estab as string) ?? null,
  };
  const checked = SchoolSchema.safeParse(school);
  if (!checked.success) {
    throw new AppError('invalid', checked.error.issues.map((i) => i.message).join('; '));
  }
  store.db.transaction(() => createSchool(ctx, checked.data)).immediate();
  emit(`Created ${checked.data.name} in ${db}.`, { ok: true, db, school: checked.data.name });
  return 0;
}

function demoCommand({ db, v, store, emit }: CommandArgs): number {
  if (readSchool(store.db)) {
    throw new AppError('conflict', `${db} already holds a school; the demo needs a new file.`);
  }
  const pupils = v.pupils === undefined ? undefined : Number(v.pupils);
  const seed = v.seed === undefined ? undefined : Number(v.seed);
  if (pupils !== undefined && (!Number.isInteger(pupils) || pupils < 1 || pupils > 5000)) {
    throw new UsageError('--pupils must be a whole number from 1 to 5000');
  }
  if (seed !== undefined && !Number.isInteger(seed)) {
    throw new UsageError('--seed must be a whole number');
  }
  const r = createDemoSchool(store, { pupils, seed, kind: v.secondary ? 'secondary' : 'primary' });
  emit(`Created the demo school in ${db}.`, { ok: true, db, ...r });
  return 0;
}

function importCalendarCommand({ pos, emit, call }: CommandArgs): number {
  const r = call('calendar.import', { csv: readInput(pos[0]) });
  emit(`Calendar: ${r.added} ranges added, ${r.unchanged} already there.`, r);
  return 0;
}

function importPupilsCommand({ pos, io, emit, call }: CommandArgs): number {
  const r = call('pupils.import', { csv: readInput(pos[0]) });
  for (const w of r.warnings) {
    io.err(`${w.line === undefined ? '' : `line ${w.line}: `}warning: ${w.message}\n`);
  }
  emit(`Pupils: ${r.created} added, ${r.updated} updated, ${r.unchanged} unchanged.`, r);
  return 0;
}

function importMarksCommand({ v, pos, io, emit, call }: CommandArgs): number {
  const r = call('marks.import', {
    csv: readInput(pos[0]),
    reason: v.reason as string | undefined,
    by: v.by as string | undefined,
    position: v.position as string | undefined,
  });
  for (const w of r.warnings) {
    io.err(`line ${w.line}: warning: ${w.message}\n`);
  }
  emit(
    `Marks: ${r.inserted} added, ${r.amended} amended, ${r.notesChanged} notes changed, ` +
      `${r.skipped} unchanged, ${r.closureRowsSkipped} closure rows skipped.`,
    r,
  );
  return 0;
}

export const SETUP_COMMANDS: Record<string, Command> = {
  init: {
    options: {
      ...COMMON,
      school: { type: 'string' },
      urn: { type: 'string' },
      la: { type: 'string' },
      estab: { type: 'string' },
    },
    creates: true,
    run: initCommand,
  },
  demo: {
    options: {
      ...COMMON,
      pupils: { type: 'string' },
      seed: { type: 'string' },
      secondary: { type: 'boolean', default: false },
    },
    creates: true,
    run: demoCommand,
  },
  'import calendar': { options: COMMON, run: importCalendarCommand },
  'import pupils': { options: COMMON, run: importPupilsCommand },
  'import marks': {
    options: {
      ...COMMON,
      reason: { type: 'string' },
      by: { type: 'string' },
      position: { type: 'string' },
    },
    run: importMarksCommand,
  },
};
