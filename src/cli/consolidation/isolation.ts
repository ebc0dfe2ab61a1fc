/**
 * Each workbook of a consolidation is read in a worker thread with its own memory budget: a file
 * that exhausts it, crashes or hangs ends only its worker. The file is listed with its reason, a
 * fresh worker takes the next one, and the batch goes on.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FileDigest } from './regional';

/** Heap a worker may use for one workbook (a 50,000-row cartographie needs about a quarter of it). */
export const WORKER_HEAP_MIB = 256;
/**
 * A worker whose heap has grown past this after a file is replaced, so that memory stays flat
 * however many files a batch holds (a big workbook leaves a big heap behind). Renewing it more
 * often would cost more: a fresh worker loads and compiles its code again.
 */
export const RENEW_HEAP_MIB = 64;
/** A workbook still not read after this long is abandoned (a normal one takes milliseconds). */
export const FILE_TIME_LIMIT_MS = 120_000;

export interface FileRequest {
  id: number;
  file: string;
}

/** `heap`: the worker's heap after the file, in bytes. */
export type FileAnswer = ({ id: number; ok: true; digest: FileDigest } | { id: number; ok: false; reason: string }) & { heap: number };
export type FileOutcome = { ok: true; digest: FileDigest } | { ok: false; reason: string };

/** The worker's code: compiled JavaScript when it exists, else the TypeScript source through tsx (development, tests). */
function workerSource(): string {
  const compiled = join(__dirname, 'fileWorker.js');
  if (existsSync(compiled)) return `require(${JSON.stringify(compiled)});`;
  return `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(join(__dirname, 'fileWorker.ts'))});`;
}

const OUT_OF_MEMORY = `Le classeur demande plus de ${WORKER_HEAP_MIB} Mio de mémoire pour être lu : il contient sans doute des cellules ou des feuilles parasites. Ouvrez-le dans Excel, supprimez ce qui est inutile, enregistrez-le puis recommencez.`;
const TOO_LONG = `La lecture du classeur dépasse ${FILE_TIME_LIMIT_MS / 1000} s : il est sans doute endommagé ou anormalement volumineux. Ouvrez-le dans Excel, enregistrez-le à nouveau puis recommencez.`;

/** Files handed to a worker ahead of the one it reads, so that it never waits for the main thread (busy loading or writing). */
const AHEAD = 1;

interface Pending {
  id: number;
  file: string;
  resolve: (outcome: FileOutcome) => void;
}

/**
 * One worker reading files one after the other, in the order they were given; replaced when a
 * file kills it (the file it was reading gets the reason, the files queued behind go to the next worker).
 */
class Reader {
  private worker: Worker | null = null;
  /** Files sent to the worker and not answered yet, the one it is reading first. */
  private pending: Pending[] = [];
  private timer: NodeJS.Timeout | undefined;
  private nextId = 0;
  private heap = 0;
  private drained: (() => void)[] = [];

  private start(): Worker {
    const worker = new Worker(workerSource(), {
      eval: true,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MIB, maxYoungGenerationSizeMb: 16 },
      stdout: true,
      stderr: true,
    });
    worker.on('message', (answer: FileAnswer) => {
      if (this.worker !== worker || this.pending[0]?.id !== answer.id) return;
      this.heap = answer.heap;
      this.settle(answer.ok ? { ok: true, digest: answer.digest } : { ok: false, reason: answer.reason });
    });
    worker.on('error', (error: Error & { code?: string }) => {
      this.fail(worker, error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? OUT_OF_MEMORY : `Erreur inattendue en lisant le classeur (${error.message}).`);
    });
    worker.on('exit', () => this.fail(worker, OUT_OF_MEMORY));
    this.worker = worker;
    this.heap = 0;
    return worker;
  }

  /** The file being read gets its outcome; the time limit starts again for the next one. */
  private settle(outcome: FileOutcome): void {
    clearTimeout(this.timer);
    const done = this.pending.shift();
    this.armTimer();
    done?.resolve(outcome);
    if (this.pending.length === 0) for (const resolve of this.drained.splice(0)) resolve();
  }

  private armTimer(): void {
    const worker = this.worker;
    if (worker && this.pending.length > 0) this.timer = setTimeout(() => this.fail(worker, TOO_LONG), FILE_TIME_LIMIT_MS);
  }

  /** The worker died or must die: the file it was reading gets `reason`, the files queued behind it a new worker. */
  private fail(worker: Worker, reason: string): void {
    if (this.worker !== worker) return;
    this.worker = null;
    void worker.terminate();
    const queued = this.pending.slice(1);
    if (queued.length > 0) {
      const next = this.start();
      for (const request of queued) next.postMessage({ id: request.id, file: request.file } satisfies FileRequest);
    }
    this.settle({ ok: false, reason });
  }

  async read(file: string): Promise<FileOutcome> {
    if (this.heap > RENEW_HEAP_MIB * 1024 * 1024) {
      // Renewed between two files only: those queued are read by the worker they were sent to.
      if (this.pending.length > 0) await new Promise<void>((resolve) => this.drained.push(resolve));
      if (this.heap > RENEW_HEAP_MIB * 1024 * 1024) void this.close();
    }
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.push({ id, file, resolve });
      if (this.pending.length === 1) this.armTimer();
      worker.postMessage({ id, file } satisfies FileRequest);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.heap = 0;
    if (worker) await worker.terminate();
  }
}

/**
 * Reads `files` with `parallel` workers; `onResult` receives each outcome in the files' order.
 */
export async function readIsolated(
  files: string[],
  onResult: (file: string, outcome: FileOutcome) => void,
  parallel: number,
): Promise<void> {
  const readers = Array.from({ length: Math.max(1, Math.min(parallel, files.length)) }, () => new Reader());
  const outcomes: (FileOutcome | undefined)[] = [];
  let next = 0;
  let delivered = 0;
  const deliver = () => {
    while (delivered < files.length && outcomes[delivered]) {
      onResult(files[delivered], outcomes[delivered] as FileOutcome);
      outcomes[delivered] = undefined;
      delivered++;
    }
  };
  // Each reader is fed by 1 + AHEAD loops: while one waits for its file, the others' are queued in the worker.
  const feed = async (reader: Reader) => {
    while (next < files.length) {
      const index = next++;
      outcomes[index] = await reader.read(files[index]);
      deliver();
    }
  };
  try {
    await Promise.all(readers.flatMap((reader) => Array.from({ length: 1 + AHEAD }, () => feed(reader))));
  } finally {
    await Promise.all(readers.map((reader) => reader.close()));
  }
}
