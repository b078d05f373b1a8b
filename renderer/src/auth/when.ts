// An instant (ISO, UTC) as the office reads it: dd/MM/yyyy HH:mm in the PC's local time.
import { format } from 'date-fns';

export function formatWhen(iso: string | null | undefined, seconds = false): string {
  if (!iso) {
    return '';
  }
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : format(d, seconds ? 'dd/MM/yyyy HH:mm:ss' : 'dd/MM/yyyy HH:mm');
}

/** Just the time of day (HH:mm, PC local time) of an instant. */
export function formatTimeOfDay(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso.slice(11, 16) : format(d, 'HH:mm');
}
