import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, login, useTestApp } from '@test/support/app';
import { createAgent } from '@test/support/agents';
import { creerDemandeurTest } from '@test/api/offres/fixtures';
import { demandeurComplet } from '@test/api/donnees/fixtures';
import { connexion } from '@test/api/portail/fixtures';
import { binaire, lireZip } from '@test/support/zip';

const t = useTestApp();
const tokens: Record<string, string> = {};
const sql = <T>(q: string, p: unknown[] = []) => t.orm.em.fork().getConnection().execute<T[]>(q, p);
const get = (who: string, url: string) => request(t.app).get(url).set(bearer(tokens[who]));
const filtre = (f: object) => `/api/demandes?filter=${encodeURIComponent(JSON.stringify(f))}&range=[0,999]`;

beforeAll(async () => {
  for (const role of ['manager', 'admin', 'controle_fraude'] as const) {
    const a = await createAgent(t.orm, role, []);
    tokens[role] = await login(t.app, a.email, a.password);
  }
});

/** A demande closed by a suspension for fraud, as suspensions/cloture.ts leaves it: the row and its closure event. */
async function closeParFraude(motif: 'fraude' | 'incivilite') {
  const { demandeId } = await creerDemandeurTest(t.orm, t.clock.now());
  await sql(`update demande set statut = 'cloturee', motif_cloture = ?, cloture_le = now() where id = ?`, [motif, demandeId]);
  await sql(`insert into audit_event (at, acteur_type, action, entite, entite_id, de, vers, motif) values (now(), 'systeme', 'cloturer', 'demande', ?, 'complete', 'cloturee', ?)`, [demandeId, motif]);
  return demandeId;
}

describe('R-FRAUD-VIS: the category of a suspension that closed a demande is fraud data', () => {
  it('a manager reads « suspension », never fraude or incivilite, in the row, the list and the timeline; filtering on the category is refused', async () => {
    const fraude = await closeParFraude('fraude');
    const incivilite = await closeParFraude('incivilite');
    for (const id of [fraude, incivilite]) {
      const r = await get('manager', `/api/demandes/${id}`);
      expect(r.status).toBe(200);
      expect(r.body.motifCloture).toBe('suspension');
      const tl = await get('manager', `/api/demandes/${id}/timeline`);
      expect(tl.status).toBe(200);
      expect(JSON.stringify(tl.body)).not.toMatch(/fraude|incivilit/);
      expect(tl.body.find((e: { action: string }) => e.action === 'cloturer').motif).toBe('suspension');
    }
    for (const motif of ['fraude', 'incivilite']) {
      const r = await get('manager', filtre({ motifCloture: motif }));
      expect(r.status).toBe(400);
      expect(r.headers['content-type']).toContain('application/problem+json');
    }
    const s = await get('manager', filtre({ motifCloture: 'suspension' }));
    expect(s.status).toBe(200);
    const lignes = s.body.filter((d: { id: number }) => [fraude, incivilite].includes(d.id));
    expect(lignes.map((d: { motifCloture: string }) => d.motifCloture)).toEqual(['suspension', 'suspension']);
  });

  it('the admin’s audit log shows the closure event without the category; fraud control reads it in the timeline', async () => {
    const id = await closeParFraude('fraude');
    const a = await get('admin', `/api/audit-events?filter=${encodeURIComponent(JSON.stringify({ entite: 'demande', entiteId: id }))}`);
    expect(a.status).toBe(200);
    expect(a.body.map((e: { motif: string }) => e.motif)).toEqual(['suspension']);
    const tl = await get('controle_fraude', `/api/demandes/${id}/timeline`);
    expect(tl.body.find((e: { action: string }) => e.action === 'cloturer').motif).toBe('fraude');
  });
});

describe('R-FRAUD-VIS: the data package an agent produces (GET /api/demandeurs/:id/donnees.zip)', () => {
  it('R-FRAUD-VIS: a conseiller of the territory reads « suspension », never the category, in the suspensions, the demande, the history and the suspension notice; fraud control and the demandeur read it', async () => {
    const d = await demandeurComplet(t.orm, t.storage, t.clock.now());
    await sql(`update demande set statut = 'cloturee', motif_cloture = 'fraude', cloture_le = now() where id = ?`, [d.demandeId]);
    await sql(`insert into audit_event (at, acteur_type, action, entite, entite_id, de, vers, motif) values (now(), 'systeme', 'cloturer', 'demande', ?, 'complete', 'cloturee', 'fraude')`, [d.demandeId]);
    await sql(
      `insert into notification (demandeur_id, destinataire, template, sujet, corps, statut, tentatives, envoyee_le, created_at)
       values (?, ?, 'suspension_appliquee', 'Suspension de votre accès', 'Suspendu pour le motif suivant : suspicion de fraude (documents non conformes).', 'envoyee', 1, now(), now())`,
      [d.id, d.email],
    );
    const c = await createAgent(t.orm, 'conseiller', ['69']);
    const conseiller = await login(t.app, c.email, c.password);
    const paquet = async (jeton: string) => {
      const r = await request(t.app).get(`/api/demandeurs/${d.id}/donnees.zip?demandePar=courrier`).set(bearer(jeton)).buffer(true).parse(binaire as never);
      expect(r.status).toBe(200);
      return (await lireZip(r.body as Buffer)).get('donnees.json')!.toString('utf8');
    };
    const texte = await paquet(conseiller);
    expect(texte).not.toMatch(/fraude|incivilit/);
    const p = JSON.parse(texte);
    expect(p.suspensions.map((s: { categorie: string }) => s.categorie)).toEqual(['suspension']);
    expect(p.demandes.find((x: { id: number }) => x.id === d.demandeId).motifCloture).toBe('suspension');
    expect(p.historique.find((h: { action: string; entite: string }) => h.action === 'cloturer' && h.entite === 'demande').motif).toBe('suspension');
    expect(p.notifications.find((n: { template: string }) => n.template === 'suspension_appliquee').corps).toMatch(/^\[texte masqué/);
    // Fraud control's copy, and the demandeur's own, are complete.
    const f = await createAgent(t.orm, 'controle_fraude', []);
    const pf = JSON.parse(await paquet(await login(t.app, f.email, f.password)));
    expect(pf.suspensions.map((s: { categorie: string }) => s.categorie)).toEqual(['fraude']);
    expect(pf.demandes.find((x: { id: number }) => x.id === d.demandeId).motifCloture).toBe('fraude');
    const propre = await request(t.app).get('/api/portail/mes-donnees').set(bearer(await connexion(t.app, d.email)));
    expect(propre.body.suspensions.map((s: { categorie: string }) => s.categorie)).toEqual(['fraude']);
    expect(JSON.stringify(propre.body.notifications)).toContain('suspicion de fraude');
  });
});
