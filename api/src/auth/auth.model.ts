import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

@ObjectType()
export class Theme {
  @Field() primaryColor!: string;
  @Field() primaryTextColor!: string;
  @Field(() => String, { nullable: true }) logoUrl!: string | null;
}

@ObjectType()
export class Organisation {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() slug!: string;
  @Field(() => Theme) theme!: Theme;
}

@ObjectType()
export class Membership {
  @Field(() => [String]) roles!: string[];
  @Field(() => Organisation) organisation!: Organisation;
}

@ObjectType()
export class UserSummary {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() email!: string;
}

@ObjectType()
export class Me extends UserSummary {
  @Field(() => [Membership]) memberships!: Membership[];
}

@ObjectType()
export class LoginResult {
  @Field() token!: string;
  @Field() expiresAt!: Date;
  @Field(() => UserSummary) user!: UserSummary;
}

@InputType()
export class LoginInput {
  @Field() @IsEmail({}, { message: 'Vul een geldig e-mailadres in.' }) @MaxLength(254) email!: string;
  @Field() @IsString() @MinLength(1, { message: 'Vul je wachtwoord in.' }) @MaxLength(200) password!: string;
}
