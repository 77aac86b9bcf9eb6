import { LEEFGEBIEDEN, WERKZAME_ELEMENTEN } from '@vertelpunt/domain';
import { redact, suggestTags, trainDefaultTaggers } from '@vertelpunt/ml';
import { processJsonLines, type LineInput, type LineResult } from './jsonl';

/**
 * `npm run -s stories -- tag < in.jsonl` and `npm run -s stories -- redact < in.jsonl`:
 * the workers' own redaction and tagging for stories from earlier rounds (spreadsheets, old transcripts).
 */
const TAXONOMIES = [WERKZAME_ELEMENTEN, LEEFGEBIEDEN];

const commands: Record<string, () => (line: LineInput) => LineResult> = {
  redact: () => (line) => {
    const result = redact(line.text);
    return { redacted: result.redacted, found: result.found.map((f) => ({ type: f.type, text: f.text })) };
  },
  tag: () => {
    const models = trainDefaultTaggers();
    return (line) => ({
      tags: TAXONOMIES.flatMap((taxonomy) =>
        suggestTags(models[taxonomy.key], line.text).map((s) => ({ taxonomy: taxonomy.key, label: s.label, score: Math.round(s.score * 1000) / 1000, why: s.why })),
      ),
    });
  },
};

const main = async (command: string | undefined) => {
  const make = command ? commands[command] : undefined;
  if (!make) {
    process.stderr.write('Gebruik: npm run -s stories -- tag|redact < verhalen.jsonl   (elke regel: {"id","text"})\n');
    process.exit(64);
  }
  const failed = await processJsonLines(process.stdin, process.stdout, make());
  if (failed > 0) process.stderr.write(`${failed} regel(s) konden niet verwerkt worden; zie de regels met "error".\n`);
};

void main(process.argv[2]);
