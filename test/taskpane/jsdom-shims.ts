/** Setup shared by the pane tests: browser APIs jsdom lacks, and time budgets for a loaded machine. */
import { configure } from '@testing-library/react';
import { TextDecoder, TextEncoder } from 'node:util';

/** Browser APIs Fluent UI calls that jsdom lacks; they only matter for layout, which jsdom does not do. */
class ResizeObserverShim {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

if (!('ResizeObserver' in window)) {
  Object.assign(window, { ResizeObserver: ResizeObserverShim });
}

// Browsers have them; jest's jsdom environment does not (the pane reads a picked .xlsx with them).
if (!('TextDecoder' in globalThis)) Object.assign(globalThis, { TextDecoder, TextEncoder });
if (!Blob.prototype.arrayBuffer) {
  Blob.prototype.arrayBuffer = function arrayBuffer(this: Blob): Promise<ArrayBuffer> {
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as ArrayBuffer);
      reader.onerror = () => reject(reader.error);
      reader.readAsArrayBuffer(this);
    });
  };
}

// Rendering Fluent UI in jsdom is real CPU work: the first dialog of a file takes 0.7 s on an idle
// 2-core machine and over 5 s when two other processes keep both cores busy. The tests wait for
// conditions (findBy…, waitFor); these are only the budgets after which a condition counts as never met.
configure({ asyncUtilTimeout: 20_000 });
jest.setTimeout(60_000);
