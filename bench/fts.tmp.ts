import Database from 'better-sqlite3';
import { planCatalogue } from './catalog/plan.js';
import { ftsQuery, parseQuery, stemText, words } from '../src/platform/search/text.js';
const db = new Database(':memory:');
db.exec(`CREATE VIRTUAL TABLE dataset_fts USING fts5(dataset_id UNINDEXED, title, tags, description, words, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4')`);
const plan = planCatalogue(100000);
const ins = db.prepare('INSERT INTO dataset_fts (rowid, dataset_id, title, tags, description, words) VALUES (?,?,?,?,?,?)');
const t0 = performance.now();
db.transaction(() => { plan.forEach((d, i) => { const t = d.input; ins.run(i + 1, t.slug, stemText(t.title), stemText((t.tags ?? []).join(' ')), stemText(t.description ?? ''), [...new Set(words(`${t.title} ${(t.tags??[]).join(' ')} ${t.description}`))].join(' ')); }); })();
console.log('built', performance.now() - t0);
for (const q of ['bus', 'housing', 'air quality', 'broadb', 'hous', 'recycling', 'bus punctuality by month']) {
  const m = ftsQuery(parseQuery(q)!);
  const a = db.prepare('SELECT rowid AS key, 0 AS score FROM dataset_fts WHERE dataset_fts MATCH ?');
  const b = db.prepare('SELECT rowid AS key, bm25(dataset_fts, 0, 10.0, 5.0, 2.0, 1.0) AS score FROM dataset_fts WHERE dataset_fts MATCH ?');
  for (const st of [a, b]) { st.all(m); const t = performance.now(); let n = 0; for (let i = 0; i < 5; i++) n = st.all(m).length; console.log(q, st === a ? 'plain' : 'bm25', n, ((performance.now() - t) / 5).toFixed(1)); }
}
export {};
