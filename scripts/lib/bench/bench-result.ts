// What `npm run bench` measures and the figures it gives: bench-results/*.json and the tables in BENCHMARKS.md.
import type { FirstSearchBytes } from './first-search.ts';
import type { MainPhotoBytes, PageWeight } from './page-weight.ts';

export const MEASURES = [
  'cold',
  'warm',
  'new',
  'edit',
  'closure',
  'race',
  'bytes',
  'search',
  'check',
  'alerts',
] as const;
export type Measure = (typeof MEASURES)[number];

export interface Timed {
  ms: number;
  peakRssBytes: number;
}

export interface SiteSizes {
  outputBytes: number;
  outputFiles: number;
  pages: Record<'home' | 'listing' | 'appeal' | 'search', PageWeight>;
  /** The same appeal and search pages in Welsh (/cy/), where the build has them. */
  welshPages?: Record<'appeal' | 'search', PageWeight>;
  mainPhoto: MainPhotoBytes;
  /** Bytes of every share card in the output: the median and the largest. */
  shareCards?: { median: number; max: number; count: number };
}

export interface Variant {
  cold?: Timed;
  warm?: Timed[];
  sizes?: SiteSizes;
  search?: FirstSearchBytes;
  /** The same first search on the Welsh search page, against the Welsh index. */
  welshSearch?: FirstSearchBytes;
}

export interface NewAppeal extends Timed {
  /** Republish start → the command ends (the full build is live). `ms` is republish start → nginx answers 200. */
  fullMs: number;
  /** Whether the early release went live first. */
  early: boolean;
}

/** One appeal's text edited, then `npm run republish`: the full rebuild. */
export interface Edit extends Timed {
  /** Republish start → nginx serves the edited page. `ms` is the whole command. */
  liveMs: number;
}

export interface Closure {
  id: string;
  /** `appeal found` start → nginx answers 410 (the takedown release, or the full build if it fell back). */
  liveMs: number;
  /** `appeal found` start → the command ends (the full rebuild is live). */
  fullMs: number;
  peakRssBytes: number;
  takedown: boolean;
}

/** A closure while something else publishes (issue 20). */
export interface ClosureRace {
  /** What was running when `appeal found` started: a full build, or another closure's takedown. */
  during: 'full build' | 'closure';
  id: string;
  /** `appeal found` start → nginx answers 410. */
  liveMs: number;
  /** Whether the other command was still running when nginx answered 410. */
  otherRunning: boolean;
}

/** Issue 21: sending to N subscribers through a local relay, and subscribe requests under load. */
export interface AlertsFigures {
  subscribers: number;
  /** Subscribers the alert went to (its region's and all of the UK's). */
  recipients: number;
  seedMs: number;
  /** `alerts send <id> --alert` start → the command ends (the alert is queued). */
  queuedMs: number;
  /** `alerts send <id> --alert` start → the local SMTP server accepts the last email. */
  lastEmailMs: number;
  emailsPerMinute: number;
  /** A closure's recall (cancel another appeal's queued alerts) halfway through the send. */
  recall: { cancelled: number; ms: number; sentBefore: number };
  subscribe: { requests: number; concurrency: number; perSecond: number[]; medianPerSecond: number };
  /** Subscribe requests from one client address: the rate limit's answer. */
  oneAddress: { requests: number; accepted: number; refused: number };
  /**
   * Web push to M devices through a local push service: `alerts send` start → the last push
   * accepted, and the pace first to last; `verified` pushes were decrypted and checked.
   */
  push?: {
    devices: number;
    recipients: number;
    lastPushMs: number;
    pushesPerMinute: number;
    verified: number;
  };
}

export interface BenchResult {
  command: string;
  date: string;
  n: number;
  photos: number;
  runs: number;
  machine: { cpus: number; cpuModel: string; memoryBytes: number; loadAverage: number[] };
  versions: Record<string, string>;
  ours: Variant & {
    check?: number[];
    newAppeal?: NewAppeal[];
    edits?: Edit[];
    closures?: Closure[];
    closureRaces?: ClosureRace[];
    alerts?: AlertsFigures;
  };
  naive?: Variant;
}
