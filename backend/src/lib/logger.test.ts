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

  it('when secrets sit deep, in odd spellings or inside an error, then none reaches the output and the error stays readable', () => {
    const lines: string[] = [];
    const logger = createLogger(
      'info',
      new Writable({ write: (c: Buffer, _e, done) => void (lines.push(String(c)), done()) }),
    );
    const err = Object.assign(new Error('upstream refused'), {
      config: { exchange: { key: 'ex-key-1', secret: 'ex-sec-2' } },
    });
    const cyclic: Record<string, unknown> = { telegramToken: 'tg-3' };
    cyclic.self = cyclic;

    logger.info(
      {
        a: { b: { c: { d: { password: 'deep-4', api_key: 'ak-5', Authorization: 'Basic x-6' } } } },
        privateKey: 'pk-7',
        ws_token: 'ws-8',
        cyclic,
        promptTokens: 321,
        at: new Date('2026-01-02T03:04:05Z'),
        err,
      },
      'deep',
    );

    const text = lines.join('');
    for (const secret of ['ex-key-1', 'ex-sec-2', 'tg-3', 'deep-4', 'ak-5', 'x-6', 'pk-7', 'ws-8'])
      expect(text).not.toContain(secret);
    const line = JSON.parse(text) as Record<string, unknown>;
    expect(line).toMatchObject({
      promptTokens: 321,
      at: '2026-01-02T03:04:05.000Z',
      err: {
        type: 'Error',
        message: 'upstream refused',
        config: { exchange: { key: '[redacted]' } },
      },
      cyclic: { telegramToken: '[redacted]', self: '[circular]' },
    });
    expect((line.err as { stack: string }).stack).toContain('upstream refused');
  });
});
