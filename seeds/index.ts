/**
 * The deterministic demo seed: every table of the back office filled with realistic French data
 * in one transaction, from a fixed random seed and a reference instant `now` (all dates are
 * relative to it, so two runs with the same `now` give the same rows and the same files).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { FileStorage } from '@server/storage/storage';
import { seedAgents, type Login } from './agents';
import { seedAudit } from './audit';
import { seedBailleurs } from './bailleurs';
import { calculerConnexions, seedCandidatures } from './candidatures';
import { planCandidatures } from './candidatures-plan';
import { seedCommunes } from './communes';
import type { SeedContext } from './context';
import { seedDemandes } from './demandes';
import { MOT_DE_PASSE_DEMANDEUR, seedDemandeurs } from './demandeurs';
import { seedEntreprises } from './entreprises';
import { planHistoires } from './histoires';
import { seedInactivite } from './inactivite';
import { seedJustificatifs } from './justificatifs';
import { seedNotifications } from './notifications';
import { seedOffres } from './offres';
import { planPersonnes } from './population';
import { Rng } from './prng';
import { seedProgrammes } from './programmes';
import { planPropositions, seedPropositions } from './propositions';
import { seedSuspensions } from './suspensions';
import { alaSeconde } from './util';

export { DEMO_LOGINS, type Login } from './agents';
export { MOT_DE_PASSE_DEMANDEUR } from './demandeurs';

/** The fixed random seed of the demo data. */
export const GRAINE = 20_260_312;

export interface SeedOptions {
  /** Where the demo pieces are written (the server's storage: local folder or S3). */
  storage: FileStorage;
  /** Reference instant; defaults to the current time. */
  now?: Date;
  log?: (s: string) => void;
}

export async function seedDemo(em: EntityManager, opts: SeedOptions): Promise<{ logins: Login[] }> {
  const now = alaSeconde(opts.now ?? new Date());
  const log = opts.log ?? (() => {});
  const debut = performance.now();
  const etape = (s: string) => log(`seed: ${s} (${Math.round(performance.now() - debut)} ms)`);
  return em.transactional(async (tem) => {
    const ctx: SeedContext = { em: tem, rng: new Rng(GRAINE), now, annee: now.getUTCFullYear(), storage: opts.storage, log };
    await seedCommunes(ctx);
    const bailleurs = await seedBailleurs(ctx);
    const entreprises = await seedEntreprises(ctx);
    const { agents, logins } = await seedAgents(ctx);
    const programmes = await seedProgrammes(ctx, bailleurs);
    const offres = await seedOffres(ctx, programmes);
    etape(`référentiels, ${agents.tous.length} agents, ${offres.length} offres`);

    const personnes = planPersonnes(ctx);
    planHistoires(ctx, personnes, entreprises);
    const candidatures = planCandidatures(ctx, personnes, offres, agents);
    const propositions = planPropositions(ctx, personnes, offres, candidatures, agents);
    calculerConnexions(ctx, personnes, candidatures, propositions);

    await seedDemandeurs(ctx, personnes);
    await seedDemandes(ctx, personnes);
    etape(`${personnes.length} demandeurs et leurs demandes`);
    const pieces = await seedJustificatifs(ctx, personnes, agents);
    etape(`${pieces.length} justificatifs et leurs fichiers`);
    const suspensions = await seedSuspensions(ctx, personnes, agents);
    await seedCandidatures(ctx, candidatures, pieces);
    await seedPropositions(ctx, propositions);
    const inactivite = await seedInactivite(ctx, personnes, candidatures, pieces);
    const notifications = await seedNotifications(ctx, candidatures, suspensions, propositions, inactivite.messages);
    const evenements = await seedAudit(ctx, personnes, candidatures, pieces, suspensions, propositions, agents, inactivite.audits);
    etape(
      `${candidatures.length} candidatures, ${suspensions.length} suspensions, ${propositions.length} propositions, ` +
        `${notifications} notifications, ${evenements} événements d’audit`,
    );
    log(`seed: mot de passe des comptes demandeurs vérifiés : ${MOT_DE_PASSE_DEMANDEUR}`);
    return { logins };
  });
}
