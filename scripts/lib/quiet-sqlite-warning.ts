/**
 * node:sqlite still prints an "experimental" warning on Node 24. It is expected in the servers that
 * use it (studio, alerts), so it is kept off the terminal; every other warning still shows.
 */
export function quietSqliteWarning(): void {
  const listeners = process.listeners('warning');
  process.removeAllListeners('warning');
  process.on('warning', (warning) => {
    if (warning.name === 'ExperimentalWarning' && /SQLite/i.test(warning.message)) return;
    for (const listener of listeners) listener(warning);
  });
}
