import { Router } from 'express';
import type { AppContext } from '@server/context';
import { ipDe, limiter, REGLES } from '@server/http/rateLimit';
import { livrerDonnees } from '@server/modules/donnees/livrer';
import { decrireRoute } from '@server/openapi/registry';
import { objet } from '@server/openapi/schemas';
import { z } from 'zod';
import { demandeurDe, requireDemandeur } from './auth';

const lignes = (description: string) => z.array(objet(description));
/** modules/donnees/paquet.ts PaquetDonnees: the lists' columns are named in their descriptions. */
const paquetDonnees = z.strictObject({
  format: z.literal('als-donnees-personnelles/1'),
  genereLe: z.iso.datetime(),
  responsableTraitement: z.string(),
  compte: z.looseObject({
    id: z.number().int(), civilite: z.string(), nom: z.string(), prenom: z.string(), email: z.string(),
    dateNaissance: z.string().nullable(), telephone: z.string().nullable(), statutCompte: z.string(),
  }).meta({ description: 'Aussi : emailVerifieLe, cguVersionAcceptee, derniereConnexion, desactiveLe, creeLe' }),
  demandes: lignes('id, reference, statut, motifCloture, nombrePersonnes, codemandeur, revenuFiscalReference, publicCible, entreprise, lieu de travail, secteursRecherche, situationsPrioritaires…'),
  candidatures: lignes('id, reference, demande, offre, offreTitre, offreCommune, statut, dateCandidature, origine, motif, canal, designeeLe, clotureLe'),
  justificatifs: z.array(z.looseObject({ id: z.number().int(), sha256: z.string(), fichier: z.string().meta({ description: 'Son chemin dans le ZIP' }) })
    .meta({ description: 'Aussi : demande, titulaire, type, statut, motifRefus, dateValiditeFin, taille, mime, nomOriginal, actif, deposeLe, verifieLe' })),
  propositions: lignes('id, offre, offreTitre, statut, message, envoyeeLe, expireLe, reponduLe'),
  notifications: lignes('Courriels envoyés : id, destinataire, template, sujet, corps, envoyeeLe'),
  suspensions: lignes('id, categorie, dureeMois, debut, fin, leveeLe'),
  connexions: lignes('debut, derniereActivite, expireLe, fermeeLe, ip, navigateur'),
  historique: lignes('Événements sur mes données (hors contrôle fraude) : at, acteur (genre), action, entite, entiteId, de, vers, motif, ip (mes actes seulement)'),
  notes: lignes('Notes des agents sur mes dossiers (hors contrôle fraude, sans leur auteur) : creeLe, entite, entiteId, texte'),
  piecesDemandees: lignes('id, candidature, type, titulaire, motif, demandeeLe, satisfaiteLe'),
  envoisBailleurs: lignes('Bailleurs qui ont reçu mon dossier : candidature, bailleur, envoyeLe'),
  decisionsBailleurs: lignes('Décisions des bailleurs : candidature, bailleur, decision, motif, commentaire, dateCaleol, decideLe'),
});

decrireRoute({
  method: 'get', path: '/api/portail/mes-donnees', auth: 'demandeur', summary: 'Toutes mes données personnelles (RGPD art. 15), en JSON',
  description: 'Compte, demandes, candidatures, pièces (métadonnées), propositions, courriels envoyés, suspensions (catégorie et durée), connexions. La demande est journalisée.',
  reponse: { json: paquetDonnees },
  problemes: { 429: ['TROP_DE_REQUETES'] },
});
decrireRoute({
  method: 'get', path: '/api/portail/mes-donnees.zip', auth: 'demandeur', summary: 'Mes données et mes pièces dans un fichier ZIP (RGPD art. 15 et 20)',
  description: '`donnees.json` et les fichiers de mes pièces (`pieces/…`), en flux. La demande est journalisée.',
  reponse: { fichier: ['application/zip'] },
  problemes: { 429: ['TROP_DE_REQUETES'] },
});

/** DATA-ACCES: the demandeur's own data (no CGU acceptance required: a right, not a use of the service). */
export function donneesRouter(ctx: AppContext) {
  const r = Router();
  r.use(requireDemandeur(ctx, { cgu: false }));
  // The JSON and the ZIP count together: each reads everything held on the demandeur.
  const limites = [limiter(ctx, REGLES.donneesIp, ipDe), limiter(ctx, REGLES.donneesDemandeur, (req) => req.demandeur?.id)];
  r.get('/mes-donnees', ...limites, async (req, res) => {
    const id = demandeurDe(req).id;
    await livrerDonnees(ctx, req.em!, res, { demandeurId: id, format: 'json', acteur: { type: 'demandeur', id }, ip: req.ip });
  });
  r.get('/mes-donnees.zip', ...limites, async (req, res) => {
    const id = demandeurDe(req).id;
    await livrerDonnees(ctx, req.em!, res, { demandeurId: id, format: 'zip', acteur: { type: 'demandeur', id }, ip: req.ip });
  });
  return r;
}
