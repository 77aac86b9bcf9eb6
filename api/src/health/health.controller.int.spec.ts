import type { INestApplication } from '@nestjs/common';
import { startApi, testConfig } from '@vertelpunt/test/support/harness';

describe('health and metrics endpoints', () => {
  let api: { app: INestApplication; url: string };
  beforeAll(async () => {
    api = await startApi(testConfig('health'));
  });
  afterAll(() => api?.app.close());

  it('reports Postgres, Redis and storage as ready', async () => {
    const res = await fetch(`${api.url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', checks: { postgres: 'ok', redis: 'ok', storage: 'ok' } });
  });

  it('answers liveness and gives each response a request id', async () => {
    const res = await fetch(`${api.url}/healthz`, { headers: { 'x-request-id': 'test-123' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('test-123');
  });

  it('exposes Prometheus metrics including request timings', async () => {
    await fetch(`${api.url}/healthz`);
    const text = await (await fetch(`${api.url}/metrics`)).text();
    expect(text).toContain('vp_api_http_request_duration_seconds_bucket');
    expect(text).toContain('vp_api_process_cpu_seconds_total');
  });

  it('keeps idle connections open longer than clients do, so a reused connection is never reset under a request', () => {
    const server = api.app.getHttpServer() as import('node:http').Server;
    expect(server.keepAliveTimeout).toBeGreaterThan(60_000);
    expect(server.headersTimeout).toBeGreaterThan(server.keepAliveTimeout);
  });

  it('refuses an oversized body', async () => {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }', padding: 'x'.repeat(2_000_000) }),
    });
    expect(res.status).toBe(413);
  });
});
