// Spotdesk's own market summary when no model answers (none set up, failed, over budget): a few
// plain sentences a trader would write, in English or Brazilian Portuguese, each citing the facts
// it states, so it passes the same claim check as a model's answer. Pure.
import type { Fact } from '../../http/routes/assistant-schemas.js';

import type { ModelClaim } from './claims.js';
import {
  byId,
  claim,
  compact,
  fmt,
  num,
  pct,
  say,
  str,
  type Facts,
  type Lang,
} from './rules-text.js';

const REGIMES: Record<string, [string, string]> = {
  'trend-up': ['trend up', 'tendência de alta'],
  'trend-down': ['trend down', 'tendência de baixa'],
  range: ['range (sideways)', 'lateral'],
  volatile: ['volatile', 'volátil'],
  unknown: ['not decided yet (too little history)', 'ainda indefinido (histórico curto)'],
};

function priceClaims(f: Facts, lang: Lang): ModelClaim[] {
  const pair = str(f, 'pair') ?? '';
  const quote = f.get('price_last')?.unit ?? '';
  const last = num(f, 'price_last');
  const change = num(f, 'change_24h_pct');
  const volume = num(f, 'volume_24h_quote');
  const out: ModelClaim[] = [];
  if (last !== null) {
    const price = `${fmt(lang, last)} ${quote}`;
    const moved =
      change === null ? '' : ` (${pct(lang, change)} ${say(lang, 'in 24 h', 'em 24 h')})`;
    out.push(
      claim(
        say(
          lang,
          `${pair} last traded at ${price}${moved}.`,
          `${pair} foi negociado por último a ${price}${moved}.`,
        ),
        change === null ? ['pair', 'price_last'] : ['pair', 'price_last', 'change_24h_pct'],
      ),
    );
  }
  if (volume !== null) {
    const v = `${compact(lang, volume)} ${quote}`;
    out.push(
      claim(say(lang, `Volume over 24 h: ${v}.`, `Volume em 24 h: ${v}.`), ['volume_24h_quote']),
    );
  }
  return out;
}

function rsiClaim(f: Facts, lang: Lang): ModelClaim[] {
  const rsi = num(f, 'rsi_14');
  if (rsi === null) return [];
  const v = fmt(lang, rsi, { maximumFractionDigits: 1 });
  const [en, pt] =
    rsi >= 70
      ? ['overbought', 'sobrecomprado']
      : rsi <= 30
        ? ['oversold', 'sobrevendido']
        : rsi >= 50
          ? ['neutral, leaning to buyers', 'neutro, com leve vantagem compradora']
          : ['neutral, leaning to sellers', 'neutro, com leve vantagem vendedora'];
  return [claim(say(lang, `RSI(14) is ${v}: ${en}.`, `RSI(14) está em ${v}: ${pt}.`), ['rsi_14'])];
}

function trendClaims(f: Facts, lang: Lang): ModelClaim[] {
  const out: ModelClaim[] = [];
  const last = num(f, 'price_last');
  const e50 = num(f, 'ema_50');
  const e200 = num(f, 'ema_200');
  if (last !== null && e50 !== null && e200 !== null) {
    const a50 = last >= e50;
    const a200 = last >= e200;
    const where = (above: boolean) =>
      say(lang, above ? 'above' : 'below', above ? 'acima' : 'abaixo');
    const reading =
      a50 && a200
        ? say(lang, 'the longer trend is up', 'a tendência mais longa é de alta')
        : !a50 && !a200
          ? say(lang, 'the longer trend is down', 'a tendência mais longa é de baixa')
          : say(lang, 'the longer trend is mixed', 'a tendência mais longa está indefinida');
    const x50 = fmt(lang, e50);
    const x200 = fmt(lang, e200);
    out.push(
      claim(
        say(
          lang,
          `Price is ${where(a50)} EMA 50 (${x50}) and ${where(a200)} EMA 200 (${x200}): ${reading}.`,
          `O preço está ${where(a50)} da EMA 50 (${x50}) e ${where(a200)} da EMA 200 (${x200}): ${reading}.`,
        ),
        ['price_last', 'ema_50', 'ema_200'],
      ),
    );
  }
  const e9 = num(f, 'ema_9');
  const e21 = num(f, 'ema_21');
  if (e9 !== null && e21 !== null) {
    const up = e9 >= e21;
    out.push(
      claim(
        say(
          lang,
          `EMA 9 (${fmt(lang, e9)}) is ${up ? 'above' : 'below'} EMA 21 (${fmt(lang, e21)}): short-term momentum points ${up ? 'up' : 'down'}.`,
          `A EMA 9 (${fmt(lang, e9)}) está ${up ? 'acima' : 'abaixo'} da EMA 21 (${fmt(lang, e21)}): o curto prazo aponta para ${up ? 'cima' : 'baixo'}.`,
        ),
        ['ema_9', 'ema_21'],
      ),
    );
  }
  return out;
}

function momentumClaims(f: Facts, lang: Lang): ModelClaim[] {
  const hist = num(f, 'macd_histogram');
  if (hist === null) return [];
  const up = hist >= 0;
  const h = fmt(lang, hist, { maximumSignificantDigits: 4 });
  return [
    claim(
      say(
        lang,
        `The MACD line is ${up ? 'above' : 'below'} its signal line (histogram ${h}): momentum is ${up ? 'rising' : 'fading'}.`,
        `A linha do MACD está ${up ? 'acima' : 'abaixo'} da linha de sinal (histograma ${h}): o momento está ${up ? 'ganhando força' : 'perdendo força'}.`,
      ),
      ['macd_histogram'],
    ),
  ];
}

function volatilityClaims(f: Facts, lang: Lang): ModelClaim[] {
  const out: ModelClaim[] = [];
  const last = num(f, 'price_last');
  const upper = num(f, 'bb_upper');
  const lower = num(f, 'bb_lower');
  if (last !== null && upper !== null && lower !== null) {
    const u = fmt(lang, upper);
    const l = fmt(lang, lower);
    const text =
      last > upper
        ? say(
            lang,
            `Price is above the upper Bollinger band (${u}): stretched to the upside.`,
            `O preço está acima da banda superior de Bollinger (${u}): esticado para cima.`,
          )
        : last < lower
          ? say(
              lang,
              `Price is below the lower Bollinger band (${l}): stretched to the downside.`,
              `O preço está abaixo da banda inferior de Bollinger (${l}): esticado para baixo.`,
            )
          : say(
              lang,
              `Price is inside the Bollinger bands (${l} to ${u}).`,
              `O preço está dentro das bandas de Bollinger (de ${l} a ${u}).`,
            );
    out.push(claim(text, ['price_last', 'bb_upper', 'bb_lower']));
  }
  const atr = num(f, 'atr_14');
  if (atr !== null) {
    const a = `${fmt(lang, atr)} ${f.get('atr_14')?.unit ?? ''}`.trim();
    out.push(
      claim(
        say(
          lang,
          `ATR(14) is ${a}: the typical range of one candle.`,
          `O ATR(14) é ${a}: a amplitude típica de um candle.`,
        ),
        ['atr_14'],
      ),
    );
  }
  const ratio = num(f, 'volume_ratio_20');
  if (ratio !== null) {
    const r = fmt(lang, ratio, { maximumFractionDigits: 2 });
    const [en, pt] =
      ratio >= 1.5
        ? ['well above usual', 'bem acima do normal']
        : ratio <= 0.5
          ? ['well below usual', 'bem abaixo do normal']
          : ['around usual', 'perto do normal'];
    out.push(
      claim(
        say(
          lang,
          `The last candle's volume is ${r}× its 20-candle average: ${en}.`,
          `O volume do último candle é ${r}× a média de 20 velas: ${pt}.`,
        ),
        ['volume_ratio_20'],
      ),
    );
  }
  return out;
}

function regimeClaims(f: Facts, lang: Lang): ModelClaim[] {
  const out: ModelClaim[] = [];
  const label = str(f, 'regime');
  if (label !== null) {
    const [en, pt] = REGIMES[label] ?? [label, label];
    const rule = str(f, 'regime_rule');
    const by = rule ? say(lang, ` (rule “${rule}”)`, ` (regra “${rule}”)`) : '';
    out.push(claim(say(lang, `Regime: ${en}${by}.`, `Regime: ${pt}${by}.`), ['regime']));
  }
  if (f.get('data_stale')?.value === true) {
    out.push(
      claim(
        say(
          lang,
          'These figures are stale: the feed has had no fresh data for a while.',
          'Estes números estão desatualizados: o feed está sem dados novos há algum tempo.',
        ),
        ['data_stale'],
      ),
    );
  }
  return out;
}

/** A market summary from its facts (facts.ts `marketFacts`). */
export function rulesMarketSummary(facts: readonly Fact[], lang: Lang): ModelClaim[] {
  const f = byId(facts);
  return [
    ...priceClaims(f, lang),
    ...rsiClaim(f, lang),
    ...trendClaims(f, lang),
    ...momentumClaims(f, lang),
    ...volatilityClaims(f, lang),
    ...regimeClaims(f, lang),
  ];
}
