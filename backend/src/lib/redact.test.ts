import { describe, expect, it } from 'vitest';

import { REDACTED, redactSecrets } from './redact.js';

describe('redactSecrets', () => {
  it('when secret-named keys sit at any depth, then each is replaced and others are kept', () => {
    const input = {
      username: 'ana',
      password: 'hunter22-long',
      nested: {
        apiKey: 'k',
        apiSecret: 's',
        setupToken: 't',
        list: [{ token: 'x', pair: 'BTC/USDT' }],
      },
      keyboard: 'qwerty',
    };

    const out = redactSecrets(input);

    expect(out).toEqual({
      username: 'ana',
      password: REDACTED,
      nested: {
        apiKey: REDACTED,
        apiSecret: REDACTED,
        setupToken: REDACTED,
        list: [{ token: REDACTED, pair: 'BTC/USDT' }],
      },
      keyboard: 'qwerty',
    });
    expect(input.password).toBe('hunter22-long');
  });
});
