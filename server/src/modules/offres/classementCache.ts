/**
 * The classements this process has built (issue #19), kept while they are exact: each records the
 * snapshot and the epoch it was read in, and is served again only when no mark of its offer
 * (`classement_marque`, written by triggers in every writer's transaction) is visible now that was
 * not visible then, and the epoch has not moved (migration classement_marques). So every replica
 * may keep its own: the check is in the shared database, one index probe.
 *
 * Least recently used first out, bounded in bytes (CLASSEMENT_CACHE_MO, README « Configuration »);
 * 0 keeps nothing.
 */
export interface ClassementGarde {
  /** The answer, as sent. */
  corps: Buffer;
  /** pg_current_snapshot() of the statement that built it, as text. */
  instantane: string;
  /** classement_epoque.epoque at that snapshot, as text. */
  epoque: string;
}

export class CacheClassements {
  private readonly gardes = new Map<string, ClassementGarde>();
  private octets = 0;

  constructor(private readonly maxOctets: number) {}

  lire(cle: string): ClassementGarde | undefined {
    const g = this.gardes.get(cle);
    if (g) {
      // Map keeps insertion order: re-inserting makes it the most recently used.
      this.gardes.delete(cle);
      this.gardes.set(cle, g);
    }
    return g;
  }

  garder(cle: string, g: ClassementGarde) {
    this.oublier(cle);
    if (g.corps.byteLength > this.maxOctets) return;
    this.gardes.set(cle, g);
    this.octets += g.corps.byteLength;
    for (const [autre, vieille] of this.gardes) {
      if (this.octets <= this.maxOctets) break;
      this.gardes.delete(autre);
      this.octets -= vieille.corps.byteLength;
    }
  }

  oublier(cle: string) {
    const g = this.gardes.get(cle);
    if (!g) return;
    this.gardes.delete(cle);
    this.octets -= g.corps.byteLength;
  }

  get taille() {
    return { entrees: this.gardes.size, octets: this.octets };
  }
}

/**
 * True when the kept answer is still what the classement query would return now (one statement,
 * served by the primary key of classement_marque).
 */
export const SQL_GARDE_VALIDE = `select coalesce((select epoque::text from classement_epoque where id = 1) = ?, false)
   and not exists (select 1 from classement_marque where offre_id = ? and not pg_visible_in_snapshot(xid, ?::pg_snapshot)) as valide`;
