// The form that agrees a new attendance contract: the pupil and the date, what each party commits to, and the
// review dates.
import type { Control, FieldErrors } from 'react-hook-form';
import { Controller } from 'react-hook-form';
import { Button, Field, Input, Select, Text, Textarea } from '@fluentui/react-components';
import type { Output } from '../../../../shared/contract';
import { pupilName } from '../../../../shared/names';
import { ErrorBar } from '../../components/ErrorBar';
import { FormDate } from '../../components/FormDate';
import { CONTRACT_TEXTS, type ContractValues } from './contract-form';
import { useNewContract } from './useNewContract';

type Pupil = Output<'pupils.list'>['pupils'][number];

function ContractPupilRow(p: {
  control: Control<ContractValues>;
  errors: FieldErrors<ContractValues>;
  search: string;
  onSearch: (search: string) => void;
  pupils: Pupil[];
}) {
  return (
    <div className="row">
      <Field label="Find the pupil (name or UPN)">
        <Input value={p.search} onChange={(_, d) => p.onSearch(d.value)} />
      </Field>
      <Field label="Pupil" required validationMessage={p.errors.pupilId?.message}>
        <Controller
          control={p.control}
          name="pupilId"
          render={({ field }) => (
            <Select value={field.value} onChange={(_, d) => field.onChange(d.value)}>
              <option value="">Choose…</option>
              {p.pupils.slice(0, 20).map((pupil) => (
                <option key={pupil.id} value={String(pupil.id)}>
                  {pupilName(pupil)} ({pupil.regGroup})
                </option>
              ))}
            </Select>
          )}
        />
      </Field>
      <FormDate
        control={p.control}
        name="agreedOn"
        label="Agreed on"
        required
        validationMessage={p.errors.agreedOn?.message}
      />
    </div>
  );
}

function ContractTexts({
  control,
  errors,
}: {
  control: Control<ContractValues>;
  errors: FieldErrors<ContractValues>;
}) {
  return (
    <>
      {CONTRACT_TEXTS.map(([name, label, required]) => (
        <Field key={name} label={label} required={required} validationMessage={errors[name]?.message}>
          <Controller
            control={control}
            name={name}
            render={({ field }) => (
              <Textarea value={field.value} onChange={(_, d) => field.onChange(d.value)} resize="vertical" />
            )}
          />
        </Field>
      ))}
      <Field
        label="Review dates (dd/mm/yyyy, commas between)"
        required
        validationMessage={errors.reviewDates?.message}
      >
        <Controller
          control={control}
          name="reviewDates"
          render={({ field }) => <Input value={field.value} onChange={(_, d) => field.onChange(d.value)} />}
        />
      </Field>
    </>
  );
}

export function NewContract({ today }: { today: string }) {
  const { f, search, setSearch, pupils, error, submit } = useNewContract(today);
  const e = f.formState.errors;
  return (
    <form noValidate className="card" aria-label="New attendance contract" onSubmit={(ev) => void submit(ev)}>
      <Text as="h2" weight="semibold" size={500}>
        Agree an attendance contract
      </Text>
      <ContractPupilRow control={f.control} errors={e} search={search} onSearch={setSearch} pupils={pupils} />
      <ContractTexts control={f.control} errors={e} />
      <ErrorBar error={error} title="Not saved" />
      <Button appearance="primary" type="submit">
        Save the contract
      </Button>
    </form>
  );
}
