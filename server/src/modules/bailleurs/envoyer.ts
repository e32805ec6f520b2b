import type { EntityManager } from '@mikro-orm/postgresql';
import type { OrigineEnvoiBailleur } from '@shared/domain/enums';
import { formatDateHeureParis } from '@shared/rules/calendrier';
import { expirationLien } from '@shared/rules/lienBailleur';
import type { BailleurTable, CandidatureTable, OffreTable } from '@server/db/schema';
import { conflict } from '@server/http/problem';
import { audit } from '@server/modules/audit-events/audit';
import { hashToken } from '@server/modules/auth/sessions';
import { LIEN_MASQUE } from '@server/modules/comptes/liens';
import { notifier } from '@server/modules/notifications/outbox';
import { TEMPLATES } from '@server/modules/notifications/templates';
import { chiffrerJeton, dechiffrerJeton, nouveauJeton } from './jeton';

/** At most this many candidatures in one envoi (the bailleur's page and spreadsheet stay usable). */
export const ENVOI_MAX = 2000;

/** Where the bailleur's page is served (the link in the mail): PUBLIC_URL, else this server on PORT. */
export const urlPublique = (env: NodeJS.ProcessEnv = process.env) => (env.PUBLIC_URL || `http://localhost:${env.PORT ?? 3000}`).replace(/\/+$/, '');

/** The link of the mail: the token sits in the fragment, which browsers never send (no server log, no Referer). */
export const lienBailleur = (token: string, base = urlPublique()) => `${base}/bailleur/#${token}`;

const TEMPLATES_BAILLEUR = new Set(['bailleur_envoi', 'bailleur_relance']);

/**
 * At delivery only: a bailleur's mail with its real link, the token decrypted from the outbox row
 * (`jeton_chiffre`, see jeton.ts); null for any other mail. A bailleur's mail whose token is gone
 * (already delivered and wiped) or unreadable (the secret changed in between) throws: its delivery
 * fails for good and an agent sends the candidatures again (a new link).
 */
export function mailBailleurALivrer(
  n: { template: string; donnees: Record<string, unknown> | null; jeton_chiffre?: string | null },
  secret: string,
): { sujet: string; corps: string } | null {
  const lienId = n.donnees?.lienBailleurId;
  if (!TEMPLATES_BAILLEUR.has(n.template) || typeof lienId !== 'number') return null;
  if (!n.jeton_chiffre) throw Object.assign(new Error('Lien du bailleur indisponible (déjà livré ou effacé) : envoyez à nouveau les candidatures.'), { permanent: true });
  let jeton: string;
  try {
    jeton = dechiffrerJeton(secret, n.jeton_chiffre, lienId);
  } catch {
    throw Object.assign(new Error('Lien du bailleur illisible (secret du serveur changé ?) : envoyez à nouveau les candidatures.'), { permanent: true });
  }
  return TEMPLATES[n.template]({ ...(n.donnees as Record<string, string>), lien: lienBailleur(jeton) });
}

export interface DemandeEnvoi {
  origine: OrigineEnvoiBailleur;
  bailleurId: number;
  candidatureIds: number[];
  offreId?: number | null;
  exportId?: number | null;
  /** The agent who sends; null for the reminder job. */
  agentId: number | null;
  ip?: string;
  /** A candidature that is not (or no longer) transmise_bailleur: refuse the whole envoi (true) or leave it out. */
  strict: boolean;
  /** Days after which a reminder goes (reminder mails say it). */
  joursRelance?: number;
  /** The server's secret (config.secret): the key of the token's encryption in the outbox row until delivery. */
  secret: string;
}

export interface ResultatEnvoi {
  envoiId: number;
  lienId: number;
  destinataire: string;
  expireLe: Date;
  candidatures: number;
}

type Ligne = Pick<CandidatureTable, 'id' | 'reference' | 'statut'> & Pick<OffreTable, 'bailleur_id'> & { offre: string };

/**
 * One envoi (issue #18, R-BAIL-LIEN, R-BAIL-MIN): in the caller's transaction, locks the
 * candidatures (id order, like every writer), keeps those still transmise_bailleur of this
 * bailleur's offers, writes the envoi, its candidatures, a 14-day link (random token, only its
 * sha256 stored on the link), an audit event per candidature, and the mail to the bailleur's contact
 * address: the link and offer references, never personal data. The outbox row shows « [lien masqué] »
 * and holds the token encrypted until its delivery (jeton.ts).
 */
export async function envoyer(tx: EntityManager, d: DemandeEnvoi, now: Date): Promise<ResultatEnvoi> {
  const ids = [...new Set(d.candidatureIds)].sort((a, b) => a - b);
  if (ids.length > ENVOI_MAX) {
    throw conflict('ENVOI_TROP_VOLUMINEUX', `Au plus ${ENVOI_MAX} candidatures par envoi (${ids.length} demandées) : envoyez-les en plusieurs fois, par offre ou sur une période plus courte.`);
  }
  const lignes = ids.length === 0 ? [] : await tx.execute<Ligne[]>(
    `select c.id, c.reference, c.statut, o.bailleur_id, o.reference || ' — ' || o.titre as offre
       from candidature c join offre o on o.id = c.offre_id where c.id = any(?::int[]) order by c.id for update of c`,
    [`{${ids.join(',')}}`],
  );
  const retenues = lignes.filter((l) => l.statut === 'transmise_bailleur' && l.bailleur_id === d.bailleurId);
  if (d.strict && retenues.length !== ids.length) {
    const autre = lignes.find((l) => !retenues.includes(l));
    throw conflict('CANDIDATURE_NON_TRANSMISE', `Seule une candidature transmise au bailleur peut lui être envoyée${autre ? ` (${autre.reference} est au statut « ${autre.statut} »)` : ''}.`);
  }
  if (retenues.length === 0) throw conflict('AUCUNE_CANDIDATURE_A_ENVOYER', 'Aucune candidature transmise au bailleur n’attend sa décision ici.');
  const [bailleur] = await tx.execute<Pick<BailleurTable, 'nom' | 'email'>[]>(`select nom, email from bailleur where id = ?`, [d.bailleurId]);
  if (!bailleur?.email) throw conflict('BAILLEUR_SANS_CONTACT', 'Ce bailleur n’a pas d’adresse de contact : un administrateur doit la renseigner.');

  const [{ id: envoiId }] = await tx.execute<{ id: number }[]>(
    `insert into bailleur_envoi (bailleur_id, origine, offre_id, export_id, agent_id, destinataire, envoye_le, nombre_candidatures)
     values (?, ?, ?, ?, ?, ?, ?, ?) returning id`,
    [d.bailleurId, d.origine, d.offreId ?? null, d.exportId ?? null, d.agentId, bailleur.email, now, retenues.length],
  );
  await tx.execute(
    `insert into bailleur_envoi_candidature (envoi_id, candidature_id, envoye_le) select ?, unnest(?::int[]), ?`,
    [envoiId, `{${retenues.map((l) => l.id).join(',')}}`, now],
  );
  const expireLe = expirationLien(now);
  const jeton = nouveauJeton();
  const [{ id: lienId }] = await tx.execute<{ id: number }[]>(
    `insert into bailleur_lien (envoi_id, bailleur_id, token_hash, cree_le, expire_le) values (?, ?, ?, ?, ?) returning id`,
    [envoiId, d.bailleurId, hashToken(jeton), now, expireLe],
  );
  const acteur = d.agentId ? ({ type: 'agent', id: d.agentId } as const) : ({ type: 'systeme' } as const);
  for (const l of retenues) {
    audit(tx, {
      at: now, acteur, action: d.origine === 'relance' ? 'relance_bailleur' : 'envoi_bailleur', entite: 'candidature', entiteId: l.id,
      details: { envoiId, origine: d.origine, destinataire: bailleur.email, expireLe: expireLe.toISOString() }, ip: d.ip ?? null,
    });
  }
  const offres = [...new Set(retenues.map((l) => l.offre))];
  notifier(tx, {
    demandeurId: null, destinataire: bailleur.email, jetonChiffre: chiffrerJeton(d.secret, jeton, lienId), template: d.origine === 'relance' ? 'bailleur_relance' : 'bailleur_envoi',
    entite: 'bailleur_envoi', entiteId: envoiId, now,
    donnees: {
      bailleur: bailleur.nom, nombre: retenues.length, jours: d.joursRelance ?? null,
      offres: offres.length === 1 ? `l’offre ${offres[0]}` : `${offres.length} offres (${offres.slice(0, 5).join(' ; ')}${offres.length > 5 ? '…' : ''})`,
      lienBailleurId: lienId, lien: LIEN_MASQUE, expireLe: formatDateHeureParis(expireLe),
    },
  });
  await tx.flush();
  return { envoiId, lienId, destinataire: bailleur.email, expireLe, candidatures: retenues.length };
}
