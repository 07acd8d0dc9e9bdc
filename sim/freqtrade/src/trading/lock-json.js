import { fmtDate } from './trade-json.js';

/** Lock object of contract §2.4. */
export function lockJson(l) {
  return {
    id: l.id,
    active: l.active === 1,
    lock_end_time: fmtDate(l.lock_end_time),
    lock_end_timestamp: l.lock_end_time,
    lock_time: fmtDate(l.lock_time),
    lock_timestamp: l.lock_time,
    pair: l.pair,
    side: l.side,
    reason: l.reason,
  };
}
