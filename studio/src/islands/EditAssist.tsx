import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * The edit form's helper in the browser. Rendered by the server first (so "Jo is editing this
 * appeal" reads the same without JavaScript); with JavaScript it also:
 * - saves the draft about 2 seconds after the last change (as "Save draft" does, without the
 *   photos chosen for upload), and says so in a live status; it stops at a version conflict;
 * - lists the problems the server's checks (the same as `npm run check`) found in what was saved;
 * - keeps what was typed in this tab's sessionStorage, and puts it back after a failed save;
 * - tells the server every 30 seconds that the form is still open, and when it is left;
 * - warns 2 minutes before the session ends, with a button that keeps it going.
 */
interface Props {
  id: string;
  csrf: string;
  /** Names of the others with this appeal's form open, as the server saw them. */
  others: string[];
  /** When the session ends unless used, by the server's clock. */
  sessionEndsAt: number;
  /** The server's clock when it rendered the page: the browser's clock may differ. */
  serverNow: number;
}

const AUTOSAVE_AFTER_MS = 2_000;
const HEARTBEAT_MS = 30_000;
const WARN_BEFORE_MS = 2 * 60_000;

type Status = { text: string; problem: boolean } | undefined;
interface LiveProblem {
  /** The id of the input it is about ('' when none). */
  target: string;
  text: string;
}

function editForm(): HTMLFormElement | null {
  return document.querySelector<HTMLFormElement>('form[data-edit-form]');
}

/** The form's text fields, for the copy kept in this tab. */
function snapshot(form: HTMLFormElement): Array<[string, string]> {
  return [...new FormData(form).entries()].flatMap(([k, v]) =>
    typeof v === 'string' && k !== 'csrf' ? [[k, v] as [string, string]] : [],
  );
}

function restoreInto(form: HTMLFormElement, fields: Array<[string, string]>): boolean {
  let changed = false;
  const values = new Map(fields);
  for (const element of [...form.elements]) {
    if (
      !(element instanceof HTMLInputElement) &&
      !(element instanceof HTMLTextAreaElement) &&
      !(element instanceof HTMLSelectElement)
    )
      continue;
    if (!element.name || element.name === 'csrf' || element.name === 'version') continue;
    if (element instanceof HTMLInputElement && (element.type === 'file' || element.type === 'hidden'))
      continue;
    if (element instanceof HTMLInputElement && element.type === 'checkbox') {
      const checked = values.has(element.name);
      if (element.checked !== checked) {
        element.checked = checked;
        changed = true;
      }
      continue;
    }
    const value = values.get(element.name);
    if (value !== undefined && element.value !== value) {
      element.value = value;
      changed = true;
    }
  }
  return changed;
}

export default function EditAssist({ id, csrf, others: initialOthers, sessionEndsAt, serverNow }: Props) {
  const [others, setOthers] = useState(initialOthers);
  const [status, setStatus] = useState<Status>(undefined);
  const [endsAt, setEndsAt] = useState(sessionEndsAt);
  const [warning, setWarning] = useState(false);
  const [problems, setProblems] = useState<LiveProblem[] | undefined>(undefined);
  const dialog = useRef<HTMLDialogElement>(null);
  const stopped = useRef(false);
  const storageKey = `studio-form:${id}`;
  // Server time minus browser time, so the warning comes at the server's moment.
  const skew = useRef(serverNow - Date.now());

  const versionInput = () => editForm()?.querySelector<HTMLInputElement>('input[name=version]') ?? null;

  const post = useCallback(
    (path: string, body: FormData | URLSearchParams, background = false) =>
      fetch(path, {
        method: 'POST',
        body,
        headers: {
          Accept: 'application/json',
          'X-CSRF-Token': csrf,
          ...(background ? { 'X-Studio-Background': '1' } : {}),
        },
        credentials: 'same-origin',
      }),
    [csrf],
  );

  // An autosave on its way: a button's save waits for it, so it carries the version it made.
  const inFlight = useRef<Promise<void> | undefined>(undefined);
  const autosave = useCallback(() => {
    const run = autosaveNow().finally(() => {
      if (inFlight.current === run) inFlight.current = undefined;
    });
    inFlight.current = run;
    return run;
  }, [id, post, storageKey]);

  async function autosaveNow(): Promise<void> {
    const form = editForm();
    if (!form || stopped.current) return;
    const body = new FormData(form);
    body.delete('upload');
    body.set('action', 'autosave');
    const sent = JSON.stringify(snapshot(form));
    setStatus({ text: 'Saving…', problem: false });
    try {
      const reply = await post(`/appeals/${id}/edit`, body);
      const answer = (await reply.json().catch(() => ({}))) as {
        saved?: boolean;
        version?: string;
        at?: string;
        conflict?: boolean;
        by?: string;
        problems?: LiveProblem[];
      };
      if (reply.ok && answer.saved && answer.version) {
        const input = versionInput();
        if (input) input.value = answer.version;
        if (JSON.stringify(snapshot(form)) === sent) sessionStorage.removeItem(storageKey);
        setProblems(answer.problems ?? []);
        setStatus({ text: `Saved at ${answer.at ?? ''}. The draft is not live.`, problem: false });
      } else if (reply.status === 409 && answer.conflict) {
        stopped.current = true;
        setStatus({
          text: `Not saved: ${answer.by ?? 'someone'} saved this appeal${answer.at ? ` at ${answer.at}` : ''}, after you opened it. Autosave has stopped. Press "Save draft" to see both versions and choose; what you typed is kept.`,
          problem: true,
        });
      } else if (reply.status === 401) {
        stopped.current = true;
        setStatus({
          text: 'Not saved: you were signed out. What you typed is kept in this browser. Press "Save draft" to sign in again and save it.',
          problem: true,
        });
      } else {
        setStatus({
          text: 'Not saved: the studio could not save the draft. It will try again when you type.',
          problem: true,
        });
      }
    } catch {
      setStatus({
        text: 'Not saved: the studio did not answer. It will try again when you type.',
        problem: true,
      });
    }
  }

  // Typing: keep a copy in this tab at once, and save the draft 2 seconds after the last change.
  useEffect(() => {
    const form = editForm();
    if (!form) return;
    const kept = sessionStorage.getItem(storageKey);
    if (kept) {
      try {
        const saved = JSON.parse(kept) as { version: string; fields: Array<[string, string]> };
        if (saved.version === versionInput()?.value && restoreInto(form, saved.fields)) {
          setStatus({
            text: 'What you typed before was put back into the form from this browser. Saving it…',
            problem: false,
          });
          void autosave();
        }
      } catch {
        sessionStorage.removeItem(storageKey);
      }
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const changed = (event: Event) => {
      const target = event.target as HTMLInputElement | null;
      if (target?.type === 'file') return;
      sessionStorage.setItem(
        storageKey,
        JSON.stringify({ version: versionInput()?.value ?? '', fields: snapshot(form) }),
      );
      clearTimeout(timer);
      if (!stopped.current) timer = setTimeout(() => void autosave(), AUTOSAVE_AFTER_MS);
    };
    // A button's save (the form's own post) replaces a pending autosave, after one on its way.
    const submitted = (event: SubmitEvent) => {
      clearTimeout(timer);
      const pending = inFlight.current;
      if (!pending) return;
      event.preventDefault();
      void pending.then(() => form.requestSubmit(event.submitter as HTMLButtonElement | null));
    };
    form.addEventListener('input', changed);
    form.addEventListener('change', changed);
    form.addEventListener('submit', submitted);
    return () => {
      clearTimeout(timer);
      form.removeEventListener('input', changed);
      form.removeEventListener('change', changed);
      form.removeEventListener('submit', submitted);
    };
  }, [autosave, storageKey]);

  // The heartbeat: "still editing", who else is, whether someone saved, and when the session ends.
  useEffect(() => {
    const beat = async () => {
      try {
        const reply = await post(`/appeals/${id}/presence`, new URLSearchParams({ action: 'beat' }), true);
        if (!reply.ok) return;
        const answer = (await reply.json()) as {
          others: string[];
          version: string;
          sessionEndsAt: number;
          now: number;
        };
        skew.current = answer.now - Date.now();
        setOthers(answer.others);
        setEndsAt(answer.sessionEndsAt);
        const mine = versionInput()?.value;
        if (mine && answer.version !== mine && !stopped.current) {
          stopped.current = true;
          setStatus({
            text: 'Someone else saved this appeal after you opened it. Autosave has stopped. Press "Save draft" to see both versions and choose; what you typed is kept.',
            problem: true,
          });
        }
      } catch {
        // The next beat tries again.
      }
    };
    const timer = setInterval(() => void beat(), HEARTBEAT_MS);
    const onFocus = () => void beat();
    const onVisible = () => document.visibilityState === 'visible' && void beat();
    const leave = () => {
      void fetch(`/appeals/${id}/presence`, {
        method: 'POST',
        body: new URLSearchParams({ action: 'leave' }),
        headers: { 'X-CSRF-Token': csrf, 'X-Studio-Background': '1' },
        keepalive: true,
        credentials: 'same-origin',
      }).catch(() => undefined);
    };
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('pagehide', leave);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', onFocus);
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('pagehide', leave);
    };
  }, [id, csrf, post]);

  // The warning 2 minutes before the session ends.
  useEffect(() => {
    const showIn = endsAt - WARN_BEFORE_MS - (Date.now() + skew.current);
    if (showIn <= 0) {
      setWarning(true);
      return;
    }
    setWarning(false);
    const timer = setTimeout(() => setWarning(true), showIn);
    return () => clearTimeout(timer);
  }, [endsAt]);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (warning && !element.open) element.showModal();
    if (!warning && element.open) element.close();
  }, [warning]);

  const staySignedIn = async () => {
    try {
      const reply = await post('/session', new URLSearchParams({ action: 'stay' }));
      if (reply.ok) {
        const answer = (await reply.json()) as { sessionEndsAt: number; now: number };
        skew.current = answer.now - Date.now();
        setEndsAt(answer.sessionEndsAt);
        setWarning(answer.sessionEndsAt - answer.now <= WARN_BEFORE_MS);
        return;
      }
    } catch {
      // Said below.
    }
    setStatus({
      text: 'Could not keep you signed in. Press "Save draft" now: what you typed is kept.',
      problem: true,
    });
    setWarning(false);
  };

  const minutesLeft = Math.max(1, Math.ceil((endsAt - (Date.now() + skew.current)) / 60_000));
  return (
    <>
      {others.length > 0 && (
        <div className="panel panel--warn editing-others" data-editing-others>
          <p>
            <strong>
              {others.join(' and ')} {others.length === 1 ? 'is' : 'are'} editing this appeal
            </strong>{' '}
            now. If you both save, the second save is stopped and shows both versions, so nothing is
            overwritten.
          </p>
        </div>
      )}
      <p
        className={status?.problem ? 'save-status save-status--problem' : 'save-status'}
        role="status"
        aria-live="polite"
        data-save-status
      >
        {status?.text ?? ''}
      </p>
      {problems && problems.length > 0 && (
        <div className="warning-list" data-live-checks>
          <p>
            <strong>
              As saved just now, {problems.length === 1 ? '1 thing needs' : `${problems.length} things need`}{' '}
              fixing before this can go live:
            </strong>
          </p>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>{p.target ? <a href={`#${p.target}`}>{p.text}</a> : p.text}</li>
            ))}
          </ul>
        </div>
      )}
      {problems && problems.length === 0 && (
        <p className="muted" data-live-checks>
          As saved just now, the checks find nothing to fix.
        </p>
      )}
      <dialog
        ref={dialog}
        className="session-dialog"
        aria-labelledby="session-dialog-title"
        data-session-warning
      >
        <h2 id="session-dialog-title">
          You will be signed out in {minutesLeft === 1 ? '1 minute' : `${minutesLeft} minutes`}
        </h2>
        <p>You have not used the studio for a while. Your draft is saved as you type.</p>
        <div className="button-row">
          <button type="button" className="button" onClick={() => void staySignedIn()}>
            Stay signed in
          </button>
          <button type="button" className="button button--secondary" onClick={() => setWarning(false)}>
            Close
          </button>
        </div>
      </dialog>
    </>
  );
}
