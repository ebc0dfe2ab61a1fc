/**
 * Replacing a file without ever leaving half of it: the bytes go to a temporary file beside the
 * target, are synced to disk, then renamed over it. A symbolic link is followed (its target is
 * updated, the link stays), a read-only file is refused, mode and owner are kept, and the
 * temporary file is removed whatever fails.
 */
import { constants } from 'node:fs';
import { access, lstat, open, readlink, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/** A file the user asked not to be changed. */
export class ReadOnlyError extends Error {
  constructor(readonly path: string) {
    super(`Le fichier ${path} est en lecture seule : retirez la protection en écriture (propriétés du fichier) ou enregistrez sous un autre nom.`);
  }
}

/** The file a path designates once symbolic links are followed (the path itself when it does not exist yet). */
async function targetOf(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    // A dangling link: write where it points.
    const link = await lstat(path).catch(() => undefined);
    if (link?.isSymbolicLink()) return resolve(dirname(path), await readlink(path));
    return path;
  }
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}

export async function writeFileSafely(path: string, bytes: Uint8Array): Promise<void> {
  const target = await targetOf(path);
  const existing = await stat(target).catch(() => undefined);
  if (existing) {
    // Mode bits first: an administrator passes access() on any file, yet a read-only file stays a refusal.
    const writable = (existing.mode & 0o222) !== 0 && (await access(target, constants.W_OK).then(() => true, () => false));
    if (!writable) throw new ReadOnlyError(path);
  }
  const temporary = join(dirname(target), `.~${basename(target)}.${process.pid}.tmp`);
  const mode = existing ? existing.mode & 0o7777 : 0o666;
  try {
    const handle = await open(temporary, 'wx', mode);
    try {
      await handle.writeFile(bytes);
      if (existing) {
        await handle.chmod(mode);
        // Only an administrator may give a file away; otherwise the owner is already the user.
        if (existing.uid !== process.getuid?.() || existing.gid !== process.getgid?.()) await handle.chown(existing.uid, existing.gid).catch(() => undefined);
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await syncDirectory(dirname(target));
}
