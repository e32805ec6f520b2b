import type { EntityManager } from '@mikro-orm/postgresql';
import { STATUTS_CANDIDATURE, type EtapeInactivite } from '@shared/domain/enums';
import { ajouterJours, ajouterMois, formatDateParis } from '@shared/rules/calendrier';
import { transition } from '@shared/rules/candidature';
import { etatInactivite, type EntreeInactivite, type EnvoiInactivite } from '@shared/rules/inactivite';
import type { CandidatureTable, InactiviteEtapeTable } from '@server/db/schema';
import { audit } from '@server/modules/audit-events/audit';
import { notifier } from '@server/modules/notifications/outbox';
import { lireCandidats, verrouillerEtRelire, type CandidatInactivite } from './candidats';

export interface OptionsInactivite {
  /** Demandes read per query and acted upon per transaction. */
  lot?: number;
  /** Pause between batches (tests slow the job down to kill it midway). */
  pauseMs?: number;
}

export interface ResumeInactivite {
  examinees: number;
  avertissements: number;
  relances: number;
  clotures: number;
  candidaturesCloturees: number;
  /** Due steps another run (replica) did first: the UNIQUE guard refused them here. */
  dejaFaites: number;
}

/** The pre-filter keeps demandes idle for at least 3 months minus this margin (month lengths, DST). */
const MARGE_JOURS = 4;
const MOTIF = 'inactivite';
/** Candidature states the lifecycle lets the system close (R-CAND-FSM `cloturer`). */
const CLOTURABLES = STATUTS_CANDIDATURE.filter((s) => transition(s, 'cloturer', 'systeme').ok);
const TEMPLATES: Record<EtapeInactivite, string> = { avertissement: 'inactivite_avertissement', relance: 'inactivite_relance', cloture: 'inactivite_cloture' };

const entree = (c: CandidatInactivite, maintenant: Date, envois: readonly EnvoiInactivite[] = c.envois): EntreeInactivite => ({
  derniereActivite: c.derniereActivite,
  statutsCandidatures: c.statuts,
  envois,
  maintenant,
});

/**
 * The closure date to announce, from the rule's own calendar: simulate that this step is sent now
 * and each next one as soon as due. A lower bound: the closure never comes earlier.
 */
function dateCloture(c: CandidatInactivite, cycle: string, etape: EtapeInactivite, now: Date): Date {
  const envois: EnvoiInactivite[] = [...c.envois, { cycle, etape, envoyeLe: now }];
  for (;;) {
    const etat = etatInactivite(entree(c, now, envois));
    const suivante = etat.prochaine ?? (etat.due ? { etape: etat.due.etape, a: now } : null);
    if (!suivante) return now;
    if (suivante.etape === 'cloture') return suivante.a;
    envois.push({ cycle, etape: suivante.etape, envoyeLe: suivante.a });
  }
}

/**
 * R-INACT (§11.6), one run: warning at 3 months, reminder 3 days before 4 months, closure at 4
 * months, each exactly once per inactivity cycle whatever the number of runs or replicas.
 * Reads batches of candidate demandes (SQL pre-filter), asks `etatInactivite` which step is due,
 * then per batch, in one transaction: locks the due demandes, re-reads them, inserts the steps
 * into inactivite_etape ON CONFLICT DO NOTHING and acts only for the rows it inserted (mail in the
 * outbox, closure and audit in that same transaction). A crash rolls the batch back whole.
 */
export async function traiterInactivite(em: EntityManager, now: Date, options: OptionsInactivite = {}): Promise<ResumeInactivite> {
  const lot = options.lot ?? 200;
  const resume: ResumeInactivite = { examinees: 0, avertissements: 0, relances: 0, clotures: 0, candidaturesCloturees: 0, dejaFaites: 0 };
  const seuil = ajouterJours(ajouterMois(now, -3), MARGE_JOURS);
  let apresId = 0;
  for (;;) {
    const lus = await lireCandidats(em.fork(), seuil, apresId, lot);
    if (lus.length === 0) break;
    apresId = lus[lus.length - 1].id;
    resume.examinees += lus.length;
    const prevues = new Map<number, string>();
    for (const c of lus) {
      const due = etatInactivite(entree(c, now)).due;
      if (due) prevues.set(c.id, due.cle);
    }
    if (prevues.size > 0) await appliquerLot(em.fork(), prevues, now, resume);
    if (options.pauseMs) await new Promise((r) => setTimeout(r, options.pauseMs));
  }
  return resume;
}

async function appliquerLot(em: EntityManager, prevues: Map<number, string>, now: Date, resume: ResumeInactivite) {
  await em.transactional(async (tx) => {
    const frais = await verrouillerEtRelire(tx, [...prevues.keys()]);
    const aFaire = frais.flatMap((c) => {
      const etat = etatInactivite(entree(c, now));
      // Only the step planned from the first read: a step made due by a concurrent run waits for the next run.
      return etat.due && etat.due.cle === prevues.get(c.id) ? [{ c, cycle: etat.cycle, etape: etat.due.etape }] : [];
    });
    resume.dejaFaites += prevues.size - aFaire.length;
    if (aFaire.length === 0) return;
    const lignes = aFaire.map((a) => ({ demande_id: a.c.id, cycle: a.cycle, etape: a.etape }));
    const inserees = await tx.execute<Pick<InactiviteEtapeTable, 'demande_id' | 'etape'>[]>(
      `insert into inactivite_etape (demande_id, cycle, etape, fait_le)
       select x.demande_id, x.cycle, x.etape, ? from json_to_recordset(?::json) as x(demande_id int, cycle text, etape text)
       on conflict (demande_id, cycle, etape) do nothing returning demande_id, etape`,
      [now, JSON.stringify(lignes)],
    );
    const gagnees = new Set(inserees.map((r) => `${r.demande_id}#${r.etape}`));
    resume.dejaFaites += aFaire.length - gagnees.size;
    const miennes = aFaire.filter((a) => gagnees.has(`${a.c.id}#${a.etape}`));
    const clotures = miennes.filter((a) => a.etape === 'cloture').map((a) => a.c);
    const fermees = await cloturer(tx, clotures, now);
    for (const { c, cycle, etape } of miennes) {
      if (etape === 'avertissement') resume.avertissements++;
      if (etape === 'relance') resume.relances++;
      if (etape === 'cloture') resume.clotures++;
      const candidatures = fermees.get(c.id) ?? [];
      resume.candidaturesCloturees += candidatures.length;
      audit(tx, {
        at: now, acteur: { type: 'systeme' }, action: `inactivite_${etape}`, entite: 'demande', entiteId: c.id,
        ...(etape === 'cloture' ? { de: c.statut, vers: 'cloturee', motif: MOTIF } : {}),
        details: { cycle, derniereActivite: c.derniereActivite, candidatures: candidatures.map((x) => x.reference) },
      });
      notifier(tx, {
        demandeurId: c.demandeur_id, destinataire: c.email, template: TEMPLATES[etape], entite: 'demande', entiteId: c.id, now,
        cle: `inactivite:${c.id}:${cycle}:${etape}`,
        donnees: {
          civilite: c.civilite, nom: c.nom, prenom: c.prenom, demande: c.reference,
          derniereActivite: formatDateParis(c.derniereActivite),
          dateCloture: etape === 'cloture' ? formatDateParis(now) : formatDateParis(dateCloture(c, cycle, etape, now)),
          date: formatDateParis(now),
          candidatures: candidatures.map((x) => x.reference).join(', ') || null,
        },
      });
    }
  });
}

/** Closes the demandes and their open candidatures (motif inactivite), with one audit event per candidature. */
async function cloturer(tx: EntityManager, demandes: CandidatInactivite[], now: Date) {
  const parDemande = new Map<number, { id: number; reference: string }[]>();
  if (demandes.length === 0) return parDemande;
  const ids = demandes.map((d) => d.id);
  await tx.execute(`update demande set statut = 'cloturee', motif_cloture = ?, cloture_le = ? where id in (?) and statut <> 'cloturee'`, [MOTIF, now, ids]);
  const fermees = await tx.execute<(Pick<CandidatureTable, 'id' | 'demande_id' | 'reference'> & { de: CandidatureTable['statut'] })[]>(
    `with c as (select id, statut from candidature where demande_id in (?) and statut in (?) order by id for update)
     update candidature x set statut = 'cloturee', cloture_le = ?, motif = ?, version = x.version + 1, updated_at = ?
       from c where x.id = c.id returning x.id, x.demande_id, x.reference, c.statut as de`,
    [ids, CLOTURABLES, now, 'Clôture automatique de la demande pour inactivité (CGU §11.6)', now],
  );
  for (const f of fermees) {
    parDemande.set(f.demande_id, [...(parDemande.get(f.demande_id) ?? []), f]);
    audit(tx, { at: now, acteur: { type: 'systeme' }, action: 'cloturer', entite: 'candidature', entiteId: f.id, de: f.de, vers: 'cloturee', motif: MOTIF });
  }
  return parDemande;
}
