import { TYPES_SUSPENSION } from '@shared/domain/enums';
import { departementsStockes } from '@server/http/abilitySql';
import type { ResourceDef } from '@server/http/resource';

/** `motif`, `motifLevee`, `recidive`, `creeParId`, `leveeParId` are fraud data (FRAUD_FIELDS in shared/abilities). */
export const suspensions: ResourceDef = {
  name: 'suspensions',
  from: 'suspension s join demandeur dr on dr.id = s.demandeur_id',
  alias: 's',
  fields: {
    id: 's.id', demandeurId: 's.demandeur_id', type: 's.type', debut: 's.debut', fin: 's.fin', dureeMois: 's.duree_mois',
    motif: 's.motif', recidive: 's.recidive', creeParId: 's.cree_par_id', leveeLe: 's.levee_le',
    leveeParId: 's.levee_par_id', motifLevee: 's.motif_levee', createdAt: 's.created_at',
    active: '(s.levee_le is null and s.debut <= {{now}} and s.fin > {{now}})',
    demandeurNom: 'dr.nom', demandeurPrenom: 'dr.prenom',
  },
  filters: {
    type: { expr: 's.type', type: 'enum', values: TYPES_SUSPENSION },
    demandeurId: { expr: 's.demandeur_id', type: 'int' },
    debut: { expr: 's.debut', type: 'date' },
    fin: { expr: 's.fin', type: 'date' },
    /** In force now (or not): the register's main filter. */
    active: {
      expr: '', type: 'custom', values: ['true', 'false'],
      build: (v, who) => ({ sql: `${v === 'true' ? '' : 'not '}(s.levee_le is null and s.debut <= ? and s.fin > ?)`, params: [who.now, who.now] }),
    },
    levee: { expr: '', type: 'custom', values: ['true', 'false'], build: (v) => ({ sql: `s.levee_le is ${v === 'true' ? 'not ' : ''}null`, params: [] }) },
    /** Fraud data: refused to those who may not read it (lecturesFraude.ts). */
    recidive: { expr: 's.recidive', type: 'bool' },
  },
  search: ['dr.nom', 'dr.prenom'],
  scope: { departementsCandidatures: departementsStockes('dr.departements') },
  defaultSort: ['debut', 'DESC'],
};
