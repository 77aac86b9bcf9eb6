import { Injectable } from '@nestjs/common';
import { AuditRepository, hashPassword, MemberRepository, temporaryPassword, type Member } from '@vertelpunt/db';
import { DomainError, notFound, type Role } from '@vertelpunt/domain';
import { AuthService } from '../auth/auth.service';
import type { Actor } from '../common/request-context';
import type { AddMemberInput } from './member.model';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Admins manage the people of their own organisation: add, roles, password reset, unlock, remove. Every change is audited. */
@Injectable()
export class MembersService {
  constructor(
    private readonly members: MemberRepository,
    private readonly audit: AuditRepository,
    private readonly auth: AuthService,
  ) {}

  list(admin: Actor): Promise<Member[]> {
    return this.members.list(admin.organisationId);
  }

  async add(admin: Actor, input: AddMemberInput): Promise<{ member: Member; temporaryPassword: string | null }> {
    const password = temporaryPassword();
    const added = await this.members.add(admin.organisationId, { ...input, passwordHash: await hashPassword(password) });
    if (!added) throw new DomainError('BAD_USER_INPUT', 'Deze persoon hoort al bij je organisatie.', [{ field: 'email', message: 'Dit e-mailadres staat al in de lijst.' }]);
    await this.record(admin, 'member.added', added.userId, { roles: input.roles.join(','), newAccount: added.isNewAccount });
    return { member: (await this.members.find(admin.organisationId, added.userId))!, temporaryPassword: added.isNewAccount ? password : null };
  }

  async setRoles(admin: Actor, userId: string, roles: Role[]): Promise<Member> {
    const member = await this.memberOf(admin, userId);
    if (member.roles.includes('admin') && !roles.includes('admin')) await this.keepAnAdmin(admin);
    await this.members.setRoles(admin.organisationId, userId, [...new Set(roles)]);
    this.auth.forgetUser(userId);
    await this.record(admin, 'member.roles', userId, { roles: roles.join(',') });
    return (await this.members.find(admin.organisationId, userId))!;
  }

  async resetPassword(admin: Actor, userId: string): Promise<{ member: Member; temporaryPassword: string }> {
    const member = await this.ownAccount(admin, userId);
    const password = temporaryPassword();
    await this.members.resetPassword(userId, await hashPassword(password));
    this.auth.forgetUser(userId);
    await this.record(admin, 'member.password-reset', userId);
    return { member: (await this.members.find(admin.organisationId, member.userId))!, temporaryPassword: password };
  }

  async unlock(admin: Actor, userId: string): Promise<Member> {
    await this.memberOf(admin, userId);
    await this.members.unlock(userId);
    await this.record(admin, 'member.unlocked', userId);
    return (await this.members.find(admin.organisationId, userId))!;
  }

  async remove(admin: Actor, userId: string): Promise<boolean> {
    const member = await this.memberOf(admin, userId);
    if (userId === admin.userId) throw new DomainError('BAD_USER_INPUT', 'Je kunt jezelf niet uit de organisatie halen.');
    if (member.roles.includes('admin')) await this.keepAnAdmin(admin);
    await this.members.remove(admin.organisationId, userId);
    this.auth.forgetUser(userId);
    await this.record(admin, 'member.removed', userId);
    return true;
  }

  private async memberOf(admin: Actor, userId: string): Promise<Member> {
    const member = UUID.test(userId) ? await this.members.find(admin.organisationId, userId) : null;
    if (!member) throw notFound('Gebruiker');
    return member;
  }

  /** A password belongs to the whole account: only when this organisation is the person's only one. */
  private async ownAccount(admin: Actor, userId: string): Promise<Member> {
    const member = await this.memberOf(admin, userId);
    if (member.otherOrganisations > 0) {
      throw new DomainError('FORBIDDEN', 'Deze persoon werkt ook voor een andere organisatie. Het wachtwoord kan alleen de persoon zelf wijzigen.');
    }
    return member;
  }

  private async keepAnAdmin(admin: Actor) {
    if ((await this.members.adminCount(admin.organisationId)) <= 1) {
      throw new DomainError('BAD_USER_INPUT', 'Er moet altijd minstens één beheerder zijn.');
    }
  }

  private record(admin: Actor, action: string, userId: string, details: Record<string, string | boolean> = {}) {
    return this.audit.record({ organisationId: admin.organisationId, actorUserId: admin.userId, action, subjectType: 'user', subjectId: userId, details });
  }
}
