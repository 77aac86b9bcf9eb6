import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  type FieldNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

/**
 * How big one GraphQL request may be. Our own pages stay far below these; an attacker who nests, aliases or
 * repeats fields to make the server work hard is stopped before anything runs.
 */
export const GRAPHQL_LIMITS = {
  /** Nesting of selections, fragments followed (`story { tags { tag { … } } }` is 3). */
  maxDepth: 10,
  /** Aliases in one request (`a: story(…) b: story(…)` is 2). */
  maxAliases: 20,
  /** Field selections in one request, fragments counted every time they are spread. */
  maxFields: 300,
  /**
   * Estimated work: every field costs 1, and what sits under a list costs as many times as the list may be long
   * (its `first` argument, else 10). Nesting `similarStories { story { similarStories … } }` grows by ten per level.
   */
  maxCost: 50_000,
} as const;

const LIST_GUESS = 10;
/** Fields that do much more work than reading a row: "verhalen zoals dit" searches every story of the organisation. */
const FIELD_COST: Readonly<Record<string, number>> = { similarStories: 1000 };
/** Validation runs before variables are known: a `first: $n` counts as the largest page our queries serve. */
const LIST_FROM_VARIABLE = 100;

type Limits = { maxDepth: number; maxAliases: number; maxFields: number; maxCost: number };
type Measure = { depth: number; aliases: number; fields: number; cost: number };

// Apollo answers every validation error with 400 and code GRAPHQL_VALIDATION_FAILED; the message says which limit.
const tooBig = (message: string) => new GraphQLError(message);

/** Depth, aliases and fields of one operation; a fragment cycle counts as too deep (it is invalid anyway). */
/** How many times a field's selection runs: a list runs once per item (`first` when given as a number). */
/** The page size a field asks for with `first`, or null when it has none. */
const firstOf = (field: FieldNode): number | null => {
  const first = field.arguments?.find((a) => a.name.value === 'first')?.value;
  if (first?.kind === Kind.INT) return Math.max(1, Number(first.value));
  if (first?.kind === Kind.VARIABLE) return LIST_FROM_VARIABLE;
  return null;
};

type Walk = { fragments: Map<string, FragmentDefinitionNode>; limits: Limits; schema: GraphQLSchema };

/**
 * `pageSize`: set on the direct children of a connection field (`stories(first: 20) { edges … }`), so the list under it
 * counts as the page it is, not as a guess.
 */
const measure = (
  set: SelectionSetNode,
  parent: GraphQLNamedType | null | undefined,
  walk: Walk,
  seen: string[] = [],
  pageSize: number | null = null,
): Measure => {
  const { fragments, limits } = walk;
  const total: Measure = { depth: 0, aliases: 0, fields: 0, cost: 0 };
  for (const selection of set.selections) {
    let inner: Measure | null = null;
    if (selection.kind === Kind.FIELD) {
      total.fields += 1;
      total.cost += FIELD_COST[selection.name.value] ?? 1;
      if (selection.alias) total.aliases += 1;
      const fieldDef =
        parent && (isObjectType(parent) || isInterfaceType(parent))
          ? parent.getFields()[selection.name.value]
          : undefined;
      if (selection.selectionSet) {
        const isList = fieldDef !== undefined && isListType(getNullableType(fieldDef.type));
        const first = firstOf(selection);
        const times = isList ? (first ?? pageSize ?? LIST_GUESS) : 1;
        const child = measure(
          selection.selectionSet,
          fieldDef ? getNamedType(fieldDef.type) : null,
          walk,
          seen,
          isList ? null : first,
        );
        inner = { ...child, depth: child.depth + 1, cost: child.cost * times };
      } else {
        total.depth = Math.max(total.depth, 1);
      }
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? walk.schema.getType(selection.typeCondition.name.value) : parent;
      inner = measure(selection.selectionSet, type, walk, seen, pageSize);
    } else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      if (!fragment) continue; // unknown fragments are reported by graphql's own rules
      if (seen.includes(name)) return { depth: Infinity, aliases: 0, fields: 0, cost: 0 };
      inner = measure(fragment.selectionSet, walk.schema.getType(fragment.typeCondition.name.value), walk, [
        ...seen,
        name,
      ]);
    }
    if (inner) {
      total.depth = Math.max(total.depth, inner.depth);
      total.aliases += inner.aliases;
      total.fields += inner.fields;
      total.cost += inner.cost;
    }
    // Stop early: a request built to be huge should not cost us a full walk either.
    if (
      total.fields > limits.maxFields ||
      total.aliases > limits.maxAliases ||
      total.depth > limits.maxDepth ||
      total.cost > limits.maxCost
    )
      break;
  }
  return total;
};

/** One validation rule for depth, aliases and fields, so the document is walked once. */
export const requestSizeRule =
  (limits: Limits = GRAPHQL_LIMITS): ValidationRule =>
  (context: ValidationContext): ASTVisitor => {
    const fragments = new Map(
      context
        .getDocument()
        .definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])),
    );
    const totals: Measure = { depth: 0, aliases: 0, fields: 0, cost: 0 };
    const schema = context.getSchema();
    return {
      OperationDefinition(operation: OperationDefinitionNode) {
        const root =
          operation.operation === 'mutation'
            ? schema.getMutationType()
            : operation.operation === 'subscription'
              ? schema.getSubscriptionType()
              : schema.getQueryType();
        const m = measure(operation.selectionSet, root, { fragments, limits, schema });
        totals.depth = Math.max(totals.depth, m.depth);
        totals.aliases += m.aliases;
        totals.fields += m.fields;
        totals.cost += m.cost;
      },
      Document: {
        leave() {
          if (totals.depth > limits.maxDepth) {
            context.reportError(tooBig(`Deze vraag is te diep genest (meer dan ${limits.maxDepth} niveaus).`));
          } else if (totals.aliases > limits.maxAliases) {
            context.reportError(tooBig(`Deze vraag gebruikt te veel aliassen (meer dan ${limits.maxAliases}).`));
          } else if (totals.fields > limits.maxFields) {
            context.reportError(tooBig(`Deze vraag vraagt te veel velden tegelijk (meer dan ${limits.maxFields}).`));
          } else if (totals.cost > limits.maxCost) {
            context.reportError(
              tooBig('Deze vraag zou te veel werk kosten. Vraag minder tegelijk op, of minder diep.'),
            );
          }
        },
      },
    };
  };
