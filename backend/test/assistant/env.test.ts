// SPOTDESK_LLM_* as config/env.ts parses and logs them.
import { describe, expect, it } from 'vitest';

import { describeEnv, loadEnv } from '../../src/config/env.js';
import { ConfigError } from '../../src/domain/errors.js';

import { API_KEY } from './harness.js';

describe('SPOTDESK_LLM_*', () => {
  it('when set, then they are parsed (trailing slash dropped) and the key is only said to be set in the log', () => {
    const env = loadEnv({
      SPOTDESK_LLM_BASE_URL: 'http://host.docker.internal:11434/v1/',
      SPOTDESK_LLM_MODEL: ' llama3.1 ',
      SPOTDESK_LLM_API_KEY: API_KEY,
    });

    expect(env.llm).toEqual({
      baseUrl: 'http://host.docker.internal:11434/v1',
      model: 'llama3.1',
      apiKey: API_KEY,
    });
    const logged = JSON.stringify(describeEnv(env));
    expect(logged).toContain('"apiKeySet":true');
    expect(logged).not.toContain(API_KEY);
  });

  it('when unset or empty, then Settings decide', () => {
    expect(loadEnv({ SPOTDESK_LLM_MODEL: '' }).llm).toEqual({
      baseUrl: undefined,
      model: undefined,
      apiKey: undefined,
    });
  });

  it('when the base URL is not http(s), then start-up stops naming it', () => {
    expect(() => loadEnv({ SPOTDESK_LLM_BASE_URL: 'ftp://models.local/v1' })).toThrow(ConfigError);
    expect(() => loadEnv({ SPOTDESK_LLM_BASE_URL: 'ftp://models.local/v1' })).toThrow(
      /SPOTDESK_LLM_BASE_URL: must be an http:\/\/ or https:\/\/ URL/,
    );
  });
});
