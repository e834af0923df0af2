// The demo's data: a generated book of 50 clients, two managers, one client
// with a broken order date (it fails alone), fed to <touch-plan-book>.
import { sampleBook } from './book-sample.js';

const params = new URLSearchParams(location.search);
const n = Math.min(Math.max(Number(params.get('n')) || 50, 1), 5000);
const book = sampleBook({ n, bad: [7] });
const element = document.getElementById('book');
// `?capacity=8` shows a crowded book: days over capacity and what moved.
const capacity = Number(params.get('capacity'));
if (Number.isInteger(capacity) && capacity > 0) element.settings = { managerDailyCapacity: capacity };
element.clients = book.clients;

const picked = document.getElementById('picked');
element.addEventListener('touchplan-select', (e) => {
  const { client, touch } = e.detail;
  picked.textContent = `touchplan-select: ${client.name ?? client.id} — ${touch.date}, ${touch.reasons[0]?.title ?? ''}`;
});
