// State and the save for the new attendance contract form: the pupil search, the form itself (guarded while
// unsaved), and the save that clears it and refreshes the list of contracts.
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useRpc } from '../../hooks';
import { call } from '../../rpc';
import { useUnsavedGuard } from './useUnsavedGuard';
import { ContractSchema, contractDefaults, contractInput, type ContractValues } from './contract-form';

export function useNewContract(today: string) {
  const qc = useQueryClient();
  const [search, setSearch] = useState('');
  const [error, setError] = useState<unknown>(null);
  const q = useRpc('pupils.list', { search }, { enabled: search.trim().length >= 2 });
  const f = useForm<ContractValues>({
    resolver: zodResolver(ContractSchema),
    defaultValues: contractDefaults(today),
  });
  const release = useUnsavedGuard(f.formState.isDirty);
  const submit = f.handleSubmit(async (v) => {
    setError(null);
    try {
      await call('arrangements.contractCreate', contractInput(v));
      release();
      f.reset();
      await qc.invalidateQueries({ queryKey: ['arrangements.contracts'] });
    } catch (x) {
      setError(x);
    }
  });
  return { f, search, setSearch, pupils: q.data?.pupils ?? [], error, submit };
}
