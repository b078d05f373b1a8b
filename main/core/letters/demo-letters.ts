// The demo school's letterhead: contact details, signatory, web addresses and a small logo (drawn as SVG and
// turned into a PNG with resvg, no font needed), so the demo's letters look like a real school's.
import { eq } from 'drizzle-orm';
import type { Store } from '../db/connection';
import { lettersSettings } from '../db/schema-letters';

const LOGO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="240" viewBox="0 0 120 120">
  <circle cx="60" cy="60" r="56" fill="#1F4E79"/>
  <path d="M14 70 C 34 56, 46 84, 66 70 S 98 56, 106 68 L 106 82 C 98 72, 86 86, 66 84 S 34 70, 14 84 Z" fill="#9DC3E6"/>
  <path d="M60 22 L 84 52 L 36 52 Z" fill="#FFFFFF"/>
  <rect x="44" y="52" width="32" height="14" fill="#FFFFFF"/>
</svg>`;

/** The logo as a PNG, or none when resvg's native module cannot load (the letterhead then has no picture). */
function demoLogo(): Buffer | null {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Resvg } = require('@resvg/resvg-js') as typeof import('@resvg/resvg-js');
    return Buffer.from(new Resvg(LOGO_SVG, { font: { loadSystemFonts: false } }).render().asPng());
  } catch {
    return null;
  }
}

export function seedDemoLetters(store: Store): void {
  const logo = demoLogo();
  store.orm
    .update(lettersSettings)
    .set({
      phone: '01632 960000',
      email: 'office@riverside.example.sch.uk',
      absenceLine: '01632 960001 (option 1)',
      reportBy: '9.00am',
      headName: 'Mr R. Hartley',
      signatoryName: 'Mrs J. Okafor',
      signatoryPosition: 'Deputy Headteacher and Senior Attendance Champion',
      championPhone: '01632 960002',
      championEmail: 'attendance@riverside.example.sch.uk',
      policyUrl: 'riverside.example.sch.uk/attendance',
      laCodeUrl: 'riverside.example.gov.uk/school-attendance-code',
      laCodeReference: 'Riverside Council Code of Conduct for Penalty Notices (2024)',
      leaveFormUrl: 'riverside.example.sch.uk/leave',
      logo,
      logoType: logo ? 'png' : null,
      updatedBy: 'Demo setup',
      updatedAt: new Date().toISOString(),
    })
    .where(eq(lettersSettings.id, 1))
    .run();
}
