// Live progress for a job page: steps and lines arrive as Server-Sent Events; when the job ends the
// page reloads to show the result (the server renders it, so it reads the same without JavaScript).
interface JobEvent {
  index: number;
  type: 'line' | 'step' | 'end';
  text?: string;
  step?: string;
  state?: string;
}

const root = document.querySelector<HTMLElement>('[data-job]');
if (root && root.dataset.jobState === 'running') {
  const log = root.querySelector<HTMLElement>('[data-log]');
  const steps = root.querySelector<HTMLElement>('[data-steps]');
  const labels = JSON.parse(steps?.dataset.labels ?? '{}') as Record<string, string>;
  root.querySelector('[data-refresh-hint]')?.remove();
  const seen = log ? (log.textContent?.split('\n').filter(Boolean).length ?? 0) : 0;
  let lines = 0;
  const source = new EventSource(`/jobs/${root.dataset.job}/events`);
  source.addEventListener('line', (message) => {
    const event = JSON.parse((message as MessageEvent<string>).data) as JobEvent;
    lines++;
    // Lines already rendered by the server are not repeated.
    if (lines > seen && log) log.append(`${event.text ?? ''}\n`);
  });
  source.addEventListener('step', (message) => {
    const event = JSON.parse((message as MessageEvent<string>).data) as JobEvent;
    let item = steps?.querySelector<HTMLElement>(`[data-step="${CSS.escape(event.step ?? '')}"]`);
    if (!item && steps) {
      item = document.createElement('li');
      item.dataset.step = event.step ?? '';
      item.append(
        `${labels[event.step ?? ''] ?? event.step}: `,
        Object.assign(document.createElement('span'), { className: 'step-state' }),
      );
      const waiting = steps.querySelector('[data-state="waiting"]');
      steps.insertBefore(item, waiting);
    }
    if (item) {
      item.dataset.state = event.state ?? '';
      const state = item.querySelector('.step-state');
      if (state) state.textContent = event.state ?? '';
    }
  });
  source.addEventListener('end', () => {
    source.close();
    window.location.reload();
  });
}
