import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { OrganisationRepository, QuestionnaireRepository, VertelpuntRepository } from '@vertelpunt/db';
import { notFound } from '@vertelpunt/domain';
import type { RequestContext } from '../common/request-context';
import { requireActor } from '../common/require-actor';
import { Wijk } from '../stories/story.model';
import { VertelForm } from './vertel-form.model';
import { VertelFormService } from './vertel-form.service';
import { CreateVertelpuntInput, QuestionnaireRef, UpdateVertelpuntInput, Vertelpunt } from './vertelpunt.model';
import { VertelpuntenService } from './vertelpunten.service';

@Resolver(() => Vertelpunt)
export class VertelpuntenResolver {
  constructor(
    private readonly service: VertelpuntenService,
    private readonly forms: VertelFormService,
    private readonly repository: VertelpuntRepository,
    private readonly questionnaires: QuestionnaireRepository,
    private readonly organisations: OrganisationRepository,
  ) {}

  @Query(() => Vertelpunt, { description: 'Public: the vertelpunt behind a vertel-link, for anonymous inwoners.' })
  vertelLink(@Args('token') token: string) {
    return this.service.byLink(token);
  }

  @Query(() => [Vertelpunt])
  vertelpunten(@Context() ctx: RequestContext) {
    return this.service.list(requireActor(ctx));
  }

  @Mutation(() => Vertelpunt)
  createVertelpunt(@Args('input') input: CreateVertelpuntInput, @Context() ctx: RequestContext) {
    return this.service.create(requireActor(ctx, 'admin'), input);
  }

  @Mutation(() => Vertelpunt)
  updateVertelpunt(@Args('id', { type: () => ID }) id: string, @Args('input') input: UpdateVertelpuntInput, @Context() ctx: RequestContext) {
    return this.service.update(requireActor(ctx, 'admin'), id, input);
  }

  @Mutation(() => Vertelpunt, { description: 'A new token; the old link stops working.' })
  renewVertelLink(@Args('id', { type: () => ID }) id: string, @Context() ctx: RequestContext) {
    return this.service.setLink(requireActor(ctx, 'admin'), id, true);
  }

  @Mutation(() => Vertelpunt)
  revokeVertelLink(@Args('id', { type: () => ID }) id: string, @Context() ctx: RequestContext) {
    return this.service.setLink(requireActor(ctx, 'admin'), id, false);
  }

  @ResolveField(() => String, { nullable: true, description: 'Only for admins.' })
  linkToken(@Parent() v: Vertelpunt, @Context() ctx: RequestContext) {
    return ctx.actor?.roles.includes('admin') && ctx.actor.organisationId === v.organisationId ? v.linkToken : null;
  }

  @ResolveField(() => String)
  async organisationName(@Parent() v: Vertelpunt) {
    return (await this.organisations.findById(v.organisationId))?.name ?? '';
  }

  @ResolveField(() => Wijk, { nullable: true })
  async wijk(@Parent() v: Vertelpunt) {
    return v.wijkId ? ((await this.organisations.wijkenByIds(v.organisationId, [v.wijkId]))[0] ?? null) : null;
  }

  @ResolveField(() => QuestionnaireRef)
  async questionnaire(@Parent() v: Vertelpunt) {
    const q = await this.questionnaires.findById(v.organisationId, v.questionnaireId);
    if (!q) throw notFound('Vragenlijst');
    return q;
  }

  @ResolveField(() => VertelForm, { description: 'The newest version of the questionnaire: what a new teller sees.' })
  async form(@Parent() v: Vertelpunt) {
    const version = await this.repository.currentVersion(v.organisationId, v.questionnaireId);
    if (!version) throw notFound('Vragenlijst');
    return this.forms.formOf(version);
  }
}
