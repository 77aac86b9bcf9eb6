import * as path from 'node:path';
import { z } from 'zod';

const port = z.coerce.number().int().min(1).max(65535);
const url = (protocols: string[]) =>
  z.string().refine((value) => {
    try {
      return protocols.includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, `moet een URL zijn die begint met ${protocols.join(' of ')}`);

/** Every variable the apps read, with its default. Secrets are never echoed back in errors. */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: url(['postgres:', 'postgresql:']).default('postgres://postgres@127.0.0.1:5432/vertelpunt'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  REDIS_URL: url(['redis:', 'rediss:']).default('redis://127.0.0.1:6379'),
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[a-z0-9:_-]+$/i, 'alleen letters, cijfers, :, _ en -')
    .default('vp'),
  API_HOST: z.string().min(1).default('127.0.0.1'),
  API_PORT: port.default(4000),
  DATA_DIR: z.string().min(1).default('.data'),
  AUDIO_DIR: z.string().min(1).optional(),
  MODELS_DIR: z.string().min(1).default('models'),
  WHISPER_MODEL: z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'moet <organisatie>/<model> zijn').default('onnx-community/whisper-base'),
  WHISPER_DTYPE: z.enum(['auto', 'q8', 'int8', 'uint8', 'q4', 'fp16', 'fp32']).default('auto'),
  ML_THREADS: z.coerce.number().int().min(1).max(64).optional(),
  UPLOAD_DIR: z.string().min(1).optional(),
  UPLOAD_MAX_BYTES: z.coerce.number().int().min(1024).max(2_000_000_000).default(200 * 1024 * 1024),
  S3_BUCKET: z.string().min(1).optional(),
  S3_ENDPOINT: url(['http:', 'https:']).optional(),
  S3_REGION: z.string().min(1).default('eu-west-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).default('true'),
  PUBLIC_WEB_URL: url(['http:', 'https:']).default('http://localhost:3000'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  WORKER_CONCURRENCY_TRANSCRIBE: z.coerce.number().int().min(1).max(16).default(1),
  WORKER_LOCK_MS: z.coerce.number().int().min(500).max(600_000).default(30_000),
  RECOVERY_SWEEP_MS: z.coerce.number().int().min(1000).max(3_600_000).default(60_000),
  FAULT_DELAY_MS: z.coerce.number().int().min(0).max(600_000).default(0),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(600),
  WAT_TELT_MIN_GROUP_SIZE: z.coerce.number().int().min(1).max(1000).default(10),
  MIN_GROUP_SIZE: z.coerce.number().int().min(1).max(1000).optional(),
  // OpenID Connect sign-in (issue 8): off unless OIDC_ISSUER is set.
  OIDC_ISSUER: url(['http:', 'https:']).optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_REDIRECT_URL: url(['http:', 'https:']).optional(),
  OIDC_ORGANISATION: z.string().regex(/^[a-z0-9-]+$/, 'moet de slug van een organisatie zijn (kleine letters, cijfers, -)').optional(),
  OIDC_ROLES_CLAIM: z.string().regex(/^[\w.:/-]{1,100}$/, 'moet de naam van een claim zijn').optional(),
  OIDC_LABEL: z.string().min(1).max(60).default('je organisatie-account'),
  OIDC_SCOPES: z.string().regex(/^openid( [\w.:/-]+)*$/, "moet met 'openid' beginnen, gescheiden door spaties").default('openid email profile'),
  // Retention (AVG): unset or 0 keeps for ever.
  RETENTION_AUDIO_DAYS_AFTER_TRANSCRIPTION: z.coerce.number().int().min(0).max(36_500).default(0),
  RETENTION_STORY_YEARS: z.coerce.number().int().min(0).max(100).default(0),
  RETENTION_EVERY_MINUTES: z.coerce.number().int().min(1).max(7 * 24 * 60).default(24 * 60),
  GRAPHQL_PLAYGROUND: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true')),
}).superRefine((e, ctx) => {
  // Conditional requirements: a bucket needs credentials.
  for (const name of ['S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const) {
    if (e.S3_BUCKET && !e[name]) ctx.addIssue({ code: 'custom', path: [name], message: 'is verplicht als S3_BUCKET is gezet' });
  }
  for (const name of ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_ORGANISATION'] as const) {
    if (e.OIDC_ISSUER && !e[name]) ctx.addIssue({ code: 'custom', path: [name], message: 'is verplicht als OIDC_ISSUER is gezet' });
  }
  for (const name of ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_ORGANISATION', 'OIDC_REDIRECT_URL', 'OIDC_ROLES_CLAIM'] as const) {
    if (!e.OIDC_ISSUER && e[name]) ctx.addIssue({ code: 'custom', path: [name], message: 'werkt alleen samen met OIDC_ISSUER' });
  }
  // Tokens and the client secret must not cross the network in the clear; http only for a provider on this machine in tests.
  if (e.NODE_ENV === 'production') {
    for (const name of ['OIDC_ISSUER', 'OIDC_REDIRECT_URL'] as const) {
      if (e[name]?.startsWith('http:')) ctx.addIssue({ code: 'custom', path: [name], message: 'moet https gebruiken in productie' });
    }
  }
});

export type Config = {
  env: 'development' | 'production' | 'test';
  db: { url: string; poolSize: number };
  redis: { url: string; keyPrefix: string };
  /** `rateLimitPerMinute`: GraphQL requests per user or vertel-link per minute; 0 turns the limit off. */
  api: { host: string; port: number; graphqlPlayground: boolean; rateLimitPerMinute: number };
  storage: {
    dataDir: string;
    audioDir: string;
    /** Where tus keeps unfinished uploads; a shared volume when several API instances run. */
    uploadDir: string;
    uploadMaxBytes: number;
    s3: { endpoint: string | null; region: string; bucket: string; accessKeyId: string; secretAccessKey: string; forcePathStyle: boolean } | null;
  };
  web: { publicUrl: string };
  models: { dir: string; whisperModel: string; whisperDtype: 'auto' | 'q8' | 'int8' | 'uint8' | 'q4' | 'fp16' | 'fp32'; threads: number | undefined };
  log: { level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' };
  sessions: { ttlHours: number };
  workers: { concurrency: number; transcribeConcurrency: number; lockMs: number; recoverySweepMs: number; faultDelayMs: number };
  /** Impact figures over fewer inwoners than this show "te weinig gegevens". */
  watTelt: { minGroupSize: number };
  /** Counts over fewer stories than this are not shown to those who see aggregates only (managers on Patronen). */
  privacy: { minGroupSize: number };
  /** OpenID Connect sign-in; null when off. */
  oidc: OidcConfig | null;
  /** null keeps for ever; the workers' retention job runs every `everyMinutes`. */
  retention: { audioDaysAfterTranscription: number | null; storyYears: number | null; everyMinutes: number };
};

export type OidcConfig = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Where the provider sends the browser back: the web app's /inloggen/oidc/terug. */
  redirectUrl: string;
  /** The organisation whose members sign in this way (its slug). */
  organisationSlug: string;
  /** A claim with the person's roles (a list or a space-separated string); null: an admin gives roles. */
  rolesClaim: string | null;
  /** Shown as "Inloggen met {label}". */
  label: string;
  scopes: string;
  /** Plain http to the provider: only outside production (a provider on this machine in tests). */
  allowHttp: boolean;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Ongeldige configuratie:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parse the environment once; names the variable and the rule, never the value (it may be a password). */
/** An empty variable counts as unset: docker compose passes `${NAME:-}` as an empty string. */
const withoutEmpty = (env: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));

export const loadConfig = (env: Record<string, string | undefined>): Config => {
  const parsed = schema.safeParse(withoutEmpty(env));
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  return deepFreeze({
    env: e.NODE_ENV,
    db: { url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE },
    redis: { url: e.REDIS_URL, keyPrefix: e.REDIS_KEY_PREFIX },
    api: {
      host: e.API_HOST,
      port: e.API_PORT,
      graphqlPlayground: e.GRAPHQL_PLAYGROUND ?? e.NODE_ENV !== 'production',
      rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    },
    storage: {
      dataDir,
      audioDir: path.resolve(e.AUDIO_DIR ?? path.join(dataDir, 'audio')),
      uploadDir: path.resolve(e.UPLOAD_DIR ?? path.join(dataDir, 'uploads')),
      uploadMaxBytes: e.UPLOAD_MAX_BYTES,
      s3: e.S3_BUCKET
        ? {
            bucket: e.S3_BUCKET,
            endpoint: e.S3_ENDPOINT ?? null,
            region: e.S3_REGION,
            accessKeyId: e.S3_ACCESS_KEY_ID ?? '',
            secretAccessKey: e.S3_SECRET_ACCESS_KEY ?? '',
            forcePathStyle: e.S3_FORCE_PATH_STYLE === 'true',
          }
        : null,
    },
    web: { publicUrl: e.PUBLIC_WEB_URL.replace(/\/$/, '') },
    models: { dir: path.resolve(e.MODELS_DIR), whisperModel: e.WHISPER_MODEL, whisperDtype: e.WHISPER_DTYPE, threads: e.ML_THREADS },
    log: { level: e.LOG_LEVEL },
    sessions: { ttlHours: e.SESSION_TTL_HOURS },
    workers: {
      concurrency: e.WORKER_CONCURRENCY,
      // Whisper uses every core by itself; more than one at a time only adds memory.
      transcribeConcurrency: e.WORKER_CONCURRENCY_TRANSCRIBE,
      lockMs: e.WORKER_LOCK_MS,
      recoverySweepMs: e.RECOVERY_SWEEP_MS,
      // Fault injection for the kill-mid-job tests: only honoured when NODE_ENV=test.
      faultDelayMs: e.NODE_ENV === 'test' ? e.FAULT_DELAY_MS : 0,
    },
    watTelt: { minGroupSize: e.WAT_TELT_MIN_GROUP_SIZE },
    // One threshold for the whole organisation unless set apart: Wat telt's is the fallback.
    privacy: { minGroupSize: e.MIN_GROUP_SIZE ?? e.WAT_TELT_MIN_GROUP_SIZE },
    oidc: e.OIDC_ISSUER
      ? {
          issuer: e.OIDC_ISSUER,
          clientId: e.OIDC_CLIENT_ID ?? '',
          clientSecret: e.OIDC_CLIENT_SECRET ?? '',
          redirectUrl: e.OIDC_REDIRECT_URL ?? `${e.PUBLIC_WEB_URL.replace(/\/$/, '')}/inloggen/oidc/terug`,
          organisationSlug: e.OIDC_ORGANISATION ?? '',
          rolesClaim: e.OIDC_ROLES_CLAIM ?? null,
          label: e.OIDC_LABEL,
          scopes: e.OIDC_SCOPES,
          allowHttp: e.NODE_ENV !== 'production',
        }
      : null,
    retention: {
      audioDaysAfterTranscription: e.RETENTION_AUDIO_DAYS_AFTER_TRANSCRIPTION || null,
      storyYears: e.RETENTION_STORY_YEARS || null,
      everyMinutes: e.RETENTION_EVERY_MINUTES,
    },
  });
};

/** For app entry points: a bad value stops start-up with one readable message. */
export const loadConfigOrExit = (env: Record<string, string | undefined> = process.env): Config => {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
};

const deepFreeze = <T>(value: T): T => {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
};
