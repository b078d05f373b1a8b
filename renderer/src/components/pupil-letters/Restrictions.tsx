// Contacts who must never receive letters (a court order, a safeguarding reason): recorded with why, and lifted.
import { useState } from 'react';
import { Button, Field, Input, Link, Text } from '@fluentui/react-components';
import type { Output } from '../../../../shared/contract';
import { useRpcMutation } from '../../hooks';
import { ErrorBar } from '../ErrorBar';

type Restriction = Output<'letters.log'>['restrictions'][number];

export function Restrictions({ pupilId, restrictions }: { pupilId: number; restrictions: Restriction[] }) {
  const restrict = useRpcMutation('letters.restrictContact', ['letters.log']);
  const lift = useRpcMutation('letters.liftRestriction', ['letters.log']);
  const [rName, setRName] = useState('');
  const [rWhy, setRWhy] = useState('');
  const record = () => {
    restrict.mutate({ pupilId, contactName: rName, reason: rWhy });
    setRName('');
    setRWhy('');
  };
  return (
    <>
      <Text as="h3" weight="semibold" size={400} style={{ display: 'block', marginTop: 16 }}>
        Contacts who must not receive letters
      </Text>
      {restrictions.length > 0 && (
        <ul aria-label="Restricted contacts">
          {restrictions.map((r) => (
            <li key={r.id}>
              {r.contactName}: {r.reason} ({r.recordedBy}){' '}
              <Link as="button" onClick={() => lift.mutate({ id: r.id })}>
                Lift
              </Link>
            </li>
          ))}
        </ul>
      )}
      <div className="row">
        <Field label="Contact's name">
          <Input value={rName} onChange={(_, d) => setRName(d.value)} />
        </Field>
        <Field label="Why">
          <Input value={rWhy} onChange={(_, d) => setRWhy(d.value)} />
        </Field>
        <Button disabled={!rName.trim() || rWhy.trim().length < 3} onClick={record}>
          Record the restriction
        </Button>
      </div>
      <ErrorBar error={restrict.error ?? lift.error} />
    </>
  );
}
