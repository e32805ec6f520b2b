import { z } from 'zod';
import { CONTRIBUTIONS } from '@shared/domain/enums';
import type { ResourceDef } from '@server/http/resource';
import { Bailleur } from './bailleurs/Bailleur.entity';
import { Entreprise } from './entreprises/Entreprise.entity';
import { Programme } from './programmes/Programme.entity';

const departement = z.string().regex(/^(\d{2}|2A|2B|97\d)$/, 'Code de département invalide');
const codePostal = z.string().regex(/^\d{5}$/, 'Code postal à 5 chiffres');

const bailleurBody = z.object({
  nom: z.string().trim().min(2).max(200),
  siren: z.string().regex(/^\d{9}$/, 'SIREN à 9 chiffres'),
  email: z.email().max(254),
  estInli: z.boolean(),
});
// zod 4 applies .default() even inside .partial(): defaults live on the create schemas only,
// so an update never resets a field the client did not send.
const bailleurCreate = bailleurBody.extend({ estInli: z.boolean().default(false) });
export const bailleurs: ResourceDef = {
  name: 'bailleurs',
  from: 'bailleur b',
  alias: 'b',
  fields: { id: 'b.id', nom: 'b.nom', siren: 'b.siren', email: 'b.email', estInli: 'b.est_inli', createdAt: 'b.created_at' },
  filters: { estInli: { expr: 'b.est_inli', type: 'bool' }, siren: { expr: 'b.siren', type: 'string' } },
  search: ['b.nom', 'b.siren'],
  scope: {},
  defaultSort: ['nom', 'ASC'],
  write: { entity: Bailleur, create: bailleurCreate, update: bailleurBody.partial() },
};

const entrepriseBody = z.object({
  siret: z.string().regex(/^\d{14}$/, 'SIRET à 14 chiffres'),
  raisonSociale: z.string().trim().min(2).max(200),
  contribution: z.enum(CONTRIBUTIONS),
  droitsPseecRestants: z.number().int().min(0).max(100000).nullable(),
});
const entrepriseCreate = entrepriseBody.extend({ droitsPseecRestants: entrepriseBody.shape.droitsPseecRestants.default(null) });
export const entreprises: ResourceDef = {
  name: 'entreprises',
  from: 'entreprise e',
  alias: 'e',
  fields: {
    id: 'e.id', siret: 'e.siret', raisonSociale: 'e.raison_sociale', contribution: 'e.contribution',
    droitsPseecRestants: 'e.droits_pseec_restants', createdAt: 'e.created_at',
  },
  filters: { contribution: { expr: 'e.contribution', type: 'enum', values: CONTRIBUTIONS }, siret: { expr: 'e.siret', type: 'string' } },
  search: ['e.raison_sociale', 'e.siret'],
  scope: {},
  defaultSort: ['raisonSociale', 'ASC'],
  write: { entity: Entreprise, create: entrepriseCreate, update: entrepriseBody.partial() },
};

const programmeBody = z.object({
  nom: z.string().trim().min(2).max(200),
  bailleurId: z.number().int().positive(),
  adresse: z.string().max(300).nullable().optional(),
  commune: z.string().trim().min(1).max(100),
  codeInsee: z.string().regex(/^[0-9AB]{5}$/),
  codePostal,
  departement,
});
export const programmes: ResourceDef = {
  name: 'programmes',
  from: 'programme p',
  alias: 'p',
  fields: {
    id: 'p.id', nom: 'p.nom', bailleurId: 'p.bailleur_id', adresse: 'p.adresse', commune: 'p.commune',
    codeInsee: 'p.code_insee', codePostal: 'p.code_postal', departement: 'p.departement', createdAt: 'p.created_at',
  },
  filters: { bailleurId: { expr: 'p.bailleur_id', type: 'int' }, departement: { expr: 'p.departement', type: 'string' } },
  search: ['p.nom', 'p.commune'],
  scope: { departement: 'p.departement' },
  defaultSort: ['nom', 'ASC'],
  write: {
    entity: Programme,
    create: programmeBody,
    update: programmeBody.partial(),
    toEntity: ({ bailleurId, ...rest }) => ({ ...rest, ...(bailleurId !== undefined ? { bailleur: bailleurId } : {}) }),
  },
};
