// What leaves the building is audited (docs/data-safety.md, "What leaves the building"): exports from the app and
// the command line, backups, with who, what and how many rows; a person giving their own account pupil-data access
// is flagged on the audit screen.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { dispatch } from '../../main/core/dispatch';
import { resolveSession } from '../../main/core/auth/sessions';
import { ANONYMOUS } from '../../shared/contract';
import { ok, pupilRow, PUPIL_HEADER, setupSchool, tempDir, tempStore } from '../helpers/store';
import { addAccount, fastAuth } from '../helpers/auth';
import { cli } from '../helpers/cli';
import { openStore, type Store } from '../../main/core/db/connection';

const exportsOf = (s: Store, action: string) =>
  (
    s.db
      .prepare("SELECT actor, detail FROM audit_log WHERE action = ? AND entity = 'export'")
      .all(action) as {
      actor: string;
      detail: string;
    }[]
  ).map((r) => ({ actor: r.actor, ...(JSON.parse(r.detail) as Record<string, unknown>) }));

function school(): Store {
  const s = tempStore();
  setupSchool(s);
  ok(s, 'pupils.import', { csv: [PUPIL_HEADER, pupilRow(1), pupilRow(2), pupilRow(3)].join('\n') });
  return s;
}

describe('exports are audited with what and how many rows', () => {
  it('a marks export and a figures CSV are each one audit entry with their period and row count', () => {
    const s = school();
    const marks = ok(s, 'marks.export', { from: '2025-09-01', to: '2025-12-19' });
    ok(s, 'figures.exportCsv', { list: 'bands', from: '2025-09-03', to: '2025-12-19' });
    expect(exportsOf(s, 'export.marks')).toEqual([
      { actor: 'Test Office', from: '2025-09-01', to: '2025-12-19', rows: marks.rows },
    ]);
    const figures = exportsOf(s, 'export.figures');
    expect(figures).toHaveLength(1);
    expect(figures[0]).toMatchObject({ list: 'bands', rows: 3 });
  });

  it("the command line's pupil list, report and backup are audited; the detail carries no pupil data", () => {
    const s = school();
    const db = s.path;
    s.db.close();
    expect(cli(['pupils', '--db', db, '--json']).code).toBe(0);
    expect(cli(['report', 'pupils', '--db', db, '--from', '2025-09-03', '--to', '2025-12-19']).code).toBe(0);
    const to = path.join(tempDir(), 'copy.sqlite');
    expect(cli(['backup', '--db', db, '--to', to]).code).toBe(0);
    const again = openStore(db);
    expect(exportsOf(again, 'export.pupils')).toMatchObject([{ rows: 3 }]);
    expect(exportsOf(again, 'export.reportPupils')).toMatchObject([{ from: '2025-09-03', rows: 3 }]);
    const backups = again.db.prepare("SELECT detail FROM audit_log WHERE action = 'backup'").all() as {
      detail: string;
    }[];
    expect(backups.map((b) => JSON.parse(b.detail) as { kind: string })).toMatchObject([{ kind: 'manual' }]);
    const details = again.db.prepare("SELECT detail FROM audit_log WHERE entity = 'export'").all() as {
      detail: string;
    }[];
    expect(details.some((d) => d.detail.includes('Surname1'))).toBe(false);
  });
});

describe('a person who gives their own account pupil-data access is flagged', () => {
  function accounts() {
    const s = tempStore();
    fastAuth(s);
    const first = dispatch(
      s,
      'auth.firstAdmin',
      {
        username: 'itadmin',
        displayName: 'Ivy Admin',
        position: 'IT technician',
        password: 'first admin pass 1',
      },
      ANONYMOUS,
    );
    if (!first.ok) {
      throw new Error(first.error.message);
    }
    return { s, admin: () => resolveSession(s, first.value.token!, ANONYMOUS) };
  }

  it('the administrator adding the head role to their own account is flagged; granting it to another is not', () => {
    const { s, admin } = accounts();
    const other = addAccount(s, 'office1', ['office']);
    ok(s, 'users.update', { id: other, roles: ['office', 'lead'] }, admin());
    ok(s, 'users.update', { id: admin().userId!, roles: ['admin', 'head'] }, admin());
    const rows = ok(s, 'audit.list', { action: 'users.roles' }, admin()).rows;
    expect(rows.map((r) => r.flag)).toEqual([
      'Gave their own account pupil-data access (head).',
      null, // the older entry: the administrator gave the lead role to someone else
    ]);
  });

  it('taking a pupil-data role away from oneself is not flagged', () => {
    const { s, admin } = accounts();
    ok(s, 'users.update', { id: admin().userId!, roles: ['admin', 'head'] }, admin());
    ok(s, 'users.update', { id: admin().userId!, roles: ['admin'] }, admin());
    const flags = ok(s, 'audit.list', { action: 'users.roles' }, admin()).rows.map((r) => r.flag);
    expect(flags).toEqual([null, 'Gave their own account pupil-data access (head).']);
  });
});
