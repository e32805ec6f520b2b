import request from 'supertest';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { executerExport } from '@server/modules/exports/executer';
import { createAgent } from '@test/support/agents';
import { bearer, login, useTestApp } from '@test/support/app';
import { lignes, lireXlsx } from './fixtures';

const t = useTestApp();
let token: string;
// Digits that cannot contain the income written in the rows (31234), whatever the process id.
const siret = `9${String(process.pid).padStart(7, '0').replace(/\d/g, (d) => String('5678956789'[Number(d)]))}555555`.slice(0, 14);

/** §18.5 in its order, written out independently of the code. */
const ENTETES_18_5 = [
  'Civilité', 'Nom', 'Prénom', 'Date de naissance', 'Nom de l’entreprise', 'SIRET', 'Code postal du lieu de travail',
  'Commune du lieu de travail', 'Commune du logement actuel', 'Secteurs de recherche',
];

beforeAll(async () => {
  const m = await createAgent(t.orm, 'manager');
  token = await login(t.app, m.email, m.password);
  const c = t.orm.em.fork().getConnection();
  const [{ id: e }] = await c.execute<{ id: number }[]>(
    `insert into entreprise (siret, raison_sociale, contribution) values (?, 'Boulangeries Réunies', 'peec') returning id`, [siret]);
  const salarie = async (nom: string, creee: string, cloture: string | null, email: string) => {
    const [{ id: p }] = await c.execute<{ id: number }[]>(
      `insert into demandeur (civilite, nom, prenom, email, date_naissance, telephone, statut_compte) values ('Mme', ?, 'Alice', ?, '1991-02-03', '0611223344', 'actif') returning id`,
      [nom, email]);
    await c.execute(
      `insert into demande (reference, demandeur_id, statut, nombre_personnes, revenu_fiscal_reference, public_cible, entreprise_id, lieu_travail_code_postal,
         lieu_travail_commune, commune_logement_actuel, secteurs_recherche, derniere_mise_ajour, created_at, cloture_le, motif_cloture)
       values (?, ?, ?, 2, 31234, 'peec', ?, '69007', 'Lyon 7e', 'Vénissieux', ?, now(), ?, ?, ?)`,
      [`DEM-E-${email}`, p, cloture ? 'cloturee' : 'complete', e,
        JSON.stringify([{ codeInsee: '69123', commune: 'Lyon', rayonKm: 5 }, { codeInsee: '69266', commune: 'Villeurbanne', rayonKm: 10 }]),
        creee, cloture, cloture ? 'agent' : null],
    );
  };
  await salarie('Martin', '2026-03-01T10:00:00Z', null, `ent1.${process.pid}@exemple.fr`);
  await salarie('-Bernard', '2026-06-01T10:00:00Z', '2026-10-15T10:00:00Z', `ent2.${process.pid}@exemple.fr`);
  // Closed before the period, created after it: not in the report.
  await salarie('Ancien', '2025-01-01T10:00:00Z', '2026-05-01T10:00:00Z', `ent3.${process.pid}@exemple.fr`);
  await salarie('Futur', '2026-12-15T10:00:00Z', null, `ent4.${process.pid}@exemple.fr`);
});

describe('POST /api/exports rapport_entreprise', () => {
  it('R-ENT-FIELDS: exactly the 10 fields of §18.5, in order, nothing else; summary counts under 5 withheld (R-STATS)', async () => {
    const r = await request(t.app).post('/api/exports').set(bearer(token)).send({ kind: 'rapport_entreprise', params: { siret, from: '2026-10-01', to: '2026-11-30' } });
    expect(r.status).toBe(201);
    expect((await request(t.app).get(`/api/exports/${r.body.id}`).set(bearer(token))).body.destinataire).toBe(`Boulangeries Réunies (SIRET ${siret})`);
    const res = await executerExport(t.orm.em.fork(), r.body.id, t.clock.now(), t.storage);
    expect(res).toMatchObject({ statut: 'termine', lignes: 2 });
    const wb = await lireXlsx(t.storage, res.fichier!);
    const [salaries, synthese] = wb.worksheets;
    const [entetes, ...data] = lignes(salaries);
    expect(entetes).toEqual(ENTETES_18_5);
    expect(salaries.columnCount).toBe(10);
    expect(data).toHaveLength(2);
    for (const l of data) expect(l).toHaveLength(10);
    const bernard = data.find((l) => String(l[1]).includes('Bernard'))!;
    expect(bernard[1]).toBe("'-Bernard"); // formula-like text neutralised
    expect(bernard.slice(4)).toEqual(['Boulangeries Réunies', siret, '69007', 'Lyon 7e', 'Vénissieux', 'Lyon, Villeurbanne (rayon 10 km)']);
    expect((bernard[3] as Date).toISOString().slice(0, 10)).toBe('1991-02-03');
    // Nothing else, ever: no e-mail, telephone, revenus, reference.
    const tout = JSON.stringify(lignes(salaries));
    for (const interdit of ['@exemple.fr', '0611223344', '31234', 'DEM-E-']) expect(tout).not.toContain(interdit);
    const [, ...chiffres] = lignes(synthese);
    // 2 employees: withheld (an empty cell) and flagged; 0 is shown.
    expect(chiffres[0]).toEqual(['Salariés ayant une demande active sur la période', undefined, 'Oui : effectif masqué']);
    expect(chiffres.slice(1).map((l) => l.slice(1))).toEqual([[0, 'Non'], [0, 'Non'], [0, 'Non']]);
  });

  it('refuses a malformed SIRET (400) and an unknown one (400 REFERENCE_INCONNUE)', async () => {
    const bad = await request(t.app).post('/api/exports').set(bearer(token)).send({ kind: 'rapport_entreprise', params: { siret: '12', from: '2026-10-01', to: '2026-11-30' } });
    expect(bad.status).toBe(400);
    const unknown = await request(t.app).post('/api/exports').set(bearer(token)).send({ kind: 'rapport_entreprise', params: { siret: '00000000000000', from: '2026-10-01', to: '2026-11-30' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('REFERENCE_INCONNUE');
  });
});
