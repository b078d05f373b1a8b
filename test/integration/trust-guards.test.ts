// The guards of migration 0028 (docs/records-integrity.md, "Guards on the register's facts"), on a real file and
// the app's own connection (so the chain functions are there and only the guards stand in the way): a direct
// UPDATE of the register's facts, a mark's who/when/source or note, registers taken, planned marks, roles, and a
// decided leave request is refused with a 'refused: ' message, while the app's audited paths still work.
import { describe, expect, it } from 'vitest';
import { sqliteToRpcError } from '../../main/core/trust/sql-errors';
import { ok, setupSchool, STAFF_SESSION, tempStore, PUPIL_HEADER, pupilRow } from '../helpers/store';
import type { Store } from '../../main/core/db/connection';
import { addAccount, fastAuth } from '../helpers/auth';

function refusal(store: Store, sql: string): string {
  try {
    store.db.exec(sql);
  } catch (e) {
    const r = sqliteToRpcError(e);
    expect(r?.kind).toBe('refused');
    return r!.message;
  }
  throw new Error(`not refused: ${sql}`);
}

function school(): Store {
  const s = tempStore();
  setupSchool(s);
  ok(s, 'pupils.import', { csv: [PUPIL_HEADER, pupilRow(1), pupilRow(2)].join('\n') });
  return s;
}

describe('guards on the register facts', () => {
  it('refuses direct changes of admission date, date of birth, UPN, leaving date and deletion ground', () => {
    const s = school();
    expect(refusal(s, "UPDATE pupils SET admission_date = '2020-01-06' WHERE id = 1")).toMatch(
      /admission date, date of birth, leaving date or deletion ground changes only through the app/,
    );
    expect(refusal(s, "UPDATE pupils SET dob = '2017-01-01' WHERE id = 1")).toMatch(/only through the app/);
    expect(refusal(s, "UPDATE pupils SET leaving_date = '2025-10-01' WHERE id = 1")).toMatch(/only through/);
    expect(refusal(s, "UPDATE pupils SET deletion_ground = 'x' WHERE id = 1")).toMatch(/only through/);
    expect(refusal(s, "UPDATE pupils SET upn = 'A000000000000' WHERE id = 1")).toMatch(
      /UPN .* never changed/,
    );
    // an audit row about another change does not open the door
    s.db.exec(
      "INSERT INTO audit_log (at, actor, action, entity, entity_id, detail) VALUES ('x', 'me', " +
        '\'pupil.update\', \'pupil\', \'1\', \'{"changes":{"dob":{"to":"2016-01-01"}}}\')',
    );
    expect(refusal(s, "UPDATE pupils SET dob = '2017-01-01' WHERE id = 1")).toMatch(/only through the app/);
    s.db.close();
  });

  it("the app's own path still changes them, audited", () => {
    const s = school();
    ok(s, 'pupils.recordLeaving', {
      id: 2,
      leavingDate: '2025-09-05',
      ground: '2024-9(1)(a)',
      confirmedBy: 'Head Teacher',
    });
    const row = s.db.prepare('SELECT leaving_date, deletion_ground FROM pupils WHERE id = 2').get();
    expect(row).toEqual({ leaving_date: '2025-09-05', deletion_ground: '2024-9(1)(a)' });
    s.db.close();
  });

  it("refuses a mark's source, recorder and time, and a note changed past the app", () => {
    const s = school();
    s.db.exec(
      'INSERT INTO marks (pupil_id, date, session, code, source, recorded_by, recorded_at) VALUES ' +
        "(1, '2025-09-04', 'AM', '/', 'register', 'T', 'x')",
    );
    expect(refusal(s, "UPDATE marks SET recorded_by = 'Someone else' WHERE id = 1")).toMatch(
      /who recorded a register mark, when and from where is never changed/,
    );
    expect(refusal(s, "UPDATE marks SET recorded_at = 'y' WHERE id = 1")).toMatch(/never changed/);
    expect(refusal(s, "UPDATE marks SET source = 'import' WHERE id = 1")).toMatch(/never changed/);
    expect(refusal(s, "UPDATE marks SET note = 'forged' WHERE id = 1")).toMatch(/note changes only through/);
    s.db.close();
  });

  it('refuses rewriting registers taken, editing planned marks and roles, and a decided leave request', () => {
    const s = school();
    s.db.exec(
      "INSERT INTO registers_taken (date, session, reg_group, taken_by, taken_at) VALUES ('2025-09-04', 'AM', '1 Ash', 'T', 'x')",
    );
    expect(refusal(s, "UPDATE registers_taken SET taken_by = 'X'")).toMatch(/never changed/);
    expect(refusal(s, 'DELETE FROM registers_taken')).toMatch(/never deleted/);
    s.db.exec(
      'INSERT INTO planned_marks (pupil_id, date, session, code, source, created_at, created_by) ' +
        "VALUES (1, '2025-09-10', 'AM', 'V', 'trip', 'x', 'T')",
    );
    expect(refusal(s, "UPDATE planned_marks SET code = 'H'")).toMatch(/planned mark is replaced/);
    fastAuth(s);
    const id = addAccount(s, 'office1', ['office', 'lead']);
    expect(refusal(s, `DELETE FROM user_roles WHERE user_id = ${id}`)).toMatch(/roles change only/);
    expect(refusal(s, `INSERT INTO user_roles (user_id, role) VALUES (${id}, 'admin')`)).toMatch(
      /roles change only/,
    );
    expect(refusal(s, "UPDATE user_roles SET role = 'admin'")).toMatch(/roles change only/);
    s.db.close();
  });

  it('refuses a change to a leave request once it is decided', () => {
    const s = school();
    s.db.exec(
      "INSERT INTO leave_families (created_at, created_by) VALUES ('x', 'T');" +
        ('INSERT INTO leave_requests (family_id, pupil_id, requester_name, requester_lives_with, ' +
          'how_received, date_received, from_date, from_session, to_date, to_session, kind, reason, ' +
          "created_at, created_by) VALUES (1, 1, 'Parent', 1, 'paper', '2025-09-01', '2025-10-06', " +
          "'AM', '2025-10-06', 'PM', 'exceptional', 'wedding', 'x', 'T');"),
    );
    s.db.exec("UPDATE leave_requests SET reason = 'wedding abroad' WHERE id = 1");
    s.db.exec(
      'INSERT INTO leave_decisions (request_id, outcome, days_granted, sessions_granted, sessions, ' +
        "reason, decider_name, decider_position, decided_at) VALUES (1, 'refused', 0, 0, '[]', 'not " +
        "exceptional', 'Head', 'Head teacher', 'x')",
    );
    expect(refusal(s, "UPDATE leave_requests SET reason = 'changed' WHERE id = 1")).toMatch(
      /kept as it was decided/,
    );
    s.db.close();
  });

  it('every guard message maps to the refused kind without the prefix', () => {
    const s = school();
    const msg = refusal(s, "UPDATE pupils SET upn = 'X' WHERE id = 1");
    expect(msg.startsWith('refused:')).toBe(false);
    expect(STAFF_SESSION.roles).toContain('admin');
    s.db.close();
  });
});
