import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { formatTelephone } from '@console/common/format';
import { aujourdhuiParis, debutDuMoisParis } from '@console/exports/dates';
import type { AuditEvent, Export, Notification, Signalement } from '@console/data/records';
import { FIXTURES } from './fixtures';
import { renderAt } from './rendu';
import { server } from './server';

describe('ISSUE-15 names, not numbers or codes', () => {
  it('ISSUE-15: an export names its agent and says what was asked in words (bailleur’s name, period dd/mm/yyyy), never bailleurId / from / to', async () => {
    const x: Export = { ...(FIXTURES.exports as Export), params: { bailleurId: 3, from: '2026-03-01', to: '2026-03-31' } };
    renderAt('/exports/81/show', 'manager', { fixtures: { ...FIXTURES, exports: x } });
    expect(await screen.findByText('Claire Martin')).toBeTruthy();
    expect(await screen.findByText('du 01/03/2026 au 31/03/2026')).toBeTruthy();
    await waitFor(() => expect(screen.getAllByText('Habitat Rhône').length).toBeGreaterThan(1)); // destinataire and the bailleur param
    expect(document.body.textContent).not.toMatch(/Agent n°|bailleurId|"from"|"to"/);
  });

  it('ISSUE-15: the audit journal shows the actor’s name and the action in French', async () => {
    const ev: AuditEvent = { ...(FIXTURES['audit-events'] as AuditEvent), acteurNom: 'Claire Martin', action: 'prise_dossier' };
    renderAt('/audit-events', 'admin', { fixtures: { ...FIXTURES, 'audit-events': ev } });
    const ligne = (await screen.findByText('Claire Martin')).closest('tr')!;
    expect(within(ligne).getByText('Prise en charge')).toBeTruthy();
    expect(within(ligne).queryByText('prise_dossier')).toBeNull();
  });

  it('ISSUE-15: the outbox names the demandeur, not « n° 11 »', async () => {
    const n: Notification = { ...(FIXTURES.notifications as Notification), demandeurNom: 'Marie Dupont' };
    renderAt('/notifications/91/show', 'admin', { fixtures: { ...FIXTURES, notifications: n } });
    expect(await screen.findByText('Marie Dupont')).toBeTruthy();
    expect(screen.queryByText('n° 11')).toBeNull();
  });

  it('ISSUE-15: the PDF metadata of a fraud signal: keys in French, dates dd/mm/yyyy', async () => {
    const s: Signalement = {
      ...(FIXTURES.signalements as Signalement), type: 'metadonnees_pdf',
      preuves: { justificatifId: 31, nomOriginal: 'avis.pdf', typePiece: 'avis_imposition', metadonnees: { Producer: 'Adobe Photoshop 25.0', CreationDate: "D:20250105143000+01'00'" }, anomalies: [] },
    };
    renderAt('/signalements/71/show', 'controle_fraude', { fixtures: { ...FIXTURES, signalements: s } });
    expect(await screen.findByText('Logiciel producteur')).toBeTruthy();
    expect(screen.getByText('Créé le')).toBeTruthy();
    expect(screen.getByText('05/01/2025 14:30')).toBeTruthy();
    expect(screen.queryByText('CreationDate')).toBeNull();
  });

  it('ISSUE-15: « Prendre » on a signal has a French tooltip, not its i18n key', async () => {
    server.use(http.get('/api/signalements', () => HttpResponse.json([FIXTURES.signalements], { headers: { 'Content-Range': 'signalements 0-0/1' } })));
    renderAt('/signalements', 'controle_fraude');
    const bouton = await screen.findByRole('button', { name: /Prendre/ });
    fireEvent.mouseOver(bouton);
    expect(document.body.innerHTML).not.toContain('app.fraude.actions.prendreAide');
    expect(bouton.getAttribute('title') ?? (await screen.findByRole('tooltip')).textContent).toBe('M’assigner ce signalement');
  });

  it('ISSUE-15: phone numbers in pairs (06 12 34 56 78), +33 as 0, anything else as given', () => {
    expect(formatTelephone('0612345678')).toBe('06 12 34 56 78');
    expect(formatTelephone('+33 6 12 34 56 78')).toBe('06 12 34 56 78');
    expect(formatTelephone('06.12.34.56.78')).toBe('06 12 34 56 78');
    expect(formatTelephone('+44 20 7946 0958')).toBe('+44 20 7946 0958');
    expect(formatTelephone(null)).toBe('');
  });
});

describe('ISSUE-15 exports: nothing opens raw problem+json, dates in Paris', () => {
  it('ISSUE-15: « Télécharger » of an export still running is disabled and says why (no link to the file)', async () => {
    const x: Export = { ...(FIXTURES.exports as Export), statut: 'en_cours', progression: 40 };
    renderAt('/exports/81/show', 'manager', { fixtures: { ...FIXTURES, exports: x } });
    const bouton = (await screen.findByRole('button', { name: 'Télécharger' })) as HTMLButtonElement;
    expect(bouton.disabled).toBe(true);
    expect(screen.queryByRole('link', { name: 'Télécharger' })).toBeNull();
    expect(screen.getByText('Le fichier sera disponible une fois l’export terminé.')).toBeTruthy();
  });

  it('ISSUE-15: the export form’s default period is in Paris days: at 00:30 in Paris on 1 December, today is 01/12, not 30/11 (UTC)', () => {
    const minuitTrente = new Date('2026-11-30T23:30:00Z'); // 00:30 in Paris, 1 December
    expect(aujourdhuiParis(minuitTrente)).toBe('2026-12-01');
    expect(debutDuMoisParis(minuitTrente)).toBe('2026-12-01');
    expect(aujourdhuiParis(new Date('2026-07-15T21:59:00Z'))).toBe('2026-07-15');
  });
});
