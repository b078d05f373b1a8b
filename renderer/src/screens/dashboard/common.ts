// What the dashboard's parts share: the figures' type and how a count and a published percentage are written.
import type { Output } from '../../../../shared/contract';

export type D = Output<'figures.dashboard'>;
export type Ref = D['reference'][number];

export const num = (n: number) => n.toLocaleString('en-GB');
export const published = (v: number | null) => (v === null ? '–' : `${v}%`);
