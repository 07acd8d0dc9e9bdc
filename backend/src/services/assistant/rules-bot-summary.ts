// Spotdesk's own bot summary when no model answers: who the bot is, its day, its open and recent
// trades and its log's latest problem, each sentence citing its facts. Pure.
import type { Fact } from '../../http/routes/assistant-schemas.js';

import type { ModelClaim } from './claims.js';
import { byId, claim, fmt, num, pct, say, str, type Facts, type Lang } from './rules-text.js';

const STATES: Record<string, [string, string]> = {
  CREATED: ['created, never started', 'criado, nunca iniciado'],
  RUNNING: ['running', 'em execução'],
  PAUSED: ['paused (no new entries)', 'pausado (sem novas entradas)'],
  STOPPED: ['stopped', 'parado'],
  ERROR: ['in error', 'com erro'],
};

function identityClaim(f: Facts, lang: Lang): ModelClaim {
  const name = str(f, 'bot_name') ?? '';
  const live = (str(f, 'bot_mode') ?? '').startsWith('Live');
  const [en, pt] = STATES[str(f, 'bot_state') ?? ''] ?? ['', ''];
  const strategy = str(f, 'strategy') ?? '';
  const timeframe = str(f, 'timeframe') ?? '';
  const pairs = str(f, 'pairs') ?? '';
  return claim(
    say(
      lang,
      `“${name}” is a ${live ? 'Live' : 'Paper'} bot running ${strategy} on ${timeframe} candles for ${pairs}; it is ${en}.`,
      `“${name}” é um robô ${live ? 'Real' : 'Paper (simulado)'} com a estratégia ${strategy} em candles de ${timeframe} para ${pairs}; está ${pt}.`,
    ),
    ['bot_name', 'bot_mode', 'strategy', 'timeframe', 'pairs', 'bot_state'],
  );
}

function dayClaim(f: Facts, lang: Lang, quote: string): ModelClaim {
  const closed = num(f, 'closed_today') ?? 0;
  const realised = num(f, 'realised_today') ?? 0;
  if (closed === 0) {
    return claim(say(lang, 'No trade has closed today.', 'Nenhuma operação foi fechada hoje.'), [
      'closed_today',
    ]);
  }
  const r = `${fmt(lang, realised, { signDisplay: 'exceptZero' })} ${quote}`;
  return claim(
    say(
      lang,
      `Today it closed ${fmt(lang, closed)} trade${closed === 1 ? '' : 's'} for a realised ${r}.`,
      `Hoje fechou ${fmt(lang, closed)} operaç${closed === 1 ? 'ão' : 'ões'}, com resultado realizado de ${r}.`,
    ),
    ['closed_today', 'realised_today'],
  );
}

function tradeIds(facts: readonly Fact[], open: boolean): string[] {
  return facts
    .filter((x) => /^trade_\d+$/.test(x.id) && x.label.includes(open ? '(open)' : '(closed)'))
    .map((x) => x.id);
}

function openClaim(f: Facts, facts: readonly Fact[], lang: Lang): ModelClaim {
  const ids = tradeIds(facts, true);
  if (ids.length === 0) {
    return claim(say(lang, 'It holds no open trade.', 'Não tem operação aberta.'), ['open_trades']);
  }
  const list = ids
    .map((id) => {
      const p = num(f, `${id}_profit_pct`);
      return `${str(f, id) ?? ''}${p === null ? '' : ` (${pct(lang, p)})`}`;
    })
    .join(', ');
  const n = fmt(lang, ids.length);
  return claim(
    say(
      lang,
      `It holds ${n} open trade${ids.length === 1 ? '' : 's'}: ${list}.`,
      `Tem ${n} operaç${ids.length === 1 ? 'ão aberta' : 'ões abertas'}: ${list}.`,
    ),
    ['open_trades', ...ids],
  );
}

function recentClaims(f: Facts, facts: readonly Fact[], lang: Lang, quote: string): ModelClaim[] {
  const count = num(f, 'recent_closed_count') ?? 0;
  if (count === 0) {
    return [
      claim(say(lang, 'It has no closed trade yet.', 'Ainda não tem operação fechada.'), [
        'recent_closed_count',
      ]),
    ];
  }
  const wins = num(f, 'recent_wins') ?? 0;
  const losses = num(f, 'recent_losses') ?? 0;
  const rate = fmt(lang, num(f, 'recent_win_rate_pct') ?? 0, { maximumFractionDigits: 1 });
  const total = `${fmt(lang, num(f, 'recent_profit_abs') ?? 0, { signDisplay: 'exceptZero' })} ${quote}`;
  const out = [
    claim(
      say(
        lang,
        `Of its last ${fmt(lang, count)} closed trades, ${fmt(lang, wins)} made a profit and ${fmt(lang, losses)} did not (${rate}% won), ${total} in total.`,
        `Das últimas ${fmt(lang, count)} operações fechadas, ${fmt(lang, wins)} tiveram lucro e ${fmt(lang, losses)} não (${rate}% de acerto), ${total} no total.`,
      ),
      [
        'recent_closed_count',
        'recent_wins',
        'recent_losses',
        'recent_win_rate_pct',
        'recent_profit_abs',
      ],
    ),
  ];
  const ranked = tradeIds(facts, false)
    .map((id) => ({ id, p: num(f, `${id}_profit_pct`) }))
    .filter((t): t is { id: string; p: number } => t.p !== null)
    .sort((a, b) => b.p - a.p);
  const best = ranked[0];
  const worst = ranked[ranked.length - 1];
  if (best && worst && best.id !== worst.id) {
    const show = (t: { id: string; p: number }) => {
      const reason = str(f, `${t.id}_exit_reason`);
      const exit = reason ? say(lang, `, exit “${reason}”`, `, saída “${reason}”`) : '';
      return `#${t.id.slice(6)} ${str(f, t.id) ?? ''} ${pct(lang, t.p)}${exit}`;
    };
    out.push(
      claim(
        say(
          lang,
          `Best of them: ${show(best)}; worst: ${show(worst)}.`,
          `A melhor: ${show(best)}; a pior: ${show(worst)}.`,
        ),
        [best.id, worst.id],
      ),
    );
  }
  return out;
}

function logClaim(f: Facts, lang: Lang): ModelClaim[] {
  const line = str(f, 'log_1');
  if (line === null) return [];
  return [
    claim(
      say(
        lang,
        `Latest warning or error in its log: “${line}”.`,
        `Último aviso ou erro no log: “${line}”.`,
      ),
      ['log_1'],
    ),
  ];
}

/** A bot summary from its facts (facts.ts `botFacts`). */
export function rulesBotSummary(facts: readonly Fact[], lang: Lang): ModelClaim[] {
  const f = byId(facts);
  const quote = f.get('stake_amount')?.unit ?? '';
  return [
    identityClaim(f, lang),
    dayClaim(f, lang, quote),
    openClaim(f, facts, lang),
    ...recentClaims(f, facts, lang, quote),
    ...logClaim(f, lang),
  ];
}
