// Settings for letters: the letterhead beyond the school's name and address (phone, email, logo), who signs,
// web addresses, and the letter rules (same stage again after N school days; improvement in points).
import { useEffect, useState } from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import type { Input as In } from '../../../shared/contract';
import { useRpc, useRpcMutation } from '../hooks';
import { ErrorBar } from './ErrorBar';
import { FilePicker } from './FilePicker';
import { fileToBase64 } from '../letters/util';

type S = In<'letters.saveSettings'>;
const TEXT: [keyof S, string][] = [
  ['phone', 'School phone'],
  ['email', 'School email'],
  ['absenceLine', 'Absence line'],
  ['reportBy', 'Report absence by (time)'],
  ['headName', 'Headteacher'],
  ['signatoryName', 'Letters signed by'],
  ['signatoryPosition', "Signatory's position"],
  ['championPhone', "Attendance champion's phone"],
  ['championEmail', "Attendance champion's email"],
  ['policyUrl', 'Attendance policy web address'],
  ['laCodeUrl', 'LA code of conduct web address'],
  ['laCodeReference', 'LA code of conduct reference'],
  ['leaveFormUrl', 'Leave request form'],
];

/** The letterhead's and the signatory's details, the web addresses, and the two letter rules. */
function LetterheadFields({ v, set }: { v: S; set: (patch: Partial<S>) => void }) {
  return (
    <div className="grid2" style={{ marginTop: 8 }}>
      {TEXT.map(([k, label]) => (
        <Field key={k} label={label}>
          <Input
            value={(v[k] as string | null) ?? ''}
            onChange={(_, d) => set({ [k]: d.value || null } as Partial<S>)}
          />
        </Field>
      ))}
      <Field label="Same letter again after (school days)">
        <Input
          type="number"
          value={String(v.sameStageSchoolDays)}
          onChange={(_, d) => set({ sameStageSchoolDays: Number(d.value) })}
        />
      </Field>
      <Field label="Improvement worth a letter (percentage points)">
        <Input
          type="number"
          value={String(v.improvementPoints)}
          onChange={(_, d) => set({ improvementPoints: Number(d.value) })}
        />
      </Field>
    </div>
  );
}

/** The logo: whether one is set or newly chosen, choosing a picture, and removing it (null removes it). */
function LogoRow({
  v,
  hasLogo,
  set,
}: {
  v: S;
  hasLogo: boolean | undefined;
  set: (patch: Partial<S>) => void;
}) {
  return (
    <div className="row" style={{ marginTop: 8 }}>
      <Text>
        Logo:{' '}
        {v.logoBase64
          ? 'new picture chosen'
          : v.logoBase64 === null
            ? 'none'
            : hasLogo
              ? 'a picture is set'
              : 'none'}
      </Text>
      <FilePicker
        label="Choose a logo (PNG or JPEG)"
        accept="image/png,image/jpeg"
        onFile={(f) => void fileToBase64(f).then((b) => set({ logoBase64: b }))}
      />
      {(hasLogo || v.logoBase64) && (
        <Button onClick={() => set({ logoBase64: null })}>Remove the logo</Button>
      )}
    </div>
  );
}

export function LettersSettings() {
  const q = useRpc('letters.settings', {});
  const save = useRpcMutation('letters.saveSettings', ['letters.settings']);
  const [v, setV] = useState<S | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (q.data && !v) {
      const { hasLogo: _h, logoType: _t, ...rest } = q.data;
      setV(rest);
    }
  }, [q.data, v]);
  if (!v) {
    return <ErrorBar error={q.error} />;
  }
  const set = (patch: Partial<S>) => {
    setSaved(false);
    setV({ ...v, ...patch });
  };
  return (
    <section className="card" aria-labelledby="h-letters-settings">
      <Text as="h2" id="h-letters-settings" weight="semibold" size={500}>
        Letters
      </Text>
      <Text>The letterhead uses the school's name and address above, and these details.</Text>
      <LetterheadFields v={v} set={set} />
      <LogoRow v={v} hasLogo={q.data?.hasLogo} set={set} />
      <ErrorBar error={save.error} />
      {saved && (
        <MessageBar intent="success">
          <MessageBarBody>Letter settings saved.</MessageBarBody>
        </MessageBar>
      )}
      <div className="row" style={{ marginTop: 8 }}>
        <Button
          appearance="primary"
          disabled={save.isPending}
          onClick={() =>
            void save.mutateAsync(v).then(
              () => setSaved(true),
              () => undefined,
            )
          }
        >
          Save letter settings
        </Button>
      </div>
    </section>
  );
}
