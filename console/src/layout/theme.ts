import type { Theme } from '@mui/material/styles';
import { defaultTheme, type RaThemeOptions } from 'react-admin';

const PRIMAIRE = '#1d3f8c';

/**
 * A visible focus ring (RGAA 10.7, WCAG 2.4.7): 2 px in the primary blue (contrast above 3:1 on
 * white and on the grey background), only for keyboard focus (:focus-visible), never for a click.
 */
const ANNEAU = { outline: `2px solid ${PRIMAIRE}`, outlineOffset: 2 };
/** Inside a row or a list line the ring is drawn inward, so that the table or the list does not clip it. */
const ANNEAU_INTERIEUR = { outline: `2px solid ${PRIMAIRE}`, outlineOffset: -2 };

/** react-admin's default theme, denser and in the platform's blue: a console used all day. */
export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    ...defaultTheme.palette,
    primary: { main: PRIMAIRE },
    secondary: { main: '#6a1b9a' },
    // MUI's default blue and orange give white chip text 3.9:1 and 3.1:1 (« Déposée », « En
    // instruction »): these keep 4.5:1 (WCAG 1.4.3) as chip background and as text on the page.
    info: { main: '#0270b3' },
    warning: { main: '#ad5000' },
    background: { default: '#f5f6f8' },
  },
  typography: { ...defaultTheme.typography, fontSize: 13 },
  components: {
    ...defaultTheme.components,
    MuiCssBaseline: {
      styleOverrides: {
        'a:focus-visible, [tabindex]:focus-visible': ANNEAU,
        'tr:focus-visible, [role="row"]:focus-visible': ANNEAU_INTERIEUR,
      },
    },
    // Buttons, icon buttons, tabs, checkboxes, menu items: every MUI control is a ButtonBase.
    MuiButtonBase: { styleOverrides: { root: { '&.Mui-focusVisible, &:focus-visible': ANNEAU } } },
    MuiListItemButton: { styleOverrides: { root: { '&.Mui-focusVisible, &:focus-visible': ANNEAU_INTERIEUR } } },
    MuiMenuItem: { styleOverrides: { root: { '&.Mui-focusVisible, &:focus-visible': ANNEAU_INTERIEUR } } },
    MuiTableRow: { styleOverrides: { root: { '&:focus-visible': ANNEAU_INTERIEUR } } },
    // react-admin's row checkbox puts its aria-label on the span around the input (a label on an
    // element without a role, and an unlabelled checkbox): the input, which takes focus, gets it.
    MuiCheckbox: {
      defaultProps: {
        slotProps: {
          root: (o: { 'aria-label'?: string }) => (o['aria-label'] ? { 'aria-label': undefined } : {}),
          input: (o: { 'aria-label'?: string }) => (o['aria-label'] ? { 'aria-label': o['aria-label'] } : {}),
        },
      },
    },
    // A spinner or a bar says what it is to a screen reader (WCAG 4.1.2, axe aria-progressbar-name).
    MuiCircularProgress: { defaultProps: { 'aria-label': 'Chargement en cours' } },
    MuiLinearProgress: { defaultProps: { 'aria-label': 'Chargement en cours' } },
    MuiTextField: { defaultProps: { size: 'small', variant: 'outlined' } },
    MuiFormControl: { defaultProps: { size: 'small', variant: 'outlined' } },
    MuiChip: { styleOverrides: { sizeSmall: { height: 22, fontSize: 12 } } },
    // The empty-list message is grey on white at 2.6:1 in react-admin (text.disabled): secondary text instead.
    RaEmpty: { styleOverrides: { root: ({ theme: t }: { theme: Theme }) => ({ '& .RaEmpty-message': { color: t.palette.text.secondary } }) } },
    // react-admin keeps the bulk actions bar in the page with no row selected, folded to 0 px: its
    // buttons stayed in the Tab order, invisible. Folded, it is hidden from the keyboard and from screen readers.
    RaBulkActionsToolbar: { styleOverrides: { root: { '& .RaBulkActionsToolbar-collapsed': { visibility: 'hidden' } } } },
    // No CSV export from lists: personal data leaves only through audited exports (R-ENT-FIELDS, R-BAIL-MIN).
    RaList: { defaultProps: { exporter: false, perPage: 25 } },
  },
};
