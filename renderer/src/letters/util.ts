// Small helpers of the letters screens: jobs polled for progress, files to and from base64.
import type { Output } from '../../../shared/contract';
import { call } from '../rpc';
import type { LadderStage } from '../../../shared/ladder';

export type JobState = Output<'letters.job'>;

/** Polls a letters job until it has finished, reporting each state (a real progress bar). */
export async function pollJob(jobId: string, onState: (s: JobState) => void): Promise<JobState> {
  for (;;) {
    const s = await call('letters.job', { jobId });
    onState(s);
    if (s.status !== 'running') {
      return s;
    }
    await new Promise((r) => setTimeout(r, 150));
  }
}

export async function fileToBase64(f: File): Promise<string> {
  const buf = new Uint8Array(await f.arrayBuffer());
  let s = '';
  for (let i = 0; i < buf.length; i += 0x8000) {
    s += String.fromCharCode(...buf.subarray(i, i + 0x8000));
  }
  return btoa(s);
}

type BadgeColour = 'informative' | 'warning' | 'severe' | 'danger' | 'subtle';

/** The badge colour of each stage of the ladder: the compiler asks for one for every stage. */
export const STAGE_COLOURS: Record<LadderStage, BadgeColour> = {
  none: 'subtle',
  concern: 'informative',
  meeting: 'informative',
  formal_warning: 'warning',
  notice_to_improve: 'severe',
  penalty_notice: 'danger',
};
