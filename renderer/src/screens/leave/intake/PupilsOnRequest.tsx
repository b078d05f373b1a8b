// The pupils on a leave request: brothers and sisters are added to one request and decided one by one.
import { Button, Text, Title3 } from '@fluentui/react-components';
import { PupilSearch } from '../../../components/PupilSearch';
import type { Chosen } from './schema';

interface Props {
  pupils: Chosen[];
  add: (id: number) => void;
  remove: (id: number) => void;
}

export function PupilsOnRequest({ pupils, add, remove }: Props) {
  return (
    <>
      <Title3 as="h2">Pupils</Title3>
      <Text>Brothers and sisters on the same request are added here, and decided one by one.</Text>
      {pupils.length > 0 && (
        <ul aria-label="Pupils on this request">
          {pupils.map((p) => (
            <li key={p.id} id={`leave-pupil-${p.id}`} tabIndex={-1}>
              {p.name}{' '}
              <Button
                size="small"
                appearance="subtle"
                onClick={() => remove(p.id)}
                aria-label={`Remove ${p.name}`}
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
      <PupilSearch
        label="Find a pupil (name or UPN)"
        action="Add"
        onPick={add}
        exclude={pupils.map((p) => p.id)}
        clearOnPick
      />
    </>
  );
}
