import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '@console/test/server';
import { dataProvider } from './dataProvider';

const problem = (status: number, body: Record<string, unknown>) =>
  HttpResponse.json({ type: 'about:blank', status, ...body }, { status, headers: { 'Content-Type': 'application/problem+json' } });

describe('dataProvider', () => {
  it('reads a simple-rest list with the session cookie', async () => {
    let credentials: RequestCredentials | undefined;
    server.use(
      http.get('/api/bailleurs', ({ request }) => {
        credentials = request.credentials;
        return HttpResponse.json([{ id: 1, nom: 'Habitat Rhône' }], { headers: { 'Content-Range': 'bailleurs 0-0/1' } });
      }),
    );
    const { data, total } = await dataProvider.getList('bailleurs', { pagination: { page: 1, perPage: 25 }, sort: { field: 'nom', order: 'ASC' }, filter: {} });
    expect(data).toEqual([{ id: 1, nom: 'Habitat Rhône' }]);
    expect(total).toBe(1);
    expect(credentials).toBe('include');
  });

  it('turns a problem+json refusal into an error carrying the French detail and the code', async () => {
    server.use(http.post('/api/candidatures/5/designer', () => problem(409, { title: 'Conflit', code: 'DROITS_PSEEC_EPUISES', detail: "L'entreprise n'a plus de droits PSEEC." })));
    await expect(dataProvider.candidatureAction(5, 'designer', {})).rejects.toMatchObject({
      status: 409,
      message: "L'entreprise n'a plus de droits PSEEC.",
      body: { code: 'DROITS_PSEEC_EPUISES' },
    });
  });

  it('maps field errors onto the form fields', async () => {
    server.use(
      http.post('/api/bailleurs', () =>
        problem(400, {
          code: 'DONNEES_INVALIDES',
          detail: 'Certaines données sont invalides.',
          errors: [{ field: 'siren', message: 'SIREN à 9 chiffres' }, { field: '(corps)', message: 'Corps illisible' }],
        }),
      ),
    );
    await expect(dataProvider.create('bailleurs', { data: { nom: 'X', siren: '12' } })).rejects.toMatchObject({
      status: 400,
      body: { errors: { siren: 'SIREN à 9 chiffres', root: { serverError: 'Corps illisible' } } },
    });
  });

  it('posts candidature actions to their route and answers the updated record', async () => {
    let body: unknown;
    server.use(
      http.post('/api/candidatures/7/ne-pas-retenir', async ({ request }) => {
        body = await request.json();
        return HttpResponse.json({ id: 7, statut: 'non_retenue' });
      }),
    );
    const { data } = await dataProvider.candidatureAction(7, 'ne-pas-retenir', { motif: 'Dossier incomplet' });
    expect(body).toEqual({ motif: 'Dossier incomplet' });
    expect(data).toMatchObject({ id: 7, statut: 'non_retenue' });
  });

  it('reports a network failure in French', async () => {
    server.use(http.get('/api/offres/1', () => HttpResponse.error()));
    await expect(dataProvider.getOne('offres', { id: 1 })).rejects.toMatchObject({ status: 0, message: 'app.erreurs.reseau' });
  });
});
