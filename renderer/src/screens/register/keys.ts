// The register grid's keys (the list is in Register.tsx's header): a pending first letter is settled first,
// then the keys that move, then the keys that mark.
import type { KeyboardEvent } from 'react';
import type { Editing } from './marks';

const PRESENT_KEYS = new Set(['/', '\\', '.', ' ']);

export interface KeyContext {
  editing: Editing;
  active: number;
  count: number;
  pending: string | null;
  setPending: (p: string | null) => void;
  codes: ReadonlyMap<string, unknown>;
  prefixes: ReadonlySet<string>;
  present: string;
  apply: (i: number, code: string) => boolean;
  advance: (i: number) => void;
  setActive: (i: number) => void;
  markAllPresent: () => void;
}
type Key = KeyboardEvent<HTMLTableElement>;

/** A first letter waiting for its digit, and this key: true when the key has been dealt with. */
function settlePending(e: Key, key: string, c: KeyContext) {
  const { pending } = c;
  if (!pending) {
    return false;
  }
  const two = pending + key.toUpperCase();
  c.setPending(null);
  if (c.codes.has(two)) {
    e.preventDefault();
    c.apply(c.active, two);
    return true;
  }
  if (c.codes.has(pending)) {
    c.apply(c.active, pending);
  } // the letter alone, then this key acts as usual on the next pupil
  if (!c.codes.has(pending)) {
    return true;
  }
  return false;
}

/** ↑ ↓ Enter Home End: true when the key moved. */
function moveKey(e: Key, key: string, c: KeyContext) {
  const i = c.active;
  if (key === 'ArrowDown' || key === 'Enter') {
    e.preventDefault();
    c.advance(i);
    return true;
  }
  if (key === 'ArrowUp') {
    e.preventDefault();
    c.setActive(Math.max(0, i - 1));
    return true;
  }
  if (key === 'Home') {
    e.preventDefault();
    c.setActive(0);
    return true;
  }
  if (key === 'End') {
    e.preventDefault();
    c.setActive(c.count - 1);
    return true;
  }
  return false;
}

/** * (all unmarked present), a present key, or a letter (a code, or the first letter of a two-letter code). */
function markKey(e: Key, key: string, c: KeyContext) {
  const i = c.active;
  if (key === '*') {
    e.preventDefault();
    c.markAllPresent();
    return;
  }
  if (PRESENT_KEYS.has(key)) {
    e.preventDefault();
    c.apply(i, c.present);
    return;
  }
  if (/^[a-zA-Z#]$/.test(key)) {
    e.preventDefault();
    const k = key.toUpperCase();
    if (c.prefixes.has(k)) {
      c.setPending(k);
      return;
    }
    c.apply(i, k);
  }
}

export function onRegisterKey(e: Key, c: KeyContext) {
  if (c.editing) {
    return;
  }
  if (e.ctrlKey || e.metaKey || e.altKey) {
    return;
  }
  const key = e.key;
  if (settlePending(e, key, c)) {
    return;
  }
  if (moveKey(e, key, c)) {
    return;
  }
  markKey(e, key, c);
}
