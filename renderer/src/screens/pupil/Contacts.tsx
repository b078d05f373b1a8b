// The pupil's contacts, edited and saved together: who they are, how to reach them, who lives with the pupil and
// holds parental responsibility.
import { useState } from 'react';
import { Button, Checkbox, Input, Text } from '@fluentui/react-components';
import { type Contact } from '../../../../shared/pupil';
import { useRpcMutation } from '../../hooks';
import { ErrorBar } from '../../components/ErrorBar';

export function Contacts({ pupilId, contacts }: { pupilId: number; contacts: Contact[] }) {
  const [rows, setRows] = useState<Contact[]>(contacts);
  const save = useRpcMutation('pupils.saveContacts', ['pupils.get']);
  const set = (i: number, patch: Partial<Contact>) =>
    setRows(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  return (
    <section className="card" aria-labelledby="h-contacts">
      <Text as="h2" id="h-contacts" weight="semibold" size={500}>
        Contacts
      </Text>
      <div className="table-scroll" tabIndex={0}>
        <table className="plain" aria-label="Contacts">
          <thead>
            <tr>
              <th>Name</th>
              <th>Relationship</th>
              <th>Phone</th>
              <th>Email</th>
              <th className="narrow">Lives with</th>
              <th className="narrow">
                Parental
                <br />
                responsibility
              </th>
              <th className="narrow">Emergency</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c, i) => (
              <tr key={i}>
                <td>
                  <Input
                    aria-label={`Contact ${i + 1} name`}
                    value={c.name}
                    onChange={(_, d) => set(i, { name: d.value })}
                  />
                </td>
                <td>
                  <Input
                    aria-label={`Contact ${i + 1} relationship`}
                    value={c.relationship ?? ''}
                    onChange={(_, d) => set(i, { relationship: d.value || null })}
                  />
                </td>
                <td>
                  <Input
                    aria-label={`Contact ${i + 1} phone`}
                    value={c.phone ?? ''}
                    onChange={(_, d) => set(i, { phone: d.value || null })}
                  />
                </td>
                <td>
                  <Input
                    aria-label={`Contact ${i + 1} email`}
                    value={c.email ?? ''}
                    onChange={(_, d) => set(i, { email: d.value || null })}
                  />
                </td>
                <td className="narrow">
                  <Checkbox
                    aria-label={`Contact ${i + 1} lives with the pupil`}
                    checked={c.livesWith}
                    onChange={(_, d) => set(i, { livesWith: !!d.checked })}
                  />
                </td>
                <td className="narrow">
                  <Checkbox
                    aria-label={`Contact ${i + 1} has parental responsibility`}
                    checked={c.parentalResponsibility}
                    onChange={(_, d) => set(i, { parentalResponsibility: !!d.checked })}
                  />
                </td>
                <td className="narrow">
                  <Checkbox
                    aria-label={`Contact ${i + 1} is an emergency contact`}
                    checked={c.emergency}
                    onChange={(_, d) => set(i, { emergency: !!d.checked })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="row" style={{ marginTop: 8 }}>
        <Button
          onClick={() =>
            setRows([
              ...rows,
              {
                name: '',
                relationship: null,
                phone: null,
                email: null,
                address: null,
                livesWith: false,
                parentalResponsibility: false,
                emergency: false,
              },
            ])
          }
        >
          Add contact
        </Button>
        <Button
          appearance="primary"
          disabled={save.isPending || rows.some((r) => !r.name.trim())}
          onClick={() => save.mutate({ pupilId, contacts: rows })}
        >
          Save contacts
        </Button>
        {save.isSuccess && <Text>Saved.</Text>}
      </div>
      <ErrorBar error={save.error} />
    </section>
  );
}
