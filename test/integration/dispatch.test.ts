// dispatch: validation, permissions and envelopes; never a thrown exception across the boundary.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/core/dispatch';
import { CHANNELS, contract, type Session } from '../../shared/contract';
import { networkShareReason } from '../../main/core/paths';
import { openStore } from '../../main/core/db/connection';
import { rowCount, setupSchool, STAFF_SESSION, tempStore } from '../helpers/store';

describe('dispatch', () => {
  it('returns invalid with issues for bad input, and nothing is written', () => {
    const s = tempStore();
    const r = dispatch(
      s,
      'school.setup',
      { school: { name: '' }, academicYear: 1, ranges: [] },
      STAFF_SESSION,
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe('invalid');
      expect(r.error.issues!.length).toBeGreaterThan(0);
    }
    expect(rowCount(s, 'school')).toBe(0);
  });

  it('refuses a register open longer than 30 minutes', () => {
    const s = tempStore();
    const r = dispatch(
      s,
      'school.setup',
      {
        school: {
          name: 'X',
          urn: null,
          laCode: null,
          estab: null,
          address: null,
          amOpens: '08:40',
          pmOpens: '13:10',
          registerOpenMinutes: 45,
          championName: null,
          championPosition: null,
          atRiskLowerPct: 5,
        },
        academicYear: 2025,
        ranges: [],
      },
      STAFF_SESSION,
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toMatch(/at most 30 minutes/);
    }
  });

  it('rolls back a write that fails half-way', () => {
    const s = tempStore();
    const r = dispatch(
      s,
      'school.setup',
      {
        school: {
          name: 'X',
          urn: null,
          laCode: null,
          estab: null,
          address: null,
          amOpens: '08:40',
          pmOpens: '13:10',
          registerOpenMinutes: 30,
          championName: null,
          championPosition: null,
          atRiskLowerPct: 5,
        },
        academicYear: 2025,
        ranges: [
          { dateFrom: '2025-09-03', dateTo: '2025-10-24', kind: 'term', label: null },
          { dateFrom: '2027-01-01', dateTo: '2027-02-01', kind: 'term', label: null },
        ],
      },
      STAFF_SESSION,
    );
    expect(r.ok).toBe(false);
    expect(rowCount(s, 'school')).toBe(0);
    expect(rowCount(s, 'calendar_ranges')).toBe(0);
  });

  it('refuses a caller without a permitted role with kind forbidden, for every channel, changing nothing', () => {
    const s = tempStore();
    setupSchool(s);
    const nobody: Session = { userName: 'x', position: 'x', roles: [] };
    const before = rowCount(s, 'audit_log');
    for (const c of CHANNELS.filter((c) => !contract[c].public && !contract[c].account)) {
      const r = dispatch(s, c, {}, nobody);
      expect(r.ok, c).toBe(false);
      if (!r.ok) {
        expect(r.error.kind, c).toBe('forbidden');
      }
    }
    const governor: Session = { userName: 'g', position: 'Governor', roles: ['governor'] };
    for (const c of CHANNELS.filter(
      (c) =>
        !contract[c].public &&
        !contract[c].account &&
        !(contract[c].roles as readonly string[]).includes('governor'),
    )) {
      const r = dispatch(s, c, {}, governor);
      if (!r.ok) {
        expect(r.error.kind, c).toBe('forbidden');
      } else {
        throw new Error(`${c} let a governor in`);
      }
    }
    expect(rowCount(s, 'audit_log')).toBe(before);
  });

  it('governors cannot reach pupil lists or pupil pages', () => {
    expect(contract['pupils.list'].roles).not.toContain('governor');
    expect(contract['pupils.get'].roles).not.toContain('governor');
  });

  it('an unknown channel is an envelope, not an exception', () => {
    const s = tempStore();
    const r = dispatch(s, 'nope' as never, {}, STAFF_SESSION);
    expect(r).toEqual({ ok: false, error: { kind: 'not_found', message: 'unknown channel nope' } });
  });
});

describe('messages people read', () => {
  it('an unknown pupil id is "not on the admission register", never the id itself', () => {
    const s = tempStore();
    setupSchool(s);
    const calls = [
      dispatch(
        s,
        'arrangements.cmeOpen',
        { pupilId: 424242, trigger: 'concern', detail: 'x' },
        STAFF_SESSION,
      ),
    ];
    const cme = calls[0];
    expect(cme.ok ? 'ok' : cme.error).toEqual({
      kind: 'not_found',
      message: 'That pupil is not on the admission register: reload the list and choose the pupil again.',
    });
    for (const r of calls) {
      expect(r.ok ? '' : r.error.message).not.toContain('424242');
    }
    s.db.close();
  });
});

describe('network shares', () => {
  it('refuses UNC paths and mapped network drives with an explanation', () => {
    expect(networkShareReason('\\\\server\\share\\attendance.sqlite')).toMatch(/network share.*locking/);
    expect(networkShareReason('//server/share/a.sqlite')).toMatch(/network share/);
    expect(networkShareReason('Z:\\data\\a.sqlite', (d) => (d === 'Z' ? 'remote' : 'local'))).toMatch(
      /mapped network drive Z:/,
    );
    expect(networkShareReason('C:\\data\\a.sqlite', () => 'local')).toBeNull();
    expect(networkShareReason('\\\\?\\C:\\data\\a.sqlite')).toBeNull();
  });

  it('openStore refuses such a path before touching it', () => {
    expect(() => openStore('\\\\server\\share\\a.sqlite')).toThrow(/network share/);
  });
});
