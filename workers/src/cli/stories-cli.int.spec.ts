import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const repo = path.resolve(__dirname, '../../..');
const run = (command: string, lines: string[]) =>
  spawnSync(process.execPath, ['-r', '@swc-node/register', 'workers/src/cli/stories-cli.ts', command], {
    cwd: repo,
    input: lines.join('\n'),
    encoding: 'utf8',
  });

describe('stories command (JSON lines in, JSON lines out)', () => {
  it('redacts each line and reports what it found', () => {
    const out = run('redact', [JSON.stringify({ id: 'v1', text: 'Ik sprak mevrouw Jansen, bereikbaar op 06-12345678.' })]);
    expect(out.status).toBe(0);
    expect(JSON.parse(out.stdout.trim())).toEqual({
      id: 'v1',
      redacted: 'Ik sprak mevrouw [NAAM], bereikbaar op [TELEFOON].',
      found: [
        { type: 'NAAM', text: 'Jansen' },
        { type: 'TELEFOON', text: '06-12345678' },
      ],
    });
  });

  it('tags with the taxonomy’s Dutch labels above the threshold, and answers a bad line with an error', () => {
    const out = run('tag', [
      JSON.stringify({ id: 1, text: 'Meneer had grote schulden en een betalingsachterstand bij de woningcorporatie. We gingen samen naar de schuldhulpverlening.' }),
      '{kapot',
      JSON.stringify({ id: 3, text: 'De buurvrouw voelde zich eenzaam sinds haar man overleed.' }),
    ]);
    expect(out.status).toBe(0);
    const rows = out.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(rows).toHaveLength(3);
    expect(rows[0].tags.map((t: { label: string }) => t.label)).toContain('Financiën');
    expect(rows[0].tags.every((t: { score: number; why: string[]; taxonomy: string }) => t.score > 0 && t.why.length > 0 && t.taxonomy)).toBe(true);
    expect(rows[1]).toEqual({ id: null, error: 'Regel is geen geldige JSON.' });
    expect(rows[2].id).toBe(3);
    expect(out.stderr).toContain('1 regel(s)');
  });
});
