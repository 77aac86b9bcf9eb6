import type { DataSource } from 'typeorm';
import type { TellerKind } from '@vertelpunt/domain';
import { ArchetypeEntity } from '../questionnaires/archetype.entity';
import { QuestionnaireVersionEntity } from '../questionnaires/questionnaire-version.entity';
import { VertelpuntEntity } from './vertelpunt.entity';

export class VertelpuntRepository {
  constructor(private readonly dataSource: DataSource) {}

  findById(organisationId: string, id: string): Promise<VertelpuntEntity | null> {
    return this.dataSource.getRepository(VertelpuntEntity).findOneBy({ organisationId, id });
  }

  list(organisationId: string): Promise<VertelpuntEntity[]> {
    return this.dataSource.getRepository(VertelpuntEntity).find({ where: { organisationId }, order: { name: 'ASC' } });
  }

  /** The newest version of the vertelpunt's questionnaire: what a new teller sees. */
  currentVersion(organisationId: string, questionnaireId: string): Promise<QuestionnaireVersionEntity | null> {
    return this.dataSource
      .getRepository(QuestionnaireVersionEntity)
      .findOne({ where: { organisationId, questionnaireId }, order: { version: 'DESC' } });
  }

  findVersion(organisationId: string, id: string): Promise<QuestionnaireVersionEntity | null> {
    return this.dataSource.getRepository(QuestionnaireVersionEntity).findOneBy({ organisationId, id });
  }

  /** Archetype ids per set, for validating archetype answers. */
  async archetypeIdsBySet(organisationId: string, setIds: string[]): Promise<Map<string, Set<string>>> {
    const result = new Map<string, Set<string>>(setIds.map((id) => [id, new Set<string>()]));
    if (setIds.length === 0) return result;
    const rows = await this.dataSource
      .getRepository(ArchetypeEntity)
      .createQueryBuilder('a')
      .where('a.organisation_id = :organisationId AND a.set_id IN (:...setIds)', { organisationId, setIds })
      .getMany();
    for (const row of rows) result.get(row.setId)?.add(row.id);
    return result;
  }

  /** The public vertel-link: the only look-up by something other than organisation, and it returns one row or none. */
  findByLinkToken(token: string): Promise<VertelpuntEntity | null> {
    return this.dataSource.getRepository(VertelpuntEntity).findOneBy({ linkToken: token });
  }

  listOpen(organisationId: string, audience: TellerKind): Promise<VertelpuntEntity[]> {
    return this.dataSource.getRepository(VertelpuntEntity).find({ where: { organisationId, audience, isOpen: true }, order: { name: 'ASC' } });
  }

  create(values: Pick<VertelpuntEntity, 'organisationId' | 'name' | 'audience' | 'questionnaireId' | 'wijkId' | 'maxRecordingSeconds' | 'linkToken'>) {
    return this.dataSource.getRepository(VertelpuntEntity).save({ ...values, isOpen: true });
  }

  async update(organisationId: string, id: string, values: Partial<Pick<VertelpuntEntity, 'name' | 'isOpen' | 'wijkId' | 'maxRecordingSeconds' | 'linkToken'>>) {
    await this.dataSource.getRepository(VertelpuntEntity).update({ organisationId, id }, values);
    return this.findById(organisationId, id);
  }

  archetypesOf(organisationId: string, setIds: string[]): Promise<ArchetypeEntity[]> {
    if (setIds.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(ArchetypeEntity)
      .createQueryBuilder('a')
      .where('a.organisation_id = :organisationId AND a.set_id IN (:...setIds)', { organisationId, setIds })
      .orderBy('a.position')
      .getMany();
  }
}
