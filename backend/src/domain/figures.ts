// The dashboard's figures, each defined once (issue #5) — the panel shows these definitions in
// its tooltips. Pure functions over plain numbers.

/**
 * A position's target: open rate × (1 + the ROI step in force now), the step being the one with
 * the largest minutes key not past the trade's age. null when the bot has no ROI table, or only
 * a step so high it never triggers (Freqtrade's way of turning ROI off, e.g. `{"0": 100}`).
 */
export function roiTarget(
  openRate: number,
  openedAt: number,
  now: number,
  minimalRoi: Record<string, number> | null | undefined,
): number | null {
  if (!minimalRoi) return null;
  const ageMinutes = (now - openedAt) / 60_000;
  const steps = Object.entries(minimalRoi)
    .map(([minutes, ratio]) => ({ minutes: Number(minutes), ratio }))
    .filter((s) => Number.isFinite(s.minutes) && s.minutes <= ageMinutes)
    .sort((a, b) => b.minutes - a.minutes);
  const step = steps[0];
  if (!step || step.ratio >= 10) return null;
  return openRate * (1 + step.ratio);
}

export interface PnlToday {
  abs: number;
  /** PnL today ÷ equity at the day's start; null when that equity is unknown or zero. */
  pct: number | null;
}

/** PnL today = equity now − equity at the day's start (realised + change in unrealised). */
export function pnlToday(equityNow: number, equityAtStart: number | null): PnlToday {
  if (equityAtStart === null) return { abs: 0, pct: null };
  const abs = equityNow - equityAtStart;
  return { abs, pct: equityAtStart > 0 ? abs / equityAtStart : null };
}
