import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  NATURES_OFFRE, PUBLICS_CIBLES, REGLEMENTATIONS, SITUATIONS_PRIORITAIRES, STATUTS_JUSTIFICATIF, TITULAIRES, TYPES_JUSTIFICATIF,
  type NatureOffre, type Reglementation,
} from '@shared/domain/enums';
import { palierCandidature } from '@shared/rules/classement';
import { rafraichirPaliers } from '@server/modules/candidatures/paliers';
import { useTestApp } from '@test/support/app';
import { creerOffre } from '@test/support/fixtures';

const t = useTestApp();
const offres = new Map<string, number>();
beforeAll(async () => {
  for (const nature of NATURES_OFFRE) for (const reglementation of REGLEMENTATIONS) {
    offres.set(`${nature}/${reglementation}`, await creerOffre(t.orm, { nature, reglementation, departement: '69' }));
  }
});

// Instants around a Paris day boundary and a DST change (2026-03-29): validity ends are dates.
const MAINTENANTS = ['2026-03-29T21:59:59Z', '2026-03-29T22:00:00Z', '2026-03-30T10:00:00Z', '2026-10-24T22:00:00Z'].map((s) => new Date(s));
const FINS = [null, null, null, '2026-03-28', '2026-03-29', '2026-03-30', '2026-03-31', '2026-10-24', '2026-10-25', '2099-01-01'];

const pieceArb = fc.record({
  type: fc.constantFrom(...TYPES_JUSTIFICATIF),
  titulaire: fc.constantFrom(...TITULAIRES),
  statut: fc.constantFrom(...STATUTS_JUSTIFICATIF),
  fin: fc.constantFrom(...FINS),
  actif: fc.constantFrom(true, true, true, false),
});
// Mostly one piece per (type, titulaire), so that complete dossiers (tier 1) come up often, plus a few extra ones.
const PAIRES = TYPES_JUSTIFICATIF.flatMap((type) => TITULAIRES.map((titulaire) => ({ type, titulaire })));
// Per (type, titulaire): mostly a good piece (so complete dossiers, tier 1, come up often), else any piece or none; plus a few extra ones.
const bonne = fc.record({ statut: fc.constantFrom('depose', 'valide'), fin: fc.constantFrom(null, '2099-01-01'), actif: fc.constant(true) });
const quelconque = fc.record({ statut: fc.constantFrom(...STATUTS_JUSTIFICATIF), fin: fc.constantFrom(...FINS), actif: fc.constant(true) });
const piecesArb = fc
  .tuple(
    fc.tuple(...PAIRES.map((p) => fc.option(fc.oneof({ arbitrary: bonne, weight: 8 }, { arbitrary: quelconque, weight: 2 }).map((x) => ({ ...x, ...p })), { freq: 8 }))),
    fc.array(pieceArb, { maxLength: 3 }),
  )
  .map(([base, extra]) => [...base.filter((p) => p !== null), ...extra]);
const dossierArb = fc.record({
  nature: fc.constantFrom(...NATURES_OFFRE),
  reglementation: fc.constantFrom(...REGLEMENTATIONS),
  codemandeur: fc.boolean(),
  publicCible: fc.constantFrom(...PUBLICS_CIBLES),
  situations: fc.uniqueArray(fc.constantFrom(...SITUATIONS_PRIORITAIRES), { maxLength: 3 }),
  accompagne: fc.boolean(),
  pieces: piecesArb,
  maintenant: fc.constantFrom(...MAINTENANTS),
});
type Dossier = typeof dossierArb extends fc.Arbitrary<infer T> ? T : never;

let n = 0;
async function inserer(d: Dossier) {
  const c = t.orm.em.fork().getConnection();
  const u = `${process.pid}-${++n}`;
  const [{ id: demandeurId }] = await c.execute<{ id: number }[]>(
    `insert into demandeur (civilite, nom, prenom, email, statut_compte) values ('M', 'Palier', 'Sql', ?, 'actif') returning id`, [`palier.${u}@exemple.fr`]);
  const [{ id: demandeId }] = await c.execute<{ id: number }[]>(
    `insert into demande (reference, demandeur_id, statut, nombre_personnes, codemandeur, revenu_fiscal_reference, public_cible, secteurs_recherche,
       situations_prioritaires, accompagne_service_salaries_en_difficulte, derniere_mise_ajour)
     values (?, ?, 'complete', 2, ?::jsonb, 20000, ?, '[]', ?::text[], ?, now()) returning id`,
    [`DEM-P-${u}`, demandeurId, d.codemandeur ? '{"nom":"Co","prenom":"Demandeur"}' : null, d.publicCible, `{${d.situations.join(',')}}`, d.accompagne]);
  const lignes = d.pieces.map((p) => [demandeId, p.titulaire, p.type, p.statut, p.fin, p.actif]);
  const ids = lignes.length === 0 ? [] : await c.execute<{ id: number }[]>(
    `insert into justificatif (demande_id, titulaire, type, statut, date_validite_fin, sha256, taille, mime, nom_original, depose_le, actif)
     values ${lignes.map(() => "(?, ?, ?, ?, ?::date, repeat('b', 64), 1, 'application/pdf', 'p.pdf', now(), ?)").join(', ')} returning id`, lignes.flat());
  const pieces = d.pieces.flatMap((p, i) => (p.actif ? [{ id: ids[i].id, type: p.type, titulaire: p.titulaire, statut: p.statut, dateValiditeFin: p.fin }] : []));
  const offreId = offres.get(`${d.nature}/${d.reglementation}`)!;
  const [{ id: candidatureId }] = await c.execute<{ id: number }[]>(
    `insert into candidature (reference, demande_id, demandeur_id, offre_id, departement, nature, statut, date_candidature, palier)
     values (?, ?, ?, ?, '69', ?, 'deposee', now(), 0) returning id`, [`CAN-P-${u}`, demandeId, demandeurId, offreId, d.nature]);
  return { demandeId, candidatureId, pieces };
}

describe('R-RANK: the set-based SQL palier equals the shared palierCandidature', () => {
  it('R-RANK-CL/R-RANK-CD/R-RANK-HPC: rafraichirPaliers stores palierCandidature for random households, pieces, validity ends and instants', async () => {
    const vus = new Set<string>();
    await fc.assert(
      fc.asyncProperty(dossierArb, async (d) => {
        const { demandeId, candidatureId, pieces } = await inserer(d);
        await t.orm.em.fork().transactional((tx) => rafraichirPaliers(tx, [demandeId], d.maintenant));
        const [{ palier }] = await t.orm.em.fork().getConnection().execute<{ palier: number }[]>(`select palier from candidature where id = ?`, [candidatureId]);
        const attendu = palierCandidature(
          { nature: d.nature as NatureOffre, reglementation: d.reglementation as Reglementation },
          {
            candidature: { id: candidatureId, statut: 'deposee', dateCandidature: d.maintenant },
            demande: { codemandeur: d.codemandeur, situationsPrioritaires: d.situations, publicCible: d.publicCible, accompagneServiceSalariesEnDifficulte: d.accompagne },
            justificatifs: pieces,
          },
          d.maintenant,
        );
        expect(palier).toBe(attendu);
        vus.add(`${d.nature}:${attendu}`);
      }),
      { numRuns: 500, seed: 20261206 },
    );
    // The random data reached every palier of both natures (else the property says little).
    expect([...vus].sort()).toEqual(NATURES_OFFRE.flatMap((n) => [1, 2, 3, 11, 12, 13].map((p) => `${n}:${p}`)).sort());
  });
});
