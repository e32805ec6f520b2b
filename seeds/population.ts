/**
 * The 300 demo demandeurs: identities (French names, emails prenom.nom{n}@exemple.fr), the
 * look-alike duplicate accounts for fraud control (R-ONE-ACCOUNT), and each person's story.
 */
import type { Civilite } from '@shared/domain/enums';
import type { SeedContext } from './context';
import { NOMS, PRENOMS_F, PRENOMS_M } from './noms';
import type { Cas, PersonnePlan } from './plan';
import type { Rng } from './prng';
import { localEmail } from './util';

export const NOMBRE_DEMANDEURS = 300;

/** Fixed stories by person number; the attributaires are drawn among the remaining ones. */
const CAS_FIXES: Record<number, Cas> = {
  210: 'suspendu_fraude',
  111: 'suspendu_incivilite',
  122: 'suspension_terminee',
  133: 'recidive',
  144: 'suspension_levee',
  97: 'ferme',
  171: 'ferme',
  277: 'ferme',
  58: 'cloture_agent',
  203: 'cloture_agent',
  13: 'inactivite_close',
  74: 'inactivite_close',
  156: 'inactivite_close',
  219: 'inactivite_close',
  268: 'inactivite_close',
  41: 'reattribution',
  182: 'reattribution',
  286: 'brouillon',
  287: 'brouillon',
  288: 'brouillon',
  289: 'brouillon',
  290: 'brouillon',
  291: 'a_verifier',
  292: 'a_verifier',
  293: 'a_verifier',
  294: 'a_verifier',
  295: 'a_verifier',
};
const NOMBRE_ATTRIBUTAIRES = 18;

interface Variante {
  original: number;
  copie: number;
  civilite: Civilite;
  /** [prenom, nom] of the original and of the copy. */
  identites: [[string, string], [string, string]];
  memeTelephone: boolean;
}

/** R-ONE-ACCOUNT look-alikes: accents, hyphen, case, swapped names; same birth date. */
export const DOUBLONS: Variante[] = [
  { original: 20, copie: 160, civilite: 'Mme', identites: [['Hélène', 'Durand'], ['Helene', 'Durand']], memeTelephone: true },
  { original: 35, copie: 190, civilite: 'M', identites: [['Jean-Pierre', 'Lefèvre'], ['Jean Pierre', 'Lefevre']], memeTelephone: false },
  { original: 50, copie: 210, civilite: 'M', identites: [['Karim', 'Benali'], ['Benali', 'Karim']], memeTelephone: true },
  { original: 65, copie: 230, civilite: 'Mme', identites: [['Nathalie', 'DUBOIS'], ['Nathalie', 'Dubois']], memeTelephone: true },
  { original: 80, copie: 250, civilite: 'M', identites: [['François', 'Nguyen'], ['Francois', 'NGUYEN']], memeTelephone: false },
];

/** Person numbers of the email_variante fixture (not look-alikes: other names, same mailbox). */
export const MEME_BOITE: readonly [number, number] = [75, 175];

export function telephone(rng: Rng): string {
  return `0${rng.pick(['6', '7'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
}

export function dateNaissance(rng: Rng, now: Date, ageMin: number, ageMax: number): string {
  const annee = now.getUTCFullYear() - rng.int(ageMin, ageMax);
  return `${annee}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
}

export function planPersonnes(ctx: SeedContext): PersonnePlan[] {
  const rng = ctx.rng.fork('personnes');
  const personnes: PersonnePlan[] = [];
  for (let n = 1; n <= NOMBRE_DEMANDEURS; n++) {
    const civilite: Civilite = rng.chance(0.53) ? 'Mme' : 'M';
    const prenom = rng.pick(civilite === 'Mme' ? PRENOMS_F : PRENOMS_M);
    const nom = rng.pick(NOMS);
    personnes.push({
      n,
      civilite,
      nom,
      prenom,
      email: `${localEmail(prenom, nom)}${n}@exemple.fr`,
      dateNaissance: dateNaissance(rng, ctx.now, 19, 63),
      telephone: rng.chance(0.96) ? telephone(rng) : null,
      statutCompte: 'actif',
      creeLe: ctx.now,
      emailVerifieLe: null,
      cguVersionAcceptee: null,
      derniereConnexion: null,
      departement: rng.weighted([['69', 30], ['75', 25], ['92', 25], ['33', 20]]),
      cas: CAS_FIXES[n] ?? 'normal',
      demandes: [],
      suspensions: [],
      id: 0,
    });
  }
  for (const d of DOUBLONS) {
    const [a, b] = [personnes[d.original - 1], personnes[d.copie - 1]];
    for (const [p, [prenom, nom]] of [[a, d.identites[0]], [b, d.identites[1]]] as const) {
      p.civilite = d.civilite;
      p.prenom = prenom;
      p.nom = nom;
      p.email = `${localEmail(prenom, nom)}${p.n}@exemple.fr`;
    }
    b.dateNaissance = a.dateNaissance;
    b.departement = a.departement;
    a.telephone ??= telephone(rng);
    if (d.memeTelephone) b.telephone = a.telephone;
  }
  // Two different people, one mailbox: the second account uses a "+tag" of the first one's address.
  const [boite, variante] = MEME_BOITE.map((n) => personnes[n - 1]);
  variante.email = boite.email.replace('@', '+logement@');
  const libres = personnes.filter((p) => p.cas === 'normal' && !DOUBLONS.some((d) => d.original === p.n || d.copie === p.n));
  for (const p of rng.sample(libres, NOMBRE_ATTRIBUTAIRES)) p.cas = 'attributaire';
  return personnes;
}
