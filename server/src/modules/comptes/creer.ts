import type { EntityManager } from '@mikro-orm/postgresql';
import type { Civilite } from '@shared/domain/enums';
import { audit } from '@server/modules/audit-events/audit';
import { hashPassword } from '@server/modules/auth/passwords';
import { notifier } from '@server/modules/notifications/outbox';
import { emettreLien, envoiRecent, type CompteDestinataire } from './liens';
import type { DemandeurTable } from '@server/db/schema';

export interface NouveauCompte {
  civilite: Civilite;
  nom: string;
  prenom: string;
  /** Already trimmed and lower-cased. */
  email: string;
  motDePasse: string;
}

/**
 * R-ACCOUNT, R-ONE-ACCOUNT (§9.4–9.8, §9.13): creates an account `a_verifier` and mails a 72 h
 * verification link. One account per email (stored lower-case, unique): when the email is taken,
 * nothing is created and the caller gets the same answer (no account oracle); the owner of the
 * address is told instead — a fresh link if the account still awaits verification, otherwise a
 * notice that an account exists. The password is hashed in both cases (same timing).
 */
export async function creerCompte(tx: EntityManager, c: NouveauCompte, now: Date, secret: string, ip?: string): Promise<{ cree: boolean }> {
  const passwordHash = await hashPassword(c.motDePasse);
  const inserted = await tx.execute<{ id: number }[]>(
    `insert into demandeur (civilite, nom, prenom, email, statut_compte, password_hash, created_at)
     values (?, ?, ?, ?, 'a_verifier', ?, ?) on conflict (email) do nothing returning id`,
    [c.civilite, c.nom, c.prenom, c.email, passwordHash, now],
  );
  if (inserted[0]) {
    const d: CompteDestinataire = { id: inserted[0].id, email: c.email, civilite: c.civilite, nom: c.nom, prenom: c.prenom };
    await emettreLien(tx, d, now, secret);
    audit(tx, { at: now, acteur: { type: 'demandeur', id: d.id }, action: 'compte_cree', entite: 'demandeur', entiteId: d.id, vers: 'a_verifier', ip });
    return { cree: true };
  }
  const rows = await tx.execute<(CompteDestinataire & Pick<DemandeurTable, 'statut_compte'>)[]>(
    `select id, email, civilite, nom, prenom, statut_compte from demandeur where email = ? for update`,
    [c.email],
  );
  const existant = rows[0];
  if (!existant || (await envoiRecent(tx, existant.id, now))) return { cree: false };
  if (existant.statut_compte === 'a_verifier') {
    await emettreLien(tx, existant, now, secret);
  } else {
    notifier(tx, {
      demandeurId: existant.id,
      destinataire: existant.email,
      template: 'compte_existant',
      donnees: { civilite: existant.civilite, nom: existant.nom, prenom: existant.prenom, ferme: existant.statut_compte === 'ferme' ? 'oui' : null },
      entite: 'demandeur',
      entiteId: existant.id,
      now,
    });
  }
  audit(tx, { at: now, acteur: { type: 'systeme' }, action: 'inscription_doublon', entite: 'demandeur', entiteId: existant.id, ip });
  return { cree: false };
}
