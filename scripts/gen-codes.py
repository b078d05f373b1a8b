"""Regenerates shared/codes.generated.ts from ../shared/domain/codes.csv (run from the project root)."""
import csv, json, sys
src = sys.argv[1] if len(sys.argv) > 1 else '../shared/domain/codes.csv'
rows = list(csv.DictReader(open(src, encoding='utf-8')))
out = ["// The national attendance code table (2024 Regulations and the legacy 2006 set), generated from",
       "// shared/domain/codes.csv by scripts/gen-codes.py. One row per code and era: B, C and # changed meaning on",
       "// 19 Aug 2024. `category` decides how a mark counts (statistics.md §2).",
       "",
       "export const CODE_ROWS = ["]
for r in rows:
    out.append("  { code: %s, label: %s, category: %s, validFrom: %s, validTo: %s, needsReason: %s, pnCounts: %s, description: %s }," % (
        json.dumps(r['code']), json.dumps(r['label']), json.dumps(r['category']),
        json.dumps(r['valid_from'] or None), json.dumps(r['valid_to'] or None),
        'true' if r['needs_reason'] == '1' else 'false', 'true' if r['pn_counts'] == '1' else 'false', json.dumps(r['description'])))
out.append("] as const;")
open('shared/codes.generated.ts', 'w', encoding='utf-8').write("\n".join(out) + "\n")
