/**
 * The real file of each justificatif: a one-page PDF (pdf-lib) naming its holder, or for most
 * identity pieces a small PNG "scan" (hand-made PNG, unique stripe pattern per holder).
 */
import type { TypeJustificatif } from '@shared/domain/enums';
import { pdf } from './files/pdf';
import { png, type Rgb } from './files/png';
import { document, type ContexteDocument } from './fichiers-textes';
import type { Retouche } from './justificatifs-plan';
import { JOUR, alaSeconde, jourIso } from './util';

export interface Fichier {
  contenu: Buffer;
  mime: string;
  nomOriginal: string;
  metadonneesPdf: Record<string, string | null> | null;
}

const PRODUCTEURS: Partial<Record<TypeJustificatif, [producer: string, creator: string]>> = {
  avis_imposition: ['DGFiP - Edition des avis', 'impots.gouv.fr'],
  bulletin_salaire: ['Silae Paie', 'Silae'],
  justificatif_domicile: ['EDF Facturation', 'EDF'],
  reconnaissance_dalo_daho: ['LibreOffice 7.5', 'Writer'],
  identite: ['Canon iR-ADV C5535 PDF', 'Canon'],
};
const PAR_DEFAUT: [string, string][] = [
  ['Microsoft® Word pour Microsoft 365', 'Microsoft® Word pour Microsoft 365'],
  ['Skia/PDF m120', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0'],
  ['macOS Version 14.2 (Build 23C64) Quartz PDFContext', 'Pages'],
];
const RETOUCHES: Record<Exclude<Retouche, null>, [string, string]> = {
  photoshop: ['Adobe Photoshop 25.0 (Windows)', 'Adobe Photoshop 25.0 (Windows)'],
  ilovepdf: ['iLovePDF', 'iLovePDF'],
};
const NOMS_FICHIERS: Record<TypeJustificatif, string[]> = {
  identite: ['CNI_recto_verso.pdf', 'piece-identite.pdf'],
  ressources: ['attestation_ressources.pdf', 'Attestation CAF.pdf'],
  avis_imposition: ['avis_imposition.pdf', 'AvisImpot.pdf'],
  attestation_employeur: ['attestation_employeur.pdf', 'Attestation de travail.pdf'],
  bulletin_salaire: ['bulletin_salaire.pdf', 'fiche_de_paie.pdf'],
  justificatif_domicile: ['facture_edf.pdf', 'justificatif_domicile.pdf'],
  attestation_hebergement: ['attestation_hebergement.pdf'],
  justificatif_situation: ['attestation_situation.pdf'],
  reconnaissance_dalo_daho: ['decision_comed_dalo.pdf'],
};
const BANDES: Rgb[] = [[32, 78, 160], [120, 28, 48], [30, 110, 70]];

export interface EntreeFichier {
  type: TypeJustificatif;
  doc: ContexteDocument;
  deposeLe: Date;
  retouche: Retouche;
}

export async function fichier(e: EntreeFichier): Promise<Fichier> {
  const { rng } = e.doc;
  if (e.type === 'identite' && e.retouche === null && rng.chance(0.85)) return scan(e);
  const { titre, lignes } = document(e.type, e.doc);
  const [producer, creator] = e.retouche ? RETOUCHES[e.retouche] : (PRODUCTEURS[e.type] ?? rng.pick(PAR_DEFAUT));
  const creationDate = alaSeconde(new Date(e.deposeLe.getTime() - rng.int(1, 60) * JOUR - rng.int(0, 86_399) * 1000));
  // A retouched file: modified long after it was created (9 to 14 months), just before upload.
  const modificationDate = e.retouche ? alaSeconde(new Date(e.deposeLe.getTime() - rng.int(1, 48) * 3_600_000)) : creationDate;
  const creation = e.retouche ? alaSeconde(new Date(modificationDate.getTime() - rng.int(270, 420) * JOUR)) : creationDate;
  const auteur = `${e.doc.titulaire.prenom} ${e.doc.titulaire.nom}`;
  const contenu = await pdf({ titre, lignes, auteur, producer, creator, creationDate: creation, modificationDate });
  return {
    contenu,
    mime: 'application/pdf',
    nomOriginal: rng.pick(NOMS_FICHIERS[e.type]),
    metadonneesPdf: {
      title: titre,
      author: auteur,
      creator,
      producer,
      creationDate: creation.toISOString(),
      modificationDate: modificationDate.toISOString(),
    },
  };
}

function scan(e: EntreeFichier): Fichier {
  const { rng, titulaire: t } = e.doc;
  const motif = Array.from({ length: 45 }, () => (rng.chance(0.5) ? 1 : 0));
  const contenu = png({
    width: 200,
    height: 120,
    fond: [236 + rng.int(0, 12), 236 + rng.int(0, 12), 228 + rng.int(0, 12)],
    bande: rng.pick(BANDES),
    bandeY: rng.int(8, 20),
    bandeHauteur: rng.int(18, 26),
    motif,
    textes: { Title: `Carte d'identite - ${t.nom.toUpperCase()} ${t.prenom}`, Software: rng.pick(['HP ScanJet Pro 2500', 'Samsung Galaxy A52', 'iPhone 13']) },
  });
  const stamp = jourIso(e.deposeLe).replace(/-/g, '');
  return { contenu, mime: 'image/png', nomOriginal: rng.pick([`IMG_${stamp}_${rng.int(100000, 235959)}.png`, 'carte-identite.png', 'CNI_recto.png']), metadonneesPdf: null };
}
