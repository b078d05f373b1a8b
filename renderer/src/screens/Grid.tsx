// The office grid: pupils × school sessions for a week to a half-term, for a group, a year or the whole school.
// Keyboard: arrows move, Shift+arrows select a block, a code (or /) starts a bulk change of the block, which is
// previewed before it is confirmed. Amended marks are underlined; the page prints as the week's register.
import { useMemo, useState, type KeyboardEvent } from 'react';
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  Title2,
} from '@fluentui/react-components';
import { YEAR_GROUPS } from '../../../shared/pupil';
import { addDays, formatUkDate, mondayOf } from '../../../shared/dates';
import type { Input as RpcInput, Output } from '../../../shared/contract';
import { useRpc } from '../hooks';
import { call } from '../rpc';
import { ErrorBar } from '../components/ErrorBar';
import { DateInput } from '../components/DateInput';
import { useQueryClient } from '@tanstack/react-query';

type Bulk = RpcInput<'marks.bulkPreview'>;

export function Grid({ today }: { today: string }) {
  const [from, setFrom] = useState(mondayOf(today));
  const [to, setTo] = useState(addDays(mondayOf(today), 4));
  const [group, setGroup] = useState('');
  const [year, setYear] = useState('');
  const groups = useRpc('pupils.list', { onDate: today });
  const scope = { regGroup: group || undefined, yearGroup: (year || undefined) as never };
  const q = useRpc('registers.grid', { from, to, scope });
  return (
    <div className="page">
      <Title2 as="h1">
        Office grid{group ? `: ${group}` : year ? `: Year ${year}` : ''}, {formatUkDate(from)} to{' '}
        {formatUkDate(to)}
      </Title2>
      <div className="row no-print">
        <Field label="From">
          <DateInput value={from} onChange={(_, d) => d.value && setFrom(d.value)} />
        </Field>
        <Field label="To">
          <DateInput value={to} onChange={(_, d) => d.value && setTo(d.value)} />
        </Field>
        <Field label="Registration group">
          <Select
            value={group}
            onChange={(_, d) => {
              setGroup(d.value);
              setYear('');
            }}
          >
            <option value="">All</option>
            {groups.data?.regGroups.map((g) => (
              <option key={g}>{g}</option>
            ))}
          </Select>
        </Field>
        <Field label="Year">
          <Select
            value={year}
            onChange={(_, d) => {
              setYear(d.value);
              setGroup('');
            }}
          >
            <option value="">All</option>
            {YEAR_GROUPS.map((y) => (
              <option key={y}>{y}</option>
            ))}
          </Select>
        </Field>
        <Button onClick={() => window.print()}>Print</Button>
      </div>
      <ErrorBar error={q.error} />
      {q.data && <GridTable key={`${from}|${to}|${group}|${year}`} data={q.data} />}
    </div>
  );
}

function GridTable({ data }: { data: Output<'registers.grid'> }) {
  const qc = useQueryClient();
  const [cur, setCur] = useState({ r: 0, c: 0 });
  const [anchor, setAnchor] = useState<{ r: number; c: number } | null>(null);
  const [bulk, setBulk] = useState<Bulk | null>(null);
  const [preview, setPreview] = useState<Output<'marks.bulkPreview'> | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
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
  if (!data.rows.length || !data.sessions.length) {
    return <Text>No pupils or no school sessions in this period.</Text>;
  }

  const startBulk = (code: string) => {
    const s0 = data.sessions[sel.c0],
      s1 = data.sessions[sel.c1];
    const sessions = new Set(data.sessions.slice(sel.c0, sel.c1 + 1).map((s) => s.session));
    const b: Bulk = {
      from: s0.date,
      to: s1.date,
      session: sessions.size === 2 ? 'both' : s0.session,
      scope: { pupilIds: data.rows.slice(sel.r0, sel.r1 + 1).map((r) => r.pupilId) },
      code,
      note: null,
    };
    setBulk(b);
    setPreview(null);
    setError(null);
    setDone(null);
  };
  const onKey = (e: KeyboardEvent) => {
    if (bulk) {
      return;
    }
    const move = (dr: number, dc: number) => {
      e.preventDefault();
      if (e.shiftKey) {
        setAnchor(anchor ?? cur);
      } else {
        setAnchor(null);
      }
      setCur({
        r: Math.max(0, Math.min(data.rows.length - 1, cur.r + dr)),
        c: Math.max(0, Math.min(data.sessions.length - 1, cur.c + dc)),
      });
    };
    if (e.key === 'ArrowDown') {
      return move(1, 0);
    }
    if (e.key === 'ArrowUp') {
      return move(-1, 0);
    }
    if (e.key === 'ArrowRight') {
      return move(0, 1);
    }
    if (e.key === 'ArrowLeft') {
      return move(0, -1);
    }
    if (!e.ctrlKey && !e.altKey && /^[a-zA-Z/\\.]$/.test(e.key)) {
      e.preventDefault();
      startBulk(e.key === '.' ? '/' : e.key.toUpperCase());
    }
  };
  return (
    <>
      <Text className="no-print">
        Arrows move, Shift+arrows select a block, then type a code (/ for present) to change it.{' '}
        {sel.r1 - sel.r0 + 1} × {sel.c1 - sel.c0 + 1} selected.
      </Text>
      {bulk && (
        <section className="card no-print" aria-label="Change the selected marks">
          <div className="row">
            <Field label="Code">
              <Input
                value={bulk.code}
                onChange={(_, d) => {
                  setBulk({ ...bulk, code: d.value.toUpperCase() });
                  setPreview(null);
                }}
              />
            </Field>
            <Field label="Detail (needed for codes such as Y1–Y7, V, C)">
              <Input
                value={bulk.note ?? ''}
                onChange={(_, d) => {
                  setBulk({ ...bulk, note: d.value || null });
                  setPreview(null);
                }}
              />
            </Field>
            <Field label="Reason (for changes to saved marks)">
              <Input value={reason} onChange={(_, d) => setReason(d.value)} />
            </Field>
            <Button
              onClick={async () => {
                setError(null);
                try {
                  setPreview(await call('marks.bulkPreview', bulk));
                } catch (e) {
                  setError(e);
                }
              }}
            >
              Preview
            </Button>
            <Button
              onClick={() => {
                setBulk(null);
                setPreview(null);
              }}
            >
              Discard
            </Button>
          </div>
          {preview && (
            <div>
              <Text>
                {preview.total} marks will change ({preview.amendments} of them amendments of saved marks),{' '}
                {formatUkDate(bulk.from)} to {formatUkDate(bulk.to)}.
              </Text>
              <ul aria-label="Changes">
                {preview.changes.slice(0, 12).map((c, i) => (
                  <li key={i}>
                    {c.name}, {formatUkDate(c.date)} {c.session}: {c.from ?? 'no mark'} → {c.to}
                  </li>
                ))}
              </ul>
              <Button
                appearance="primary"
                disabled={preview.total === 0 || (preview.amendments > 0 && !reason.trim())}
                onClick={async () => {
                  try {
                    const r = await call('marks.bulkApply', {
                      ...bulk,
                      reason: reason.trim() || 'Bulk entry',
                      expectTotal: preview.total,
                    });
                    setDone(`${r.inserted} marks added and ${r.amended} amended (batch ${r.batchId}).`);
                    setBulk(null);
                    setPreview(null);
                    await qc.invalidateQueries({ queryKey: ['registers.grid'] });
                  } catch (e) {
                    setError(e);
                  }
                }}
              >
                Confirm {preview.total} changes
              </Button>
            </div>
          )}
          <ErrorBar error={error} />
        </section>
      )}
      {done && (
        <MessageBar intent="success">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
      <div style={{ overflowX: 'auto' }}>
        <table
          className="plain"
          role="grid"
          aria-label="Marks by pupil and session"
          tabIndex={0}
          onKeyDown={onKey}
          aria-activedescendant={`cell-${cur.r}-${cur.c}`}
        >
          <thead>
            <tr>
              <th>Pupil</th>
              {data.sessions.map((s, i) => (
                <th key={i} scope="col" style={{ fontSize: 11 }}>
                  {s.session === 'AM' ? formatUkDate(s.date).slice(0, 5) : ''} {s.session}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.rows.map((row, r) => (
              <tr key={row.pupilId}>
                <th scope="row" style={{ whiteSpace: 'nowrap' }}>
                  {row.name} <span className="muted">{row.regGroup}</span>
                </th>
                {row.cells.map((cell, c) => (
                  <td
                    key={c}
                    id={`cell-${r}-${c}`}
                    role="gridcell"
                    aria-selected={inSel(r, c)}
                    onClick={(e) => {
                      if (e.shiftKey) {
                        setAnchor(anchor ?? cur);
                      } else {
                        setAnchor(null);
                      }
                      setCur({ r, c });
                    }}
                    style={{
                      background:
                        r === cur.r && c === cur.c ? '#cfe4fa' : inSel(r, c) ? '#e8f1fb' : undefined,
                      textAlign: 'center',
                      padding: '4px 2px',
                    }}
                  >
                    <span
                      className={`mark${cell.amended ? ' amended' : ''}`}
                      title={cell.amended ? 'amended' : undefined}
                    >
                      {cell.onRoll ? (cell.code ?? '·') : ''}
                    </span>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Text className="muted">
        Underlined marks have been amended; each pupil's history is on their page.
      </Text>
    </>
  );
}
