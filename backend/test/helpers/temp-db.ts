import path from 'node:path';

import { openDb, type OpenedDb } from '../../src/db/open-db.js';

import { makeTempDir } from './temp-dir.js';

export interface TempDb extends OpenedDb {
  dir: string;
  file: string;
  /** Closes the DB and removes its folder. */
  cleanup(): void;
}

/** A fresh SQLite file in its own temp folder, migrated with the real migrations. */
export function createTempDb(): TempDb {
  const dir = makeTempDir('spotdesk-db-');
  const file = path.join(dir.path, 'spotdesk.sqlite');
  const opened = openDb({ file, backupsDir: dir.path });
  return {
    ...opened,
    dir: dir.path,
    file,
    cleanup() {
      if (opened.sqlite.open) opened.close();
      dir.remove();
    },
  };
}
