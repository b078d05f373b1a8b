// The newcomer's path (README "The two commands") is the one CI walks, and every e2e spec has its project.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../playwright.config';

const read = (f: string) => fs.readFileSync(f, 'utf8');

describe('the front door', () => {
  it('the README gives the two commands, and .ci/run runs exactly their set-up and test steps', () => {
    const block = read('README.md').split('## The two commands')[1].split('```')[1];
    const commands = block
      .split('\n')
      .map((l) => l.split('#')[0].trim())
      .filter((l) => l && l !== 'sh');
    expect(commands).toEqual(['scripts/setup.sh', 'scripts/test.sh']);
    const steps = read('.ci/run')
      .split('\n')
      .filter((l) => /^scripts\//.test(l));
    expect(steps).toEqual([
      'scripts/setup.sh --no-start || { echo "0 passed, 1 failed, 0 skipped"; exit 1; }',
      'scripts/test.sh',
    ]);
    expect(read('scripts/test.sh')).toMatch(/^npm test$/m);
    expect(read('scripts/setup.sh')).toMatch(/exec npm run web -- --demo/);
  });

  it('every e2e spec runs in a project of its own with its own server', () => {
    const specs = fs
      .readdirSync('test/e2e')
      .filter((f) => f.endsWith('.spec.ts'))
      .map((f) => f.replace(/\.spec\.ts$/, ''))
      .sort();
    const projects = (config.projects ?? []).map((p) => p.name ?? '');
    expect([...projects].sort()).toEqual(specs);
    for (const p of config.projects ?? []) {
      const file = path.resolve('test/e2e', `${p.name}.spec.ts`);
      expect(file).toMatch(p.testMatch as RegExp);
    }
    const servers = Array.isArray(config.webServer) ? config.webServer : [];
    const ports = servers.map((s) => Number(new URL(s.url ?? '').port));
    expect(new Set(ports).size).toBe(projects.length);
  });
});
