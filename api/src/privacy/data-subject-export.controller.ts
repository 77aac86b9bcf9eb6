import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { DomainError } from '@vertelpunt/domain';
import { AuthService } from '../auth/auth.service';
import { bearerToken } from '../auth/session-token';
import { LOGGER } from '../common/logger.provider';
import { requireActor } from '../common/require-actor';
import { DataSubjectsService } from './data-subjects.service';

const STATUS_FOR: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404 };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `GET /privacy/export/:kind/:id.zip`: everything about one data subject, streamed as a ZIP. Admins only. */
@Controller('privacy/export')
export class DataSubjectExportController {
  constructor(
    private readonly auth: AuthService,
    private readonly subjects: DataSubjectsService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @Get(':kind/:file')
  async download(@Param('kind') kind: string, @Param('file') file: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    try {
      const token = bearerToken(req.header('authorization'));
      const organisationId = req.header('x-organisation-id');
      const actor = token ? await this.auth.actorFor(token, organisationId && UUID.test(organisationId) ? organisationId : undefined).catch(() => null) : null;
      const admin = requireActor({ actor } as Parameters<typeof requireActor>[0], 'admin');
      const id = file.replace(/\.zip$/, '');
      if ((kind !== 'client' && kind !== 'user') || !UUID.test(id)) throw new DomainError('NOT_FOUND', 'Deze cliënt of medewerker bestaat niet in deze organisatie.');
      await this.subjects.export(admin, kind, id, res, () =>
        res.status(200).set({
          'content-type': 'application/zip',
          'content-disposition': `attachment; filename="inzage-${kind === 'client' ? 'client' : 'medewerker'}-${id.slice(0, 8)}.zip"`,
          'cache-control': 'private, no-store',
        }),
      );
    } catch (error) {
      if (error instanceof DomainError && !res.headersSent) {
        res.status(STATUS_FOR[error.code] ?? 400).json({ code: error.code, message: error.message });
        return;
      }
      this.logger.error({ err: error }, 'data subject export failed');
      if (!res.headersSent) res.status(500).json({ error: 'Er ging iets mis aan onze kant. Probeer het later opnieuw.' });
      else res.destroy();
    }
  }
}
