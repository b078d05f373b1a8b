// The demo school's leave requests: deterministic, decided through the same service, and showing each stage
// a new user should see (waiting, granted with planned marks, refused and taken anyway with G proposed).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../main/core/db/connection';
import { createDemoSchool } from '../../main/core/demo/demo';
import { ok, tempDir } from '../helpers/store';
import type { Session } from '../../shared/contract';

const HEAD: Session = { userName: 'Head', position: 'Headteacher', roles: ['head'] };

describe('demo leave', () => {
  it('holds requests waiting, a grant with planned C marks and a refusal whose O marks are proposed as G', () => {
    const dir = tempDir();
    const store = openStore(path.join(dir, 'demo.sqlite'));
    createDemoSchool(store, { pupils: 120, seed: 7, today: '2026-12-01' });
    const all = ok(store, 'leave.list', {}, HEAD).requests;
    expect(all.map((r) => r.status).sort()).toEqual(['granted', 'pending', 'pending', 'pending', 'refused']);
    const family = all.filter((r) => r.status === 'pending' && r.kind === 'exceptional');
    expect(family).toHaveLength(2);
    expect(family[0].familyId).toBe(family[1].familyId);
    expect(ok(store, 'leave.queue', {}, HEAD).requests).toHaveLength(3);
    const granted = all.find((r) => r.status === 'granted')!;
    expect(
      store.db
        .prepare("SELECT code FROM planned_marks WHERE source = 'leave' AND source_id = ?")
        .all(granted.id),
    ).toEqual([{ code: 'C' }, { code: 'C' }]);
    const g = ok(store, 'leave.gProposals', {}, HEAD).proposals;
    expect(g.map((p) => [p.code, p.session])).toEqual([
      ['O', 'AM'],
      ['O', 'PM'],
    ]);
    expect(g[0].why).toMatch(/^leave refused on /);
    store.db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
