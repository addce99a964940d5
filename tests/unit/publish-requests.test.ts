// How the studio's job runner answers a publish request while one runs (src/lib/studio/jobs.ts): a
// closure always starts its own publish at once, so its takedown never waits for the running one.
import { expect, it } from 'vitest';
import { JobRunner } from '../../src/lib/studio/jobs.ts';

const STEPS = ['lock', 'validate', 'build'];

/** A publish that stays running at its build until `finish` is called. */
function heldPublish() {
  let finish = () => undefined as void;
  const run = (control: { step: (name: string, state: 'running' | 'done') => void }) => {
    control.step('lock', 'done');
    control.step('validate', 'done');
    control.step('build', 'running');
    return new Promise<void>((resolve) => (finish = resolve));
  };
  return { run, finish: () => finish() };
}

it('starts a closure at once, beside a running publish; other requests still queue behind it', async () => {
  const jobs = new JobRunner();
  const running = heldPublish();
  const first = jobs.requestPublish('a@example.org', STEPS, running.run);
  expect(first.outcome).toBe('started');

  const edit = jobs.requestPublish('c@example.org', STEPS, () => Promise.resolve(undefined));
  expect(edit).toMatchObject({ outcome: 'queued', job: { id: first.job.id } });

  const closure = jobs.requestPublish('b@example.org', STEPS, () => Promise.resolve('closed'), {
    closure: true,
  });
  expect(closure.outcome).toBe('started');
  expect(closure.job.id).not.toBe(first.job.id);
  expect((await jobs.ended(closure.job.id)).result).toBe('closed');
  expect(first.job.state).toBe('running');

  running.finish();
  expect((await jobs.ended(first.job.id)).state).toBe('done');
});
