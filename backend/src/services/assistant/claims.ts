// The model's answer, parsed tolerantly but validated strictly, and every claim checked against
// the facts it cites (numbers.ts holds the number rules). Pure.
import { z } from 'zod';

import type { Claim, ClaimMark, Fact } from '../../http/routes/assistant-schemas.js';

import { matchesAny, numbersIn, writtenNumbers } from './numbers.js';

const modelClaim = z.object({
  text: z.string().trim().min(1).max(2000),
  // One id given as a bare string is read as a list of one.
  cites: z.preprocess(
    (value) => (typeof value === 'string' ? [value] : value),
    z.array(z.string().max(200)).max(50).default([]),
  ),
});
export type ModelClaim = z.infer<typeof modelClaim>;

export const summaryAnswerSchema = z.object({ claims: z.array(modelClaim).min(1).max(30) });

export const recommendationAnswerSchema = summaryAnswerSchema.extend({
  changes: z
    .array(z.object({ field: z.string().max(100), to: z.unknown(), reason: modelClaim }))
    .max(20)
    .default([]),
});
export type ModelRecommendation = z.infer<typeof recommendationAnswerSchema>;

const FENCED = /^```(?:json|JSON)?[ \t]*\r?\n([\s\S]*?)\r?\n?```$/;

/**
 * The JSON object of an answer: the whole content, or the whole content being one fenced
 * ```json block (what models without a JSON mode tend to send). Anything else — prose around
 * it, HTML, half an object — is undefined: nothing is cut out of a longer text.
 */
export function extractJson(content: string): unknown {
  const text = content.trim();
  const candidates = [text, FENCED.exec(text)?.[1]];
  for (const candidate of candidates) {
    if (candidate === undefined) continue;
    try {
      const value: unknown = JSON.parse(candidate);
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value;
    } catch {
      // Not JSON: try the next reading.
    }
  }
  return undefined;
}

/** Parses with the answer's schema; undefined when it is not one (→ `assistant-bad-answer`). */
export function parseAnswer<S extends z.ZodType>(
  content: string,
  schema: S,
): z.infer<S> | undefined {
  const json = extractJson(content);
  if (json === undefined) return undefined;
  const parsed = schema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

/**
 * The facts a claim may draw its numbers from: each cited fact and the facts that extend its id
 * (`trade_42` brings `trade_42_profit_pct` …, `regime` brings `regime_atr_pct` …).
 */
function citedFacts(cites: string[], facts: readonly Fact[]): Fact[] {
  return facts.filter((f) => cites.some((id) => f.id === id || f.id.startsWith(`${id}_`)));
}

/** The values a cited fact supports: itself (×100 for a ratio), numbers in its text and label. */
function supportedValues(facts: Fact[]): number[] {
  return facts.flatMap((f) => {
    const fromLabel = numbersIn(f.label);
    if (typeof f.value === 'number') {
      return [f.value, ...(f.unit === 'ratio' ? [f.value * 100] : []), ...fromLabel];
    }
    if (typeof f.value === 'string') {
      const inside = numbersIn(f.value);
      return [...inside, ...inside.map((n) => n * 100), ...fromLabel];
    }
    return fromLabel;
  });
}

/**
 * Marks what is wrong with one claim: each cited id that is not a fact (`unknown-id`), citing
 * nothing (`no-citation`), and each number the cited facts do not hold (`unsupported-number`).
 */
export function checkClaim(claim: ModelClaim, facts: readonly Fact[]): Claim {
  const known = new Set(facts.map((f) => f.id));
  const cites = [...new Set(claim.cites.map((id) => id.trim()).filter((id) => id !== ''))];
  const marks: ClaimMark[] = cites
    .filter((id) => !known.has(id))
    .map((id) => ({ kind: 'unknown-id', id }));
  if (cites.length === 0) marks.push({ kind: 'no-citation' });
  const values = supportedValues(citedFacts(cites, facts));
  const seen = new Set<string>();
  for (const written of writtenNumbers(claim.text, [...known])) {
    if (matchesAny(written, values) || seen.has(written.text)) continue;
    seen.add(written.text);
    marks.push({ kind: 'unsupported-number', value: written.text });
  }
  return { text: claim.text, cites, marks };
}
