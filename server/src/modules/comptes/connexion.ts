import type { EntityManager } from '@mikro-orm/postgresql';
import { verify } from '@node-rs/argon2';
import type { Config } from '@server/config';
import { HttpProblem } from '@server/http/problem';
import { audit } from '@server/modules/audit-events/audit';
import { DUMMY_HASH } from '@server/modules/auth/passwords';
import { openSession } from '@server/modules/auth/sessions';
import { checkThrottle, recordFailure, recordSuccess } from '@server/modules/auth/throttle';
import { cguAAccepter, versionCourante } from '@server/modules/cgu/cgu';
import type { DemandeurTable } from '@server/db/schema';

type CompteRow = Pick<DemandeurTable, 'id' | 'civilite' | 'nom' | 'prenom' | 'email' | 'statut_compte' | 'password_hash' | 'desactive_le' | 'cgu_version_acceptee'>;

export interface ResultatConnexion {
  token: string;
  expiresAt: Date;
  cguAAccepter: boolean;
  cguVersion: string | null;
  demandeur: { id: number; civilite: string; nom: string; prenom: string; email: string };
}

/**
 * Portal login (R-ACCOUNT, R-SESSION): throttled like the agents' (CNIL 2022-100, kind
 * 'demandeur'), one answer (null → 401) for an unknown email, a wrong password, a closed or
 * deactivated account. A right password on an unverified account answers 403 COMPTE_A_VERIFIER.
 * Success opens a server-side session, records derniereConnexion (R-INACT) and says whether the
 * CGU in force must be accepted first (§6.1).
 */
export async function connecter(
  tx: EntityManager,
  email: string,
  motDePasse: string,
  now: Date,
  cfg: Pick<Config, 'sessionAbsoluteHours'>,
  meta: { ip?: string; userAgent?: string },
): Promise<ResultatConnexion | null> {
  await checkThrottle(tx, 'demandeur', email, now);
  const rows = await tx.execute<CompteRow[]>(
    `select id, civilite, nom, prenom, email, statut_compte, password_hash, desactive_le, cgu_version_acceptee from demandeur where email = ?`,
    [email],
  );
  const d = rows[0];
  const ok = await verify(d?.password_hash ?? DUMMY_HASH, motDePasse).catch(() => false);
  if (!d || !d.password_hash || !ok || d.statut_compte === 'ferme' || d.desactive_le) {
    await recordFailure(tx, 'demandeur', email, now);
    audit(tx, { at: now, acteur: { type: 'systeme' }, action: 'connexion_echec', entite: 'demandeur', entiteId: d?.id ?? null, ip: meta.ip });
    return null;
  }
  await recordSuccess(tx, 'demandeur', email, now);
  if (d.statut_compte === 'a_verifier') {
    throw new HttpProblem(403, 'COMPTE_A_VERIFIER', 'Votre adresse électronique n’est pas encore vérifiée : utilisez le lien reçu par courriel ou demandez-en un nouveau.');
  }
  const session = await openSession(tx, 'demandeur', d.id, now, cfg, meta);
  await tx.execute(`update demandeur set derniere_connexion = ? where id = ?`, [now, d.id]);
  audit(tx, { at: now, acteur: { type: 'demandeur', id: d.id }, action: 'connexion', entite: 'demandeur', entiteId: d.id, ip: meta.ip });
  const courante = await versionCourante(tx, now);
  return {
    token: session.token,
    expiresAt: session.expiresAt,
    cguAAccepter: cguAAccepter(courante, d.cgu_version_acceptee),
    cguVersion: courante?.version ?? null,
    demandeur: { id: d.id, civilite: d.civilite, nom: d.nom, prenom: d.prenom, email: d.email },
  };
}
