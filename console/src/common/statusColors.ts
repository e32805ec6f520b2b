import type { EnumName, EnumValue } from './enums';

export type ChipColor = 'default' | 'primary' | 'secondary' | 'error' | 'info' | 'success' | 'warning';

type ColorMap = { [N in EnumName]?: Partial<Record<EnumValue<N>, ChipColor>> };

/**
 * Colours of the status chips. An enum listed here is shown as a chip; a value missing from
 * its map is grey. Convention: blue = waiting for us, orange = in progress or needs a look,
 * green = done well, red = refused, fraud or failure, grey = closed.
 */
export const STATUS_COLORS: ColorMap = {
  statutCandidature: {
    deposee: 'info',
    en_instruction: 'warning',
    transmise_bailleur: 'primary',
    attribuee: 'success',
  },
  statutDemande: { brouillon: 'default', complete: 'success' },
  statutCompte: { a_verifier: 'warning', actif: 'success' },
  statutJustificatif: { depose: 'info', valide: 'success', refuse: 'error', expire: 'warning', falsifie: 'error' },
  statutProposition: { envoyee: 'info', acceptee: 'success', refusee: 'default', expiree: 'warning' },
  statutSignalement: { nouveau: 'error', en_cours: 'warning', confirme: 'secondary', infirme: 'default' },
  statutExport: { en_attente: 'default', en_cours: 'info', termine: 'success', echec: 'error' },
  statutNotification: { a_envoyer: 'info', envoi_en_cours: 'warning', envoyee: 'success', echec: 'error' },
  typeSuspension: { fraude: 'error', incivilite: 'warning' },
  role: { conseiller: 'info', controle_fraude: 'error', manager: 'primary', admin: 'secondary' },
  natureOffre: { classique: 'primary', courte_duree: 'secondary' },
};

export function colorFor(name: EnumName, value: string): ChipColor {
  const map = STATUS_COLORS[name] as Record<string, ChipColor> | undefined;
  return map?.[value] ?? 'default';
}

export const hasChip = (name: EnumName): boolean => STATUS_COLORS[name] !== undefined;
