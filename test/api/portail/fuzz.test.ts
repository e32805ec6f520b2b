/**
 * Fuzz of every portal route: 1 000 requests with random malformed bodies, headers and query
 * strings (fast-check, fixed seed). The API must never answer 5xx and must change nothing:
 * row counts and an md5 of every table of the public schema, and the file store, are equal
 * before and after. Requests carry no session, a broken one, an agent's, or the session of a
 * demandeur without demande (so even a well-formed apply or upload is refused by the rules).
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import request from 'supertest';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { login, useTestApp } from '@test/support/app';
import { createAgent } from '@test/support/agents';
import { connexion, demandeurActif, q } from './fixtures';

const t = useTestApp();
const RUNS = 1000;
let jetonDemandeur = '';
let jetonAgent = '';

async function empreinte() {
  const tables = await q<{ tablename: string }>(t.orm, `select tablename from pg_tables where schemaname = 'public' order by tablename`);
  const out: Record<string, string> = {};
  for (const { tablename } of tables) {
    const [r] = await q<{ n: number; h: string | null }>(t.orm, `select count(*)::int as n, md5(string_agg(x::text, '|' order by x::text)) as h from "${tablename}" x`);
    out[tablename] = `${r.n}:${r.h}`;
  }
  let fichiers = 0;
  for await (const _ of t.storage.list()) fichiers++;
  const tmp = path.join(inject('dataDir'), 'tmp');
  return { tables: out, fichiers, tmp: existsSync(tmp) ? readdirSync(tmp).length : 0 };
}

type Auth = 'aucune' | 'demandeur' | 'bearer_casse' | 'cookie_casse' | 'agent' | 'bizarre';
interface Route {
  methode: 'get' | 'post' | 'put' | 'delete';
  chemin: string;
  /** The route changes state whatever the body (logout, closure): never with a live session. */
  sansSession?: boolean;
}
const ROUTES: Route[] = [
  { methode: 'post', chemin: '/comptes' },
  { methode: 'post', chemin: '/comptes/verifier' },
  { methode: 'post', chemin: '/comptes/renvoyer-lien' },
  { methode: 'post', chemin: '/connexion' },
  { methode: 'post', chemin: '/deconnexion', sansSession: true },
  { methode: 'get', chemin: '/cgu' },
  { methode: 'post', chemin: '/cgu/accepter' },
  { methode: 'get', chemin: '/compte' },
  { methode: 'delete', chemin: '/compte', sansSession: true },
  { methode: 'get', chemin: '/demande' },
  { methode: 'put', chemin: '/demande' },
  { methode: 'post', chemin: '/justificatifs' },
  { methode: 'get', chemin: '/offres' },
  { methode: 'get', chemin: '/offres/:id' },
  { methode: 'post', chemin: '/offres/:id/candidater' },
  { methode: 'get', chemin: '/candidatures' },
  { methode: 'post', chemin: '/candidatures/:id/annuler' },
  { methode: 'get', chemin: '/propositions' },
  { methode: 'post', chemin: '/propositions/:id/accepter' },
  { methode: 'post', chemin: '/propositions/:id/refuser' },
  // A live session reads the package and audits the request (a change): fuzzed without one.
  { methode: 'get', chemin: '/mes-donnees', sansSession: true },
  { methode: 'get', chemin: '/mes-donnees.zip', sansSession: true },
];

const imprimable = fc.string({ unit: fc.constantFrom(...' abcxyzABC0129-_.;,=/%"\'{}[]:éàü\\'.split('')), maxLength: 60 });
const id = fc.oneof(
  fc.integer({ min: -10, max: 2_147_483_647 }).map(String),
  fc.constantFrom('0', '1e3', '0x10', '00000000001', '99999999999999999999', 'abc', '%00', '..%2F..', '%E0%A4%A', '%', ' ', 'null', '-1'),
  imprimable.map(encodeURIComponent),
);
const valeurJson = fc.jsonValue({ maxDepth: 4 });
/** A demande form broken on purpose (one required field wrong, or a field the demandeur does not own). */
const demandeCassee = fc
  .tuple(
    fc.constantFrom(
      ['nombrePersonnes', 0],
      ['nombrePersonnes', 21],
      ['nombrePersonnes', '2'],
      ['revenuFiscalReference', -1],
      ['revenuFiscalReference', 'beaucoup'],
      ['publicCible', 'vip'],
      ['secteursRecherche', []],
      ['secteursRecherche', [{ codeInsee: '69123', rayonKm: 101 }]],
      ['secteursRecherche', [{ codeInsee: 'xx', rayonKm: 1 }]],
      ['controleRenforce', false],
      ['statut', 'complete'],
      ['__proto__', { admin: true }],
    ),
    valeurJson,
  )
  .map(([[k, v]]) => ({
    nombrePersonnes: 2,
    revenuFiscalReference: 20_000,
    publicCible: 'peec',
    secteursRecherche: [{ codeInsee: '69123', rayonKm: 10 }],
    [k as string]: v,
  }));
const objetCasse = fc.oneof(
  fc.dictionary(fc.constantFrom('email', 'motDePasse', 'token', 'version', 'civilite', 'nom', 'prenom', 'motif', 'type', 'x', 'constructor', '__proto__'), valeurJson, { maxKeys: 6 }),
  fc.record({ email: valeurJson, motDePasse: fc.oneof(fc.integer(), fc.constant(null), fc.array(fc.string())) }),
  fc.record({ email: fc.string(), motDePasse: fc.string(), extra: fc.string() }),
  fc.record({ token: fc.oneof(fc.integer(), fc.string({ minLength: 201, maxLength: 400 }), fc.constant(null)) }),
  fc.record({ civilite: fc.constantFrom('M', 'Mme'), nom: fc.string(), prenom: fc.string(), email: fc.string(), motDePasse: fc.constantFrom('court', 'motdepasse123', '123456789012') }),
  demandeCassee,
);

interface Corps {
  contentType?: string;
  encoding?: string;
  donnees?: string | Buffer | object;
}
const multipart = fc
  .record({
    boundary: fc.oneof(fc.constantFrom('xyz', 'a'.repeat(70), 'b'.repeat(71), '', '"q"'), imprimable),
    parties: fc.array(
      fc.record({
        entetes: fc.oneof(
          fc.constantFrom(
            'Content-Disposition: form-data; name="fichier"; filename="a.pdf"',
            'Content-Disposition: form-data; name="type"',
            'Content-Disposition: form-data; name="titulaire"',
            'Content-Disposition: attachment',
            'Content-Disposition: form-data',
            'pas un en-tête',
            'Content-Disposition: form-data; name="fichier"; filename="../../x.exe"',
          ),
          imprimable,
        ),
        contenu: fc.oneof(
          fc.constantFrom('%PDF-1.7 pas vraiment', '\x89PNG\r\n\x1a\n', '\xff\xd8\xff\xe0jpeg', 'MZ\x90\x00', 'identite', 'demandeur', ''),
          fc.string({ maxLength: 200 }),
          fc.uint8Array({ maxLength: 300 }).map((u) => Buffer.from(u).toString('latin1')),
        ),
      }),
      { maxLength: 5 },
    ),
    fin: fc.constantFrom('ferme', 'tronque', 'sans_fin', 'epilogue'),
  })
  .map(({ boundary, parties, fin }): Corps => {
    const corps =
      parties.map((p) => `--${boundary}\r\n${p.entetes}\r\n\r\n${p.contenu}\r\n`).join('') +
      (fin === 'ferme' ? `--${boundary}--\r\n` : fin === 'epilogue' ? `--${boundary}--\r\nreste` : fin === 'tronque' ? `--${boundary}` : '');
    return { contentType: `multipart/form-data; boundary=${boundary}`, donnees: Buffer.from(corps, 'latin1') };
  });
/** Well-formed multipart whose values are wrong (type, titulaire, file bytes): reaches the sniffing and the rules. */
const multipartBienForme = fc
  .record({
    type: fc.constantFrom('identite', 'ressources', 'passeport', '', 'identite\r\nX: y'),
    titulaire: fc.constantFrom('demandeur', 'codemandeur', 'voisin'),
    nom: imprimable,
    contenu: fc.oneof(
      fc.uint8Array({ maxLength: 2000 }).map((u) => Buffer.from(u)),
      fc.uint8Array({ maxLength: 500 }).map((u) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(u)])),
      fc.uint8Array({ maxLength: 500 }).map((u) => Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(u)])),
      fc.uint8Array({ maxLength: 500 }).map((u) => Buffer.concat([Buffer.from('MZ'), Buffer.from(u)])),
    ),
    doublon: fc.boolean(),
  })
  .map(({ type, titulaire, nom, contenu, doublon }): Corps => {
    const b = 'frontiere42';
    const champ = (n: string, v: string) => `--${b}\r\nContent-Disposition: form-data; name="${n}"\r\n\r\n${v}\r\n`;
    const fichier = Buffer.concat([Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="fichier"; filename="${nom.replace(/"/g, '')}"\r\nContent-Type: application/pdf\r\n\r\n`), contenu, Buffer.from('\r\n')]);
    const donnees = Buffer.concat([Buffer.from(champ('type', type) + champ('titulaire', titulaire)), fichier, doublon ? fichier : Buffer.alloc(0), Buffer.from(`--${b}--\r\n`)]);
    return { contentType: `multipart/form-data; boundary=${b}`, donnees };
  });
const corps: fc.Arbitrary<Corps> = fc.oneof(
  objetCasse.map((o) => ({ contentType: 'application/json', donnees: JSON.stringify(o) })),
  valeurJson.map((v) => ({ contentType: 'application/json', donnees: JSON.stringify(v) })),
  fc.string({ maxLength: 300 }).map((s) => ({ contentType: 'application/json', donnees: s })),
  fc.constantFrom('{', '{"a":', '[1,2', '"x"', 'null', '1e999', '{"__proto__":{"x":1}}', '\u0000').map((s) => ({ contentType: 'application/json', donnees: s })),
  fc.record({ contentType: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'a/b;;;=', 'application/json; charset=latin-42', ''), donnees: fc.string({ maxLength: 200 }) }),
  fc.record({ contentType: fc.constant('application/json'), encoding: fc.constantFrom('gzip', 'deflate', 'br', 'compress'), donnees: fc.string({ maxLength: 50 }) }),
  fc.constant<Corps>({}),
  multipart,
);
const GROS: Corps = { contentType: 'application/json', donnees: JSON.stringify({ x: 'y'.repeat(1024 * 1024 + 10) }) };
/** Uploads get mostly multipart bodies, the other routes mostly JSON; a few bodies over the 1 MB JSON limit. */
const corpsPour = (route: Route): fc.Arbitrary<Corps> =>
  fc.oneof(
    { arbitrary: route.chemin === '/justificatifs' ? fc.oneof(multipart, multipartBienForme) : corps, weight: 8 },
    { arbitrary: corps, weight: 2 },
    { arbitrary: fc.constant(GROS), weight: 1 },
  );
const query = fc.oneof(
  fc.constant(''),
  fc
    .array(
      fc.tuple(
        fc.oneof(fc.constantFrom('communes', 'rayonKm', 'range', 'nature', 'forme', 'sort', 'filter', 'page', '__proto__'), imprimable),
        fc.oneof(
          fc.constantFrom('69123', '69123,69266', '69123,,', '99999', '2A004', '-1', '100', '101', '1e2', 'NaN', '[0,24]', '[5,1]', '[0,1e9]', '[-1,3]', 'classique', '%', '%zz'),
          imprimable,
        ),
      ),
      { maxLength: 5 },
    )
    .map((kv) => kv.map(([k, v]) => `${k}=${v.includes('%') ? v : encodeURIComponent(v)}`).join('&')),
);
const auth = fc.constantFrom<Auth>('aucune', 'demandeur', 'demandeur', 'demandeur', 'demandeur', 'bearer_casse', 'cookie_casse', 'agent', 'bizarre');
const entetesEnPlus = fc.dictionary(fc.constantFrom('Accept', 'Accept-Language', 'X-Forwarded-For', 'If-None-Match', 'Range', 'X-Http-Method-Override', 'Origin'), imprimable, { maxKeys: 3 });

describe('portal fuzz', () => {
  beforeAll(async () => {
    const d = await demandeurActif(t.orm);
    jetonDemandeur = await connexion(t.app, d.email);
    const agent = await createAgent(t.orm, 'admin');
    jetonAgent = await login(t.app, agent.email, agent.password);
  });

  it(`${RUNS} malformed requests over every portal route: no 5xx, nothing changed in the database nor the file store`, async () => {
    const avant = await empreinte();
    const statuts = new Map<number, number>();
    const parRoute = new Map<string, number>();
    const debut = Date.now();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ROUTES).chain((route) => fc.tuple(fc.constant(route), id, query, corpsPour(route), auth, entetesEnPlus)),
        async ([route, ident, qs, c, a, autres]) => {
        const url = `/api/portail${route.chemin.replace(':id', ident)}${qs ? `?${qs}` : ''}`;
        let r = request(t.app)[route.methode](url);
        const session = route.sansSession && a === 'demandeur' ? 'bearer_casse' : a;
        if (session === 'demandeur') r = r.set('Authorization', `Bearer ${jetonDemandeur}`);
        if (session === 'agent') r = r.set('Authorization', `Bearer ${jetonAgent}`);
        if (session === 'bearer_casse') r = r.set('Authorization', `Bearer ${jetonDemandeur.slice(0, -2)}xx`);
        if (session === 'cookie_casse') r = r.set('Cookie', `als_portail=${encodeURIComponent(ident)}; als_portail=%E0%A4%A; =;;`);
        if (session === 'bizarre') r = r.set('Authorization', ident.length % 2 ? 'Basic Zm9vOmJhcg==' : `Bearer ${'a'.repeat(500)}`);
        for (const [k, v] of Object.entries(autres)) r = r.set(k, v);
        if (c.contentType !== undefined) r = r.set('Content-Type', c.contentType);
        if (c.encoding) r = r.set('Content-Encoding', c.encoding);
        const res = c.donnees === undefined ? await r : await r.send(c.donnees as string);
        statuts.set(res.status, (statuts.get(res.status) ?? 0) + 1);
        const cle = `${route.methode} ${route.chemin} ${res.status}`;
        parRoute.set(cle, (parRoute.get(cle) ?? 0) + 1);
        if (res.status >= 500) throw new Error(`${route.methode.toUpperCase()} ${url} → ${res.status} ${res.text.slice(0, 300)}`);
        },
      ),
      { numRuns: RUNS, seed: 20_261_129, endOnFailure: true },
    );
    const duree = Date.now() - debut;
    const apres = await empreinte();
    expect(apres).toEqual(avant);
    expect([...statuts.keys()].every((s) => s < 500)).toBe(true);
    expect([...statuts.values()].reduce((a, b) => a + b, 0)).toBe(RUNS);
    expect(duree).toBeLessThan(60_000);
    console.log(`fuzz: ${RUNS} requêtes en ${duree} ms, statuts ${JSON.stringify(Object.fromEntries([...statuts].sort()))}`);
    console.log([...parRoute].sort().map(([k, n]) => `${k}: ${n}`).join('\n'));
  });
});
