// Opens rendered tracking pages and e-mails in headless Chromium and checks,
// with the browser's own layout (DOM geometry, not the HTML text), that the
// progress bar, headline, ETA and timeline are visible and that nothing
// overflows horizontally, at 320, 375 and 1280 px. Screenshots at 375 and
// 1280 px go to OUT/screens/.
//
// usage: node check.mjs OUT_DIR PAGES_TSV
// Prints one line per page and width, then "N passed, M failed".
import { chromium } from 'playwright-core';
import { readFileSync, mkdirSync, existsSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [outDir, pagesTsv] = process.argv.slice(2);
if (!outDir || !pagesTsv) {
  console.error('usage: node check.mjs OUT_DIR PAGES_TSV');
  process.exit(2);
}
const pages = readFileSync(pagesTsv, 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'))
  .map((l) => {
    const f = l.split('\t');
    return { name: f[0], state: f[1], locale: f[3], eta: f[5] === 'yes' };
  });
const screens = join(outDir, 'screens');
mkdirSync(screens, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

// Runs in the page: returns a list of problems (empty when all is well).
function inspectPage(expect) {
  const problems = [];
  const vw = document.documentElement.clientWidth;
  const visible = (el) => {
    if (!el) return false;
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return (
      r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' &&
      Number(s.opacity) > 0 && r.left >= -0.5 && r.right <= vw + 0.5
    );
  };
  const need = (what, el) => {
    if (!visible(el)) problems.push(`${what} not visible`);
    else if (!el.textContent.trim()) problems.push(`${what} is empty`);
  };
  // Nothing wider than the viewport: the document, and every element.
  const sw = document.documentElement.scrollWidth;
  if (sw > vw) problems.push(`page is ${sw}px wide in a ${vw}px viewport`);
  for (const el of document.body.querySelectorAll('*')) {
    if (el.closest('.wismo-sr')) continue; // clipped on purpose
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.right > vw + 0.5 || r.left < -0.5) {
      problems.push(`<${el.tagName.toLowerCase()} class="${el.className}"> overflows: ${Math.round(r.left)}..${Math.round(r.right)} of ${vw}`);
    }
    const s = getComputedStyle(el);
    if (s.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1) {
      problems.push(`<${el.tagName.toLowerCase()} class="${el.className}"> clips its content`);
    }
  }
  if (expect.email) {
    need('e-mail headline', document.querySelector('h1'));
    return problems;
  }
  // Headline: every page has one, bigger than the body text.
  for (const h of document.querySelectorAll('.wismo-title')) {
    need('headline', h);
    const body = parseFloat(getComputedStyle(document.body).fontSize);
    if (parseFloat(getComputedStyle(h).fontSize) <= body) problems.push('headline not larger than body text');
  }
  if (!document.querySelector('.wismo-title')) problems.push('no headline');
  // Progress bar: every step visible, in one row, left to right, each with a
  // mark and a label (state is never told by colour alone).
  const bars = document.querySelectorAll('.wismo-progress');
  if (bars.length === 0) problems.push('no progress bar');
  for (const bar of bars) {
    need('progress bar', bar);
    const steps = [...bar.querySelectorAll('.wismo-step')];
    if (steps.length < 3) problems.push(`progress bar has ${steps.length} steps`);
    let lastRight = -Infinity;
    const top = steps[0]?.getBoundingClientRect().top;
    for (const st of steps) {
      need('progress step label', st.querySelector('.wismo-step-label'));
      need('progress step mark', st.querySelector('.wismo-mark'));
      const r = st.getBoundingClientRect();
      if (Math.abs(r.top - top) > 1) problems.push('progress steps not in one row');
      if (r.left < lastRight - 0.5) problems.push('progress steps overlap');
      lastRight = r.right;
    }
    if (bar.querySelectorAll('[aria-current="step"]').length !== 1) problems.push('no single current step');
  }
  // ETA, where the page has one.
  const etas = document.querySelectorAll('.wismo-eta');
  if (expect.eta && etas.length === 0) problems.push('no ETA');
  etas.forEach((e) => need('ETA', e));
  // Timeline: newest first, visible.
  const lines = document.querySelectorAll('.wismo-timeline');
  if (lines.length === 0) problems.push('no timeline');
  for (const tl of lines) {
    need('timeline', tl);
    const items = [...tl.querySelectorAll('.wismo-event')];
    if (items.length === 0) problems.push('empty timeline');
    items.slice(0, 3).forEach((li) => need('timeline entry', li.querySelector('.wismo-text')));
    const times = items
      .map((li) => li.querySelector('time')?.getAttribute('datetime'))
      .filter(Boolean)
      .map((t) => t.slice(0, 19));
    for (let i = 1; i < times.length; i++) {
      if (times[i] > times[i - 1]) problems.push(`timeline not newest first at ${times[i]}`);
    }
  }
  return problems;
}

let passed = 0;
let failed = 0;
const started = Date.now();
const context = await browser.newContext({ deviceScaleFactor: 1 });
const page = await context.newPage();
page.on('pageerror', (e) => console.log(`page error: ${e}`));
const targets = [];
for (const p of pages) {
  targets.push({ file: `${p.name}.html`, name: p.name, expect: { eta: p.eta } });
  if (existsSync(join(outDir, `${p.name}.email.html`))) {
    targets.push({ file: `${p.name}.email.html`, name: `${p.name}.email`, expect: { email: true } });
  }
}
for (const t of targets) {
  const url = pathToFileURL(resolve(outDir, t.file)).href;
  for (const width of [320, 375, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(url);
    const scripts = await page.evaluate(() => document.scripts.length);
    const problems = await page.evaluate(inspectPage, t.expect);
    if (scripts !== 0) problems.push(`${scripts} script elements`);
    if (width !== 320) {
      await page.screenshot({ path: join(screens, `${t.name}-${width}.png`), fullPage: true });
    }
    if (problems.length === 0) {
      passed++;
      console.log(`ok   ${t.name} @${width}px`);
    } else {
      failed++;
      console.log(`FAIL ${t.name} @${width}px: ${problems.slice(0, 8).join('; ')}`);
    }
  }
}
await browser.close();
console.log(`browser checks took ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
