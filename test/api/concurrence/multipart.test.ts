/**
 * Issue #12: a multipart upload refused with 400 part-way through its body (too many parts, a field
 * too long) must not leave the rest of the body unread on a keep-alive connection: the next request
 * on that connection would wait behind it, then fail (ECONNRESET after the keep-alive timeout).
 * The server drains what is left (bounded) or answers `Connection: close`.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '@test/support/app';
import { connexion, demandeurActif, demande } from '../portail/fixtures';

const t = useTestApp('isolee');
let serveur: http.Server;
let port = 0;
let jeton = '';
beforeAll(async () => {
  serveur = t.app.listen(0, '127.0.0.1');
  await new Promise((ok) => serveur.once('listening', ok));
  port = (serveur.address() as AddressInfo).port;
  const a = await demandeurActif(t.orm);
  await demande(t.orm, a.id, { socles: false });
  jeton = await connexion(t.app, a.email);
});
afterAll(async () => {
  serveur.closeAllConnections();
  await new Promise((ok) => serveur.close(ok));
});

const B = 'frontiere-issue-12';
const partie = (nom: string, contenu: string | Buffer, fichier?: string) =>
  Buffer.concat([
    Buffer.from(`--${B}\r\nContent-Disposition: form-data; name="${nom}"${fichier ? `; filename="${fichier}"` : ''}\r\n\r\n`),
    Buffer.isBuffer(contenu) ? contenu : Buffer.from(contenu),
    Buffer.from('\r\n'),
  ]);
const fin = Buffer.from(`--${B}--\r\n`);
/** 2 MB of a PDF after the refused part: what stays unread when the server stops at the refusal. */
const GROS = partie('fichier', Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2 * 1024 * 1024, 0x20)]), 'a.pdf');

interface Reponse {
  status: number;
  body: string;
  ms: number;
  reutilisee: boolean;
  connection?: string;
}

function envoyer(agent: http.Agent, o: { method: string; path: string; headers?: Record<string, string>; corps?: Buffer }): Promise<Reponse> {
  return new Promise((ok, ko) => {
    const t0 = performance.now();
    const req = http.request({ host: '127.0.0.1', port, agent, method: o.method, path: o.path, headers: { ...o.headers, ...(o.corps ? { 'Content-Length': String(o.corps.length) } : {}) } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => ok({ status: res.statusCode!, body, ms: performance.now() - t0, reutilisee: req.reusedSocket, connection: res.headers.connection }));
    });
    req.setTimeout(8000, () => req.destroy(new Error('pas de réponse en 8 s')));
    req.on('error', ko);
    req.end(o.corps);
  });
}

const CAS: Array<[string, Buffer, RegExp]> = [
  ['too many parts', Buffer.concat([...Array.from({ length: 11 }, (_, i) => partie(`champ${i}`, 'x')), GROS, fin]), /Trop de champs/],
  ['a field too long', Buffer.concat([partie('type', 'i'.repeat(5000)), GROS, fin]), /trop long/],
  ['a file in a text field', Buffer.concat([partie('type', 'identite', 'type.txt'), GROS, fin]), /ne doit pas être un fichier/],
];

const GROS_EXE = partie('fichier', Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(2 * 1024 * 1024, 0x20)]), 'a.pdf');
const CAS_415: Array<[string, Buffer]> = [['a file of a refused type (415)', Buffer.concat([partie('type', 'identite'), GROS_EXE, fin])]];

describe('issue #12: a refused multipart upload and the next request on the same keep-alive connection', () => {
  for (const [nom, corps] of CAS_415) {
    it(`${nom}: 415 TYPE_FICHIER reaches the client, then the next request is served at once (< 1 s)`, async () => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      try {
        const refus = await envoyer(agent, {
          method: 'POST', path: '/api/portail/justificatifs', corps,
          headers: { Authorization: `Bearer ${jeton}`, 'Content-Type': `multipart/form-data; boundary=${B}` },
        });
        expect(refus.status).toBe(415);
        expect(JSON.parse(refus.body).code).toBe('TYPE_FICHIER');
        const suivante = await envoyer(agent, { method: 'GET', path: '/api/health' });
        expect(suivante.status).toBe(200);
        expect(suivante.ms).toBeLessThan(1000);
      } finally {
        agent.destroy();
      }
    });
  }
  for (const [nom, corps, detail] of CAS) {
    it(`${nom}: 400 MULTIPART_INVALIDE, then the next request on that connection is served at once (no ECONNRESET, < 1 s)`, async () => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      try {
        const refus = await envoyer(agent, {
          method: 'POST', path: '/api/portail/justificatifs', corps,
          headers: { Authorization: `Bearer ${jeton}`, 'Content-Type': `multipart/form-data; boundary=${B}` },
        });
        expect(refus.status).toBe(400);
        expect(JSON.parse(refus.body)).toMatchObject({ code: 'MULTIPART_INVALIDE', detail: expect.stringMatching(detail) });
        const suivante = await envoyer(agent, { method: 'GET', path: '/api/health' });
        expect(suivante.status).toBe(200);
        expect(suivante.ms).toBeLessThan(1000);
        // Either the body was drained and the connection kept, or the server said it closes it.
        if (refus.connection !== 'close') expect(suivante.reutilisee).toBe(true);
      } finally {
        agent.destroy();
      }
    });
  }
});
