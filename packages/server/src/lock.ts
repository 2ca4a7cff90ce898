import fs from 'node:fs';
import path from 'node:path';

/**
 * One server per embedded data directory: PGlite corrupts its files if two processes open them. The lock is a
 * file holding the owner's PID, created exclusively; a lock left by a process that no longer runs is taken over,
 * so a crash does not block the next start. (A directory-mtime lock such as proper-lockfile would make a restart
 * right after a crash wait for the lock to go stale.)
 */
export class DataDirLockedError extends Error {
  constructor(readonly lockFile: string, readonly ownerPid: number) {
    super(
      `The data directory is in use by another Yunzheng process (PID ${ownerPid}). ` +
        `Stop that process first, or start with another DATA_DIR. Lock file: ${lockFile}`,
    );
    this.name = 'DataDirLockedError';
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface DataDirLock {
  release(): void;
}

export function lockDataDir(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, 'yunzheng.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return {
        release() {
          try {
            if (fs.readFileSync(lockFile, 'utf8') === String(process.pid)) fs.unlinkSync(lockFile);
          } catch {
            // already gone
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const ownerPid = Number(fs.readFileSync(lockFile, 'utf8'));
      if (Number.isInteger(ownerPid) && ownerPid > 0 && ownerPid !== process.pid && isRunning(ownerPid)) {
        throw new DataDirLockedError(lockFile, ownerPid);
      }
      fs.rmSync(lockFile, { force: true }); // stale: its owner is gone
    }
  }
  throw new Error(`could not lock ${lockFile}`);
}
