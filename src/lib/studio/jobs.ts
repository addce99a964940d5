import { randomBytes } from 'node:crypto';

/**
 * Long tasks the studio runs for someone (a publish, a preview build), watched live from the
 * browser. One runner per studio process: at most one publish runs at a time, and asking for
 * another while one runs shows the running one and queues a single follow-up, so a change saved
 * meanwhile still goes live.
 */
export type JobKind = 'publish' | 'preview';
export type JobState = 'running' | 'done' | 'failed';
export type StepState = 'waiting' | 'running' | 'done' | 'failed' | 'skipped';

export interface JobEvent {
  /** Position in the job's event list, for resuming a stream (`Last-Event-ID`). */
  index: number;
  at: string;
  type: 'line' | 'step' | 'end';
  text?: string;
  step?: string;
  state?: StepState | JobState;
}

export interface Job<Result = unknown> {
  id: string;
  kind: JobKind;
  /** What the job is for, in plain words: "Publish", "Preview of 2026-0042". */
  title: string;
  by: string;
  startedAt: string;
  endedAt?: string;
  state: JobState;
  steps: Array<{ name: string; state: StepState }>;
  events: JobEvent[];
  result?: Result;
  error?: string;
  /** Set on a publish that another request asked for after it had read the content: it runs again after. */
  followUp?: boolean;
  /** The follow-up publish, once it has started. */
  nextJobId?: string;
}

export interface JobControl {
  line(text: string): void;
  step(name: string, state: StepState): void;
}

type Listener = (event: JobEvent) => void;

const KEEP_JOBS = 50;

export class JobRunner {
  private readonly jobs = new Map<string, Job>();
  private readonly listeners = new Map<string, Set<Listener>>();
  private publishing: Job | undefined;
  private again: { by: string; run: (control: JobControl) => Promise<unknown> } | undefined;

  get(id: string): Job | undefined {
    return /^[0-9a-f]{32}$/.test(id) ? this.jobs.get(id) : undefined;
  }

  list(): Job[] {
    return [...this.jobs.values()].reverse();
  }

  /** The publish running now, if any. */
  runningPublish(): Job | undefined {
    return this.publishing?.state === 'running' ? this.publishing : undefined;
  }

  /** Calls `listener` with each new event of job `id`; returns the unsubscribe function. */
  subscribe(id: string, listener: Listener): () => void {
    let set = this.listeners.get(id);
    if (!set) this.listeners.set(id, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  private emit(job: Job, event: Omit<JobEvent, 'index' | 'at'>): void {
    const full: JobEvent = { ...event, index: job.events.length, at: new Date().toISOString() };
    job.events.push(full);
    for (const listener of this.listeners.get(job.id) ?? []) listener(full);
  }

  /** Starts a job now. `steps` are shown as waiting until the job reports them. */
  start<Result>(
    kind: JobKind,
    title: string,
    by: string,
    steps: readonly string[],
    run: (control: JobControl) => Promise<Result>,
  ): Job<Result> {
    const job: Job<Result> = {
      id: randomBytes(16).toString('hex'),
      kind,
      title,
      by,
      startedAt: new Date().toISOString(),
      state: 'running',
      steps: steps.map((name) => ({ name, state: 'waiting' })),
      events: [],
    };
    this.jobs.set(job.id, job);
    while (this.jobs.size > KEEP_JOBS) {
      const oldest = this.jobs.keys().next().value!;
      this.jobs.delete(oldest);
      this.listeners.delete(oldest);
    }
    const control: JobControl = {
      line: (text) => this.emit(job, { type: 'line', text }),
      step: (name, state) => {
        let step = job.steps.find((s) => s.name === name);
        if (!step) {
          // A step not announced at the start (the takedown, say) goes before the first still to come.
          step = { name, state };
          const next = job.steps.findIndex((s) => s.state === 'waiting');
          job.steps.splice(next < 0 ? job.steps.length : next, 0, step);
        }
        step.state = state;
        this.emit(job, { type: 'step', step: name, state });
      },
    };
    void (async () => {
      try {
        job.result = await run(control);
        job.state = 'done';
      } catch (error) {
        job.error = (error as Error).message;
        job.state = 'failed';
      }
      // Steps never reached did not happen.
      for (const step of job.steps)
        if (step.state === 'waiting' || step.state === 'running')
          step.state = job.state === 'done' ? 'skipped' : step.state === 'running' ? 'failed' : 'skipped';
      job.endedAt = new Date().toISOString();
      this.emit(job, { type: 'end', state: job.state });
      this.listeners.delete(job.id);
    })();
    return job;
  }

  /**
   * Starts a publish, unless one is running: then that one is shown instead, never a second at
   * once. If the running one has not yet read the content (its `validate` step is still to come),
   * it publishes this request's changes too (`joined`); if it has, one more publish is queued to
   * start when it ends (`queued`; however many ask meanwhile, one follow-up publishes everything).
   * A closure always starts its own publish (`started`), at once.
   */
  requestPublish(
    by: string,
    steps: readonly string[],
    run: (control: JobControl) => Promise<unknown>,
    options: { closure?: boolean } = {},
  ): { job: Job; outcome: 'started' | 'joined' | 'queued' } {
    const running = this.runningPublish();
    // A closure never joins or queues: its own publish takes the appeal down at once, while the
    // running one builds (the republish's takedown waits for no build), then rebuilds after it.
    if (running && !options.closure) {
      if (running.steps.find((s) => s.name === 'validate')?.state === 'waiting')
        return { job: running, outcome: 'joined' };
      this.again = { by, run };
      running.followUp = true;
      return { job: running, outcome: 'queued' };
    }
    const job = this.start('publish', 'Publish', by, steps, run);
    this.publishing = job;
    const unsubscribe = this.subscribe(job.id, (event) => {
      if (event.type !== 'end') return;
      unsubscribe();
      const next = this.again;
      this.again = undefined;
      if (next) job.nextJobId = this.requestPublish(next.by, steps, next.run).job.id;
    });
    return { job, outcome: 'started' };
  }

  /** Resolves when job `id` has ended (for tests and the CLI). */
  ended(id: string): Promise<Job> {
    const job = this.get(id);
    if (!job) return Promise.reject(new Error(`no job ${id}`));
    if (job.state !== 'running') return Promise.resolve(job);
    return new Promise((resolve) => {
      const unsubscribe = this.subscribe(id, (event) => {
        if (event.type === 'end') {
          unsubscribe();
          resolve(job);
        }
      });
    });
  }
}
