import type { MikroORM } from '@mikro-orm/postgresql';
import type { Express } from 'express';
import request from 'supertest';
import { creerBailleur, creerOffreDe } from '@test/api/exports/fixtures';
import { creerDossier } from '@test/support/fixtures';
import { bearer } from '@test/support/app';
import { loadConfig } from '@server/config';
import { mailBailleurALivrer } from '@server/modules/bailleurs/envoyer';

let n = 0;
const q = <T>(orm: MikroORM, sql: string, p: unknown[] = []) => orm.em.fork().execute<T[]>(sql, p);

/** A bailleur of its own (unique contact address) and one of its offers in the 69. */
export async function bailleurEtOffre(orm: MikroORM) {
  const b = await creerBailleur(orm);
  const email = `attributions.${process.pid}.${++n}@bailleur.test`;
  await q(orm, `update bailleur set email = ? where id = ?`, [email, b.id]);
  const offreId = await creerOffreDe(orm, b.id);
  return { bailleurId: b.id, nom: b.nom, email, offreId };
}

/** A candidature transmise_bailleur on the offer, designated at `designeeLe`. */
export async function transmise(orm: MikroORM, offreId: number, designeeLe: Date) {
  const d = await creerDossier(orm, { offreId, statut: 'transmise_bailleur', dateCandidature: new Date(designeeLe.getTime() - 20 * 86_400_000) });
  const [{ reference, email }] = await q<{ reference: string; email: string }>(
    orm,
    `update candidature c set designee_le = ? from demandeur dr where c.id = ? and dr.id = c.demandeur_id returning c.reference, dr.email`,
    [designeeLe, d.candidatureId],
  );
  return { ...d, reference, email };
}

/**
 * The token of an envoi as the bailleur receives it: the outbox row holds « [lien masqué] » and the
 * token encrypted; the mail the delivery builds (`mailBailleurALivrer`, with the server's secret)
 * carries the link, whose fragment is the token (R-BAIL-LIEN).
 */
export async function jetonDe(orm: MikroORM, envoiId: number): Promise<{ jeton: string; corps: string; destinataire: string; template: string }> {
  const [m] = await q<{ corps: string; destinataire: string; template: string; donnees: Record<string, unknown>; jeton_chiffre: string | null }>(
    orm, `select corps, destinataire, template, donnees, jeton_chiffre from notification where entite = 'bailleur_envoi' and entite_id = ?`, [envoiId]);
  const livre = mailBailleurALivrer(m, loadConfig({}).secret)!;
  const jeton = /\/bailleur\/#([A-Za-z0-9_-]+)/.exec(livre.corps)![1];
  return { jeton, corps: m.corps, destinataire: m.destinataire, template: m.template };
}

export const envoyer = (app: Express, token: string, chemin: string) => request(app).post(`/api/${chemin}/envoyer-bailleur`).set(bearer(token)).send({});

/** The bailleur's page as a browser: one cookie jar, the page's header on every call (from address `ip` when given, via X-Forwarded-For). */
export function pageBailleur(app: Express, ip?: string) {
  const a = request.agent(app);
  const h: Record<string, string> = ip ? { 'X-ALS-Bailleur': '1', 'X-Forwarded-For': ip } : { 'X-ALS-Bailleur': '1' };
  return {
    ouvrir: (jeton: string) => a.post('/api/bailleur/session').set(h).set('Authorization', `Bearer ${jeton}`).send(),
    get: (chemin: string) => a.get(`/api/bailleur${chemin}`).set(h),
    post: (chemin: string, corps: object) => a.post(`/api/bailleur${chemin}`).set(h).send(corps),
    televerser: (octets: Buffer) =>
      a.post('/api/bailleur/tableau').set(h).set('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(octets),
    agent: a,
  };
}

export { q };
