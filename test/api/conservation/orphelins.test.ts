import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AGE_BROUILLON_MS, AGE_EXPORT_ORPHELIN_MS, nettoyerBrouillons, supprimerPiecesOrphelines } from '@server/modules/conservation/orphelins';
import { appliquerConservation } from '@server/modules/conservation/appliquer';
import { LocalStorage } from '@server/storage/local';
import { verrouAdresse } from '@server/modules/justificatifs/stockageDepot';
import { baseDediee, sql, type BaseDediee } from '../jobs/support';
import { compteFerme } from './fixtures';

let db: BaseDediee;
let dataDir: string;
let storage: LocalStorage;

beforeAll(async () => {
  db = await baseDediee(inject('adminDatabaseUrl'), 'orphelins');
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'als-orphelins-'));
  storage = new LocalStorage(dataDir);
});
afterAll(async () => {
  await db?.fermer();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const vieillir = (f: string, ms: number) => {
  const t = (Date.now() - ms) / 1000;
  utimesSync(f, t, t);
};

describe('orphan files (DATA-ORPHANS)', () => {
  it('DATA-ORPHANS: the real upload receiver and the real export runner, killed mid-way (kill -9), leave their scratch file; the next run removes it once old enough, a live one stays', async () => {
    const tmp = path.join(dataDir, 'tmp');
    const brouillons = () => (existsSync(tmp) ? readdirSync(tmp).filter((f) => f.startsWith('t-')).map((f) => path.join(tmp, f)) : []);
    const lancer = async (args: string[], signe: RegExp) => {
      const enfant = spawn('npx', ['tsx', 'test/api/conservation/child-vrai.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
      let out = '';
      enfant.stdout.on('data', (b) => (out += String(b)));
      const fin = new Promise((resolve) => enfant.on('exit', resolve));
      const t0 = Date.now();
      while (!signe.test(out)) {
        if (Date.now() - t0 > 60_000) throw new Error(`the child did not start: ${out}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return { out, tuer: async () => (process.kill(-enfant.pid!, 'SIGKILL'), await fin) };
    };
    const avant = new Set(brouillons());

    // An upload: the headers and half of a 200 kB file, then the server process is killed.
    const serveur = await lancer(['upload', dataDir], /port \d+/);
    const port = Number(/port (\d+)/.exec(serveur.out)![1]);
    const limite = '----als' + Date.now();
    const sock = connect(port, '127.0.0.1');
    sock.on('error', () => undefined);
    sock.write(`POST / HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=${limite}\r\nContent-Length: 200400\r\n\r\n`);
    sock.write(`--${limite}\r\nContent-Disposition: form-data; name="fichier"; filename="avis.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n`);
    sock.write(Buffer.alloc(100_000, 'a'));
    const t0 = Date.now();
    while (![...brouillons()].some((f) => !avant.has(f))) {
      if (Date.now() - t0 > 20_000) throw new Error('no scratch file for the upload');
      await new Promise((r) => setTimeout(r, 50));
    }
    await serveur.tuer();
    sock.destroy();

    // An export: produced by the real runner, killed before its file is stored.
    await sql(db.orm, `insert into bailleur (nom, siren, email) values ('Bailleur Orphelin', '123456789', 'b@orphelin.test') on conflict do nothing`);
    const [{ id: bailleurId }] = await sql<{ id: number }>(db.orm, `select id from bailleur where nom = 'Bailleur Orphelin'`);
    const [{ id: agentId }] = await sql<{ id: number }>(db.orm,
      `insert into agent (email, nom, prenom, role, territoires, password_hash) values ('m-orphelin@als.test', 'M', 'M', 'manager', '{}', 'x') returning id`);
    const [{ id: exportId }] = await sql<{ id: number }>(db.orm,
      `insert into export (kind, params, destinataire, agent_id) values ('designations_bailleur', ?::jsonb, 'Bailleur Orphelin', ?) returning id`,
      [JSON.stringify({ bailleurId, from: '2026-01-01', to: '2026-12-31' }), agentId]);
    const exporteur = await lancer(['export', dataDir, db.url, String(exportId)], /started/);
    await exporteur.tuer();

    const laisses = brouillons().filter((f) => !avant.has(f));
    expect(laisses).toHaveLength(2);
    expect(laisses.some((f) => readFileSync(f).subarray(0, 2).toString() === 'PK')).toBe(true); // the XLSX
    expect(laisses.some((f) => readFileSync(f).includes('%PDF-1.4'))).toBe(true); // the half upload
    expect(await nettoyerBrouillons(storage, new Date())).toBe(0); // could still be another process's live file
    const vivant = await storage.tempFile(); // another process's upload, still being received
    writeFileSync(vivant, 'un téléversement en cours');
    for (const f of laisses) vieillir(f, AGE_BROUILLON_MS + 60_000);
    expect(await nettoyerBrouillons(storage, new Date())).toBe(2);
    for (const f of laisses) expect(existsSync(f)).toBe(false);
    expect(existsSync(vivant)).toBe(true);
  }, 240_000);

  it('DATA-ORPHANS: a stored piece no row references (crash between storing it and committing its row) is deleted after a day; referenced or recent ones stay', async () => {
    const c = await compteFerme(db.orm, storage, null, { statut: 'actif' });
    const reference = c.fichiers[0];
    const orpheline = (await storage.putStream(Readable.from([Buffer.from('pièce sans ligne')]))).sha256;
    const recente = (await storage.putStream(Readable.from([Buffer.from('pièce en cours de dépôt')]))).sha256;
    for (const s of [reference, orpheline]) vieillir(storage.piecePath(s), 25 * 3600_000);
    expect(await supprimerPiecesOrphelines(db.orm.em, storage, new Date())).toBe(1);
    expect(await storage.exists(orpheline)).toBe(false);
    expect(await storage.exists(reference)).toBe(true);
    expect(await storage.exists(recente)).toBe(true);
    const [{ n }] = await sql<{ n: number }>(db.orm, `select count(*)::int as n from justificatif where sha256 = ?`, [reference]);
    expect(n).toBe(1);
  });

  it('DATA-ORPHANS: an old unreferenced file whose bytes are being uploaded again is not deleted under the new row (the cleaner waits for the upload\'s commit, then sees its row)', async () => {
    for (let essai = 0; essai < 5; essai++) {
      const c = await compteFerme(db.orm, storage, null, { statut: 'actif' });
      const sha = (await storage.putStream(Readable.from([Buffer.from(`même avis, déposé à nouveau ${essai} ${Math.random()}`)]))).sha256;
      vieillir(storage.piecePath(sha), 25 * 3600_000);
      // The upload, as the portal does it: its row inserted, then the address locked and the file placed, not yet committed.
      let commettre!: () => void;
      const feu = new Promise<void>((ok) => (commettre = ok));
      let pret!: () => void;
      const enPlace = new Promise<void>((ok) => (pret = ok));
      const depot = db.orm.em.fork().transactional(async (tx) => {
        await tx.execute(
          `insert into justificatif (demande_id, titulaire, type, statut, sha256, taille, mime, nom_original, actif, depose_le)
           values (?, 'demandeur', 'bulletin_salaire', 'depose', ?, 10, 'application/pdf', 'avis.pdf', true, now())`,
          [c.demandeId, sha],
        );
        await verrouAdresse(tx, sha);
        await storage.putFile(await storage.tempFile(), sha).catch(() => false); // already there: nothing to place
        pret();
        await feu;
      });
      await enPlace;
      const nettoyage = supprimerPiecesOrphelines(db.orm.em, storage, new Date());
      await new Promise((r) => setTimeout(r, 200));
      commettre();
      await depot;
      await nettoyage;
      expect(await storage.exists(sha), `essai ${essai}`).toBe(true);
    }
  });

  it('DATA-ORPHANS: the daily conservation job runs both sweeps', async () => {
    const f = await storage.tempFile();
    writeFileSync(f, 'x');
    vieillir(f, AGE_BROUILLON_MS + 1000);
    const r = await appliquerConservation(db.orm.em.fork(), new Date(), { storage });
    expect(r.brouillonsSupprimes).toBe(1);
    expect(existsSync(f)).toBe(false);
  });

  it('DATA-ORPHANS: a stored export no export row points to (crash between storing its file and committing « termine ») is deleted by the daily job once older than the safety delay; a referenced one and a recent one stay', async () => {
    const ecrire = async (nom: string, ageMs: number) => {
      await storage.writeObject(nom, Readable.from([Buffer.from(`xlsx ${nom}`)]));
      vieillir(path.join(dataDir, nom), ageMs);
      return nom;
    };
    const orphelin = await ecrire(`exports/900001-${process.pid}.xlsx`, AGE_EXPORT_ORPHELIN_MS + 60_000);
    const reference = await ecrire(`exports/900002-${process.pid}.xlsx`, AGE_EXPORT_ORPHELIN_MS + 60_000);
    const recent = await ecrire(`exports/900003-${process.pid}.pdf`, 60_000);
    const [{ id: agentId }] = await sql<{ id: number }>(db.orm,
      `insert into agent (email, nom, prenom, role, territoires, password_hash) values (?, 'M', 'M', 'manager', '{}', 'x') returning id`, [`m-exp-${process.pid}@als.test`]);
    await sql(db.orm,
      `insert into export (kind, params, destinataire, agent_id, statut, fichier, nom_fichier, taille, termine_le, expire_le)
       values ('designations_bailleur', '{}'::jsonb, 'Bailleur', ?, 'termine', ?, 'x.xlsx', 10, now(), now() + interval '3 days')`, [agentId, reference]);
    const present = async (nom: string) => (await storage.readObject(nom).then((o) => (o?.stream.destroy(), o !== null)));
    const r = await appliquerConservation(db.orm.em.fork(), new Date(), { storage });
    expect(r.exportsOrphelinsSupprimes).toBe(1);
    expect(await present(orphelin)).toBe(false);
    expect(await present(reference)).toBe(true);
    expect(await present(recent)).toBe(true);
  });
});
