import { Writable } from 'node:stream';

import { describe, expect, it } from 'vitest';

import { createLogger } from './logger.js';

describe('createLogger', () => {
  it('when log objects carry secret-named keys at several depths, then the values never reach the output', () => {
    const lines: string[] = [];
    const logger = createLogger(
      'info',
      new Writable({ write: (c: Buffer, _e, done) => void (lines.push(String(c)), done()) }),
    );

    logger.info(
      {
        password: 'pw-1',
        setupToken: 'tok-2',
        req: { headers: { authorization: 'Bearer abc-3', cookie: 'spotdesk_session=sess-4' } },
        exchange: { apiKey: 'key-5', apiSecret: 'sec-6' },
        pair: 'BTC/USDT',
      },
      'hello',
    );

    const text = lines.join('');
    for (const secret of ['pw-1', 'tok-2', 'abc-3', 'sess-4', 'key-5', 'sec-6'])
      expect(text).not.toContain(secret);
    expect(JSON.parse(text)).toMatchObject({
      msg: 'hello',
      pair: 'BTC/USDT',
      password: '[redacted]',
      service: 'spotdesk',
    });
  });
});
