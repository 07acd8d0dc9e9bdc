// The files of each bot under `<data>/bots/<id>/`, written atomically (temp file, fsync, rename)
// so that a crash at any moment leaves either the old or the new file, never half of one.
import {
  closeSync,
  cpSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';

import type { BotId } from '../../domain/bot.js';

export interface BotPaths {
  dir: string;
  config: string;
  previousConfig: string;
  state: string;
  program: string;
  launch: string;
  userData: string;
  strategies: string;
  log: string;
}

export function botPaths(botsDir: string, id: BotId): BotPaths {
  const dir = path.join(botsDir, String(id));
  return {
    dir,
    config: path.join(dir, 'config.json'),
    previousConfig: path.join(dir, 'config.previous.json'),
    state: path.join(dir, 'state.json'),
    program: path.join(dir, 'supervisord.conf'),
    launch: path.join(dir, 'launch.json'),
    userData: path.join(dir, 'user_data'),
    strategies: path.join(dir, 'user_data', 'strategies'),
    log: path.join(dir, 'freqtrade.log'),
  };
}

/** Writes `content` to `file` so that readers see the old or the new file, never a mix. */
export function writeAtomic(file: string, content: string, mode = 0o600): void {
  const temp = `${file}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w', mode);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
  // The rename itself must survive a power cut too.
  const dirFd = openSync(path.dirname(file), 'r');
  try {
    fsyncSync(dirFd);
  } finally {
    closeSync(dirFd);
  }
}

export function createBotFiles(botsDir: string, archiveDir: string) {
  return {
    paths: (id: BotId) => botPaths(botsDir, id),

    /** Creates the folder layout Freqtrade's user_data_dir needs (mode 0700). */
    ensureLayout(id: BotId): BotPaths {
      const p = botPaths(botsDir, id);
      for (const dir of [p.dir, p.userData, p.strategies]) {
        mkdirSync(dir, { recursive: true, mode: 0o700 });
      }
      return p;
    },

    /** The new config becomes current; the one it replaces is kept as config.previous.json. */
    writeConfig(id: BotId, config: unknown): void {
      const p = botPaths(botsDir, id);
      const text = `${JSON.stringify(config, null, 2)}\n`;
      if (existsSync(p.config)) {
        const current = readFileSync(p.config, 'utf8');
        if (current === text) return;
        writeAtomic(p.previousConfig, current);
      }
      writeAtomic(p.config, text);
    },

    readConfig(id: BotId): unknown {
      const p = botPaths(botsDir, id);
      return existsSync(p.config) ? (JSON.parse(readFileSync(p.config, 'utf8')) as unknown) : null;
    },

    writeState(id: BotId, overlay: unknown): void {
      writeAtomic(botPaths(botsDir, id).state, `${JSON.stringify(overlay)}\n`);
    },

    writeLaunch(id: BotId, launch: unknown): void {
      writeAtomic(botPaths(botsDir, id).launch, `${JSON.stringify(launch, null, 2)}\n`);
    },

    writeProgram(id: BotId, text: string): boolean {
      const p = botPaths(botsDir, id);
      if (existsSync(p.program) && readFileSync(p.program, 'utf8') === text) return false;
      writeAtomic(p.program, text, 0o600);
      return true;
    },

    removeProgram(id: BotId): void {
      rmSync(botPaths(botsDir, id).program, { force: true });
    },

    /** Copies a strategy file (and nothing else) into the bot's own strategies folder. */
    installStrategy(id: BotId, sourceFile: string): string {
      const p = botPaths(botsDir, id);
      const target = path.join(p.strategies, path.basename(sourceFile));
      writeAtomic(target, readFileSync(sourceFile, 'utf8'), 0o600);
      return target;
    },

    /**
     * Moves a deleted bot's folder (its trade databases included) into the archive and returns
     * where it went; nothing is destroyed.
     */
    archive(id: BotId, now: number): string | null {
      const p = botPaths(botsDir, id);
      if (!existsSync(p.dir)) return null;
      mkdirSync(archiveDir, { recursive: true, mode: 0o700 });
      const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
      const target = path.join(archiveDir, `bot-${id}-${stamp}`);
      rmSync(p.program, { force: true });
      try {
        renameSync(p.dir, target);
      } catch {
        // Another file system (a bind-mounted backups folder): copy, then remove.
        cpSync(p.dir, target, { recursive: true });
        rmSync(p.dir, { recursive: true, force: true });
      }
      return target;
    },
  };
}

export type BotFiles = ReturnType<typeof createBotFiles>;
