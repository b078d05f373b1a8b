// One template of the library: its title, where it comes from (shipped or the school's version), what it needs
// (legal wording, approval, siblings on one letter), its placeholders, its download and, for the school's own
// version, going back to the shipped wording.
import { Badge, Button, Text } from '@fluentui/react-components';
import type { Output } from '../../../../shared/contract';

type Template = Output<'letters.templates'>['templates'][number];

function Badges({ t }: { t: Template }) {
  return (
    <div className="badges">
      <Badge appearance="tint" color={t.source === 'school' ? 'brand' : 'informative'}>
        {t.source === 'school' ? `School ${t.version.replace('school ', '')}` : 'Shipped'}
      </Badge>
      {t.legal && (
        <Badge appearance="tint" color="danger">
          Legal wording
        </Badge>
      )}
      {t.legalWeight && (
        <Badge appearance="tint" color="warning">
          Head or lead approves
        </Badge>
      )}
      {t.siblings && (
        <Badge appearance="tint" color="success">
          Siblings on one letter
        </Badge>
      )}
    </div>
  );
}

interface Props {
  t: Template;
  download: (name: string) => void;
  revert: (name: string) => void;
}

export function TemplateCard({ t, download, revert }: Props) {
  return (
    <section className="card" aria-labelledby={`h-t-${t.name}`}>
      <div className="row" style={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <Text as="h2" id={`h-t-${t.name}`} weight="semibold" size={400}>
          {t.title} <span className="muted">({t.name})</span>
        </Text>
        <Badges t={t} />
      </div>
      <Text>
        {t.summary}
        {t.uploadedBy ? ` Uploaded by ${t.uploadedBy}.` : ''}
      </Text>
      <details>
        <summary>Placeholders ({t.placeholders.length})</summary>
        <p className="strip" style={{ whiteSpace: 'normal' }}>
          {t.placeholders.map((p) => `{{${p}}}`).join('  ')}
        </p>
      </details>
      <div className="row" style={{ marginTop: 8 }}>
        <Button size="small" onClick={() => download(t.name)} aria-label={`Download ${t.title}`}>
          Download
        </Button>
        {t.source === 'school' && !t.name.includes('__') && (
          <Button
            size="small"
            onClick={() => revert(t.name)}
            aria-label={`Go back to the shipped ${t.title}`}
          >
            Go back to the shipped wording
          </Button>
        )}
      </div>
    </section>
  );
}
