/**
 * The simple-rest resources (RESOURCE_DEFS) in the OpenAPI document, from their definitions:
 * the row schema (each field's type read from PostgreSQL: the SELECT of the resource prepared
 * with `where false`, its result columns' type OIDs; enums from the resource's filters), and the
 * five verbs of simpleRest.ts with ra-data-simple-rest's `sort`, `range`, `filter` parameters.
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import { z } from 'zod';
import type { ResourceDef } from '@server/http/resource';
import type { RouteDecrite } from './registry';
import { ligne, lignes } from './registry';

type Champ = z.ZodType;

const PAR_OID: Record<number, () => Champ> = {
  16: () => z.boolean(),
  20: () => z.number().int(), 21: () => z.number().int(), 23: () => z.number().int(),
  700: () => z.number(), 701: () => z.number(), 1700: () => z.number(),
  25: () => z.string(), 1043: () => z.string(), 1042: () => z.string(), 19: () => z.string(), 2950: () => z.uuid(),
  1082: () => z.iso.date(),
  1114: () => z.iso.datetime(), 1184: () => z.iso.datetime(),
  114: () => z.unknown(), 3802: () => z.unknown(),
  1009: () => z.array(z.string()), 1015: () => z.array(z.string()),
  1005: () => z.array(z.number().int()), 1007: () => z.array(z.number().int()), 1016: () => z.array(z.number().int()),
  869: () => z.string(),
};

/** The type of each field of `def`, read from PostgreSQL (no row is read). */
async function typesDesChamps(orm: MikroORM, def: ResourceDef): Promise<Record<string, number>> {
  const champs = Object.entries(def.fields).map(([f, expr]) => `${expr.replaceAll('{{now}}', 'now()').replaceAll('{{agent}}', '0')} as "${f}"`).join(', ');
  const knex = orm.em.getKnex();
  const r = (await knex.raw(`select ${champs} from ${def.from} where false`)) as { fields: { name: string; dataTypeID: number }[] };
  return Object.fromEntries(r.fields.map((f) => [f.name, f.dataTypeID]));
}

/** The row schema of one resource (component `#/components/schemas/<name>`); `id` is the only field never null (outer joins, role-stripped fields). */
export async function schemaLigne(orm: MikroORM, def: ResourceDef): Promise<z.ZodObject> {
  const oids = await typesDesChamps(orm, def);
  const forme: Record<string, Champ> = {};
  for (const f of Object.keys(def.fields)) {
    const filtre = Object.values(def.filters).find((s) => s.type === 'enum' && s.expr === def.fields[f] && s.values?.length);
    const base = filtre ? z.enum(filtre.values as [string, ...string[]]) : (PAR_OID[oids[f]] ?? (() => z.unknown()))();
    forme[f] = f === 'id' ? base : base.nullable().optional();
  }
  return z.object(forme).meta({
    id: def.name,
    description: `Une ligne « ${def.name} ». Les champs qu’un rôle ne peut pas lire sont absents de la réponse (règles CASL, données de fraude réservées au contrôle fraude).`,
  });
}

const TYPE_FILTRE: Record<string, object> = {
  string: { type: 'string' }, int: { type: 'integer' }, bool: { type: 'boolean' }, date: { type: 'string', format: 'date' },
  arrayContains: { type: 'array', items: { type: 'string' } },
};

/** The JSON schema of the `filter` parameter of one resource (keys, bounds `_gte`/`_lte`/`_gt`/`_lt`, `q`, `id`). */
export function schemaFiltre(def: ResourceDef): Record<string, unknown> {
  const props: Record<string, unknown> = { id: { description: 'getMany : ces identifiants', oneOf: [{ type: 'integer' }, { type: 'array', items: { type: 'integer' }, maxItems: 1000 }] } };
  if (def.search) props.q = { type: 'string', maxLength: 100, description: `Recherche (début de mot, insensible à la casse) dans : ${def.search.join(', ')}` };
  for (const [cle, spec] of Object.entries(def.filters)) {
    const un = spec.values ? { type: 'string', enum: [...spec.values] } : (TYPE_FILTRE[spec.type] ?? {});
    props[cle] = spec.type === 'custom' || spec.type === 'bool' || spec.type === 'arrayContains' ? un : { oneOf: [un, { type: 'array', items: un, maxItems: 1000 }] };
    if (spec.type === 'date' || spec.type === 'int') for (const s of ['_gte', '_lte', '_gt', '_lt']) props[cle + s] = un;
  }
  return { type: 'object', properties: props, additionalProperties: false };
}

/** The five verbs of simpleRest.ts for one resource, as route descriptions (the parameters of the list are added raw by document.ts). */
export function routesSimpleRest(def: ResourceDef): RouteDecrite[] {
  const base = `/api/${def.name}`;
  const tags = [def.name];
  const out: RouteDecrite[] = [
    {
      method: 'get', path: base, auth: 'agent', tags,
      summary: `Lister « ${def.name} » (ra-data-simple-rest)`,
      description:
        `Tri \`sort=["champ","ASC"]\` (défaut ${JSON.stringify(def.defaultSort)}), plage \`range=[0,24]\` (100 lignes au plus), ` +
        'filtre `filter={…}` ET-é avec le périmètre du rôle. En-tête `Content-Range: ' + def.name + ' début-fin/total`.',
      reponse: { json: lignes(def.name), entetes: { 'Content-Range': `${def.name} 0-24/1234` } },
      problemes: { 400: ['TRI_INVALIDE', 'PLAGE_INVALIDE', 'FILTRE_INVALIDE', 'FILTRE_INCONNU'] },
    },
    { method: 'get', path: `${base}/{id}`, auth: 'agent', tags, summary: `Lire une ligne « ${def.name} »`, description: 'Hors du périmètre du rôle : 404.', reponse: { json: ligne(def.name) } },
  ];
  const create = def.write?.create;
  out.push(
    create
      ? { method: 'post', path: base, auth: 'agent', tags, summary: `Créer une ligne « ${def.name} »`, body: create, reponse: { status: 201, json: ligne(def.name) }, problemes: { 400: ['REFERENCE_INCONNUE'], 409: ['DEJA_EXISTANT'] } }
      : { method: 'post', path: base, auth: 'agent', tags, summary: 'Création non disponible (403 INTERDIT)', reponse: { status: 403, description: 'Toujours refusé.' } },
  );
  const update = def.write?.update;
  out.push(
    update
      ? { method: 'put', path: `${base}/{id}`, auth: 'agent', tags, summary: `Modifier une ligne « ${def.name} » (champs envoyés seulement)`, body: update, reponse: { json: ligne(def.name) }, problemes: { 400: ['REFERENCE_INCONNUE'], 409: ['DEJA_EXISTANT'] } }
      : { method: 'put', path: `${base}/{id}`, auth: 'agent', tags, summary: 'Modification générique non disponible (403 INTERDIT) : utilisez les actions', reponse: { status: 403, description: 'Toujours refusé.' } },
  );
  out.push({ method: 'delete', path: `${base}/{id}`, auth: 'agent', tags, summary: 'Suppression impossible : l’historique est conservé', reponse: { status: 404, description: 'Jamais supprimé (403 selon le rôle).' } });
  return out;
}
