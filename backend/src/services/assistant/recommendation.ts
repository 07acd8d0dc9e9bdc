// A model's proposed setting changes, passed through the bot's normal validation (the bot form's
// schema, then domain/bot-rules.ts as PUT /api/bots/:id does): what survives becomes the diff and
// the patch the panel may send; the rest is reported as dropped. Nothing here changes a bot.
import { isDeepStrictEqual } from 'node:util';

import type { z } from 'zod';

import { checkBotSettings, type RuleContext } from '../../domain/bot-rules.js';
import type { Bot, BotSettings } from '../../domain/bot.js';
import {
  RECOMMENDABLE_FIELDS,
  type DroppedChange,
  type Fact,
  type Recommendation,
} from '../../http/routes/assistant-schemas.js';

import { checkClaim, type ModelRecommendation } from './claims.js';

type Field = (typeof RECOMMENDABLE_FIELDS)[number];

export const SETTINGS_KEYS = [
  'name',
  'description',
  'mode',
  'strategy',
  'strategyParams',
  'timeframe',
  'pairs',
  'stakeAmount',
  'maxOpenTrades',
  'maxExposure',
  'stoploss',
  'minimalRoi',
  'dailyLossLimit',
] as const satisfies ReadonlyArray<keyof BotSettings>;

export function settingsOf(bot: Bot): BotSettings {
  return Object.fromEntries(SETTINGS_KEYS.map((k) => [k, bot[k]])) as unknown as BotSettings;
}

function isField(name: string): name is Field {
  return (RECOMMENDABLE_FIELDS as readonly string[]).includes(name);
}

const issueKey = (i: { path: string; rule?: string }) => `${i.path}|${i.rule ?? ''}`;

export interface ReviewContext {
  /** The bot form's schema (http/routes/bots.ts `botSettingsSchema`), handed in by composition. */
  settingsSchema: z.ZodType<BotSettings>;
  rules: Omit<RuleContext, 'selfId'>;
}

type Review = Pick<Recommendation, 'changes' | 'patch'> & { dropped: DroppedChange[] };

type Reason = ModelRecommendation['changes'][number]['reason'];
interface Candidate {
  field: Field;
  to: unknown;
  reason: Reason;
}

/**
 * Each proposed change must name a recommendable field (once), differ from the current value and
 * pass the form's schema; then the changes must add no problem `checkBotSettings` did not already
 * find. All of them together are tried first; if that fails, they are taken one by one in order
 * (again, until nothing more fits), so a stake that needs a larger exposure is kept when the
 * exposure is raised too, and the one that breaks a pair of changes is dropped as a `conflict`.
 */
export function reviewChanges(
  proposed: ModelRecommendation['changes'],
  bot: Bot,
  facts: readonly Fact[],
  ctx: ReviewContext,
): Review {
  const current = settingsOf(bot);
  const rules: RuleContext = { ...ctx.rules, selfId: bot.id };
  const known = new Set(checkBotSettings(current, rules).map(issueKey));
  const dropped: DroppedChange[] = [];
  const problems = (changes: Candidate[]): string[] =>
    checkBotSettings(
      { ...current, ...Object.fromEntries(changes.map((c) => [c.field, c.to])) },
      rules,
    )
      .filter((i) => !known.has(issueKey(i)))
      .map((i) => `${i.path}: ${i.message}`);

  const candidates: Candidate[] = [];
  for (const change of proposed) {
    const drop = (why: DroppedChange['why'], message: string) =>
      dropped.push({ field: change.field, to: change.to, why, message });
    if (!isField(change.field)) {
      drop('unknown-field', `${change.field} is not a setting the assistant may change`);
      continue;
    }
    if (candidates.some((c) => c.field === change.field)) {
      drop('duplicate', `${change.field} is changed twice; the first proposal is kept`);
      continue;
    }
    const parsed = ctx.settingsSchema.safeParse({ ...current, [change.field]: change.to });
    if (!parsed.success) {
      drop(
        'invalid-value',
        parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
      );
      continue;
    }
    const to = parsed.data[change.field];
    if (isDeepStrictEqual(to, current[change.field])) {
      drop('no-change', `${change.field} already has this value`);
      continue;
    }
    candidates.push({ field: change.field, to, reason: change.reason });
  }

  let accepted = candidates;
  const fits = (c: Candidate) => !accepted.includes(c) && problems([...accepted, c]).length === 0;
  if (problems(candidates).length > 0) {
    accepted = [];
    // Earlier proposals first: after each one that fits, start over from the first.
    for (let c = candidates.find(fits); c; c = candidates.find(fits)) accepted.push(c);
    for (const c of candidates.filter((x) => !accepted.includes(x))) {
      const alone = problems([c]);
      dropped.push({
        field: c.field,
        to: c.to,
        why: alone.length > 0 ? 'invalid-value' : 'conflict',
        message: (alone.length > 0 ? alone : problems([...accepted, c])).join('; '),
      });
    }
    const order = new Map(candidates.map((c, index) => [c, index]));
    accepted.sort((a, b) => order.get(a)! - order.get(b)!);
  }
  return {
    changes: accepted.map((a) => ({
      field: a.field,
      from: current[a.field],
      to: a.to,
      reason: checkClaim(a.reason, facts),
    })),
    patch: Object.fromEntries(accepted.map((a) => [a.field, a.to])),
    dropped,
  };
}
