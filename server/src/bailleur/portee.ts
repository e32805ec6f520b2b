import type { BailleurPrincipal } from './auth';

/**
 * What a bailleur's link opens (R-BAIL-LIEN): the candidatures of its envoi, on offers of its
 * bailleur — never another envoi's, never another bailleur's. Every bailleur query ANDs this
 * (candidature `c`, offre `o`) with its own conditions; bind `porteeParams`.
 */
export const PORTEE_SQL = `c.id in (select ec.candidature_id from bailleur_envoi_candidature ec where ec.envoi_id = ?) and o.bailleur_id = ?`;
export const porteeParams = (b: BailleurPrincipal) => [b.envoiId, b.bailleurId];
