import type { DataSource } from 'typeorm';
import { EMPTY_STORY_FILTER, type StoryFilter } from '@vertelpunt/domain';
import { seedProcessedStory, tagIdOf } from '@vertelpunt/test/support/explorer-fixtures';
import { openDataSource, seedTestOrganisation, testConfig, type TestOrganisation } from '@vertelpunt/test/support/harness';
import { StoryRepository } from '../stories/story.repository';
import { ExplorerRepository } from './explorer.repository';
import { storyFilterWhere } from './story-filter-where';

const coachSetOf = (org: TestOrganisation) => {
  const question = org.versions.wijkcoach.questions.find((q) => q.type === 'archetype');
  if (question?.type !== 'archetype') throw new Error('no archetype question');
  return question.archetypeSetId;
};

describe('storyFilterWhere and ExplorerRepository on real Postgres', () => {
  let ds: DataSource;
  let repo: ExplorerRepository;
  let a: TestOrganisation;
  let b: TestOrganisation;
  const ids: Record<string, string> = {};

  const match = async (filter: Partial<StoryFilter>, org = a) => {
    const page = await repo.page(org.organisation.id, { ...EMPTY_STORY_FILTER, ...filter }, 50, null);
    const names = Object.fromEntries(Object.entries(ids).map(([k, v]) => [v, k]));
    return page.stories.map((s) => names[s.id] ?? `other:${s.id}`).sort();
  };

  beforeAll(async () => {
    ds = await openDataSource(testConfig('explorer-where'));
    repo = new ExplorerRepository(ds);
    [a, b] = [await seedTestOrganisation(ds, ['facilitator']), await seedTestOrganisation(ds, ['facilitator'])];
    ids.schulden = await seedProcessedStory(ds, a, {
      raw: { title: 'Mevrouw Yilmaz en de post', text: 'Mevrouw Yilmaz had schulden en durfde de brievenbus niet meer open te maken.' },
      redacted: { title: 'Mevrouw [NAAM] en de post', text: 'Mevrouw [NAAM] had schulden en durfde de brievenbus niet meer open te maken.' },
      tags: ['leefgebieden/financien'],
      archetypes: [0],
      toldAt: new Date('2026-03-10T22:30:00Z'), // 23:30 in Amsterdam: still 10 March
    });
    ids.schimmel = await seedProcessedStory(ds, a, {
      redacted: { title: 'Schimmel in de kinderkamer', text: 'De woning was vochtig en de schimmel zat op de muren van de kinderkamer.' },
      tellerKind: 'inwoner',
      wijk: 1,
      tags: ['leefgebieden/wonen'],
      archetypes: [1],
      choices: { leefgebieden: ['wonen'] },
      toldAt: new Date('2026-05-01T10:00:00Z'),
      audioSeconds: 120,
    });
    ids.buurthuis = await seedProcessedStory(ds, a, {
      redacted: { title: 'Koffie in het buurthuis', text: 'Hij was eenzaam. Nu drinkt hij elke week koffie in het buurthuis en kent hij de buren.' },
      tags: ['leefgebieden/wonen', 'werkzame-elementen/continuiteit'],
      archetypes: [0, 1],
      choices: { 'werkzame-elementen': ['continuiteit', 'normaliseren'] },
      toldAt: new Date('2026-06-15T10:00:00Z'),
    });
    ids.andereOrganisatie = await seedProcessedStory(ds, b, {
      redacted: { title: 'Schulden', text: 'Ook hier had iemand schulden en een brievenbus vol post.' },
      tags: ['leefgebieden/financien'],
    });
    // Received, not yet processed: raw text only, so the explorer never shows it.
    const unprocessed = await seedProcessedStory(ds, a, { redacted: { title: 'x', text: 'x' } });
    await ds.query(`UPDATE story SET status = 'RECEIVED', redacted_text = NULL, redacted_title = NULL, text = 'schulden schulden' WHERE id = $1`, [unprocessed]);
    // Withdrawn by its teller: gone from the explorer, even with redacted text.
    const withdrawn = await seedProcessedStory(ds, a, { redacted: { title: 'Ingetrokken', text: 'schulden' } });
    await new StoryRepository(ds).withdraw(a.organisation.id, withdrawn);
  });
  afterAll(() => ds?.destroy());

  it('shows only processed stories of the own organisation', async () => {
    expect(await match({})).toEqual(['buurthuis', 'schimmel', 'schulden']);
    expect(await match({}, b)).toEqual(['andereOrganisatie']);
    expect(await repo.count(a.organisation.id, EMPTY_STORY_FILTER)).toBe(3);
  });

  it('searches the redacted text in Dutch, with stemming, and never the raw text', async () => {
    expect(await match({ q: 'schuld' })).toEqual(['schulden']);
    expect(await match({ q: 'kinderkamers' })).toEqual(['schimmel']);
    expect(await match({ q: 'Yilmaz' })).toEqual([]);
    expect(await match({ q: 'buurthuis OR schimmel' })).toEqual(['buurthuis', 'schimmel']);
  });

  it('matches any tag within a taxonomy and every taxonomy', async () => {
    const financien = await tagIdOf(ds, a.organisation.id, 'leefgebieden/financien');
    const wonen = await tagIdOf(ds, a.organisation.id, 'leefgebieden/wonen');
    const continuiteit = await tagIdOf(ds, a.organisation.id, 'werkzame-elementen/continuiteit');
    expect(await match({ tagIds: [financien] })).toEqual(['schulden']);
    expect(await match({ tagIds: [financien, wonen] })).toEqual(['buurthuis', 'schimmel', 'schulden']);
    expect(await match({ tagIds: [wonen, continuiteit] })).toEqual(['buurthuis']);
  });

  it('groups tags the same way inside the SQL when no grouping is given', async () => {
    const ids3 = await Promise.all(['leefgebieden/financien', 'leefgebieden/wonen', 'werkzame-elementen/continuiteit'].map((t) => tagIdOf(ds, a.organisation.id, t)));
    const foreign = await tagIdOf(ds, b.organisation.id, 'leefgebieden/wonen');
    for (const tagIds of [[ids3[0], ids3[1]], [ids3[1], ids3[2]], [ids3[0], foreign]]) {
      const where = storyFilterWhere(a.organisation.id, { ...EMPTY_STORY_FILTER, tagIds });
      const inSql: { id: string }[] = await ds.query(`SELECT s.id FROM story s WHERE ${where.sql} ORDER BY s.id`, where.params);
      const viaGroups = (await repo.page(a.organisation.id, { ...EMPTY_STORY_FILTER, tagIds }, 50, null)).stories.map((r) => r.id).sort();
      expect(inSql.map((r) => r.id)).toEqual(viaGroups);
    }
  });

  it('lets ids of another organisation match nothing', async () => {
    const foreignTag = await tagIdOf(ds, b.organisation.id, 'leefgebieden/financien');
    expect(await match({ tagIds: [foreignTag] })).toEqual([]);
    expect(await match({ wijkIds: [b.wijken[0].id] })).toEqual([]);
    expect(await match({ archetypeIds: [b.archetypeIdsInSet(coachSetOf(b))[0]] })).toEqual([]);
  });

  it('filters by archetype, wijk, teller, period, leefgebied, choice answers and length', async () => {
    const coachSet = coachSetOf(a);
    expect(await match({ archetypeIds: [a.archetypeIdsInSet(coachSet)[1]] })).toEqual(['buurthuis']);
    expect(await match({ wijkIds: [a.wijken[1].id] })).toEqual(['schimmel']);
    expect(await match({ tellerKind: 'inwoner' })).toEqual(['schimmel']);
    expect(await match({ to: '2026-03-10' })).toEqual(['schulden']);
    expect(await match({ from: '2026-03-11', to: '2026-05-01' })).toEqual(['schimmel']);
    expect(await match({ leefgebieden: ['wonen'] })).toEqual(['schimmel']);
    expect(await match({ choices: [{ questionId: 'werkzame-elementen', optionId: 'normaliseren' }] })).toEqual(['buurthuis']);
    expect(await match({ length: { unit: 'seconds', min: 60, max: 120 } })).toEqual(['schimmel']);
    expect(await match({ length: { unit: 'words', min: 15, max: null } })).toEqual(['buurthuis']);
    expect(await match({ length: { unit: 'words', min: null, max: 13 } })).toEqual(['schulden']);
    expect(await match({ statuses: ['REDACTED'] })).toEqual([]);
  });

  it('follows answers the teller changes later (story_answer_option is kept by triggers)', async () => {
    const [archetypeA, archetypeB] = a.archetypeIdsInSet(coachSetOf(a));
    const story = await seedProcessedStory(ds, a, { redacted: { title: 'Later aangepast', text: 'aangepast verhaal' }, archetypes: [0] });
    const matches = async (id: string) => (await repo.page(a.organisation.id, { ...EMPTY_STORY_FILTER, archetypeIds: [id], q: 'aangepast' }, 5, null)).stories.length;
    expect([await matches(archetypeA), await matches(archetypeB)]).toEqual([1, 0]);
    await new StoryRepository(ds).replaceAnswers(a.organisation.id, story, [{ questionId: 'gevoel', value: { kind: 'archetypes', archetypeIds: [archetypeB] } }]);
    expect([await matches(archetypeA), await matches(archetypeB)]).toEqual([0, 1]);
    await ds.query(`UPDATE answer SET value = '{"kind":"archetypes","archetypeIds":[]}' WHERE story_id = $1`, [story]);
    expect(await matches(archetypeB)).toBe(0);
    await ds.query('DELETE FROM story WHERE id = $1', [story]);
  });

  it('pages with a keyset cursor without gaps or repeats', async () => {
    const first = await repo.page(a.organisation.id, EMPTY_STORY_FILTER, 2, null);
    expect(first.hasNextPage).toBe(true);
    const last = first.stories.at(-1)!;
    const second = await repo.page(a.organisation.id, EMPTY_STORY_FILTER, 2, { createdAt: last.createdAt, id: last.id });
    expect(second.hasNextPage).toBe(false);
    expect([...first.stories, ...second.stories].map((s) => s.id).sort()).toEqual([ids.schulden, ids.schimmel, ids.buurthuis].sort());
  });

  it('shows redacted content with its archetypes and tags, and never raw text', async () => {
    const [row] = (await repo.page(a.organisation.id, { ...EMPTY_STORY_FILTER, q: 'schulden' }, 5, null)).stories;
    expect(row.title).toBe('Mevrouw [NAAM] en de post');
    expect(JSON.stringify(row)).not.toContain('Yilmaz');
    expect(row.tags.map((t) => t.taxonomyKey)).toEqual(['leefgebieden']);
    expect(row.archetypes).toHaveLength(1);
    expect(row.wordCount).toBe(13);
  });

  it('keeps user values out of the SQL text', async () => {
    const evil = "'; DROP TABLE story; --";
    const where = storyFilterWhere(a.organisation.id, { ...EMPTY_STORY_FILTER, q: evil, tellerKind: 'inwoner', choices: [{ questionId: evil, optionId: evil }] });
    expect(where.sql).not.toContain('DROP');
    expect(where.params).toContain(evil);
    expect(await match({ q: evil, choices: [{ questionId: evil, optionId: evil }] })).toEqual([]);
    const [{ count }] = await ds.query('SELECT count(*)::int AS count FROM story');
    expect(count).toBeGreaterThan(0);
  });

  it('narrows to given ids in their order for "verhalen zoals dit"', async () => {
    const page = await repo.page(a.organisation.id, EMPTY_STORY_FILTER, 10, null, { onlyIds: [ids.schimmel, ids.andereOrganisatie, ids.schulden] });
    expect(page.stories.map((s) => s.id)).toEqual([ids.schimmel, ids.schulden]);
  });
});
