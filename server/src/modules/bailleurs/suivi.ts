import type { EntityManager } from '@mikro-orm/postgresql';
import type { DecisionBailleurVue, SuiviCandidature, SuiviCandidatureEnvoi, SuiviEnvoi, SuiviOffre } from '@shared/api/bailleurs';
import type { BailleurAccesTable } from '@server/db/schema';

/** An envoi with its latest link and its openings (one row per envoi; aliases are the API's fields). */
const SELECT_ENVOI = `
  select e.id, e.origine, e.envoye_le as "envoyeLe", a.prenom || ' ' || a.nom as agent, e.destinataire,
         e.nombre_candidatures as "nombreCandidatures", l.expire_le as "expireLe", l.revoque_le as "revoqueLe",
         (select min(x.at) from bailleur_acces x where x.lien_id = l.id and x.type = 'ouverture') as "ouvertLe",
         (select count(*)::int from bailleur_acces x where x.lien_id = l.id and x.type = 'ouverture') as ouvertures
    from bailleur_envoi e
    join lateral (select * from bailleur_lien l where l.envoi_id = e.id order by l.id desc limit 1) l on true
    left join agent a on a.id = e.agent_id`;

const TELECHARGEMENTS = `
  select l.envoi_id, x.candidature_id, min(x.at) as premier, max(x.at) as dernier, count(*)::int as n
    from bailleur_acces x join bailleur_lien l on l.id = x.lien_id
   where l.envoi_id = any(?::int[]) and x.type in ('telechargement_dossier', 'telechargement_tableau') and x.candidature_id = any(?::int[])
   group by l.envoi_id, x.candidature_id`;

const tableau = (ids: number[]) => `{${ids.join(',')}}`;

/** The envois' candidatures (restricted to an offer or one candidature) with their downloads: two queries for all envois. */
async function avecCandidatures(em: EntityManager, envois: Omit<SuiviEnvoi, 'candidatures'>[], filtre: { offreId?: number; candidatureId?: number }): Promise<SuiviEnvoi[]> {
  const ids = envois.map((e) => e.id);
  const rows = await em.execute<(Omit<SuiviCandidatureEnvoi, 'telechargeLe' | 'dernierTelechargementLe' | 'telechargements'> & { envoiId: number })[]>(
    `select ec.envoi_id as "envoiId", c.id as "candidatureId", c.reference, dr.prenom || ' ' || dr.nom as demandeur, c.statut,
            d.decision, d.date_caleol as "dateCaleol"
       from bailleur_envoi_candidature ec join candidature c on c.id = ec.candidature_id join demandeur dr on dr.id = c.demandeur_id
       left join bailleur_decision d on d.candidature_id = c.id
      where ec.envoi_id = any(?::int[]) and (?::int is null or c.offre_id = ?) and (?::int is null or c.id = ?) order by c.id`,
    [tableau(ids), filtre.offreId ?? null, filtre.offreId ?? null, filtre.candidatureId ?? null, filtre.candidatureId ?? null],
  );
  const tel = await em.execute<(Pick<BailleurAccesTable, 'candidature_id'> & { envoi_id: number; premier: Date; dernier: Date; n: number })[]>(
    TELECHARGEMENTS, [tableau(ids), tableau([...new Set(rows.map((r) => r.candidatureId))])]);
  const cle = (envoi: number, c: number) => `${envoi}:${c}`;
  const parCle = new Map(tel.map((t) => [cle(t.envoi_id, t.candidature_id!), t]));
  return envois.map((e) => ({
    ...e,
    candidatures: rows.filter((r) => r.envoiId === e.id).map(({ envoiId, ...r }): SuiviCandidatureEnvoi => {
      const t = parCle.get(cle(envoiId, r.candidatureId));
      return { ...r, telechargeLe: t?.premier ?? null, dernierTelechargementLe: t?.dernier ?? null, telechargements: t?.n ?? 0 };
    }),
  }));
}

/** The envois of one candidature (newest first), each with its tracking, and the bailleur's decision if any. */
export async function suiviCandidature(em: EntityManager, candidatureId: number): Promise<SuiviCandidature> {
  const envois = await em.execute<Omit<SuiviEnvoi, 'candidatures'>[]>(
    `${SELECT_ENVOI} where e.id in (select envoi_id from bailleur_envoi_candidature where candidature_id = ?) order by e.envoye_le desc, e.id desc`,
    [candidatureId],
  );
  return { envois: await avecCandidatures(em, envois, { candidatureId }), decision: await decisionDe(em, candidatureId) };
}

/** The last 50 envois touching one offer's candidatures (newest first), with those candidatures. */
export async function suiviOffre(em: EntityManager, offreId: number): Promise<SuiviOffre> {
  const envois = await em.execute<Omit<SuiviEnvoi, 'candidatures'>[]>(
    `${SELECT_ENVOI} where e.id in (select ec.envoi_id from bailleur_envoi_candidature ec join candidature c on c.id = ec.candidature_id where c.offre_id = ?)
      order by e.envoye_le desc, e.id desc limit 50`,
    [offreId],
  );
  return { envois: await avecCandidatures(em, envois, { offreId }) };
}

export async function decisionDe(em: EntityManager, candidatureId: number): Promise<DecisionBailleurVue | null> {
  const [d] = await em.execute<DecisionBailleurVue[]>(
    `select d.decision, d.motif, d.commentaire, d.date_caleol as "dateCaleol", d.source, d.decide_le as "decideLe", b.nom as bailleur
       from bailleur_decision d join bailleur b on b.id = d.bailleur_id where d.candidature_id = ?`,
    [candidatureId],
  );
  return d ?? null;
}
