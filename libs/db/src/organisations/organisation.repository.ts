import type { DataSource } from 'typeorm';
import { OrganisationEntity } from './organisation.entity';
import { WijkEntity } from './wijk.entity';

export class OrganisationRepository {
  constructor(private readonly dataSource: DataSource) {}

  findBySlug(slug: string): Promise<OrganisationEntity | null> {
    return this.dataSource.getRepository(OrganisationEntity).findOneBy({ slug });
  }

  findById(id: string): Promise<OrganisationEntity | null> {
    return this.dataSource.getRepository(OrganisationEntity).findOneBy({ id });
  }

  wijken(organisationId: string): Promise<WijkEntity[]> {
    return this.dataSource.getRepository(WijkEntity).find({ where: { organisationId }, order: { name: 'ASC' } });
  }

  wijkenByIds(organisationId: string, ids: string[]): Promise<WijkEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(WijkEntity)
      .createQueryBuilder('w')
      .where('w.organisation_id = :organisationId AND w.id IN (:...ids)', { organisationId, ids })
      .getMany();
  }
}
