import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { DomainError } from '@vertelpunt/domain';
import type { AudioStorage } from '@vertelpunt/storage';
import { AuthService } from '../auth/auth.service';
import { bearerToken } from '../auth/session-token';
import { AUDIO_STORAGE } from '../common/tokens';
import { TafelsService } from './tafels.service';

const STATUS_FOR: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404 };

/** The print pack PDF: a file, so plain HTTP (GET with the session token), like uploads. */
@Controller()
export class PrintPackController {
  constructor(
    private readonly auth: AuthService,
    private readonly tafels: TafelsService,
    @Inject(AUDIO_STORAGE) private readonly storage: AudioStorage,
  ) {}

  @Get('tafels/:id/printpakket.pdf')
  async download(@Param('id') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    try {
      const token = bearerToken(req.header('authorization'));
      const actor = token ? await this.auth.actorFor(token, req.header('x-organisation-id')) : null;
      if (!actor) throw new DomainError('UNAUTHENTICATED', 'Log eerst in.');
      const key = await this.tafels.printPackKey(actor, id);
      const stream = await this.storage.read(key);
      res.status(200).set({
        'content-type': 'application/pdf',
        'content-disposition': 'attachment; filename="printpakket.pdf"',
        'cache-control': 'private, no-store',
      });
      await pipeline(stream, res);
    } catch (error) {
      if (!(error instanceof DomainError) || res.headersSent) throw error;
      res.status(STATUS_FOR[error.code] ?? 400).json({ code: error.code, message: error.message });
    }
  }
}
