import { describe, expect, it } from 'vitest';

import { ConfigError } from '../domain/errors.js';

import { describeEnv, loadEnv } from './env.js';

describe('loadEnv', () => {
  it('when nothing is set, then the documented defaults apply', () => {
    const env = loadEnv({});

    expect(env.dataDir).toBe('/data');
    expect(env.host).toBe('127.0.0.1');
    expect(env.port).toBe(8080);
    expect(env.logLevel).toBe('info');
    expect(env.trustProxy).toBe(false);
    expect(env.supervisorSocket).toBe('/data/run/supervisor.sock');
    expect(env.frontendDir.endsWith('/frontend/dist')).toBe(true);
    expect(env.sessionIdleMs).toBe(120 * 60_000);
    expect(env.sessionAbsoluteMs).toBe(24 * 3_600_000);
    expect(env.simulation).toBe(false);
    expect(env.liveTradingEnabled).toBe(false);
    expect(env.isHttps).toBe(false);
    expect(Object.isFrozen(env)).toBe(true);
  });

  it('when values are set, then they are converted to typed values', () => {
    const env = loadEnv({
      SPOTDESK_DATA_DIR: '/tmp/x',
      SPOTDESK_PORT: '0',
      SPOTDESK_SECRET_KEY: 'ab'.repeat(32),
      SPOTDESK_PUBLIC_URL: 'https://desk.example.com',
      SPOTDESK_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1',
      SPOTDESK_SIMULATION: '1',
      SPOTDESK_LIVE_TRADING: 'enabled',
      SPOTDESK_SESSION_IDLE_MINUTES: '5',
    });

    expect(env.port).toBe(0);
    expect(env.secretKey?.length).toBe(32);
    expect(env.isHttps).toBe(true);
    expect(env.trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1']);
    expect(env.supervisorSocket).toBe('/tmp/x/run/supervisor.sock');
    expect(env.simulation).toBe(true);
    expect(env.liveTradingEnabled).toBe(true);
    expect(env.sessionIdleMs).toBe(5 * 60_000);
  });

  it('when the secret key is base64, then it decodes to 32 bytes', () => {
    const env = loadEnv({ SPOTDESK_SECRET_KEY: Buffer.alloc(32, 7).toString('base64') });

    expect(env.secretKey).toEqual(Buffer.alloc(32, 7));
  });

  it('when trust proxy is a hop count or true, then express gets that value', () => {
    expect(loadEnv({ SPOTDESK_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadEnv({ SPOTDESK_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
  });

  it('when several variables are bad, then one error lists every one of them', () => {
    const act = () =>
      loadEnv({
        SPOTDESK_PORT: 'eighty',
        SPOTDESK_SECRET_KEY: 'short',
        SPOTDESK_PUBLIC_URL: 'ftp://x',
        SPOTDESK_TRUST_PROXY: 'not-an-ip',
        SPOTDESK_SIMULATION: 'yes',
        SPOTDESK_LIVE_TRADING: 'on',
        SPOTDESK_LOG_LEVEL: 'loud',
      });

    expect(act).toThrow(ConfigError);
    const message = (() => {
      try {
        act();
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    for (const name of [
      'SPOTDESK_PORT',
      'SPOTDESK_SECRET_KEY',
      'SPOTDESK_PUBLIC_URL',
      'SPOTDESK_TRUST_PROXY',
      'SPOTDESK_SIMULATION',
      'SPOTDESK_LIVE_TRADING',
      'SPOTDESK_LOG_LEVEL',
    ]) {
      expect(message).toContain(name);
    }
    expect(message).not.toContain('short');
  });

  it('when a SPOTDESK_ variable is misspelt, then start-up names it and suggests the real one', () => {
    const act = () => loadEnv({ SPOTDESK_PROT: '9000', SPOTDESK_WHATEVER: 'x', OTHER_VAR: 'y' });

    expect(act).toThrow(ConfigError);
    expect(act).toThrow(/SPOTDESK_PROT: not a Spotdesk variable \(did you mean SPOTDESK_PORT\?\)/);
    expect(act).toThrow(/SPOTDESK_WHATEVER: not a Spotdesk variable\n?/);
    expect(act).not.toThrow(/OTHER_VAR/);
  });

  it('when the process tree sets its own variables, then they are accepted', () => {
    const env = loadEnv({
      SPOTDESK_APP_DIR: '/app',
      SPOTDESK_ORCHESTRATOR_LOG: '/dev/fd/1',
      SPOTDESK_ORCHESTRATOR_LOG_MAXBYTES: '0',
    });

    expect(env.port).toBe(8080);
  });

  it('when the config is described for the log, then secrets are masked', () => {
    const env = loadEnv({
      SPOTDESK_SECRET_KEY: 'cd'.repeat(32),
      SPOTDESK_ADMIN_PASSWORD: 'pw-very-secret',
    });

    const text = JSON.stringify(describeEnv(env));

    expect(text).not.toContain('cdcd');
    expect(text).not.toContain('pw-very-secret');
    expect(text).toContain('"secretKeySource":"SPOTDESK_SECRET_KEY"');
    expect(text).toContain('"adminPasswordSet":true');
  });
});
