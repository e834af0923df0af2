// Windows-1251 bytes of a string, as Russian Excel saves a CSV: for the
// import tests (Node has a windows-1251 decoder but no encoder).
const EXTRA = { Ё: 0xa8, ё: 0xb8, '№': 0xb9, '«': 0xab, '»': 0xbb, '—': 0x97, '–': 0x96, '\u00a0': 0xa0 };

export function cp1251(text) {
  const out = [];
  for (const ch of text) {
    const code = ch.codePointAt(0);
    if (code < 0x80) out.push(code);
    else if (code >= 0x410 && code <= 0x44f) out.push(code - 0x410 + 0xc0);
    else if (ch in EXTRA) out.push(EXTRA[ch]);
    else throw new Error(`cp1251: no byte for ${JSON.stringify(ch)}`);
  }
  return Buffer.from(out);
}
