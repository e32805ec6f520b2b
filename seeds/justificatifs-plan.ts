/**
 * Which pieces each demande holds, and their status, by dossier profile: complete and validated,
 * complete, socles only, incomplete (missing, refused, expired). Plus the fraud cases: two
 * falsified pieces, one suspicious piece not yet checked, two files shared by two demandeurs.
 */
import { PIECES_SOCLES, REGLEMENTATIONS, type StatutJustificatif, type Titulaire, type TypeJustificatif } from '@shared/domain/enums';
import { piecesRequises } from '@shared/rules/completude';
import type { DemandePlan, PersonnePlan } from './plan';
import type { Rng } from './prng';

export type Retouche = 'photoshop' | 'ilovepdf' | null;

export interface PiecePlan {
  personne: PersonnePlan;
  demande: DemandePlan;
  titulaire: Titulaire;
  type: TypeJustificatif;
  statut: StatutJustificatif;
  retouche: Retouche;
  /** Same key = same bytes (the "same file" fraud signal). */
  partage: string | null;
}

/** Person number → the falsified piece (R-FRAUD: marked by controle_fraude). */
const FALSIFIEES: Record<number, { type: TypeJustificatif; retouche: Retouche }> = {
  210: { type: 'avis_imposition', retouche: 'photoshop' },
  133: { type: 'bulletin_salaire', retouche: 'ilovepdf' },
};
/** Edited with an online tool, deposited, not checked yet: the metadata signal alone. */
const SUSPECTES: Record<number, TypeJustificatif> = { 20: 'ressources' };
/** Two people, one file: the identity scan of the look-alike pair 80/250, one payslip for 120/140. */
const PARTAGES: Record<number, { type: TypeJustificatif; cle: string }> = {
  80: { type: 'identite', cle: 'identite-nguyen' },
  250: { type: 'identite', cle: 'identite-nguyen' },
  120: { type: 'bulletin_salaire', cle: 'bulletin-modele' },
  140: { type: 'bulletin_salaire', cle: 'bulletin-modele' },
};

const cle = (type: TypeJustificatif, titulaire: Titulaire) => `${type}:${titulaire}`;

/** Every piece some offer could ask of this household (union over the reglementations). */
function toutesPieces(d: DemandePlan): { type: TypeJustificatif; titulaire: Titulaire }[] {
  const foyer = { codemandeur: d.codemandeur !== null, situationsPrioritaires: d.situationsPrioritaires, publicCible: d.publicCible };
  const vues = new Map<string, { type: TypeJustificatif; titulaire: Titulaire }>();
  for (const reglementation of REGLEMENTATIONS) {
    for (const { type, titulaire } of piecesRequises({ reglementation }, foyer)) vues.set(cle(type, titulaire), { type, titulaire });
  }
  return [...vues.values()];
}

export function planPieces(rng: Rng, p: PersonnePlan): PiecePlan[] {
  const out: PiecePlan[] = [];
  p.demandes.forEach((d, i) => {
    const courante = i === p.demandes.length - 1;
    const add = (type: TypeJustificatif, titulaire: Titulaire, statut: StatutJustificatif) =>
      out.push({ personne: p, demande: d, titulaire, type, statut, retouche: null, partage: null });
    const toutes = toutesPieces(d);
    const socles = toutes.filter((x) => (PIECES_SOCLES as readonly string[]).includes(x.type));
    const autres = toutes.filter((x) => !(PIECES_SOCLES as readonly string[]).includes(x.type));
    const profil = courante ? d.profil : 'valide';
    const mixte = (): StatutJustificatif => (rng.chance(0.55) ? 'valide' : 'depose');
    switch (profil) {
      case 'valide':
        for (const x of courante ? toutes : socles) add(x.type, x.titulaire, 'valide');
        break;
      case 'complet':
        for (const x of socles) add(x.type, x.titulaire, mixte());
        for (const x of autres) add(x.type, x.titulaire, rng.chance(0.1) ? 'refuse' : mixte());
        break;
      case 'socles':
        for (const x of socles) add(x.type, x.titulaire, mixte());
        for (const x of autres.filter((y) => y.type === 'justificatif_domicile')) if (rng.chance(0.5)) add(x.type, x.titulaire, 'depose');
        break;
      case 'incomplet': {
        const defaut = rng.pick(socles);
        const sort = rng.weighted<StatutJustificatif | 'absent'>([['absent', 40], ['refuse', 30], ['expire', 30]]);
        for (const x of socles) {
          if (x !== defaut) add(x.type, x.titulaire, 'depose');
          else if (sort !== 'absent') add(x.type, x.titulaire, sort);
        }
        break;
      }
    }
  });
  const courantes = out.filter((x) => x.demande === p.demandes[p.demandes.length - 1]);
  const fixe = (type: TypeJustificatif, maj: (x: PiecePlan) => void) => {
    const x = courantes.find((y) => y.type === type && y.titulaire === 'demandeur');
    if (x) maj(x);
    else if (courantes.length) {
      const n: PiecePlan = { ...courantes[0], type, titulaire: 'demandeur', statut: 'depose', retouche: null, partage: null };
      maj(n);
      out.push(n);
    }
  };
  const f = FALSIFIEES[p.n];
  if (f) fixe(f.type, (x) => Object.assign(x, { statut: 'falsifie', retouche: f.retouche }));
  const s = SUSPECTES[p.n];
  if (s) fixe(s, (x) => Object.assign(x, { statut: 'depose', retouche: 'ilovepdf' }));
  const partage = PARTAGES[p.n];
  if (partage) fixe(partage.type, (x) => Object.assign(x, { partage: partage.cle }));
  return out;
}
