import { Button, Checkbox, Chip, CssBaseline, ListItemButton, Table, TableBody, TableCell, TableRow } from '@mui/material';
import { createTheme, ThemeProvider } from '@mui/material/styles';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { theme } from './theme';

/** Every CSS rule emotion wrote for this render, as text. */
const css = () =>
  Array.from(document.querySelectorAll('style'))
    .map((s) => s.textContent ?? '')
    .join('\n')
    .replace(/\s+/g, '');

/** The declarations of the rules whose selector contains `selecteur`. */
const regles = (texte: string, selecteur: string) =>
  Array.from(texte.matchAll(/([^{}]+)\{([^{}]*)\}/g))
    .filter(([, sel]) => sel.includes(selecteur))
    .map(([, , decl]) => decl);

describe('theme: focus ring (RGAA 10.7)', () => {
  it('buttons, list lines, table rows and focusable elements get a 2 px ring on :focus-visible', () => {
    render(
      <ThemeProvider theme={createTheme(theme)}>
        <CssBaseline />
        <Button>Valider</Button>
        <ListItemButton>Pièce</ListItemButton>
        <Table>
          <TableBody>
            <TableRow tabIndex={0}>
              <TableCell>CAND-1</TableCell>
            </TableRow>
          </TableBody>
        </Table>
      </ThemeProvider>,
    );
    const texte = css();
    const anneau = 'outline:2pxsolid#1d3f8c';
    const focus = regles(texte, 'focus-visible');
    // Button (ButtonBase), ListItemButton, TableRow, and the global [tabindex] / a / tr rules.
    expect(focus.filter((d) => d.includes(anneau)).length).toBeGreaterThanOrEqual(4);
    expect(regles(texte, '[tabindex]:focus-visible').some((d) => d.includes(anneau))).toBe(true);
    expect(regles(texte, 'tr:focus-visible').some((d) => d.includes(`${anneau};outline-offset:-2px`))).toBe(true);
  });
});

/** WCAG contrast ratio of two #rrggbb colours. */
function contraste(a: string, b: string) {
  const l = (c6: string) => {
    const h = c6.length === 4 ? `#${[...c6.slice(1)].map((x) => x + x).join('')}` : c6;
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [l(a), l(b)].sort((m, n) => n - m);
  return (x + 0.05) / (y + 0.05);
}

describe('theme: accessibility (WCAG 2.1 AA)', () => {
  it('A11Y-AXE: a checkbox labelled the react-admin way (aria-label on the component) labels its input, not the span around it', () => {
    render(
      <ThemeProvider theme={createTheme(theme)}>
        <Checkbox aria-label="Sélectionner cette ligne" />
      </ThemeProvider>,
    );
    const coche = screen.getByRole('checkbox', { name: 'Sélectionner cette ligne' });
    expect(coche.tagName).toBe('INPUT');
    expect(coche.parentElement?.hasAttribute('aria-label')).toBe(false);
  });

  it('A11Y-AXE: blue and orange chips (« Déposée », « En instruction ») keep 4.5:1 between their text and their background', () => {
    const t = createTheme(theme);
    for (const c of ['info', 'warning', 'success', 'error', 'primary', 'secondary'] as const) {
      const p = t.palette[c];
      expect(contraste(p.main, p.contrastText), c).toBeGreaterThanOrEqual(4.5);
      // Outlined chips: the colour is the text, on white.
      expect(contraste(p.main, '#ffffff'), c).toBeGreaterThanOrEqual(4.5);
    }
    render(
      <ThemeProvider theme={t}>
        <Chip color="info" label="Déposée" />
      </ThemeProvider>,
    );
    expect(screen.getByText('Déposée')).toBeTruthy();
  });
});
