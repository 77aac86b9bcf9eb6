import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'vp_api_' });

export const httpDuration = new Histogram({
  name: 'vp_api_http_request_duration_seconds',
  help: 'HTTP request duration',
  labelNames: ['method', 'route', 'status'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [registry],
});

export const graphqlOperations = new Counter({
  name: 'vp_api_graphql_operations_total',
  help: 'GraphQL operations by name and outcome',
  labelNames: ['operation', 'outcome'],
  registers: [registry],
});
