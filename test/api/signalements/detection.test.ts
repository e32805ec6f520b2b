import fc from 'fast-check';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCENTS_DE, canoniserEmail, cleIdentite, normaliserTelephone } from '@shared/rules/identite';
import { detecterDoublons } from '@server/modules/signalements/doublons';
import { tache } from '@server/jobs/definitions';
import { executerTache } from '@server/jobs/execution';
import { loadJobsConfig } from '@server/jobs/config';
import { signalerApresDepot } from '@server/modules/signalements/detection';
import { DOUBLONS } from '@seeds/population';
import { localEmail } from '@seeds/util';
import { bearer, login, useTestApp } from '@test/support/app';
import { createAgent } from '@test/support/agents';

const t = useTestApp();
const conn = () => t.orm.em.fork().getConnection();
let tokFraude = '';

interface Sig { id: number; type: string; score: number; demandeur_ids: number[]; preuves: Record<string, unknown> }
const signaux = (type: string) => conn().execute<Sig[]>(`select id, type, score, demandeur_ids, preuves from signalement where type = ? order by id`, [type]);
const idDe = async (n: number, prenom: string, nom: string) =>
  (await conn().execute<{ id: number }[]>(`select id from demandeur where email = ?`, [`${localEmail(prenom, nom)}${n}@exemple.fr`]))[0].id;

beforeAll(async () => {
  const f = await createAgent(t.orm, 'controle_fraude');
  tokFraude = await login(t.app, f.email, f.password);
});

describe('duplicate keys computed by SQL equal the shared functions', () => {
  const lettres = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ', ...ACCENTS_DE, 'œ', 'Æ', 'ß', 'Ж', 'д', 'ن', '名'];
  const nom = fc.array(fc.constantFrom(...lettres, ' ', '-', "'", '’', '.', '\u00a0', '\t', ','), { maxLength: 24 }).map((a) => a.join(''));
  const date = fc.option(fc.date({ min: new Date('1930-01-01'), max: new Date('2010-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)));
  const tel = fc.array(fc.constantFrom(...'0123456789+ .-()', '0033', '+33'), { maxLength: 16 }).map((a) => a.join(''));
  const email = fc
    .tuple(fc.array(fc.constantFrom(...'abcXYZ.+_-19'), { minLength: 1, maxLength: 12 }), fc.constantFrom('@gmail.com', '@GoogleMail.com', '@orange.fr', '@x@y.fr', ''), fc.constantFrom('', ' ', '  '))
    .map(([l, d, s]) => `${s}${l.join('')}${d}${s}`);

  it('R-ONE-ACCOUNT: als_cle_identite, als_telephone_norm, als_email_canon = cleIdentite, normaliserTelephone, canoniserEmail (300 random cases)', async () => {
    const cas = fc.sample(fc.record({ nom, prenom: nom, date, tel, email }), { numRuns: 300, seed: 20261129 });
    const rows = await conn().execute<{ k: string | null; t: string | null; e: string }[]>(
      `select als_cle_identite(v.nom, v.prenom, v.d::date) as k, als_telephone_norm(v.tel) as t, als_email_canon(v.email) as e
         from jsonb_to_recordset(?::jsonb) as v(i int, nom text, prenom text, d text, tel text, email text) order by v.i`,
      [JSON.stringify(cas.map((c, i) => ({ i, nom: c.nom, prenom: c.prenom, d: c.date, tel: c.tel, email: c.email })))],
    );
    cas.forEach((c, i) => {
      expect(rows[i].k, JSON.stringify(c)).toBe(cleIdentite({ nom: c.nom, prenom: c.prenom, dateNaissance: c.date }));
      expect(rows[i].t, JSON.stringify(c)).toBe(normaliserTelephone(c.tel));
      expect(rows[i].e, JSON.stringify(c)).toBe(canoniserEmail(c.email));
    });
  });

  it('R-ONE-ACCOUNT: looking one account’s duplicates up uses the expression index (no scan of every account)', async () => {
    const plan = await conn().execute<{ 'QUERY PLAN': string }[]>(
      `explain select id from demandeur where als_cle_identite(nom, prenom, date_naissance) = als_cle_identite('Durand', 'Hélène', '1988-04-12')`,
    );
    expect(plan.map((p) => p['QUERY PLAN']).join('\n')).toMatch(/demandeur_cle_identite_idx/);
  });
});

describe('detecterDoublons (periodic job) and POST /api/signalements/analyser', () => {
  it('R-ONE-ACCOUNT: finds every seeded look-alike pair (accents, case, hyphens, swapped names), shared telephones and files', async () => {
    const r = await request(t.app).post('/api/signalements/analyser').set(bearer(tokFraude));
    expect(r.status).toBe(200);
    expect(r.body.crees.identite_multiple).toBeGreaterThanOrEqual(DOUBLONS.length);
    const identites = await signaux('identite_multiple');
    const telephones = await signaux('telephone_partage');
    for (const d of DOUBLONS) {
      const [[pa, na], [pb, nb]] = d.identites;
      const ids = [await idDe(d.original, pa, na), await idDe(d.copie, pb, nb)].sort((a, b) => a - b);
      const s = identites.find((x) => ids.every((id) => x.demandeur_ids.includes(id)));
      expect(s, `${pa} ${na} / ${pb} ${nb}`).toBeDefined();
      expect(s!.score).toBe(80);
      expect((s!.preuves.comptes as { id: number }[]).map((c) => c.id)).toEqual(ids);
      if (d.memeTelephone) expect(telephones.some((x) => ids.every((id) => x.demandeur_ids.includes(id)))).toBe(true);
    }
    const fichiers = await signaux('fichier_partage');
    const nguyen = [await idDe(80, 'François', 'Nguyen'), await idDe(250, 'Francois', 'NGUYEN')];
    const scan = fichiers.find((x) => nguyen.every((id) => x.demandeur_ids.includes(id)));
    expect(scan?.score).toBe(90); // a shared identity document
    expect(fichiers.length).toBeGreaterThanOrEqual(2);
    const metas = await signaux('metadonnees_pdf');
    const helene = await idDe(20, 'Hélène', 'Durand');
    const suspecte = metas.find((x) => x.demandeur_ids.includes(helene));
    expect(suspecte?.preuves.anomalies).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'OUTIL_RETOUCHE' })]));
  });

  it('R-ONE-ACCOUNT: idempotent — a second run raises nothing new; a new look-alike account raises a new signal', async () => {
    const again = await detecterDoublons(t.orm.em.fork(), t.clock.now());
    expect(Object.values(again).reduce((a, b) => a + b, 0)).toBe(0);
    const [h] = await conn().execute<{ date_naissance: string }[]>(`select to_char(date_naissance, 'YYYY-MM-DD') as date_naissance from demandeur where email = ?`, [
      `${localEmail('Hélène', 'Durand')}20@exemple.fr`,
    ]);
    await conn().execute(
      `insert into demandeur (civilite, nom, prenom, email, date_naissance, statut_compte) values ('Mme', 'DURAND', 'hélène', 'h.durand.tierce@exemple.fr', ?, 'actif')`,
      [h.date_naissance],
    );
    const bilan = await detecterDoublons(t.orm.em.fork(), t.clock.now());
    expect(bilan.identite_multiple).toBe(1);
  });

  it('R-ONE-ACCOUNT: the nightly job « analyse-fraude » runs the same analysis (recorded with its summary), without contrôle fraude pressing the button', async () => {
    const def = tache('analyse-fraude')!;
    expect(def.cron).toBe('45 2 * * *');
    await conn().execute(
      `insert into demandeur (civilite, nom, prenom, email, telephone, statut_compte) values ('M', 'Nocturne', 'Un', 'nocturne.un@exemple.fr', '06 98 76 54 32', 'actif'), ('M', 'Tardif', 'Deux', 'tardif.deux@exemple.fr', '+33698765432', 'actif')`,
    );
    const r = await executerTache(t.orm, t.clock, def, loadJobsConfig({}), { declenchement: 'planifie' }, { storage: t.storage });
    expect(r).toMatchObject({ telephone_partage: 1, total: 1 });
    const [x] = await conn().execute<{ statut: string; resultat: { total: number } }[]>(
      `select statut, resultat from tache_execution where nom = 'analyse-fraude' order by id desc limit 1`);
    expect(x).toMatchObject({ statut: 'termine', resultat: { total: 1 } });
    expect(await executerTache(t.orm, t.clock, def, loadJobsConfig({}), { declenchement: 'planifie' }, { storage: t.storage })).toMatchObject({ total: 0 });
  });

  it('R-ONE-ACCOUNT: e-mail variants (Gmail dots, +tag, case) are one mailbox', async () => {
    await conn().execute(
      `insert into demandeur (civilite, nom, prenom, email, statut_compte) values ('M', 'Variante', 'Un', 'paul.variante.t@gmail.com', 'actif'), ('M', 'Autre', 'Deux', 'paulvariantet+logement@googlemail.com', 'actif')`,
    );
    const bilan = await detecterDoublons(t.orm.em.fork(), t.clock.now());
    expect(bilan.email_variante).toBe(1);
    const [s] = (await signaux('email_variante')).slice(-1);
    expect(s.preuves.emailCanonique).toBe('paulvariantet@gmail.com');
    expect(s.score).toBe(60);
  });
});

describe('signalerApresDepot (upload hook)', () => {
  const deposer = async (demandeurId: number, type: string, sha256: string, meta: Record<string, string> | null) => {
    const c = conn();
    const [d] = await c.execute<{ id: number }[]>(`select id from demande where demandeur_id = ? order by id desc limit 1`, [demandeurId]);
    const [j] = await c.execute<{ id: number }[]>(
      `insert into justificatif (demande_id, titulaire, type, statut, sha256, taille, mime, nom_original, metadonnees_pdf, depose_le)
       values (?, 'demandeur', ?, 'depose', ?, 1000, 'application/pdf', 'avis.pdf', ?::jsonb, now()) returning id`,
      [d.id, type, sha256, meta === null ? null : JSON.stringify(meta)],
    );
    await t.orm.em.fork().transactional((tx) => signalerApresDepot(tx, j.id, t.clock.now()));
    return j.id;
  };
  const deuxDemandeurs = async () =>
    (await conn().execute<{ demandeur_id: number }[]>(`select distinct demandeur_id from demande where statut = 'complete' order by demandeur_id limit 2 offset 40`)).map(
      (r) => r.demandeur_id,
    );

  it('R-SUSP (§10.9): a PDF whose Producer is an editing tool raises a metadata signal at upload', async () => {
    const [a] = await deuxDemandeurs();
    const id = await deposer(a, 'avis_imposition', 'b'.repeat(64), {
      producer: 'Adobe Photoshop 25.0 (Windows)', creator: 'Adobe Photoshop 25.0 (Windows)',
      creationDate: '2025-10-01T10:00:00.000Z', modificationDate: '2026-10-30T10:00:00.000Z',
    });
    const [s] = await conn().execute<Sig[]>(`select * from signalement where type = 'metadonnees_pdf' and preuves->>'justificatifId' = ?`, [String(id)]);
    expect(s).toBeDefined();
    expect(s.demandeur_ids).toEqual([a]);
    expect(s.score).toBe(90);
    expect((s.preuves.anomalies as { code: string }[]).map((x) => x.code)).toEqual(['OUTIL_RETOUCHE', 'MODIFICATION_TARDIVE']);
  });

  it('R-ONE-ACCOUNT: the same file deposited by another demandeur raises a shared-file signal; a clean file raises nothing', async () => {
    const [a, b] = await deuxDemandeurs();
    const sha = 'c'.repeat(64);
    const sain = { producer: 'Silae Paie', creator: 'Silae', creationDate: '2026-10-01T10:00:00Z', modificationDate: '2026-10-01T10:00:00Z' };
    const avant = (await signaux('fichier_partage')).length + (await signaux('metadonnees_pdf')).length;
    await deposer(a, 'bulletin_salaire', sha, sain);
    expect((await signaux('fichier_partage')).length + (await signaux('metadonnees_pdf')).length).toBe(avant);
    await deposer(b, 'bulletin_salaire', sha, sain);
    const [s] = (await signaux('fichier_partage')).slice(-1);
    expect(s.demandeur_ids.sort()).toEqual([a, b].sort());
    expect(s.preuves.sha256).toBe(sha);
    expect(s.score).toBe(70);
  });
});
