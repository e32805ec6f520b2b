import { createHash } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Clock } from '@server/config';
import type { LimiteDebitTable } from '@server/db/schema';
import { HttpProblem } from './problem';

/**
 * Rate limits shared by every replica (OWASP ASVS 5.0 V2.4, V6.3): a fixed-window counter per
 * (rule, key) in PostgreSQL (`limite_debit`, created by a migration), bumped by one atomic
 * `insert … on conflict do update … returning` — no in-memory store, so N processes behind a load
 * balancer count together, and a restart forgets nothing. Keys are hashed: no IP address or
 * e-mail in clear in the table. Past its limit a request is answered 429 problem+json
 * `TROP_DE_REQUETES` with `Retry-After` (seconds to the end of the window).
 *
 * Use: `limiter(ctx, REGLES.exportAgent, (req) => req.agent?.id)` as a route middleware, or
 * `ctx.limites?.consommer(regle, cle)` inside a handler, or `reserver(regle, cle)` then `rendre()`
 * when only failures count (logins: the point is taken before the work, atomically, and given back
 * on success). Without `ctx.limites` (most API tests) nothing is limited;
 * `runServer` always sets it (README « Sécurité » lists the limits).
 */
export interface RegleDebit {
  /** Stable name, part of the stored key. */
  nom: string;
  /** Requests allowed per window. */
  points: number;
  dureeSec: number;
  /** What is counted, in French, for the 429 message (« demandes d’export »). */
  objet: string;
}

const regle = (nom: string, points: number, dureeSec: number, objet: string): RegleDebit => ({ nom, points, dureeSec, objet });

/** Every limit of the application (README « Sécurité », table per endpoint). */
export const REGLES = {
  /** Failed logins (agents and portal together) from one address: password spraying. The per-account CNIL throttle is modules/auth/throttle.ts. */
  connexionIp: regle('connexion-ip', 30, 15 * 60, 'tentatives de connexion échouées depuis votre adresse'),
  inscriptionIp: regle('inscription-ip', 10, 3600, 'créations de compte depuis votre adresse'),
  renvoiIp: regle('renvoi-ip', 10, 3600, 'demandes de lien depuis votre adresse'),
  renvoiCompte: regle('renvoi-compte', 3, 3600, 'demandes de lien pour cette adresse électronique'),
  depotCompte: regle('depot-compte', 20, 3600, 'dépôts de pièces'),
  depotIp: regle('depot-ip', 60, 3600, 'dépôts de pièces depuis votre adresse'),
  exportAgent: regle('export-agent', 20, 3600, 'demandes d’export'),
  exportIp: regle('export-ip', 60, 3600, 'demandes d’export depuis votre adresse'),
  /** The archives an agent downloads on the spot: a dossier's pieces (pieces.zip), a demandeur's data package (donnees.zip). */
  archiveAgent: regle('archive-agent', 60, 3600, 'téléchargements d’archives'),
  archiveIp: regle('archive-ip', 240, 3600, 'téléchargements d’archives depuis votre adresse'),
  /** The portal's copy of one's data (mes-donnees, mes-donnees.zip): each one reads everything held and streams every piece. */
  donneesDemandeur: regle('donnees-demandeur', 10, 3600, 'demandes de copie de vos données'),
  donneesIp: regle('donnees-ip', 30, 3600, 'demandes de copie de données depuis votre adresse'),
  /** Matching: GET /api/offres/:id/correspondances and POST /api/propositions. */
  correspondanceAgent: regle('correspondance-agent', 30, 60, 'recherches de correspondances et propositions'),
  correspondanceIp: regle('correspondance-ip', 120, 60, 'recherches de correspondances et propositions depuis votre adresse'),
} as const satisfies Record<string, RegleDebit>;

type Compteur = Pick<LimiteDebitTable, 'points' | 'fin'>;

const cleDe = (r: RegleDebit, valeur: string | number) =>
  `${r.nom}:${createHash('sha256').update(String(valeur)).digest('base64url').slice(0, 40)}`;

function tropDeRequetes(r: RegleDebit, fin: Date, now: Date): HttpProblem {
  const secondes = Math.max(1, Math.ceil((fin.getTime() - now.getTime()) / 1000));
  const minutes = Math.ceil(secondes / 60);
  return new HttpProblem(
    429,
    'TROP_DE_REQUETES',
    `Trop de ${r.objet} : au plus ${r.points} en ${r.dureeSec >= 3600 ? `${r.dureeSec / 3600} h` : `${r.dureeSec / 60} min`}. Réessayez dans ${secondes < 120 ? `${secondes} secondes` : `${minutes} minutes`}.`,
    undefined,
    { 'Retry-After': String(secondes) },
  );
}

export class Limiteur {
  constructor(
    private readonly orm: MikroORM,
    private readonly clock: Clock,
  ) {}

  /** Counts `points` against (rule, key); throws 429 once the window's total passes the rule's points. */
  async consommer(r: RegleDebit, valeur: string | number, points = 1): Promise<void> {
    const { total, fin, now } = await this.ajouter(r, valeur, points);
    if (total > r.points) throw tropDeRequetes(r, fin, now);
  }

  private async ajouter(r: RegleDebit, valeur: string | number, points: number) {
    const now = this.clock.now();
    const [row] = await this.orm.em.fork().execute<Compteur[]>(
      `insert into limite_debit as l (cle, points, fin) values (?, ?, ?)
       on conflict (cle) do update set
         points = case when l.fin <= ? then excluded.points else l.points + excluded.points end,
         fin = case when l.fin <= ? then excluded.fin else l.fin end
       returning l.points, l.fin`,
      [cleDe(r, valeur), points, new Date(now.getTime() + r.dureeSec * 1000), now, now],
    );
    return { total: row.points, fin: new Date(row.fin), now };
  }

  /**
   * Takes one point up front, atomically, or throws 429 when none is left: one conditional
   * `insert … on conflict do update … where points < limit returning`, so N concurrent requests on
   * any number of replicas never take more than the rule's points (a check-then-count would let a
   * burst through while argon2 runs). For work whose failure alone should count (logins): give the
   * point back with `rendre()` when it did not fail.
   */
  async reserver(r: RegleDebit, valeur: string | number): Promise<{ rendre: () => Promise<void> }> {
    const now = this.clock.now();
    const cle = cleDe(r, valeur);
    const [row] = await this.orm.em.fork().execute<Compteur[]>(
      `insert into limite_debit as l (cle, points, fin) values (?, 1, ?)
       on conflict (cle) do update set
         points = case when l.fin <= ? then 1 else l.points + 1 end,
         fin = case when l.fin <= ? then excluded.fin else l.fin end
       where l.fin <= ? or l.points < ?
       returning l.points, l.fin`,
      [cle, new Date(now.getTime() + r.dureeSec * 1000), now, now, now, r.points],
    );
    if (!row) {
      const [plein] = await this.orm.em.fork().execute<Compteur[]>(`select points, fin from limite_debit where cle = ?`, [cle]);
      throw tropDeRequetes(r, plein ? new Date(plein.fin) : new Date(now.getTime() + r.dureeSec * 1000), now);
    }
    const fin = new Date(row.fin);
    return {
      // Only within the same window: a point taken in an ended window is not given to the next one.
      rendre: async () => {
        await this.orm.em.fork().execute(`update limite_debit set points = points - 1 where cle = ? and fin = ? and points > 0`, [cle, fin]);
      },
    };
  }

  /** Rows whose window ended (the `purge-limites` job). */
  static async purger(em: { execute: MikroORM['em']['execute'] }, now: Date): Promise<number> {
    const rows = await em.execute<{ n: number }[]>(`with d as (delete from limite_debit where fin <= ? returning 1) select count(*)::int as n from d`, [now]);
    return rows[0].n;
  }
}

/** The client's address as Express resolves it (TRUST_PROXY), never empty. */
export const ipDe = (req: Request) => req.ip || req.socket.remoteAddress || 'inconnue';

/**
 * A route middleware counting one request against `regle` for the key `cle(req)` (an agent id, a
 * demandeur id, an address…); a null key is not counted. No-op without `ctx.limites`.
 */
export function limiter(ctx: { limites?: Limiteur }, r: RegleDebit, cle: (req: Request) => string | number | null | undefined): RequestHandler {
  return async (req, _res, next) => {
    const valeur = cle(req);
    if (!ctx.limites || valeur === null || valeur === undefined) return next();
    try {
      await ctx.limites.consommer(r, valeur);
      next();
    } catch (e) {
      next(e);
    }
  };
}
