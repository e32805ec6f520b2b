import { Migration20261129004219_initial } from './migrations/Migration20261129004219_initial';
import { Migration20261129005809_classement_filtres } from './migrations/Migration20261129005809_classement_filtres';
import { Migration20261129010459_portail } from './migrations/Migration20261129010459_portail';
import { Migration20261129010553_taches_inactivite } from './migrations/Migration20261129010553_taches_inactivite';
import { Migration20261129010906_fraude_doublons } from './migrations/Migration20261129010906_fraude_doublons';
import { Migration20261129012020_correspondances } from './migrations/Migration20261129012020_correspondances';
import { Migration20261129013854_boite_envoi_index } from './migrations/Migration20261129013854_boite_envoi_index';
import { Migration20261129013938_proposition_unique } from './migrations/Migration20261129013938_proposition_unique';

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
];
