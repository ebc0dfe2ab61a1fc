/** Worker thread of the consolidation: reads one workbook per message and answers with its digest or the reason it was not read. */
import { parentPort } from 'node:worker_threads';
import { readWorkbook } from '../workbook';
import { digest } from './regional';
import type { FileAnswer, FileRequest } from './isolation';

parentPort?.on('message', (request: FileRequest) => {
  void readWorkbook(request.file).then(
    (loaded): FileAnswer =>
      loaded.ok ? { id: request.id, ok: true, digest: digest(request.file, loaded.value.analysis, loaded.value.establishment) } : { id: request.id, ok: false, reason: loaded.reason },
    (error: unknown): FileAnswer => ({ id: request.id, ok: false, reason: `Erreur inattendue en lisant le classeur (${error instanceof Error ? error.message : String(error)}).` }),
  ).then((answer) => parentPort?.postMessage(answer));
});
