import type { EntityManager } from '@mikro-orm/postgresql';
import { conflict } from '@server/http/problem';
import { audit } from '@server/modules/audit-events/audit';

export interface VersionCgu {
  version: string;
  publieeLe: Date;
  resume: string | null;
}

/** The CGU version in force at `now`: the last one published (§6.1); null when none is recorded. */
export async function versionCourante(em: EntityManager, now: Date): Promise<VersionCgu | null> {
  const rows = await em.execute<VersionCgu[]>(
    `select version, publiee_le as "publieeLe", resume from cgu_version where publiee_le <= ? order by publiee_le desc, version desc limit 1`,
    [now],
  );
  return rows[0] ?? null;
}

/** R-ACCOUNT: must this account (re-)accept the terms before using the portal? */
export function cguAAccepter(courante: VersionCgu | null, acceptee: string | null): boolean {
  return courante !== null && courante.version !== acceptee;
}

/**
 * The demandeur accepts the terms in force (§9.10, §6.1). Only the current version can be
 * accepted: an older one (a stale page) answers 409 CGU_VERSION_PERIMEE with the version to accept.
 */
export async function accepterCgu(tx: EntityManager, demandeurId: number, version: string, now: Date, ip?: string) {
  const courante = await versionCourante(tx, now);
  if (!courante || courante.version !== version) {
    throw conflict(
      'CGU_VERSION_PERIMEE',
      courante ? `La version en vigueur des conditions générales est la ${courante.version} : acceptez celle-ci.` : 'Aucune version des conditions générales n’est en vigueur.',
    );
  }
  const rows = await tx.execute<{ avant: string | null }[]>(
    `update demandeur d set cgu_version_acceptee = ? from (select id, cgu_version_acceptee as avant from demandeur where id = ? for update) a
      where d.id = a.id returning a.avant`,
    [version, demandeurId],
  );
  const avant = rows[0]?.avant ?? null;
  if (avant !== version) {
    audit(tx, { at: now, acteur: { type: 'demandeur', id: demandeurId }, action: 'cgu_acceptees', entite: 'demandeur', entiteId: demandeurId, de: avant, vers: version, ip });
  }
  return courante;
}
