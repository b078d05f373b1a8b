// The self-audit's first page (#/selfaudit): choose a term (the current one to start with), run its audit, or
// open an earlier run of it.
import { useState } from 'react';
import { Button, Link, Select, Field } from '@fluentui/react-components';
import type { Output } from '../../../../shared/contract';
import { formatUkDate } from '../../../../shared/dates';
import { go, useRpc } from '../../hooks';
import { call } from '../../rpc';
import { ErrorBar } from '../../components/ErrorBar';

type Term = Output<'selfaudit.terms'>['terms'][number];

function TermAudits({ term }: { term: Term }) {
  return (
    <section aria-labelledby="h-runs">
      <h2 id="h-runs">Audits of the {term.label}</h2>
      <ul>
        {term.audits.map((a) => (
          <li key={a.id}>
            <Link href={`#/selfaudit/${a.id}`}>
              Run on {formatUkDate(a.runAt.slice(0, 10))} by {a.runBy}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Terms({ today }: { today: string }) {
  const q = useRpc('selfaudit.terms', {});
  const terms = q.data?.terms ?? [];
  const current =
    terms.find((t) => t.from <= today && today <= t.to) ?? terms.filter((t) => t.from <= today).at(-1);
  const [key, setKey] = useState<string | null>(null);
  const chosen = terms.find((t) => t.key === (key ?? current?.key));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    if (!chosen) {
      return;
    }
    setError(null);
    setBusy(true);
    try {
      const r = await call('selfaudit.run', { termKey: chosen.key });
      go(`selfaudit/${r.id}`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="page">
      <h1>Self-audit</h1>
      <p>
        A termly check against what the DfE expects of schools. The app measures the evidence from its own
        records and proposes a status; you confirm or change each one with a note, and add actions.
      </p>
      <ErrorBar error={q.error ?? error} />
      <div className="row">
        <Field label="Term">
          <Select value={chosen?.key ?? ''} onChange={(_, d) => setKey(d.value)}>
            {terms.map((t) => (
              <option key={t.key} value={t.key}>
                {t.label} ({formatUkDate(t.from)} to {formatUkDate(t.to)})
              </option>
            ))}
          </Select>
        </Field>
        <Button
          appearance="primary"
          disabled={!chosen || busy || chosen.from > today}
          onClick={() => void run()}
        >
          {busy ? 'Measuring…' : 'Run the audit'}
        </Button>
      </div>
      {chosen && chosen.audits.length > 0 && <TermAudits term={chosen} />}
    </div>
  );
}
