/**
 * The cases of issue #19, each as an API request (as the console sends it, logged in as the named
 * agent) and the best raw SQL that returns the same rows (ids in the same order), with the goal.
 * The parameters (the busiest offer, the last page…) are read from the database at start.
 */
import type pg from 'pg';

export type Qui = 'conseiller' | 'manager';

export interface Cas {
  nom: string;
  qui: Qui;
  chemin: string;
  objectifP95: number | null;
  /** The ids the API answered, in order (null: not a list). */
  ids?: (body: unknown) => number[];
  sql?: { texte: string; params: unknown[] };
  /** SQL run before each request, untimed (e.g. a write that makes the API rebuild what it keeps). */
  avant?: { texte: string; params: unknown[] };
  details?: string;
}

const OUVERTS = "('deposee', 'en_instruction', 'transmise_bailleur')";
/** The same, as the API's statut filter: the ranked queue of one offer is its open candidatures (R-RANK). */
const OUVERTES = ['deposee', 'en_instruction', 'transmise_bailleur'];
const T = ['75', '92'];

/** What the cases need to know about the data. */
export async function contexte(db: pg.Client) {
  const un = async <R,>(sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows[0] as R;
  const offre = await un<{ id: number; n: number }>(
    `select offre_id as id, count(*)::int as n from candidature where statut in ${OUVERTS} and departement = any($1) group by offre_id order by 2 desc, 1 limit 1`, [T]);
  const aTraiter = await un<{ n: number }>(`select count(*)::int as n from candidature where statut = 'deposee' and agent_en_charge_id is null and departement = any($1)`, [T]);
  const toutes = await un<{ n: number }>(`select count(*)::int as n from candidature where departement = any($1)`, [T]);
  const aTraiterTous = await un<{ n: number }>(`select count(*)::int as n from candidature where statut = 'deposee' and agent_en_charge_id is null`);
  const demandeurs = await un<{ n: number }>(
    `select count(*)::int as n from demandeur dr where exists (select 1 from candidature sc where sc.demandeur_id = dr.id and sc.departement = any($1))`, [T]);
  const justificatifs = await un<{ n: number }>(`select count(*)::int as n from justificatif`);
  const colonnes = await db.query(`select table_name || '.' || column_name as c from information_schema.columns where table_schema = 'public'`);
  const fonctions = await db.query(`select proname from pg_proc where proname like 'als_%'`);
  return {
    offre: offre ?? { id: 0, n: 0 }, aTraiter: aTraiter.n, toutes: toutes.n, aTraiterTous: aTraiterTous.n, demandeurs: demandeurs.n, justificatifs: justificatifs.n,
    aColonne: new Set(colonnes.rows.map((r) => r.c as string)),
    aFonction: new Set(fonctions.rows.map((r) => r.proname as string)),
  };
}
export type Contexte = Awaited<ReturnType<typeof contexte>>;

const q = (o: Record<string, unknown>) =>
  new URLSearchParams(Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]))).toString();
const idsListe = (body: unknown) => (body as { id: number }[]).map((r) => r.id);

/** The columns of a page of candidatures, as GET /api/candidatures returns them, for the rows of `page` (id, n). */
const PAGE_CANDIDATURES = `
  select c.id, c.reference, c.demande_id, c.demandeur_id, c.offre_id, c.departement, c.nature, c.statut, c.date_candidature, c.origine,
         c.agent_en_charge_id, c.prise_en_charge_le, c.motif, c.canal, c.designee_le, c.cloture_le, c.created_at, c.updated_at,
         dr.nom, dr.prenom, o.reference as offre_reference, o.titre, cd.public_cible, cd.controle_renforce,
         case when ag.id is null then null else ag.prenom || ' ' || ag.nom end as agent, c.verrou_activite_le,
         case when c.statut in ${OUVERTS} then c.palier end as palier,
         case when c.statut in ${OUVERTS} then (select count(*) + 1 from candidature r where r.offre_id = c.offre_id and r.statut in ${OUVERTS}
           and (r.palier, r.date_candidature, r.id) < (c.palier, c.date_candidature, c.id)) end as rang,
         o.nombre_logements
    from page p join candidature c on c.id = p.id join demandeur dr on dr.id = c.demandeur_id join demande cd on cd.id = c.demande_id
    join offre o on o.id = c.offre_id left join agent ag on ag.id = c.agent_en_charge_id
   order by p.n`;

/** Best SQL for a page of candidatures: the page's ids from the narrowest index, the columns for those rows only. */
function pageCandidatures(where: string, order: string, offset: number, params: unknown[]) {
  return {
    texte: `with page as (select id, row_number() over () as n from (select c.id from candidature c where ${where} order by ${order} limit 25 offset ${offset}) x)
      ${PAGE_CANDIDATURES}`,
    params,
  };
}

const PAGE_DEMANDEURS = (ctx: Contexte) => `
  select dr.id, dr.civilite, dr.nom, dr.prenom, dr.email, dr.date_naissance, dr.telephone, dr.statut_compte, dr.cgu_version_acceptee,
         dr.derniere_connexion, dr.desactive_le, dr.created_at,
         (select max(s.fin) from suspension s where s.demandeur_id = dr.id and s.levee_le is null and s.debut <= now() and s.fin > now()) as suspendu
    from page p join demandeur dr on dr.id = p.id order by p.n`;

function scopeDemandeur(ctx: Contexte) {
  return ctx.aColonne.has('demandeur.departements')
    ? `dr.departements && $1::text[]`
    : `exists (select 1 from candidature sc where sc.demandeur_id = dr.id and sc.departement = any($1))`;
}
function scopeJustificatif(ctx: Contexte) {
  if (ctx.aColonne.has('justificatif.departements')) return `j.departements && $1::text[]`;
  return ctx.aColonne.has('demande.departements')
    ? `exists (select 1 from demande jd where jd.id = j.demande_id and jd.departements && $1::text[])`
    : `exists (select 1 from candidature sc where sc.demande_id = j.demande_id and sc.departement = any($1))`;
}
const PAGE_JUSTIFICATIFS = `
  select j.id, j.demande_id, jd.demandeur_id, j.titulaire, j.type, j.statut, j.motif_refus, j.date_validite_fin, j.sha256, j.taille, j.mime,
         j.nom_original, j.remplace, j.actif, j.verifie_par_id, j.verifie_le, j.depose_le, dr.nom, dr.prenom
    from page p join justificatif j on j.id = p.id join demande jd on jd.id = j.demande_id join demandeur dr on dr.id = jd.demandeur_id order by p.n`;

/** Search: the new semantics (accents, anywhere in the words) once the search migration is there, else the old prefix search. */
function rechercheCandidatures(ctx: Contexte, mot: string) {
  if (ctx.aFonction.has('als_unaccent')) {
    // The stored searchable text once the recherche_stockee migration is there (as the API), else the expression.
    const texte = ctx.aColonne.has('demandeur.recherche') ? 'dr.recherche' : 'als_recherche_demandeur(dr.nom, dr.prenom, dr.email, dr.telephone)';
    return `exists (select 1 from demandeur dr where dr.id = c.demandeur_id and ${texte} like '%' || als_unaccent('${mot}') || '%')
            or c.reference ilike '%${mot}%'`;
  }
  return `exists (select 1 from demandeur dr where dr.id = c.demandeur_id and (lower(dr.nom) like '${mot}%' or lower(dr.prenom) like '${mot}%'))
          or lower(c.reference) like '${mot}%'`;
}

export function lesCas(ctx: Contexte): Cas[] {
  const X = ctx.offre.id;
  const profond = Math.max(0, Math.floor((ctx.offre.n * 0.9) / 25) * 25);
  const dernierePage = Math.max(0, ctx.aTraiter - 25);
  const offsetToutes = Math.min(100_000, Math.max(0, ctx.toutes - 25));
  const offsetManager = Math.min(100_000, Math.max(0, ctx.aTraiterTous - 25));
  const offsetDemandeurs = Math.max(0, Math.floor((ctx.demandeurs * 0.9) / 25) * 25);
  const offsetJustificatifs = Math.min(100_000, Math.max(0, Math.floor(ctx.justificatifs * 0.3)));
  const rang = 'c.palier, c.date_candidature, c.id';
  const aTraiter = `c.statut = 'deposee' and c.agent_en_charge_id is null`;
  const recent = 'c.date_candidature desc, c.id desc';
  const classement = {
    ids: (b: unknown) => (b as { candidatureId: number }[]).map((r) => r.candidatureId),
    sql: {
      texte: `select row_number() over (order by ${rang})::int as rang, c.palier, c.id, c.demandeur_id, c.statut, c.date_candidature, c.reference,
                     c.agent_en_charge_id, dr.nom, dr.prenom
                from candidature c join demandeur dr on dr.id = c.demandeur_id where c.offre_id = $1 and c.statut in ${OUVERTS} order by ${rang}`,
      params: [X],
    },
  };
  return [
    {
      nom: `GET /api/offres/:id/classement`, details: `${ctx.offre.n} candidatures ouvertes`, qui: 'conseiller', chemin: `/api/offres/${X}/classement`, objectifP95: 25,
      ...classement,
    },
    {
      nom: `GET /api/offres/:id/classement, reconstruit`, details: `${ctx.offre.n} candidatures ouvertes, une écriture de l’offre avant chaque requête`, qui: 'conseiller', chemin: `/api/offres/${X}/classement`, objectifP95: 25,
      avant: { texte: `insert into classement_marque (offre_id) values ($1)`, params: [X] },
      ...classement,
    },
    {
      nom: 'candidatures d’une offre par rang, 1re page', qui: 'conseiller', objectifP95: 25, ids: idsListe,
      chemin: `/api/candidatures?${q({ filter: { offreId: X, statut: OUVERTES }, sort: ['rang', 'ASC'], range: [0, 24] })}`,
      sql: pageCandidatures(`c.offre_id = $1 and c.statut in ${OUVERTS}`, rang, 0, [X]),
    },
    {
      nom: 'candidatures d’une offre par rang, page profonde', details: `offset ${profond}`, qui: 'conseiller', objectifP95: 100, ids: idsListe,
      chemin: `/api/candidatures?${q({ filter: { offreId: X, statut: OUVERTES }, sort: ['rang', 'ASC'], range: [profond, profond + 24] })}`,
      sql: pageCandidatures(`c.offre_id = $1 and c.statut in ${OUVERTS}`, rang, profond, [X]),
    },
    {
      nom: '« À traiter », 1re page', qui: 'conseiller', objectifP95: 30, ids: idsListe,
      chemin: `/api/candidatures?${q({ filter: { onglet: 'a_traiter' }, sort: ['dateCandidature', 'DESC'], range: [0, 24] })}`,
      sql: pageCandidatures(`${aTraiter} and c.departement = any($1)`, recent, 0, [T]),
    },
    {
      nom: '« À traiter », dernière page', details: `offset ${dernierePage}`, qui: 'conseiller', objectifP95: 100, ids: idsListe,
      chemin: `/api/candidatures?${q({ filter: { onglet: 'a_traiter' }, sort: ['dateCandidature', 'DESC'], range: [dernierePage, dernierePage + 24] })}`,
      sql: pageCandidatures(`${aTraiter} and c.departement = any($1)`, recent, dernierePage, [T]),
    },
    {
      nom: '« Toutes », offset 100 000', details: `sur ${ctx.toutes}`, qui: 'conseiller', objectifP95: 100, ids: idsListe,
      chemin: `/api/candidatures?${q({ filter: { onglet: 'toutes' }, sort: ['dateCandidature', 'DESC'], range: [offsetToutes, offsetToutes + 24] })}`,
      sql: pageCandidatures(`c.departement = any($1)`, recent, offsetToutes, [T]),
    },
    {
      nom: 'manager, « À traiter », 1re page', qui: 'manager', objectifP95: 30, ids: idsListe,
      chemin: `/api/candidatures?${q({ filter: { onglet: 'a_traiter' }, sort: ['dateCandidature', 'DESC'], range: [0, 24] })}`,
      sql: pageCandidatures(aTraiter, recent, 0, []),
    },
    {
      nom: 'manager, « À traiter », offset 100 000', details: `sur ${ctx.aTraiterTous}`, qui: 'manager', objectifP95: 100, ids: idsListe,
      chemin: `/api/candidatures?${q({ filter: { onglet: 'a_traiter' }, sort: ['dateCandidature', 'DESC'], range: [offsetManager, offsetManager + 24] })}`,
      sql: pageCandidatures(aTraiter, recent, offsetManager, []),
    },
    {
      nom: 'filtrée (en_instruction + dalo)', qui: 'conseiller', objectifP95: 30, ids: idsListe,
      chemin: `/api/candidatures?${q({ filter: { onglet: 'toutes', statut: 'en_instruction', publicCible: 'dalo' }, sort: ['dateCandidature', 'DESC'], range: [0, 24] })}`,
      sql: pageCandidatures(`c.statut = 'en_instruction' and c.departement = any($1) and exists (select 1 from demande d where d.id = c.demande_id and d.public_cible = 'dalo')`, recent, 0, [T]),
    },
    {
      nom: 'recherche q=martin', qui: 'conseiller', objectifP95: 50, ids: idsListe,
      chemin: `/api/candidatures?${q({ filter: { onglet: 'toutes', q: 'martin' }, sort: ['dateCandidature', 'DESC'], range: [0, 24] })}`,
      sql: pageCandidatures(`c.departement = any($1) and (${rechercheCandidatures(ctx, 'martin')})`, recent, 0, [T]),
    },
    {
      nom: 'compteurs des onglets', qui: 'conseiller', chemin: '/api/candidatures/compteurs', objectifP95: 30,
      sql: {
        // Each tab counted up to 10 001 rows (« plus de 10 000 » beyond): what the console needs.
        texte: `select ${[
          ['a_traiter', `statut = 'deposee' and agent_en_charge_id is null`], ['en_instruction', `statut = 'en_instruction'`],
          ['transmises', `statut = 'transmise_bailleur'`], ['traitees', `statut in ('attribuee', 'non_retenue', 'annulee', 'cloturee')`], ['toutes', 'true'],
        ].map(([k, w]) => `(select count(*) from (select 1 from candidature where departement = any($1) and ${w} limit 10001) x) as ${k}`).join(', ')}`,
        params: [T],
      },
    },
    {
      nom: 'demandeurs, 1re page', qui: 'conseiller', objectifP95: 30, ids: idsListe,
      chemin: `/api/demandeurs?${q({ sort: ['nom', 'ASC'], range: [0, 24] })}`,
      sql: {
        texte: `with page as (select id, row_number() over () as n from (select dr.id from demandeur dr where ${scopeDemandeur(ctx)} order by dr.nom, dr.id limit 25) x) ${PAGE_DEMANDEURS(ctx)}`,
        params: [T],
      },
    },
    {
      nom: 'demandeurs, page profonde', details: `offset ${offsetDemandeurs}`, qui: 'conseiller', objectifP95: 100, ids: idsListe,
      chemin: `/api/demandeurs?${q({ sort: ['nom', 'ASC'], range: [offsetDemandeurs, offsetDemandeurs + 24] })}`,
      sql: {
        texte: `with page as (select id, row_number() over () as n from (select dr.id from demandeur dr where ${scopeDemandeur(ctx)} order by dr.nom, dr.id limit 25 offset ${offsetDemandeurs}) x) ${PAGE_DEMANDEURS(ctx)}`,
        params: [T],
      },
    },
    {
      nom: 'justificatifs « déposé », 1re page', qui: 'conseiller', objectifP95: 30, ids: idsListe,
      chemin: `/api/justificatifs?${q({ filter: { statut: 'depose' }, sort: ['deposeLe', 'DESC'], range: [0, 24] })}`,
      sql: {
        texte: `with page as (select id, row_number() over () as n from (select j.id from justificatif j where j.statut = 'depose' and ${scopeJustificatif(ctx)}
                  order by j.depose_le desc, j.id desc limit 25) x) ${PAGE_JUSTIFICATIFS}`,
        params: [T],
      },
    },
    {
      nom: 'justificatifs, offset 100 000', details: `sur ${ctx.justificatifs} au total`, qui: 'conseiller', objectifP95: 100, ids: idsListe,
      chemin: `/api/justificatifs?${q({ sort: ['deposeLe', 'DESC'], range: [offsetJustificatifs, offsetJustificatifs + 24] })}`,
      sql: {
        texte: `with page as (select id, row_number() over () as n from (select j.id from justificatif j where ${scopeJustificatif(ctx)}
                  order by j.depose_le desc, j.id desc limit 25 offset ${offsetJustificatifs}) x) ${PAGE_JUSTIFICATIFS}`,
        params: [T],
      },
    },
    {
      nom: 'offres, 1re page', qui: 'conseiller', objectifP95: null, ids: idsListe,
      chemin: `/api/offres?${q({ sort: ['reference', 'ASC'], range: [0, 24] })}`,
      sql: {
        texte: `select o.* from offre o where o.departement = any($1) order by o.reference, o.id limit 25`,
        params: [T],
      },
    },
  ];
}
