// The build stamp (scripts/build-stamp.mjs) decides whether npm run web / npm run cli rebuild: on a tree of real
// files in a temporary folder, never by running the build itself.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILDS, decide, fingerprint, writeStamp, type BuildSpec } from '../../scripts/build-stamp.mjs';

const spec: BuildSpec = {
  inputs: ['src', 'shared', 'build.config.json', 'absent-folder'],
  stamp: 'dist/.build-stamp.json',
  outputs: ['dist/out.js'],
};
let root: string;

const put = (rel: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), text);
};
/** What a successful build leaves: its output, and the stamp of the fingerprint taken before it. */
const build = () => {
  const before = decide(root, spec);
  put('dist/out.js', 'built');
  writeStamp(root, spec, before.hash);
};
const verdict = () => {
  const d = decide(root, spec);
  return d.build ? `build: ${d.why}` : 'up to date';
};

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'build-stamp-'));
  put('src/a.ts', 'export const a = 1;\n');
  put('src/deep/b.ts', 'export const b = 2;\n');
  put('shared/c.ts', 'export const c = 3;\n');
  put('build.config.json', '{}\n');
  put('src/node_modules/x/index.js', 'ignored');
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('the build stamp', () => {
  it('says build on a fresh dist (no stamp yet)', () => {
    expect(verdict()).toBe('build: no stamp of a previous build');
  });

  it('says up to date after a build, and a touch alone (new mtime, same content) keeps it so', () => {
    build();
    expect(verdict()).toBe('up to date');
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(path.join(root, 'src/a.ts'), later, later);
    expect(verdict()).toBe('up to date');
  });

  it('says build after a source file changed, even to the same length', () => {
    build();
    put('src/deep/b.ts', 'export const b = 9;\n');
    expect(verdict()).toBe('build: a source file changed since the last build');
  });

  it('says build after a file is added, and after one is deleted', () => {
    build();
    put('shared/new.ts', '');
    expect(verdict()).toBe('build: a source file changed since the last build');
    build();
    fs.rmSync(path.join(root, 'shared/c.ts'));
    expect(verdict()).toBe('build: a source file changed since the last build');
  });

  it('says build after a file is renamed (same content, new path) or a single input file changes', () => {
    build();
    fs.renameSync(path.join(root, 'src/a.ts'), path.join(root, 'src/a2.ts'));
    expect(verdict()).toMatch(/^build/);
    build();
    put('build.config.json', '{"x":1}\n');
    expect(verdict()).toMatch(/^build/);
  });

  it('says build when an output of the build is missing, or the stamp is unreadable', () => {
    build();
    fs.rmSync(path.join(root, 'dist/out.js'));
    expect(verdict()).toBe('build: dist/out.js is missing');
    build();
    fs.writeFileSync(path.join(root, spec.stamp), 'not json');
    expect(verdict()).toBe('build: no stamp of a previous build');
  });

  it('leaves node_modules out of the inputs', () => {
    build();
    put('src/node_modules/x/index.js', 'changed');
    expect(verdict()).toBe('up to date');
  });

  it("this repository's builds hash their sources, configs, build scripts and the lock file, stamps in dist/", () => {
    for (const input of ['main', 'shared', 'resources', 'package-lock.json', 'scripts/build-main.mjs']) {
      expect(BUILDS.main.inputs).toContain(input);
    }
    for (const input of ['renderer', 'shared', 'vite.config.ts', 'tsconfig.web.json', 'package-lock.json']) {
      expect(BUILDS.renderer.inputs).toContain(input);
    }
    expect([BUILDS.main.stamp, BUILDS.renderer.stamp].every((s) => s.startsWith('dist/'))).toBe(true);
    expect(fingerprint('.', BUILDS.main.inputs).files).toBeGreaterThan(50);
  });
});

describe('npm run web and npm run cli', () => {
  it('exec one node process (no shell left between npm and it) that builds if needed; npm run build always builds', () => {
    const scripts = JSON.parse(fs.readFileSync('package.json', 'utf8')).scripts;
    expect(scripts.web).toBe('exec node scripts/run.mjs web');
    expect(scripts.cli).toBe('exec node scripts/run.mjs cli');
    expect(scripts.build).toBe('node scripts/build.mjs main renderer');
  });
});
