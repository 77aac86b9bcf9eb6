import type { DataSource } from 'typeorm';
import { buildDemoStories, buildDemoWatTelt, DEMO_WIJKEN, isRole, type AnswerValue, type GivenAnswer, type Role } from '@vertelpunt/domain';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { StoryRepository } from '../stories/story.repository';
import { MembershipEntity } from '../users/membership.entity';
import { hashPassword } from '../users/password';
import { UserEntity } from '../users/user.entity';
import { WatTeltRepository } from '../wat-telt/wat-telt.repository';
import demoUsers from './demo-users.json';
import { seedOrganisation, type SeededOrganisation } from './seed-organisation';

export const DEMO_ORGANISATION_SLUG = 'demo';
const DAY_MS = 24 * 60 * 60 * 1000;

export type DemoUser = { email: string; password: string; name: string; roles: Role[] };
export const DEMO_USERS: DemoUser[] = demoUsers.map((u) => ({ ...u, roles: u.roles.filter(isRole) }));

/** Demo answers name archetypes by key and wijken by name; stored answers use ids. */
const toStoredAnswer = (seeded: SeededOrganisation, setKey: string, wijkId: string, answer: GivenAnswer): GivenAnswer => {
  const value: AnswerValue = answer.value;
  if (value.kind === 'archetypes') {
    return {
      questionId: answer.questionId,
      value: { kind: 'archetypes', archetypeIds: value.archetypeIds.map((key) => seeded.archetypeIds.get(`${setKey}/${key}`) ?? key) },
    };
  }
  if (answer.questionId === 'wijk') return { questionId: 'wijk', value: { kind: 'choice', optionIds: [wijkId] } };
  return answer;
};

const archetypeSetKeyOf = (seeded: SeededOrganisation, kind: 'wijkcoach' | 'inwoner') => {
  const question = seeded.versions[kind].questions.find((q) => q.type === 'archetype');
  if (!question || question.type !== 'archetype') return '';
  return [...seeded.archetypeIds.entries()].find(([, id]) => id === question.archetypeSetId)?.[0] ?? '';
};

/** Loads the demo organisation once: a second start finds it and changes nothing. */
export const seedDemo = async (dataSource: DataSource, storyCount = 200): Promise<boolean> => {
  const existing = await dataSource.getRepository(OrganisationEntity).findOneBy({ slug: DEMO_ORGANISATION_SLUG });
  if (existing) return false;

  const seeded = await seedOrganisation(dataSource, { name: 'Wijkteams Voorbeeldstad', slug: DEMO_ORGANISATION_SLUG, wijken: DEMO_WIJKEN });
  const organisationId = seeded.organisation.id;
  const coachIds: string[] = [];
  for (const u of DEMO_USERS) {
    const user = await dataSource.getRepository(UserEntity).save({ email: u.email, name: u.name, passwordHash: await hashPassword(u.password) });
    await dataSource.getRepository(MembershipEntity).save({ organisationId, userId: user.id, roles: u.roles });
    if (u.roles.includes('wijkcoach')) coachIds.push(user.id);
  }

  const stories = new StoryRepository(dataSource);
  const wijkIdByName = new Map(seeded.wijken.map((w) => [w.name, w.id]));
  const setKeys = { wijkcoach: archetypeSetKeyOf(seeded, 'wijkcoach'), inwoner: archetypeSetKeyOf(seeded, 'inwoner') };
  const now = Date.now();
  for (const [index, demo] of buildDemoStories(storyCount).entries()) {
    const wijkId = wijkIdByName.get(demo.wijk) ?? seeded.wijken[0].id;
    const toldAt = new Date(now - demo.daysAgo * DAY_MS - (index % 97) * 60_000);
    await stories.createOnce(
      {
        id: crypto.randomUUID(),
        organisationId,
        vertelpuntId: seeded.vertelpunten[demo.tellerKind].id,
        questionnaireVersionId: seeded.versions[demo.tellerKind].id,
        tellerUserId: demo.tellerKind === 'wijkcoach' ? coachIds[index % coachIds.length] : null,
        tellerKind: demo.tellerKind,
        wijkId,
        mode: 'text',
        title: demo.title,
        text: demo.text,
        audioKey: null,
        audioMimeType: null,
        audioBytes: null,
        audioSha256: null,
        audioDurationMs: null,
        transcript: null,
        transcriptSegments: null,
        redactedText: null,
        status: 'RECEIVED',
        failureReason: null,
        consent: { version: 'demo', agreedAt: toldAt.toISOString(), usage: ['leren', 'ervaringentafel'] },
        toldAt,
        createdAt: toldAt,
      } as Parameters<StoryRepository['createOnce']>[0],
      demo.answers.map((a) => toStoredAnswer(seeded, setKeys[demo.tellerKind], wijkId, a)),
    );
  }
  // Wat telt boards of pseudonymous demo clients, so /impact has figures (and one wijk too small to show them).
  await new WatTeltRepository(dataSource).importMeasurements(organisationId, coachIds[0], buildDemoWatTelt(seeded.wijken.map((w) => w.id), now));
  return true;
};
