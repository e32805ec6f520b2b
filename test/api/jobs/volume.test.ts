import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ormConfig } from '@server/db/mikro-orm.config';
import { traiterInactivite } from '@server/modules/inactivite/traiterInactivite';
import { livrerNotifications } from '@server/modules/notifications/livraison';
import { socle } from './fixtures';
import { baseDediee, sql, type BaseDediee } from './support';

/**
 * Volume: 6 000 open demandes, 2 000 of them idle for 3 months (the others active), one query
 * batch per 200 demandes — not one query per row — and the timings printed for the report.
 */
const N = 6000;
const IDLE = 2000;
const NOW = new Date('2026-11-02T05:00:00Z');

let db: BaseDediee;
let compteur: MikroORM;
let requetes = 0;

beforeAll(async () => {
  db = await baseDediee(inject('adminDatabaseUrl'), 'volume');
  const s = await socle(db.orm);
  await sql(
    db.orm,
    `insert into demandeur (civilite, nom, prenom, email, statut_compte, derniere_connexion)
     select 'M', 'Nom' || i, 'Prenom', 'volume' || i || '@exemple.test', 'actif', ?::timestamptz - (case when i <= ? then interval '95 days' else interval '10 days' end)
       from generate_series(1, ?) i`,
    [NOW, IDLE, N],
  );
  await sql(
    db.orm,
    `insert into demande (reference, demandeur_id, statut, nombre_personnes, revenu_fiscal_reference, public_cible, secteurs_recherche, derniere_mise_ajour)
     select 'DEM-V-' || dr.id, dr.id, 'complete', 2, 25000, 'peec', '[]', dr.derniere_connexion from demandeur dr`,
  );
  await sql(
    db.orm,
    `insert into candidature (reference, demande_id, demandeur_id, offre_id, departement, nature, statut, date_candidature)
     select 'CAND-V-' || d.id, d.id, d.demandeur_id, ?, '69', 'classique', 'deposee', d.derniere_mise_ajour - interval '1 day' from demande d`,
    [s.offreIds[0]],
  );
  await sql(db.orm, `analyze`);
  compteur = await MikroORM.init(
    ormConfig(db.url, { pool: { min: 0, max: 4 }, debug: ['query'], logger: () => void (requetes += 1) }),
  );
});
afterAll(async () => {
  await compteur?.close(true);
  await db?.fermer();
});

describe('jobs at volume', () => {
  it(`R-INACT: ${N} open demandes, ${IDLE} idle — every warning sent once, in a bounded number of queries`, async () => {
    requetes = 0;
    const t0 = performance.now();
    const r = await traiterInactivite(compteur.em.fork(), NOW);
    const ms = performance.now() - t0;
    expect(r.avertissements).toBe(IDLE);
    expect(r.examinees).toBe(IDLE);
    // 10 batches of 200: read, lock, re-read, insert steps, insert mails + audits, commit… never one per demande.
    expect(requetes).toBeLessThan(150);
    console.log(`[mesure] inactivité : ${N} demandes ouvertes, ${IDLE} avertissements en ${Math.round(ms)} ms, ${requetes} requêtes SQL`);

    const plan = await sql<{ 'QUERY PLAN': string }>(
      db.orm,
      `explain select d.id from demande d where d.statut in ('brouillon', 'complete') and d.derniere_mise_ajour < ? order by d.id limit 200`,
      [new Date('2026-08-06T00:00:00Z')],
    );
    console.log(`[mesure] plan du pré-filtre : ${plan.map((p) => p['QUERY PLAN'].trim()).join(' | ')}`);

    const t1 = performance.now();
    const again = await traiterInactivite(compteur.em.fork(), NOW);
    console.log(`[mesure] inactivité, second passage sans rien à faire : ${Math.round(performance.now() - t1)} ms`);
    expect(again.avertissements).toBe(0);
  });

  it(`outbox: ${IDLE} due mails delivered to the mailbox (no SMTP) in batches`, async () => {
    requetes = 0;
    const t0 = performance.now();
    const r = await livrerNotifications(compteur.em.fork(), NOW, {
      expediteur: null, from: 'x@als.example', domaine: 'als.example', parMinute: 60, maxTentatives: 8, bailMs: 300_000, lot: 10, dureeMaxMs: 50_000, secret: 'x'.repeat(32),
    });
    expect(r.boite).toBe(IDLE);
    expect(requetes).toBeLessThan(20);
    console.log(`[mesure] boîte d’envoi : ${r.boite} notifications livrées en ${Math.round(performance.now() - t0)} ms, ${requetes} requêtes SQL`);
  });
});
