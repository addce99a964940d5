// `npm run studio`: the signed-in authoring studio, and `npm run studio -- user …` to manage who may
// sign in. Thin wrapper over src/lib/studio and the studio's Astro app (studio/).
import { createServer, type ServerResponse } from 'node:http';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { plainPath, studioHost } from '../src/lib/studio/request-security.ts';
import { STUDIO_SECURITY_HEADERS } from '../src/lib/studio/studio-headers.ts';
import { studioConfig, studioPort, StudioConfigError } from '../src/lib/studio/studio-config.ts';
import { OperatorEnvError, readOperatorEnv } from '../src/lib/config/operator-env.ts';
import { generatePassword } from '../src/lib/studio/passwords.ts';
import { pruneKeptForms } from '../src/lib/studio/kept-forms.ts';
import { ensureStudioBuild, PROJECT_ROOT } from './lib/studio-build.ts';
import { quietSqliteWarning } from './lib/quiet-sqlite-warning.ts';

const USAGE = `Usage: npm run studio [-- --port 4322]
       npm run studio -- user add <email> --role author|publisher|admin [--generate | --password-stdin]
       npm run studio -- user reset <email> [--role author|publisher|admin] [--generate | --password-stdin]
       npm run studio -- user unlock <email>
       npm run studio -- user remove <email>
       npm run studio -- user list
       npm run studio -- build

Starts the studio on http://127.0.0.1:<port>/ (STUDIO_PORT or --port; 0 picks a free port).
Without --generate or --password-stdin, user add and reset ask for the password twice.
user unlock lifts a pause on signing in after wrong passwords, without changing the password.
`;

class UsageError extends Error {}

async function serve(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { port: { type: 'string' } }, strict: true });
  const operator = readOperatorEnv();
  const port = studioPort(values.port ?? operator.studio.port);
  // Fail now, with the reason, rather than on the first request.
  const config = studioConfig(operator, PROJECT_ROOT);
  // Forms kept past their hour go now, not only when another form is kept.
  pruneKeptForms(config.dataDir, Date.now());
  const build = await ensureStudioBuild({ log: (line) => console.log(line) });
  process.env.ASTRO_NODE_AUTOSTART = 'disabled';
  process.env.ASTRO_NODE_LOGGING = 'disabled';
  process.env.STUDIO_PROJECT_ROOT = PROJECT_ROOT;
  const { handler } = (await import(pathToFileURL(build.entry).href)) as {
    handler: (req: unknown, res: ServerResponse) => void;
  };
  let listeningPort = port;
  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(STUDIO_SECURITY_HEADERS)) res.setHeader(name, value);
    if (!plainPath(req.url ?? '/')) {
      res
        .writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' })
        .end('Bad request: the address climbs out of its folder.\n');
      return;
    }
    // The port is known once listening; a request before that cannot arrive.
    if (!studioHost(req.headers.host, listeningPort, config.trust.publicOrigin)) {
      res
        .writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' })
        .end(
          'Refused: this address is not the studio’s. Open the studio at the address its administrator gave you.\n',
        );
      return;
    }
    if (config.trust.publicOrigin?.startsWith('https:'))
      res.setHeader('Strict-Transport-Security', 'max-age=31536000');
    handler(req, res);
  });
  server.headersTimeout = 60_000;
  server.requestTimeout = 300_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  listeningPort = actual;
  console.log(`The studio is running at http://127.0.0.1:${actual}/ (Ctrl+C stops it).`);
  console.log(`Data folder: ${config.dataDir}. Content: ${config.contentDir}.`);
  const stop = () => server.close(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** A password from standard input (one line), or typed twice at a terminal without echo. */
async function readPassword(options: {
  generate: boolean;
  stdin: boolean;
  /** Why a password is refused, asked before it is typed a second time. */
  problem: (password: string) => string | undefined;
}): Promise<{ password: string; generated: boolean }> {
  if (options.generate) return { password: generatePassword(), generated: true };
  if (options.stdin || !process.stdin.isTTY) {
    if (!options.stdin)
      throw new UsageError(
        'No terminal to ask for the password: give --password-stdin (and the password on standard input) or --generate.',
      );
    const lines = createInterface({ input: process.stdin });
    for await (const line of lines) return { password: line, generated: false };
    throw new UsageError('expected a password on standard input, got nothing');
  }
  const ask = (question: string) =>
    new Promise<string>((resolve) => {
      const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
      // Echo nothing while the password is typed.
      (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
        if (s.includes(question)) process.stdout.write(s);
      };
      rl.question(question, (answer) => {
        rl.close();
        process.stdout.write('\n');
        resolve(answer);
      });
    });
  const first = await ask('Password (at least 12 characters): ');
  const problem = options.problem(first);
  if (problem)
    throw new UsageError(`${problem.charAt(0).toUpperCase()}${problem.slice(1)}. Nothing was changed.`);
  const second = await ask('The same password again: ');
  if (first !== second) throw new UsageError('The two passwords were different. Nothing was changed.');
  return { password: first, generated: false };
}

async function user(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    strict: true,
    options: {
      role: { type: 'string' },
      generate: { type: 'boolean', default: false },
      'password-stdin': { type: 'boolean', default: false },
    },
  });
  quietSqliteWarning();
  const { openStudioDb } = await import('../src/lib/studio/studio-db.ts');
  const users = await import('../src/lib/studio/users.ts');
  const { passwordProblem } = await import('../src/lib/studio/passwords.ts');
  const { liftPause } = await import('../src/lib/studio/login-throttle.ts');
  const { roleName } = await import('../src/lib/studio/roles.ts');
  const config = studioConfig(readOperatorEnv(), PROJECT_ROOT);
  const db = openStudioDb(config.dataDir);
  const email = positionals[0];
  const needEmail = () => {
    if (!email || positionals.length > 1)
      throw new UsageError(`Give one email address: npm run studio -- user ${command} name@example.org`);
    return email;
  };
  try {
    switch (command) {
      case 'add': {
        if (!values.role)
          throw new UsageError('user add needs --role author, --role publisher or --role admin.');
        if (!users.isRole(values.role))
          throw new UsageError(
            `Expected a role of author, publisher or admin, got ${JSON.stringify(values.role)}. Nothing was changed.`,
          );
        const address = users.checkedEmail(needEmail());
        if (users.findUser(db, address))
          throw new UsageError(
            `There is already a user ${address}; use "user reset" to give them a new password.`,
          );
        const { password, generated } = await readPassword({
          generate: values.generate,
          stdin: values['password-stdin'],
          problem: (p) => passwordProblem(p, address, config.passwordWords),
        });
        const added = await users.addUser(db, {
          email: address,
          role: values.role,
          password,
          serviceWords: config.passwordWords,
        });
        const name = roleName(added.role);
        console.log(`Added ${added.email} as ${/^[aeiou]/.test(name) ? 'an' : 'a'} ${name}.`);
        if (generated)
          console.log(`Their password (give it to them privately; it is not shown again): ${password}`);
        return;
      }
      case 'reset': {
        const address = needEmail();
        if (!users.findUser(db, address))
          throw new UsageError(`There is no user ${users.normaliseEmail(address)}.`);
        const { password, generated } = await readPassword({
          generate: values.generate,
          stdin: values['password-stdin'],
          problem: (p) => passwordProblem(p, address, config.passwordWords),
        });
        await users.setPassword(db, {
          email: address,
          password,
          role: values.role,
          serviceWords: config.passwordWords,
        });
        console.log(
          `Reset ${users.normaliseEmail(address)}: new password set, signed out everywhere, any pause from wrong passwords lifted.`,
        );
        if (generated)
          console.log(`Their password (give it to them privately; it is not shown again): ${password}`);
        return;
      }
      case 'unlock': {
        const address = needEmail();
        if (!users.findUser(db, address))
          throw new UsageError(`There is no user ${users.normaliseEmail(address)}.`);
        liftPause(db, users.normaliseEmail(address), Date.now());
        console.log(
          `Lifted any pause on signing in for ${users.normaliseEmail(address)}. Their password is unchanged.`,
        );
        return;
      }
      case 'remove':
        users.removeUser(db, needEmail());
        console.log(`Removed ${users.normaliseEmail(email!)} and ended their sessions.`);
        return;
      case 'list': {
        const all = users.listUsers(db);
        for (const u of all)
          console.log(
            `${u.email.padEnd(40)} ${u.role.padEnd(9)} last signed in ${u.lastSignInAt ? new Date(u.lastSignInAt).toISOString() : 'never'}`,
          );
        console.log(`${all.length} user${all.length === 1 ? '' : 's'}.`);
        return;
      }
      default:
        throw new UsageError(`Unknown user command "${command ?? ''}".\n\n${USAGE}`);
    }
  } catch (error) {
    if (error instanceof users.UserError)
      throw new UsageError(
        `${error.message.charAt(0).toUpperCase()}${error.message.slice(1)}. Nothing was changed.`,
      );
    throw error;
  } finally {
    db.close();
  }
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  if (command === 'user') return user(rest);
  if (command === 'help' || command === '--help') {
    console.log(USAGE);
    return;
  }
  if (command === 'build') {
    const build = await ensureStudioBuild({ log: (line) => console.log(line) });
    console.log(`The studio is built in ${build.dir}.`);
    return;
  }
  quietSqliteWarning();
  return serve(command === undefined ? [] : [command, ...rest]);
}

main().catch((error: unknown) => {
  if (
    error instanceof UsageError ||
    error instanceof StudioConfigError ||
    error instanceof OperatorEnvError ||
    (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
  ) {
    console.error((error as Error).message);
    process.exit(1);
  }
  throw error;
});
