// Fills a database quickly with a realistic explorer dataset: `seedExplorerStories(url, n)`.
// Text, titles, answers and wijken come from the demo story generator; redaction, tags and vectors are made by the
// real pipeline code (redact, the trained taggers, the workers' hashed vectors) for a pool of templates, then
// repeated with varied dates, wijken and vectors and written with unnest() in batches (one round trip per table).
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { buildDemoStories, DEMO_WIJKEN, type AnswerValue } from '@vertelpunt/domain';
import { createDataSource, hashPassword, MembershipEntity, OrganisationEntity, seedOrganisation, UserEntity, type SeededOrganisation } from '@vertelpunt/db';
import { redact, suggestTags, trainTaggers } from '@vertelpunt/ml';
import { hashedVector, VECTOR_MODEL } from '../../workers/src/stories/story-vectors';

export const BENCH_ORGANISATION_SLUG = 'prestatietest';
export const BENCH_FACILITATOR = { email: 'facilitator@prestatietest.vertelpunt.nl', password: 'samen-leren-2026' };

const TEMPLATES = 3000;
const BATCH = 2000;
const DAY_MS = 86_400_000;

type Template = {
  tellerKind: 'wijkcoach' | 'inwoner';
  wijk: string;
  daysAgo: number;
  title: string;
  redactedTitle: string;
  text: string;
  redactedText: string;
  answers: { questionId: string; value: AnswerValue }[];
  tags: { tagId: string; score: number; why: string[] }[];
  vector: number[];
};

const rng = (seed: number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const ensureOrganisation = async (url: string): Promise<SeededOrganisation> => {
  const ds = await createDataSource({ url, poolSize: 2, applicationName: 'vertelpunt-seed' }).initialize();
  try {
    const existing = await ds.getRepository(OrganisationEntity).findOneBy({ slug: BENCH_ORGANISATION_SLUG });
    if (existing) {
      // Rebuild the handles the seeder needs from what is stored.
      const q = <T>(sql: string) => ds.query(sql, [existing.id]) as Promise<T[]>;
      const wijken = await q<{ id: string; name: string }>('SELECT id, name FROM wijk WHERE organisation_id = $1');
      const punten = await q<{ id: string; audience: 'wijkcoach' | 'inwoner' }>('SELECT id, audience FROM vertelpunt WHERE organisation_id = $1');
      const versions = await q<{ id: string; audience: 'wijkcoach' | 'inwoner'; questions: SeededOrganisation['versions']['wijkcoach']['questions'] }>(
        'SELECT DISTINCT ON (q.audience) v.id, q.audience, v.questions FROM questionnaire_version v JOIN questionnaire q ON q.id = v.questionnaire_id WHERE v.organisation_id = $1 ORDER BY q.audience, v.version DESC',
      );
      // Like seedOrganisation's map: `setKey` → set id and `setKey/archetypeKey` → archetype id.
      const archetypes = await q<{ key: string; id: string }>(
        `SELECT s.key || '/' || a.key AS key, a.id FROM archetype a JOIN archetype_set s ON s.id = a.set_id WHERE a.organisation_id = $1
         UNION ALL SELECT key, id FROM archetype_set WHERE organisation_id = $1`,
      );
      const byAudience = <T extends { audience: string }>(rows: T[], a: string) => rows.find((r) => r.audience === a)!;
      return {
        organisation: existing,
        wijken: wijken as SeededOrganisation['wijken'],
        archetypeIds: new Map(archetypes.map((a) => [a.key, a.id])),
        vertelpunten: { wijkcoach: byAudience(punten, 'wijkcoach'), inwoner: byAudience(punten, 'inwoner') } as SeededOrganisation['vertelpunten'],
        versions: { wijkcoach: byAudience(versions, 'wijkcoach'), inwoner: byAudience(versions, 'inwoner') } as unknown as SeededOrganisation['versions'],
      };
    }
    const seeded = await seedOrganisation(ds, { name: 'Prestatietest Voorbeeldstad', slug: BENCH_ORGANISATION_SLUG, wijken: DEMO_WIJKEN });
    const user = await ds.getRepository(UserEntity).save({ email: BENCH_FACILITATOR.email, name: 'Facilitator prestatietest', passwordHash: await hashPassword(BENCH_FACILITATOR.password) });
    await ds.getRepository(MembershipEntity).save({ organisationId: seeded.organisation.id, userId: user.id, roles: ['facilitator', 'manager'] });
    return seeded;
  } finally {
    await ds.destroy();
  }
};

/** Real redaction, tags and vectors for a pool of demo stories. */
const buildTemplates = async (client: Client, seeded: SeededOrganisation): Promise<Template[]> => {
  const organisationId = seeded.organisation.id;
  const taxonomies: { id: string; key: string; tags: { id: string; key: string; label: string; examples: string[] }[] }[] = (
    await client.query(
      `SELECT tx.id, tx.key, json_agg(json_build_object('id', t.id, 'key', t.key, 'label', t.label, 'examples', t.examples)) AS tags
         FROM taxonomy tx JOIN tag t ON t.taxonomy_id = tx.id WHERE tx.organisation_id = $1 GROUP BY tx.id, tx.key`,
      [organisationId],
    )
  ).rows;
  const models = trainTaggers(taxonomies);
  const setKeyOf = (kind: 'wijkcoach' | 'inwoner') => {
    const question = seeded.versions[kind].questions.find((q) => q.type === 'archetype');
    const setId = question?.type === 'archetype' ? question.archetypeSetId : '';
    return [...seeded.archetypeIds.entries()].find(([, id]) => id === setId)?.[0].split('/')[0] ?? '';
  };
  const setKeys = { wijkcoach: setKeyOf('wijkcoach'), inwoner: setKeyOf('inwoner') };
  const wijkIds = new Map(seeded.wijken.map((w) => [w.name, w.id]));
  return buildDemoStories(TEMPLATES, 11).map((demo) => {
    const redactedText = redact(demo.text, { keep: DEMO_WIJKEN }).redacted;
    const redactedTitle = redact(demo.title, { keep: DEMO_WIJKEN }).redacted;
    const analysed = `${redactedTitle}. ${redactedText}`;
    const tags = taxonomies.flatMap((tx) =>
      suggestTags(models[tx.key], analysed).flatMap((s) => {
        const tag = tx.tags.find((t) => t.key === s.tagKey);
        return tag ? [{ tagId: tag.id, score: s.score, why: s.why }] : [];
      }),
    );
    const answers = demo.answers.map(({ questionId, value }) => {
      if (value.kind === 'archetypes') {
        return { questionId, value: { kind: 'archetypes' as const, archetypeIds: value.archetypeIds.map((k) => seeded.archetypeIds.get(`${setKeys[demo.tellerKind]}/${k}`) ?? k) } };
      }
      if (questionId === 'wijk' && value.kind === 'choice') return { questionId, value: { kind: 'choice' as const, optionIds: value.optionIds.map((n) => wijkIds.get(n) ?? n) } };
      return { questionId, value };
    });
    return { ...demo, redactedText, redactedTitle, answers, tags, vector: hashedVector(analysed) };
  });
};

const vectorLiteral = (v: number[]) => `{${v.join(',')}}`;

/**
 * Makes sure the `prestatietest` organisation has at least `count` stories (adds what is missing). Returns the number
 * added. Statuses: ~97 % READY, the rest REDACTED, FAILED and WITHDRAWN, as a running system would have.
 */
export const seedExplorerStories = async (url: string, count: number, log: (line: string) => void = console.log): Promise<number> => {
  const seeded = await ensureOrganisation(url);
  const organisationId = seeded.organisation.id;
  const client = new Client({ connectionString: url, application_name: 'vertelpunt-seed' });
  await client.connect();
  try {
    const [{ have }] = (await client.query('SELECT count(*)::int AS have FROM story WHERE organisation_id = $1', [organisationId])).rows;
    const missing = count - have;
    if (missing <= 0) return 0;
    let started = Date.now();
    const templates = await buildTemplates(client, seeded);
    log(`  ${templates.length} templates redacted, tagged and vectorised in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    started = Date.now();
    const random = rng(have + 1);
    const wijkIds = seeded.wijken.map((w) => w.id);
    const now = Date.now();
    for (let offset = 0; offset < missing; offset += BATCH) {
      const size = Math.min(BATCH, missing - offset);
      const story: Record<string, unknown[]> = { id: [], punt: [], version: [], kind: [], wijk: [], mode: [], title: [], text: [], rtext: [], rtitle: [], status: [], told: [], created: [], duration: [] };
      const answer: Record<string, unknown[]> = { story: [], question: [], value: [] };
      const tag: Record<string, unknown[]> = { story: [], tag: [], score: [], why: [] };
      const vector: Record<string, unknown[]> = { story: [], values: [] };
      for (let i = 0; i < size; i++) {
        const t = templates[Math.floor(random() * templates.length)];
        const id = randomUUID();
        const spoken = random() < 0.4;
        const r = random();
        const status = r < 0.97 ? 'READY' : r < 0.98 ? 'REDACTED' : r < 0.99 ? 'FAILED' : 'WITHDRAWN';
        const told = new Date(now - Math.floor(random() * 540 * DAY_MS));
        story.id.push(id);
        story.punt.push(seeded.vertelpunten[t.tellerKind].id);
        story.version.push(seeded.versions[t.tellerKind].id);
        story.kind.push(t.tellerKind);
        story.wijk.push(random() < 0.9 ? wijkIds[Math.floor(random() * wijkIds.length)] : null);
        story.mode.push(spoken ? 'audio' : 'text');
        story.title.push(t.title);
        story.text.push(spoken ? null : t.text);
        story.rtext.push(status === 'FAILED' ? null : t.redactedText);
        story.rtitle.push(status === 'FAILED' ? null : t.redactedTitle);
        story.status.push(status);
        story.told.push(told);
        story.created.push(new Date(told.getTime() + Math.floor(random() * 3_600_000)));
        story.duration.push(spoken ? 30_000 + Math.floor(random() * 400_000) : null);
        for (const a of t.answers) {
          answer.story.push(id);
          answer.question.push(a.questionId);
          answer.value.push(JSON.stringify(a.value));
        }
        if (status === 'READY') {
          for (const x of t.tags) {
            tag.story.push(id);
            tag.tag.push(x.tagId);
            tag.score.push(x.score);
            tag.why.push(JSON.stringify(x.why));
          }
          vector.story.push(id);
          // A little noise, so copies of one template are near, not identical, neighbours.
          vector.values.push(vectorLiteral(t.vector.map((v) => Math.round((v + (random() - 0.5) * 0.02) * 1e5) / 1e5)));
        }
      }
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO story (id, organisation_id, vertelpunt_id, questionnaire_version_id, teller_kind, wijk_id, mode, title, text, redacted_text, redacted_title,
                            status, told_at, created_at, updated_at, audio_key, audio_duration_ms, consent, failure_reason, withdrawn_at)
         SELECT x.id, $1, x.punt, x.version, x.kind, x.wijk, x.mode, x.title, x.text, x.rtext, x.rtitle, x.status, x.told, x.created, x.created,
                CASE WHEN x.mode = 'audio' THEN 'seed/' || x.id END, x.duration, '{"version":"seed","agreedAt":"2026-01-01T00:00:00Z","usage":["leren"]}'::jsonb,
                CASE WHEN x.status = 'FAILED' THEN 'Testgegevens: mislukt.' END, CASE WHEN x.status = 'WITHDRAWN' THEN x.created END
           FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::uuid[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::timestamptz[], $14::timestamptz[], $15::int[])
             AS x(id, punt, version, kind, wijk, mode, title, text, rtext, rtitle, status, told, created, duration)`,
        [organisationId, story.id, story.punt, story.version, story.kind, story.wijk, story.mode, story.title, story.text, story.rtext, story.rtitle, story.status, story.told, story.created, story.duration],
      );
      await client.query(
        `INSERT INTO answer (organisation_id, story_id, question_id, value) SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::jsonb[])`,
        [organisationId, answer.story, answer.question, answer.value],
      );
      await client.query(
        `INSERT INTO story_tag (organisation_id, story_id, tag_id, source, score, state, why) SELECT $1, s, t, 'auto', sc, 'suggested', w FROM unnest($2::uuid[], $3::uuid[], $4::real[], $5::jsonb[]) AS x(s, t, sc, w)`,
        [organisationId, tag.story, tag.tag, tag.score, tag.why],
      );
      await client.query(
        // One millisecond apart, as stories finishing one by one would be: the API's index loads vectors in
        // updated_at order (millisecond cursor), and a whole batch on one timestamp would look like one huge change.
        `INSERT INTO story_vector (story_id, organisation_id, model, vector, updated_at)
         SELECT s, $1, $2, v::real[], now() + make_interval(secs => n / 1000.0) FROM unnest($3::uuid[], $4::text[]) WITH ORDINALITY AS x(s, v, n)`,
        [organisationId, VECTOR_MODEL, vector.story, vector.values],
      );
      await client.query('COMMIT');
      if ((offset / BATCH) % 10 === 9 || offset + size >= missing) log(`  ${have + offset + size} stories (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    }
    // What autovacuum would do after a bulk load: statistics and the visibility map (index-only scans).
    for (const table of ['story', 'answer', 'story_answer_option', 'story_tag', 'story_vector']) await client.query(`VACUUM ANALYZE ${table}`);
    return missing;
  } finally {
    await client.end();
  }
};

/** `node -r @swc-node/register test/bench/seed-explorer-stories.ts <count>`; scripts/seed.mjs calls this. */
if (require.main === module) {
  const count = Number(process.argv[2]);
  const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/vertelpunt';
  if (!Number.isInteger(count) || count <= 0) {
    console.error('Gebruik: seed-explorer-stories.ts <aantal verhalen>');
    process.exit(64);
  }
  const started = Date.now();
  seedExplorerStories(url, count)
    .then((added) => console.log(`Prestatietest: ${added} verhalen toegevoegd in ${((Date.now() - started) / 1000).toFixed(1)} s (organisatie "${BENCH_ORGANISATION_SLUG}", inloggen als ${BENCH_FACILITATOR.email}).`))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
