import { STATUTS_COMPTE } from '@shared/domain/enums';
import { departementsStockes } from '@server/http/abilitySql';
import type { ResourceDef } from '@server/http/resource';

/** Until when the demandeur is suspended (R-SUSP), as everyone may see it; the motive is fraud data. */
export const SUSPENDU_JUSQU_AU = (demandeurId: string) =>
  `(select max(s.fin) from suspension s where s.demandeur_id = ${demandeurId} and s.levee_le is null and s.debut <= {{now}} and s.fin > {{now}})`;

export const demandeurs: ResourceDef = {
  name: 'demandeurs',
  from: 'demandeur dr',
  alias: 'dr',
  triNonNul: ['id', 'nom', 'prenom', 'email', 'createdAt'],
  fields: {
    id: 'dr.id', civilite: 'dr.civilite', nom: 'dr.nom', prenom: 'dr.prenom', email: 'dr.email',
    dateNaissance: 'dr.date_naissance', telephone: 'dr.telephone', statutCompte: 'dr.statut_compte',
    cguVersionAcceptee: 'dr.cgu_version_acceptee', derniereConnexion: 'dr.derniere_connexion',
    desactiveLe: 'dr.desactive_le', createdAt: 'dr.created_at',
    suspenduJusquAu: SUSPENDU_JUSQU_AU('dr.id'),
  },
  filters: {
    statutCompte: { expr: 'dr.statut_compte', type: 'enum', values: STATUTS_COMPTE },
    nom: { expr: 'dr.nom', type: 'string' },
    dateNaissance: { expr: 'dr.date_naissance', type: 'date' },
    telephone: { expr: 'dr.telephone', type: 'string' },
    createdAt: { expr: 'dr.created_at', type: 'date' },
  },
  search: ['dr.recherche like {{q}}'],
  scope: { departementsCandidatures: departementsStockes('dr.departements') },
  defaultSort: ['nom', 'ASC'],
};
