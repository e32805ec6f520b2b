import type { LigneDossier } from '@console/data/instruction';

/** A checklist line is one (type, titulaire) pair. */
export const cleLigne = (l: Pick<LigneDossier, 'type' | 'titulaire'>) => `${l.type}:${l.titulaire}`;
/** The element id of a checklist line, the anchor other parts of the page link to (« Désigner »'s reason). */
export const idLigne = (l: Pick<LigneDossier, 'type' | 'titulaire'>) => `piece-${l.type}-${l.titulaire}`;

/** Waiting for an agent's look: deposited and not yet validated. */
export const aVerifier = (l: LigneDossier) => l.statut === 'depose' && !l.expire;

/** The line to show first: the first piece to check, else the first uploaded one. */
export function premiereLigne(lignes: LigneDossier[]): LigneDossier | undefined {
  return lignes.find(aVerifier) ?? lignes.find((l) => l.justificatifId != null) ?? lignes[0];
}

/** After a verification: the next piece to check, after the current one first. */
export function ligneSuivante(lignes: LigneDossier[], courante: string): LigneDossier | undefined {
  const i = lignes.findIndex((l) => cleLigne(l) === courante);
  const autres = [...lignes.slice(i + 1), ...lignes.slice(0, Math.max(i, 0))];
  return autres.find(aVerifier);
}
