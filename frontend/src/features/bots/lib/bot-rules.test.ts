import { describe, expect, test } from 'vitest';

// The orchestrator's own rules: the panel's copy must agree with them in every case.
import * as backend from '../../../../../backend/src/domain/bot';
import {
  BOT_ACTIONS,
  BOT_MODES,
  BOT_NAME_MAX,
  BOT_STATES,
  PAIR_PATTERN,
  TIMEFRAMES,
  isOffered,
  nextDesiredState,
} from './bot-rules';

const DESIRED = ['CREATED', 'RUNNING', 'PAUSED', 'STOPPED'] as const;

describe('bot rules', () => {
  test('when every state, desired state and action is tried, then the panel agrees with the server', () => {
    for (const state of BOT_STATES) {
      for (const desired of DESIRED) {
        for (const action of BOT_ACTIONS) {
          expect(nextDesiredState(state, desired, action), `${state}/${desired}/${action}`).toBe(
            backend.nextDesiredState(state, desired, action),
          );
        }
      }
    }
  });

  test('when the constants are compared, then they are the server’s', () => {
    expect([...TIMEFRAMES]).toEqual([...backend.TIMEFRAMES]);
    expect([...BOT_MODES]).toEqual([...backend.BOT_MODES]);
    expect(BOT_NAME_MAX).toBe(backend.BOT_NAME_MAX);
    expect(PAIR_PATTERN.source).toBe(backend.PAIR_PATTERN.source);
  });

  test('when a bot runs, then start is not offered but pause, stop and restart are', () => {
    const offered = BOT_ACTIONS.filter((action) => isOffered('RUNNING', 'RUNNING', action));

    expect(offered).toEqual(['pause', 'stop', 'restart']);
  });

  test('when a bot is in error, then retry and stop are offered', () => {
    const offered = BOT_ACTIONS.filter((action) => isOffered('ERROR', 'RUNNING', action));

    expect(offered).toEqual(['stop', 'retry']);
  });

  test('when a bot is stopped, then start and delete are offered', () => {
    const offered = BOT_ACTIONS.filter((action) => isOffered('STOPPED', 'STOPPED', action));

    expect(offered).toEqual(['start', 'delete']);
  });
});
