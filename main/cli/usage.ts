// The command line's usage text (docs/cli.md), in a module of its own so that `--help` loads nothing else.
export const LETTERS_USAGE = `  letters templates --db F --json
  letters render --db F --template NAME --upn UPN --out FILE.docx [--from D --to D] [--override-reason TEXT] [--field KEY=VALUE ...]
`;
export const GOVERNORS_USAGE = `  report governors --db F --from D --to D [--as-of D] --out FILE.docx [--json]\n`;

export const USAGE = `Usage: attendance <command> --db FILE [--key-file FILE] [options]
An encrypted database is opened with the key in --key-file FILE or the ATTENDANCE_DB_KEY variable.
Commands:
  init --db F --school NAME [--urn N] [--la NNN --estab NNNN]
  demo --db F [--pupils N] [--seed S] [--secondary]
  import calendar --db F FILE
  import pupils --db F FILE
  import marks --db F FILE [--reason TEXT --by NAME --position ROLE]
  export marks --db F --from D --to D
  history --db F --upn UPN --json
  report pupils --db F --from D --to D [--as-of D] --json
${GOVERNORS_USAGE}  pupils --db F --json
  timetables --db F --json
  backup --db F --to FILE
  backups --db F --json
  restore --db F --from BACKUP
  verify --db F [--json]
  rebuild-tallies --db F [--json]
${LETTERS_USAGE}`;
