import type { INestApplicationContext } from '@nestjs/common';
import type { Config } from '@vertelpunt/config';
import type { DataSource } from 'typeorm';
import { buildStoryInput, CREATE_STORY, validAnswersFor } from './builders';
import { gql, type TestOrganisation } from './harness';

export type ToldStory = { title: string; text: string; wijk?: number; archetypes?: number[] };

/** The real workers (every processor, BullMQ on the test prefix) inside the test process: cheaper than a child. */
export const startWorkersInProcess = async (config: Config): Promise<INestApplicationContext> => {
  const { NestFactory } = await import('@nestjs/core');
  const { WorkersModule } = await import('../../workers/src/workers.module');
  const app = await NestFactory.createApplicationContext(WorkersModule.forRoot(config), { logger: false });
  app.enableShutdownHooks();
  return app;
};

/**
 * Tells stories through the API as a wijkcoach would (typed, with answers: wijk and archetypes per story) and
 * waits until the real pipeline (redact → analyse) made them READY. Returns their ids in the given order.
 */
export const tellReadyStories = async (
  ds: DataSource,
  apiUrl: string,
  org: TestOrganisation,
  coachToken: string,
  stories: ToldStory[],
  timeoutMs = 90_000,
): Promise<string[]> => {
  const questions = org.versions.wijkcoach.questions;
  const ids: string[] = [];
  for (const s of stories) {
    const answers = validAnswersFor(org, questions).map((a) => {
      const q = questions.find((x) => x.id === a.questionId);
      if (q?.type === 'wijk' && s.wijk !== undefined)
        return { ...a, optionIds: [org.wijken[s.wijk % org.wijken.length].id] };
      if (q?.type === 'archetype' && s.archetypes) {
        const set = org.archetypeIdsInSet(q.archetypeSetId);
        return { ...a, archetypeIds: s.archetypes.slice(0, q.max).map((i) => set[i % set.length]) };
      }
      return a;
    });
    const input = buildStoryInput(org, { title: s.title, text: s.text, answers });
    const res = await gql<{ createStory: { __typename: string } }>(
      apiUrl,
      CREATE_STORY,
      { input },
      { token: coachToken, organisationId: org.organisation.id },
    );
    if (res.data?.createStory.__typename !== 'StoryCreated')
      throw new Error(`story not created: ${JSON.stringify(res)}`);
    ids.push(input.id);
  }
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows: { id: string; status: string; failure_reason: string | null }[] = await ds.query(
      'SELECT id, status, failure_reason FROM story WHERE id = ANY($1)',
      [ids],
    );
    if (rows.every((r) => r.status === 'READY')) return ids;
    const failed = rows.find((r) => r.status === 'FAILED');
    if (failed) throw new Error(`story ${failed.id} failed: ${failed.failure_reason}`);
    if (Date.now() > deadline)
      throw new Error(`stories not READY in time: ${JSON.stringify(rows.map((r) => r.status))}`);
    await new Promise((r) => setTimeout(r, 250));
  }
};

/** Varied stories with names and numbers the anonymiser must hide. */
export const SAMPLE_STORIES: ToldStory[] = [
  {
    title: 'Mevrouw Jansen durfde de post weer open te maken',
    text: 'Mevrouw Jansen had schulden en durfde de post niet meer open te maken. Samen met de schuldhulp maakten we een plan. Ze belde me op 06-12345678.',
    wijk: 0,
    archetypes: [0],
  },
  {
    title: 'Een buurman die niemand meer zag',
    text: 'Meneer Bakker zat al maanden alleen thuis. Via het buurthuis kwam hij bij de koffieochtend en nu helpt hij zelf mee.',
    wijk: 1,
    archetypes: [1],
  },
  {
    title: 'Jongeren op het plein',
    text: 'De jongeren op het plein voelden zich weggejaagd. We gingen met ze in gesprek en samen met de gemeente kwam er een eigen plek.',
    wijk: 0,
    archetypes: [2],
  },
  {
    title: 'Mantelzorg voor haar moeder',
    text: 'Fatima zorgde dag en nacht voor haar moeder. Door respijtzorg kreeg ze weer lucht en kon ze haar werk houden.',
    wijk: 1,
    archetypes: [3],
  },
  {
    title: 'Werk na een lange tijd thuis',
    text: 'Na drie jaar zonder werk vond Sandra via een werkervaringsplek weer ritme. Het vaste contact met haar coach hielp het meest.',
    wijk: 0,
    archetypes: [4],
  },
  {
    title: 'Huisvesting met een klein kind',
    text: 'Een jonge vader met een dochtertje dreigde dakloos te worden. Met de woningcorporatie vonden we een tijdelijke woning.',
    wijk: 1,
    archetypes: [0, 1],
  },
];
