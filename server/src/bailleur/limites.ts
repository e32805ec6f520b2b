import type { RegleDebit } from '@server/http/rateLimit';

/**
 * Rate limits of the bailleur's page (shared by every replica: server/src/http/rateLimit.ts).
 * A link token is 256 random bits: guessing is hopeless, but probing is still counted per address;
 * a live link gets a generous budget for a person working through its list, and tighter ones for
 * the heavy calls (dossier PDFs built on request, spreadsheet uploads parsed in a worker).
 */
export const LIMITES_BAILLEUR = {
  /** Openings refused (unknown, expired or revoked link) from one address. */
  ouvertureIp: { nom: 'bailleur-ouverture-ip', points: 20, dureeSec: 15 * 60, objet: 'ouvertures de lien refusées depuis votre adresse' },
  /** Every call of the page, per address and per link. */
  pageIp: { nom: 'bailleur-page-ip', points: 600, dureeSec: 10 * 60, objet: 'requêtes depuis votre adresse' },
  pageLien: { nom: 'bailleur-page-lien', points: 300, dureeSec: 10 * 60, objet: 'requêtes avec ce lien' },
  dossierLien: { nom: 'bailleur-dossier-lien', points: 120, dureeSec: 3600, objet: 'téléchargements de dossiers avec ce lien' },
  tableauLien: { nom: 'bailleur-tableau-lien', points: 10, dureeSec: 3600, objet: 'envois de tableaux avec ce lien' },
} as const satisfies Record<string, RegleDebit>;
