import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { DataSource } from 'typeorm';
import { ChartCubeRepository } from '@vertelpunt/db';
import { login, openDataSource, startApi, testConfig, type GraphQLResponse } from '@vertelpunt/test/support/harness';
import { startWorkersInProcess } from '@vertelpunt/test/support/ready-stories';
import { CALLERS, OPERATIONS, type Caller, type Operation } from './operations';
import { organisationChecksums, organisationSecrets, organisationTables } from './org-rows';
import { callAs, getAs, newMarker, REFUSALS, seedSecurityOrganisation, type SecurityOrganisation } from './security-fixture';

/** Empty: null, an empty list, a connection without edges, an export without stories. */
const isEmpty = (value: unknown): boolean => {
  if (value === null || value === undefined) return true;
  // A list is empty when it has nothing, or only empty entries (a chart per own question, each with no answers).
  if (Array.isArray(value)) return value.every(isEmpty);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('edges' in v) return isEmpty(v.edges);
    // The audit log page: a list of entries.
    if ('entries' in v) return isEmpty(v.entries);
    if ('storyCount' in v) return v.storyCount === 0;
    // Charts: counts of zero stories (labels of the caller's own archetypes or questions may be there).
    if ('totalA' in v) return v.totalA === 0 && v.totalB === 0;
    if ('wijkcoachTotal' in v) return v.wijkcoachTotal === 0 && v.inwonerTotal === 0;
    if ('total' in v) return v.total === 0;
    if ('answered' in v) return v.answered === 0;
  }
  return false;
};

/**
 * Two organisations with data in every table; every operation is sent by every role of one (and anonymously) with
 * the other's ids, alone and mixed with its own: refused or empty, nothing of the other in the answer, and the
 * other's rows unchanged.
 */
describe('cross-organisation attacks (real API, Postgres, Redis and workers)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'vp-security-cross-'));
  const config = testConfig('security-cross', {
    AUDIO_DIR: dir,
    UPLOAD_DIR: path.join(dir, 'uploads'),
    RECOVERY_SWEEP_MS: '600000',
    RATE_LIMIT_PER_MINUTE: '0',
  });
  let ds: DataSource;
  let api: { app: INestApplication; url: string };
  let workers: INestApplicationContext;
  let attacker: SecurityOrganisation;
  let victim: SecurityOrganisation;
  let secrets: string[];
  let baseline: Record<string, string>;

  beforeAll(async () => {
    ds = await openDataSource(config);
    api = await startApi(config);
    workers = await startWorkersInProcess(config);
    [attacker, victim] = await Promise.all([
      seedSecurityOrganisation(ds, api.url, newMarker('Aanvaller')),
      seedSecurityOrganisation(ds, api.url, newMarker('Slachtoffer')),
    ]);
    // Charts count from the chart cube; recounted now (as the workers would within 30 s), the victim's cube holds
    // data and nothing is waiting to be recounted: at rest.
    const cube = new ChartCubeRepository(ds);
    for (const org of [attacker, victim]) await cube.refresh(org.target.organisationId);
    secrets = [...(await organisationSecrets(ds, victim.target.organisationId)), victim.target.marker];
    baseline = await organisationChecksums(ds, victim.target.organisationId);
  }, 150_000);
  afterAll(async () => {
    await workers?.close();
    await api?.app.close();
    await ds?.destroy();
  });

  it('has data of the victim in every organisation table, and it is at rest', async () => {
    const empty = Object.entries(baseline).filter(([, sum]) => sum.startsWith('0:')).map(([table]) => table);
    // Written only by an erasure (or, for chart_cube_dirty, by a change until the next recount) and emptied right
    // after it: at rest they hold nothing. Their checksum still catches any row an attack would add for the victim.
    const emptyAtRest = ['pending_file_deletion', 'story_vector_removal', 'erased_story', 'chart_cube_dirty'];
    expect(empty.filter((t) => !emptyAtRest.includes(t))).toEqual([]);
    expect((await organisationTables(ds)).length).toBeGreaterThan(20);
    await new Promise((r) => setTimeout(r, 500));
    expect(await organisationChecksums(ds, victim.target.organisationId)).toEqual(baseline);
  });

  const attack = async (op: Operation, caller: Caller, variables: Record<string, unknown>, from = attacker): Promise<string[]> => {
    const token =
      op.freshSession && caller !== 'anonymous'
        ? await login(api.url, from.target.org.users[caller].email, from.target.org.users[caller].password)
        : undefined;
    const res: GraphQLResponse<Record<string, unknown>> = await callAs(api.url, from, caller, op.document, variables, token);
    const sent = JSON.stringify(variables);
    const body = JSON.stringify(res);
    const problems: string[] = [];
    const codes = (res.errors ?? []).map((e) => e.extensions?.code ?? 'NO_CODE');
    const unexpected = codes.filter((c) => !REFUSALS.includes(c));
    if (unexpected.length) problems.push(`unexpected error ${unexpected.join(',')}: ${body.slice(0, 300)}`);
    if (op.publicByToken) {
      if (body.includes('"linkToken":"')) problems.push('gave out a link token');
      return problems;
    }
    // The victim's strings, except those the attacker sent itself (an echoed id is no leak).
    const leaked = secrets.filter((s) => !sent.includes(s) && body.includes(s));
    if (leaked.length) problems.push(`leaked ${leaked.join(', ')}: ${body.slice(0, 300)}`);
    const touchesVictim = secrets.some((s) => sent.includes(s));
    if (touchesVictim && codes.length === 0) {
      const result = Object.values(res.data ?? {})[0] as Record<string, unknown> | null;
      const rejected = op.kind === 'mutation' && result !== null && typeof result === 'object' && 'problems' in result;
      if (op.kind === 'mutation' && !rejected) problems.push(`mutation accepted the victim's ids: ${body.slice(0, 300)}`);
      if (op.kind === 'query' && !isEmpty(result)) problems.push(`query answered for the victim's ids: ${body.slice(0, 300)}`);
    }
    return problems;
  };

  it('can fail: the victim reading its own data trips every check', async () => {
    const { story, stories, updateTafel, exploreStories } = OPERATIONS;
    expect((await attack(story, 'admin', story.variables(victim.target), victim)).join()).toMatch(/query answered for the victim's ids/);
    expect((await attack(stories, 'facilitator', {}, victim)).join()).toMatch(/leaked/);
    expect((await attack(exploreStories, 'wijkcoach', exploreStories.variables(victim.target), victim)).join()).toMatch(/query answered/);
    const changed = await attack(updateTafel, 'facilitator', updateTafel.variables(victim.target), victim);
    expect(changed.join()).toMatch(/mutation accepted the victim's ids/);
    // updateTafel wrote the same values again: the checksum sees the new updated_at.
    expect(await organisationChecksums(ds, victim.target.organisationId)).not.toEqual(baseline);
    baseline = await organisationChecksums(ds, victim.target.organisationId);
  });

  for (const [name, op] of Object.entries(OPERATIONS)) {
    it(`${op.kind} ${name}: refused or empty, nothing leaked${op.kind === 'mutation' ? ', victim unchanged' : ''}`, async () => {
      const problems: string[] = [];
      for (const caller of CALLERS) {
        const runs = [(op.crossVariables ?? op.variables)(victim.target)];
        if (op.mixed) runs.push(op.mixed(attacker.target, victim.target));
        for (const variables of runs) problems.push(...(await attack(op, caller, variables)).map((p) => `${caller}: ${p}`));
      }
      expect(problems).toEqual([]);
      if (op.kind === 'mutation') expect(await organisationChecksums(ds, victim.target.organisationId)).toEqual(baseline);
    });
  }

  it('REST: the victim’s print pack PDF and story audio are refused to every caller, with either organisation header', async () => {
    const paths = [
      `/tafels/${victim.target.tafelId}/printpakket.pdf`,
      `/stories/${victim.target.storyId}/audio`,
      `/stories/${victim.target.spareStoryId}/audio`,
    ];
    const seen: string[] = [];
    for (const caller of CALLERS) {
      for (const pathname of paths) {
        for (const organisationId of [attacker.target.organisationId, victim.target.organisationId]) {
          const { status, body } = await getAs(api.url, attacker, caller, pathname, organisationId);
          const leaked = secrets.filter((s) => !pathname.includes(s) && body.includes(s));
          if (![401, 403, 404].includes(status) || body.startsWith('%PDF') || leaked.length)
            seen.push(`${caller} ${pathname} as ${organisationId === victim.target.organisationId ? 'victim' : 'own'}: ${status} ${leaked.join(',')}`);
        }
      }
    }
    expect(seen).toEqual([]);
    // The victim's own facilitator gets it: the refusals above are about the organisation, not a broken download.
    const own = await getAs(api.url, victim, 'facilitator', paths[0]);
    expect({ status: own.status, pdf: own.body.startsWith('%PDF') }).toEqual({ status: 200, pdf: true });
  });

  it('REST: no audio upload starts for a story of the victim, with a session or with a vertel-link', async () => {
    const statuses: string[] = [];
    const upload = async (label: string, storyId: string, headers: Record<string, string>) => {
      const res = await fetch(`${api.url}/uploads`, {
        method: 'POST',
        headers: { 'tus-resumable': '1.0.0', 'upload-length': '1000', 'upload-metadata': `storyId ${Buffer.from(storyId).toString('base64')}`, ...headers },
      });
      const body = await res.text();
      if (![400, 401, 403, 404].includes(res.status) || secrets.some((s) => s !== storyId && body.includes(s))) statuses.push(`${label}: ${res.status} ${body.slice(0, 200)}`);
    };
    for (const storyId of [victim.target.storyId, victim.target.spareStoryId]) {
      for (const caller of ['wijkcoach', 'facilitator', 'manager', 'admin'] as const) {
        for (const organisationId of [attacker.target.organisationId, victim.target.organisationId])
          await upload(`${caller} ${storyId}`, storyId, { authorization: `Bearer ${attacker.tokens[caller]}`, 'x-organisation-id': organisationId });
      }
      await upload(`link ${storyId}`, storyId, { 'x-vertel-token': attacker.target.linkToken });
      await upload(`anonymous ${storyId}`, storyId, {});
    }
    expect(statuses).toEqual([]);
  });

  it('refuses an anonymous story through one organisation’s link with the other’s questionnaire or story id', async () => {
    const doc = OPERATIONS.createStory.document;
    const base = { ...OPERATIONS.createStory.variables(attacker.target).input as Record<string, unknown>, vertelpuntId: undefined, vertelToken: attacker.target.linkToken };
    const problems: string[] = [];
    for (const input of [
      { ...base, questionnaireVersionId: victim.target.questionnaireVersionId },
      { ...base, questionnaireVersionId: victim.target.org.versions.inwoner.id },
      { ...base, questionnaireVersionId: attacker.target.org.versions.inwoner.id, answers: [], id: victim.target.storyId },
      { ...base, vertelpuntId: victim.target.linkVertelpuntId, questionnaireVersionId: victim.target.org.versions.inwoner.id, answers: [] },
    ]) {
      const res = await callAs<{ createStory: { __typename: string } }>(api.url, attacker, 'anonymous', doc, { input });
      const body = JSON.stringify(res);
      const leaked = secrets.filter((s) => !JSON.stringify(input).includes(s) && body.includes(s));
      if (res.data?.createStory.__typename === 'StoryCreated' || leaked.length) problems.push(`${JSON.stringify(input).slice(0, 120)}: ${body.slice(0, 300)}`);
    }
    expect(problems).toEqual([]);
    expect(await organisationChecksums(ds, victim.target.organisationId)).toEqual(baseline);
  });

  it('left every row of the victim as it was', async () => {
    expect(await organisationChecksums(ds, victim.target.organisationId)).toEqual(baseline);
  });
});
