// The store's files are the watcher's alone: notices quote integration errors and the runs hold
// what Neo returned. The folder (when the watcher creates it) is 0700, the database and the files
// SQLite keeps beside it (-wal, -shm; SQLite gives them the database's mode) and the lock file 0600.
import fs from 'node:fs';
import path from 'node:path';

const OWNER_ONLY_FILE = 0o600;
const OWNER_ONLY_DIR = 0o700;
const SIDE_FILES = ['-wal', '-shm', '-journal', '-lock'];

/**
 * Creates an owner-only file if it is missing, and takes group and other bits off one that exists.
 * An existing file is never opened here: closing any descriptor of a file drops every POSIX lock
 * this process holds on it, SQLite's included.
 */
export function ownerOnlyFile(file: string): void {
  try {
    fs.closeSync(fs.openSync(file, 'wx', OWNER_ONLY_FILE));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const { mode } = fs.statSync(file);
  if ((mode & 0o077) !== 0) fs.chmodSync(file, mode & OWNER_ONLY_DIR);
}

/**
 * Makes the database's folder (0700, only when it is missing: an existing folder is not ours to
 * change) and the database file (0600), and tightens side files an older watcher left readable.
 */
export function prepareStoreFiles(file: string): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true, mode: OWNER_ONLY_DIR });
  ownerOnlyFile(file);
  for (const suffix of SIDE_FILES) {
    const side = file + suffix;
    if (fs.existsSync(side)) ownerOnlyFile(side);
  }
}
