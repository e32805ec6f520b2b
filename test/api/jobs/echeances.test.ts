import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { terminerPublications } from '@server/jobs/finPublication';
import { terminerSuspensions } from '@server/jobs/finSuspensions';
import { expirerJustificatifs } from '@server/jobs/justificatifsExpires';
import { expirerPropositions } from '@server/jobs/propositionsExpirees';
import { libererVerrous } from '@server/jobs/verrous';
import { dossier, notificationsDe, socle, type Socle } from './fixtures';
import { baseDediee, sql, type BaseDediee } from './support';

/** T = Monday 2 November 2026, 10:00 in Paris (winter time). */
const T = new Date('2026-11-02T09:00:00Z');
const plus = (ms: number) => new Date(T.getTime() + ms);
const MIN = 60_000;

let db: BaseDediee;
let s: Socle;
const audits = (entite: string, id: number, action: string) =>
  sql<{ n: number }>(db.orm, `select count(*)::int as n from audit_event where entite = ? and entite_id = ? and action = ?`, [entite, id, action]).then((r) => r[0].n);

beforeAll(async () => {
  db = await baseDediee(inject('adminDatabaseUrl'), 'echeances');
  s = await socle(db.orm);
});
afterAll(async () => db?.fermer());

async function piece(demandeId: number, type: string, statut: string, fin: string | null) {
  const [p] = await sql<{ id: number }>(
    db.orm,
    `insert into justificatif (demande_id, titulaire, type, statut, date_validite_fin, sha256, taille, mime, nom_original, depose_le)
     values (?, 'demandeur', ?, ?, ?, repeat('a', 64), 1000, 'application/pdf', 'piece.pdf', ?) returning id`,
    [demandeId, type, statut, fin, new Date('2026-06-01T08:00:00Z')],
  );
  return p.id;
}
const statutPiece = async (id: number) => (await sql<{ statut: string }>(db.orm, `select statut from justificatif where id = ?`, [id]))[0].statut;

describe('justificatifs reaching their end of validity (§11.9–11.10)', () => {
  it('R-ELIG: a piece valid until yesterday (Paris) expires, one until today waits for midnight in Paris; one mail per demande per run; the ranking palier drops', async () => {
    const d = await dossier(db.orm, s, new Date('2026-10-01T08:00:00Z'));
    const identite = await piece(d.demandeId, 'identite', 'valide', '2026-11-01');
    const ressources = await piece(d.demandeId, 'ressources', 'valide', '2026-11-02');
    const avis = await piece(d.demandeId, 'avis_imposition', 'depose', '2026-11-01');
    const refusee = await piece(d.demandeId, 'bulletin_salaire', 'refuse', '2026-10-01');
    await sql(db.orm, `update candidature set palier = 2 where demande_id = ?`, [d.demandeId]);

    const r = await expirerJustificatifs(db.orm.em.fork(), T);
    expect(r).toMatchObject({ expires: 2, demandes: 1, notifications: 1 });
    expect([await statutPiece(identite), await statutPiece(avis), await statutPiece(ressources), await statutPiece(refusee)]).toEqual(['expire', 'expire', 'valide', 'refuse']);
    const [n] = await notificationsDe(db.orm, d.demandeurId);
    expect(n.template).toBe('justificatif_expire');
    expect(n.corps).toContain('- Pièce d’identité, valable jusqu’au 01/11/2026');
    expect(n.corps).toContain('- Avis d’imposition, valable jusqu’au 01/11/2026');
    const [{ palier }] = await sql<{ palier: number }>(db.orm, `select palier from candidature where demande_id = ?`, [d.demandeId]);
    expect(palier).toBe(3);
    expect(await audits('justificatif', identite, 'expirer')).toBe(1);

    // Again the same day: nothing more.
    expect(await expirerJustificatifs(db.orm.em.fork(), plus(3_600_000))).toMatchObject({ expires: 0, notifications: 0 });
    // 23:59:59 in Paris on the last day of validity: still valid; midnight: expired, a second mail.
    expect((await expirerJustificatifs(db.orm.em.fork(), new Date('2026-11-02T22:59:59Z'))).expires).toBe(0);
    expect((await expirerJustificatifs(db.orm.em.fork(), new Date('2026-11-02T23:00:00Z'))).expires).toBe(1);
    expect(await statutPiece(ressources)).toBe('expire');
    expect(await notificationsDe(db.orm, d.demandeurId)).toHaveLength(2);
  });
});

describe('end of publication (§11.18)', () => {
  it('R-PUB: an offer whose finPublication has passed is no longer published (audited once); one ending later stays', async () => {
    const [fini, bientot] = s.offreIds;
    await sql(db.orm, `update offre set publiee = true, fin_publication = ? where id = ?`, [plus(-1000), fini]);
    await sql(db.orm, `update offre set publiee = true, fin_publication = ? where id = ?`, [plus(1000), bientot]);
    const [a, b] = await Promise.all([terminerPublications(db.orm.em.fork(), T), terminerPublications(db.orm.em.fork(), T)]);
    expect(a.depubliees + b.depubliees).toBe(1);
    const etat = async (id: number) => (await sql<{ publiee: boolean }>(db.orm, `select publiee from offre where id = ?`, [id]))[0].publiee;
    expect(await etat(fini)).toBe(false);
    expect(await etat(bientot)).toBe(true);
    expect(await audits('offre', fini, 'fin_publication')).toBe(1);
    await terminerPublications(db.orm.em.fork(), plus(1000));
    expect(await etat(bientot)).toBe(false);
  });
});

describe('end of suspensions (§11.13)', () => {
  it('R-SUSP: an ended suspension closes nothing but its end is audited once, even with two runs at once; lifted or running ones are not', async () => {
    const d = await dossier(db.orm, s, new Date('2026-01-01T08:00:00Z'), []);
    const ins = (debut: Date, fin: Date, levee: Date | null) =>
      sql<{ id: number }>(
        db.orm,
        `insert into suspension (demandeur_id, type, debut, fin, duree_mois, motif, cree_par_id, levee_le) values (?, 'fraude', ?, ?, 6, 'Documents falsifiés', ?, ?) returning id`,
        [d.demandeurId, debut, fin, s.agentId, levee],
      ).then((r) => r[0].id);
    const finie = await ins(new Date('2026-05-02T08:00:00Z'), plus(-MIN), null);
    const levee = await ins(new Date('2026-04-01T08:00:00Z'), plus(-MIN), new Date('2026-06-01T08:00:00Z'));
    const encours = await ins(new Date('2026-10-01T08:00:00Z'), plus(MIN), null);
    const [a, b] = await Promise.all([terminerSuspensions(db.orm.em.fork(), T), terminerSuspensions(db.orm.em.fork(), T)]);
    expect(a.terminees + b.terminees).toBe(1);
    expect(await audits('suspension', finie, 'fin_suspension')).toBe(1);
    expect(await audits('suspension', levee, 'fin_suspension')).toBe(0);
    expect(await audits('suspension', encours, 'fin_suspension')).toBe(0);
    expect((await sql<{ statut: string }>(db.orm, `select statut from demande where id = ?`, [d.demandeId]))[0].statut).toBe('complete');
  });
});

describe('lapsed claims (work queue soft lock)', () => {
  it('a candidature idle for 30 minutes loses its agent en charge; one idle for 29 min 59 s keeps it', async () => {
    const d = await dossier(db.orm, s, new Date('2026-10-20T08:00:00Z'), ['deposee', 'en_instruction']);
    const [ancien, recent] = d.candidatureIds;
    await sql(db.orm, `update candidature set agent_en_charge_id = ?, verrou_activite_le = ? where id = ?`, [s.agentId, plus(-30 * MIN), ancien]);
    await sql(db.orm, `update candidature set agent_en_charge_id = ?, verrou_activite_le = ? where id = ?`, [s.agentId, plus(-30 * MIN + 1000), recent]);
    expect(await libererVerrous(db.orm.em.fork(), T)).toEqual({ liberes: 1 });
    const rows = await sql<{ id: number; agent_en_charge_id: number | null; version: number }>(
      db.orm, `select id, agent_en_charge_id, version from candidature where id in (?) order by id`, [[ancien, recent]],
    );
    expect(rows.map((r) => r.agent_en_charge_id)).toEqual([null, s.agentId]);
    expect(rows[0].version).toBe(2);
    expect(await audits('candidature', ancien, 'liberer_verrou')).toBe(1);
    expect(await libererVerrous(db.orm.em.fork(), plus(1000))).toEqual({ liberes: 1 });
  });
});

describe('expired propositions (§11.17, §11.25)', () => {
  it('an unanswered proposition past expireLe becomes expiree and the demandeur is told once; answered or still running ones stay', async () => {
    const d = await dossier(db.orm, s, new Date('2026-10-20T08:00:00Z'), []);
    // One live proposition per offer and demandeur (proposition_une_envoyee_uidx): one offer each.
    const ins = (offre: number, statut: string, expireLe: Date) =>
      sql<{ id: number }>(
        db.orm,
        `insert into proposition (offre_id, demandeur_id, agent_id, departement, statut, envoyee_le, expire_le) values (?, ?, ?, '69', ?, ?, ?) returning id`,
        [s.offreIds[offre], d.demandeurId, s.agentId, statut, plus(-10 * 86_400_000), expireLe],
      ).then((r) => r[0].id);
    const expiree = await ins(0, 'envoyee', plus(-1000));
    const acceptee = await ins(1, 'acceptee', plus(-1000));
    const encours = await ins(2, 'envoyee', plus(3_600_000));
    const [a, b] = await Promise.all([expirerPropositions(db.orm.em.fork(), T), expirerPropositions(db.orm.em.fork(), T)]);
    expect(a.expirees + b.expirees).toBe(1);
    const statut = async (id: number) => (await sql<{ statut: string }>(db.orm, `select statut from proposition where id = ?`, [id]))[0].statut;
    expect([await statut(expiree), await statut(acceptee), await statut(encours)]).toEqual(['expiree', 'acceptee', 'envoyee']);
    const notes = await notificationsDe(db.orm, d.demandeurId);
    expect(notes.map((n) => n.template)).toEqual(['proposition_expiree']);
    expect(notes[0].corps).toContain('Vous n’avez pas répondu avant le');
    expect(await audits('proposition', expiree, 'expirer')).toBe(1);
  });
});
