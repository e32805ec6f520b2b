/**
 * What Node's HTTP parser refuses before Express (headers over 16 KB, a malformed request line) is
 * answered by the app's server as a problem+json with a stable code, like every other refusal.
 */
import { connect } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveurHttp } from '@server/http/serveur';
import { useTestApp } from '@test/support/app';

const t = useTestApp();
let serveur: Server;
let port: number;
beforeAll(async () => {
  serveur = serveurHttp(t.app);
  await new Promise<void>((ok) => serveur.listen(0, '127.0.0.1', ok));
  port = (serveur.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((ok) => serveur.close(() => ok())));

/** A raw request (fetch would refuse to send some of them), and the whole answer. */
function brut(texte: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1', () => s.write(texte));
    let out = '';
    s.on('data', (b) => (out += String(b)));
    s.on('end', () => resolve(out));
    s.on('error', reject);
  });
}

const corps = (reponse: string) => JSON.parse(reponse.slice(reponse.indexOf('\r\n\r\n') + 4));

describe('the app server answers what Express never sees', () => {
  it('SEC-ENTREES: an address over 16 KB (a filter of thousands of values) → 431 problem+json REQUETE_TROP_LONGUE', async () => {
    const filtre = encodeURIComponent(JSON.stringify({ id: Array.from({ length: 3000 }, (_, i) => i) }));
    const r = await brut(`GET /api/candidatures?filter=${filtre} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(r).toMatch(/^HTTP\/1\.1 431 /);
    expect(r).toMatch(/Content-Type: application\/problem\+json/i);
    expect(corps(r)).toMatchObject({ status: 431, code: 'REQUETE_TROP_LONGUE' });
  });

  it('SEC-ENTREES: a malformed request line → 400 problem+json REQUETE_MALFORMEE; the server keeps serving', async () => {
    const r = await brut('GET /api/health HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n');
    expect(r).toMatch(/^HTTP\/1\.1 400 /);
    expect(corps(r)).toMatchObject({ status: 400, code: 'REQUETE_MALFORMEE' });
    expect(await brut('GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).toMatch(/^HTTP\/1\.1 200 /);
  });
});
