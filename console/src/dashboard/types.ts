/** GET /api/candidatures/compteurs: the work-queue tabs of the caller. */
export type { CompteursOnglets as CompteursFile } from '@console/data/instruction';
