import { readdir, rm } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RawMailEraser } from '../../domain/privacy/erasure-ports';
import type { LocalMailFolder } from './local-mail-folder';

// The EmlFileMailer's ids: `<uuid@outbox.local>`, the uuid ending the file's name.
const OUTBOX_ID = /^<?([0-9a-f-]{36})@outbox\.local>?$/i;

async function remove(path: string): Promise<boolean> {
  try {
    await rm(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** The local bucket folder's eraser: only files inside that folder are ever deleted. */
export class LocalMailEraser implements RawMailEraser {
  constructor(private readonly folder: LocalMailFolder) {}

  async eraseReceived(rawRef: string): Promise<boolean> {
    if (!rawRef.startsWith('file://')) return false;
    const path = fileURLToPath(rawRef);
    const inside = relative(this.folder.root, path);
    // A ref is data: one pointing outside the mail folder is never followed.
    if (inside.startsWith('..') || inside.startsWith(sep) || inside === '') return false;
    const name = basename(path);
    const quarantined = join(this.folder.quarantined, name);
    const gone = await Promise.all([remove(path), remove(quarantined), remove(`${quarantined}.reason.txt`)]);
    return gone[0] || gone[1];
  }

  async eraseSent(messageIds: readonly string[]): Promise<number> {
    const ids = messageIds.flatMap((id) => OUTBOX_ID.exec(id.trim())?.[1]?.toLowerCase() ?? []);
    if (ids.length === 0) return 0;
    let names: string[];
    try {
      names = await readdir(this.folder.outbox);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw error;
    }
    let erased = 0;
    for (const name of names)
      if (ids.some((id) => name.toLowerCase().endsWith(`-${id}.eml`)))
        if (await remove(join(this.folder.outbox, name))) erased++;
    return erased;
  }
}
