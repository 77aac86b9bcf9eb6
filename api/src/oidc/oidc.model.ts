import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { UserSummary } from '../auth/auth.model';

@ObjectType({ description: 'A sign-in with an OpenID Connect provider, when configured.' })
export class OidcLoginOption {
  @Field({ description: 'Shown as "Inloggen met {label}".' }) label!: string;
}

@ObjectType()
export class LoginOptions {
  @Field(() => OidcLoginOption, { nullable: true }) oidc!: OidcLoginOption | null;
}

@ObjectType({ description: 'Where to send the browser, and what the web app keeps (httpOnly) until it comes back.' })
export class OidcLoginStart {
  @Field() authorizationUrl!: string;
  @Field() state!: string;
  @Field() nonce!: string;
  @Field() codeVerifier!: string;
}

@InputType()
export class OidcLoginFinishInput {
  @Field({ description: 'The full address the provider sent the browser back to (code and state in it).' })
  @IsString()
  @MaxLength(4000)
  callbackUrl!: string;
  @Field() @IsString() @MinLength(16) @MaxLength(200) state!: string;
  @Field() @IsString() @MinLength(16) @MaxLength(200) nonce!: string;
  @Field() @IsString() @MinLength(43) @MaxLength(128) codeVerifier!: string;
}

@ObjectType()
export class OidcLoginResult {
  @Field(() => String, { nullable: true, description: 'Null when the person has no role yet: no session then.' }) token!: string | null;
  @Field(() => Date, { nullable: true }) expiresAt!: Date | null;
  @Field(() => UserSummary) user!: UserSummary;
  @Field({ description: 'False: signed in, but no organisation gave this person a role yet.' }) hasRoles!: boolean;
}
