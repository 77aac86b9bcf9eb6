import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { requestSizeRule } from './graphql-limits';

const schema = buildSchema(`
  type Tag { key: String, tag: Tag }
  type Story { id: ID, title: String, tags: [Tag], similar: [Story], similarStories(first: Int): [Story] }
  type Edge { node: Story }
  type StoryConnection { edges: [Edge] }
  type Query { story(id: ID): Story, stories: [Story], page(first: Int): StoryConnection }
`);
const limits = { maxDepth: 4, maxAliases: 3, maxFields: 12, maxCost: 1000 };
const errorsOf = (query: string, l = limits) => validate(schema, parse(query), [...specifiedRules, requestSizeRule(l)]).map((e) => e.message);

describe('requestSizeRule', () => {
  it('lets an ordinary query through', () => {
    expect(errorsOf('{ story(id: "1") { id title tags { key } } }')).toEqual([]);
  });

  it('refuses nesting deeper than the limit, also through fragments', () => {
    expect(errorsOf('{ story { similar { similar { similar { similar { id } } } } } }')).toEqual([
      'Deze vraag is te diep genest (meer dan 4 niveaus).',
    ]);
    expect(errorsOf('{ story { ...A } } fragment A on Story { similar { similar { similar { similar { id } } } } }')).toHaveLength(1);
    expect(errorsOf('{ story { tags { tag { key } } } }')).toEqual([]);
  });

  it('refuses too many aliases, counted over the whole request', () => {
    expect(errorsOf('{ a: story { id } b: story { id } c: story { id } }')).toEqual([]);
    expect(errorsOf('{ a: story { id } b: story { id } c: story { id } d: story { id } }')).toEqual([
      'Deze vraag gebruikt te veel aliassen (meer dan 3).',
    ]);
  });

  it('counts a fragment every time it is spread, so repeating it cannot hide the work', () => {
    const fragment = 'fragment F on Story { id title tags { key } }';
    expect(errorsOf(`{ story { ...F } stories { ...F } } ${fragment}`)).toEqual([]);
    expect(errorsOf(`{ story { ...F } stories { ...F } again: story { ...F } } ${fragment}`)).toEqual([
      'Deze vraag vraagt te veel velden tegelijk (meer dan 12).',
    ]);
  });

  it('multiplies what sits under a list, so nested lists are refused while a wide flat query is not', () => {
    // similar (×10) → similar (×10) → similar (×10) → id: about 1,100 units of work.
    const deepEnough = { ...limits, maxDepth: 10 };
    expect(errorsOf('{ story { similar { similar { similar { id } } } } }', deepEnough)).toEqual([
      'Deze vraag zou te veel werk kosten. Vraag minder tegelijk op, of minder diep.',
    ]);
    expect(errorsOf('{ story { similar { similar { id } } } }', deepEnough)).toEqual([]);
    // An explicit small `first` would count as what it asks for; a list without one counts as ten.
    expect(errorsOf('{ stories { id title tags { key } } }')).toEqual([]);
  });

  it('counts the list under a connection as the page asked for with `first`', () => {
    const many = { ...limits, maxFields: 100, maxDepth: 10 };
    expect(errorsOf('{ page(first: 20) { edges { node { id title } } } }', many)).toEqual([]);
    expect(errorsOf('{ page(first: 500) { edges { node { id title } } } }', many)).toEqual([
      'Deze vraag zou te veel werk kosten. Vraag minder tegelijk op, of minder diep.',
    ]);
  });

  it('weighs "verhalen zoals dit" as the search it is', () => {
    expect(errorsOf('{ story { similarStories { id } } }', { ...limits, maxCost: 5000 })).toEqual([]);
    expect(errorsOf('{ stories { similarStories { id } } }', { ...limits, maxCost: 5000 })).toEqual([
      'Deze vraag zou te veel werk kosten. Vraag minder tegelijk op, of minder diep.',
    ]);
  });

  it('reports a fragment cycle without looping', () => {
    const errors = errorsOf('{ story { ...A } } fragment A on Story { similar { ...B } } fragment B on Story { similar { ...A } }');
    expect(errors.length).toBeGreaterThan(0);
  });
});
