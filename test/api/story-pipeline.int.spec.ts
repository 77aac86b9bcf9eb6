import type { INestApplication } from '@nestjs/common';
import type { ChildProcess } from 'node:child_process';
import type { DataSource } from 'typeorm';
import { StoryStepEntity } from '@vertelpunt/db';
import { buildStoryInput, CREATE_STORY, STORY } from '../support/builders';
import { gql, login, openDataSource, seedTestOrganisation, startApi, startWorkers, stopProcess, testConfig, waitFor, type TestOrganisation } from '../support/harness';

type StoryResult = { story: { id: string; status: string; text: string | null; answers: { questionId: string; archetypeIds: string[] | null }[]; steps: { step: string; attempts: number; finishedAt: string | null }[] } };

describe('story pipeline: api → queue → worker process → api', () => {
  const config = testConfig('pipeline', { WORKER_LOCK_MS: '1500', RECOVERY_SWEEP_MS: '600000' });
  const workerEnv = { NODE_ENV: 'test', DATABASE_URL: config.db.url, REDIS_URL: config.redis.url, REDIS_KEY_PREFIX: config.redis.keyPrefix, WORKER_LOCK_MS: '1500', RECOVERY_SWEEP_MS: '600000', LOG_LEVEL: 'warn' };
  let ds: DataSource;
  let api: { app: INestApplication; url: string };
  let org: TestOrganisation;
  let token: string;
  const workers: ChildProcess[] = [];
  const auth = () => ({ token, organisationId: org.organisation.id });
  const statusOf = async (id: string) => (await gql<StoryResult>(api.url, STORY, { id }, auth())).data?.story;

  beforeAll(async () => {
    ds = await openDataSource(config);
    org = await seedTestOrganisation(ds, ['wijkcoach', 'facilitator']);
    api = await startApi(config);
    token = await login(api.url, org.users.wijkcoach.email, org.users.wijkcoach.password);
  });

  afterAll(async () => {
    await Promise.all(workers.map((w) => stopProcess(w, 'SIGKILL')));
    await api?.app.close();
    await ds?.destroy();
  });

  it('stores a typed story, runs its job in a worker process and shows the new status', async () => {
    const input = buildStoryInput(org);
    const created = await gql<{ createStory: { __typename: string; story: { id: string; status: string } } }>(api.url, CREATE_STORY, { input }, auth());
    expect(created.errors).toBeUndefined();
    expect(created.data?.createStory).toMatchObject({ __typename: 'StoryCreated', story: { id: input.id, status: 'RECEIVED' } });

    workers.push(startWorkers(workerEnv));
    const story = await waitFor(async () => {
      const s = await statusOf(input.id);
      return s?.status === 'READY' ? s : null;
    });
    expect(story.text).toBe(input.text);
    expect(story.answers.find((a) => a.questionId === 'gevoel')?.archetypeIds).toHaveLength(2);
    expect(story.steps[0]).toEqual(expect.objectContaining({ step: 'received', attempts: 1, finishedAt: expect.any(String) }));
  });

  it('never makes a second story when the same id is sent again', async () => {
    const input = buildStoryInput(org);
    const first = await gql<{ createStory: { story: { id: string } } }>(api.url, CREATE_STORY, { input }, auth());
    const again = await gql<{ createStory: { story: { id: string } } }>(api.url, CREATE_STORY, { input }, auth());
    expect(again.data?.createStory.story.id).toBe(first.data?.createStory.story.id);
    const [{ count }] = await ds.query('SELECT count(*)::int AS count FROM story WHERE id = $1', [input.id]);
    expect(count).toBe(1);
  });

  it('gives a retry its stored story even when the vertelpunt has closed since, and refuses a new story there', async () => {
    const input = buildStoryInput(org);
    const first = await gql<{ createStory: { story: { id: string } } }>(api.url, CREATE_STORY, { input }, auth());
    expect(first.data?.createStory.story.id).toBe(input.id);
    const vertelpuntId = input.vertelpuntId;
    await ds.query('UPDATE vertelpunt SET is_open = false WHERE id = $1', [vertelpuntId]);
    try {
      const again = await gql<{ createStory: { story: { id: string } } }>(api.url, CREATE_STORY, { input }, auth());
      expect(again.errors).toBeUndefined();
      expect(again.data?.createStory.story.id).toBe(input.id);
      const fresh = await gql(api.url, CREATE_STORY, { input: buildStoryInput(org) }, auth());
      expect(fresh.errors?.[0].message).toContain('gesloten');
    } finally {
      await ds.query('UPDATE vertelpunt SET is_open = true WHERE id = $1', [vertelpuntId]);
    }
  });

  it('finishes a job exactly once when its worker is SIGKILLed mid-job and started again', async () => {
    await Promise.all(workers.splice(0).map((w) => stopProcess(w)));
    const slow = startWorkers({ ...workerEnv, FAULT_DELAY_MS: '4000' });
    const input = buildStoryInput(org);
    await gql(api.url, CREATE_STORY, { input }, auth());
    // Wait until the slow worker has started the step, then kill it without warning.
    await waitFor(async () => (await ds.getRepository(StoryStepEntity).findOneBy({ storyId: input.id })) ?? null, 20_000, 50);
    await stopProcess(slow, 'SIGKILL');
    expect((await statusOf(input.id))?.status).toBe('RECEIVED');

    workers.push(startWorkers(workerEnv));
    const story = await waitFor(async () => {
      const s = await statusOf(input.id);
      return s?.status === 'READY' ? s : null;
    }, 40_000);
    expect(story.steps.filter((s) => s.step === 'received')).toEqual([expect.objectContaining({ attempts: 2, finishedAt: expect.any(String) })]);
    const [{ count }] = await ds.query('SELECT count(*)::int AS count FROM story WHERE id = $1', [input.id]);
    expect(count).toBe(1);
  }, 90_000);
});
