/**
 * R-INACT history (§11.6) as the nightly job would have left it (server/src/modules/inactivite):
 * one `inactivite_etape` row per step done, keyed by the cycle (ISO instant of the last
 * activity), with its audit event and its outbox notification. Closed demandes went through the
 * three steps; for open idle ones the job's history stops 5 days ago, so its next run has
 * warnings, reminders and closures to do (and each exactly once).
 */
import { formatDateParis } from '@shared/rules/calendrier';
import { derniereActivite, echeancierInactivite } from '@shared/rules/inactivite';
import type { EtapeInactivite } from '@shared/domain/enums';
import { InactiviteEtape, type IInactiviteEtape } from '@server/modules/inactivite/InactiviteEtape.entity';
import type { AuditRow } from './audit';
import type { CandidaturePlan } from './candidatures-types';
import { inserer, type SeedContext } from './context';
import type { PieceSeed } from './justificatifs';
import type { Message } from './notifications';
import type { DemandePlan, PersonnePlan } from './plan';
import { HEURE, plusMs } from './util';

/** The last run of the job recorded here, before `now`. */
const DERNIER_PASSAGE = 5 * 24 * HEURE;
const TEMPLATES: Record<EtapeInactivite, string> = { avertissement: 'inactivite_avertissement', relance: 'inactivite_relance', cloture: 'inactivite_cloture' };

export async function seedInactivite(
  ctx: SeedContext,
  personnes: PersonnePlan[],
  candidatures: CandidaturePlan[],
  pieces: PieceSeed[],
): Promise<{ messages: Message[]; audits: AuditRow[] }> {
  const dernier = new Map<DemandePlan, number>();
  const voir = (d: DemandePlan, t: Date) => dernier.set(d, Math.max(dernier.get(d) ?? 0, t.getTime()));
  for (const c of candidatures) voir(c.demande, c.dateCandidature);
  for (const x of pieces) voir(x.demande, x.deposeLe);
  const rows: { demande: number; cycle: string; etape: EtapeInactivite; faitLe: Date }[] = [];
  const messages: Message[] = [];
  const audits: AuditRow[] = [];
  for (const p of personnes) {
    for (const d of p.demandes) {
      const close = d.motifCloture === 'inactivite';
      if (!close && (d.statut !== 'complete' || d.activite === 'actif')) continue;
      const derniere = derniereActivite(d.derniereMiseAJour, p.derniereConnexion, dernier.get(d) ? new Date(dernier.get(d) as number) : null);
      const ech = echeancierInactivite(derniere);
      // The job runs at the same hour every night: every step lags its nominal date by the same delay.
      const retard = close ? (d.clotureLe as Date).getTime() - ech.cloture.getTime() : 2 * HEURE;
      const fermees = candidatures.filter((c) => c.demande === d && c.statut === 'cloturee').map((c) => c.reference);
      for (const etape of ['avertissement', 'relance', 'cloture'] as const) {
        const faitLe = plusMs(ech[etape], retard);
        if (etape === 'cloture' ? !close : faitLe.getTime() > ctx.now.getTime() - DERNIER_PASSAGE) continue;
        rows.push({ demande: d.id, cycle: ech.cycle, etape, faitLe });
        const cloture = etape === 'cloture';
        audits.push({
          at: faitLe, acteurType: 'systeme', acteurId: null, action: `inactivite_${etape}`, entite: 'demande', entiteId: d.id,
          de: cloture ? 'complete' : null, vers: cloture ? 'cloturee' : null, motif: cloture ? 'inactivite' : null,
          details: { cycle: ech.cycle, derniereActivite: derniere.toISOString(), candidatures: cloture ? fermees : [] }, fraude: false, ip: null,
        });
        messages.push({
          personne: p, at: faitLe, template: TEMPLATES[etape], cle: `inactivite:${d.id}:${ech.cycle}:${etape}`, entite: 'demande', entiteId: d.id,
          donnees: {
            civilite: p.civilite, nom: p.nom, prenom: p.prenom, demande: d.reference, derniereActivite: formatDateParis(derniere),
            dateCloture: formatDateParis(plusMs(ech.cloture, retard)), date: formatDateParis(faitLe), candidatures: cloture && fermees.length ? fermees.join(', ') : null,
          },
        });
      }
    }
  }
  await inserer<IInactiviteEtape>(ctx.em, InactiviteEtape, rows);
  return { messages, audits };
}
