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

export type CleSignalement = 'cleIdentite' | 'telephone' | 'emailCanonique' | 'sha256';

/** The normalised key that grouped the accounts, which one it is, and its label (app.fraude.preuves.<cle>). */
export function cleDe(preuves: Record<string, unknown> | null | undefined): { cle: CleSignalement; label: string; valeur: string } | null {
  for (const k of ['cleIdentite', 'telephone', 'emailCanonique', 'sha256'] as const) {
    const v = preuves?.[k];
    if (typeof v === 'string') return { cle: k, label: `app.fraude.preuves.${k}`, valeur: v };
  }
  return null;
}

/**
 * The person an identity key (« benali karim|1990-01-02 ») stands for, as people write it: the
 * names of the first account compared (« BENALI », « Karim »: the key has lost which word is the
 * last name), its civilité, and the birth date (a calendar day, « 1990-01-02 »). Without an
 * account, the key's words are capitalised as they are.
 */
export function identiteDeCle(cle: string, comptes: ComptePreuve[]): { nom: string; prenom: string; civilite: string | null; dateNaissance: string | null } {
  const [mots, date] = cle.split('|');
  const compte = comptes.find((c) => c.dateNaissance?.slice(0, 10) === date) ?? comptes[0];
  if (compte) return { nom: compte.nom, prenom: compte.prenom, civilite: compte.civilite ?? null, dateNaissance: date || compte.dateNaissance };
  const capitalise = (m: string) => m.charAt(0).toUpperCase() + m.slice(1);
  return { nom: '', prenom: (mots ?? '').split(' ').filter(Boolean).map(capitalise).join(' '), civilite: null, dateNaissance: date || null };
}
