// The grid's cursor and its selected block: arrows move, Shift+arrows (or Shift+click) stretch the block from where
// it was anchored, and a code typed (or /, or . for present) starts a bulk change of the block.
import { useMemo, useState, type KeyboardEvent } from 'react';
import type { Input as RpcInput, Output } from '../../../../shared/contract';

export type Bulk = RpcInput<'marks.bulkPreview'>;
export type GridData = Output<'registers.grid'>;
type Cell = { r: number; c: number };
export type Block = { r0: number; r1: number; c0: number; c1: number };

/** The bulk change of the selected block to `code`: its first and last day, its sessions and its pupils. */
export function bulkOf(data: GridData, sel: Block, code: string): Bulk {
  const s0 = data.sessions[sel.c0];
  const s1 = data.sessions[sel.c1];
  const sessions = new Set(data.sessions.slice(sel.c0, sel.c1 + 1).map((s) => s.session));
  return {
    from: s0.date,
    to: s1.date,
    session: sessions.size === 2 ? 'both' : s0.session,
    scope: { pupilIds: data.rows.slice(sel.r0, sel.r1 + 1).map((r) => r.pupilId) },
    code,
    note: null,
  };
}

const MOVES: Record<string, [number, number]> = {
  ArrowDown: [1, 0],
  ArrowUp: [-1, 0],
  ArrowRight: [0, 1],
  ArrowLeft: [0, -1],
};

/** `onCode` gets the code typed on the grid; `busy` (a bulk change open) makes the grid ignore keys. */
export function useGridSelection(data: GridData, busy: boolean, onCode: (code: string, sel: Block) => void) {
  const [cur, setCur] = useState<Cell>({ r: 0, c: 0 });
  const [anchor, setAnchor] = useState<Cell | null>(null);
  const sel = useMemo(() => {
    const a = anchor ?? cur;
    return {
      r0: Math.min(a.r, cur.r),
      r1: Math.max(a.r, cur.r),
      c0: Math.min(a.c, cur.c),
      c1: Math.max(a.c, cur.c),
    };
  }, [anchor, cur]);
  const inSel = (r: number, c: number) => r >= sel.r0 && r <= sel.r1 && c >= sel.c0 && c <= sel.c1;
  const moveTo = (to: Cell, stretch: boolean) => {
    setAnchor(stretch ? (anchor ?? cur) : null);
    setCur(to);
  };
  const onKey = (e: KeyboardEvent) => {
    if (busy) {
      return;
    }
    const move = MOVES[e.key];
    if (move) {
      e.preventDefault();
      const r = Math.max(0, Math.min(data.rows.length - 1, cur.r + move[0]));
      const c = Math.max(0, Math.min(data.sessions.length - 1, cur.c + move[1]));
      moveTo({ r, c }, e.shiftKey);
      return;
    }
    if (!e.ctrlKey && !e.altKey && /^[a-zA-Z/\\.]$/.test(e.key)) {
      e.preventDefault();
      onCode(e.key === '.' ? '/' : e.key.toUpperCase(), sel);
    }
  };
  return { cur, sel, inSel, moveTo, onKey };
}
