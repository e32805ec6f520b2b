import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { traiterInactivite } from '@server/modules/inactivite/traiterInactivite';
import { FakeClock } from '@test/support/app';
import { dossier, notificationsDe, socle, type Socle } from './fixtures';
import { baseDediee, sql, type BaseDediee } from './support';

/**
 * R-INACT (§11.6) on a database of its own, with a fake clock moved through the calendar.
 * Last activity: 10/01/2026 10:00 Paris (09:00 UTC) → warning 10/04 10:00 (08:00 UTC, summer
 * time), reminder 07/05 10:00, closure 10/05 10:00.
 */
const A = new Date('2026-01-10T09:00:00Z');
const CYCLE = A.toISOString();
const AVERTISSEMENT = new Date('2026-04-10T08:00:00Z');
const RELANCE = new Date('2026-05-07T08:00:00Z');
const CLOTURE = new Date('2026-05-10T08:00:00Z');
const avant = (d: Date) => new Date(d.getTime() - 1000);

let db: BaseDediee;
let s: Socle;
const clock = new FakeClock();
const run = () => traiterInactivite(db.orm.em.fork(), clock.now());
const etapes = (demandeId: number) =>
  sql<{ cycle: string; etape: string }>(db.orm, `select cycle, etape from inactivite_etape where demande_id = ? order by id`, [demandeId]);
const demande = async (id: number) =>
  (await sql<{ statut: string; motif_cloture: string | null }>(db.orm, `select statut, motif_cloture from demande where id = ?`, [id]))[0];

beforeAll(async () => {
  db = await baseDediee(inject('adminDatabaseUrl'), 'inactivite');
  s = await socle(db.orm);
});
afterAll(async () => db?.fermer());

describe('inactivity job, step by step', () => {
  it('R-INACT: nothing at 3 months minus 1 s, the warning at exactly 3 months, once', async () => {
    const d = await dossier(db.orm, s, A, ['deposee', 'en_instruction', 'annulee']);
    clock.set(avant(AVERTISSEMENT));
    await run();
    expect(await notificationsDe(db.orm, d.demandeurId)).toEqual([]);

    clock.set(AVERTISSEMENT);
    const r = await run();
    expect(r.avertissements).toBeGreaterThanOrEqual(1);
    const [n] = await notificationsDe(db.orm, d.demandeurId);
    expect(n).toMatchObject({ template: 'inactivite_avertissement', cle: `inactivite:${d.demandeId}:${CYCLE}:avertissement`, statut: 'a_envoyer' });
    expect(n.sujet).toBe('Votre demande de logement sera clôturée sans action de votre part');
    expect(n.corps).toContain('depuis le 10/01/2026');
    expect(n.corps).toContain('avant le 10/05/2026');
    await run();
    await run();
    expect(await notificationsDe(db.orm, d.demandeurId)).toHaveLength(1);
    expect(await etapes(d.demandeId)).toEqual([{ cycle: CYCLE, etape: 'avertissement' }]);

    // R-INACT: the reminder, 3 days before 4 months (07/05 10:00 Paris), not a second earlier.
    clock.set(avant(RELANCE));
    await run();
    expect(await notificationsDe(db.orm, d.demandeurId)).toHaveLength(1);
    clock.set(RELANCE);
    await run();
    await run();
    const apresRelance = await notificationsDe(db.orm, d.demandeurId);
    expect(apresRelance.map((x) => x.template)).toEqual(['inactivite_avertissement', 'inactivite_relance']);
    expect(apresRelance[1].corps).toContain('à partir du 10/05/2026');

    // R-INACT: the closure at exactly 4 months, demande and open candidatures closed (motif inactivite).
    clock.set(avant(CLOTURE));
    await run();
    expect((await demande(d.demandeId)).statut).toBe('complete');
    clock.set(CLOTURE);
    const c = await run();
    expect(c.clotures).toBeGreaterThanOrEqual(1);
    await run();
    expect(await demande(d.demandeId)).toEqual({ statut: 'cloturee', motif_cloture: 'inactivite' });
    const candidatures = await sql<{ id: number; statut: string; cloture_le: string | null }>(
      db.orm,
      `select id, statut, cloture_le from candidature where demande_id = ? order by id`,
      [d.demandeId],
    );
    expect(candidatures.map((x) => x.statut)).toEqual(['cloturee', 'cloturee', 'annulee']);
    expect(new Date(candidatures[0].cloture_le!)).toEqual(CLOTURE);
    const notes = await notificationsDe(db.orm, d.demandeurId);
    expect(notes.map((x) => x.template)).toEqual(['inactivite_avertissement', 'inactivite_relance', 'inactivite_cloture']);
    expect(notes[2].corps).toContain(`Candidatures clôturées : CAND-`);
    expect(await etapes(d.demandeId)).toHaveLength(3);
    const audits = await sql<{ action: string; entite: string; de: string | null; vers: string | null; motif: string | null }>(
      db.orm,
      `select action, entite, de, vers, motif from audit_event where (entite = 'demande' and entite_id = ?) or (entite = 'candidature' and entite_id in (?)) order by id`,
      [d.demandeId, d.candidatureIds],
    );
    expect(audits).toEqual([
      { action: 'inactivite_avertissement', entite: 'demande', de: null, vers: null, motif: null },
      { action: 'inactivite_relance', entite: 'demande', de: null, vers: null, motif: null },
      { action: 'cloturer', entite: 'candidature', de: 'deposee', vers: 'cloturee', motif: 'inactivite' },
      { action: 'cloturer', entite: 'candidature', de: 'en_instruction', vers: 'cloturee', motif: 'inactivite' },
      { action: 'inactivite_cloture', entite: 'demande', de: 'complete', vers: 'cloturee', motif: 'inactivite' },
    ]);
  });

  it('R-INACT: skipped while a candidature is transmise_bailleur or attribuee', async () => {
    const t = await dossier(db.orm, s, A, ['deposee', 'transmise_bailleur']);
    const at = await dossier(db.orm, s, A, ['attribuee']);
    clock.set(new Date('2026-09-01T08:00:00Z'));
    await run();
    for (const d of [t, at]) {
      expect(await notificationsDe(db.orm, d.demandeurId)).toEqual([]);
      expect((await demande(d.demandeId)).statut).toBe('complete');
    }
  });

  it('R-INACT: any activity starts a new cycle — a login after the warning, a new candidature, a demande update', async () => {
    const login = await dossier(db.orm, s, A);
    const maj = await dossier(db.orm, s, A);
    const cand = await dossier(db.orm, s, A, []);
    clock.set(AVERTISSEMENT);
    await run();
    const relog = new Date('2026-04-20T12:00:00Z');
    await sql(db.orm, `update demandeur set derniere_connexion = ? where id = ?`, [relog, login.demandeurId]);
    await sql(db.orm, `update demande set derniere_mise_ajour = ? where id = ?`, [relog, maj.demandeId]);
    await sql(db.orm, `insert into candidature (reference, demande_id, demandeur_id, offre_id, departement, nature, date_candidature) values (?, ?, ?, ?, '69', 'classique', ?)`, [
      `CAND-NEW-${cand.demandeId}`, cand.demandeId, cand.demandeurId, s.offreIds[0], relog,
    ]);
    // The old cycle's reminder and closure never come.
    for (const t of [RELANCE, CLOTURE, new Date('2026-07-20T11:59:59Z')]) {
      clock.set(t);
      await run();
    }
    for (const d of [login, maj, cand]) {
      expect((await notificationsDe(db.orm, d.demandeurId)).map((x) => x.template)).toEqual(['inactivite_avertissement']);
      expect((await demande(d.demandeId)).statut).toBe('complete');
    }
    // 3 months after the new activity (20/04 14:00 Paris → 20/07 14:00): a new warning, for the new cycle.
    clock.set(new Date('2026-07-20T12:00:00Z'));
    await run();
    for (const d of [login, maj, cand]) {
      const notes = await notificationsDe(db.orm, d.demandeurId);
      expect(notes.map((x) => x.template)).toEqual(['inactivite_avertissement', 'inactivite_avertissement']);
      expect(notes[1].cle).toBe(`inactivite:${d.demandeId}:${relog.toISOString()}:avertissement`);
    }
  });

  it('R-INACT: after a job outage the reminder goes out at once and the closure comes 3 days after it, not earlier', async () => {
    const d = await dossier(db.orm, s, A);
    clock.set(AVERTISSEMENT);
    await run();
    // The job is off from 10/04 until 20/05 14:00 Paris, 10 days past the 4 months.
    const reprise = new Date('2026-05-20T12:00:00Z');
    clock.set(reprise);
    await run();
    expect((await notificationsDe(db.orm, d.demandeurId)).map((x) => x.template)).toEqual(['inactivite_avertissement', 'inactivite_relance']);
    expect((await demande(d.demandeId)).statut).toBe('complete');
    const [relance] = (await notificationsDe(db.orm, d.demandeurId)).slice(1);
    expect(relance.corps).toContain('à partir du 23/05/2026');
    clock.set(new Date('2026-05-23T11:59:59Z'));
    await run();
    expect((await demande(d.demandeId)).statut).toBe('complete');
    clock.set(new Date('2026-05-23T12:00:00Z'));
    await run();
    expect((await demande(d.demandeId)).statut).toBe('cloturee');
  });

  it('R-INACT: a job off since before 3 months sends the warning first, the reminder on the next run, then the closure 3 days later', async () => {
    const d = await dossier(db.orm, s, A);
    const t0 = new Date('2026-06-01T06:00:00Z');
    clock.set(t0);
    await run();
    expect((await notificationsDe(db.orm, d.demandeurId)).map((x) => x.template)).toEqual(['inactivite_avertissement']);
    expect((await notificationsDe(db.orm, d.demandeurId))[0].corps).toContain('avant le 04/06/2026');
    clock.set(new Date('2026-06-02T06:00:00Z'));
    await run();
    expect((await notificationsDe(db.orm, d.demandeurId)).map((x) => x.template)).toEqual(['inactivite_avertissement', 'inactivite_relance']);
    clock.set(new Date('2026-06-05T05:59:59Z'));
    await run();
    expect((await demande(d.demandeId)).statut).toBe('complete');
    clock.set(new Date('2026-06-05T06:00:00Z'));
    await run();
    expect((await demande(d.demandeId)).statut).toBe('cloturee');
  });
});
