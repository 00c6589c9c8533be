#!/usr/bin/env node
// Extract an OpenAI + Anthropic price table from the npm package @pydantic/genai-prices.
//
// Usage:
//   node extract_genai_prices.mjs <unpacked-package-dir> <out-dir> [--as-of YYYY-MM-DD] [--published ISO]
//
//   <unpacked-package-dir>  the "package/" folder of `npm pack @pydantic/genai-prices@X` after `tar xzf`
//   --as-of      date used to pick the price set in force (models with dated price changes); default: today (UTC)
//   --published  publish time of the package version; default: asked from the registry with `npm view`
//
// Writes into <out-dir>:
//   genai-prices-openai-anthropic.csv   one row per in-scope model (chat / embedding), prices in USD per 1M tokens
//   genai-prices-openai-anthropic.json  metadata + every OpenAI/Anthropic model (all kinds), ordered match rules,
//                                       full price history and long-context tiers
//   selfcheck.txt                       every CSV figure re-derived through the package's own calcPrice()
//
// Only the package's public exports (findProvider, calcPrice) are used; no network access except `npm view`.

import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
if (args.length < 2) {
  console.error('usage: node extract_genai_prices.mjs <unpacked-package-dir> <out-dir> [--as-of YYYY-MM-DD] [--published ISO]');
  process.exit(2);
}
const pkgDir = path.resolve(args[0]);
const outDir = path.resolve(args[1]);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const asOf = opt('--as-of') ?? new Date().toISOString().slice(0, 10);
if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error(`bad --as-of ${asOf}`);
const asOfDate = new Date(`${asOf}T00:00:00Z`);

const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
const licenseText = fs.readFileSync(path.join(pkgDir, 'LICENSE'), 'utf8');
const copyrightLine = licenseText.split('\n').find((l) => /copyright/i.test(l))?.trim() ?? null;
const mod = await import(pathToFileURL(path.join(pkgDir, 'dist', 'index.js')).href);
const { findProvider, calcPrice } = mod;

function npmView(spec, field) {
  try {
    return JSON.parse(execFileSync('npm', ['view', spec, field, '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  } catch {
    return null;
  }
}
const spec = `${pkg.name}@${pkg.version}`;
const timeMap = opt('--published') ? null : npmView(spec, 'time');
const published = opt('--published') ?? (timeMap ? timeMap[pkg.version] : null);
const dist = npmView(spec, 'dist');

// ---------------------------------------------------------------- helpers
const TOKEN_KEYS = {
  input: 'input_mtok',
  cache_read: 'cache_read_mtok',
  cache_write: 'cache_write_mtok', // default cache write; Anthropic: the 5-minute TTL write
  cache_write_5m: 'cache_write_5m_mtok', // not used by openai/anthropic in current data, kept for completeness
  cache_write_1h: 'cache_write_1h_mtok',
  output: 'output_mtok',
  reasoning: 'output_reasoning_mtok', // no openai/anthropic model prices it separately: reasoning is billed as output
};
const KNOWN = new Set(Object.values(TOKEN_KEYS));

function walkMatch(m, equals, patterns) {
  if ('or' in m) m.or.forEach((x) => walkMatch(x, equals, patterns));
  else if ('and' in m) patterns.push(`and(${JSON.stringify(m.and)})`);
  else if ('equals' in m) equals.push(m.equals);
  else for (const k of ['starts_with', 'ends_with', 'contains', 'regex']) if (k in m) patterns.push(`${k}:${m[k]}`);
}

function priceSets(model) {
  if (!Array.isArray(model.prices)) return [{ effective_from: null, constraint: null, prices: model.prices }];
  return model.prices.map((p) => ({
    effective_from: p.constraint?.type === 'start_date' ? p.constraint.start_date : null,
    constraint: p.constraint ?? null,
    prices: p.prices,
  }));
}
// same rule as the package: the last set whose start_date <= timestamp, else the first one
function currentSet(sets) {
  for (let i = sets.length - 1; i >= 0; i--) {
    const c = sets[i].constraint;
    if (!c) return sets[i];
    if (c.type === 'start_date' && asOfDate >= new Date(c.start_date)) return sets[i];
    if (c.type === 'time_of_date') throw new Error('time_of_date constraints are not expected for openai/anthropic');
  }
  return sets[0];
}
const base = (v) => (v === undefined ? null : typeof v === 'number' ? v : v.base);
const tiers = (v) => (v && typeof v === 'object' ? v.tiers : null);

function classify(provider, id) {
  if (provider === 'anthropic') return 'chat';
  if (id.startsWith('text-embedding')) return 'embedding';
  if (id === 'moderation') return 'moderation';
  if (/transcribe|tts|whisper/.test(id)) return 'audio-transcription-tts';
  if (/^gpt-image/.test(id)) return 'image-generation';
  if (/realtime/.test(id)) return 'realtime';
  if (/audio/.test(id)) return 'chat-audio';
  if (['ada', 'babbage', 'curie', 'davinci', 'text-davinci-002', 'text-davinci-003', 'gpt-3.5-turbo-instruct'].includes(id))
    return 'legacy-completion';
  if (id.startsWith('ft:') || id.includes('.ft-')) return 'chat-finetuned';
  return 'chat';
}
// the package's matcher (case-insensitive except regex), used to tell whether an id matches its own rule
function matches(m, t) {
  t = t.toLowerCase();
  if ('or' in m) return m.or.some((x) => matches(x, t));
  if ('and' in m) return m.and.every((x) => matches(x, t));
  if ('equals' in m) return t === m.equals.toLowerCase();
  if ('starts_with' in m) return t.startsWith(m.starts_with.toLowerCase());
  if ('ends_with' in m) return t.endsWith(m.ends_with.toLowerCase());
  if ('contains' in m) return t.includes(m.contains.toLowerCase());
  if ('regex' in m) return new RegExp(m.regex).test(t);
  return false;
}
const IN_SCOPE = new Set(['chat', 'chat-audio', 'chat-finetuned', 'embedding']);

// ---------------------------------------------------------------- extract
const providers = [];
const rows = [];
const checks = [];
let checkFailures = 0;

for (const pid of ['openai', 'anthropic']) {
  const p = findProvider({ providerId: pid });
  if (!p) throw new Error(`provider ${pid} not found`);
  const models = [];
  p.models.forEach((m, order) => {
    const equals = [];
    const patterns = [];
    walkMatch(m.match, equals, patterns);
    const aliases = [...new Set(equals.filter((e) => e.toLowerCase() !== m.id.toLowerCase()))];
    const sets = priceSets(m);
    const cur = currentSet(sets);
    const pr = cur.prices;
    const other = Object.fromEntries(Object.entries(pr).filter(([k]) => !KNOWN.has(k)));
    const tierInfo = {};
    let threshold = null;
    for (const [name, key] of Object.entries(TOKEN_KEYS)) {
      const t = tiers(pr[key]);
      if (t) {
        if (t.length !== 1) throw new Error(`${m.id}: ${t.length} tiers on ${key} (only 1 supported in CSV)`);
        if (threshold !== null && threshold !== t[0].start) throw new Error(`${m.id}: mixed tier thresholds`);
        threshold = t[0].start;
        tierInfo[name] = t[0].price;
      }
    }
    const kind = classify(pid, m.id);
    const entry = {
      provider: pid,
      match_order: order,
      id: m.id,
      name: m.name ?? null,
      kind,
      in_scope: IN_SCOPE.has(kind),
      id_matches_own_rule: matches(m.match, m.id),
      deprecated: m.deprecated ?? false,
      context_window: m.context_window ?? null,
      aliases,
      match_patterns: patterns,
      match: m.match,
      current_price_set_effective_from: cur.effective_from,
      current_usd_per_mtok: Object.fromEntries(Object.entries(TOKEN_KEYS).map(([n, k]) => [n, base(pr[k])])),
      long_context: threshold === null ? null : { applies_when_input_tokens_greater_than: threshold, usd_per_mtok: tierInfo },
      other_current_prices: other,
      price_history: sets.map((s) => ({ effective_from: s.effective_from, prices: s.prices })),
      price_comments: m.price_comments ?? null,
    };
    models.push(entry);
    if (entry.in_scope) rows.push(entry);

    // ---- self-check through the package's own calculator (100k tokens stays below every long-context tier)
    if (entry.in_scope) {
      const N = 100_000;
      const c = entry.current_usd_per_mtok;
      const opts = { providerId: pid, timestamp: asOfDate };
      const expectInput = c.input ?? 0;
      const cases = [
        ['input', { input_tokens: N }, expectInput],
        ['cache_read', { input_tokens: N, cache_read_tokens: N }, c.cache_read ?? expectInput],
        ['cache_write', { input_tokens: N, cache_write_tokens: N }, c.cache_write ?? expectInput],
        ['output', { input_tokens: 0, output_tokens: N }, c.output ?? 0],
        ['reasoning(as part of output)', { input_tokens: 0, output_tokens: N, output_reasoning_tokens: N / 2 }, c.output ?? 0],
      ];
      // names that must resolve to this model: the id (when it matches its own rule), every alias,
      // and a sample name for every starts_with rule (catches shadowing by an earlier rule)
      const samples = patterns.filter((x) => x.startsWith('starts_with:')).map((x) => x.slice('starts_with:'.length) + 'zz-sample');
      const names = [...(entry.id_matches_own_rule ? [m.id] : []), ...aliases, ...samples];
      const calcName = names[0];
      entry.sample_resolvable_name = calcName;
      for (const nm of names) {
        let r;
        try {
          r = calcPrice({ input_tokens: N }, nm, opts);
        } catch (e) {
          r = { error: String(e) };
        }
        if (!r || r.error || r.model?.id !== m.id) {
          checkFailures++;
          checks.push(`FAIL resolve ${pid}:${nm} -> ${r?.model?.id ?? r?.error ?? 'null'} (expected ${m.id})`);
        }
      }
      for (const [label, usage, perMtok] of cases) {
        let got;
        try {
          got = calcPrice(usage, calcName, opts)?.total_price;
        } catch (e) {
          got = `error ${e}`;
        }
        const want = (perMtok * N) / 1e6;
        const ok = typeof got === 'number' && Math.abs(got - want) <= 1e-9 * Math.max(1, want);
        if (!ok) {
          checkFailures++;
          checks.push(`FAIL ${pid}:${m.id} ${label}: calcPrice=${got} table=${want}`);
        }
      }
    }
  });
  providers.push({
    id: p.id,
    name: p.name,
    pricing_urls: p.pricing_urls ?? [],
    provider_model_match: p.model_match ?? null,
    usage_extractors: p.extractors ?? [],
    models,
  });
}

// ---------------------------------------------------------------- write
fs.mkdirSync(outDir, { recursive: true });
const meta = {
  source_name: 'GenAI Prices (Pydantic)',
  project_url: 'https://github.com/pydantic/genai-prices',
  npm_package: pkg.name,
  package_version: pkg.version,
  package_published: published,
  package_tarball: dist?.tarball ?? null,
  package_integrity: dist?.integrity ?? null,
  package_shasum: dist?.shasum ?? null,
  license: pkg.license,
  license_copyright: copyrightLine,
  license_text: licenseText,
  prices_as_of: asOf,
  extracted_at: new Date().toISOString(),
  units: 'USD per 1,000,000 tokens (divide by 1e6 for USD per token)',
  notes: [
    'Prices are the list (standard, pay-as-you-go, global) API prices. Batch, flex, priority, regional and data-residency prices are not in the source.',
    'cache_write = default cache write. For Anthropic it is the 5-minute cache write (1.25x input); cache_write_1h is the 1-hour write (2x input). OpenAI models bill no cache write except where listed (gpt-5.6/gpt-6 families).',
    'An empty cache_read / cache_write means the source gives no separate rate: genai-prices then bills those tokens at the input rate.',
    'reasoning is empty for every model: reasoning tokens are billed as output tokens (they are already included in output/completion token counts).',
    'long_context_*: when the request\'s total input tokens (uncached + cache read + cache write) are greater than the threshold, the WHOLE request uses the long-context rates.',
    'Model matching: rules are tried in match_order (first match wins); equals/starts_with/contains/ends_with are case-insensitive; if nothing matches, a -YYYYMMDD date suffix is rewritten to -YYYY-MM-DD and matching is retried.',
  ],
};
fs.writeFileSync(
  path.join(outDir, 'genai-prices-openai-anthropic.json'),
  JSON.stringify({ meta, providers }, null, 2) + '\n',
);

const cols = [
  'provider', 'model_id', 'kind', 'aliases', 'match_patterns',
  'input_usd_per_mtok', 'cached_input_read_usd_per_mtok', 'cache_write_usd_per_mtok', 'cache_write_1h_usd_per_mtok',
  'output_usd_per_mtok', 'reasoning_usd_per_mtok',
  'long_context_threshold_input_tokens', 'long_context_input_usd_per_mtok', 'long_context_cached_input_read_usd_per_mtok',
  'long_context_cache_write_usd_per_mtok', 'long_context_cache_write_1h_usd_per_mtok', 'long_context_output_usd_per_mtok',
  'price_effective_from', 'earlier_price_sets', 'match_order', 'source_comment',
];
const csvCell = (v) => {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const num = (v) => (v === null || v === undefined ? '' : String(v));
const lines = [cols.join(',')];
for (const r of rows) {
  const c = r.current_usd_per_mtok;
  const lc = r.long_context;
  if (c.cache_write_5m !== null) throw new Error(`${r.id}: cache_write_5m_mtok present; add a CSV column`);
  lines.push(
    [
      r.provider, r.id, r.kind, r.aliases.join('|'), r.match_patterns.join('|'),
      num(c.input), num(c.cache_read), num(c.cache_write), num(c.cache_write_1h), num(c.output), num(c.reasoning),
      lc ? lc.applies_when_input_tokens_greater_than : '',
      num(lc?.usd_per_mtok.input), num(lc?.usd_per_mtok.cache_read), num(lc?.usd_per_mtok.cache_write),
      num(lc?.usd_per_mtok.cache_write_1h), num(lc?.usd_per_mtok.output),
      r.current_price_set_effective_from ?? '', r.price_history.length - 1, r.match_order, r.price_comments ?? '',
    ].map(csvCell).join(','),
  );
}
fs.writeFileSync(path.join(outDir, 'genai-prices-openai-anthropic.csv'), lines.join('\n') + '\n');

const summary = [
  `source: ${spec} (published ${published}), prices as of ${asOf}`,
  `in-scope rows: ${rows.length} (openai ${rows.filter((r) => r.provider === 'openai').length}, anthropic ${rows.filter((r) => r.provider === 'anthropic').length}); all models in JSON: ${providers.reduce((a, p) => a + p.models.length, 0)}`,
  `self-check (every CSV figure and every alias re-derived with calcPrice): ${checkFailures === 0 ? 'OK' : `${checkFailures} FAILURES`}`,
  ...checks,
];
fs.writeFileSync(path.join(outDir, 'selfcheck.txt'), summary.join('\n') + '\n');
console.log(summary.join('\n'));
process.exit(checkFailures === 0 ? 0 : 1);
