/**
 * The evidence (`preuves`) a signal carries, as the server writes it (modules/signalements):
 * a snapshot of the accounts compared, the shared files, or a piece's PDF metadata.
 */
export interface ComptePreuve {
  id: number;
  civilite?: string;
  nom: string;
  prenom: string;
  dateNaissance: string | null;
  email: string;
  telephone: string | null;
  statutCompte?: string;
  createdAt?: string;
  desactiveLe?: string | null;
}

export interface FichierPreuve {
  justificatifId: number;
  demandeurId: number;
  type: string;
  nomOriginal: string;
  statut: string;
  deposeLe: string;
}

export interface AnomaliePreuve {
  code: string;
  detail: string;
}

const tableau = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);

export const comptesDe = (preuves: Record<string, unknown> | null | undefined): ComptePreuve[] =>
  tableau<ComptePreuve>(preuves?.comptes).map((c) => ({ ...c, email: c.email ?? '', telephone: c.telephone ?? null, dateNaissance: c.dateNaissance ?? null }));

export const fichiersDe = (preuves: Record<string, unknown> | null | undefined): FichierPreuve[] => tableau<FichierPreuve>(preuves?.fichiers);

export const anomaliesDe = (preuves: Record<string, unknown> | null | undefined): AnomaliePreuve[] => tableau<AnomaliePreuve>(preuves?.anomalies);

/** The normalised key that grouped the accounts, and its label (app.fraude.preuves.<cle>). */
export function cleDe(preuves: Record<string, unknown> | null | undefined): { label: string; valeur: string } | null {
  for (const k of ['cleIdentite', 'telephone', 'emailCanonique', 'sha256'] as const) {
    const v = preuves?.[k];
    if (typeof v === 'string') return { label: `app.fraude.preuves.${k}`, valeur: v };
  }
  return null;
}
