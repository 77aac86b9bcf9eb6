import type { DataSource, EntityManager } from 'typeorm';
import {
  DEFAULT_INWONER_ARCHETYPES,
  DEFAULT_INWONER_QUESTIONNAIRE,
  DEFAULT_WIJKCOACH_ARCHETYPES,
  DEFAULT_WIJKCOACH_QUESTIONNAIRE,
  LEEFGEBIEDEN,
  WERKZAME_ELEMENTEN,
  type ArchetypeSetDefinition,
  type QuestionnaireDefinition,
  type TaxonomyDefinition,
} from '@vertelpunt/domain';
import { randomBytes } from 'node:crypto';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { WijkEntity } from '../organisations/wijk.entity';
import { ArchetypeSetEntity } from '../questionnaires/archetype-set.entity';
import { ArchetypeEntity } from '../questionnaires/archetype.entity';
import { QuestionnaireVersionEntity } from '../questionnaires/questionnaire-version.entity';
import { QuestionnaireEntity } from '../questionnaires/questionnaire.entity';
import { TagEntity } from '../taxonomies/tag.entity';
import { TaxonomyEntity } from '../taxonomies/taxonomy.entity';
import { VertelpuntEntity } from '../vertelpunten/vertelpunt.entity';

export type SeededOrganisation = {
  organisation: OrganisationEntity;
  wijken: WijkEntity[];
  archetypeIds: Map<string, string>;
  vertelpunten: { wijkcoach: VertelpuntEntity; inwoner: VertelpuntEntity };
  versions: { wijkcoach: QuestionnaireVersionEntity; inwoner: QuestionnaireVersionEntity };
};

/** An unguessable vertel-link token (128 bits, URL-safe). */
export const newLinkToken = () => randomBytes(16).toString('base64url');

const insertTaxonomy = async (m: EntityManager, organisationId: string, def: TaxonomyDefinition) => {
  const taxonomy = await m.save(TaxonomyEntity, {
    organisationId,
    key: def.key,
    name: def.name,
    description: def.description,
    isStartingPoint: def.isStartingPoint,
  });
  await m.insert(
    TagEntity,
    def.tags.map((t, position) => ({ organisationId, taxonomyId: taxonomy.id, ...t, position })),
  );
};

const insertArchetypeSet = async (m: EntityManager, organisationId: string, def: ArchetypeSetDefinition, ids: Map<string, string>) => {
  const set = await m.save(ArchetypeSetEntity, {
    organisationId,
    key: def.key,
    name: def.name,
    description: def.description,
    isStartingPoint: def.isStartingPoint,
  });
  ids.set(def.key, set.id);
  for (const [position, a] of def.archetypes.entries()) {
    const saved = await m.save(ArchetypeEntity, { organisationId, setId: set.id, position, ...a });
    ids.set(`${def.key}/${a.key}`, saved.id);
  }
};

const insertQuestionnaire = async (m: EntityManager, organisationId: string, def: QuestionnaireDefinition, ids: Map<string, string>) => {
  const questionnaire = await m.save(QuestionnaireEntity, { organisationId, key: def.key, name: def.name, audience: def.audience });
  // Definitions name archetype sets by key; a stored version refers to the set's id.
  const questions = def.questions.map((q) =>
    q.type === 'archetype' ? { ...q, archetypeSetId: ids.get(q.archetypeSetId) ?? q.archetypeSetId } : q,
  );
  const version = await m.save(QuestionnaireVersionEntity, {
    organisationId,
    questionnaireId: questionnaire.id,
    version: 1,
    intro: def.intro,
    storyPrompt: def.storyPrompt,
    titlePrompt: def.titlePrompt,
    questions,
  });
  return { questionnaire, version };
};

/** A new organisation with the default taxonomies, archetypes, questionnaires and two vertelpunten. */
export const seedOrganisation = (dataSource: DataSource, input: { name: string; slug: string; wijken: string[] }) =>
  dataSource.transaction(async (m): Promise<SeededOrganisation> => {
    const organisation = await m.save(OrganisationEntity, { name: input.name, slug: input.slug, theme: {} });
    const organisationId = organisation.id;
    const wijken = await m.save(
      WijkEntity,
      input.wijken.map((name) => ({ organisationId, name, code: null })),
    );
    await insertTaxonomy(m, organisationId, WERKZAME_ELEMENTEN);
    await insertTaxonomy(m, organisationId, LEEFGEBIEDEN);
    const archetypeIds = new Map<string, string>();
    await insertArchetypeSet(m, organisationId, DEFAULT_WIJKCOACH_ARCHETYPES, archetypeIds);
    await insertArchetypeSet(m, organisationId, DEFAULT_INWONER_ARCHETYPES, archetypeIds);
    const coach = await insertQuestionnaire(m, organisationId, DEFAULT_WIJKCOACH_QUESTIONNAIRE, archetypeIds);
    const inwoner = await insertQuestionnaire(m, organisationId, DEFAULT_INWONER_QUESTIONNAIRE, archetypeIds);
    const wijkcoachPunt = await m.save(VertelpuntEntity, {
      organisationId,
      name: 'Verhalen van wijkcoaches',
      audience: 'wijkcoach' as const,
      questionnaireId: coach.questionnaire.id,
      wijkId: null,
      isOpen: true,
      linkToken: null,
    });
    const inwonerPunt = await m.save(VertelpuntEntity, {
      organisationId,
      name: 'Vertel het ons (inwoners)',
      audience: 'inwoner' as const,
      questionnaireId: inwoner.questionnaire.id,
      wijkId: null,
      isOpen: true,
      linkToken: newLinkToken(),
    });
    return {
      organisation,
      wijken,
      archetypeIds,
      vertelpunten: { wijkcoach: wijkcoachPunt, inwoner: inwonerPunt },
      versions: { wijkcoach: coach.version, inwoner: inwoner.version },
    };
  });
