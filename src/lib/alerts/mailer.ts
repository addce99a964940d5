import { readFileSync } from 'node:fs';
import nodemailer from 'nodemailer';
import type { OutgoingEmail } from './alert-email.ts';
import type { AlertsConfig } from './alerts-config.ts';
import type { SendEmail } from './outbox-worker.ts';

/**
 * The relay: nodemailer over SMTP with a pool of `concurrency` connections, signing with DKIM when
 * the operator gives a key. Without ALERTS_SMTP_URL nothing can be sent: the service still takes
 * subscriptions, and the emails wait in the outbox.
 */
export function smtpSender(
  smtp: NonNullable<AlertsConfig['smtp']>,
  concurrency: number,
): { send: SendEmail; close: () => void } {
  const url = new URL(smtp.url);
  url.searchParams.set('pool', 'true');
  url.searchParams.set('maxConnections', String(concurrency));
  const transport = nodemailer.createTransport(url.href, {
    from: smtp.from,
    ...(smtp.dkim
      ? {
          dkim: {
            domainName: smtp.dkim.domainName,
            keySelector: smtp.dkim.keySelector,
            privateKey: readFileSync(smtp.dkim.privateKeyFile, 'utf8'),
          },
        }
      : {}),
  });
  return {
    send: async (email: OutgoingEmail) => {
      await transport.sendMail({
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        messageId: email.messageId,
        // As written: List-Unsubscribe must stay one line (RFC 8058), not folded.
        headers: Object.fromEntries(
          Object.entries(email.headers).map(([key, value]) => [key, { prepared: true, value }]),
        ),
      });
    },
    close: () => transport.close(),
  };
}
