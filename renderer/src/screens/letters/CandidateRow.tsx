// One pupil in step 2 of the letters screen: the tick to send, the pupil, the figures, the ladder stage, who the
// letter is addressed to, and the guardrail warnings with a better letter to use and the reason to send anyway.
import { Badge, Checkbox, Field, Input, Link, Text } from '@fluentui/react-components';
import { formatPct1 } from '../../../../shared/statistics/rates';
import { bandLabel } from '../../../../shared/bands';
import { STAGE_COLOURS } from '../../letters/util';
import type { Candidate, Template } from './common';

export interface RowProps {
  p: Candidate;
  picked: boolean;
  onPick: (checked: boolean) => void;
  reason: string;
  onReason: (reason: string) => void;
  template: string;
  setTemplate: (name: string) => void;
  templates: Template[] | undefined;
}

/** The warnings on one pupil (each may suggest another letter), and the reason when the pupil is still ticked. */
function WarningsCell({
  p,
  picked,
  reason,
  onReason,
  template,
  setTemplate,
  templates,
}: Omit<RowProps, 'onPick'>) {
  return (
    <td>
      {p.flags.map((f) => (
        <div key={f.code}>
          <Text size={200}>
            <strong>{f.code}</strong> {f.message}
          </Text>
          {f.suggest && f.suggest !== template && (
            <>
              {' '}
              <Link as="button" onClick={() => setTemplate(f.suggest!)}>
                Use {templates?.find((t) => t.name === f.suggest)?.title ?? f.suggest}
              </Link>
            </>
          )}
        </div>
      ))}
      {p.flags.length > 0 && picked && (
        <Field label="Reason to send it anyway" required size="small">
          <Input value={reason} onChange={(_, d) => onReason(d.value)} />
        </Field>
      )}
    </td>
  );
}

export function CandidateRow(props: RowProps) {
  const { p, picked, onPick, reason, onReason, template, setTemplate, templates } = props;
  return (
    <tr>
      <td>
        <Checkbox
          aria-label={`Send to the family of ${p.name}`}
          checked={picked}
          onChange={(_, d) => onPick(!!d.checked)}
        />
      </td>
      <td>
        <a href={`#/pupils/${p.pupilId}`}>{p.name}</a>
        <br />
        <span className="muted">{p.upn}</span>
      </td>
      <td>
        {p.yearGroup}
        <br />
        <span className="muted">{p.regGroup}</span>
      </td>
      <td>
        {formatPct1(p.attendancePct)}
        <br />
        <span className="muted">{bandLabel(p.band)}</span>
      </td>
      <td>
        <Badge appearance="tint" color={STAGE_COLOURS[p.ladder.stage]}>
          {p.ladder.label}
        </Badge>
        <br />
        <span className="muted">{p.ladder.nextStep}</span>
      </td>
      <td>{p.addressees.join('; ')}</td>
      <WarningsCell
        p={p}
        picked={picked}
        reason={reason}
        onReason={onReason}
        template={template}
        setTemplate={setTemplate}
        templates={templates}
      />
    </tr>
  );
}
