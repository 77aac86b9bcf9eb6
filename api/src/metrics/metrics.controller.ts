import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { registry } from './metrics';

@Controller()
export class MetricsController {
  @Get('metrics')
  async metrics(@Res() res: Response) {
    res.setHeader('content-type', registry.contentType);
    res.send(await registry.metrics());
  }
}
