// The pupil's contacts, edited and saved together: who they are, how to reach them, who lives with the pupil and
// holds parental responsibility.
import { useState } from 'react';
import { Button, Checkbox, Input, Text } from '@fluentui/react-components';
import { type Contact } from '../../../../shared/pupil';
import { useRpcMutation } from '../../hooks';
import { ErrorBar } from '../../components/ErrorBar';

const NEW_CONTACT: Contact = {
  name: '',
  relationship: null,
  phone: null,
  email: null,
  address: null,
  livesWith: false,
  parentalResponsibility: false,
  emergency: false,
};

/** Contact number `i + 1`, every field edited in place; `set` changes this contact only. */
function ContactRow({ c, i, set }: { c: Contact; i: number; set: (patch: Partial<Contact>) => void }) {
  return (
    <tr>
      <td>
        <Input
          aria-label={`Contact ${i + 1} name`}
          value={c.name}
          onChange={(_, d) => set({ name: d.value })}
        />
      </td>
      <td>
        <Input
          aria-label={`Contact ${i + 1} relationship`}
          value={c.relationship ?? ''}
          onChange={(_, d) => set({ relationship: d.value || null })}
        />
      </td>
      <td>
        <Input
          aria-label={`Contact ${i + 1} phone`}
          value={c.phone ?? ''}
          onChange={(_, d) => set({ phone: d.value || null })}
        />
      </td>
      <td>
        <Input
          aria-label={`Contact ${i + 1} email`}
          value={c.email ?? ''}
          onChange={(_, d) => set({ email: d.value || null })}
        />
      </td>
      <td className="narrow">
        <Checkbox
          aria-label={`Contact ${i + 1} lives with the pupil`}
          checked={c.livesWith}
          onChange={(_, d) => set({ livesWith: !!d.checked })}
        />
      </td>
      <td className="narrow">
        <Checkbox
          aria-label={`Contact ${i + 1} has parental responsibility`}
          checked={c.parentalResponsibility}
          onChange={(_, d) => set({ parentalResponsibility: !!d.checked })}
        />
      </td>
      <td className="narrow">
        <Checkbox
          aria-label={`Contact ${i + 1} is an emergency contact`}
          checked={c.emergency}
          onChange={(_, d) => set({ emergency: !!d.checked })}
        />
      </td>
    </tr>
  );
}

/** The contacts table's column headings. */
function ContactsHead() {
  return (
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
  );
}

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
          <ContactsHead />
          <tbody>
            {rows.map((c, i) => (
              <ContactRow key={i} c={c} i={i} set={(patch) => set(i, patch)} />
            ))}
          </tbody>
        </table>
      </div>
      <div className="row" style={{ marginTop: 8 }}>
        <Button onClick={() => setRows([...rows, { ...NEW_CONTACT }])}>Add contact</Button>
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
