import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsEmail, IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { ROLES, type Role } from '@vertelpunt/domain';

const ROLE_MESSAGE = `Kies rollen uit: ${ROLES.join(', ')}.`;

@ObjectType({ description: 'A person of the organisation, as its admins see them.' })
export class Member {
  @Field(() => ID) userId!: string;
  @Field() email!: string;
  @Field() name!: string;
  @Field(() => [String]) roles!: Role[];
  @Field() disabled!: boolean;
  @Field(() => Date, { nullable: true }) lockedUntil!: Date | null;
  @Field(() => Int, { description: 'Other organisations this person also works for.' }) otherOrganisations!: number;
}

@ObjectType({ description: 'Shown once to the admin, who passes it on; the person chooses their own later.' })
export class MemberWithPassword {
  @Field(() => Member) member!: Member;
  @Field(() => String, { nullable: true, description: 'Null when an existing account was added: it keeps its password.' })
  temporaryPassword!: string | null;
}

@InputType()
export class AddMemberInput {
  @Field() @IsEmail({}, { message: 'Vul een geldig e-mailadres in.' }) @MaxLength(200) email!: string;
  @Field() @IsString() @MinLength(2, { message: 'Vul een naam in.' }) @MaxLength(120) name!: string;
  @Field(() => [String]) @ArrayMinSize(1, { message: 'Kies minstens één rol.' }) @ArrayMaxSize(4) @IsIn(ROLES, { each: true, message: ROLE_MESSAGE }) roles!: Role[];
}

@InputType()
export class SetMemberRolesInput {
  @Field(() => ID) @IsString() userId!: string;
  @Field(() => [String]) @ArrayMinSize(1, { message: 'Kies minstens één rol.' }) @ArrayMaxSize(4) @IsIn(ROLES, { each: true, message: ROLE_MESSAGE }) roles!: Role[];
}
