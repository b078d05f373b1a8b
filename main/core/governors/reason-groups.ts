// Reasons for absence grouped for the governor report (docs/rules/governor-report.md): illness, appointments,
// leave by kind, religious observance, unauthorised holiday, unexplained, late after close. Every count is a sum
// of the per-code counts, so the groups always add up to the codes.
export const REASON_GROUPS: { group: string; codes: string[] }[] = [
  { group: 'Illness (I)', codes: ['I'] },
  { group: 'Medical or dental appointments (M)', codes: ['M'] },
  { group: 'Religious observance (R)', codes: ['R'] },
  { group: 'Leave granted: exceptional circumstances (C)', codes: ['C'] },
  { group: 'Leave granted: performance or employment (C1)', codes: ['C1'] },
  { group: 'Leave granted: part-time timetable (C2)', codes: ['C2'] },
  { group: 'Leave granted: interview (J1)', codes: ['J1'] },
  { group: 'Leave granted: study leave (S)', codes: ['S'] },
  { group: 'Traveller absence (T)', codes: ['T'] },
  { group: 'Suspended or excluded (E)', codes: ['E'] },
  { group: 'Holiday not granted (G)', codes: ['G'] },
  { group: 'Unexplained (N, O)', codes: ['N', 'O'] },
  { group: 'Late after the register closed (U)', codes: ['U'] },
];

export function reasonGroups(
  reasons: readonly { code: string; sessions: number; category: 'authorised' | 'unauthorised' }[],
): { group: string; sessions: number }[] {
  const out = REASON_GROUPS.map((g) => ({
    group: g.group,
    sessions: reasons.filter((r) => g.codes.includes(r.code)).reduce((s, r) => s + r.sessions, 0),
  }));
  const known = new Set(REASON_GROUPS.flatMap((g) => g.codes));
  for (const cat of ['authorised', 'unauthorised'] as const) {
    const rest = reasons.filter((r) => !known.has(r.code) && r.category === cat);
    if (rest.length) {
      out.push({
        group: `Other ${cat} (${rest.map((r) => r.code).join(', ')})`,
        sessions: rest.reduce((s, r) => s + r.sessions, 0),
      });
    }
  }
  return out.filter((g) => g.sessions > 0);
}
