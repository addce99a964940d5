import { useEffect, useState } from 'react';

/**
 * A job's steps and log lines, rendered by the server (so the page reads the same without
 * JavaScript) and kept live in the browser from the job's Server-Sent Events. When the job ends
 * the page reloads, so the result is the server's own rendering.
 */
export interface JobStep {
  name: string;
  state: string;
}

interface Props {
  jobId: string;
  running: boolean;
  labels: Record<string, string>;
  steps: JobStep[];
  lines: string[];
}

interface JobEvent {
  type: 'line' | 'step' | 'end';
  text?: string;
  step?: string;
  state?: string;
}

/** The steps with one step's new state: an unknown step is added before those still waiting. */
function withStep(steps: JobStep[], name: string, state: string): JobStep[] {
  if (steps.some((s) => s.name === name)) return steps.map((s) => (s.name === name ? { name, state } : s));
  const waiting = steps.findIndex((s) => s.state === 'waiting');
  const at = waiting === -1 ? steps.length : waiting;
  return [...steps.slice(0, at), { name, state }, ...steps.slice(at)];
}

export default function JobProgress({
  jobId,
  running,
  labels,
  steps: initialSteps,
  lines: initialLines,
}: Props) {
  const [steps, setSteps] = useState(initialSteps);
  const [lines, setLines] = useState(initialLines);
  const [live, setLive] = useState(false);

  useEffect(() => {
    if (!running) return;
    setLive(true);
    const source = new EventSource(`/jobs/${jobId}/events`);
    // The stream replays every line from the start: those the server rendered are not repeated.
    let seen = 0;
    source.addEventListener('line', (message) => {
      const event = JSON.parse((message as MessageEvent<string>).data) as JobEvent;
      seen++;
      if (seen > initialLines.length) setLines((current) => [...current, event.text ?? '']);
    });
    source.addEventListener('step', (message) => {
      const event = JSON.parse((message as MessageEvent<string>).data) as JobEvent;
      setSteps((current) => withStep(current, event.step ?? '', event.state ?? ''));
    });
    source.addEventListener('end', () => {
      source.close();
      window.location.reload();
    });
    return () => source.close();
  }, [jobId, running, initialLines.length]);

  return (
    <>
      <h2>Steps</h2>
      <ol className="steps" data-steps>
        {steps.map((s) => (
          <li key={s.name} data-step={s.name} data-state={s.state}>
            {labels[s.name] ?? s.name}: <span className="step-state">{s.state}</span>
          </li>
        ))}
      </ol>
      <h2>Details</h2>
      <div
        className="log"
        role="log"
        aria-live="polite"
        aria-label="What the publish is doing"
        data-log
        tabIndex={0}
      >
        {lines.map((line) => `${line}\n`).join('')}
      </div>
      {running && !live && (
        <p data-refresh-hint>
          <a href="">Refresh this page</a> to see the latest progress.
        </p>
      )}
    </>
  );
}
