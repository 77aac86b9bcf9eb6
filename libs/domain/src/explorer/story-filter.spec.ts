import { EMPTY_STORY_FILTER, isEmptyStoryFilter, parseStoryFilter, storyFilterToSearchParams, validateStoryFilter, type StoryFilter } from './story-filter';

const WIJK = '11111111-1111-4111-8111-111111111111';
const TAG_A = '22222222-2222-4222-8222-222222222222';
const TAG_B = '33333333-3333-4333-8333-333333333333';
const STORY = '44444444-4444-4444-8444-444444444444';

const full: StoryFilter = {
  from: '2026-01-01',
  to: '2026-06-30',
  wijkIds: [WIJK],
  vertelpuntIds: [],
  tellerKind: 'inwoner',
  archetypeIds: [TAG_B],
  tagIds: [TAG_A, TAG_B],
  leefgebieden: ['financien', 'wonen'],
  choices: [{ questionId: 'elementen', optionId: 'vaste-contactpersoon' }],
  signals: [
    { questionId: 'regie', from: 20, to: 30, yFrom: null, yTo: null },
    { questionId: 'impact', from: 90, to: 100, yFrom: 0, yTo: 10 },
  ],
  statuses: ['READY'],
  length: { unit: 'seconds', min: 30, max: 300 },
  q: 'schulden en post',
  similarTo: STORY,
};

describe('story filter in the URL', () => {
  it('reads signifier ranges as a chart writes them, drops malformed ones and refuses ranges outside 0–100', () => {
    const read = parseStoryFilter(new URLSearchParams('signaal=regie:20-30&signaal=impact:20-30:90-100&signaal=kapot:30&signaal=x:1-2:3'));
    expect(read.signals).toEqual([
      { questionId: 'regie', from: 20, to: 30, yFrom: null, yTo: null },
      { questionId: 'impact', from: 20, to: 30, yFrom: 90, yTo: 100 },
    ]);
    const wrong = { ...EMPTY_STORY_FILTER, signals: [{ questionId: 'regie', from: 40, to: 130, yFrom: null, yTo: null }] };
    expect(validateStoryFilter(wrong).map((p) => p.field)).toEqual(['signals']);
  });

  it('survives a round trip through URL parameters', () => {
    const params = storyFilterToSearchParams(full);
    expect(parseStoryFilter(new URLSearchParams(params.toString()))).toEqual(full);
  });

  it('uses short Dutch parameter names and repeats lists', () => {
    const query = storyFilterToSearchParams(full).toString();
    expect(query).toContain('zoek=schulden+en+post');
    expect(query).toContain(`tag=${TAG_A}&tag=${TAG_B}`);
    expect(query).toContain('antwoord=elementen%3Avaste-contactpersoon');
    expect(query).toContain('lengte=seconden&min=30&max=300');
    expect(query).toContain('teller=inwoner');
  });

  it('gives an empty filter for an empty URL and nothing in the URL for an empty filter', () => {
    expect(parseStoryFilter(new URLSearchParams())).toEqual(EMPTY_STORY_FILTER);
    expect(storyFilterToSearchParams(EMPTY_STORY_FILTER).toString()).toBe('');
    expect(isEmptyStoryFilter(EMPTY_STORY_FILTER)).toBe(true);
    expect(isEmptyStoryFilter({ ...EMPTY_STORY_FILTER, q: 'x' })).toBe(false);
  });

  it('drops values that cannot mean anything, so a hand-edited link still opens', () => {
    const parsed = parseStoryFilter(new URLSearchParams('van=gisteren&tot=2026-02-30x&teller=buurman&status=FAILED&status=READY&lengte=uren&min=3&antwoord=zonderdubbelepunt&zoek=%20%20'));
    expect(parsed.from).toBeNull();
    expect(parsed.to).toBeNull();
    expect(parsed.tellerKind).toBeNull();
    expect(parsed.statuses).toEqual(['READY']);
    expect(parsed.length).toBeNull();
    expect(parsed.choices).toEqual([]);
    expect(parsed.q).toBeNull();
  });

  it('removes empty and repeated values from lists', () => {
    expect(parseStoryFilter(new URLSearchParams(`wijk=${WIJK}&wijk=&wijk=${WIJK}`)).wijkIds).toEqual([WIJK]);
  });

  it('keeps a length with only a lower bound', () => {
    expect(parseStoryFilter(new URLSearchParams('lengte=woorden&min=100')).length).toEqual({ unit: 'words', min: 100, max: null });
  });
});

describe('validateStoryFilter', () => {
  const fieldsOf = (filter: Partial<StoryFilter>) => validateStoryFilter({ ...EMPTY_STORY_FILTER, ...filter }).map((p) => p.field);

  it('accepts a full, sensible filter', () => {
    expect(validateStoryFilter(full)).toEqual([]);
  });

  it('names malformed ids in Dutch', () => {
    const problems = validateStoryFilter({ ...EMPTY_STORY_FILTER, tagIds: ['niet-een-id'] });
    expect(problems).toEqual([{ field: 'tagIds', message: 'Onbekende tags: niet-een-id.' }]);
    expect(fieldsOf({ wijkIds: ['x'], archetypeIds: ['y'], similarTo: 'z' })).toEqual(['wijkIds', 'archetypeIds', 'similarTo']);
  });

  it('refuses a period that ends before it starts, and bad dates', () => {
    expect(fieldsOf({ from: '2026-05-01', to: '2026-04-01' })).toEqual(['to']);
    expect(fieldsOf({ from: '1-5-2026' })).toEqual(['from']);
  });

  it('only lets processed statuses through', () => {
    expect(fieldsOf({ statuses: ['FAILED' as 'READY'] })).toEqual(['statuses']);
  });

  it('checks the length range', () => {
    expect(fieldsOf({ length: { unit: 'words', min: 10, max: 5 } })).toEqual(['length']);
    expect(fieldsOf({ length: { unit: 'words', min: -1, max: null } })).toEqual(['length']);
  });
});
