// The «Книга клиентов» import: bytes of a CSV export → text (UTF-8, with or
// without BOM, or Windows-1251 as Russian Excel saves it) → rows with the
// line each starts on (Papa Parse: quotes, doubled quotes, line breaks in
// quotes) → clients and the rows that cannot be read (csv-fields.js).
// Nothing here touches the DOM or the network; Node runs it as it is.

import Papa from '../vendor/papaparse.js';
import { guessMapping, readRow } from './csv-fields.js';

export { FIELDS, TEMPLATE_HEADERS, fieldLabel, guessMapping, rowErrorText } from './csv-fields.js';

/** The encodings offered; `auto` is `decodeBytes`' own guess. */
export const ENCODINGS = ['utf-8', 'windows-1251'];

/**
 * Text from a file's bytes. `encoding` `auto` (default): UTF-16 or UTF-8
 * by a BOM; else UTF-8 when the bytes are valid UTF-8, else Windows-1251
 * (Excel's «CSV (разделители — запятые)» on a Russian Windows).
 * @param {ArrayBuffer|Uint8Array} bytes
 * @param {'auto'|'utf-8'|'windows-1251'} [encoding]
 * @returns {{ text: string, encoding: string }}
 */
export function decodeBytes(bytes, encoding = 'auto') {
  const b = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (encoding !== 'auto') return { text: new TextDecoder(encoding).decode(b), encoding };
  if (b[0] === 0xff && b[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(b), encoding: 'utf-16le' };
  if (b[0] === 0xfe && b[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(b), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(b), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1251').decode(b), encoding: 'windows-1251' };
  }
}

/** The delimiter of the header line: the most frequent of `;`, `,`, tab outside quotes (`;` on a tie, as Russian Excel writes). */
export function detectDelimiter(text) {
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch] += 1;
  }
  return Object.keys(counts).reduce((best, d) => (counts[d] > counts[best] ? d : best), ';');
}

/**
 * Splits CSV text into a header and data rows, each with the line of the
 * file it starts on (a quoted line break makes a row span lines).
 * @param {string} text
 * @param {{ delimiter?: string }} [options] default `detectDelimiter`
 * @returns {{ delimiter: string, headers: string[], headerLine: number,
 *   rows: { line: number, cells: string[] }[], errors: { line: number, field: string, code: string }[] }}
 */
export function parseCsv(text, { delimiter } = {}) {
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const sep = delimiter || detectDelimiter(source);
  const records = [];
  const errors = [];
  let start = 0;
  let line = 1;
  Papa.parse(source, {
    delimiter: sep,
    quoteChar: '"',
    skipEmptyLines: false,
    step(result) {
      if (result.errors.some((e) => e.code === 'MissingQuotes')) {
        errors.push({ line, field: 'file', code: 'quotes' });
      } else {
        records.push({ line, cells: result.data });
      }
      const end = result.meta.cursor;
      for (let i = start; i < end; i++) if (source.charCodeAt(i) === 10) line += 1;
      start = end;
    },
  });
  const first = records.findIndex((r) => r.cells.some((c) => c.trim() !== ''));
  if (first < 0) return { delimiter: sep, headers: [], headerLine: 0, rows: [], errors };
  return {
    delimiter: sep,
    headers: records[first].cells.map((c) => c.trim()),
    headerLine: records[first].line,
    rows: records.slice(first + 1),
    errors,
  };
}

/**
 * Reads the rows into clients by `mapping` (field → column index). Blank
 * rows are passed over; a row that cannot be read is reported by its line
 * with every reason, and the rest are read.
 * @param {{ rows: { line: number, cells: string[] }[], errors?: object[] }} parsed
 * @param {Record<string, number>} mapping
 * @returns {{ clients: object[], errors: { line: number, field: string, code: string, value?: string }[],
 *   imported: number, skipped: number, lines: number[] }}
 *   `lines`: the file line of each client.
 */
export function readClients(parsed, mapping) {
  const clients = [];
  const lines = [];
  const errors = [...(parsed.errors ?? [])];
  let skipped = errors.length;
  const ids = new Set();
  for (const { line, cells } of parsed.rows) {
    const row = readRow(cells, mapping, line);
    if (row.empty) continue;
    if (row.client && ids.has(row.client.id)) row.errors.push({ field: 'id', code: 'duplicate_id', value: row.client.id });
    if (row.errors.length) {
      skipped += 1;
      for (const e of row.errors) errors.push({ line, ...e });
      continue;
    }
    ids.add(row.client.id);
    clients.push(row.client);
    lines.push(line);
  }
  errors.sort((a, b) => a.line - b.line);
  return { clients, errors, imported: clients.length, skipped, lines };
}

/** The whole import in one call: bytes or text → parsed file, the guessed mapping, and the clients. */
export function importCsv(input, { encoding = 'auto', delimiter, mapping } = {}) {
  const decoded = typeof input === 'string' ? { text: input, encoding: 'text' } : decodeBytes(input, encoding);
  const parsed = parseCsv(decoded.text, { delimiter });
  const map = mapping ?? guessMapping(parsed.headers);
  return { encoding: decoded.encoding, parsed, mapping: map, ...readClients(parsed, map) };
}
