import { accessSync, constants, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Result, RunOptions } from 'axe-core';
import { describe, inject, it } from 'vitest';
import { CHROMIUM_FLAGS } from '../../scripts/lib/chromium.ts';

/** Where the Debian `chromium` package installs the browser. `CHROME_PATH` overrides it. */
export const DEFAULT_CHROME_PATH = '/usr/bin/chromium';

/** Flags for a quiet, offline, headless Chromium that never phones home (shared with the benchmarks). */
export const CHROMIUM_ARGS: readonly string[] = CHROMIUM_FLAGS;

/** The path that will be tried: `CHROME_PATH` if set (no fallback, so it can force a skip), else the default. */
export function chromiumCandidate(): string {
  const fromEnv = process.env.CHROME_PATH;
  return fromEnv && fromEnv.trim() !== '' ? fromEnv : DEFAULT_CHROME_PATH;
}

/** The Chromium executable to drive, or undefined when there is none. Never downloads a browser. */
export function findChromium(): string | undefined {
  const candidate = chromiumCandidate();
  try {
    accessSync(candidate, constants.X_OK);
    return candidate;
  } catch {
    return undefined;
  }
}

export const browserRequired = process.env.REQUIRE_BROWSER === '1';
export const chromiumPath = findChromium();
export const browserAvailable = chromiumPath !== undefined;
export const skipReason = browserAvailable
  ? undefined
  : `no Chromium at ${chromiumCandidate()} (install the Debian package \`chromium\` or set CHROME_PATH)`;

/**
 * A browser for one test file: the run's Chromium (started by tests/helpers/global-setup.ts), connected
 * to, or one of its own when the run has none. `close()` ends the file's contexts and the connection.
 */
export async function launchBrowser(): Promise<Browser> {
  const endpoint = inject('browserEndpoint');
  if (endpoint) return chromium.connect(endpoint);
  const executablePath = findChromium();
  if (!executablePath) throw new Error(`Cannot launch a browser: ${skipReason}`);
  return chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS] });
}

/**
 * A `describe` for browser tests. Without a browser they are skipped with a loud warning, unless
 * `REQUIRE_BROWSER=1`, when the suite fails instead (for CI, where a silent skip would hide a gap).
 */
export function describeBrowser(name: string, fn: () => void): void {
  if (browserAvailable) {
    describe(name, fn);
    return;
  }
  if (browserRequired) {
    describe(name, () => {
      it('has a Chromium to run in', () => {
        throw new Error(`BROWSER TESTS FAILED: REQUIRE_BROWSER=1 but ${skipReason}.`);
      });
    });
    return;
  }
  console.warn(
    `\n${'!'.repeat(72)}\nBROWSER TESTS SKIPPED: ${skipReason}.\n` +
      `"${name}" did not run. Set REQUIRE_BROWSER=1 to make this a failure.\n${'!'.repeat(72)}\n`,
  );
  describe.skip(name, fn);
}

// ---------------------------------------------------------------------------------------------
// axe-core

const require = createRequire(import.meta.url);
let axeSource: string | undefined;

/** The WCAG 2.2 A and AA rule tags (axe tags each rule with the version that introduced it). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface AxeViolation {
  id: string;
  impact: string | null | undefined;
  help: string;
  helpUrl: string;
  nodes: Array<{ target: string; html: string; failureSummary: string | undefined }>;
}

/**
 * Runs axe-core in the page and returns its violations. The source is evaluated through the
 * DevTools protocol, not a `<script>` tag, so a strict page CSP does not block it.
 */
export async function runAxe(
  page: Page,
  options: RunOptions = { runOnly: { type: 'tag', values: WCAG_TAGS } },
): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async (runOptions) => {
    const axe = (
      window as unknown as {
        axe: { run: (context: Document, options: unknown) => Promise<{ violations: Result[] }> };
      }
    ).axe;
    const results = await axe.run(document, runOptions);
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      helpUrl: violation.helpUrl,
      nodes: violation.nodes.map((node) => ({
        target: node.target.map((part) => (Array.isArray(part) ? part.join(' >> ') : String(part))).join(' '),
        html: node.html,
        failureSummary: node.failureSummary,
      })),
    }));
  }, options as unknown);
  return violations;
}

/** A readable account of axe violations for an assertion message. */
export function formatViolations(violations: AxeViolation[]): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes
        .map(
          (node) =>
            `    - ${node.target}\n      ${node.html.slice(0, 200)}\n      ${(node.failureSummary ?? '').replace(/\n/g, '\n      ')}`,
        )
        .join('\n');
      return `[${violation.id}] (${violation.impact ?? 'n/a'}) ${violation.help}\n  ${violation.helpUrl}\n${nodes}`;
    })
    .join('\n\n');
}

// ---------------------------------------------------------------------------------------------
// Page problems

export interface PageProblems {
  /** Every URL the page requested, in order. */
  requests: string[];
  /** Requests whose URL is not on the allowed origin. */
  foreignRequests: string[];
  consoleErrors: string[];
  pageErrors: string[];
  /** Requests that failed at the network level (blocked, refused, aborted). */
  failedRequests: string[];
  /** Responses with status >= 400, as `status url`. */
  errorResponses: string[];
  /** Console reports of Content Security Policy violations. */
  cspViolations: string[];
}

/**
 * Records what a page does: its requests, console errors, uncaught errors, failed requests and CSP
 * violations. Attach it before `goto`. `origin` is the only origin requests may go to.
 */
export function watchPage(page: Page, origin: string): PageProblems {
  const problems: PageProblems = {
    requests: [],
    foreignRequests: [],
    consoleErrors: [],
    pageErrors: [],
    failedRequests: [],
    errorResponses: [],
    cspViolations: [],
  };
  const allowed = origin.endsWith('/') ? origin : `${origin}/`;
  page.on('request', (request) => {
    const url = request.url();
    problems.requests.push(url);
    // A blob: URL of the page's own origin is a file the person chose, shown before upload: not a request elsewhere.
    if (!url.startsWith(allowed) && !url.startsWith(`blob:${allowed}`)) problems.foreignRequests.push(url);
  });
  page.on('requestfailed', (request) => {
    problems.failedRequests.push(`${request.url()}: ${request.failure()?.errorText ?? 'failed'}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.errorResponses.push(`${response.status()} ${response.url()}`);
  });
  page.on('console', (message) => {
    const text = message.text();
    if (/Content[ -]Security[ -]Policy/i.test(text)) problems.cspViolations.push(text);
    else if (message.type() === 'error') {
      const where = message.location().url;
      problems.consoleErrors.push(where ? `${text} (${where})` : text);
    }
  });
  page.on('pageerror', (error) => {
    problems.pageErrors.push(error.message);
  });
  return problems;
}

/** Counts pages in a PDF: `/Type /Page` objects, not the `/Type /Pages` tree nodes. */
export function countPdfPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf).toString('latin1');
  return text.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}
