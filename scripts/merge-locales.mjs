// Temporary (issue 11 work in progress): merges i18n-parts/<lang>/*.json into public/_locales/<lang>/messages.json.
// A part maps ids to a message ("text with $name$") or to { message, description }. Placeholders are declared
// for the browser ($name$ -> $1, $2… in order of first use). Refuses duplicates and ids the browser would reject.
import { readdirSync, readFileSync, writeFileSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
let failed = false;
for (const lang of ['en', 'fr']) {
  const dir = join(root, 'i18n-parts', lang);
  const out = {};
  const owner = new Map();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    let part;
    try { part = JSON.parse(readFileSync(join(dir, file), 'utf8')); } catch (e) { console.error(`${lang}/${file}: ${e.message}`); failed = true; continue; }
    for (const [id, v] of Object.entries(part)) {
      const entry = typeof v === 'string' ? { message: v } : v;
      if (!/^[A-Za-z0-9_@]+$/.test(id)) { console.error(`${lang}/${file}: bad id ${id}`); failed = true; continue; }
      const low = id.toLowerCase();
      if (owner.has(low)) { console.error(`${lang}: ${id} in ${file} and ${owner.get(low)}`); failed = true; continue; }
      owner.set(low, file);
      if (typeof entry.message !== 'string') { console.error(`${lang}/${file}: ${id} has no message`); failed = true; continue; }
      const names = [];
      for (const match of entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)) {
        const n = match[1].toLowerCase();
        if (!names.includes(n)) names.push(n);
      }
      const o = { message: entry.message };
      if (entry.description) o.description = entry.description;
      if (names.length) o.placeholders = Object.fromEntries(names.map((n, i) => [n, { content: `$${i + 1}` }]));
      out[id] = o;
    }
  }
  const sorted = Object.fromEntries(Object.keys(out).sort().map((k) => [k, out[k]]));
  const target = join(root, 'public', '_locales', lang);
  mkdirSync(target, { recursive: true });
  const tmp = join(target, `messages.json.${process.pid}.tmp`);
  writeFileSync(tmp, JSON.stringify(sorted, null, 2) + '\n');
  renameSync(tmp, join(target, 'messages.json'));
  console.log(`${lang}: ${Object.keys(sorted).length} messages`);
}
process.exit(failed ? 1 : 0);
