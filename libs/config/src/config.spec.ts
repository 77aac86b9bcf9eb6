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
});
