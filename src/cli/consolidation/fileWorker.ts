/** Worker thread of the consolidation: reads one workbook per message and answers with its digest or the reason it was not read. */
import { getHeapStatistics } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { readWorkbook } from '../workbook';
import { digest } from './regional';
import type { FileAnswer, FileRequest } from './isolation';

/** Files are read one at a time, in the order they came: the main thread blames the first unanswered one if this worker dies. */
let queue = Promise.resolve();

function answer(request: FileRequest): Promise<void> {
  return readWorkbook(request.file)
    .then(
      (loaded) =>
        loaded.ok ? { id: request.id, ok: true as const, digest: digest(request.file, loaded.value.analysis, loaded.value.establishment) } : { id: request.id, ok: false as const, reason: loaded.reason },
      (error: unknown) => ({ id: request.id, ok: false as const, reason: `Erreur inattendue en lisant le classeur (${error instanceof Error ? error.message : String(error)}).` }),
    )
    .then((answered) => parentPort?.postMessage({ ...answered, heap: getHeapStatistics().total_heap_size } satisfies FileAnswer));
}

parentPort?.on('message', (request: FileRequest) => {
  queue = queue.then(() => answer(request));
});
