import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { pipeline } from 'node:stream/promises';
import type { Logger } from 'pino';
import { bearerToken } from '../auth/session-token';
import { LOGGER } from '../common/logger.provider';
import { StoryAudioService } from './story-audio.service';

/**
 * `GET /stories/:id/audio`: the recording for a player that seeks (HTTP Range). Answers are written here,
 * not thrown, because the global filter speaks GraphQL.
 */
@Controller('stories')
export class StoryAudioController {
  constructor(
    private readonly audio: StoryAudioService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @Get(':id/audio')
  async stream(@Param('id') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    res.setHeader('cache-control', 'private, no-store');
    try {
      const answer = await this.audio.open({
        token: bearerToken(req.header('authorization')),
        organisationId: req.header('x-organisation-id'),
        storyId: id,
        range: req.header('range'),
      });
      if (answer.kind === 'refused') {
        res.status(answer.status).json({ error: answer.message });
        return;
      }
      res.setHeader('accept-ranges', 'bytes');
      if (answer.kind === 'unsatisfiable') {
        res.status(416).setHeader('content-range', `bytes */${answer.size}`);
        res.end();
        return;
      }
      res.status(answer.status);
      res.setHeader('content-type', answer.mimeType);
      res.setHeader('content-length', String(answer.end - answer.start + 1));
      if (answer.status === 206) res.setHeader('content-range', `bytes ${answer.start}-${answer.end}/${answer.size}`);
      await pipeline(answer.body, res);
    } catch (error) {
      // A player that seeks closes its previous request: that is not an error worth a log line.
      if ((error as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE') return;
      this.logger.error({ err: error, storyId: id }, 'audio stream failed');
      if (!res.headersSent)
        res.status(500).json({ error: 'Er ging iets mis aan onze kant. Probeer het later opnieuw.' });
      else res.destroy();
    }
  }
}
