import { startExchange, type SimExchange, type SimKeyRights } from '@spotdesk/sim-exchange';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { ValidationError } from '../../src/domain/errors.js';

import { makeAdapter, received, startProxy, summary } from './exchange-helpers.js';

let sim: SimExchange;
beforeAll(async () => {
  sim = await startExchange({ seed: 7 });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => {
  sim.control.reset();
});

const KEY = { apiKey: 'checkKeyA1b2C3d4E5f6G7h8', secret: 'checkSecretZ9y8X7w6V5u4T3' };

function keyWith(rights: SimKeyRights, balances: Record<string, string> = { USDT: '500' }) {
  sim.control.createKey({ ...KEY, balances, rights });
  return KEY;
}

async function refusal(act: Promise<unknown>): Promise<ValidationError> {
  const error = await act.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

const ACCOUNT_PATH = '/api/v3/account';
const RESTRICTIONS_PATH = '/sapi/v1/account/apiRestrictions';

describe('exchange adapter: checkKey', () => {
  it('when the key reads and trades without IP restriction, then it passes with a warning', async () => {
    const { adapter } = makeAdapter(sim.httpUrl);

    const check = await adapter.checkKey(keyWith({}, { USDT: '500', BTC: '0.25', ETH: '0' }));

    expect(check).toEqual({
      canRead: true,
      canTrade: true,
      canWithdraw: false,
      ipRestricted: false,
      balances: [
        { asset: 'USDT', free: 500, locked: 0 },
        { asset: 'BTC', free: 0.25, locked: 0 },
      ],
      warnings: ['no-ip-restriction'],
    });
    expect(summary(received(sim))).toEqual([
      'GET /api/v3/time 200',
      `GET ${RESTRICTIONS_PATH} 200`,
      `GET ${ACCOUNT_PATH} 200`,
    ]);
    expect(received(sim, ACCOUNT_PATH)[0]).toMatchObject({ apiKey: 'chec…' });
    expect(received(sim, ACCOUNT_PATH)[0]?.query).toContain('omitZeroBalances=true');
  });

  it("when the key is restricted to this machine's IP, then there is no warning", async () => {
    const { adapter } = makeAdapter(sim.httpUrl);

    const check = await adapter.checkKey(keyWith({ ipRestrict: true, ipWhitelist: ['127.0.0.1'] }));

    expect(check.ipRestricted).toBe(true);
    expect(check.warnings).toEqual([]);
  });

  it('when funds are held by an open order, then they show as locked', async () => {
    sim.control.setPrice('BTCUSDT', '50000');
    const { adapter } = makeAdapter(sim.httpUrl);
    adapter.setCredentials(keyWith({}));
    await adapter.createOrder({
      symbol: 'BTC/USDT',
      side: 'buy',
      type: 'limit',
      amount: 0.01,
      price: 40000,
    });

    const check = await adapter.checkKey(KEY);

    expect(check.balances).toEqual([{ asset: 'USDT', free: 100, locked: 400 }]);
  });

  it('when the key can withdraw, then exchange-key-can-withdraw names the switch, account unread', async () => {
    const { adapter } = makeAdapter(sim.httpUrl);

    const error = await refusal(adapter.checkKey(keyWith({ enableWithdrawals: true })));

    expect(error).toMatchObject({ code: 'exchange-key-can-withdraw', httpStatus: 400 });
    expect(error.message).toContain('"Enable Withdrawals"');
    expect(error.details).toEqual({
      issues: [{ path: 'apiKey', rule: 'invalid', params: {}, message: error.message }],
    });
    expect(received(sim, ACCOUNT_PATH)).toEqual([]);
  });

  it('when the key cannot trade spot, then exchange-key-cannot-trade names the switch', async () => {
    const { adapter } = makeAdapter(sim.httpUrl);

    const error = await refusal(adapter.checkKey(keyWith({ enableSpotAndMarginTrading: false })));

    expect(error.code).toBe('exchange-key-cannot-trade');
    expect(error.message).toContain('"Enable Spot & Margin Trading"');
  });

  it('when the key can withdraw and cannot trade, then withdraw comes first and both are issues', async () => {
    const { adapter } = makeAdapter(sim.httpUrl);

    const error = await refusal(
      adapter.checkKey(keyWith({ enableWithdrawals: true, enableSpotAndMarginTrading: false })),
    );

    expect(error.code).toBe('exchange-key-can-withdraw');
    const issues = (error.details?.['issues'] ?? []) as { message: string }[];
    expect(issues.map((i) => i.message)).toEqual([
      expect.stringContaining('Enable Withdrawals'),
      expect.stringContaining('Enable Spot & Margin Trading'),
    ]);
  });

  it('when the key cannot read, then the sim refuses it (-2015) and it is exchange-key-invalid', async () => {
    const { adapter } = makeAdapter(sim.httpUrl);

    const error = await refusal(adapter.checkKey(keyWith({ enableReading: false })));

    expect(error.code).toBe('exchange-key-invalid');
    expect(summary(received(sim, RESTRICTIONS_PATH))).toEqual([`GET ${RESTRICTIONS_PATH} 401`]);
  });

  it('when Binance reports enableReading false, then exchange-key-cannot-read names the switch', async () => {
    const proxy = await startProxy(sim.httpUrl, (path, body) =>
      path === RESTRICTIONS_PATH
        ? JSON.stringify({ ...(JSON.parse(body) as object), enableReading: false })
        : body,
    );
    try {
      const { adapter } = makeAdapter(proxy.url);

      const error = await refusal(adapter.checkKey(keyWith({})));

      expect(error.code).toBe('exchange-key-cannot-read');
      expect(error.message).toContain('"Enable Reading"');
    } finally {
      await proxy.close();
    }
  });

  it('when the account itself may not trade, then exchange-key-cannot-trade', async () => {
    const proxy = await startProxy(sim.httpUrl, (path, body) =>
      path === ACCOUNT_PATH
        ? JSON.stringify({ ...(JSON.parse(body) as object), canTrade: false })
        : body,
    );
    try {
      const { adapter } = makeAdapter(proxy.url);

      const error = await refusal(adapter.checkKey(keyWith({})));

      expect(error.code).toBe('exchange-key-cannot-trade');
    } finally {
      await proxy.close();
    }
  });

  it('when the key is unknown, then exchange-key-invalid on the apiKey field', async () => {
    const { adapter } = makeAdapter(sim.httpUrl);

    const error = await refusal(adapter.checkKey({ apiKey: 'unknownKey0000', secret: 'x' }));

    expect(error).toMatchObject({ code: 'exchange-key-invalid', httpStatus: 400 });
    expect(error.details?.['issues']).toMatchObject([{ path: 'apiKey', rule: 'invalid' }]);
  });

  it('when the secret is wrong, then exchange-key-invalid on the secret field (-1022)', async () => {
    keyWith({});
    const { adapter } = makeAdapter(sim.httpUrl);

    const error = await refusal(adapter.checkKey({ ...KEY, secret: 'not-the-secret' }));

    expect(error.code).toBe('exchange-key-invalid');
    expect(error.details?.['issues']).toMatchObject([{ path: 'secret' }]);
  });

  it("when the key's IP list leaves this machine out, then exchange-key-invalid", async () => {
    const { adapter } = makeAdapter(sim.httpUrl);

    const error = await refusal(
      adapter.checkKey(keyWith({ ipRestrict: true, ipWhitelist: ['10.0.0.1'] })),
    );

    expect(error.code).toBe('exchange-key-invalid');
    expect(error.message).toContain('IP');
  });

  it('when a key is checked, then the saved account is left as it was', async () => {
    const { adapter } = makeAdapter(sim.httpUrl);
    adapter.setCredentials({ apiKey: 'sim-key', secret: 'sim-secret' });

    await adapter.checkKey(keyWith({}, { USDT: '1' }));
    const balances = await adapter.fetchBalance();

    expect(balances).toEqual([{ asset: 'USDT', free: 10000, locked: 0 }]);
    expect(received(sim, ACCOUNT_PATH).map((e) => e.apiKey)).toEqual(['chec…', 'sim…']);
  });
});

describe('exchange adapter: secrets', () => {
  it('when keys are checked, used, refused and time out, then neither key nor secret is in any log or error', async () => {
    const secretKey = {
      apiKey: 'VisibleNowhereKey0123456789abcdef',
      secret: 'VisibleNowhereSecret9876543210',
    };
    sim.control.createKey({ ...secretKey, balances: { USDT: '5' } });
    const { adapter, log } = makeAdapter(sim.httpUrl, { timeoutMs: 300 });
    const errors: unknown[] = [];
    const keep = (p: Promise<unknown>) => p.catch((e: unknown) => void errors.push(e));

    await adapter.checkKey(secretKey);
    adapter.setCredentials(secretKey);
    await adapter.fetchBalance();
    sim.control.addFault({ path: ACCOUNT_PATH, kind: 'hang', count: 1 });
    await keep(adapter.fetchBalance());
    sim.control.setKeyRights(secretKey.apiKey, { enableWithdrawals: true });
    await keep(adapter.checkKey(secretKey));
    await keep(adapter.checkKey({ ...secretKey, secret: 'wrong' }));
    await keep(adapter.createOrder({ symbol: 'BTC/USDT', side: 'buy', type: 'market', amount: 1 }));

    const seen = [
      log.text(),
      ...errors.flatMap((e) => {
        const error = e as Error & { details?: unknown; cause?: unknown };
        return [error.message, JSON.stringify(error.details), String(error.cause)];
      }),
    ].join('\n');
    expect(errors).toHaveLength(4);
    expect(log.text()).toContain('Binance API key checked');
    for (const secret of [secretKey.apiKey, secretKey.secret, 'VisibleNowhere']) {
      expect(seen).not.toContain(secret);
    }
  });
});
