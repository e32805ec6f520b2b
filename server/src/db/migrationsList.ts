import { Migration20261129004219_initial } from './migrations/Migration20261129004219_initial';
import { Migration20261129005809_classement_filtres } from './migrations/Migration20261129005809_classement_filtres';
import { Migration20261129010459_portail } from './migrations/Migration20261129010459_portail';
import { Migration20261129010553_taches_inactivite } from './migrations/Migration20261129010553_taches_inactivite';
import { Migration20261129010906_fraude_doublons } from './migrations/Migration20261129010906_fraude_doublons';
import { Migration20261129012020_correspondances } from './migrations/Migration20261129012020_correspondances';
import { Migration20261129013854_boite_envoi_index } from './migrations/Migration20261129013854_boite_envoi_index';
import { Migration20261129013938_proposition_unique } from './migrations/Migration20261129013938_proposition_unique';
import { Migration20261206200800_limite_debit } from './migrations/Migration20261206200800_limite_debit';
import { Migration20261206201000_paliers_sql } from './migrations/Migration20261206201000_paliers_sql';
import { Migration20261206201408_bailleurs_envois } from './migrations/Migration20261206201408_bailleurs_envois';
import { Migration20261206212443_boite_envoi_sans_secret } from './migrations/Migration20261206212443_boite_envoi_sans_secret';
import { Migration20261207000100_journal_chaine } from './migrations/Migration20261207000100_journal_chaine';
import { Migration20261207001500_conservation } from './migrations/Migration20261207001500_conservation';
import { Migration20261207001500_signal_contenu_actif } from './migrations/Migration20261207001500_signal_contenu_actif';
import { Migration20261207003000_traces_acces } from './migrations/Migration20261207003000_traces_acces';
import { Migration20261207090000_index_listes } from './migrations/Migration20261207090000_index_listes';
import { Migration20261207091000_recherche_trigrammes } from './migrations/Migration20261207091000_recherche_trigrammes';
import { Migration20261207100000_role_application } from './migrations/Migration20261207100000_role_application';
import { Migration20261207100000_territoires_stockes } from './migrations/Migration20261207100000_territoires_stockes';
import { Migration20261207103000_signalement_agent } from './migrations/Migration20261207103000_signalement_agent';
import { Migration20261207111000_suivi_dossier } from './migrations/Migration20261207111000_suivi_dossier';
import { Migration20261207110000_demande_piece } from './migrations/Migration20261207110000_demande_piece';
import { Migration20261207113000_territoires_justificatifs } from './migrations/Migration20261207113000_territoires_justificatifs';
import { Migration20261207113100_index_comptes } from './migrations/Migration20261207113100_index_comptes';
import { Migration20261207113200_demandeurs_nom_territoire } from './migrations/Migration20261207113200_demandeurs_nom_territoire';
import { Migration20261207190000_recherche_stockee } from './migrations/Migration20261207190000_recherche_stockee';
import { Migration20261207200000_index_offre_couvrant } from './migrations/Migration20261207200000_index_offre_couvrant';
import { Migration20261207210000_envoi_bailleur_stocke } from './migrations/Migration20261207210000_envoi_bailleur_stocke';
import { Migration20261207211000_public_cible_candidature } from './migrations/Migration20261207211000_public_cible_candidature';
import { Migration20261207220000_classement_marques } from './migrations/Migration20261207220000_classement_marques';
import { Migration20261207150000_jeton_lien_chiffre } from './migrations/Migration20261207150000_jeton_lien_chiffre';
import { Migration20261207101000_rang_designation } from './migrations/Migration20261207101000_rang_designation';

/**
 * Every migration, imported statically so that they run the same under tsx, vitest and any
 * bundler (no runtime `import()` of .ts files). A test checks that each file of migrations/
 * is listed here: after `npm run migration:create`, add the new class at the end.
 */
export const MIGRATIONS = [
  { name: 'Migration20261129004219_initial', class: Migration20261129004219_initial },
  { name: 'Migration20261129005809_classement_filtres', class: Migration20261129005809_classement_filtres },
  { name: 'Migration20261129010459_portail', class: Migration20261129010459_portail },
  { name: 'Migration20261129010553_taches_inactivite', class: Migration20261129010553_taches_inactivite },
  { name: 'Migration20261129010906_fraude_doublons', class: Migration20261129010906_fraude_doublons },
  { name: 'Migration20261129012020_correspondances', class: Migration20261129012020_correspondances },
  { name: 'Migration20261129013854_boite_envoi_index', class: Migration20261129013854_boite_envoi_index },
  { name: 'Migration20261129013938_proposition_unique', class: Migration20261129013938_proposition_unique },
  { name: 'Migration20261206200800_limite_debit', class: Migration20261206200800_limite_debit },
  { name: 'Migration20261206201000_paliers_sql', class: Migration20261206201000_paliers_sql },
  { name: 'Migration20261206201408_bailleurs_envois', class: Migration20261206201408_bailleurs_envois },
  { name: 'Migration20261206212443_boite_envoi_sans_secret', class: Migration20261206212443_boite_envoi_sans_secret },
  { name: 'Migration20261207000100_journal_chaine', class: Migration20261207000100_journal_chaine },
  { name: 'Migration20261207001500_conservation', class: Migration20261207001500_conservation },
  { name: 'Migration20261207001500_signal_contenu_actif', class: Migration20261207001500_signal_contenu_actif },
  { name: 'Migration20261207003000_traces_acces', class: Migration20261207003000_traces_acces },
  { name: 'Migration20261207090000_index_listes', class: Migration20261207090000_index_listes },
  { name: 'Migration20261207091000_recherche_trigrammes', class: Migration20261207091000_recherche_trigrammes },
  { name: 'Migration20261207100000_role_application', class: Migration20261207100000_role_application },
  { name: 'Migration20261207100000_territoires_stockes', class: Migration20261207100000_territoires_stockes },
  { name: 'Migration20261207101000_rang_designation', class: Migration20261207101000_rang_designation },
  { name: 'Migration20261207103000_signalement_agent', class: Migration20261207103000_signalement_agent },
  { name: 'Migration20261207110000_demande_piece', class: Migration20261207110000_demande_piece },
  { name: 'Migration20261207111000_suivi_dossier', class: Migration20261207111000_suivi_dossier },
  { name: 'Migration20261207113000_territoires_justificatifs', class: Migration20261207113000_territoires_justificatifs },
  { name: 'Migration20261207113100_index_comptes', class: Migration20261207113100_index_comptes },
  { name: 'Migration20261207113200_demandeurs_nom_territoire', class: Migration20261207113200_demandeurs_nom_territoire },
  { name: 'Migration20261207150000_jeton_lien_chiffre', class: Migration20261207150000_jeton_lien_chiffre },
  { name: 'Migration20261207190000_recherche_stockee', class: Migration20261207190000_recherche_stockee },
  { name: 'Migration20261207200000_index_offre_couvrant', class: Migration20261207200000_index_offre_couvrant },
  { name: 'Migration20261207210000_envoi_bailleur_stocke', class: Migration20261207210000_envoi_bailleur_stocke },
  { name: 'Migration20261207211000_public_cible_candidature', class: Migration20261207211000_public_cible_candidature },
  { name: 'Migration20261207220000_classement_marques', class: Migration20261207220000_classement_marques },
];
