// The loopback push service the tests receive pushes with: the one `npm run bench` also uses.
export { startPushService, type TestDevice, type TestPushService } from '../../scripts/lib/push-service.ts';
