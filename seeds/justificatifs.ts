/**
 * The justificatifs of every demande, with their real files written content-addressed under
 * the file storage (content-addressed: sha256, size and MIME on the row), and who checked them when.
 */
import { Justificatif, type IJustificatif } from '@server/modules/justificatifs/Justificatif.entity';
import type { AgentSeed, Agents } from './agents';
import { commune as communeDe } from './communes';
import { inserer, type SeedContext } from './context';
import { fichier } from './fichiers';
import type { ContexteDocument } from './fichiers-textes';
import { Stockage, type FichierStocke } from './files/store';
import { planPieces, type PiecePlan } from './justificatifs-plan';
import type { PersonnePlan } from './plan';
import { HEURE, JOUR, MINUTE, entre, jourIso, min, plusJours, plusMs } from './util';
import { MOTIF_REFUS_PERIME, MOTIFS_FALSIFICATION, motifsRefusPiece } from './textes';

export interface PieceSeed extends PiecePlan {
  id: number;
  deposeLe: Date;
  dateValiditeFin: string | null;
  verifiePar: AgentSeed | null;
  verifieLe: Date | null;
}

const formatFr = (d: Date) => jourIso(d).split('-').reverse().join('/');

export async function seedJustificatifs(ctx: SeedContext, personnes: PersonnePlan[], agents: Agents): Promise<PieceSeed[]> {
  const stockage = new Stockage(ctx.storage);
  const partages = new Map<string, { stocke: FichierStocke; nomOriginal: string; metadonneesPdf: Record<string, string | null> | null }>();
  const pieces: PieceSeed[] = [];
  const rows = [];
  for (const p of personnes) {
    const rng = ctx.rng.fork(`pieces-${p.n}`);
    for (const x of planPieces(rng, p)) {
      const d = x.demande;
      const fin = min(d.derniereMiseAJour, d.clotureLe ?? ctx.now, ctx.now);
      const socle = x.type === 'identite' || x.type === 'ressources' || x.type === 'avis_imposition';
      const deposeLe = entre(rng, plusMs(d.creeLe, 10 * MINUTE), socle ? min(fin, plusJours(d.creeLe, 12)) : fin);
      const controle = x.statut !== 'depose';
      const verifiePar = x.statut === 'falsifie' ? agents.fraude : controle ? rng.pick(agents.conseillersDe(p.departement)) : null;
      const verifieLe = controle ? entre(rng, plusMs(deposeLe, HEURE), min(ctx.now, plusMs(deposeLe, 10 * JOUR), d.clotureLe ?? ctx.now)) : null;
      const titulaire = x.titulaire === 'codemandeur' && d.codemandeur ? d.codemandeur : p;
      const motifRefus = x.statut === 'refuse' ? rng.pick(motifsRefusPiece(x.type)) : null;
      // A piece refused as more than three months old is dated so on the document itself.
      const emisAvant = motifRefus === MOTIF_REFUS_PERIME ? rng.int(100, 200) : rng.int(1, 40);
      const lieu = d.lieuTravailCommune ? { nom: d.lieuTravailCommune, codePostal: d.lieuTravailCodePostal ?? '' } : null;
      const doc: ContexteDocument = {
        rng,
        titulaire: { civilite: titulaire.civilite, nom: titulaire.nom, prenom: titulaire.prenom, dateNaissance: titulaire.dateNaissance },
        annee: ctx.annee,
        emisLe: formatFr(plusJours(deposeLe, -emisAvant)),
        revenuFiscal: d.revenuFiscalReference,
        nombrePersonnes: d.nombrePersonnes,
        entreprise: d.entreprise,
        commune: lieu ?? (d.secteursRecherche[0] ? communeDe(d.secteursRecherche[0].codeInsee) : null),
        situations: d.situationsPrioritaires,
        departement: p.departement,
      };
      let fichierSeed = x.partage ? partages.get(x.partage) : undefined;
      if (!fichierSeed) {
        const f = await fichier({ type: x.type, doc, deposeLe, retouche: x.retouche });
        fichierSeed = { stocke: await stockage.stocker(f.contenu, f.mime), nomOriginal: f.nomOriginal, metadonneesPdf: f.metadonneesPdf };
        if (x.partage) partages.set(x.partage, fichierSeed);
      }
      const expire = x.statut === 'expire';
      const dateValiditeFin =
        x.type === 'identite'
          ? jourIso(plusJours(ctx.now, expire ? -rng.int(5, 200) : rng.int(200, 3200)))
          : expire
            ? jourIso(plusJours(ctx.now, -rng.int(5, 90)))
            : null;
      rows.push({
        demande: d.id,
        titulaire: x.titulaire,
        type: x.type,
        statut: x.statut,
        motifRefus,
        dateValiditeFin,
        sha256: fichierSeed.stocke.sha256,
        taille: fichierSeed.stocke.taille,
        mime: fichierSeed.stocke.mime,
        nomOriginal: fichierSeed.nomOriginal,
        metadonneesPdf: fichierSeed.metadonneesPdf,
        actif: true,
        verifiePar: verifiePar?.id ?? null,
        verifieLe,
        motifFalsification: x.statut === 'falsifie' ? (MOTIFS_FALSIFICATION[x.type] ?? 'Document falsifié (contrôle des métadonnées et du contenu).') : null,
        deposeLe,
      });
      pieces.push({ ...x, id: 0, deposeLe, dateValiditeFin, verifiePar, verifieLe });
    }
  }
  await stockage.termine();
  const ids = await inserer<IJustificatif>(ctx.em, Justificatif, rows);
  pieces.forEach((x, i) => (x.id = ids[i]));
  return pieces;
}
