// One installation-wide trading day (issue #5): "today" starts at midnight in the configured
// time zone (default UTC), the same for every user and every limit.

/** Minutes the zone is ahead of UTC at `at` (e.g. -180 for America/Sao_Paulo). */
export function zoneOffsetMinutes(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(at));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((asUtc - Math.floor(at / 1000) * 1000) / 60_000);
}

/** Whether `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The instant the trading day containing `at` began, in `timeZone`. */
export function tradingDayStart(at: number, timeZone: string): number {
  const local = at + zoneOffsetMinutes(at, timeZone) * 60_000;
  const midnightLocal = Math.floor(local / 86_400_000) * 86_400_000;
  // The offset at midnight may differ from now's (a DST change during the day).
  const guess = midnightLocal - zoneOffsetMinutes(midnightLocal, timeZone) * 60_000;
  return (
    guess -
    (zoneOffsetMinutes(guess, timeZone) - zoneOffsetMinutes(midnightLocal, timeZone)) * 60_000
  );
}
