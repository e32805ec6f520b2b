/** The French wording of each generated document, by type of justificatif. */
import type { TypeJustificatif } from '@shared/domain/enums';
import type { Rng } from './prng';
import { LIBELLE_SITUATION } from './textes';

export interface Titulaire {
  civilite: 'M' | 'Mme';
  nom: string;
  prenom: string;
  dateNaissance: string;
}

export interface ContexteDocument {
  rng: Rng;
  titulaire: Titulaire;
  annee: number;
  /** Day the document was issued ("12/03/2026"). */
  emisLe: string;
  revenuFiscal: number;
  nombrePersonnes: number;
  entreprise: { raisonSociale: string; siret: string } | null;
  commune: { nom: string; codePostal: string } | null;
  situations: string[];
  departement: string;
}

/** "28 450 €" with plain spaces (WinAnsi has no narrow no-break space). */
export function euros(n: number): string {
  return `${String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')} €`;
}

const frDate = (iso: string) => iso.split('-').reverse().join('/');
const MOIS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const RUES = ['rue de la République', 'avenue Jean Jaurès', 'rue Victor Hugo', 'boulevard Voltaire', 'rue Pasteur', 'cours Gambetta', 'rue des Lilas'];

export function document(type: TypeJustificatif, c: ContexteDocument): { titre: string; lignes: string[] } {
  const { rng, titulaire: t } = c;
  const nomComplet = `${t.nom.toUpperCase()} ${t.prenom}`;
  const ne = t.civilite === 'Mme' ? 'née' : 'né';
  const adresse = `${rng.int(1, 180)} ${rng.pick(RUES)}, ${c.commune?.codePostal ?? '75011'} ${c.commune?.nom ?? 'Paris'}`;
  const employeur = c.entreprise ?? { raisonSociale: 'SARL Dupuis Services', siret: '41234567800018' };
  const mensuel = Math.max(900, c.revenuFiscal / 12 / Math.max(1, Math.min(2, c.nombrePersonnes)));
  switch (type) {
    case 'identite':
      return {
        titre: `Carte nationale d'identité — ${nomComplet}`,
        lignes: [`Nom : ${t.nom.toUpperCase()}`, `Prénom(s) : ${t.prenom}`, `${ne} le ${frDate(t.dateNaissance)}`, `N° ${rng.int(100000, 999999)}${rng.pick(['AB', 'CD', 'XF'])}${rng.int(10000, 99999)}`],
      };
    case 'avis_imposition':
      return {
        titre: `Avis d'impôt sur les revenus ${c.annee - 2} — ${nomComplet}`,
        lignes: [
          'Direction générale des Finances publiques',
          `Déclarant 1 : ${nomComplet}, ${ne} le ${frDate(t.dateNaissance)}`,
          `Nombre de parts : ${c.nombrePersonnes <= 2 ? c.nombrePersonnes : c.nombrePersonnes - 1}`,
          `Revenu fiscal de référence : ${euros(c.revenuFiscal)}`,
          `Numéro fiscal : ${rng.int(10, 39)} ${rng.int(10, 99)} ${rng.int(100, 999)} ${rng.int(100, 999)} ${rng.int(100, 999)}`,
          `Établi le ${c.emisLe}`,
        ],
      };
    case 'ressources':
      return {
        titre: `Attestation de ressources — ${nomComplet}`,
        lignes: [`Revenus mensuels nets des trois derniers mois : ${euros(mensuel)}`, `Adresse : ${adresse}`, `Fait le ${c.emisLe}`],
      };
    case 'attestation_employeur':
      return {
        titre: `Attestation employeur — ${employeur.raisonSociale}`,
        lignes: [
          `Je soussignée, directrice des ressources humaines, atteste que ${t.civilite} ${t.prenom} ${t.nom}`,
          `est employé(e) en contrat à durée indéterminée depuis le ${rng.int(1, 28)} ${rng.pick(MOIS)} ${c.annee - rng.int(1, 12)}.`,
          `SIRET : ${employeur.siret}`,
          `Lieu de travail : ${c.commune?.nom ?? 'Paris'}`,
          `Fait pour servir et valoir ce que de droit, le ${c.emisLe}`,
        ],
      };
    case 'bulletin_salaire':
      return {
        titre: `Bulletin de paie — ${rng.pick(MOIS)} ${c.annee}`,
        lignes: [`Employeur : ${employeur.raisonSociale} (SIRET ${employeur.siret})`, `Salarié : ${nomComplet}`, `Salaire brut : ${euros(mensuel * 1.28)}`, `Net à payer avant impôt : ${euros(mensuel)}`],
      };
    case 'justificatif_domicile':
      return {
        titre: `Facture d'électricité — ${nomComplet}`,
        lignes: [`Adresse de consommation : ${adresse}`, `Période : ${rng.pick(MOIS)} ${c.annee}`, `Montant TTC : ${rng.int(35, 160)},${String(rng.int(0, 99)).padStart(2, '0')} €`],
      };
    case 'attestation_hebergement':
      return {
        titre: "Attestation d'hébergement à titre gratuit",
        lignes: [`Je certifie héberger ${t.civilite} ${t.prenom} ${t.nom} à mon domicile,`, adresse, `depuis le ${rng.int(1, 28)} ${rng.pick(MOIS)} ${c.annee - 1}.`, `Fait le ${c.emisLe}`],
      };
    case 'justificatif_situation':
      return {
        titre: `Attestation de situation — ${nomComplet}`,
        lignes: [`Situation : ${c.situations.map((s) => LIBELLE_SITUATION[s] ?? s).join(', ') || 'non précisée'}`, 'Établie par le travailleur social référent', `Le ${c.emisLe}`],
      };
    case 'reconnaissance_dalo_daho':
      return {
        titre: `Décision de la commission de médiation DALO — département ${c.departement}`,
        lignes: [`La commission reconnaît ${t.civilite} ${t.prenom} ${t.nom} prioritaire`, 'et devant être logé(e) en urgence.', `Séance du ${c.emisLe}`],
      };
  }
}
