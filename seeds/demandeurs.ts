/** Inserts the demandeurs (accounts) of the plan; every verified account shares one demo password. */
import { hash } from '@node-rs/argon2';
import { Demandeur, type IDemandeur } from '@server/modules/demandeurs/Demandeur.entity';
import { inserer, type SeedContext } from './context';
import type { PersonnePlan } from './plan';

/** Portal password of every seeded demandeur whose email is verified (demo only). */
export const MOT_DE_PASSE_DEMANDEUR = 'Demandeur2026!demo';

export async function seedDemandeurs(ctx: SeedContext, personnes: PersonnePlan[]): Promise<void> {
  const passwordHash = await hash(MOT_DE_PASSE_DEMANDEUR);
  const rows = personnes.map((p) => ({
    civilite: p.civilite,
    nom: p.nom,
    prenom: p.prenom,
    email: p.email.toLowerCase(),
    dateNaissance: p.dateNaissance,
    telephone: p.telephone,
    statutCompte: p.statutCompte,
    // The column is nullable but MikroORM types a hidden() property as required: null has to be cast.
    passwordHash: (p.emailVerifieLe ? passwordHash : null) as string,
    emailVerifieLe: p.emailVerifieLe,
    cguVersionAcceptee: p.cguVersionAcceptee,
    derniereConnexion: p.derniereConnexion,
    createdAt: p.creeLe,
  }));
  const ids = await inserer<IDemandeur>(ctx.em, Demandeur, rows);
  personnes.forEach((p, i) => (p.id = ids[i]));
}
