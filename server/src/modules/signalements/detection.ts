import type { EntityManager } from '@mikro-orm/postgresql';
import { scoreDoublon } from '@shared/rules/identite';
import { anomaliesMetadonnees, scoreMetadonnees, type MetadonneesPdf } from '@shared/rules/metadonnees';
import type { DemandeTable, DemandeurTable, JustificatifTable } from '@server/db/schema';
import { COMPTES_DE, cleSignalement, enregistrerSignalements, type NouveauSignalement } from './enregistrer';

interface GroupeFichier {
  sha256: string;
  ids: number[];
  identite: boolean;
  fichiers: unknown[];
  comptes: unknown[];
}

/** Same file (sha256) deposited by different demandeurs; `sha256` null = every file (the job). */
export async function signauxFichiers(em: EntityManager, sha256: string | null): Promise<NouveauSignalement[]> {
  const groupes = await em.execute<GroupeFichier[]>(
    `select g.*, ${COMPTES_DE('g.ids')} as comptes from (
       select j.sha256, array_agg(distinct d.demandeur_id) as ids, bool_or(j.type = 'identite') as identite,
              json_agg(json_build_object('justificatifId', j.id, 'demandeurId', d.demandeur_id, 'type', j.type, 'nomOriginal', j.nom_original,
                                         'statut', j.statut, 'deposeLe', j.depose_le) order by j.id) as fichiers
         from justificatif j join demande d on d.id = j.demande_id
        ${sha256 === null ? '' : 'where j.sha256 = ?'}
        group by j.sha256 having count(distinct d.demandeur_id) > 1) g`,
    sha256 === null ? [] : [sha256],
  );
  return groupes.map((g) => ({
    type: 'fichier_partage',
    cle: cleSignalement('fichier_partage', g.sha256.slice(0, 16), g.ids),
    score: scoreDoublon('fichier_partage', g.ids.length, g.identite),
    preuves: { sha256: g.sha256, fichiers: g.fichiers, comptes: g.comptes },
    demandeurIds: g.ids,
  }));
}

type PieceMeta = Pick<JustificatifTable, 'id' | 'type' | 'nom_original' | 'statut' | 'depose_le'> & { metadonnees_pdf: MetadonneesPdf } &
  Pick<DemandeTable, 'demandeur_id'> & Pick<DemandeurTable, 'nom' | 'prenom'>;

const LOT = 1000;

/**
 * PDF metadata anomalies (shared/rules/metadonnees.ts) of one piece, or of every piece not yet
 * marked falsifié (the job), read in batches by id so memory stays flat.
 */
export async function signauxMetadonnees(em: EntityManager, justificatifId: number | null): Promise<NouveauSignalement[]> {
  const out: NouveauSignalement[] = [];
  let apres = 0;
  for (;;) {
    const pieces = await em.execute<PieceMeta[]>(
      `select j.id, j.type, j.nom_original, j.statut, j.depose_le, j.metadonnees_pdf, d.demandeur_id, dr.nom, dr.prenom
         from justificatif j join demande d on d.id = j.demande_id join demandeur dr on dr.id = d.demandeur_id
        where j.metadonnees_pdf is not null and ${justificatifId === null ? `j.statut <> 'falsifie' and j.id > ?` : 'j.id = ?'}
        order by j.id limit ${LOT}`,
      [justificatifId ?? apres],
    );
    for (const p of pieces) {
      const anomalies = anomaliesMetadonnees(p.type, p.metadonnees_pdf);
      if (anomalies.length === 0) continue;
      out.push({
        type: 'metadonnees_pdf',
        cle: cleSignalement('metadonnees_pdf', `j${p.id}`, [p.demandeur_id]),
        score: scoreMetadonnees(anomalies),
        preuves: {
          justificatifId: p.id, typePiece: p.type, nomOriginal: p.nom_original, statutPiece: p.statut, deposeLe: p.depose_le,
          metadonnees: p.metadonnees_pdf, anomalies: anomalies.map(({ code, detail }) => ({ code, detail })),
          comptes: [{ id: p.demandeur_id, nom: p.nom, prenom: p.prenom }],
        },
        demandeurIds: [p.demandeur_id],
      });
    }
    if (justificatifId !== null || pieces.length < LOT) return out;
    apres = pieces[pieces.length - 1].id;
  }
}

/**
 * Fraud signals computed right after a justificatif is stored, in the upload's transaction: the
 * same file under other demandeurs, PDF metadata anomalies. (Identities, telephones and e-mails
 * are covered by the periodic job, `detecterDoublons`.) Callers rely on this signature.
 */
export async function signalerApresDepot(em: EntityManager, justificatifId: number, now: Date): Promise<void> {
  const [piece] = await em.execute<{ sha256: string }[]>(`select sha256 from justificatif where id = ?`, [justificatifId]);
  if (!piece) return;
  const signaux = [...(await signauxFichiers(em, piece.sha256)), ...(await signauxMetadonnees(em, justificatifId))];
  await enregistrerSignalements(em, signaux, now);
}
