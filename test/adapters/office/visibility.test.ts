/** @jest-environment jsdom */
import type { ChangeInfo } from '../../../src/workbook/port';
import { CARTO, initialisedWorkbook } from './helpers';

// A drop-down pick may fire no onChanged (https://github.com/OfficeDev/office-js/issues/3888,
// /4066, /420): the pane shown again is told to look at the workbook again.
it('reports the pane becoming visible again as a possible change, while someone listens', async () => {
  const { port } = await initialisedWorkbook();
  const changes: ChangeInfo[] = [];
  const stop = port.onCartographieChange((change) => changes.push(change));
  await port.listening();
  await port.readCartographie();
  const show = (state: DocumentVisibilityState) => {
    Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  };
  show('hidden');
  expect(changes).toEqual([]);
  show('visible');
  expect(changes).toEqual([{ sheet: CARTO, address: '' }]);
  stop();
  show('visible');
  expect(changes).toHaveLength(1);
});
