// The figures section of npm run bench on its own, on a school the bench kept (BENCH_KEEP=file npm run bench),
// run a few times in one process so a change to one figure can be measured without the whole bench:
//   npm run build:main && BENCH_SCHOOL=file [BENCH_ROUNDS=3] node dist/bench/figures-only.cjs
import fs from 'node:fs';
import { openStore } from '../../main/core/db/connection';
import { benchFigures } from './figures-bench';

const file = process.env.BENCH_SCHOOL;
if (!file || !fs.existsSync(file)) {
  console.error('BENCH_SCHOOL must name a school kept by the bench (BENCH_KEEP=file npm run bench).');
  process.exit(2);
}
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const store = openStore(file, { key: null });
for (let round = 1; round <= rounds; round++) {
  console.log(`round ${round} of ${rounds}`);
  benchFigures(store, (label, ms, floorMs) => {
    const ratio =
      floorMs === undefined ? '' : `   floor ${floorMs.toFixed(1)} ms   ratio ${(ms / floorMs).toFixed(2)}×`;
    console.log(`${label.padEnd(70)} ${ms.toFixed(1).padStart(8)} ms${ratio}`);
  });
}
store.db.close();
