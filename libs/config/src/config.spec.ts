import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('fills defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config.api.port).toBe(4000);
    expect(config.redis.keyPrefix).toBe('vp');
    expect(config.storage.audioDir.endsWith('.data/audio')).toBe(true);
  });

  it('names the variable and rule but never echoes a secret value', () => {
    const secret = 'mysql://admin:geheim-wachtwoord@db/x';
    try {
      loadConfig({ DATABASE_URL: secret, API_PORT: 'abc' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as ConfigError).message;
      expect(message).toContain('DATABASE_URL');
      expect(message).toContain('API_PORT');
      expect(message).not.toContain('geheim-wachtwoord');
    }
  });

  it('treats an empty variable as unset, as docker compose passes them', () => {
    const config = loadConfig({ OIDC_ISSUER: '', OIDC_CLIENT_ID: '', S3_BUCKET: '', API_PORT: '' });
    expect(config.oidc).toBeNull();
    expect(config.api.port).toBe(4000);
  });

  it('returns a frozen object', () => {
    const config = loadConfig({ REDIS_KEY_PREFIX: 'vp-test' });
    expect(Object.isFrozen(config.redis)).toBe(true);
    expect(config.redis.keyPrefix).toBe('vp-test');
  });

  it('turns the playground off in production unless asked for', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).api.graphqlPlayground).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', GRAPHQL_PLAYGROUND: 'true' }).api.graphqlPlayground).toBe(true);
  });
});

describe('loadConfig storage', () => {
  it('uses local audio storage unless a bucket is configured, and then requires credentials', () => {
    expect(loadConfig({}).storage.s3).toBeNull();
    expect(() => loadConfig({ S3_BUCKET: 'verhalen' })).toThrow(/S3_ACCESS_KEY_ID/);
    const config = loadConfig({ S3_BUCKET: 'verhalen', S3_ACCESS_KEY_ID: 'id', S3_SECRET_ACCESS_KEY: 'geheim' });
    expect(config.storage.s3).toMatchObject({ bucket: 'verhalen', forcePathStyle: true });
  });

  it('suppresses Wat telt impact figures under 10 inwoners unless configured otherwise', () => {
    expect(loadConfig({}).watTelt.minGroupSize).toBe(10);
    expect(loadConfig({ WAT_TELT_MIN_GROUP_SIZE: '3' }).watTelt.minGroupSize).toBe(3);
    expect(() => loadConfig({ WAT_TELT_MIN_GROUP_SIZE: '0' })).toThrow(/WAT_TELT_MIN_GROUP_SIZE/);
  });

  it('suppresses small groups on Patronen with MIN_GROUP_SIZE, falling back to the Wat telt minimum', () => {
    expect(loadConfig({}).privacy.minGroupSize).toBe(10);
    expect(loadConfig({ WAT_TELT_MIN_GROUP_SIZE: '4' }).privacy.minGroupSize).toBe(4);
    expect(loadConfig({ WAT_TELT_MIN_GROUP_SIZE: '4', MIN_GROUP_SIZE: '7' })).toMatchObject({ privacy: { minGroupSize: 7 }, watTelt: { minGroupSize: 4 } });
    expect(() => loadConfig({ MIN_GROUP_SIZE: '0' })).toThrow(/MIN_GROUP_SIZE/);
    expect(() => loadConfig({ MIN_GROUP_SIZE: 'tien' })).toThrow(/MIN_GROUP_SIZE/);
  });

  describe('OpenID Connect', () => {
    const OIDC = { OIDC_ISSUER: 'https://login.gemeente.nl', OIDC_CLIENT_ID: 'vertelpunt', OIDC_CLIENT_SECRET: 'geheim', OIDC_ORGANISATION: 'gemeente-x' };

    it('is off by default', () => {
      expect(loadConfig({}).oidc).toBeNull();
    });

    it('needs a client id, secret and organisation with an issuer, and names what is missing but never the secret', () => {
      expect(() => loadConfig({ OIDC_ISSUER: 'https://login.gemeente.nl', OIDC_CLIENT_SECRET: 'zeer-geheim' })).toThrow(/OIDC_CLIENT_ID[\s\S]*OIDC_ORGANISATION/);
      expect(() => loadConfig({ OIDC_ISSUER: 'https://login.gemeente.nl', OIDC_CLIENT_SECRET: 'zeer-geheim' })).not.toThrow(/zeer-geheim/);
      expect(() => loadConfig({ OIDC_CLIENT_ID: 'vertelpunt' })).toThrow(/OIDC_CLIENT_ID: werkt alleen samen met OIDC_ISSUER/);
    });

    it('sends the browser back to the web app by default and reads roles from a claim only when named', () => {
      const config = loadConfig({ ...OIDC, PUBLIC_WEB_URL: 'https://vertelpunt.gemeente.nl/' });
      expect(config.oidc).toMatchObject({ redirectUrl: 'https://vertelpunt.gemeente.nl/inloggen/oidc/terug', rolesClaim: null, scopes: 'openid email profile', label: 'je organisatie-account' });
      expect(loadConfig({ ...OIDC, OIDC_ROLES_CLAIM: 'vertelpunt_rollen' }).oidc?.rolesClaim).toBe('vertelpunt_rollen');
      expect(() => loadConfig({ ...OIDC, OIDC_SCOPES: 'email' })).toThrow(/OIDC_SCOPES/);
    });

    it('refuses a plain-http provider in production', () => {
      expect(() => loadConfig({ ...OIDC, NODE_ENV: 'production', OIDC_ISSUER: 'http://login.gemeente.nl' })).toThrow(/OIDC_ISSUER: moet https/);
      expect(loadConfig({ ...OIDC, NODE_ENV: 'production' }).oidc?.allowHttp).toBe(false);
      expect(loadConfig({ ...OIDC, OIDC_ISSUER: 'http://127.0.0.1:9999' }).oidc?.allowHttp).toBe(true);
    });
  });

  it('keeps recordings and stories for ever unless a retention period is set (0 = keep)', () => {
    expect(loadConfig({}).retention).toEqual({ audioDaysAfterTranscription: null, storyYears: null, everyMinutes: 1440 });
    const set = loadConfig({ RETENTION_AUDIO_DAYS_AFTER_TRANSCRIPTION: '30', RETENTION_STORY_YEARS: '0' });
    expect(set.retention).toMatchObject({ audioDaysAfterTranscription: 30, storyYears: null });
    expect(() => loadConfig({ RETENTION_STORY_YEARS: '-1' })).toThrow(/RETENTION_STORY_YEARS/);
  });
});
