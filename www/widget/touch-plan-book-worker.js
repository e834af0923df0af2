// The module Web Worker of <touch-plan-book>: plans a manager's book off the
// page's main thread, so the host page never freezes.
//
//   new Worker(new URL('./touch-plan-book-worker.js', import.meta.url), { type: 'module' })
//
// In: `{ input }` (a `BookInput`). Out, in this order: `{ type: 'progress',
// done, total }` before planning and after each step (counts of clients),
// then `{ type: 'book-part', json }` for each slice of the clients (a JSON
// array, about PART_CHARS of text each) and `{ type: 'book', json, parts }`
// (the rest of the `Book` as JSON text, its `clients` left out) or `{ type: 'error', error }` (the
// TouchPlanError's name, code, path, message and errors). A step is one
// manager's clients (touch-plan-book-chunks.js): levelling needs a
// manager's whole book and `planBook` reports nothing while it runs. The
// element cancels by terminating the worker. Allowed by `worker-src 'self'`;
// the wasm needs `script-src 'wasm-unsafe-eval'` as on the page. It loads
// the book's wasm part alone (pkg/touchplan_book_bg.wasm, issue 18): that
// part plans each client itself, so the planning part is never fetched.

import { __loadBook, planBook } from '../api.js';
import { bookSteps, mergeBooks, stepInput } from './touch-plan-book-chunks.js';

let ready = null;

// The book crosses as JSON text: a string is copied whole, while the
// structured clone of the object graph is rebuilt value by value on the
// page's main thread (1.9 s for 1,000 clients on this machine, against a
// JSON.parse several times quicker). Its clients go in slices, each its
// own message, so that the page parses each in its own task: one text of
// 1,000 clients (20 MB) took one main-thread task of 951 ms.
const PART_CHARS = 100_000;

function postBook(book) {
  const { clients, ...rest } = book;
  let part = [];
  let chars = 0;
  let parts = 0;
  const flush = () => {
    self.postMessage({ type: 'book-part', json: `[${part.join(',')}]` });
    parts += 1;
    part = [];
    chars = 0;
  };
  for (const c of clients) {
    const text = JSON.stringify(c);
    part.push(text);
    chars += text.length;
    if (chars >= PART_CHARS) flush();
  }
  if (part.length) flush();
  self.postMessage({ type: 'book', json: JSON.stringify(rest), parts });
}

self.addEventListener('message', async (event) => {
  const input = event.data?.input;
  try {
    ready ??= __loadBook().catch((e) => {
      ready = null;
      throw e;
    });
    await ready;
    const steps = input && typeof input === 'object' ? bookSteps(input.clients) : null;
    if (steps === null || steps.length <= 1) {
      const total = Array.isArray(input?.clients) ? input.clients.length : 0;
      self.postMessage({ type: 'progress', done: 0, total, step: 0, steps: 1 });
      const book = planBook(input);
      self.postMessage({ type: 'progress', done: total, total, step: 1, steps: 1 });
      postBook(book);
      return;
    }
    const total = input.clients.length;
    const parts = [];
    let done = 0;
    self.postMessage({ type: 'progress', done, total, step: 0, steps: steps.length });
    for (const step of steps) {
      parts.push(planBook(stepInput(input, step)));
      done += step.indices.length;
      self.postMessage({ type: 'progress', done, total, step: parts.length, steps: steps.length });
    }
    postBook(mergeBooks(total, steps, parts));
  } catch (e) {
    self.postMessage({
      type: 'error',
      error: { name: e?.name ?? 'Error', code: e?.code ?? 'internal', path: e?.path ?? '', message: String(e?.message ?? e), errors: e?.errors ?? [] },
    });
  }
});
