// Building the shipped templates' .docx with the docx library (docs/rules/letters.md §1.3): each wording of
// template-texts.ts laid out as an A4 letter with its letterhead and {{placeholders}}; the attendance policy is
// the school document of docs/rules/policy.md. scripts/make-letter-templates.mjs writes them to
// resources/letters/<name>.docx.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Packer,
  Paragraph,
  TextRun,
  type IParagraphOptions,
} from 'docx';
import { A4_PAGE, BODY_SIZE, FONT } from './page';
import { buildPolicyTemplateDocx } from '../policy/policy-template';
import { TEXTS, type Block } from './template-texts';

/** "**bold**" spans to runs; placeholders stay literal text in one run each. */
function runs(text: string, size?: number): TextRun[] {
  const out: TextRun[] = [];
  text
    .split(/(\*\*[^*]+\*\*)/)
    .filter(Boolean)
    .forEach((part) => {
      const bold = part.startsWith('**') && part.endsWith('**');
      out.push(new TextRun({ text: bold ? part.slice(2, -2) : part, bold, font: FONT, size }));
    });
  return out;
}

function para(text: string, opts: Omit<IParagraphOptions, 'children'> = {}, size?: number): Paragraph {
  return new Paragraph({ spacing: { after: 120 }, ...opts, children: runs(text, size) });
}

function blocks(list: Block[]): Paragraph[] {
  const out: Paragraph[] = [];
  for (const b of list) {
    if (typeof b === 'string') {
      out.push(para(b));
    } else if ('h' in b) {
      out.push(
        new Paragraph({
          spacing: { before: 120, after: 60 },
          keepNext: true,
          children: [new TextRun({ text: b.h, bold: true, font: FONT })],
        }),
      );
    } else if ('block' in b) {
      out.push(para(`{{${b.block}}}`));
    } else if ('bullets' in b) {
      b.bullets.forEach((x, i) =>
        out.push(
          new Paragraph({
            bullet: { level: 0 },
            spacing: { after: i === b.bullets.length - 1 ? 120 : 40 },
            children: runs(x),
          }),
        ),
      );
    } else if ('small' in b) {
      out.push(para(b.small, {}, 16));
    } else {
      out.push(para(b.big, { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 240 } }, 40));
    }
  }
  return out;
}

/** The letter: letterhead, addressee, date and reference, subject, body, sign-off; A4 with 2 cm margins. */
export function templateDocument(name: string): Document {
  const t = TEXTS[name];
  if (!t) {
    throw new Error(`no wording for template ${name}`);
  }
  const letter: Paragraph[] = [
    new Paragraph({ alignment: AlignmentType.RIGHT, children: runs('{{school.logo}}') }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      children: [new TextRun({ text: '{{school.name}}', bold: true, size: 28, font: FONT })],
    }),
    para('{{school.address}}', { alignment: AlignmentType.RIGHT, spacing: { after: 0 } }, 18),
    para(
      '{{school.contactLine}}',
      {
        alignment: AlignmentType.RIGHT,
        border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '1F4E79', space: 4 } },
        spacing: { after: 240 },
      },
      18,
    ),
    para('{{recipient.names}}', { spacing: { after: 0 } }),
    para('{{recipient.address}}', { spacing: { after: 240 } }),
    para('{{letter.date}}', { spacing: { after: 0 } }),
    para('Our reference: {{letter.reference}}', { spacing: { after: 240 } }, 18),
    para('Dear {{recipient.salutation}}'),
    new Paragraph({ spacing: { after: 120 }, children: runs(`**${t.subject}**`) }),
    ...blocks(t.body),
    para(t.signOff ?? 'Yours sincerely', { spacing: { before: 240, after: 480 }, keepNext: true }),
    para('{{signatory.name}}', { spacing: { after: 0 }, keepNext: true }),
    para('{{signatory.position}}'),
  ];
  if (t.certificate) {
    letter.push(new Paragraph({ pageBreakBefore: true, children: [] }), ...blocks(t.certificate));
  }
  return new Document({
    creator: 'Attendance',
    title: name,
    description: `Attendance letter template ${name}: edit the wording in Word; keep the {{placeholders}}.`,
    styles: { default: { document: { run: { font: FONT, size: BODY_SIZE } } } },
    sections: [
      {
        properties: {
          page: A4_PAGE,
        },
        footers: {
          default: new Footer({
            children: [para('{{school.name}} · {{school.address}}', { alignment: AlignmentType.CENTER }, 16)],
          }),
        },
        children: letter,
      },
    ],
  });
}

export async function buildTemplateDocx(name: string): Promise<Uint8Array> {
  if (name === 'attendance-policy') {
    return buildPolicyTemplateDocx(); // a school document, not a letter (docs/rules/policy.md)
  }
  return new Uint8Array(await Packer.toBuffer(templateDocument(name)));
}
