import type { HealthRepo } from '../db/repos/health-repo.js';
import type { SupervisorState } from '../adapters/supervisord/client.js';

export interface Check {
  name: string;
  ok: boolean;
  reason?: string;
}

export interface Readiness {
  status: 'ready' | 'not-ready';
  checks: Check[];
}

export function createReadinessService(deps: {
  health: HealthRepo;
  supervisor: { getState(): Promise<SupervisorState> };
  now: () => number;
}) {
  const { health, supervisor, now } = deps;
  // Bots are listed for information; a bot in trouble never makes the container unready.
  let botChecks: () => Check[] = () => [];

  function checkDatabase(): Check {
    try {
      health.probeWrite(now());
      return { name: 'database', ok: true, reason: 'a probe row was written and committed' };
    } catch (error) {
      return { name: 'database', ok: false, reason: `write failed: ${(error as Error).message}` };
    }
  }

  async function checkSupervisord(): Promise<Check> {
    try {
      const state = await supervisor.getState();
      return state.name === 'RUNNING'
        ? { name: 'supervisord', ok: true, reason: 'supervisord is RUNNING' }
        : { name: 'supervisord', ok: false, reason: `supervisord is ${state.name}` };
    } catch (error) {
      return { name: 'supervisord', ok: false, reason: (error as Error).message };
    }
  }

  const startedAt = now();
  return {
    checkSupervisord,
    /** Liveness only: the process answers. Never touches the DB or supervisord. */
    alive(): { status: 'ok'; checks: Check[] } {
      const seconds = Math.round((now() - startedAt) / 1000);
      return {
        status: 'ok',
        checks: [{ name: 'process', ok: true, reason: `answering for ${seconds} s` }],
      };
    },
    async check(): Promise<Readiness> {
      const checks = [checkDatabase(), await checkSupervisord()];
      const status = checks.every((c) => c.ok) ? 'ready' : 'not-ready';
      return { status, checks: [...checks, ...botChecks()] };
    },
    /** Where the bot entries come from (set once the bots slice exists). */
    listBots(source: () => Check[]): void {
      botChecks = source;
    },
  };
}

export type ReadinessService = ReturnType<typeof createReadinessService>;
