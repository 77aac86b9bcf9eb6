import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { OidcResolver } from './oidc.resolver';
import { OidcService } from './oidc.service';

@Module({ imports: [AuthModule], providers: [OidcService, OidcResolver] })
export class OidcModule {}
