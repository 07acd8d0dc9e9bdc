// 50 start/stop requests on one bot at once (issue #4 "Proofs"): every answer is a decision, and
// the bot ends in one consistent state: the last request applied, in the API and in supervisord.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { paperBot, startBotEnv, type BotEnv } from '../helpers/bot-env.js';

let env: BotEnv;
beforeAll(async () => {
  env = await startBotEnv();
}, 60_000);
afterAll(async () => env?.cleanup(), 60_000);

interface AuditItem {
  id: number;
  action: string;
  after: { desiredState?: string } | null;
}

async function lifecycleRows(id: number): Promise<AuditItem[]> {
  const reply = await env.admin.get(`/api/audit?target=bot:${id}&limit=500`);
  expect(reply.status).toBe(200);
  return (reply.body.items as AuditItem[]).filter(
    (item) => item.action === 'bot-start' || item.action === 'bot-stop',
  );
}

/** supervisord's word for each desired state once converged. */
const PROCESS_STATE: Record<string, string> = { RUNNING: 'RUNNING', STOPPED: 'STOPPED' };

describe('concurrent start and stop requests on one bot', () => {
  it('when 50 start/stop requests arrive at once, then each is answered 200 or 409 with a code, and the bot settles in the state of the last one applied', async () => {
    const created = await env.admin.post('/api/bots', paperBot({ name: 'Hammered' }));
    expect(created.status, created.text).toBe(201);
    const id = created.body.id as number;
    expect((await env.admin.post(`/api/bots/${id}/start`, {})).status).toBe(200);
    await env.waitForBot(id, (b) => b.state === 'RUNNING' && b.stateReason === null);
    const before = (await lifecycleRows(id)).length;
    // 25 starts and 25 stops in a fixed shuffled order, so a failure can be replayed.
    const actions: string[] = Array.from({ length: 50 }, (_, i) =>
      i % 2 === 0 ? 'start' : 'stop',
    );
    let seed = 7;
    for (let i = actions.length - 1; i > 0; i -= 1) {
      seed = (seed * 16807) % 2147483647;
      const j = seed % (i + 1);
      [actions[i], actions[j]] = [actions[j]!, actions[i]!];
    }

    const replies = await Promise.all(
      actions.map((action) => env.admin.post(`/api/bots/${id}/${action}`, {})),
    );

    const unexpected = replies.filter(
      (r) =>
        !(
          r.status === 200 ||
          (r.status === 409 &&
            /^[a-z-]+$/.test(r.body?.error?.code ?? '') &&
            (r.body?.error?.message ?? '') !== '')
        ),
    );
    expect(unexpected.map((r) => `${r.status} ${r.text}`)).toEqual([]);
    const accepted = replies.filter((r) => r.status === 200).length;
    const rows = await lifecycleRows(id);
    // One audit row per accepted request, none for a refused one.
    expect(rows.length - before).toBe(accepted);
    const last = rows[0]!;
    const wanted = last.after?.desiredState;
    expect(wanted).toBe(last.action === 'bot-start' ? 'RUNNING' : 'STOPPED');

    const settled = await env.waitForBot(
      id,
      (b) => b.state === wanted && b.stateReason === null,
      60_000,
    );
    expect(settled).toMatchObject({ desiredState: wanted, errorReason: null });
    for (let i = 0; i < 80 && (await env.processState(id)) !== PROCESS_STATE[wanted!]; i += 1)
      await sleep(250);
    expect(await env.processState(id)).toBe(PROCESS_STATE[wanted!]);
    const pid = await env.pid(id);
    await sleep(4000); // the reconciler keeps it there: no flapping after the burst
    expect((await env.admin.get(`/api/bots/${id}`)).body).toMatchObject({
      state: wanted,
      desiredState: wanted,
      stateReason: null,
    });
    expect(await env.processState(id)).toBe(PROCESS_STATE[wanted!]);
    expect(await env.pid(id)).toBe(pid);
    if (wanted === 'RUNNING') {
      const shown = (await (await env.botApi(id, '/show_config')).json()) as { state: string };
      expect(shown.state).toBe('running');
    }
    const program = readFileSync(
      path.join(env.dataDir, 'bots', String(id), 'supervisord.conf'),
      'utf8',
    );
    expect(program).toContain(`autostart=${wanted === 'RUNNING' ? 'true' : 'false'}`);
  }, 180_000);
});
