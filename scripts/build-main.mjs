// Bundles the Node side (Electron main, preload, browser-mode server, CLI, bench) to CommonJS with esbuild.
// better-sqlite3 (native) and electron stay external.
import { build } from 'esbuild';

const quiet = process.argv.includes('--quiet');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  sourcemap: true,
  external: ['better-sqlite3', 'better-sqlite3-multiple-ciphers', 'electron', '@resvg/resvg-js'],
  logLevel: quiet ? 'error' : 'info',
};

await Promise.all([
  build({
    ...common,
    entryPoints: {
      'electron/main': 'main/electron/main.ts',
      'electron/core-worker': 'main/electron/core-worker.ts',
      'preload/preload': 'main/preload/preload.ts',
    },
    outdir: 'dist',
    outExtension: { '.js': '.cjs' },
  }),
  build({
    ...common,
    entryPoints: {
      'web/server': 'main/web/server.ts',
      // The CLI is two files: a small entry (usage, version check) and the commands it loads when there is one
      // to run (main/cli/entry.ts).
      'cli/attendance': 'main/cli/entry.ts',
      'cli/commands': 'main/cli/attendance.ts',
      'bench/bench': 'test/bench/bench.ts',
      'bench/chain-bench': 'test/bench/chain-bench.ts',
    },
    outdir: 'dist',
    outExtension: { '.js': '.cjs' },
    banner: { js: '' },
  }),
]);
