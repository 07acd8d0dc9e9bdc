// A bot's program in supervisord: registered from its file, started, stopped and removed through
// XML-RPC only. supervisord re-reads program files as a whole (`reloadConfig`), so those calls
// are serialised across bots.
import {
  ALREADY_ADDED,
  ALREADY_STARTED,
  BAD_NAME,
  NOT_RUNNING,
  isFault,
  type ProcessInfo,
  type SupervisordClient,
} from '../adapters/supervisord/client.js';
import { programName, type BotId } from '../domain/bot.js';

/** supervisord states in which the program's process exists or is about to. */
const ALIVE = new Set(['STARTING', 'RUNNING', 'BACKOFF', 'STOPPING']);

export function isAlive(info: ProcessInfo | null): boolean {
  return info !== null && ALIVE.has(info.state);
}

export function createBotProcess(supervisor: SupervisordClient) {
  let syncing: Promise<unknown> = Promise.resolve();

  /** Runs `task` after every earlier program sync has finished. */
  function serial<T>(task: () => Promise<T>): Promise<T> {
    const run = syncing.then(task, task);
    syncing = run.catch(() => undefined);
    return run;
  }

  async function ignoreFault<T>(promise: Promise<T>, ...codes: number[]): Promise<T | undefined> {
    try {
      return await promise;
    } catch (error) {
      if (codes.some((code) => isFault(error, code))) return undefined;
      throw error;
    }
  }

  return {
    info: (id: BotId) => supervisor.getProcessInfo(programName(id)),

    /**
     * Makes supervisord's view of the program match its file. A changed program is swapped
     * only while its process is down; a running bot is never restarted by a sync.
     * @returns false when the change must wait for the process to stop.
     */
    sync(id: BotId): Promise<boolean> {
      const name = programName(id);
      return serial(async () => {
        const changes = await supervisor.reloadConfig();
        for (const removed of changes.removed) {
          const info = await supervisor.getProcessInfo(removed);
          if (!isAlive(info)) await ignoreFault(supervisor.removeProcessGroup(removed), BAD_NAME);
        }
        for (const added of changes.added) {
          await ignoreFault(supervisor.addProcessGroup(added), ALREADY_ADDED);
        }
        if (!changes.changed.includes(name)) return true;
        if (isAlive(await supervisor.getProcessInfo(name))) return false;
        await ignoreFault(supervisor.removeProcessGroup(name), BAD_NAME);
        await supervisor.addProcessGroup(name);
        return true;
      });
    },

    async start(id: BotId): Promise<void> {
      await ignoreFault(
        supervisor.startProcess(`${programName(id)}:${programName(id)}`, false),
        ALREADY_STARTED,
      );
    },

    async stop(id: BotId, wait = false): Promise<void> {
      await ignoreFault(
        supervisor.stopProcess(`${programName(id)}:${programName(id)}`, wait),
        NOT_RUNNING,
        BAD_NAME,
      );
    },

    /** After the program file was removed: supervisord forgets the program. */
    remove(id: BotId): Promise<void> {
      return serial(async () => {
        const changes = await supervisor.reloadConfig();
        const names = new Set([...changes.removed, programName(id)]);
        for (const name of names) {
          if (isAlive(await supervisor.getProcessInfo(name))) continue;
          await ignoreFault(supervisor.removeProcessGroup(name), BAD_NAME);
        }
      });
    },

    tailLog: (id: BotId, bytes = 2000) => supervisor.tailLog(programName(id), bytes),
  };
}

export type BotProcess = ReturnType<typeof createBotProcess>;
