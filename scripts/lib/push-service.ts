// A web push service on loopback for the alerts tests and `npm run bench`: an HTTPS server (a certificate made for
// 127.0.0.1) that receives what the alerts service pushes, checks its VAPID signature, and
// decrypts it (RFC 8291, aes128gcm) with keys of a browser subscription the test makes. Written
// from the RFCs, not with the library the service sends with, so the two check each other.
import { execFileSync } from 'node:child_process';
import {
  createDecipheriv,
  createECDH,
  createPublicKey,
  type ECDH,
  hkdfSync,
  randomBytes,
  verify,
} from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface ReceivedPush {
  device: string;
  headers: Record<string, string | undefined>;
  /** The decrypted payload, parsed. */
  payload: { tag: string; title: string; body: string; url: string };
  /** The VAPID token's claims (its signature checked with `k`). */
  vapid: { aud: string; sub: string; exp: number; publicKey: string };
}

export interface TestDevice {
  name: string;
  /** What a browser's PushSubscription.toJSON() gives. */
  subscription: { endpoint: string; keys: { p256dh: string; auth: string } };
  ecdh: ECDH;
  auth: Buffer;
}

export interface TestPushService {
  origin: string;
  /** The certificate's authority, for the sender to trust. */
  ca: Buffer;
  caFile: string;
  /** The pushes decrypted and checked (all, or the first `verify`). */
  received: ReceivedPush[];
  /** Pushes answered 201, checked or not; performance.now() of the first and the last. */
  accepted: number;
  firstAt: number;
  lastAt: number;
  /** Answers for a device (default 201). */
  answer: Map<string, number>;
  /** While true, pushes are received but not answered (in flight); `held` counts them. */
  hold: boolean;
  held: number;
  /** Answers every held push. */
  release(): void;
  /** A new browser subscription on this push service. */
  device(name: string): TestDevice;
  /** Resolves once `count` pushes in all have been accepted. */
  waitFor(count: number, ms?: number): Promise<void>;
  close(): Promise<void>;
}

const b64url = (b: Buffer) => b.toString('base64url');

/** Decrypts an aes128gcm body (RFC 8188) for a user agent's keys (RFC 8291). */
function decrypt(body: Buffer, device: TestDevice): Buffer {
  const salt = body.subarray(0, 16);
  const idLength = body[20]!;
  const senderPublic = body.subarray(21, 21 + idLength);
  const ciphertext = body.subarray(21 + idLength);
  const shared = device.ecdh.computeSecret(senderPublic);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), device.ecdh.getPublicKey(), senderPublic]);
  const ikm = Buffer.from(hkdfSync('sha256', shared, device.auth, keyInfo, 32));
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const plain = Buffer.concat([
    decipher.update(ciphertext.subarray(0, ciphertext.length - 16)),
    decipher.final(),
  ]);
  // The last record: the content, a 0x02 delimiter, then zero padding.
  let end = plain.length - 1;
  while (end >= 0 && plain[end] === 0) end -= 1;
  if (plain[end] !== 2) throw new Error('push: no last-record delimiter');
  return plain.subarray(0, end);
}

/** Checks `Authorization: vapid t=<JWT>, k=<key>` (RFC 8292) and returns its claims. */
function vapidClaims(header: string | undefined): ReceivedPush['vapid'] {
  const match = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+), k=([\w-]+)$/.exec(header ?? '');
  if (!match) throw new Error(`push: no VAPID authorization, got ${header}`);
  const [token, key] = [match[1]!, match[2]!];
  const [head, claims, signature] = token.split('.') as [string, string, string];
  const point = Buffer.from(key, 'base64url');
  const publicKey = createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: b64url(point.subarray(1, 33)), y: b64url(point.subarray(33, 65)) },
    format: 'jwk',
  });
  const ok = verify(
    'sha256',
    Buffer.from(`${head}.${claims}`),
    { key: publicKey, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  );
  if (!ok) throw new Error('push: the VAPID signature does not verify');
  const parsed = JSON.parse(Buffer.from(claims, 'base64url').toString()) as {
    aud: string;
    sub: string;
    exp: number;
  };
  return { ...parsed, publicKey: key };
}

/**
 * `verify`: how many pushes to decrypt and check (default all). The bench checks a sample and
 * accepts the rest unread, so the service's pace is measured, not this one's decryption.
 */
export async function startPushService(options: { verify?: number } = {}): Promise<TestPushService> {
  const verifyCount = options.verify ?? Infinity;
  const dir = mkdtempSync(path.join(tmpdir(), 'push-service-'));
  const keyFile = path.join(dir, 'key.pem');
  const caFile = path.join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '1',
    ].concat([
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      keyFile,
      '-out',
      caFile,
    ]),
    { stdio: 'ignore' },
  );
  const devices = new Map<string, TestDevice>();
  let waiters: Array<() => boolean> = [];
  let heldAnswers: Array<() => void> = [];
  const server = createServer({ key: readFileSync(keyFile), cert: readFileSync(caFile) }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (service.hold) {
        service.held += 1;
        heldAnswers.push(answer);
      } else answer();
    });
    const answer = () => {
      const name = decodeURIComponent((req.url ?? '').replace(/^\/push\//, ''));
      const device = devices.get(name);
      if (req.method !== 'POST' || !device) {
        res.writeHead(404).end();
        return;
      }
      const status = service.answer.get(name) ?? 201;
      if (status === 201 && service.accepted < verifyCount) {
        const h = req.headers;
        service.received.push({
          device: name,
          headers: {
            ttl: h.ttl as string | undefined,
            urgency: h.urgency as string | undefined,
            topic: h.topic as string | undefined,
            'content-encoding': h['content-encoding'],
          },
          payload: JSON.parse(
            decrypt(Buffer.concat(chunks), device).toString('utf8'),
          ) as ReceivedPush['payload'],
          vapid: vapidClaims(h.authorization),
        });
      }
      if (status === 201) {
        service.accepted += 1;
        service.lastAt = performance.now();
        if (service.accepted === 1) service.firstAt = service.lastAt;
        waiters = waiters.filter((waiting) => !waiting());
      }
      res.writeHead(status).end();
    };
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const origin = `https://127.0.0.1:${(server.address() as { port: number }).port}`;
  const service: TestPushService = {
    origin,
    ca: readFileSync(caFile),
    caFile,
    received: [],
    accepted: 0,
    firstAt: 0,
    lastAt: 0,
    answer: new Map(),
    hold: false,
    held: 0,
    release() {
      service.hold = false;
      const answers = heldAnswers;
      heldAnswers = [];
      for (const answer of answers) answer();
    },
    device(name) {
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const auth = randomBytes(16);
      const device: TestDevice = {
        name,
        ecdh,
        auth,
        subscription: {
          endpoint: `${origin}/push/${encodeURIComponent(name)}`,
          keys: { p256dh: b64url(ecdh.getPublicKey()), auth: b64url(auth) },
        },
      };
      devices.set(name, device);
      return device;
    },
    waitFor: (count, ms = 60_000) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`expected ${count} pushes within ${ms} ms, got ${service.accepted}`)),
          ms,
        );
        const check = () => {
          if (service.accepted < count) return false;
          clearTimeout(timer);
          resolve();
          return true;
        };
        if (!check()) waiters.push(check);
      }),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return service;
}
