import type { EntityManager } from '@mikro-orm/postgresql';
import type { ActionCandidature } from '@shared/domain/enums';
import { verifierDesignation, verifierInstruction } from '@shared/rules/designation';
import { conflict } from '@server/http/problem';
import { audit } from '@server/modules/audit-events/audit';
import { notifier } from '@server/modules/notifications/outbox';
import { foyer, type CandidatureCtx } from './contexte';
import { SQL_ENREGISTRER_RANG_DESIGNATION } from './rangDesignation';
import type { Acteur, Corps, Regles } from './transition';
import type { CandidatureTable } from '@server/db/schema';

const OUVERTS = "('deposee', 'en_instruction', 'transmise_bailleur')";
/** R-DESIGNATE (§13.4): up to 3 candidates designated per logement. */
export const DESIGNATIONS_PAR_LOGEMENT = 3;
/** The refusal once the offer has its designations, in French with its plurals. */
export const designationsCompletes = (n: number, logements: number, max: number) =>
  `Déjà ${n} candidats désignés pour ${logements > 1 ? `${logements} logements` : 'un logement'} : au plus ${max}.`;

async function designerVerifier(tx: EntityManager, ctx: CandidatureCtx, corps: Corps, now: Date) {
  const r = verifierDesignation({
    statut: ctx.c.statut, offre: ctx.offre, demande: foyer(ctx), justificatifs: ctx.justificatifs,
    suspensions: ctx.suspensions, entreprises: ctx.entreprises, maintenant: now,
  });
  if (!r.ok) throw conflict(r.code, r.raison);
  const conn = tx;
  const [{ n }] = await conn.execute<{ n: number }[]>(
    `select count(*)::int as n from candidature where offre_id = ? and statut in ('transmise_bailleur', 'attribuee')`,
    [ctx.offre.id],
  );
  const max = DESIGNATIONS_PAR_LOGEMENT * ctx.offre.nombre_logements;
  if (n >= max) throw conflict('DESIGNATIONS_COMPLETES', designationsCompletes(n, ctx.offre.nombre_logements, max));
  // Skipping a better-ranked open candidature that is still waiting needs a motif.
  const [{ avant }] = await conn.execute<{ avant: number }[]>(
    `select count(*)::int as avant from candidature r where r.offre_id = ? and r.statut in ('deposee', 'en_instruction')
        and (r.palier, r.date_candidature, r.id) < (?, ?, ?)`,
    [ctx.offre.id, ctx.c.palier, ctx.c.date_candidature, ctx.c.id],
  );
  if (avant > 0 && !corps.motif?.trim()) {
    const qui = avant > 1 ? `${avant} candidatures mieux classées attendent` : 'Une candidature mieux classée attend';
    throw conflict('SAUT_DE_RANG_SANS_MOTIF', `${qui} encore : indiquez le motif pour désigner celle-ci avant ${avant > 1 ? 'elles' : 'elle'}.`);
  }
  if (r.siretADebiter) {
    const rows = await conn.execute<unknown[]>(
      `update entreprise set droits_pseec_restants = droits_pseec_restants - 1 where siret = ? and droits_pseec_restants > 0 returning id`,
      [r.siretADebiter],
    );
    if (rows.length === 0) throw conflict('DROITS_PSEEC_EPUISES', 'L’entreprise (PSEEC) du demandeur a épuisé ses droits.');
  }
}

/** The rank at designation, stored with the designation (read by the designation export). */
async function designerApres(tx: EntityManager, ctx: CandidatureCtx) {
  await tx.execute(SQL_ENREGISTRER_RANG_DESIGNATION, [`{${ctx.c.id}}`]);
}

async function instruireVerifier(_tx: EntityManager, ctx: CandidatureCtx) {
  const r = verifierInstruction({ statut: ctx.c.statut, demande: foyer(ctx), entreprises: ctx.entreprises });
  if (!r.ok) throw conflict(r.code, r.raison);
}

/** Attribution: the demandeur is housed; the demande closes (motif attribution) with its other open candidatures. */
async function attribuerApres(tx: EntityManager, ctx: CandidatureCtx, acteur: Acteur, now: Date) {
  const qui = { type: acteur.type ?? 'agent', id: acteur.id } as const;
  const conn = tx;
  await conn.execute(`update demande set statut = 'cloturee', motif_cloture = 'attribution', cloture_le = ? where id = ? and statut <> 'cloturee'`, [now, ctx.demande.id]);
  audit(tx, { at: now, acteur: qui, action: 'cloture', entite: 'demande', entiteId: ctx.demande.id, vers: 'cloturee', motif: 'attribution', ip: acteur.ip });
  const autres = await conn.execute<(Pick<CandidatureTable, 'id' | 'reference' | 'statut'> & { offre: string })[]>(
    `update candidature c set statut = 'cloturee', cloture_le = ?, motif = 'Logement attribué sur une autre candidature', version = c.version + 1
       from candidature old join offre o on o.id = old.offre_id
      where c.id = old.id and c.demande_id = ? and c.id <> ? and old.statut in ${OUVERTS}
      returning c.id, c.reference, old.statut, o.reference || ' — ' || o.titre as offre`,
    [now, ctx.demande.id, ctx.c.id],
  );
  for (const a of autres) {
    audit(tx, { at: now, acteur: qui, action: 'cloturer', entite: 'candidature', entiteId: a.id, de: a.statut, vers: 'cloturee', motif: 'attribution' });
    notifier(tx, {
      demandeurId: ctx.demandeur.id, destinataire: ctx.demandeur.email, template: 'candidature_cloturee', entite: 'candidature', entiteId: a.id, now,
      donnees: { civilite: ctx.demandeur.civilite, prenom: ctx.demandeur.prenom, nom: ctx.demandeur.nom, reference: a.reference, offre: a.offre, motif: 'un logement vous a été attribué sur une autre candidature' },
    });
  }
}

export const REGLES_ACTIONS: Record<Exclude<ActionCandidature, 'cloturer'>, Regles> = {
  instruire: { verifier: instruireVerifier },
  designer: { verifier: designerVerifier, apres: designerApres, colonnes: (now) => ({ designee_le: now }) },
  ne_pas_retenir: { colonnes: (now) => ({ cloture_le: now }) },
  attribuer: { apres: attribuerApres, colonnes: (now) => ({ cloture_le: now }) },
  annuler: { colonnes: (now) => ({ cloture_le: now }) },
};
