"""Regenerates shared/codes.generated.ts from ../shared/domain/codes.csv (run from the project root).

The output is already in Prettier's layout (.prettierrc.json, width 110), so `prettier --check` passes
without a rewrite: one property a line, and a description too long for a line split into string pieces
joined with ' + ' (the joined string is the CSV text unchanged)."""
import csv, sys
src = sys.argv[1] if len(sys.argv) > 1 else '../shared/domain/codes.csv'
rows = list(csv.DictReader(open(src, encoding='utf-8')))
WIDTH = 110


def quote(s):
    # Prettier's choice: single quotes unless the text holds more single than double quotes
    q = '"' if s.count("'") > s.count('"') else "'"
    return q + s.replace('\\', '\\\\').replace(q, '\\' + q) + q


def pieces(s, room):
    # split at spaces (each piece keeps its trailing space) so every quoted piece fits in room
    out = []
    while len(quote(s)) > room:
        cut = -1
        for i, ch in enumerate(s):
            if ch == ' ' and len(quote(s[: i + 1])) <= room:
                cut = i + 1
        if cut <= 0:
            break
        out.append(s[:cut])
        s = s[cut:]
    out.append(s)
    return out


def prop(name, value):
    if value is None:
        return ['    %s: null,' % name]
    if isinstance(value, bool):
        return ['    %s: %s,' % (name, 'true' if value else 'false')]
    line = '    %s: %s,' % (name, quote(value))
    if len(line) <= WIDTH:
        return [line]
    if len('      ' + quote(value) + ',') <= WIDTH:
        return ['    %s:' % name, '      ' + quote(value) + ',']
    parts = [quote(p) for p in pieces(value, WIDTH - len('      ') - len(' +'))]
    return ['    %s:' % name] + ['      ' + p + ' +' for p in parts[:-1]] + ['      ' + parts[-1] + ',']


out = ["// The national attendance code table (2024 Regulations and the legacy 2006 set), generated from",
       "// shared/domain/codes.csv by scripts/gen-codes.py. One row per code and era: B, C and # changed meaning on",
       "// 19 Aug 2024. `category` decides how a mark counts (docs/rules/statistics.md §2).",
       "",
       "export const CODE_ROWS = ["]
for r in rows:
    out.append("  {")
    out += prop('code', r['code'])
    out += prop('label', r['label'])
    out += prop('category', r['category'])
    out += prop('validFrom', r['valid_from'] or None)
    out += prop('validTo', r['valid_to'] or None)
    out += prop('needsReason', r['needs_reason'] == '1')
    out += prop('pnCounts', r['pn_counts'] == '1')
    out += prop('description', r['description'])
    out.append("  },")
out.append("] as const;")
open('shared/codes.generated.ts', 'w', encoding='utf-8').write("\n".join(out) + "\n")
