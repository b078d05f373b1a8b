// One rule leads from a channel to its code (docs/architecture.md "Channels"): the channel `<area>.<name>` is defined
// in shared/channels/<area>.ts (or a second file of the area, shared/channels/<area>-<part>.ts) and handled in
// main/core/<area>/handlers.ts.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/contract';

const ROOT = path.resolve(__dirname, '../..');
const CHANNEL_DIR = path.join(ROOT, 'shared/channels');
const CORE_DIR = path.join(ROOT, 'main/core');

type Read = (file: string) => string | null;

const readReal: Read = (file) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null);

/** A key `'a.b':` at the start of a line of an object literal (two spaces in). */
function defines(src: string | null, channel: string): boolean {
  return src !== null && src.split('\n').some((l) => l.startsWith(`  '${channel}':`));
}

function keysOf(src: string): string[] {
  return [...src.matchAll(/^ {2}'([a-zA-Z]+(?:\.[a-zA-Z]+)+)':/gm)].map((m) => m[1]);
}

/** Why each channel does not sit where its prefix says (empty when the rule holds). */
function channelHomeProblems(channels: string[], channelFiles: string[], read: Read): string[] {
  const problems: string[] = [];
  for (const c of channels) {
    const area = c.split('.')[0];
    const homes = channelFiles.filter((f) => f === `${area}.ts` || f.startsWith(`${area}-`));
    if (!homes.some((f) => defines(read(path.join(CHANNEL_DIR, f)), c))) {
      problems.push(`${c}: not defined in shared/channels/${area}.ts (or ${area}-<part>.ts)`);
    }
    if (!defines(read(path.join(CORE_DIR, area, 'handlers.ts')), c)) {
      problems.push(`${c}: no handler in main/core/${area}/handlers.ts`);
    }
  }
  return problems;
}

const channelFiles = fs.readdirSync(CHANNEL_DIR).filter((f) => f.endsWith('.ts'));

describe('channel prefix = folder = channel file', () => {
  it('every channel of the contract is defined in shared/channels/<prefix>.ts and handled in main/core/<prefix>/', () => {
    expect(CHANNELS.length).toBeGreaterThan(150);
    expect(channelHomeProblems(CHANNELS, channelFiles, readReal)).toEqual([]);
  });

  it('a channel file and a handlers file hold only channels of their own prefix', () => {
    const strays: string[] = [];
    for (const f of channelFiles) {
      const area = f.replace(/\.ts$/, '').split('-')[0];
      const src = fs.readFileSync(path.join(CHANNEL_DIR, f), 'utf8');
      strays.push(
        ...keysOf(src)
          .filter((k) => k.split('.')[0] !== area)
          .map((k) => `shared/channels/${f}: ${k}`),
      );
    }
    for (const dir of fs.readdirSync(CORE_DIR)) {
      const src = readReal(path.join(CORE_DIR, dir, 'handlers.ts'));
      const keys = src === null ? [] : keysOf(src);
      strays.push(
        ...keys.filter((k) => k.split('.')[0] !== dir).map((k) => `main/core/${dir}/handlers.ts: ${k}`),
      );
    }
    expect(strays).toEqual([]);
  });

  it('the checker refuses a channel whose prefix names another area (a guard against a test that cannot fail)', () => {
    const fake: Read = (file) => {
      if (file.endsWith(path.join('shared', 'channels', 'registers.ts'))) {
        return "export const registersChannels = {\n  'grid.get': ch(),\n};";
      }
      if (file.endsWith(path.join('registers', 'handlers.ts'))) {
        return "export const registersHandlers = {\n  'grid.get': getGrid,\n};";
      }
      return readReal(file);
    };
    expect(channelHomeProblems(['grid.get'], ['registers.ts'], fake)).toEqual([
      'grid.get: not defined in shared/channels/grid.ts (or grid-<part>.ts)',
      'grid.get: no handler in main/core/grid/handlers.ts',
    ]);
    expect(channelHomeProblems(['registers.grid'], channelFiles, readReal)).toEqual([]);
  });
});
