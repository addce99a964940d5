// `npm start [-- --port N --server nginx|node]`: serves the live release (deploy/current) on
// 127.0.0.1, publishing a first one from the content if there is none (scripts/lib/live-site.ts).
import { parseArgs } from 'node:util';
import { loadSettings } from '../src/lib/content/load-settings.ts';
import { LOCAL_SITE_PORT, localPort, publicSiteAddress } from '../src/lib/hosting/public-address.ts';
import { describeFailure } from '../src/lib/publishing/describe-failure.ts';
import { currentLink } from '../src/lib/publishing/releases.ts';
import { StageError } from '../src/lib/publishing/stage-clock.ts';
import { ensureLiveRelease, liveServerKind, serveLiveSite } from './lib/live-site.ts';
import { publishingContext } from './lib/publishing-context.ts';

const USAGE = 'Usage: npm start [-- --port N --server nginx|node]';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      server: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const context = publishingContext();
  const settings = loadSettings(context.contentDir).settings;
  const address = publicSiteAddress({
    liveSiteUrl: context.operator.liveSiteUrl,
    baseUrl: settings?.baseUrl,
  });
  const port = values.port === undefined ? (localPort(address) ?? LOCAL_SITE_PORT) : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    fail(`--port: expected a port number from 0 to 65535, got ${JSON.stringify(values.port)}\n${USAGE}`);
  if (values.server !== undefined && values.server !== 'nginx' && values.server !== 'node')
    fail(`--server: expected nginx or node, got ${JSON.stringify(values.server)}\n${USAGE}`);
  const chosen = liveServerKind();
  const server = values.server ?? chosen.kind;

  try {
    await ensureLiveRelease(context, (line) => console.log(line));
  } catch (error) {
    if (!(error instanceof StageError)) throw error;
    fail(`The first publish failed at stage "${error.stage}". ${describeFailure(error)}\n${error.message}`);
  }

  let site;
  try {
    site = await serveLiveSite({
      deployDir: context.deployDir,
      port,
      server,
      ...(settings ? { embedAllowedSites: settings.embed.allowedSites } : {}),
    });
  } catch (error) {
    const text = String((error as Error).message ?? error);
    if (/EADDRINUSE|Address already in use/.test(text))
      fail(
        `Port ${port} is already in use (another npm start or npm run preview?). Stop it, or run npm start -- --port <another>.`,
      );
    throw error;
  }
  const how =
    site.server === 'nginx'
      ? 'nginx, with the generated configuration'
      : `a small Node server with nginx's answers${chosen.why ? ` (${chosen.why})` : ''}`;
  console.log(
    `Serving the live release, ${currentLink(context.deployDir)}, through ${how}: closed appeals answer 410, and each publish shows here at once.`,
  );
  if (address !== `${site.url}/`)
    console.log(
      `The studio links to ${address}; to make its links open this server, start the studio with LIVE_SITE_URL=${site.url}/.`,
    );
  // Last, so it is the line people see (and tests wait for).
  console.log(`The public site is at ${site.url}/ (Ctrl+C stops it).`);
  const stop = () => {
    void site.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (import.meta.main) await main();
