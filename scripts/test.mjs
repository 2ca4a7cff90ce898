#!/usr/bin/env node
// `npm test`: lint, type checks, domain unit tests, API tests (PGlite; PostgreSQL too when TEST_DATABASE_URL is
// set), then browser tests in Chromium against the real built server. Stops at the first failing stage and
// prints one closing line with the test totals.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const totals = { passed: 0, failed: 0 };

function run(title, command, args, { countTests = false } = {}) {
  console.log(`\n=== ${title} ===`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'], env: process.env });
    let tail = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      tail = (tail + chunk.toString()).slice(-4000);
    });
    child.on('close', (code) => {
      if (countTests) {
        totals.passed += Number(/ℹ pass (\d+)/.exec(tail)?.[1] ?? 0);
        totals.failed += Number(/ℹ fail (\d+)/.exec(tail)?.[1] ?? 0);
      }
      resolve(code ?? 1);
    });
  });
}

function ensureChromium() {
  if (fs.existsSync(CHROMIUM)) return true;
  const canInstall = process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v apt-get']).status === 0;
  if (canInstall) {
    console.log(`Chromium is missing at ${CHROMIUM}; installing Debian's chromium package…`);
    const install = spawnSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium'], { stdio: 'inherit' });
    if (install.status === 0 && fs.existsSync(CHROMIUM)) return true;
  }
  console.error(
    `\nThe browser tests need Chromium at ${CHROMIUM}.\n` +
      `  Debian/Ubuntu: sudo apt-get install chromium\n` +
      `  Elsewhere: install Chromium and set CHROMIUM_PATH to its executable.\n`,
  );
  return false;
}

const stages = [
  ['Lint (oxlint)', 'npm', ['run', '--silent', 'lint']],
  ['Type check (tsc)', 'npm', ['run', '--silent', 'typecheck']],
  ['Domain unit tests', 'npm', ['run', '--silent', 'test:unit'], { countTests: true }],
  [`API tests (PGlite${process.env.TEST_DATABASE_URL ? ' and PostgreSQL' : ''})`, 'npm', ['run', '--silent', 'test:api'], { countTests: true }],
  ['Build the web app', 'npm', ['run', '--silent', 'build']],
  ['Browser tests (Chromium)', 'npm', ['run', '--silent', 'test:e2e'], { countTests: true, needsChromium: true }],
];

let failedStage;
for (const [title, command, args, options = {}] of stages) {
  if (options.needsChromium && !ensureChromium()) {
    failedStage = title;
    break;
  }
  const code = await run(title, command, args, options);
  if (code !== 0) {
    failedStage = title;
    break;
  }
}

console.log('');
if (failedStage) console.log(`FAILED at: ${failedStage}`);
console.log(`total: ${totals.passed} passed, ${totals.failed} failed`);
process.exit(failedStage ? 1 : 0);
