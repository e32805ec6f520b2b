import * as E from '@shared/domain/enums';

/**
 * Every enum of the domain the console displays, by the name used in the i18n catalogue
 * (`enums.<name>.<value>`). One registry, so that labels, choices and chips never drift
 * from shared/domain/enums.ts.
 */
export const ENUMS = {
  role: E.ROLES,
  civilite: E.CIVILITES,
  statutCompte: E.STATUTS_COMPTE,
  statutDemande: E.STATUTS_DEMANDE,
  motifCloture: E.MOTIFS_CLOTURE,
  /** What the demandes API shows: fraude/incivilite folded into « suspension » (R-FRAUD-VIS). */
  motifClotureVisible: E.MOTIFS_CLOTURE_VISIBLES,
  publicCible: E.PUBLICS_CIBLES,
  situationPrioritaire: E.SITUATIONS_PRIORITAIRES,
  titulaire: E.TITULAIRES,
  typeJustificatif: E.TYPES_JUSTIFICATIF,
  statutJustificatif: E.STATUTS_JUSTIFICATIF,
  natureOffre: E.NATURES_OFFRE,
  formeOffre: E.FORMES_OFFRE,
  typologie: E.TYPOLOGIES,
  reglementation: E.REGLEMENTATIONS,
  statutCandidature: E.STATUTS_CANDIDATURE,
  origineCandidature: E.ORIGINES_CANDIDATURE,
  canalDemande: E.CANAUX_DEMANDE,
  typeSuspension: E.TYPES_SUSPENSION,
  statutProposition: E.STATUTS_PROPOSITION,
  contribution: E.CONTRIBUTIONS,
  statutSignalement: E.STATUTS_SIGNALEMENT,
  typeSignalement: E.TYPES_SIGNALEMENT,
  typeExport: E.TYPES_EXPORT,
  statutExport: E.STATUTS_EXPORT,
  statutNotification: E.STATUTS_NOTIFICATION,
  acteur: E.ACTEURS,
} as const;

export type EnumName = keyof typeof ENUMS;
export type EnumValue<N extends EnumName> = (typeof ENUMS)[N][number];

/** The shape each catalogue (fr, en) must give: one label per value of every enum. */
export type EnumLabels = { [N in EnumName]: Record<EnumValue<N>, string> };

export interface EnumChoice<N extends EnumName> {
  id: EnumValue<N>;
  name: string;
}

export const enumLabelKey = (name: EnumName, value: string): string => `enums.${name}.${value}`;

/**
 * Choices for SelectInput / SelectField / CheckboxGroupInput: `name` is a translation key,
 * which react-admin translates (translateChoice is on by default).
 */
export function choicesFor<N extends EnumName>(name: N, only?: readonly EnumValue<N>[]): EnumChoice<N>[] {
  const values: readonly EnumValue<N>[] = only ?? ENUMS[name];
  return values.map((id) => ({ id, name: enumLabelKey(name, id) }));
}
