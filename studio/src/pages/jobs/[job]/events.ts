import type { APIRoute } from 'astro';
import type { JobEvent } from '../../../../../src/lib/studio/jobs.ts';
import { getStudio } from '../../../lib/context.ts';
import { refusal } from '../../../lib/http.ts';

/**
 * A job's progress as Server-Sent Events: every event so far (or after `Last-Event-ID`, when the
 * browser reconnects), then each new one as it happens, until the job ends.
 */
export const GET: APIRoute = (context) => {
  const jobs = getStudio().jobs;
  const job = jobs.get(context.params.job ?? '');
  if (!job) return refusal(404, 'There is no such job.');
  const after = Number(context.request.headers.get('last-event-id') ?? -1);
  const encoder = new TextEncoder();
  let unsubscribe: (() => void) | undefined;
  let closed = false;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (event: JobEvent) => {
        // The browser may have gone (page closed): then nothing more is sent.
        if (closed) return;
        controller.enqueue(
          encoder.encode(`id: ${event.index}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`),
        );
        if (event.type === 'end' && !closed) {
          closed = true;
          unsubscribe?.();
          controller.close();
        }
      };
      for (const event of job.events) if (event.index > after) send(event);
      if (job.state !== 'running') {
        if (!closed) controller.close();
        closed = true;
        return;
      }
      unsubscribe = jobs.subscribe(job.id, send);
      context.request.signal.addEventListener('abort', () => {
        closed = true;
        unsubscribe?.();
      });
    },
    cancel() {
      closed = true;
      unsubscribe?.();
    },
  });
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Accel-Buffering': 'no',
    },
  });
};
